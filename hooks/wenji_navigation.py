"""MkDocs adapter: the navigation made from the corpus folders.

The main navigation lists the home page, the corpus folders (each with its index page,
sub-folders and texts) and the other hand-written pages. Titles are escaped here because
MkDocs treats nav titles as HTML.
"""

from __future__ import annotations

import html
from typing import Any

from mkdocs.structure.files import File, Files

from wenji.library import Folder


def corpus_nav(files: Files, hand_written: list[File], root: Folder) -> list[Any]:
    """Home first, then the corpus folders, then the other hand-written pages."""
    others = sorted(f.src_uri for f in hand_written if f.src_uri != "index.md")
    nav: list[Any] = ["index.md"] if files.get_file_from_path("index.md") else []
    nav.extend(folder_nav(root))
    nav.extend(others)
    return nav


def folder_nav(folder: Folder) -> list[Any]:
    entries: list[Any] = []
    for sub in folder.folders:
        children = [sub.index_uri, *folder_nav(sub)]
        entries.append({html.escape(sub.title): children})
    entries.extend({html.escape(t.document.title): t.file.page_uri} for t in folder.texts)
    return entries


def title_pages(nav: Any, files: Files) -> None:
    """Give edition pages their nav titles: MkDocs made their ``Page`` objects (untitled,
    as pages outside the main nav) before the edition's nav existed, and reuses them."""
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            file = files.get_file_from_path(value) if isinstance(value, str) else None
            if file is not None and file.page is not None and title:
                file.page.title = title
            elif isinstance(value, list):
                title_pages(value, files)
