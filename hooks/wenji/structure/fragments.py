"""Pieces of a broken line are never headings.

Some copies set a quotation on lines of its own, cutting the sentence around it:
``…毛主席指出：“`` / ``党的文艺政策应该调整一下…`` / ``”。毛主席的指示，…``. The quoted
piece looks like a short numbered or unmarked title, the line after it like a lead sentence,
and a line of quotation marks alone (``”“``) like a title of two characters. A line is such a
piece when it opens with a closing mark, holds nothing but punctuation, or follows a line
that ends with an opening mark; it is kept as a paragraph, word for word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .draft import Draft

_OPENING = ("“", "‘", "「", "『", "《", "（", "(", "〈", "【")
_CLOSING = ("”", "’", "」", "』", "》", "）", ")", "〉", "】")
_WORDLESS = re.compile(r"^[\W_]+$")


def _last_text(draft: Draft) -> str:
    return draft.followers[-1].text if draft.followers else draft.text


def keep_fragments(drafts: Sequence[Draft]) -> None:
    """Lock the pieces of broken lines as paragraphs (no later recogniser promotes them)."""
    previous: Draft | None = None
    for draft in drafts:
        text = draft.source_text.strip()
        cut_before = previous is not None and _last_text(previous).rstrip().endswith(_OPENING)
        if not draft.locked and (cut_before or text.startswith(_CLOSING) or _WORDLESS.match(text)):
            if draft.heading:
                draft.demote()
            draft.locked = True
        previous = draft
