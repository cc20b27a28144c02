"""Lists of links that a copied web page puts around an article are not headings.

A page's "most read" box numbers its headlines 01 … 05 and starts again at 01 for the
next box; a comment widget shows ``79 跟贴79``. Read line by line these look like
numbered section headings (``01 事关…`` opens with a number and a space), so they are
decided here as runs:

- a counter line (:func:`..patterns.is_counter`) is never a heading;
- a run of three or more consecutive lines that each open with a number and a space, with
  no other line between them, is a list of links when its numbers are zero-padded (01),
  start again (01 02 03 01 02), or when the lines end in view counts (… 44,524).

Such lines become paragraphs with their numbers kept, and no later recogniser may make
them headings again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ..patterns import is_counter
from .draft import Draft

_NUMBERED = re.compile(r"^(\d{1,2})[\s\u3000]+\S")
_VIEW_COUNT = re.compile(r"[\s\u3000]\d{1,3}(?:,\d{3})+$|[\s\u3000]\d{4,}$")
MIN_RUN = 3


def _link(draft: Draft) -> None:
    draft.demote()
    draft.locked = True


def _is_link_run(run: Sequence[Draft]) -> bool:
    numbers = [int(m.group(1)) for d in run if (m := _NUMBERED.match(d.source_text))]
    padded = any(d.source_text.startswith("0") for d in run)
    restarts = any(b <= a for a, b in pairwise(numbers))
    counts = sum(bool(_VIEW_COUNT.search(d.source_text)) for d in run) * 2 >= len(run)
    return padded or restarts or counts


def demote_link_lists(drafts: Sequence[Draft]) -> None:
    """Turn counters and runs of numbered links into paragraphs (locked)."""
    run: list[Draft] = []
    for draft in [*drafts, None]:
        if draft is not None and not draft.locked and is_counter(draft.source_text):
            _link(draft)
            continue
        if draft is not None and not draft.locked and _NUMBERED.match(draft.source_text):
            run.append(draft)
            continue
        if len(run) >= MIN_RUN and _is_link_run(run):
            for item in run:
                _link(item)
        run = []
