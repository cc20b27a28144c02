"""The title of the document a notice issues or forwards is a top section of the notice.

A 通知 that issues a plan names it in 《》 (现将《国家粮食应急预案》印发给你们) and then
prints it under the signature, its title on a line of its own (国家粮食应急预案, often
spaced out: 国 务 院 工 作 规 则). That line heads the issued document, whose own sections
nest below it, however the lines around it look (a date above it, a bracketed adoption
note under it). Only the first line after the mention that reads exactly as a name quoted
in 《》 counts, spaces aside (a name of four characters or more, on a line not broken off
inside a quotation).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .draft import Draft

_QUOTED = re.compile(r"《([^《》]{4,40})》")  # not 《通知》 as a word of a sentence
_OPEN = ("《", "“", "（", "(", "「", "『")
_SPACES = re.compile(r"[\s\u3000]+")


def mark_issued_title(drafts: Sequence[Draft]) -> None:
    """Make the title line of an issued or forwarded document a heading (family ``plain``)."""
    names: set[str] = set()
    previous = ""
    for draft in drafts:
        text = _SPACES.sub("", draft.source_text)
        broken = previous.endswith(_OPEN)  # a line broken inside a quotation: not a title
        previous = draft.source_text.rstrip()
        if names and text in names and not broken and not draft.locked and not draft.marker_kind:
            draft.heading, draft.kind = True, "title"
            draft.text = draft.source_text
            return
        names.update(_SPACES.sub("", name) for name in _QUOTED.findall(draft.source_text))
