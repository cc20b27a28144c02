"""Titles, dates and speakers or issuers, on the header lines of real texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_mkdocs, write_project
from wenji.dates import find_dates, parse_date
from wenji.pipeline import process


def read(*lines: str):  # type: ignore[no-untyped-def]
    return process("\n".join(lines).encode("utf-8"), "t.txt")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("（2023年2月1日）", "2023-02-01"),
        ("二〇二六年二月三日", "2026-02-03"),
        ("2026-02-03", "2026-02-03"),
        ("(2026年3月5日)", "2026-03-05"),
        ("2024年1月5日 星期五", "2024-01-05"),
        ("2023年2月", "2023-02"),
        ("2024年13月1日", None),
        ("在2023年全市会议上", None),
    ],
)
def test_date_lines(line: str, iso: str | None) -> None:
    assert parse_date(line) == iso


def test_dates_inside_a_line() -> None:
    note = "（2000年3月1日第九届会议通过　二〇二一年十二月二十四日第十三届会议修订）"
    assert [iso for iso, _ in find_dates(note)] == ["2000-03-01", "2021-12-24"]


def test_report_header_title_broken_subtitle_date_office_and_name() -> None:
    document = read(
        "政府工作报",
        "告",
        "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
        "国务院总理　",
        "李　强",
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作。",
    )
    meta = document.metadata
    assert document.title == "政府工作报告"
    assert meta.subtitle == "——2024年3月5日在第十四届全国人民代表大会第二次会议上"
    assert (meta.date, meta.role, meta.speaker, meta.occasion) == (
        "2024-03-05",
        "国务院总理",
        "李　强",
        "",
    )
    assert document.paragraphs[0].text == "各位代表："


def test_office_and_name_on_one_line_and_a_dated_occasion() -> None:
    meta = read(
        "政府工作报告", "1957年6月26日在第一届全国人民代表大会第四次会议上", "区长 李某某", "正文。"
    ).metadata
    assert (meta.date, meta.role, meta.speaker) == ("1957-06-26", "区长", "李某某")


def test_law_note_gives_latest_act_and_its_body_and_stays_in_the_text() -> None:
    note = (
        "（2006年1月18日环境保护总局令第31号公布　2008年12月6日环境保护部令第3号第一次修正"
        "　自2021年5月1日起施行）"
    )
    document = read("放射性同位素与射线装置安全许可管理办法", note, "第一条　为实施本办法，制定。")
    meta = document.metadata
    assert (meta.date, meta.speaker) == ("2008-12-06", "环境保护部")
    assert document.paragraphs[0].text == note


@pytest.mark.parametrize(
    ("note", "body"),
    [
        (
            "（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）",
            "全国人民代表大会常务委员会",
        ),
        (
            "（2020年7月31日广东省第十三届人民代表大会常务委员会第二十三次会议通过）",
            "广东省人民代表大会常务委员会",
        ),
        (
            "（2017年11月13日最高人民法院审判委员会第1726次会议通过，自2018年2月8日起施行）",
            "最高人民法院",
        ),
        ("(2019年4月3日中华人民共和国国务院令第711号公布)", "国务院"),
    ],
)
def test_body_that_passed_a_law(note: str, body: str) -> None:
    full = {"全国人大常委会": "全国人民代表大会常务委员会", "最高法": "最高人民法院"}
    full["广东省人大常委会"] = "广东省人民代表大会常务委员会"
    assert read("某某条例", note, "第一条　正文。").metadata.speaker == full.get(body, body)


def test_document_title_over_three_lines_number_kept_signature_gives_date_and_issuer() -> None:
    document = read(
        "国务院办公厅关于有效发挥政府性",
        "融资担保基金作用切实支持小微企业和",
        "“三农”发展的指导意见",
        "国办发〔2019〕6号",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "现将有关意见印发给你们。",
        "国务院办公厅",
        "2019年1月22日",
    )
    meta = document.metadata
    assert (
        document.title
        == "国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见"
    )
    assert (meta.date, meta.speaker) == ("2019-01-22", "国务院办公厅")
    assert document.paragraphs[0].text == "国办发〔2019〕6号"


def test_a_finished_title_is_not_joined_with_the_next_line() -> None:
    assert read("在全市工作会议上的讲话", "同志们", "正文。").title == "在全市工作会议上的讲话"


def test_scraper_lines_are_never_the_title() -> None:
    document = read("字号 大 中 小", "某某新闻", "正文。")
    assert document.title != "字号 大 中 小"


def test_traditional_edge_fields() -> None:
    lines = ["標題", "來源：中央社", "發布時間：2024-01-05 10:30", "正文。", "責任編輯：王小明"]
    document = read(*lines)
    meta = document.metadata
    assert (meta.source, meta.date, meta.editor) == ("中央社", "2024-01-05", "王小明")
    assert [p.text for p in document.paragraphs] == ["正文。"]
    two = read("標題", "來源：中央社　責任編輯：王小明", "正文。")  # labels would be lost
    assert [p.text for p in two.paragraphs] == ["來源：中央社　責任編輯：王小明", "正文。"]
    assert (two.metadata.source, two.metadata.editor) == ("中央社", "王小明")


def test_a_law_note_without_brackets_or_over_lines_is_not_a_page_header() -> None:
    """Real headers (waystowork's copies of 土地复垦条例 and a Shandong rule): the acts under
    the title, one a line or one note broken over lines, are not a web page's dateline and
    headline; the title is the first line, the note gives date and body and stays."""
    law = read(
        "土地复垦条例",
        "2011年2月22日国务院第145次常务会议通过\u3000",
        "2011年3月5日中华人民共和国国务院令第592号公布",
        "\u3000",
        "自公布之日起施行",
        "第一章\u3000总则",
        "第一条\u3000为了落实十分珍惜、合理利用土地和切实保护耕地的基本国策，制定本条例。",
    )
    meta = law.metadata
    assert (meta.title, meta.date, meta.speaker) == ("土地复垦条例", "2011-03-05", "国务院")
    assert law.paragraphs[0].text.startswith("2011年2月22日")  # the note stays in the text
    rule = read(
        "山东省实施《中华人民共和国村民委员会组织法》办法",
        "(2000年12月22日山东省第九届人民代表大会",
        "常务委员会第十八次会议通过",
        "2012年11月29日山东省第十一届人民代表大会",
        "常务委员会第三十四次会议修订)",
        "第一章\u3000总\u3000则",
        "第一条\u3000根据《中华人民共和国村民委员会组织法》，结合本省实际，制定本办法。",
    )
    meta = rule.metadata
    assert meta.title == "山东省实施《中华人民共和国村民委员会组织法》办法"
    assert (meta.date, meta.speaker) == ("2012-11-29", "山东省人民代表大会常务委员会")


def test_a_body_is_labelled_as_issuer_and_a_person_as_speaker(tmp_path: Path) -> None:
    """Law archives: 发布机关 for 全国人民代表大会常务委员会, not 讲话人; folders say which."""
    law = (
        "中华人民共和国某某法\n"
        "（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）\n"
        "第一条　为了规范某某，制定本法。\n"
    )
    talk = "在全县推进大会上的讲话\n县长 李某某\n同志们：\n今天开会。\n"
    config = write_project(tmp_path, {"laws/a.txt": law, "mixed/a.txt": law, "mixed/b.txt": talk})
    build = run_mkdocs(config, tmp_path / "site")
    assert build.returncode == 0, build.log
    law_page = build.page("laws/a")
    assert "<dt>发布机关</dt><dd>全国人民代表大会常务委员会</dd>" in law_page
    assert "讲话人" not in law_page
    assert "<dt>讲话人</dt><dd>县长 李某某</dd>" in build.page("mixed/b")
    assert "<th>发布机关</th>" in build.page("laws")
    assert "<th>讲话人／发布机关</th>" in build.page("mixed")
