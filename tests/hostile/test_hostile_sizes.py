"""Huge and degenerate texts build, completely (timings are in bench/hostile_sizes.py).

One site build holds every case. What is checked is structural: the page exists, every
line is on it in order, ids are unique, and the body did not go through Python-Markdown
block by block (which is what made a 20 MB text take minutes).
"""

from __future__ import annotations

import pytest

from conftest import SEED_CORPUS, Build, run_mkdocs, write_project
from htmlread import read_article

APPLAUSE_LINES = 20_000


def _ordinary(megabytes: float) -> str:
    lines = [
        line.strip()
        for path in sorted(SEED_CORPUS.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8-sig").splitlines()
        if line.strip()
    ] or ["要坚持以人民为中心的发展思想，着力解决群众急难愁盼问题。"]
    out: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        out.append(lines[len(out) % len(lines)])
        size += len(out[-1].encode()) + 1
    return "大文本测试\n" + "\n".join(out) + "\n"


CASES = {
    "big": _ordinary(2),
    "applause": "掌声测试\n" + "（掌声）\n" * APPLAUSE_LINES,
    "one-line": "单行测试\n" + _ordinary(0.5).replace("\n", "")[5:] + "\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("hostile-sizes")
    texts = {f"{name}.txt": text for name, text in CASES.items()}
    return run_mkdocs(write_project(root, texts), root / "site")


def test_builds_without_traceback(site: Build) -> None:
    assert site.returncode == 0, site.log[-3000:]
    assert "Traceback" not in site.log and "internal error" not in site.log


def test_two_megabyte_text_is_complete(site: Build) -> None:
    article = read_article(site.page("big"))
    shown = iter("".join(article.text.split()))
    # All characters in order; but the structure stage drops the 。 ending a heading it
    # splits off a paragraph (（一）…鼓励“敢”。要… → heading without 。), so 。 is not checked.
    source = "".join(CASES["big"].split()).replace("。", "")
    assert all(char in shown for char in source)
    assert len(set(article.ids)) == len(article.ids)


def test_twenty_thousand_identical_lines_get_unique_stable_ids(site: Build) -> None:
    article = read_article(site.page("applause"))
    assert [p.text for p in article.paragraphs] == ["（掌声）"] * APPLAUSE_LINES
    ids = [p.attrs["id"] for p in article.paragraphs]
    assert ids[1:3] == [f"{ids[0]}-2", f"{ids[0]}-3"]
    assert ids[-1] == f"{ids[0]}-{APPLAUSE_LINES}"


def test_one_long_line_is_one_paragraph(site: Build) -> None:
    article = read_article(site.page("one-line"))
    assert [p.text for p in article.paragraphs] == [CASES["one-line"].split("\n")[1]]


def test_headings_are_in_the_toc(site: Build) -> None:
    page = site.page("big")
    article = read_article(page)
    for heading in article.headings(2)[:3]:
        assert f'href="#{heading.attrs["id"]}" class="md-nav__link"' in page
