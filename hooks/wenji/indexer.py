"""Run Pagefind over a built site: one bundle per edition, complete or not at all.

Pagefind runs as its command-line program, one process per edition, never through the
``pagefind`` Python package's service: the service writes its files with Tokio's
asynchronous file writes and answers "written" before the last write has reached the
disk; the package then terminates the process, and under load a file is left empty or
short (``pagefind-entry.json`` of 0 bytes, "JSONDecodeError", in 7 of 40 runs with three
busy cores). The command-line program returns only when every file is written.

Each edition is indexed into a hidden staging folder beside its bundle, checked (exit
status, an entry file that parses, every language's metadata file present), and only then
moved into place, so a site never holds a half-written bundle. A failure is retried once,
then reported with what Pagefind printed. The wait is bounded by a few times the time
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
from collections.abc import Callable
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


def time_limit(input_bytes: int) -> float:
    """How long Pagefind may take for ``input_bytes`` of pages before it is stopped."""
    expected = EXPECTED_STARTUP_SECONDS + input_bytes / EXPECTED_BYTES_PER_SECOND
    return max(MIN_TIME_LIMIT, TIME_LIMIT_FACTOR * expected)


def build_index(
    site_dir: Path,
    edition_prefixes: tuple[str, ...] = (),
    timeout: float | None = None,
    jobs: int = 1,
) -> IndexReport:
    """Index the built site: one Pagefind bundle per edition, one index per language in it.

    The primary pages go to ``site_dir/pagefind``, each edition's to
    ``site_dir/<prefix>/pagefind``. ``jobs`` editions are indexed at a time (each
    indexer holds its whole edition in memory). ``timeout`` overrides :func:`time_limit`
    (seconds per attempt). Raises :class:`SearchIndexError` with a readable message.
    """
    problem = binary_problem()
    if problem:
        raise SearchIndexError(problem)
    from pagefind.service import get_executable

    executable = get_executable()
    assert executable is not None  # binary_problem() said so
    started = time.perf_counter()
    prefixes = ("", *edition_prefixes)
    runner = _Runner(Path(executable), timeout)
    results: dict[str, dict[str, int] | SearchIndexError] = {}

    def index(prefix: str) -> None:
        others = tuple(p for p in edition_prefixes if p != prefix)
        try:
            results[prefix] = runner.edition(site_dir, prefix, others)
        except SearchIndexError as error:
            results[prefix] = error

    try:
        _run_all(index, prefixes, max(1, jobs))
    finally:
        runner.stop_all()  # Ctrl-C: no indexer outlives the build
    languages: dict[str, int] = {}
    for prefix in prefixes:
        result = results.get(prefix)
        if isinstance(result, SearchIndexError):
            where = f" ({prefix}/)" if prefix else ""
            raise SearchIndexError(f"{result}{where}")
        for language, count in (result or {}).items():
            languages[language] = languages.get(language, 0) + count
    seconds = time.perf_counter() - started
    languages = dict(sorted(languages.items()))
    return IndexReport(
        sum(languages.values()), languages, seconds, site_dir / OUTPUT_DIR, tuple(runner.retried)
    )


def _run_all(work: Callable[[str], None], prefixes: tuple[str, ...], jobs: int) -> None:
    """``work(prefix)`` for every prefix, ``jobs`` at a time (threads: the work waits on
    Pagefind processes)."""
    if jobs == 1 or len(prefixes) == 1:
        for prefix in prefixes:
            work(prefix)
        return
    pending = list(prefixes)
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                if not pending:
                    return
                prefix = pending.pop(0)
            work(prefix)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)  # short joins: Ctrl-C reaches the main thread


class _Runner:
    """Runs Pagefind processes and remembers them, so that all can be stopped at once."""

    def __init__(self, executable: Path, timeout: float | None) -> None:
        self.executable = executable
        self.timeout = timeout
        self.retried: list[str] = []
        self._processes: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._stopped = False

    def edition(self, site_dir: Path, prefix: str, others: tuple[str, ...]) -> dict[str, int]:
        """Index one edition into its bundle folder; pages per language."""
        output = site_dir / bundle_path(prefix)
        staging = output.with_name(f".{OUTPUT_DIR}-wenji-staging")
        with tempfile.TemporaryDirectory(prefix="wenji-pagefind-") as temporary:
            pages = Path(temporary) / "site"
            input_bytes, written = _copy_pages(site_dir, prefix, others, pages)
            if not written:  # an edition without pages: no bundle
                shutil.rmtree(output, ignore_errors=True)
                return {}
            limit = self.timeout if self.timeout is not None else time_limit(input_bytes)
            problem = ""
            try:
                for attempt in range(ATTEMPTS):
                    shutil.rmtree(staging, ignore_errors=True)
                    problem = self._attempt(pages, staging, Path(temporary), limit)
                    if not problem:
                        languages = _check_bundle(staging)
                        shutil.rmtree(output, ignore_errors=True)
                        staging.rename(output)
                        return languages
                    if attempt + 1 < ATTEMPTS:
                        self.retried.append(problem)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        raise SearchIndexError(f"Pagefind failed twice: {problem}")

    def _attempt(self, pages: Path, output: Path, temporary: Path, limit: float) -> str:
        """One Pagefind run; "" when it wrote a complete bundle, else what went wrong."""
        log_path = temporary / "pagefind.log"
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
                process = self._start(command, temporary, env, log_file)
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


def _copy_pages(
    site_dir: Path, prefix: str, others: tuple[str, ...], into: Path
) -> tuple[int, int]:
    """Write each page of one edition as :func:`index_html` gives it; (bytes, pages)."""
    total = written = 0
    for path in (site_dir / prefix).rglob("*.html") if prefix else site_dir.rglob("*.html"):
        relative = path.relative_to(site_dir)
        if OUTPUT_DIR in relative.parts or relative.parts[0].startswith(f".{OUTPUT_DIR}"):
            continue
        if relative.parts[0] in others and not prefix:
            continue
        page = index_html(path.read_text(encoding="utf-8", errors="replace"))
        if page is not None:
            data = page.encode("utf-8")
            (into / relative).parent.mkdir(parents=True, exist_ok=True)
            (into / relative).write_bytes(data)
            total += len(data)
            written += 1
    return total, written


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
