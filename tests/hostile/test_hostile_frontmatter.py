"""Hostile and broken front matter: the text always builds, nothing in it is lost.

One site build holds every case; each test reads one page back and the build log.
"""

from __future__ import annotations

import re

import pytest

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article

BODY = "学习体会\n同志们：\n今天我们召开会议。\n"

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['x'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
)

CASES: dict[str, str] = {
    "date-feb30": "---\ndate: 2024-02-30\nspeaker: 张三\n---\n" + BODY,
    "date-month13": "---\ndate: 2024-13-01\n---\n" + BODY,
    "date-zero": "---\ndate: 0000-00-00\n---\n" + BODY,
    "timestamp-tag": "---\ndate: !!timestamp yesterday\n---\n" + BODY,
    "int-tag": "---\ntitle: !!int abc\n---\n" + BODY,
    "invalid-yaml": "---\ntitle: [未闭合\nspeaker: 李四\n---\n" + BODY,
    "title-no": "---\ntitle: no\n---\n" + BODY,
    "duplicate-key": "---\ntitle: 第一个标题\ntitle: 第二个标题\n---\n" + BODY,
    "chinese-keys": "---\n来源: 某网站\n作者: 佚名\n---\n" + BODY,
    "unknown-key": "---\ntitle: 已知\n出处: 某内部刊物\n---\n" + BODY,
    "bomb-date": "---\n" + BOMB + "date: *i\n---\n" + BODY,
    "bomb-headings": "---\n" + BOMB + "structure:\n  headings: *i\n---\n" + BODY,
    "rule-lines": "标题在此\n---\n张三\n正文第一段。\n---\n正文第二段。\n",
    "rule-first": "---\n正文一段，不是前言。\n---\n正文二段。\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("hostile-frontmatter")
    config = write_project(root, {f"{name}.txt": text for name, text in CASES.items()})
    return run_mkdocs(config, root / "site")


def _warnings(build: Build, name: str) -> list[str]:
    return [w for w in build.warnings if f"wenji: {name}.txt:" in w]


def _in_order(needles: list[str], haystack: str) -> bool:
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            return False
        position = found + len(needle)
    return True


def test_build_has_no_traceback_and_every_text_is_a_page(site: Build) -> None:
    assert site.returncode == 0, site.log
    assert "Traceback" not in site.log and "internal error" not in site.log
    for name in CASES:
        assert (site.site / name / "index.html").is_file(), name


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("date-feb30", 2, "'date' '2024-02-30' is not a calendar date"),
        ("date-month13", 2, "'date' '2024-13-01' is not a calendar date"),
        ("date-zero", 2, "'date' '0000-00-00' is not a calendar date"),
        ("timestamp-tag", 2, "'date' must be a date such as 2023-02-01"),
        ("invalid-yaml", 2, "not valid YAML"),
        ("duplicate-key", 2, "'title' is given again on line 3"),
        ("unknown-key", 3, "unknown key '出处'"),
        ("bomb-date", 11, "'date' must be a date"),
        ("bomb-headings", 11, "'structure' is too large"),
    ],
)
def test_bad_entry_is_a_warning_with_line_and_its_lines_stay(
    site: Build, name: str, line: int, problem: str
) -> None:
    warnings = _warnings(site, name)
    assert any(f"{name}.txt:{line}: front matter: {problem}" in w for w in warnings), warnings
    article = read_article(site.page(name))
    source_line = CASES[name].split("\n")[line - 1]
    assert source_line in [p.text for p in article.paragraphs]
    assert _in_order(["学习体会", "同志们：", "今天我们召开会议。"], article.text)


def test_rest_of_front_matter_is_used(site: Build) -> None:
    assert "张三" in read_article(site.page("date-feb30")).text
    assert "李四" in read_article(site.page("invalid-yaml")).text
    assert read_article(site.page("unknown-key")).headings(1)[0].text == "已知"
    assert read_article(site.page("bomb-date")).headings(1)[0].text == "学习体会"


def test_alias_bomb_is_not_expanded(site: Build) -> None:
    assert max(len(line) for line in site.log.splitlines()) < 2000
    for name in ("bomb-date", "bomb-headings"):
        assert len(site.page(name)) < 100_000


def test_values_are_text_as_written(site: Build) -> None:
    assert read_article(site.page("title-no")).headings(1)[0].text == "no"
    assert read_article(site.page("int-tag")).headings(1)[0].text == "abc"
    assert read_article(site.page("duplicate-key")).headings(1)[0].text == "第二个标题"


def test_chinese_keys_reach_the_page_as_metadata(site: Build) -> None:
    article = read_article(site.page("chinese-keys"))
    assert "某网站" in article.text and "佚名" in article.text
    assert not _warnings(site, "chinese-keys")


def test_rule_lines_are_text_not_title_or_subtitle(site: Build) -> None:
    article = read_article(site.page("rule-lines"))
    assert article.headings(1)[0].text == "标题在此"
    assert [p.text for p in article.paragraphs] == [
        "---",
        "张三",
        "正文第一段。",
        "---",
        "正文第二段。",
    ]
    first = read_article(site.page("rule-first"))
    assert first.headings(1)[0].text != "---"
    assert [p.text for p in first.paragraphs] == [
        "---",
        "正文一段，不是前言。",
        "---",
        "正文二段。",
    ]
    assert not re.search(r"wenji-subtitle", site.page("rule-lines"))
