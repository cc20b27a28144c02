"""Properties over arbitrary text: no character is lost, no HTML element comes from it."""

from __future__ import annotations

import re

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from htmlread import read_article
from wenji.pipeline import Options, process
from wenji.render import render_markdown

KEPT = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9*]")
SPECIALS = [*"*_`#<>&[](){}!|\\~^=+-.:;\"'/@$%", "**", "1. ", "# ", "> ", "<script>", "&amp;"]
NO_BOILERPLATE = Options(remove_boilerplate=False)

line = st.lists(
    st.one_of(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
            max_size=12,
        ),
        st.sampled_from(SPECIALS),
        st.sampled_from(["一、", "（一）", "1.", "第一，", "同志们：", "。", "要坚持", "**"]),
        st.sampled_from(["第一条　", "第二条", "第十条之一 ", "第 2 條", "第一章　"]),
        st.text(alphabet="干部敢为地方闯企业群众首创要坚持着力在，。“”", max_size=30),
    ),
    max_size=8,
).map("".join)
texts = st.lists(line, min_size=1, max_size=12).map("\n".join)


def to_html(page_markdown: str) -> str:
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "admonition", "tables"],
        extension_configs={"toc": {"permalink": True}},
    )
    return f'<article class="md-content__inner">{md.convert(page_markdown)}</article>'


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_no_character_lost_and_no_element_from_text(text: str) -> None:
    if text.lstrip().startswith("---") or not text.strip():
        return
    try:
        document = process(text.encode("utf-8"), "t.txt", NO_BOILERPLATE)
    except Exception as error:  # only the documented refusal is allowed
        assert type(error).__name__ == "SkippedText"
        assert not KEPT.findall(text)
        return
    article = read_article(to_html(render_markdown(document)))
    allowed = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "dl", "div", "dt", "dd"}
    allowed |= {"section", "strong"}  # a law's article and its number
    assert {e.tag for e in article.elements} <= allowed
    for element in article.elements:
        assert set(element.attrs) <= {"id", "class", "href", "title"}
        if element.tag == "a":
            assert element.attrs["href"].startswith("#")
    expected, found = KEPT.findall(text), KEPT.findall(article.text)
    position = 0
    for char in expected:
        position = found.index(char, position) + 1
