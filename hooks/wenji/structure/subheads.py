"""An article's subheadings: short lines between its paragraphs, set off from them.

News features break their text with subheadings that read like headlines, commas and
spaces included (七旬阿婆接来电称其涉黑、洗钱被吓坏，层层套路被骗走139万元 / 快速赶到现场
排查可疑线索), and poems quoted in an essay are introduced by their title with the poet on
the next line (《诫子诗》 / ——（汉）东方朔). A line is such a subheading when it is short,
ends no sentence (no 。！？, no trailing ，、；：), stands after a finished paragraph and
opens a long one; photo captions (…供图, …摄, 图为…) between them are looked through, and
a caption is never a heading of any kind. A single such line may be a stray fragment: only
a text with two or more has subheadings, and only a text without numbered headings (whose
outline the numbers give).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dates import parse_date
from ..patterns import article_number
from .draft import Draft

SUBHEAD_MAX = 40
PARAGRAPH_MIN = 40
MIN_SUBHEADS = 2
CAPTION_MAX = 60
_SENTENCE_END = re.compile(r"[。！？!?]")
_OPEN_END = ("，", "、", "；", "：", ",", ";", ":", "…", "—", "“", "‘", "《", "「")
_FINISHED = ("。", "！", "？", "!", "?", "”", "」", "』", "…")
_CAPTION = re.compile(r"供图|摄影?(?:$|\s)|^图为|图片来源|资料图|(?:网|社)发$")
_WORK_TITLE = re.compile(r"^《[^《》]{1,20}》$")


def _caption(draft: Draft) -> bool:
    text = draft.source_text.strip()
    return not draft.heading and len(text) <= CAPTION_MAX and bool(_CAPTION.search(text))


def _candidate(draft: Draft) -> bool:
    text = draft.source_text.strip()
    return (
        not draft.heading
        and not draft.locked
        and not draft.marker_kind
        and 4 <= len(text) <= SUBHEAD_MAX
        and not _SENTENCE_END.search(text)
        and not text.endswith(_OPEN_END)
        and not text.startswith(("——", "（", "(", "“"))
        and not _caption(draft)
        and parse_date(text) is None
        and article_number(text) is None
    )


def _neighbour(drafts: Sequence[Draft], index: int, step: int) -> Draft | None:
    index += step
    while 0 <= index < len(drafts) and _caption(drafts[index]):
        index += step
    return drafts[index] if 0 <= index < len(drafts) else None


def _finished(draft: Draft | None) -> bool:
    if draft is None:
        return False
    last = draft.followers[-1].text if draft.followers else draft.text
    return (draft.heading and bool(draft.followers)) or last.rstrip().endswith(_FINISHED)


def _opens(draft: Draft, following: Draft | None) -> bool:
    if following is None or following.heading:
        return False
    text = following.source_text.strip()
    if _WORK_TITLE.match(draft.source_text.strip()):
        return text.startswith("——")  # 《诫子诗》 / ——（汉）东方朔
    return len(text) >= PARAGRAPH_MIN and text.endswith(_FINISHED)


def mark_subheadings(drafts: Sequence[Draft]) -> None:
    """Make an article's subheadings headings (family ``plain``) when it has two or more
    and no numbered outline (a report's or a law's numbered sections are its outline)."""
    for draft in drafts:
        if not draft.locked and _caption(draft):
            draft.locked = True  # a photo caption is body, never a lead or a title
    if any(d.heading and d.marker_kind for d in drafts):
        return
    found = [
        index
        for index, draft in enumerate(drafts)
        if _candidate(draft)
        and _finished(_neighbour(drafts, index, -1))
        and _opens(draft, _neighbour(drafts, index, 1))
    ]
    if len(found) < MIN_SUBHEADS:
        return
    for index in found:
        drafts[index].heading, drafts[index].kind = True, "title"
