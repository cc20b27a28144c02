"""Script conversion: turn a finished document model into another Chinese script.

OpenCC does the conversion; a *phrase dictionary* on top of it fixes what OpenCC gets
wrong in this genre (its segmentation lets a word like 好干 "nice and dry" swallow the
干 of 好干部, or 长发 "long hair" the 发 of 增长发展). Before OpenCC runs, every source
phrase of the dictionary is replaced by a placeholder code point from a Private Use
Area that OpenCC leaves alone; after conversion the placeholders become the target
phrases. One compiled regex per converter finds the phrases, so the cost is one regex
pass, one OpenCC call and one more regex pass per text.

Shipped dictionaries live in ``data/phrases/<config>.txt`` next to this module (see
"Traditional-script editions" in the project README); curators can pass more files,
whose entries override earlier ones.

Ids never change: ``convert_document`` goes through ``Document.with_text``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from os import PathLike
from pathlib import Path
from types import MappingProxyType

import opencc

from wenji.model import Block, Document, Heading

__all__ = [
    "KNOWN_CONFIGS",
    "PHRASES_DIR",
    "Converter",
    "convert_document",
    "convert_text",
    "get_converter",
    "is_traditional",
    "load_phrase_file",
    "normalize_config",
    "simplified_only_chars",
]

#: The OpenCC configurations this module accepts (the ones OpenCC 1.x ships).
KNOWN_CONFIGS: frozenset[str] = frozenset(
    {
        "s2t",
        "s2tw",
        "s2twp",
        "s2hk",
        "s2hkp",
        "t2s",
        "tw2s",
        "tw2sp",
        "hk2s",
        "hk2sp",
        "t2tw",
        "t2hk",
        "tw2t",
        "hk2t",
        "t2jp",
        "jp2t",
    }
)

#: Where the shipped phrase dictionaries live: ``<config>.txt`` per configuration.
PHRASES_DIR: Path = Path(__file__).parent / "data" / "phrases"

# Placeholders: one code point each from Supplementary Private Use Area-A. Texts decoded
# from GBK/GB18030 can contain BMP private-use characters (U+E000…U+F8FF), so the
# placeholders stay out of the BMP; a text that does contain one of them is still
# converted correctly, just along a slower path (see ``Converter.convert``).
_PLACEHOLDER_BASE = 0xF0000
_PLACEHOLDER_LIMIT = 0xFFFFD
_PLACEHOLDER_RE = re.compile("[\U000f0000-\U000ffffd]")

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def normalize_config(config: str) -> str:
    """``"s2tw"`` for ``"s2tw"``, ``"s2tw.json"`` or ``" S2TW "``; ValueError otherwise."""
    name = config.strip().lower() if isinstance(config, str) else ""
    name = name.removesuffix(".json")
    if name not in KNOWN_CONFIGS:
        valid = ", ".join(sorted(KNOWN_CONFIGS))
        raise ValueError(
            f"unknown OpenCC configuration {config!r}; valid configurations are: {valid} "
            "(with or without '.json')"
        )
    return name


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
        if _PLACEHOLDER_RE.search(source) or _PLACEHOLDER_RE.search(target):
            raise ValueError(f"{path}:{number}: private-use characters are not allowed")
        entries[source] = target
    return entries


def _trie_pattern(words: Iterable[str]) -> str:
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


class Converter:
    """OpenCC for one configuration plus the phrase dictionary that corrects it.

    ``phrase_files`` are read in order: the shipped ``data/phrases/<config>.txt`` (if
    it exists and ``use_default_phrases`` is true), then ``extra_phrase_files``; later
    entries override earlier ones. Use :func:`get_converter` instead of constructing
    converters in a loop: building one loads OpenCC's dictionaries.
    """

    def __init__(
        self,
        config: str,
        extra_phrase_files: Iterable[str | PathLike[str]] = (),
        *,
        use_default_phrases: bool = True,
    ) -> None:
        self.config: str = normalize_config(config)
        self._opencc = opencc.OpenCC(self.config)
        files: list[Path] = []
        default = PHRASES_DIR / f"{self.config}.txt"
        if use_default_phrases and default.is_file():
            files.append(default)
        files.extend(Path(extra) for extra in extra_phrase_files)
        merged: dict[str, str] = {}
        for path in files:
            merged.update(load_phrase_file(path))
        count = len(merged)
        if count > _PLACEHOLDER_LIMIT - _PLACEHOLDER_BASE + 1:
            raise ValueError(f"too many phrase dictionary entries ({count})")
        self.phrase_files: tuple[Path, ...] = tuple(files)
        self.phrases: Mapping[str, str] = MappingProxyType(merged)
        self._placeholders: dict[str, str] = {
            source: chr(_PLACEHOLDER_BASE + index) for index, source in enumerate(merged)
        }
        self._restore: dict[str, str] = {
            chr(_PLACEHOLDER_BASE + index): target for index, target in enumerate(merged.values())
        }
        self._pattern: re.Pattern[str] | None = (
            re.compile(_trie_pattern(merged)) if merged else None
        )

    def __repr__(self) -> str:
        return f"Converter({self.config!r}, {len(self.phrases)} phrases)"

    def convert_raw(self, text: str) -> str:
        """What OpenCC alone makes of ``text`` (no phrase dictionary)."""
        return self._opencc.convert(text)

    def convert(self, text: str) -> str:
        """Convert ``text``: dictionary phrases first (leftmost, longest), OpenCC for the rest."""
        if not text:
            return text
        pattern = self._pattern
        if pattern is None:
            return self._opencc.convert(text)
        if not _PLACEHOLDER_RE.search(text):
            placeholders, restore = self._placeholders, self._restore
            protected = pattern.sub(lambda match: placeholders[match.group()], text)
            converted = self._opencc.convert(protected)
            # (a regex pass is ~10x faster than str.translate on CJK text)
            return _PLACEHOLDER_RE.sub(lambda match: restore[match.group()], converted)
        # The text itself contains a placeholder code point: convert the stretches
        # between phrases one by one (same result — OpenCC cannot match a word across
        # a placeholder either — only more calls).
        parts: list[str] = []
        position = 0
        for match in pattern.finditer(text):
            if match.start() > position:
                parts.append(self._opencc.convert(text[position : match.start()]))
            parts.append(self.phrases[match.group()])
            position = match.end()
        if position < len(text):
            parts.append(self._opencc.convert(text[position:]))
        return "".join(parts)


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)


@functools.cache
def _cached_converter(
    config: str, extra_phrase_files: tuple[str, ...], _stamp: tuple[tuple[str, int, int], ...]
) -> Converter:
    return Converter(config, extra_phrase_files)


def get_converter(config: str, extra_phrase_files: Iterable[str | PathLike[str]] = ()) -> Converter:
    """The process-wide converter for ``config`` (+ curator dictionaries), built once.

    ``"s2tw"`` and ``"s2tw.json"`` give the same object. The cache key includes the
    modification time of every dictionary file, so editing a dictionary while
    ``mkdocs serve`` runs takes effect on the next rebuild.
    """
    name = normalize_config(config)
    extras = tuple(str(Path(extra)) for extra in extra_phrase_files)
    files = [PHRASES_DIR / f"{name}.txt", *map(Path, extras)]
    return _cached_converter(name, extras, tuple(_file_key(path) for path in files))


get_converter.cache_clear = _cached_converter.cache_clear  # type: ignore[attr-defined]


def convert_text(text: str, converter: Converter) -> str:
    """Convert free text (nav and folder titles, hand-written pages' plain text)."""
    return converter.convert(text)


def _convert_heading(heading: Heading, convert: Callable[[str], str]) -> Heading:
    text = convert(heading.text)
    marker = heading.marker
    if marker:
        new_marker = convert(marker)
        # The marker is the start of the text; keep it so even if context made the
        # two conversions differ.
        if (
            heading.text.startswith(marker)
            and not text.startswith(new_marker)
            and len(text) == len(heading.text)
        ):
            new_marker = text[: len(marker)]
        marker = new_marker
    return replace(heading, text=text, marker=marker)


def convert_document(document: Document, converter: Converter) -> Document:
    """A copy of ``document`` in the converter's script, with identical ids.

    Converted: the title and the other text fields of the metadata (subtitle, speaker,
    occasion, source, editor, tags) and the text (and marker) of every heading and
    paragraph. Untouched: ``date``, ``source_url``, ids, line numbers, the source path,
    removals and diagnostics. Callers decide whether to convert at all; see
    :func:`is_traditional` for texts that already are Traditional.
    """
    convert = converter.convert
    metadata = document.metadata
    new_metadata = replace(
        metadata,
        title=convert(metadata.title),
        subtitle=convert(metadata.subtitle),
        speaker=convert(metadata.speaker),
        occasion=convert(metadata.occasion),
        source=convert(metadata.source),
        editor=convert(metadata.editor),
        tags=tuple(convert(tag) for tag in metadata.tags),
    )
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            blocks.append(_convert_heading(block, convert))
        else:
            blocks.append(replace(block, text=convert(block.text)))
    return document.with_text(new_metadata, tuple(blocks))


# --- which script is a text in? --------------------------------------------------------

# Characters OpenCC's s2t changes on their own although they are also standard in
# Traditional texts, in words any Taiwan or Hong Kong text uses (干預/若干, 皇后, 公里,
# 批准, 風采, 上游, 前仆後繼, 北斗, 茶几, 人云亦云, 子丑, 咸豐, 長吁短嘆, 凶手, 占卜,
# 划船, 尸位素餐, 岩石, 山岳, surnames 于 余 范 朴 岳, 濃郁, 海淀, 倒霉, 口吃, 鄉愿,
# 夸父, 復辟, 丰姿, 肥皂 …). Found by converting every such character next to every
# character of the seed corpus with s2t/s2tw/s2hk and keeping those OpenCC itself
# leaves unchanged in a common word; proper-name-only cases (党進, 种放, 叶音 …) are
# left out on purpose, so that 党 种 叶 still count as Simplified.
_SHARED_WITH_TRADITIONAL = frozenset(
    "干于余后台里准征采游仆斗几云丑咸吁凶占划尸岩岳范郁朴涌淀恒夸愿霉吃辟丰杰皂杠"
)


@functools.cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@functools.cache
def _is_simplified_only(char: str) -> bool:
    if char in _SHARED_WITH_TRADITIONAL or _opencc("s2t").convert(char) == char:
        return False
    # Standard in Taiwan or Hong Kong as it is (群 床 峰 in Taiwan; 温 脱 税 in HK).
    return _opencc("s2tw").convert(char) != char and _opencc("s2hk").convert(char) != char


@functools.cache
def _is_traditional_only(char: str) -> bool:
    return _opencc("t2s").convert(char) != char


def simplified_only_chars(text: str) -> set[str]:
    """The characters of ``text`` that a Traditional-script text would not contain.

    A character counts when OpenCC's s2t changes it on its own (发 国 们 …) and it is
    neither standard in Taiwan or Hong Kong as it stands (群, 温) nor a character that
    correct Traditional text also uses (干 in 干預, 后 in 皇后, 里 in 公里 …).
    """
    return {char for char in set(_HAN_RE.findall(text)) if _is_simplified_only(char)}


def is_traditional(text: str) -> bool:
    """Whether ``text`` is already in Traditional script (so must not be converted again).

    Counts, over the Han characters, those only Traditional text has (t2s would change
    them: 們 這 發 幹) against those only Simplified text has (see
    :func:`simplified_only_chars`). More Traditional than Simplified means Traditional;
    a text with neither kind (``中文``) is not Traditional — converting it is harmless.
    """
    traditional = simplified = 0
    for char in _HAN_RE.findall(text):
        if _is_traditional_only(char):
            traditional += 1
        elif _is_simplified_only(char):
            simplified += 1
    return traditional > simplified
