"""Which characters of a source reach the document model, in order.

Only characters that carry words count: Han, letters and digits (``\\w`` without ``_``);
punctuation and whitespace are ignored, so a heading that drops its final 。 or a
paragraph joined from two lines loses nothing.

The source's counted characters form one string ``S``. The model's blocks, in order, are
found in ``S`` one after another with ``str.find`` from where the previous block ended
(a block joined from several lines is still one contiguous piece of ``S``); the greedy
earliest match covers as much as any in-order alignment would. A block that is not found
in order is looked for anywhere (it was moved). Then metadata values (title, subtitle,
date as written, speaker, source, editor …) are found among the characters still
uncovered, together with a short ``label：`` before them on the same line. What remains
uncovered was removed; :func:`align` reports it per source line. Linear in practice:
a 1 MB text takes a few milliseconds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from ..model import Document, Metadata

_NOT_COUNTED = re.compile(r"[\W_]+")
_UNCOVERED = re.compile(rb"\x00+")
_LABEL_MAX = 6
# Metadata fields derived from other fields (occasion from the subtitle) or not text.
_DERIVED_METADATA = frozenset({"date", "occasion", "source_url", "tags"})


def counted(text: str) -> str:
    """The characters of ``text`` that the fidelity figures count."""
    return _NOT_COUNTED.sub("", text)


def block_strings(block: object) -> Iterator[str]:
    """Every text field of a block, including those of nested items (lists, articles).

    A ``number`` or ``label`` kept apart from the text (an article's 第十条) comes first,
    unless the text already holds it.
    """
    text = getattr(block, "text", None)
    for name in ("number", "label"):
        value = getattr(block, name, None)
        if isinstance(value, str) and counted(value) not in counted(text or ""):
            yield value
    if isinstance(text, str):
        yield text
    for name in ("title", "items", "children", "blocks"):
        value = getattr(block, name, None)
        if isinstance(value, str) and name == "title":
            yield value
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, str):
                    yield item
                else:
                    yield from block_strings(item)


def metadata_strings(metadata: Metadata, title_from_text: bool) -> list[str]:
    """Metadata values that copy words of the text (longest first)."""
    values: list[str] = []
    for spec in fields(metadata):
        if spec.name in _DERIVED_METADATA or (spec.name == "title" and not title_from_text):
            continue
        value = getattr(metadata, spec.name)
        if isinstance(value, str) and value.strip():
            values.append(value)
    return sorted(values, key=len, reverse=True)


@dataclass(frozen=True)
class Alignment:
    """Counted characters of the source and which of them the model does not hold.

    ``missing`` maps a 1-based source line number to the count of its characters that are
    not in the model; ``moved`` counts characters of blocks found only out of order;
    ``unmatched`` counts block characters not found in the source at all.
    """

    total: int
    missing: dict[int, int]
    moved: int
    unmatched: int

    @property
    def missing_total(self) -> int:
        return sum(self.missing.values())


def align(lines: list[str], first_line: int, document: Document) -> Alignment:
    """Align ``lines`` (the decoded file's lines from 1-based ``first_line`` on, e.g. after
    front matter) with ``document``'s blocks and metadata."""
    keys = [counted(line) for line in lines]
    starts: list[int] = []
    offset = 0
    for key in keys:
        starts.append(offset)
        offset += len(key)
    source = "".join(keys)
    covered = bytearray(len(source))
    moved = unmatched = 0

    title_from_text = document.title_from == "first line"
    values = metadata_strings(document.metadata, title_from_text)
    # The date as written, when it is a whole line (under the title) and no block's text
    # is that line: cover it first, so that a short block after it (（一）) is not matched
    # inside it.
    pieces = list(_pieces(document.blocks))
    whole = ({counted(document.metadata.date_text)} & set(keys)) - set(pieces)
    for index, key in enumerate(keys):
        if key in whole and not any(covered[starts[index] : starts[index] + len(key)]):
            covered[starts[index] : starts[index] + len(key)] = b"\x01" * len(key)
            whole.discard(key)
    # Likewise the title on the line it was read from (a salutation 中央政治局： after
    # 致中共中央政治局的信 is not matched inside the title).
    title = counted(document.metadata.title) if title_from_text else ""
    line = (document.title_line or 0) - first_line
    at = starts[line] if title and 0 <= line < len(keys) else -1
    if at >= 0 and source.startswith(title, at) and not any(covered[at : at + len(title)]):
        covered[at : at + len(title)] = b"\x01" * len(title)
        values.remove(document.metadata.title)  # found: not to be matched a second time

    cursor = 0
    for piece in pieces:
        at = _find_uncovered(source, covered, piece, cursor)
        if at >= 0:
            covered[at : at + len(piece)] = b"\x01" * len(piece)
            cursor = at + len(piece)
            continue
        at = _find_uncovered(source, covered, piece)
        if at >= 0:
            covered[at : at + len(piece)] = b"\x01" * len(piece)
            moved += len(piece)
        else:
            unmatched += len(piece)

    for value in values:
        piece = counted(value)
        at = _find_uncovered(source, covered, piece) if piece else -1
        if at < 0:
            continue
        covered[at : at + len(piece)] = b"\x01" * len(piece)
        index = bisect.bisect_right(starts, at) - 1
        start = starts[index]
        raw = lines[index]
        if 0 < at - start <= _LABEL_MAX and not any(covered[start:at]) and _has_colon(raw):
            covered[start:at] = b"\x01" * (at - start)

    missing: dict[int, int] = {}
    for run in _UNCOVERED.finditer(covered):
        position, end = run.start(), run.end()
        while position < end:
            index = bisect.bisect_right(starts, position) - 1
            line_end = starts[index + 1] if index + 1 < len(starts) else len(source)
            stop = min(end, line_end)
            number = first_line + index
            missing[number] = missing.get(number, 0) + stop - position
            position = stop
    return Alignment(len(source), missing, moved, unmatched)


def _pieces(blocks: Iterable[object]) -> Iterator[str]:
    for block in blocks:
        for text in block_strings(block):
            piece = counted(text)
            if piece:
                yield piece


def _find_uncovered(source: str, covered: bytearray, piece: str, start: int = 0) -> int:
    """The first occurrence of ``piece`` in ``source`` from ``start`` on none of whose
    characters is covered."""
    at = source.find(piece, start)
    while at >= 0:
        if covered.find(b"\x01", at, at + len(piece)) < 0:
            return at
        at = source.find(piece, at + 1)
    return -1


def _has_colon(line: str) -> bool:
    return "：" in line[: _LABEL_MAX * 2 + 2] or ":" in line[: _LABEL_MAX * 2 + 2]
