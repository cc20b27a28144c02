"""The thresholds of the structure recognisers (``extra.wenji.structure`` in mkdocs.yml)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StructureRules:
    """Thresholds of the heading detector, in characters."""

    whole_line_heading_max: int = 60
    lead_sentence_max: int = 40
    # Measured on the fidelity corpus (reports, speeches): short lead sentences in runs of
    # two or more, whatever their lengths, find the leads real reports use.
    parallel_sentence_max: int = 20
    # A longer lead (up to this) must be two balanced clauses (健全标准体系，推动…利用。).
    parallel_long_max: int = 30
    parallel_min_run: int = 2
    parallel_length_spread: int = 20
    parallel_common_prefix: int = 2
