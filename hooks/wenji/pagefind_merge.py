"""The parts of an edition's Pagefind bundle joined into one bundle at build time.

A query in a bundle of *n* parts loads every part's metadata and, per query character, one
index chunk of every part (issue 9: 26 parts at 10,000 texts, 1.48 MB for 敢为). One bundle
needs about one chunk per character. Pagefind 1.5.2's files (``pagefind/src/index/`` and
``pagefind_web/src/`` of Pagefind/pagefind at v1.5.2):

* ``pagefind.<hash>.pf_meta`` and ``index/<hash>.pf_index``: gzip of ``pagefind_dcd``
  followed by CBOR (minicbor, structs as definite arrays). Metadata:
  ``[version, [[page hash, word count] …], [[from, to, chunk hash] …], filters, sorts,
  meta fields]``; a chunk: ``[[[word, pages, variants] …]]`` with words sorted by code
  point, a page ``[page number, locations, meta locations]`` where the page number is the
  difference to the word's previous page, and a variant ``[form, pages]``;
* ``fragment/<hash>.pf_fragment``: one page, named by its hash, kept as they are;
* ``pagefind-entry.json``: per language the metadata's hash and the page count.

:func:`merge_parts` streams: the parts' chunks are read in word order, one chunk per part
at a time (a k-way merge), a word's pages from part *k* are offset by the pages of the
parts before it, and new chunks are cut as Pagefind cuts them (20,000 locations, or
``$WENJI_SEARCH_CHUNK_SIZE``), so
memory holds a few chunks, never an edition's postings. Meta locations name a field by
its place in the metadata's field list, so they are renumbered into the joined list.
Filters and sorts (wenji writes none) are refused: the caller keeps the parts then.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import itertools
import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import cbor2
except ImportError:  # an environment not updated to requirements.txt: the parts stay
    cbor2 = None

__all__ = ["MergeError", "merge_parts"]

SIGNATURE = b"pagefind_dcd"
CHUNK_SIZE = 20_000  # Pagefind's default index chunk size, in locations plus one per page
CHUNK_SIZE_VARIABLE = "WENJI_SEARCH_CHUNK_SIZE"  # another size, for tests of many chunks
ENTRY = "pagefind-entry.json"

Page = list[Any]  # [page number minus the one before, locations, meta locations]
Run = tuple[list[Page], int, int]  # a part's pages of a word; its first and last page number
Word = tuple[str, list[Run], list[tuple[str, list[Run]]]]


class MergeError(Exception):
    """Why the parts could not be joined (the bundle keeps its parts then)."""


@dataclass
class _Part:
    folder: Path
    language: str
    meta: list[Any]
    offset: int = 0
    fields: tuple[int, ...] = ()  # field id in this part -> field id in the joined list


def read_pagefind(path: Path) -> Any:
    """The CBOR value of a gzipped Pagefind file (``pf_meta``, ``pf_index``)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise MergeError(f"{path.name}: no Pagefind signature")
    return cbor2.loads(data[len(SIGNATURE) :])


