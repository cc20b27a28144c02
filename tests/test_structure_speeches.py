"""Structure of speeches and talks: their own ways of numbering sections, on made-up snippets."""

from __future__ import annotations

import pytest

from wenji.model import Heading
from wenji.patterns import numbering_marker
from wenji.pipeline import process

BODY = "这一段是正文，内容足够长，用来说明这个部分的问题。" * 2


def outline(text: str) -> list[tuple[int, str]]:
    document = process(text.encode("utf-8"), "t.txt")
    return [(b.level, b.text) for b in document.blocks if isinstance(b, Heading)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("第一点，关于形势和改革。", "ordinal_topic"),
        ("第二个问题，讲讲新的历史条件。", "ordinal_topic"),
        ("第一个问题：整党不能走过场", "ordinal_topic"),
        ("第三条，我们必须坚持党的领导。", "ordinal_topic"),
        ("第一个转变，是对形势的认识。", "ordinal_topic"),
        ("四　研究新情况，解决新问题", "cn_space"),
        ("十二", "cn_space"),
        ("（一）", "cn_paren"),
    ],
)
def test_speech_markers(line: str, kind: str) -> None:
    marker = numbering_marker(line)
    assert marker is not None and marker.kind == kind


@pytest.mark.parametrize("line", ["十三五", "第一次，大家都很紧张。", "第一年，收成不错。", "一 "])
def test_not_speech_markers(line: str) -> None:
    marker = numbering_marker(line)
    assert marker is None or marker.kind not in {"ordinal_topic", "cn_space"}


def test_numbered_topics_of_a_talk_are_headings() -> None:
    text = (
        f"标题\n同志们：\n第一个问题，讲讲实事求是。\n{BODY}\n第二个问题，讲讲以身作则。\n{BODY}\n"
    )
    assert outline(text) == [(2, "第一个问题，讲讲实事求是"), (2, "第二个问题，讲讲以身作则")]


def test_a_number_alone_on_its_line_heads_the_section_below() -> None:
    text = f"标题\n一\n{BODY}\n二\n{BODY}\n"
    assert outline(text) == [(2, "一"), (2, "二")]
    text = f"标题\n（一）\n{BODY}\n（二）\n{BODY}\n"
    assert outline(text) == [(2, "（一）"), (2, "（二）")]


def test_a_bare_numbered_item_cut_from_its_words_heads_nothing() -> None:
    text = f"标题\n一、\n{BODY}\n二、\n{BODY}\n"
    assert outline(text) == []


def test_a_number_set_off_by_a_space_opens_a_section() -> None:
    text = f"标题\n一　解放思想是当前的大问题\n{BODY}\n二　研究新情况，解决新问题\n{BODY}\n"
    assert outline(text) == [(2, "一　解放思想是当前的大问题"), (2, "二　研究新情况，解决新问题")]


def test_a_family_of_the_same_rank_after_a_finished_run_is_its_sibling() -> None:
    text = "\n".join(
        [
            "标题",
            "我们党有几个好的条件。",
            "第一，有好的指导思想。" + BODY,
            "第二，有好的作风。" + BODY,
            BODY,
            "第一个问题，民主集中制。" + BODY,
            "第二个问题，建立经常工作。" + BODY,
        ]
    )
    assert [level for level, _ in outline(text)] == [2, 2, 2, 2]


def test_a_nested_family_still_nests() -> None:
    text = "\n".join(
        [
            "标题",
            "一、总体要求",
            "第一，有好的指导思想。" + BODY,
            "第二，有好的作风。" + BODY,
            "二、任务",
        ]
    )
    assert [level for level, _ in outline(text)] == [2, 3, 3, 2]


def test_pieces_of_a_line_broken_around_a_quotation_are_not_headings() -> None:
    text = "\n".join(
        [
            "标题",
            "一、形势",
            "毛主席指出：“",
            "党的文艺政策应该调整一下",
            "”“",
            "一、两年之内逐步活跃起来",
            "”。毛主席的指示，是对他们的严厉谴责。" + BODY,
            "做好边疆地区的工作，十分重要。" + BODY,
        ]
    )
    assert outline(text) == [(2, "一、形势")]


def test_a_summing_up_sentence_is_not_a_lead() -> None:
    text = f"标题\n总之，要建立经常工作。{BODY}\n党委要加强支部工作。{BODY}\n"
    assert outline(text) == []


def test_paragraphs_echoing_the_same_words_in_a_section_are_leads() -> None:
    text = "\n".join(
        [
            "标题",
            "一、社会建设",
            "加强社会建设，是社会稳定的重要保证。" + BODY,
            "加强社会建设，必须以改善民生为重点。" + BODY,
            "加强社会建设，必须推进体制改革。" + BODY,
        ]
    )
    assert outline(text) == [
        (2, "一、社会建设"),
        (3, "加强社会建设，是社会稳定的重要保证"),
        (3, "加强社会建设，必须以改善民生为重点"),
        (3, "加强社会建设，必须推进体制改革"),
    ]


