"""Scoring one text, and summing the scores of many.

Headings are matched by source line number: a wenji heading on a line where truth has a
heading is a match "at any level", and a match "with level" when the levels are equal.
Titles are compared with whitespace normalised; a title wenji made from the file name
counts as no title. Dates, speakers and titles are scored over the texts whose truth
names one; a value wenji finds where truth has none is counted as ``spurious``.
"""

from __future__ import annotations

import re
import time
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import model
from ..clean import normalise_newlines
from ..decode import DecodeError, decode
from ..frontmatter import split_front_matter
from ..model import Document, Heading
from ..pipeline import Options, SkippedText, process
from .align import align
from .corpus import Entry, check_truth

_SPACE = re.compile(r"\s+")
_SPACE_BY_CJK = re.compile(r" (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) ")


def normalise_title(text: str) -> str:
    """Whitespace runs become one space, and go entirely next to non-ASCII characters."""
    return _SPACE_BY_CJK.sub("", _SPACE.sub(" ", text).strip())


def _models_articles() -> bool:
    if hasattr(model, "Article"):
        return True
    kind = typing.get_type_hints(Heading).get("kind")
    return "article" in typing.get_args(kind)


MODELS_ARTICLES = _models_articles()


def is_article(block: object) -> bool:
    """A 第X条 article block (as the model names it), not a heading of the outline."""
    return type(block).__name__ == "Article" or getattr(block, "kind", "") == "article"


def outline(document: Document) -> list[tuple[int, int, str]]:
    """wenji's headings as ``(line, level, text)``, articles left out."""
    return [
        (block.line, block.level, block.text)
        for block in document.blocks
        if isinstance(block, Heading) and not is_article(block)
    ]


@dataclass
class TextScore:
    """Everything measured on one text."""

    file: str
    kind: str
    error: str = ""
    truth_headings: int = 0
    wenji_headings: int = 0
    matched_any: int = 0
    matched_level: int = 0
    title: bool | None = None  # None: truth names no title
    title_spurious: bool = False
    date: bool | None = None
    date_spurious: bool = False
    speaker: bool | None = None
    articles: bool | None = None  # None: not a law, no truth count, or not modelled
    wenji_values: dict[str, str] = field(default_factory=dict)
    chars: int = 0
    chars_boilerplate: int = 0  # removed, on lines truth marks as boilerplate
    chars_lost: int = 0  # removed, on lines truth calls body
    chars_moved: int = 0
    lost_lines: list[tuple[int, int, str]] = field(default_factory=list)  # line, chars, text
    body_lines_removed: list[int] = field(default_factory=list)
    boilerplate_lines_kept: list[int] = field(default_factory=list)
    outline_rows: list[tuple[int, int | None, int | None, str]] = field(default_factory=list)
    truth_problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def badness(self) -> float:
        """How wrong wenji is on this text, for ranking the worst (higher is worse)."""
        misses = self.truth_headings - self.matched_level
        false = self.wenji_headings - self.matched_level
        heading = (misses + false) / max(self.truth_headings, 1) + 0.02 * (misses + false)
        chars = 20 * self.chars_lost / max(self.chars, 1)
        wrong = sum(0.25 for value in (self.title, self.date, self.speaker) if value is False)
        return heading + chars + wrong + 0.5 * len(self.body_lines_removed) + 5 * bool(self.error)


def score_text(entry: Entry, options: Options = Options()) -> TextScore:
    """Run the real pipeline on ``entry``'s bytes and compare with its truth."""
    score = TextScore(entry.file, entry.kind)
    truth = entry.truth
    data = entry.text_path.read_bytes()
    started = time.perf_counter()
    try:
        text = normalise_newlines(decode(data).text)
    except DecodeError as error:
        score.error = f"cannot decode: {error}"
        return score
    lines = text.split("\n")
    score.truth_problems = check_truth(entry, lines)
    try:
        document = process(data, entry.file, options)
    except SkippedText as skipped:
        score.error = skipped.diagnostic.message
        document = None
    except Exception as error:  # the scorer reports a crash rather than stopping
        score.error = f"pipeline raised {type(error).__name__}: {error}"
        document = None
    score.seconds = time.perf_counter() - started

    body_start = split_front_matter(text, entry.file).body_start
    if document is None:
        document = Document(entry.file, "", model.Metadata(), ())
    alignment = align(lines[body_start:], body_start + 1, document)
    score.chars, score.chars_moved = alignment.total, alignment.moved
    for number, count in sorted(alignment.missing.items()):
        if number in truth.boilerplate:
            score.chars_boilerplate += count
        else:
            score.chars_lost += count
            score.lost_lines.append((number, count, lines[number - 1].strip()))
    for removal in document.removals:
        for number in range(removal.first_line, removal.last_line + 1):
            if lines[number - 1].strip() and number not in truth.boilerplate:
                score.body_lines_removed.append(number)
    score.boilerplate_lines_kept = [
        n
        for n in sorted(truth.boilerplate)
        if n <= len(lines) and alignment.missing.get(n, 0) == 0 and lines[n - 1].strip()
    ]

    _score_outline(score, entry, outline(document))
    _score_metadata(score, entry, document)
    if entry.kind == "law" and truth.articles is not None and MODELS_ARTICLES:
        found = sum(1 for block in document.blocks if is_article(block))
        score.articles = found == truth.articles
        score.wenji_values["articles"] = str(found)
    return score


