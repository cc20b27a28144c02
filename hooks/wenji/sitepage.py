"""The header of a page saved from a government site: title, issuers and date among its clutter.

A government site's page keeps the site's name, menus and a breadcrumb (您当前所在位置：
首页>政务公开>…) above the text, often an information-disclosure block (索引号、发布机构、
发文日期、公开方式 … each label with its value, on one line or two), and counters and link
fields (访问量：2487, 关联稿件：) around the title. None of those is the title. The title
is the line that the page itself marks as one:

- the text of a browser-title line (``X _ 某某市人民政府``, ``X-某某网``) when the page also
  shows X on a line of its own;
- else the longest title-like line before the first paragraph of prose that is not a site or
  organ name, a menu, a breadcrumb, a field or its value (a repeat of it, even with a
  footnote mark such as ``[1]``, is the same line).

Under the title, past furniture lines and a repeat of the title, the page may name its
issuers (``江西省统计局  国家统计局江西调查总队``: organs on one line, joined with 、) and its
date (``2023年3月28日``, ``（2023年5月）``). They leave the text with the title, unless the
title's repeat stands above them: then the repeat, issuers and date are the text's own
header under the page's headline, and stay in the text as it wrote them. Where the page
names no issuer or date there, the disclosure block's 发布机构/发文机关 and
成文日期/发文日期/发布日期 give them. The header is only looked for on a
page with such clutter: a disclosure block of at least three fields, or a breadcrumb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .bylines import is_organ
from .dates import find_dates, parse_date
from .model import SourceLine

__all__ = ["SitePage", "find_site_page"]

SEARCH_LINES = 80  # the header lies among the first lines, before the first paragraph
COMPANION_LINES = 8  # lines under the title that may name issuers and date
_PROSE_MIN = 40
_SP = r"[\s\u3000]*"


def _spaced(word: str) -> str:
    """索引号 → a pattern that also matches 索 引 号 (labels padded to equal width)."""
    return _SP.join(re.escape(char) for char in word)


#: Labels of a disclosure block, and the field each gives to the header (None: none).
_LABELS: dict[str, str | None] = {
    "信息索引号": None,
    "索引号": None,
    "发布机构": "issuer",
    "發布機構": "issuer",
    "发文机关": "issuer",
    "發文機關": "issuer",
    "发文单位": "issuer",
    "成文日期": "written",
    "发文日期": "issued",
    "發文日期": "issued",
    "发布日期": "published",
    "發布日期": "published",
    "公开日期": "published",
    "生成日期": "generated",
    "公开方式": None,
    "公开时限": None,
    "公开范围": None,
    "公开形式": None,
    "责任部门": None,
    "主题分类": None,
    "组配分类": None,
    "体裁分类": None,
    "分类": None,
    "文号": None,
    "发文字号": None,
    "主题词": None,
    "有效性": None,
    "标题": "title",
    "名称": "title",
}
_LABEL_WORDS = "|".join(_spaced(word) for word in sorted(_LABELS, key=len, reverse=True))
_LABEL = re.compile(rf"(?:^|(?<=[\s\u3000]))({_LABEL_WORDS}){_SP}[：:]{_SP}")
_DATE_PRIORITY = ("written", "issued", "published", "generated")
_BREADCRUMB = re.compile(r"(?:当前位置|所在位置|您的位置|當前位置)|首[页頁]\s*[>＞»›]")
_MENU = re.compile(r"[>＞»›|｜]|首页|首頁|网站|網站|关怀版|无障碍|繁體|简体|登录|注册|English")
#: Counters and link fields around a title: they are neither title nor issuer.
_FURNITURE = re.compile(
    r"^(?:访问量|浏览量|浏览次数|阅读量|阅读次数|点击数|点击量|瀏覽次數|关联稿件|相关稿件|相关链接|"
    r"相关文件|图文解读|相关解读|政策解读|文字解读|字号|字體|打印|分享到|【)"
)
#: ``X _ 宜春市人民政府``: a browser title, the page's title and then the site's name.
_BROWSER_TITLE = re.compile(r"^(.{6,80}?)[\s\u3000]*(?:_|｜|\||-|—|－)[\s\u3000]*(\S{2,24})$")
_SITE_END = ("网", "網", "网站", "網站", "门户", "門戶", "平台", "政府", "政府网")
#: A line of page fields under the title: 发布时间：2023-04-18 来源：某某市统计局 浏览次数：9
_FIELD_LINE = re.compile(
    rf"^(?:(?:发布|發布|发表|更新)?(?:时间|時間|日期)|来源|來源|信息来源|文章来源){_SP}[：:]"
)
_PAGE_DATE = re.compile(rf"(?:时间|時間|日期){_SP}[：:]{_SP}(\S+)")
_PAGE_SOURCE = re.compile(rf"(?:来源|來源){_SP}[：:]{_SP}([\u4e00-\u9fff]{{2,24}})")
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|［\d{1,2}］|[\s\u3000]+")


@dataclass(frozen=True)
class SitePage:
    """What a government page's header says; indexes are into the lines searched."""

    title_index: int
    title: str
    issuer: str
    issuer_index: int | None
    date: str
    date_text: str
    date_index: int | None
    has_block: bool  # a disclosure block, not only a breadcrumb, marks the page


