"""Lists, levels by nesting and the units of a law, on lines of real texts."""

from __future__ import annotations

from wenji.model import Heading
from wenji.pipeline import process


def outline(text: str) -> list[tuple[int, str]]:
    document = process(text.encode("utf-8"), "t.txt")
    return [(b.level, b.text) for b in document.blocks if isinstance(b, Heading)]


def texts(text: str) -> list[str]:
    return [b.text for b in process(text.encode("utf-8"), "t.txt").blocks]


def test_items_ending_in_semicolons_are_a_list_with_markers_kept() -> None:
    text = "\n".join(
        [
            "反分裂国家法",
            "第六条　国家采取下列措施，维护台湾海峡地区和平稳定，发展两岸关系：",
            "（一）鼓励和推动两岸人员往来，增进了解，增强互信；",
            "（二）鼓励和推动两岸共同打击犯罪；",
            "（三）鼓励和推动有利于维护台湾海峡地区和平稳定、发展两岸关系的其他活动。",
        ]
    )
    assert outline(text) == []
    assert "（二）鼓励和推动两岸共同打击犯罪；" in texts(text)


def test_items_introduced_by_a_colon_are_a_list() -> None:
    text = "\n".join(
        [
            "标题",
            "初步审查时，国务院有关主管部门应当提交以下材料：",
            "（一）本年度计划草案的初步方案",
            "（二）初步审查所需要的其他材料",
        ]
    )
    assert outline(text) == []


def test_a_salutation_does_not_introduce_a_list() -> None:
    assert outline("标题\n同志们：\n一、总体要求\n二、主要任务\n") == [
        (2, "一、总体要求"),
        (2, "二、主要任务"),
    ]


def test_a_decisions_numbered_paragraphs_are_not_headings() -> None:
    long = "，应当坚持中国共产党的领导，坚持以人民为中心，依法履行职责，增强监督实效" * 2
    text = "\n".join(
        [
            "全国人民代表大会常务委员会关于加强经济工作监督的决定",
            "一、全国人民代表大会常务委员会依法对国务院经济工作行使监督职权。后文。",
            f"二、全国人民代表大会常务委员会开展经济工作监督{long}。",
            f"三、根据全国人民代表大会议事规则的有关规定{long}。",
            f"四、对国民经济和社会发展年度计划初步审查时{long}。",
        ]
    )
    assert outline(text) == []


def test_levels_follow_nesting_not_first_appearance() -> None:
    assert outline("标题\n（一）甲\n正文。\n（二）乙\n1. 丙\n正文。\n2. 丁\n") == [
        (2, "（一）甲"),
        (2, "（二）乙"),
        (3, "1. 丙"),
        (3, "2. 丁"),
    ]
    # a 一、 after opening （一） items closes them instead of nesting inside
    assert outline("标题\n（一）甲\n正文。\n一、乙\n正文。\n（一）丙\n") == [
        (2, "（一）甲"),
        (2, "一、乙"),
        (3, "（一）丙"),
    ]


def test_law_units_nest_and_the_table_of_contents_is_not_an_outline() -> None:
    text = "\n".join(
        [
            "中华人民共和国民法典",
            "（2020年5月28日第十三届全国人民代表大会第三次会议通过）",
            "目录",
            "第一编　总则",
            "第一章　基本规定",
            "第二章　自然人  （第一节　民事权利能力和民事行为能力\t第二节　监护）",
            "第一编　总则",
            "第一章　基本规定",
            "第一条　为了保护民事主体的合法权益，制定本法。",
            "第二章　自然人",
            "第一节　民事权利能力和民事行为能力",
            "第十三条　自然人从出生时起到死亡时止，具有民事权利能力。",
            "附件一",
        ]
    )
    assert outline(text) == [
        (2, "第一编　总则"),
        (3, "第一章　基本规定"),
        (3, "第二章　自然人"),
        (4, "第一节　民事权利能力和民事行为能力"),
        (2, "附件一"),
    ]


def test_constitution_preamble_and_traditional_units() -> None:
    toc = ["目　　錄", "序　　言", "第 一 章 總綱"]
    body = ["序　　言", "中國是世界上歷史最悠久的國家之一。", "第 一 章 總綱", "第 1 條 本法。"]
    text = "\n".join(["憲法", *toc, *body])
    assert outline(text) == [(2, "序　　言"), (2, "第 一 章 總綱")]


