"""Parallel lead sentences: unnumbered paragraphs that open with sentences of the same
build (要坚持…。 / 着力在…。) are section headings one level below their section.

A run is found by walking the paragraphs once; whether a growing window is still parallel
is kept up to date as it grows (shortest and longest sentence, shared beginning), so the
recogniser is linear in the number of paragraphs however long a run is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..patterns import OPENER_KINDS, article_number, first_sentence, is_salutation
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


_PAIR_SPREAD = 3  # a lone pair of leads: lengths this close, or the same first words
# Echoes: paragraphs of a section that open with the same words (我们主张… 加强社会建设，…)
_ECHO_MIN_RUN = 3
_ECHO_PREFIX = 4
_ECHO_SENTENCE_MAX = 30


def _lead_split(draft: Draft, rules: StructureRules) -> tuple[str, str] | None:
    if draft.heading or draft.locked or draft.marker_kind or article_number(draft.text):
        return None
    sentence, rest = first_sentence(draft.text)
    if not rest or not sentence.endswith("。") or len(sentence) > rules.parallel_long_max:
        return None
    if len(sentence) > rules.parallel_sentence_max and not _two_clauses(sentence):
        return None
    if _STATEMENT.search(sentence):
        return None
    if len(rest) < len(sentence):
        return None
    return sentence, rest


_MODAL = re.compile(r"[0-9０-９%％]|要|必须|应当|应该|也")


def _two_clauses(sentence: str) -> bool:
    """A longer lead is a task in two balanced clauses (健全标准体系，推动…利用。), the build
    of a document's measures; a figure (…4223.8亿元，比上年增长4.3%) or a modal statement
    (…，也要积极探索…) in two clauses is an ordinary opener."""
    clauses = sentence[:-1].split("，")
    return (
        len(clauses) == 2
        and all(5 <= len(clause) <= 16 for clause in clauses)
        and not _MODAL.search(sentence)
    )


def _alike(window: Sequence[tuple[int, str, str]]) -> bool:
    """A pair is alike when its sentences are of nearly one length or start alike; longer
    runs are evidence enough."""
    if len(window) > 2:
        return True
    (_, first, _), (_, second, _) = window
    return abs(len(first) - len(second)) <= _PAIR_SPREAD or first[:2] == second[:2]


def _parallel_end(run: Sequence[tuple[int, str, str]], start: int, rules: StructureRules) -> int:
    """The end of the longest window from ``start`` whose sentences are parallel.

    Parallel: lengths within ``parallel_length_spread`` of each other, or all sharing the
    first ``parallel_common_prefix`` characters of the window's first sentence. A window
    with a longer lead holds only two-clause tasks: its build is what makes it parallel.
    """
    first = run[start][1]
    prefix = first[: rules.parallel_common_prefix]
    shortest = longest = len(first)
    same_start = True
    paired = _two_clauses(first)
    long = len(first) > rules.parallel_sentence_max
    end = start + 1
    while end < len(run):
        sentence = run[end][1]
        shortest, longest = min(shortest, len(sentence)), max(longest, len(sentence))
        same_start = same_start and sentence.startswith(prefix)
        paired = paired and _two_clauses(sentence)
        long = long or len(sentence) > rules.parallel_sentence_max
        if longest - shortest > rules.parallel_length_spread and not same_start:
            break
        if long and not paired:
            break
        end += 1
    return end


class _LevelTracker:
    """The level of the last heading (not a lead) before a position, for positions visited
    in order. A salutation (各位代表！) returns to the top section: the runs after it
    belong to that section, not to the last sub-section."""

    def __init__(self, drafts: Sequence[Draft], skip: frozenset[str] = frozenset()) -> None:
        self.drafts = drafts
        self.scanned = 0
        self.level = 1
        self.skip = skip  # marker families whose headings are siblings of the run too
        self.top: int | None = None  # the level of the shallowest heading so far

    def before(self, position: int) -> int:
        while self.scanned < position:
            draft = self.drafts[self.scanned]
            # runs in one section are siblings
            if draft.heading and draft.kind != "lead" and draft.marker_kind not in self.skip:
                self.level = draft.level or 1
                self.top = min(self.top or self.level, self.level)
            elif draft.locked and self.top is not None and is_salutation(draft.text):
                self.level = self.top
            self.scanned += 1
        return self.level


def mark_parallel_leads(drafts: list[Draft], rules: StructureRules) -> None:
    """Find runs of parallel lead sentences among consecutive body paragraphs.

    Not in a law: after its 第X条, paragraphs are the 款 of an article.
    """
    if sum(1 for d in drafts if not d.marker_kind and article_number(d.text)) >= 2:
        return
    # In a text without sections, two short openers of unlike build are a coincidence of
    # style (要研究投资方向问题。 天津港下放两年来经济效益显著提高。), not two leads
    sectioned = any(d.heading for d in drafts)
    min_run = rules.parallel_min_run
    levels = _LevelTracker(drafts)
    index = 0
    while index < len(drafts):
        run: list[tuple[int, str, str]] = []
        cursor = index
        while cursor < len(drafts):
            if drafts[cursor].continues:  # the rest of the paragraph before: not in the way
                cursor += 1
                continue
            if not (split := _lead_split(drafts[cursor], rules)):
                break
            run.append((cursor, *split))
            cursor += 1
        start = 0
        while len(run) - start >= min_run:
            end = _parallel_end(run, start, rules)
            if end - start >= min_run and (sectioned or _alike(run[start:end])):
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


def _opening(draft: Draft) -> tuple[str, str] | None:
    """The first sentence and the rest of an unnumbered paragraph, if it goes on."""
    if draft.heading or draft.locked or draft.marker_kind or article_number(draft.text):
        return None
    sentence, rest = first_sentence(draft.text)
    return (sentence, rest) if rest else None


def _echo_lead(sentence: str, rest: str) -> bool:
    return (
        sentence.endswith("。")
        and len(sentence) <= _ECHO_SENTENCE_MAX
        and len(rest) >= len(sentence)
    )


def mark_echo_leads(drafts: list[Draft]) -> None:
    """Runs of three or more paragraphs inside a section whose short opening sentences echo
    the same first words (加强社会建设，是…。 加强社会建设，必须…。) are leads, even when they
    are statements (我们主张…。 新时期最鲜明的特点是…。).

    Judged by the run as a whole: every paragraph that opens with those words must open
    with a short sentence and go on under it, else they are ordinary paragraphs that repeat
    an opener. Before the first heading such a run frames the text (这次会议开得很好…。).
    """
    if sum(1 for d in drafts if not d.marker_kind and article_number(d.text)) >= 2:
        return
    levels = _LevelTracker(drafts, OPENER_KINDS)  # 一是… 思想一僵化，…: both open paragraphs
    index = 0
    while index < len(drafts):
        opening = _opening(drafts[index])
        if opening is None or len(opening[0]) <= _ECHO_PREFIX:
            index += 1
            continue
        prefix = opening[0][:_ECHO_PREFIX]
        run = [(index, *opening)]
        cursor = index + 1
        while cursor < len(drafts):
            following = _opening(drafts[cursor])
            if following is None or not following[0].startswith(prefix):
                break
            run.append((cursor, *following))
            cursor += 1
        if len(run) >= _ECHO_MIN_RUN and all(_echo_lead(s, r) for _, s, r in run):
            outer = levels.before(index)
            if outer > 1:
                _promote(drafts, run, min(6, outer + 1))
        index = cursor
