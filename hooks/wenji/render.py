"""Rendering: the document model as Markdown that Python-Markdown cannot misread.

Raw text is never trusted as Markdown or HTML. Headings are Markdown (so the ``toc``
extension builds the table of contents) with every ASCII punctuation character written as
a numeric entity; everything else is emitted as HTML with the text escaped, so ``**``,
``<script>``, ``# `` or ``1. `` in a source render literally.

:func:`render_markdown` is the whole page as Markdown (``wenji export``).
:func:`render_page` is what the site build uses: the same page, but only its head goes
through Python-Markdown; the body is HTML made here, in time linear in its length.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from .bylines import is_organ
from .model import Article, Block, Document, Heading, Metadata

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _ASCII_PUNCTUATION}

DEFAULT_LABELS: Mapping[str, str] = {
    "title": "标题",
    "date": "日期",
    "speaker": "讲话人",
    "issuer": "发布机关",  # the speaker when it is a body: 国务院办公厅, 全国人民代表大会常务委员会
    "occasion": "场合",
    "source": "来源",
    "editor": "责任编辑",
    "tags": "标签",
    "raw": "原文",
    "raw_link": "纯文本 (.txt)",
    "updated": "更新",
    "permalink": "段落链接",
    "article_link": "条文链接",
}


@dataclass(frozen=True)
class Links:
    """What the adapter knows and the model does not: addresses (relative to the page), dates."""

    raw_text: str | None = None
    updated: str = ""  # YYYY-MM-DD of the text's last commit, when git knows it


def markdown_text(text: str) -> str:
    """Text safe inside a Markdown heading: ASCII punctuation becomes entities.

    Newlines become spaces; a heading is one line.
    """
    return " ".join(text.split("\n")).translate(_ENTITIES)


def html_text(text: str) -> str:
    """Text safe inside an HTML element or attribute."""
    return html.escape(text, quote=True)


def speaker_key(metadata: Metadata) -> str:
    """The label of the text's speaker: ``issuer`` for a body that issued it (a law's
    国务院 or 全国人民代表大会常务委员会, a notice's 国务院办公厅), else ``speaker``."""
    body = metadata.speaker and not metadata.role and is_organ(metadata.speaker)
    return "issuer" if body else "speaker"


def _meta_rows(metadata: Metadata, labels: Mapping[str, str], links: Links) -> list[str]:
    rows: list[str] = []
    for key in ("date", "speaker", "occasion", "editor"):
        value = metadata.date_text or metadata.date if key == "date" else getattr(metadata, key)
        if key == "speaker" and value and metadata.role:
            value = f"{metadata.role} {value}"
        if key == "speaker":
            key = speaker_key(metadata)
        if value:
            rows.append(_row(key, labels[key], html_text(value)))
    if metadata.source or metadata.source_url:
        name = html_text(metadata.source or metadata.source_url)
        if metadata.source_url:
            url = html_text(metadata.source_url)
            name = f'<a href="{url}" rel="nofollow noopener">{name}</a>'
        rows.append(_row("source", labels["source"], name))
    if metadata.tags:
        tags = "、".join(html_text(tag) for tag in metadata.tags)
        rows.append(_row("tags", labels["tags"], tags))
    if links.updated:
        date = html_text(links.updated)
        rows.append(_row("updated", labels["updated"], f'<time datetime="{date}">{date}</time>'))
    if links.raw_text:
        link = f'<a href="{html_text(links.raw_text)}">{html_text(labels["raw_link"])}</a>'
        rows.append(_row("raw", labels["raw"], link))
    return rows


def _row(key: str, label: str, value_html: str) -> str:
    return f'<div class="wenji-meta-{key}"><dt>{html_text(label)}</dt><dd>{value_html}</dd></div>'


def render_markdown(
    document: Document, links: Links = Links(), labels: Mapping[str, str] = DEFAULT_LABELS
) -> str:
    """The page source MkDocs renders for ``document``."""
    parts = [f"# {markdown_text(document.title)} {{#wenji-title}}"]
    if document.metadata.subtitle:
        parts.append(f'<p class="wenji-subtitle">{html_text(document.metadata.subtitle)}</p>')
    rows = _meta_rows(document.metadata, labels, links)
    if rows:
        parts.append('<dl class="wenji-meta">' + "".join(rows) + "</dl>")
    permalink_title = html_text(labels["permalink"])
    for group in _groups(document.blocks):
        if isinstance(group, Heading):
            classes = " .wenji-lead" if group.kind == "lead" else ""
            heading = "#" * group.level
            parts.append(f"{heading} {markdown_text(group.text)} {{#{group.id}{classes}}}")
        elif isinstance(group, tuple):
            # One raw HTML block: Markdown leaves it whole, up to its </section>.
            parts.append("\n".join(_article_html(group, labels)))
        else:
            parts.append(_paragraph_html(group.id, group.text, permalink_title))
    return "\n\n".join(parts) + "\n"


