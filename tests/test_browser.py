"""Reading and linking, in a real browser: Chromium driven by Playwright over the built site.

The seed texts in the shipped project are built once (``seed_site``), served over HTTP on
127.0.0.1 and read by one headless Chromium; each test opens its own pages. Chromium is
``$WENJI_CHROMIUM`` or ``/usr/bin/chromium``; without it these tests are skipped, unless
``WENJI_REQUIRE_BROWSER=1`` (CI), where they fail. ``WENJI_UPDATE_SCREENSHOTS=1`` rewrites
docs/assets/screenshots/.
"""

from __future__ import annotations

import functools
import os
import re
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, Response, expect

from conftest import CHROMIUM_ARGS as CHROMIUM_ARGS  # imported from here by other tests
from conftest import DESKTOP as DESKTOP  # imported from here by other tests
from conftest import PHONE as PHONE
from conftest import ROOT, SEED_CORPUS, SEEDS, Build, run_mkdocs, write_project
from conftest import WAIT_MS as WAIT_MS
from conftest import chromium_executable as chromium_executable
from htmlread import Article, read_article

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "docs" / "assets" / "screenshots"
MAX_SCREENSHOT_BYTES = 400_000
TEXT = SEEDS["city-four-dares-mobilisation"].relative_to(SEED_CORPUS).with_suffix("").as_posix()
TRADITIONAL = "zh-tw"
ACTIVE = re.compile(r"\bmd-nav__link--active\b")  # Material's mark of the section being read


