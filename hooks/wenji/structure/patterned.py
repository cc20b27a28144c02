"""Patterned leads: paragraphs that open with sentences cast in one mould (排比), such as
就业是民生之本。 收入是民生之源。 社保是民生之基。, are leads one level below their section,
even though each is a statement (…是…) that would open an ordinary paragraph on its own.

The mould is read from the run as a whole: three or more consecutive paragraphs whose
short opening sentences are of one length and share the same characters at the same
places after their first words (是民生之), and each paragraph goes on under its sentence.
A shared beginning alone is an echo (:func:`.leads.mark_echo_leads`), not a mould.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..patterns import OPENER_KINDS, article_number
from .draft import Draft
from .leads import _LevelTracker, _opening, _promote

_MIN_RUN = 3
_SENTENCE_MAX = 16
_SHARED_MIN = 3  # characters the sentences share at the same places, after the first one


def _moulded(sentences: Sequence[str]) -> bool:
    length = len(sentences[0])
    if length > _SENTENCE_MAX or any(len(s) != length for s in sentences):
        return False
    if any(not s.endswith("。") for s in sentences):
        return False
    shared = [place for place in range(1, length - 1) if len({s[place] for s in sentences}) == 1]
    # the places must lie after words that differ: not only a common beginning
    differ_first = len({s[0] for s in sentences}) == len(sentences)
    return differ_first and len(shared) >= _SHARED_MIN


def mark_patterned_leads(drafts: list[Draft]) -> None:
    """Promote runs of paragraphs whose opening sentences are cast in one mould."""
    if sum(1 for d in drafts if not d.marker_kind and article_number(d.text)) >= 2:
        return
    levels = _LevelTracker(drafts, OPENER_KINDS)
    index = 0
    while index < len(drafts):
        first = _opening(drafts[index])
        if first is None:
            index += 1
            continue
        run = [(index, *first)]
        cursor = index + 1
        while cursor < len(drafts) and (following := _opening(drafts[cursor])):
            if len(following[0]) != len(first[0]):
                break
            run.append((cursor, *following))
            cursor += 1
        sentences = [sentence for _, sentence, _ in run]
        if (
            len(run) >= _MIN_RUN
            and _moulded(sentences)
            and all(len(rest) >= len(sentence) for _, sentence, rest in run)
        ):
            outer = levels.before(index)
            if outer > 1:
                _promote(drafts, run, min(6, outer + 1))
        index = cursor
