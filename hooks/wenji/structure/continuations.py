"""The rest of a paragraph a copy broke off mid-sentence is never a heading.

Copies of web pages break a paragraph where the page had inline markup (the subscript of
PM2.5, a bold word): a long line stops in the middle of a sentence (…广义货币M) and the next
line goes on with it (2 / 预期增长12%左右…, 题。发挥好…). That next line is kept as a
paragraph, word for word; no recogniser makes it a heading or a lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from .draft import Draft

BROKEN_MIN = 60  # a line this long that stops without punctuation was cut
_CUT = re.compile(r"\w$")
_CLAUSE = re.compile(r"^(\w*)[，,、。；;：:]")  # the words before the first pause
_TAIL_MAX = 3


def _last_text(draft: Draft) -> str:
    return draft.followers[-1].text if draft.followers else draft.text


def keep_continuations(drafts: Sequence[Draft]) -> None:
    """Lock the lines that go on a sentence the line before them left open."""
    for previous, draft in pairwise(drafts):
        tail = _last_text(previous).rstrip()
        if draft.locked or draft.heading or draft.marker_kind:
            continue
        if len(tail) >= BROKEN_MIN and _CUT.search(tail) and _goes_on(draft.text):
            draft.locked = draft.continues = True


def _goes_on(text: str) -> bool:
    """Does ``text`` open with the tail of a sentence (题。…, 民满意、…, ）浓度…, 2)
    rather than a sentence of its own (稳定和扩大消费。…)?"""
    clause = _CLAUSE.match(text)
    return clause is None or len(clause.group(1)) <= _TAIL_MAX
