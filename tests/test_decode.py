"""Tests for wenji.decode: encoding detection of raw source files."""

from __future__ import annotations

import codecs
import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import SEEDS as SHIPPED_SEEDS
from wenji.decode import Decoded, DecodeError, decode

ENCODINGS = {
    "utf-8",
    "utf-8-sig",
    "utf-16-le",
    "utf-16-be",
    "utf-32-le",
    "utf-32-be",
    "gb18030",
    "big5",
}

EMPTY = "empty file"
BINARY_NUL = "binary file (contains NUL bytes)"
BINARY_ZIP = "binary file (looks like a ZIP archive, e.g. .docx)"
BINARY_PDF = "binary file (looks like a PDF)"
BINARY_OLE = "binary file (looks like an old Word/OLE document)"
UNDECODABLE = "not decodable as UTF-8, UTF-16, GB18030 or Big5"


SEEDS = sorted(SHIPPED_SEEDS.values())  # the real texts, as shipped in corpus/
needs_seeds = pytest.mark.skipif(not SEEDS, reason="no seed corpus found")
SEED_IDS = [path.name for path in SEEDS]


def _seed_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _encode(text: str, encoding: str) -> bytes:
    """Bytes of ``text`` as a file saved in ``encoding`` (BOM included where it belongs)."""
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16-le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


# Traditional Chinese, written by hand after the 干部敢为 study-session seed (000_*).
TRADITIONAL = """同志們：
為深入學習貫徹關於「幹部敢為、地方敢闖、企業敢幹、群眾敢首創」的重要要求，\
我認真學習了有關文件精神，現就學習收穫和思考感悟與同志們進行交流。
一、深刻認識激發全社會幹事創業活力的重大意義
幹部是事業發展的關鍵。新時代新征程，面對艱鉅繁重的改革發展穩定任務，\
我們必須把幹部隊伍的精氣神提振起來，讓敢於擔當、善於作為成為鮮明導向。
（一）堅持以上率下。各級領導幹部要帶頭學、帶頭幹，以釘釘子精神抓好各項工作落實，\
絕不搞形式主義、官僚主義。
（二）營造良好環境。要建立健全容錯糾錯機制，為擔當者擔當，為幹事者撐腰，\
讓廣大幹部放下包袱、輕裝上陣。
"""

# The same passage in Simplified characters.
SIMPLIFIED = """同志们：
为深入学习贯彻关于「干部敢为、地方敢闯、企业敢干、群众敢首创」的重要要求，\
我认真学习了有关文件精神，现就学习收获和思考感悟与同志们进行交流。
一、深刻认识激发全社会干事创业活力的重大意义
干部是事业发展的关键。新时代新征程，面对艰巨繁重的改革发展稳定任务，\
我们必须把干部队伍的精气神提振起来，让敢于担当、善于作为成为鲜明导向。
（一）坚持以上率下。各级领导干部要带头学、带头干，以钉钉子精神抓好各项工作落实，\
绝不搞形式主义、官僚主义。
（二）营造良好环境。要建立健全容错纠错机制，为担当者担当，为干事者撑腰，\
让广大干部放下包袱、轻装上阵。
"""

SHORT_SIMPLIFIED = [
    "同志们：今天开会。",
    "各位同仁：",
    "同志们：",
    "一、总体要求",
    "（一）",
    "会议",
]
SHORT_TRADITIONAL = [
    "各位同仁：今天開會。",
    "各位同仁：",
    "同志們：今天開會。",
    "幹部敢為",
    "（一）",
    "會議",
]

UNICODE_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"]


# --- the encoding matrix on the real seed texts ------------------------------------------


@needs_seeds
@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("encoding", [*UNICODE_ENCODINGS, "gb18030"])
@pytest.mark.parametrize("path", SEEDS, ids=SEED_IDS)
def test_seed_encoding_matrix(path: Path, encoding: str, crlf: bool) -> None:
    text = _seed_text(path)
    if crlf:
        text = _crlf(text)
        assert "\r\n" in text
    result = decode(_encode(text, encoding))
    assert result == Decoded(text, encoding)


@needs_seeds
@pytest.mark.parametrize("path", SEEDS, ids=SEED_IDS)
def test_seed_as_received_is_utf8(path: Path) -> None:
    data = path.read_bytes()
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    assert decode(data) == Decoded(_seed_text(path), encoding)


