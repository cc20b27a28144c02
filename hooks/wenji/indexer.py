"""Run Pagefind over a built site: one bundle per edition, complete or not at all.

Pagefind runs as its command-line program, one process per edition, never through the
``pagefind`` Python package's service: the service writes its files with Tokio's
asynchronous file writes and answers "written" before the last write has reached the
disk; the package then terminates the process, and under load a file is left empty or
short (``pagefind-entry.json`` of 0 bytes, "JSONDecodeError", in 7 of 40 runs with three
busy cores). The command-line program returns only when every file is written.

Each edition is indexed, in parts of bounded size, into a hidden staging folder beside its
bundle; each part is checked (exit status, an entry file that parses, every language's
metadata file present), and the bundle is moved into place only when all are, so a site
never holds a half-written bundle. A failure is retried once, then reported with what
Pagefind printed. The wait is bounded by a few times the time
the edition's size should take (:func:`time_limit`), and the temporary copy of the pages
(``/tmp/wenji-pagefind-*``) is removed whatever happens, Ctrl-C included.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .search import EXCLUDE_SELECTORS, OUTPUT_DIR, binary_problem, bundle_path, index_html

# Pagefind reads the copy at about 3 MB/s on one busy core (bench/README.md); the limit is
# several times that, so a slow shared machine passes and a hung indexer does not hold a
# build for long.
EXPECTED_BYTES_PER_SECOND = 2_000_000
EXPECTED_STARTUP_SECONDS = 5.0
TIME_LIMIT_FACTOR = 5.0
MIN_TIME_LIMIT = 60.0
ATTEMPTS = 2  # a failed index step is retried once
PART_PAGES = 400  # pages a Pagefind process indexes (it needs about 0.7 MB a page)
MAX_JOBS = 4
PARTS_FILE = "wenji-parts.json"  # the parts of an edition's bundle, for assets/search.js
OUTPUT_TAIL_LINES = 8


class SearchIndexError(RuntimeError):
    """The search index could not be built; the message says why and what to do."""


@dataclass(frozen=True)
class IndexReport:
    """What the indexer did: pages per language and the time it took."""

    pages: int
    languages: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    output: Path = Path(OUTPUT_DIR)
    retried: tuple[str, ...] = ()  # problems of first attempts that a retry overcame
    parts: int = 0  # Pagefind runs (parts of editions)


def time_limit(input_bytes: int) -> float:
    """How long Pagefind may take for ``input_bytes`` of pages before it is stopped."""
    expected = EXPECTED_STARTUP_SECONDS + input_bytes / EXPECTED_BYTES_PER_SECOND
    return max(MIN_TIME_LIMIT, TIME_LIMIT_FACTOR * expected)


def part_pages() -> int:
    """Pages per Pagefind run: :data:`PART_PAGES`, or ``$WENJI_SEARCH_PART_PAGES``."""
    value = os.environ.get("WENJI_SEARCH_PART_PAGES", "")
    return int(value) if value.isdigit() and int(value) > 0 else PART_PAGES


def default_jobs() -> int:
    """Pagefind runs at a time: one per core, at most :data:`MAX_JOBS` (memory: each holds
    up to :func:`part_pages` pages)."""
    return max(1, min(MAX_JOBS, os.cpu_count() or 1))


@dataclass
class _Unit:
    """One Pagefind run: a part of an edition's pages, into a folder of its bundle."""

    prefix: str
    pages: Path
    output: Path
    input_bytes: int
    result: dict[str, int] | str | None = None  # pages per language, or what went wrong


