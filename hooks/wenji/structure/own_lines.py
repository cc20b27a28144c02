"""Lead sentences set off on a line of their own.

Copies of reports taken from web pages keep a bold lead as a line of its own, in two ways:

- **lead over its body**: in a text whose paragraphs are separated by blank lines, a short
  line followed with no blank line by the longer line of its body (国民经济持续发展。 /
  1992年国民生产总值…). Such leads open the paragraphs of the section they are in (family
  ``lead``, one level below it); a run needs two of them in one section.
- **standalone statements**: one-sentence lines with blank lines around them that open
  with the same words (五年来，国民经济保持良好发展势头… / 五年来，改革开放取得…),
  each heading the paragraphs after it; they are section titles of a family of their
  own (``statement``), one level below the section they are in, and the leads and
  numbered items under them nest one level deeper.

A line is never one of them when it speaks to the audience, introduces a list (ends in
：) or leaves its sentence open (，；、); both need a run, so a single short paragraph
stays a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ..patterns import OPENER_KINDS, article_number, first_sentence
from .draft import Draft, drop_final_full_stop

LEAD = "lead"
STATEMENT = "statement"
OWN_LINE_MAX = 80  # a lead over its body may be a long sentence (…，…，…。)
STATEMENT_MAX = 50
SHARED_OPENING = 3  # statements that open with the same words (五年来，) are parallel
_MIN_RUN = 2
# A text lays its paragraphs out with blank lines when at most this share of its lines
# follows the previous line directly.
_ADJACENT_SHARE = 0.4
_OPEN_END = re.compile(r"[，,；;、：:（(《“‘「『—…]$")
_INNER_PAUSE = re.compile(r"[：:；;]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_ENDS = ("。", "！", "？", "!", "?")


def _plain(draft: Draft) -> bool:
    return not (
        draft.heading
        or draft.locked
        or draft.marker_kind
        or draft.followers
        or article_number(draft.text)
    )


def _closed(text: str) -> bool:
    """Ends a sentence or a title (not a clause left open, not an introduction)."""
    return bool(text) and not _OPEN_END.search(text)


def _sentences(text: str) -> int:
    count = 0
    while text:
        _, text = first_sentence(text)
        count += 1
    return count


def _section_breaks(drafts: Sequence[Draft]) -> list[int]:
    """For each draft, the index of the section it is in (numbered and titled headings
    open sections; 一是 and —— open paragraphs within one)."""
    section, found = 0, []
    for draft in drafts:
        if draft.heading and draft.marker_kind not in OPENER_KINDS:
            section += 1
        found.append(section)
    return found


def _blank_separated(drafts: Sequence[Draft], leads: set[int]) -> bool:
    """Are paragraphs separated by blank lines (apart from headings and lead lines over
    their body)?"""
    adjacent = sum(
        1
        for index, (a, b) in enumerate(pairwise(drafts))
        if b.line == a.line + 1 and index not in leads and not a.heading
    )
    return len(drafts) >= 4 and adjacent <= _ADJACENT_SHARE * (len(drafts) - 1)


def _lead_over_body(drafts: Sequence[Draft], index: int) -> bool:
    draft = drafts[index]
    text = draft.text
    if not _plain(draft) or len(text) > OWN_LINE_MAX or not _closed(text):
        return False
    if _INNER_PAUSE.search(text) or _sentences(text) > 2:
        return False
    if index + 1 >= len(drafts) or (index and drafts[index - 1].line == draft.line - 1):
        return False  # a line inside a block of lines, not the first line of one
    body = drafts[index + 1]
    if body.line != draft.line + 1 or not _plain(body):
        return False
    return len(body.text) > len(text) or not _closed(body.text)


def _statement(drafts: Sequence[Draft], index: int) -> bool:
    """A one-sentence line with blank lines around it, after a finished paragraph and
    before a longer one or a heading."""
    draft = drafts[index]
    text = draft.text
    if not _plain(draft) or len(_HAN.findall(text)) < 4 or len(text) > STATEMENT_MAX:
        return False
    if not _closed(text) or _INNER_PAUSE.search(text) or _sentences(text) > 1:
        return False
    previous = drafts[index - 1] if index else None
    following = drafts[index + 1] if index + 1 < len(drafts) else None
    if following is None or following.line == draft.line + 1:
        return False
    if previous is not None:
        if previous.line == draft.line - 1:
            return False
        last = previous.followers[-1].text if previous.followers else previous.text
        if not previous.heading and not _closed(last):
            return False
    return following.heading or len(following.text) > len(text)


def _statements(drafts: Sequence[Draft], run: list[int]) -> list[int]:
    """The statements of a section's run that head what follows them: those written as a
    title with a pause in it (五年来，国民经济保持良好发展势头: a comma, no final 。; a
    line without one is :mod:`.titles`' to judge) when there are two, and those
    that open with the same words as one of them (五年来，我们的主要工作体会有以下几个方面。)."""
    titled = [
        i for i in run if "，" in drafts[i].text and not drafts[i].text.endswith(_SENTENCE_ENDS)
    ]
    if len({drafts[i].text for i in titled}) < _MIN_RUN:
        return []
    openings = {drafts[i].text[:SHARED_OPENING] for i in titled}
    return [i for i in run if i in titled or drafts[i].text[:SHARED_OPENING] in openings]


def _runs(candidates: list[int], sections: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in candidates:
        if runs and sections[runs[-1][-1]] == sections[index]:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [run for run in runs if len(run) >= _MIN_RUN]


def mark_own_line_leads(drafts: Sequence[Draft]) -> None:
    """Make lead lines and standalone statements headings (levels come from nesting).

    Not in a law: after its 第X条, paragraphs are the 款 of an article.
    """
    if sum(1 for d in drafts if not d.marker_kind and article_number(d.text)) >= 2:
        return
    found = [i for i in range(len(drafts)) if _lead_over_body(drafts, i)]
    if not _blank_separated(drafts, set(found)):
        return  # lines follow each other: which of them stand apart cannot be seen
    sections = _section_breaks(drafts)
    for run in _runs(found, sections):
        for index in run:
            draft = drafts[index]
            draft.heading, draft.kind, draft.family = True, "lead", LEAD
            draft.text = drop_final_full_stop(draft.text)
    found = [i for i in range(len(drafts)) if _statement(drafts, i)]
    for run in _runs(found, sections):
        for index in _statements(drafts, run):
            draft = drafts[index]
            draft.heading, draft.kind, draft.family = True, "title", STATEMENT
            draft.text = drop_final_full_stop(draft.text)
