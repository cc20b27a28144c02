"""Titles, dates and speakers of news copies and speeches, on real lines of the corpus."""

from __future__ import annotations

import pytest

from wenji.bylines import is_name, latest_act, speaker_in_closing_note, speaker_in_title
from wenji.dates import find_dates, parse_date
from wenji.model import Metadata
from wenji.pipeline import process


def _meta(text: str) -> Metadata:
    return process(text.encode("utf-8"), "news/x.txt").metadata


@pytest.mark.parametrize("name", ["习　近　平", "李　强", "李强", "陈独秀"])
def test_spaced_names_are_names(name: str) -> None:
    assert is_name(name)


def test_date_range_gives_its_first_day() -> None:
    assert parse_date("（一九九二年一月十八日――二月二十一日）") == "1992-01-18"
    assert parse_date("2019年3月5日至") is None


def test_speaker_named_in_title_or_closing_note() -> None:
    assert speaker_in_title("陈独秀在中国共产党第三次全国代表大会上的报告") == "陈独秀"
    assert speaker_in_title("在武昌、深圳、珠海、上海等地的谈话要点") == ""
    note = "（这是邓小平同志在中国共产党第八次全国代表大会上的报告。）"
    assert speaker_in_closing_note(note) == "邓小平"


def test_title_on_two_lines_above_the_subtitle() -> None:
    meta = _meta(
        "决胜全面建成小康社会\n为夺取新时代中国特色社会主义伟大胜利\n"
        "——在中国共产党第十九次全国代表大会上的报告\n（2017年10月18日）\n习　近　平\n"
        "同志们：\n现在，我代表第十八届中央委员会向大会作报告。\n"
    )
    assert meta.title == "决胜全面建成小康社会 为夺取新时代中国特色社会主义伟大胜利"
    assert (meta.date, meta.speaker) == ("2017-10-18", "习　近　平")


def test_spokesman_under_a_field_line() -> None:
    meta = _meta(
        "天宫一号与神舟九号载人交会对接任务第二场新闻发布会\n发布日期: 2012-06-24\n"
        "2012年6月24日\n中国载人航天工程新闻发言人 武平\n"
        "女士们、先生们：\n很高兴又一次和大家见面。\n"
    )
    assert (meta.date, meta.speaker) == ("2012-06-24", "武平")


def test_closing_note_with_more_after_the_speech() -> None:
    note = (
        "（这是邓小平同志在中共中央北方局党校第八期开学时作的整风动员讲话，"
        "刊载于一九四三年十二月四日北方局…出版的《整风周报》第二期。）"
    )
    assert speaker_in_closing_note(note) == "邓小平"
    assert speaker_in_closing_note("这是一个战略方针。") == ""


def test_closing_note_on_the_conclusion_a_leader_gave() -> None:
    note = (
        "（这是邓小平同志在中共中央太行分局高级干部会议上所作结论第三部分的第一节，"
        "刊载于中共中央太行分局一九四三年三月二十五日出版的《战斗》增刊第十九期。）"
    )
    assert speaker_in_closing_note(note) == "邓小平"


def test_copied_page_title_is_above_its_dateline() -> None:
    meta = _meta(
        "客户端\n搜索\n频道\n下一篇\n新华网 正文\n法国全国大罢工再次严重影响交通\n"
        "2019-12-10 07:57:40 来源： 新华网\n关注新华网\n微信\n"
        "新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国跨行业大罢工，反对政府进行退休"
        "制度改革，首都巴黎交通几乎完全瘫痪，其他多个城市交通也受到影响。\n"
    )
    assert (meta.title, meta.date, meta.speaker) == (
        "法国全国大罢工再次严重影响交通",
        "2019-12-10",
        "唐霁",
    )


def test_byline_between_headline_and_dateline() -> None:
    meta = _meta(
        "更好生活，我们有一些意见\n柳叶刀：味觉嗅觉丧失是新冠感染最强预测指标，优于发烧咳嗽\n"
        "澎湃新闻记者 贺梨萍\n2020-06-06 10:08 来源：澎湃新闻\n超大\n大\n"
        "此前，发烧、咳嗽被认为是新冠病毒感染的最主要症状。然而最新的研究发现：新冠感染症状中，"
        "味觉嗅觉丧失更具特异性。\n"
    )
    assert meta.title == "柳叶刀：味觉嗅觉丧失是新冠感染最强预测指标，优于发烧咳嗽"
    assert (meta.date, meta.speaker) == ("2020-06-06", "贺梨萍")


