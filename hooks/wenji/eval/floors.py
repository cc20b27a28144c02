"""Committed floors: figures that must not get worse (``bench/fidelity/floors.json``).

The file maps a group (a kind or ``overall``) to figures. Fractions are floors (the figure
must be at least this); counts of bad things (characters lost, body lines removed,
boilerplate kept, errors) are ceilings (at most this). :func:`make_floors` writes the
current figures with a little slack: fractions rounded down by 0.01, counts rounded up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .score import Figures

CEILINGS = ("errors", "chars_lost", "body_lines_removed", "boilerplate_lines_kept")
FLOORS = (
    "heading_recall_level",
    "heading_precision_level",
    "heading_recall_any",
    "heading_precision_any",
    "title_exact",
    "date_exact",
    "speaker_exact",
    "articles_exact",
)


def make_floors(groups: Mapping[str, Figures]) -> dict[str, dict[str, float | int]]:
    """Floors from today's figures, rounded a little towards worse."""
    floors: dict[str, dict[str, float | int]] = {}
    for name, figures in sorted(groups.items()):
        rates = figures.rates()
        group: dict[str, float | int] = {}
        for key in FLOORS:
            value = rates[key]
            if isinstance(value, float):
                group[key] = max(0.0, math.floor(value * 100 - 1) / 100)
        for key in CEILINGS:
            value = rates[key]
            if isinstance(value, int):
                group[key] = value if value == 0 else math.ceil(value * 1.02) + 2
        floors[name] = group
    return floors


def check_floors(groups: Mapping[str, Figures], floors: Mapping[str, Any]) -> list[str]:
    """Every figure that fell below its floor (or rose above its ceiling)."""
    failures: list[str] = []
    for name, limits in floors.items():
        if name.startswith("_") or not isinstance(limits, dict):
            continue
        if name not in groups:
            failures.append(f"{name}: no texts of this kind were scored")
            continue
        rates = groups[name].rates()
        for key, limit in limits.items():
            value = rates.get(key)
            if value is None:
                failures.append(f"{name}.{key}: not measured (floor {limit})")
            elif key in CEILINGS and value > limit:
                failures.append(f"{name}.{key}: {value} is above its ceiling {limit}")
            elif key not in CEILINGS and value < limit:
                failures.append(f"{name}.{key}: {value} is below its floor {limit}")
    return failures
