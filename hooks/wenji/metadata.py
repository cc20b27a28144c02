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
    passing_sentence,
    speaker_in_closing_note,
    speaker_in_title,
    split_role_and_name,
)
from .dates import find_dates, parse_date
from .fields import published, read_fields, take_edge_fields
from .model import Metadata, Removal, SourceLine
from .pageheader import find_page_header
from .patterns import is_closing, is_salutation, numbering_marker
from .sitepage import SitePage, find_site_page

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
    site = find_site_page(body, is_title_like) if start == 0 else None
    page = find_page_header(body) if start == 0 and not (site and site.has_block) else None
    if site is not None and (site.has_block or page is None):
        title_line = _take_site_page(body, found, site)
        title_from = "first line"
    elif page is not None:
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
    _take_passing_sentence(body, found, title_line)
    take_edge_fields(body, found)
    _find_date_and_issuer(body, found)
    if "date" not in found and (date := published(body, removed)):
        found["date"], found["date_text"] = date

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


def _take_site_page(body: list[SourceLine], found: dict[str, Any], site: SitePage) -> int:
    """Title, issuers and date of a government page; the title's line number."""
    title_line = body[site.title_index].number
    found["title"] = site.title
    if site.issuer:
        found["speaker"] = site.issuer
    if site.date:
        found["date"], found["date_text"] = site.date, site.date_text
    taken = {site.title_index, site.issuer_index, site.date_index}
    for index in sorted((i for i in taken if i is not None), reverse=True):
        body.pop(index)
    return title_line


def _take_passing_sentence(
    body: Sequence[SourceLine], found: dict[str, Any], title_line: int | None
) -> None:
    """A sentence under the title saying when and by whom this very text was passed dates
    it and names its issuer, before a page's publication date (the sentence stays)."""
    if "title" not in found or title_line is None:
        return
    under = [line for line in body if line.number > title_line][:HEADER_ZONE]
    for line in under:
        if passing := passing_sentence(line.text, found["title"]):
            found["date"], found["date_text"], found["speaker"] = passing
            return


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
        elif _DOC_NUMBER.match(text) or is_promulgation_note(text) or read_fields(text):
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
        if (
            index
            and len(line.text) <= 24
            and is_organ(head[index - 1].text)
            and parse_date(line.text)
        ):
            break  # the text's own signature comes first: a note under it is an annex's
        note = _bracketed("".join(ln.text for ln in head[index : index + 4]))
        if is_promulgation_note(line.text) or (
            note.startswith(("（", "(")) and is_promulgation_note(note)
        ):
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
