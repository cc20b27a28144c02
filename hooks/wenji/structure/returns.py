"""Opener runs that return to the section after its last numbered sub-section.

A report's section often ends its numbered sub-sections (（一）…（七）), sums them up in a
few paragraphs and then opens a run of 一是… or ——… paragraphs that belong to the section
again (——必须坚持… after （六） and three summing-up paragraphs, before 二、). A run is read
that way when several paragraphs (``GAP``) stand between the last numbered heading and the
run and the next numbered heading after the run is not that heading's sibling; a run right
under its sub-section, or followed by the next sub-section, stays inside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..patterns import OPENER_KINDS
from .draft import Draft

GAP = 3


def returning_runs(drafts: Sequence[Draft], numbered: frozenset[str]) -> dict[int, str]:
    """For the first heading of every run that returns: the family it leaves (index ->
    family of the numbered heading before the run)."""
    found: dict[int, str] = {}
    last_family, gap, in_run = "", 0, False
    pending: tuple[int, str] | None = None  # a run waiting for the heading after it
    for index, draft in enumerate(drafts):
        if not draft.heading:
            gap += 1
            continue
        family = draft.marker_kind
        if family in OPENER_KINDS:
            if not in_run and last_family and gap >= GAP:
                pending = (index, last_family)
            in_run = True
            continue
        in_run = False
        if pending is not None and family != pending[1]:
            found[pending[0]] = pending[1]
        pending = None
        if family in numbered:
            last_family, gap = family, 0
        elif draft.kind != "lead":
            last_family = ""
    if pending is not None:
        found[pending[0]] = pending[1]
    return found
