"""MkDocs adapter for wenji: corpus texts become virtual pages of the site.

A thin layer: all decisions live in the ``wenji`` package, which does not import MkDocs.
Hook modules are cached by MkDocs: after editing this file or the package, restart
``mkdocs serve``.
"""

from __future__ import annotations

import html
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from wenji.config import ConfigError, WenjiConfig, load_config
from wenji.decode import decode
from wenji.library import Folder, Library, Text, folder_index_markdown
from wenji.model import Diagnostic
from wenji.render import DEFAULT_LABELS, Links, render_markdown

log = logging.getLogger("mkdocs.plugins.wenji")

ASSETS = Path(__file__).parent / "wenji" / "assets"
PROGRESS_EVERY = 500


@dataclass
class _BuildState:
    """Everything one build needs; reset in ``on_config``."""

    settings: WenjiConfig = field(default_factory=WenjiConfig)
    corpus_dir: Path = Path("corpus")
    pages: dict[str, Text] = field(default_factory=dict)
    started: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    render_seconds: float = 0.0
    repo_edit_base: str | None = None


_state = _BuildState()
_libraries: dict[Any, Library] = {}  # one per set of options; survives serve rebuilds


def _log(diagnostic: Diagnostic) -> None:
    (log.warning if diagnostic.level == "warning" else log.info)("wenji: %s", diagnostic)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    try:
        settings = load_config(config.extra.get("wenji"))
    except ConfigError as error:
        raise PluginError(str(error)) from None
    _state = _BuildState(settings=settings, started=time.perf_counter())
    _state.corpus_dir = Path(config.config_file_path).parent / settings.corpus_dir
    if config.repo_url and config.edit_uri:
        # edit_uri points into docs/ (e.g. edit/main/docs/); texts live in the corpus folder.
        base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/")
        docs_name = Path(config.docs_dir).name
        if base.endswith("/" + docs_name):
            base = base[: -len(docs_name)] + settings.corpus_dir
        _state.repo_edit_base = base.rstrip("/") + "/"
    config.extra_css = [*config.extra_css, "assets/wenji/wenji.css"]
    if settings.first_line_indent:
        config.extra_css.append("assets/wenji/indent.css")
    return config


def _library(settings: WenjiConfig) -> Library:
    if settings.options not in _libraries:
        _libraries.clear()
        _libraries[settings.options] = Library(settings.options)
    return _libraries[settings.options]


def _progress(done: int, total: int) -> None:
    if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
        log.info("wenji: processed %d of %d texts", done, total)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    settings = _state.settings
    scan = _library(settings).scan(_state.corpus_dir, settings.folder_titles, _progress)
    for diagnostic in scan.diagnostics:
        _log(diagnostic)
    _state.stage_seconds = dict(scan.timer.seconds)

    for name in ("wenji.css", "indent.css"):
        files.append(
            File.generated(config, f"assets/wenji/{name}", abs_src_path=str(ASSETS / name))
        )

    for text in scan.texts:
        uri = text.file.page_uri
        if files.get_file_from_path(uri) is not None:
            _log(Diagnostic("warning", text.file.source, f"skipped: docs/{uri} already exists"))
            continue
        files.append(File.generated(config, uri, abs_src_path=str(text.file.path)))
        _state.pages[uri] = text
        if settings.raw_text:
            files.append(_raw_text_file(text, config))

    _add_folder_pages(scan.root, files, config)
    if config.nav is None:
        config.nav = _nav(files, scan.root)
    return files


def _raw_text_file(text: Text, config: MkDocsConfig) -> File:
    """The source text, published beside its page; always UTF-8 so browsers show it."""
    uri = text.file.raw_uri
    if text.document.encoding == "utf-8":
        return File.generated(config, uri, abs_src_path=str(text.file.path))
    content = decode(text.file.path.read_bytes()).text
    return File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)


def _add_folder_pages(folder: Folder, files: Files, config: MkDocsConfig) -> None:
    for sub in folder.folders:
        if files.get_file_from_path(sub.index_uri) is None:
            content = folder_index_markdown(sub, DEFAULT_LABELS)
            files.append(File.generated(config, sub.index_uri, content=content))
        _add_folder_pages(sub, files, config)


def _nav(files: Files, root: Folder) -> list[Any]:
    """Home first, then the corpus folders, then the other hand-written pages."""
    hand_written = sorted(
        f.src_uri
        for f in files.documentation_pages()
        if f.generated_by is None and f.src_uri != "index.md"
    )
    nav: list[Any] = ["index.md"] if files.get_file_from_path("index.md") else []
    nav.extend(_folder_nav(root))
    nav.extend(hand_written)
    return nav


def _folder_nav(folder: Folder) -> list[Any]:
    entries: list[Any] = []
    for sub in folder.folders:
        children = [sub.index_uri, *_folder_nav(sub)]
        entries.append({html.escape(sub.title): children})
    entries.extend({html.escape(t.document.title): t.file.page_uri} for t in folder.texts)
    return entries


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    text = _state.pages.get(page.file.src_uri)
    if text is None:
        return None
    started = time.perf_counter()
    raw = text.file.raw_uri.rsplit("/", 1)[-1] if _state.settings.raw_text else None
    markdown = render_markdown(text.document, Links(raw_text=f"../{raw}" if raw else None))
    _state.render_seconds += time.perf_counter() - started
    return markdown


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    text = _state.pages.get(page.file.src_uri)
    if text is not None:
        page.edit_url = _state.repo_edit_base + text.file.source if _state.repo_edit_base else None
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    seconds = _state.stage_seconds
    log.info(
        "wenji: %d texts published in %.1f s (decode %.2f s, structure %.2f s, render %.2f s)",
        len(_state.pages),
        time.perf_counter() - _state.started,
        seconds.get("decode", 0.0),
        seconds.get("structure", 0.0),
        _state.render_seconds,
    )
