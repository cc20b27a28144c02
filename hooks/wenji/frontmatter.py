"""Front matter: optional YAML between ``---`` lines at the very top of a ``.txt``.

It carries what the text itself does not say (title, date, speaker …) and corrections of
the detected structure. Keys are validated up front; unknown keys produce a warning.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .model import Diagnostic

_FENCE = re.compile(r"^---[ \t]*$")
_URL = re.compile(r"^https?://\S+$")

TEXT_KEYS = ("title", "subtitle", "speaker", "occasion", "source", "editor")
KNOWN_KEYS = (*TEXT_KEYS, "date", "author", "source_url", "tags", "structure")
STRUCTURE_KEYS = ("headings", "not_headings", "lead_sentences")


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
    """Validated front matter. ``body_start`` is the 0-based index of the first body line."""

    values: dict[str, Any] = field(default_factory=dict)
    structure: StructureOverrides = StructureOverrides()
    body_start: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()


def split_front_matter(text: str, source: str) -> FrontMatter:
    """Find and validate front matter at the top of ``text`` (LF line endings).

    Invalid front matter is reported and left in the text, so no words are lost.
    """
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        return FrontMatter()
    try:
        raw = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        message = f"front matter is not valid YAML ({problem}); kept as text"
        return FrontMatter(diagnostics=(Diagnostic("warning", source, message, line),))
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        message = "front matter must be a mapping of keys to values; kept as text"
        return FrontMatter(diagnostics=(Diagnostic("warning", source, message, 1),))
    values, structure, diagnostics = _validate(raw, source)
    return FrontMatter(values, structure, end + 1, tuple(diagnostics))


def _validate(
    raw: dict[Any, Any], source: str
) -> tuple[dict[str, Any], StructureOverrides, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []

    def warn(message: str) -> None:
        diagnostics.append(Diagnostic("warning", source, f"front matter: {message}", 1))

    values: dict[str, Any] = {}
    structure = StructureOverrides()
    for key, value in raw.items():
        key = str(key)
        if key not in KNOWN_KEYS:
            warn(f"unknown key '{key}' ignored (known keys: {', '.join(KNOWN_KEYS)})")
        elif key in (*TEXT_KEYS, "author"):
            if isinstance(value, str | int | float) and str(value).strip():
                values["speaker" if key == "author" else key] = str(value).strip()
            else:
                warn(f"'{key}' must be a non-empty string")
        elif key == "date":
            date = _date_text(value)
            if date is None:
                warn(f"'date' must look like 2023-02-01, 2023-02 or 2023, not {value!r}")
            else:
                values["date"] = date
        elif key == "source_url":
            if isinstance(value, str) and _URL.match(value.strip()):
                values["source_url"] = value.strip()
            else:
                warn("'source_url' must be an http:// or https:// address")
        elif key == "tags":
            tags = [value] if isinstance(value, str) else value
            if isinstance(tags, list) and all(isinstance(t, str | int) for t in tags):
                values["tags"] = tuple(str(t).strip() for t in tags if str(t).strip())
            else:
                warn("'tags' must be a list of strings")
        else:
            structure = _structure(value, warn)
    return values, structure, diagnostics


def _date_text(value: Any) -> str | None:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    return None


def _structure(value: Any, warn: Any) -> StructureOverrides:
    if not isinstance(value, dict):
        warn("'structure' must be a mapping with keys " + ", ".join(STRUCTURE_KEYS))
        return StructureOverrides()
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
                        f"with 'text' and 'level' (2–6); got {entry!r}"
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


def _heading_override(entry: Any) -> HeadingOverride | None:
    if isinstance(entry, str) and entry.strip():
        return HeadingOverride(entry.strip())
    if isinstance(entry, dict) and isinstance(entry.get("text"), str) and entry["text"].strip():
        level = entry.get("level")
        if level is None or (isinstance(level, int) and 2 <= level <= 6):
            return HeadingOverride(entry["text"].strip(), level)
    return None
