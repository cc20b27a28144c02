"""Search: ``extra.wenji.search`` chooses Pagefind (the default) or Material's own index.

Real builds read back from disk: with Pagefind, a ``pagefind/`` bundle with one index per
``<html lang>``, an empty Material index, the article marked for indexing and Material's
worker replaced by the silent stand-in; with ``material``, Material's index as before.
In Chromium, last: exact counts per edition, sections, Material's no-match text, Enter
and reset. (The site-wide reading tests are in ``test_browser.py``; figures in
``bench/SEARCH.md``.)
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from conftest import SEEDS, Build, run_mkdocs, write_project
from wenji.config import ConfigError, load_config
from wenji.search import (
    SEARCH_SCRIPT,
    SILENT_WORKER,
    index_html,
    mark_article,
    silence_material_worker,
)

TEXTS = {
    "study/exchange.txt": SEEDS["four-dares-study-exchange"].read_text(encoding="utf-8"),
    "mobilisation/county.txt": SEEDS["county-four-dares-mobilisation"].read_text(encoding="utf-8"),
}
TRADITIONAL = """\
extra:
  wenji:
    search: {search}
    editions:
      - {{prefix: zh-tw, opencc: s2tw, language: zh-TW, name: 繁體}}
"""
ZWSP = "\u200b"


def build(tmp_path: Path, search: str, plugin: bool = True, *args: str) -> Build:
    config = write_project(
        tmp_path / "project", TEXTS, TRADITIONAL.format(search=search), search=plugin
    )
    return run_mkdocs(config, tmp_path / "site", *args)


PART_PAGES = 2  # each edition's 5 pages indexed in 3 parts, merged in the browser


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("pagefind")
    config = write_project(root / "project", TEXTS, TRADITIONAL.format(search="pagefind"), True)
    env = {"WENJI_SEARCH_PART_PAGES": str(PART_PAGES)}
    return run_mkdocs(config, root / "site", "--strict", env=env)


# --- configuration ------------------------------------------------------------------------


def test_pagefind_is_the_default_and_material_can_be_chosen() -> None:
    assert load_config({}).search == "pagefind"
    assert load_config({"search": "material"}).search == "material"
    assert load_config({"search": None}).search == "pagefind"


@pytest.mark.parametrize("value", ["lunr", "Pagefind", True, ["pagefind"]])
def test_an_unknown_search_backend_is_a_clear_error(value: object) -> None:
    with pytest.raises(ConfigError) as error:
        load_config({"search": value})
    assert f"extra.wenji.search: expected pagefind or material, got {value!r}" in str(error.value)


def test_an_unknown_backend_stops_the_build_without_a_traceback(tmp_path: Path) -> None:
    result = build(tmp_path, "lunr")
    assert result.returncode != 0
    assert "extra.wenji.search: expected pagefind or material, got 'lunr'" in result.log
    assert "Traceback" not in result.log


# --- the page and index transformations ---------------------------------------------------


def test_the_article_is_marked_and_the_worker_silenced() -> None:
    page = (
        '<html lang="zh-TW"><script id="__config">{"base": "..", "search": '
        '"../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
        '<article class="md-content__inner md-typeset"><h1>標題</h1></article></html>'
    )
    marked = mark_article(page)
    assert '<article data-pagefind-body class="md-content__inner md-typeset">' in marked
    silenced, found = silence_material_worker(marked)
    assert found and f'"search": "../{SILENT_WORKER}"' in silenced
    assert silence_material_worker("<html></html>") == ("<html></html>", False)


def test_pagefind_reads_each_han_character_as_a_word() -> None:
    page = mark_article(
        '<html lang="zh-Hans"><body><nav>导航栏</nav>'
        '<article class="md-content__inner md-typeset"><h1 id="t">干部敢为</h1>'
        "<p>2023年，QQ群 敢闯。</p></article><footer>页脚</footer></body></html>"
    )
    copy = index_html(page)
    assert copy is not None
    assert copy.startswith('<!doctype html><html lang="zh-Hans">')
    assert f"干{ZWSP}部{ZWSP}敢{ZWSP}为" in copy
    assert f"2023年，QQ群 敢{ZWSP}闯。" in copy  # only between two Han characters
    assert "导航" not in copy and "页脚" not in copy  # only the article is read
    assert index_html("<html><article class='x'>正文</article></html>") is None


def test_pagefind_reads_ids_of_headings_and_of_where_their_text_starts() -> None:
    page = mark_article(
        '<html lang="zh-Hans"><article class="md-content__inner md-typeset">'
        '<h1 id="t">题</h1><p id="p-1">甲</p><p id="p-2">乙</p>'
        '<h2 id="s-1">一</h2><p id="p-3">丙</p><ol id="l-1"><li id="p-4">丁</li></ol>'
        '<h3 id="s-2">二</h3><h3 id="s-3">三</h3><p class="x" id="p-5" title="a">戊</p>'
        '<p data-id="k" id="p-6">己</p></article></html>'
    )
    copy = index_html(page)
    assert copy is not None
    kept = re.findall(r'\sid="([^"]*)"', copy)
    assert kept == ["t", "p-1", "s-1", "p-3", "s-2", "s-3", "p-5"]
    for word in "甲乙丙丁戊己":  # every word is still read
        assert word in copy
    assert '<p data-id="k">己</p>' in copy


# --- a built site -------------------------------------------------------------------------


def test_pagefind_writes_one_bundle_per_edition(pagefind_site: Build) -> None:
    assert pagefind_site.returncode == 0, pagefind_site.log
    assert pagefind_site.warnings == []
    # home, two folder pages, two texts: in each script, and nothing else (no 404 page);
    # indexed in three parts of 2 pages, joined into one index (wenji.pagefind_merge)
    for bundle, language in (("pagefind", "zh-hans"), ("zh-tw/pagefind", "zh-tw")):
        root = pagefind_site.site / bundle
        assert json.loads((root / "wenji-parts.json").read_text()) == {"parts": []}
        assert not list(root.glob("part*"))
        entry = json.loads((root / "pagefind-entry.json").read_text())
        assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {
            language: 5
        }
        fragments = list((root / "fragment").glob("*.pf_fragment"))
        assert len(fragments) == 5 and {f.name.split("_")[0] for f in fragments} == {language}
    assert re.search(
        r"wenji: search: Pagefind indexed 10 pages \(zh-hans 5, zh-tw 5\) in [\d.]+ s "
        r"\(6 parts\), [\d.]+ s after the last page",
        pagefind_site.log,
    )
    assert "wenji: search: parts joined into one index per edition (2) in " in pagefind_site.log
    primary, traditional = pagefind_site.page("study/exchange"), pagefind_site.page("zh-tw/study")
    assert '<html lang="zh-Hans" data-wenji-pagefind="../../pagefind/"' in primary
    assert '<html lang="zh-TW" data-wenji-pagefind="../pagefind/"' in traditional


def test_material_index_is_empty_and_jieba_never_runs(pagefind_site: Build) -> None:
    index = pagefind_site.site / "search" / "search_index.json"
    assert json.loads(index.read_text(encoding="utf-8"))["docs"] == []
    assert index.stat().st_size < 1000
    assert "prefix dict" not in pagefind_site.log  # jieba logs its dictionary on first use


@pytest.mark.parametrize("uri", ["study/exchange", "zh-tw/study/exchange"])
def test_pages_mark_the_article_and_load_the_pagefind_script(
    pagefind_site: Build, uri: str
) -> None:
    page = pagefind_site.page(uri)
    assert len(re.findall(r"<article data-pagefind-body class=\"md-content__inner", page)) == 1
    assert page.count("data-pagefind-body") == 1
    config = json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', page).group(1))
    assert config["search"].endswith(SILENT_WORKER)
    assert f'src="{"../" * uri.count("/")}../{SEARCH_SCRIPT}"' in page
    assert 'class="md-search__input"' in page  # Material's search box stays
    assert (pagefind_site.site / SEARCH_SCRIPT).is_file()
    assert (pagefind_site.site / SILENT_WORKER).is_file()


def test_material_backend_keeps_materials_index(tmp_path: Path) -> None:
    result = build(tmp_path, "material", True, "--strict")
    assert result.returncode == 0, result.log
    docs = json.loads((result.site / "search" / "search_index.json").read_text())["docs"]
    locations = {doc["location"] for doc in docs}
    assert "study/exchange/" in locations and "zh-tw/study/exchange/" in locations
    assert not (result.site / "pagefind").exists()
    page = result.page("study/exchange")
    assert "data-pagefind-body" not in page and SEARCH_SCRIPT not in page
    assert "workers/search." in page


def test_without_a_search_plugin_there_is_no_search(tmp_path: Path) -> None:
    result = build(tmp_path, "pagefind", False, "--strict")
    assert result.returncode == 0, result.log
    assert not (result.site / "pagefind").exists()
    assert "no search plugin in mkdocs.yml" in result.log
    assert SEARCH_SCRIPT not in result.page("study/exchange")


def test_a_failing_indexer_is_a_warning_not_a_traceback(tmp_path: Path) -> None:
    config = write_project(
        tmp_path / "project", TEXTS, TRADITIONAL.format(search="pagefind"), search=True
    )
    site = tmp_path / "site"
    missing = str(tmp_path / "missing" / "pagefind_extended")
    build = run_mkdocs(config, site, env={"PAGEFIND_BINARY_PATH": missing})
    log = build.log
    assert build.returncode == 0, log  # the site is built, without search …
    assert re.search(r"WARNING\s+-\s+wenji: search: Pagefind failed.*the site has no search", log)
    assert "Traceback" not in log
    assert (site / "study" / "exchange" / "index.html").is_file()


# --- in a browser -------------------------------------------------------------------------


def chromium() -> str:
    path = os.environ.get("WENJI_CHROMIUM", "/usr/bin/chromium")
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    message = f"Chromium not found at {path} (apt-get install chromium, or set WENJI_CHROMIUM)"
    if os.environ.get("WENJI_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (WENJI_REQUIRE_BROWSER=1: browser tests may not be skipped)")
    pytest.skip(message)


class Reader:
    """Chromium with one page, on a thread of its own: Playwright's sync API cannot run on a
    thread where another Playwright is running (``test_browser.py`` keeps one open for the
    whole session). ``reader(check, *args)`` runs ``check(page, *args)`` on that thread.
    """

    def __init__(self, executable: str) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1)
        self._thread.submit(self._start, executable).result()

    def _start(self, executable: str) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        self.page = self._browser.new_page(viewport={"width": 1280, "height": 900})

    def __call__(self, check: Any, *args: Any) -> Any:
        return self._thread.submit(lambda: check(self.page, *args)).result()

    def close(self) -> None:
        def stop() -> None:
            self._browser.close()
            self._playwright.stop()

        self._thread.submit(stop).result()
        self._thread.shutdown()


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """``directory`` served from 127.0.0.1; its base URL."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def reader(pagefind_site: Build) -> Iterator[tuple[Reader, str]]:
    """A reader in Chromium and the base URL of the Pagefind site, served from 127.0.0.1."""
    executable = chromium()
    with serving(pagefind_site.site) as origin:
        browser = Reader(executable)
        try:
            yield browser, origin
        finally:
            browser.close()