def build_index(
    site_dir: Path,
    edition_prefixes: tuple[str, ...] = (),
    timeout: float | None = None,
    jobs: int | None = None,
) -> IndexReport:
    """Index the built site: one Pagefind bundle per edition, one index per language in it.

    The primary pages go to ``site_dir/pagefind``, each edition's to
    ``site_dir/<prefix>/pagefind``. An edition of more than :func:`part_pages` pages is
    indexed in parts, ``pagefind/`` and ``pagefind/part1/`` …, listed in
    ``pagefind/wenji-parts.json``; ``assets/search.js`` merges them in the browser
    (Pagefind's ``mergeIndex``). A Pagefind process holds its part in memory (about
    0.7 MB a page), so peak memory is bounded by the part size, not the corpus. ``jobs``
    parts are indexed at a time (default :func:`default_jobs`), while the next parts'
    pages are being prepared. ``timeout`` overrides :func:`time_limit` (seconds per
    attempt). Raises :class:`SearchIndexError` with a readable message.
    """
    problem = binary_problem()
    if problem:
        raise SearchIndexError(problem)
    from pagefind.service import get_executable

    executable = get_executable()
    assert executable is not None  # binary_problem() said so
    started = time.perf_counter()
    runner = _Runner(Path(executable), timeout)
    prefixes = ("", *edition_prefixes)
    staging = {prefix: _staging(site_dir, prefix) for prefix in prefixes}
    units: dict[str, list[_Unit]] = {prefix: [] for prefix in prefixes}
    pool = ThreadPoolExecutor(max_workers=jobs or default_jobs(), thread_name_prefix="pagefind")
    try:
        with tempfile.TemporaryDirectory(prefix="wenji-pagefind-") as temporary:
            futures = []
            for prefix in prefixes:
                shutil.rmtree(staging[prefix], ignore_errors=True)
                others = tuple(p for p in edition_prefixes if p != prefix)
                copy = Path(temporary) / (prefix or "_")
                for unit in _parts(site_dir, prefix, others, copy, staging[prefix]):
                    units[prefix].append(unit)
                    futures.append(pool.submit(runner.run, unit, Path(temporary)))
            for future in futures:
                while not future.done():
                    time.sleep(0.05)  # short waits: Ctrl-C reaches the main thread
                future.result()
            languages = {}
            for prefix in prefixes:
                found = _publish(site_dir, prefix, units[prefix], staging[prefix])
                for language, count in found.items():
                    languages[language] = languages.get(language, 0) + count
    finally:
        runner.stop_all()  # Ctrl-C: no indexer outlives the build
        pool.shutdown(wait=True, cancel_futures=True)
        for folder in staging.values():
            shutil.rmtree(folder, ignore_errors=True)
    seconds = time.perf_counter() - started
    languages = dict(sorted(languages.items()))
    count = sum(len(u) for u in units.values())
    return IndexReport(
        sum(languages.values()),
        languages,
        seconds,
        site_dir / OUTPUT_DIR,
        tuple(runner.retried),
        count,
    )


def _staging(site_dir: Path, prefix: str) -> Path:
    return (site_dir / bundle_path(prefix)).with_name(f".{OUTPUT_DIR}-wenji-staging")


def _publish(site_dir: Path, prefix: str, units: list[_Unit], staging: Path) -> dict[str, int]:
    """Move an edition's finished bundle into place; pages per language."""
    output = site_dir / bundle_path(prefix)
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
    parts = [unit.output.relative_to(staging).as_posix() + "/" for unit in units[1:]]
    (staging / PARTS_FILE).write_text(json.dumps({"parts": parts}), encoding="utf-8")
    shutil.rmtree(output, ignore_errors=True)
    staging.rename(output)
    return languages


