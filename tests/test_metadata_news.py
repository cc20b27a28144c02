"""Titles, dates and speakers of news copies and speeches, on real lines of the corpus."""

from __future__ import annotations

import pytest

from wenji.bylines import is_name, speaker_in_closing_note, speaker_in_title
from wenji.dates import parse_date
from wenji.model import Metadata
from wenji.pipeline import process


def _meta(text: str) -> Metadata:
    return process(text.encode("utf-8"), "news/x.txt").metadata


@pytest.mark.parametrize("name", ["习　近　平", "李　强", "李强", "陈独秀"])
def test_spaced_names_are_names(name: str) -> None:
    assert is_name(name)


def test_date_range_gives_its_first_day() -> None:
    assert parse_date("（一九九二年一月十八日――二月二十一日）") == "1992-01-18"
    assert parse_date("2019年3月5日至") is None


def test_speaker_named_in_title_or_closing_note() -> None:
    assert speaker_in_title("陈独秀在中国共产党第三次全国代表大会上的报告") == "陈独秀"
    assert speaker_in_title("在武昌、深圳、珠海、上海等地的谈话要点") == ""
    note = "（这是邓小平同志在中国共产党第八次全国代表大会上的报告。）"
    assert speaker_in_closing_note(note) == "邓小平"


def test_title_on_two_lines_above_the_subtitle() -> None:
    meta = _meta(
        "决胜全面建成小康社会\n为夺取新时代中国特色社会主义伟大胜利\n"
        "——在中国共产党第十九次全国代表大会上的报告\n（2017年10月18日）\n习　近　平\n"
        "同志们：\n现在，我代表第十八届中央委员会向大会作报告。\n"
    )
    assert meta.title == "决胜全面建成小康社会 为夺取新时代中国特色社会主义伟大胜利"
    assert (meta.date, meta.speaker) == ("2017-10-18", "习　近　平")


def test_spokesman_under_a_field_line() -> None:
    meta = _meta(
        "天宫一号与神舟九号载人交会对接任务第二场新闻发布会\n发布日期: 2012-06-24\n"
        "2012年6月24日\n中国载人航天工程新闻发言人 武平\n"
        "女士们、先生们：\n很高兴又一次和大家见面。\n"
    )
    assert (meta.date, meta.speaker) == ("2012-06-24", "武平")


def test_closing_note_with_more_after_the_speech() -> None:
    note = (
        "（这是邓小平同志在中共中央北方局党校第八期开学时作的整风动员讲话，"
        "刊载于一九四三年十二月四日北方局…出版的《整风周报》第二期。）"
    )
    assert speaker_in_closing_note(note) == "邓小平"
    assert speaker_in_closing_note("这是一个战略方针。") == ""
