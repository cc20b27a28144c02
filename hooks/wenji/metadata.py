"""Metadata: the title and the lines around it that describe a text rather than say it.

Front matter wins over anything detected. Detected, in this order, at the top of the
text: a title-like first line, then subtitle (——在…上的讲话), date (（2023年2月1日）) and
speaker lines; anywhere at the edges: ``来源：`` and ``责任编辑：`` lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal

from .model import Metadata, SourceLine
from .patterns import is_closing, is_salutation, numbering_marker

TITLE_MAX_CHARS = 60
_SENTENCE_PUNCTUATION = re.compile(r"[。！？；：:!?;]")
#: A separator line (---, ——————, ***, ===): never a title, subtitle or speaker.
_RULE = re.compile(r"^[-—－―=＝*＊_~～·.。…\s]+$")
_SUBTITLE = re.compile(r"^(?:——|--|—|－－)\s*(.+)$")
_DATE = re.compile(r"^[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?\s*[）)]?$")
_ISO_DATE = re.compile(r"^[（(]?(\d{4})[-./](\d{1,2})[-./](\d{1,2})[）)]?$")
_SPEAKER = re.compile(r"^[\u4e00-\u9fff·]{2,4}$|^[\u4e00-\u9fff]\s+[\u4e00-\u9fff]{1,2}$")
_EDGE_FIELDS = {"来源": "source", "责任编辑": "editor"}
_EDGE_FIELD = re.compile(r"^(来源|责任编辑)\s*[：:]\s*(\S.{0,58})$")
EDGE_FIELD_ZONE = 5
_NOT_NAMES = frozenset(
    "目录 目錄 序言 前言 引言 附件 附则 附則 说明 說明 摘要 正文 总则 總則 后记 後記".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Header:
    """What :func:`read_header` found, and which lines it used up."""

    metadata: Metadata
    title_from: Literal["front matter", "first line", "file name"]
    title_line: int | None
    body: list[SourceLine]


def title_from_file_name(source: str) -> str:
    """A readable title from a path such as ``study/four-dares_speech.txt``."""
    stem = PurePosixPath(source).stem
    return re.sub(r"[-_]+", " ", stem).strip() or stem


def is_title_like(text: str) -> bool:
    """Short, no sentence punctuation, not a salutation, not a numbered section."""
    return (
        len(text) <= TITLE_MAX_CHARS
        and not _RULE.match(text)
        and not _SENTENCE_PUNCTUATION.search(text)
        and not is_salutation(text)
        and not is_closing(text)
        and numbering_marker(text) is None
    )


def parse_date(text: str) -> str | None:
    """``（2023年2月1日）`` → ``2023-02-01``; ``2023年2月`` → ``2023-02``."""
    match = _DATE.match(text) or _ISO_DATE.match(text)
    if match is None:
        return None
    year, month, day = match.groups()
    if not 1 <= int(month) <= 12 or (day is not None and not 1 <= int(day) <= 31):
        return None
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def read_header(
    lines: Sequence[SourceLine], front_matter: Mapping[str, Any], source: str
) -> Header:
    """Take title and descriptive lines off ``lines``; front matter values win."""
    body = list(lines)
    found: dict[str, Any] = {}
    title_from: Literal["front matter", "first line", "file name"] = "file name"
    title_line: int | None = None

    if body and is_title_like(body[0].text) and len(body) > 1:
        found["title"] = body[0].text
        title_from, title_line = "first line", body[0].number
        body.pop(0)
        _take_title_companions(body, found)

    _take_edge_fields(body, found)

    values = {**found, **front_matter}
    if "date" in front_matter:
        values.pop("date_text", None)
    if "title" in front_matter:
        title_from = "front matter"
    values.setdefault("title", title_from_file_name(source))
    if (
        title_from == "front matter"
        and found.get("title", front_matter["title"]) != front_matter["title"]
    ):
        # The text's own title line stays in the text rather than being lost.
        body.insert(0, SourceLine(title_line or 1, found["title"]))
        title_line = None
    return Header(Metadata(**values), title_from, title_line, body)


def _take_title_companions(body: list[SourceLine], found: dict[str, Any]) -> None:
    """Subtitle, date and speaker lines directly under the title, in any order."""
    while body:
        text = body[0].text
        if "subtitle" not in found and (match := _SUBTITLE.match(text)) and not _RULE.match(text):
            found["subtitle"] = text
            occasion = match.group(1).strip()
            found["occasion"] = re.sub(r"^在(.+?)(?:上|中)?的(?:讲话|发言|报告)$", r"\1", occasion)
        elif "date" not in found and (date := parse_date(text)):
            found["date"], found["date_text"] = date, text
        elif "speaker" not in found and _is_name(text):
            found["speaker"] = text
        else:
            break
        body.pop(0)


def _is_name(text: str) -> bool:
    """李强, 李　强: a short name line, not a word such as 目　录 or 序　言."""
    return (
        bool(_SPEAKER.match(text))
        and not is_salutation(text)
        and re.sub(r"\s+", "", text) not in _NOT_NAMES
    )


def _take_edge_fields(body: list[SourceLine], found: dict[str, Any]) -> None:
    """``来源：…`` / ``责任编辑：…`` lines among the first and last few lines."""
    edge = set(range(min(EDGE_FIELD_ZONE, len(body))))
    edge |= set(range(max(0, len(body) - EDGE_FIELD_ZONE), len(body)))
    taken: list[int] = []
    for index in sorted(edge):
        match = _EDGE_FIELD.match(body[index].text)
        if match and len(body) - len(taken) > 1:
            key = _EDGE_FIELDS[match.group(1)]
            if key not in found:
                found[key] = match.group(2).strip()
                taken.append(index)
    for index in reversed(taken):
        body.pop(index)
