"""Addresses: where the site writes, which folders it may not touch, and edit links.

Everything here is about paths and URLs, never about text: the folders a build may
write to (:func:`overlap_problem`), the address of each output claimed once
(:class:`AddressBook`) and the repository link of a text (:func:`edit_url`).
"""

from __future__ import annotations

import html
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from .corpus import CorpusFile
from .model import Diagnostic

# Top-level names the site itself writes, with what writes them. A corpus text or folder
# published there would be replaced (or deleted) by these, so it is refused.
RESERVED_FOLDERS = {
    "assets": "the theme's and wenji's assets",
    "search": "the search index",
    "pagefind": "the Pagefind search index",
}
RESERVED_FILES = {
    "404.html": "the page-not-found page",
    "sitemap.xml": "the sitemap",
    "sitemap.xml.gz": "the sitemap",
}
# Material's view button is the edit link with every "edit" (or "blob") replaced by "raw":
# in the file's own path these letters are percent-encoded so that only the repository
# part changes (``%65`` is "e", ``%62`` is "b"; servers decode them back).
_VIEW_SAFE = {"edit": "%65dit", "blob": "%62lob"}


def edit_url(base: str, source: str) -> str:
    """The repository link of corpus file ``source`` (its path below the corpus folder).

    ``base`` is the repository folder of the corpus (``…/edit/main/corpus/``). Every
    segment of ``source`` is percent-encoded (``#``, ``?``, spaces, quotes, ``<``); the
    result is safe inside an HTML attribute as it stands.
    """
    path = quote(source, safe="/")
    for word, encoded in _VIEW_SAFE.items():
        path = path.replace(word, encoded)
    return html.escape(base, quote=True) + path


