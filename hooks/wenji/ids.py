"""Ids: explicit, unique and stable anchors for headings and paragraphs.

An id is a short hash of the block's own words in the source script (for headings, the
words after the numbering marker), so it does not move when other parts of the text
change or when a section is renumbered, and script editions reuse it unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from .model import Block, Heading

HASH_CHARS = 6


def block_key(block: Block) -> str:
    """The words an id is derived from."""
    if isinstance(block, Heading) and block.marker and block.text.startswith(block.marker):
        return block.text[len(block.marker) :]
    return block.text


def short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()[:HASH_CHARS]


def assign_ids(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Give every block an id: ``s-`` + hash for headings, ``p-`` + hash for paragraphs.

    Repeats within a page (the same words twice) get ``-2``, ``-3`` … in order.
    """
    seen: set[str] = set()
    result: list[Block] = []
    for block in blocks:
        prefix = "s" if isinstance(block, Heading) else "p"
        base = f"{prefix}-{short_hash(block_key(block))}"
        candidate, count = base, 1
        while candidate in seen:
            count += 1
            candidate = f"{base}-{count}"
        seen.add(candidate)
        result.append(replace(block, id=candidate))
    return tuple(result)
