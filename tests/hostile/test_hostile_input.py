"""Hostile and broken input bytes and lines: every text builds, every character stays.

One site build holds every case; each test reads one page back and the build log.
"""

from __future__ import annotations

import pytest

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article
from wenji.patterns import cn_to_int, int_to_cn

NUMBERED = "编号测试\n" + "".join(
    f"{int_to_cn(n)}、第{n}项工作\n本项正文。\n" for n in range(1, 100)
)
SLIP = NUMBERED + "一百、第100项工作\n本项正文。\n一百零二、第102项工作\n本项正文。\n"

CASES: dict[str, bytes | str] = {
    "numbering-past-99": SLIP,
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
