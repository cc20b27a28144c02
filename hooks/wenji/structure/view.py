"""The shared view of a text's lines that every recogniser reads.

Each line is looked at once (numbering marker, first sentence, salutation or closing);
recognisers then decide from these facts without re-parsing the text, so the whole stage
stays linear in the size of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import SourceLine
from ..patterns import Marker, first_sentence, is_closing, is_salutation, numbering_marker


@dataclass(frozen=True)
class LineView:
    """One body line and what can be said about it on its own."""

    number: int
    text: str
    marker: Marker | None
    sentence: str  # the first sentence (the whole line if it is one sentence)
    rest: str  # what follows the first sentence, "" if nothing
    salutation: bool
    closing: bool

    @classmethod
    def of(cls, line: SourceLine) -> LineView:
        sentence, rest = first_sentence(line.text)
        return cls(
            number=line.number,
            text=line.text,
            marker=numbering_marker(line.text),
            sentence=sentence,
            rest=rest,
            salutation=is_salutation(line.text),
            closing=is_closing(line.text),
        )


def view_lines(lines: Sequence[SourceLine]) -> list[LineView]:
    """The view of every line, in order."""
    return [LineView.of(line) for line in lines]