def test_items_of_an_article_stay_inside_it_but_group_titles_do_not() -> None:
    text = "\n".join(
        [
            "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释",
            "一、受案范围",
            "第一条　公民、法人或者其他组织对行政行为不服提起诉讼的，属于受案范围。",
            "下列行为不属于人民法院行政诉讼的受案范围：",
            "（一）公安、国家安全等机关依照刑事诉讼法的明确授权实施的行为",
            "二、管辖",
            "第三条　各级人民法院行政审判庭审理行政案件。",
        ]
    )
    assert outline(text) == [(2, "一、受案范围"), (2, "二、管辖")]


def test_articles_are_never_parallel_lead_sentences() -> None:
    body = "当事人另有约定的，按照其约定；没有约定或者约定不明确的，依据本法确定。"
    text = "\n".join(
        ["民法典", *(f"第六百二十{n}条　买受人应当按照约定支付价款。{body}" for n in "六七八")]
    )
    assert outline(text) == []


def test_a_decisions_one_sentence_items_and_label_items_are_not_headings() -> None:
    decision = "\n".join(
        [
            "全国人民代表大会常务委员会关于中国人民解放军现役士兵衔级制度的决定",
            "一、士兵军衔是表明士兵身份、区分士兵等级的称号和标志，是党和国家给予士兵的荣誉。",
            "士兵军衔分为军士军衔、义务兵军衔。",
            "二、义务兵军衔由高至低分为上等兵、列兵。",
            "三、士兵军衔按照军种划分种类，在军衔前冠以军种名称。",
        ]
    )
    assert outline(decision) == []
    holidays = "\n".join(
        [
            "国务院办公厅关于2019年部分节假日安排的通知",
            "一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。12月29日上班。",
            "二、春节：2月4日至10日放假调休，共7天。2月2日上班。",
            "三、清明节：4月5日放假，与周末连休。",
        ]
    )
    assert outline(holidays) == []


def test_a_one_sentence_heading_line_with_its_paragraph_below_stays_a_heading() -> None:
    body = "职业教育与普通教育是两种不同教育类型，具有同等重要地位，要健全制度框架。" * 2
    items = ["（一）健全国家职业教育制度框架", "（二）提高中等职业教育发展水平", "（三）推进高等"]
    text = "\n".join(["方案"] + [line for item in items for line in (item + "。", body)])
    assert [t for _, t in outline(text)] == items


def test_decimal_outline_of_a_plan() -> None:
    body = "为了有效监测和控制各类突发公共事件对粮食市场的影响，保证粮食市场供应。"
    heads = ["1　总则", "1.1　编制目的及依据", "1.2　等级划分", "2　组织机构和职责", "2.1　指挥部"]
    text = "\n".join(["预案"] + [line for head in heads for line in (head, body)])
    assert outline(text) == [
        (2, heads[0]),
        (3, heads[1]),
        (3, heads[2]),
        (2, heads[3]),
        (3, heads[4]),
    ]
    assert outline(f"预案\n2.1.1　指挥部职责\n{body}") == [(2, "2.1.1　指挥部职责")]


def test_unmarked_section_titles_between_paragraphs() -> None:
    body = "一九五六年，我国的社会主义建设取得了巨大的成就，各项事业都有了很大的发展。"
    lines = [
        "政府工作报告",
        "一、关于社会主义建设",
        body,
        "关于教育改革问题",
        body,
        "关于向科学进军",
    ]
    lines += [
        body,
        "二、关于人民生活",
        body,
        "1956年，由于城市和乡村的基本建设和",
        "亿九十一",
        body,
    ]
    assert outline("\n".join(lines)) == [
        (2, "一、关于社会主义建设"),
        (3, "关于教育改革问题"),
        (3, "关于向科学进军"),
        (2, "二、关于人民生活"),
    ]


def test_the_title_of_a_plan_a_notice_issues_heads_its_sections() -> None:
    body = "职业教育与普通教育是两种不同教育类型，具有同等重要地位。"
    lines = ["国务院关于印发国家职业教育改革实施方案的通知", "现将方案印发给你们，请认真贯彻执行。"]
    lines += ["国务院", "2019年1月24日", "（此件公开发布）", "国家职业教育改革实施方案", body]
    lines += ["一、完善国家职业教育制度体系", body]
    assert outline("\n".join(lines)) == [
        (2, "国家职业教育改革实施方案"),
        (3, "一、完善国家职业教育制度体系"),
    ]


def test_a_pages_list_of_headlines_is_not_an_outline() -> None:
    items = ["1、赴港上市真的冷了吗？", "2、大数据行业发展呼唤良序开发", "3、外贸韧性强"]
    items += ["4、让反垄断执法进一步推动经济健康发展"]
    assert outline("\n".join(["要闻", "正文在这里，讲了一件事。", *items])) == []