def _score_outline(score: TextScore, entry: Entry, found: list[tuple[int, int, str]]) -> None:
    truth = {h.line: h for h in entry.truth.headings}
    wenji = {line: (level, text) for line, level, text in found}
    score.truth_headings, score.wenji_headings = len(truth), len(found)
    for line in sorted(set(truth) | set(wenji)):
        want = truth.get(line)
        got = wenji.get(line)
        if want and got:
            score.matched_any += 1
            score.matched_level += want.level == got[0]
        text = got[1] if got else want.text if want else ""
        score.outline_rows.append(
            (line, want.level if want else None, got[0] if got else None, text)
        )


def _score_metadata(score: TextScore, entry: Entry, document: Document) -> None:
    truth = entry.truth
    meta = document.metadata
    title = normalise_title(meta.title) if document.title_from != "file name" else ""
    speaker = meta.speaker or getattr(meta, "issuer", "") or getattr(meta, "author", "")
    score.wenji_values = {"title": title, "date": meta.date, "speaker": speaker}
    if truth.title:
        score.title = title == normalise_title(truth.title)
    else:
        score.title_spurious = bool(title)
    if truth.date:
        score.date = meta.date == truth.date
    else:
        score.date_spurious = bool(meta.date)
    if truth.speaker:
        score.speaker = normalise_title(speaker) == normalise_title(truth.speaker)


@dataclass
class Figures:
    """Summed scores of a group of texts (a kind, or all)."""

    texts: int = 0
    errors: int = 0
    truth_headings: int = 0
    wenji_headings: int = 0
    matched_any: int = 0
    matched_level: int = 0
    titles: int = 0
    titles_exact: int = 0
    titles_spurious: int = 0
    dates: int = 0
    dates_exact: int = 0
    dates_spurious: int = 0
    speakers: int = 0
    speakers_exact: int = 0
    articles: int = 0
    articles_exact: int = 0
    chars: int = 0
    chars_boilerplate: int = 0
    chars_lost: int = 0
    body_lines_removed: int = 0
    boilerplate_lines_kept: int = 0
    seconds: float = 0.0

    def add(self, score: TextScore) -> None:
        self.texts += 1
        self.errors += bool(score.error)
        for name in ("truth_headings", "wenji_headings", "matched_any", "matched_level"):
            setattr(self, name, getattr(self, name) + getattr(score, name))
        for name, value, spurious in (
            ("titles", score.title, score.title_spurious),
            ("dates", score.date, score.date_spurious),
            ("speakers", score.speaker, False),
            ("articles", score.articles, False),
        ):
            if value is not None:
                setattr(self, name, getattr(self, name) + 1)
                exact = f"{name}_exact"
                setattr(self, exact, getattr(self, exact) + bool(value))
            if spurious:
                setattr(self, f"{name}_spurious", getattr(self, f"{name}_spurious") + 1)
        self.chars += score.chars
        self.chars_boilerplate += score.chars_boilerplate
        self.chars_lost += score.chars_lost
        self.body_lines_removed += len(score.body_lines_removed)
        self.boilerplate_lines_kept += len(score.boilerplate_lines_kept)
        self.seconds += score.seconds

    def rates(self) -> dict[str, float | int | None]:
        """The headline figures (fractions 0–1; ``None`` where nothing was counted)."""

        def ratio(part: int, whole: int) -> float | None:
            return round(part / whole, 4) if whole else None

        return {
            "texts": self.texts,
            "errors": self.errors,
            "heading_recall_level": ratio(self.matched_level, self.truth_headings),
            "heading_precision_level": ratio(self.matched_level, self.wenji_headings),
            "heading_recall_any": ratio(self.matched_any, self.truth_headings),
            "heading_precision_any": ratio(self.matched_any, self.wenji_headings),
            "title_exact": ratio(self.titles_exact, self.titles),
            "date_exact": ratio(self.dates_exact, self.dates),
            "speaker_exact": ratio(self.speakers_exact, self.speakers),
            "articles_exact": ratio(self.articles_exact, self.articles),
            "chars": self.chars,
            "chars_lost": self.chars_lost,
            "chars_boilerplate_removed": self.chars_boilerplate,
            "body_lines_removed": self.body_lines_removed,
            "boilerplate_lines_kept": self.boilerplate_lines_kept,
        }


def score_corpus(
    entries: Iterable[Entry], options: Options = Options()
) -> tuple[list[TextScore], dict[str, Figures]]:
    """Scores per text and figures per kind plus ``"overall"``."""
    scores = [score_text(entry, options) for entry in entries]
    groups: dict[str, Figures] = {}
    for score in scores:
        groups.setdefault(score.kind, Figures()).add(score)
        groups.setdefault("overall", Figures()).add(score)
    return scores, groups
