"""Boilerplate: ad blocks and web-page furniture go on evidence; the text's words stay."""

from __future__ import annotations

from wenji.boilerplate import strip_boilerplate
from wenji.model import SourceLine
from wenji.pipeline import process


def _lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(number, text) for number, text in enumerate(texts, 1)]


def _kept(*texts: str) -> list[str]:
    return [line.text for line in strip_boilerplate(_lines(*texts))[0]]


def test_a_weak_word_alone_never_removes_a_title_or_salutation() -> None:
    text = (
        "在全市工商联第五次会员代表大会上的讲话\n（2023年5月6日）\n各位会员代表：\n"
        "这次大会是在全市上下深入学习贯彻党的二十大精神的重要时刻召开的，意义重大。\n"
    )
    document = process(text.encode(), "speech.txt")
    assert document.removals == ()
    assert document.title == "在全市工商联第五次会员代表大会上的讲话"
    assert document.blocks[0].text == "各位会员代表："


def test_ad_words_inside_body_sentences_stay() -> None:
    body = [
        f"第{n}段，我们要把扫码入企、工会会员服务和公众号订阅管理做细做实，确保落地见效。"
        for n in range(6)
    ]
    assert _kept(*body) == body


def test_the_furniture_of_a_copied_web_page_goes_and_the_article_stays() -> None:
    page = [
        "网易首页",
        "新闻",
        "国内",
        "登录",
        "注册免费邮箱",
        "网易首页 > 网易科技 > 互联网 > 正文",
        "亚马逊海外购“限时快闪店”登陆拼多多",
        "2019-11-25 11:01:53　来源: 新京报",
        "410",
        "分享到：",
        "微信",
        "用微信扫码二维码",
        "（原标题：“黑五”战役打响 亚马逊海外购登陆拼多多）",
        "新京报讯（记者 陆一夫）11月25日，新京报记者登录拼多多全球购页面发现，"
        "亚马逊海外购与拼多多达成合作。",
        "亚马逊中国方面表示，“限时快闪店”将带来逾千款海外正品的优惠折扣，时间为11月25日至12月底。",
        "新京报记者 陆一夫",
        "本文来源：新京报 责任编辑：姚立伟",
        "分享到：",
        "微博",
        "跟贴32",
        "上一篇",
    ]
    kept = _kept(*page)
    assert kept == [page[6], page[7], *page[12:16]]


def test_every_removal_is_reported_with_its_lines() -> None:
    page = ["首页", "分享到：", "当前位置：首页 > 新闻", "标题在这里的一篇报道", "2020年1月2日"]
    page += ["这是正文的第一段，内容很长很长，足以成为正文的核心部分。"] * 3
    _, removals = strip_boilerplate(_lines(*page))
    assert [(r.first_line, r.last_line) for r in removals] == [(1, 3)]
    assert "分享到" in removals[0].signals and "breadcrumb" in removals[0].signals


def test_removing_a_line_that_reads_as_text_is_a_warning_naming_its_line() -> None:
    from wenji.boilerplate import removal_warnings
    from wenji.model import Removal

    removal = Removal(
        3,
        6,
        ("仅供学习",),
        (
            "仅供学习",
            "在全市工商联第五次会员代表大会上的讲话",
            "各位会员代表：",
            "扫码关注 版权声明",
        ),
        (3, 4, 6, 7),
    )
    warnings = [(d.level, d.line, d.message) for d in removal_warnings(removal, "t.txt")]
    assert [(level, line) for level, line, _ in warnings] == [("warning", 4), ("warning", 6)]
    assert "各位会员代表：" in warnings[1][2]


ARTICLE = [
    "苹果回应指控：大多数指控错误",
    "分享到：",
    "2019-09-09 19:32:27 字号：A- A A+ 来源：中新网",
    "据中新网9月9日报道，针对外媒的指控，苹果公司9日回应称，报告中的大多数指控都是错误的。",
    "同时，苹果公司表示，我们在调查期间确实发现，临时工的比例超过了公司标准，正在处理。",
    "记者通过电子邮件联系了富士康，截至发稿时，尚未得到回复，本报将继续关注事件的进展。",
]


def test_a_page_foot_of_comments_and_related_links_goes_but_long_sentences_stay() -> None:
    long = "中国劳工观察是个什么组织？我查了半天也没有查到它的来历，有谁知道的请告诉我一下，谢谢。"
    foot = [
        "责任编辑: 于文凯",
        "热门评论 10条",
        "大风起兮",
        "富士康确实是家血汗工厂！",
        "3小时前",
        "查看回复 2 举报",
        "回复 踩0 赞85 收藏",
        long,
        "2小时前",
        "回复 踩5 赞62 收藏",
        "为您推荐",
        "万元背包遗落请店方暂存，4个月后竟然被扔了…",
        "联系我们",
        "Copyright © 2019 观察者 版权所有",
    ]
    kept = _kept(*ARTICLE, *foot)
    assert kept[-1] == long
    assert ARTICLE[3:] == kept[-4:-1]


def test_a_short_foot_keeps_its_lines_that_read_as_words() -> None:
    foot = ["本文来源：中新网 责任编辑：于文凯", "分享到：", "富士康确实是家血汗工厂！"]
    assert _kept(*ARTICLE, *foot)[-1] == "富士康确实是家血汗工厂！"


def test_a_paragraph_that_names_a_widget_stays_in_the_body() -> None:
    body = [
        "在最新发布的全球城市竞争力排行榜中，深圳位列第四，另有四座中国城市进入了前二十名。",
        "报告认为，城市竞争力的提升离不开持续的创新投入与开放的营商环境，中国城市进步明显。",
        "短段落。",
    ]
    page = ["首页", "分享到：", "当前位置：首页 > 新闻", "标题", *body]
    assert _kept(*page)[-3:] == body
