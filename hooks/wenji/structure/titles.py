"""Section titles without a marker: a short line of its own between paragraphs.

关于教育改革问题 in a report, 结束语, or the title of a plan a notice issues (国家职业
教育改革实施方案) are headings although nothing numbers them. A line is one when it is
short, has no sentence or clause punctuation, is not a date or a bracketed note, follows a
finished sentence (or opens the body), and opens a longer paragraph or a numbered section.
Fragments of a broken line (亿九十一 after a sentence cut in the middle) are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dates import parse_date
from ..patterns import article_number, is_salutation
from .draft import Draft

TITLE_MAX = 30
_LONG_PARAGRAPH = 100
_PUNCTUATION = re.compile(r"[，,。；;：:！？!?…]")
_SPACES = re.compile(r"[\s\u3000]+")
_FINISHED = ("。", "！", "？", "!", "?", "”", "」", "』", "）", ")", "：")


def _candidate(draft: Draft) -> bool:
    text = draft.text
    return (
        not draft.heading
        and not draft.locked
        and not draft.marker_kind
        and 2 <= len(_SPACES.sub("", text)) <= TITLE_MAX
        and not _PUNCTUATION.search(text)
        and not (text.startswith(("（", "(")) and text.endswith(("）", ")")))
        and parse_date(text) is None
        and article_number(text) is None
    )


def _opens_section(draft: Draft, following: Draft) -> bool:
    if following.heading:
        return True
    text = following.source_text
    if len(text) < max(20, 2 * len(draft.text)):
        return False
    # a long paragraph of sentences is body even when a copy broke it off mid-sentence
    return text.endswith(_FINISHED[:5]) or (len(text) >= _LONG_PARAGRAPH and "。" in text)


def mark_standalone_titles(drafts: Sequence[Draft]) -> None:
    """Make the unmarked section titles headings (family ``plain``, level from nesting)."""
    for index in range(len(drafts) - 1):
        draft = drafts[index]
        if not _candidate(draft):
            continue
        previous = drafts[index - 1] if index else None
        if previous is not None:
            last = previous.followers[-1].text if previous.followers else previous.text
            if (previous.followers or not previous.heading) and not last.endswith(_FINISHED):
                continue  # the line goes on a sentence its predecessor left open
            if previous.heading and not previous.followers:
                continue  # right under a heading: its subtitle or a fragment, not a section
        following = drafts[index + 1]
        if is_salutation(following.text) and index + 2 < len(drafts):
            following = drafts[index + 2]  # 结束语 / 各位代表！ / the closing words
        if _opens_section(draft, following):
            draft.heading, draft.kind = True, "title"
