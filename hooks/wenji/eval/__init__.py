"""Fidelity scoring: wenji's reading of real texts compared with their labelled truth.

``python -m wenji.eval`` (or ``make fidelity``) runs the real pipeline on every text of
``bench/fidelity/`` and reports, per kind and overall, how many headings, titles, dates
and speakers it got right and how many characters of the source it lost. See
``bench/fidelity/README.md`` for the corpus and :mod:`wenji.eval.cli` for the options.
Like the rest of the core library, this package does not import mkdocs.
"""

from .corpus import Entry, Truth, load_corpus
from .score import Figures, TextScore, score_corpus, score_text

__all__ = [
    "Entry",
    "Figures",
    "TextScore",
    "Truth",
    "load_corpus",
    "score_corpus",
    "score_text",
]
