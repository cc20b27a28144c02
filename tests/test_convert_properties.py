"""Bad input for the word-aware converter: nothing but Han characters may change."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wenji.script import get_converter

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

# Simplified words with ambiguous characters, so segmentation and the rules are exercised.
WORDS = ["干部", "头发", "发展", "三只", "情系", "签", "松", "里", "系于", "不准", "回归", "我们党"]
OTHER = st.characters(
    codec="utf-8",
    exclude_categories=("Cs",),
    exclude_characters="\u3400\u4e00",
).filter(lambda char: not HAN.match(char))
PRIVATE_AND_ASTRAL = st.sampled_from(["\ue000", "\uf8ff", "\U000f0000", "\U0010fffd", "😀", "𠀀"])
PIECES = st.one_of(st.text(OTHER, max_size=8), PRIVATE_AND_ASTRAL, st.sampled_from(WORDS))
CONFIGS = ["s2tw", "s2hk", "s2t"]


@pytest.mark.parametrize("config", CONFIGS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(OTHER, max_size=40))
def test_text_without_han_is_unchanged(config, text):
    assert get_converter(config).convert(text) == text


@pytest.mark.parametrize("config", CONFIGS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(PIECES, max_size=12))
def test_mixed_text_changes_han_characters_only(config, pieces):
    text = "".join(pieces)
    converted = get_converter(config).convert(text)
    assert len(converted) == len(text)
    assert HAN.sub("", converted) == HAN.sub("", text)


@pytest.mark.parametrize("config", CONFIGS)
def test_non_bmp_and_private_use_next_to_words(config):
    converter = get_converter(config)
    text = "𠀀干部\ue000头发\U000f0000发展😀"
    converted = converter.convert(text)
    assert converted.startswith("𠀀幹部\ue000頭髮\U000f0000發展😀")
