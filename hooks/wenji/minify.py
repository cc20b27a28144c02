"""Minify: drop the indentation and blank lines of the HTML a theme writes.

Material's templates indent deeply; on a text page that is about a third of the bytes,
and GitHub Pages limits a site to 1 GB uncompressed. Whitespace at the start of a line
is collapsible in HTML (a run of whitespace renders as one space, and a newline remains),
so removing it does not change what a reader sees — except inside ``<pre>`` and
``<textarea>``, which are left exactly as they are.
"""

from __future__ import annotations

import re

_PRESERVED = re.compile(r"(<(pre|textarea)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]+")


def minify_html(html: str) -> str:
    """``html`` without leading whitespace and blank lines outside ``<pre>``/``<textarea>``."""
    parts = _PRESERVED.split(html)
    # split() with two groups yields [text, block, tag name, text, block, tag name, …]
    for index in range(0, len(parts), 3):
        parts[index] = _INDENT.sub("\n", parts[index])
    return "".join(part for position, part in enumerate(parts) if position % 3 != 2)
