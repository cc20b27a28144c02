"""Law articles: which 第X条 lines open an article of the law.

A paragraph opening with 第十条, 第十条之一, 第 1 條 (followed by a space, the end of the
line or a caption in brackets) opens an article when the numbers of the text's articles
increase: each one after the previous (第十条之一 comes after 第十条). A line that goes
back (第五条 quoted or referred to after 第八十条) is a paragraph of the article it stands
in. 第一条 after later articles starts a new run (an annex or appended rules with their
own numbering); :mod:`wenji.ids` keeps the anchors of later runs apart. A number written
without a space after it (第一条为了…) opens an article only as the very next one
(第一条 first, then 第二条 …) and not before a word that refers to an article
(第十七條規定…, 第一百九十三條第二項…, 第一条，… in a speech's enumeration).

Headings (编, 章, 节, annexes, a curator's headings) are never articles; the paragraphs
after an article up to the next article or heading are its 款 and 项.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..patterns import ArticleNumber, article_number
from .draft import Draft

_FIRST = (1, 0)
# After a number without a space: punctuation, or a word that makes the line a sentence
# about that article (第十七條規定, 第三條所列, 第二条第一款, 第五条之规定, 第一条和第二条).
_REFERS = frozenset("第之规規所的及和与與或至到项項款前后後以，,、。；;：:！？!?）)”’」』")


def mark_articles(drafts: Sequence[Draft]) -> None:
    """Set ``article`` and ``article_run`` on the drafts that open a law's article."""
    last: tuple[int, int] | None = None
    run = 1
    for draft in drafts:
        if draft.heading:
            continue
        found = article_number(draft.text, loose=True)
        if found is None:
            continue
        key = (found.number, found.sub)
        if article_number(draft.text) is None and not _opens_loosely(draft.text, found, last):
            continue
        if last is not None and key <= last:
            if key != _FIRST:
                continue
            run += 1
        draft.article, draft.article_run = found, run
        last = key


def _opens_loosely(text: str, found: ArticleNumber, last: tuple[int, int] | None) -> bool:
    """第二条本法所称… (no space after the number) opens the next article, not a reference."""
    follows = text[len(found.text) : len(found.text) + 1]
    return (found.number, found.sub) in _next_keys(last) and follows not in _REFERS


def _next_keys(last: tuple[int, int] | None) -> tuple[tuple[int, int], ...]:
    """The numbers that directly follow ``last``: the next article or its 之一 (之二 …)."""
    if last is None:
        return (_FIRST,)
    number, sub = last
    return ((number + 1, 0), (number, sub + 1))
