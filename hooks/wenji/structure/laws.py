"""Laws: 编/分编/章/节 are headings; 第X条 are articles, and the 款 and 项 of an article
stay inside it; a 目录 block at the top lists the headings once more and is not a second
outline."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..patterns import article_number
from .draft import Draft

LAW_UNITS = frozenset({"book", "subbook", "part", "chapter", "section"})

_SPACES = re.compile(r"[\s\u3000]+")
_TOC_TITLES = frozenset({"目录", "目錄"})
_ENTRY_MAX = 40
_TOC_ZONE = 40  # a 目录 line further down is a word of the text, not a block
_NOT_IN_ENTRY = re.compile(r"[。；;！？!?]")


def mark_table_of_contents(drafts: Sequence[Draft]) -> None:
    """Keep the entries of a 目录 block from becoming headings.

    The block runs from the 目录 line over short lines without sentence punctuation and
    ends where its first entry comes again (the body starts) or at the first longer line.
    """
    for index, draft in enumerate(drafts[:_TOC_ZONE]):
        if _SPACES.sub("", draft.text) not in _TOC_TITLES:
            continue
        first: tuple[str, int] | None = None
        for entry in drafts[index + 1 :]:
            text = entry.source_text
            if len(text) > _ENTRY_MAX or _NOT_IN_ENTRY.search(text):
                break
            key = (entry.marker_kind, entry.marker_number)
            if first is None:
                first = key
            elif entry.marker_kind and key == first:
                break
            entry.demote()
            entry.locked = True
        return


def keep_items_in_articles(drafts: Sequence[Draft]) -> None:
    """After a 第X条 article, numbered items are its 项 (paragraphs), not headings.

    Only the units of the law itself (编, 分编, 章, 节) stay headings once articles began.
    """
    in_article = False
    for draft in drafts:
        if draft.locked:
            continue
        if draft.marker_kind in LAW_UNITS:
            continue
        if not draft.marker_kind and article_number(draft.text):
            in_article = True
        elif in_article and draft.marker_kind and draft.heading:
            draft.demote()
