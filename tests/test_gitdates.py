"""Last-updated dates from git: one ``git log`` per build, and none without a repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_mkdocs, write_project
from htmlread import read_article
from wenji import gitdates
from wenji.gitdates import LastCommit, last_commits, parse_log

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# 2023-02-01 12:00 and 2024-05-06 23:30 in UTC+8: the date is the committer's own.
FIRST = "1675224000 +0800"
SECOND = "1715009400 +0800"


def git(repo: Path, *args: str, when: str = FIRST) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(repo),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def make_repo(root: Path) -> Path:
    """A repository with a corpus folder: two commits, a rename, an untracked file."""
    corpus = root / "corpus"
    (corpus / "讲话").mkdir(parents=True)
    (corpus / "讲话" / "动员 大会.txt").write_text("一\n", encoding="utf-8")
    (corpus / "old.txt").write_text("二\n", encoding="utf-8")
    (root / "outside.txt").write_text("三\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    (corpus / "讲话" / "动员 大会.txt").write_text("一，改\n", encoding="utf-8")
    git(root, "mv", "corpus/old.txt", "corpus/new.txt")
    git(root, "commit", "-q", "-am", "second", when=SECOND)
    (corpus / "untracked.txt").write_text("四\n", encoding="utf-8")
    return corpus


def test_dates_of_the_newest_commit_per_file(tmp_path: Path) -> None:
    corpus = make_repo(tmp_path)
    found = last_commits(corpus)
    assert found["讲话/动员 大会.txt"] == LastCommit(1715009400, "2024-05-06")
    assert found["new.txt"] == LastCommit(1715009400, "2024-05-06")
    assert "untracked.txt" not in found
    assert "outside.txt" not in found and "../outside.txt" not in found
    assert last_commits(corpus / "讲话") == {"动员 大会.txt": LastCommit(1715009400, "2024-05-06")}


def test_the_date_is_the_committers_own_day(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("一\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "late", when="1675267200 +0800")  # 00:00 in UTC+8
    assert last_commits(corpus)["a.txt"].date == "2023-02-02"  # still 2023-02-01 in UTC


def test_no_repository_no_git_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("一\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert last_commits(tmp_path) == {}
    assert last_commits(tmp_path / "missing") == {}
    corpus = make_repo(tmp_path / "repo")
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert last_commits(corpus) == {}


def test_parse_log_keeps_the_newest_commit() -> None:
    output = (
        "\x011715009400 2024-05-06\0\na.txt\0b/c d.txt\0"
        "\x011675224000 2023-02-01\0\na.txt\0e.txt\0"
        "\x01garbage\0\nf.txt\0"
    )
    assert parse_log(output) == {
        "a.txt": LastCommit(1715009400, "2024-05-06"),
        "b/c d.txt": LastCommit(1715009400, "2024-05-06"),
        "e.txt": LastCommit(1675224000, "2023-02-01"),
    }
    assert parse_log("") == {}


def test_three_thousand_files_cost_one_git_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    for folder in range(30):
        (corpus / f"f{folder}").mkdir(parents=True)
        for number in range(100):
            (corpus / f"f{folder}" / f"{number}.txt").write_text("正文\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "all")
    (corpus / "f0" / "0.txt").write_text("改\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "one", when=SECOND)

    calls = []
    real_run = subprocess.run

    def counting_run(*args, **kwargs):
        calls.append(args)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(gitdates.subprocess, "run", counting_run)
    found = last_commits(corpus)  # no timing asserted: speed belongs in bench/
    assert len(found) == 3000 and len(calls) == 1
    assert found["f0/0.txt"].date == "2024-05-06" and found["f29/99.txt"].date == "2023-02-01"


def test_built_page_shows_the_last_commit_date(tmp_path: Path) -> None:
    text = "在全县大会上的讲话\n（2023年2月1日）\n同志们：\n一、提高站位\n我们要实干。\n"
    config = write_project(tmp_path, {"a.txt": text})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "corpus")
    git(tmp_path, "commit", "-q", "-m", "text", when=SECOND)
    (tmp_path / "corpus" / "b.txt").write_text("未提交的文本\n正文。\n", encoding="utf-8")
    build = run_mkdocs(config, tmp_path / "site", "--strict")
    assert build.returncode == 0, build.log
    page = build.page("a")
    assert (
        '<div class="wenji-meta-updated"><dt>更新</dt>'
        '<dd><time datetime="2024-05-06">2024-05-06</time></dd></div>'
    ) in page
    assert "2024-05-06" in read_article(page).text
    assert "wenji-meta-updated" not in build.page("b")  # untracked: no date
