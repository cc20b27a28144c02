"""Script editions: the same site under a path prefix, its text converted with OpenCC.

Only text is converted: documents through :func:`wenji.script.convert_document` (ids
untouched), titles through :func:`wenji.script.convert_text`, and hand-written Markdown
pages with their syntax, addresses and code protected (:func:`convert_markdown`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import Edition
from .library import Wording
from .model import Diagnostic, Document
from .script import (
    Converter,
    convert_document,
    convert_text,
    get_converter,
    is_traditional,
    leftover_lines,
    simplified_only_chars,
)

# Markdown and HTML that must reach the page unchanged: fenced and inline code, link
# targets, reference definitions, autolinks and tags, attribute lists, bare URLs, entities.
_PROTECTED = re.compile(
    r"(?ms)^(?P<fence>```|~~~).*?^(?P=fence)[^\n]*$"
    r"|`[^`\n]+`"
    r"|\]\([^)\n]*\)"
    r"|^\s*\[[^\]\n]+\]:[^\n]*$"
    r"|<[^>\n]+>"
    r"|\{[:#.][^}\n]*\}"
    r"|https?://[^\s)>\]]+"
    r"|&#?\w+;"
)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FRONT_MATTER_VALUE = re.compile(r"^(\s*[\w-]+\s*:\s*)(.+)$", re.M)

# Material ships UI translations under these names; other tags fall back by script.
MATERIAL_LANGUAGES = ("zh", "zh-Hant", "zh-TW")


def material_language(tag: str) -> str:
    """The Material ``theme.language`` that gives UI strings for language ``tag``."""
    if tag in MATERIAL_LANGUAGES:
        return tag
    lowered = tag.lower()
    if any(part in lowered for part in ("hant", "-tw", "-hk", "-mo")):
        return "zh-Hant"
    return "zh"


def convert_markdown(source: str, convert: Callable[[str], str]) -> str:
    """Convert the prose of a hand-written Markdown page, leaving all syntax intact.

    Front matter keeps its keys; code, link targets, HTML tags, attribute lists, URLs
    and entities are not touched.
    """
    front = ""
    match = _FRONT_MATTER.match(source)
    if match:
        front = _FRONT_MATTER_VALUE.sub(lambda m: m.group(1) + convert(m.group(2)), match.group(0))
        source = source[match.end() :]
    parts: list[str] = []
    position = 0
    for protected in _PROTECTED.finditer(source):
        parts.append(convert(source[position : protected.start()]))
        parts.append(protected.group(0))
        position = protected.end()
    parts.append(convert(source[position:]))
    return front + "".join(parts)


def edition_uri(prefix: str, uri: str) -> str:
    """Where the edition ``prefix`` keeps the page of primary source path ``uri``."""
    return f"{prefix}/{uri}"


@dataclass
class EditionBuilder:
    """Converts documents and titles for one edition, caching across builds."""

    edition: Edition
    config_dir: Path
    converter: Converter = field(init=False)
    _documents: dict[str, tuple[Document, Document]] = field(default_factory=dict)
    _leftovers: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        phrase_files = tuple(str(self.config_dir / p) for p in self.edition.phrase_files)
        self.converter = get_converter(self.edition.opencc, extra_phrase_files=phrase_files)

    @property
    def converts_to_traditional(self) -> bool:
        return self.edition.opencc.split(".")[0].startswith(("s2", "t2tw", "t2hk"))

    def text(self, text: str) -> str:
        return convert_text(text, self.converter)

    def name(self, name: str) -> str:
        """A name the curator wrote: a folder's name or ``folder_titles`` entry, a
        front-matter title, the site name.

        With ``convert_names: auto`` it is converted only when written in the other
        script (a Simplified-only character for a Traditional edition): a folder named
        台灣 stays 台灣, not OpenCC's 臺灣; 学习研讨 becomes 學習研討. ``always`` converts
        every name, ``never`` none.
        """
        mode = self.edition.convert_names
        if mode == "never":
            return name
        if mode == "auto":
            foreign = (
                simplified_only_chars(name)
                if self.converts_to_traditional
                else is_traditional(name)
            )
            if not foreign:
                return name
        return self.text(name)

    @property
    def wording(self) -> Wording:
        """How this edition lists folders and texts (folder pages, the home page)."""
        return Wording(name=self.name, document=self.document)

    def document(self, document: Document) -> Document:
        """``document`` in this edition's script; texts already in it are kept as they are.

        Cached by source path (the same ``document`` object converts once)."""
        cached = self._documents.get(document.source)
        if cached is not None and cached[0] is document:
            return cached[1]
        converted, leftovers = self.convert(document)
        self.remember(document, converted, leftovers)
        return converted

    def convert(self, document: Document) -> tuple[Document, tuple[Diagnostic, ...]]:
        """``document`` in this edition's script and its leftover warnings, not cached
        (a worker process converts with this and the build process remembers the result)."""
        sample = document.title + "".join(block.text for block in document.blocks[:20])
        kept = self.converts_to_traditional and is_traditional(sample)
        converted = document if kept else convert_document(document, self.converter)
        if document.title_from == "front matter":
            title = self.name(document.title)
            converted = replace(converted, metadata=replace(converted.metadata, title=title))
        return converted, self._check(converted, kept)

    def remember(
        self, document: Document, converted: Document, leftovers: tuple[Diagnostic, ...]
    ) -> None:
        """Cache ``converted`` (made by :meth:`convert`) as this edition's ``document``."""
        self._documents[document.source] = (document, converted)
        self._leftovers[document.source] = leftovers

    def leftovers(self, document: Document) -> tuple[Diagnostic, ...]:
        """Warnings for the Simplified-only characters left in this edition's ``document``.

        One per heading or paragraph (named by its source line). Empty for an edition that
        does not convert to Traditional and before :meth:`document` has seen the text.
        """
        return self._leftovers.get(document.source, ())

    def _check(self, converted: Document, kept: bool) -> tuple[Diagnostic, ...]:
        if not self.converts_to_traditional:
            return ()
        how = "kept as it is (it is mostly Traditional)" if kept else "converted"
        return tuple(
            Diagnostic(
                "warning",
                converted.source,
                f"{self.edition.prefix} edition: Simplified-only characters {chars} left in "
                f"the text {how}; a curator phrase file entry fixes the word",
                line,
            )
            for line, chars in leftover_lines(converted)
        )

    def labels(self, labels: Mapping[str, str]) -> dict[str, str]:
        return {key: self.text(value) for key, value in labels.items()}
