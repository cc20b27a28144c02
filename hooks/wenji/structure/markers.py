"""Numbering markers (一、 （一） 1. （1） 第一， 第一章 …): which numbered lines may head."""

from __future__ import annotations

import re

from ..model import Diagnostic
from ..patterns import OPENER_KINDS
from .draft import Draft, drop_final_full_stop
from .rules import StructureRules
from .view import LineView


def split_heading(view: LineView, rules: StructureRules, forced: bool) -> tuple[str, str] | None:
    """``(heading, body)`` for a line that opens with a heading, or ``None``.

    A line this short with no inner sentence end is a heading as a whole; a longer one whose
    first sentence is short is split after it (marker kept, final 。 dropped).
    """
    if len(view.text) <= rules.whole_line_heading_max and not view.rest:
        return drop_final_full_stop(view.text), ""
    if view.rest and (forced or len(view.sentence) <= rules.lead_sentence_max):
        return drop_final_full_stop(view.sentence), view.rest
    if forced:
        return view.text, ""
    return None


# Numbers that may stand alone on a line as a section's number (not 一、 or 1. cut from
# their words).
_STANDING = frozenset({"cn_space", "cn_paren"})
_NEXT_SHI = re.compile(r"[，,；;][二三四五六七八九十]是")


def _opens_paragraph(view: LineView) -> bool:
    """一是…。 / ——…。 head their paragraph with its first sentence (—— only with a body
    after it or as a finished sentence of its own), never when the sentence goes on to 二是
    (then they are words of one sentence)."""
    if view.marker is not None and view.marker.kind == "dash" and not view.rest:
        # ——习近平 under a quotation is an attribution; ——经济平稳快速增长。 on a line
        # of its own is a lead whose body follows on the next line
        return view.text.endswith(("。", "！"))
    return not _NEXT_SHI.search(view.sentence)


class MarkerHeadings:
    """A line that opens with a numbering marker and a short sentence is a heading."""

    def __init__(self, rules: StructureRules, source: str) -> None:
        self.rules = rules
        self.source = source
        self._kept: list[tuple[int, str, int]] = []  # line, marker, first sentence's length

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """One INFO line for the numbered lines kept as paragraphs (a law has hundreds)."""
        if not self._kept:
            return []
        limit = self.rules.lead_sentence_max
        line, marker, length = self._kept[0]
        if len(self._kept) == 1:
            message = (
                f"numbered line {marker}… kept as a paragraph: its first sentence has "
                f"{length} characters (headings take at most {limit})"
            )
        else:
            shown = ", ".join(str(number) for number, _, _ in self._kept[:8])
            more = ", …" if len(self._kept) > 8 else ""
            message = (
                f"{len(self._kept)} numbered lines kept as paragraphs, their first sentences "
                f"longer than headings take ({limit} characters): lines {shown}{more}"
            )
        return [Diagnostic("info", self.source, message, line)]

    def run(self, view: LineView) -> list[Draft] | None:
        marker = view.marker
        if marker is None:
            return None
        split = split_heading(view, self.rules, forced=False)
        if marker.kind in OPENER_KINDS and not _opens_paragraph(view):
            split = None
        if view.text == marker.text and marker.kind not in OPENER_KINDS:
            # 一 or （一） alone on its line numbers the section below it; a bare 一、 whose
            # words went to the next line heads nothing
            split = (view.text, "") if marker.kind in _STANDING else None
        if split is None and marker.kind not in OPENER_KINDS:
            self._kept.append((view.number, marker.text, len(view.sentence)))
        draft = Draft(
            view.number,
            split[0] if split else view.text,
            view.text,
            heading=split is not None,
            marker_kind=marker.kind,
            marker_text=marker.text,
            marker_number=marker.number,
        )
        if split and split[1]:
            draft.followers.append(Draft(view.number, split[1], locked=True))
        return [draft]
