"""Building a site in slices (``WENJI_SHARD=K/N``) and joining them (``wenji merge``).

One fixture corpus is built once whole and as 2 slices, each slice in its own
``mkdocs build`` process, then merged with the real command line. The merged site has the
same files as the single build, byte for byte, except the Pagefind bundles; those are
compared by the pages they index (each page once) and, in Chromium, by a query's results.
The merge's refusals are checked on copies of the slices.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from test_search import Reader, chromium, type_query

from conftest import SEEDS, Build, run_mkdocs, write_project
from wenji.config import ConfigError, load_config
from wenji.shard import MANIFEST, Shard, chosen_shard, parse_shard, slice_of

TEXTS = {
    "学习/exchange.txt": SEEDS["four-dares-study-exchange"].read_text(encoding="utf-8"),
    "学习/seminar.txt": SEEDS["leaders-seminar-speech"].read_text(encoding="utf-8"),
    "学习/statement.txt": SEEDS["theory-group-statement"].read_text(encoding="utf-8"),
    "mobilisation/county.txt": SEEDS["county-four-dares-mobilisation"].read_text(encoding="utf-8"),
    "mobilisation/city.txt": SEEDS["city-four-dares-mobilisation"].read_text(encoding="utf-8"),
    "notes.txt": "关于敢为的说明\n\n干部要敢为、敢闯、敢干、敢首创。\n",
}
CONFIG = """\
site_url: https://example.org/archive/
extra:
  wenji:
    editions:
      - {prefix: zh-tw, opencc: s2tw, language: zh-TW, name: 繁體}
"""
# Every build of the site on the same day, as the example workflow makes it (sitemap dates),
# and parts of 2 pages, so that each slice writes several parts (shard-K/part1/ …).
ENVIRONMENT = {"SOURCE_DATE_EPOCH": "1767225600", "WENJI_SEARCH_PART_PAGES": "2"}
SLICES = 2


@dataclass(frozen=True)
class Sliced:
    single: Build
    slices: list[Build]
    merged: Path
    merge_log: str


def merge(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "wenji", "merge", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def sliced(tmp_path_factory: pytest.TempPathFactory) -> Sliced:
    root = tmp_path_factory.mktemp("shard")
    config = write_project(root / "project", TEXTS, CONFIG, search=True)
    about = "# 关于\n\n敢为之说，见[交流](学习/exchange.md)与[动员](mobilisation/city.md)。\n"
    (root / "project" / "docs" / "about.md").write_text(about, encoding="utf-8")
    jobs = [("single", {})] + [(f"slice{k}", {"WENJI_SHARD": f"{k}/{SLICES}"}) for k in (1, 2)]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:  # separate processes, as in CI
        builds = list(
            pool.map(
                lambda job: run_mkdocs(
                    config, root / job[0], "--strict", env={**ENVIRONMENT, **job[1]}
                ),
                jobs,
            )
        )
    for build in builds:
        assert build.returncode == 0, build.log
        assert "Traceback" not in build.log
    merged = root / "merged"
    result = merge(*(b.site for b in builds[1:]), "--out", merged)
    assert result.returncode == 0, result.stderr
    return Sliced(builds[0], builds[1:], merged, result.stdout)


def files_of(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def outside_search(files: dict[str, Path]) -> dict[str, Path]:
    return {name: path for name, path in files.items() if "pagefind" not in name.split("/")}


# --- the slice -----------------------------------------------------------------------------


def test_a_slice_is_k_of_n_validated_up_front() -> None:
    assert parse_shard("2/8") == Shard(2, 8) and parse_shard(" 1 / 1 ") == Shard(1, 1)
    for bad in ("0/2", "3/2", "2", "a/b", "-1/2", "1/0", 2):
        with pytest.raises(ValueError, match="1 ≤ K ≤ N"):
            parse_shard(bad)
    assert chosen_shard(Shard(1, 2), "2/2") == Shard(2, 2)  # the environment wins
    assert chosen_shard(Shard(1, 2), " ") == Shard(1, 2)
    with pytest.raises(ValueError, match=r"WENJI_SHARD: .*got '5/4'"):
        chosen_shard(None, "5/4")
    assert load_config({"shard": "3/4"}).shard == Shard(3, 4)
    with pytest.raises(ConfigError, match=r"extra.wenji.shard: .*got '4/3'"):
        load_config({"shard": "4/3"})


def test_a_texts_slice_depends_on_its_path_alone() -> None:
    # Fixed values: the same in every process and on every machine (not Python's hash()).
    assert [slice_of(path, 4) for path in ("学习/exchange.txt", "a.txt", "b/c.txt")] == [4, 2, 1]
    script = "from wenji.shard import slice_of; print(slice_of('学习/exchange.txt', 7))"
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert int(other.stdout) == slice_of("学习/exchange.txt", 7)
    counts = Counter(slice_of(f"texts/{n}.txt", 3) for n in range(3000))
    assert set(counts) == {1, 2, 3} and min(counts.values()) > 900  # balanced


def test_a_bad_slice_in_the_environment_stops_the_build_with_a_message(tmp_path: Path) -> None:
    config = write_project(tmp_path / "project", {"a.txt": "标题\n\n正文。\n"})
    build = run_mkdocs(config, tmp_path / "site", env={"WENJI_SHARD": "3/2"})
    assert build.returncode != 0
    assert "WENJI_SHARD: slice 3 of 2: expected 1 ≤ K ≤ N" in build.log
    assert "Traceback" not in build.log


def test_each_slice_renders_only_its_texts(sliced: Sliced) -> None:
    for text in TEXTS:
        stem = text.removesuffix(".txt")
        owner = slice_of(text, SLICES)
        for number, build in enumerate(sliced.slices, 1):
            for path in (f"{stem}/index.html", f"{stem}.txt", f"zh-tw/{stem}/index.html"):
                assert (build.site / path).is_file() == (number == owner), (number, path)
            assert f"wenji: slice {number}/{SLICES}: rendering" in build.log
    assert {slice_of(t, SLICES) for t in TEXTS} == {1, 2}  # both slices have texts
    manifest = json.loads((sliced.slices[1].site / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["shard"] == 2 and manifest["of"] == SLICES
    assert manifest["bundles"] == ["pagefind/", "zh-tw/pagefind/"]


# --- the merged site -----------------------------------------------------------------------


def test_the_merged_site_is_the_single_build_byte_for_byte(sliced: Sliced) -> None:
    single = outside_search(files_of(sliced.single.site))
    merged = outside_search(files_of(sliced.merged))
    assert sorted(merged) == sorted(single)
    assert "sitemap.xml" in merged and "about/index.html" in merged and MANIFEST not in merged
    different = [n for n in single if single[n].read_bytes() != merged[n].read_bytes()]
    assert different == []
    assert "merged 2 slices" in sliced.merge_log


def indexed_pages(bundle: Path) -> Counter[str]:
    """The page URLs of every part listed in ``bundle``'s wenji-parts.json, counted."""
    listed = json.loads((bundle / "wenji-parts.json").read_text(encoding="utf-8"))
    urls: Counter[str] = Counter()
    for part in [listed.get("main", ""), *listed["parts"]]:
        for fragment in (bundle / part / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
            urls[json.loads(data)["url"]] += 1
    return urls


@pytest.mark.parametrize("bundle", ["pagefind", "zh-tw/pagefind"])
def test_the_merged_part_list_indexes_every_page_once(sliced: Sliced, bundle: str) -> None:
    merged = indexed_pages(sliced.merged / bundle)
    assert merged == indexed_pages(sliced.single.site / bundle)
    assert set(merged.values()) == {1} and len(merged) == 10  # 6 texts, home, about, 2 folders
    listed = json.loads((sliced.merged / bundle / "wenji-parts.json").read_text())
    assert listed["main"] == "shard-1/"
    assert listed["parts"] == ["shard-2/"]  # each slice's parts joined into one index


@pytest.fixture(scope="module")
def reader() -> Iterator[Reader]:
    browser = Reader(chromium())
    yield browser
    browser.close()


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "word"), [("", "敢为"), ("zh-tw/", "幹部")])
def test_a_query_finds_the_same_pages_as_in_the_single_build(
    sliced: Sliced, reader: Reader, prefix: str, word: str
) -> None:
    def query(page: Any, origin: str) -> tuple[str, list[str]]:
        page.goto(f"{origin}/{prefix}notes/")
        meta = type_query(page, word)
        links = page.eval_on_selector_all(
            ".md-search-result__item a.md-search-result__link", "els => els.map(a => a.href)"
        )
        return meta, sorted({unquote(urlsplit(link).path) for link in links})

    results = []
    for site in (sliced.single.site, sliced.merged):
        with _served(site) as origin:
            results.append(reader(query, origin))
    assert results[0] == results[1]
    meta, links = results[1]
    assert re.search(r"\d", meta) and len(links) >= 3, results


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _served:
    """``site`` served from 127.0.0.1 while the ``with`` block runs; yields the origin."""

    def __init__(self, site: Path) -> None:
        handler = functools.partial(_Quiet, directory=str(site))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- what the merge refuses ----------------------------------------------------------------