@needs_seeds
@pytest.mark.parametrize("path", SEEDS, ids=SEED_IDS)
def test_seed_gb18030_restricted_to_big5_valid_bytes_stays_gb18030(path: Path) -> None:
    """Keep only characters whose GB18030 bytes are also valid Big5: both candidates decode."""

    def also_big5(char: str) -> bool:
        try:
            char.encode("gb18030").decode("big5")
        except UnicodeDecodeError:
            return False
        return True

    text = "".join(char for char in _seed_text(path) if also_big5(char))
    data = text.encode("gb18030")
    data.decode("big5")  # the Big5 reading is valid: detection has to score, not cascade
    assert decode(data) == Decoded(text, "gb18030")


@needs_seeds
@pytest.mark.parametrize("path", SEEDS, ids=SEED_IDS)
def test_seed_converted_to_traditional_big5(path: Path) -> None:
    opencc = pytest.importorskip("opencc")
    converted = opencc.OpenCC("s2tw").convert(_seed_text(path))
    text = "".join(char for char in converted if _big5_encodable(char))
    data = text.encode("big5")
    data.decode("gb18030")  # GB18030 accepts the bytes too, as mojibake
    assert decode(data) == Decoded(text, "big5")
    assert decode(_crlf(text).encode("big5")) == Decoded(_crlf(text), "big5")


def _big5_encodable(char: str) -> bool:
    try:
        char.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


# --- Big5 versus GB18030 ------------------------------------------------------------------


def test_traditional_passage_is_long_enough() -> None:
    assert len(TRADITIONAL) >= 200
    assert len(SIMPLIFIED) == len(TRADITIONAL)


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_traditional_big5(crlf: bool) -> None:
    text = _crlf(TRADITIONAL) if crlf else TRADITIONAL
    data = text.encode("big5")
    data.decode("gb18030")  # would "succeed" as mojibake in a try-in-order cascade
    assert decode(data) == Decoded(text, "big5")


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_simplified_gb18030_not_big5(crlf: bool) -> None:
    text = _crlf(SIMPLIFIED) if crlf else SIMPLIFIED
    assert decode(text.encode("gb18030")) == Decoded(text, "gb18030")


def test_traditional_in_gb18030_stays_gb18030() -> None:
    assert decode(TRADITIONAL.encode("gb18030")) == Decoded(TRADITIONAL, "gb18030")


@pytest.mark.parametrize("encoding", [*UNICODE_ENCODINGS, "big5"])
def test_traditional_passage_other_encodings(encoding: str) -> None:
    assert decode(_encode(TRADITIONAL, encoding)) == Decoded(TRADITIONAL, encoding)


def test_lone_cr_and_mixed_line_endings_untouched() -> None:
    text = "第一行\r第二行\r\n第三行\n（一）第四行。\r\n"
    for encoding in ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030", "big5"]:
        assert decode(_encode(text, encoding)) == Decoded(text, encoding)


def test_tie_prefers_gb18030() -> None:
    data = b"\xb0\xa1"  # GB18030: 啊; Big5: a common Traditional character too
    assert data.decode("big5") != data.decode("gb18030")
    assert decode(data) == Decoded("啊", "gb18030")


# --- short files ----------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", [*UNICODE_ENCODINGS, "gb18030"])
@pytest.mark.parametrize("text", SHORT_SIMPLIFIED)
def test_short_simplified(text: str, encoding: str) -> None:
    assert len(text) < 50
    assert decode(_encode(text, encoding)) == Decoded(text, encoding)


@pytest.mark.parametrize("encoding", [*UNICODE_ENCODINGS, "big5"])
@pytest.mark.parametrize("text", SHORT_TRADITIONAL)
def test_short_traditional(text: str, encoding: str) -> None:
    assert len(text) < 50
    assert decode(_encode(text, encoding)) == Decoded(text, encoding)


@pytest.mark.parametrize("text", ["同志们：今天开会。\n", "各位同仁：\r\n"])
def test_short_simplified_with_newline(text: str) -> None:
    assert decode(text.encode("gb18030")) == Decoded(text, "gb18030")


