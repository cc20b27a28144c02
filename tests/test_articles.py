"""A law's 第X条 articles: anchors from their numbers, the same in every edition, stable."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article
from wenji.model import Article
from wenji.pipeline import process
from wenji.script import convert_document, get_converter

LAW = [
    "中华人民共和国示例法",
    "（2024年3月1日第十四届全国人民代表大会第二次会议通过）",
    "目录",
    "第一章　总则",
    "第二章　管理",
    "附件",
    "第一章　总则",
    "第一条　为了规范示例活动，根据宪法，制定本法。",
    "第二条　国家采取下列措施，保障示例活动：",
    "（一）鼓励和推动示例交流；",
    "（二）支持示例研究。",
    "前款规定的措施，由国务院组织实施。",
    "第二章　管理",
    "第十条　示例活动应当依法进行。",
    "第十条之一　示例活动的组织者应当登记。",
    "第五条　规定的登记事项由国务院规定。",
    "第十一条【罚则】违反本法规定的，依法给予处分。",
    "附件",
    "示例规则",
    "第一条　本规则适用于示例活动。",
    "第二条　本规则自公布之日起施行。",
]
INSERTED = "（本法根据2025年的决定修正，此处为编者说明。）"

TAIWAN_LAW = [
    "示例法",
    "第1章　總則",
    "第1條",
    "為規範示例活動，特制定本法。",
    "本法未規定者，適用其他法律之規定。",
    "第 2 條 　本法所稱主管機關：在中央為內政部。",
    "第2條之1　示例活動應依法進行。",
    "第十七條規定於本條準用之。",
]

EDITION = (
    "extra:\n  wenji:\n    editions:\n      - {prefix: zh-tw, opencc: s2tw, language: zh-TW}\n"
)


@pytest.fixture(scope="module")
def law_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("law")
    edited = [*LAW[:2], INSERTED, *LAW[2:]]
    texts = {
        "law.txt": "\n".join(LAW) + "\n",
        "law-edited.txt": "\n".join(edited) + "\n",
        "tw-law.txt": "\n".join(TAIWAN_LAW) + "\n",
    }
    build = run_mkdocs(write_project(root, texts, EDITION), root / "site", "--strict")
    assert build.returncode == 0, build.log
    return build


def article_ids(page: str) -> list[str]:
    return re.findall(r'<section class="wenji-article" id="([^"]+)">', page)


def toc_links(page: str) -> list[str]:
    return re.findall(r'<a href="#([^"]+)" class="md-nav__link', page)


def test_articles_are_anchored_by_their_numbers(law_site: Build) -> None:
    page = law_site.page("law")
    law = ["art-1", "art-2", "art-10", "art-10-1", "art-11"]
    annex = ["art-1-r2", "art-2-r2"]  # the annex numbers its rules from 第一条 again
    assert article_ids(page) == [*law, *annex]
    ids = read_article(page).ids
    assert len(ids) == len(set(ids))
    # 款 and 项 stay in their article, numbered in it; 第五条 (going back) is a paragraph
    assert ids[ids.index("art-2") :][:4] == ["art-2", "art-2-p2", "art-2-p3", "art-2-p4"]
    assert "art-10-1-p2" in ids and "art-5" not in ids
    assert '<strong class="wenji-article-label">第十条之一</strong>' in page
    assert 'href="#art-10-1" title="条文链接">¶</a>' in page
    # articles are not in the table of contents; the 目录 block is not a second outline
    links = toc_links(page)
    assert links and not [link for link in links if link.startswith("art-")]
    headings = [h.text for h in read_article(page).headings(2, 3)]
    assert headings[:3] == ["第一章　总则", "第二章　管理", "附件"]


def test_article_ids_are_the_same_in_the_traditional_edition(law_site: Build) -> None:
    for uri in ("law", "tw-law"):
        primary, traditional = law_site.page(uri), law_site.page(f"zh-tw/{uri}")
        assert read_article(traditional).ids == read_article(primary).ids
        assert article_ids(traditional) == article_ids(primary)
    assert '<strong class="wenji-article-label">第十條之一</strong>' in law_site.page("zh-tw/law")


def test_article_anchors_do_not_move_when_unrelated_text_changes(law_site: Build) -> None:
    before = read_article(law_site.page("law")).ids
    after = read_article(law_site.page("law-edited")).ids
    assert [i for i in after if i.startswith("art-")] == [i for i in before if i.startswith("art-")]
    assert set(before) <= set(after) and len(after) == len(before) + 1


def test_traditional_articles_with_arabic_numbers(law_site: Build) -> None:
    ids = read_article(law_site.page("tw-law")).ids
    assert article_ids(law_site.page("tw-law")) == ["art-1", "art-2", "art-2-1"]
    assert ids[ids.index("art-1") :][:3] == ["art-1", "art-1-p2", "art-1-p3"]
    assert "art-17" not in ids  # 第十七條規定… refers to an article


def articles(lines: list[str]) -> list[tuple[str, str]]:
    document = process("\n".join(lines).encode("utf-8"), "t.txt")
    return [(b.id, b.label) for b in document.blocks if isinstance(b, Article)]


def test_a_number_without_a_space_opens_only_the_next_article() -> None:
    lines = ["示例条例", "第一条为了规范管理，制定本条例。", "第二条本条例所称示例，是指示例。"]
    assert articles(lines) == [("art-1", "第一条"), ("art-2", "第二条")]
    lines.append("第二条规定的事项，由省人民政府决定。")  # a reference, not an article
    assert len(articles(lines)) == 2


def test_a_speechs_enumeration_is_not_a_law() -> None:
    lines = ["讲话", "第一条，我们必须坚持社会主义道路。", "第二条，我们必须坚持人民民主专政。"]
    assert articles(lines) == []


ARTICLE_LINES = [
    "第一条　甲。",
    "第二条　乙：",
    "第二条",
    "第十条之一　丙。",
    "第 3 條",
    "第三条规定的事项。",
    "第四条丁。",
    "（一）戊；",
    "第一章　总则",
    "附件",
    "正文。",
]
ANCHOR = re.compile(r"art-\d+(-\d+)?(-r\d+)?(-d\d+)?(-p\d+)?")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ARTICLE_LINES), min_size=1, max_size=30))
def test_article_anchors_are_unique_and_survive_conversion(lines: list[str]) -> None:
    document = process("\n".join(["示例法", *lines]).encode("utf-8"), "t.txt")
    ids = [block.id for block in document.blocks]
    assert len(ids) == len(set(ids))
    keys = [(a.number, a.sub, a.run) for a in document.articles]
    assert len(keys) == len(set(keys))
    for block in document.blocks:
        assert not block.id.startswith("art-") or ANCHOR.fullmatch(block.id), block.id
    converted = convert_document(document, get_converter("s2tw"))
    assert [block.id for block in converted.blocks] == ids
    for article in converted.articles:
        assert article.text.startswith(article.label)
