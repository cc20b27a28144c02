"""The document model through a converter: text fields only, ids untouched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from wenji.model import Article, Block, Document, Heading

from .converter import Converter

__all__ = ["convert_document", "convert_text"]


def convert_text(text: str, converter: Converter) -> str:
    """Convert free text (nav and folder titles, hand-written pages' plain text)."""
    return converter.convert(text)


def _convert_prefix(old_text: str, text: str, prefix: str, convert: Callable[[str], str]) -> str:
    """``prefix`` (a heading's marker, an article's label: the start of ``old_text``)
    converted; kept the start of the converted ``text`` even where context made the two
    conversions differ."""
    if not prefix:
        return prefix
    new_prefix = convert(prefix)
    if (
        old_text.startswith(prefix)
        and not text.startswith(new_prefix)
        and len(text) == len(old_text)
    ):
        new_prefix = text[: len(prefix)]
    return new_prefix


def _convert_block(block: Block, convert: Callable[[str], str]) -> Block:
    text = convert(block.text)
    if isinstance(block, Heading):
        return replace(
            block, text=text, marker=_convert_prefix(block.text, text, block.marker, convert)
        )
    if isinstance(block, Article):
        return replace(
            block, text=text, label=_convert_prefix(block.text, text, block.label, convert)
        )
    return replace(block, text=text)


def convert_document(document: Document, converter: Converter) -> Document:
    """A copy of ``document`` in the converter's script, with identical ids.

    Converted: the title and the other text fields of the metadata (subtitle, speaker,
    occasion, source, editor, tags), the text of every block, the marker of every heading
    and the label of every article. Untouched: ``date``, ``source_url``, ids, line
    numbers, the source path, removals and diagnostics. Callers decide whether to convert
    at all; see :func:`is_traditional` for texts that already are Traditional.
    """
    convert = converter.convert
    metadata = document.metadata
    new_metadata = replace(
        metadata,
        title=convert(metadata.title),
        subtitle=convert(metadata.subtitle),
        speaker=convert(metadata.speaker),
        role=convert(metadata.role),
        occasion=convert(metadata.occasion),
        source=convert(metadata.source),
        editor=convert(metadata.editor),
        tags=tuple(convert(tag) for tag in metadata.tags),
    )
    blocks = tuple(_convert_block(block, convert) for block in document.blocks)
    return document.with_text(new_metadata, blocks)
