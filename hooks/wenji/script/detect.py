"""Which script is a text in, and which Simplified characters a Traditional text kept."""

from __future__ import annotations

import functools
import re

import opencc

from wenji.model import Document

__all__ = ["is_traditional", "leftover_lines", "simplified_only_chars"]

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


# Characters OpenCC's s2t changes on their own although they are also standard in
# Traditional texts, in words any Taiwan or Hong Kong text uses (干預/若干, 皇后, 公里,
# 批准, 風采, 上游, 前仆後繼, 北斗, 茶几, 人云亦云, 子丑, 咸豐, 長吁短嘆, 凶手, 占卜,
# 划船, 尸位素餐, 岩石, 山岳, surnames 于 余 范 朴 岳, 濃郁, 海淀, 倒霉, 口吃, 鄉愿,
# 夸父, 復辟, 丰姿, 肥皂 …). Found by converting every such character next to every
# character of the seed corpus with s2t/s2tw/s2hk and keeping those OpenCC itself
# leaves unchanged in a common word; proper-name-only cases (党進, 种放, 叶音 …) are
# left out on purpose, so that 党 种 叶 still count as Simplified.
_SHARED_WITH_TRADITIONAL = frozenset(
    "干于余后台里准征采游仆斗几云丑咸吁凶占划尸岩岳范郁朴涌淀恒夸愿霉吃辟丰杰皂杠"
    "咨"  # 咨 (a communication between the President and the Legislative Yuan; MOE 咨)
    "雇"  # 雇主 of Taiwan's labour laws (勞動基準法, 就業服務法); s2t writes 僱主
)


@functools.cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@functools.cache
def _is_simplified_only(char: str) -> bool:
    if char in _SHARED_WITH_TRADITIONAL or _opencc("s2t").convert(char) == char:
        return False
    # Standard in Taiwan or Hong Kong as it is (群 床 峰 in Taiwan; 温 脱 税 in HK).
    return _opencc("s2tw").convert(char) != char and _opencc("s2hk").convert(char) != char


@functools.cache
def _is_traditional_only(char: str) -> bool:
    return _opencc("t2s").convert(char) != char


def simplified_only_chars(text: str) -> set[str]:
    """The characters of ``text`` that a Traditional-script text would not contain.

    A character counts when OpenCC's s2t changes it on its own (发 国 们 …) and it is
    neither standard in Taiwan or Hong Kong as it stands (群, 温) nor a character that
    correct Traditional text also uses (干 in 干預, 后 in 皇后, 里 in 公里 …).
    """
    found = set(_simplified_only_bmp().findall(text))
    for char in _ASTRAL_HAN_RE.findall(text):  # rare: checked one by one
        if _is_simplified_only(char):
            found.add(char)
    return found


_ASTRAL_HAN_RE = re.compile(r"[\U00020000-\U0003134f]")


@functools.cache
def _simplified_only_bmp() -> re.Pattern[str]:
    """One character class of every Simplified-only BMP Han character, built once.

    Same definition as :func:`_is_simplified_only`, computed for the whole BMP at once
    (three OpenCC calls over all 28,000 characters, one a line) so that the leftover check
    of a page is one regex pass instead of a lookup per character.
    """
    chars = [
        chr(code)
        for start, end in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
        for code in range(start, end + 1)
    ]
    joined = "\n".join(chars)
    lines = {
        config: _opencc(config).convert(joined).split("\n") for config in ("s2t", "s2tw", "s2hk")
    }
    simplified = [
        char
        for index, char in enumerate(chars)
        if char not in _SHARED_WITH_TRADITIONAL
        and all(lines[config][index] != char for config in ("s2t", "s2tw", "s2hk"))
    ]
    return re.compile("[" + "".join(simplified) + "]") if simplified else re.compile("(?!)")


def is_traditional(text: str) -> bool:
    """Whether ``text`` is already in Traditional script (so must not be converted again).

    Counts, over the Han characters, those only Traditional text has (t2s would change
    them: 們 這 發 幹) against those only Simplified text has (see
    :func:`simplified_only_chars`). More Traditional than Simplified means Traditional;
    a text with neither kind (``中文``) is not Traditional — converting it is harmless.
    """
    traditional = simplified = 0
    for char in _HAN_RE.findall(text):
        if _is_traditional_only(char):
            traditional += 1
        elif _is_simplified_only(char):
            simplified += 1
    return traditional > simplified


def leftover_lines(document: Document) -> list[tuple[int, str]]:
    """Where a Traditional ``document`` still has Simplified-only characters.

    One ``(source line, characters)`` pair per heading or paragraph that has any (the
    title and other metadata count as the title's line), in text order; the characters
    are sorted and given once each. A character counts where OpenCC would still change it
    (佣 in 佣金 does not count, 佣 alone does). An empty list is what a good edition gives.
    """
    found: list[tuple[int, str]] = []
    metadata = document.metadata
    fields = (metadata.title, metadata.subtitle, metadata.speaker, metadata.occasion)
    fields += (metadata.source, metadata.editor, *metadata.tags)
    lines = [(document.title_line or 1, " ".join(fields))]
    lines += [(block.line, block.text) for block in document.blocks]
    for line, text in lines:
        chars = _changed_where_they_stand(text, simplified_only_chars(text))
        if chars:
            found.append((line, "".join(sorted(chars))))
    return found


def _changed_where_they_stand(text: str, chars: set[str]) -> set[str]:
    """Those of ``chars`` that OpenCC's s2t changes where they stand in ``text``.

    A character Simplified on its own can be the Traditional form in a word: s2t keeps 佣
    in 佣金, 伙 in 伙食 and 團伙 (Taiwan's standard forms; 傭 and 夥 elsewhere), so a
    Traditional text with them has nothing left to convert.
    """
    if not chars:
        return chars
    # Through Simplified first: OpenCC's phrases are keyed by Simplified words (团伙, not 團伙).
    converted = _opencc("s2t").convert(_opencc("t2s").convert(text))
    if len(converted) != len(text):  # not one character for one: keep them all
        return chars
    changed = {old for old, new in zip(text, converted, strict=True) if old != new}
    return {char for char in chars if char in changed or char in _KEPT_ONLY_IN_NAMES}


# Kept by OpenCC only in proper names (党進, 种放, 叶音): a leftover wherever it stands.
_KEPT_ONLY_IN_NAMES = frozenset("党种叶")
