"""Search backends compared: Material's built-in search and Pagefind (``extra.wenji.search``).

    .venv/bin/python bench/search.py                  # N = 300 and 3,000, prints the tables
    .venv/bin/python bench/search.py --write          # … and writes them into bench/SEARCH.md
    .venv/bin/python bench/search.py --sizes 300      # one size only
    WENJI_SEARCH_MERGE=0 .venv/bin/python bench/search.py --sizes 3000 --backends pagefind
                                                      # Pagefind's parts left unjoined

For each corpus size N (texts of about 8 KB from ``bench/corpus.py``), the shipped
``mkdocs.yml`` (Material theme and features, ``search`` plugin with ``lang: zh``, the
Traditional edition ``zh-tw``) is built twice in a subprocess, once per backend (the
environment's ``WENJI_*`` variables are passed on, e.g. ``WENJI_SEARCH_MERGE=0``). Per build:
wall time; for Pagefind, from the build log, its parts (Pagefind runs of up to 400 pages
while MkDocs renders), the seconds after the last page until the bundles were ready, and
whether each edition's parts were joined into one index (``wenji.pagefind_merge``); the size
of what the backend writes (``search/search_index.json``, raw and gzipped; the ``pagefind/``
bundles, and the parts each one's ``wenji-parts.json`` still leaves to the browser).

Then each site is served from 127.0.0.1 and searched by a reader in headless Chromium
(Playwright, ``/usr/bin/chromium``), through the search box in the header: on a text page
of the Simplified edition, 敢为; on a text page of the Traditional edition, 幹部. For each:

* bytes the reader downloaded for search, from opening the page to the rendered results:
  Material's index, worker and Lunr files, or Pagefind's script, worker, WebAssembly,
  metadata, index chunks and page fragments. ``raw`` is what the local server sent;
  ``served`` counts JavaScript and JSON gzipped, as GitHub Pages sends them (Pagefind's
  own files are gzipped already); of it, Pagefind's metadata and index chunks;
* the result count shown, the pages that contain the word in that edition (read from the
  built HTML), whether every shown result contains it and belongs to the reader's edition,
  and how many shown links point at a section (``#s-…``).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import functools
import gzip
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate  # noqa: E402  (bench/corpus.py: the shared synthetic corpora)

PYTHON = ROOT / ".venv" / "bin" / "python"
if not PYTHON.exists():
    PYTHON = Path(sys.executable)
HOOKS = ROOT / "hooks" / "wenji_hooks.py"
REPORT = ROOT / "bench" / "SEARCH.md"
START, END = "<!-- search-results:start -->", "<!-- search-results:end -->"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BACKENDS = ("material", "pagefind")
QUERIES = (("", "敢为"), ("zh-tw", "幹部"))  # (edition prefix, word)
# Pagefind only (Material downloads its whole index whatever the query): the most common
# character, a longer phrase, a word in no text.
MORE_QUERIES = (("", "的"), ("", "高质量发展"), ("zh-tw", "高質量發展"), ("", "量子计算"))
EDITION = {"prefix": "zh-tw", "opencc": "s2tw", "language": "zh-TW", "name": "繁體"}
SEARCH_FILES = re.compile(
    r"/(pagefind/|search/search_index\.json|assets/javascripts/(workers|lunr)/|assets/wenji/search)"
)
INDEX_FILES = (".pf_meta", ".pf_index")  # Pagefind's metadata and index chunks
RESULTS_TIMEOUT = 600.0  # seconds a query may take (Material's index at 3,000 texts is big)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as data; ``!!python/name:`` tags (none shipped today) read as None."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def build_env() -> dict[str, str]:
    """A build's environment: a bare PATH, and wenji's own settings (``WENJI_*``) as given."""
    wenji = {k: v for k, v in os.environ.items() if k.startswith("WENJI_")}
    return {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **wenji}


def project_config(work: Path, corpus: Path, folder_titles: dict[str, str], backend: str) -> str:
    """The shipped mkdocs.yml pointed at ``corpus``, with ``backend`` and the zh-tw edition."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config = copy.deepcopy(config)
    config["docs_dir"] = str(work / "docs")
    config["hooks"] = [str(HOOKS)]
    config["watch"] = [str(corpus)]
    others = [p for p in config.get("plugins") or [] if "search" not in p]
    config["plugins"] = [{"search": {"lang": "zh"}}, *others]
    wenji = (config.setdefault("extra", {}) or {}).get("wenji") or {}
    config["extra"]["wenji"] = wenji
    wenji.update(corpus_dir=corpus.name, folder_titles=folder_titles, search=backend)
    editions = [e for e in wenji.get("editions") or [] if e.get("prefix") == "zh-tw"]
    wenji["editions"] = editions or [EDITION]
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


