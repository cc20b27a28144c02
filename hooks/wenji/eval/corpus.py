"""The labelled corpus on disk: ``manifest.tsv``, ``texts/`` and ``truth/`` (see the README).

Loading never raises on a bad row or truth file: it returns what it could read and a list
of problems, each naming the file (and line) so a labeller can fix it.
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MANIFEST_COLUMNS = (
    "file",
    "kind",
    "repo",
    "path",
    "commit",
    "license",
    "encoding",
    "script",
    "reviewed",
    "note",
)
KINDS = ("report", "speech", "law", "document", "news")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class TruthHeading:
    """One heading of the truth outline."""

    line: int
    level: int
    text: str


@dataclass(frozen=True)
class Truth:
    """What a careful reader says a text is (``truth/<kind>/<name>.yml``)."""

    title: str = ""
    subtitle: str = ""
    date: str = ""
    speaker: str = ""
    boilerplate: frozenset[int] = frozenset()
    headings: tuple[TruthHeading, ...] = ()
    articles: int | None = None


@dataclass(frozen=True)
class Entry:
    """One row of the manifest with its text and truth."""

    file: str
    kind: str
    fields: dict[str, str]
    text_path: Path
    truth: Truth

    @property
    def reviewed(self) -> str:
        return self.fields.get("reviewed", "")


@dataclass
class Corpus:
    """Every readable entry, and what could not be read."""

    root: Path
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


def parse_truth(data: Any, where: str, problems: list[str]) -> Truth:
    """A :class:`Truth` from the loaded YAML; malformed parts become ``problems``."""
    if not isinstance(data, dict):
        problems.append(f"{where}: not a mapping")
        return Truth()
    headings: list[TruthHeading] = []
    for index, item in enumerate(data.get("headings") or []):
        ok = (
            isinstance(item, list | tuple)
            and len(item) >= 2
            and isinstance(item[0], int)
            and isinstance(item[1], int)
        )
        if not ok or not 2 <= item[1] <= 6:
            problems.append(f"{where}: heading {index + 1} is not [line, level 2-6, text]: {item}")
            continue
        headings.append(TruthHeading(item[0], item[1], _text(item[2]) if len(item) > 2 else ""))
    boilerplate: set[int] = set()
    for item in data.get("boilerplate") or []:
        if isinstance(item, int):
            boilerplate.add(item)
        else:
            problems.append(f"{where}: boilerplate entry {item!r} is not a line number")
    articles = data.get("articles")
    if articles is not None and not isinstance(articles, int):
        problems.append(f"{where}: articles {articles!r} is not a number")
        articles = None
    lines = [h.line for h in headings]
    if len(set(lines)) != len(lines):
        problems.append(f"{where}: two headings on one line")
    return Truth(
        title=_text(data.get("title")),
        subtitle=_text(data.get("subtitle")),
        date=_text(data.get("date")),
        speaker=_text(data.get("speaker")),
        boilerplate=frozenset(boilerplate),
        headings=tuple(sorted(headings, key=lambda h: h.line)),
        articles=articles,
    )


def load_corpus(root: Path) -> Corpus:
    """Read ``root/manifest.tsv`` and every text's truth."""
    corpus = Corpus(root)
    manifest = root / "manifest.tsv"
    if not manifest.is_file():
        corpus.problems.append(f"{manifest}: missing")
        return corpus
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0][: len(MANIFEST_COLUMNS)]) != MANIFEST_COLUMNS:
        corpus.problems.append(f"{manifest}:1: header is not {' '.join(MANIFEST_COLUMNS)}")
        return corpus
    seen: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{manifest.name}:{number}"
        fields = dict(zip(MANIFEST_COLUMNS, (cell.strip() for cell in row), strict=False))
        name = fields.get("file", "")
        kind = fields.get("kind", "")
        if name in seen:
            corpus.problems.append(f"{where}: {name} listed twice")
            continue
        seen.add(name)
        if kind not in KINDS or not name.startswith(f"{kind}/"):
            corpus.problems.append(f"{where}: {name}: kind {kind!r} does not match its folder")
            continue
        if not _COMMIT.match(fields.get("commit", "")):
            corpus.problems.append(f"{where}: {name}: commit is not 40 hex digits")
        text_path = root / "texts" / name
        truth_path = root / "truth" / Path(name).with_suffix(".yml")
        if not text_path.is_file():
            corpus.problems.append(f"{where}: {text_path} missing")
            continue
        if not truth_path.is_file():
            corpus.problems.append(f"{where}: {truth_path} missing")
            continue
        try:
            data = yaml.safe_load(truth_path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            corpus.problems.append(f"{truth_path}: unreadable ({error})")
            continue
        truth = parse_truth(data, str(truth_path), corpus.problems)
        corpus.entries.append(Entry(name, kind, fields, text_path, truth))
    return corpus


def check_truth(entry: Entry, lines: list[str]) -> list[str]:
    """Where the truth does not fit the text: heading lines that are blank or out of
    range, or whose text does not open the line (``lines`` = the decoded file's lines)."""
    problems: list[str] = []
    where = f"truth/{Path(entry.file).with_suffix('.yml')}"
    for heading in entry.truth.headings:
        if not 1 <= heading.line <= len(lines):
            problems.append(f"{where}: heading line {heading.line} is beyond the text")
            continue
        line = lines[heading.line - 1].strip(" \t\u3000\ufeff\u00a0")
        wanted = heading.text.rstrip("。")
        if not line:
            problems.append(f"{where}: heading line {heading.line} is blank")
        elif wanted and not _squash(line).startswith(_squash(wanted)):
            problems.append(
                f"{where}: heading line {heading.line} reads {line[:30]!r}, not {wanted[:30]!r}"
            )
    for number in sorted(entry.truth.boilerplate):
        if not 1 <= number <= len(lines):
            problems.append(f"{where}: boilerplate line {number} is beyond the text")
    return problems


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
