"""Rendering: the document model as Markdown that Python-Markdown cannot misread.

Raw text is never trusted as Markdown or HTML. Headings are Markdown (so the ``toc``
extension builds the table of contents) with every ASCII punctuation character written as
a numeric entity; everything else is emitted as HTML with the text escaped, so ``**``,
``<script>``, ``# `` or ``1. `` in a source render literally.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from .model import Document, Heading, Metadata

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _ASCII_PUNCTUATION}

DEFAULT_LABELS: Mapping[str, str] = {
    "title": "标题",
    "date": "日期",
    "speaker": "讲话人",
    "occasion": "场合",
    "source": "来源",
    "editor": "责任编辑",
    "tags": "标签",
    "raw": "原文",
    "raw_link": "纯文本 (.txt)",
    "updated": "更新",
    "permalink": "段落链接",
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


def _meta_rows(metadata: Metadata, labels: Mapping[str, str], links: Links) -> list[str]:
    rows: list[str] = []
    for key in ("date", "speaker", "occasion", "editor"):
        value = metadata.date_text or metadata.date if key == "date" else getattr(metadata, key)
        if key == "speaker" and value and metadata.role:
            value = f"{metadata.role} {value}"
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
    for block in document.blocks:
        if isinstance(block, Heading):
            classes = " .wenji-lead" if block.kind == "lead" else ""
            heading = "#" * block.level
            parts.append(f"{heading} {markdown_text(block.text)} {{#{block.id}{classes}}}")
        else:
            parts.append(
                f'<p id="{block.id}">{html_text(block.text)}'
                f'<a class="headerlink" href="#{block.id}" title="{permalink_title}">¶</a></p>'
            )
    return "\n\n".join(parts) + "\n"
