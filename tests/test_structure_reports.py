"""Structure of government work reports: leads on their own line, standalone statements,
levels of paragraph openers (made-up snippets in the layout of real copies)."""

from __future__ import annotations

from wenji.model import Heading
from wenji.pipeline import process
from wenji.structure.draft import Draft
from wenji.structure.long_leads import mark_long_leads

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


def test_a_bare_shi_marker_line_heads_the_paragraph_below_it() -> None:
    text = spaced(
        "一、工作",
        f"继续实施积极的财政政策。\n{BODY}",
        f"一是\n{BODY}",
        f"二是\n{BODY}",
        f"进一步发挥货币政策的作用。\n{BODY}",
    )
    assert outline(text) == [
        (2, "一、工作"),
        (3, "继续实施积极的财政政策"),
        (4, "一是"),
        (4, "二是"),
        (3, "进一步发挥货币政策的作用"),
    ]


def test_long_lead_sentences_that_open_alike_are_a_run_of_leads() -> None:
    text = "\n".join(
        [
            "标题",
            "一、工作回顾",
            f"针对企业生产经营困难加剧，加大纾困支持力度。{BODY}",
            f"针对有效需求不足的突出矛盾，多措并举扩投资促消费稳外贸。{BODY}",
            f"针对就业压力凸显，强化稳岗扩就业政策支持。{BODY}",
        ]
    )
    assert outline(text) == [
        (2, "一、工作回顾"),
        (3, "针对企业生产经营困难加剧，加大纾困支持力度"),
        (3, "针对有效需求不足的突出矛盾，多措并举扩投资促消费稳外贸"),
        (3, "针对就业压力凸显，强化稳岗扩就业政策支持"),
    ]


def test_long_sentences_with_figures_or_instructions_or_only_two_are_not_long_leads() -> None:
    amounts = (2151, 3582, 4223)
    figures = [f"全年粮食产量{n}万吨，比上年增长百分之{n}的水平。{BODY}" for n in amounts]
    instructions = [f"要继续打好第{n}场攻坚战，精准发力、务求实效。{BODY}" for n in "一二三"]
    two = [f"坚持和发展马克思主义，必须同{w}相结合起来看。{BODY}" for w in ("实际", "文化")]
    for paragraphs in (figures, instructions, two):
        drafts = [Draft(n, text) for n, text in enumerate(paragraphs, start=1)]
        mark_long_leads(drafts)
        assert not any(d.heading for d in drafts)


def test_a_dash_lead_on_a_line_of_its_own_heads_the_body_below_it() -> None:
    text = spaced(
        "一、工作回顾",
        f"——经济平稳快速增长。\n{BODY}",
        f"——经济效益稳步提高。\n{BODY}",
        f"引自某处的一句话。{BODY}\n——某某",
    )
    assert outline(text) == [
        (2, "一、工作回顾"),
        (3, "——经济平稳快速增长"),
        (3, "——经济效益稳步提高"),
    ]


def test_leads_after_a_salutation_return_to_the_top_section() -> None:
    text = "\n".join(
        [
            "标题",
            "一、今年的工作",
            f"（一）保障和改善民生。{BODY}",
            f"多措并举稳就业。{BODY}",
            f"提高医疗服务能力。{BODY}",
            "各位代表！",
            f"新征程对政府工作提出了新的更高要求。{BODY}",
            f"深入推进依法行政。{BODY}",
            f"全面提高行政效能。{BODY}",
        ]
    )
    assert outline(text) == [
        (2, "一、今年的工作"),
        (3, "（一）保障和改善民生"),
        (4, "多措并举稳就业"),
        (4, "提高医疗服务能力"),
        (3, "深入推进依法行政"),
        (3, "全面提高行政效能"),
    ]


def test_bare_ordinals_over_paragraphs_head_them_but_over_single_items_do_not() -> None:
    headed = spaced(
        "一、任务",
        f"第一，\n支援工业建设和国防建设。{BODY}",
        f"第二，\n保障城乡人民的粮食供应和生活需要。{BODY}",
    )
    assert outline(headed) == [(2, "一、任务"), (3, "第一，"), (3, "第二，")]
    items = spaced(
        "一、任务",
        "第一，\n在工商业方面，我们基本上用全民所有制代替了资本主义所有制；",
        "第二，\n在农业和手工业方面，我们用集体所有制代替了个体所有制。",
    )
    assert outline(items) == [(2, "一、任务")]


