"""Long parallel lead sentences: paragraphs that open with the same words.

A lead sentence is short as a rule (:mod:`.leads`), but a report also sets off longer ones
when it builds them alike: 针对企业生产经营困难加剧，加大纾困支持力度。 /
针对就业压力凸显，强化稳岗扩就业政策支持。, or 这五年，我国社会生产力、综合国力显着
提高。 / 这五年，改革开放取得重大进展。 Paragraphs next to each other whose first
sentences open with the same words and are not too long are a run of leads, one level
below their section, like the short ones; the words they share must not be a pronoun
or link word (我们…, 但是…) — those open ordinary paragraphs (see ``_STATEMENT``).
"""

from __future__ import annotations

import re

from ..patterns import article_number, first_sentence
from .draft import Draft
from .leads import _STATEMENT, _LevelTracker, _promote

LONG_LEAD_MAX = 40
SHARED_OPENING = 2
_MIN_RUN = 3
# Figures make a sentence a finding (全年粮食产量2151.9万吨，比上年减产1.8%。), and 要… an
# instruction within a paragraph (要继续打好三大攻坚战，精准发力、务求实效。), not a lead.
_NOT_A_LEAD = re.compile(r"^要|[0-9０-９%％]")


def _split(draft: Draft) -> tuple[str, str] | None:
    if draft.heading or draft.locked or draft.marker_kind or article_number(draft.text):
        return None
    sentence, rest = first_sentence(draft.text)
    if not rest or not sentence.endswith("。") or len(sentence) > LONG_LEAD_MAX:
        return None
    if _STATEMENT.search(sentence) or _NOT_A_LEAD.search(sentence) or len(rest) < len(sentence):
        return None
    return sentence, rest


def mark_long_leads(drafts: list[Draft]) -> None:
    """Promote runs of paragraphs whose long first sentences open with the same words.

    Not in a law: after its 第X条, paragraphs are the 款 of an article.
    """
    if sum(1 for d in drafts if not d.marker_kind and article_number(d.text)) >= 2:
        return
    levels = _LevelTracker(drafts)
    run: list[tuple[int, str, str]] = []

    def settle() -> None:
        if len(run) >= _MIN_RUN:
            _promote(drafts, run, min(6, levels.before(run[0][0]) + 1))
        run.clear()

    for index, draft in enumerate(drafts):
        split = _split(draft)
        if split is None:
            settle()
            continue
        if run and not split[0].startswith(run[0][1][:SHARED_OPENING]):
            settle()
        run.append((index, *split))
    settle()
