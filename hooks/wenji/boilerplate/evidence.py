"""What one line says about itself: is it page furniture, an ad, or words of the text?

Each function judges one line on its own; the zones that decide what is removed
(:mod:`.adblock`, :mod:`.webpage`) combine these judgements over runs of lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..patterns import is_counter, is_salutation, numbering_marker

# Ad and copy-protection phrases of shared study material: each is strong evidence on its own.
AD_SIGNALS: tuple[str, ...] = (
    "仅供学习",
    "仅供参考学习",
    "禁止外传",
    "请勿外传",
    "QQ群",
    "qq群",
    "微信群",
    "扫码",
    "扫一扫",
    "二维码",
    "版权声明",
    "版权归原作者",
    "本文转载自",
    "转载请注明",
    "免费领取",
    "资料下载",
    "关注我们",
)

# Ordinary words that ads also use (会员 in 会员代表大会, 订阅 in a sentence): they only
# count beside a strong signal, never alone.
WEAK_SIGNALS: tuple[str, ...] = ("会员", "订阅", "倒卖", "公众号")

# What a web page puts around an article: widgets, navigation, footers.
SITE_PHRASES: tuple[str, ...] = (
    "分享到",
    "分享至",
    "扫一扫",
    "扫码",
    "二维码",
    "字号",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "上一篇",
    "下一篇",
    "返回顶部",
    "返回首页",
    "责任编辑",
    "本文来源",
    "版权所有",
    "Copyright",
    "copyright",
    "©",
    "ICP备",
    "ICP证",
    "公网安备",
    "网站地图",
    "联系我们",
    "设为首页",
    "加入收藏",
    "免责声明",
    "相关阅读",
    "相关新闻",
    "相关链接",
    "推荐阅读",
    "热门推荐",
    "点击排行",
    "当前位置",
    "您的位置",
    "我要纠错",
    "跟贴",
    "网友评论",
    "热门评论",
    "最新评论",
    "查看回复",
    "发表评论",
    "我要评论",
    "登录",
    "注册",
    "客户端",
    "为您推荐",
    "猜你喜欢",
    "相关推荐",
    "精彩推荐",
    "大家都在看",
    "排行榜",
    "阅读排行",
    "热门文章",
    "相关文章",
    "延伸阅读",
    "查看更多",
    "查看全部",
)

_URL = re.compile(r"https?://|www\.[\w-]+\.|\.(?:com|cn|net|org|html?)\b", re.IGNORECASE)
_BREADCRUMB = re.compile(
    r"\S\s*[>›»]\s*\S.*[>›»]|^(?:首页|当前位置|您的位置|您现在的位置)\S*\s*[>›»:：]"
)
# A comment widget or live feed: when a post was made (3小时前, 胡某今天 12:08:48) and its
# votes (回复 踩0 赞85 收藏).
_RELATIVE_TIME = re.compile(
    r"^\s*(?:\d+\s*(?:秒|分钟|小时|天)前|刚刚)\s*$|^.{0,12}(?:今天|昨天)\s*\d{1,2}:\d\d(?::\d\d)?$"
)
_VOTES = re.compile(r"(?:^|\s)(?:踩|赞|顶)\s*\d+(?:\s|$)")
_NO_WORDS = re.compile(r"[\W\d_a-zA-Z]*")  # digits, Latin and symbols only: 410, T + -, |
_DATE = re.compile(
    r"(?:19|20)\d\d\s*[-年./]\s*\d{1,2}|[〇○零一二][〇○零一二三四五六七八九]{3}年|\d{1,2}月\d{1,2}日"
)
_SENTENCE_PUNCTUATION = "，。；：！？、,;"
_BYLINE = re.compile(r"记者|通讯员|作者|撰稿|摄影|校对|编辑(?!部)")
_TITLE_WORDS = re.compile(
    r"讲话|报告|发言|致辞|通知|意见|决定|办法|条例|方案|规定|规划|纲要|会议|公报|通告|公告"
)

LABEL_MAX = 10  # a navigation label or widget word is at most this long


def signals_in(text: str, signals: Sequence[str]) -> tuple[str, ...]:
    """The phrases of ``signals`` that occur in ``text``, in the order given."""
    return tuple(signal for signal in signals if signal in text)


def site_evidence(text: str) -> tuple[str, ...]:
    """Why ``text`` looks like web-page furniture (empty when it does not)."""
    found = list(signals_in(text, SITE_PHRASES))
    if _URL.search(text):
        found.append("URL")
    if _BREADCRUMB.search(text):
        found.append("breadcrumb")
    if is_counter(text):
        found.append("counter")
    if _RELATIVE_TIME.match(text) or _VOTES.search(text):
        found.append("comment widget")
    return tuple(found)


def is_symbols(text: str) -> bool:
    """Digits, Latin letters and symbols only (410, T + -, |): weak evidence, a widget's
    count or control; it never makes an edge count as page furniture by itself."""
    return bool(_NO_WORDS.fullmatch(text)) and len(text) <= 20


def is_label(text: str) -> bool:
    """A short line with no sentence punctuation: a menu item, a widget's word."""
    return len(text) <= LABEL_MAX and not any(c in _SENTENCE_PUNCTUATION for c in text)


def is_body_sentence(text: str) -> bool:
    """A line of running text: long enough and punctuated like prose."""
    return len(text) >= 15 and any(c in "，。；！？" for c in text)


def is_sentence(text: str) -> bool:
    """A line that reads as prose: it ends a sentence, or is long with inner punctuation."""
    if text.endswith(("。", "！", "？", "…")) and len(text) >= 12:
        return True
    return len(text) > 40 and any(c in "，。；！？" for c in text)


def has_date(text: str) -> bool:
    return bool(_DATE.search(text))


def looks_like_words(text: str) -> str:
    """Why a line reads as the text's own words ("" when it does not): a salutation, a
    numbered item, a sentence, a byline or a title. A widget's counter (79 跟贴79) opens
    with a number but is none of these."""
    if is_counter(text):
        return ""
    if is_salutation(text):
        return "a salutation"
    if numbering_marker(text):
        return "a numbered item"
    if is_sentence(text):
        return "a sentence"
    if _BYLINE.search(text) and len(text) <= 30 and not signals_in(text, SITE_PHRASES):
        return "a byline"
    if 8 <= len(text) <= 60 and _TITLE_WORDS.search(text) and not is_body_sentence(text):
        return "a title"
    return ""
