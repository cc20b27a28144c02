"""Which OpenCC configurations wenji accepts, and what each means for an edition."""

from __future__ import annotations

__all__ = [
    "HONG_KONG_GLYPHS",
    "KNOWN_CONFIGS",
    "REGIONAL_VARIANTS",
    "is_word_aware",
    "normalize_config",
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

#: For each Simplified → Traditional configuration, the OpenCC configuration that turns
#: OpenCC's standard Traditional forms into that configuration's regional glyphs (裏 → 裡
#: for Taiwan, 衆 → 眾 for both). Word overrides are written in standard forms once and
#: passed through this, so one list serves every edition.
REGIONAL_VARIANTS: dict[str, str | None] = {
    "s2t": None,
    "s2tw": "t2tw",
    "s2twp": "t2tw",
    "s2hk": "t2hk",
    "s2hkp": "t2hk",
}


#: OpenCC's Hong Kong glyphs (from the school list 常用字字形表) that Hong Kong's own
#: digital text does not use, with the code point it does use: RTHK's news writes 稅 說 啟
#: 兌 戶 峰 溫 悅 脫 (393, 66, 44, 37, 34, 27, 14, 10 and 9 times in the tune part of
#: bench/convert/, never the OpenCC form), as do government sites (稅務局, 說明, 戶籍).
HONG_KONG_GLYPHS: dict[int, str] = str.maketrans("税説啓兑户峯温悦脱", "稅說啟兌戶峰溫悅脫")


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


def is_word_aware(config: str) -> bool:
    """Whether ``config`` converts Simplified text, where one character has many targets.

    Only those configurations are segmented into words first; the others (Traditional
    to Simplified, variants only) are unambiguous enough for OpenCC alone.
    """
    return config in REGIONAL_VARIANTS
