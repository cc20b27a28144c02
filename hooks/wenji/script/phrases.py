"""Phrase and word list files: ``源词<TAB>目标词`` per line, ``#`` comments."""

from __future__ import annotations

import re
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

__all__ = ["PHRASES_DIR", "load_phrase_file", "trie_pattern"]

#: Where the shipped word lists live (see ``data/phrases/README.md``).
PHRASES_DIR: Path = Path(__file__).resolve().parent.parent / "data" / "phrases"


def load_phrase_file(path: str | PathLike[str]) -> dict[str, str]:
    """Read one phrase dictionary: ``源词<TAB or spaces>目标词`` per line.

    Blank lines and lines starting with ``#`` are ignored, and so is anything after a
    ``#`` that follows whitespace (a trailing comment). Any other line must have exactly
    two fields; otherwise ValueError names the file and the 1-based line number. Within
    one file, a later entry for the same source replaces an earlier one.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: phrase dictionary is not valid UTF-8 ({error})") from None
    except OSError as error:
        raise ValueError(f"{path}: phrase dictionary cannot be read ({error.strerror})") from None
    entries: dict[str, str] = {}
    # Split on newlines only, so line numbers match what an editor shows.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = re.split(r"\s#", line, maxsplit=1)[0]
        fields = line.split()
        if len(fields) != 2:
            raise ValueError(
                f"{path}:{number}: expected '源词<TAB>目标词' (two fields separated by a tab "
                f"or spaces), got {raw.strip()!r}"
            )
        source, target = fields
        entries[source] = target
    return entries


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first at each position.

    Words sharing a prefix share a branch (``干(?:部|劲|…)``), so the engine checks one
    character per position instead of trying every phrase, and the first-character set
    of the pattern lets ``re`` skip ahead quickly.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        terminal = "" in node
        branches = [re.escape(char) + build(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # After a complete phrase the continuation is a greedy optional group: the longer
        # phrase wins, the shorter one is the fallback when the longer does not match.
        return f"(?:{body})?" if terminal else body

    return build(trie)
