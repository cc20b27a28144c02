"""Preview and repository links: dirty rebuilds touch only the edited text's pages."""

from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import run_mkdocs, write_project
from htmlread import read_article

TEXTS = {
    "a/first.txt": "第一篇\n同志们：\n一、总体要求\n正文第一段。",
    "a/second.txt": "第二篇\n一、总体要求\n正文第二段。",
    "b/third.txt": "第三篇\n正文第三段。",
}
EXTRA = (
    "repo_url: https://github.com/example/wenji\n"
    "edit_uri: edit/main/docs/\n"
    "theme:\n  name: material\n  features: [content.action.edit, content.action.view]\n"
)


def test_dirty_rebuild_renders_only_the_edited_text(tmp_path: Path) -> None:
    config = write_project(tmp_path, TEXTS)
    site = tmp_path / "site"
    assert run_mkdocs(config, site).returncode == 0
    pages = {name: site / name.removesuffix(".txt") / "index.html" for name in TEXTS}
    old = {name: page.stat().st_mtime_ns for name, page in pages.items()}

    time.sleep(0.05)
    edited = tmp_path / "corpus" / "a" / "second.txt"
    edited.write_text("第二篇\n一、总体要求\n改过的正文。", encoding="utf-8")
    future = time.time() + 2  # make sure the source is newer than every built page
    os.utime(edited, (future, future))

    build = run_mkdocs(config, site, "--dirty")
    assert build.returncode == 0, build.log
    assert "改过的正文。" in read_article(pages["a/second.txt"].read_text("utf-8")).text
    assert pages["a/second.txt"].stat().st_mtime_ns != old["a/second.txt"]
    for name in ("a/first.txt", "b/third.txt"):
        assert pages[name].stat().st_mtime_ns == old[name], name


def test_edit_and_view_buttons_open_the_raw_text(tmp_path: Path) -> None:
    config = write_project(tmp_path, TEXTS)
    text = config.read_text(encoding="utf-8")
    text = text.replace("theme:\n  name: material\n  language: zh\n  font: false\n", "")
    config.write_text(text + EXTRA + "  language: zh\n  font: false\n", encoding="utf-8")
    build = run_mkdocs(config, tmp_path / "site", "--strict")
    assert build.returncode == 0, build.log
    page = build.page("a/first")
    assert 'href="https://github.com/example/wenji/edit/main/corpus/a/first.txt"' in page
    assert 'href="https://github.com/example/wenji/raw/main/corpus/a/first.txt"' in page
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/wenji/edit/main/docs/index.md"' in home
