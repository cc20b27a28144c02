"""Running Pagefind (``wenji.indexer``): complete bundles or a clear warning, never a hang.

The indexer runs the real Pagefind binary; a misbehaving one is a small shell script put
where wenji looks for the binary (``PAGEFIND_BINARY_PATH``, which the ``pagefind``
package honours): one that hangs, one that leaves an empty entry file (what the Pagefind
service did under load), one that does so only the first time.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import SEEDS, run_mkdocs, write_project
from wenji import pagefind_run
from wenji.config import ConfigError, load_config
from wenji.indexer import SearchIndexError, build_index, time_limit
from wenji.pagefind_merge import SIGNATURE, read_pagefind


def real_binary() -> str:
    from pagefind.service import get_executable

    executable = get_executable()
    assert executable is not None
    return str(executable)


def fake_binary(folder: Path, script: str) -> Path:
    """A shell script named like Pagefind's extended binary."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pagefind_extended"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


# Writes an empty pagefind-entry.json where Pagefind was told to write, and exits 0.
EMPTY_ENTRY = """\
while [ $# -gt 0 ]; do
  if [ "$1" = --output-path ]; then mkdir -p "$2"; : > "$2/pagefind-entry.json"; fi
  shift
done
exit 0
"""


def page(language: str, text: str) -> str:
    return (
        f'<!doctype html><html lang="{language}"><body>'
        f'<article data-pagefind-body class="md-content__inner"><h1>{text}</h1>'
        f"<p>{text}</p></article></body></html>"
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for uri, language, text in [
        ("index.html", "zh-Hans", "干部敢为"),
        ("a/index.html", "zh-Hans", "敢闯敢干"),
        ("zh-tw/index.html", "zh-TW", "幹部敢為"),
    ]:
        (site / uri).parent.mkdir(parents=True, exist_ok=True)
        (site / uri).write_text(page(language, text), encoding="utf-8")
    return site


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary folder of its own, to see what the indexer leaves behind there."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def leftovers(site: Path, temporary: Path) -> list[str]:
    found = [p.name for p in temporary.iterdir()]
    found += [p.relative_to(site).as_posix() for p in site.rglob(".pagefind*")]
    return found


def test_a_site_is_indexed_per_edition_and_nothing_is_left_behind(
    site: Path, private_tmp: Path
) -> None:
    report = build_index(site, ("zh-tw",), jobs=2)
    assert report.languages == {"zh-hans": 2, "zh-tw": 1}
    assert report.retried == ()
    for bundle in ("pagefind", "zh-tw/pagefind"):
        entry = json.loads((site / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]
    assert leftovers(site, private_tmp) == []


def test_a_language_tag_pagefind_cannot_take_is_refused_up_front() -> None:
    long_tag = "zh-" + "a" * 29  # 32 characters: Pagefind panics on these
    for raw, key in [
        ({"primary_language": long_tag}, "primary_language"),
        (
            {"editions": [{"prefix": "zh-tw", "opencc": "s2tw", "language": long_tag}]},
            "editions[0].language",
        ),
        ({"primary_language": 'zh"><script>'}, "primary_language"),
    ]:
        with pytest.raises(ConfigError, match=re.escape(f"extra.wenji.{key}: expected a lang")):
            load_config(raw)
    assert load_config({"primary_language": "cmn-Hans-CN"}).primary_language == "cmn-Hans-CN"


def test_a_panicking_pagefind_is_reported_with_what_it_printed(
    site: Path, private_tmp: Path
) -> None:
    # A tag that bypassed the configuration (a hand-written page, say) makes Pagefind panic.
    (site / "a" / "index.html").write_text(page("zh-" + "a" * 37, "敢闯"), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(SearchIndexError) as error:
        build_index(site, ("zh-tw",))
    assert time.perf_counter() - started < 60  # not Pagefind's old 1,800 s wait
    message = str(error.value)
    assert message.startswith("Pagefind failed twice: exit status 101; Pagefind said: ")
    assert "panicked at" in message and "out of bounds" in message
    assert "stack backtrace" not in message
    assert leftovers(site, private_tmp) == []
    assert not (site / "pagefind").exists()


def test_a_hung_indexer_is_stopped_and_cleaned_up(
    site: Path, private_tmp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pids = tmp_path / "pids"
    binary = fake_binary(tmp_path / "hang", f'echo $$ >> "{pids}"\nexec sleep 600\n')
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))
    started = time.perf_counter()
    with pytest.raises(SearchIndexError, match=r"Pagefind failed twice: stopped after 1 s"):
        build_index(site, (), timeout=1)
    assert time.perf_counter() - started < 30
    started_pids = [int(line) for line in pids.read_text().split()]
    assert len(started_pids) == 2  # tried once more, then gave up
    for pid in started_pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert leftovers(site, private_tmp) == []


def test_the_time_limit_grows_with_the_pages_and_stays_bounded() -> None:
    assert time_limit(0) == 60
    assert 60 < time_limit(200_000_000) <= 1000  # 200 MB of pages: minutes, not half an hour


def test_the_time_limit_stretches_with_the_load_seen_during_a_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loads = iter([0.5, 9.0, 2.0])
    monkeypatch.setattr(pagefind_run, "load_per_core", lambda: next(loads))
    deadline = pagefind_run.Deadline(60)
    deadline.started -= 100  # 100 s into the run
    assert deadline.expired()  # idle machine: over its 60 s
    assert not deadline.expired()  # a load of 9 per core seen: 540 s allowed
    assert not deadline.expired()  # … and kept when the load falls again
    assert deadline.describe() == "540 s (60 s × a load average of 9.0 per core)"
    fixed = pagefind_run.Deadline(1, stretch=False)  # an explicit timeout is kept as given
    fixed.started -= 2
    assert fixed.expired() and fixed.describe() == "1 s"


def test_an_empty_entry_file_is_never_published(
    site: Path, private_tmp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_index(site, ())  # a good bundle from an earlier build …
    before = (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake_binary(tmp_path / "empty", EMPTY_ENTRY)))
    with pytest.raises(SearchIndexError, match=r"pagefind-entry\.json unreadable"):
        build_index(site, ())
    # … is neither truncated nor replaced by the broken one
    assert (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8") == before
    assert leftovers(site, private_tmp) == []


def test_a_failed_index_step_is_retried_once_in_a_real_build(tmp_path: Path) -> None:
    marker = tmp_path / "failed-once"
    script = f'if [ ! -e "{marker}" ]; then touch "{marker}"\n{EMPTY_ENTRY}fi\n'
    script += f'exec "{real_binary()}" "$@"\n'
    binary = fake_binary(tmp_path / "flaky", script)
    texts = {"a.txt": SEEDS["four-dares-study-exchange"].read_text(encoding="utf-8")}
    editions = (
        "extra:\n  wenji:\n    editions:\n      - {prefix: zh-tw, opencc: s2tw, language: zh-TW}\n"
    )
    config = write_project(tmp_path / "project", texts, editions, search=True)
    site = tmp_path / "site"
    build = run_mkdocs(config, site, "--strict", env={"PAGEFIND_BINARY_PATH": str(binary)})
    log = build.log
    assert build.returncode == 0, log
    assert "wenji: search: Pagefind retried once after: pagefind-entry.json unreadable" in log
    assert "Traceback" not in log
    for bundle in ("pagefind", "zh-tw/pagefind"):
        assert json.loads((site / bundle / "pagefind-entry.json").read_text())["languages"]


def test_parts_of_an_edition_are_indexed_apart_and_listed(
    site: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WENJI_SEARCH_PART_PAGES", "1")
    monkeypatch.setenv("WENJI_SEARCH_MERGE", "0")  # parts kept as Pagefind wrote them
    report = build_index(site, ("zh-tw",), jobs=2)
    assert report.parts == 3 and report.languages == {"zh-hans": 2, "zh-tw": 1}
    assert report.merged == 0 and report.unmerged == ()
    listed = json.loads((site / "pagefind" / "wenji-parts.json").read_text())["parts"]
    assert listed == ["part1/"]
    assert json.loads((site / "zh-tw" / "pagefind" / "wenji-parts.json").read_text()) == {
        "parts": []
    }
    for part in (site / "pagefind", site / "pagefind" / "part1"):
        entry = json.loads((part / "pagefind-entry.json").read_text())
        assert entry["languages"]["zh-hans"]["page_count"] == 1
        assert not list(part.glob("pagefind-*ui*")) and not list(part.glob("*highlight*"))
    # The browser loads the script, worker and WebAssembly of the first bundle only.
    assert {p.name for p in (site / "pagefind").glob("*.js")} == {
        "pagefind.js",
        "pagefind-worker.js",
    }
    assert list((site / "pagefind").glob("wasm.*.pagefind"))
    part = site / "pagefind" / "part1"
    assert not list(part.glob("*.js")) and not list(part.glob("wasm.*"))
    assert leftovers(site, private_tmp) == []


def postings(bundle: Path) -> dict[str, set[tuple[str, tuple[int, ...], tuple[Any, ...]]]]:
    """Each word of a bundle and its parts: (page URL, locations, meta locations by field
    name) for every page it is on, read back from Pagefind's files."""
    found: dict[str, set[tuple[str, tuple[int, ...], tuple[Any, ...]]]] = {}
    listed = json.loads((bundle / "wenji-parts.json").read_text())["parts"]
    for part in (bundle, *(bundle / name for name in listed)):
        entry = json.loads((part / "pagefind-entry.json").read_text())
        ((_, about),) = entry["languages"].items()
        meta = read_pagefind(part / f"pagefind.{about['hash']}.pf_meta")
        assert len(meta[1]) == about["page_count"]
        urls = []
        for name, _ in meta[1]:
            data = gzip.decompress((part / "fragment" / f"{name}.pf_fragment").read_bytes())
            urls.append(json.loads(data.removeprefix(SIGNATURE))["url"])
        for start, end, name in meta[2]:
            for word, pages, _ in read_pagefind(part / "index" / f"{name}.pf_index")[0]:
                assert start <= word and word[: len(end)] <= end  # where the browser looks
                number = 0
                for page in pages:
                    assert page[0] > 0 or page is pages[0]  # pages in order
                    number += page[0]
                    field, meta_locs = "", []
                    for loc in page[2]:
                        field = meta[5][-loc - 1] if loc < 0 else field
                        meta_locs += [(field, loc)] if loc >= 0 else []
                    posting = (urls[number], tuple(page[1]), tuple(meta_locs))
                    found.setdefault(word, set()).add(posting)
    return found


def test_an_editions_parts_are_joined_into_one_index_with_the_same_postings(
    site: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    more = [
        ("b/index.html", "zh-Hans", '干部<img src="x.png" alt="图">担当作为'),  # an image field
        ("c/index.html", "zh-Hans", "干部敢为"),  # the same page as the home page: one fragment
        ("d/index.html", "zh-Hans", "营商环境，敢于担当。Café résumé"),
        ("zh-tw/a/index.html", "zh-TW", "敢闖敢幹"),
        ("zh-tw/b/index.html", "zh-TW", "幹部擔當作為"),
    ]
    for uri, language, text in more:
        (site / uri).parent.mkdir(parents=True, exist_ok=True)
        (site / uri).write_text(page(language, text), encoding="utf-8")
    monkeypatch.setenv("WENJI_SEARCH_PART_PAGES", "1")
    monkeypatch.setenv("WENJI_SEARCH_CHUNK_SIZE", "4")  # joined chunks of a few words
    monkeypatch.setenv("WENJI_SEARCH_MERGE", "0")
    build_index(site, ("zh-tw",), jobs=2)
    bundles = (site / "pagefind", site / "zh-tw" / "pagefind")
    apart = [postings(bundle) for bundle in bundles]
    monkeypatch.delenv("WENJI_SEARCH_MERGE")
    report = build_index(site, ("zh-tw",), jobs=2)
    assert report.merged == 2 and report.unmerged == () and report.parts == 8
    assert report.languages == {"zh-hans": 5, "zh-tw": 3}
    for bundle, before in zip(bundles, apart, strict=True):
        assert json.loads((bundle / "wenji-parts.json").read_text()) == {"parts": []}
        assert not list(bundle.glob("part*")) and len(list(bundle.glob("*.pf_meta"))) == 1
        assert len(list((bundle / "index").iterdir())) > 3  # several chunks, cut by word
        assert postings(bundle) == before and "敢" in before and "作" in before
    assert leftovers(site, private_tmp) == []


def test_parts_pagefind_wrote_with_filters_stay_parts_with_a_reason(
    site: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uri = "b/index.html"
    (site / uri).parent.mkdir(parents=True, exist_ok=True)
    filtered = '<span data-pagefind-filter="kind">law</span>敢为'
    (site / uri).write_text(page("zh-Hans", filtered), encoding="utf-8")
    monkeypatch.setenv("WENJI_SEARCH_PART_PAGES", "1")
    report = build_index(site, ("zh-tw",), jobs=2)
    assert report.merged == 0
    assert report.unmerged == (
        "the primary edition: MergeError: part1: filters or sorts, which the merge does not join",
    )
    listed = json.loads((site / "pagefind" / "wenji-parts.json").read_text())["parts"]
    assert listed == ["part1/", "part2/"]
    assert leftovers(site, private_tmp) == []


def test_ctrl_c_during_indexing_leaves_no_indexer_and_no_temporary_folder(
    tmp_path: Path,
) -> None:
    pids = tmp_path / "pids"
    binary = fake_binary(tmp_path / "hang", f'echo $$ >> "{pids}"\nexec sleep 600\n')
    texts = {"a.txt": SEEDS["four-dares-study-exchange"].read_text(encoding="utf-8")}
    config = write_project(tmp_path / "project", texts, search=True)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {
        "NO_MKDOCS_2_WARNING": "1",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "TMPDIR": str(temporary),
        "PAGEFIND_BINARY_PATH": str(binary),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    build = subprocess.Popen(
        [*command, "-d", str(tmp_path / "site")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 300
    while not pids.exists() and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.1)
    assert pids.exists(), build.communicate()[0]
    build.send_signal(signal.SIGINT)  # what Ctrl-C sends
    log = build.communicate(timeout=60)[0]
    for pid in (int(line) for line in pids.read_text().split()):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert [p.name for p in temporary.iterdir()] == [], log
    assert not list((tmp_path / "site").rglob(".pagefind*"))