def find_site_page(
    lines: Sequence[SourceLine], is_title_like: Callable[[str], bool]
) -> SitePage | None:
    """The header of a government page, or ``None`` when the text shows no site clutter
    (a disclosure block or a breadcrumb before its first paragraph) or no title."""
    head: list[str] = []
    for line in lines[:SEARCH_LINES]:
        text = line.text.strip()
        if _is_prose(text):
            break
        head.append(text)
    block = _disclosure_block(head)
    crumbs = [index for index, text in enumerate(head) if _BREADCRUMB.search(text)]
    if block is None and not crumbs:
        return None
    fields, field_lines = block or ({}, set())
    start = crumbs[0] + 1 if crumbs and block is None else 0
    title_index = _title_index(head, start, field_lines, fields.get("title", ""), is_title_like)
    if title_index is None:
        return None
    title = head[title_index]
    issuer, issuer_index, date, date_text, date_index = _companions(head, title_index)
    if not issuer:
        issuer = fields.get("issuer", "")
    if not date:
        for key in _DATE_PRIORITY:
            if key in fields and (found := parse_date(fields[key])):
                date, date_text = found, fields[key]
                break
    return SitePage(
        title_index, title, issuer, issuer_index, date, date_text, date_index, block is not None
    )


def _is_prose(text: str) -> bool:
    return len(text) >= _PROSE_MIN and bool(re.search(r"[。！？]", text))


def _disclosure_block(head: Sequence[str]) -> tuple[dict[str, str], set[int]] | None:
    """The disclosure block's values by field (first of each) and the indexes of its label
    and value lines, or ``None`` under three distinct labels. A label with nothing after it
    takes the next line as its value."""
    fields: dict[str, str] = {}
    labels: set[str] = set()
    taken: set[int] = set()
    index = 0
    while index < len(head):
        text = head[index]
        matches = list(_LABEL.finditer(text))
        if not matches or matches[0].start() != 0:
            index += 1
            continue
        taken.add(index)
        for match, following in zip(matches, [*matches[1:], None], strict=True):
            label = _FOOTNOTE.sub("", match.group(1))
            labels.add(label)
            value = text[match.end() : following.start() if following else len(text)].strip()
            if not value and following is None and index + 1 < len(head):
                nxt = head[index + 1]
                if not _LABEL.match(nxt):
                    value = nxt
                    index += 1
                    taken.add(index)
            key = _LABELS.get(label)
            if key and value:
                fields.setdefault(key, value)
        index += 1
    if len(labels) < 3:
        return None
    return fields, taken


def _key(text: str) -> str:
    """A title compared without spaces and footnote marks (…统计公报[1])."""
    return _FOOTNOTE.sub("", text)


def _title_index(
    head: Sequence[str],
    start: int,
    field_lines: set[int],
    title: str,
    is_title_like: Callable[[str], bool],
) -> int | None:
    candidates = [
        index
        for index in range(start, len(head))
        if index not in field_lines and _could_be_title(head[index], is_title_like)
    ]
    first_of: dict[str, int] = {}
    for index in candidates:
        first_of.setdefault(_key(head[index]), index)
    for index in range(len(head)) if title else ():
        if index not in field_lines and _key(head[index]) == _key(title):
            return index  # the line the block's 标题 field names
    for text in head:
        match = _BROWSER_TITLE.match(text)
        if match and match.group(2).endswith(_SITE_END) and _key(match.group(1)) in first_of:
            return first_of[_key(match.group(1))]
    if not first_of:
        return None
    return max(first_of.values(), key=lambda index: (len(_key(head[index])), -index))


def _could_be_title(text: str, is_title_like: Callable[[str], bool]) -> bool:
    return (
        len(_key(text)) >= 6
        and is_title_like(text)
        and not is_organ(text)
        and not _MENU.search(text)
        and not _BREADCRUMB.search(text)
        and not _FURNITURE.match(text)
        and not _BROWSER_TITLE.match(text)
        and len(re.split(r"[\s\u3000]+", text.strip())) < 3  # a menu row: 新闻中心 政务公开 …
    )


def _companions(
    head: Sequence[str], title_index: int
) -> tuple[str, int | None, str, str, int | None]:
    """Issuers and date on the lines under the title: ``(issuer, its index, date, date as
    written, its index)``; furniture and a repeat of the title are passed over. A field
    line (发布时间：… 来源：…) gives them when no line of their own does; it stays."""
    issuer, issuer_index = "", None
    date, date_text, date_index = "", "", None
    field_issuer, field_date = "", ("", "")
    title = _key(head[title_index])
    repeated = False
    for index in range(title_index + 1, min(len(head), title_index + 1 + COMPANION_LINES)):
        text = head[index]
        if not text or _FURNITURE.match(text) or _key(text) == title:
            repeated = repeated or _key(text) == title
            continue
        organs = re.split(r"[\s\u3000、]+", text)
        if _FIELD_LINE.match(text):
            if (dated := _PAGE_DATE.search(text)) and (dates := find_dates(dated.group(1))):
                field_date = field_date if field_date[0] else dates[0]
            source = _PAGE_SOURCE.search(text)
            if source and is_organ(source.group(1)) and not field_issuer:
                field_issuer = source.group(1)
        elif not issuer and not date and all(is_organ(organ) for organ in organs):
            issuer, issuer_index = "、".join(organs), index
        elif not date and (found := parse_date(text)):
            date, date_text, date_index = found, text, index
        else:
            break
    if repeated:  # the text's own header under the page's headline: it stays in the text
        issuer_index = date_index = None
    if not issuer:
        issuer = field_issuer
    if not date and field_date[0]:
        date, date_text = field_date
    return issuer, issuer_index, date, date_text, date_index
