"""Discovery: which files of the corpus folder become pages, and at which addresses.

Only regular files inside the corpus folder are ever read. Symbolic links (to files or
folders, inside or outside), FIFOs, devices and sockets are named in a warning and never
opened; so are names that are not UTF-8 or hold control characters. Reading re-checks
this on the open file (:func:`read_corpus_bytes`), so a file swapped for a link between
discovery and reading is not read either.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .model import Diagnostic

_UNSAFE = re.compile(r"[^\w.\-]+")
_KEPT_QUIETLY = (".yml", ".yaml", ".md")  # curator's notes and configuration beside texts
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_DIRECTORY", 0)
_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


class NotARegularFile(OSError):
    """A corpus path that is not a regular file inside the corpus folder."""


@dataclass(frozen=True)
class CorpusFile:
    """A ``.txt`` below the corpus folder.

    ``source`` is its path relative to the corpus folder as written (used in messages);
    ``page_uri`` the Markdown path MkDocs sees (``folder/name.md``), made URL-safe;
    ``root`` the corpus folder it was found in.
    """

    path: Path
    source: str
    page_uri: str
    root: Path | None = None

    @property
    def folder(self) -> str:
        parent = PurePosixPath(self.page_uri).parent.as_posix()
        return "" if parent == "." else parent

    @property
    def raw_uri(self) -> str:
        return self.page_uri[: -len(".md")] + ".txt"

    def read_bytes(self) -> bytes:
        """The file's bytes; :class:`NotARegularFile` unless it is a regular file inside
        the corpus folder (no link anywhere on the way)."""
        if self.root is None:
            return read_corpus_bytes(self.path.parent, (self.path.name,))
        return read_corpus_bytes(self.root, PurePosixPath(self.source).parts)


def read_corpus_bytes(root: Path, parts: tuple[str, ...]) -> bytes:
    """Read ``root/parts…`` without following a link in any part, or reading a non-file.

    Each folder is opened relative to the one before with ``O_NOFOLLOW``; the file itself
    with ``O_NONBLOCK`` too (a FIFO does not block) and checked with ``fstat`` before a
    byte is read.
    """
    if os.open not in os.supports_dir_fd:  # pragma: no cover (Windows)
        path = root.joinpath(*parts)
        if path.is_symlink() or not path.is_file():
            raise NotARegularFile(errno.EINVAL, "not a regular file")
        return path.read_bytes()
    opened: list[int] = []
    try:
        folder = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        opened.append(folder)
        for part in parts[:-1]:
            folder = os.open(part, _DIR_FLAGS, dir_fd=folder)
            opened.append(folder)
        descriptor = os.open(parts[-1], _OPEN_FLAGS, dir_fd=folder)
        opened.append(descriptor)
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            raise NotARegularFile(errno.EINVAL, kind)
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise NotARegularFile(errno.ELOOP, "a symbolic link") from None
        raise
    finally:
        for descriptor in reversed(opened):
            os.close(descriptor)


def url_safe(name: str) -> str:
    """Spaces, ``#``, ``?``, ``%`` and other URL-hostile characters become ``-``.

    Letters of any script (Chinese file names), digits, ``_``, ``-`` and ``.`` stay.
    """
    return _UNSAFE.sub("-", name).strip("-.") or "text"


def shown(name: str) -> str:
    """``name`` safe to print: undecodable bytes as ``\\xNN``, control characters escaped."""
    raw = name.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char != "\u200d"
        else char
        for char in text
    )


def _name_problem(name: str) -> str | None:
    """Why a file or folder name cannot be published, or ``None``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
        try:
            guess = raw.decode("gb18030")
        except UnicodeDecodeError:
            return "its name is not UTF-8; rename it"
        return f"its name is not UTF-8 (as GBK it reads '{guess}', from a Windows zip?); rename it"
    if any(unicodedata.category(char) == "Cc" for char in name):
        return "its name contains control characters; rename it"
    return None


