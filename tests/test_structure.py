"""Structure detection, ids and metadata on small, hand-made texts."""

from __future__ import annotations

import pytest

from wenji.model import Heading, Paragraph
from wenji.patterns import numbering_marker
from wenji.pipeline import process


def outline(text: str) -> list[tuple[int, str]]:
    document = process(text.encode("utf-8"), "t.txt")
    return [(b.level, b.text) for b in document.blocks if isinstance(b, Heading)]


@pytest.mark.parametrize(
    "line",
    [
        "一、二线城市房价持续上涨，引发关注。",
        "三、四月份是春耕的关键时期，要抓好生产。",
        "1.5亿元资金已经全部到位。",
        "2023.2.1召开了全体会议。",
        "第一时间赶到现场处置。",
        "第一书记要驻村开展工作。",
        "10%的增长来之不易。",
    ],
)
def test_known_false_positives_are_not_markers(line: str) -> None:
    assert numbering_marker(line) is None
    assert outline(f"标题\n{line}\n正文。") == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("一、总体要求", "cn"),
        ("（一）工作目标", "cn_paren"),
        ("1. 加强领导", "arabic"),
        ("1．加强领导", "arabic"),
        ("（1）明确责任", "arabic_paren"),
        ("第一，干好的前提", "ordinal"),
        ("第四、干好的根本", "ordinal"),
        ("第一章 总则", "chapter"),
        ("第二节　实施", "section"),
    ],
)
def test_markers(line: str, kind: str) -> None:
    marker = numbering_marker(line)
    assert marker is not None and marker.kind == kind


def test_levels_follow_first_appearance_of_each_marker_kind() -> None:
    text = "标题\n一、甲\n（一）乙\n1. 丙\n（1）丁\n二、戊\n"
    assert outline(text) == [
        (2, "一、甲"),
        (3, "（一）乙"),
        (4, "1. 丙"),
        (5, "（1）丁"),
        (2, "二、戊"),
    ]


def test_short_first_sentence_is_split_off_as_heading() -> None:
    document = process(
        "标题\n（一）深入解放思想。要进一步加大工作力度，持续推进。".encode(), "t.txt"
    )
    heading, body = document.blocks
    assert isinstance(heading, Heading) and heading.text == "（一）深入解放思想"
    assert heading.marker == "（一）"
    assert isinstance(body, Paragraph) and body.text == "要进一步加大工作力度，持续推进。"


def test_long_numbered_sentence_stays_a_paragraph_and_is_reported() -> None:
    long_line = "（一）" + "这是一个很长的句子" * 6 + "。后文。"
    document = process(f"标题\n{long_line}".encode(), "t.txt")
    assert [type(b) for b in document.blocks] == [Paragraph]
    assert any("kept as a paragraph" in d.message for d in document.diagnostics)
    # Many such lines (a law's items) make one line of the log, not one each.
    many = process(f"标题\n{long_line}\n{long_line}\n{long_line}".encode(), "t.txt")
    kept = [d for d in many.diagnostics if "kept as paragraphs" in d.message]
    assert [(d.line, d.message.split(":")[-1]) for d in kept] == [(2, " lines 2, 3, 4")]


def test_sentence_end_inside_quotes_does_not_split() -> None:
    text = "标题\n（一）坚持“真抓实干。”的要求。后面是正文内容，比较长一些。"
    assert outline(text) == [(2, "（一）坚持“真抓实干。”的要求")]


def test_parallel_lead_sentences_become_headings_below_their_section() -> None:
    body = "这一段是正文，内容足够长，用来说明问题。" * 2
    text = "\n".join(
        [
            "标题",
            "一、总体要求",
            "引言段落很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。" + body,
            "着力在推动发展上见真章。" + body,
            "着力在深化改革上下功夫。" + body,
            "着力在改善民生上求实效。" + body,
        ]
    )
    assert outline(text) == [
        (2, "一、总体要求"),
        (3, "着力在推动发展上见真章"),
        (3, "着力在深化改革上下功夫"),
        (3, "着力在改善民生上求实效"),
    ]


def test_two_lead_sentences_make_a_run_but_one_does_not() -> None:
    body = "这一段是正文，内容足够长，用来说明问题。" * 2
    text = f"标题\n扎实有效去产能。{body}\n因城施策去库存。{body}\n"
    assert outline(text) == [(2, "扎实有效去产能"), (2, "因城施策去库存")]
    assert outline(f"标题\n扎实有效去产能。{body}\n") == []


def test_statements_are_not_lead_sentences() -> None:
    body = "这一段是正文，内容足够长，用来说明问题。" * 2
    text = f"标题\n开放也是改革。{body}\n我们要持续推进交流。{body}\n"
    assert outline(text) == []


def test_salutation_and_closing_are_never_headings() -> None:
    text = "标题\n同志们：\n一、总体要求\n发言完毕，谢谢大家！\n我就讲这么多，谢谢大家！"
    document = process(text.encode(), "t.txt")
    assert [b.text for b in document.blocks if isinstance(b, Heading)] == ["一、总体要求"]


