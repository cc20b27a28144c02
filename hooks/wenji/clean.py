"""Cleaning: line breaks, control and zero-width characters, invisible line edges.

No Unicode normalisation (NFKC would turn full-width punctuation into ASCII): the words
and punctuation of the text are kept exactly. What changes, and why:

- Line breaks (CRLF, CR) become LF.
- Control characters (C0 except tab, LF, CR and form feed; DEL; C1 such as U+0085) would
  pass raw into HTML, where they are invalid or invisible: each is shown as its Control
  Pictures sign (U+0001 → ␁, ESC → ␛, DEL → ␡) or, for C1, as U+FFFD, and reported by line.
- Zero-width characters inside lines (U+200B, U+2060, U+FEFF; U+200C/U+200D except
  next to emoji or scripts that need them) are removed: they are invisible anyway, and
  scraped texts are full of them, splitting words so that search cannot find them. The
  published raw ``.txt`` keeps them; their count is reported at INFO.
- Spaces (including full-width and NBSP) and zero-width characters at line edges go.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import SourceLine

# Full-width space, NBSP, zero-width characters, BOM and ordinary whitespace.
_EDGE_CHARS = (
    " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NEEDS_JOINER = "\u0600-\u0dff\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"
_ZERO_WIDTH = re.compile(
    f"[\u200b\u2060\ufeff]|(?<![{_NEEDS_JOINER}])[\u200c\u200d](?![{_NEEDS_JOINER}])"
)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return _LINE_BREAK.sub("\n", text)


def trim_edges(line: str) -> str:
    """Strip spaces (including full-width and NBSP) and zero-width characters at both ends."""
    return line.strip(_EDGE_CHARS)


def clean_lines(text: str, first_line_number: int = 1) -> list[SourceLine]:
    """Split ``text`` into trimmed lines, dropping blank ones but keeping line numbers.

    ``first_line_number`` is the number of the first line of ``text`` in the source file
    (it is greater than 1 when front matter came before).
    """
    lines = normalise_newlines(text).split("\n")
    cleaned: list[SourceLine] = []
    for offset, raw in enumerate(lines):
        trimmed = trim_edges(raw)
        if trimmed:
            cleaned.append(SourceLine(first_line_number + offset, trimmed))
    return cleaned


def show_controls(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Control characters of ``text`` (LF line endings) made visible.

    Returns the new text and, per line with control characters, ``(line number within
    text, description)``.
    """
    if not _CONTROL.search(text):
        return text, []
    found: list[tuple[int, str]] = []
    for line, chars in _controls_by_line(text):
        names = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(chars))
        shown = "".join(dict.fromkeys(_picture(c) for c in chars))
        found.append((line, f"{len(chars)} control character(s) ({names}) shown as {shown}"))
    return _CONTROL.sub(lambda m: _picture(m.group()), text), found


def drop_zero_width(text: str) -> tuple[str, int]:
    """``text`` without zero-width characters inside lines, and how many were removed."""
    if not _ZERO_WIDTH.search(text):
        return text, 0
    result, count = _ZERO_WIDTH.subn("", text)
    return result, count


def _controls_by_line(text: str) -> Iterator[tuple[int, list[str]]]:
    line, position, current, chars = 1, 0, 0, []
    for match in _CONTROL.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if chars and line != current:
            yield current, chars
            chars = []
        current = line
        chars.append(match.group())
    if chars:
        yield current, chars


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"
