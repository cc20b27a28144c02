"""The seed texts in the shipped project, built with ``mkdocs build --strict``, read back from
the HTML; and whatever ``corpus/`` holds, which must build with zero warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SEED_CORPUS, SEEDS, Build, run_mkdocs, write_project
from htmlread import read_article
from wenji.icons import SPRITE_PATH, IconSprite
from wenji.minify import minify_html
from wenji.rawtext import UTF8_BOM

GOLDEN = Path(__file__).parent / "golden"
KEPT = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9*]")  # Han, letters, digits, asterisks


def page_uri(seed: str) -> str:
    return SEEDS[seed].relative_to(SEED_CORPUS).with_suffix("").as_posix()


def golden_outline(seed: str) -> tuple[str, list[tuple[int, str, str]]]:
    lines = (GOLDEN / f"{seed}.outline").read_text(encoding="utf-8").splitlines()
    title = lines[0].removeprefix("# ")
    outline = []
    for line in lines[1:]:
        _, level, kind, text = line.split(maxsplit=3)
        outline.append((int(level[1:]), kind, text))
    return title, outline


THEME_NOTICE = "NO_MKDOCS_2_WARNING"  # the last line of Material's end-of-life notice


def test_shipped_corpus_builds_strict_with_zero_warnings(shipped_site: Build) -> None:
    """Plain ``mkdocs build --strict`` of the repository as it is: whatever texts are in it."""
    assert shipped_site.returncode == 0, shipped_site.log
    assert shipped_site.warnings == []
    assert "Traceback" not in shipped_site.log
    assert THEME_NOTICE not in shipped_site.log


def test_strict_build_passes_with_zero_warnings(seed_site: Build) -> None:
    assert seed_site.returncode == 0, seed_site.log
    assert seed_site.warnings == []
    assert "Traceback" not in seed_site.log
    assert THEME_NOTICE not in seed_site.log  # plain `mkdocs build`, silenced by mkdocs.yml


def test_the_theme_notice_is_there_to_silence(tmp_path: Path) -> None:
    """Plain ``mkdocs build`` of a project without mkdocs.yml's line prints Material's notice:
    when a Material release drops it, the line in mkdocs.yml can go."""
    build = run_mkdocs(
        write_project(tmp_path, {"a.txt": "标题\n正文。"}), tmp_path / "site", plain=True
    )
    assert build.returncode == 0, build.log
    assert THEME_NOTICE in build.log


def test_build_log_names_the_removed_ad_block(seed_site: Build) -> None:
    assert (
        "wenji: study/leaders-seminar-speech.txt:1: removed lines 1–9 as boilerplate "
        "(signals: 仅供学习, 禁止外传, 订阅, 倒卖, 会员, QQ群)"
    ) in seed_site.log


def test_build_log_reports_the_repeated_section_number(seed_site: Build) -> None:
    assert (
        "wenji: mobilisation/city-four-dares-mobilisation.txt:15: numbering: 二、 follows 二、 "
        "(expected 三、); kept as written"
    ) in seed_site.log


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_headings_match_the_hand_checked_outline(seed_site: Build, seed: str) -> None:
    title, outline = golden_outline(seed)
    article = read_article(seed_site.page(page_uri(seed)))
    assert [h.text for h in article.headings(1)] == [title]
    found = [
        (int(h.tag[1]), "lead" if "wenji-lead" in h.attrs.get("class", "") else "marker", h.text)
        for h in article.headings(2, 3, 4, 5, 6)
    ]
    assert found == outline
    assert all(re.fullmatch(r"s-[0-9a-f]{6}(-\d+)?", h.attrs["id"]) for h in article.headings(2, 3))


def test_all_numbered_headings_and_lead_sentences_are_marked(seed_site: Build) -> None:
    numbered = leads = 0
    for seed in SEEDS:
        article = read_article(seed_site.page(page_uri(seed)))
        for heading in article.headings(2, 3, 4, 5, 6):
            if "wenji-lead" in heading.attrs.get("class", ""):
                leads += 1
            else:
                numbered += 1
    assert (numbered, leads) == (45, 19)


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_salutations_and_closings_are_paragraphs(seed_site: Build, seed: str) -> None:
    article = read_article(seed_site.page(page_uri(seed)))
    heading_texts = [h.text for h in article.headings()]
    for phrase in ("同志们：", "发言完毕", "我就讲这么多", "谢谢大家"):
        assert not any(text.startswith(phrase) for text in heading_texts)
    paragraph_texts = [p.text for p in article.paragraphs]
    if "同志们：" in SEEDS[seed].read_text(encoding="utf-8"):
        assert "同志们：" in paragraph_texts


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_heading_and_paragraph_has_a_unique_id_and_permalink(
    seed_site: Build, seed: str
) -> None:
    page = seed_site.page(page_uri(seed))
    article = read_article(page)
    body = [e for e in article.elements if e.tag in {"h2", "h3", "h4", "p"} and e.text.strip()]
    body = [e for e in body if "wenji-subtitle" not in e.attrs.get("class", "")]
    assert body and all("id" in e.attrs for e in body)
    assert len(article.ids) == len(set(article.ids))
    for element in body:
        assert f'href="#{element.attrs["id"]}"' in page


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_no_character_is_lost(seed_site: Build, seed: str) -> None:
    source = SEEDS[seed].read_text(encoding="utf-8").split("\n")
    if source[0] == "---":  # front matter is metadata, not words of the text
        source = source[source.index("---", 1) + 1 :]
    if seed == "leaders-seminar-speech":  # the reported ad block, lines 1–9
        source = source[9:]
    expected = KEPT.findall("\n".join(source))
    page_chars = KEPT.findall(read_article(seed_site.page(page_uri(seed))).text)
    position = 0
    for char in expected:
        position = page_chars.index(char, position) + 1  # ValueError if missing/out of order
    assert len(expected) > 1000


def test_titles(seed_site: Build) -> None:
    titles = {seed: golden_outline(seed)[0] for seed in SEEDS}
    assert titles["four-dares-study-exchange"].startswith("关于“干部敢为")
    assert titles["leaders-seminar-speech"] == "在市管主要领导干部专题研讨班上的讲话"
    for seed, title in titles.items():
        html = seed_site.page(page_uri(seed))
        assert f"<title>{title} - 文集</title>" in html.replace("&#34;", '"')


def test_ad_block_is_gone_from_the_page(seed_site: Build) -> None:
    article = read_article(seed_site.page(page_uri("leaders-seminar-speech")))
    for ad in ("仅供学习", "禁止外传", "会员群", "QQ群", "酷乐文行", "打击倒卖"):
        assert ad not in article.text


def test_folders_become_sections_with_index_pages(seed_site: Build) -> None:
    home = seed_site.site.joinpath("index.html").read_text(encoding="utf-8")
    assert "动员讲话" in home and "学习研讨" in home
    index = read_article(seed_site.page("mobilisation"))
    assert [h.text for h in index.headings(1)] == ["动员讲话"]
    assert "在全县推进敢为敢闯敢干敢首创动员大会上的讲话" in index.text


def test_home_page_lists_the_folders_with_their_counts(seed_site: Build) -> None:
    home = read_article(seed_site.site.joinpath("index.html").read_text(encoding="utf-8"))
    links = {e.text: e.attrs["href"] for e in home.elements if e.tag == "a" and "href" in e.attrs}
    assert links["动员讲话"] == "mobilisation/" and links["学习研讨"] == "study/"
    counts = [e.text for e in home.elements if "wenji-count" in e.attrs.get("class", "")]
    assert counts == ["2", "3"]


def test_raw_text_is_published_beside_each_page(seed_site: Build) -> None:
    for seed, path in SEEDS.items():
        raw = seed_site.site / f"{page_uri(seed)}.txt"
        assert raw.read_bytes() == UTF8_BOM + path.read_bytes()  # browsers honour the BOM
        assert f'href="../{path.name}"' in seed_site.page(page_uri(seed))


def test_no_google_hosted_assets(seed_site: Build) -> None:
    for page in seed_site.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_theme_features(seed_site: Build) -> None:
    page = seed_site.page(page_uri("city-four-dares-mobilisation"))
    assert '<html lang="zh-Hans"' in page
    for feature in ("navigation.tracking", "toc.follow", "navigation.prune"):
        assert f'"{feature}"' in page


def test_the_toc_is_written_once_and_copied_into_the_menu_by_the_page(seed_site: Build) -> None:
    page = seed_site.page(page_uri("city-four-dares-mobilisation"))
    lists = re.findall(r'<ul class="md-nav__list" data-md-component="toc"[^>]*>', page)
    assert len(lists) == 2  # the menu's (phone) and the sidebar's
    assert (
        '<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix data-wenji-toc></ul>'
        in page
    )
    sidebar = page.split('data-md-type="toc"', 1)[1]
    links = re.findall(r'<a href="#(s-[^"]+)" class="md-nav__link">', page)
    assert links and links == re.findall(r'<a href="#(s-[^"]+)" class="md-nav__link">', sidebar)
    assert 'document.querySelectorAll("[data-wenji-toc]")' in sidebar


def test_pages_are_minified_but_pre_blocks_are_kept(seed_site: Build) -> None:
    for page in [seed_site.site / "index.html", *seed_site.site.glob("*/*/index.html")]:
        text = page.read_text(encoding="utf-8")
        assert "\n  " not in text and "\n\n" not in text, page
    sample = "<div>\n    <pre>\n  keep\n\n  this</pre>\n\n    <p>x</p>\n<textarea>\n  t</textarea>"
    assert (
        minify_html(sample)
        == "<div>\n<pre>\n  keep\n\n  this</pre>\n<p>x</p>\n<textarea>\n  t</textarea>"
    )


def test_the_theme_icons_are_written_once_in_a_sprite(seed_site: Build) -> None:
    sprite = (seed_site.site / SPRITE_PATH).read_text(encoding="utf-8")
    symbols = set(re.findall(r'<symbol id="(i[0-9a-f]{10})"', sprite))
    assert len(symbols) >= 8
    for path, prefix in [("study", "../"), ("zh-tw/study", "../../")]:
        page = seed_site.page(path)
        assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox' not in page
        used = re.findall(r'<use href="([^"#]*)#(i[0-9a-f]{10})"/>', page)
        assert used and {href for href, _ in used} == {prefix + SPRITE_PATH}
        assert {symbol for _, symbol in used} <= symbols
    not_found = (seed_site.site / "404.html").read_text(encoding="utf-8")
    assert "<use href" not in not_found  # served at any address: icons stay inline


def test_an_icon_sprite_keeps_other_svgs_and_merges_an_earlier_sprite() -> None:
    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 2z"/></svg>'
    styled = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><style>p{}</style></svg>'
    first = IconSprite()
    page = first.extract(f"<a>{icon}</a>{styled}", "../x.svg")
    (symbol,) = first.symbols
    assert page == f'<a><svg viewBox="0 0 24 24"><use href="../x.svg#{symbol}"/></svg></a>{styled}'
    second = IconSprite()  # a dirty rebuild that saw another icon only
    second.extract(icon.replace("M1 2z", "M3 4z"), "x.svg")
    merged = second.document(first.document())
    assert merged.count("<symbol ") == 2 and merged == second.document(merged)
    assert merged.startswith('<svg xmlns="http://www.w3.org/2000/svg">')


def test_links_and_the_theme_configuration_carry_characters_not_escapes() -> None:
    page = (
        '<p>href="%E5%9C%A8"</p><a class="x" href="../%E5%9C%A8%20a%2F/%E5">在</a>'
        '<link rel="next" href="../%e5%9c%a8/">'
        '<script id="__config" type="application/json">'
        '{"a": "\\u5df2\\\\u5df2 \\u003c/script> \\ud83d\\ude00 \\u2028"}</script>'
    )
    assert minify_html(page) == (
        '<p>href="%E5%9C%A8"</p><a class="x" href="../在%20a%2F/%E5">在</a>'
        '<link rel="next" href="../在/">'
        '<script id="__config" type="application/json">'
        '{"a": "已\\\\u5df2 \\u003c/script> \\ud83d\\ude00 \\u2028"}</script>'
    )


def test_the_footer_speaks_the_language_of_the_page(seed_site: Build) -> None:
    """Material's one English sentence, "Made with Material for MkDocs", in each edition's script;
    the rest of its strings come translated with theme.language."""
    primary, traditional = seed_site.page("study"), seed_site.page("zh-tw/study")
    for page in (primary, traditional):
        assert "Made with" not in page
        assert ">Material for MkDocs</a>" in page  # the credit and its link stay
    assert "使用 <a" in primary and "</a> 制作" in primary
    assert "</a> 製作" in traditional
