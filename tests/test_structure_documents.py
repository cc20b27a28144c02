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


def test_two_clause_task_leads_longer_than_short_leads_are_a_run() -> None:
    """国办发〔2018〕128号: the measures under each （一） open with tasks of two balanced
    clauses, 21 to 29 characters, longer than the short leads of a report."""
    text = "\n".join(
        [
            "“无废城市”建设试点工作方案",
            "一、主要任务",
            "（一）强化顶层设计引领，发挥政府宏观指导作用。建立“无废城市”建设指标体系，发挥导向引领作用。",
            "优化固体废物管理体制机制，强化部门分工协作。根据城市经济社会发展实际，以深化地方机构改革为契机，"
            "建立部门责任清单。",
            "加强制度政策集成创新，增强试点方案系统性。落实《生态文明体制改革总体方案》相关改革举措，"
            "集成有关循环经济的政策。",
            "统筹城市发展与固体废物管理，优化产业结构布局。组织开展区域内固体废物利用处置能力调查评估，"
            "严格控制新建、扩建项目。",
        ]
    )
    assert outline(text) == [
        (2, "一、主要任务"),
        (3, "（一）强化顶层设计引领，发挥政府宏观指导作用"),
        (4, "优化固体废物管理体制机制，强化部门分工协作"),
        (4, "加强制度政策集成创新，增强试点方案系统性"),
        (4, "统筹城市发展与固体废物管理，优化产业结构布局"),
    ]


def test_two_clause_figures_and_mixed_runs_are_not_long_leads() -> None:
    """A statistical communiqué's two-clause figures are statements, and a longer sentence
    that runs with one-clause ones is no task pair."""
    text = "\n".join(
        [
            "2022年统计公报",
            "一、农业",
            "全年农林牧渔业总产值4223.8亿元，比上年增长4.3%。其中农业产值增长3.9%。",
            "全年粮食产量2151.9万吨，比上年减产1.8%。其中夏粮产量减少。",
            "二、工会",
            "湖南、湖北和廣東的聯合會與我們有聯系。它們的會員很多，分布在各個城市和礦山，互相之間常有來往。",
            "湖南幾乎所有擁有三萬人以上的工會，都在我們的影響之下。工人們信任我們，願意同我們一道進行鬥爭。",
        ]
    )
    assert outline(text) == [(2, "一、农业"), (2, "二、工会")]
