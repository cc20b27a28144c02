"""A numbered run is judged as a whole: its items head sections together.

When most items of a run (第一，… 第五，, 一是… 四是…, 甲、… 庚、) open with a short title
sentence and became headings, an item left out only because its first sentence is longer
(第二，必须坚决地吸引本地本厂的工人积极分子到工会各级领导机关中来，以加强…。) heads its
section as well: the reader sees one series. A run whose items are mostly long stays as
it is (the list recogniser has already made such runs paragraphs).

Words that count a series without numbers join it the same way: 首先，… before a series
that goes on with 第二，, 最后，… after the last item of one, and a chain 首先，… 其次，…
（再次，…） 最后，… whose opening sentences are short.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..patterns import OPENER_KINDS, first_sentence
from .draft import Draft, drop_final_full_stop

_MIN_RUN = 3
_SENTENCE_MAX = 80  # longer than this, an opening sentence is a paragraph's, never a title
_NEXT_SHI = re.compile(r"[，,；;][二三四五六七八九十]是")
_ORDINALS = frozenset({"ordinal", "ordinal_topic"})
# Families counted in words, whose items may open with a long rhetorical sentence (not the
# decimal or Arabic numbers of a plan's clauses).
_SPOKEN = frozenset({*_ORDINALS, "shi", "stem", "cn", "cn_paren", "cn_space"})
_SEQUENCE = re.compile(r"^(首先|其次|再次|最后)[，,]")
SEQUENCE = "sequence"
_SHORT = 40
_WHOLE = 60


def _title(draft: Draft, limit: int) -> tuple[str, str] | None:
    """``(heading, body)`` when ``draft`` opens with a sentence of at most ``limit``
    characters, or is a line short enough to head as a whole; else ``None``."""
    if draft.source_text.rstrip().endswith(("：", ":")):
        return None  # 首先，我提议： introduces what follows
    sentence, rest = first_sentence(draft.source_text)
    if not rest or len(sentence) > limit or not sentence.endswith("。"):
        if rest or len(draft.source_text) > _WHOLE:
            return None
        sentence = draft.source_text
    if draft.marker_kind in OPENER_KINDS and _NEXT_SHI.search(sentence):
        return None  # 一是…，二是…: words of one sentence
    return drop_final_full_stop(sentence), rest


def _promote(draft: Draft, title: tuple[str, str]) -> None:
    draft.heading, draft.kind = True, "marker"
    draft.text = title[0]
    draft.followers = [Draft(draft.line, title[1], locked=True)] if title[1] else []


def _candidate(draft: Draft) -> bool:
    return not draft.heading and not draft.locked and not draft.followers


def complete_runs(drafts: Sequence[Draft]) -> None:
    """Promote the long items of numbered runs that are mostly headings."""
    runs: dict[str, list[Draft]] = {}

    def settle(run: list[Draft]) -> None:
        headed = sum(d.heading for d in run)
        if len(run) >= _MIN_RUN and 2 * headed >= len(run) and headed < len(run):
            for draft in run:
                if _candidate(draft) and (title := _title(draft, _SENTENCE_MAX)):
                    _promote(draft, title)

    for draft in drafts:
        kind = draft.marker_kind
        if kind not in _SPOKEN or (draft.locked and not draft.heading):
            continue
        run = runs.setdefault(kind, [])
        if run and draft.marker_number != run[-1].marker_number + 1:
            settle(run)
            run.clear()
        run.append(draft)
    for run in runs.values():
        settle(run)


def _sequence_word(draft: Draft) -> str:
    if draft.heading or draft.locked or draft.marker_kind:
        return ""
    match = _SEQUENCE.match(draft.source_text)
    return match.group(1) if match else ""


def _join(draft: Draft, kind: str, number: int) -> None:
    title = _title(draft, _SHORT)
    if title is not None:
        _promote(draft, title)
        draft.marker_kind, draft.marker_number = kind, number
        draft.marker_text = draft.source_text[:2]


def mark_sequence_words(drafts: Sequence[Draft]) -> None:
    """首先/其次/再次/最后 paragraphs that count the items of a series head them."""
    words = [(i, w) for i, d in enumerate(drafts) if (w := _sequence_word(d))]
    for index, draft in enumerate(drafts):
        if draft.heading and draft.marker_kind in _ORDINALS and draft.marker_number == 2:
            _first_item(drafts, index)
    for index, word in words:
        draft = drafts[index]
        if word == "最后":
            previous = next((d for d in reversed(drafts[:index]) if d.heading), None)
            if (
                previous is not None
                and previous.marker_kind in _ORDINALS
                and previous.marker_number >= 2
                and not any(d.marker_kind == previous.marker_kind for d in drafts[index + 1 :])
            ):
                _join(draft, previous.marker_kind, previous.marker_number + 1)
    _chains(drafts, words)


def _first_item(drafts: Sequence[Draft], second: int) -> None:
    """A 首先，… paragraph before a 第二，… that has no 第一，… is its first item."""
    kind = drafts[second].marker_kind
    for draft in reversed(drafts[:second]):
        if draft.heading or draft.marker_kind == kind:
            return
        if _sequence_word(draft) == "首先":
            _join(draft, kind, 1)
            return


def _chains(drafts: Sequence[Draft], words: Sequence[tuple[int, str]]) -> None:
    """首先 … 其次 … (再次 …) 最后, in this order with no heading between, each opening
    with a short sentence: a series."""
    order = ("首先", "其次", "再次", "最后")
    chain: list[tuple[int, int]] = []  # (position, step)
    for index, word in words:
        step = order.index(word)
        if drafts[index].heading or _title(drafts[index], _SHORT) is None:
            chain = []
            continue
        follows = (
            chain
            and step > chain[-1][1]
            and not any(d.heading for d in drafts[chain[-1][0] + 1 : index])
        )
        if follows:
            chain.append((index, step))
        else:
            chain = [(index, step)] if step == 0 else []
        if step == len(order) - 1 and len(chain) >= _MIN_RUN:
            for number, (position, _) in enumerate(chain, 1):
                _join(drafts[position], SEQUENCE, number)
            chain = []