@dataclass
class Build:
    backend: str
    site: Path
    seconds: float
    index_seconds: float | None  # Pagefind: from the last page until the bundles were ready
    returncode: int
    log: str
    parts: int | None = None  # Pagefind runs, all editions
    joined: int = 0  # editions whose parts were joined into one index
    join_seconds: float = 0.0  # the joins' own times, added
    unjoined: list[str] = field(default_factory=list)  # why an edition kept its parts

    @property
    def index_step(self) -> str:
        if self.index_seconds is None:
            return "—"
        text = f"{self.index_seconds:.1f} s; {self.parts} parts"
        if self.joined:
            text += f", {self.joined} editions joined ({self.join_seconds:.1f} s)"
        if self.unjoined:
            text += f", {len(self.unjoined)} not joined"
        return text


_INDEXED = re.compile(
    r"Pagefind indexed \d+ pages .* in [\d.]+ s \((\d+) parts\), ([\d.]+) s after the last page"
)
_JOINED = re.compile(r"parts joined into one index per edition \((\d+)\) in ([\d.]+) s")
_UNJOINED = re.compile(r"parts not joined into one index \((.*)\); kept as parts")


def from_log(backend: str, site: Path, seconds: float, returncode: int, log: str) -> Build:
    """A build's figures, with Pagefind's from the hooks' log lines."""
    built = Build(backend, site, seconds, None, returncode, log)
    if match := _INDEXED.search(log):
        built.parts, built.index_seconds = int(match.group(1)), float(match.group(2))
    if match := _JOINED.search(log):
        built.joined, built.join_seconds = int(match.group(1)), float(match.group(2))
    built.unjoined = _UNJOINED.findall(log)
    return built


def build(work: Path, n: int, backend: str, folder_titles: dict[str, str]) -> Build:
    config = work / f"{backend}.yml"
    config.write_text(project_config(work, work / "corpus", folder_titles, backend), "utf-8")
    site = work / f"site-{backend}"
    command = [str(PYTHON), "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    started = time.perf_counter()
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=build_env(),
    )
    seconds = time.perf_counter() - started
    built = from_log(backend, site, seconds, result.returncode, result.stdout + result.stderr)
    print(f"  N={n} {backend}: built in {seconds:.1f} s (exit {result.returncode})", flush=True)
    for reason in built.unjoined:
        print(f"    parts not joined: {reason}", flush=True)
    return built


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


# --- ground truth from the built HTML -------------------------------------------------

_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
_TAG = re.compile(r"<[^>]+>")


def pages_containing(site: Path, prefix: str, word: str) -> set[str]:
    """Site paths (``/study/x/``) of the edition's pages whose article contains ``word``."""
    found = set()
    for path in site.rglob("index.html"):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("pagefind/", "search/", "assets/")):
            continue
        if prefix and not relative.startswith(prefix + "/"):
            continue
        if not prefix and relative.startswith(EDITION["prefix"] + "/"):
            continue
        match = _ARTICLE.search(path.read_text(encoding="utf-8"))
        if match and word in html.unescape(_TAG.sub("", match.group(1))):
            found.add("/" + relative[: -len("index.html")])
    return found


