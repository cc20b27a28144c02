"""Titles, issuers and dates of pages saved from government sites (made-up snippets)."""

from __future__ import annotations

from wenji.model import Document
from wenji.pipeline import process

_PROSE = (
    "全年全市地区生产总值比上年增长百分之五，经济运行总体平稳，稳中有进，"
    "发展质量稳步提升，民生保障有力有效。"
)
_BLOCK = (
    "索 引 号：\n0001/2023-01\n发布机构：\n某某市统计局\n发文日期：\n2023-04-18\n"
    "公开方式：\n主动公开\n分类：\n统计公报\n"
)


def _doc(text: str) -> Document:
    return process(text.encode("utf-8"), "document/x.txt")


def _body(document: Document) -> list[str]:
    return [getattr(block, "text", "") for block in document.blocks]


def test_site_name_is_not_the_title_and_issuers_come_from_under_it() -> None:
    doc = _doc(
        "某某市人民政府\n网站无障碍关怀版\n您当前所在位置： 首页>政务公开>统计公报\n"
        + _BLOCK
        + "某某市2022年国民经济和社会发展统计公报\n访问量：12\n关联稿件：\n"
        "某某市2022年国民经济和社会发展统计公报[1]\n某某市统计局  国家统计局某某调查队\n"
        "（2023年4月12日）\n" + _PROSE + "\n"
    )
    meta = doc.metadata
    assert meta.title == "某某市2022年国民经济和社会发展统计公报"
    assert meta.speaker == "某某市统计局、国家统计局某某调查队"
    assert meta.date == "2023-04-12"  # the text's own date, not the block's 发文日期
    # The repeat with its issuers and date is the text's own header: it stays, as a paragraph.
    assert "某某市统计局  国家统计局某某调查队" in _body(doc)
    assert not any(getattr(block, "level", None) for block in doc.blocks)


def test_disclosure_block_dates_and_names_the_issuer_when_the_lines_do_not() -> None:
    meta = _doc(
        "某某县人民政府\n" + _BLOCK + "某某县关于做好冬季防火工作的通知\n" + _PROSE + "\n"
    ).metadata
    assert meta.title == "某某县关于做好冬季防火工作的通知"
    assert (meta.date, meta.speaker) == ("2023-04-18", "某某市统计局")


def test_written_date_wins_over_the_publication_date_of_the_block() -> None:
    meta = _doc(
        "索引号：0002/2021\n成文日期：2021-06-01\n发布日期：2021-06-09\n发文机关：某某区人民政府\n"
        "某某区人民政府关于印发某某实施方案的通知\n" + _PROSE + "\n"
    ).metadata
    assert (meta.date, meta.speaker) == ("2021-06-01", "某某区人民政府")


def test_breadcrumb_page_takes_issuer_and_date_lines_under_the_title_out_of_the_text() -> None:
    doc = _doc(
        "某某县人民政府\n网站首页\n政务公开\n当前位置：首页 > 政务公开 > 统计数据\n"
        "某某县2021年国民经济和社会发展统计公报\n某某县统计局\n（2022年4月）\n" + _PROSE + "\n"
    )
    assert doc.metadata.title == "某某县2021年国民经济和社会发展统计公报"
    assert (doc.metadata.date, doc.metadata.speaker) == ("2022-04", "某某县统计局")
    assert "某某县统计局" not in _body(doc)


def test_browser_title_line_marks_the_title() -> None:
    meta = _doc(
        "某某市统计局关于开展第五次全国经济普查的公告_某某市人民政府\n"
        "当前位置：首页 > 通知公告\n"
        "某某市统计局关于开展第五次全国经济普查的公告\n"
        "某某市统计局与某某市发展和改革委员会共同开展普查的实施细则全文\n" + _PROSE + "\n"
    ).metadata
    assert meta.title == "某某市统计局关于开展第五次全国经济普查的公告"


def test_author_in_brackets_under_the_last_paragraph() -> None:
    meta = _doc(
        "首页\n某某县2015年国民经济和社会发展统计公报\n"
        "来源： 访问量：9 发布日期：2017-05-15 10:49:00\n"
        + _PROSE
        + "\n（某某县统计局）\n上一篇：某某市2016年统计公报\n"
    ).metadata
    assert meta.title == "某某县2015年国民经济和社会发展统计公报"
    assert (meta.date, meta.speaker) == ("2017-05-15", "某某县统计局")


def test_text_without_site_clutter_keeps_its_first_line_title() -> None:
    meta = _doc("关于某某工作的通知\n某某市人民政府\n2023年1月5日\n" + _PROSE + "\n").metadata
    assert meta.title == "关于某某工作的通知"
