"""Boilerplate: remove scraped-site ads from the edges of a text, and say what went.

Only strong signals count (仅供学习, 禁止外传, 会员, QQ群 …), only in the first and
last few lines, and never more than a set share of the text's characters. Everything
between the first line and the last signal line of the head zone goes (the ad block's
slogan lines carry no signal of their own); likewise from the first signal line of the
tail zone to the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Removal, SourceLine

DEFAULT_SIGNALS: tuple[str, ...] = (
    "仅供学习",
    "仅供参考学习",
    "禁止外传",
    "请勿外传",
    "会员",
    "订阅",
    "倒卖",
    "QQ群",
    "qq群",
    "微信群",
    "公众号",
    "扫码",
    "扫一扫",
    "二维码",
    "版权声明",
    "版权归原作者",
    "本文转载自",
    "转载请注明",
    "免费领取",
    "资料下载",
    "关注我们",
)


@dataclass(frozen=True)
class BoilerplateRules:
    """Where and how much boilerplate may be removed."""

    signals: tuple[str, ...] = DEFAULT_SIGNALS
    head_lines: int = 15
    tail_lines: int = 10
    max_share: float = 0.30


def _signals_in(text: str, signals: Sequence[str]) -> tuple[str, ...]:
    return tuple(signal for signal in signals if signal in text)


def strip_boilerplate(
    lines: Sequence[SourceLine], rules: BoilerplateRules = BoilerplateRules()
) -> tuple[list[SourceLine], list[Removal]]:
    """Return the lines to keep and the removals made (at most one at each edge).

    ``head_lines``/``tail_lines`` count source lines (blank lines included), so the
    zones match what a curator sees in an editor.
    """
    if not lines:
        return [], []
    total_chars = sum(len(line.text) for line in lines)
    budget = rules.max_share * total_chars
    first_number, last_number = lines[0].number, lines[-1].number

    head_end = -1  # index of the last line of the head block
    for index, line in enumerate(lines):
        if line.number - first_number >= rules.head_lines:
            break
        if _signals_in(line.text, rules.signals):
            head_end = index
    tail_start = len(lines)
    for index in range(len(lines) - 1, head_end, -1):
        if last_number - lines[index].number >= rules.tail_lines:
            break
        if _signals_in(lines[index].text, rules.signals):
            tail_start = index

    removals: list[Removal] = []
    keep_from, keep_to = 0, len(lines)
    for start, stop in ((0, head_end + 1), (tail_start, len(lines))):
        block = lines[start:stop]
        if not block or sum(len(line.text) for line in block) > budget:
            continue
        budget -= sum(len(line.text) for line in block)
        found: list[str] = []
        for line in block:
            found.extend(s for s in _signals_in(line.text, rules.signals) if s not in found)
        removals.append(
            Removal(
                block[0].number,
                block[-1].number,
                tuple(found),
                tuple(line.text for line in block),
            )
        )
        if start == 0:
            keep_from = stop
        else:
            keep_to = start
    return list(lines[keep_from:keep_to]), removals