class _Runner:
    """Runs Pagefind processes and remembers them, so that all can be stopped at once."""

    def __init__(self, executable: Path, timeout: float | None) -> None:
        self.executable = executable
        self.timeout = timeout
        self.retried: list[str] = []
        self._processes: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._stopped = False

    def run(self, unit: _Unit, temporary: Path) -> None:
        """Index ``unit``, retrying once; its result is set either way."""
        limit = self.timeout if self.timeout is not None else time_limit(unit.input_bytes)
        for attempt in range(ATTEMPTS):
            shutil.rmtree(unit.output, ignore_errors=True)
            log_path = temporary / f"pagefind-{unit.pages.name}-{unit.prefix or '_'}.log"
            try:
                problem = self._attempt(unit.pages, unit.output, log_path, limit)
            except Exception as error:  # said in the warning, never as a traceback
                problem = f"{type(error).__name__}: {error}"
            if not problem:
                unit.result = _check_bundle(unit.output)
                shutil.rmtree(unit.pages, ignore_errors=True)  # disk: done with this part
                return
            if attempt + 1 < ATTEMPTS:
                self.retried.append(problem)
            unit.result = problem

    def _attempt(self, pages: Path, output: Path, log_path: Path, limit: float) -> str:
        """One Pagefind run; "" when it wrote a complete bundle, else what went wrong."""
        command = [
            str(self.executable),
            "--site",
            str(pages),
            "--output-path",
            str(output.resolve()),
            "--quiet",
        ]
        for selector in EXCLUDE_SELECTORS:
            command += ["--exclude-selectors", selector]
        # Only our options: no pagefind.yml from a working folder, no PAGEFIND_* settings.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
        with log_path.open("wb") as log_file:
            try:
                process = self._start(command, log_path.parent, env, log_file)
            except OSError as error:
                return f"could not start {self.executable}: {error.strerror or error}"
            try:
                returncode = process.wait(timeout=limit)
            except subprocess.TimeoutExpired:
                self._stop(process)
                return f"stopped after {limit:.0f} s{_tail(log_path)}"
            finally:
                self._stop(process)
        if returncode != 0:
            return f"exit status {returncode}{_tail(log_path)}"
        try:
            _check_bundle(output)
        except SearchIndexError as error:
            return f"{error}{_tail(log_path)}"
        return ""

    def _start(
        self, command: list[str], cwd: Path, env: dict[str, str], log_file: object
    ) -> subprocess.Popen[bytes]:
        with self._lock:
            if self._stopped:
                raise OSError("the build is stopping")
            process = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,  # type: ignore[arg-type]
                stderr=subprocess.STDOUT,
            )
            self._processes.add(process)
            return process

    def _stop(self, process: subprocess.Popen[bytes]) -> None:
        if process.poll() is None:
            process.kill()
            process.wait()
        with self._lock:
            self._processes.discard(process)

    def stop_all(self) -> None:
        with self._lock:
            self._stopped = True
            processes = list(self._processes)
        for process in processes:
            self._stop(process)


def _parts(
    site_dir: Path, prefix: str, others: tuple[str, ...], copy: Path, staging: Path
) -> Iterator[_Unit]:
    """Each page of one edition as :func:`index_html` gives it, written into part folders
    of :func:`part_pages` pages under ``copy``; each part is yielded once it is complete."""
    size = part_pages()
    root = site_dir / prefix if prefix else site_dir
    part, written, total = 0, 0, 0
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(site_dir)
        if OUTPUT_DIR in relative.parts or relative.parts[0].startswith(f".{OUTPUT_DIR}"):
            continue
        if relative.parts[0] in others and not prefix:
            continue
        page = index_html(path.read_text(encoding="utf-8", errors="replace"))
        if page is None:
            continue
        data = page.encode("utf-8")
        target = copy / f"part{part}" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written, total = written + 1, total + len(data)
        if written == size:
            yield _unit(prefix, copy, staging, part, total)
            part, written, total = part + 1, 0, 0
    if written:
        yield _unit(prefix, copy, staging, part, total)


def _unit(prefix: str, copy: Path, staging: Path, part: int, input_bytes: int) -> _Unit:
    output = staging / f"part{part}" if part else staging
    return _Unit(prefix, copy / f"part{part}", output, input_bytes)


def _check_bundle(bundle: Path) -> dict[str, int]:
    """Pages per language of a written bundle; raises if any part of it is missing."""
    entry_file = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        languages = {
            language: int(info["page_count"]) for language, info in entry["languages"].items()
        }
        hashes = [str(info["hash"]) for info in entry["languages"].values()]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SearchIndexError(f"{entry_file.name} unreadable ({error})") from None
    needed = [bundle / "pagefind.js", *(bundle / f"pagefind.{h}.pf_meta" for h in hashes)]
    for path in needed:
        if not path.is_file() or path.stat().st_size == 0:
            raise SearchIndexError(f"{path.name} missing or empty")
    return languages


def _tail(log_path: Path) -> str:
    """The last lines Pagefind printed, for the warning (backtrace notes left out)."""
    try:
        text = log_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith(("note:", "stack backtrace:"))
    ]
    return "; Pagefind said: " + " | ".join(lines[-OUTPUT_TAIL_LINES:]) if lines else ""
