"""A real ``mkdocs serve`` on 127.0.0.1: raw texts read in a browser, a corpus folder that
is deleted and made again is still watched, a save is seen at once and rebuilt once."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader
from mkdocs.livereload import LiveReloadServer
from playwright.sync_api import Browser
from watchdog.events import FileModifiedEvent

from conftest import MKDOCS, write_project
from wenji_serve import TemplateCache
from wenji_watch import NATIVE_GRACE, CorpusWatch, PollPace

TEXTS = {"a/first.txt": "第一篇讲话\n一、总体要求\n正文第一段。\n"}
TIMEOUT = 120  # seconds for the server to start or a rebuild to show; a loaded machine is slow


@dataclass
class Server:
    url: str
    root: Path
    log: Path

    def get(self, path: str) -> tuple[int, str, bytes]:
        """Status, Content-Type and body of ``path``; 0 if the server does not answer."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.headers["Content-Type"], response.read()
        except urllib.error.HTTPError as error:
            return error.code, "", b""
        except OSError:
            return 0, "", b""

    def wait_for(self, path: str, text: str) -> None:
        """Wait until ``path`` is served with ``text`` in it."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            status, _, body = self.get(path)
            if status == 200 and text in body.decode("utf-8", "replace"):
                return
            time.sleep(0.5)
        log = self.log.read_text(encoding="utf-8", errors="replace")
        raise AssertionError(f"{path} never served {text!r}; mkdocs serve said:\n{log}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    config = write_project(tmp_path, TEXTS, "watch:\n  - corpus\n")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(MKDOCS), "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        )
    served = Server(f"http://127.0.0.1:{port}/", tmp_path, log)
    try:
        served.wait_for("a/first/", "正文第一段")
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.browser
def test_raw_text_reads_as_chinese_in_a_browser(server: Server, browser: Browser) -> None:
    """mkdocs serve sends .txt as ``text/plain`` with no charset (measured here, not assumed),
    so Chromium would guess a legacy encoding; the copy's byte-order mark makes it read UTF-8."""
    status, content_type, body = server.get("a/first.txt")
    assert (status, content_type) == (200, "text/plain")
    assert body == b"\xef\xbb\xbf" + TEXTS["a/first.txt"].encode("utf-8")
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        response = page.goto(server.url + "a/first.txt")
        assert response is not None and response.headers["content-type"] == "text/plain"
        assert page.locator("body").inner_text().strip() == TEXTS["a/first.txt"].strip()
    finally:
        context.close()


def test_corpus_folder_deleted_and_made_again_is_still_watched(server: Server) -> None:
    corpus = server.root / "corpus"
    shutil.rmtree(corpus)
    server.wait_for("", "test")  # the rebuild without texts is done
    time.sleep(1)
    (corpus / "b").mkdir(parents=True)
    (corpus / "b" / "second.txt").write_text("第二篇讲话\n正文第二段。\n", encoding="utf-8")
    server.wait_for("b/second/", "正文第二段")
    # The new folder is watched itself: an edit in it shows up too.
    time.sleep(1)
    (corpus / "b" / "second.txt").write_text("第二篇讲话\n改过的正文。\n", encoding="utf-8")
    server.wait_for("b/second/", "改过的正文")


def test_serve_compiles_the_theme_templates_once_not_at_every_rebuild(tmp_path: Path) -> None:
    compiled: list[str] = []

    class CountingEnvironment(Environment):
        def compile(self, source: Any, *args: Any, **kwargs: Any) -> Any:
            compiled.append(str(source))
            return super().compile(source, *args, **kwargs)

    template = tmp_path / "main.html"
    template.write_text("{{ title }}", encoding="utf-8")
    cache = TemplateCache()
    for _ in range(3):  # MkDocs makes a new environment for every rebuild
        env = CountingEnvironment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
        assert env.get_template("main.html").render(title="文集") == "文集"
    assert len(compiled) == 1 and len(cache) == 1
    template.write_text("{{ title }}!", encoding="utf-8")  # an edited theme is compiled anew
    env = CountingEnvironment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
    assert env.get_template("main.html").render(title="文集") == "文集!"
    assert len(compiled) == 2


