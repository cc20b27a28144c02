"""Reading built pages back: the article's headings, ids and text, with stdlib only."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Article:
    """Everything inside ``<article class="md-content__inner">``."""

    elements: list[Element] = field(default_factory=list)
    text: str = ""  # the visible text, permalink signs excluded

    @property
    def ids(self) -> list[str]:
        return [e.attrs["id"] for e in self.elements if "id" in e.attrs]

    def headings(self, *levels: int) -> list[Element]:
        tags = {f"h{level}" for level in levels or range(1, 7)}
        return [e for e in self.elements if e.tag in tags]

    @property
    def paragraphs(self) -> list[Element]:
        return [e for e in self.elements if e.tag == "p"]


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article = Article()
        self._depth = 0  # nesting depth inside the article, 0 = outside
        self._open: list[Element] = []
        self._in_headerlink = 0
        self._chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if self._depth == 0:
            if tag == "article" and "md-content__inner" in attributes.get("class", ""):
                self._depth = 1
            return
        if tag in _VOID:
            self.article.elements.append(Element(tag, attributes))
            return
        self._depth += 1
        element = Element(tag, attributes)
        self.article.elements.append(element)
        self._open.append(element)
        if tag == "a" and "headerlink" in attributes.get("class", ""):
            self._in_headerlink += 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth == 0 or tag in _VOID:
            return
        self._depth -= 1
        if self._depth == 0 or not self._open:
            return
        element = self._open.pop()
        if element.tag == "a" and "headerlink" in element.attrs.get("class", ""):
            self._in_headerlink -= 1

    def handle_data(self, data: str) -> None:
        if self._depth == 0 or self._in_headerlink:
            return
        for element in self._open:
            element.text += data
        self._chunks.append(data)


def read_article(page_html: str) -> Article:
    parser = _ArticleParser()
    parser.feed(page_html)
    parser.article.text = "".join(parser._chunks)
    return parser.article