def text_page(site: Path, prefix: str) -> str:
    """A text page of the edition to search from (the first one with sections)."""
    base = site / prefix if prefix else site
    for path in sorted(base.rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("pagefind/", "search/")) or (
            not prefix and relative.startswith(EDITION["prefix"] + "/")
        ):
            continue
        if 'id="wenji-title"' in path.read_text(encoding="utf-8"):
            return "/" + relative[: -len("index.html")]
    raise RuntimeError(f"no text page under {base}")


# --- the reader -------------------------------------------------------------------------


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Query:
    backend: str
    prefix: str
    word: str
    page: str
    seconds: float = 0.0
    files: dict[str, int] = field(default_factory=dict)  # search path -> bytes received
    served: int = 0
    index_files: dict[str, int] = field(default_factory=dict)  # .pf_meta / .pf_index only
    meta: str = ""
    count: int | None = None
    expected: int = 0
    shown_pages: list[str] = field(default_factory=list)
    section_links: int = 0
    wrong_pages: list[str] = field(default_factory=list)  # shown, not containing the word
    other_edition: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def raw(self) -> int:
        return sum(self.files.values())


def search_in_browser(browser: Any, origin: str, site: Path, query: Query) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    received: dict[str, int] = {}

    def finished(request: Any) -> None:
        path = urlsplit(request.url).path
        if SEARCH_FILES.search(path):
            with contextlib.suppress(Exception):
                received[path] = request.sizes()["responseBodySize"]

    page.on("requestfinished", finished)
    try:
        page.goto(origin + query.page, wait_until="networkidle")
        started = time.perf_counter()
        page.click(".md-search__input")
        page.keyboard.type(query.word)  # CJK is typed as text input, without key events …
        page.keyboard.press("End")  # … and Material reads the query on keyup
        page.wait_for_function(
            """() => {
                const meta = document.querySelector(".md-search-result__meta");
                const list = document.querySelector(".md-search-result__list");
                return /\\d|没有|沒有/.test(meta.textContent) &&
                    (list.children.length > 0 || /没有|沒有/.test(meta.textContent));
            }""",
            timeout=RESULTS_TIMEOUT * 1000,
        )
        page.wait_for_load_state("networkidle")
        query.seconds = time.perf_counter() - started
        query.meta = page.inner_text(".md-search-result__meta").strip()
        links = page.eval_on_selector_all(
            ".md-search-result__link", "links => links.map(a => a.getAttribute('href'))"
        )
        if query.backend == "pagefind":  # the exact count (the box rounds 1,234 to 1.2k)
            query.count = page.evaluate(
                """async (word) => {
                    // the bundle search.js loaded (and merged its parts into): the page's own
                    const named = document.documentElement.dataset.wenjiPagefind;
                    const pagefind = await import(new URL("pagefind.js", new URL(named, location)));
                    const chars = word.match(/./gu).join(" ");
                    return (await pagefind.search(`"${chars}"`)).results.length;
                }""",
                query.word,
            )
    except Exception as error:  # a measurement that failed is reported, not fatal
        query.error = f"{type(error).__name__}: {str(error).splitlines()[0]}"
        links = []
    finally:
        page.close()
    query.files = received
    query.index_files = {p: n for p, n in received.items() if p.endswith(INDEX_FILES)}
    query.served = sum(
        gzip_size(site / unquote(path).lstrip("/")) if path.endswith((".js", ".json")) else size
        for path, size in received.items()
    )
    if query.count is None:
        match = re.search(r"\d+", query.meta.replace(",", ""))
        query.count = int(match.group()) if match and "k" not in query.meta else None
    expected = pages_containing(site, query.prefix, query.word)
    query.expected = len(expected)
    pages = []
    for href in links:
        path = unquote(urlsplit(href).path)
        if path not in pages:
            pages.append(path)
        if "#" in href:
            query.section_links += 1
    query.shown_pages = pages
    query.wrong_pages = [p for p in pages if p not in expected]
    in_tw = [p.startswith("/zh-tw/") for p in pages]
    query.other_edition = [
        p for p, tw in zip(pages, in_tw, strict=True) if tw != bool(query.prefix)
    ]


