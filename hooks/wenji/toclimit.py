"""A usable table of contents for very long texts: the top levels only.

A civil code has 7 编, 84 章, dozens of 节 and 1,260 articles; Material renders a page's
TOC twice (the sidebar, and inside the menu for phones), so every heading in it costs
twice, and a list of 1,300 entries is not a table of contents a reader can use. Here the
TOC keeps as many of its top levels as fit in :data:`TOC_MAX` entries (at least the
first level); deeper headings keep their ids and permalinks, they are only left out of
the TOC. Works on MkDocs' TOC objects (anything with ``children``) without importing
MkDocs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TOC_MAX = 150  # entries of a page's TOC


def toc_depth(items: Sequence[Any], limit: int = TOC_MAX) -> int | None:
    """How many levels of ``items`` fit in ``limit`` entries (at least 1); None: all of them."""
    level: Sequence[Any] = items
    depth, total = 0, 0
    while level:
        total += len(level)
        if total > limit:
            return max(depth, 1)
        depth += 1
        level = [child for item in level for child in (item.children or ())]
    return None


def limit_toc(items: Sequence[Any], limit: int = TOC_MAX) -> int | None:
    """Cut ``items`` (in place) below the depth :func:`toc_depth` allows; that depth.

    A page title alone at the top (a level-1 heading, as wenji's pages have) is not counted:
    the levels are those below it.
    """
    if len(items) == 1 and getattr(items[0], "level", 0) == 1:
        items = items[0].children or ()
    depth = toc_depth(items, limit)
    if depth is not None:
        _cut(items, depth)
    return depth


def _cut(items: Sequence[Any], depth: int) -> None:
    for item in items:
        if depth <= 1:
            item.children = []
        else:
            _cut(item.children or (), depth - 1)
