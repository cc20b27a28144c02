"""Minify: the HTML a theme writes, without the bytes a reader never sees.

Material's templates indent deeply; on a text page that is about a third of the bytes,
and GitHub Pages limits a site to 1 GB uncompressed. Whitespace at the start of a line
is collapsible in HTML (a run of whitespace renders as one space, and a newline remains),
so removing it does not change what a reader sees — except inside ``<pre>`` and
``<textarea>``, which are left exactly as they are.

Two escapes are written back as the characters they stand for, which are valid as they
are in a UTF-8 page: a link's percent-encoded Chinese (``%E5%9C%A8``, 9 bytes for 在;
the browser encodes it again when it follows the link, so the address is the same), and
the ``\\u5df2`` escapes of Material's configuration JSON (6 bytes for 已). Only non-ASCII
characters are decoded, and only in ``href`` attributes of ``<a>`` and ``<link>`` tags
and in Material's ``__config`` script, never in a text.
"""

from __future__ import annotations

import re

_PRESERVED = re.compile(r"(<(pre|textarea)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]+")
_HREF = re.compile(r'(<(?:a|link)\s[^>]*?\bhref=")([^"]*%[89a-fA-F][^"]*)"')
_ENCODED = re.compile(r"(?:%[89a-fA-F][0-9a-fA-F])+")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_JSON_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})")


def minify_html(html: str) -> str:
    """``html`` without leading whitespace and blank lines outside ``<pre>``/``<textarea>``,
    with links' Chinese and Material's configuration as characters rather than escapes."""
    parts = _PRESERVED.split(html)
    # split() with two groups yields [text, block, tag name, text, block, tag name, …]
    for index in range(0, len(parts), 3):
        text = _INDENT.sub("\n", parts[index])
        text = _HREF.sub(lambda m: f'{m.group(1)}{_ENCODED.sub(_decoded, m.group(2))}"', text)
        parts[index] = _CONFIG.sub(_config, text)
    return "".join(part for position, part in enumerate(parts) if position % 3 != 2)


def _decoded(match: re.Match[str]) -> str:
    """A run of percent-encoded bytes as its characters, if it is whole UTF-8."""
    escaped = match.group()
    try:
        return bytes.fromhex(escaped.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return escaped


def _config(match: re.Match[str]) -> str:
    body = _JSON_ESCAPE.sub(_character, match.group(2))
    return f"{match.group(1)}{body}{match.group(3)}"


def _character(match: re.Match[str]) -> str:
    """A JSON ``\\uXXXX`` escape as its character when that is safe anywhere in a script:
    not ASCII (``\\u003c`` stays), not a surrogate, not a line or paragraph separator."""
    code = int(match.group(2), 16)
    if code < 0x80 or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029):
        return match.group()
    return match.group(1) + chr(code)
