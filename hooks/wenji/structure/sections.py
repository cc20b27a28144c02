"""Sections numbered by a number alone on its line (1, 2, 3 … above a section of an article).

Commentary and feature articles number their parts with a bare ``1`` line, often followed by
the part's title line (1 / 全国名校长在小地方遇难题 / paragraphs …). Such a number heads a
section when the numbers run 1, 2, 3 … through the text and prose separates them; then the
title line under a number is the heading, and a number without a title line is itself the
heading. Only the numbers 1, 2 … k that open the sequence count (a 0 of a comment widget
after the article does not). A ranked list of links (1 / headline / 2 / headline …) has
no prose between its numbers, and a page number breaks a sentence: neither is a section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .draft import Draft

_LONE_NUMBER = re.compile(r"^[\s\u3000]*(\d{1,2})[\s\u3000]*$")
_FINISHED = ("。", "！", "？", "!", "?", "”", "」", "』", "）", ")", "…")
_SENTENCE_END = re.compile(r"[。！？!?]")
_PUNCTUATION = re.compile(r"[，,。；;：:！？!?]")
TITLE_MAX = 30
PROSE_MIN = 30


def _number(draft: Draft) -> int | None:
    match = _LONE_NUMBER.match(draft.source_text)
    return int(match.group(1)) if match and not draft.heading and not draft.locked else None


def _is_prose(draft: Draft) -> bool:
    return len(draft.source_text) >= PROSE_MIN and bool(_SENTENCE_END.search(draft.source_text))


def _is_title(draft: Draft) -> bool:
    text = draft.source_text
    return (
        not draft.heading
        and not draft.locked
        and 2 <= len(text) <= TITLE_MAX
        and not _PUNCTUATION.search(text)
        and _LONE_NUMBER.match(text) is None
    )


def _follows_text(drafts: Sequence[Draft], index: int) -> bool:
    """The number stands after a finished paragraph (or opens the text), not in a sentence."""
    if index == 0:
        return True
    previous = drafts[index - 1]
    last = previous.followers[-1].text if previous.followers else previous.text
    return previous.heading or last.rstrip().endswith(_FINISHED)


def mark_numbered_sections(drafts: Sequence[Draft]) -> None:
    """Make the sections of lone numbers 1, 2, 3 … headings (family ``plain``)."""
    lone = [(i, n) for i, d in enumerate(drafts) if (n := _number(d)) is not None]
    count = 0
    while count < len(lone) and lone[count][1] == count + 1:
        count += 1
    if count < 2:
        return
    bounds = [i for i, _ in lone[: count + 1]] + [len(drafts)]
    heads: list[int] = []
    for (index, _), end in zip(lone[:count], bounds[1:], strict=False):
        if not _follows_text(drafts, index) or not any(
            _is_prose(d) for d in drafts[index + 1 : end]
        ):
            return
        following = index + 1
        titled = following < end and _is_title(drafts[following])
        heads.append(following if titled else index)
    for index in heads:
        drafts[index].heading, drafts[index].kind = True, "title"
