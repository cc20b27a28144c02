"""Reading comfort, measured in a real browser: deep headings, the table of contents with
（一） markers, tables of texts on a phone, wide tables, and raw texts served without a charset.

One small site (a deep outline, dated texts with long titles, a wide hand-written table) is
built once and served like ``tests/test_browser.py`` serves the seed site.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from test_browser import serve

from conftest import run_mkdocs, write_project

pytestmark = pytest.mark.browser

DEEP = """关于深层提纲的测试文本
第一章 总则
一、总体要求
这里是一、下面的正文，要足够长，才能看出标题和正文的大小关系。
（一）指导思想
这里是（一）下面的正文。
1.工作目标
这里是1.下面的正文。
（1）具体任务
这里是（1）下面的正文。
①第一个小项
这里是①下面的正文。
②第二个小项
这里是②下面的正文。
（2）第二项具体任务
正文。
2.第二个工作目标
正文。
（二）基本原则
正文。
二、主要任务
正文。
"""
DATED = "---\ntitle: {title}\ndate: 2023-02-{day:02d}\nspeaker: 张某某\n---\n正文。\n"
LONG_TITLE = "在全市深入开展“干部敢为、地方敢闯、企业敢干、群众敢首创”专题学习研讨会上的讲话"
WIDE = (
    "# 宽表格\n\n| 序号 | 地区 | 指标名称 | 二〇二二年完成情况 | 二〇二三年目标 | 增长率 "
    "| 责任单位 | 配合单位 | 备注说明 |\n|---|---|---|---|---|---|---|---|---|\n"
    "| 1 | 某某市 | 地区生产总值 | 完成年度目标任务 | 增长百分之六左右 | 6% | 市发展和改革委员会 "
    "| 市统计局、市财政局 | 按季度调度 |\n"
)
TEXTS = {
    "deep/outline.txt": DEEP,
    "dated/a.txt": DATED.format(title=LONG_TITLE, day=1),
    "dated/b.txt": DATED.format(title="短标题", day=2),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    root = tmp_path_factory.mktemp("reading")
    config = write_project(root, TEXTS)
    (root / "docs" / "wide.md").write_text(WIDE, encoding="utf-8")
    build = run_mkdocs(config, root / "site", "--strict")
    assert build.returncode == 0, build.log
    with serve(root / "site") as url:
        yield url


def test_every_heading_level_is_body_size_and_colour_at_least(page: Page, site: str) -> None:
    page.goto(site + "deep/outline/")
    styles = page.evaluate(
        """() => {
          const style = (e) => {
            const s = getComputedStyle(e);
            return {size: parseFloat(s.fontSize), color: s.color, weight: +s.fontWeight};
          };
          const article = document.querySelector("article");
          return {
            body: style(article.querySelector("p")),
            headings: [...article.querySelectorAll("h2, h3, h4, h5, h6")].map(
              (h) => ({tag: h.tagName, ...style(h)})),
          };
        }"""
    )
    body, headings = styles["body"], styles["headings"]
    assert {h["tag"] for h in headings} == {"H2", "H3", "H4", "H5", "H6"}
    for heading in headings:
        assert heading["size"] >= body["size"], heading
        assert heading["color"] == body["color"], heading
        if heading["tag"] in ("H4", "H5", "H6"):  # body size, so set apart by weight
            assert heading["weight"] >= 700, heading


def test_opening_brackets_do_not_indent_headings_or_toc_entries(page: Page, site: str) -> None:
    """（ is drawn in the right half of its box: trimmed to half width where an entry begins,
    （一） starts where 1. and ① start at the same indentation."""
    page.goto(site + "deep/outline/")
    widths = page.evaluate(
        """() => {
          const first = (e) => {
            const text = [...e.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, 1);
            return range.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize);
          };
          const starts = (e) => e.textContent.trim().startsWith("（");
          const toc = [...document.querySelectorAll(".md-sidebar--secondary a.md-nav__link")];
          const headings = [...document.querySelectorAll("article h2, article h3, article h4, "
            + "article h5, article h6")];
          return [...toc, ...headings].filter(starts).map((e) => [e.textContent.trim(), first(e)]);
        }"""
    )
    assert len(widths) >= 8  # （一） （1） （2） （二） in the TOC and as headings
    for text, width in widths:
        assert width < 0.75, (text, width)  # a full-width （ is 1 em; trimmed, half


def test_tables_of_texts_keep_dates_and_headers_on_one_line_on_a_phone(
    phone: Page, site: str
) -> None:
    phone.goto(site + "dated/")
    cells = phone.evaluate(
        """() => [...document.querySelectorAll("table.wenji-texts th, table.wenji-texts td")]
          .filter((c) => c.cellIndex > 0 || c.tagName === "TH")
          .map((c) => {
            const range = document.createRange();
            range.selectNodeContents(c);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return [c.textContent.trim(), tops.size];
          })"""
    )
    assert [text for text, _ in cells][:3] == ["标题", "日期", "讲话人"]
    assert "2023-02-01" in [text for text, _ in cells]
    for text, lines in cells:
        assert lines <= 1, (text, lines)  # headers, dates and speakers on one line
    title_width = phone.evaluate(
        "() => document.querySelector('table.wenji-texts td').getBoundingClientRect().width"
    )
    assert title_width > 150  # a readable column of title, not a character a line
    # The table scrolls sideways inside itself; the page does not.
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_wide_tables_keep_every_column_a_few_characters_wide(phone: Page, site: str) -> None:
    phone.goto(site + "wide/")
    widths = phone.evaluate(
        """() => [...document.querySelectorAll("article table td")].map(
          (c) => c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).fontSize))"""
    )
    assert len(widths) == 9
    assert min(widths) >= 4, widths
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_raw_text_shows_chinese_when_served_without_a_charset(
    page: Page, site: str, tmp_path: Path
) -> None:
    """The test server, like mkdocs serve and python -m http.server, sends ``text/plain``
    with no charset; the byte-order mark of the published copy makes the browser read UTF-8."""
    response = page.goto(site + "deep/outline.txt")
    assert response is not None
    assert response.headers["content-type"] == "text/plain"
    assert page.locator("body").inner_text().startswith("关于深层提纲的测试文本\n第一章 总则")