def test_fields_dateline_subtitle_and_closing_credit() -> None:
    meta = _meta(
        "> 要闻\n> 山西要闻\n山西品牌丝路行（南美站）正式启动\n"
        "成功举办中国（山西）－巴西双向经贸投资推介会\n"
        "时间：2019-09-18 06:23 来源： 山西日报\n"
        "跨越千山万水，行程近两万公里，山西品牌丝路行首次登陆巴西，刷新“走出去”的最远纪录。\n"
        "山西品牌丝路行主题为“走丝绸之路，促合作共赢”。南美站活动将先后在巴西、乌拉圭、"
        "阿根廷举行。（张巨峰）\n"
    )
    assert (meta.title, meta.subtitle) == (
        "山西品牌丝路行（南美站）正式启动",
        "成功举办中国（山西）－巴西双向经贸投资推介会",
    )
    assert (meta.date, meta.speaker) == ("2019-09-18", "张巨峰")


def test_author_field_and_own_source() -> None:
    meta = _meta(
        "位置：首页 > 新闻动态\n"
        "【不忘初心 牢记使命】我院医技药剂党支部举办2019年中药、药学理论知识与专业技能大赛\n"
        "来源：本站原创 作者：医技药剂党支部\n时间：2019年10月31日 23:00 浏览： 33\n"
        "本站讯（职工通讯员 李琴雯 刘会）为深入推进党建与业务工作紧密结合，弘扬我院中药特色，"
        "培养优秀的药学技能型人才。\n"
    )
    assert (meta.date, meta.speaker) == ("2019-10-31", "医技药剂党支部")
    meta = _meta(
        "首页 - 新闻动态\n2019年中国人文地理学术年会在重庆•西南大学成功举行！\n"
        "发布时间：2019-05-18 来源：中国地理学会\n"
        "5月10-12日，2019年中国人文地理学术年会在重庆·西南大学举行。本次会议由中国地理学会"
        "人文地理专业委员会主办。\n"
    )
    assert (meta.title, meta.speaker) == (
        "2019年中国人文地理学术年会在重庆•西南大学成功举行！",
        "中国地理学会",
    )


def test_outlet_named_as_source_is_not_the_author() -> None:
    meta = _meta(
        "站内\n他放弃百万年薪来到这里 唯一的要求竟是……\n2019年09月09日 18:13:22\n来源：新华网\n"
        "杭州市学军中学校长陈立群要退休了，作为全国重点高中校长、教育部中学校长培训中心兼职教授，"
        "他在全国教育界都广获认可。\n"
    )
    assert (meta.date, meta.speaker) == ("2019-09-09", "")


def test_a_signature_over_its_date_is_not_a_page_header() -> None:
    meta = _meta(
        "关于做好春节工作的通知\n各区人民政府：\n现将有关事项通知如下。\n国务院办公厅\n2019年1月22日\n"
    )
    assert (meta.title, meta.date, meta.speaker) == (
        "关于做好春节工作的通知",
        "2019-01-22",
        "国务院办公厅",
    )


def test_source_line_under_the_headline_without_a_dateline() -> None:
    meta = _meta(
        "现在位置： 首页 >> 东区新闻 >> 正文\n东区办事处\n东区新闻\n"
        "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作\n来源于：东区办事处\n"
        "2019年2月27日下午，佛山顺德区大良街道党工委委员、街道经济和科技促进局局长潘卓辉"
        "等一行八人到众创金融街进行实地考察调研。\n"
    )
    assert meta.title == "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作"
    assert meta.speaker == "东区办事处"


def test_letter_signed_by_a_spaced_name_over_its_date() -> None:
    meta = _meta(
        "致中共中央政治局的信\n（一九八九年九月四日）\n中央政治局：\n"
        "我向中央请求辞去现在担任的中共中央军事委员会主席职务。\n邓　小　平\n一九八九年九月四日\n"
    )
    assert (meta.date, meta.speaker) == ("1989-09-04", "邓　小　平")


