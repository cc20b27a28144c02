"""Front matter: optional YAML between ``---`` lines at the very top of a ``.txt``.

It carries what the text itself does not say (title, date, speaker …) and corrections of
the detected structure. Nothing in it is lost and nothing in it can stop the text from
building: every entry is checked on its own (see :mod:`wenji.yamlentries`), and an entry
that cannot be used (an unknown key, a value of the wrong kind, a date that does not exist,
lines that are not YAML, the earlier of two entries with the same key) is kept in the text
as written, at the top of the body, with a warning naming its line and the problem.

Keys may also be written in Chinese (``来源``, ``作者`` …, see :data:`ALIASES`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from .clean import trim_edges
from .metadata import parse_date
from .model import Diagnostic, SourceLine
from .yamlentries import MAX_NODES, Entry, ValueTooLarge, plain, read_entries, text_of

_FENCE = re.compile(r"^---[ \t]*$")
_URL = re.compile(r"^https?://\S+$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")

TEXT_KEYS = ("title", "subtitle", "speaker", "occasion", "source", "editor")
KNOWN_KEYS = (*TEXT_KEYS, "date", "author", "source_url", "tags", "structure")
STRUCTURE_KEYS = ("headings", "not_headings", "lead_sentences")

#: Chinese keys (Simplified and Traditional) accepted for the English ones.
ALIASES = {
    "标题": "title", "標題": "title",
    "副标题": "subtitle", "副標題": "subtitle",
    "日期": "date",
    "作者": "speaker", "讲话人": "speaker", "講話人": "speaker",
    "场合": "occasion", "場合": "occasion",
    "来源": "source", "來源": "source",
    "责任编辑": "editor", "責任編輯": "editor",
    "原文链接": "source_url", "原文鏈接": "source_url",
    "标签": "tags", "標籤": "tags",
}  # fmt: skip

#: Front matter is looked for only this close to the top, and only this long.
MAX_LINES = 500
MAX_CHARS = 100_000


@dataclass(frozen=True)
class HeadingOverride:
    """Make the line that starts with ``prefix`` a heading (optionally at ``level``)."""

    prefix: str
    level: int | None = None


@dataclass(frozen=True)
class StructureOverrides:
    headings: tuple[HeadingOverride, ...] = ()
    not_headings: tuple[str, ...] = ()
    lead_sentences: bool = True


@dataclass(frozen=True)
class FrontMatter:
    """Validated front matter.

    ``body_start`` is the 0-based index of the first body line; ``kept`` are front-matter
    lines that could not be used and stay in the text (they go before the body).
    """

    values: dict[str, Any] = field(default_factory=dict)
    structure: StructureOverrides = StructureOverrides()
    body_start: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()
    kept: tuple[SourceLine, ...] = ()


def split_front_matter(text: str, source: str) -> FrontMatter:
    """Find and validate front matter at the top of ``text`` (LF line endings).

    The closing ``---`` must come within :data:`MAX_LINES` lines and :data:`MAX_CHARS`
    characters; otherwise, and when the lines between the fences are not ``key: value``
    pairs at all (a text that merely starts with a rule), there is no front matter.
    """
    head = text[: MAX_CHARS + 1].split("\n", MAX_LINES + 1)[: MAX_LINES + 1]
    if not head or not _FENCE.match(head[0]):
        return FrontMatter()
    end = next((i for i in range(1, len(head)) if _FENCE.match(head[i])), None)
    if end is None or (end == len(head) - 1 and len(text) > MAX_CHARS):
        return FrontMatter()
    lines = head[1:end]
    read = read_entries("\n".join(lines), 2)
    if read is None:
        message = "the lines between the first two '---' are not 'key: value' front matter"
        info = Diagnostic("info", source, f"{message}; kept as text", 1)
        return FrontMatter(diagnostics=(info,))
    entries, unreadable = read
    checker = _Checker(source, lines)
    for part in unreadable:
        checker.keep(part.line, part.last_line, f"not valid YAML ({part.problem})")
    checker.check(entries)
    return FrontMatter(
        checker.values,
        checker.structure,
        end + 1,
        tuple(sorted(checker.diagnostics, key=lambda d: d.line or 0)),
        tuple(sorted(checker.kept, key=lambda line: line.number)),
    )


class _Checker:
    """Validates entries one by one, collecting values, warnings and kept lines."""

    def __init__(self, source: str, lines: list[str]) -> None:
        self.source, self.lines = source, lines
        self.values: dict[str, Any] = {}
        self.structure = StructureOverrides()
        self.diagnostics: list[Diagnostic] = []
        self.kept: list[SourceLine] = []

    def warn(self, line: int, message: str) -> None:
        self.diagnostics.append(
            Diagnostic("warning", self.source, f"front matter: {message}", line)
        )

    def keep(self, line: int, last_line: int, problem: str) -> None:
        """Report lines ``line``–``last_line`` (file numbering) and keep them as text."""
        self.warn(line, f"{problem}; kept as text")
        for number in range(line, last_line + 1):
            if number - 2 < len(self.lines) and (words := trim_edges(self.lines[number - 2])):
                self.kept.append(SourceLine(number, words))

    def check(self, entries: list[Entry]) -> None:
        used: dict[str, Entry] = {}
        for entry in entries:
            key = ALIASES.get(entry.key, entry.key)
            key = "speaker" if key == "author" else key
            if key not in KNOWN_KEYS:
                known = ", ".join(KNOWN_KEYS)
                self.keep(
                    entry.line, entry.last_line, f"unknown key '{entry.key}' (known: {known})"
                )
                continue
            try:
                problem = self._use(key, entry.node, entry.line)
            except ValueTooLarge:
                problem = (
                    f"'{entry.key}' is too large (more than {MAX_NODES:,} items with aliases "
                    "expanded, or nested too deeply)"
                )
            if problem:
                self.keep(entry.line, entry.last_line, problem)
                continue
            if key in used:
                first = used[key]
                self.keep(
                    first.line,
                    first.last_line,
                    f"'{entry.key}' is given again on line {entry.line}, which is used",
                )
            used[key] = entry

    def _use(self, key: str, node: Node, line: int) -> str | None:
        """Store the value of ``key``; return the problem when it cannot be used."""
        if key in TEXT_KEYS:
            value = text_of(node)
            if value is None or not value.strip():
                return f"'{key}' must be a non-empty text"
            self.values[key] = value.strip()
        elif key == "date":
            return self._date(text_of(node))
        elif key == "source_url":
            value = text_of(node)
            if value is None or not _URL.match(value.strip()):
                return "'source_url' must be an http:// or https:// address"
            self.values["source_url"] = value.strip()
        elif key == "tags":
            items = [node] if isinstance(node, ScalarNode) else node.value
            texts = [text_of(item) for item in items] if not isinstance(node, MappingNode) else []
            if isinstance(node, MappingNode) or any(t is None for t in texts):
                return "'tags' must be a list of texts"
            plain(node)  # bounds
            self.values["tags"] = tuple(t.strip() for t in texts if t and t.strip())
        else:
            value = plain(node)
            if not isinstance(value, dict):
                return "'structure' must be a mapping with keys " + ", ".join(STRUCTURE_KEYS)
            self.structure = _structure(value, lambda message: self.warn(line, message))
        return None

    def _date(self, text: str | None) -> str | None:
        if text is None:
            return "'date' must be a date such as 2023-02-01, 2023-02 or 2023"
        match = _DATE.match(text.strip())
        if match is None and (written := parse_date(text.strip())):
            match = _DATE.match(written)
        if match is None:
            return f"'date' must be a date such as 2023-02-01, 2023-02 or 2023, not {text!r}"
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            _dt.date(year or 0, month or 1, day or 1)
        except ValueError as error:
            return f"'date' {text!r} is not a calendar date ({error})"
        iso = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
        self.values["date"] = iso
        return None


def _structure(value: dict[Any, Any], warn: Callable[[str], None]) -> StructureOverrides:
    headings: list[HeadingOverride] = []
    not_headings: list[str] = []
    lead_sentences = True
    for key, item in value.items():
        if key == "headings":
            for entry in item if isinstance(item, list) else [item]:
                override = _heading_override(entry)
                if override is None:
                    warn(
                        "'structure.headings' entries are line beginnings, or mappings "
                        f"with 'text' and 'level' (2–6); got {_short(entry)}"
                    )
                else:
                    headings.append(override)
        elif key == "not_headings":
            entries = item if isinstance(item, list) else [item]
            if all(isinstance(e, str) and e.strip() for e in entries):
                not_headings.extend(e.strip() for e in entries)
            else:
                warn("'structure.not_headings' must be a list of line beginnings")
        elif key == "lead_sentences":
            if isinstance(item, bool):
                lead_sentences = item
            else:
                warn("'structure.lead_sentences' must be true or false")
        else:
            warn(f"unknown key 'structure.{key}' ignored (known: {', '.join(STRUCTURE_KEYS)})")
    return StructureOverrides(tuple(headings), tuple(not_headings), lead_sentences)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _heading_override(entry: Any) -> HeadingOverride | None:
    if isinstance(entry, str) and entry.strip():
        return HeadingOverride(entry.strip())
    if isinstance(entry, dict) and isinstance(entry.get("text"), str) and entry["text"].strip():
        level = entry.get("level")
        if level is None or (isinstance(level, int) and 2 <= level <= 6):
            return HeadingOverride(entry["text"].strip(), level)
    return None
