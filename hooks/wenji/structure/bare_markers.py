"""A 第一， alone on its line, its words on the next: the marker's line is the heading.

Copies that set a bold 第一， apart from its paragraph leave it on a line of its own. A run
of them (第一， 第二， … from 第一， on) is judged as a whole, like any run of 第一，…
paragraphs: when most of the lines after the markers go on past their first sentence
(第一， / 支援工业建设和国防建设。这就是说…), each marker line heads its paragraph and
keeps what it shows (第一，); when most are one sentence each (第一， / 在工商业方面，…；),
the items are a list and the markers stay paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..patterns import first_sentence
from .draft import Draft

_KINDS = frozenset({"ordinal"})


def _bare(draft: Draft, following: Draft) -> bool:
    return (
        not (draft.heading or draft.locked)
        and draft.marker_kind in _KINDS
        and draft.text.strip() == draft.marker_text
        and not (following.heading or following.locked or following.marker_kind)
    )


def _settle(run: list[tuple[Draft, bool]]) -> None:
    if len(run) >= 2 and 2 * sum(goes_on for _, goes_on in run) >= len(run):
        for draft, _ in run:
            draft.heading = True
    run.clear()


def mark_bare_markers(drafts: Sequence[Draft]) -> None:
    """Make the bare 第一， lines of a run headings when their paragraphs go on."""
    run: list[tuple[Draft, bool]] = []
    for draft, following in pairwise(drafts):
        if not _bare(draft, following):
            continue
        if draft.marker_number <= 1:
            _settle(run)
        run.append((draft, bool(first_sentence(following.text)[1])))
    _settle(run)
