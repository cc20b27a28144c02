"""The Traditional edition of the seed site (shipped configuration), read from the built HTML."""

from __future__ import annotations

import posixpath
import re

import pytest

from conftest import SEED_CORPUS, SEEDS, Build, run_mkdocs, write_project
from htmlread import read_article
from wenji.editions import convert_markdown
from wenji.script import get_converter, simplified_only_chars


def page_uri(seed: str) -> str:
    return SEEDS[seed].relative_to(SEED_CORPUS).with_suffix("").as_posix()


def alternates(page: str) -> dict[str, str]:
    """hreflang → href of the language switcher's links."""
    return dict(
        (lang, href)
        for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select', page)
    )


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_traditional_page_has_the_same_ids_and_no_simplified_characters(
    seed_site: Build, seed: str
) -> None:
    primary = read_article(seed_site.page(page_uri(seed)))
    traditional_html = seed_site.page(f"zh-tw/{page_uri(seed)}")
    traditional = read_article(traditional_html)
    assert traditional.ids == primary.ids
    assert len(traditional.headings(2, 3)) == len(primary.headings(2, 3))
    assert simplified_only_chars(traditional.text) == set()
    assert '<html lang="zh-TW"' in traditional_html
    assert '<html lang="zh-Hans"' in seed_site.page(page_uri(seed))


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_switcher_links_keep_the_page_in_both_directions(seed_site: Build, seed: str) -> None:
    uri = page_uri(seed)
    for here, there, language in ((uri, f"zh-tw/{uri}", "zh-TW"), (f"zh-tw/{uri}", uri, "zh-Hans")):
        page = seed_site.page(here)
        href = alternates(page)[language]
        assert posixpath.normpath(posixpath.join(here, href)) == there
        assert f'<link rel="alternate" href="{href}" hreflang="{language}">' in page
    assert "assets/wenji/editions.js" in seed_site.page(uri)


def test_material_ui_strings_are_in_the_edition_language(seed_site: Build) -> None:
    page = seed_site.page(f"zh-tw/{page_uri('leaders-seminar-speech')}")
    assert 'aria-label="導覽列"' in page  # Material's zh-TW "navigation"
    assert 'title="章節鏈接"' in page  # permalink title, converted
    assert "<title>在市管主要領導幹部專題研討班上的講話 - 文集</title>" in page


def test_edition_navigation_stays_in_the_edition(seed_site: Build) -> None:
    here = f"zh-tw/{page_uri('city-four-dares-mobilisation')}"
    page = seed_site.page(here)
    assert "動員講話" in page and "學習研討" in page
    assert "动员讲话" not in page and "学习研讨" not in page
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link', page)
    links += re.findall(r'<a href="([^"]*)" title="[^"]*" class="md-(?:nav__button md-)?logo', page)
    assert len(links) > 5
    for href in links:
        target = posixpath.normpath(posixpath.join(here, href))
        assert target.startswith("zh-tw"), href


def test_hand_written_pages_are_converted_with_links_intact(seed_site: Build) -> None:
    home = read_article(seed_site.page("zh-tw"))
    assert "本站收錄講話、報告與學習材料的原文" in home.text
    assert {e.attrs["href"] for e in home.elements if e.tag == "a" and "href" in e.attrs} >= {
        "mobilisation/",
        "study/",
    }


def test_raw_text_link_of_an_edition_points_at_the_one_source(seed_site: Build) -> None:
    here = f"zh-tw/{page_uri('theory-group-statement')}"
    page = seed_site.page(here)
    href = re.search(r'<a href="([^"]*\.txt)"', page).group(1)
    assert (
        posixpath.normpath(posixpath.join(here, href))
        == f"{page_uri('theory-group-statement')}.txt"
    )


def test_known_misconversions_are_fixed_in_the_built_pages(seed_site: Build) -> None:
    texts = "".join(read_article(seed_site.page(f"zh-tw/{page_uri(seed)}")).text for seed in SEEDS)
    for right in (
        "實幹好幹部",
        "匡正幹的導向",
        "形成幹的合力",
        "敢於幹重活",
        "人心思幹的",
        "催生發展",
        "當幹將",
    ):
        assert right in texts
    for wrong in ("好乾部", "乾的導向", "乾的合力", "乾重活", "思乾的", "催生髮展", "當干將"):
        assert wrong not in texts


def test_convert_markdown_protects_syntax() -> None:
    converter = get_converter("s2tw")
    source = (
        "---\ntitle: 关于本站\n---\n# 关于本站\n\n见[动员讲话](mobilisation/index.md)和"
        '`代码里的汉字`。\n\n```\n代码块里的汉字\n```\n\n<a href="发展/">发展</a> {#关于 .发展}\n'
    )
    converted = convert_markdown(source, converter.convert)
    assert converted.startswith("---\ntitle: 關於本站\n---\n# 關於本站")
    assert "[動員講話](mobilisation/index.md)" in converted
    assert "`代码里的汉字`" in converted and "代码块里的汉字" in converted
    assert '<a href="发展/">發展</a> {#关于 .发展}' in converted


def test_texts_already_traditional_are_not_converted_again(tmp_path) -> None:
    traditional = (
        "在全縣推進大會上的講話\n同志們：\n一、提高政治站位\n我們要發揚實幹精神，乾乾淨淨做事。"
    )
    config = write_project(
        tmp_path,
        {"t.txt": traditional},
        "extra:\n  wenji:\n    editions:\n"
        "      - {prefix: zh-hk, opencc: s2hk, language: zh-HK, name: 繁體（香港）}\n",
    )
    build = run_mkdocs(config, tmp_path / "site", "--strict")
    assert build.returncode == 0, build.log
    page = build.page("zh-hk/t")
    blocks = read_article(page).headings(1, 2) + read_article(page).paragraphs
    original = (
        read_article(build.page("t")).headings(1, 2) + read_article(build.page("t")).paragraphs
    )
    assert [e.text for e in blocks] == [e.text for e in original]
    assert '<html lang="zh-HK"' in page


def test_unknown_opencc_configuration_is_a_clear_error(tmp_path) -> None:
    extra = (
        "extra:\n  wenji:\n    editions:\n      - {prefix: zh-tw, opencc: s2xx, language: zh-TW}\n"
    )
    build = run_mkdocs(write_project(tmp_path, {"t.txt": "正文。"}, extra), tmp_path / "site")
    assert build.returncode == 1 and "Traceback" not in build.log
    assert "extra.wenji.editions (zh-tw): unknown OpenCC configuration 's2xx'" in build.log
