"""Cleaning: normalise line breaks and trim invisible characters at line edges.

No Unicode normalisation (NFKC would turn full-width punctuation into ASCII): the words
and punctuation of the text are kept exactly; only whitespace at line edges goes.
"""

from __future__ import annotations

import re

from .model import SourceLine

# Full-width space, NBSP, zero-width characters, BOM and ordinary whitespace.
_EDGE_CHARS = (
    " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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
