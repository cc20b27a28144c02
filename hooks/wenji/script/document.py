"""The document model through a converter: text fields only, ids untouched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from wenji.model import Block, Document, Heading

from .converter import Converter

__all__ = ["convert_document", "convert_text"]


def convert_text(text: str, converter: Converter) -> str:
    """Convert free text (nav and folder titles, hand-written pages' plain text)."""
    return converter.convert(text)


def _convert_heading(heading: Heading, convert: Callable[[str], str]) -> Heading:
    text = convert(heading.text)
    marker = heading.marker
    if marker:
        new_marker = convert(marker)
        # The marker is the start of the text; keep it so even if context made the
        # two conversions differ.
        if (
            heading.text.startswith(marker)
            and not text.startswith(new_marker)
            and len(text) == len(heading.text)
        ):
            new_marker = text[: len(marker)]
        marker = new_marker
    return replace(heading, text=text, marker=marker)


def convert_document(document: Document, converter: Converter) -> Document:
    """A copy of ``document`` in the converter's script, with identical ids.

    Converted: the title and the other text fields of the metadata (subtitle, speaker,
    occasion, source, editor, tags) and the text (and marker) of every heading and
    paragraph. Untouched: ``date``, ``source_url``, ids, line numbers, the source path,
    removals and diagnostics. Callers decide whether to convert at all; see
    :func:`is_traditional` for texts that already are Traditional.
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
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            blocks.append(_convert_heading(block, convert))
        else:
            blocks.append(replace(block, text=convert(block.text)))
    return document.with_text(new_metadata, tuple(blocks))
