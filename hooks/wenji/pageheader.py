"""The header of a copied web page: headline, dateline and credits above the article.

A page copied from a news site keeps menus and breadcrumbs above the article, so its title
is rarely the first line. What marks the article is its dateline, a short line that opens
with the date of publication (``2019-11-25 11:01:53　来源: 新京报``,
``发布时间：2019-05-18 来源：中国地理学会``, ``时间：2019年10月31日 23:00 浏览： 33``)
before the first paragraph of prose. The headline is the line just above it, past source,
author and byline lines (``来源：本站原创 作者：…``, ``澎湃新闻记者 贺梨萍``); the same
headline repeated by the page is read once, and a headline line above a second one is the
title with the second as its subtitle. The author comes from the credits: an 作者/执笔
field, a byline, ``（记者 陆一夫）`` opening the first paragraph, ``（张巨峰）`` closing an
article (at the end of its last paragraph or on a line of its own under it), else the organ
a page names as its own 来源 (never a news outlet).
A headline that is a reposting site's tag and the article's own title (``[某某]X`` above
``原标题：X``) gives the title X. The dateline and credit lines stay in the text: they are
the article's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .bylines import is_act_line, is_name, is_organ, is_promulgation_note
from .dates import find_dates, parse_date
from .model import SourceLine

__all__ = ["PageHeader", "find_page_header"]

SEARCH_LINES = 400  # the dateline is looked for among the first lines before any prose
HEADLINE_MAX = 80
_SP = r"[\s\u3000]*"
_DATELINE = re.compile(
    rf"^(?:(?:发布|發布|发表|發表|更新|出版)?(?:时间|時間|日期){_SP}[：:]{_SP})?"
    r"(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(.*)$"
)
_DATE_FIELD = re.compile(
    rf"(?:发布|發布|发表|發表|更新)?(?:时间|時間|日期){_SP}[：:]{_SP}"
    r"(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
)
#: 2024年3月5日在…会议上的讲话 under a title is a speech's occasion, not a dateline.
_OCCASION = re.compile(r"在.+[上中]|讲话|講話|报告|報告|发言|發言|致辞|致辭|会议|會議")
_SENTENCE_END = re.compile(r"[。！？；]")
_PROSE_MIN = 40
_FIELD_LINE = re.compile(
    r"^(?:来源|來源|稿源|信息来源|来源于|作者|执笔|執筆|编辑|編輯|责任编辑|責任編輯|浏览|瀏覽|"
    r"点击|點擊|字号|字號|采写|撰文|撰稿)\s*[：:/]"
)
_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[\s\u3000、]+[\u4e00-\u9fff·]{2,4}){0,3}"
_BYLINE = re.compile(rf"^[\u4e00-\u9fff]{{0,10}}?记者[\s\u3000]*({_NAMES})$")
_AUTHOR_FIELD = re.compile(
    r"(?:作者|执笔|執筆|采写|撰文|撰稿)\s*[：:/]\s*(?:[\u4e00-\u9fff]{0,8}?记者\s*)?"
    r"([^\s：:]+(?:[\s\u3000]+[\u4e00-\u9fff]{2,4})*)"
)
_REPORTER = re.compile(rf"[（(]记者[\s\u3000]*({_NAMES})[）)]")
_CLOSING_CREDIT = re.compile(r"[。！？”][（(]([^（）()]{2,12})[）)]$")
#: （万载县统计局） on a line of its own under the last paragraph
_CREDIT_LINE = re.compile(r"^[（(]([^（）()]{2,12})[）)]$")
_NOT_CREDIT = re.compile(r"摄|攝|供图|图|圖|完|来源|編|编|译|譯")
_SOURCE = re.compile(r"(?:来源于|信息来源|来源|來源)\s*[：:]\s*([\u4e00-\u9fff]{2,20})")
_OUTLET = re.compile(r"(?:网|網|报|報|社|新闻|新聞|台|频道|頻道|客户端|杂志|刊|传媒|传媒网)$")
_MENU = re.compile(r"[>＞»›|]|首页|首頁|正文|当前位置|位置：")


@dataclass(frozen=True)
class PageHeader:
    """What the header of a copied page says; indexes are into the lines searched."""

    title_index: int
    title: str
    subtitle_index: int | None
    subtitle: str
    date: str
    date_text: str
    author: str


def find_page_header(lines: Sequence[SourceLine]) -> PageHeader | None:
    """The headline above the first dateline before any prose (or, without a dateline,
    above a 来源/作者 line right before the first paragraph), or ``None``."""
    in_note = _in_notes(lines[:SEARCH_LINES])
    for index, line in enumerate(lines[:SEARCH_LINES]):
        text = line.text.strip()
        if _is_prose(text):
            if index and _FIELD_LINE.match(lines[index - 1].text.strip()):
                return _header(lines, index - 1, "", "")
            return None
        if index in in_note:
            continue
        written = _dateline(text)
        dates = find_dates(written)
        if dates and (header := _header(lines, index, dates[0][0], written)):
            return header
    return None


def _in_notes(lines: Sequence[SourceLine]) -> set[int]:
    """The lines of a law's promulgation note broken over lines ((2000年12月22日…人民代表大会 /
    常务委员会第十八次会议通过 / 2012年11月29日… / …修订)): never a dateline or a headline."""
    inside: set[int] = set()
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text.startswith(("（", "(")) or index in inside:
            continue
        depth, end = 0, index
        for end in range(index, min(len(lines), index + 6)):
            part = lines[end].text
            depth += part.count("（") + part.count("(") - part.count("）") - part.count(")")
            if depth <= 0:
                break
        note = "".join(ln.text.strip() for ln in lines[index : end + 1])
        if end > index and depth <= 0 and is_promulgation_note(note):
            inside.update(range(index, end + 1))
    return inside


def _header(lines: Sequence[SourceLine], anchor: int, date: str, written: str) -> PageHeader | None:
    """The header whose dateline (or credit line) is ``lines[anchor]``."""
    title_index = _headline_above(lines, anchor)
    if title_index is None:
        return None
    subtitle_index = None
    title = lines[title_index].text.strip()
    above = lines[title_index - 1].text.strip() if title_index else ""
    if above == title and title_index:
        title_index -= 1
    elif _is_subtitle_pair(above, title):
        subtitle_index, title_index = title_index, title_index - 1
        title = above
    author = _author(lines, title_index, anchor)
    if subtitle_index is None and (original := _original_title(lines, title_index, anchor)):
        title_index, title = original
    return PageHeader(
        title_index=title_index,
        title=title,
        subtitle_index=subtitle_index,
        subtitle=lines[subtitle_index].text.strip() if subtitle_index is not None else "",
        date=date,
        date_text=written,
        author=author,
    )


_ORIGINAL_TITLE = re.compile(r"^原标题\s*[：:]\s*(.+)$")
_TAG = re.compile(r"^[\[【［][^\]】］]{1,20}[\]】］]$")


def _original_title(
    lines: Sequence[SourceLine], title_index: int, anchor: int
) -> tuple[int, str] | None:
    """``[某某化妆品]X`` over ``原标题：X``: a tag a reposting site put before the article's
    own title. The title is X, read from the 原标题 line (the tagged headline stays)."""
    headline = lines[title_index].text.strip()
    for index in range(title_index + 1, min(len(lines), anchor + 3)):
        match = _ORIGINAL_TITLE.match(lines[index].text.strip())
        if match is None:
            continue
        original = match.group(1).strip()
        tag = headline.removesuffix(original)
        if tag != headline and _TAG.match(tag.strip()):
            return index, original
        return None
    return None


def _is_prose(text: str) -> bool:
    """A paragraph of the article: long, with a full stop or ending a sentence (a
    breadcrumb repeating a headline that has ！ in it is not)."""
    return len(text) >= _PROSE_MIN and ("。" in text or text.endswith(("！", "？", "!", "?")))


def _dateline(text: str) -> str:
    """The date as written if ``text`` is a dateline, else ``""``: a date with a label, a
    time or fields after it, or a line of fields with a 发布时间 among them
    (来源: | 发布时间: 2018-05-17 | 浏览次数: 2168). A bare date line (under a
    signature, under a speech's title) is not a page's dateline."""
    if is_act_line(text):  # 2011年3月5日中华人民共和国国务院令第592号公布: a law's note
        return ""
    match = _DATELINE.match(text)
    if match is None:
        field = _FIELD_LINE.match(text) and _DATE_FIELD.search(text)
        if field and len(text) <= 80 and not _SENTENCE_END.search(text):
            return field.group(1)
        return ""
    rest = match.group(2)
    if len(rest) > 50 or _SENTENCE_END.search(rest) or _OCCASION.search(rest):
        return ""
    if match.group(0).strip() == match.group(1):
        return ""
    return match.group(1)


def _is_meta(text: str) -> bool:
    return bool(
        _FIELD_LINE.match(text)
        or _BYLINE.match(text)
        or parse_date(text)
        or _dateline(text)
        or is_act_line(text)
    )


def _is_headline(text: str) -> bool:
    compact = re.sub(r"[\s\u3000]", "", text)
    return (
        4 <= len(compact) <= HEADLINE_MAX
        and not text.endswith(("。", "：", ":"))
        and not _MENU.search(text)
        and not _is_meta(text)
        and not is_organ(text)
    )


def _headline_above(lines: Sequence[SourceLine], index: int) -> int | None:
    """The headline above the dateline at ``index``, past up to two credit lines."""
    for above in range(index - 1, max(-1, index - 4), -1):
        text = lines[above].text.strip()
        if _is_meta(text):
            continue
        return above if _is_headline(text) else None
    return None


def _is_subtitle_pair(title: str, subtitle: str) -> bool:
    """山西品牌丝路行（南美站）正式启动 / 成功举办…推介会: two headline lines, neither a
    menu entry nor a sentence."""
    return all(
        8 <= len(text) <= HEADLINE_MAX
        and not re.search(r"[\s\u3000，,。！？；：:!?;]", text)
        and not _MENU.search(text)
        and not _is_meta(text)
        for text in (title, subtitle)
    )


def _author(lines: Sequence[SourceLine], title_index: int, dateline: int) -> str:
    """The article's author from its credits (see the module's docstring)."""
    header = [line.text.strip() for line in lines[title_index + 1 : dateline + 6]]
    for text in header:
        if _is_prose(text):
            break
        match = _AUTHOR_FIELD.search(text)
        if match and (_credited(match.group(1)) or _is_office(match.group(1))):
            return match.group(1)
        if (match := _BYLINE.match(text)) and _credited(match.group(1)):
            return match.group(1)
    body = [line.text.strip() for line in lines[dateline + 1 :]]
    first_prose = next((text for text in body[:12] if _is_prose(text)), "")
    if (match := _REPORTER.search(first_prose[:40])) and _credited(match.group(1)):
        return match.group(1)
    for text in body:
        match = _AUTHOR_FIELD.match(text)
        if match and _credited(match.group(1)) and len(text) <= 30:
            return match.group(1)
    for index in range(len(body) - 1, -1, -1):
        text = body[index]
        match = _CLOSING_CREDIT.search(text) if _is_prose(text) else None
        if match is None and index and _is_prose(body[index - 1]):
            match = _CREDIT_LINE.match(text)
        if match and not _NOT_CREDIT.search(match.group(1)):
            credit = match.group(1).removeprefix("记者").strip()
            if _credited(credit) or is_organ(credit) or _is_office(credit):
                return credit
    for text in header:
        for match in _SOURCE.finditer(text):
            source = match.group(1)
            if (is_organ(source) or _is_office(source)) and not _OUTLET.search(source):
                return source
    return ""


def _credited(names: str) -> bool:
    """One to four names (段彦超 廖艳), or names joined by 、 and & (叨叨姐、胡一刀&李小飞刀)."""
    parts = [part for part in re.split(r"[\s\u3000、&＆]+", names) if part]
    return 1 <= len(parts) <= 4 and all(is_name(part) for part in parts)


def _is_office(text: str) -> bool:
    """德清县发改局, 东区办事处, 中国地理学会: an office or society naming itself."""
    return 3 <= len(text) <= 20 and text.endswith(
        ("局", "办事处", "学会", "协会", "委员会", "支部", "党支部", "中心", "办公室", "厅", "委")
    )