def _inside(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def overlap_problem(site_dir: Path, corpus_dir: Path, docs_dir: Path) -> str | None:
    """Why the build may not write ``site_dir`` or read ``corpus_dir``, or ``None``.

    MkDocs empties ``site_dir`` before writing: if it is, contains or lies inside the
    corpus folder, texts are deleted; a corpus inside ``docs_dir`` (or the reverse) would
    publish every text twice under the same addresses.
    """
    site, corpus, docs = (Path(os.path.realpath(p)) for p in (site_dir, corpus_dir, docs_dir))
    if _inside(site, corpus) or _inside(corpus, site):
        relation = "is" if site == corpus else "is inside" if _inside(site, corpus) else "contains"
        return (
            f"site_dir {site_dir} {relation} the corpus folder {corpus_dir}: building would "
            "delete texts; choose a site_dir outside the corpus (the default is site/)"
        )
    if _inside(docs, corpus) or _inside(corpus, docs):
        return (
            f"extra.wenji.corpus_dir {corpus_dir} overlaps docs_dir {docs_dir}: keep the "
            "corpus folder and the hand-written pages apart"
        )
    return None


def prefix_problem(prefixes: list[str], corpus_dir: Path, docs_dir: Path) -> str | None:
    """Why an edition prefix cannot be a top-level folder of the site, or ``None``."""
    for index, prefix in enumerate(prefixes):
        where = f"extra.wenji.editions[{index}].prefix"
        for folder, entries in ((corpus_dir, (prefix,)), (docs_dir, (prefix, f"{prefix}.md"))):
            for entry in entries:
                if os.path.lexists(folder / entry):
                    return (
                        f"{where}: '{prefix}' is also {folder / entry}; the edition would "
                        "replace it: choose another prefix or rename it"
                    )
    return None


@dataclass
class AddressBook:
    """Every file the site writes, each claimed once (case-insensitively, as on macOS,
    Windows and many web servers).

    ``take`` records what MkDocs and the theme already write; ``claim`` is for corpus
    pages, which also may not go where the site writes on its own (``reserved``).
    """

    reserved: dict[str, str] = field(default_factory=dict)  # top-level name → what
    use_directory_urls: bool = True
    raw_text: bool = True
    site_dir: str = ""  # where the site is written; "" when unknown (no length check)
    deepest_prefix: str = ""  # the longest edition prefix, with its "/"
    _owners: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_site(
        cls,
        prefixes: dict[str, str],
        use_directory_urls: bool = True,
        raw_text: bool = True,
        site_dir: str = "",
    ) -> AddressBook:
        """A book with the site's own folders and the edition ``prefixes`` (→ name) reserved."""
        reserved = dict(RESERVED_FOLDERS)
        reserved.update(
            {prefix: f"the {name} edition ({prefix}/)" for prefix, name in prefixes.items()}
        )
        book = cls(
            reserved={k.lower(): v for k, v in reserved.items()},
            use_directory_urls=use_directory_urls,
            raw_text=raw_text,
            site_dir=site_dir,
            deepest_prefix=max((p + "/" for p in prefixes), key=len, default=""),
        )
        for name, what in RESERVED_FILES.items():
            book.take(name, what)
        return book

    def too_long(self, dest: str) -> str | None:
        """Why the system cannot write ``dest`` (in every edition), or ``None``."""
        if not self.site_dir:
            return None
        limits = _limits(self.site_dir)
        path = os.fsencode(os.path.join(self.site_dir, self.deepest_prefix + dest))
        if len(path) >= limits[0]:
            return f"its output path would be {len(path)} bytes, over the system's {limits[0]}"
        longest = max(len(part.encode("utf-8")) for part in dest.split("/"))
        if longest > limits[1]:
            return f"a name in its output path is {longest} bytes, over the system's {limits[1]}"
        return None

    def take(self, dest: str, owner: str) -> None:
        self._owners.setdefault(dest.lower(), owner)

    def owner(self, dest: str) -> str | None:
        """Who already writes ``dest``: an earlier claim or a reserved folder."""
        key = dest.lower()
        if key in self._owners:
            return self._owners[key]
        parts = PurePosixPath(key).parts
        if len(parts) > 1 and parts[0] in self.reserved:
            return self.reserved[parts[0]]
        return None

    def claim(self, dest: str, owner: str) -> str | None:
        """Claim ``dest`` for ``owner``; return the earlier owner instead if it is taken."""
        other = self.owner(dest)
        if other is None:
            self._owners[dest.lower()] = owner
        return other


def _limits(site_dir: str) -> tuple[int, int]:
    """``PATH_MAX`` and ``NAME_MAX`` where the site is written (4096 and 255 if unknown)."""
    folder = site_dir
    while folder and not os.path.isdir(folder):
        parent = os.path.dirname(folder)
        folder = "" if parent == folder else parent
    try:
        return os.pathconf(folder or "/", "PC_PATH_MAX"), os.pathconf(folder or "/", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 4096, 255


def dest_uri(page_uri: str, use_directory_urls: bool = True) -> str:
    """The HTML file MkDocs builds from ``page_uri`` (as ``mkdocs.structure.files.File``)."""
    parent, name = posixpath.split(page_uri)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    if not use_directory_urls or stem == "index":
        return posixpath.join(parent, f"{stem}.html")
    return posixpath.join(parent, stem, "index.html")


def _address(dest: str) -> str:
    return dest[: -len("index.html")] if dest.endswith("index.html") else dest


def assign(files: list[CorpusFile], book: AddressBook) -> tuple[list[CorpusFile], list[Diagnostic]]:
    """The corpus files whose every output (page, raw text, folder index) is free.

    Folder index pages are claimed first: a text at a folder's address (``2023.txt`` next
    to ``2023/``, ``README.txt``, ``index.txt``) would replace its listing. A folder that
    cannot have its index (a reserved name, a hand-written page at its address) is skipped
    with all its texts, in one warning. A hand-written ``docs/<folder>/index.md`` is the
    folder's index by design, not a collision.
    """
    diagnostics: list[Diagnostic] = []
    written: dict[str, str] = {}  # folder address → folder as written in the corpus
    shared: set[tuple[str, str]] = set()
    for file in files:
        names = PurePosixPath(file.source).parent.parts
        address = PurePosixPath(file.page_uri).parent.parts
        for depth in range(1, len(address) + 1):
            folder, name = "/".join(address[:depth]), "/".join(names[:depth])
            first = written.setdefault(folder, name)
            if first != name and (folder, name) not in shared:
                shared.add((folder, name))
                message = (
                    f"shares the address '{folder}/' with folder {first}/ (names made "
                    "URL-safe); their texts are listed together under the first name"
                )
                diagnostics.append(Diagnostic("info", name + "/", message))
    blocked: list[str] = []
    for folder in sorted(written):
        if any(folder.startswith(b + "/") for b in blocked):
            continue
        dest = dest_uri(f"{folder}/index.md", book.use_directory_urls)
        other = book.owner(dest)
        if other in (f"docs/{folder}/index.md", f"docs/{folder}/README.md"):
            continue
        problem = book.too_long(dest)
        if other is None and problem is None:
            book.claim(dest, f"folder {written[folder]}/")
            continue
        blocked.append(folder)
        count = sum(1 for f in files if f.page_uri.startswith(folder + "/"))
        reason = problem or f"its address '{_address(dest)}' is already taken by {other}"
        texts = "the text" if count == 1 else f"the {count} texts"
        message = f"skipped this folder and {texts} in it: {reason}; rename it"
        diagnostics.append(Diagnostic("warning", written[folder] + "/", message))
    accepted: list[CorpusFile] = []
    for file in files:
        if any(file.page_uri.startswith(b + "/") for b in blocked):
            continue
        dests = [dest_uri(file.page_uri, book.use_directory_urls)]
        dests += [file.raw_uri] if book.raw_text else []
        reason = next((p for p in map(book.too_long, dests) if p), None)
        for dest in dests if reason is None else ():
            other = book.owner(dest)
            if other is not None:
                reason = f"its address '{_address(dest)}' is already taken by {other}"
                break
        if reason is not None:
            diagnostics.append(Diagnostic("warning", file.source, f"skipped: {reason}; rename it"))
            continue
        for dest in dests:
            book.claim(dest, file.source)
        accepted.append(file)
    return accepted, diagnostics