# --- report -------------------------------------------------------------------------------


def kb(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


@dataclass
class Size:
    n: int
    builds: dict[str, Build] = field(default_factory=dict)
    queries: list[Query] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)


def measure(n: int, work: Path, browser_for: Any, backends: tuple[str, ...] = BACKENDS) -> Size:
    if work.exists():
        shutil.rmtree(work)
    (work / "docs").mkdir(parents=True)
    shutil.copytree(ROOT / "docs", work / "docs", dirs_exist_ok=True)
    print(f"N={n}: writing the corpus …", flush=True)
    folder_titles = generate(n, work / "corpus")
    result = Size(n)
    for backend in backends:
        built = build(work, n, backend, folder_titles)
        result.builds[backend] = built
        if built.returncode != 0:
            print(built.log[-3000:])
            raise SystemExit(f"the {backend} build failed")
        result.outputs[backend] = written(built.site, backend)
        with serve(built.site) as origin:
            more = MORE_QUERIES if backend == "pagefind" else ()
            for prefix, word in QUERIES + more:
                query = Query(backend, prefix, word, text_page(built.site, prefix))
                search_in_browser(browser_for(), origin, built.site, query)
                result.queries.append(query)
                print(
                    f"    {word} ({prefix or 'zh-Hans'}): {query.meta or query.error} "
                    f"{kb(query.raw)} raw, {kb(query.served)} served, {query.seconds:.1f} s",
                    flush=True,
                )
    return result


def written(site: Path, backend: str) -> str:
    """What the backend wrote for search, in sizes; for Pagefind, the parts each edition's
    ``wenji-parts.json`` leaves to the browser (none when its parts were joined)."""
    index = site / "search" / "search_index.json"
    text = f"search_index.json {kb(index.stat().st_size)} ({kb(gzip_size(index))} gzipped)"
    if backend != "pagefind":
        return text
    bundles = sorted(p.parent for p in site.rglob("pagefind-entry.json"))
    bundles = [b for b in bundles if not any(o in b.parents for o in bundles)]
    sizes = [tree_size(b) for b in bundles]
    chunks = sum(len(list(b.rglob("*.pf_index"))) for b in bundles)
    left = [
        len(json.loads((b / "wenji-parts.json").read_text(encoding="utf-8")).get("parts") or [])
        if (b / "wenji-parts.json").is_file()
        else 0
        for b in bundles
    ]
    return (
        f"{text}; {len(bundles)} Pagefind bundles {kb(sum(s for s, _ in sizes))} in "
        f"{sum(n for _, n in sizes):,} files ({chunks:,} index chunks), parts left to the "
        f"browser {' + '.join(map(str, left))}"
    )


def measure_shipped(work: Path, browser_for: Any, backends: tuple[str, ...] = BACKENDS) -> Size:
    """The shipped corpus and mkdocs.yml as they are, with each backend."""
    result = Size(len(list((ROOT / "corpus").rglob("*.txt"))))
    for backend in backends:
        project = work / "shipped" / backend
        if project.exists():
            shutil.rmtree(project)
        project.mkdir(parents=True)
        for name in ("corpus", "docs", "hooks"):
            (project / name).symlink_to(ROOT / name)
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"(?m)^(\s+search:) pagefind\b", rf"\1 {backend}", config)
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        site = project / "site"
        command = [str(PYTHON), "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")]
        started = time.perf_counter()
        run = subprocess.run(
            [*command, "-d", str(site)],
            capture_output=True,
            text=True,
            env=build_env(),
        )
        seconds = time.perf_counter() - started
        result.builds[backend] = from_log(
            backend, site, seconds, run.returncode, run.stdout + run.stderr
        )
        result.outputs[backend] = written(site, backend)
        with serve(site) as origin:
            for prefix, word in QUERIES:
                query = Query(backend, prefix, word, text_page(site, prefix))
                search_in_browser(browser_for(), origin, site, query)
                result.queries.append(query)
    return result


