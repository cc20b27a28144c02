"""Putting a page's body, rendered by :func:`wenji.render.render_page`, into MkDocs' page.

Works on the HTML string and on MkDocs' TOC objects (anything with ``children``; the
adapter passes the class to make new ones), without importing MkDocs.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .render import BODY_MARKER, HeadingLinks, RenderedPage, TocEntry


def heading_links(toc_config: Mapping[str, Any] | None) -> HeadingLinks:
    """The permalinks the ``toc`` extension's settings (``mdx_configs["toc"]``) ask for."""
    config = toc_config or {}
    permalink = config.get("permalink", False)
    if permalink is True:
        symbol = "&para;"  # what the toc extension writes for ``permalink: true``
    elif isinstance(permalink, str) and permalink:
        symbol = html.escape(permalink)
    else:
        symbol = ""
    title = config.get("permalink_title", "Permanent link")
    css_class = config.get("permalink_class", "headerlink")
    return HeadingLinks(symbol, str(title), str(css_class))


def fill_body(
    html_text: str,
    toc_items: list[Any],
    rendered: RenderedPage,
    make_link: Callable[[str, str, int], Any],
) -> str:
    """``html_text`` with the body in place of the marker; the body's headings added to
    ``toc_items`` (in place) under the page title, made with ``make_link(title, id, level)``.
    """
    links = _links(rendered.toc, make_link)
    if len(toc_items) == 1 and getattr(toc_items[0], "level", 0) == 1:
        toc_items[0].children = [*(toc_items[0].children or []), *links]
    else:
        toc_items.extend(links)
    before, marker, after = html_text.partition(BODY_MARKER)
    if not marker:  # Markdown wrapped the marker (it never should): keep the text visible
        return html_text + rendered.body
    return before + rendered.body + after


def _links(entries: Sequence[TocEntry], make_link: Callable[[str, str, int], Any]) -> list[Any]:
    links = []
    for entry in entries:
        link = make_link(entry.title, entry.id, entry.level)
        link.children = _links(entry.children, make_link)
        links.append(link)
    return links
