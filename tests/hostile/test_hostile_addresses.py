"""Every output address is claimed once: a text never replaces a folder listing, a
hand-written page, the search index, the assets or an edition, and is never replaced.

One build holds every collision; each second claim is a warning naming both (so
``--strict`` fails), and the first claimant's page is intact.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article

T = "标题\n正文第一段。"
EDITION = (
    "extra:\n  wenji:\n    editions:\n"
    "      - {prefix: zh-tw, opencc: s2tw, language: zh-TW, name: 繁體}\n"
)
TEXTS: dict[str, bytes | str] = {
    "2023.txt": "年份文本\n正文。",
    "2023/a.txt": "二〇二三年的文本\n正文。",
    "b/README.txt": "说明\n正文。",
    "b/x.txt": "乙\n正文。",
    "c/index.txt": "索引\n正文。",
    "c/y.txt": "丙\n正文。",
    "pagefind.txt": T,
    "pagefind/p.txt": T,
    "assets/wenji/z.txt": T,
    "search/s.txt": T,
    "zh-tw.txt": T,
    "about.txt": T,
    "study/k.txt": "学习的文本\n正文。",
    "A.txt": "大写\n正文。",
    "a.txt": "小写\n正文。",
    "ok.txt": "正常\n正文。",
    "d e/one.txt": "第一\n正文。",
    "d#e/two.txt": "第二\n正文。",
}
TAKEN = "skipped: its address '{}' is already taken by {}; rename it"
FOLDER = (
    "skipped this folder and the text in it: its address '{}' is already taken by {}; rename it"
)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("addresses")
    config = write_project(root, TEXTS, EDITION)
    (root / "docs" / "about.md").write_text("# 关于本站\n", encoding="utf-8")
    (root / "docs" / "study").mkdir()
    (root / "docs" / "study" / "index.md").write_text("# 手写的学习页\n", encoding="utf-8")
    return run_mkdocs(config, root / "site")


def test_the_build_finishes(build: Build) -> None:
    assert build.returncode == 0 and "Traceback" not in build.log, build.log


@pytest.mark.parametrize(
    "message",
    [
        "2023.txt: " + TAKEN.format("2023/", "folder 2023/"),
        "b/README.txt: " + TAKEN.format("b/", "folder b/"),
        "c/index.txt: " + TAKEN.format("c/", "folder c/"),
        "pagefind.txt: " + TAKEN.format("pagefind/", "the Pagefind search index"),
        "pagefind/: " + FOLDER.format("pagefind/", "the Pagefind search index"),
        "assets/: " + FOLDER.format("assets/", "the theme's and wenji's assets"),
        "search/: " + FOLDER.format("search/", "the search index"),
        "zh-tw.txt: " + TAKEN.format("zh-tw/", "the 繁體 edition (zh-tw/)"),
        "about.txt: " + TAKEN.format("about/", "docs/about.md"),
        "a.txt: skipped: its address 'a/' is already used by A.txt",
    ],
    ids=[
        "text-vs-folder",
        "readme",
        "index",
        "pagefind-text",
        "pagefind-folder",
        "assets-folder",
        "search-folder",
        "edition-prefix-text",
        "hand-written-page",
        "case-only",
    ],
)
def test_each_second_claim_is_a_warning_naming_both(build: Build, message: str) -> None:
    assert f"WARNING -  wenji: {message}" in build.log.splitlines()


def test_the_first_claimant_keeps_its_page(build: Build) -> None:
    folder = read_article(build.page("2023"))
    assert folder.headings(1)[0].text == "2023"
    assert "二〇二三年的文本" in folder.text
    assert read_article(build.page("2023/a")).headings(1)[0].text == "二〇二三年的文本"
    assert "乙" in read_article(build.page("b")).text
    assert "丙" in read_article(build.page("c")).text
    assert read_article(build.page("about")).headings(1)[0].text == "关于本站"
    assert read_article(build.page("A")).headings(1)[0].text == "大写"
    assert read_article(build.page("zh-tw/ok")).headings(1)[0].text == "正常"
    assert (build.site / "assets" / "wenji" / "wenji.css").is_file()
    assert not (build.site / "assets" / "wenji" / "z").exists()


def test_a_hand_written_folder_index_is_kept_without_a_warning(build: Build) -> None:
    assert read_article(build.page("study")).headings(1)[0].text == "手写的学习页"
    assert read_article(build.page("study/k")).headings(1)[0].text == "学习的文本"
    assert not any("study" in warning for warning in build.warnings)


@pytest.mark.parametrize("prefix", ["pagefind", "assets", "search"])
def test_an_edition_prefix_where_the_site_writes_is_refused(tmp_path: Path, prefix: str) -> None:
    extra = EDITION.replace("prefix: zh-tw", f"prefix: {prefix}")
    build = run_mkdocs(write_project(tmp_path, {"a.txt": T}, extra), tmp_path / "site")
    assert build.returncode == 1 and "Traceback" not in build.log
    assert f"extra.wenji.editions[0].prefix: '{prefix}' is where the site keeps" in build.log
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("entry", ["corpus/zh-tw/a.txt", "docs/zh-tw.md"])
def test_an_edition_prefix_naming_a_corpus_folder_or_page_is_refused(
    tmp_path: Path, entry: str
) -> None:
    config = write_project(tmp_path, {"a.txt": T}, EDITION)
    (tmp_path / entry).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / entry).write_text(T, encoding="utf-8")
    build = run_mkdocs(config, tmp_path / "site")
    assert build.returncode == 1 and "Traceback" not in build.log
    where = tmp_path / Path(entry).parts[0] / Path(entry).parts[1]
    assert f"extra.wenji.editions[0].prefix: 'zh-tw' is also {where}" in build.log
    assert not (tmp_path / "site").exists()


def test_folders_sharing_an_address_keep_all_their_texts(build: Build) -> None:
    message = (
        "INFO    -  wenji: d#e/: shares the address 'd-e/' with folder d e/ (names made "
        "URL-safe); their texts are listed together under the first name"
    )
    assert message in build.log.splitlines()
    listing = read_article(build.page("d-e"))
    assert listing.headings(1)[0].text == "d e"
    assert "第一" in listing.text and "第二" in listing.text
