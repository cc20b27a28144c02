"""Structure of government work reports: leads on their own line, standalone statements,
levels of paragraph openers (made-up snippets in the layout of real copies)."""

from __future__ import annotations

from wenji.model import Heading
from wenji.pipeline import process

BODY = "这一段是正文，内容足够长，用来说明问题。" * 3


def outline(text: str) -> list[tuple[int, str]]:
    document = process(text.encode("utf-8"), "t.txt")
    return [(b.level, b.text) for b in document.blocks if isinstance(b, Heading)]


def spaced(*paragraphs: str) -> str:
    """Paragraphs separated by blank lines, as copies of web pages lay them out."""
    return "\n\n".join(["标题", *paragraphs]) + "\n"


def test_lead_lines_over_their_body_are_leads_below_their_section() -> None:
    text = spaced(
        "一、过去一年的工作",
        f"开场的段落。{BODY}",
        f"国民经济持续发展。\n{BODY}",
        f"改革开放迈出重要步伐，对外开放进一步扩大。\n{BODY}",
        "二、今年的任务",
    )
    assert outline(text) == [
        (2, "一、过去一年的工作"),
        (3, "国民经济持续发展"),
        (3, "改革开放迈出重要步伐，对外开放进一步扩大"),
        (2, "二、今年的任务"),
    ]


def test_one_lead_line_or_lines_without_blank_lines_are_paragraphs() -> None:
    alone = spaced("一、工作", f"国民经济持续发展。\n{BODY}", BODY)
    assert outline(alone) == [(2, "一、工作")]
    dense = "\n".join(["标题", "一、工作", "国民经济持续发展。", BODY, "改革继续深化。", BODY])
    assert outline(dense) == [(2, "一、工作")]


def test_lead_lines_that_introduce_or_run_on_are_not_leads() -> None:
    text = spaced("一、工作", f"主要做了以下工作：\n{BODY}", f"我们认为，\n{BODY}")
    assert outline(text) == [(2, "一、工作")]


def test_openers_under_a_lead_line_sit_one_level_deeper() -> None:
    text = spaced(
        "一、工作",
        f"继续实施积极的财政政策。\n{BODY}",
        f"一是增加投资。{BODY}",
        f"二是调整结构。{BODY}",
        f"进一步发挥货币政策的作用。\n{BODY}",
    )
    assert outline(text) == [
        (2, "一、工作"),
        (3, "继续实施积极的财政政策"),
        (4, "一是增加投资"),
        (4, "二是调整结构"),
        (3, "进一步发挥货币政策的作用"),
    ]


def test_standalone_statements_head_the_leads_after_them() -> None:
    text = spaced(
        "一、过去五年的回顾",
        "五年来，国民经济保持良好发展势头",
        f"经济持续较快增长。{BODY}",
        f"基础设施建设成就显著。{BODY}",
        "五年来，改革开放取得突破性进展",
        BODY,
        "五年来，主要工作体会有以下几个方面。",
        "（一）坚持扩大内需",
        BODY,
    )
    assert outline(text) == [
        (2, "一、过去五年的回顾"),
        (3, "五年来，国民经济保持良好发展势头"),
        (4, "经济持续较快增长"),
        (4, "基础设施建设成就显著"),
        (3, "五年来，改革开放取得突破性进展"),
        (3, "五年来，主要工作体会有以下几个方面"),
        (4, "（一）坚持扩大内需"),
    ]


def test_single_sentences_that_repeat_an_opening_are_paragraphs() -> None:
    text = spaced(
        "一、外交",
        "我们将继续加强睦邻友好，推进区域合作。",
        BODY,
        "我们将继续广泛开展民间外交，增进友谊。",
        BODY,
    )
    assert outline(text) == [(2, "一、外交")]


def test_numbered_sections_after_dash_leads_are_not_nested_in_them() -> None:
    text = "\n".join(
        [
            "标题",
            "一、工作回顾",
            f"——经济发展再上新台阶。{BODY}",
            f"——脱贫攻坚任务胜利完成。{BODY}",
            "各位代表！",
            f"五年来，我们主要做了以下工作。{BODY}",
            f"（一）创新宏观调控。{BODY}",
        ]
    )
    assert outline(text) == [
        (2, "一、工作回顾"),
        (3, "——经济发展再上新台阶"),
        (3, "——脱贫攻坚任务胜利完成"),
        (3, "（一）创新宏观调控"),
    ]


def test_a_title_line_does_not_continue_a_sentence_left_open() -> None:
    text = "\n".join(
        [
            "标题",
            "一、工作",
            f"——改革开放持续深化。{BODY}推动",
            "区域全面经济伙伴关系协定",
            f"（RCEP）生效实施。{BODY}",
        ]
    )
    assert outline(text) == [(2, "一、工作"), (3, "——改革开放持续深化")]


def test_statements_sit_below_an_unnumbered_section_title() -> None:
    text = spaced(
        "过去五年工作的基本总结",
        BODY,
        "五年来，在改革开放的推动下，国民经济持续发展",
        f"国家经济实力显著增强。\n{BODY}",
        f"城乡人民生活进一步改善。\n{BODY}",
        "五年来，经济体制改革全面展开，取得了重大进展",
        BODY,
    )
    assert outline(text) == [
        (2, "过去五年工作的基本总结"),
        (3, "五年来，在改革开放的推动下，国民经济持续发展"),
        (4, "国家经济实力显著增强"),
        (4, "城乡人民生活进一步改善"),
        (3, "五年来，经济体制改革全面展开，取得了重大进展"),
    ]


def test_lead_lines_over_their_body_do_not_count_against_a_blank_line_layout() -> None:
    leads = [f"必须坚持第{n}项方针。\n{BODY}" for n in "一二三四五六"]
    text = spaced("一、基本经验", BODY, *leads)
    assert outline(text)[1:] == [(3, f"必须坚持第{n}项方针") for n in "一二三四五六"]


def test_a_closing_title_before_the_salutation_is_a_heading() -> None:
    text = "\n".join(["标题", "一、工作", BODY, "结束语", "各位代表！", BODY])
    assert outline(text) == [(2, "一、工作"), (2, "结束语")]
