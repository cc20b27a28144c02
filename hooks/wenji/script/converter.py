"""The converter an edition uses: curator phrases, then word-aware OpenCC.

For a Simplified → Traditional configuration (``s2t``, ``s2tw``, ``s2hk`` …) the text is
converted word by word (:class:`wenji.script.words.WordConverter`); for the others OpenCC
alone converts it. Curator phrase files come first in either case: at each position the
leftmost, then longest curator phrase is replaced by its target, and only the stretches
between such phrases are converted, so a curator entry always wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from types import MappingProxyType

import opencc

from .configs import is_word_aware, normalize_config
from .phrases import load_phrase_file, trie_pattern
from .words import HAN, WordConverter, override_files

__all__ = ["Converter", "get_converter"]


class Converter:
    """Word-aware OpenCC for one configuration, plus the curator's phrase files.

    ``extra_phrase_files`` are read in order, later entries overriding earlier ones.
    ``use_default_phrases=False`` leaves out the shipped word lists (plain OpenCC per
    word); ``regional=False`` keeps the corrections of ``common.txt`` but not the
    regional vocabulary of ``<config>.txt``. Use :func:`get_converter` instead of
    constructing converters in a loop: building one loads OpenCC's dictionaries.
    """

    def __init__(
        self,
        config: str,
        extra_phrase_files: Iterable[str | PathLike[str]] = (),
        *,
        use_default_phrases: bool = True,
        regional: bool = True,
    ) -> None:
        self.config: str = normalize_config(config)
        self._opencc = opencc.OpenCC(self.config)
        self.word_files: tuple[Path, ...] = ()
        self._words: WordConverter | None = None
        if is_word_aware(self.config):
            if use_default_phrases:
                self.word_files = override_files(self.config, regional=regional)
            self._words = WordConverter(self.config, self.word_files)
        self.phrase_files: tuple[Path, ...] = tuple(Path(p) for p in extra_phrase_files)
        merged: dict[str, str] = {}
        for path in self.phrase_files:
            merged.update(load_phrase_file(path))
        self.phrases: Mapping[str, str] = MappingProxyType(merged)
        self._pattern: re.Pattern[str] | None = re.compile(trie_pattern(merged)) if merged else None

    def __repr__(self) -> str:
        return f"Converter({self.config!r}, {len(self.phrases)} curator phrases)"

    def convert_raw(self, text: str) -> str:
        """What OpenCC alone makes of ``text`` (no segmentation, no word lists)."""
        return self._opencc.convert(text)

    def _convert_stretch(self, text: str) -> str:
        if not text or not HAN.search(text):
            return text
        if self._words is None:
            # OpenCC's C++ core stops at a NUL character: convert around it.
            return "\x00".join(map(self._opencc.convert, text.split("\x00")))
        return self._words.convert(text)

    def convert(self, text: str) -> str:
        """Convert ``text``: curator phrases first (leftmost, longest), words for the rest."""
        if not text:
            return text
        pattern = self._pattern
        if pattern is None:
            return self._convert_stretch(text)
        parts: list[str] = []
        position = 0
        for match in pattern.finditer(text):
            if match.start() > position:
                parts.append(self._convert_stretch(text[position : match.start()]))
            parts.append(self.phrases[match.group()])
            position = match.end()
        if position < len(text):
            parts.append(self._convert_stretch(text[position:]))
        return "".join(parts)


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)


@functools.cache
def _cached_converter(
    config: str,
    extra_phrase_files: tuple[str, ...],
    regional: bool,
    _stamp: tuple[tuple[str, int, int], ...],
) -> Converter:
    return Converter(config, extra_phrase_files, regional=regional)


def get_converter(
    config: str,
    extra_phrase_files: Iterable[str | PathLike[str]] = (),
    *,
    regional: bool = True,
) -> Converter:
    """The process-wide converter for ``config`` (+ curator dictionaries), built once.

    ``"s2tw"`` and ``"s2tw.json"`` give the same object. The cache key includes the
    modification time of every dictionary file, so editing a dictionary while
    ``mkdocs serve`` runs takes effect on the next rebuild.
    """
    name = normalize_config(config)
    extras = tuple(str(Path(extra)) for extra in extra_phrase_files)
    files = [*override_files(name, regional=regional), *map(Path, extras)]
    return _cached_converter(name, extras, regional, tuple(_file_key(path) for path in files))


get_converter.cache_clear = _cached_converter.cache_clear  # type: ignore[attr-defined]
