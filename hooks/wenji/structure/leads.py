"""Parallel lead sentences: unnumbered paragraphs that open with sentences of the same
build (要坚持…。 / 着力在…。) are section headings one level below their section.

A run is found by walking the paragraphs once; whether a growing window is still parallel
is kept up to date as it grows (shortest and longest sentence, shared beginning), so the
recogniser is linear in the number of paragraphs however long a run is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..patterns import article_number, first_sentence
from .draft import Draft, drop_final_full_stop
from .rules import StructureRules

# A lead names a task or a theme (扎实有效去产能。 货币政策要保持稳健中性。); a sentence
# that speaks to or about people, links to what came before, sums up, or states what
# something is (我们要…, 但是…, 总之…, 同时…, 现在…, 开放也是改革。, …了。) opens an
# ordinary paragraph.
_STATEMENT = re.compile(
    r"^(?:我|你|他们|她们|有人|大家|但是|可是|然而|因此|所以|现在|目前|当今|"
    r"总之|总而言之|总的来说|同时|此外|另外|而且|并且|当然|例如|比如|其实|于是|这样)"
    r"|我们|是|了|吗|呢|吧"
)


def _lead_split(draft: Draft, rules: StructureRules) -> tuple[str, str] | None:
    if draft.heading or draft.locked or draft.marker_kind or article_number(draft.text):
        return None
    sentence, rest = first_sentence(draft.text)
    if not rest or not sentence.endswith("。") or len(sentence) > rules.parallel_sentence_max:
        return None
    if _STATEMENT.search(sentence):
        return None
    if len(rest) < len(sentence):
        return None
    return sentence, rest


def _parallel_end(run: Sequence[tuple[int, str, str]], start: int, rules: StructureRules) -> int:
    """The end of the longest window from ``start`` whose sentences are parallel.

    Parallel: lengths within ``parallel_length_spread`` of each other, or all sharing the
    first ``parallel_common_prefix`` characters of the window's first sentence.
    """
    first = run[start][1]
    prefix = first[: rules.parallel_common_prefix]
    shortest = longest = len(first)
    same_start = True
    end = start + 1
    while end < len(run):
        sentence = run[end][1]
        shortest, longest = min(shortest, len(sentence)), max(longest, len(sentence))
        same_start = same_start and sentence.startswith(prefix)
        if longest - shortest > rules.parallel_length_spread and not same_start:
            break
        end += 1
    return end


class _LevelTracker:
    """The level of the last heading (not a lead) before a position, for positions visited
    in order."""

    def __init__(self, drafts: Sequence[Draft]) -> None:
        self.drafts = drafts
        self.scanned = 0
        self.level = 1

    def before(self, position: int) -> int:
        while self.scanned < position:
            draft = self.drafts[self.scanned]
            if draft.heading and draft.kind != "lead":  # runs in one section are siblings
                self.level = draft.level or 1
            self.scanned += 1
        return self.level


def mark_parallel_leads(drafts: list[Draft], rules: StructureRules) -> None:
    """Find runs of parallel lead sentences among consecutive body paragraphs.

    Not in a law: after its 第X条, paragraphs are the 款 of an article.
    """
    if sum(1 for d in drafts if not d.marker_kind and article_number(d.text)) >= 2:
        return
    levels = _LevelTracker(drafts)
    index = 0
    while index < len(drafts):
        run: list[tuple[int, str, str]] = []
        cursor = index
        while cursor < len(drafts) and (split := _lead_split(drafts[cursor], rules)):
            run.append((cursor, *split))
            cursor += 1
        start = 0
        while len(run) - start >= rules.parallel_min_run:
            end = _parallel_end(run, start, rules)
            if end - start >= rules.parallel_min_run:
                level = min(6, levels.before(run[start][0]) + 1)
                _promote(drafts, run[start:end], level)
                start = end
            else:
                start += 1
        index = cursor + 1 if cursor == index else cursor


def _promote(drafts: list[Draft], run: Sequence[tuple[int, str, str]], level: int) -> None:
    for position, sentence, rest in run:
        draft = drafts[position]
        draft.heading, draft.kind, draft.level = True, "lead", level
        draft.followers.append(Draft(draft.line, rest, locked=True))
        draft.text = drop_final_full_stop(sentence)
