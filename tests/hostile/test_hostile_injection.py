"""Nothing from a text, a file name or a configuration value becomes markup or script.

One site holds every hostile title, folder title, file name and edition name; every page of
both editions is read back and, with Chromium, opened in a browser that records dialogs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import sync_playwright
from test_browser import CHROMIUM_ARGS, chromium_executable, serve

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article

X = "</title><script>alert(1)</script>"
X_FM = "</title><script>alert(2)</script>"
X_FOLDER = "</title><script>alert(3)</script>"
X_NAME = 'x"><img src=x onerror=alert(13)>'
X_STEM = "<img src=x onerror=alert(14)>"
X_DIR = '"><svg onload=alert(15)>'
X_EDITION = "<b>繁體</b>"
BASE = "https://github.com/example/wenji/edit/main/corpus/"
TEXTS: dict[str, bytes | str] = {
    "a.txt": X + "\n同志们：\n正文第一段。",
    "b.txt": f"---\ntitle: '{X_FM}'\n---\n正文第一段。",
    "evil/x.txt": "文件夹里的文本\n正文第一段。",
    f"evil/{X_NAME}.txt": "文件名有引号\n正文第一段。",
    f"evil/{X_STEM}.txt": "同志们：\n没有标题行，标题来自文件名。",
    f"{X_DIR}/y.txt": "怪文件夹里的文本\n正文第一段。",
    "odd/a #b?c d.txt": "井号问号空格\n正文第一段。",
    "odd/credit-blob.txt": "名字里有edit\n正文第一段。",
}
EXTRA = f"""\
repo_url: https://github.com/example/wenji
edit_uri: edit/main/docs/
extra:
  wenji:
    search: material
    folder_titles:
      evil: '{X_FOLDER}'
    editions:
      - prefix: zh-tw
        opencc: s2tw
        language: zh-TW
        name: '{X_EDITION}'
"""
FEATURES = "  font: false\n  features: [content.action.edit, content.action.view]\n"


class _Markup(HTMLParser):
    """Every element of a page, the text of ``<title>`` and of inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.title = ""
        self.scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("title", "script"):
            self._in = tag
            if tag == "script":
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.scripts[-1] += data


def markup(page_html: str) -> _Markup:
    parser = _Markup()
    parser.feed(page_html)
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("injection")
    config = write_project(root, TEXTS, EXTRA, search=True)
    config.write_text(config.read_text().replace("  font: false\n", FEATURES), encoding="utf-8")
    return run_mkdocs(config, root / "site")


def pages(build: Build) -> Iterator[tuple[str, str]]:
    for path in sorted(build.site.rglob("*.html")):
        yield path.relative_to(build.site).as_posix(), path.read_text(encoding="utf-8")


def page_dir(build: Build, source: str) -> str:
    """The published address of corpus file ``source``, from the build log."""
    for line in build.log.splitlines():
        if f"wenji: {source}: name is not URL-safe; published at '" in line:
            return line.rsplit("'", 2)[1].rstrip("/")
    return source.removesuffix(".txt")


def test_the_site_builds(site: Build) -> None:
    assert site.returncode == 0, site.log
    assert "Traceback" not in site.log


def test_no_page_has_an_element_or_handler_from_a_text(site: Build) -> None:
    count = 0
    for uri, page_html in pages(site):
        found = markup(page_html)
        for tag, attrs in found.elements:
            assert not any(name.startswith("on") for name in attrs), (uri, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), uri
            assert tag not in ("svg", "b") or "onload" not in attrs, uri
        assert not any("alert(" in script for script in found.scripts), uri
        count += 1
    assert count >= 20


@pytest.mark.parametrize("prefix", ["", "zh-tw/"])
@pytest.mark.parametrize(
    ("uri", "title"),
    [("a", X), ("b", X_FM), ("evil", X_FOLDER)],
    ids=["first-line-title", "front-matter-title", "folder-title"],
)
def test_a_hostile_title_is_plain_text_in_title_heading_and_nav(
    site: Build, prefix: str, uri: str, title: str
) -> None:
    page_html = site.page(prefix + uri)
    assert markup(page_html).title == f"{title} - test"
    assert read_article(page_html).headings(1)[0].text == title
    nav_texts = [e.text.strip() for e in read_nav(page_html)]
    assert title in nav_texts


def test_a_title_from_a_hostile_file_name_is_plain_text(site: Build) -> None:
    address = page_dir(site, f"evil/{X_STEM}.txt")
    page_html = site.page(address)
    assert markup(page_html).title == f"{X_STEM} - test"
    assert read_article(page_html).headings(1)[0].text == X_STEM


def test_a_hostile_folder_name_is_plain_text_in_nav_and_breadcrumbs(site: Build) -> None:
    address = page_dir(site, f"{X_DIR}/y.txt")
    folder = address.split("/")[0]
    page_html = site.page(folder)
    assert markup(page_html).title == f"{X_DIR} - test"
    assert X_DIR in [e.text.strip() for e in read_nav(site.page(address))]