def test_echoes_are_judged_as_a_run_and_not_before_the_first_section() -> None:
    long_one = "深入贯彻落实科学发展观，要求我们始终坚持一个中心两个基本点的基本路线。"
    echoes = [
        long_one + BODY,
        "深入贯彻落实科学发展观，要求我们构建和谐社会。" + BODY,
        "深入贯彻落实科学发展观，要求我们深化改革开放。" + BODY,
        "深入贯彻落实科学发展观，要求我们加强党的建设。" + BODY,
    ]
    assert outline("\n".join(["标题", "一、总论", *echoes])) == [(2, "一、总论")]
    framing = ["这次会议开得很好，很成功。" + BODY, "这次会议讨论了许多问题。" + BODY]
    framing.append("这次会议恢复了好的传统。" + BODY)
    assert outline("\n".join(["标题", *framing, "一、总论", BODY])) == [(2, "一、总论")]


def test_two_short_openers_in_a_text_without_sections_are_not_leads() -> None:
    text = f"标题\n要研究投资方向问题。{BODY}\n天津港下放两年来效益显著提高。{BODY}\n"
    assert outline(text) == []


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("二、九十年代改革和建设的主要任务", "二、"),
        ("一、三年来的工作", "一、"),
        ("一、二线城市房价持续上涨", None),
        ("二、三十人参加了会议", None),
        ("九、十月份是收获季节", None),
        ("十、十一月份雨水偏少", None),
    ],
)
def test_a_range_of_numbers_needs_numbers_a_step_apart(line: str, marker: str | None) -> None:
    found = numbering_marker(line)
    assert (found.text if found else None) == marker


def test_a_long_item_of_a_run_of_headings_heads_its_section_too() -> None:
    long_first = (
        "第二，必须坚决地吸引本地本厂的工人积极分子到工会各级领导机关中来，"
        "以加强工会与工人群众的联系。"
    )
    text = "\n".join(
        [
            "标题",
            "当前工会的工作：",
            "第一，必须进一步地组织工人。" + BODY,
            long_first + BODY,
            "第三，建立工会的民主生活。" + BODY,
            "第四，必须加强文化教育工作。" + BODY,
        ]
    )
    assert [text for _, text in outline(text)] == [
        "第一，必须进一步地组织工人",
        long_first[:-1],
        "第三，建立工会的民主生活",
        "第四，必须加强文化教育工作",
    ]


def test_a_run_of_mostly_long_items_stays_paragraphs() -> None:
    long_item = (
        "邓小平理论坚持解放思想、实事求是，在新的实践基础上继承前人又突破陈规，开拓了新境界。"
    )
    items = [f"第{n}，{long_item}{BODY}" for n in "一二三"]
    assert outline("\n".join(["标题", "一、总论", *items])) == [(2, "一、总论")]


def test_heavenly_stems_count_items() -> None:
    assert numbering_marker("丁、不可经常地以党的名义提出意见。") is not None
    assert numbering_marker("甲、乙双方应当遵守约定。") is None


def test_sequence_words_count_a_series() -> None:
    chain = [
        "首先，关于集中资金进行重点建设的问题。" + BODY,
        BODY,
        "其次，关于发展多种经济形式的问题。" + BODY,
        "再次，关于计划经济为主的问题。" + BODY,
        "最后，关于扩大对外交流的问题。" + BODY,
    ]
    assert [level for level, _ in outline("\n".join(["标题", "一、经济", *chain]))] == [
        2,
        3,
        3,
        3,
        3,
    ]
    lone = ["首先，要继续搞好整风。" + BODY, BODY, "其次，要抓好生产。" + BODY]
    assert outline("\n".join(["标题", "一、经济", *lone])) == [(2, "一、经济")]


def test_first_and_last_words_join_a_numbered_series() -> None:
    text = "\n".join(
        [
            "标题",
            "首先，我提议：",
            "为悼念逝世的同志默哀。",
            "首先，一定要把斗争进行到底。" + BODY,
            "第二，一定要搞好整党整风。" + BODY,
            "第三，一定要整顿好领导班子。" + BODY,
            "最后，讲讲尊重教师的问题。" + BODY,
        ]
    )
    assert [text for _, text in outline(text)] == [
        "首先，一定要把斗争进行到底",
        "第二，一定要搞好整党整风",
        "第三，一定要整顿好领导班子",
        "最后，讲讲尊重教师的问题",
    ]


def test_reasons_counted_with_shi_are_openers() -> None:
    first, second = "一是因为民主集中制受到破坏。", "二是因为习惯势力还在影响着人们。"
    text = f"标题\n一、形势\n{first}{BODY}\n{second}{BODY}\n"
    assert outline(text) == [
        (2, "一、形势"),
        (3, "一是因为民主集中制受到破坏"),
        (3, "二是因为习惯势力还在影响着人们"),
    ]


def test_echoes_after_shi_openers_are_their_siblings() -> None:
    text = "\n".join(
        [
            "标题",
            "一、解放思想",
            "一是因为民主集中制受到破坏。" + BODY,
            "二是因为习惯势力还在影响着人们。" + BODY,
            "思想一僵化，条条框框就多起来了。" + BODY,
            "思想一僵化，随风倒的现象就多起来了。" + BODY,
            "思想一僵化，本本主义也就严重起来了。" + BODY,
        ]
    )
    assert [level for level, _ in outline(text)] == [2, 3, 3, 3, 3, 3]
