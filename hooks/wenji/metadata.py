"""Metadata: the title and the lines around it that describe a text rather than say it.

Front matter wins over anything detected. Detected at the top of the text:

- the title: the first title-like line (a scraper line such as 下载 or 首页 > … never),
  joined with the next line when the title is broken over two (…关于加强 / …的决定);
- under it, in any order: a subtitle (——2024年3月5日在…上的讲话, or 1957年6月26日在…上),
  whose date is the text's date; a date line (（2023年2月1日）, 二〇二六年二月三日,
  2026-02-03); an office and a name (国务院总理 / 李　强, 区长 李某某); a document
  number (国发〔2019〕4号) is passed over and kept;
- a law's promulgation note (（…会议通过　…修订）) gives the date (the latest it names) and
  the body that passed it; the note itself stays in the text;
- a decree wrapping the text (中华人民共和国国务院令 / 第706号 / … / 2018年11月6日) gives
  date and issuer, and the title is the line after it;
- otherwise a signature (an organ's name, then a date line) gives date and issuer, and a
  document's title names its issuer (国务院办公厅关于…);
- at the edges: 来源/來源, 责任编辑/責任編輯, 发布时间/發布時間, 作者 fields.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal

from .bylines import (
    is_name,
    is_organ,
    is_promulgation_note,
    is_role,
    latest_act,
    organ_in_title,
    speaker_in_closing_note,
    speaker_in_title,
    split_role_and_name,
)
from .dates import find_dates, parse_date
from .model import Metadata, Removal, SourceLine
from .pageheader import find_page_header
from .patterns import is_closing, is_salutation, numbering_marker

__all__ = ["Header", "is_title_like", "parse_date", "read_header", "title_from_file_name"]

TITLE_MAX_CHARS = 60
TITLE_MAX_LINES = 3
HEADER_ZONE = 8  # lines under the title that may describe it
_SENTENCE_PUNCTUATION = re.compile(r"[。！？；：:!?;]")
#: A separator line (---, ——————, ***, ===): never a title, subtitle or speaker.
_RULE = re.compile(r"^[-—－―=＝*＊_~～·.。…\s]+$")
_SUBTITLE = re.compile(r"^(?:——|--|—|－－)\s*(.+)$")
_DATED_OCCASION = re.compile(
    r"^[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{0,40}在.+[上中]"
    r"(?:的(?:讲话|講話|报告|報告|发言|發言|致辞|致辭))?[）)]?$"
)
_OCCASION_START = re.compile(
    r"^[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{0,40}在.+[上中]"
)
_DECREE_HEAD = re.compile(r"^(?:中华人民共和国|中華民國)?([\u4e00-\u9fff]{2,16}?)令$")
_DECREE_NUMBER = re.compile(r"^第\s*\d+\s*号$")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号$")
_SCRAPER = re.compile(r"下载|字号|打印|分享到|首页\s*[>＞»›]|当前位置|您的位置|扫一扫|二维码|收藏")
_GENRE_END = re.compile(
    r"(?:通知|决定|意见|方案|办法|规定|条例|报告|讲话|发言|法|纲要|决议|公告|通告|批复|复函|函|"
    r"细则|规则|章程|纪要|规划|计划|说明|致辞|贺信|公报|通报|通報|決定|辦法|規定|條例|報告|講話)"
    r"(?:[（(][^）)]{1,8}[）)])?$"
)
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
    """Short, no sentence punctuation, not a salutation, not a numbered section, no scraper."""
    return (
        len(text) <= TITLE_MAX_CHARS
        and not _RULE.match(text)
        and not _SENTENCE_PUNCTUATION.search(text)
        and not is_salutation(text)
        and not is_closing(text)
        and numbering_marker(text) is None
        and not _SCRAPER.search(text)
        and parse_date(text) is None
    )


def read_header(
    lines: Sequence[SourceLine],
    front_matter: Mapping[str, Any],
    source: str,
    removed: Sequence[Removal] = (),
) -> Header:
    """Take title and descriptive lines off ``lines``; front matter values win.

    ``removed`` is the page furniture the boilerplate stage took off: when the text states
    no date, a publication field (发布日期：2019-09-23 14:34:05) there or on a line of its
    own in the text dates it.
    """
    body = list(lines)
    found: dict[str, Any] = {}
    title_from: Literal["front matter", "first line", "file name"] = "file name"
    title_line: int | None = None

    start = _after_decree(body, found)
    page = find_page_header(body) if start == 0 else None
    if page is not None:
        title_line = body[page.title_index].number
        found["title"] = page.title
        if page.subtitle_index is not None:
            found["subtitle"] = body.pop(page.subtitle_index).text.strip()
        body.pop(page.title_index)
        title_from = "first line"
        if page.title_index == 0:
            _take_title_companions(body, found, 0)
        if page.date:
            found.setdefault("date", page.date)
            found.setdefault("date_text", page.date_text)
        if page.author:
            found.setdefault("speaker", page.author)
    elif len(body) > start + 1 and is_title_like(body[start].text):
        title_line = body[start].number
        found["title"] = body.pop(start).text
        title_from = "first line"
        for _ in range(_title_continuation(found["title"], body[start:])):
            found["title"] += body.pop(start).text
        if _second_title_line(body[start:]):
            found["title"] += " " + body.pop(start).text
        _take_title_companions(body, found, start)
    _take_edge_fields(body, found)
    _find_date_and_issuer(body, found)
    if "date" not in found and (published := _published(body, removed)):
        found["date"], found["date_text"] = published

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


_PUBLISHED = re.compile(r"(?:发布|發布|发表|發表)(?:日期|时间|時間)\s*[：:]\s*(\S+)")


def _published(body: Sequence[SourceLine], removed: Sequence[Removal]) -> tuple[str, str] | None:
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


def _describes(text: str) -> bool:
    return bool(
        _SUBTITLE.match(text)
        or parse_date(text)
        or is_name(text)
        or is_role(text)
        or split_role_and_name(text)
        or _DOC_NUMBER.match(text)
        or is_promulgation_note(text)
    )


def _title_continuation(title: str, body: Sequence[SourceLine]) -> int:
    """How many of the next lines continue a title broken over lines (政府工作报 / 告,
    国务院办公厅关于… / …的指导意见): they end it with the name of its genre."""
    if not body or _GENRE_END.search(title):
        return 0
    joined = title
    for count, line in enumerate(body[: TITLE_MAX_LINES - 1], start=1):
        following = line.text
        if not is_title_like(following) or (_describes(following) and len(following) > 2):
            return 0
        if _OCCASION_START.match(following):
            return 0  # 2017年10月18日在…上的报告: the occasion under the title
        joined += following
        if len(joined) > TITLE_MAX_CHARS:
            return 0
        if len(following) <= 2 or _GENRE_END.search(joined):
            return count
    return 0


def _second_title_line(body: Sequence[SourceLine]) -> bool:
    """A title set on two lines (决胜全面建成小康社会 / 为夺取新时代…伟大胜利): the second
    is title-like and the subtitle (——在…上的报告) follows it."""
    return (
        len(body) > 2
        and is_title_like(body[0].text)
        and len(body[0].text) >= 4
        and not _describes(body[0].text)
        and bool(_SUBTITLE.match(body[1].text) or _OCCASION_START.match(body[1].text))
    )


def _after_decree(body: Sequence[SourceLine], found: dict[str, Any]) -> int:
    """Where the title is when a decree (中华人民共和国国务院令 / 第706号 / … / date) wraps
    the text: the line after the decree's date, which gives date and issuer. Else 0."""
    if len(body) < 3 or not (decree := _DECREE_HEAD.match(body[0].text)):
        return 0
    if not _DECREE_NUMBER.match(body[1].text):
        return 0
    for index in range(2, min(len(body) - 1, HEADER_ZONE + 2)):
        if date := parse_date(body[index].text):
            found["date"], found["date_text"] = date, body[index].text
            found["speaker"] = decree.group(1)
            return index + 1
    return 0