def test_edition_names_in_the_switcher_are_text(site: Build) -> None:
    page_html = site.page("a")
    assert "&lt;b&gt;繁體&lt;/b&gt;" in page_html
    assert "<b>繁體</b>" not in page_html


def edit_links(page_html: str) -> list[str]:
    return [
        attrs["href"]
        for tag, attrs in markup(page_html).elements
        if tag == "a" and "md-content__button" in attrs.get("class", "")
    ]


@pytest.mark.parametrize("prefix", ["", "zh-tw/"])
@pytest.mark.parametrize(
    ("source", "path"),
    [
        (f"evil/{X_NAME}.txt", "evil/x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%2813%29%3E.txt"),
        ("odd/a #b?c d.txt", "odd/a%20%23b%3Fc%20d.txt"),
        ("odd/credit-blob.txt", "odd/cr%65dit-%62lob.txt"),
    ],
    ids=["quotes-and-tags", "hash-query-space", "edit-in-name"],
)
def test_edit_and_view_links_are_percent_encoded(
    site: Build, prefix: str, source: str, path: str
) -> None:
    page_html = site.page(prefix + page_dir(site, source))
    raw_base = BASE.replace("/edit/", "/raw/")
    assert edit_links(page_html) == [BASE + path, raw_base + path]


def test_search_index_titles_carry_no_markup(site: Build) -> None:
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in titles
    assert not any("<" in title for title in titles)


class _Nav(HTMLParser):
    """The links and section labels of the primary navigation (breadcrumbs included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_Item] = []
        self._open: list[_Item] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        if tag in ("a", "label", "span") and ("md-nav__link" in cls or "md-ellipsis" in cls):
            item = _Item()
            self.items.append(item)
            self._open.append(item)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("a", "label", "span") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for item in self._open:
            item.text += data


class _Item:
    def __init__(self) -> None:
        self.text = ""


def read_nav(page_html: str) -> list[_Item]:
    parser = _Nav()
    parser.feed(page_html)
    return parser.items


# --- site_dir may not overlap the corpus ---------------------------------------------------


@pytest.mark.parametrize(
    ("site_dir", "relation"),
    [("corpus", "is"), ("corpus/site", "is inside"), ("texts", "contains")],
)
def test_a_site_dir_overlapping_the_corpus_is_refused_before_writing(
    tmp_path: Path, site_dir: str, relation: str
) -> None:
    texts = {"a.txt": "标题\n正文。", "b/c.txt": "标题\n正文。"}
    extra = "extra:\n  wenji:\n    corpus_dir: texts/corpus\n" if relation == "contains" else ""
    config = write_project(tmp_path, {}, extra)
    corpus = tmp_path / ("texts/corpus" if relation == "contains" else "corpus")
    for name, content in texts.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(content, encoding="utf-8")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    build = run_mkdocs(config, tmp_path / site_dir)
    assert build.returncode == 1 and "Traceback" not in build.log
    assert f"site_dir {tmp_path / site_dir} {relation} the corpus folder {corpus}" in build.log
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


def test_a_corpus_inside_docs_is_refused(tmp_path: Path) -> None:
    config = write_project(tmp_path, {}, "extra:\n  wenji:\n    corpus_dir: docs/texts\n")
    (tmp_path / "docs" / "texts").mkdir()
    (tmp_path / "docs" / "texts" / "a.txt").write_text("标题\n正文。", encoding="utf-8")
    build = run_mkdocs(config, tmp_path / "site")
    assert build.returncode == 1 and "Traceback" not in build.log
    assert "overlaps docs_dir" in build.log
    assert not (tmp_path / "site").exists()


# --- in the browser: nothing runs ------------------------------------------------------------


@pytest.mark.browser
def test_no_hostile_page_runs_a_script_in_the_browser(site: Build) -> None:
    """Chromium on a thread of its own: the sync API cannot start where another Playwright
    runs (test_browser.py keeps one open for the whole session)."""
    executable = chromium_executable()
    addresses = ["", "a/", "b/", "evil/", f"{page_dir(site, f'{X_DIR}/y.txt')}/"]
    addresses += [f"{page_dir(site, f'evil/{name}.txt')}/" for name in (X_NAME, X_STEM)]
    addresses += [f"zh-tw/{address}" for address in addresses]
    with serve(site.site) as base, ThreadPoolExecutor(max_workers=1) as thread:
        found = thread.submit(_open_all, executable, base, addresses).result()
    assert found == {"dialogs": [], "injected": {address: 0 for address in addresses}}


def _open_all(executable: str, base: str, addresses: list[str]) -> dict[str, object]:
    dialogs: list[str] = []
    injected: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for address in addresses:
            page.goto(base + quote(address))
            page.wait_for_load_state("load")
            page.wait_for_timeout(200)
            injected[address] = page.evaluate(
                """() => document.querySelectorAll(
                    'img[src="x"], svg[onload], [onerror], [onload], title *'
                ).length + [...document.scripts].filter(
                    s => s.textContent.includes('alert(')).length"""
            )
        browser.close()
    return {"dialogs": dialogs, "injected": injected}
