"""Lists are not headings: numbered items that enumerate rather than open a section.

Decided by the run as a whole, never line by line:

- a cluster of numbered lines of one family, next to each other, is a list when one of its
  items is a single clause ending in ；, or when the line before it ends in ： and its
  several items are each a single sentence or a definition (…，是指…), or when it has four
  or more items and none carries text of its own (a page's list of headlines);
- a family's run (its items from 1 on) is a list of article-like paragraphs when fewer than
  half of its items look like headings: the others open with long sentences, are one
  finished sentence on their own line, or are a label with its content (元旦：…放假).

List items render as paragraphs with their marker kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..patterns import first_sentence
from .draft import Draft

_CLAUSE_ENDS = ("；", ";")
_INTRO_ENDS = ("：", ":")
_MIN_ARTICLE_RUN = 3
_BARE_RUN = 4  # this many numbered lines in a row with nothing under any: a list of links


def _single_sentence(draft: Draft) -> bool:
    """One sentence, or a definition (…，是指…) however long: an item, not a section."""
    sentence, rest = first_sentence(draft.source_text)
    return not rest or "是指" in sentence


def _last_text(draft: Draft) -> str:
    return draft.followers[-1].text if draft.followers else draft.text


def demote_lists(drafts: Sequence[Draft]) -> None:
    """Turn numbered items that form a list back into paragraphs."""
    _enumerations(drafts)
    _article_like_runs(drafts)


def _enumerations(drafts: Sequence[Draft]) -> None:
    index = 0
    while index < len(drafts):
        kind = drafts[index].marker_kind
        if not kind or drafts[index].locked:
            index += 1
            continue
        end = index + 1
        while end < len(drafts) and drafts[end].marker_kind == kind and not drafts[end].locked:
            end += 1
        cluster = drafts[index:end]
        clause = any(
            _single_sentence(d) and d.source_text.rstrip().endswith(_CLAUSE_ENDS) for d in cluster
        )
        intro = drafts[index - 1] if index else None
        introduced = (
            intro is not None
            and not intro.locked  # 同志们： addresses the audience, it does not introduce
            and _last_text(intro).rstrip().endswith(_INTRO_ENDS)
        )
        bare_run = len(cluster) >= _BARE_RUN and not any(d.followers for d in cluster)
        if (
            bare_run
            or clause
            or (introduced and len(cluster) > 1 and all(_single_sentence(d) for d in cluster))
        ):
            for draft in cluster:
                draft.demote()
        index = end


def _heading_like(draft: Draft, content: int) -> bool:
    """Could this item head a section? Not when it is one finished sentence on its own
    line with little text under it before the next item (…的称号和标志。), nor a label with
    its content (元旦：12月30日至1月1日放假). ``content``: characters up to the next item."""
    if not draft.heading:
        return False
    finished = not draft.followers and draft.source_text.endswith(("。", "；", ";"))
    if finished and content < 2 * len(draft.source_text):
        return False
    colon = draft.text.find("：")
    return colon < 0 or colon == len(draft.text) - 1


def _content_under(drafts: Sequence[Draft]) -> list[int]:
    """For each numbered draft, the characters of what its item holds: the paragraphs after
    it up to the next item of its family, including the items of a family that first
    appears inside its run (1. … under （一）…。 standing alone), but stopping at a family
    that was already in use before the run began (the next 一、 section).

    One pass in order, keeping one open item per family (a text has few families)."""
    content = [0] * len(drafts)
    first_seen: dict[str, int] = {}
    run_start: dict[str, int] = {}
    open_items: dict[str, int] = {}  # family -> index of its item still gathering text
    for index, draft in enumerate(drafts):
        kind = draft.marker_kind
        if kind:
            first_seen.setdefault(kind, index)
            for family in list(open_items):
                if family == kind or first_seen[kind] < run_start[family]:
                    del open_items[family]  # the item ends at its sibling or a parent
        for item in open_items.values():
            content[item] += len(draft.source_text)
        if kind and not draft.locked:
            if draft.marker_number <= 1 or kind not in run_start:
                run_start[kind] = index
            open_items[kind] = index
    return content


def _article_like_runs(drafts: Sequence[Draft]) -> None:
    runs: dict[str, list[tuple[Draft, bool]]] = {}

    def settle(run: list[tuple[Draft, bool]]) -> None:
        if len(run) >= _MIN_ARTICLE_RUN and 2 * sum(like for _, like in run) < len(run):
            for draft, _ in run:
                if draft.heading:
                    draft.demote()

    content = _content_under(drafts)
    for index, draft in enumerate(drafts):
        if not draft.marker_kind or draft.locked:
            continue
        run = runs.setdefault(draft.marker_kind, [])
        if run and draft.marker_number <= 1:
            settle(run)
            run.clear()
        run.append((draft, _heading_like(draft, content[index])))
    for run in runs.values():
        settle(run)
