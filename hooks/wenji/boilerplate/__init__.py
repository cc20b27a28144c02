"""Boilerplate: remove what an ad block or a web page put around a text, and say what went.

Two recognisers propose lines to remove, each on evidence of its own
(:mod:`.adblock`: ad blocks of shared study material at the edges; :mod:`.webpage`:
menus, widgets and footers of a copied web page around the article's body). A line is
removed only at an edge, never from inside the body, and a line that reads as the text's
own words (a title, a salutation, a numbered item, a sentence) stays unless it carries
evidence of its own. Consecutive removed lines are reported together, with their signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Diagnostic, Removal, SourceLine
from .adblock import find_ad_blocks
from .evidence import AD_SIGNALS, SITE_PHRASES, WEAK_SIGNALS, looks_like_words, signals_in
from .webpage import find_page_furniture

DEFAULT_SIGNALS = AD_SIGNALS


@dataclass(frozen=True)
class BoilerplateRules:
    """Where and how much boilerplate may be removed.

    ``head_lines``/``tail_lines`` and ``max_share`` bound ad blocks (shared study
    material); web-page furniture is bounded by its evidence instead, since a copied page
    may carry more menu lines than article.
    """

    signals: tuple[str, ...] = DEFAULT_SIGNALS
    head_lines: int = 15
    tail_lines: int = 10
    max_share: float = 0.30
    web_pages: bool = True


def strip_boilerplate(
    lines: Sequence[SourceLine], rules: BoilerplateRules = BoilerplateRules()
) -> tuple[list[SourceLine], list[Removal]]:
    """Return the lines to keep and the removals made (one per run of removed lines).

    ``head_lines``/``tail_lines`` count source lines (blank lines included), so the
    zones match what a curator sees in an editor.
    """
    if not lines:
        return [], []
    budget = rules.max_share * sum(len(line.text) for line in lines)
    removed = find_ad_blocks(lines, rules.signals, rules.head_lines, rules.tail_lines, budget)
    if rules.web_pages:
        for index, evidence in find_page_furniture(lines).items():
            removed.setdefault(index, evidence)
    removals: list[Removal] = []
    run: list[int] = []
    for index in sorted(removed):
        if run and index != run[-1] + 1:
            removals.append(_removal(lines, run, removed))
            run = []
        run.append(index)
    if run:
        removals.append(_removal(lines, run, removed))
    return [line for i, line in enumerate(lines) if i not in removed], removals


def _removal(
    lines: Sequence[SourceLine], run: list[int], removed: dict[int, tuple[str, ...]]
) -> Removal:
    signals = tuple(dict.fromkeys(s for i in run for s in removed[i]))
    return Removal(
        lines[run[0]].number,
        lines[run[-1]].number,
        signals,
        tuple(lines[i].text for i in run),
        tuple(lines[i].number for i in run),
    )


def removal_warnings(removal: Removal, source: str) -> list[Diagnostic]:
    """A WARNING naming file and line for every removed line that reads as the text's own
    words (a title, a salutation, a numbered item, a byline, a sentence), unless the line
    carries an ad or site phrase of its own (版权声明; for a sentence also 会员, 倒卖 …)."""
    warnings: list[Diagnostic] = []
    for number, text in zip(removal.numbers, removal.lines, strict=False):
        why = looks_like_words(text)
        strong = signals_in(text, AD_SIGNALS + SITE_PHRASES)
        if not why or strong or (why == "a sentence" and signals_in(text, WEAK_SIGNALS)):
            continue
        if why == "a sentence" and "page foot" in removal.signals:
            continue  # a comment under the article: the foot's furniture is the evidence
        message = f"removed as boilerplate although it reads as {why}: {text[:40]}"
        warnings.append(Diagnostic("warning", source, message, number))
    return warnings
