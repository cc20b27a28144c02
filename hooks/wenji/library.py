"""The library: every text of a corpus processed, cached, ordered and grouped in folders.

This is what the MkDocs adapter asks for on each build. Results are cached by file size
and modification time, so ``mkdocs serve`` re-processes only the texts that changed.
"""

from __future__ import annotations

import html
import posixpath
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .addresses import AddressBook, assign, dest_uri
from .corpus import CorpusFile, discover
from .model import Diagnostic, Document
from .pipeline import Options, SkippedText, StageTimer, process
from .render import markdown_text, speaker_key


@dataclass(frozen=True)
class Text:
    """A published text: where it lives and what it says."""

    file: CorpusFile
    document: Document

    @property
    def sort_key(self) -> tuple[str, str, str]:
        # Dated texts first, newest last within equal dates by title; undated after.
        date = self.document.metadata.date
        return ("0" + date if date else "1", self.document.title, self.file.page_uri)


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Wording:
    """How a script edition writes what the library lists: ``name`` for the names the
    curator wrote (folder titles), ``document`` for a text (its title, date, speaker).
    The default writes everything as it is (the primary script)."""

    name: Callable[[str], str] = _same
    document: Callable[[Document], Document] = _same


@dataclass
class Folder:
    """A folder of the corpus: a nav section with an index page."""

    path: str  # "" for the corpus root
    title: str
    texts: list[Text] = field(default_factory=list)
    folders: list[Folder] = field(default_factory=list)

    @property
    def index_uri(self) -> str:
        return f"{self.path}/index.md" if self.path else "index.md"


@dataclass
class Scan:
    """The outcome of one scan of the corpus."""

    texts: list[Text]
    root: Folder
    diagnostics: list[Diagnostic]
    timer: StageTimer
    processed: int  # texts processed anew (not from the cache)


@dataclass
class Library:
    """Processes a corpus folder; keeps results between builds of one process."""

    options: Options = Options()
    _cache: dict[Path, tuple[int, int, Document | SkippedText]] = field(default_factory=dict)

    def scan(
        self,
        corpus_dir: Path,
        folder_titles: Mapping[str, str] | None = None,
        progress: Callable[[int, int], None] | None = None,
        addresses: AddressBook | None = None,
        prepare: Preparer | None = None,
    ) -> Scan:
        """Discover, process (or take from the cache) and group the texts of ``corpus_dir``;
        with ``addresses``, only texts whose every output address is free (see
        :func:`wenji.addresses.assign`). ``prepare`` processes the texts the cache does not
        hold (default: :func:`process_corpus_file`, one after the other; see
        :mod:`wenji.parallel`)."""
        files, diagnostics = discover(corpus_dir)
        if addresses is not None:
            files, refused = assign(files, addresses)
            diagnostics.extend(refused)
        timer = StageTimer()
        texts: list[Text] = []
        processed = 0
        stats = [(corpus_file, _stat(corpus_file)) for corpus_file in files]
        missing = [f for f, stat in stats if isinstance(stat, tuple) and not self._cached(f, stat)]
        if prepare is None:
            outcomes = (process_corpus_file(f, self.options, timer) for f in missing)
        else:
            outcomes = prepare(missing, timer)
        try:
            for number, (corpus_file, stat) in enumerate(stats, 1):
                outcome, fresh = self._outcome(corpus_file, stat, outcomes)
                processed += fresh
                if isinstance(outcome, SkippedText):
                    diagnostics.append(outcome.diagnostic)
                else:
                    texts.append(Text(corpus_file, outcome))
                    diagnostics.extend(outcome.diagnostics if fresh else ())
                if progress is not None:
                    progress(number, len(files))
        finally:
            if isinstance(outcomes, Generator):  # a pool's: its workers stop now
                outcomes.close()
        alive = {f.path for f in files}
        for stale in [p for p in self._cache if p not in alive]:
            del self._cache[stale]
        root = group_folders(texts, folder_titles or {})
        return Scan(texts, root, diagnostics, timer, processed)

    def _cached(
        self, corpus_file: CorpusFile, stat: tuple[int, int]
    ) -> Document | SkippedText | None:
        cached = self._cache.get(corpus_file.path)
        return cached[2] if cached and cached[:2] == stat else None

    def _outcome(
        self,
        corpus_file: CorpusFile,
        stat: tuple[int, int] | SkippedText,
        outcomes: Iterator[Document | SkippedText],
    ) -> tuple[Document | SkippedText, bool]:
        """The text's outcome (from the cache, else the next of ``outcomes``), and whether
        it is fresh."""
        if isinstance(stat, SkippedText):
            return stat, True
        cached = self._cached(corpus_file, stat)
        if cached is not None:
            return cached, False
        outcome = next(outcomes)
        self._cache[corpus_file.path] = (*stat, outcome)
        return outcome, True


