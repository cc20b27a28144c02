"""A page's navigation with a bounded window of siblings: page weight independent of folder size.

Material renders, on every page, every item of every section on the path to the page
(``navigation.prune`` drops only the other sections' contents). A text in a folder of
2,000 texts would carry 2,000 links, the same on each of its 2,000 siblings. Here each
section on the path shows at most :data:`WINDOW` of its items: :data:`BEFORE` before the
one the reader is in, the rest after it, between two links to the folder's index page,
which lists the whole folder. The reader's neighbours are one click away, as is the full
list; few items before the reader's keep both on a phone's first screen of the menu.

Works on MkDocs' navigation objects without importing MkDocs: sections are anything with
``children`` and ``title``; the views below answer the attributes Material's ``nav.html``
and ``nav-item.html`` templates read and pass everything else to the real object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

WINDOW = 20  # items of a section shown around the reader's position, at most
BEFORE = 5  # of them before it

_positions: dict[int, tuple[Any, dict[int, int]]] = {}  # id(section) -> (section, index)


@dataclass(frozen=True)
class MoreLink:
    """The "whole folder" entry after a truncated window: a plain link in Material's nav."""

    title: str
    url: str
    children: None = None
    active: bool = False
    is_section: bool = False
    is_page: bool = False
    is_link: bool = True
    is_index: bool = False
    meta: None = None


class SectionView:
    """A section as one page sees it: the real section with a window of its children."""

    def __init__(self, section: Any, children: list[Any]) -> None:
        self._section = section
        self.children = children

    def __getattr__(self, name: str) -> Any:
        return getattr(self._section, name)


class NavigationView:
    """A navigation whose top-level items are replaced for one page; the rest as is."""

    def __init__(self, navigation: Any, items: list[Any]) -> None:
        self._navigation = navigation
        self.items = items

    def __getattr__(self, name: str) -> Any:
        return getattr(self._navigation, name)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def window_bounds(
    count: int, position: int, size: int = WINDOW, before: int = BEFORE
) -> tuple[int, int]:
    """The slice [start, end) of ``count`` items to show around ``position``: all if they are
    ``size`` or fewer, else up to ``before`` items before it and the rest after it."""
    if count <= size:
        return 0, count
    start = max(0, position - before)
    return start, min(count, start + size)


def windowed(
    navigation: Any,
    page: Any,
    more_title: Callable[[int], str],
    size: int = WINDOW,
    pruned: bool = False,
) -> Any:
    """``navigation`` as ``page`` should show it: sections on its path windowed.

    ``more_title(count)`` is the text of the link to a truncated section's index page
    (e.g. "全部 2000 篇"). ``pruned``: sections off the page's path are drawn as a link to
    their first item (Material's ``navigation.prune`` without ``navigation.tabs``,
    ``navigation.sections`` or ``navigation.expand``); then they are given their first item
    only, the same HTML for less work (Material's ``nav-item.html`` looks through a section's
    every item for its index page, also when it draws the section as one link). Returns
    ``navigation`` itself when nothing needs windowing.
    """
    path = _path(page)
    if not pruned and not any(_too_long(section, size) for section in path):
        return navigation
    on_path = {id(item) for item in path}
    views = [_view(item, page, on_path, more_title, size, pruned) for item in navigation.items]
    return NavigationView(navigation, views)


def _path(page: Any) -> list[Any]:
    """The sections from the top of the navigation down to the page's own section."""
    path = []
    parent = getattr(page, "parent", None)
    while parent is not None:
        path.append(parent)
        parent = getattr(parent, "parent", None)
    return path[::-1]


def _too_long(section: Any, size: int) -> bool:
    return len(section.children or ()) > size + 1  # + the index page


def _view(
    item: Any,
    page: Any,
    on_path: set[int],
    more_title: Callable[[int], str],
    size: int,
    pruned: bool,
) -> Any:
    if not item.children:
        return item
    if id(item) not in on_path:
        return SectionView(item, list(item.children[:1])) if pruned else item
    children: Sequence[Any] = item.children
    index = next((c for c in children if getattr(c, "is_index", False)), None)
    listed = [c for c in children if c is not index]
    shown = listed
    if len(listed) > size and index is not None:  # without an index page, nothing to link
        current = next((c for c in listed if id(c) in on_path or c is page), None)
        position = _position(item, listed, current) if current is not None else 0
        start, end = window_bounds(len(listed), position, size)
        shown = listed[start:end]
    views = [_view(c, page, on_path, more_title, size, pruned) for c in shown]
    if index is not None and len(shown) < len(listed):
        whole = MoreLink(more_title(len(listed)), index.url)
        views = [whole, *views, whole] if shown[-1] is not listed[-1] else [whole, *views]
    return SectionView(item, [index, *views] if index is not None else views)


def _position(section: Any, listed: list[Any], current: Any) -> int:
    """Where ``current`` stands in ``listed``; one index per section, built once per build."""
    cached = _positions.get(id(section))
    if cached is None or cached[0] is not section:
        cached = (section, {id(child): i for i, child in enumerate(listed)})
        _positions[id(section)] = cached
    return cached[1].get(id(current), 0)


def forget() -> None:
    """Drop the position indexes (a new build has new navigation objects)."""
    _positions.clear()
