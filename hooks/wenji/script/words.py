"""Word-aware Simplified → Traditional conversion: segment, then OpenCC word by word.

OpenCC on its own matches its phrase table greedily from the left, with no idea where
words begin, so a phrase straddling two words wins (被发明 → 被**髮**明 through 被发,
参与制造 → 參與**制**造, 我们党进 → 我們**党**進 through the name 党进; BYVoid/OpenCC#1497).
Here the text is first cut into words (:mod:`wenji.script.segment`), each word goes
through OpenCC on its own (cached: most words repeat; a run of single characters jieba does
not know, mostly names, goes through whole, so OpenCC's phrase table still sees 郭采洁 or
彭于晏), and then two small layers fix what remains:

* **word overrides** (``data/phrases/common.txt`` for every Traditional edition, then
  ``<config>.txt`` for the regional forms of that edition), applied to whole tokens; the
  regional entries also inside longer tokens (计划性 → 計畫性, 发布会 → 發布會);
* **context rules** for single-character tokens whose reading depends on the neighbour
  token (measure word 只 after a numeral → 隻; 里 after a numeral stays 里; 系 before 于
  → 繫, else 係; 准 before 其/予 "permit" stays 准), see ``WordConverter._in_context``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path

import opencc

from . import segment
from .configs import HONG_KONG_GLYPHS, REGIONAL_VARIANTS
from .phrases import PHRASES_DIR, load_phrase_file

__all__ = ["HAN", "WordConverter", "override_files"]

#: One Han character (CJK Unified Ideographs, extension A, compatibility, extensions B+).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

# A token ending in one of these counts as a numeral or demonstrative before a measure
# word: 三只 → 三隻, 这只手 → 這隻手; 十里 → 十里 (the unit, not 裡 "inside").
_COUNTERS = frozenset("一二两三四五六七八九十百千万几数每半多这那哪某0123456789")
_NUMERALS = frozenset("一二两三四五六七八九十百千万几数0123456789")


class _AnyHan(frozenset):
    """Matches any Han character (the next token is a word, not punctuation or Latin)."""

    def __contains__(self, char: object) -> bool:
        return isinstance(char, str) and HAN.match(char) is not None


_HAN_NEXT = _AnyHan()


def _first_rule(
    rules: tuple[tuple[str, frozenset | None, frozenset | None], ...],
    previous: str,
    following: str,
) -> str | None:
    for target, after, before in rules:
        if (after is not None and previous and previous[-1] in after) or (
            before is not None and following and following[0] in before
        ):
            return target
    return None


# Single characters never joined into a run of unknown characters: their one-character
# conversion is right and a phrase of OpenCC's would take them wrongly (干的 → 乾的, 天后
# "diva" in 3天后, 并为 → 併為, 说明了 → 說明瞭, 补扣 → 補釦, 刮了 → 颳了, 几上几下, 克克 → 剋剋),
# found on the mainland texts of corpus/ and bench/fidelity/.
_NEVER_JOINED = frozenset("干发后并了几克刮扣修")

# The cache is a plain dict; past this many distinct words it starts over (a corpus
# has far fewer, so in practice it is never cleared, and memory stays bounded).
_CACHE_LIMIT = 400_000


@functools.cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def override_files(config: str, *, regional: bool = True) -> tuple[Path, ...]:
    """The shipped word lists for ``config``: common first, then the regional one."""
    files = [PHRASES_DIR / "common.txt"]
    regional_file = PHRASES_DIR / f"{config}.txt"
    if regional and regional_file.is_file():
        files.append(regional_file)
    return tuple(files)


class WordConverter:
    """Converts Simplified text word by word for one ``s2*`` OpenCC configuration.

    ``overrides`` maps Simplified words to their conversion in this edition. Entries of
    ``data/phrases/common.txt`` are written in OpenCC's standard Traditional forms and
    passed through the configuration's variant step (t2tw, t2hk); regional files are
    taken literally.
    """

    def __init__(self, config: str, files: tuple[Path, ...] = ()) -> None:
        self.config = config
        self._opencc = _opencc(config)
        variants = REGIONAL_VARIANTS.get(config)
        glyphs = HONG_KONG_GLYPHS if config.startswith("s2hk") else None
        self._glyphs = glyphs

        def regionalize(text: str) -> str:
            text = _opencc(variants).convert(text) if variants else text
            return text.translate(glyphs) if glyphs else text

        overrides: dict[str, str] = {}
        inside: dict[str, str] = {}
        for path in files:
            entries = load_phrase_file(path)
            if path.name == "common.txt":
                entries = {source: regionalize(target) for source, target in entries.items()}
            else:  # regional vocabulary holds inside longer words too: 计划性, 发布会
                inside.update((s, t) for s, t in entries.items() if len(s) == len(t) > 1)
            overrides.update(entries)
        self._inside = inside
        self._inside_pattern = re.compile("|".join(map(re.escape, inside))) if inside else None
        self.overrides: Mapping[str, str] = overrides
        segment.add_words(overrides)
        self._cache: dict[str, str] = dict(overrides)
        # token → rules (target, last character of the previous token in, first character
        # of the next token in); the first rule that matches wins, else the token converts
        # as a word. ``_HAN_NEXT`` matches any Han character.
        self._in_context: dict[str, tuple[tuple[str, frozenset | None, frozenset | None], ...]]
        self._in_context = {
            "只": (("隻", _COUNTERS, None),),
            "里": (("里", _NUMERALS, None),),
            # 系 before 于 is 繫 (成败系于一身); before another word it is the formal
            # copula 係 (本案系依法办理, 损失系由); otherwise 系 (江系, 治愈系).
            "系": (
                (regionalize("繫"), None, frozenset("于於鞋领紧牢")),
                (regionalize("係"), None, _HAN_NEXT),
            ),
            "准": (("准", None, frozenset("其予许他她你我")),),
        }

    def word(self, word: str) -> str:
        """One token converted: its override if it has one, else OpenCC's conversion."""
        converted = self._cache.get(word)
        if converted is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache = dict(self.overrides)
            # Only Han words go to OpenCC (which also stops at a NUL character).
            converted = self._opencc.convert(word) if HAN.search(word) else word
            if self._glyphs is not None:
                converted = converted.translate(self._glyphs)
            pattern = self._inside_pattern
            if pattern is not None and len(converted) == len(word):
                for match in pattern.finditer(word):
                    start, end = match.span()
                    target = self._inside[match.group()]
                    converted = converted[:start] + target + converted[end:]
            self._cache[word] = converted
        return converted

    def convert(self, text: str) -> str:
        """``text`` converted word by word, with the context rules applied."""
        tokens = self._join_unknown(segment.cut(text))
        cache = self._cache
        context = self._in_context
        out: list[str] = []
        append = out.append
        for index, token in enumerate(tokens):
            rules = context.get(token)
            if rules is not None:
                previous = tokens[index - 1] if index else ""
                following = tokens[index + 1] if index + 1 < len(tokens) else ""
                target = _first_rule(rules, previous, following)
                if target is not None:
                    append(target)
                    continue
            converted = cache.get(token)
            append(converted if converted is not None else self.word(token))
        return "".join(out)

    def _join_unknown(self, tokens: list[str]) -> list[str]:
        """Runs of single Han characters (words jieba does not know: names above all)
        joined into one token, so that OpenCC's phrase table sees them whole."""
        joined: list[str] = []
        run: list[str] = []
        special = self._in_context.keys() | self.overrides.keys() | _NEVER_JOINED
        for token in tokens:
            if len(token) == 1 and token not in special and HAN.match(token):
                run.append(token)
                continue
            if run:
                joined.append("".join(run)) if len(run) > 1 else joined.append(run[0])
                run = []
            joined.append(token)
        if run:
            joined.append("".join(run))
        return joined
