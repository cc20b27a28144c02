"""Levels by nesting: how the marker families of this text contain one another.

Walking the headings in order with a stack of open families, as a reader does: a family
already open closes everything opened inside it and is a sibling at its level; a new family
opens one level deeper. The families of the law and of outlines (编 > 分编 > 章 > 节, and
一、 above （一） above 1.) also close deeper families they must contain, so a 一、 after a
text's opening （一） items is not nested inside them. A text that opens with （一） or 1.
gets them at level 2.

Headings without a marker (curator overrides, standalone section titles) form their own
family ``plain``: at the top before any marker, else one level below the open section.
Lead lines and standalone statements (:mod:`.own_lines`) carry their own family. An opener
run after a section's last numbered sub-section returns to the section (:mod:`.returns`). Paragraph
openers (一是, ——, lead lines) never contain a numbered family or a title: those close them.
A law's 序言, 附则 and 附件 are top-level and close every open family.

A family that opens after a family of the same rank has ended for good (第一个问题… after the
last 第五，… of an earlier run) follows it at its level instead of nesting in its last item.
"""

from __future__ import annotations

from ..patterns import OPENER_KINDS
from .draft import Draft
from .laws import ANNEX, LAW_UNITS
from .own_lines import LEAD
from .returns import returning_runs

PLAIN = "plain"
_RANK = {
    "book": 0,
    "subbook": 1,
    "part": 2,
    "chapter": 2,
    "section": 3,
    "subsection": 4,
    "subsubsection": 5,
    "cn": 6,
    "cn_formal": 6,
    "cn_space": 6,
    "ordinal": 7,
    "ordinal_topic": 7,
    "cn_paren": 8,
    "stem": 8,
    "arabic": 9,
    "arabic_paren": 10,
    "circled": 11,
    "decimal1": 6,
    "decimal2": 7,
    "decimal3": 8,
    "decimal4": 9,
}
_OPENERS = frozenset({*OPENER_KINDS, LEAD})
# Families that close deeper families they must contain when they appear.
_CONTAINERS = frozenset(
    {*LAW_UNITS, "cn", "cn_formal", "cn_space", "decimal1", "decimal2", "decimal3"}
)


def assign_levels(drafts: list[Draft]) -> None:
    """Set the level of every heading that has none yet (overrides keep theirs)."""
    stack: list[str] = []
    last = {(d.marker_kind or PLAIN): i for i, d in enumerate(drafts) if d.heading}
    returning = returning_runs(drafts, frozenset(_RANK) - LAW_UNITS)
    for index, draft in enumerate(drafts):
        if not draft.heading:
            continue
        family = draft.marker_kind or draft.family or PLAIN
        if family == ANNEX:  # 序言, 附则, 附件: top level, containing no family
            stack.clear()
            draft.level = draft.level or 2
            continue
        # 一是 / —— and lead lines open paragraphs of the section they are in: a numbered
        # family or title is their sibling (（一） after a run of —— leads), not inside
        # them; 一是 / —— contain no other opener but may open the paragraphs under a lead.
        inner = OPENER_KINDS if family == LEAD or family in OPENER_KINDS else _OPENERS
        left = returning.get(index)
        if left is not None and left in stack[1:]:  # back in the section (.returns)
            del stack[stack.index(left) :]
        while stack and stack[-1] in inner and stack[-1] != family:
            stack.pop()
        if family in stack:
            del stack[stack.index(family) + 1 :]
        else:
            rank = _RANK.get(family)
            if family in _CONTAINERS and rank is not None:
                while stack and _RANK.get(stack[-1], -1) > rank:
                    stack.pop()
            if (
                stack
                and rank is not None
                and _RANK.get(stack[-1]) == rank
                and last[stack[-1]] < index
            ):
                stack.pop()  # 第一个问题 after a finished run of 第一，: follows, not nests
            stack.append(family)
        if draft.level is None:
            draft.level = min(6, 1 + len(stack))
