"""The furniture of a web page around a copied article: menus, share widgets, footers.

The article's body is found first, as the run of lines with the most prose in it (a
maximum-sum segment over per-line scores: punctuated lines score their length, page
furniture and short labels score below zero). Only the lines before and after it can be
furniture, and only where that edge holds at least :data:`MIN_EVIDENCE` lines with
evidence of their own (site phrases such as 分享到 or 责任编辑, URLs, breadcrumbs,
and not symbol-only lines). There, from the edge up to the innermost line with evidence, what is
furniture or a bare label goes, and at the top edge every menu line too; dates (bylines),
titles (a line just above a date line), numbered items and sentences stay.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import SourceLine
from .evidence import (
    has_date,
    is_body_sentence,
    is_label,
    is_symbols,
    looks_like_words,
    site_evidence,
)

MIN_EVIDENCE = 2
FOOT_EVIDENCE = 4  # a tail this furnished is the page's foot: comments, related links
SENTENCE_KEPT = 40  # a sentence longer than this is never removed
MENU_MAX = 16  # longer lines at the top edge may be the article's title: they stay


_PARAGRAPH_ENDS = ("。", "！", "？", "!", "?", "”", "」", "）", ")", "：")
PARAGRAPH_MIN = 40  # a line this long with inner punctuation is prose however it ends


def _is_paragraph(text: str) -> bool:
    """A line of the article's prose: a finished sentence, or long and punctuated. A
    headline of a related-links box (万元背包遗落请店方暂存，4个月后竟然被扔了…) is neither."""
    text = text.strip()
    if not is_body_sentence(text):
        return False
    return len(text) >= PARAGRAPH_MIN or text.endswith(_PARAGRAPH_ENDS)


def _score(text: str) -> int:
    if _is_paragraph(text) and len(text) >= PARAGRAPH_MIN and text.rstrip().endswith("。"):
        return len(text)  # a paragraph that names a widget (登录, 排行榜) is still prose
    if site_evidence(text) or is_symbols(text):
        return -30
    if _is_paragraph(text):
        return len(text)
    if is_label(text):
        return -8
    return -2


def body_core(lines: Sequence[SourceLine]) -> tuple[int, int]:
    """``(first, last)`` indexes of the run of lines with the most prose (Kadane)."""
    best, best_range = 0, (0, len(lines) - 1)
    running, start = 0, 0
    for index, line in enumerate(lines):
        if running <= 0:
            running, start = 0, index
        running += _score(line.text)
        if running > best:
            best, best_range = running, (start, index)
    return best_range


def _removable(text: str) -> tuple[str, ...]:
    """Why ``text``, at a furnished edge, goes; empty when it stays.

    Sentences, dates (a byline's) and lines that read as the text's own words stay even
    when they hold a site phrase (登录 inside a sentence).
    """
    if has_date(text) or looks_like_words(text):
        return ()
    if evidence := site_evidence(text):
        return evidence
    if is_symbols(text):
        return ("symbols",)
    if is_label(text):
        return ("label",)
    return ()


def _in_foot(text: str) -> bool:
    """Whether a line of a page's foot goes with it: a comment or a headline does, a
    sentence longer than :data:`SENTENCE_KEPT`, a title or a numbered item stays."""
    if len(text.strip()) > SENTENCE_KEPT and is_body_sentence(text):
        return False
    return looks_like_words(text) in ("", "a sentence")


def _is_menu(text: str) -> bool:
    """A line of menu length that does not read as the text's own words."""
    return len(text) <= MENU_MAX and not (has_date(text) or looks_like_words(text))


def _before_byline(lines: Sequence[SourceLine], index: int) -> bool:
    """An article's title: a line of title length above its date line (furniture between)."""
    text = lines[index].text
    if not 6 <= len(text) <= 80 or site_evidence(text):
        return False
    for line in lines[index + 1 : index + 5]:
        if has_date(line.text):
            return True
        if not _removable(line.text):
            return False
    return False


def find_page_furniture(lines: Sequence[SourceLine]) -> dict[int, tuple[str, ...]]:
    """Indexes of ``lines`` to remove, each with the evidence that justifies it."""
    if len(lines) < MIN_EVIDENCE:
        return {}
    first, last = body_core(lines)
    removed: dict[int, tuple[str, ...]] = {}
    head = [i for i in range(first) if site_evidence(lines[i].text)]
    if len(head) >= MIN_EVIDENCE:
        for index in range(head[-1] + 1):
            text = lines[index].text
            if evidence := _removable(text):
                removed[index] = evidence
            elif _is_menu(text) and not _before_byline(lines, index):
                removed[index] = ("menu",)
    tail = [i for i in range(last + 1, len(lines)) if site_evidence(lines[i].text)]
    if len(tail) >= MIN_EVIDENCE:
        foot = len(tail) >= FOOT_EVIDENCE
        for index in range(tail[0], len(lines)):
            text = lines[index].text
            if evidence := _removable(text):
                removed[index] = evidence
            elif foot and text.strip() and _in_foot(text):
                removed[index] = ("page foot",)
    return removed
