"""Drafts: blocks whose kind and level the recognisers are still deciding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Article, Block, Heading, Paragraph
from ..patterns import ArticleNumber


@dataclass
class Draft:
    """A block before levels and ids are settled.

    A numbered line kept as a paragraph still carries its ``marker_*`` facts, so a
    recogniser that looks at a whole family (lists, article-like items) sees every item.

    ``locked`` is set by a curator override, a salutation or a split-off body: no later
    recogniser may change the block. ``followers`` are paragraphs split off the same source
    line after the draft became a heading. ``article`` is set on a paragraph that opens a
    law's article (:mod:`.articles`), ``article_run`` counts the text's article runs.
    """

    line: int
    text: str
    source_text: str = ""  # the whole source line, for undoing a split
    heading: bool = False
    marker_kind: str = ""
    marker_text: str = ""
    marker_number: int = 0
    level: int | None = None
    kind: str = "marker"
    family: str = ""  # how an unnumbered heading nests (lead lines, statements)
    locked: bool = False
    continues: bool = False  # goes on the sentence the line before left open
    followers: list[Draft] = field(default_factory=list)
    article: ArticleNumber | None = None
    article_run: int = 1

    def __post_init__(self) -> None:
        self.source_text = self.source_text or self.text

    def demote(self) -> None:
        """Make this draft the paragraph it was in the source (marker and body rejoined)."""
        self.heading, self.level, self.kind, self.family = False, None, "marker", ""
        self.text, self.followers = self.source_text, []


def drop_final_full_stop(text: str) -> str:
    """A heading is shown without its final 。."""
    return text[:-1] if text.endswith("。") and len(text) > 1 else text


def to_blocks(drafts: Sequence[Draft]) -> list[Block]:
    """The settled blocks, followers after their heading."""
    blocks: list[Block] = []
    for draft in drafts:
        if draft.heading:
            blocks.append(
                Heading(
                    level=draft.level or 2,
                    text=draft.text,
                    id="",
                    line=draft.line,
                    marker=draft.marker_text,
                    kind=draft.kind,  # type: ignore[arg-type]
                )
            )
        elif draft.article is not None:
            found = draft.article
            blocks.append(
                Article(
                    draft.text,
                    "",
                    draft.line,
                    label=found.text,
                    number=found.number,
                    sub=found.sub,
                    run=draft.article_run,
                )
            )
        else:
            blocks.append(Paragraph(draft.text, "", draft.line))
        blocks.extend(Paragraph(f.text, "", f.line) for f in draft.followers)
    return blocks