def rebuild_wanted(server: LiveReloadServer, within: float) -> bool:
    """Whether ``server`` is asked for a rebuild within ``within`` seconds (then reset)."""
    with server._rebuild_cond:
        wanted = server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=within)
        server._want_rebuild = False
    return wanted


def test_a_save_is_seen_natively_and_the_poll_does_not_rebuild_it_again(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    text = corpus / "a" / "first.txt"
    text.write_text(TEXTS["a/first.txt"], encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    watch = CorpusWatch(server, str(corpus))
    watch.start()
    try:
        assert watch.native is not None and watch.polling is not None  # inotify on Linux
        assert server._watched_paths == {str(corpus): 1}  # `watch: [corpus]` adds nothing
        # The text opened at the start told that native events arrive: the poll slows down.
        deadline = time.monotonic() + 5
        while not watch.pace.trusts_native and time.monotonic() < deadline:
            time.sleep(0.1)
        assert watch.pace.trusts_native and watch.pace.interval == PollPace.SAFETY_NET
        text.write_text("第一篇讲话\n改过的正文。\n", encoding="utf-8")
        assert rebuild_wanted(server, within=5)
        deadline = time.monotonic() + 5
        while str(text) not in watch._reported and time.monotonic() < deadline:
            time.sleep(0.1)
        assert str(text) in watch._reported  # the native observer saw it
        time.sleep(1)  # a save can be two native events (truncated, written), the poll's too
        rebuild_wanted(server, within=0)
        # Reading a text (as every build does) is not a change.
        assert text.read_text(encoding="utf-8")
        assert not rebuild_wanted(server, within=1)
        # What the poll reports next (its timing taken out of the test): the same save is an
        # echo once a build has started; a save the native observer never saw is rebuilt,
        # and after a grace period the poll goes back to its fast pace.
        watch.polling.stop()
        watch.native.stop()
        watch._polled(FileModifiedEvent(str(text)))
        assert not rebuild_wanted(server, within=0.2)
        assert watch.pace.trusts_native
        text.write_text("第一篇讲话\n又改过的正文。\n", encoding="utf-8")
        watch._polled(FileModifiedEvent(str(text)))
        assert rebuild_wanted(server, within=0.2)
        time.sleep(NATIVE_GRACE + 0.5)
        assert watch.pace.native_missed and watch.pace.interval == PollPace.FASTEST
    finally:
        watch.stop()


def test_polling_slows_down_when_a_snapshot_is_costly_or_native_events_arrive() -> None:
    pace = PollPace()
    assert pace.interval == 0.5  # MkDocs' own
    pace.snapshot_seconds = 0.11  # 10,000 texts on the bench machine
    assert pace.interval == pytest.approx(1.1)  # a tenth of a core at most
    pace.native_events = True
    assert pace.interval == pytest.approx(5.5)
    pace.snapshot_seconds = 0.01
    assert pace.interval == PollPace.SAFETY_NET
    pace.native_missed = True
    assert pace.interval == PollPace.FASTEST


def test_one_edit_one_rebuild(server: Server) -> None:
    text = server.root / "corpus" / "a" / "first.txt"
    time.sleep(1)
    before = server.log.read_text(encoding="utf-8").count("Detected file changes")
    text.write_text("第一篇讲话\n一、总体要求\n改过的正文。\n", encoding="utf-8")
    server.wait_for("a/first/", "改过的正文")
    time.sleep(2)  # the poll has seen the edit too
    log = server.log.read_text(encoding="utf-8")
    assert log.count("Detected file changes") == before + 1, log
    assert "polling only" not in log
