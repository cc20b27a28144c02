"""Script conversion: turn a finished document model into another Chinese script.

Simplified → Traditional is word-aware: the text is cut into words (rjieba, the jieba
dictionary), each word goes through OpenCC on its own, and short shipped word lists
correct what OpenCC gets wrong inside single words or writes in a form the edition's
readers do not use (``data/phrases/``: ``common.txt`` for every Traditional edition,
``s2tw.txt`` Taiwan official forms, ``s2hk.txt`` Hong Kong forms). Curator phrase files
override everything. See "Traditional-script editions" in the project README.

Modules: :mod:`.configs` (OpenCC configurations), :mod:`.phrases` (the word list file
format), :mod:`.segment` (the segmenter, once per process), :mod:`.words` (per-word
conversion and context rules), :mod:`.converter` (:class:`Converter`,
:func:`get_converter`), :mod:`.document` (the document model through a converter; ids
never change), :mod:`.detect` (is a text Traditional already, leftover Simplified).
"""

from __future__ import annotations

from .configs import KNOWN_CONFIGS, normalize_config
from .converter import Converter, get_converter
from .detect import is_traditional, leftover_lines, simplified_only_chars
from .document import convert_document, convert_text
from .phrases import PHRASES_DIR, load_phrase_file

__all__ = [
    "KNOWN_CONFIGS",
    "PHRASES_DIR",
    "Converter",
    "convert_document",
    "convert_text",
    "get_converter",
    "is_traditional",
    "leftover_lines",
    "load_phrase_file",
    "normalize_config",
    "simplified_only_chars",
]
