"""Turn the raw bytes of a source file into text, detecting its encoding.

The corpus is raw Chinese text as curators receive it: mostly UTF-8, but also UTF-16
(Windows "Unicode" saves), GB18030/GBK (mainland legacy) and Big5 (Taiwan/Hong Kong legacy).
:func:`decode` picks the encoding, returns the text with any byte-order mark removed and
with line endings untouched, and rejects binary files with a short reason a curator can act on.

Detection order:

1. A byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides the encoding. UTF-16 and
   UTF-32 bytes legitimately contain NUL bytes, so for BOM files only a decoded U+0000
   character counts as binary.
2. Well-known binary signatures (ZIP/.docx, PDF, OLE/.doc) are rejected. Bytes with NUL
   bytes are tried as UTF-32 and UTF-16 (LE and BE) without mark, scored as below; if none
   reads as text, the file is binary.
3. Strictly valid UTF-8 is accepted as UTF-8: legacy CJK text is practically never valid UTF-8.
4. A file most of whose lines are UTF-8 is UTF-8 with a few bad lines: each is decoded as
   GB18030 or Big5 if that reads as Chinese (a pasted GBK line), else its bad bytes become
   U+FFFD (see :mod:`wenji.decode_lines`).
5. Otherwise the bytes are decoded strictly as both GB18030 and Big5, and every candidate
   that decodes is *scored* by how plausible its characters are as Chinese text. A plain
   try-in-order cascade would not work: GB18030 accepts almost every Big5 byte sequence and
   turns it into mojibake without raising.
6. If nothing decodes strictly, the encoding needing the fewest U+FFFD replacements is used.

Every line decoded in step 4 or 6, and a BOM file that is not valid throughout, is listed in
:attr:`Decoded.repairs` with its line and byte offset. A file refused is one that is empty,
binary, or would be half replacement characters.

Scoring looks at the first few thousand characters of each candidate. Full-width Chinese
punctuation scores +3 and a common character (GB2312 level 1 or Big5 常用字) +1; other
ideographs and unclassified symbols score -1, and kana, bopomofo, Greek, Cyrillic, box
drawing, private-use and similar characters, which are what a wrong legacy decoding
typically yields, score -3. ASCII is neutral. The candidate with the best mean score per
non-ASCII character wins, GB18030 on a tie; a mean below -1 is garbage and never wins.

This module is pure (no I/O, no MkDocs) and its character tables are built lazily, once,
by decoding byte ranges of the legacy encodings themselves.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from .decode_lines import (
    Repair,
    decode_all_replacing,
    decode_replacing,
    decode_utf8_lines,
    mostly_utf8,
    replaced_share,
)

__all__ = ["DecodeError", "Decoded", "Repair", "decode"]

EMPTY = "empty file"
BINARY_NUL = "binary file (contains NUL bytes)"
BINARY_ZIP = "binary file (looks like a ZIP archive, e.g. .docx)"
BINARY_PDF = "binary file (looks like a PDF)"
BINARY_OLE = "binary file (looks like an old Word/OLE document)"
UNDECODABLE = "not decodable as UTF-8, UTF-16, GB18030 or Big5"

#: Byte-order mark, codec to decode the rest with, encoding name reported.
#: UTF-32 LE first: its mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", BINARY_ZIP),
    (b"%PDF", BINARY_PDF),
    (b"\xd0\xcf\x11\xe0", BINARY_OLE),
)

#: Legacy encodings scored against each other, in tie-break order (mainland first).
_LEGACY = ("gb18030", "big5")

#: Encodings of files without a byte-order mark that contain NUL bytes: (codec, unit size).
_WIDE = (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2))

_C0 = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UNUSUAL = re.compile("[^\x00-\x7e\u2000-\u206f\u3000-\u9fff\uff00-\uffef]")

#: A line of another encoding inside a UTF-8 file is taken when it scores at least this.
_PLAUSIBLE_LINE = 0.0

#: A repaired text with this share of U+FFFD (or more) is not a text.
_REPLACED_MAX = 0.5

#: How many characters of each candidate decoding are scored.
_SAMPLE_CHARS = 4096

#: Candidates whose mean score per non-ASCII character is below this are garbage.
#: A text made only of uncommon ideographs scores -1; mojibake full of kana,
#: bopomofo, box drawing or private-use characters scores well below that.
_GARBAGE_BELOW = -1.0

# Per-character scores.
_PUNCT_SCORE = 3
_COMMON_SCORE = 1
_IDEOGRAPH_SCORE = -1
_OTHER_SCORE = -1
_RARE_SCORE = -3

#: Full-width punctuation of running Chinese text (mainland and Taiwan/Hong Kong usage).
_CJK_PUNCTUATION = frozenset("（），。：；！？“”‘’、《》〈〉「」『』【】…—　")

#: Code point ranges (inclusive) whose characters are almost never in Chinese prose but are
#: exactly what a wrong legacy decoding produces.
_RARE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0080, 0x009F),  # C1 control characters
    (0x02B0, 0x02FF),  # spacing modifier letters (bopomofo tone marks)
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic
    (0x2500, 0x259F),  # box drawing, block elements
    (0x25A0, 0x25FF),  # geometric shapes
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x31A0, 0x31BF),  # bopomofo extended
    (0x31F0, 0x31FF),  # katakana phonetic extensions
    (0xAC00, 0xD7AF),  # hangul syllables
    (0xE000, 0xF8FF),  # private use area
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFFF0, 0xFFFF),  # specials (incl. U+FFFD)
    (0xF0000, 0x10FFFF),  # supplementary private use areas
)


@dataclass(frozen=True)
class Decoded:
    """The text of a source file and the encoding it was read with.

    ``text`` has any byte-order mark removed; its line endings are exactly those of the
    file. ``encoding`` is one of ``"utf-8"``, ``"utf-8-sig"``, ``"utf-16-le"``,
    ``"utf-16-be"``, ``"utf-32-le"``, ``"utf-32-be"``, ``"gb18030"`` or ``"big5"``.
    ``repairs`` lists the lines that were not valid in it and how each was decoded
    (bad bytes as U+FFFD, or the line in another encoding); empty for a clean file.
    """

    text: str
    encoding: str
    repairs: tuple[Repair, ...] = ()


class DecodeError(ValueError):
    """The bytes are not a text file wenji can read.

    ``str(err)`` is a short human reason, e.g. ``"binary file (contains NUL bytes)"``.
    """


def decode(data: bytes) -> Decoded:
    """Detect the encoding of ``data`` and return its text.

    Raises :class:`DecodeError` when ``data`` is empty (or only whitespace and byte-order
    marks), looks binary (ZIP, PDF or OLE signature, NUL bytes that are not UTF-16/32),
    or has no encoding in which most of it is plausible text. A file with a few bad bytes
    or lines is decoded with :attr:`Decoded.repairs`. See the module docstring.
    """
    if not data:
        raise DecodeError(EMPTY)

    for bom, codec, encoding in _BOMS:
        if data.startswith(bom):
            return _with_bom(data[len(bom) :], codec, encoding, len(bom))

    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(reason)
    if b"\x00" in data:
        return _wide(data)
    return _without_bom(data)


def _without_bom(data: bytes, base: int = 0) -> Decoded:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _checked(text, "utf-8")

    # Strict legacy decodings first: on a tie with UTF-8-with-repairs they win.
    candidates: list[tuple[str, str, list[Repair]]] = []
    for encoding in _LEGACY:
        try:
            candidates.append((data.decode(encoding), encoding, []))
        except UnicodeDecodeError:
            continue
    if mostly_utf8(data):
        text, repairs = decode_utf8_lines(data, _plausible, base=base)
        candidates.append((text, "utf-8", repairs))
    best: tuple[str, str, list[Repair]] | None = None
    best_score = float("-inf")
    for candidate in candidates:  # strict ">" keeps the earlier one on a tie
        score = _score(candidate[0])
        if score >= _GARBAGE_BELOW and score > best_score:
            best, best_score = candidate, score
    if best is not None:
        return _checked(*best)
    return _repaired(data)


def _repaired(data: bytes) -> Decoded:
    """The encoding that needs the fewest replacements, with them made and reported."""
    candidates: list[tuple[float, float, int, str]] = []
    for rank, codec in enumerate(("utf-8", *_LEGACY)):
        text = data.decode(codec, "replace")
        share, score = replaced_share(text), _score(text)
        if share < _REPLACED_MAX and (codec == "utf-8" or score >= _GARBAGE_BELOW):
            candidates.append((share, -score, rank, codec))
    if not candidates:
        raise DecodeError(UNDECODABLE)
    codec = min(candidates)[3]
    text, repairs = decode_all_replacing(data, codec)
    return _checked(text, codec, repairs)


def _with_bom(rest: bytes, codec: str, encoding: str, base: int) -> Decoded:
    """Decode what follows a byte-order mark; repair it if it is not valid throughout."""
    try:
        return _checked(rest.decode(codec), encoding)
    except UnicodeDecodeError:
        pass
    if codec == "utf-8":
        other = _without_bom(rest, base)
        if other.encoding == "utf-8":
            return replace(other, encoding=encoding)
        name = other.encoding.upper()
        note = Repair(1, 0, f"the file starts with a UTF-8 byte-order mark but is {name}")
        return replace(other, repairs=(note, *other.repairs))
    text, repair = decode_replacing(rest, codec, 1, base)
    if repair is not None:  # one "line" was decoded: find the real line of the first repair
        prefix = rest[: repair.offset - base].decode(codec, "replace")
        line = 1 + prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n")
        repair = replace(repair, line=line)
    return _checked(text, encoding, [repair] if repair else [])


def _wide(data: bytes) -> Decoded:
    """UTF-32 or UTF-16 without byte-order mark, told apart by scoring; else binary."""
    best: Decoded | None = None
    best_score = float("-inf")
    for codec, unit in _WIDE:
        if len(data) % unit:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _score(text)
        if _textlike(text) and score >= _GARBAGE_BELOW and score > best_score:
            best, best_score = Decoded(text, codec), score
    if best is None:
        raise DecodeError(BINARY_NUL)
    return _checked(best.text, best.encoding)


def _textlike(text: str) -> bool:
    """No control characters but tab and line breaks, and nine in ten characters ASCII,
    CJK or CJK/full-width punctuation: what a UTF-16/32 text is, and what binary data
    or the wrong byte order decoded as UTF-16 is not."""
    sample = text[:_SAMPLE_CHARS]
    if _C0.search(sample):
        return False
    unusual = _UNUSUAL.findall(sample)
    return len(unusual) <= 0.1 * len(sample)


def _plausible(line: str) -> bool:
    """Whether a line decoded in another encoding reads as Chinese text."""
    return _score(line) >= _PLAUSIBLE_LINE


def _checked(text: str, encoding: str, repairs: list[Repair] | tuple[()] = ()) -> Decoded:
    """Reject decoded texts that are blank, contain U+0000 or are mostly replacements."""
    if "\x00" in text:
        raise DecodeError(BINARY_NUL)
    if not text.replace("\ufeff", "").strip():
        raise DecodeError(EMPTY)
    if repairs and replaced_share(text) >= _REPLACED_MAX:
        raise DecodeError(UNDECODABLE)
    return Decoded(text, encoding, tuple(repairs))


def _score(text: str) -> float:
    """Mean plausibility score per non-ASCII character of (a prefix of) ``text``.

    ASCII is neutral and not counted. Returns ``0.0`` when the sample has no non-ASCII
    character.
    """
    weights = _weights()
    total = 0
    count = 0
    for char, n in Counter(text[:_SAMPLE_CHARS]).items():
        if char < "\x80":
            continue
        weight = weights.get(char)
        if weight is None:
            weight = _classify(char)
        total += weight * n
        count += n
    return total / count if count else 0.0


def _classify(char: str) -> int:
    """Score a character that is neither punctuation nor a common ideograph."""
    cp = ord(char)
    for low, high in _RARE_RANGES:
        if low <= cp <= high:
            return _RARE_SCORE
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3FFFF:
        return _IDEOGRAPH_SCORE
    return _OTHER_SCORE


@cache
def _weights() -> dict[str, int]:
    """Score table for punctuation and common ideographs, built once on first use."""
    weights = dict.fromkeys(_common_simplified() | _common_traditional(), _COMMON_SCORE)
    weights.update(dict.fromkeys(_CJK_PUNCTUATION, _PUNCT_SCORE))
    return weights


@cache
def _common_simplified() -> frozenset[str]:
    """GB2312 level-1 hanzi (rows 0xB0–0xD7): the ~3,755 most common Simplified characters."""
    return _decode_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))


@cache
def _common_traditional() -> frozenset[str]:
    """Big5 常用字 (0xA440–0xC67E): the ~5,401 common Traditional characters."""
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    return _decode_range("big5", range(0xA4, 0xC7), trails, last=0xC67E)


def _decode_range(
    encoding: str, leads: range, trails: range | list[int], last: int = 0xFFFF
) -> frozenset[str]:
    """Characters of every valid two-byte code ``lead, trail`` up to ``last`` in ``encoding``.

    All codes are decoded in one call, each followed by a newline so that an invalid code
    cannot shift the pairing of the ones after it; invalid codes become U+FFFD and are
    dropped.
    """
    codes = b"".join(
        bytes((lead, trail, 0x0A))
        for lead in leads
        for trail in trails
        if (lead << 8 | trail) <= last
    )
    lines = codes.decode(encoding, errors="replace").split("\n")
    return frozenset(line for line in lines if len(line) == 1 and line != "\ufffd")
