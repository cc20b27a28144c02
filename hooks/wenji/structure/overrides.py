"""Curator overrides from front matter (``structure.headings`` / ``not_headings``), and the
lines no detector may make a heading (salutations, closings)."""

from __future__ import annotations

from ..frontmatter import StructureOverrides
from ..model import Diagnostic
from .draft import Draft
from .markers import split_heading
from .rules import StructureRules
from .view import LineView


class CuratorOverrides:
    """Lines that start with a curator's prefix: a heading, or never one."""

    def __init__(self, overrides: StructureOverrides, rules: StructureRules, source: str) -> None:
        self.overrides = overrides
        self.rules = rules
        self.source = source
        self.used: set[str] = set()

    def run(self, view: LineView) -> list[Draft] | None:
        text = view.text
        not_heading = next((p for p in self.overrides.not_headings if text.startswith(p)), None)
        if not_heading is not None:
            self.used.add(not_heading)
            return [Draft(view.number, text, locked=True)]
        forced = next((o for o in self.overrides.headings if text.startswith(o.prefix)), None)
        if forced is None:
            return None
        self.used.add(forced.prefix)
        split = split_heading(view, self.rules, forced=True)
        assert split is not None
        draft = Draft(view.number, split[0], view.text, heading=True, level=forced.level)
        draft.kind, draft.locked = "override", True
        if view.marker:
            draft.marker_kind, draft.marker_text = view.marker.kind, view.marker.text
            draft.marker_number = view.marker.number
        if split[1]:
            draft.followers.append(Draft(view.number, split[1], locked=True))
        return [draft]

    def unmatched(self) -> list[Diagnostic]:
        """A warning for every override no line matched."""
        found = [
            self._unmatched("headings", o.prefix)
            for o in self.overrides.headings
            if o.prefix not in self.used
        ]
        found += [
            self._unmatched("not_headings", prefix)
            for prefix in self.overrides.not_headings
            if prefix not in self.used
        ]
        return found

    def _unmatched(self, key: str, prefix: str) -> Diagnostic:
        message = f"front matter: structure.{key}: no line starts with '{prefix}'"
        return Diagnostic("warning", self.source, message, 1)


class SpeechFrame:
    """Salutations (同志们：) and closings (发言完毕…) are never headings."""

    def run(self, view: LineView) -> list[Draft] | None:
        if view.salutation or view.closing:
            return [Draft(view.number, view.text, locked=True)]
        return None
