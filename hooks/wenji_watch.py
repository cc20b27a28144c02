"""MkDocs adapter: how ``mkdocs serve`` watches the corpus folder.

**Seen at once.** MkDocs watches with watchdog's polling observer: it compares a snapshot
of every watched file every 0.5 s, which works on every file system (also Docker and
network mounts, mkdocs/mkdocs#2477) but sees a save 0.25 s late on average; a one-page
rebuild of a 1,000-text site takes about as long (bench/README.md, serve --dirty). Where
the platform has a native observer (inotify, FSEvents, ReadDirectoryChangesW), the corpus
is also watched with it, and a save starts the rebuild at once. The polling watch stays, so
a file system that sends no native events is still watched; a change that the native
observer reported is not rebuilt a second time when the poll sees it (the native report
came after the file's last modification, within :data:`ECHO_SECONDS`).

**Polling paced by its cost.** A snapshot of 10,000 texts takes about 0.1 s, so polling
every 0.5 s keeps a fifth of a core busy for as long as the server runs, and at 50,000
texts the poll would never rest. The corpus is polled by an observer of its own
(:class:`PollPace`): never more than a tenth of a core, and once native events are known to
arrive from this file system, only every few seconds, as a safety net.

**Watched for good.** Watchdog's observers stop watching a folder for good when it is
deleted (``IN_DELETE_SELF``), so a corpus folder deleted and made again (``git checkout``
of another branch, unpacking an archive, ``rm -r corpus && cp -r …``) was never watched
again: the preview silently stopped updating. The corpus folder's parent is watched too,
without recursion: when the corpus folder appears there again (made, or moved in), its
watches are made anew and the site is rebuilt.

This uses attributes of MkDocs' ``LiveReloadServer`` that are not public
(``_watched_paths``, ``_rebuild_cond`` with ``_want_rebuild``; MkDocs 1.6, pinned).
Without them the corpus is watched by MkDocs' own polling watch alone.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingEmitter, PollingObserver

log = logging.getLogger("mkdocs.plugins.wenji")

# A change the native observer reported is an echo when the poll reports it this soon after.
ECHO_SECONDS = 10.0
# How long the native observer may take to report a change after the poll saw it.
NATIVE_GRACE = 2.0
# What changes a text; native observers also report files opened and closed (by the build).
CHANGES = frozenset({"created", "deleted", "modified", "moved"})


class Report(NamedTuple):
    """When the native observer last reported a file."""

    seen: float  # time.monotonic()
    at_ns: int  # time.time_ns(), to compare with the file's modification time
    gone: bool = False  # the file did not exist then


class PollPace:
    """How often the corpus is polled: every :attr:`FASTEST` seconds, or less often when a
    snapshot costs more than :attr:`SHARE` of a core; while native events arrive and have
    missed no change, every :attr:`SAFETY_NET` seconds (or :attr:`SHARE_WITH_NATIVE` of a
    core). A change that only the poll saw (a folder inotify could not watch, past
    ``fs.inotify.max_user_watches``) brings back the fast pace for good."""

    FASTEST = 0.5  # MkDocs' own interval
    SHARE = 0.10
    SAFETY_NET = 5.0
    SHARE_WITH_NATIVE = 0.02

    def __init__(self) -> None:
        self.snapshot_seconds = 0.0
        self.native_events = False  # native events arrive from the corpus' file system
        self.native_missed = False  # … but the poll saw a change they did not report

    @property
    def trusts_native(self) -> bool:
        return self.native_events and not self.native_missed

    @property
    def interval(self) -> float:
        if self.trusts_native:
            return max(self.SAFETY_NET, self.snapshot_seconds / self.SHARE_WITH_NATIVE)
        return max(self.FASTEST, self.snapshot_seconds / self.SHARE)


class PacedPollingEmitter(PollingEmitter):
    """Watchdog's polling emitter, waiting as long as its :class:`PollPace` says."""

    pace = PollPace()  # each watch sets its own

    @property
    def timeout(self) -> float:
        return self.pace.interval

    def queue_events(self, timeout: float) -> None:
        started = time.monotonic()
        super().queue_events(timeout)  # the wait, then a snapshot compared with the last
        self.pace.snapshot_seconds = max(0.0, time.monotonic() - started - timeout)


