"""Traditional editions in a real build: leftover warnings, curator files, plain s2t."""

from __future__ import annotations

from conftest import run_mkdocs, write_project
from htmlread import read_article

TEXT = (
    "在全县推进大会上的讲话\n同志们：\n一、坚持党的领导\n"
    "我们党进行了伟大斗争，参与制造，发布计划。\n"
)


def _editions(*lines: str) -> str:
    return "extra:\n  wenji:\n    editions:\n" + "".join(f"      - {line}\n" for line in lines)


def test_leftover_simplified_is_a_warning_naming_file_and_line(tmp_path) -> None:
    (tmp_path / "keep.txt").write_text("我们党\t我們党   # a curator keeps 党\n", encoding="utf-8")
    config = write_project(
        tmp_path,
        {"a/t.txt": TEXT, "ok.txt": TEXT.replace("我们党", "我们")},
        _editions(
            "{prefix: zh-tw, opencc: s2tw, language: zh-TW, phrases: [keep.txt]}",
            "{prefix: zh-t, opencc: s2t, language: zh-Hant}",
        ),
    )
    build = run_mkdocs(config, tmp_path / "site")
    assert build.returncode == 0, build.log
    assert "wenji: a/t.txt:4: zh-tw edition: Simplified-only characters 党 left" in build.log
    assert build.log.count("Simplified-only characters") == 1  # not ok.txt, not zh-t
    page = read_article(build.page("zh-tw/a/t"))
    assert "我們党進行了偉大鬥爭，參與製造，發布計畫。" in page.text
    # s2t: OpenCC's own forms and no regional vocabulary (發佈, 計劃), words still right.
    plain = read_article(build.page("zh-t/a/t"))
    assert "我們黨進行了偉大鬥爭，參與製造，發佈計劃。" in plain.text
    assert run_mkdocs(config, tmp_path / "strict", "--strict").returncode == 1


def test_broken_curator_phrase_file_stops_the_build_naming_file_and_line(tmp_path) -> None:
    (tmp_path / "bad.txt").write_text("# mine\n干部\t幹部\n干劲\n", encoding="utf-8")
    config = write_project(
        tmp_path,
        {"t.txt": TEXT},
        _editions("{prefix: zh-tw, opencc: s2tw, language: zh-TW, phrases: [bad.txt]}"),
    )
    build = run_mkdocs(config, tmp_path / "site")
    assert build.returncode == 1 and "Traceback" not in build.log
    assert f"{tmp_path / 'bad.txt'}:3: expected '源词<TAB>目标词'" in build.log
