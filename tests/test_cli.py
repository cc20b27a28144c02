"""The ``wenji`` command line: ``inspect`` one text, ``export`` every generated page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wenji.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, load_site, main
from wenji.library import Library, dest_uri, folder_index_markdown
from wenji.pipeline import process_file
from wenji.rawtext import UTF8_BOM
from wenji.render import DEFAULT_LABELS, Links, render_markdown

OUTLINE_LINE = re.compile(r"^  +(\d+)  ( *)h(\d) (\w+) +(s-\w+)  (.+)$")
# Binary by signature: a ZIP archive (.docx) saved with a .txt name.
BINARY = b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))


def leaders(config: Path) -> Path:
    """A seed text in the corpus of the seed project of ``config``."""
    return config.parent / "corpus" / "study" / "leaders-seminar-speech.txt"


def city(config: Path) -> Path:
    return config.parent / "corpus" / "mobilisation" / "city-four-dares-mobilisation.txt"


def inspect(
    capsys: pytest.CaptureFixture[str], config: Path, path: Path, *extra: str
) -> tuple[int, str, str]:
    code = main(["inspect", str(path), "--config", str(config), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def outline(text: str) -> list[tuple[int, int, str, str, str]]:
    """(line, level, kind, id, text) of every outline row; checks the indentation."""
    rows = []
    for match in filter(None, map(OUTLINE_LINE.match, text.splitlines())):
        line, indent, level, kind, id_, heading = match.groups()
        assert len(indent) == 2 * (int(level) - 2), match.group(0)
        rows.append((int(line), int(level), kind, id_, heading))
    return rows


# --- inspect -------------------------------------------------------------------------------


def test_inspect_shows_removed_boilerplate_and_numbered_headings(
    capsys: pytest.CaptureFixture[str], seed_config: Path
) -> None:
    code, out, err = inspect(capsys, seed_config, leaders(seed_config))
    assert code == EXIT_OK and err == ""
    assert "source      study/leaders-seminar-speech.txt" in out
    assert "encoding    utf-8" in out
    assert "lines 1–9  (signals: 仅供学习, 禁止外传, 订阅, 倒卖, 会员, QQ群)" in out
    assert "    | 仅供学习 禁止外传" in out
    assert "    | 【打击倒卖活动】" in out
    assert "title       在市管主要领导干部专题研讨班上的讲话  (first line, line 16)" in out
    rows = outline(out)
    assert [(line, level, kind) for line, level, kind, _, _ in rows] == [
        (18, 2, "marker"),
        (19, 2, "marker"),
        (20, 2, "marker"),
        (21, 2, "marker"),
    ]
    assert [text[:3] for *_, text in rows] == ["第一，", "第二，", "第三，", "第四、"]
    assert "outline: 4 headings, 5 paragraphs" in out
    assert (
        "  info: study/leaders-seminar-speech.txt:1: removed lines 1–9 as boilerplate "
        "(signals: 仅供学习, 禁止外传, 订阅, 倒卖, 会员, QQ群)"
    ) in out


def test_inspect_shows_numbering_anomaly_and_lead_headings(
    capsys: pytest.CaptureFixture[str], seed_config: Path
) -> None:
    code, out, _ = inspect(capsys, seed_config, city(seed_config))
    assert code == EXIT_OK
    assert (
        "  info: mobilisation/city-four-dares-mobilisation.txt:15: numbering: "
        "二、 follows 二、 (expected 三、); kept as written"
    ) in out
    assert "removed as boilerplate: nothing" in out
    rows = outline(out)
    leads = [row for row in rows if row[2] == "lead"]
    assert len(leads) == 16
    assert {level for _, level, *_ in leads} == {3}
    assert (15, 2, "marker") in [row[:3] for row in rows]


def test_inspect_json_has_the_same_outline(
    capsys: pytest.CaptureFixture[str], seed_config: Path
) -> None:
    for path in (leaders(seed_config), city(seed_config)):
        _, text_out, _ = inspect(capsys, seed_config, path)
        code, json_out, _ = inspect(capsys, seed_config, path, "--json")
        assert code == EXIT_OK
        report = json.loads(json_out)
        assert [
            (h["line"], h["level"], h["kind"], h["id"], h["text"]) for h in report["outline"]
        ] == outline(text_out)
    assert report["source"] == "mobilisation/city-four-dares-mobilisation.txt"
    assert report["title"]["from"] == "first line" and report["title"]["line"] == 1
    assert report["removed"] == []
    assert report["outline"][0]["marker"] == "一、"
    assert [d["line"] for d in report["diagnostics"]] == [15]
    assert "numbering" in report["diagnostics"][0]["text"]


def test_inspect_json_reports_removals(
    capsys: pytest.CaptureFixture[str], seed_config: Path
) -> None:
    _, out, _ = inspect(capsys, seed_config, leaders(seed_config), "--json")
    (removal,) = json.loads(out)["removed"]
    assert (removal["first_line"], removal["last_line"]) == (1, 9)
    assert "QQ群" in removal["signals"]
    assert removal["lines"][0] == "仅供学习 禁止外传"


def test_inspect_front_matter_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_config: Path
) -> None:
    text = tmp_path / "speech.txt"
    text.write_text(
        "---\ntitle: 讲话\ndate: 2023-02-01\nspeaker: 张三\ntags: [学习, 作风]\n---\n"
        "正文第一段。\n一、第一部分\n正文第二段。\n",
        encoding="utf-8",
    )
    code, out, _ = inspect(capsys, seed_config, text)
    assert code == EXIT_OK
    assert f"source      {text}" in out  # outside the corpus: the path as given
    assert "title       讲话  (front matter" in out
    assert "speaker     张三" in out and "tags        学习、作风" in out
    code, out, _ = inspect(capsys, seed_config, text, "--json")
    metadata = json.loads(out)["metadata"]
    assert metadata["date"] == "2023-02-01" and metadata["tags"] == ["学习", "作风"]
    assert "occasion" not in metadata  # only fields that are set


def test_inspect_without_config_uses_mkdocs_yml_or_defaults(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    seed_config: Path,
) -> None:
    monkeypatch.chdir(seed_config.parent)
    assert main(["inspect", "corpus/study/leaders-seminar-speech.txt"]) == EXIT_OK
    assert "source      study/leaders-seminar-speech.txt" in capsys.readouterr().out
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml: defaults, corpus/ below the cwd
    assert main(["inspect", str(leaders(seed_config))]) == EXIT_OK
    assert f"source      {leaders(seed_config)}" in capsys.readouterr().out


def test_inspect_skipped_and_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_config: Path
) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(BINARY)
    code, out, err = inspect(capsys, seed_config, binary)
    assert code == EXIT_FAILED and out == ""
    assert err.startswith(f"wenji: {binary}: skipped: binary file")

    missing = tmp_path / "nowhere.txt"
    code, out, err = inspect(capsys, seed_config, missing)
    assert code == EXIT_USAGE and out == ""
    assert err == f"wenji: {missing}: no such file\n"

    code, _, err = inspect(capsys, seed_config, tmp_path)
    assert code == EXIT_USAGE and "not a file" in err


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (BINARY, EXIT_FAILED, "skipped: binary file"),
        (None, EXIT_USAGE, "no such file"),
    ],
)
def test_subprocess_errors_name_the_file_without_traceback(
    tmp_path: Path, content: bytes | None, code: int, message: str, seed_config: Path
) -> None:
    path = tmp_path / "文本 1.txt"
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "wenji", "inspect", str(path)],
        capture_output=True,
        text=True,
        cwd=seed_config.parent,
        timeout=120,
    )
    assert result.returncode == code
    assert str(path) in result.stderr and message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_subprocess_inspect(tmp_path: Path, seed_config: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wenji", "inspect", str(leaders(seed_config)), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=seed_config.parent,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [h["level"] for h in report["outline"]] == [2, 2, 2, 2]
    assert report["removed"][0]["last_line"] == 9


# --- export --------------------------------------------------------------------------------


def test_export_writes_exactly_what_the_build_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_config: Path
) -> None:
    out_dir = tmp_path / "pages"
    assert main(["export", str(out_dir), "--config", str(seed_config)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert out == f"wrote 7 pages (5 texts, 2 folder indexes) and 5 raw texts to {out_dir}\n"
    assert "wenji: info: mobilisation/city-four-dares-mobilisation.txt:15: numbering" in err

    settings = load_site(seed_config).settings
    texts = sorted((seed_config.parent / "corpus").rglob("*.txt"))
    assert len(texts) == 5
    pages = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.md"))
    text_pages = [
        p.relative_to(seed_config.parent / "corpus").with_suffix(".md").as_posix() for p in texts
    ]
    assert pages == sorted([*text_pages, "mobilisation/index.md", "study/index.md"])
    for path in texts:
        source = path.relative_to(seed_config.parent / "corpus").as_posix()
        document = process_file(path, source, settings.options)
        expected = render_markdown(document, Links(raw_text=f"../{path.name}"))
        page = out_dir / Path(source).with_suffix(".md")
        assert page.read_text(encoding="utf-8") == expected
        assert (out_dir / source).read_bytes() == UTF8_BOM + path.read_bytes()  # UTF-8 already

    root = (
        Library(settings.options).scan(seed_config.parent / "corpus", settings.folder_titles).root
    )
    for folder in root.folders:
        index = (out_dir / folder.index_uri).read_text(encoding="utf-8")
        assert index == folder_index_markdown(folder, DEFAULT_LABELS)
    study_index = (out_dir / "study" / "index.md").read_text(encoding="utf-8")
    assert study_index.startswith(f"# {settings.folder_titles['study']}\n")


def write_site(root: Path, extra: str = "") -> Path:
    """A small site whose mkdocs.yml uses MkDocs-only YAML tags."""
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: !ENV [SITE_NAME, test]\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  wenji:\n    corpus_dir: texts\n" + extra,
        encoding="utf-8",
    )
    (root / "texts" / "a").mkdir(parents=True)
    (root / "texts" / "a" / "讲话.txt").write_text("标题\n一、第一\n正文。\n", encoding="utf-8")
    (root / "texts" / "legacy.txt").write_bytes("旧文本\n正文。\n".encode("gb18030"))
    return config


def test_export_reads_mkdocs_tags_and_re_encodes_raw_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(tmp_path)
    out_dir = tmp_path / "out"
    assert main(["export", str(out_dir), "--config", str(config)]) == EXIT_OK
    assert "3 pages (2 texts, 1 folder indexes)" in capsys.readouterr().out
    assert (out_dir / "legacy.txt").read_bytes() == UTF8_BOM + "旧文本\n正文。\n".encode()
    page = (out_dir / "a" / "讲话.md").read_text(encoding="utf-8")
    assert '<a href="../讲话.txt">' in page
    assert (out_dir / "a" / "index.md").read_text(encoding="utf-8").startswith("# a\n")


def test_export_without_raw_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_site(tmp_path, "    raw_text: false\n")
    out_dir = tmp_path / "out"
    assert main(["export", str(out_dir), "--config", str(config)]) == EXIT_OK
    assert capsys.readouterr().out == f"wrote 3 pages (2 texts, 1 folder indexes) to {out_dir}\n"
    assert not list(out_dir.rglob("*.txt"))
    assert "wenji-meta-raw" not in (out_dir / "a" / "讲话.md").read_text(encoding="utf-8")


def test_export_warnings_fail_only_under_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(tmp_path)
    (tmp_path / "texts" / "scan.txt").write_bytes(BINARY)
    args = ["export", str(tmp_path / "out"), "--config", str(config)]
    assert main(args) == EXIT_OK
    err = capsys.readouterr().err
    assert "wenji: warning: scan.txt: skipped: binary file" in err
    assert main([*args, "--strict"]) == EXIT_FAILED


def test_export_leaves_hand_written_pages_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(tmp_path)
    (tmp_path / "docs" / "a").mkdir(parents=True)
    (tmp_path / "docs" / "a" / "index.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "docs" / "legacy.md").write_text("# Legacy\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    assert main(["export", str(out_dir), "--config", str(config), "--strict"]) == EXIT_FAILED
    out, err = capsys.readouterr()
    assert "wenji: warning: legacy.txt: skipped: docs/legacy.md already exists" in err
    assert "1 pages (1 texts, 0 folder indexes)" in out
    assert not (out_dir / "a" / "index.md").exists()


def test_bad_configuration_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_config: Path
) -> None:
    config = write_site(tmp_path, "    raw_txt: true\n")
    assert main(["export", str(tmp_path / "out"), "--config", str(config)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"wenji: {config}: invalid wenji configuration")
    assert "extra.wenji.raw_txt: unknown option" in err
    missing = tmp_path / "none.yml"
    assert main(["inspect", str(leaders(seed_config)), "--config", str(missing)]) == EXIT_USAGE
    assert str(missing) in capsys.readouterr().err


@pytest.mark.parametrize(
    ("page_uri", "directory_urls", "expected"),
    [
        ("study/speech.md", True, "study/speech/index.html"),
        ("study/speech.md", False, "study/speech.html"),
        ("study/index.md", True, "study/index.html"),
        ("README.md", True, "index.html"),
    ],
)
def test_dest_uri_follows_mkdocs(page_uri: str, directory_urls: bool, expected: str) -> None:
    assert dest_uri(page_uri, directory_urls) == expected


# --- help ----------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--help"], ["inspect", "--help"], ["export", "--help"]])
def test_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: wenji")
    assert "--config" in out or "inspect" in out


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == EXIT_USAGE
    assert "required: COMMAND" in capsys.readouterr().err


# --- output closed early, editions ---------------------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_output_closed_early_stops_quietly(tmp_path: Path, extra: list[str]) -> None:
    """``wenji inspect FILE | head``: no BrokenPipeError, exit 141 like other tools."""
    text = tmp_path / "long.txt"
    digits = "一二三四五六七八九"
    sections = [*digits, "十", *(f"十{d}" for d in digits)]
    items = "".join(f"{n}. 第{n}项工作\n正文。\n" for n in range(1, 99))
    body = "".join(f"{section}、第{section}部分\n{items}" for section in sections)
    text.write_text("标题\n" + body, encoding="utf-8")  # output far beyond a pipe's 64 KB
    process = subprocess.Popen(
        [sys.executable, "-m", "wenji", "inspect", str(text), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()  # what `head` does after its lines
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception" not in err


def test_export_of_an_edition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_site(
        tmp_path,
        "    editions:\n      - {prefix: zh-tw, opencc: s2tw, language: zh-TW, name: 繁體}\n",
    )
    out_dir = tmp_path / "out"
    args = ["export", str(out_dir), "--config", str(config), "--edition", "zh-tw"]
    assert main(args) == EXIT_OK
    out = capsys.readouterr().out
    summary = "wrote 3 pages of edition zh-tw (2 texts, 1 folder indexes) and 2 raw texts"
    assert out == f"{summary} to {out_dir}\n"
    page = (out_dir / "zh-tw" / "a" / "讲话.md").read_text(encoding="utf-8")
    assert "標題" in page and "正文。" in page
    assert '<a href="../../../a/讲话.txt">' in page  # zh-tw/a/讲话/ → the one raw copy
    assert (
        out_dir / "a" / "讲话.txt"
    ).read_bytes() == UTF8_BOM + "标题\n一、第一\n正文。\n".encode()
    assert (out_dir / "zh-tw" / "legacy.md").read_text(encoding="utf-8").count("舊文本") == 1
    assert (out_dir / "zh-tw" / "a" / "index.md").is_file()
    assert not (out_dir / "a" / "讲话.md").exists()


def test_export_of_an_unknown_edition_names_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_site(
        tmp_path,
        "    editions:\n      - {prefix: zh-tw, opencc: s2tw, language: zh-TW, name: 繁體}\n",
    )
    args = ["export", str(tmp_path / "out"), "--config", str(config), "--edition", "zh-hk"]
    assert main(args) == EXIT_USAGE
    assert "--edition zh-hk: no such edition in extra.wenji.editions (zh-tw)" in (
        capsys.readouterr().err
    )
