"""Recognisers for the conventions of Chinese official texts (GB/T 9704 and common use).

Small pure functions: numbering markers and their false positives, salutations and
closings, and first-sentence splitting that respects quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "零〇一二三四五六七八九"
_CN_NUMERAL = "[一二三四五六七八九十百零〇]{1,4}"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
# A well-formed number from 一 to 九十九 (not 十三五, a plan's name cut off its line)
_CN_SMALL = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"

# Each kind of marker, most specific first. The look-aheads are the false-positive guards:
# 一、二线城市 / 三、四月份 (a range of numerals), 1.5亿 / 2023.2.1 (a digit follows).
# 一、二线城市 / 三、四月份 / 二、三十人: a range of numbers, not a marker. 一、三年来 is one.
_RANGE_TAIL = (
    "[一二三四五六七八九十]{1,3}(?:线|月|年级|级|类|等|产|档|十|百|千|万|号|期|批|个|名|次|成|倍)"
)
_LAW_UNIT = rf"^第[\s\u3000]*({_CN_NUMERAL}|\d{{1,3}})[\s\u3000]*"
_UNIT_END = r"(?:之[一二三四五六七八九十\d]{1,3})?(?=[\s\u3000]|$)"  # 第4章之1: inserted later
MARKER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("book", re.compile(rf"{_LAW_UNIT}([编編篇]){_UNIT_END}")),
    ("subbook", re.compile(rf"{_LAW_UNIT}(分[编編]){_UNIT_END}")),
    ("chapter", re.compile(rf"{_LAW_UNIT}(章){_UNIT_END}")),
    ("section", re.compile(rf"{_LAW_UNIT}([节節]){_UNIT_END}")),
    ("subsection", re.compile(rf"{_LAW_UNIT}(款){_UNIT_END}")),  # Taiwan: 第1款　通則
    ("subsubsection", re.compile(rf"{_LAW_UNIT}(目){_UNIT_END}")),
    ("part", re.compile(rf"^第({_CN_NUMERAL}|\d{{1,3}})(部分)(?=[\s\u3000：:，,]|$)")),
    ("ordinal", re.compile(rf"^第({_CN_NUMERAL})([，、,：:])")),
    # 第一点， 第二个问题， 第三条， 第一个转变，: the numbered topics of a talk
    (
        "ordinal_topic",
        re.compile(rf"^第({_CN_NUMERAL})(?:点|条|項|项|方面|个[\u4e00-\u9fff]{{1,2}})[，,：:]"),
    ),
    ("cn", re.compile(rf"^({_CN_NUMERAL})(、)")),  # not a range: see _is_range
    # 一　解放思想…, or 一 alone on its line: a section number set off by a space
    ("cn_space", re.compile(rf"^({_CN_SMALL})(?:[ \u3000]+(?=[\u4e00-\u9fff“「《])|$)")),
    ("cn_formal", re.compile(r"^([壹贰叁肆伍陆柒捌玖拾貳參陸]{1,3})(、)")),
    # 甲、乙、丙、: the heavenly stems count items (not 甲、乙双方, a pair)
    ("stem", re.compile(rf"^([{_STEMS}])(、)(?![{_STEMS}])")),
    ("cn_paren", re.compile(rf"^[（(]({_CN_NUMERAL})[）)]")),
    # 2.1.1　指挥部职责 (a plan's decimal outline; followed by a space, then words)
    ("decimal4", re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.(\d{1,2})[\s\u3000]+(?=[^\s\d])")),
    ("decimal3", re.compile(r"^\d{1,2}\.\d{1,2}\.(\d{1,2})[\s\u3000]+(?=[^\s\d])")),
    ("decimal2", re.compile(r"^\d{1,2}\.(\d{1,2})[\s\u3000]+(?=[^\s\d])")),
    # 1　总则, not 4 月20 日 (a date with stray spaces)
    ("decimal1", re.compile(r"^(\d{1,2})[\s\u3000]+(?=[\u4e00-\u9fff])(?![年月日号时])")),
    ("arabic", re.compile(r"^(\d{1,2})([.．、])(?!\d)")),
    ("arabic_paren", re.compile(r"^[（(](\d{1,2})[）)]")),
    ("circled", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")),
    # paragraph openers: 一是…, 二是… and ——经济运行稳中向好。…
    ("shi", re.compile(r"^([一二三四五六七八九十]{1,2})是(?!否|不是|指)(?=\S|$)")),
    # whichever dash the copy uses: —— (U+2014), ―― (U+2015) or -- typed for it
    ("dash", re.compile(r"^(——|――|--)(?=[^—―\-\s])")),
)
OPENER_KINDS = frozenset({"shi", "dash"})

_SALUTATION = re.compile(
    r"^(?:同志们|同事们|朋友们|同学们|老师们|各位[\u4e00-\u9fff、]{0,12}|尊敬的.{1,20}|"
    r"女士们、先生们|大家好)[：:，,！!]?$"
)
_CLOSING = re.compile(
    r"^(?:发言完毕|我的发言完毕|以上发言|我就讲这么多|我就讲这些|就讲这些|我就说这些|"
    r"谢谢大家|谢谢各位|谢谢|讲话完毕|汇报完毕|以上是我的)"
)
SENTENCE_ENDS = "。！？!?"
_OPENERS = "“‘「『《（(〈【"
_CLOSERS = "”’」』》）)〉】"


@dataclass(frozen=True)
class Marker:
    """A numbering marker at the start of a line: its kind, number and exact text."""

    kind: str
    number: int
    text: str


def cn_to_int(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; Arabic digits pass through."""
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for char in numeral:
        if char in "零〇":
            continue
        if char in CN_DIGITS:
            current = CN_DIGITS.index(char) - 1 if char not in "零〇" else 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "千":
            total += (current or 1) * 1000
            current = 0
    return total + current


