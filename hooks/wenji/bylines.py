"""Who speaks or issues a text, from the lines that say so.

- a name line (李强, 李　强) and an office line above it or on it (国务院总理, 区长 李某某);
- the issuing body in a document's title (国务院办公厅关于…的通知) or in its signature
  (an organ's name on a line of its own, then the date);
- the body that passed a law, from its promulgation note
  (（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）).
"""

from __future__ import annotations

import re

from .dates import find_dates
from .patterns import is_salutation

_SPACES = re.compile(r"[\s\u3000]+")
_NAME = re.compile(
    r"^[\u4e00-\u9fff·]{2,4}$|^[\u4e00-\u9fff](?:[\s\u3000]+[\u4e00-\u9fff]){1,3}$"
    r"|^[\u4e00-\u9fff][\s\u3000]+[\u4e00-\u9fff]{2}$"
)
_NOT_NAMES = frozenset(
    "目录 目錄 序言 前言 引言 附件 附则 附則 说明 說明 摘要 正文 总则 總則 后记 後記".split()  # noqa: SIM905
)
_ROLE = re.compile(
    r"^[\u4e00-\u9fff、]{0,14}?(?:总理|總理|省长|省長|市长|市長|区长|區長|县长|縣長|镇长|鎮長|"
    r"乡长|鄉長|书记|書記|主任|部长|部長|厅长|廳長|局长|局長|主席|院长|院長|校长|校長|"
    r"秘书长|秘書長|发言人|發言人|行长|行長|董事长|董事長|总经理|總經理|署长|署長|社长|社長|会长|會長|检察长|檢察長)$"
)
_ORGAN_END = (
    "院",
    "厅",
    "廳",
    "部",
    "委",
    "委员会",
    "委員會",
    "政府",
    "办公室",
    "辦公室",
    "局",
    "署",
    "中央",
    "党委",
    "黨委",
    "法院",
    "检察院",
    "银行",
    "總署",
    "总署",
    "人民代表大会",
    "人民代表大會",
    "联合会",
    "聯合會",
    "总会",
    "協會",
    "协会",
    "调查队",  # 国家统计局江西调查总队: a survey office issuing with a statistics bureau
    "调查总队",
    "調查隊",
    "調查總隊",
)
_TITLE_ORGAN = re.compile(r"^(.{2,30}?)(?:关于|關於|转发|轉發|印发|印發|批转|批轉)")
_PASSED_BY = re.compile(
    r"(?:第[一二三四五六七八九十]+届)?"
    r"((?:[\u4e00-\u9fff]{2,12}?)?人民代表大会(?:常务委员会)?|全国人大(?:常委会)?|国务院|"
    r"[\u4e00-\u9fff]{2,20}?委员会)"
    r"(?:第?[一二三四五六七八九十百零〇\d]+次)?(?:全体)?(?:会议|常务会议)"
)
_PROVINCE_TERM = re.compile(r"第[一二三四五六七八九十]+届")
_DECREE = re.compile(r"(?:中华人民共和国)?([\u4e00-\u9fff]{2,12}?)令第")
_EFFECTIVE = re.compile(r"自[^　\s，,]{6,16}?起施行")
_COURT_COMMITTEE = re.compile(r"(?:审判|检察)委员会$")
_APPROVAL = re.compile(r"批准[）)\s\u3000]*$")
_QUOTED_TITLE = re.compile(r"《([^》]{4,60})》")
_PROMULGATION_WORDS = re.compile(r"通过|公布|修正|修订|施行|发布|批准|决定")


def is_name(text: str) -> bool:
    """李强, 李　强: a short name line, not a word such as 目　录 or 序　言."""
    return (
        bool(_NAME.match(text))
        and not is_salutation(text)
        and _SPACES.sub("", text) not in _NOT_NAMES
    )


def is_role(text: str) -> bool:
    """国务院总理, 区长: an office, on a line of its own."""
    return len(text) <= 16 and bool(_ROLE.match(text))


def split_role_and_name(text: str) -> tuple[str, str] | None:
    """``区长 李某某`` → ``("区长", "李某某")``; ``None`` if the line is not that."""
    parts = _SPACES.split(text.strip(), maxsplit=1)
    if len(parts) == 2 and is_role(parts[0]) and is_name(parts[1]):
        return parts[0], parts[1]
    return None


_SPEAKER_IN_TITLE = re.compile(
    r"^([\u4e00-\u9fff]{2,4}?)(?:同志)?在.{2,40}?[上中]的(?:讲话|講話|报告|報告|发言|發言|谈话|談話|致辞|致辭)$"
)
_CLOSING_NOTE = re.compile(
    r"^[（(]?这是([\u4e00-\u9fff]{2,4}?)(?:同志)?(?:[在于為为对對给給]|接受)[^。]{2,80}?"
    r"(?:讲话|講話|报告|報告|发言|發言|谈话|談話|致辞|致辭|结论|結論|总结|總結|演说|演說|讲演|講演)"
)


