"""Search with Pagefind: a static, chunked index per edition instead of Material's one file.

Material's built-in search writes one ``search_index.json`` for the whole site (every
edition mixed, Chinese segmented with jieba at build time) and every reader downloads all
of it. Pagefind indexes the built HTML once after the build, writes one index per
``<html lang>`` split into small chunks, and a query downloads only the chunks and page
fragments it needs.

Chinese is indexed character by character: Pagefind reads each page with a zero-width
space between Han characters (:func:`index_html`; the published page is unchanged), so
every character is a word with its position, and ``assets/search.js`` searches a query
as the exact phrase of its characters. A reader finds every place a word is written, as
with find-in-page, whether or not a word segmenter would have cut the text there: with
Pagefind's own segmentation, 敢为 is found only where the segmenter made it part of a
word such as 敢为人先, not in 干部敢为 (干部 / 敢 / 为).

This module does the site-side work and never imports MkDocs: it marks each page's article
as the part to index (:func:`mark_article`), points Material's search worker at a silent
stand-in so that Material keeps its search box but never searches itself
(:func:`silence_material_worker`); ``indexer.py`` runs Pagefind over the built site.
``assets/search.js`` queries the index in the reader's browser and renders the results in
Material's own result markup.
"""

from __future__ import annotations

import re

OUTPUT_DIR = "pagefind"
SEARCH_SCRIPT = "assets/wenji/search.js"
SILENT_WORKER = "assets/wenji/search-worker.js"

# Not part of the text a reader searches: permalink signs and the edit/view buttons.
EXCLUDE_SELECTORS = (".headerlink", ".md-content__button")

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_PAIR = re.compile(f"(?<=[{HAN}])(?=[{HAN}])")
BODY_MARK = "data-pagefind-body"
_HTML_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"')
_ARTICLE = re.compile(r'<article (?=class="md-content__inner[ "])')
# An element's id attribute in the article, and whether the element is a heading.
_ID_ATTRIBUTE = re.compile(r'<(h[1-6]|[a-z][a-z0-9]*)\b[^>]*?(\sid="[^"]*")', re.I)
_MATERIAL_WORKER = re.compile(
    r'("search":\s*"[^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"'
)


def mark_article(html: str) -> str:
    """``html`` with its Material article marked ``data-pagefind-body`` (the part to index).

    Pages without the article are left unchanged, and :func:`index_html` leaves them out
    (Material's 404 page, which MkDocs renders without ``on_post_page``, is one).
    """
    return _ARTICLE.sub(f"<article {BODY_MARK} ", html, count=1)


def index_html(html: str) -> str | None:
    """The page as Pagefind reads it: its language and its article, with a zero-width space
    between Han characters so that each character is a word. None without a marked article.
    """
    start = html.find(f"<article {BODY_MARK}")
    if start < 0:
        return None
    end = html.find("</article>", start)
    end = len(html) if end < 0 else end + len("</article>")
    language = _HTML_LANG.search(html)
    lang = f' lang="{language.group(1)}"' if language else ""
    article = _HAN_PAIR.sub("\u200b", _section_anchors_only(html[start:end]))
    head = '<head><meta charset="utf-8"></head>'
    return f"<!doctype html><html{lang}>{head}<body>{article}</body></html>"


def _section_anchors_only(article: str) -> str:
    """The article with ids on its headings and on the first element after each, no others.

    Pagefind keeps, in each page's fragment, the text of every element with an id; with an
    id on every paragraph that is the whole text a second time. ``assets/search.js`` needs
    the headings (sections and their titles) and where each heading's text starts (the
    first element after it); other ids only made every fragment, and every query that
    loads it, about twice as big.
    """
    parts: list[str] = []
    at, after_heading = 0, True  # the page's h1 is the first heading
    for match in _ID_ATTRIBUTE.finditer(article):
        heading = match.group(1).lower() in _HEADINGS
        if heading or after_heading:
            after_heading = heading
            continue
        parts.append(article[at : match.start(2)])
        at = match.end(2)
    parts.append(article[at:])
    return "".join(parts)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def silence_material_worker(html: str) -> tuple[str, bool]:
    """Point the page's Material search worker at :data:`SILENT_WORKER`.

    Material renders its search box only when its search plugin is configured, and sends
    each query to the worker named in the page's ``__config``. The stand-in never answers,
    so Material opens, closes and navigates the results as usual but never searches or
    renders results itself. Returns the page and whether the worker was found.
    """
    replaced, count = _MATERIAL_WORKER.subn(rf'\g<1>{SILENT_WORKER}"', html, count=1)
    return replaced, count == 1


def binary_problem() -> str | None:
    """Why Pagefind cannot index Chinese here, or None when its extended binary is present."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return "the pagefind package is not installed (pip install 'pagefind[extended]')"
    executable = get_executable()
    if executable is None:
        return "no Pagefind binary found (pip install 'pagefind[extended]')"
    if "extended" not in executable.name:
        return (
            f"{executable} is not Pagefind's extended binary, the one made for Chinese, "
            "Japanese and Korean text (pip install 'pagefind[extended]')"
        )
    return None


def bundle_path(prefix: str = "") -> str:
    """Where the Pagefind bundle of an edition lives, relative to the site root."""
    return f"{prefix}/{OUTPUT_DIR}/" if prefix else f"{OUTPUT_DIR}/"
