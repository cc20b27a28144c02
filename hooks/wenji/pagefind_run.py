"""Running one Pagefind process: a complete bundle, or what went wrong in Pagefind's words.

Pagefind runs as its command-line program, never through the ``pagefind`` Python
package's service: the service writes its files with Tokio's asynchronous file writes and
answers "written" before the last write has reached the disk; the package then
terminates the process, and under load a file is left empty or short
(``pagefind-entry.json`` of 0 bytes, "JSONDecodeError", in 7 of 40 runs with three busy
cores). The command-line program returns only when every file is written.

A run is checked (exit status, an entry file that parses, every language's metadata
file present), retried once if it failed, and stopped after a few times the time its
pages should take (:func:`time_limit`), stretched while the machine is busier than it has
cores (:class:`Deadline`). :class:`Runner` remembers its processes, so that
all can be killed at once (Ctrl-C, a failed build).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .search import EXCLUDE_SELECTORS

# Pagefind reads the copy at about 3 MB/s on one busy core (bench/README.md); the limit is
# several times that, so a slow shared machine passes and a hung indexer does not hold a
# build for long.
EXPECTED_BYTES_PER_SECOND = 2_000_000
EXPECTED_STARTUP_SECONDS = 5.0
TIME_LIMIT_FACTOR = 5.0
MIN_TIME_LIMIT = 60.0
ATTEMPTS = 2  # a failed index step is retried once
OUTPUT_TAIL_LINES = 8
POLL_SECONDS = 0.5


class SearchIndexError(RuntimeError):
    """The search index could not be built; the message says why and what to do."""


@dataclass
class Unit:
    """One Pagefind run: a part of an edition's pages, into a folder of its bundle."""

    prefix: str
    pages: Path
    output: Path
    input_bytes: int
    result: dict[str, int] | str | None = None  # pages per language, or what went wrong


def time_limit(input_bytes: int) -> float:
    """How long Pagefind may take for ``input_bytes`` of pages before it is stopped."""
    expected = EXPECTED_STARTUP_SECONDS + input_bytes / EXPECTED_BYTES_PER_SECOND
    return max(MIN_TIME_LIMIT, TIME_LIMIT_FACTOR * expected)


class Deadline:
    """When a Pagefind run is given up: its time limit, stretched by the machine's load.

    The limit is wall time, so a hung indexer is stopped; but on a shared machine
    (a CI runner, other builds beside this one) Pagefind gets only a share of a core, and a
    fixed wall limit stopped healthy runs (bench/README.md: "stopped after 60 s" at a load
    average of 18 on 2 cores). The limit is therefore multiplied by the highest
    load-per-core seen during the run (never less than 1). An explicit ``timeout`` is kept
    as given.
    """

    def __init__(self, limit: float, stretch: bool = True) -> None:
        self.limit = limit
        self.stretch = stretch
        self.load_factor = 1.0
        self.started = time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def expired(self) -> bool:
        if self.stretch:
            self.load_factor = max(self.load_factor, load_per_core())
        return self.elapsed() > self.limit * self.load_factor

    def describe(self) -> str:
        """The limit as it stood, for the warning."""
        if self.load_factor > 1.0:
            return (
                f"{self.limit * self.load_factor:.0f} s ({self.limit:.0f} s × a load "
                f"average of {self.load_factor:.1f} per core)"
            )
        return f"{self.limit:.0f} s"


def load_per_core() -> float:
    """The one-minute load average per core; 1.0 where the system does not tell."""
    try:
        return os.getloadavg()[0] / (os.cpu_count() or 1)
    except (AttributeError, OSError):  # Windows has no load average
        return 1.0


class Runner:
    """Runs Pagefind processes and remembers them, so that all can be stopped at once."""

    def __init__(self, executable: Path, timeout: float | None) -> None:
        self.executable = executable
        self.timeout = timeout
        self.retried: list[str] = []
        self._processes: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._stopped = False

    def run(self, unit: Unit, temporary: Path) -> None:
        """Index ``unit``, retrying once; its result is set either way."""
        limit = self.timeout if self.timeout is not None else time_limit(unit.input_bytes)
        for attempt in range(ATTEMPTS):
            if self._stopped:  # the build is stopping: no retry writing into removed folders
                unit.result = unit.result or "stopped"
                return
            shutil.rmtree(unit.output, ignore_errors=True)
            log_path = temporary / f"pagefind-{unit.pages.name}-{unit.prefix or '_'}.log"
            try:
                problem = self._attempt(unit.pages, unit.output, log_path, limit)
            except Exception as error:  # said in the warning, never as a traceback
                problem = f"{type(error).__name__}: {error}"
            if not problem:
                unit.result = check_bundle(unit.output)
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
            deadline = Deadline(limit, stretch=self.timeout is None)
            try:
                returncode = _wait(process, deadline)
            finally:
                self._stop(process)
        if returncode is None:
            return f"stopped after {deadline.describe()}{_tail(log_path)}"
        if returncode != 0:
            return f"exit status {returncode}{_tail(log_path)}"
        try:
            check_bundle(output)
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


def check_bundle(bundle: Path) -> dict[str, int]:
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


def _wait(process: subprocess.Popen[bytes], deadline: Deadline) -> int | None:
    """The process's exit status, or None once ``deadline`` has passed."""
    while True:
        try:
            return process.wait(timeout=POLL_SECONDS)
        except subprocess.TimeoutExpired:
            if deadline.expired():
                return None


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
