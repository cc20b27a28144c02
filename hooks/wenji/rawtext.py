"""The raw text published beside each page: the source as UTF-8 with a byte-order mark.

Static servers often send ``.txt`` files as ``text/plain`` without a charset
(``mkdocs serve`` and ``python -m http.server`` do), and browsers then read them in a
legacy encoding: Chinese shows as mojibake. A byte-order mark decides the encoding before
any HTTP header is looked at (WHATWG Encoding, "decode": BOM sniffing comes first), so
the published copy reads right on every server and from ``file://``. The characters are
exactly those of the source; only the encoding of a GB18030, Big5 or UTF-16 source changes.
"""

from __future__ import annotations

from .decode import decode

UTF8_BOM = b"\xef\xbb\xbf"


def published_bytes(data: bytes, encoding: str) -> bytes:
    """The published copy of a source whose bytes are ``data``, read as ``encoding``.

    A UTF-8 source keeps its bytes (with exactly one byte-order mark in front); any other
    is decoded and written as UTF-8.
    """
    if encoding in ("utf-8", "utf-8-sig"):
        return UTF8_BOM + data.removeprefix(UTF8_BOM)
    return UTF8_BOM + decode(data).text.encode("utf-8")