Preparer = Callable[[Sequence[CorpusFile], StageTimer], Iterator["Document | SkippedText"]]
"""Processes corpus files, yielding their outcomes in the same order."""


def _stat(corpus_file: CorpusFile) -> tuple[int, int] | SkippedText:
    try:
        stat = corpus_file.path.stat(follow_symlinks=False)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        message = f"skipped: cannot read ({reason})"
        return SkippedText(Diagnostic("warning", corpus_file.source, message))
    return stat.st_mtime_ns, stat.st_size


def process_corpus_file(
    corpus_file: CorpusFile, options: Options, timer: StageTimer
) -> Document | SkippedText:
    """One text through the pipeline; whatever goes wrong becomes a :class:`SkippedText`
    naming the file (a bug of ours must not cost the curator the build)."""
    started = time.perf_counter()
    try:
        outcome: Document | SkippedText = process(
            corpus_file.read_bytes(), corpus_file.source, options, timer
        )
    except SkippedText as skipped:
        outcome = skipped
    except OSError as error:
        reason = error.strerror or type(error).__name__
        outcome = SkippedText(
            Diagnostic("warning", corpus_file.source, f"skipped: cannot read ({reason})")
        )
    except Exception as error:
        outcome = internal_error(corpus_file.source, error)
    timer.seconds["total"] += time.perf_counter() - started
    return outcome


def internal_error(source: str, error: BaseException, where: str = "") -> SkippedText:
    """A text skipped because of a bug of ours (``where``: in which step)."""
    message = (
        f"skipped: internal error{where} {type(error).__name__}: {error} "
        "(please report this with the file)"
    )
    return SkippedText(Diagnostic("warning", source, message))


def folder_title(path: str, folder_titles: Mapping[str, str], name: str | None = None) -> str:
    """``folder_titles[path]``, else the folder's name as written (``name``, else the last
    part of ``path``) with ``-`` and ``_`` read as spaces."""
    if path in folder_titles:
        return folder_titles[path]
    name = name or PurePosixPath(path).name
    return name.replace("-", " ").replace("_", " ")


def group_folders(texts: list[Text], folder_titles: Mapping[str, str]) -> Folder:
    """Arrange texts in their folders, each folder's texts in reading order."""
    root = Folder("", folder_titles.get("", ""))
    folders: dict[str, Folder] = {"": root}
    names: dict[str, str] = {}  # folder address → its name as written in the corpus
    for text in texts:
        written = PurePosixPath(text.file.source).parent.parts
        address = PurePosixPath(text.file.page_uri).parent.parts
        for depth in range(1, len(address) + 1):
            names.setdefault("/".join(address[:depth]), written[depth - 1])

    def folder_for(path: str) -> Folder:
        if path not in folders:
            parent_path = PurePosixPath(path).parent.as_posix()
            parent = folder_for("" if parent_path == "." else parent_path)
            folders[path] = Folder(path, folder_title(path, folder_titles, names.get(path)))
            parent.folders.append(folders[path])
        return folders[path]

    for text in texts:
        folder_for(text.file.folder).texts.append(text)
    for folder in folders.values():
        folder.texts.sort(key=lambda t: t.sort_key)
        folder.folders.sort(key=lambda f: f.path)
    return root


