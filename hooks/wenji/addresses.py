"""Addresses: where the site writes, which folders it may not touch, and edit links.

Everything here is about paths and URLs, never about text: the folders a build may
write to (:func:`overlap_problem`), the address of each output claimed once
(:class:`AddressBook`) and the repository link of a text (:func:`edit_url`).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote

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


@dataclass
class AddressBook:
    """Every file the site writes, each claimed once (case-insensitively, as on macOS,
    Windows and many web servers).

    ``take`` records what MkDocs and the theme already write; ``claim`` is for corpus
    pages, which also may not go where the site writes on its own (``reserved``).
    """

    reserved: dict[str, str] = field(default_factory=dict)  # top-level name → what
    _owners: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_site(cls, prefixes: dict[str, str]) -> AddressBook:
        """A book with the site's own folders and the edition ``prefixes`` (→ name) reserved."""
        reserved = dict(RESERVED_FOLDERS)
        reserved.update(
            {prefix: f"the {name} edition ({prefix}/)" for prefix, name in prefixes.items()}
        )
        book = cls(reserved={k.lower(): v for k, v in reserved.items()})
        for name, what in RESERVED_FILES.items():
            book.take(name, what)
        return book

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
