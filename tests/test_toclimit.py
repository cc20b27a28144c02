"""Very long texts: the table of contents shows the top levels, every heading stays linkable.

A code of 8 编, 80 章 and 1,200 节 (1,288 headings): its TOC lists the 编 and 章 only, each
节 keeps its id and permalink, and the page stays far below 2 MB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article
from wenji.toclimit import TOC_MAX, limit_toc, toc_depth

PARTS, CHAPTERS, SECTIONS = 8, 10, 15


@dataclass
class Entry:
    level: int
    children: list[Entry] = field(default_factory=list)


def tree(*counts: int, level: int = 2) -> list[Entry]:
    if not counts:
        return []
    return [Entry(level, tree(*counts[1:], level=level + 1)) for _ in range(counts[0])]


def test_numerals() -> None:
    assert [cn(n) for n in (1, 10, 15, 20, 105, 110, 1200, 1001)] == [
        "一",
        "十",
        "十五",
        "二十",
        "一百零五",
        "一百一十",
        "一千二百",
        "一千零一",
    ]


def test_the_depth_is_what_fits_in_the_limit() -> None:
    assert toc_depth(tree(5, 4, 3), 100) is None  # 5 + 20 + 60: all of it
    assert toc_depth(tree(5, 4, 30), 100) == 2  # 5 + 20, not + 600
    assert toc_depth(tree(200, 2), 100) == 1  # the first level always stays
    items = [Entry(1, tree(8, 10, 15))]  # a page title over 编/章/节
    assert limit_toc(items, TOC_MAX) == 2
    assert all(not chapter.children for part in items[0].children for chapter in part.children)


def cn(number: int) -> str:
    """1 → 一, 10 → 十, 115 → 一百一十五, 1200 → 一千二百 (as laws number their parts)."""
    digits, units, out = "零一二三四五六七八九", ["千", "百", "十", ""], ""
    for unit, digit in zip(units, f"{number:04d}", strict=True):
        if digit != "0":
            out += digits[int(digit)] + unit
        elif out and not out.endswith("零"):
            out += "零"
    out = out.rstrip("零")
    return out[1:] if out.startswith("一十") else out


def long_code() -> str:
    """Chapters numbered within their part and sections within their chapter, as in 民法典."""
    lines = ["某某法典", ""]
    for part in range(1, PARTS + 1):
        lines.append(f"第{cn(part)}编　第{part}编的名称")
        for chapter in range(1, CHAPTERS + 1):
            lines.append(f"第{cn(chapter)}章　第{part}编第{chapter}章的名称")
            for section in range(1, SECTIONS + 1):
                lines.append(f"第{cn(section)}节　第{part}.{chapter}.{section}节的名称")
                lines.append(f"本节规定第{part}.{chapter}.{section}项事务的办理。")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def code_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("toclimit")
    config = write_project(root / "project", {"code.txt": long_code()})
    return run_mkdocs(config, root / "site", "--strict")


def test_a_long_code_lists_its_top_levels_and_keeps_every_anchor(code_site: Build) -> None:
    assert code_site.returncode == 0, code_site.log
    html = code_site.page("code")
    article = read_article(html)
    sections = [h for h in article.headings(2, 3, 4, 5, 6) if "节的名称" in h.text]
    assert len(sections) == PARTS * CHAPTERS * SECTIONS  # every 节 is a heading …
    assert all(h.attrs.get("id", "").startswith("s-") for h in sections)  # … with its id
    toc = html[html.index('data-md-type="toc"') :]  # the sidebar's (the menu's is a copy)
    toc = toc[: toc.index("</nav>\n</div>")] if "</nav>\n</div>" in toc else toc
    linked = re.findall(r'<a href="#([^"]+)"', toc)
    assert len(linked) == PARTS + PARTS * CHAPTERS  # 编 and 章
    assert {h.attrs["id"] for h in sections}.isdisjoint(linked)
    assert len(html.encode()) < 2_000_000
    assert html.count("节的名称") == len(sections)  # in the text only, not twice more in TOCs
