"""Discovery: which files of the corpus folder become pages, and at which addresses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .model import Diagnostic

_UNSAFE = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class CorpusFile:
    """A ``.txt`` below the corpus folder.

    ``source`` is its path relative to the corpus folder as written (used in messages);
    ``page_uri`` the Markdown path MkDocs sees (``folder/name.md``), made URL-safe.
    """

    path: Path
    source: str
    page_uri: str

    @property
    def folder(self) -> str:
        parent = PurePosixPath(self.page_uri).parent.as_posix()
        return "" if parent == "." else parent

    @property
    def raw_uri(self) -> str:
        return self.page_uri[: -len(".md")] + ".txt"


def url_safe(name: str) -> str:
    """Spaces, ``#``, ``?``, ``%`` and other URL-hostile characters become ``-``.

    Letters of any script (Chinese file names), digits, ``_``, ``-`` and ``.`` stay.
    """
    return _UNSAFE.sub("-", name).strip("-.") or "text"


def discover(corpus_dir: Path) -> tuple[list[CorpusFile], list[Diagnostic]]:
    """Every ``*.txt`` below ``corpus_dir``, sorted by path; other files are reported."""
    found: list[CorpusFile] = []
    diagnostics: list[Diagnostic] = []
    taken: dict[str, str] = {}
    if not corpus_dir.is_dir():
        message = "corpus folder not found; no texts were published"
        return [], [Diagnostic("warning", str(corpus_dir), message)]
    for path in sorted(corpus_dir.rglob("*")):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue
        source = relative.as_posix()
        if path.suffix.lower() != ".txt":
            if path.suffix.lower() not in (".yml", ".yaml", ".md"):
                message = "ignored: only .txt files become pages"
                diagnostics.append(Diagnostic("info", source, message))
            continue
        parts = [url_safe(part) for part in relative.parent.parts]
        stem = url_safe(path.stem)
        page_uri = "/".join([*parts, f"{stem}.md"])
        if page_uri != "/".join([*relative.parent.parts, f"{path.stem}.md"]):
            message = f"name is not URL-safe; published at '{page_uri[:-3]}/'"
            diagnostics.append(Diagnostic("info", source, message))
        if page_uri.lower() in taken:
            other = taken[page_uri.lower()]
            message = f"skipped: its address '{page_uri[:-3]}/' is already used by {other}"
            diagnostics.append(Diagnostic("warning", source, message))
            continue
        taken[page_uri.lower()] = source
        found.append(CorpusFile(path, source, page_uri))
    return found, diagnostics
