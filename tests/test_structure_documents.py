"""Documents: the title of a document a notice issues heads it, and its sections nest below."""

from __future__ import annotations

from wenji.model import Heading
from wenji.pipeline import process


def outline(text: str) -> list[tuple[int, str]]:
    document = process(text.encode("utf-8"), "t.txt")
    return [(b.level, b.text) for b in document.blocks if isinstance(b, Heading)]


NOTICE = [
    "国务院办公厅关于印发",
    "国家粮食应急预案的函",
    "国办函〔2005〕57号",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "《国家粮食应急预案》已经国务院同意，现印发给你们，请认真实施。",
    "国务院办公厅",
    "二〇〇五年六月十一日",
]


def test_the_issued_documents_title_heads_its_sections_under_a_date_line() -> None:
    text = "\n".join(
        [*NOTICE, "国 家 粮 食 应 急 预 案", "1　总则", "1.1　编制目的及依据", "正文。"]
    )
    assert outline(text) == [
        (2, "国 家 粮 食 应 急 预 案"),
        (3, "1　总则"),
        (4, "1.1　编制目的及依据"),
    ]


def test_a_forwarded_opinion_heads_its_sections_despite_a_note_under_it() -> None:
    text = "\n".join(
        [
            "国务院办公厅转发民政部关于清理整顿社会团体意见的通知",
            "民政部《关于清理整顿社会团体的意见》已经国务院同意，现转发给你们。",
            "国务院办公厅",
            "一九九七年四月八日",
            "关于清理整顿社会团体的意见",
            "（民政部　一九九七年一月二十八日）",
            "一、清理整顿工作的指导思想",
            "正文。",
        ]
    )
    assert outline(text) == [(2, "关于清理整顿社会团体的意见"), (3, "一、清理整顿工作的指导思想")]


def test_a_name_broken_off_inside_a_quotation_is_not_a_title() -> None:
    text = "\n".join(
        [
            "报告",
            "一、关于政策",
            "中央发出《五一六通知》，全党认真学习。",
            "在一九六六年五月十六日的《",
            "五一六通知",
            "》中，早已作了规定。",
        ]
    )
    assert outline(text) == [(2, "一、关于政策")]


def test_standalone_numbered_titles_over_numbered_measures_head_them() -> None:
    """国发〔2019〕3号: each （一）…。 stands alone over its 1. … measures. A finished
    sentence alone on its line is an item of a list only when little follows it; the
    measures of a family that first appears inside the run are what it holds."""
    text = "\n".join(
        [
            "国务院关于促进综合保税区高水平开放高质量发展的若干意见",
            "一、指导思想",
            "以习近平新时代中国特色社会主义思想为指导，推动综合保税区发展。",
            "二、主要任务",
            "（一）统筹两个市场，打造加工制造中心。",
            "1.拓展两个市场。结合综合保税区产业特点，支持区内企业开展内外销业务。",
            "2.提前适用政策。综合保税区维修等相关政策，可在有关区域提前适用。",
            "（二）推动创新创业，打造研发设计中心。",
            "3.促进研发创新。对开展研发业务的企业，除禁止进境的外，可保税进口研发所需货物。",
            "4.建设创新高地。支持综合保税区内企业建设研发中心，培育创新企业。",
            "（三）推进贸易便利化，打造物流分拨中心。",
            "5.简化进出区管理。允许对境内入区的不涉出口关税等货物试点实施便捷进出区管理模式。",
            "三、有关要求",
            "各地区各有关部门要充分认识促进综合保税区高水平开放高质量发展的重要意义。",
        ]
    )
    assert outline(text) == [
        (2, "一、指导思想"),
        (2, "二、主要任务"),
        (3, "（一）统筹两个市场，打造加工制造中心"),
        (4, "1.拓展两个市场"),
        (4, "2.提前适用政策"),
        (3, "（二）推动创新创业，打造研发设计中心"),
        (4, "3.促进研发创新"),
        (4, "4.建设创新高地"),
        (3, "（三）推进贸易便利化，打造物流分拨中心"),
        (4, "5.简化进出区管理"),
        (2, "三、有关要求"),
    ]


def test_finished_numbered_sentences_with_nothing_under_them_stay_a_list() -> None:
    text = "\n".join(
        [
            "关于调整有关事项的通知",
            "一、调整范围",
            "（一）省级机关各部门。",
            "（二）市县人民政府。",
            "（三）各类开发区管理机构。",
            "二、工作要求",
            "各地要认真贯彻执行。",
        ]
    )
    assert outline(text) == [(2, "一、调整范围"), (2, "二、工作要求")]
