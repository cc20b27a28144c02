"""The document model: what every stage after decoding produces and every output reads.

Nothing here knows about MkDocs, Markdown or HTML. Text fields hold the words of the
source exactly (script conversion replaces them, ids never change).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Level = Literal["info", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """Something the build noticed about one source file.

    ``line`` is the 1-based line number in the source file as the curator sees it,
    or ``None`` when the finding concerns the whole file.
    """

    level: Level
    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SourceLine:
    """One non-structural line of a text, with its line number in the original file."""

    number: int
    text: str


@dataclass(frozen=True)
class Removal:
    """A run of lines the build removed as boilerplate, kept so it can be reported."""

    first_line: int
    last_line: int
    signals: tuple[str, ...]
    lines: tuple[str, ...]
    numbers: tuple[int, ...] = ()  # the source line number of each of ``lines``


@dataclass(frozen=True)
class Heading:
    """A section heading. ``level`` is the HTML level (2–6; the page title is level 1).

    ``marker`` is the numbering as written (``一、``, ``（二）``, ``第一，``) and is part
    of ``text``; ``kind`` says how it was found: a numbering ``marker``, a parallel
    ``lead`` sentence, an unnumbered section ``title`` line, or a curator ``override``.
    """

    level: int
    text: str
    id: str
    line: int
    marker: str = ""
    kind: Literal["marker", "lead", "title", "override"] = "marker"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: one source line (or the rest of it after a split-off heading)."""

    text: str
    id: str
    line: int


@dataclass(frozen=True)
class Article:
    """The opening paragraph of a law's article: 第十条　为了…, 第十条之一, 第 1 條.

    ``label`` is the article's number as written (第十条之一, 第 1 條) and the start of
    ``text``; ``number`` and ``sub`` are its value (10 and 1 for 第十条之一). The paragraphs
    after it, up to the next article or heading, are its 款 and 项. ``run`` counts the
    article runs of the text: 1 for the law itself, 2 and on where the numbering starts
    again at 第一条 (the own articles of an annex).
    """

    text: str
    id: str
    line: int
    label: str
    number: int
    sub: int = 0
    run: int = 1


Block = Heading | Paragraph | Article


@dataclass(frozen=True)
class Metadata:
    """What is known about a text besides its words. Empty strings mean unknown."""

    title: str = ""
    subtitle: str = ""
    date: str = ""  # ISO 8601 (2023-02-01, 2023-02 or 2023), for sorting
    date_text: str = ""  # the date as the text wrote it, for display
    speaker: str = ""  # the speaker, author or issuing body
    role: str = ""  # the speaker's office as the text gives it (国务院总理)
    occasion: str = ""
    source: str = ""
    source_url: str = ""
    editor: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One text, fully structured.

    ``source`` is the path of the ``.txt`` relative to the corpus folder (POSIX
    separators); it names the file in every diagnostic.
    """

    source: str
    encoding: str
    metadata: Metadata
    blocks: tuple[Block, ...]
    title_from: Literal["front matter", "first line", "file name"] = "file name"
    title_line: int | None = None
    removals: tuple[Removal, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)

    @property
    def title(self) -> str:
        return self.metadata.title

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Heading))

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Paragraph))

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Article))

    def with_text(self, metadata: Metadata, blocks: tuple[Block, ...]) -> Document:
        """A copy with new text fields (used by script conversion); ids are untouched."""
        for old, new in zip(self.blocks, blocks, strict=True):
            if old.id != new.id:
                raise ValueError(f"block id changed from {old.id!r} to {new.id!r}")
        return replace(self, metadata=metadata, blocks=blocks)