def test_a_title_over_a_long_paragraph_broken_off_mid_sentence_is_a_heading() -> None:
    broken = "一定的文化是一定社会的政治和经济的反映。" * 6 + "有人因为教育"
    text = spaced("二、建设", BODY, "关于教育改革问题", broken, BODY)
    assert outline(text) == [(2, "二、建设"), (3, "关于教育改革问题")]
    links = "6小时前 三大股指集体回调 看机构解读最新后市机会 7小时前 今日盘点" * 3
    assert outline(spaced("二、建设", BODY, "推荐阅读", links)) == [(2, "二、建设")]


def test_a_dash_run_is_the_same_whichever_dash_the_copy_types() -> None:
    for dash in ("——", "――", "--"):
        leads = [f"{dash}推动经济发展再上新台阶。{BODY}", f"{dash}大力发展社会事业。{BODY}"]
        text = "\n".join(["标题", "一、目标", *leads])
        assert outline(text) == [
            (2, "一、目标"),
            (3, f"{dash}推动经济发展再上新台阶"),
            (3, f"{dash}大力发展社会事业"),
        ]


def test_the_rest_of_a_broken_paragraph_is_no_lead_and_does_not_break_a_run() -> None:
    text = spaced(
        "一、今年的任务",
        f"稳定和扩大消费。{BODY}促进消费与投资实现更高水平的动态平衡，推动内外",
        f"贸。{BODY}",
        f"扩大有效投资。{BODY}",
        f"推动进出口稳定发展。{BODY}",
    )
    assert outline(text) == [
        (2, "一、今年的任务"),
        (3, "稳定和扩大消费"),
        (3, "扩大有效投资"),
        (3, "推动进出口稳定发展"),
    ]


def test_an_opener_run_after_the_last_sub_section_returns_to_the_section() -> None:
    under = [f"{n}是加强第{n}项工作。{BODY}" for n in "一二三"]
    text = "\n".join(
        [
            "标题",
            "一、过去一年的工作",
            f"（一）加强宏观调控。{BODY}",
            f"（二）推进改革开放。{BODY}",
            *under,
            "（三）保障和改善民生。",
            "我们办成了一批大事。" + BODY,
            "我们的成就来之不易。" + BODY,
            "我们也清醒地看到存在的问题。" + BODY,
            f"——必须坚持科学发展。{BODY}",
            f"——必须坚持改革开放。{BODY}",
            "二、今年的工作",
        ]
    )
    assert outline(text) == [
        (2, "一、过去一年的工作"),
        (3, "（一）加强宏观调控"),
        (3, "（二）推进改革开放"),
        (4, "一是加强第一项工作"),
        (4, "二是加强第二项工作"),
        (4, "三是加强第三项工作"),
        (3, "（三）保障和改善民生"),
        (3, "——必须坚持科学发展"),
        (3, "——必须坚持改革开放"),
        (2, "二、今年的工作"),
    ]


def test_statements_cast_in_one_mould_are_a_run_of_leads() -> None:
    """2014 work report (八): 就业是民生之本。 收入是民生之源。 社保是民生之基。 are statements,
    but their one mould (是民生之) makes them a series of leads."""
    text = spaced(
        "（八）统筹做好保障和改善民生工作。",
        "民惟邦本，本固邦宁。政府工作的根本目的，是让全体人民过上好日子。",
        "就业是民生之本。坚持实施就业优先战略和更加积极的就业政策，优化就业创业环境。",
        "收入是民生之源。要深化收入分配体制改革，努力缩小收入差距，构建和谐劳动关系。",
        "社保是民生之基。重点是推进社会救助制度改革，继续提高城乡低保水平。",
    )
    assert outline(text) == [
        (2, "（八）统筹做好保障和改善民生工作"),
        (3, "就业是民生之本"),
        (3, "收入是民生之源"),
        (3, "社保是民生之基"),
    ]


def test_statements_of_one_length_without_a_mould_are_paragraphs() -> None:
    text = spaced(
        "一、回顾",
        "改革是发展的动力。我们推进了一批重大改革，取得了积极成效，人民群众得到实惠。",
        "开放也是一场改革。我们扩大了对外开放，外贸外资稳中有进，开放型经济水平提高。",
        "创新是第一动力啊。我们加大了研发投入，一批重大科技成果涌现，创新能力增强。",
    )
    assert outline(text) == [(2, "一、回顾")]