# --- the browser and the site ------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser dropping a connection is not a test failure


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` over HTTP on an ephemeral port of 127.0.0.1; yields the base URL."""
    server = _QuietServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, name="wenji-test-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site(seed_site: Build, browser: Browser) -> Iterator[str]:
    """Base URL of the seed site (the browser is checked first: no build if skipped)."""
    assert seed_site.returncode == 0, seed_site.log
    with serve(seed_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def text(seed_site: Build) -> Article:
    """The test text's article, as built (ids, headings, paragraphs)."""
    return read_article(seed_site.page(TEXT))


# --- helpers -------------------------------------------------------------------------------


def search(page: Page, query: str) -> list[str]:
    """Search the site from ``page`` as a reader would; the result links, best first.

    The one place that knows the search UI: Material's search box and result markup, filled
    by Pagefind (wenji's search.js) or by Material's own search. Material reads the box on
    ``keyup``, which an input method's commit also sends: ``End`` stands for it.
    """
    box = page.locator(".md-search__input")
    if not box.is_visible():  # phones: the search icon opens the box
        page.locator('label.md-header__button[for="__search"]').click()
    box.click()
    box.fill(query)
    box.press("End")
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(timeout=WAIT_MS)
    return results.evaluate_all("links => links.map(link => link.href)")


def section_of(article: Article, element_id: str) -> str:
    """The id of the heading a block belongs to: the closest one before it."""
    section = ""
    for element in article.elements:
        if re.fullmatch(r"h[2-6]", element.tag) and "id" in element.attrs:
            section = element.attrs["id"]
        if element.attrs.get("id") == element_id:
            return section
    raise AssertionError(f"{element_id} is not in the article")


def body_paragraph(article: Article) -> str:
    """The id of the first paragraph of running text (not a salutation such as 同志们：)."""
    return next(p.attrs["id"] for p in article.paragraphs if "id" in p.attrs and len(p.text) > 100)


def block_ids(article: Article) -> list[str]:
    """Every heading and paragraph with a permalink, in reading order."""
    return [i for i in article.ids if re.fullmatch(r"[sp]-[0-9a-f]{6}(-\d+)?", i)]


def assert_in_view(page: Page, element_id: str) -> None:
    """The element is on screen, below the sticky header, and the page has been scrolled."""
    box = page.locator(f"#{element_id}").bounding_box()
    header = page.locator(".md-header").bounding_box()
    viewport = page.viewport_size
    assert box is not None and header is not None and viewport is not None
    assert header["y"] + header["height"] - 1 <= box["y"] < viewport["height"], (element_id, box)
    assert page.evaluate("window.scrollY") > 0


def active_toc_link(page: Page, element_id: str) -> Locator:
    return page.locator(f'.md-sidebar--secondary a.md-nav__link[href="#{element_id}"]')


def settle(page: Page, section: str) -> None:
    """Wait like a reader who has just opened a link to ``section``, before scrolling on.

    Material's address-bar tracking ignores its first reading of the position (the one the
    link itself set), taken 250 ms after scrolling stops; scrolling on earlier merges with it.
    """
    expect(active_toc_link(page, section)).to_have_class(ACTIVE)
    page.wait_for_timeout(400)


def read_on_to(page: Page, element_id: str) -> None:
    """Scroll ``element_id`` to the top, as reading on does; the address bar follows it."""
    page.locator(f"#{element_id}").evaluate("element => element.scrollIntoView()")
    page.wait_for_function(f"location.hash === '#{element_id}'", timeout=WAIT_MS)


def edition_of(site: str, url: str) -> str:
    """The edition prefix of a page of the site: "" for the primary script."""
    path = urlsplit(url).path.removeprefix(urlsplit(site).path)
    return TRADITIONAL if path.startswith(f"{TRADITIONAL}/") else ""


def png_size(path: Path) -> tuple[int, int]:
    with path.open("rb") as file:
        header = file.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


# --- linking ---------------------------------------------------------------------------------


def test_a_section_link_opens_at_the_section_and_marks_it_in_the_toc(
    page: Page, site: str, text: Article
) -> None:
    target = text.headings(2)[2].attrs["id"]
    page.goto(f"{site}{TEXT}/#{target}")
    assert_in_view(page, target)
    expect(active_toc_link(page, target)).to_have_class(ACTIVE)
    assert page.url.endswith(f"#{target}")


def test_a_paragraph_link_opens_at_the_paragraph_and_marks_its_section(
    page: Page, site: str, text: Article
) -> None:
    paragraphs = [p.attrs["id"] for p in text.paragraphs if "id" in p.attrs]
    target = paragraphs[len(paragraphs) // 2]
    page.goto(f"{site}{TEXT}/#{target}")
    assert_in_view(page, target)
    section = section_of(text, target)
    expect(active_toc_link(page, section)).to_have_class(ACTIVE)
    assert page.url.endswith(f"#{target}")  # the reader's link is kept until they scroll


def test_the_address_bar_follows_the_section_being_read(
    page: Page, site: str, text: Article
) -> None:
    first, *later = (h.attrs["id"] for h in text.headings(2, 3))
    page.goto(f"{site}{TEXT}/#{first}")
    settle(page, first)
    for target in (later[3], later[-1]):
        read_on_to(page, target)
        assert page.url == f"{site}{TEXT}/#{target}"
        expect(active_toc_link(page, target)).to_have_class(ACTIVE)


def test_every_heading_and_paragraph_offers_its_permalink_on_hover(
    page: Page, site: str, text: Article
) -> None:
    ids = block_ids(text)
    assert len(ids) > 40
    page.goto(f"{site}{TEXT}/")
    opacity = "link => Number(getComputedStyle(link).opacity)"
    first_link = page.locator(f"#{ids[0]} > .headerlink")
    assert first_link.evaluate(opacity) == 0  # hidden until the reader points at its block
    for element_id in ids:
        page.locator(f"#{element_id}").hover()
        link = page.locator(f"#{element_id} > .headerlink")
        link.evaluate(  # the fade-in has started: opacity above zero
            """link => new Promise((resolve, reject) => {
                const started = performance.now();
                const check = () => Number(getComputedStyle(link).opacity) > 0 ? resolve()
                  : performance.now() - started > 10000 ? reject(new Error("still hidden"))
                  : requestAnimationFrame(check);
                check();
            })"""
        )
        assert link.get_attribute("href") == f"#{element_id}"
    for element_id in (ids[-1], text.headings(2)[1].attrs["id"]):
        page.locator(f"#{element_id} > .headerlink").click()
        expect(page).to_have_url(f"{site}{TEXT}/#{element_id}")
        assert_in_view(page, element_id)


def test_the_script_switcher_keeps_the_section_both_ways(
    page: Page, site: str, text: Article
) -> None:
    section, later = text.headings(2)[1].attrs["id"], text.headings(2)[-1].attrs["id"]
    page.goto(f"{site}{TEXT}/#{section}")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"

    page.locator(".md-header__option .md-select > button").click()
    page.locator('a.md-select__link[hreflang="zh-TW"]').click()
    page.wait_for_url(f"{site}{TRADITIONAL}/{TEXT}/#{section}")
    assert page.evaluate("document.documentElement.lang") == "zh-TW"
    assert_in_view(page, section)

    # Read on to another section, then switch back: the reader stays where they are.
    settle(page, section)
    read_on_to(page, later)
    page.locator(".md-header__option .md-select > button").click()
    page.locator('a.md-select__link[hreflang="zh-Hans"]').click()
    page.wait_for_url(f"{site}{TEXT}/#{later}")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert_in_view(page, later)


def test_pages_load_without_failed_requests(page: Page, site: str) -> None:
    failed: list[str] = []

    def check(response: Response) -> None:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("response", check)
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    for path in (f"{TEXT}/", f"{TRADITIONAL}/{TEXT}/"):
        page.goto(site + path, wait_until="networkidle")
    assert failed == []


def test_the_header_icons_are_drawn_from_the_sprite(page: Page, site: str) -> None:
    for path in (f"{TEXT}/", f"{TRADITIONAL}/{TEXT}/"):
        page.goto(site + path, wait_until="networkidle")
        sizes = page.evaluate(
            """() => [...document.querySelectorAll("svg > use")]
                .filter(use => use.closest("svg").getBoundingClientRect().width > 0)
                .map(use => use.getBBox().width)"""
        )
        assert len(sizes) >= 4 and all(width > 0 for width in sizes), sizes


@pytest.mark.parametrize(
    ("start", "query", "language"),
    [(f"{TEXT}/", "敢为", "zh-Hans"), (f"{TRADITIONAL}/{TEXT}/", "幹部", "zh-TW")],
    ids=["simplified", "traditional"],
)
def test_search_finds_the_words_in_the_readers_script(
    page: Page, site: str, start: str, query: str, language: str
) -> None:
    page.goto(site + start)
    results = search(page, query)
    assert results
    edition = edition_of(site, page.url)
    assert [edition_of(site, result) for result in results] == [edition] * len(results)

    page.goto(results[0])
    path = urlsplit(page.url).path.removeprefix(urlsplit(site).path)
    assert edition_of(site, page.url) == edition and path not in ("", f"{TRADITIONAL}/"), path
    assert page.evaluate("document.documentElement.lang") == language
    fragment = urlsplit(page.url).fragment
    if fragment:  # a section of the page: opened there
        assert re.fullmatch(r"[sp]-[0-9a-f]{6}(-\d+)?", fragment), page.url
        assert_in_view(page, fragment)
    assert query in page.locator("article.md-content__inner").inner_text()


# --- reading -----------------------------------------------------------------------------------


def test_phone_reads_without_sideways_scrolling_and_reaches_the_toc(
    phone: Page, site: str, text: Article
) -> None:
    phone.goto(f"{site}{TEXT}/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    body_size = phone.locator(f"#{body_paragraph(text)}").evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"
    )
    assert body_size >= 16

    heading = text.headings(2)[1].attrs["id"]
    toc_link = phone.locator(f'.md-nav--primary .md-nav--secondary a[href="#{heading}"]')
    expect(toc_link).not_to_be_in_viewport()
    phone.locator('label.md-header__button[for="__drawer"]').tap()
    phone.locator('.md-nav--primary label.md-nav__link[for="__toc"]').tap()
    expect(toc_link).to_be_in_viewport()
    toc_link.tap()
    expect(phone).to_have_url(f"{site}{TEXT}/#{heading}")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_desktop_line_height_and_measure(page: Page, site: str, text: Article) -> None:
    page.goto(f"{site}{TEXT}/")
    size, line_height, width = page.locator(f"#{body_paragraph(text)}").evaluate(
        """p => [getComputedStyle(p).fontSize, getComputedStyle(p).lineHeight, p.clientWidth]
                .map(parseFloat)"""
    )
    assert size >= 16
    assert line_height / size == pytest.approx(1.8, abs=0.05)
    assert 28 <= width / size <= 45  # characters a line: a comfortable measure for Chinese


def test_print_shows_the_text_without_navigation(page: Page, site: str, text: Article) -> None:
    page.goto(f"{site}{TEXT}/")
    page.emulate_media(media="print")
    article = page.locator("article.md-content__inner")
    expect(article).to_be_visible()
    expect(page.locator(f"#{body_paragraph(text)}")).to_be_visible()
    expect(page.locator("article h1")).to_contain_text(text.headings(1)[0].text)
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert page.locator(chrome).evaluate("e => getComputedStyle(e).display") == "none", chrome
    assert page.locator(".md-typeset .headerlink").first.is_hidden()


def test_first_line_indent_indents_body_paragraphs_only(
    browser: Browser, tmp_path: Path, site: str, text: Article
) -> None:
    source = (
        "在全县大会上的讲话\n——在全县推进大会上的讲话\n（2023年2月1日）\n张三\n"
        "同志们：\n一、提高站位\n我们要实干，要敢为。\n（一）学习\n学习是前提。\n"
    )
    config = write_project(
        tmp_path, {"a.txt": source}, "extra:\n  wenji:\n    first_line_indent: true\n"
    )
    build = run_mkdocs(config, tmp_path / "site", "--strict")
    assert build.returncode == 0, build.log
    indent = "e => [getComputedStyle(e).textIndent, getComputedStyle(e).fontSize].map(parseFloat)"
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        with serve(build.site) as url:
            page.goto(f"{url}a/")
            body = page.locator("article p[id^='p-']")
            assert body.count() == 3
            for paragraph in body.all():
                text_indent, font_size = paragraph.evaluate(indent)
                assert text_indent == pytest.approx(2 * font_size)
            others = "article :is(h1, h2, h3, .wenji-subtitle, .wenji-meta dt, .wenji-meta dd)"
            assert page.locator(others).count() >= 5
            for element in page.locator(others).all():
                assert element.evaluate(indent)[0] == 0, element.inner_text()
        page.goto(f"{site}{TEXT}/")  # off by default
        assert page.locator(f"#{body_paragraph(text)}").evaluate(indent)[0] == 0
    finally:
        context.close()


def test_screenshots(page: Page, phone: Page, site: str, tmp_path: Path) -> None:
    """Desktop and phone views of a text; docs/assets/screenshots/ is only rewritten on request."""
    folder = SCREENSHOTS if os.environ.get("WENJI_UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for name, view, size in (
        ("desktop", page, (1280, 800)),
        ("phone", phone, (390 * 3, 844 * 3)),
    ):
        view.goto(f"{site}{TEXT}/")
        view.evaluate("document.fonts.ready.then(() => true)")
        path = folder / f"{name}.png"
        view.screenshot(path=str(path), animations="disabled", caret="hide")
        assert png_size(path) == size
        assert path.stat().st_size < MAX_SCREENSHOT_BYTES, (path, path.stat().st_size)