def speaker_in_title(title: str) -> str:
    """陈独秀在中国共产党第三次全国代表大会上的报告 → 陈独秀 (a title naming its speaker)."""
    match = _SPEAKER_IN_TITLE.match(_SPACES.sub("", title))
    return match.group(1) if match and is_name(match.group(1)) else ""


def speaker_in_closing_note(text: str) -> str:
    """（这是邓小平同志在…上的报告。） → 邓小平: an editor's note closing a speech (a
    report, talk, address, or the conclusion 所作结论 a leader gave at the end of a meeting)."""
    match = (
        _CLOSING_NOTE.match(_SPACES.sub("", text))
        if text.rstrip().endswith(("）", ")", "。"))
        else None
    )
    return match.group(1) if match and is_name(match.group(1)) else ""


def is_organ(text: str) -> bool:
    """国务院办公厅, 全国人民代表大会常务委员会: a body's name on a line of its own."""
    compact = _SPACES.sub("", text)
    return 2 <= len(compact) <= 24 and compact.endswith(_ORGAN_END) and compact.isalpha()


def organ_in_title(title: str) -> str:
    """国务院办公厅关于…的通知 → 国务院办公厅 (the issuer names itself first)."""
    match = _TITLE_ORGAN.match(title)
    if match and is_organ(match.group(1)):
        return match.group(1)
    return ""


def is_promulgation_note(text: str) -> bool:
    """（…会议通过　…修订）: the note under a law's title saying when and by whom; also one
    act a line without brackets (see :func:`is_act_line`)."""
    if text.startswith(("（", "(")):
        return bool(_PROMULGATION_WORDS.search(text))
    return is_act_line(text)


_ACT_END = re.compile(r"(?:通过|通過|公布|修正|修订|修訂|施行|发布|發布|批准)[\s\u3000）)]*$")


def is_act_line(text: str) -> bool:
    """2011年2月22日国务院第145次常务会议通过, 2011年3月5日中华人民共和国国务院令第592号公布:
    one act of a law's promulgation note on a line of its own, without brackets (a date,
    then who, then the act; no sentence)."""
    stripped = text.strip(" \u3000")
    if len(stripped) > 100 or "。" in stripped or not _ACT_END.search(stripped):
        return False
    dates = find_dates(stripped)
    return bool(dates) and stripped.startswith(dates[0][1])


def passed_by(note: str) -> str:
    """The body that passed a law or decision, from its promulgation note."""
    for _, written in find_dates(note):
        note = note.replace(written, "　")
    decree = _DECREE.search(note)
    match = _PASSED_BY.search(note)
    if decree and (match is None or decree.start() < match.start()):
        return decree.group(1)
    if match is None:
        return ""
    organ = _PROVINCE_TERM.sub("", match.group(0)[: match.end(1) - match.start(0)])
    return _COURT_COMMITTEE.sub("", organ)


def latest_act(note: str) -> tuple[str, str, str]:
    """``(iso date, date as written, body)`` of the latest act a promulgation note names:
    passed, revised or amended, never the day it takes effect (自…起施行)."""
    note = _EFFECTIVE.sub("　", note)
    dates = find_dates(note)
    if not dates:
        return "", "", ""
    acts = []
    for index, (iso, written) in enumerate(dates):
        start = note.find(written)
        end = note.find(dates[index + 1][1], start + 1) if index + 1 < len(dates) else len(note)
        acts.append((iso, written, note[start:end]))
    iso, written, _ = max(acts, key=lambda act: act[0])
    # The organ is that of the latest act naming one, an approval (批准) by a higher body
    # aside: 江门市…通过　…广东省…批准 was passed by 江门市's congress.
    for _, _, clause in sorted(acts, key=lambda act: act[0], reverse=True):
        if _APPROVAL.search(clause) and len(acts) > 1:
            continue
        if organ := passed_by(clause) or _organ_in_quoted_title(clause):
            return iso, written, organ
    return iso, written, passed_by(note)


_PASSING = re.compile(r"^[，,\s\u3000]*(.{2,40}?)(?:表决|审议)?通过了?《([^》]{2,60})》")


def passing_sentence(text: str, title: str) -> tuple[str, str, str] | None:
    """``(iso date, date as written, body)`` from a sentence saying when this text was passed:
    2018年3月20日，第十三届全国人大一次会议表决通过了《中华人民共和国监察法》 under the
    title 中华人民共和国监察法 (a sentence about another act, or not opening with its date,
    says nothing of this one)."""
    dates = find_dates(text)
    if len(text) > 100 or not dates or not text.startswith(dates[0][1]):
        return None
    match = _PASSING.match(text[len(dates[0][1]) :])
    if match is None or _SPACES.sub("", match.group(2)) != _SPACES.sub("", title):
        return None
    organ = passed_by(match.group(1))
    return (dates[0][0], dates[0][1], organ) if organ else None


def _organ_in_quoted_title(clause: str) -> str:
    """根据…《生态环境部关于修改部分规章的决定》第三次修正 → 生态环境部."""
    match = _QUOTED_TITLE.search(clause)
    return organ_in_title(match.group(1)) if match else ""
