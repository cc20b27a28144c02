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


def test_sentence_passing_this_law_dates_it_over_the_page_date() -> None:
    meta = _doc(
        "首页\n中华人民共和国某某法\n来源: | 发布时间: 2018-05-17 | 浏览次数: 21\n"
        "2018年3月20日，第十三届全国人大一次会议表决通过了《中华人民共和国某某法》。\n"
        "第一章　总　则\n第一条　为了规范某某工作，制定本法。\n"
    ).metadata
    assert meta.title == "中华人民共和国某某法"
    assert (meta.date, meta.speaker) == ("2018-03-20", "全国人大")


def test_sentence_passing_another_act_says_nothing_of_this_text() -> None:
    meta = _doc(
        "首页\n某某法学习辅导\n来源: | 发布时间: 2018-05-17 | 浏览次数: 21\n"
        "2018年3月20日，第十三届全国人大一次会议表决通过了《中华人民共和国某某法》。\n"
        + _PROSE
        + "\n"
    ).metadata
    assert meta.date == "2018-05-17"


def test_reposting_tag_before_the_original_title_is_not_the_title() -> None:
    doc = _doc(
        "首页 > 时政新闻 > 某某新闻\n[某某化妆品]某某市警方破获一起电信诈骗案\n"
        "2019年09月11日 某某传媒 时政新闻 1665 0\n原标题：某某市警方破获一起电信诈骗案\n"
        + _PROSE
        + "\n"
    )
    assert doc.metadata.title == "某某市警方破获一起电信诈骗案"
    assert "[某某化妆品]某某市警方破获一起电信诈骗案" in _body(doc)  # nothing is lost


def test_field_line_under_the_title_dates_a_page_with_a_block() -> None:
    meta = _doc(
        "某某县人民政府\n"
        + _BLOCK.replace("发文日期：\n2023-04-18\n", "")
        + "某某县关于做好冬季防火工作的通知\n发布时间：2023-11-02 来源：某某县应急管理局\n"
        + _PROSE
        + "\n"
    ).metadata
    assert meta.title == "某某县关于做好冬季防火工作的通知"
    assert (meta.date, meta.speaker) == ("2023-11-02", "某某县应急管理局")


def test_menu_row_and_title_field() -> None:
    meta = _doc(
        "网站首页\n新闻中心 政务公开 政务服务 政民互动 魅力某某 数据开放\n"
        "索引号：0003\n标题：某某通知\n发布机构：某某县人民政府办公室\n成文日期：2022-03-01\n"
        "某某通知\n" + _PROSE + "\n"
    ).metadata
    assert (meta.title, meta.date) == ("某某通知", "2022-03-01")
    assert meta.speaker == "某某县人民政府办公室"
