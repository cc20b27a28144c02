"""Configuration: the ``extra.wenji`` mapping of ``mkdocs.yml``, validated up front.

Every problem is reported at once, each naming its key, as one :class:`ConfigError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .addresses import RESERVED_FILES, RESERVED_FOLDERS
from .boilerplate import DEFAULT_SIGNALS, BoilerplateRules
from .pipeline import Options
from .shard import Shard, parse_shard
from .structure import StructureRules

_PREFIX = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A BCP 47 language tag (zh, zh-Hans, zh-Hant-TW, cmn-Hans-CN), at most 24 characters:
# Pagefind panics on a tag of 32 or more and names its index files after the tag.
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$")
LANGUAGE_MAX = 24
EDITION_KEYS = {"prefix", "opencc", "language", "name", "phrases", "convert_names"}
NAME_CONVERSIONS = ("auto", "always", "never")  # see README, Names the curator wrote
SEARCH_BACKENDS = ("pagefind", "material")  # the first is the default; see README, Search


class ConfigError(ValueError):
    """The configuration is wrong; the message lists every problem."""


@dataclass(frozen=True)
class Edition:
    """A script edition: pages under ``prefix/`` converted with OpenCC ``opencc``."""

    prefix: str
    opencc: str
    language: str
    name: str
    phrase_files: tuple[str, ...] = ()
    convert_names: str = "auto"  # names the curator wrote: auto, always or never


@dataclass(frozen=True)
class WenjiConfig:
    corpus_dir: str = "corpus"
    folder_titles: Mapping[str, str] = field(default_factory=dict)
    options: Options = Options()
    raw_text: bool = True
    first_line_indent: bool = False
    minify_html: bool = True
    primary_language: str = "zh-Hans"
    primary_name: str = "简体"
    editions: tuple[Edition, ...] = ()
    search: str = SEARCH_BACKENDS[0]
    shard: Shard | None = None  # build one slice of the site (README, Building in slices)
    workers: int = 0  # processes for the per-text work; 0: one per core (wenji.parallel)


def _expect(
    raw: Mapping[str, Any], key: str, kind: type | tuple[type, ...], default: Any, errors: list[str]
) -> Any:
    if key not in raw or raw[key] is None:
        return default
    value = raw[key]
    if isinstance(value, bool) and kind in (int, float):
        errors.append(f"extra.wenji.{key}: expected a number, got {value!r}")
        return default
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        errors.append(f"extra.wenji.{key}: expected {names}, got {value!r}")
        return default
    return value


def _section(raw: Mapping[str, Any], key: str, errors: list[str]) -> Mapping[str, Any]:
    value = raw.get(key) or {}
    if not isinstance(value, Mapping):
        errors.append(f"extra.wenji.{key}: expected a mapping, got {value!r}")
        return {}
    return value


def _check_keys(raw: Mapping[str, Any], known: set[str], where: str, errors: list[str]) -> None:
    for key in raw:
        if key not in known:
            errors.append(f"{where}.{key}: unknown option (known: {', '.join(sorted(known))})")


def load_config(raw: Mapping[str, Any] | None) -> WenjiConfig:
    """Validate ``extra.wenji`` and return typed settings; raise :class:`ConfigError`."""
    raw = raw or {}
    errors: list[str] = []
    if not isinstance(raw, Mapping):
        raise ConfigError(f"extra.wenji: expected a mapping, got {raw!r}")
    known = {
        "corpus_dir",
        "folder_titles",
        "boilerplate",
        "structure",
        "raw_text",
        "first_line_indent",
        "minify_html",
        "primary_language",
        "primary_name",
        "editions",
        "search",
        "shard",
        "workers",
    }
    _check_keys(raw, known, "extra.wenji", errors)

    corpus_dir = _expect(raw, "corpus_dir", str, "corpus", errors)
    folder_titles = _expect(raw, "folder_titles", Mapping, {}, errors)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in folder_titles.items()):
        errors.append("extra.wenji.folder_titles: keys and values must be strings")
        folder_titles = {}

    boiler = _section(raw, "boilerplate", errors)
    _check_keys(
        boiler,
        {"enabled", "signals", "head_lines", "tail_lines", "max_share", "web_pages"},
        "extra.wenji.boilerplate",
        errors,
    )
    extra_signals = boiler.get("signals") or []
    if not isinstance(extra_signals, list) or not all(
        isinstance(s, str) and s.strip() for s in extra_signals
    ):
        errors.append("extra.wenji.boilerplate.signals: expected a list of non-empty strings")
        extra_signals = []
    rules = BoilerplateRules(
        signals=DEFAULT_SIGNALS + tuple(s.strip() for s in extra_signals),
        head_lines=_positive_int(boiler, "head_lines", 15, "boilerplate", errors),
        tail_lines=_positive_int(boiler, "tail_lines", 10, "boilerplate", errors),
        max_share=_share(boiler, errors),
        web_pages=_boilerplate_flag(boiler, "web_pages", errors),
    )
    enabled = boiler.get("enabled", True)
    if not isinstance(enabled, bool):
        errors.append(f"extra.wenji.boilerplate.enabled: expected true or false, got {enabled!r}")
        enabled = True

    structure_raw = _section(raw, "structure", errors)
    structure_fields = {f.name: f.default for f in fields(StructureRules)}
    _check_keys(structure_raw, set(structure_fields), "extra.wenji.structure", errors)
    structure = StructureRules(
        **{
            name: _positive_int(structure_raw, name, default, "structure", errors)
            for name, default in structure_fields.items()
        }
    )

    editions = _editions(raw.get("editions"), errors)
    config = WenjiConfig(
        corpus_dir=corpus_dir.strip("/") or "corpus",
        folder_titles=dict(folder_titles),
        options=Options(remove_boilerplate=enabled, boilerplate=rules, structure=structure),
        raw_text=_flag(raw, "raw_text", True, errors),
        first_line_indent=_flag(raw, "first_line_indent", False, errors),
        minify_html=_flag(raw, "minify_html", True, errors),
        primary_language=_language(
            _expect(raw, "primary_language", str, "zh-Hans", errors), "primary_language", errors
        ),
        primary_name=_expect(raw, "primary_name", str, "简体", errors),
        editions=editions,
        search=_search(raw, errors),
        shard=_shard(raw, errors),
        workers=_workers(raw, errors),
    )
    if errors:
        raise ConfigError("invalid wenji configuration:\n  " + "\n  ".join(errors))
    return config


def _search(raw: Mapping[str, Any], errors: list[str]) -> str:
    value = raw.get("search")
    if value is None:
        return SEARCH_BACKENDS[0]
    if value not in SEARCH_BACKENDS:
        errors.append(f"extra.wenji.search: expected {' or '.join(SEARCH_BACKENDS)}, got {value!r}")
        return SEARCH_BACKENDS[0]
    return value


def _shard(raw: Mapping[str, Any], errors: list[str]) -> Shard | None:
    value = raw.get("shard")
    if value is None:
        return None
    try:
        return parse_shard(value)
    except ValueError as error:
        errors.append(f"extra.wenji.shard: {error}")
        return None


def _workers(raw: Mapping[str, Any], errors: list[str]) -> int:
    value = raw.get("workers")
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        errors.append(f"extra.wenji.workers: expected a whole number ≥ 1, got {value!r}")
        return 0
    return value


def _language(value: str, key: str, errors: list[str]) -> str:
    """``value`` if it is a language tag wenji and Pagefind can use, else zh-Hans (and an error)."""
    if len(value) <= LANGUAGE_MAX and _LANGUAGE.match(value):
        return value
    errors.append(
        f"extra.wenji.{key}: expected a language tag such as 'zh-Hant' (letters, digits and "
        f"hyphens, at most {LANGUAGE_MAX} characters), got {value!r}"
    )
    return "zh-Hans"


def _boilerplate_flag(raw: Mapping[str, Any], key: str, errors: list[str]) -> bool:
    value = raw.get(key, True)
    if not isinstance(value, bool):
        errors.append(f"extra.wenji.boilerplate.{key}: expected true or false, got {value!r}")
        return True
    return value


def _flag(raw: Mapping[str, Any], key: str, default: bool, errors: list[str]) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        errors.append(f"extra.wenji.{key}: expected true or false, got {value!r}")
        return default
    return value


def _positive_int(
    raw: Mapping[str, Any], key: str, default: int, where: str, errors: list[str]
) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        errors.append(f"extra.wenji.{where}.{key}: expected a whole number ≥ 1, got {value!r}")
        return default
    return value


def _share(raw: Mapping[str, Any], errors: list[str]) -> float:
    value = raw.get("max_share", 0.30)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        errors.append(
            f"extra.wenji.boilerplate.max_share: expected a fraction in (0, 1], got {value!r}"
        )
        return 0.30
    return float(value)


def _editions(raw: Any, errors: list[str]) -> tuple[Edition, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        errors.append("extra.wenji.editions: expected a list of editions")
        return ()
    editions: list[Edition] = []
    for index, entry in enumerate(raw):
        where = f"extra.wenji.editions[{index}]"
        if not isinstance(entry, Mapping):
            errors.append(f"{where}: expected a mapping with prefix, opencc, language")
            continue
        _check_keys(entry, EDITION_KEYS, where, errors)
        prefix = entry.get("prefix")
        opencc = entry.get("opencc")
        language = entry.get("language")
        name = entry.get("name", language)
        phrases = entry.get("phrases") or []
        if not isinstance(prefix, str) or not _PREFIX.match(prefix):
            errors.append(f"{where}.prefix: expected a lower-case path segment such as 'zh-tw'")
            continue
        if not isinstance(opencc, str) or not opencc:
            errors.append(f"{where}.opencc: expected an OpenCC configuration such as 's2tw'")
            continue
        if not isinstance(language, str) or not language:
            errors.append(f"{where}.language: expected a language tag such as 'zh-Hant'")
            continue
        if (
            _language(language, where.removeprefix("extra.wenji.") + ".language", errors)
            != language
        ):
            continue
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            errors.append(f"{where}.phrases: expected a list of dictionary file paths")
            continue
        if prefix in RESERVED_FOLDERS or prefix in RESERVED_FILES:
            what = RESERVED_FOLDERS.get(prefix) or RESERVED_FILES[prefix]
            errors.append(f"{where}.prefix: '{prefix}' is where the site keeps {what}")
            continue
        convert_names = entry.get("convert_names", "auto")
        if convert_names not in NAME_CONVERSIONS:
            choices = ", ".join(NAME_CONVERSIONS)
            errors.append(
                f"{where}.convert_names: expected one of {choices}, got {convert_names!r}"
            )
            continue
        if any(e.prefix == prefix for e in editions):
            errors.append(f"{where}.prefix: '{prefix}' is used twice")
            continue
        editions.append(Edition(prefix, opencc, language, str(name), tuple(phrases), convert_names))
    return tuple(editions)
