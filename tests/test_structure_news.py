"""News copies: a web page's link lists and counters are not headings; lone section numbers."""

from __future__ import annotations

from wenji.boilerplate.evidence import looks_like_words, site_evidence
from wenji.model import Heading
from wenji.pipeline import process

BODY = "记者从有关部门了解到，这项工作已经全面展开，各地正在按照要求抓紧推进落实。"
ITEM = "据财政部消息，财政部预算司近日发布了地方政府债券发行和债务余额情况，发行进度加快。"


def outline(text: str) -> list[tuple[int, str]]:
    document = process(text.encode("utf-8"), "t.txt")
    return [(b.level, b.text) for b in document.blocks if isinstance(b, Heading)]


def texts(text: str) -> list[str]:
    return [b.text for b in process(text.encode("utf-8"), "t.txt").blocks]


def test_ranked_headlines_that_start_again_are_links_not_headings() -> None:
    text = "\n".join(
        [
            "某地新闻标题",
            BODY,
            "01 事关近3亿人工资 国家出手了",
            "02 间谍训练狗挂针孔摄像头",
            "01 李司长 十九大后饭照吃钱照收",
            "02 中国为啥没来？国际宇航大会上这问题被置顶了",
            BODY,
        ]
    )
    assert outline(text) == []
    assert "02 中国为啥没来？国际宇航大会上这问题被置顶了" in texts(text)


def test_headlines_with_view_counts_are_links() -> None:
    text = "\n".join(
        ["某地新闻标题", BODY, "1 张某回应 44,524", "2 某地发布通告 27,553", "3 新生入学 25,491"]
    )
    assert outline(text) == []


def test_a_counter_is_never_a_heading_nor_a_numbered_item() -> None:
    text = "\n".join(["某地新闻标题", BODY, "79 跟贴79", BODY])
    assert outline(text) == []
    assert looks_like_words("79 跟贴79") == ""
    assert "counter" in site_evidence("79 跟贴79")


def test_a_plans_numbered_sections_stay_headings() -> None:
    text = "\n".join(["预案", "1　总则", BODY, "2　组织机构", BODY, "3　预警监测", BODY])
    assert [t for _, t in outline(text)] == ["1　总则", "2　组织机构", "3　预警监测"]


def test_a_date_with_stray_spaces_is_not_a_numbered_heading() -> None:
    assert outline("标题\n" + BODY + "\n4 月20 日，安徽省首次发布白皮书\n" + BODY) == []


def test_lone_numbers_head_the_title_line_under_them() -> None:
    text = "\n".join(["标题", BODY, "1", "全国名校长在小地方遇难题", BODY, "2", "爱与责任", BODY])
    assert outline(text) == [(2, "全国名校长在小地方遇难题"), (2, "爱与责任")]


def test_a_lone_number_without_a_title_line_is_the_heading() -> None:
    text = "\n".join(["标题", BODY, "1", BODY, BODY, "2", "对此，刀哥也想说几点：", BODY])
    assert outline(text) == [(2, "1"), (2, "2")]


def test_a_ranked_list_of_lone_numbers_is_not_sections() -> None:
    text = "\n".join(["标题", BODY, "1", "某学术年会", "2", "某地理大赛", "3", "某管理年会"])
    assert outline(text) == []


def test_a_page_number_inside_a_sentence_is_not_a_section() -> None:
    text = "\n".join(["标题", "这项工作已经全面展开，各地正在", "1", BODY, "2", BODY])
    assert outline(text) == []


def test_a_digests_tagged_headlines_are_headings_under_their_labels() -> None:
    text = "\n".join(
        [
            "盘中重要资讯汇总",
            "2019年9月26日 15:10 来源：天天基金网",
            "国内资讯",
            "【第一财经】财政部：金融企业拨备覆盖率超过监管要求两倍",
            ITEM,
            "【券商中国】第4次重组梦碎！中国中期中止收购国际期货",
            ITEM,
            "债券动向",
            "【中国发展网】1-8月新增地方政府债券28951亿",
            ITEM,
        ]
    )
    assert outline(text) == [
        (2, "国内资讯"),
        (3, "【第一财经】财政部：金融企业拨备覆盖率超过监管要求两倍"),
        (3, "【券商中国】第4次重组梦碎！中国中期中止收购国际期货"),
        (2, "债券动向"),
        (3, "【中国发展网】1-8月新增地方政府债券28951亿"),
    ]


def test_tagged_lines_without_paragraphs_of_their_own_are_not_headings() -> None:
    text = "\n".join(["某法规", "【发布单位】全国人大常委会", "【发布日期】2019-01-01", BODY])
    assert outline(text) == []


CAPTION = "“救命啊SOS”纸团。沙坪坝区公安分局供图 华龙网发"


def test_an_articles_subheadings_with_commas_and_spaces_are_headings() -> None:
    text = "\n".join(
        [
            "标题",
            BODY,
            "七旬阿婆接来电称其涉黑、洗钱被吓坏，层层套路被骗走139万元",
            ITEM,
            "快速赶到现场 排查可疑线索",
            CAPTION,
            ITEM,
        ]
    )
    assert outline(text) == [
        (2, "七旬阿婆接来电称其涉黑、洗钱被吓坏，层层套路被骗走139万元"),
        (2, "快速赶到现场 排查可疑线索"),
    ]


def test_poem_titles_over_their_poets_are_headings() -> None:
    text = "\n".join(
        [
            "标题",
            BODY,
            "《冬夜读书示子聿》",
            "——（宋）陆游",
            "古人学问无遗力，少壮工夫老始成。",
            ITEM,
            "《诫子诗》",
            "——（汉）东方朔",
            "明者处事，莫尚於中。",
        ]
    )
    assert outline(text) == [(2, "《冬夜读书示子聿》"), (2, "《诫子诗》")]


def test_one_unpunctuated_line_alone_is_not_a_subheading() -> None:
    line = "七旬阿婆接来电称其涉黑、洗钱被吓坏，层层套路被骗走139万元"
    assert outline("\n".join(["标题", BODY, line, ITEM])) == []


def test_a_numbered_outline_leaves_no_room_for_subheadings() -> None:
    text = "\n".join(
        [
            "标题",
            "一、总体要求",
            BODY,
            "要尊重世界的多样性，坚持睦邻友好",
            ITEM,
            "要加强团结，深化合作",
            ITEM,
        ]
    )
    assert outline(text) == [(2, "一、总体要求")]


def test_a_photo_caption_is_never_a_heading() -> None:
    lead = "报警人杨某描述的位置有一栋商业建筑。" + BODY
    text = "\n".join(["标题", BODY, CAPTION, lead, BODY, CAPTION, lead])
    assert outline(text) == []