def tables(sizes: list[Size]) -> str:
    lines = [
        "| N | backend | build | Pagefind after the last page; parts | written for search |",
        "| ---: | --- | ---: | --- | --- |",
    ]
    for size in sizes:
        for backend, built in size.builds.items():
            lines.append(
                f"| {size.n:,} | {backend} | {built.seconds:.1f} s | {built.index_step} "
                f"| {size.outputs[backend]} |"
            )
    lines += [
        "",
        "| N | backend | query | first-query download, raw | served (gzip) | files "
        "| of it metadata + index chunks | results shown | pages with the word "
        "| shown results without it | other edition | section links | time to results |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        for q in size.queries:
            edition = "繁體 /zh-tw/" if q.prefix else "简体 /"
            shown = q.error or f"{q.meta}" + (f" (exactly {q.count:,})" if q.count else "")
            index = (
                f"{kb(sum(q.index_files.values()))} in {len(q.index_files)}"
                if q.index_files
                else "—"
            )
            lines.append(
                f"| {size.n:,} | {q.backend} | {q.word} ({edition}) | {kb(q.raw)} "
                f"| {kb(q.served)} | {len(q.files)} | {index} | {shown} | {q.expected:,} "
                f"| {len(q.wrong_pages)} of {len(q.shown_pages)} "
                f"| {len(q.other_edition)} of {len(q.shown_pages)} | {q.section_links} "
                f"| {q.seconds:.1f} s |"
            )
    return "\n".join(lines)


def write_report(text: str, command: str) -> None:
    block = (
        f"{START}\nMeasured {time.strftime('%Y-%m-%d')} on this machine (2 cores) with\n"
        f"`{command}`:\n\n{text}\n{END}"
    )
    report = (
        REPORT.read_text(encoding="utf-8") if REPORT.exists() else f"# Search\n\n{START}\n{END}\n"
    )
    head, _, rest = report.partition(START)
    _, _, tail = rest.partition(END)
    REPORT.write_text(head + block + tail, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[300, 3000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/wenji-search-bench"))
    parser.add_argument("--write", action="store_true", help="write the tables into SEARCH.md")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument("--shipped", action="store_true", help="also the shipped corpus")
    parser.add_argument("--backends", nargs="*", choices=BACKENDS, default=list(BACKENDS))
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    sizes = []
    with sync_playwright() as playwright:
        browsers: list[Any] = []

        def fresh_browser() -> Any:  # one per query: a cold cache, as a first-time reader
            while browsers:
                browsers.pop().close()
            browsers.append(
                playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            )
            return browsers[0]

        if args.shipped:
            sizes.append(measure_shipped(args.work, fresh_browser, tuple(args.backends)))
        for n in args.sizes:
            sizes.append(measure(n, args.work / str(n), fresh_browser, tuple(args.backends)))
            if not args.keep:
                shutil.rmtree(args.work / str(n), ignore_errors=True)
        for browser in browsers:
            browser.close()
    text = tables(sizes)
    print(text)
    if args.write:
        command = ".venv/bin/python bench/search.py " + " ".join(
            ["--sizes", *map(str, args.sizes)]
            + (["--shipped"] if args.shipped else [])
            + (["--backends", *args.backends] if args.backends != list(BACKENDS) else [])
            + (["--write"] if args.write else [])
        )
        write_report(text, command)
        print(f"written to {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
