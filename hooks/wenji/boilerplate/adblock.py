"""Ad blocks of shared study material at the top or bottom edge of a text.

A block reaches from the first line to the last line of the head zone that carries a
strong ad signal (仅供学习, 禁止外传, QQ群 …), or from the first such line of the tail zone
to the end: the slogan lines between carry no signal of their own. Weak words (会员,
订阅 …) never mark a block on their own, and a line that reads as the text's own words
(a title, a salutation, a numbered item, a sentence) without a signal of its own stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import SourceLine
from .evidence import WEAK_SIGNALS, looks_like_words, signals_in


def find_ad_blocks(
    lines: Sequence[SourceLine],
    signals: Sequence[str],
    head_lines: int,
    tail_lines: int,
    budget: float,
) -> dict[int, tuple[str, ...]]:
    """Indexes of ``lines`` to remove, each with the signals it carries itself."""
    if not lines:
        return {}
    first_number, last_number = lines[0].number, lines[-1].number
    head_end = -1
    for index, line in enumerate(lines):
        if line.number - first_number >= head_lines:
            break
        if signals_in(line.text, signals):
            head_end = index
    tail_start = len(lines)
    for index in range(len(lines) - 1, head_end, -1):
        if last_number - lines[index].number >= tail_lines:
            break
        if signals_in(lines[index].text, signals):
            tail_start = index

    removed: dict[int, tuple[str, ...]] = {}
    for start, stop in ((0, head_end + 1), (tail_start, len(lines))):
        block = range(start, stop)
        if not block or sum(len(lines[i].text) for i in block) > budget:
            continue
        budget -= sum(len(lines[i].text) for i in block)
        for index in block:
            text = lines[index].text
            own = tuple(
                sorted(signals_in(text, signals) + signals_in(text, WEAK_SIGNALS), key=text.find)
            )
            if own or not looks_like_words(text):
                removed[index] = own  # slogan lines between signals: the block's evidence
    return removed
