"""The whole pipeline for one text: bytes in, :class:`~wenji.model.Document` out."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .boilerplate import BoilerplateRules, removal_warnings, strip_boilerplate
from .clean import clean_lines, drop_zero_width, normalise_newlines, show_controls
from .decode import DecodeError, decode
from .frontmatter import split_front_matter
from .ids import assign_ids
from .metadata import read_header
from .model import Diagnostic, Document
from .structure import StructureRules, detect_structure


@dataclass(frozen=True)
class Options:
    """How texts are processed (validated from the site configuration)."""

    remove_boilerplate: bool = True
    boilerplate: BoilerplateRules = BoilerplateRules()
    structure: StructureRules = StructureRules()


#: Lines with bad bytes or control characters warned about one by one; then a summary.
LINES_SHOWN = 10


class SkippedText(Exception):
    """A file that cannot become a page; ``diagnostic`` says which and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


@dataclass
class StageTimer:
    """Seconds spent per pipeline stage, summed over a build."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] += now - started
        return now


def process(
    data: bytes, source: str, options: Options = Options(), timer: StageTimer | None = None
) -> Document:
    """Decode, clean, strip boilerplate, read metadata and detect structure.

    ``source`` names the file in diagnostics (path relative to the corpus folder).
    Raises :class:`SkippedText` for files that cannot become a page.
    """
    timer = timer or StageTimer()
    started = time.perf_counter()
    try:
        decoded = decode(data)
    except DecodeError as error:
        raise SkippedText(Diagnostic("warning", source, f"skipped: {error}")) from None
    text, controls = show_controls(normalise_newlines(decoded.text))
    text, zero_width = drop_zero_width(text)
    started = timer.add("decode", started)

    found_bad = [(r.line, r.message) for r in decoded.repairs] + controls
    diagnostics = line_warnings(sorted(found_bad), source)
    if zero_width:
        message = (
            f"removed {zero_width} zero-width character(s) inside lines (U+200B, U+200C, "
            "U+200D, U+2060, U+FEFF) so that search finds the words; the raw .txt keeps them"
        )
        diagnostics.append(Diagnostic("info", source, message))
    front = split_front_matter(text, source)
    diagnostics.extend(front.diagnostics)
    body_text = "\n".join(text.split("\n")[front.body_start :])
    lines = clean_lines(body_text, first_line_number=front.body_start + 1)
    if not lines and not front.kept:
        reason = "no text after the front matter" if front.body_start else "empty file"
        raise SkippedText(Diagnostic("warning", source, f"skipped: {reason}"))

    removals = []
    if options.remove_boilerplate:
        lines, removals = strip_boilerplate(lines, options.boilerplate)
        for removal in removals:
            diagnostics.append(
                Diagnostic(
                    "info",
                    source,
                    f"removed lines {removal.first_line}–{removal.last_line} as boilerplate "
                    f"(signals: {', '.join(removal.signals)})",
                    removal.first_line,
                )
            )
            diagnostics.extend(removal_warnings(removal, source))

    header = read_header(lines, front.values, source, removals)
    body = [*front.kept, *header.body]
    blocks, found = detect_structure(body, source, front.structure, options.structure)
    diagnostics.extend(found)
    timer.add("structure", started)
    return Document(
        source=source,
        encoding=decoded.encoding,
        metadata=header.metadata,
        blocks=assign_ids(blocks),
        title_from=header.title_from,
        title_line=header.title_line,
        removals=tuple(removals),
        diagnostics=tuple(diagnostics),
    )


def line_warnings(found: Sequence[tuple[int, str]], source: str) -> list[Diagnostic]:
    """One warning per ``(line, message)`` (at most :data:`LINES_SHOWN`), then a summary."""
    diagnostics = [
        Diagnostic("warning", source, message, line) for line, message in found[:LINES_SHOWN]
    ]
    if len(found) > LINES_SHOWN:
        rest = found[LINES_SHOWN:]
        message = (
            f"{len(rest)} more lines with bad bytes or control characters "
            f"(lines {rest[0][0]}–{rest[-1][0]}); is this file damaged?"
        )
        diagnostics.append(Diagnostic("warning", source, message, rest[0][0]))
    return diagnostics


def process_file(path: Path, source: str, options: Options = Options()) -> Document:
    """:func:`process` for a file on disk; unreadable files become :class:`SkippedText`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise SkippedText(
            Diagnostic("warning", source, f"skipped: cannot read ({reason})")
        ) from None
    return process(data, source, options)