def type_query(page: Any, query: str) -> str:
    """Type into Material's search box; the result header once results are shown."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")  # the placeholder again: results of an earlier query are gone
    placeholder = page.inner_text(".md-search-result__meta")
    box.fill(query)
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').innerText !== text",
        arg=placeholder,
    )
    meta = page.inner_text(".md-search-result__meta").strip()
    if re.search(r"\d", meta):  # the count comes first, the list when its fragments are in
        page.locator(".md-search-result__item").first.wait_for()
    return meta


def containing(site: Path, prefix: str, word: str) -> set[str]:
    found = set()
    for path in site.rglob("index.html"):
        relative = path.relative_to(site).as_posix()
        in_edition = relative.startswith("zh-tw/") if prefix else not relative.startswith("zh-tw/")
        article = re.search(r"<article\b.*?</article>", path.read_text(encoding="utf-8"), re.S)
        if in_edition and article and word in re.sub(r"<[^>]+>", "", article.group()):
            found.add("/" + relative.removesuffix("index.html"))
    return found


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "word"), [("", "敢为"), ("zh-tw", "幹部")])
def test_a_query_finds_exactly_the_pages_of_the_readers_edition(
    reader: tuple[Reader, str], pagefind_site: Build, prefix: str, word: str
) -> None:
    browser, origin = reader

    def search(page: Any) -> tuple[str, list[str], list[str]]:
        page.goto(f"{origin}/{prefix + '/' if prefix else ''}study/exchange/")
        meta = type_query(page, word)
        links = page.eval_on_selector_all(
            ".md-search-result__item a.md-search-result__link", "els => els.map(a => a.href)"
        )
        marks = page.eval_on_selector_all(
            ".md-search-result__article mark", "els => els.map(m => m.textContent)"
        )
        return meta, links, marks

    meta, links, marks = browser(search)
    expected = containing(pagefind_site.site, prefix, word)
    assert re.search(rf"\b{len(expected)}\b", meta), meta
    assert {unquote(urlsplit(link).path) for link in links} == expected
    assert any(re.search(r"#s-[0-9a-f]{6}", link) for link in links)  # sections, not pages only
    assert marks and set(marks) == {word}


@pytest.mark.browser
def test_no_match_enter_and_reset_work_as_in_material(reader: tuple[Reader, str]) -> None:
    browser, origin = reader

    def session(page: Any) -> None:
        page.goto(f"{origin}/")
        assert type_query(page, "量子计算") == "没有找到符合条件的结果"
        assert page.locator(".md-search-result__item").count() == 0
        type_query(page, "首创")
        page.locator(".md-search__input").press("Enter")  # Material: open the best result
        page.wait_for_url(lambda url: urlsplit(url).path != "/")
        assert "首创" in page.locator("article").inner_text()
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").fill("首创")
        page.locator("button[type=reset]").click()
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta').textContent.includes('键入')"
        )
        assert page.locator(".md-search-result__item").count() == 0

    browser(session)


# Pagefind's own API: pages and the count of matches on each, per query, in a bundle and
# the parts that wenji-parts.json lists (what assets/search.js loads).
RESULTS = """async ([bundle, queries]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  const listed = await (await fetch(bundle + "wenji-parts.json")).json();
  for (const part of listed.parts) await pagefind.mergeIndex(bundle + part, { baseUrl: "/" });
  const found = {};
  for (const query of queries) {
    const results = (await pagefind.search(query)).results;
    const data = await Promise.all(results.map((result) => result.data()));
    found[query] = data.map((page) => `${page.url} ${page.locations.length}`).sort();
  }
  return found;
}"""


@pytest.mark.browser
def test_the_joined_index_finds_what_the_parts_find(
    reader: tuple[Reader, str], pagefind_site: Build, tmp_path: Path
) -> None:
    """The same pages and match counts from the joined index as from Pagefind's parts
    merged in the browser, for single characters, words, phrases and a Traditional query."""
    config = write_project(tmp_path / "project", TEXTS, TRADITIONAL.format(search="pagefind"), True)
    env = {"WENJI_SEARCH_PART_PAGES": str(PART_PAGES), "WENJI_SEARCH_MERGE": "0"}
    apart = run_mkdocs(config, tmp_path / "site", "--strict", env=env)
    assert apart.returncode == 0, apart.log
    assert json.loads((apart.site / "pagefind" / "wenji-parts.json").read_text())["parts"]
    browser, joined_origin = reader
    queries = {
        "pagefind/": ["敢", "为", "敢 为", '"敢 为"', "营 商 环 境", "干 部", '"量 子 计 算"'],
        "zh-tw/pagefind/": ["幹", "幹 部", '"幹 部"', "敢 為", "擔 當"],
    }

    def results(page: Any, origin: str) -> dict[str, dict[str, list[str]]]:
        found = {}
        for bundle, words in queries.items():
            page.goto(f"{origin}/{bundle}pagefind-entry.json")  # a page of no search of its own
            found[bundle] = page.evaluate(RESULTS, [f"{origin}/{bundle}", words])
        return found

    with serving(apart.site) as apart_origin:
        expected = browser(results, apart_origin)
    found = browser(results, joined_origin)
    assert found == expected
    assert all(expected["pagefind/"][q] for q in ("敢", "为", '"敢 为"'))
    assert expected["zh-tw/pagefind/"]['"幹 部"'] and not expected["pagefind/"]['"量 子 计 算"']
