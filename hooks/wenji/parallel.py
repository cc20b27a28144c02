"""The per-text work of a build on every core: a pool of worker processes.

What a text needs before MkDocs renders its page (decode, clean, front matter,
boilerplate, metadata, structure, ids, and its conversion for every script edition) is
done by :func:`prepare_text`, in worker processes (``extra.wenji.workers``; 1 = in the
build process). :meth:`TextPool.prepare` is the :data:`~wenji.library.Preparer` of a
scan: it yields the outcomes in corpus order and keeps at most :data:`AHEAD` batches per
worker in flight, so results wait for the scan, not the other way round. The build
process keeps what it kept before: the documents (the library's cache) and their
conversions (each :class:`~wenji.editions.EditionBuilder`'s cache).

Bad input: an exception in a stage skips that text with a warning naming it, in the
worker as in the build process. A worker that dies (killed, out of memory) breaks the
pool: that is a warning naming the texts it had, and they and the rest are processed
in the build process. The pool lives for one scan; leaving it (done, an error, Ctrl-C)
terminates the workers. They ignore SIGINT: Ctrl-C is the build process's to handle.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .config import Edition
from .corpus import CorpusFile
from .editions import EditionBuilder
from .library import internal_error, process_corpus_file
from .model import Diagnostic, Document
from .pipeline import Options, SkippedText, StageTimer

#: Fewer texts to process than this (a ``serve`` rebuild after an edit): in the build
#: process, as starting workers (Python, wenji and OpenCC's dictionaries) takes a second.
PARALLEL_FROM = 16
BATCH = 4  # texts per task: one task's overhead (two pickles, a pipe) is about a text's
AHEAD = 4  # tasks in flight per worker: enough to keep it busy, few results waiting
#: Tests only, comma-separated: ``raise:<source>`` makes that text's processing raise; in a
#: worker, ``exit:<source>`` makes the process exit at once, ``sleep:<source>`` keeps it busy.
FAULT_VARIABLE = "WENJI_TEST_FAULT"

Conversion = tuple[Document, tuple[Diagnostic, ...]]  # a document in an edition, leftovers


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (macOS, Windows)
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Prepared:
    """A text's outcome and its conversion for each edition (in the editions' order)."""

    outcome: Document | SkippedText
    conversions: tuple[Conversion, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)


def prepare_text(
    corpus_file: CorpusFile,
    options: Options,
    builders: Sequence[EditionBuilder],
    in_worker: bool = False,
) -> Prepared:
    """One text through the pipeline and every edition's conversion; an exception in any
    step skips the text with a warning naming it."""
    timer = StageTimer()
    try:
        _inject_fault(corpus_file.source, in_worker)
        outcome = process_corpus_file(corpus_file, options, timer)
    except Exception as error:
        outcome = internal_error(corpus_file.source, error)
    if isinstance(outcome, SkippedText):
        return Prepared(outcome, (), dict(timer.seconds))
    conversions = []
    for builder in builders:
        started = time.perf_counter()
        try:
            conversions.append(builder.convert(outcome))
        except Exception as error:
            where = f" in the {builder.edition.prefix} edition"
            return Prepared(internal_error(corpus_file.source, error, where), (), {})
        timer.add("opencc", started)
    return Prepared(outcome, tuple(conversions), dict(timer.seconds))


def _inject_fault(source: str, in_worker: bool) -> None:
    faults = dict(
        reversed(fault.partition(":")[::2])
        for fault in os.environ.get(FAULT_VARIABLE, "").split(",")
    )
    kind = faults.get(source)
    if kind == "raise":
        raise RuntimeError("fault injected by a test")
    if kind == "exit" and in_worker:
        os._exit(70)
    if kind == "sleep" and in_worker:
        time.sleep(120)


class TextPool:
    """Prepares the texts of one build with ``workers`` processes (1: in this process)."""

    def __init__(
        self,
        workers: int,
        options: Options,
        builders: Sequence[EditionBuilder],
    ) -> None:
        self.workers = max(1, workers)
        self.options = options
        self.builders = tuple(builders)
        self.diagnostics: list[Diagnostic] = []  # about the pool itself (a worker died)
        self.used_workers = 0  # how many worker processes the last scan started
        self._executor: ProcessPoolExecutor | None = None

    def prepare(
        self, files: Sequence[CorpusFile], timer: StageTimer
    ) -> Iterator[Document | SkippedText]:
        """The outcome of every file, in order; their conversions remembered by the builders."""
        try:
            if self.workers == 1 or len(files) < PARALLEL_FROM:
                for corpus_file in files:
                    yield self._take(prepare_text(corpus_file, self.options, self.builders), timer)
            else:
                yield from self._in_workers(files, timer)
        finally:
            self.close()

    def _in_workers(
        self, files: Sequence[CorpusFile], timer: StageTimer
    ) -> Iterator[Document | SkippedText]:
        batches = [files[start : start + BATCH] for start in range(0, len(files), BATCH)]
        executor = self._start()
        pending: deque[tuple[Sequence[CorpusFile], Future[list[Prepared]]]] = deque()
        submitted = 0
        broken = False
        while pending or submitted < len(batches):
            while not broken and submitted < len(batches) and len(pending) < self.workers * AHEAD:
                try:
                    future = executor.submit(_prepare_batch, batches[submitted])
                except BrokenProcessPool:
                    broken = True
                    break
                pending.append((batches[submitted], future))
                submitted += 1
            if pending:
                batch, future = pending.popleft()
                results = self._results(batch, future, pending)
            else:  # the pool broke: the rest in this process
                batch, submitted = batches[submitted], submitted + 1
                results = [prepare_text(f, self.options, self.builders) for f in batch]
            broken = broken or self._executor is None
            for prepared in results:
                yield self._take(prepared, timer)

    def _results(
        self,
        batch: Sequence[CorpusFile],
        future: Future[list[Prepared]],
        pending: deque[tuple[Sequence[CorpusFile], Future[list[Prepared]]]],
    ) -> list[Prepared]:
        if self._executor is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                self._report_crash([batch, *(b for b, _ in pending)])
                self.close()
            except Exception as error:  # the task failed (a result that cannot be pickled)
                where = " in a worker process"
                return [Prepared(internal_error(f.source, error, where)) for f in batch]
        return [prepare_text(f, self.options, self.builders) for f in batch]

    def _report_crash(self, batches: list[Sequence[CorpusFile]]) -> None:
        names = [f.source for batch in batches for f in batch]
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        message = (
            "a worker process stopped unexpectedly (killed, or out of memory?) while it had "
            f"one of these texts: {shown}; they and the rest are processed in the build process"
        )
        self.diagnostics.append(Diagnostic("warning", names[0], message))

    def _take(self, prepared: Prepared, timer: StageTimer) -> Document | SkippedText:
        for stage, seconds in prepared.seconds.items():
            timer.seconds[stage] += seconds
        outcome = prepared.outcome
        if isinstance(outcome, Document):
            for builder, (converted, leftovers) in zip(
                self.builders, prepared.conversions, strict=True
            ):
                builder.remember(outcome, converted, leftovers)
        return outcome

    def _start(self) -> ProcessPoolExecutor:
        editions = tuple((b.edition, b.config_dir) for b in self.builders)
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers,
            # spawn: a fresh interpreter, safe beside `mkdocs serve`'s threads (fork is not)
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.options, editions),
        )
        self.used_workers = self.workers
        return self._executor

    def close(self) -> None:
        """Stop the workers now (queued texts are dropped); nothing is left running."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # a worker busy with a long text would finish it first
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()
        executor.shutdown(wait=True)


# --- in a worker process ---------------------------------------------------------------

_options = Options()
_builders: tuple[EditionBuilder, ...] = ()


def _start_worker(options: Options, editions: tuple[tuple[Edition, Path], ...]) -> None:
    global _options, _builders
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _options = options
    _builders = tuple(EditionBuilder(edition, config_dir) for edition, config_dir in editions)


def _prepare_batch(files: Sequence[CorpusFile]) -> list[Prepared]:
    return [prepare_text(f, _options, _builders, in_worker=True) for f in files]
