"""Ids: explicit, unique and stable anchors for headings, articles and paragraphs.

A heading's or paragraph's id is a short hash of its own words in the source script (for
headings, the words after the numbering marker), so it does not move when other parts of
the text change or when a section is renumbered, and script editions reuse it unchanged.

A law's article is named by its number: 第十条 → ``art-10``, 第十条之一 → ``art-10-1``; the
articles of a later run (an annex numbering from 第一条 again) add the run, ``art-1-r2``.
The paragraphs of an article after its first (its further 款 and its 项) are numbered in
it: ``art-10-p2``, ``art-10-p3`` … So a reader links to 第十条 by its number, and the
anchor moves only when the article itself changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from .model import Article, Block, Heading

HASH_CHARS = 6


def block_key(block: Block) -> str:
    """The words an id is derived from."""
    if isinstance(block, Heading) and block.marker and block.text.startswith(block.marker):
        return block.text[len(block.marker) :]
    return block.text


def short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()[:HASH_CHARS]


def article_anchor(article: Article) -> str:
    """``art-10`` for 第十条, ``art-10-1`` for 第十条之一, ``art-1-r2`` in the second run."""
    anchor = f"art-{article.number}"
    if article.sub:
        anchor += f"-{article.sub}"
    if article.run > 1:
        anchor += f"-r{article.run}"
    return anchor


def assign_ids(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Give every block an id: ``s-`` + hash for headings, ``p-`` + hash for paragraphs,
    the article's anchor for articles and ``<anchor>-p<n>`` for the paragraphs in one.

    Repeats within a page (the same words twice) get ``-2``, ``-3`` … in order; an article
    anchor taken already (only a model built without the structure stage can repeat one)
    gets ``-d2``, ``-d3`` …
    """
    # Suffixed ids (``p-1a2b3c-2``) are longer than base ids, so a base can only collide
    # with its own repeats: counting them per base gives the ids a search of the taken
    # ones would, in linear time (20,000 identical lines once took minutes).
    repeats: dict[str, int] = {}
    result: list[Block] = []
    article = ""  # the anchor of the article the next paragraphs belong to
    within = 0
    for block in blocks:
        if isinstance(block, Article):
            base = article_anchor(block)
            count = repeats.get(base, 0) + 1
            repeats[base] = count
            article, within = (base if count == 1 else f"{base}-d{count}"), 1
            result.append(replace(block, id=article))
            continue
        if isinstance(block, Heading):
            article = ""
        elif article:
            within += 1
            result.append(replace(block, id=f"{article}-p{within}"))
            continue
        prefix = "s" if isinstance(block, Heading) else "p"
        base = f"{prefix}-{short_hash(block_key(block))}"
        count = repeats.get(base, 0) + 1
        repeats[base] = count
        result.append(replace(block, id=base if count == 1 else f"{base}-{count}"))
    return tuple(result)
