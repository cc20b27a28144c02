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