@pytest.fixture
def copies(sliced: Sliced, tmp_path: Path) -> list[Path]:
    """Copies of the two slices, to spoil."""
    return [
        Path(shutil.copytree(b.site, tmp_path / f"s{n}")) for n, b in enumerate(sliced.slices, 1)
    ]


def test_a_file_two_slices_wrote_differently_is_named(copies: list[Path], tmp_path: Path) -> None:
    page = copies[1] / "mobilisation" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + " ", encoding="utf-8")
    result = merge(*copies, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "mobilisation/index.html: written by two slices with different content" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()  # nothing half-merged is left
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_missing_or_repeated_slice_is_refused(copies: list[Path], tmp_path: Path) -> None:
    result = merge(copies[0], "--out", tmp_path / "out")
    assert result.returncode == 2 and "slice 2 of 2 missing" in result.stderr
    result = merge(copies[0], copies[0], "--out", tmp_path / "out")
    assert result.returncode == 2 and "slice 1 of 2 given twice" in result.stderr
    (copies[1] / MANIFEST).unlink()
    result = merge(*copies, "--out", tmp_path / "out")
    assert result.returncode == 2 and f"no {MANIFEST}" in result.stderr


def test_the_output_may_not_be_inside_a_slice(copies: list[Path], tmp_path: Path) -> None:
    result = merge(*copies, "--out", copies[0] / "merged")
    assert result.returncode == 2 and "is inside the slice" in result.stderr
    result = merge(*copies, "--out", tmp_path)
    assert result.returncode == 2 and "is inside --out" in result.stderr
    assert not (copies[0] / "merged").exists()


def test_a_link_in_a_slice_is_not_followed(copies: list[Path], tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("outside", encoding="utf-8")
    (copies[0] / "leak.txt").symlink_to(secret)
    result = merge(*copies, "--out", tmp_path / "out")
    assert result.returncode == 2 and "leak.txt: not a regular file" in result.stderr
