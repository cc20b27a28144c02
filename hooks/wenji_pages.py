"""MkDocs adapter: a text page's body, from the document model to the page's HTML.

``read_source`` renders the document (in its edition's script) with
:func:`wenji.render.render_page`: MkDocs' Markdown sees only the page head, and
``fill_content`` puts the body, rendered by wenji, in place of its marker.
"""

from __future__ import annotations

import html
import time

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from wenji import toclimit
from wenji.addresses import edit_url
from wenji.library import Wording, library_overview_html, raw_text_link
from wenji.pagebody import fill_body, heading_links
from wenji.render import DEFAULT_LABELS, Links, render_page
from wenji_state import BuildState, log_diagnostic

LIBRARY_MARKER = "<!-- wenji:library -->"


def read_source(page: Page, config: MkDocsConfig, state: BuildState) -> str | None:
    """The Markdown of a text's page (its head; the body waits in ``state.bodies``);
    None for a page that is not a text."""
    source = state.pages.get(page.file.src_uri)
    if source is None or source.text is None:
        return None
    started = time.perf_counter()
    document, labels = source.text.document, DEFAULT_LABELS
    builder = state.editions.get(source.edition)
    if builder is not None:
        document = builder.document(document)
        for diagnostic in builder.leftovers(document):
            log_diagnostic(diagnostic)
        labels = builder.labels(DEFAULT_LABELS)
        state.convert_seconds += time.perf_counter() - started
        started = time.perf_counter()
    raw = None
    if state.settings.raw_text:
        file = page.file
        raw = raw_text_link(file.src_uri, source.text.file.raw_uri, file.use_directory_urls)
    commit = state.last_commits.get(source.text.file.source)
    links = Links(raw_text=raw, updated=commit.date if commit else "")
    toc_config = config.mdx_configs.get("toc")
    rendered = render_page(document, links, labels, heading_links(toc_config))
    state.bodies[page.file.src_uri] = rendered  # put in by fill_content
    state.render_seconds += time.perf_counter() - started
    return rendered.markdown


def prepare_markdown(markdown: str, page: Page, state: BuildState) -> str:
    """A text page's edit link; a hand-written page's library overview."""
    if state.pagefind:  # Material's own index stays empty: no jieba, no big download
        page.meta["search"] = {"exclude": True}
    source = state.pages.get(page.file.src_uri)
    if source is not None and source.text is not None:
        base = state.repo_edit_base
        page.edit_url = edit_url(base, source.text.file.source) if base else None
    elif LIBRARY_MARKER in markdown and state.root is not None:
        markdown = markdown.replace(LIBRARY_MARKER, _library_overview(page, state), 1)
    return markdown


def _library_overview(page: Page, state: BuildState) -> str:
    """What a hand-written page's ``<!-- wenji:library -->`` stands for: folders, latest texts."""
    prefix = state.edition_of(page.file.src_uri)
    builder = state.editions.get(prefix)
    labels = builder.labels(DEFAULT_LABELS) if builder else DEFAULT_LABELS
    from_uri = page.file.src_uri[len(prefix) + 1 :] if prefix else page.file.src_uri
    assert state.root is not None
    wording = builder.wording if builder else Wording()
    return library_overview_html(state.root, labels, from_uri, wording=wording)


def fill_content(html_text: str, page: Page, config: MkDocsConfig, state: BuildState) -> str:
    """The body in place; permalink titles (from the toc settings, in the primary script)
    converted. A very long text's TOC keeps its top levels only (``toclimit``)."""
    _pin_title(page)
    rendered = state.bodies.pop(page.file.src_uri, None)
    if rendered is not None:
        html_text = fill_body(html_text, page.toc.items, rendered, AnchorLink)
    toclimit.limit_toc(page.toc.items)
    builder = state.editions.get(state.edition_of(page.file.src_uri))
    title = (config.mdx_configs.get("toc") or {}).get("permalink_title")
    if builder is None or not isinstance(title, str):
        return html_text
    attribute = f'title="{html.escape(title)}"'
    return html_text.replace(attribute, f'title="{html.escape(builder.text(title))}"')


def _pin_title(page: Page) -> None:
    """Material writes ``<title>{{ page.title | striptags }}``, and ``striptags`` turns
    the entities of an escaped title back into markup (``&lt;script&gt;`` → ``<script>``).
    Page titles are HTML in MkDocs (escaped by wenji, rendered by Markdown); with the
    same string as ``page.meta.title`` the theme writes it as it is.
    """
    if "title" not in page.meta and not page.is_homepage and page.title:
        page.meta["title"] = page.title