class CorpusWatch:
    """The corpus folder ``path`` watched for ``server`` (MkDocs' ``LiveReloadServer``)."""

    def __init__(self, server: Any, path: str) -> None:
        self.server = server
        self.path = os.path.abspath(path)
        self.pace = PollPace()
        self.polling: BaseObserver | None = None  # None: MkDocs' own polling watch
        self.native: BaseObserver | None = None
        self._reported: dict[str, Report] = {}  # the native observer's last report of a file
        self._lock = threading.Lock()

    def start(self) -> None:
        """Watch the corpus (polling, and natively where possible) and its parent."""
        if not os.path.isdir(self.path):
            log.warning("wenji: serve: the corpus folder %s does not exist; not watched", self.path)
            return
        watched = getattr(self.server, "_watched_paths", None)
        usable = isinstance(watched, dict) and hasattr(self.server, "_rebuild_cond")
        if not usable or self.path in watched:
            self.server.watch(self.path)  # MkDocs' own watch alone: each change rebuilt once
        else:
            watched[self.path] = 1  # MkDocs' `watch:` entry for the corpus only counts it
            self._watch()
        parent = os.path.dirname(self.path)
        self.server.observer.schedule(_Reappearance(self), parent, recursive=False)

    def stop(self) -> None:
        """Stop this watch's own observers (MkDocs stops its own)."""
        for observer in (self.polling, self.native):
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)
        self.polling = self.native = None

    def renew(self) -> None:
        """Watch the corpus folder again after it was made again, and rebuild."""
        log.info("wenji: serve: %s was made again; watching it again", self.path)
        if self.polling is not None:
            self.stop()
            self._watch()
        else:  # MkDocs' own watch, made again as many times as it was asked for
            count = max(getattr(self.server, "_watched_paths", {}).get(self.path, 0), 1)
            for _ in range(count):
                with contextlib.suppress(KeyError):
                    self.server.unwatch(self.path)
            for _ in range(count):
                self.server.watch(self.path)
        self._rebuild()

    # --- observers ----------------------------------------------------------------------

    def _watch(self) -> None:
        polling = BaseObserver(emitter_class=PacedPollingEmitter, timeout=PollPace.FASTEST)
        polling.schedule(_Handler(self._polled), self.path, recursive=True)
        for emitter in polling.emitters:
            emitter.pace = self.pace  # type: ignore[attr-defined]
        polling.start()
        self.polling = polling
        native = Observer()
        if isinstance(native, PollingObserver):  # no native observer on this platform
            return
        try:  # inotify adds its watches when the observer starts
            native.schedule(_Handler(self._reported_natively), self.path, recursive=True)
            native.start()
        except OSError as error:  # e.g. inotify's limit of watches (fs.inotify.max_user_watches)
            log.info("wenji: serve: %s is watched by polling only (%s)", self.path, error)
            with contextlib.suppress(RuntimeError):
                native.stop()
            return
        self.native = native
        _touch_one_text(self.path)  # inotify reports the read: native events do arrive

    # --- events -------------------------------------------------------------------------

    def _reported_natively(self, event: FileSystemEvent) -> None:
        self.pace.native_events = True
        if event.is_directory or event.event_type not in CHANGES:
            return
        report = Report(time.monotonic(), time.time_ns())
        with self._lock:
            for path in _paths(event):
                self._reported[path] = report._replace(gone=not os.path.lexists(path))
            self._forget_before(report.seen - ECHO_SECONDS)
        self._rebuild()

    def _polled(self, event: FileSystemEvent) -> None:
        if event.is_directory:  # as MkDocs' own handler
            return
        paths = list(_paths(event))
        if all(self._is_echo(path) for path in paths):
            return
        self._rebuild()
        if self.pace.trusts_native:  # did the native observer miss it, or is it just slower?
            timer = threading.Timer(NATIVE_GRACE, self._judge_miss, (paths,))
            timer.daemon = True
            timer.start()

    def _judge_miss(self, paths: list[str]) -> None:
        """A change the poll saw that the native observer has still not reported a grace
        period later: native events miss this part of the corpus, so the poll goes back to
        its fast pace."""
        if not all(self._is_echo(path) for path in paths):
            self.pace.native_missed = True
            message = "wenji: serve: %s changed without a native event; polling every %.1f s"
            log.info(message, paths[0], self.pace.interval)

    def _is_echo(self, path: str) -> bool:
        """Whether the native observer reported ``path`` lately, after its last change (so
        the rebuild it asked for reads the file as it is now), or gone if it is gone.

        Times, not file states, are compared: an editor truncates a file, then writes it,
        and the native event of the truncation may be handled before the write."""
        with self._lock:
            report = self._reported.get(path)
        if report is None or time.monotonic() - report.seen > ECHO_SECONDS:
            return False
        try:
            changed = os.stat(path).st_mtime_ns
        except OSError:
            return report.gone
        return not report.gone and report.at_ns >= changed

    def _forget_before(self, moment: float) -> None:
        for path in [p for p, report in self._reported.items() if report.seen < moment]:
            del self._reported[path]

    def _rebuild(self) -> None:
        """Ask MkDocs' server for a rebuild, as its own watch does."""
        condition = getattr(self.server, "_rebuild_cond", None)
        if condition is None:
            return
        with condition:
            self.server._want_rebuild = True
            condition.notify_all()


class _Handler(FileSystemEventHandler):
    def __init__(self, react: Callable[[FileSystemEvent], None]) -> None:
        self.react = react

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.react(event)


class _Reappearance(FileSystemEventHandler):
    """Renews the watches of the corpus when a folder appears at its path."""

    def __init__(self, watch: CorpusWatch) -> None:
        self.watch = watch

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory or event.event_type not in ("created", "moved"):
            return
        target = event.dest_path if event.event_type == "moved" else event.src_path
        if os.path.abspath(os.fsdecode(target)) == self.watch.path:
            self.watch.renew()


def _touch_one_text(folder: str, folders: int = 50) -> None:
    """Open and close the first regular file in ``folder`` or the first ``folders`` folders
    below it (nothing is read), so that a native observer that works on this file system
    reports it (inotify does; FSEvents reports no reads, and then the first save tells)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    for _, (top, _, names) in zip(range(folders), os.walk(folder), strict=False):
        for name in names:
            path = os.path.join(top, name)
            with contextlib.suppress(OSError):
                if not stat.S_ISREG(os.lstat(path).st_mode):  # never open a device or a FIFO
                    continue
                descriptor = os.open(path, flags)
                try:
                    if stat.S_ISREG(os.fstat(descriptor).st_mode):
                        return
                finally:
                    os.close(descriptor)


def _paths(event: FileSystemEvent) -> Iterator[str]:
    yield os.path.abspath(os.fsdecode(event.src_path))
    if event.event_type == "moved":
        yield os.path.abspath(os.fsdecode(event.dest_path))
