"""Dates as Chinese texts write them: 2026年2月3日, 二〇二六年二月三日, 2026-02-03, 2026.2.3.

:func:`parse_date` reads a line that is a date and nothing else (（2023年2月1日）);
:func:`find_dates` finds every date inside a longer line (a subtitle, a law's
promulgation note). Both give ISO strings (``2026-02-03``, or ``2026-02`` without a day).
"""

from __future__ import annotations

import re

_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
_YEAR = r"(\d{4}|[〇零○Ｏ一二三四五六七八九]{4})"
_SP = r"[\s\u3000]*"
_CN_DATE = re.compile(
    rf"{_YEAR}{_SP}年{_SP}(\d{{1,2}}|{_CN_SMALL}){_SP}月(?:{_SP}(\d{{1,2}}|{_CN_SMALL}){_SP}[日号])?"
)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
#: A date of the Republic of China calendar (Taiwan): 中華民國101年6月6日 is 2012-06-06.
_ROC_DATE = re.compile(
    rf"(?:中華民國|中华民国|民國|民国){_SP}(\d{{1,3}}){_SP}年{_SP}(\d{{1,2}}){_SP}月"
    rf"(?:{_SP}(\d{{1,2}})(?:{_SP}日)?)?"
)
_DATE_LINE_EDGES = "（()）[]【】〔〕 \u3000"
#: The end of a range after its first date: ――二月二十一日, -3月5日, 至2019年1月.
_RANGE_END = re.compile(
    rf"^{_SP}(?:[―—–~～至到-]+|－+){_SP}(?:{_YEAR}{_SP}年)?{_SP}"
    rf"(?:(?:\d{{1,2}}|{_CN_SMALL}){_SP}月)?{_SP}(?:(?:\d{{1,2}}|{_CN_SMALL}){_SP}[日号])?$"
)
_WEEKDAY = re.compile(rf"{_SP}[（(]?(?:星期|周|週|礼拜)[一二三四五六日天][）)]?$")


def _small(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    if numeral == "十":
        return 10
    tens, _, ones = numeral.rpartition("十")
    if "十" not in numeral:
        return _CN_DIGIT.get(numeral, 0)
    return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


def _year(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    return int("".join(str(_CN_DIGIT[c]) for c in numeral))


def _iso(year: int, month: int, day: int | None) -> str | None:
    if not 1000 <= year <= 2999 or not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def find_dates(text: str) -> list[tuple[str, str]]:
    """Every date in ``text`` as ``(iso, as written)``, in order."""
    found: list[tuple[int, str, str]] = []
    for match in _CN_DATE.finditer(text):
        day = _small(match.group(3)) if match.group(3) else None
        iso = _iso(_year(match.group(1)), _small(match.group(2)), day)
        if iso:
            found.append((match.start(), iso, match.group(0)))
    for match in _ISO_DATE.finditer(text):
        iso = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if iso:
            found.append((match.start(), iso, match.group(0)))
    for match in _ROC_DATE.finditer(text):
        day = int(match.group(3)) if match.group(3) else None
        iso = _iso(int(match.group(1)) + 1911, int(match.group(2)), day)
        if iso:
            found.append((match.start(), iso, match.group(0)))
    return [(iso, written) for _, iso, written in sorted(found)]


def parse_date(text: str) -> str | None:
    """The date a line consists of (brackets, a weekday or a time may go with it; of a
    range such as （一九九二年一月十八日――二月二十一日）, its first day)."""
    core = text.rstrip("?？ \u3000") if text.rstrip("?？").endswith(("）", ")")) else text
    core = _WEEKDAY.sub("", core.strip(_DATE_LINE_EDGES)).strip(_DATE_LINE_EDGES)
    core = re.sub(r"[\s\u3000]+\d{1,2}:\d{2}(?::\d{2})?$", "", core)
    dates = find_dates(core)
    if dates and core.startswith(dates[0][1]):
        rest = core[len(dates[0][1]) :]
        if rest and _RANGE_END.match(rest) and any(c.isdigit() or c in "月日号年" for c in rest):
            return dates[0][0]
    if len(dates) != 1 or dates[0][1] != core:
        return None
    return dates[0][0]
