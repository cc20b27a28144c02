"""Chinese word segmentation for script conversion: one dictionary per process.

rjieba (the Rust port of jieba, same dictionary and the same maximum-probability path
over the word graph) segments; HMM guessing of unknown words is off, so an unknown
word falls apart into single characters, which OpenCC then converts one by one, which
is what OpenCC does with an unknown word anyway. The dictionary (about 350k words) loads
on the first call, once per process: a worker process of a parallel build loads its own.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable

import rjieba

__all__ = ["add_words", "cut"]

_lock = threading.Lock()
_added: set[str] = set()


@functools.cache
def _segmenter() -> rjieba.Jieba:
    return rjieba.Jieba()


def add_words(words: Iterable[str]) -> None:
    """Make each of ``words`` one token from now on (word overrides must be whole tokens).

    Each gets the frequency that just makes jieba prefer it over the pieces it would cut
    it into (``suggest_freq``; never lower than the one it has, so a common word keeps
    its frequency, and the rest of the text is segmented as before).
    """
    segmenter = _segmenter()
    with _lock:
        for word in words:
            if word in _added or len(word) < 2:
                continue
            _added.add(word)
            segmenter.add_word(word, segmenter.suggest_freq(word), None)


def cut(text: str) -> list[str]:
    """``text`` as a list of tokens whose concatenation is ``text``."""
    return _segmenter().cut(text, False)