def int_to_cn(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 100 → 一百, 105 → 一百零五, 1010 → 一千零一十.

    Any non-negative number (万 and 亿 groups); 0 → 零, negative numbers as digits.
    """
    if number < 0:
        return str(number)
    if number == 0:
        return "零"
    text = _cn(number)
    return text[1:] if text.startswith("一十") else text


def _cn(number: int) -> str:
    """``number`` (≥ 1) in Chinese numerals, tens always with their digit (一十)."""
    for unit, size in (("亿", 10**8), ("万", 10**4)):
        if number >= size:
            high, low = divmod(number, size)
            gap = "零" if 0 < low < size // 10 else ""
            return _cn(high) + unit + gap + (_cn(low) if low else "")
    digits = "零一二三四五六七八九"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            out += ("零" if zero and out else "") + digits[digit] + unit
            zero = False
        else:
            zero = True
    return out


_FORMAL_DIGITS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾", "一二二三三四五六六七八九十")
_ARTICLE = re.compile(
    r"^第[\s\u3000]*([一二三四五六七八九十百千零〇]{1,9}|\d{1,4})[\s\u3000]*[条條]"
    r"(?:之([一二三四五六七八九十]{1,3}|\d{1,2}))?"
)
# What may follow an article's number: a space, the end of the line, or the article's own
# bracketed caption (第一条【立法目的】, 第一条（立法目的）). 第十七條規定… is a reference.
_ARTICLE_END = re.compile(r"[\s\u3000【\[（(]|$")


@dataclass(frozen=True)
class ArticleNumber:
    """A law's 第X条 (第十条之一: number 10, sub 1) and the words of the number as written."""

    number: int
    sub: int
    text: str


def article_number(text: str, loose: bool = False) -> ArticleNumber | None:
    """The 第X条 / 第X條 / 第X条之一 that opens ``text``, followed by a space, nothing or
    a bracketed caption (【立法目的】); with ``loose``, followed by anything (第一条为了…)."""
    match = _ARTICLE.match(text)
    if match is None or not (loose or _ARTICLE_END.match(text, match.end())):
        return None
    sub = cn_to_int(match.group(2)) if match.group(2) else 0
    return ArticleNumber(cn_to_int(match.group(1)), sub, match.group(0))


_RANGE = re.compile(_RANGE_TAIL)


def _is_range(text: str, numeral: str, end: int) -> bool:
    """一、二线 / 三、五年 / 二、三十人: two numbers a step or two apart, then a counted word.
    二、九十年代… is a marker: 九 does not follow 二."""
    if _RANGE.match(text, end) is None:
        return False
    return 0 < _leading_value(text[end : end + 2]) - _leading_value(numeral) <= 2


def _leading_value(numeral: str) -> int:
    """The number a range counts by: 三十 → 3 (三、四十), 十一 → 11 (十、十一月)."""
    if numeral.startswith("十"):
        rest = numeral[1:2]
        return 10 + (CN_DIGITS.find(rest) - 1 if rest and rest in CN_DIGITS[2:] else 0)
    return CN_DIGITS.find(numeral[:1]) - 1


def numbering_marker(text: str) -> Marker | None:
    """The numbering marker at the start of ``text``, if any."""
    for kind, pattern in MARKER_PATTERNS:
        match = pattern.match(text)
        if match and kind == "cn" and _is_range(text, match.group(1), match.end()):
            continue
        if match:
            if kind == "dash":
                number = 0
            elif kind == "stem":
                number = _STEMS.index(match.group(1)) + 1
            elif kind == "circled":
                number = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(match.group(1)) + 1
            else:
                number = cn_to_int(match.group(1).translate(_FORMAL_DIGITS))
            return Marker(kind, number, match.group(0).rstrip())
    return None


def format_marker(kind: str, number: int, like: str) -> str:
    """How marker number ``number`` of ``kind`` would be written, modelled on ``like``."""
    if kind == "circled":
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[number - 1] if number <= 20 else like
    if kind == "stem":
        return _STEMS[number - 1] + like[1:] if 0 < number <= len(_STEMS) else like
    arabic = kind.startswith("arabic") or like[1:2].isdigit() or not 0 < number < 100
    numeral = str(number) if arabic else int_to_cn(number)
    match = re.search(r"[一二三四五六七八九十百零〇\d]+", like)
    if match is None:
        return like
    return like[: match.start()] + numeral + like[match.end() :]


def is_salutation(text: str) -> bool:
    """同志们：, 各位代表：, 尊敬的…：  — addressed to the audience, never a heading."""
    return bool(_SALUTATION.match(text))


def is_closing(text: str) -> bool:
    """发言完毕，谢谢大家！, 我就讲这么多 … — the end of a speech, never a heading."""
    return bool(_CLOSING.match(text))


def first_sentence(text: str) -> tuple[str, str]:
    """Split ``text`` after its first sentence end (。！？) outside quotation marks.

    Returns ``(sentence, rest)``; ``rest`` is empty when the text is one sentence.
    """
    depth = 0
    for index, char in enumerate(text):
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
        elif char in SENTENCE_ENDS and depth == 0:
            end = index + 1
            while end < len(text) and text[end] in _CLOSERS + SENTENCE_ENDS:
                end += 1
            return text[:end], text[end:].lstrip()
    return text, ""


def has_inner_sentence_end(text: str) -> bool:
    """True if a sentence ends somewhere before the last character of ``text``."""
    return bool(first_sentence(text)[1])


# A web page's counter beside a link: 79 跟贴79, 评论 12, 阅读(1,024), 1.2万 浏览.
_COUNTER = re.compile(
    r"^[\d,.万]*[\s\u3000]*[(（]?(?:跟贴|跟帖|评论|阅读|浏览|点赞|回复|收藏|转发)"
    r"[)）]?[\s\u3000:：]*[(（]?[\d,.万]*[)）]?$"
)


def is_counter(text: str) -> bool:
    """A widget's count (79 跟贴79, 评论 12): page furniture, never a numbered item."""
    return any(c.isdigit() for c in text) and bool(_COUNTER.match(text.strip()))