def _full_hash(data: bytes) -> str:
    # Pagefind's spelling of a SHA-1: each byte in hex without a leading zero.
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def _open_part(folder: Path) -> _Part:
    try:
        entry = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
        languages = entry["languages"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise MergeError(f"{folder / ENTRY}: {error}") from None
    if len(languages) != 1:
        raise MergeError(f"{folder.name}: {len(languages)} languages in one part")
    ((language, about),) = languages.items()
    meta = read_pagefind(folder / f"pagefind.{about['hash']}.pf_meta")
    if not isinstance(meta, list) or len(meta) < 5:
        raise MergeError(f"{folder.name}: metadata of an unknown shape")
    if meta[3] or meta[4]:
        raise MergeError(f"{folder.name}: filters or sorts, which the merge does not join")
    if len(meta) < 6:
        meta.append([])
    return _Part(folder, language, meta)


def _run(pages: list[Page], part: _Part) -> Run:
    """A word's pages in a part as Pagefind wrote them (each page number the difference to
    the one before), with the part's first and last page numbers in the joined bundle;
    meta fields renumbered if the part's field list differs from the joined one."""
    fields, renumber = part.fields, part.fields != tuple(range(len(part.fields)))
    for page in pages:
        if len(page) < 3:
            page.append([])
        elif renumber and page[2]:
            page[2] = [-fields[-loc - 1] - 1 if loc < 0 else loc for loc in page[2]]
    first = part.offset + pages[0][0] if pages else 0
    return pages, first, part.offset + sum(page[0] for page in pages)


def _words(part: _Part) -> Iterator[Word]:
    """A part's words in order, one chunk in memory at a time."""
    for chunk in part.meta[2]:
        index = read_pagefind(part.folder / "index" / f"{chunk[2]}.pf_index")
        for word in index[0]:
            variants = word[2] if len(word) > 2 else []
            yield (
                word[0],
                [_run(word[1], part)],
                [(form, [_run(pages, part)]) for form, pages in variants],
            )


def _keyed(part: _Part, number: int) -> Iterator[tuple[str, int, Word]]:
    """A part's words keyed for the merge: a word of several parts comes in part order."""
    for word in _words(part):
        yield word[0], number, word


def _spliced(runs: list[Run]) -> list[Page]:
    """Runs of later parts after earlier ones: only each run's first page number changes
    (its difference is now to the last page of the run before)."""
    out: list[Page] = []
    last = 0
    for pages, first, end in runs:
        if pages:
            pages[0][0] = first - last
            out.extend(pages)
            last = end
    return out


def _joined(parts: list[_Part]) -> Iterator[Word]:
    """Every word once, in code-point order (Rust's and Python's string order agree), its
    pages from all parts in page order."""
    streams = [_keyed(part, number) for number, part in enumerate(parts)]
    for text, group in itertools.groupby(heapq.merge(*streams), key=lambda item: item[0]):
        runs: list[Run] = []
        variants: dict[str, list[Run]] = {}
        for _, _, word in group:
            runs.extend(word[1])
            for form, more in word[2]:
                variants.setdefault(form, []).extend(more)
        yield text, runs, list(variants.items())


def _prefixes(a: str, b: str) -> tuple[str, str]:
    same = itertools.takewhile(lambda pair: pair[0] == pair[1], zip(b, a, strict=False))
    common = sum(1 for _ in same)
    return a[: common + 1], b[: common + 1]


def _short(language: str, data: bytes, taken: set[str]) -> str:
    """Pagefind's name for content: language, ``_``, seven hex digits, longer on a clash."""
    full = f"{language}_{_full_hash(data)}"
    length = len(language) + 8
    while full[:length] in taken and length < len(full):
        length += 1
    taken.add(full[:length])
    return full[:length]


def _write_chunks(parts: list[_Part], out: Path, language: str) -> list[list[str]]:
    """The joined index chunks written into ``out/index``; their metadata rows."""
    rows: list[list[str]] = []
    taken: set[str] = set()
    chunk: list[Word] = []
    size = 0
    value = os.environ.get(CHUNK_SIZE_VARIABLE, "")
    limit = int(value) if value.isdigit() and int(value) > 0 else CHUNK_SIZE

    def flush() -> None:
        words = [
            [text, _spliced(runs), [[form, _spliced(more)] for form, more in variants]]
            for text, runs, variants in chunk
        ]
        data = cbor2.dumps([words])
        name = _short(language, data, taken)
        _write_pagefind_bytes(out / "index" / f"{name}.pf_index", data)
        rows.append([chunk[0][0], chunk[-1][0], name])

    for word in _joined(parts):
        size += sum(len(page[1]) + len(page[2]) + 1 for run in word[1] for page in run[0])
        chunk.append(word)
        if size >= limit:
            flush()
            chunk, size = [], 0
    if chunk:
        flush()
    for first, second in itertools.pairwise(rows):  # Pagefind's chunk_meta
        to, start = _prefixes(first[1], second[0])
        if to >= first[0]:
            first[1] = to
        second[0] = start
    return rows


def _write_pagefind_bytes(path: Path, data: bytes) -> None:
    # Level 6, not Pagefind's 9: a third less time, 0.6 % larger chunks (1,000 texts).
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=6, mtime=0))


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _fragments(parts: list[_Part], out: Path) -> list[list[Any]]:
    """Every part's fragments in ``out/fragment``; the joined page rows of the metadata.
    Two parts may name different pages alike (seven hex digits): the later is renamed."""
    (out / "fragment").mkdir(parents=True)
    rows: list[list[Any]] = []
    for number, part in enumerate(parts):
        for name, word_count in part.meta[1]:
            source = part.folder / "fragment" / f"{name}.pf_fragment"
            target = out / "fragment" / f"{name}.pf_fragment"
            if target.exists() and target.read_bytes() != source.read_bytes():
                name = f"{name}_p{number}"
                target = out / "fragment" / f"{name}.pf_fragment"
            if not target.exists():
                _link(source, target)
            rows.append([name, word_count])
    return rows


def merge_parts(folders: list[Path], out: Path) -> int:
    """Join the Pagefind bundles ``folders`` (parts of one edition, in page order; the
    first holds the script, worker and WebAssembly) into one bundle at ``out``, which must
    not exist. The parts are only read. Returns the pages. Raises :class:`MergeError`."""
    if cbor2 is None:
        raise MergeError("cbor2 is not installed (requirements.txt)")
    parts = [_open_part(folder) for folder in folders]
    language = parts[0].language
    if any(part.language != language for part in parts):
        raise MergeError("parts of one edition in different languages")
    fields = sorted({field for part in parts for field in part.meta[5]})
    offset = 0
    for part in parts:
        part.offset = offset
        part.fields = tuple(fields.index(field) for field in part.meta[5])
        offset += len(part.meta[1])
    out.mkdir(parents=True)
    for path in folders[0].iterdir():  # script, worker, WebAssembly; never a JSON file
        if path.is_file() and path.suffix not in (".pf_meta", ".json"):
            _link(path, out / path.name)
    pages = _fragments(parts, out)
    chunks = _write_chunks(parts, out, language)
    meta = [parts[0].meta[0], pages, chunks, [], [], fields]
    data = cbor2.dumps(meta)
    name = f"{language}_{_full_hash(data)[: len(language) + 8]}"
    _write_pagefind_bytes(out / f"pagefind.{name}.pf_meta", data)
    entry = json.loads((folders[0] / ENTRY).read_text(encoding="utf-8"))
    entry["languages"][language].update(hash=name, page_count=len(pages))
    (out / ENTRY).write_text(json.dumps(entry, separators=(",", ":")), encoding="utf-8")
    return len(pages)


def main(arguments: list[str]) -> int:
    """``python -m wenji.pagefind_merge OUT PART …``: :func:`merge_parts` in a process of
    its own (the indexer joins editions side by side); why it failed on stderr."""
    out, *folders = map(Path, arguments)
    try:
        merge_parts(folders, out)
    except (MergeError, OSError, ValueError, KeyError, TypeError, IndexError) as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
