"""Labelled fields of a copied page: 来源：…, 责任编辑：…, 发布时间：…, 作者：….

:func:`take_edge_fields` reads such lines among the first and last lines of a text;
:func:`published` finds a page's 发布日期/发布时间 in the text or in removed furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .dates import find_dates, parse_date
from .model import Removal, SourceLine

__all__ = ["published", "read_fields", "take_edge_fields"]

_FIELD_KEYS = {
    "来源": "source",
    "來源": "source",
    "稿源": "source",
    "责任编辑": "editor",
    "責任編輯": "editor",
    "编辑": "editor",
    "編輯": "editor",
    "发布时间": "date",
    "發布時間": "date",
    "发布日期": "date",
    "發布日期": "date",
    "發佈時間": "date",
    "作者": "speaker",
}
_FIELD = re.compile(rf"({'|'.join(sorted(_FIELD_KEYS, key=len, reverse=True))})\s*[：:]\s*")
EDGE_FIELD_ZONE = 5
_PUBLISHED = re.compile(r"(?:发布|發布|发表|發表)(?:日期|时间|時間)\s*[：:]\s*(\S+)")


def published(body: Sequence[SourceLine], removed: Sequence[Removal]) -> tuple[str, str] | None:
    """The date of a page's 发布日期/发布时间 field: a short line of the text opening with
    one (left at the foot of a copied article), else one among removed furniture lines."""
    for text in (line.text for line in body):
        match = _PUBLISHED.match(text)
        if match and len(text) <= 60 and (dates := find_dates(match.group(1))):
            return dates[0]
    for removal in removed:
        for text in removal.lines:
            for match in _PUBLISHED.finditer(text):
                if dates := find_dates(match.group(1)):
                    return dates[0]
    return None


def take_edge_fields(body: list[SourceLine], found: dict[str, Any]) -> None:
    """``来源：…`` / ``責任編輯：…`` / ``发布时间：…`` lines among the first and last lines.

    A line is read only when it consists of such fields and nothing else; it leaves the
    text when it holds one field (a second field's label would otherwise be lost).
    """
    edge = set(range(min(EDGE_FIELD_ZONE, len(body))))
    edge |= set(range(max(0, len(body) - EDGE_FIELD_ZONE), len(body)))
    taken: list[int] = []
    for index in sorted(edge):
        fields = read_fields(body[index].text)
        if not fields or len(body) - len(taken) <= 1:
            continue
        if any(key in found for key in fields):
            continue
        for key, value in fields.items():
            if key == "date":
                date = parse_date(value)
                if date is None:
                    break
                found["date"], found["date_text"] = date, value
            else:
                found[key] = value
        else:
            if len(fields) == 1:  # with several fields the line stays: labels would be lost
                taken.append(index)
    for index in reversed(taken):
        body.pop(index)


def read_fields(text: str) -> dict[str, str]:
    """``来源：新华社　发布时间：2024-01-05`` → ``{"source": …, "date": …}``; ``{}`` if the
    line holds anything else."""
    matches = list(_FIELD.finditer(text))
    if not matches or matches[0].start() != 0:
        return {}
    fields: dict[str, str] = {}
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        value = text[match.end() : following.start() if following else len(text)].strip()
        key = _FIELD_KEYS[match.group(1)]
        if not value or len(value) > 60 or key in fields:
            return {}
        fields[key] = value
    return fields