ArticleGroup = tuple[Article, tuple[Block, ...]]


def _groups(blocks: Iterable[Block]) -> Iterator[Block | ArticleGroup]:
    """The blocks, each article together with its paragraphs (up to the next article or
    heading) as one group."""
    article: Article | None = None
    members: list[Block] = []
    for block in blocks:
        if article is not None and not isinstance(block, Heading | Article):
            members.append(block)
            continue
        if article is not None:
            yield article, tuple(members)
            article, members = None, []
        if isinstance(block, Article):
            article = block
        else:
            yield block
    if article is not None:
        yield article, tuple(members)


def _article_html(group: ArticleGroup, labels: Mapping[str, str]) -> Iterator[str]:
    """An article as a ``<section>`` with its anchor: its label (第十条) in bold, its
    paragraphs each with a permalink."""
    article, members = group
    text = article.text
    label = article.label if article.label and text.startswith(article.label) else ""
    opening = (
        f'<strong class="wenji-article-label">{html_text(label)}</strong>' if label else ""
    ) + html_text(text[len(label) :])
    link_title = html_text(labels["article_link"])
    yield f'<section class="wenji-article" id="{article.id}">'
    yield (f'<p>{opening}<a class="headerlink" href="#{article.id}" title="{link_title}">¶</a></p>')
    permalink_title = html_text(labels["permalink"])
    for member in members:
        yield _paragraph_html(member.id, member.text, permalink_title)
    yield "</section>"


def _paragraph_html(block_id: str, text: str, permalink_title: str) -> str:
    return (
        f'<p id="{block_id}">{html_text(text)}'
        f'<a class="headerlink" href="#{block_id}" title="{permalink_title}">¶</a></p>'
    )


#: Where the body goes in the page's Markdown (see :func:`render_page`); text is escaped,
#: so no text can produce it.
BODY_MARKER = "<!-- wenji:body -->"


@dataclass(frozen=True)
class HeadingLinks:
    """The permalink MkDocs' ``toc`` extension would add to a heading (its settings)."""

    symbol: str = ""  # empty: no permalink
    title: str = "Permanent link"
    css_class: str = "headerlink"


@dataclass
class TocEntry:
    """A heading in the table of contents; ``title`` is HTML."""

    level: int
    id: str
    title: str
    children: list[TocEntry] = field(default_factory=list)


@dataclass(frozen=True)
class RenderedPage:
    """A page as the site build uses it: ``markdown`` holds the title, metadata and
    :data:`BODY_MARKER`; ``body`` is the HTML of the headings and paragraphs that replaces
    the marker after Markdown ran; ``toc`` the nested headings of the body."""

    markdown: str
    body: str
    toc: list[TocEntry]


def render_page(
    document: Document,
    links: Links = Links(),
    labels: Mapping[str, str] = DEFAULT_LABELS,
    heading_links: HeadingLinks = HeadingLinks(),
) -> RenderedPage:
    """The page for a site build, in time linear in the text's length.

    Python-Markdown is slow and superlinear on long pages (it copies the rest of the
    document at the end of every raw HTML block, and pops blocks off the front of a list),
    so only the head of the page goes through it; the body is HTML made here, with the
    same elements, ids and permalinks as :func:`render_markdown` gives through Markdown.
    """
    head = render_markdown(replace(document, blocks=()), links, labels)
    body = "\n".join(_body_html(document, labels, heading_links))
    return RenderedPage(f"{head}\n{BODY_MARKER}\n", body, toc_entries(document))


def toc_entries(document: Document) -> list[TocEntry]:
    """The body's headings, nested by level (a deeper heading goes under the last
    shallower one, as the ``toc`` extension nests them)."""
    roots: list[TocEntry] = []
    stack: list[TocEntry] = []
    for block in document.blocks:
        if not isinstance(block, Heading):
            continue
        entry = TocEntry(block.level, block.id, html_text(block.text))
        while stack and stack[-1].level >= entry.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return roots


def _body_html(
    document: Document, labels: Mapping[str, str], heading_links: HeadingLinks
) -> Iterator[str]:
    paragraph_title = html_text(labels["permalink"])
    heading_title = html_text(heading_links.title)
    heading_class = html_text(heading_links.css_class)
    for block in _groups(document.blocks):
        if isinstance(block, Heading):
            text = html_text(block.text)
            tag = f"h{block.level}"
            classes = ' class="wenji-lead"' if block.kind == "lead" else ""
            link = (
                f'<a class="{heading_class}" href="#{block.id}" title="{heading_title}">'
                f"{heading_links.symbol}</a>"
                if heading_links.symbol
                else ""
            )
            yield f'<{tag} id="{block.id}"{classes}>{text}{link}</{tag}>'
        elif isinstance(block, tuple):
            yield from _article_html(block, labels)
        else:
            yield _paragraph_html(block.id, block.text, paragraph_title)