def _take_title_companions(body: list[SourceLine], found: dict[str, Any], start: int) -> None:
    """Subtitle, date, office and name lines under the title, in any order.

    A document number or a law's promulgation note is passed over and stays in the text.
    """
    index = start
    while index < min(len(body), start + HEADER_ZONE) and len(body) > 1:
        text = body[index].text
        if _RULE.match(text):
            break
        if "subtitle" not in found and (_SUBTITLE.match(text) or _DATED_OCCASION.match(text)):
            found["subtitle"] = text
            dates = find_dates(text)
            if dates and "date" not in found:
                found["date"], found["date_text"] = dates[0]
        elif "date" not in found and (date := parse_date(text)):
            found["date"], found["date_text"] = date, text
        elif "speaker" not in found and (pair := split_role_and_name(text)):
            found["role"], found["speaker"] = pair
        elif "speaker" not in found and is_role(text) and _name_follows(body, index):
            found["role"], found["speaker"] = text, body.pop(index + 1).text
        elif "speaker" not in found and is_name(text):
            found["speaker"] = text
        elif "date" not in found and (dates := _meeting_time(text)):
            found["date"], found["date_text"] = dates[0]
            index += 1  # the line stays: it gives the time of day too
            continue
        elif _DOC_NUMBER.match(text) or is_promulgation_note(text) or _fields(text):
            index += 1
            continue
        else:
            break
        body.pop(index)


