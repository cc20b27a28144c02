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
    # Suffixed ids (``p-1a2b3c-2``) are longer than base ids, so a base can only collide
    # with its own repeats: counting them per base gives the ids a search of the taken
    # ones would, in linear time (20,000 identical lines once took minutes).
    repeats: dict[str, int] = {}
    result: list[Block] = []
    for block in blocks:
        prefix = "s" if isinstance(block, Heading) else "p"
        base = f"{prefix}-{short_hash(block_key(block))}"
        count = repeats.get(base, 0) + 1
        repeats[base] = count
        result.append(replace(block, id=base if count == 1 else f"{base}-{count}"))
    return tuple(result)
