"""The scorer's output: a table per kind, the worst texts with their outline diff, JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .score import Figures, TextScore

_ORDER = ("law", "document", "report", "speech", "news")


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  n/a"


def _count(part: int, whole: int) -> str:
    return f"{part}/{whole}" if whole else "n/a"


def group_order(groups: Mapping[str, Figures]) -> list[str]:
    kinds = [k for k in _ORDER if k in groups] + sorted(
        k for k in groups if k not in _ORDER and k != "overall"
    )
    return [*kinds, "overall"] if "overall" in groups else kinds


def table(groups: Mapping[str, Figures]) -> str:
    """One row per kind and overall."""
    header = (
        f"{'kind':<9}{'texts':>6} {'R lvl':>6} {'P lvl':>6} {'R any':>6} {'P any':>6} "
        f"{'title':>8} {'date':>8} {'speaker':>8} {'articles':>9} "
        f"{'chars':>10} {'lost':>7} {'bp rm':>7} {'body rm':>8} {'bp kept':>8}"
    )
    rows = [header, "-" * len(header)]
    for name in group_order(groups):
        f = groups[name]
        rows.append(
            f"{name:<9}{f.texts:>6} "
            f"{_ratio(f.matched_level, f.truth_headings):>6} "
            f"{_ratio(f.matched_level, f.wenji_headings):>6} "
            f"{_ratio(f.matched_any, f.truth_headings):>6} "
            f"{_ratio(f.matched_any, f.wenji_headings):>6} "
            f"{_count(f.titles_exact, f.titles):>8} {_count(f.dates_exact, f.dates):>8} "
            f"{_count(f.speakers_exact, f.speakers):>8} "
            f"{_count(f.articles_exact, f.articles):>9} "
            f"{f.chars:>10,} {f.chars_lost:>7,} {f.chars_boilerplate:>7,} "
            f"{f.body_lines_removed:>8} {f.boilerplate_lines_kept:>8}"
        )
    return "\n".join(rows)


LEGEND = (
    "R/P lvl: heading recall/precision, level must match; R/P any: at any level (headings "
    "matched by line).\ntitle/date/speaker/articles: exact over texts whose truth names one. "
    "chars: counted source characters (Han, letters, digits);\nlost: removed from body "
    "lines; bp rm: removed from lines truth marks as boilerplate; body rm: lines removed\n"
    "as boilerplate that truth calls body; bp kept: boilerplate lines wenji kept."
)


def outline_diff(score: TextScore, limit: int = 40) -> list[str]:
    """Truth vs wenji, one row per heading line: ``=`` agree, ``~`` level differs,
    ``-`` only in truth, ``+`` only in wenji. Agreeing rows are left out."""
    rows: list[str] = []
    for line, want, got, text in score.outline_rows:
        if want is not None and want == got:
            continue
        mark = "~" if want and got else "-" if want else "+"
        rows.append(f"    {mark} {line:>5}  truth {want or '·'}  wenji {got or '·'}  {text[:40]}")
    if len(rows) > limit:
        rows = [*rows[:limit], f"    … {len(rows) - limit} more"]
    return rows


def worst(scores: Sequence[TextScore], count: int) -> str:
    """The ``count`` worst texts, each with what went wrong and its outline diff."""
    ranked = sorted(scores, key=lambda s: s.badness, reverse=True)[:count]
    out: list[str] = []
    for score in ranked:
        if score.badness == 0:
            break
        out.append(
            f"{score.kind}/{score.file.split('/', 1)[-1]}  badness {score.badness:.2f}  "
            f"headings truth {score.truth_headings} wenji {score.wenji_headings} "
            f"matched {score.matched_level} (any level {score.matched_any})"
        )
        if score.error:
            out.append(f"    error: {score.error}")
        for name in ("title", "date", "speaker", "articles"):
            if getattr(score, name) is False:
                out.append(f"    {name} wrong: wenji {score.wenji_values.get(name, '')!r}")
        if score.chars_lost:
            out.append(f"    {score.chars_lost} characters lost:")
            out.extend(f"      line {n}: -{c} {text[:50]}" for n, c, text in score.lost_lines[:5])
        if score.body_lines_removed:
            shown = ", ".join(map(str, score.body_lines_removed[:10]))
            out.append(f"    body lines removed as boilerplate: {shown}")
        out.extend(outline_diff(score))
    return "\n".join(out)


def as_json(
    scores: Sequence[TextScore], groups: Mapping[str, Figures], problems: Sequence[str]
) -> dict[str, Any]:
    """Every figure and every text's score, for ``--json``."""
    return {
        "groups": {name: groups[name].rates() for name in group_order(groups)},
        "texts": [
            {
                "file": s.file,
                "kind": s.kind,
                "error": s.error,
                "badness": round(s.badness, 4),
                "truth_headings": s.truth_headings,
                "wenji_headings": s.wenji_headings,
                "matched_any": s.matched_any,
                "matched_level": s.matched_level,
                "title": s.title,
                "date": s.date,
                "speaker": s.speaker,
                "articles": s.articles,
                "wenji": s.wenji_values,
                "chars": s.chars,
                "chars_lost": s.chars_lost,
                "chars_boilerplate_removed": s.chars_boilerplate,
                "lost_lines": [list(item) for item in s.lost_lines],
                "body_lines_removed": s.body_lines_removed,
                "boilerplate_lines_kept": s.boilerplate_lines_kept,
                "outline": [list(row) for row in s.outline_rows],
                "seconds": round(s.seconds, 4),
            }
            for s in scores
        ],
        "problems": list(problems),
    }
