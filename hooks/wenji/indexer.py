"""The Pagefind index of a site: one bundle per edition, in parts, built while pages render.

Each page is handed over as soon as it is rendered (:meth:`StreamingIndex.add`, from the
adapter's ``on_post_page``): its article is written, as :func:`search.index_html` gives
it, into the current part of its edition; a part of :func:`part_pages` pages goes to
Pagefind at once, on another core, while MkDocs renders the next pages. So most of the
index is built during the build rather than after it, and a Pagefind process never holds
more than one part (about 0.7 MB a page: peak memory is bounded by the part size, not by
the corpus). :func:`build_index` does the same over an already built site.

An edition's parts are ``pagefind/`` and ``pagefind/part1/`` …; once all are done they
are joined into one bundle (:mod:`wenji.pagefind_merge`), and ``pagefind/wenji-parts.json``
lists no parts. If joining fails (a warning says why: :attr:`IndexReport.unmerged`), or
``$WENJI_SEARCH_MERGE`` is ``0``, the parts stay, listed there, and ``assets/search.js``
merges them in the reader's browser (Pagefind's ``mergeIndex``). A slice of a site
(:mod:`wenji.shard`) writes its parts, joined or not, one folder down
(``pagefind/shard-2/``, ``pagefind/shard-2/part1/`` …), and ``wenji merge`` lists every
slice's parts in ``pagefind/wenji-parts.json``. Parts are written into a
hidden staging folder beside the bundle, which replaces the bundle only when every part
is complete, so a site never holds a half-written bundle. Temporary folders
(``/tmp/wenji-pagefind-*``) and Pagefind processes never outlive the build, Ctrl-C
included (:func:`_abort_all` at exit).
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .pagefind_run import Runner, SearchIndexError, Unit, time_limit
from .search import OUTPUT_DIR, binary_problem, bundle_path, index_html

__all__ = ["IndexReport", "SearchIndexError", "StreamingIndex", "build_index", "time_limit"]

PART_PAGES = 400  # pages a Pagefind process indexes (it needs about 0.7 MB a page)
MAX_JOBS = 4
PARTS_FILE = "wenji-parts.json"  # the parts of an edition's bundle, for assets/search.js
# What Pagefind writes that wenji's search never loads: its own search interfaces (about
# 420 KB a bundle); in a merged part also the script, worker and WebAssembly, which the
# browser takes from the first bundle (``mergeIndex`` reads a part's entry, metadata,
# index chunks and fragments only).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
UNUSED_IN_PARTS = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")

_live: set[StreamingIndex] = set()  # indexes not finished yet, stopped at exit


@dataclass(frozen=True)
class IndexReport:
    """What the indexer did: pages per language and the time it took."""

    pages: int
    languages: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    output: Path = Path(OUTPUT_DIR)
    retried: tuple[str, ...] = ()  # problems of first attempts that a retry overcame
    parts: int = 0  # Pagefind runs (parts of editions)
    tail_seconds: float = 0.0  # from the last page handed over until the bundles were ready
    merged: int = 0  # editions whose parts were joined into one bundle
    merge_seconds: float = 0.0
    unmerged: tuple[str, ...] = ()  # why an edition kept its parts (a warning each)


JOIN_SECONDS = 10  # how long abort() waits for a worker whose Pagefind was just killed


def part_pages() -> int:
    """Pages per Pagefind run: :data:`PART_PAGES`, or ``$WENJI_SEARCH_PART_PAGES``."""
    value = os.environ.get("WENJI_SEARCH_PART_PAGES", "")
    return int(value) if value.isdigit() and int(value) > 0 else PART_PAGES


def merge_wanted() -> bool:
    """Whether an edition's parts are joined into one bundle (:mod:`wenji.pagefind_merge`):
    yes, unless ``$WENJI_SEARCH_MERGE`` is ``0``."""
    return os.environ.get("WENJI_SEARCH_MERGE", "1") != "0"


def default_jobs() -> int:
    """Pagefind runs at a time: one per core, at most :data:`MAX_JOBS` (memory: each holds
    up to :func:`part_pages` pages)."""
    return max(1, min(MAX_JOBS, os.cpu_count() or 1))


@dataclass
class _Open:
    """The part of an edition being filled."""

    number: int = 0
    pages: int = 0
    bytes: int = 0


class StreamingIndex:
    """Pages in, one Pagefind bundle per edition out; Pagefind runs as parts fill up."""

    def __init__(
        self,
        site_dir: Path,
        edition_prefixes: tuple[str, ...] = (),
        timeout: float | None = None,
        jobs: int | None = None,
        folder: str = "",
    ) -> None:
        """``folder``: where in each edition's bundle the parts go (a slice's ``shard-K``)."""
        problem = binary_problem()
        if problem:
            raise SearchIndexError(problem)
        from pagefind.service import get_executable

        executable = get_executable()
        assert executable is not None  # binary_problem() said so
        self.site_dir = site_dir
        self.editions = edition_prefixes
        self.started = time.perf_counter()
        self._size = part_pages()
        self._runner = Runner(Path(executable), timeout)
        self._temporary = Path(tempfile.mkdtemp(prefix="wenji-pagefind-"))
        self._open = {prefix: _Open() for prefix in ("", *edition_prefixes)}
        self._units: dict[str, list[Unit]] = {prefix: [] for prefix in self._open}
        self._output = {prefix: _bundle(site_dir, prefix, folder) for prefix in self._open}
        self._staging = {prefix: _staging(self._output[prefix]) for prefix in self._open}
        for folder in self._staging.values():
            shutil.rmtree(folder, ignore_errors=True)
        self._merged: list[float] = []  # seconds of each joined edition
        self._unmerged: list[str] = []
        self._joined: set[str] = set()  # editions whose parts are one bundle now
        self._joins: list[subprocess.Popen[bytes]] = []
        self._queue: queue.Queue[Unit | None] = queue.Queue()
        self._pending = 0
        self._done = threading.Condition()
        # Daemon threads, not a ThreadPoolExecutor: Python joins an executor's threads at
        # exit before any atexit handler could kill the processes they wait for.
        self._threads = [
            threading.Thread(target=self._work, name="wenji-pagefind", daemon=True)
            for _ in range(jobs or default_jobs())
        ]
        for thread in self._threads:
            thread.start()
        _live.add(self)

    def edition_of(self, relative: str) -> str:
        first = relative.split("/", 1)[0]
        return first if first in self.editions and "/" in relative else ""

    def add(self, relative: str, html: str) -> None:
        """The rendered page at ``relative`` (its path in the site, e.g. ``a/b/index.html``)."""
        page = index_html(html)
        if page is None:
            return
        prefix = self.edition_of(relative)
        part = self._open[prefix]
        data = page.encode("utf-8")
        target = self._part_folder(prefix, part.number) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        part.pages, part.bytes = part.pages + 1, part.bytes + len(data)
        if part.pages >= self._size:
            self._submit(prefix)

    def finish(self) -> IndexReport:
        """Index the last parts, wait for all, and move each edition's bundle into place."""
        last_page = time.perf_counter()
        try:
            for prefix in self._open:
                if self._open[prefix].pages:
                    self._submit(prefix)
            with self._done:
                while self._pending:
                    self._done.wait(0.2)  # short waits: Ctrl-C reaches the main thread
            self._join_all()
            languages: dict[str, int] = {}
            for prefix in self._open:
                for language, count in self._publish(prefix).items():
                    languages[language] = languages.get(language, 0) + count
        finally:
            self.abort()
        languages = dict(sorted(languages.items()))
        return IndexReport(
            sum(languages.values()),
            languages,
            time.perf_counter() - self.started,
            self.site_dir / OUTPUT_DIR,
            tuple(self._runner.retried),
            sum(len(units) for units in self._units.values()),
            time.perf_counter() - last_page,
            len(self._merged),
            sum(self._merged),
            tuple(self._unmerged),
        )

    def abort(self) -> None:
        """Stop every Pagefind process and remove every temporary and staging folder."""
        _live.discard(self)
        self._runner.stop_all()
        for process in self._joins:
            if process.poll() is None:
                process.kill()
                process.wait()
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:  # a worker still finishing would write into the folder
            if thread is not threading.current_thread():
                thread.join(timeout=JOIN_SECONDS)
        shutil.rmtree(self._temporary, ignore_errors=True)
        for folder in self._staging.values():
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(_joining(folder), ignore_errors=True)

    def _part_folder(self, prefix: str, number: int) -> Path:
        return self._temporary / (prefix or "_") / f"part{number}"

    def _submit(self, prefix: str) -> None:
        part = self._open[prefix]
        staging = self._staging[prefix]
        output = staging / f"part{part.number}" if part.number else staging
        unit = Unit(prefix, self._part_folder(prefix, part.number), output, part.bytes)
        self._units[prefix].append(unit)
        self._open[prefix] = _Open(part.number + 1)
        with self._done:
            self._pending += 1
        self._queue.put(unit)

    def _work(self) -> None:
        while True:
            unit = self._queue.get()
            if unit is None:
                return
            try:
                self._runner.run(unit, self._temporary)
            finally:
                with self._done:
                    self._pending -= 1
                    self._done.notify_all()

    def _publish(self, prefix: str) -> dict[str, int]:
        """Move an edition's finished bundle into place; pages per language."""
        output = self._output[prefix]
        units, staging = self._units[prefix], self._staging[prefix]
        if not units:  # an edition without pages: no bundle
            shutil.rmtree(output, ignore_errors=True)
            return {}
        languages: dict[str, int] = {}
        for unit in units:
            if not isinstance(unit.result, dict):
                where = f" ({prefix}/)" if prefix else ""
                raise SearchIndexError(f"Pagefind failed twice: {unit.result}{where}")
            for language, count in unit.result.items():
                languages[language] = languages.get(language, 0) + count
        for number, unit in enumerate(units):
            _prune(unit.output, UNUSED + (UNUSED_IN_PARTS if number else ()))
        parts = [unit.output.relative_to(staging).as_posix() + "/" for unit in units[1:]]
        if prefix in self._joined:
            parts = []
        (staging / PARTS_FILE).write_text(json.dumps({"parts": parts}), encoding="utf-8")
        shutil.rmtree(output, ignore_errors=True)
        output.parent.mkdir(parents=True, exist_ok=True)
        staging.rename(output)
        return languages

    def _join_all(self) -> None:
        """Each edition of several parts joined into one bundle in its staging folder
        (:mod:`wenji.pagefind_merge`), editions side by side, each in a process of its
        own; an edition whose join fails keeps its parts, and the reason is kept for a
        warning."""
        if not merge_wanted():
            return
        waiting = [
            prefix
            for prefix, units in self._units.items()
            if len(units) > 1 and all(isinstance(unit.result, dict) for unit in units)
        ]
        path = [str(Path(__file__).parent.parent), os.environ.get("PYTHONPATH", "")]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, path)))
        running: dict[str, tuple[subprocess.Popen[bytes], Path, float]] = {}
        while waiting or running:
            while waiting and len(running) < len(self._threads):
                prefix = waiting.pop(0)
                joined = _joining(self._staging[prefix])
                shutil.rmtree(joined, ignore_errors=True)
                folders = [str(unit.output) for unit in self._units[prefix]]
                log = self._temporary / f"join-{prefix or '_'}.log"
                with log.open("wb") as errors:
                    command = [sys.executable, "-m", "wenji.pagefind_merge", str(joined)]
                    process = subprocess.Popen(
                        command + folders, stdout=subprocess.DEVNULL, stderr=errors, env=env
                    )
                self._joins.append(process)
                running[prefix] = (process, log, time.perf_counter())
            time.sleep(0.05)
            for prefix, (process, log, started) in list(running.items()):
                if process.poll() is None:
                    continue
                del running[prefix]
                staging = self._staging[prefix]
                joined = _joining(staging)
                if process.returncode == 0:
                    shutil.rmtree(staging)
                    joined.rename(staging)
                    self._joined.add(prefix)
                    self._merged.append(time.perf_counter() - started)
                    continue
                shutil.rmtree(joined, ignore_errors=True)
                said = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
                why = said[-1] if said else f"exit status {process.returncode}"
                where = f"{prefix}/" if prefix else "the primary edition"
                self._unmerged.append(f"{where}: {why}")


