"""MkDocs adapter for wenji: corpus texts become virtual pages of the site.

A thin layer: all decisions live in the ``wenji`` package, which does not import MkDocs.
This module holds the hooks and the build's state; the work is done by the adapter
modules beside it: ``wenji_files`` (the site's files and navigations), ``wenji_pages``
(a text page's body), ``wenji_chrome`` (navigation window, editions' language, finished
HTML), ``wenji_searchindex`` (Pagefind). Hook modules are cached by MkDocs: after editing
them or the package, restart ``mkdocs serve``.

Script editions (``extra.wenji.editions``) are whole copies of the site under a path
prefix, built in the same run: their pages are left out of the main navigation and get a
navigation of their own, their language and language switcher links, in
``on_page_context``.
"""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from wenji import navwindow
from wenji.addresses import overlap_problem, prefix_problem
from wenji.config import ConfigError, load_config
from wenji.search import SEARCH_SCRIPT
from wenji_chrome import finish_page, page_context, write_icon_sprite
from wenji_files import SiteFiles
from wenji_navigation import title_pages
from wenji_pages import fill_content, prepare_markdown, read_source
from wenji_searchindex import finish_index, start_index, stop_index
from wenji_shard import configure_slice
from wenji_state import BuildState, Session, log
from wenji_watch import CorpusWatch

TEMPLATES = Path(__file__).parent / "wenji" / "templates"  # theme overrides (the footer)

_state = BuildState()
_session = Session()


# --- configuration -------------------------------------------------------------------


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Watch the corpus folder: natively where possible, also after it is made again."""
    _session.stop_watching()
    _session.watch = CorpusWatch(server, str(_state.corpus_dir))
    _session.watch.start()
    return server


def on_startup(command: str, dirty: bool) -> None:
    _session.serving = command == "serve"
    _session.serve_dirty = _session.serving and dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    try:
        settings = load_config(config.extra.get("wenji"))
    except ConfigError as error:
        raise PluginError(str(error)) from None
    stop_index(_state)  # a rebuild of `serve` that started before the last one finished
    _state.close_pool()
    _state = BuildState(settings=settings, started=time.perf_counter())
    navwindow.forget()
    config_dir = Path(config.config_file_path).parent
    _state.corpus_dir = config_dir / settings.corpus_dir
    problem = overlap_problem(Path(config.site_dir), _state.corpus_dir, Path(config.docs_dir))
    problem = problem or prefix_problem(
        [e.prefix for e in settings.editions], _state.corpus_dir, Path(config.docs_dir)
    )
    if problem:
        raise PluginError(f"invalid configuration: {problem}")
    for edition in settings.editions:
        _state.editions[edition.prefix] = _session.edition_builder(edition, config_dir)
    if config.repo_url and config.edit_uri:
        # edit_uri points into docs/ (e.g. edit/main/docs/); texts live in the corpus folder.
        base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/")
        docs_name = Path(config.docs_dir).name
        if base.endswith("/" + docs_name):
            base = base[: -len(docs_name)] + settings.corpus_dir
        _state.repo_edit_base = base.rstrip("/") + "/"
    if str(TEMPLATES) not in config.theme.dirs:  # after a custom_dir, before the theme
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
    config.extra_css = [*config.extra_css, "assets/wenji/wenji.css"]
    if settings.first_line_indent:
        config.extra_css.append("assets/wenji/indent.css")
    if settings.editions:
        config.extra_javascript = [*config.extra_javascript, "assets/wenji/editions.js"]
    _state.pagefind = settings.search == "pagefind" and _has_search_box(config)
    if _state.pagefind:
        config.extra_javascript = [*config.extra_javascript, SEARCH_SCRIPT]
    _state.shard = configure_slice(settings, config, _session.serving)
    return config


def _has_search_box(config: MkDocsConfig) -> bool:
    """Material shows its search box only with a search plugin; Pagefind needs that box."""
    if any(name in config.plugins for name in ("material/search", "search")):
        return True
    log.info("wenji: no search plugin in mkdocs.yml, so no search box and no search index")
    return False


# --- files and navigation -------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return SiteFiles(files, config, _state, _session).add_corpus()


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    for prefix in _state.editions:
        edition_files = Files([f for f in files if f.src_uri.startswith(prefix + "/")])
        edition_config = copy.copy(config)
        edition_config["nav"] = _state.nav_configs[prefix]
        _state.edition_navs[prefix] = get_navigation(edition_files, edition_config)
        title_pages(_state.nav_configs[prefix], files)
    if _state.shard is not None:
        _state.shard.leave_out_other_texts(files, nav, _state.pages)
    return nav


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if _session.serving:
        env.bytecode_cache = _session.templates
    if _state.shard is not None:
        _state.shard.env = env  # for the sitemap of every page, at the end
    return env


# --- pages ----------------------------------------------------------------------------


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return read_source(page, config, _state)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return prepare_markdown(markdown, page, _state)


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    return page_context(context, page, config, _state)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return fill_content(html_text, page, config, _state)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return finish_page(output, page, _state)


# --- the build ------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """Pagefind indexes the pages as they are rendered (``indexer.StreamingIndex``)."""
    start_index(Path(config.site_dir), _state, _session)


def on_post_build(config: MkDocsConfig) -> None:
    seconds = _state.stage_seconds
    log.info(
        "wenji: %d pages from %d texts in %.1f s (decode %.2f s, structure %.2f s, "
        "OpenCC %.2f s, render %.2f s)",
        len(_state.pages),
        len([p for p in _state.pages.values() if not p.edition]),
        time.perf_counter() - _state.started,
        seconds.get("decode", 0.0),
        seconds.get("structure", 0.0),
        _state.convert_seconds + seconds.get("opencc", 0.0),
        _state.render_seconds,
    )
    _session.built_sources.clear()
    _session.built_sources.update(_state.sources)
    _session.built_pages.clear()
    _session.built_pages.update(_state.pages)
    write_icon_sprite(Path(config.site_dir), _state)
    if _state.pagefind:
        finish_index(_state, _session)
    if _state.shard is not None:
        _state.shard.finish(config)


def on_build_error(error: Exception) -> None:
    _state.close_pool()
    stop_index(_state)


def on_shutdown() -> None:
    _state.close_pool()
    _session.stop_watching()