def _walk(
    folder: str, parts: tuple[str, ...], diagnostics: list[Diagnostic]
) -> Iterator[tuple[str, ...]]:
    """Relative parts of every regular ``.txt`` below ``folder``, in name order."""
    where = "/".join(shown(p) for p in parts) or "."
    try:
        with os.scandir(folder) as scanner:
            entries = sorted(scanner, key=lambda entry: entry.name)
    except OSError as error:
        message = f"skipped this folder: cannot read it ({error.strerror or error})"
        diagnostics.append(Diagnostic("warning", where + "/", message))
        return
    for entry in entries:
        relative = (*parts, entry.name)
        source = "/".join(shown(p) for p in relative)
        is_txt = entry.name.lower().endswith(".txt")
        try:
            is_link = entry.is_symlink()
            is_dir = not is_link and entry.is_dir(follow_symlinks=False)
            is_file = not is_link and entry.is_file(follow_symlinks=False)
        except OSError as error:
            message = f"skipped: cannot read it ({error.strerror or error})"
            diagnostics.append(Diagnostic("warning", source, message))
            continue
        problem = _name_problem(entry.name)
        if problem and (is_dir or is_txt or is_link):
            what = "folder" if is_dir else "file"
            diagnostics.append(Diagnostic("warning", source, f"skipped {what}: {problem}"))
            continue
        if entry.name.startswith("."):
            if is_txt and not is_dir:
                message = "skipped: hidden file (its name starts with '.'); rename it to publish it"
                diagnostics.append(Diagnostic("warning", source, message))
            elif is_dir and entry.name not in (".git", ".github"):
                message = "skipped hidden folder (its name starts with '.')"
                diagnostics.append(Diagnostic("info", source + "/", message))
            continue
        if is_link:
            diagnostics.append(Diagnostic("warning", source, _link_message(entry.path)))
        elif is_dir:
            yield from _walk(entry.path, relative, diagnostics)
        elif not is_file:
            if is_txt:
                kind = _kind(entry)
                message = f"skipped: {kind}, not a regular file; it is never opened"
                diagnostics.append(Diagnostic("warning", source, message))
        elif is_txt:
            yield relative
        elif not entry.name.lower().endswith(_KEPT_QUIETLY):
            message = "ignored: only .txt files become pages"
            diagnostics.append(Diagnostic("info", source, message))


def _link_message(path: str) -> str:
    try:
        target = f" to {shown(os.readlink(path))}"
    except OSError:
        target = ""
    return f"skipped: a symbolic link{target}; only regular files inside the corpus folder are read"


def _kind(entry: os.DirEntry[str]) -> str:
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError:
        return "not a regular file"
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def discover(corpus_dir: Path) -> tuple[list[CorpusFile], list[Diagnostic]]:
    """Every regular ``*.txt`` below ``corpus_dir``, sorted by path; the rest is reported."""
    found: list[CorpusFile] = []
    diagnostics: list[Diagnostic] = []
    taken: dict[str, str] = {}
    if not corpus_dir.is_dir():
        message = "corpus folder not found; no texts were published"
        return [], [Diagnostic("warning", str(corpus_dir), message)]
    for relative in sorted(_walk(str(corpus_dir), (), diagnostics)):
        source = "/".join(relative)
        path = corpus_dir.joinpath(*relative)
        stem = relative[-1][: -len(".txt")]
        parts = [url_safe(part) for part in relative[:-1]]
        page_uri = "/".join([*parts, f"{url_safe(stem)}.md"])
        if page_uri != "/".join([*relative[:-1], f"{stem}.md"]):
            message = f"name is not URL-safe; published at '{page_uri[:-3]}/'"
            diagnostics.append(Diagnostic("info", source, message))
        if page_uri.lower() in taken:
            other = taken[page_uri.lower()]
            message = f"skipped: its address '{page_uri[:-3]}/' is already used by {other}"
            diagnostics.append(Diagnostic("warning", source, message))
            continue
        taken[page_uri.lower()] = source
        found.append(CorpusFile(path, source, page_uri, corpus_dir))
    return found, diagnostics