def relative_link(from_uri: str, to_uri: str) -> str:
    """Link from the page built from ``from_uri`` to the page of ``to_uri`` (directory URLs)."""

    def page_dir(uri: str) -> PurePosixPath:
        path = PurePosixPath(uri)
        return path.parent if path.name == "index.md" else path.with_suffix("")

    source, target = page_dir(from_uri), page_dir(to_uri)
    common = 0
    for a, b in zip(source.parts, target.parts, strict=False):
        if a != b:
            break
        common += 1
    up = [".."] * (len(source.parts) - common)
    rest = list(target.parts[common:])
    return "/".join(up + rest) + "/" if up or rest else "./"


def raw_text_link(page_uri: str, raw_uri: str, use_directory_urls: bool = True) -> str:
    """Link from the page built from ``page_uri`` to the published raw text ``raw_uri``."""
    page_dir = posixpath.dirname(dest_uri(page_uri, use_directory_urls))
    return posixpath.relpath(raw_uri, page_dir or ".")


def folder_index_markdown(
    folder: Folder, labels: Mapping[str, str], wording: Wording = Wording()
) -> str:
    """The index page of a folder: its subfolders and a table of its texts."""
    parts = [f"# {markdown_text(wording.name(folder.title))}"]
    if folder.folders:
        parts.append(folder_list_html(folder.folders, folder.index_uri, wording))
    if folder.texts:
        parts.append(text_table_html(folder.texts, folder.index_uri, labels, wording))
    return "\n\n".join(parts) + "\n"


def library_overview_html(
    root: Folder,
    labels: Mapping[str, str],
    from_uri: str,
    latest: int = 10,
    wording: Wording = Wording(),
) -> str:
    """For the home page: every top folder with its count, and the latest dated texts.

    Its size depends on ``latest``, not on the size of the corpus.
    """
    parts = []
    if root.folders:
        parts.append(folder_list_html(root.folders, from_uri, wording))
    dated = sorted(
        (text for text in _all_texts(root) if text.document.metadata.date),
        key=lambda text: (text.document.metadata.date, text.document.title),
        reverse=True,
    )
    if dated and latest > 0:
        parts.append(text_table_html(dated[:latest], from_uri, labels, wording))
    return "\n\n".join(parts)


def folder_list_html(folders: list[Folder], from_uri: str, wording: Wording = Wording()) -> str:
    items = [
        f'<li><a href="{html.escape(relative_link(from_uri, sub.index_uri))}">'
        f"{html.escape(wording.name(sub.title))}</a> "
        f'<span class="wenji-count">{_count(sub)}</span></li>'
        for sub in folders
    ]
    return '<ul class="wenji-folders">\n' + "\n".join(items) + "\n</ul>"


def text_table_html(
    texts: list[Text], from_uri: str, labels: Mapping[str, str], wording: Wording = Wording()
) -> str:
    """A table of texts (title, date, speaker); one raw HTML block, text escaped.

    The third column is 发布机关 when every text names a body as its speaker, 讲话人 when
    none does, both when the folder mixes them."""
    metadata = [wording.document(text.document).metadata for text in texts]
    keys = {speaker_key(meta) for meta in metadata if meta.speaker} or {"speaker"}
    speaker = "／".join(labels[key] for key in ("speaker", "issuer") if key in keys)
    head = "".join(f"<th>{html.escape(label)}</th>" for label in (labels["title"], labels["date"]))
    head += f"<th>{html.escape(speaker)}</th>"
    rows = []
    for text, meta in zip(texts, metadata, strict=True):
        href = html.escape(relative_link(from_uri, text.file.page_uri))
        rows.append(
            f'<tr><td><a href="{href}">{html.escape(meta.title)}</a></td>'
            f"<td>{html.escape(meta.date)}</td><td>{html.escape(meta.speaker)}</td></tr>"
        )
    return (
        f'<table class="wenji-texts"><thead><tr>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


def _all_texts(folder: Folder) -> list[Text]:
    return folder.texts + [text for sub in folder.folders for text in _all_texts(sub)]


def _count(folder: Folder) -> int:
    return len(folder.texts) + sum(_count(sub) for sub in folder.folders)