def build_index(
    site_dir: Path,
    edition_prefixes: tuple[str, ...] = (),
    timeout: float | None = None,
    jobs: int | None = None,
) -> IndexReport:
    """Index an already built site (see :class:`StreamingIndex`); ``timeout`` overrides
    :func:`time_limit` (seconds per attempt). Raises :class:`SearchIndexError`."""
    index = StreamingIndex(site_dir, edition_prefixes, timeout, jobs)
    try:
        for path in sorted(site_dir.rglob("*.html")):
            relative = path.relative_to(site_dir)
            if OUTPUT_DIR in relative.parts or relative.parts[0].startswith(f".{OUTPUT_DIR}"):
                continue
            index.add(relative.as_posix(), path.read_text(encoding="utf-8", errors="replace"))
        return index.finish()
    finally:
        index.abort()


def _prune(bundle: Path, patterns: tuple[str, ...]) -> None:
    for pattern in patterns:
        for path in bundle.glob(pattern):
            path.unlink()


def _bundle(site_dir: Path, prefix: str, folder: str) -> Path:
    bundle = site_dir / bundle_path(prefix)
    return bundle / folder if folder else bundle


def _staging(bundle: Path) -> Path:
    return bundle.with_name(f".{bundle.name}-wenji-staging")


def _joining(staging: Path) -> Path:
    return staging.with_name(f"{staging.name}-joined")


@atexit.register
def _abort_all() -> None:
    """At exit (Ctrl-C in the middle of a build too): no Pagefind process, no temp folder."""
    for index in list(_live):
        index.abort()
