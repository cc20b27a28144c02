"""Decoding a file that is valid in no single encoding, line by line, reporting each repair.

Real archives contain UTF-8 files with a stray byte (``\\xff``, a Latin-1 ``\\xa0``), a
line pasted from a GBK document, or a truncated last character. Such a file is not thrown
away: every line that is valid in the file's encoding is decoded as such; a line that is
not is decoded in the other encoding when that gives plausible Chinese (a GBK line in a
UTF-8 file), and otherwise each bad byte sequence becomes U+FFFD. Every repair is a
:class:`Repair` naming the line and the byte offset, so the build can warn about it.

The cost is linear: lines are decoded one at a time, and at most :data:`_SPANS_PER_LINE`
bad spans of a line are located one by one (the rest are replaced by the codec itself).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: Line breaks as :func:`wenji.clean.normalise_newlines` counts them. In GB18030 and Big5
#: the bytes 0x0A and 0x0D are never part of a character, so splitting bytes is safe.
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_SPANS_PER_LINE = 5
_FFFD = "\ufffd"
_ASCII = bytes(range(0x80))
_UTF8_WIDE = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Repair:
    """One repaired line: ``line`` is 1-based, ``offset`` the 0-based file offset of its
    first bad byte."""

    line: int
    offset: int
    message: str


def lines_of(data: bytes, base: int = 0) -> Iterator[tuple[int, int, bytes]]:
    """``(line number, file offset of its first byte, bytes including the line break)``.

    ``base`` is the file offset of ``data`` (the length of a byte-order mark before it).
    """
    start, number = 0, 1
    for match in _LINE_BREAK.finditer(data):
        yield number, base + start, data[start : match.end()]
        start, number = match.end(), number + 1
    if start < len(data):
        yield number, base + start, data[start:]


def mostly_utf8(data: bytes) -> bool:
    """True when more lines look like (possibly damaged) UTF-8 than like another encoding.

    A line looks like UTF-8 when at least 80 % of its non-ASCII bytes form three- or
    four-byte UTF-8 sequences, as Chinese characters in UTF-8 do. Legacy CJK text rarely
    does: its byte pairs form a two-byte UTF-8 sequence quite often by chance ("同志" in
    GBK is valid UTF-8), a three-byte one seldom.
    """
    utf8 = foreign = 0
    for _, _, line in lines_of(data):
        if line.isascii():
            continue
        non_ascii = len(line) - len(line.translate(None, _ASCII))
        wide = sum(len(match) for match in _UTF8_WIDE.findall(line))
        if wide >= 0.8 * non_ascii:
            utf8 += 1
        else:
            foreign += 1
    return utf8 > 0 and utf8 >= foreign


def decode_utf8_lines(
    data: bytes,
    plausible: Callable[[str], bool],
    others: tuple[str, ...] = ("gb18030", "big5"),
    base: int = 0,
) -> tuple[str, list[Repair]]:
    """Decode mostly-UTF-8 ``data`` (at file offset ``base``) line by line, see above."""
    parts: list[str] = []
    repairs: list[Repair] = []
    for number, offset, line in lines_of(data, base):
        try:
            parts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError as error:
            first_bad = offset + error.start
        if _utf8_share(line) < 0.5:
            other = _other_encoding(line, plausible, others)
            if other is not None:
                text, encoding = other
                parts.append(text)
                message = (
                    f"byte offset {first_bad}: the line is {encoding.upper()}, not UTF-8; "
                    f"decoded as {encoding.upper()}"
                )
                repairs.append(Repair(number, first_bad, message))
                continue
        text, repair = decode_replacing(line, "utf-8", number, offset)
        parts.append(text)
        if repair is not None:
            repairs.append(repair)
    return "".join(parts), repairs


def decode_all_replacing(data: bytes, codec: str) -> tuple[str, list[Repair]]:
    """Decode ``data`` in ``codec`` line by line, bad byte sequences becoming U+FFFD."""
    parts: list[str] = []
    repairs: list[Repair] = []
    for number, offset, line in lines_of(data):
        text, repair = decode_replacing(line, codec, number, offset)
        parts.append(text)
        if repair is not None:
            repairs.append(repair)
    return "".join(parts), repairs


def decode_replacing(
    line: bytes, codec: str, number: int, offset: int
) -> tuple[str, Repair | None]:
    """``line`` decoded with U+FFFD for each bad byte sequence, and the repair made."""
    parts: list[str] = []
    spans: list[tuple[int, bytes]] = []
    position, more = 0, 0
    while len(spans) < _SPANS_PER_LINE:
        try:
            parts.append(line[position:].decode(codec))
            break
        except UnicodeDecodeError as error:
            parts.append(line[position : position + error.start].decode(codec, "replace"))
            parts.append(_FFFD)
            spans.append((offset + position + error.start, error.object[error.start : error.end]))
            position += error.end
    else:
        tail = line[position:].decode(codec, "replace")
        parts.append(tail)
        more = tail.count(_FFFD)
    if not spans:
        return "".join(parts), None
    text, count = "".join(parts), len(spans) + more
    first_offset, first_bytes = spans[0]
    shown = first_bytes[:8].hex(" ")
    what = codec.upper()
    if count == 1:
        message = f"byte offset {first_offset}: bytes {shown} are not valid {what}; shown as U+FFFD"
    else:
        message = (
            f"byte offset {first_offset}: {count} byte sequences are not valid {what} "
            f"(the first: {shown}); shown as U+FFFD"
        )
    return text, Repair(number, first_offset, message)


def replaced_share(text: str) -> float:
    """Share of U+FFFD among the visible characters of a repaired ``text``."""
    bad = text.count(_FFFD)
    visible = len(text) - sum(text.count(c) for c in " \t\r\n\u3000")
    return bad / visible if visible else 1.0


def _other_encoding(
    line: bytes, plausible: Callable[[str], bool], others: tuple[str, ...]
) -> tuple[str, str] | None:
    for encoding in others:
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            return text, encoding
    return None


def _utf8_share(line: bytes) -> float:
    """Share of the non-ASCII bytes of ``line`` that are part of valid UTF-8 sequences."""
    text = line.decode("utf-8", "replace")
    bad = text.count(_FFFD) - line.count(b"\xef\xbf\xbd")
    non_ascii = len(line) - len(line.translate(None, _ASCII))
    return max(0, non_ascii - bad) / non_ascii if non_ascii else 1.0
