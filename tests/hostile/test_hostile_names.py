"""Names the curator wrote stay as written in a Traditional edition unless they are in
the other script: a folder named 台灣 is not OpenCC's 臺灣 (``convert_names``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_hostile_injection import markup, read_nav

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article

TEXTS: dict[str, bytes | str] = {
    "台灣/a.txt": "关于发展的报告\n正文第一段。",
    "台湾/b.txt": "简体文件夹里的文本\n正文第一段。",
    "named/c.txt": "有标题的文件夹\n正文第一段。",
    "fm.txt": "---\ntitle: 台灣的發展\n---\n正文第一段。",
    "fm-simplified.txt": "---\ntitle: 台湾的发展\n---\n正文第一段。",
}


def edition(convert_names: str | None) -> str:
    option = f"\n        convert_names: {convert_names}" if convert_names else ""
    return f"""\
extra:
  wenji:
    folder_titles:
      named: 台灣研究
    editions:
      - prefix: zh-tw
        opencc: s2tw
        language: zh-TW
        name: 繁體{option}
"""


@pytest.fixture(scope="module", params=[None, "always", "never"])
def build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("names")
    config = write_project(root, TEXTS, edition(request.param))
    (root / "docs" / "index.md").write_text("# Home\n\n<!-- wenji:library -->\n", encoding="utf-8")
    built = run_mkdocs(config, root / "site")
    assert built.returncode == 0, built.log
    return built


# folder 台灣, folder 台湾, folder_titles 台灣研究, front matter 台灣的發展 and 台湾的发展
EXPECTED = {
    None: ("台灣", "臺灣", "台灣研究", "台灣的發展", "臺灣的發展"),
    "always": ("臺灣", "臺灣", "臺灣研究", "臺灣的發展", "臺灣的發展"),
    "never": ("台灣", "台湾", "台灣研究", "台灣的發展", "台湾的发展"),
}


def mode(build: Build) -> str | None:
    config = (build.site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    for value in ("always", "never"):
        if f"convert_names: {value}" in config:
            return value
    return None


def test_folder_names_in_the_edition(build: Build) -> None:
    taiwan, simplified, titled, _, _ = EXPECTED[mode(build)]
    for address, name in (
        ("zh-tw/台灣", taiwan),
        ("zh-tw/台湾", simplified),
        ("zh-tw/named", titled),
    ):
        page_html = build.page(address)
        assert read_article(page_html).headings(1)[0].text == name
        assert markup(page_html).title == f"{name} - test"
        assert name in [item.text.strip() for item in read_nav(page_html)]


def test_front_matter_titles_in_the_edition(build: Build) -> None:
    _, _, _, written, simplified = EXPECTED[mode(build)]
    for address, title in (("zh-tw/fm", written), ("zh-tw/fm-simplified", simplified)):
        page_html = build.page(address)
        assert read_article(page_html).headings(1)[0].text == title
        assert markup(page_html).title == f"{title} - test"


def test_folder_lists_and_the_home_page_use_the_same_names(build: Build) -> None:
    taiwan, simplified, titled, _, _ = EXPECTED[mode(build)]
    home = read_article(build.page("zh-tw")).text
    assert taiwan in home and simplified in home and titled in home


def test_the_primary_edition_keeps_every_name(build: Build) -> None:
    assert read_article(build.page("台灣")).headings(1)[0].text == "台灣"
    assert read_article(build.page("台湾")).headings(1)[0].text == "台湾"
    assert read_article(build.page("fm-simplified")).headings(1)[0].text == "台湾的发展"


def test_text_titles_from_the_first_line_are_converted(build: Build) -> None:
    assert read_article(build.page("zh-tw/台灣/a")).headings(1)[0].text == "關於發展的報告"


def test_an_unknown_convert_names_value_is_refused(tmp_path: Path) -> None:
    built = run_mkdocs(
        write_project(tmp_path, {"a.txt": "标题\n正文。"}, edition("maybe")), tmp_path / "s"
    )
    assert built.returncode == 1 and "Traceback" not in built.log
    assert (
        "extra.wenji.editions[0].convert_names: expected one of auto, always, never, got 'maybe'"
        in built.log
    )


def test_a_nav_written_in_mkdocs_yml_follows_the_same_rule(tmp_path: Path) -> None:
    nav = "nav:\n  - index.md\n  - 台灣專題: 台灣/a.md\n  - 学习材料: fm.md\n"
    built = run_mkdocs(write_project(tmp_path, TEXTS, edition(None) + nav), tmp_path / "site")
    assert built.returncode == 0, built.log
    names = [item.text.strip() for item in read_nav(built.page("zh-tw/fm"))]
    assert "台灣專題" in names and "學習材料" in names
    assert markup(built.page("zh-tw/台灣/a")).title == "台灣專題 - test"
