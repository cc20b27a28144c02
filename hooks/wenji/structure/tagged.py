"""A digest's items: a headline tagged with its source (【第一财经】…) over its paragraph.

News digests list items as ``【source】headline`` lines, each followed by a paragraph of
the item, grouped under short section labels (国内资讯, 债券动向). When two or more such
lines each stand directly above a prose paragraph, they are headings (family ``tagged``,
nested below the labels), and a short label line right above one of them heads its
group. A 【…】 line without a paragraph of its own (【上一篇】 …, 【发布单位】 …) is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .draft import Draft

TAGGED = "tagged"
_TAG = re.compile(r"^【[^【】]{1,12}】\S")
_PUNCTUATION = re.compile(r"[，,。；;：:！？!?…、]")
HEADLINE_MAX = 60
PROSE_MIN = 40
LABEL_MAX = 8
MIN_ITEMS = 2


def _headline(draft: Draft, following: Draft) -> bool:
    text, body = draft.source_text, following.source_text
    return (
        not draft.heading
        and not draft.locked
        and not draft.marker_kind
        and len(text) <= HEADLINE_MAX
        and not text.endswith("。")
        and bool(_TAG.match(text))
        and not _TAG.match(body)
        and len(body) >= PROSE_MIN
        and body.endswith(("。", "！", "？", "”"))
    )


def _label(draft: Draft) -> bool:
    text = draft.source_text
    return (
        not draft.heading
        and not draft.locked
        and not draft.marker_kind
        and 2 <= len(text) <= LABEL_MAX
        and not _PUNCTUATION.search(text)
        and not _TAG.match(text)
    )


def mark_tagged_items(drafts: Sequence[Draft]) -> None:
    """Make a digest's tagged headlines headings, and the labels above them."""
    items = [i for i in range(len(drafts) - 1) if _headline(drafts[i], drafts[i + 1])]
    if len(items) < MIN_ITEMS:
        return
    for index in items:
        drafts[index].heading, drafts[index].kind = True, "title"
        drafts[index].marker_kind = TAGGED
    for index in items:
        if index and _label(drafts[index - 1]):
            drafts[index - 1].heading, drafts[index - 1].kind = True, "title"
