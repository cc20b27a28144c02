"""MkDocs adapter: ``mkdocs serve`` keeps watching the corpus folder when it is deleted and
made again, and keeps the theme's compiled templates between rebuilds.

MkDocs watches each path of ``watch:`` with one watchdog watch, made once when the server
starts, and ignores events on folders. Watchdog's inotify emitter stops for good when the
folder it watches is deleted (``IN_DELETE_SELF``), so a corpus folder deleted and made again
(``git checkout`` of another branch, unpacking an archive, ``rm -r corpus && cp -r …``) was
never watched again: the preview silently stopped updating. Here the corpus folder is watched
(also when ``watch:`` does not list it), and so is its parent, without recursion: when the
corpus folder appears there again (made, or moved in), its watch is made anew and the site is
rebuilt.

Rebuilding uses two attributes of MkDocs' ``LiveReloadServer`` that are not public
(``_watched_paths``, ``_rebuild_cond`` with ``_want_rebuild``; MkDocs 1.6, pinned); without
them the watch is still renewed and the next edit rebuilds.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from watchdog.events import FileSystemEvent, FileSystemEventHandler

log = logging.getLogger("mkdocs.plugins.wenji")


def keep_watching(server: Any, folder: Path) -> None:
    """Watch ``folder`` with ``server`` (MkDocs' ``LiveReloadServer``), for good."""
    path = os.path.abspath(folder)
    if not os.path.isdir(path):
        log.warning("wenji: serve: the corpus folder %s does not exist; not watched", path)
        return
    server.watch(path)
    parent = os.path.dirname(path)
    server.observer.schedule(_Reappearance(server, path), parent, recursive=False)


class _Reappearance(FileSystemEventHandler):
    """Renews the watch of ``path`` when a folder appears at ``path``."""

    def __init__(self, server: Any, path: str) -> None:
        self.server = server
        self.path = path

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory or event.event_type not in ("created", "moved"):
            return
        target = event.dest_path if event.event_type == "moved" else event.src_path
        if os.path.abspath(os.fsdecode(target)) == self.path:
            log.info("wenji: serve: %s was made again; watching it again", self.path)
            _rewatch(self.server, self.path)


def _rewatch(server: Any, path: str) -> None:
    watched = getattr(server, "_watched_paths", {})
    count = max(watched.get(path, 0), 1)
    for _ in range(count):
        with contextlib.suppress(KeyError):  # MkDocs' count and watchdog's watch, if still there
            server.unwatch(path)
    for _ in range(count):
        server.watch(path)
    condition = getattr(server, "_rebuild_cond", None)
    if condition is not None and hasattr(server, "_want_rebuild"):
        with condition:
            server._want_rebuild = True
            condition.notify_all()


class TemplateCache(BytecodeCache):
    """The theme's templates compiled once per ``mkdocs serve``, not once per rebuild.

    MkDocs makes a new Jinja environment for every rebuild, which parses and compiles
    Material's 40-odd templates again: about half a second, most of a one-page rebuild of a
    1,000-text site (bench/README.md, serve --dirty). Jinja's bytecode cache keys each
    template by name and file and checks its source's checksum, so an edited template
    (``--watch-theme``) is compiled again.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()

    def __len__(self) -> int:
        return len(self._compiled)
