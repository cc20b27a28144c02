"""What ``wenji export`` writes: every page the build generates from the corpus, as Markdown.

The same functions the MkDocs hook calls make the same Markdown here, for the primary
edition or one script edition (``extra.wenji.editions``), without importing MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from .editions import EditionBuilder, convert_markdown, edition_uri
from .library import Folder, Text, folder_index_markdown, raw_text_link
from .rawtext import published_bytes
from .render import DEFAULT_LABELS, Links, render_markdown


def raw_text_bytes(text: Text) -> bytes:
    """The published copy of the source, as the site has it (UTF-8 with a BOM)."""
    return published_bytes(text.file.read_bytes(), text.document.encoding)


def folders_below(folder: Folder) -> Iterator[Folder]:
    """Every folder below ``folder`` (not itself), parents before children."""
    for sub in folder.folders:
        yield sub
        yield from folders_below(sub)


def generated_files(
    texts: Sequence[Text],
    root: Folder,
    *,
    docs_dir: Path,
    raw_text: bool,
    use_directory_urls: bool,
    edition: EditionBuilder | None = None,
) -> Iterator[tuple[str, bytes | str]]:
    """``(uri, content)`` of every generated file, in the order the hook adds them.

    With ``edition``, pages are that edition's, at its addresses (``zh-tw/…``); the raw
    copies stay at their one address, which the edition's pages link to.
    """

    def address(uri: str) -> str:
        return edition_uri(edition.edition.prefix, uri) if edition else uri

    labels = edition.labels(DEFAULT_LABELS) if edition else DEFAULT_LABELS
    for text in texts:
        uri = address(text.file.page_uri)
        link = raw_text_link(uri, text.file.raw_uri, use_directory_urls) if raw_text else None
        document = edition.document(text.document) if edition else text.document
        yield uri, render_markdown(document, Links(raw_text=link), labels)
        if raw_text:
            yield text.file.raw_uri, raw_text_bytes(text)
    for folder in folders_below(root):
        uri = address(folder.index_uri)
        if not (docs_dir / uri).exists():
            index = folder_index_markdown(folder, DEFAULT_LABELS)
            yield uri, convert_markdown(index, edition.text) if edition else index


def write_file(out_dir: Path, uri: str, content: bytes | str) -> None:
    target = out_dir / PurePosixPath(uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8", newline="\n")
    else:
        target.write_bytes(content)