_MEETING_TIME = re.compile(r"^(?:时|時)[\s\u3000]*(?:间|間)[\s\u3000：:]+(.{4,60})$")


def _meeting_time(text: str) -> list[tuple[str, str]]:
    """時　　間　中華民國101年6月6（星期三）上午9時7分: the date of a meeting record."""
    match = _MEETING_TIME.match(text)
    return find_dates(match.group(1))[:1] if match else []


def _name_follows(body: Sequence[SourceLine], index: int) -> bool:
    return index + 1 < len(body) - 1 and is_name(body[index + 1].text)


def _take_edge_fields(body: list[SourceLine], found: dict[str, Any]) -> None:
    """``来源：…`` / ``責任編輯：…`` / ``发布时间：…`` lines among the first and last lines.

    A line is read only when it consists of such fields and nothing else; it leaves the
    text when it holds one field (a second field's label would otherwise be lost).
    """
    edge = set(range(min(EDGE_FIELD_ZONE, len(body))))
    edge |= set(range(max(0, len(body) - EDGE_FIELD_ZONE), len(body)))
    taken: list[int] = []
    for index in sorted(edge):
        fields = _fields(body[index].text)
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


def _fields(text: str) -> dict[str, str]:
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


def _bracketed(text: str) -> str:
    """``text`` up to the bracket that closes its opening one (brackets nest: 修正案（二）)."""
    depth = 0
    for index, char in enumerate(text):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth -= 1
            if depth == 0:
                return text[: index + 1]
    return text


def _find_date_and_issuer(body: Sequence[SourceLine], found: dict[str, Any]) -> None:
    """A law's promulgation note, else a signature (organ, then date); else the title."""
    head = body[:HEADER_ZONE]
    for index, line in enumerate(head):
        if is_promulgation_note(line.text):
            note = _bracketed("".join(ln.text for ln in head[index : index + 4]))
            date, written, organ = latest_act(note)
            if date and "date" not in found:
                found["date"], found["date_text"] = date, written
            if organ and "speaker" not in found:
                found["speaker"] = organ
            break
    if "date" not in found:
        for index, (previous, line) in enumerate(itertools.pairwise(body)):
            if len(line.text) > 24 or not is_organ(previous.text):
                continue  # cheap tests first: this looks at every line of the body
            date = parse_date(line.text)
            if date:
                found["date"], found["date_text"] = date, line.text
                # Two organs signing together (生态环境部 / 发展改革委 / date): joined with 、
                above = body[index - 1].text if index else ""
                signers = f"{above}、{previous.text}" if is_organ(above) else previous.text
                found.setdefault("speaker", signers)
                break
    if "speaker" not in found and (organ := organ_in_title(found.get("title", ""))):
        found["speaker"] = organ
    if "speaker" not in found and (name := speaker_in_title(found.get("title", ""))):
        found["speaker"] = name
    if "speaker" not in found and len(body) > 3:
        # A letter or article signed under its last paragraph: 邓　小　平 / 一九八九年九月四日.
        name, date = body[-2].text, parse_date(body[-1].text)
        if is_name(name) and date and found.get("date") in (None, date):
            found["speaker"] = name
    if "speaker" not in found:
        for line in body[-3:]:
            if name := speaker_in_closing_note(line.text):
                found["speaker"] = name
                break
