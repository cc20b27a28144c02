"""Numbering slips: numbers that repeat, skip or go back within their section."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Diagnostic
from ..patterns import format_marker
from .draft import Draft

_UNNUMBERED = frozenset({"dash", "tagged"})  # ——…, 【第一财经】…: families without numbers


def numbering_anomalies(drafts: Sequence[Draft], source: str) -> list[Diagnostic]:
    """An INFO diagnostic for every heading whose number is not the expected next one."""
    diagnostics: list[Diagnostic] = []
    last: dict[str, tuple[int, str, int]] = {}  # kind -> (number, marker text, level)
    for draft in drafts:
        if not draft.heading or draft.level is None:
            continue
        for kind in [k for k, (_, _, lvl) in last.items() if lvl > draft.level]:
            del last[kind]
        if not draft.marker_kind or draft.marker_kind in _UNNUMBERED:
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