def test_repeated_number_is_kept_and_reported() -> None:
    document = process("标题\n一、甲\n二、乙\n二、丙\n".encode(), "t.txt")
    assert [h.text for h in document.headings] == ["一、甲", "二、乙", "二、丙"]
    messages = [str(d) for d in document.diagnostics]
    assert "t.txt:4: numbering: 二、 follows 二、 (expected 三、); kept as written" in messages


def test_curator_overrides_in_front_matter() -> None:
    text = "\n".join(
        [
            "---",
            "structure:",
            "  headings: [关于下一步工作, {text: 最后, level: 3}]",
            "  not_headings: [一、二三]",
            "  lead_sentences: false",
            "---",
            "标题",
            "关于下一步工作",
            "一、二三这不是标题",
            "最后说一点。正文在这里，内容还比较长。",
        ]
    )
    document = process(text.encode(), "t.txt")
    assert [(h.level, h.text, h.kind) for h in document.headings] == [
        (2, "关于下一步工作", "override"),
        (3, "最后说一点", "override"),
    ]
    assert "一、二三这不是标题" in [p.text for p in document.paragraphs]


def test_unmatched_override_is_a_warning() -> None:
    text = "---\nstructure:\n  headings: [不存在]\n---\n标题\n正文。"
    document = process(text.encode(), "t.txt")
    assert "t.txt:1: front matter: structure.headings: no line starts with '不存在'" in [
        str(d) for d in document.diagnostics
    ]


def test_ids_do_not_move_when_unrelated_text_changes() -> None:
    original = "标题\n一、甲\n第一段。\n二、乙\n第二段。\n三、丙\n第三段。"
    edited = "标题\n一、甲\n第一段改了。\n新加的一段。\n二、乙\n第二段。\n三、丙\n第三段。"
    renumbered = "标题\n一、甲\n第一段。\n二、新加的一节\n三、乙\n第二段。\n四、丙\n第三段。"
    ids = {b.text: b.id for b in process(original.encode(), "t.txt").blocks}
    for variant in (edited, renumbered):
        for block in process(variant.encode(), "t.txt").blocks:
            key = block.text if block.text in ids else None
            if key:
                assert block.id == ids[key]
    renumbered_ids = {b.text[2:]: b.id for b in process(renumbered.encode(), "t.txt").headings}
    assert renumbered_ids["乙"] == ids["二、乙"] and renumbered_ids["丙"] == ids["三、丙"]


def test_repeated_paragraphs_get_distinct_ids() -> None:
    document = process("标题\n重复的段落。\n重复的段落。\n重复的段落。".encode(), "t.txt")
    ids = [p.id for p in document.paragraphs]
    assert len(set(ids)) == 3 and ids[1] == ids[0] + "-2"


def test_title_subtitle_date_and_speaker_lines() -> None:
    text = "\n".join(
        [
            "在全市工作会议上的讲话",
            "——在2023年全市经济工作会议上的讲话",
            "（2023年2月1日）",
            "张三",
            "同志们：",
            "正文。",
            "来源：某某日报",
        ]
    )
    document = process(text.encode(), "t.txt")
    meta = document.metadata
    assert (document.title, document.title_from) == ("在全市工作会议上的讲话", "first line")
    assert meta.subtitle == "——在2023年全市经济工作会议上的讲话"
    assert meta.occasion == ""  # the subtitle says it; not repeated as 场合
    assert (meta.date, meta.speaker, meta.source) == ("2023-02-01", "张三", "某某日报")
    assert [p.text for p in document.paragraphs] == ["同志们：", "正文。"]


def test_title_falls_back_to_the_file_name() -> None:
    document = process("同志们：\n正文。".encode(), "study/four-dares_speech.txt")
    assert (document.title, document.title_from) == ("four dares speech", "file name")


def test_front_matter_title_wins_and_different_first_line_is_kept() -> None:
    text = "---\ntitle: 正式标题\ndate: 2023-02-01\nspeaker: 李四\n---\n原文标题\n正文。"
    document = process(text.encode(), "t.txt")
    assert (document.title, document.title_from) == ("正式标题", "front matter")
    assert document.metadata.date == "2023-02-01" and document.metadata.speaker == "李四"
    assert [p.text for p in document.paragraphs] == ["原文标题", "正文。"]


def test_invalid_front_matter_is_kept_as_text_and_reported() -> None:
    document = process("---\ntitle: [unclosed\n---\n正文。".encode(), "t.txt")
    assert any(d.level == "warning" and "not valid YAML" in d.message for d in document.diagnostics)
    assert "正文。" in [p.text for p in document.paragraphs]


def test_unsafe_source_url_is_refused() -> None:
    text = "---\nsource_url: javascript:alert(1)\n---\n标题\n正文。"
    document = process(text.encode(), "t.txt")
    assert document.metadata.source_url == ""
    assert any("source_url" in d.message for d in document.diagnostics)
