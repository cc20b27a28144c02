"""Laws: 编/分编/章/节 are headings; 第X条 are articles, and the 款 and 项 of an article
stay inside it; 序言, 附则 and 附件 lines are top-level headings; a 目录 block at the top
lists the headings once more and is not a second outline."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..patterns import article_number
from .draft import Draft

ANNEX = "annex"
_ANNEX = re.compile(
    r"^(?:序[\s\u3000]*言|附[\s\u3000]*[则則]|附[\s\u3000]*[件表录錄][一二三四五六七八九十\d]{0,3}"
    r"|结[\s\u3000]*束[\s\u3000]*[语語]|結[\s\u3000]*束[\s\u3000]*語)$"  # a report's closing part
)
_CLAUSE_PUNCTUATION = re.compile(r"[，,。；;：:！？!?]")
LAW_UNITS = frozenset(
    {"book", "subbook", "part", "chapter", "section", "subsection", "subsubsection"}
)

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
        first: tuple[str, int, str] | None = None
        for entry in drafts[index + 1 :]:
            text = _SPACES.sub("", entry.source_text)
            if _NOT_IN_ENTRY.search(text):
                break
            if len(text) > _ENTRY_MAX and entry.marker_kind not in LAW_UNITS:
                break  # an entry may list its 节 in brackets: long, but still an entry
            key = (entry.marker_kind, entry.marker_number, "" if entry.marker_kind else text)
            if first is None:
                first = key
            elif key == first:
                break
            entry.demote()
            entry.locked = True
        return


def keep_items_in_articles(drafts: Sequence[Draft]) -> None:
    """After a 第X条 article, numbered items are its 项 (paragraphs), not headings.

    Only the units of the law itself (编, 分编, 章, 节) stay headings once articles began.
    """
    in_article = False
    for index, draft in enumerate(drafts):
        if draft.locked:
            continue
        if draft.marker_kind in LAW_UNITS:
            continue
        if not draft.marker_kind and article_number(draft.text):
            in_article = True
        elif (
            in_article
            and draft.marker_kind
            and draft.heading
            and not _titles_articles(drafts, index)
        ):
            draft.demote()


def _titles_articles(drafts: Sequence[Draft], index: int) -> bool:
    """A short title line (一、受案范围) followed by an article heads a group of articles."""
    draft = drafts[index]
    following = drafts[index + 1] if index + 1 < len(drafts) else None
    return (
        not draft.followers
        and not _CLAUSE_PUNCTUATION.search(draft.source_text)
        and following is not None
        and article_number(following.text) is not None
    )


def mark_annexes(drafts: Sequence[Draft]) -> None:
    """序言, 附则, 附件 (附件一, 附件2) and a report's 结束语 on a line of their own are
    top-level headings."""
    for draft in drafts:
        if not draft.locked and not draft.heading and _ANNEX.match(draft.text):
            draft.heading, draft.marker_kind = True, ANNEX
