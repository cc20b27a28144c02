"""Hostile and broken input bytes and lines: every text builds, every character stays.

One site build holds every case; each test reads one page back and the build log.
"""

from __future__ import annotations

import codecs

import pytest

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article
from wenji.patterns import cn_to_int, int_to_cn

NUMBERED = "编号测试\n" + "".join(
    f"{int_to_cn(n)}、第{n}项工作\n本项正文。\n" for n in range(1, 100)
)
SLIP = NUMBERED + "一百、第100项工作\n本项正文。\n一百零二、第102项工作\n本项正文。\n"

LINES = [
    "学习体会",
    "同志们：",
    "今天我们召开会议，研究部署工作。",
    "一、提高认识",
    "要充分认识这项工作的重要意义。",
]
TEXT = "\n".join(LINES) + "\n"
UTF8 = TEXT.encode()
GBK_LINE = "要充分认识这项工作的重要意义。"

CASES: dict[str, bytes | str] = {
    "numbering-past-99": SLIP,
    "stray-ff": UTF8.replace("会议".encode(), "会议".encode() + b"\xff"),
    "latin1-nbsp": UTF8.replace("同志们".encode(), "同志们".encode() + b"\xa0"),
    "gbk-line": UTF8.replace(GBK_LINE.encode(), GBK_LINE.encode("gbk")),
    "utf16le-no-bom": TEXT.encode("utf-16-le"),
    "utf16be-no-bom": TEXT.encode("utf-16-be"),
    "utf32le-no-bom": TEXT.encode("utf-32-le"),
    "utf32be-no-bom": TEXT.encode("utf-32-be"),
    "utf32-bom": codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    "utf32be-bom": codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
    "controls": "控制字符\n正文\x01一\x1b[31m红色\x7f。\n第二行\x85结束。\n",
    "zero-width": "零宽字符\n干\u200b部\u200c敢\u200d为\u2060地\ufeff方敢闯。\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("hostile-input")
    texts = {f"{name}.txt": text for name, text in CASES.items()}
    return run_mkdocs(write_project(root, texts), root / "site")


def test_build_has_no_traceback_and_every_text_is_a_page(site: Build) -> None:
    assert site.returncode == 0, site.log
    assert "Traceback" not in site.log and "internal error" not in site.log
    for name in CASES:
        assert (site.site / name / "index.html").is_file(), name


def test_numbering_past_ninety_nine(site: Build) -> None:
    article = read_article(site.page("numbering-past-99"))
    headings = [h.text for h in article.headings(2)]
    assert headings[-2:] == ["一百、第100项工作", "一百零二、第102项工作"]
    assert len(headings) == 101


@pytest.mark.parametrize("number", [*range(1, 130), 1000, 1010, 10010, 123456789])
def test_int_to_cn_round_trips(number: int) -> None:
    if number < 1000:
        assert cn_to_int(int_to_cn(number)) == number
    assert int_to_cn(number)
    assert {10: "十", 15: "十五", 100: "一百", 101: "一百零一", 110: "一百一十"}.get(
        number, int_to_cn(number)
    ) == int_to_cn(number)


def _paragraphs(build: Build, name: str) -> list[str]:
    article = read_article(build.page(name))
    return [e.text for e in article.headings(1, 2)] + [p.text for p in article.paragraphs]


def _warnings(build: Build, name: str) -> list[str]:
    return [w for w in build.warnings if f"wenji: {name}.txt:" in w]


@pytest.mark.parametrize(
    ("name", "line", "expected", "warning"),
    [
        (
            "stray-ff",
            3,
            "今天我们召开会议\ufffd，研究部署工作。",
            "byte offset 50: bytes ff are not",
        ),
        ("latin1-nbsp", 2, "同志们\ufffd：", "byte offset 22: bytes a0 are not valid UTF-8"),
        ("gbk-line", 5, GBK_LINE, "byte offset 96: the line is GB18030, not UTF-8"),
    ],
)
def test_bad_bytes_are_kept_and_reported_with_line_and_offset(
    site: Build, name: str, line: int, expected: str, warning: str
) -> None:
    texts = _paragraphs(site, name)
    assert expected in texts
    assert texts[0] == "学习体会" and texts[-1] == "要充分认识这项工作的重要意义。"
    assert any(f"{name}.txt:{line}: {warning}" in w for w in _warnings(site, name))


@pytest.mark.parametrize("name", [n for n in CASES if n.startswith("utf")])
def test_utf16_and_utf32_are_read(site: Build, name: str) -> None:
    article = read_article(site.page(name))
    assert [e.text for e in article.elements if e.tag in ("h1", "h2", "p")] == LINES
    assert not _warnings(site, name)


def test_control_characters_are_visible_and_reported(site: Build) -> None:
    page = site.page("controls")
    assert not any(c in page for c in "\x01\x1b\x7f\x85")
    assert _paragraphs(site, "controls")[1:] == ["正文␁一␛[31m红色␡。", "第二行\ufffd结束。"]
    warnings = _warnings(site, "controls")
    assert any(
        "controls.txt:2: 3 control character(s) (U+0001, U+001B, U+007F)" in w for w in warnings
    )
    assert any("controls.txt:3: 1 control character(s) (U+0085)" in w for w in warnings)


def test_zero_width_characters_are_removed_and_counted(site: Build) -> None:
    assert _paragraphs(site, "zero-width")[1:] == ["干部敢为地方敢闯。"]
    assert "wenji: zero-width.txt: removed 5 zero-width character(s)" in site.log