def test_closing_note_of_an_interview() -> None:
    note = (
        "（这是邓小平同志接受美国哥伦比亚广播公司“六十分钟”节目记者迈克·华莱士电视采访时的谈话。 ）"
    )
    assert speaker_in_closing_note(note) == "邓小平"


def test_publication_field_at_the_foot_dates_an_undated_article() -> None:
    meta = _meta(
        "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动\n"
        "为持续推动金融消费者教育和金融知识普及工作，引导广大金融消费者弘扬金融正能量，"
        "提高社会公众防范风险和正确使用金融服务的意识。\n"
        "活动现场\n发布日期：2019-09-23 14:34:05 所属分类： 头条\n"
    )
    assert meta.date == "2019-09-23"


def test_a_line_of_fields_with_its_publication_time_is_a_dateline() -> None:
    meta = _meta(
        "■ 纪检监察\n中华人民共和国监察法\n来源: | 发布时间: 2018-05-17 | 浏览次数: 2168\n"
        "中华人民共和国监察法\n《中华人民共和国监察法》是为了推进全面依法治国，实现国家监察全面覆盖，"
        "深入开展反腐败工作而制定的法律。\n"
    )
    assert meta.title == "中华人民共和国监察法"


def test_law_issuer_is_the_body_that_passed_it_not_the_approving_one() -> None:
    note = (
        "（2021年11月5日江门市第十五届人民代表大会常务委员会第五十一次会议通过"
        "2021年12月1日广东省第十三届人民代表大会常务委员会第三十七次会议批准）"
    )
    assert latest_act(note) == ("2021-12-01", "2021年12月1日", "江门市人民代表大会常务委员会")


def test_law_issuer_from_the_latest_revision_naming_an_organ() -> None:
    note = (
        "（2006年1月18日环境保护总局令第31号公布　根据2019年8月22日《生态环境部关于废止、"
        "修改部分规章的决定》第三次修正　根据2021年1月4日《关于废止、修改部分生态环境规章和"
        "规范性文件的决定》第四次修正）"
    )
    assert latest_act(note)[::2] == ("2021-01-04", "生态环境部")


def test_title_over_three_lines_ending_in_tongbao() -> None:
    meta = _meta(
        "国务院办公厅关于山西、安徽省\n 四起特大煤矿瓦斯爆炸事故\n\n调查处理情况的通报\n"
        "各省、自治区、直辖市人民政府：\n现将有关情况通报如下。\n"
    )
    assert meta.title == "国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报"


def test_two_organs_sign_together() -> None:
    meta = _meta(
        "关于生态环境执法中建设项目“总投资额”认定问题的指导意见（试行）\n"
        "为落实有关规定，现就总投资额的认定提出以下意见。\n生态环境部\n发展改革委\n2018年8月27日\n"
    )
    assert (meta.date, meta.speaker) == ("2018-08-27", "生态环境部、发展改革委")


def test_meeting_record_dated_in_the_roc_calendar() -> None:
    assert find_dates("中華民國101年6月6（星期三）上午9時7分")[0][0] == "2012-06-06"
    meta = _meta(
        "立法院第8屆第1會期內政委員會第38次全體委員會議紀錄\n"
        "時　　間　中華民國101年6月6（星期三）上午9時7分、下午2時41分\n"
        "地　　點　本院紅樓202會議室\n主席：報告委員會，出席委員12人，已足法定人數，現在開會。\n"
    )
    assert meta.date == "2012-06-06"


def test_a_dated_occasion_under_a_title_on_two_lines_is_no_dateline() -> None:
    meta = _meta(
        "决胜全面建成小康社会\n为夺取新时代中国特色社会主义伟大胜利\n"
        "2017年10月18日在中国共产党第十九次全国代表大会上的报告\n习　近　平\n"
        "同志们：\n现在，我代表第十八届中央委员会向大会作报告。\n"
    )
    assert meta.title == "决胜全面建成小康社会 为夺取新时代中国特色社会主义伟大胜利"
    assert meta.subtitle == "2017年10月18日在中国共产党第十九次全国代表大会上的报告"
    assert (meta.date, meta.speaker) == ("2017-10-18", "习　近　平")
