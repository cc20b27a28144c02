"""MkDocs adapter: how ``mkdocs serve`` watches the corpus folder.

**Seen at once.** MkDocs watches with watchdog's polling observer: it compares a snapshot
of every watched file every 0.5 s, which works on every file system (also Docker and
network mounts, mkdocs/mkdocs#2477) but sees a save 0.25 s late on average; a one-page
rebuild of a 1,000-text site takes about as long (bench/README.md, serve --dirty). Where
the platform has a native observer (inotify, FSEvents, ReadDirectoryChangesW), the corpus
is also watched with it, and a save starts the rebuild at once. The polling watch stays, so
a file system that sends no native events is still watched; a change that the native
observer reported is not rebuilt a second time when the poll sees it (same file, same
state on disk, within :data:`ECHO_SECONDS`).

**Watched for good.** Watchdog's observers stop watching a folder for good when it is
deleted (``IN_DELETE_SELF``), so a corpus folder deleted and made again (``git checkout``
of another branch, unpacking an archive, ``rm -r corpus && cp -r …``) was never watched
again: the preview silently stopped updating. The corpus folder's parent is watched too,
without recursion: when the corpus folder appears there again (made, or moved in), its
watches are made anew and the site is rebuilt.

This uses attributes of MkDocs' ``LiveReloadServer`` that are not public
(``_watched_paths``, ``_watch_refs``, ``_rebuild_cond`` with ``_want_rebuild``; MkDocs 1.6,
pinned). Without them the corpus is watched by MkDocs' own polling watch alone, as before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.wenji")

# A change the native observer reported is an echo when the poll reports it this soon after.
ECHO_SECONDS = 10.0
# What changes a text; native observers also report files opened and closed (by the build).
CHANGES = frozenset({"created", "deleted", "modified", "moved"})

FileState = tuple[int, int, int] | None  # inode, size, mtime in ns; None: no such file


class CorpusWatch:
    """The corpus folder ``path`` watched for ``server`` (MkDocs' ``LiveReloadServer``)."""

    def __init__(self, server: Any, path: str) -> None:
        self.server = server
        self.path = os.path.abspath(path)
        self.native: BaseObserver | None = None
        self._native_watch: Any = None
        self._own_polling = False  # the polling watch has this class's handler
        self._reported: dict[str, tuple[float, FileState]] = {}  # by the native observer
        self._lock = threading.Lock()

    def start(self) -> None:
        """Watch the corpus (polling, and natively where possible) and its parent."""
        if not os.path.isdir(self.path):
            log.warning("wenji: serve: the corpus folder %s does not exist; not watched", self.path)
            return
        self._own_polling = self._watch_polling()
        if self._own_polling:
            self._watch_natively()
        parent = os.path.dirname(self.path)
        self.server.observer.schedule(_Reappearance(self), parent, recursive=False)

    def stop(self) -> None:
        """Stop the native observer (MkDocs stops its own)."""
        native, self.native = self.native, None
        if native is not None:
            native.stop()
            native.join(timeout=5)

    def renew(self) -> None:
        """Watch the corpus folder again after it was made again, and rebuild."""
        log.info("wenji: serve: %s was made again; watching it again", self.path)
        server = self.server
        watched = getattr(server, "_watched_paths", {})
        count = max(watched.get(self.path, 0), 1)
        if self._own_polling:
            with contextlib.suppress(KeyError):  # gone with the folder
                server.observer.unschedule(server._watch_refs.pop(self.path))
            del watched[self.path]
            self._watch_polling()
            watched[self.path] = count
            self._watch_natively()
        else:  # MkDocs' own watch, made again as many times as it was asked for
            for _ in range(count):
                with contextlib.suppress(KeyError):
                    server.unwatch(self.path)
            for _ in range(count):
                server.watch(self.path)
        self._rebuild()

    # --- watches ------------------------------------------------------------------------

    def _watch_polling(self) -> bool:
        """The polling watch, with this class's handler when MkDocs' internals allow
        (then True), else with MkDocs' own (then False: no native watch, or every change
        would be rebuilt twice)."""
        server = self.server
        watched = getattr(server, "_watched_paths", None)
        refs = getattr(server, "_watch_refs", None)
        usable = isinstance(watched, dict) and isinstance(refs, dict)
        if not usable or not hasattr(server, "_rebuild_cond") or self.path in watched:
            server.watch(self.path)
            return False
        handler = _Handler(self._polled)
        refs[self.path] = server.observer.schedule(handler, self.path, recursive=True)
        watched[self.path] = 1  # MkDocs' `watch:` entry for the corpus only counts it
        return True

    def _watch_natively(self) -> None:
        if self.native is None:
            observer = Observer()
            if isinstance(observer, PollingObserver):  # no native observer on this platform
                return
            observer.start()
            self.native = observer
        elif self._native_watch is not None:
            with contextlib.suppress(KeyError):
                self.native.unschedule(self._native_watch)
        try:
            self._native_watch = self.native.schedule(
                _Handler(self._reported_natively), self.path, recursive=True
            )
        except OSError as error:  # e.g. inotify's limit of watches (fs.inotify.max_user_watches)
            self._native_watch = None
            log.info("wenji: serve: %s is watched by polling only (%s)", self.path, error)

    # --- events -------------------------------------------------------------------------

    def _reported_natively(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        now = time.monotonic()
        with self._lock:
            for path in _paths(event):
                self._reported[path] = (now, _state(path))
            self._forget_before(now - ECHO_SECONDS)
        self._rebuild()

    def _polled(self, event: FileSystemEvent) -> None:
        if event.is_directory:  # as MkDocs' own handler
            return
        now = time.monotonic()
        with self._lock:
            echo = all(self._is_echo(path, now) for path in _paths(event))
        if not echo:
            self._rebuild()

    def _is_echo(self, path: str, now: float) -> bool:
        """Whether the native observer reported ``path`` lately, in the state it is in now."""
        reported = self._reported.get(path)
        if reported is None or now - reported[0] > ECHO_SECONDS:
            return False
        return reported[1] == _state(path)

    def _forget_before(self, moment: float) -> None:
        for path in [p for p, (seen, _) in self._reported.items() if seen < moment]:
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


def _paths(event: FileSystemEvent) -> Iterator[str]:
    yield os.path.abspath(os.fsdecode(event.src_path))
    if event.event_type == "moved":
        yield os.path.abspath(os.fsdecode(event.dest_path))


def _state(path: str) -> FileState:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns
