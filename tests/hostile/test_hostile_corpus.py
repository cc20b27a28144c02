"""Hostile corpus folders: links, special files, hidden and undecodable names, long paths.

Only regular files inside the corpus folder are read; everything else is named in a
warning (so ``--strict`` fails) and never opened. One build holds every case.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import Build, run_mkdocs, write_project
from htmlread import read_article

T = "标题\n正文第一段。"
SECRET = "token=ghp_SECRET_FROM_GIT_CONFIG"
GBK_NAME = os.fsdecode("中文报告".encode("gbk") + b".txt")
LINK = "skipped: a symbolic link to {}; only regular files inside the corpus folder are read"


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("corpus")
    texts: dict[str, bytes | str] = {
        "good.txt": "好的文本\n正文第一段。",
        ".hidden.txt": T,
        "..txt": T,
        ".notes/a.txt": T,
        "a\x1b[31mred.txt": T,
        "sub/inner.txt": "里面的文本\n正文第一段。",
    }
    config = write_project(root, texts)
    corpus = root / "corpus"
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"[remote]\n{SECRET}\n", encoding="utf-8")
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "t.txt").write_text(f"外部\n{SECRET}\n", encoding="utf-8")
    os.symlink("/etc/passwd", corpus / "passwd.txt")
    os.symlink("../.git/config", corpus / "gitconfig.txt")
    os.symlink("/dev/zero", corpus / "zero.txt")
    os.symlink("../elsewhere", corpus / "linked")
    os.symlink("good.txt", corpus / "alias.txt")
    os.symlink("../../elsewhere/t.txt", corpus / "sub" / "deep.txt")
    os.mkfifo(corpus / "fifo.txt")
    (corpus / GBK_NAME).write_text("GBK文件名\n正文。", encoding="utf-8")
    (corpus / os.fsdecode("报告".encode("gbk"))).mkdir()
    (corpus / os.fsdecode("报告".encode("gbk")) / "x.txt").write_text(T, encoding="utf-8")
    return run_mkdocs(config, root / "site")


def test_the_build_finishes_and_publishes_the_regular_texts(build: Build) -> None:
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    assert read_article(build.page("good")).headings(1)[0].text == "好的文本"
    assert read_article(build.page("sub/inner")).headings(1)[0].text == "里面的文本"


@pytest.mark.parametrize(
    "message",
    [
        "passwd.txt: " + LINK.format("/etc/passwd"),
        "gitconfig.txt: " + LINK.format("../.git/config"),
        "zero.txt: " + LINK.format("/dev/zero"),
        "linked: " + LINK.format("../elsewhere"),
        "alias.txt: " + LINK.format("good.txt"),
        "sub/deep.txt: " + LINK.format("../../elsewhere/t.txt"),
        "fifo.txt: skipped: a FIFO (named pipe), not a regular file; it is never opened",
        ".hidden.txt: skipped: hidden file (its name starts with '.'); rename it to publish it",
        "..txt: skipped: hidden file (its name starts with '.'); rename it to publish it",
        "a\\x1b[31mred.txt: skipped file: its name contains control characters; rename it",
    ],
    ids=[
        "link-etc-passwd",
        "link-git-config",
        "link-dev-zero",
        "linked-folder",
        "link-inside-corpus",
        "link-in-subfolder",
        "fifo",
        "dotfile",
        "dot-dot-txt",
        "control-characters",
    ],
)
def test_each_unreadable_entry_is_a_warning_naming_it(build: Build, message: str) -> None:
    assert f"WARNING -  wenji: {message}" in build.log.splitlines()


def test_a_hidden_folder_is_named_at_info_level(build: Build) -> None:
    line = "INFO    -  wenji: .notes/: skipped hidden folder (its name starts with '.')"
    assert line in build.log.splitlines()


def test_a_gbk_file_name_is_named_safely_with_its_reading(build: Build) -> None:
    shown = GBK_NAME.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    expected = (
        f"WARNING -  wenji: {shown}: skipped file: its name is not UTF-8 (as GBK it reads "
        "'中文报告.txt', from a Windows zip?); rename it"
    )
    assert expected in build.log.splitlines()


def test_a_gbk_folder_name_is_named_safely(build: Build) -> None:
    warnings = [w for w in build.warnings if "as GBK it reads '报告'" in w]
    assert len(warnings) == 1 and "skipped folder" in warnings[0]


def test_nothing_from_outside_the_corpus_reaches_the_site(build: Build) -> None:
    published = sorted(p.relative_to(build.site).as_posix() for p in build.site.rglob("*.txt"))
    assert published == ["good.txt", "sub/inner.txt"]
    for path in build.site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"ghp_SECRET" not in data and b"root:x:0:0" not in data, path


def test_strict_fails_on_them(build: Build, tmp_path: Path) -> None:
    config = build.site.parent / "mkdocs.yml"
    strict = run_mkdocs(config, tmp_path / "strict", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.log
    assert "Aborted with" in strict.log


def test_a_path_over_the_system_limit_is_a_warning(tmp_path: Path) -> None:
    config = write_project(tmp_path, {"good.txt": T})
    corpus = tmp_path / "corpus"
    folder = corpus
    for _ in range((4000 - len(os.fsencode(corpus))) // 201):
        folder = folder / ("d" * 200)
    folder.mkdir(parents=True)
    name = "n" * (4090 - len(os.fsencode(folder)) - len("/.txt")) + ".txt"
    (folder / name).write_text(T, encoding="utf-8")
    site = tmp_path / "a-site-folder-with-a-longer-name"
    build = run_mkdocs(config, site)
    assert build.returncode == 0 and "Traceback" not in build.log, build.log[-2000:]
    source = (folder / name).relative_to(corpus).as_posix()
    length = len(os.fsencode(site / source)) - len(".txt") + len("/index.html")
    assert (
        f"WARNING -  wenji: {source}: skipped: its output path would be {length} bytes, "
        "over the system's 4096; rename it"
    ) in build.log.splitlines()
    assert read_article(build.page("good")).headings(1)[0].text == "标题"


def test_a_folder_deeper_than_the_system_path_limit_is_a_warning(tmp_path: Path) -> None:
    config = write_project(tmp_path, {"good.txt": T})
    descriptor = os.open(tmp_path / "corpus", os.O_RDONLY)
    depth = 0
    try:
        while depth * 201 < 4300:  # made relative to the last folder: no path is too long
            os.mkdir("d" * 200, dir_fd=descriptor)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor, depth = inner, depth + 1
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=descriptor), "w") as out:
            out.write(T)
    finally:
        os.close(descriptor)
    build = run_mkdocs(config, tmp_path / "site")
    assert build.returncode == 0 and "Traceback" not in build.log, build.log[-2000:]
    warnings = [w for w in build.warnings if "cannot read it (File name too long)" in w]
    assert len(warnings) == 1 and "skipped this folder" in warnings[0]
    assert read_article(build.page("good")).headings(1)[0].text == "标题"
