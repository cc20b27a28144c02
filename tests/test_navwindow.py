"""Navigation with a window of siblings: page weight independent of folder size.

A fixture corpus with a folder of 70 texts (the window is 20) and a folder of 3: the HTML
of each page, then Chromium on desktop and phone: from a text, its neighbours and the
folder's full list are one click away.
"""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from test_browser import CHROMIUM_ARGS, DESKTOP, PHONE, WAIT_MS, chromium_executable, serve

from conftest import Build, run_mkdocs, write_project
from wenji.navwindow import BEFORE, WINDOW, window_bounds

BIG = 70


def title(i: int) -> str:
    return f"关于第{i:03d}号事项的通知"


@pytest.fixture(scope="module")
def nav_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("navwindow")
    texts: dict[str, bytes | str] = {
        f"big/t{i:03d}.txt": f"{title(i)}\n\n第{i}号事项，按此办理。\n" for i in range(BIG)
    }
    texts |= {f"small/s{i}.txt": f"小文{i}号\n\n正文。\n" for i in range(3)}
    texts["big/sub/inner.txt"] = "子目录中的文\n\n正文。\n"
    config = write_project(root / "project", texts)
    shipped_features = "  features: [navigation.indexes, navigation.prune, navigation.tracking]\n"
    yaml = config.read_text(encoding="utf-8").replace(
        "  font: false\n", "  font: false\n" + shipped_features
    )
    config.write_text(yaml, encoding="utf-8")
    return run_mkdocs(config, root / "site", "--strict")


def nav_links(html: str) -> list[tuple[str, str]]:
    """(href, text) of the links of the primary navigation, without the page's own TOC."""
    nav = html[html.index("md-nav--primary") : html.index('class="md-content"')]
    nav = re.sub(r'<nav class="md-nav md-nav--secondary".*?</nav>', "", nav, flags=re.S)
    links = re.findall(r'<a href="([^"]*)"[^>]*>\s*<span class="md-ellipsis">\s*([^<]*?)\s*<', nav)
    return [(href, text) for href, text in links]


def test_window_bounds_keep_a_few_before_the_reader_and_the_rest_after() -> None:
    assert window_bounds(10, 5, 30, 5) == (0, 10)
    assert window_bounds(100, 0, 30, 5) == (0, 30)
    assert window_bounds(100, 50, 30, 5) == (45, 75)
    assert window_bounds(100, 99, 30, 5) == (94, 100)
    for position in range(100):
        start, end = window_bounds(100, position, 30, 5)
        assert end - start <= 30 and start <= position - min(position, 5) < position + 1 <= end


def test_a_text_shows_a_window_of_its_folder_and_a_link_to_all(nav_site: Build) -> None:
    assert nav_site.returncode == 0, nav_site.log
    listed = ["sub", *(title(i) for i in range(BIG))]  # as in the folder: subfolders first
    whole = ("../", f"全部 {BIG + 1} 篇")
    for i in (0, 3, 35, BIG - 1):
        links = nav_links(nav_site.page(f"big/t{i:03d}"))
        start, end = window_bounds(len(listed), i + 1)
        assert start == max(0, i + 1 - BEFORE) and end - start == min(WINDOW, len(listed) - start)
        shown = [t for _, t in links if t not in ("Home", "big", "small", whole[1])]
        assert shown == listed[start:end]
        assert title(i - 1) in shown or i == 0
        assert title(i + 1) in shown or i == BIG - 1
        assert links.count(whole) == (2 if end < len(listed) else 1)  # above and below
        assert links.index(whole) < links.index(("./", title(i)))
    # a folder within the window limit is shown whole, without the extra link
    links = nav_links(nav_site.page("small/s1"))
    assert [t for _, t in links if t.startswith("小文")] == ["小文0号", "小文1号", "小文2号"]
    assert not any(t.startswith("全部") for _, t in links)


def test_the_folder_index_lists_the_whole_folder(nav_site: Build) -> None:
    page = nav_site.page("big")
    article = page[page.index("<article") :]
    for i in range(BIG):
        assert f'href="t{i:03d}/"' in article, i
    assert "子目录中的文" not in article or 'href="sub/' in article


def test_page_weight_does_not_grow_with_the_folder(nav_site: Build) -> None:
    def chrome(uri: str) -> int:
        html = nav_site.page(uri)
        article = re.search(r"<article\b.*?</article>", html, re.S)
        assert article
        return len(html.encode()) - len(article.group().encode())

    # 70 siblings against 3: only the window's 20 titles more, far from 70 / 3 times
    assert chrome("big/t035") < chrome("small/s1") + WINDOW * 250


# --- in the browser -----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_neighbours_and_the_whole_folder_are_one_click_away(nav_site: Build, phone: bool) -> None:
    """Chromium on a thread of its own: the sync API cannot start where another Playwright
    runs (test_browser.py keeps one open for the whole session)."""
    executable = chromium_executable()
    assert nav_site.returncode == 0, nav_site.log
    with serve(nav_site.site) as url, ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(_walk, executable, url, phone).result()


def _walk(executable: str, url: str, phone: bool) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(**PHONE) if phone else browser.new_context(viewport=DESKTOP)
        context.set_default_timeout(WAIT_MS * 2)
        page = context.new_page()
        nav = page.locator(".md-nav--primary")

        def click(link: str) -> None:
            """Open the menu on a phone, then one click (tap) on a link seen without scrolling."""
            if phone:
                page.locator('label.md-header__button[for="__drawer"]').tap()
            target = nav.get_by_role("link", name=link, exact=True).first
            expect(target).to_be_in_viewport()
            target.tap() if phone else target.click()

        page.goto(f"{url}big/t035/")
        click(title(36))
        expect(page).to_have_url(f"{url}big/t036/")
        expect(page.locator("article h1")).to_contain_text(title(36))
        click(title(35))
        expect(page).to_have_url(f"{url}big/t035/")
        click(f"全部 {BIG + 1} 篇")
        expect(page).to_have_url(f"{url}big/")
        expect(page.locator("article a[href^='t0']")).to_have_count(BIG)
        browser.close()


# --- serve ---------------------------------------------------------------------------------


def test_a_text_added_or_removed_during_serve_appears_in_and_leaves_the_nav(
    tmp_path: Path,
) -> None:
    texts: dict[str, bytes | str] = {
        "a/first.txt": "关于甲事的通知\n\n正文。\n",
        "a/second.txt": "关于乙事的通知\n\n正文。\n",
    }
    config = write_project(tmp_path, texts)
    config.write_text(config.read_text(encoding="utf-8") + "watch: [corpus]\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config)]
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    server = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def nav_of_first() -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/a/first/", timeout=5) as r:
                return r.read().decode("utf-8")
        except OSError:
            return ""

    def until(check: Callable[[str], bool]) -> bool:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if check(nav_of_first()):
                return True
            time.sleep(0.5)
        return False

    try:
        assert until(lambda page: "关于乙事的通知" in page)
        added = tmp_path / "corpus" / "a" / "third.txt"
        added.write_text("关于丙事的通知\n\n正文。\n", encoding="utf-8")
        assert until(lambda page: "关于丙事的通知" in page), "the added text is not in the nav"
        added.unlink()
        assert until(lambda page: "关于乙事的通知" in page and "关于丙事的通知" not in page), (
            "still in the nav"
        )
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