@pytest.mark.parametrize("text", ["各位同仁：今天開會。\n", "各位同仁：\r\n"])
def test_short_traditional_with_newline(text: str) -> None:
    assert decode(text.encode("big5")) == Decoded(text, "big5")


def test_ascii_only_is_utf8() -> None:
    assert decode(b"hello\r\n") == Decoded("hello\r\n", "utf-8")


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \r\n\t\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b" \n",
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_LE + " \r\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "\n".encode("utf-16-be"),
        codecs.BOM_UTF8 + codecs.BOM_UTF8,
        "　　\r\n".encode("gb18030"),  # ideographic spaces only
    ],
    ids=repr,
)
def test_empty(data: bytes) -> None:
    with pytest.raises(DecodeError) as excinfo:
        decode(data)
    assert str(excinfo.value) == EMPTY


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"abc\x00def", BINARY_NUL),
        ("同志们\x00".encode("gb18030"), BINARY_NUL),
        (codecs.BOM_UTF8 + b"abc\x00", BINARY_NUL),
        (codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), BINARY_NUL),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", BINARY_ZIP),
        (b"PK\x03\x04", BINARY_ZIP),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", BINARY_PDF),
        (b"%PDF", BINARY_PDF),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00", BINARY_OLE),
        (b"\xd0\xcf\x11\xe0", BINARY_OLE),
    ],
    ids=repr,
)
def test_binary(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as excinfo:
        decode(data)
    assert str(excinfo.value) == reason


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xff\xff",
        b"\xfe\xa1" * 8,  # GB18030 private-use area only; invalid Big5
        "한국어 텍스트".encode("gb18030"),  # decodes, but only as hangul: not Chinese
        codecs.BOM_UTF16_BE + b"\xd8\x00\x00A",  # lone surrogate: half the text
    ],
    ids=repr,
)
def test_undecodable(data: bytes) -> None:
    with pytest.raises(DecodeError) as excinfo:
        decode(data)
    assert str(excinfo.value) == UNDECODABLE


@pytest.mark.parametrize(
    ("data", "text", "encoding", "line", "offset"),
    [
        ("Café au lait.\n".encode("latin-1"), "Caf\ufffd au lait.\n", "utf-8", 1, 3),
        (codecs.BOM_UTF16_LE + "同志们".encode("utf-16-le")[:-1], "同志\ufffd", "utf-16-le", 1, 6),
        (codecs.BOM_UTF8 + "同志们".encode("gb18030"), "同志们", "gb18030", 1, 0),
    ],
    ids=repr,
)
def test_repaired(data: bytes, text: str, encoding: str, line: int, offset: int) -> None:
    result = decode(data)
    assert (result.text, result.encoding) == (text, encoding)
    assert [(r.line, r.offset) for r in result.repairs] == [(line, offset)]


def test_decode_error_is_value_error() -> None:
    assert issubclass(DecodeError, ValueError)


def test_decoded_is_frozen() -> None:
    result = decode("同志们".encode())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]


# --- properties -----------------------------------------------------------------------------

_CJK_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("\n\r\t　（），。：；！？“”、《》「」"),
    ),
    max_size=200,
)


@given(_CJK_TEXT)
def test_property_utf8_roundtrip(text: str) -> None:
    assume(text.strip() and "\x00" not in text)
    assume(not text.startswith("%PDF"))  # a PDF signature, rightly rejected
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8")


@settings(deadline=None)  # timings belong in bench/; the machine may be busy
@given(st.binary(max_size=300))
def test_property_arbitrary_bytes(data: bytes) -> None:
    try:
        result = decode(data)
    except DecodeError as err:
        assert str(err) in {EMPTY, BINARY_NUL, BINARY_ZIP, BINARY_PDF, BINARY_OLE, UNDECODABLE}
    else:
        assert result.encoding in ENCODINGS
        assert result.text.strip()


# --- purity ------------------------------------------------------------------------------


def test_core_library_does_not_import_mkdocs() -> None:
    code = (
        "import pkgutil, importlib, sys, wenji\n"
        "for module in pkgutil.iter_modules(wenji.__path__):\n"
        "    if module.name != '__main__':\n"
        "        importlib.import_module('wenji.' + module.name)\n"
        "sys.exit('mkdocs' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
