"""Structure: which lines are headings, at which level, and which are body paragraphs.

Three sources of headings, in order of authority:

1. curator overrides in front matter (``structure.headings`` / ``not_headings``);
2. numbering markers (一、 （一） 1. （1） 第一， 第一章 …), levels assigned per document
   by first appearance of each kind. A numbered line that is short and has no inner
   sentence end is a heading as a whole; a longer one whose first sentence is short is
   split into a heading (marker kept, final 。 dropped) and a body paragraph;
3. runs of three or more parallel lead sentences without numbering (要坚持…。 /
   着力在…。): same beginning or nearly the same length, each opening a longer paragraph.
   They become headings one level below the section they are in.

Salutations (同志们：) and closings (发言完毕…) are never headings unless overridden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .frontmatter import StructureOverrides
from .model import Block, Diagnostic, Heading, Paragraph, SourceLine
from .patterns import (
    first_sentence,
    format_marker,
    has_inner_sentence_end,
    is_closing,
    is_salutation,
    numbering_marker,
)


@dataclass(frozen=True)
class StructureRules:
    """Thresholds of the heading detector, in characters."""

    whole_line_heading_max: int = 60
    lead_sentence_max: int = 40
    parallel_sentence_max: int = 32
    parallel_min_run: int = 3
    parallel_length_spread: int = 3
    parallel_common_prefix: int = 2


@dataclass
class _Draft:
    """A block before levels and ids are settled."""

    line: int
    text: str
    heading: bool = False
    marker_kind: str = ""
    marker_text: str = ""
    marker_number: int = 0
    level: int | None = None
    kind: str = "marker"
    locked: bool = False  # set by an override or a salutation: no detector may change it
    followers: list[_Draft] = field(default_factory=list)


def _drop_final_full_stop(text: str) -> str:
    return text[:-1] if text.endswith("。") and len(text) > 1 else text


def _split_heading(text: str, rules: StructureRules, forced: bool) -> tuple[str, str] | None:
    """``(heading, body)`` for a line that opens with a heading, or ``None``."""
    if len(text) <= rules.whole_line_heading_max and not has_inner_sentence_end(text):
        return _drop_final_full_stop(text), ""
    sentence, rest = first_sentence(text)
    if rest and (forced or len(sentence) <= rules.lead_sentence_max):
        return _drop_final_full_stop(sentence), rest
    if forced:
        return text, ""
    return None


def detect_structure(
    lines: Sequence[SourceLine],
    source: str,
    overrides: StructureOverrides = StructureOverrides(),
    rules: StructureRules = StructureRules(),
) -> tuple[list[Block], list[Diagnostic]]:
    """Turn body lines into headings and paragraphs (ids still empty)."""
    diagnostics: list[Diagnostic] = []
    drafts: list[_Draft] = []
    used_overrides: set[str] = set()

    for line in lines:
        text = line.text
        not_heading = next((p for p in overrides.not_headings if text.startswith(p)), None)
        forced = next((o for o in overrides.headings if text.startswith(o.prefix)), None)
        marker = numbering_marker(text)
        if not_heading is not None:
            used_overrides.add(not_heading)
            drafts.append(_Draft(line.number, text, locked=True))
            continue
        if forced is not None:
            used_overrides.add(forced.prefix)
            split = _split_heading(text, rules, forced=True)
            assert split is not None
            draft = _Draft(line.number, split[0], heading=True, level=forced.level)
            draft.kind, draft.locked = "override", True
            if marker:
                draft.marker_kind, draft.marker_text = marker.kind, marker.text
                draft.marker_number = marker.number
            drafts.append(draft)
            if split[1]:
                drafts.append(_Draft(line.number, split[1], locked=True))
            continue
        if is_salutation(text) or is_closing(text):
            drafts.append(_Draft(line.number, text, locked=True))
            continue
        if marker is not None:
            split = _split_heading(text, rules, forced=False)
            if split is None:
                sentence, _ = first_sentence(text)
                diagnostics.append(
                    Diagnostic(
                        "info",
                        source,
                        f"numbered line {marker.text}… kept as a paragraph: its first "
                        f"sentence has {len(sentence)} characters "
                        f"(headings take at most {rules.lead_sentence_max})",
                        line.number,
                    )
                )
                drafts.append(_Draft(line.number, text))
                continue
            drafts.append(
                _Draft(
                    line.number,
                    split[0],
                    heading=True,
                    marker_kind=marker.kind,
                    marker_text=marker.text,
                    marker_number=marker.number,
                )
            )
            if split[1]:
                drafts.append(_Draft(line.number, split[1], locked=True))
            continue
        drafts.append(_Draft(line.number, text))

    for override in overrides.headings:
        if override.prefix not in used_overrides:
            diagnostics.append(_unmatched(source, "headings", override.prefix))
    for prefix in overrides.not_headings:
        if prefix not in used_overrides:
            diagnostics.append(_unmatched(source, "not_headings", prefix))

    _assign_marker_levels(drafts)
    if overrides.lead_sentences:
        _mark_parallel_leads(drafts, rules)
    diagnostics.extend(_numbering_anomalies(drafts, source))
    return _to_blocks(drafts), diagnostics


def _unmatched(source: str, key: str, prefix: str) -> Diagnostic:
    message = f"front matter: structure.{key}: no line starts with '{prefix}'"
    return Diagnostic("warning", source, message, 1)


def _assign_marker_levels(drafts: list[_Draft]) -> None:
    """Each marker kind gets the next level the first time it appears as a heading."""
    levels: dict[str, int] = {}
    for draft in drafts:
        if not draft.heading:
            continue
        if draft.marker_kind and draft.marker_kind not in levels:
            levels[draft.marker_kind] = min(6, 2 + len(levels))
        if draft.level is None:
            draft.level = levels.get(draft.marker_kind, 2)


def _lead_split(draft: _Draft, rules: StructureRules) -> tuple[str, str] | None:
    if draft.heading or draft.locked or numbering_marker(draft.text):
        return None
    sentence, rest = first_sentence(draft.text)
    if not rest or not sentence.endswith("。") or len(sentence) > rules.parallel_sentence_max:
        return None
    if len(rest) < len(sentence):
        return None
    return sentence, rest


def _parallel(sentences: Sequence[str], rules: StructureRules) -> bool:
    lengths = [len(s) for s in sentences]
    if max(lengths) - min(lengths) <= rules.parallel_length_spread:
        return True
    prefix = sentences[0][: rules.parallel_common_prefix]
    return all(s.startswith(prefix) for s in sentences)


def _mark_parallel_leads(drafts: list[_Draft], rules: StructureRules) -> None:
    """Find runs of parallel lead sentences among consecutive body paragraphs."""
    index = 0
    while index < len(drafts):
        run: list[tuple[int, str, str]] = []
        cursor = index
        while cursor < len(drafts) and (split := _lead_split(drafts[cursor], rules)):
            run.append((cursor, *split))
            cursor += 1
        start = 0
        while len(run) - start >= rules.parallel_min_run:
            end = start + 1
            while end < len(run) and _parallel([s for _, s, _ in run[start : end + 1]], rules):
                end += 1
            if end - start >= rules.parallel_min_run:
                _promote(drafts, run[start:end])
                start = end
            else:
                start += 1
        index = cursor + 1 if cursor == index else cursor


def _promote(drafts: list[_Draft], run: Sequence[tuple[int, str, str]]) -> None:
    first = run[0][0]
    parent_level = next((d.level for d in reversed(drafts[:first]) if d.heading), 1) or 1
    level = min(6, parent_level + 1)
    for position, sentence, rest in run:
        draft = drafts[position]
        draft.heading, draft.kind, draft.level = True, "lead", level
        draft.followers.append(_Draft(draft.line, rest, locked=True))
        draft.text = _drop_final_full_stop(sentence)


def _numbering_anomalies(drafts: Sequence[_Draft], source: str) -> list[Diagnostic]:
    """Report numbers that repeat, skip or go back within their section."""
    diagnostics: list[Diagnostic] = []
    last: dict[str, tuple[int, str, int]] = {}  # kind -> (number, marker text, level)
    for draft in drafts:
        if not draft.heading or draft.level is None:
            continue
        for kind in [k for k, (_, _, lvl) in last.items() if lvl > draft.level]:
            del last[kind]
        if not draft.marker_kind:
            continue
        previous = last.get(draft.marker_kind)
        expected = previous[0] + 1 if previous else 1
        if draft.marker_number != expected:
            wanted = format_marker(draft.marker_kind, expected, draft.marker_text)
            after = f"follows {previous[1]}" if previous else "opens its section"
            diagnostics.append(
                Diagnostic(
                    "info",
                    source,
                    f"numbering: {draft.marker_text} {after} (expected {wanted}); kept as written",
                    draft.line,
                )
            )
        last[draft.marker_kind] = (draft.marker_number, draft.marker_text, draft.level)
    return diagnostics


def _to_blocks(drafts: Sequence[_Draft]) -> list[Block]:
    blocks: list[Block] = []
    for draft in drafts:
        if draft.heading:
            blocks.append(
                Heading(
                    level=draft.level or 2,
                    text=draft.text,
                    id="",
                    line=draft.line,
                    marker=draft.marker_text,
                    kind=draft.kind,  # type: ignore[arg-type]
                )
            )
        else:
            blocks.append(Paragraph(draft.text, "", draft.line))
        blocks.extend(Paragraph(f.text, "", f.line) for f in draft.followers)
    return blocks
