"""Fidelity on real texts: the scorer itself, and the committed floors (bench/fidelity).

The second test runs the real pipeline on every labelled text and fails when a figure
falls below its floor in ``bench/fidelity/floors.json`` (refresh the floors with
``python -m wenji.eval --write-floors`` after an improvement).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from wenji.eval import load_corpus, score_corpus
from wenji.eval.align import block_strings
from wenji.eval.floors import check_floors

FIDELITY = ROOT / "bench" / "fidelity"
MANIFEST_HEADER = "file\tkind\trepo\tpath\tcommit\tlicense\tencoding\tscript\treviewed\tnote\n"


def _corpus(root: Path, text: str, truth: str, encoding: str = "utf-8") -> Path:
    (root / "texts" / "law").mkdir(parents=True)
    (root / "truth" / "law").mkdir(parents=True)
    (root / "texts" / "law" / "a.txt").write_bytes(text.encode(encoding))
    (root / "truth" / "law" / "a.yml").write_text(truth, encoding="utf-8")
    row = f"law/a.txt\tlaw\tx/y\ta.txt\t{'0' * 40}\tpd\t{encoding}\tsimplified\tread\t\n"
    (root / "manifest.tsv").write_text(MANIFEST_HEADER + row, encoding="utf-8")
    return root


def test_scorer_counts_headings_metadata_and_lost_characters(tmp_path: Path) -> None:
    text = (
        "仅供学习 禁止外传 会员\n中华人民共和国测试法\n\n（2020年1月1日）\n\n"
        "第一章　总则\n第一条　为了测试，制定本法。\n（一）总则之下的一项\n"
        "第二章　附则\n第三条　本法自2020年1月1日起施行。\n"
    )
    truth = (
        "title: 中华人民共和国测试法\ndate: 2020-01-01\nboilerplate: []\n"
        "headings:\n  - [6, 2, 第一章　总则]\n  - [9, 3, 第二章　附则]\narticles: 2\n"
    )
    corpus = load_corpus(_corpus(tmp_path, text, truth, "gb18030"))
    assert not corpus.problems
    scores, groups = score_corpus(corpus.entries)
    score = scores[0]
    # Line 1 is an ad the pipeline removes; truth calls it body here, so it is lost.
    assert score.chars_lost == len("仅供学习禁止外传会员")
    assert score.body_lines_removed == [1]
    assert score.title is True and score.date is True and score.speaker is None
    assert (score.truth_headings, score.matched_any) == (2, 2)
    assert score.matched_level == 1  # 第二章 is level 2 in wenji, 3 in this truth
    rates = groups["overall"].rates()
    assert rates["heading_recall_level"] == 0.5
    assert check_floors(groups, {"law": {"heading_recall_level": 0.6, "chars_lost": 0}}) == [
        "law.heading_recall_level: 0.5 is below its floor 0.6",
        "law.chars_lost: 10 is above its ceiling 0",
    ]


def test_truth_that_does_not_fit_its_text_is_reported(tmp_path: Path) -> None:
    truth = "title: 标题\nheadings:\n  - [2, 2, 第一章 总则]\n  - [3, 7, x]\n"
    corpus = load_corpus(_corpus(tmp_path, "标题\n\n第一条 正文。\n", truth))
    assert any("level 2-6" in problem for problem in corpus.problems)
    scores, _ = score_corpus(corpus.entries)
    assert scores[0].truth_problems == ["truth/law/a.yml: heading line 2 is blank"]


@dataclass
class _Article:
    number: str
    text: str
    items: tuple[str, ...] = ()


def test_article_numbers_and_items_count_as_kept_text() -> None:
    article = _Article("第十条", "国家保护。", ("（一）甲；", "（二）乙。"))
    assert list(block_strings(article)) == ["第十条", "国家保护。", "（一）甲；", "（二）乙。"]
    assert list(block_strings(_Article("第十条", "第十条　国家保护。"))) == ["第十条　国家保护。"]


@pytest.mark.skipif(not (FIDELITY / "floors.json").is_file(), reason="no committed fidelity corpus")
def test_a_block_inside_the_title_line_does_not_hide_the_title() -> None:
    from wenji.eval.align import align
    from wenji.pipeline import process

    lines = [
        "致中共中央政治局的信",
        "（一九八九年九月四日）",
        "中央政治局：",
        "我请求辞去现任职务。",
    ]
    document = process("\n".join(lines).encode(), "letter.txt")
    assert document.title == lines[0]
    assert align(lines, 1, document).missing_total == 0


def test_committed_corpus_stays_above_its_floors() -> None:
    corpus = load_corpus(FIDELITY)
    assert not corpus.problems, corpus.problems
    _, groups = score_corpus(corpus.entries)
    floors = json.loads((FIDELITY / "floors.json").read_text(encoding="utf-8"))
    assert check_floors(groups, floors) == []
