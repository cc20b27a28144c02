"""Bad and hostile input: literal rendering, other encodings, files that cannot be pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS, Build, run_mkdocs, write_project
from htmlread import read_article

HOSTILE = "\n".join(
    [
        "危险字符测试",
        "同志们：",
        "要学习领会对**重要讲话精神，谋划*个10亿级项目。",
        "<script>alert(1)</script>",
        "# 不是标题",
        "1. 不是列表",
        "> 不是引用",
        "[点我](javascript:alert(1))",
        "&amp; 保持原样 &lt;b&gt;",
        '一、<img src=x onerror="alert(1)">标题里的标签',
        "``代码`` _下划线_ {: .cls } <!-- 注释 -->",
        '--8<-- "/etc/passwd"',
    ]
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("hostile")
    config = write_project(root, {"hostile.txt": HOSTILE})
    return run_mkdocs(config, root / "site", "--strict")


def test_hostile_strings_render_literally(hostile_site: Build) -> None:
    assert hostile_site.returncode == 0, hostile_site.log
    article = read_article(hostile_site.page("hostile"))
    texts = [e.text for e in article.headings(2, 3)] + [p.text for p in article.paragraphs]
    for line in HOSTILE.split("\n")[1:]:
        assert line in texts, line


def test_no_element_comes_from_corpus_text(hostile_site: Build) -> None:
    article = read_article(hostile_site.page("hostile"))
    allowed = {"h1", "h2", "h3", "p", "a", "dl", "div", "dt", "dd"}
    assert {e.tag for e in article.elements} <= allowed
    for element in article.elements:
        assert not any(name.startswith("on") for name in element.attrs)
        assert not element.attrs.get("href", "").startswith("javascript:")
    html = hostile_site.page("hostile")
    assert "<script>alert" not in html and "<img src=x" not in html


ENCODINGS = {
    "utf-8-sig": lambda text: text.encode("utf-8-sig"),
    "utf-16": lambda text: text.encode("utf-16"),
    "utf-16-be-bom": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "gb18030": lambda text: text.encode("gb18030"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "gb18030-crlf": lambda text: text.replace("\n", "\r\n").encode("gb18030"),
}


@pytest.fixture(scope="module")
def encodings_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("encodings")
    original = SEEDS["city-four-dares-mobilisation"].read_text(encoding="utf-8")
    texts: dict[str, bytes | str] = {"utf-8/speech.txt": original}
    texts.update({f"{name}/speech.txt": encode(original) for name, encode in ENCODINGS.items()})
    return run_mkdocs(write_project(root, texts), root / "site", "--strict")


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_other_encodings_render_exactly_the_utf8_text(encodings_site: Build, encoding: str) -> None:
    assert encodings_site.returncode == 0, encodings_site.log
    reference = read_article(encodings_site.page("utf-8/speech"))
    article = read_article(encodings_site.page(f"{encoding}/speech"))
    assert article.text == reference.text
    assert article.ids == reference.ids
    assert len(reference.headings(2, 3)) == 21


BAD_FILES: dict[str, bytes | str] = {
    "good.txt": "好的文本\n同志们：\n这是一篇正常的文本。",
    "bad/empty.txt": b"",
    "bad/blank.txt": "\u3000\n  \n\t\n",
    "bad/binary.txt": b"\x00\x01\x02binary\x00data",
    "bad/report.txt": b"PK\x03\x04\x14\x00\x06\x00rest-of-a-docx",
    "bad/scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    "bad/only-front-matter.txt": "---\ntitle: 空\n---\n",
    "bad/unknown-key.txt": "---\ntitel: 错字\n---\n正文。",
    "odd/with space.txt": "空格文件名\n正文第一段。",
    "odd/issue #12.txt": "井号文件名\n正文第一段。",
    "odd/notes.docx": b"PK\x03\x04",
}


@pytest.fixture(scope="module")
def bad_input_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    root = tmp_path_factory.mktemp("bad")
    config = write_project(root, BAD_FILES)
    return run_mkdocs(config, root / "site"), run_mkdocs(config, root / "strict", "--strict")


@pytest.mark.parametrize(
    "message",
    [
        "WARNING -  wenji: bad/empty.txt: skipped: empty file",
        "WARNING -  wenji: bad/blank.txt: skipped: empty file",
        "WARNING -  wenji: bad/binary.txt: skipped: binary file (contains NUL bytes)",
        "WARNING -  wenji: bad/report.txt: skipped: binary file (looks like a ZIP archive, "
        "e.g. .docx)",
        "WARNING -  wenji: bad/scan.txt: skipped: binary file (looks like a PDF)",
        "WARNING -  wenji: bad/only-front-matter.txt: skipped: no text after the front matter",
        "WARNING -  wenji: bad/unknown-key.txt:2: front matter: unknown key 'titel' (known: ",
        "INFO    -  wenji: odd/with space.txt: name is not URL-safe; published at "
        "'odd/with-space/'",
        "INFO    -  wenji: odd/issue #12.txt: name is not URL-safe; published at 'odd/issue-12/'",
        "INFO    -  wenji: odd/notes.docx: ignored: only .txt files become pages",
    ],
)
def test_each_bad_file_is_reported_by_name(
    bad_input_builds: tuple[Build, Build], message: str
) -> None:
    build, _ = bad_input_builds
    assert message in build.log


def test_bad_files_never_cost_the_build(bad_input_builds: tuple[Build, Build]) -> None:
    build, strict = bad_input_builds
    assert build.returncode == 0 and "Traceback" not in build.log
    assert read_article(build.page("good")).headings(1)[0].text == "好的文本"
    assert read_article(build.page("odd/with-space")).headings(1)[0].text == "空格文件名"
    assert read_article(build.page("odd/issue-12")).headings(1)[0].text == "井号文件名"
    assert strict.returncode == 1 and "Traceback" not in strict.log
    assert "Aborted with" in strict.log


def test_invalid_configuration_is_a_clear_error(tmp_path: Path) -> None:
    extra = "extra:\n  wenji:\n    corpus_dri: x\n    boilerplate:\n      max_share: 2\n"
    build = run_mkdocs(write_project(tmp_path, {"a.txt": "正文。"}, extra), tmp_path / "site")
    assert build.returncode == 1 and "Traceback" not in build.log
    assert "extra.wenji.corpus_dri: unknown option" in build.log
    assert "extra.wenji.boilerplate.max_share: expected a fraction in (0, 1], got 2" in build.log
