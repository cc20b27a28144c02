"""MkDocs adapter for wenji: corpus texts become virtual pages of the site.

A thin layer: all decisions live in the ``wenji`` package, which does not import MkDocs.
Hook modules are cached by MkDocs: after editing this file or the package, restart
``mkdocs serve``.

Script editions (``extra.wenji.editions``) are whole copies of the site under a path
prefix, built in the same run: their pages are left out of the main navigation and get a
navigation of their own, their language and language switcher links, in
``on_page_context``.
"""

from __future__ import annotations

import copy
import html
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from wenji import navwindow, toclimit
from wenji.addresses import AddressBook, edit_url, overlap_problem, prefix_problem
from wenji.config import ConfigError, Edition, WenjiConfig, load_config
from wenji.editions import EditionBuilder, convert_markdown, edition_uri, material_language
from wenji.gitdates import LastCommit, last_commits
from wenji.indexer import SearchIndexError, StreamingIndex
from wenji.library import (
    Folder,
    Library,
    Text,
    Wording,
    folder_index_markdown,
    library_overview_html,
    raw_text_link,
)
from wenji.minify import minify_html
from wenji.model import Diagnostic
from wenji.pagebody import fill_body, heading_links
from wenji.render import DEFAULT_LABELS, Links, RenderedPage, render_page
from wenji.search import SEARCH_SCRIPT, bundle_path, mark_article, silence_material_worker
from wenji_context import ConfigView, page_url, relative_to_page
from wenji_navigation import corpus_nav, title_pages
from wenji_rawfile import RawTextFile
from wenji_serve import keep_watching

log = logging.getLogger("mkdocs.plugins.wenji")

ASSETS = Path(__file__).parent / "wenji" / "assets"
TEMPLATES = Path(__file__).parent / "wenji" / "templates"  # theme overrides (the footer)
ASSET_FILES = ("wenji.css", "indent.css", "editions.js", "search.js", "search-worker.js")
PROGRESS_EVERY = 500
LIBRARY_MARKER = "<!-- wenji:library -->"
WHOLE_FOLDER = "全部 {count} 篇"  # the link after a folder's window of siblings in the nav
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


@dataclass(frozen=True)
class _PageSource:
    """What a generated page is made from: a text (in an edition) or converted Markdown."""

    text: Text | None = None
    edition: str = ""  # "" for the primary script
    markdown: str | None = None


@dataclass
class _BuildState:
    """Everything one build needs; reset in ``on_config``."""

    settings: WenjiConfig = field(default_factory=WenjiConfig)
    corpus_dir: Path = Path("corpus")
    editions: dict[str, EditionBuilder] = field(default_factory=dict)
    pages: dict[str, _PageSource] = field(default_factory=dict)
    edition_navs: dict[str, Navigation] = field(default_factory=dict)
    nav_configs: dict[str, list[Any]] = field(default_factory=dict)
    started: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    render_seconds: float = 0.0
    convert_seconds: float = 0.0
    repo_edit_base: str | None = None
    root: Folder | None = None
    last_commits: dict[str, LastCommit] = field(default_factory=dict)  # by corpus path
    folders: dict[str, Folder] = field(default_factory=dict)  # by index page URI
    generated_nav: bool = True  # False when mkdocs.yml has a nav of its own
    pagefind: bool = False  # search with Pagefind (extra.wenji.search) in Material's box
    worker_missing: bool = False
    index: StreamingIndex | None = None  # Pagefind, fed page by page (None: not indexing)
    sources: dict[str, str] = field(default_factory=dict)  # in-memory page sources, by URI
    bodies: dict[str, RenderedPage] = field(default_factory=dict)  # read, not yet rendered


_state = _BuildState()
_libraries: dict[Any, Library] = {}  # one per set of options; survives serve rebuilds
_edition_builders: dict[tuple[Edition, Path], EditionBuilder] = {}
_built_sources: dict[str, str] = {}  # ``_state.sources`` of the last finished build
_built_pages: set[str] = set()  # the text pages of the last finished build
_serve_dirty = False  # `mkdocs serve --dirty`: rebuilds keep the first build's search index


def _log(diagnostic: Diagnostic) -> None:
    (log.warning if diagnostic.level == "warning" else log.info)("wenji: %s", diagnostic)


# --- configuration -------------------------------------------------------------------


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Keep watching the corpus folder, also after it is deleted and made again."""
    keep_watching(server, _state.corpus_dir)
    return server


def on_startup(command: str, dirty: bool) -> None:
    global _serve_dirty
    _serve_dirty = command == "serve" and dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    try:
        settings = load_config(config.extra.get("wenji"))
    except ConfigError as error:
        raise PluginError(str(error)) from None
    _stop_index()  # a rebuild of `serve` that started before the last one finished
    _state = _BuildState(settings=settings, started=time.perf_counter())
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
        _state.editions[edition.prefix] = _edition_builder(edition, config_dir)
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
    return config


def _has_search_box(config: MkDocsConfig) -> bool:
    """Material shows its search box only with a search plugin; Pagefind needs that box."""
    if any(name in config.plugins for name in ("material/search", "search")):
        return True
    log.info("wenji: no search plugin in mkdocs.yml, so no search box and no search index")
    return False


def _edition_builder(edition: Edition, config_dir: Path) -> EditionBuilder:
    key = (edition, config_dir)
    if key not in _edition_builders:
        try:
            _edition_builders[key] = EditionBuilder(edition, config_dir)
        except (ValueError, OSError) as error:
            where = f"extra.wenji.editions ({edition.prefix})"
            raise PluginError(f"invalid wenji configuration: {where}: {error}") from None
    return _edition_builders[key]


def _library(settings: WenjiConfig) -> Library:
    if settings.options not in _libraries:
        _libraries.clear()
        _libraries[settings.options] = Library(settings.options)
    return _libraries[settings.options]


def _progress(done: int, total: int) -> None:
    if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
        log.info("wenji: processed %d of %d texts", done, total)


# --- files and navigation -------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    settings = _state.settings
    for name in ASSET_FILES:
        asset = File.generated(config, f"assets/wenji/{name}", abs_src_path=str(ASSETS / name))
        files.append(asset)
    scan = _library(settings).scan(
        _state.corpus_dir, settings.folder_titles, _progress, _address_book(files, config)
    )
    for diagnostic in scan.diagnostics:
        _log(diagnostic)
    _state.stage_seconds = dict(scan.timer.seconds)
    _state.root = scan.root
    _state.last_commits = last_commits(_state.corpus_dir)  # one `git log` per build

    hand_written = [f for f in files.documentation_pages() if f.generated_by is None]
    texts: list[Text] = []
    for text in scan.texts:
        uri = text.file.page_uri
        if files.get_file_from_path(uri) is not None:
            _log(Diagnostic("warning", text.file.source, f"skipped: docs/{uri} already exists"))
            continue
        texts.append(text)
        files.append(File.generated(config, uri, abs_src_path=str(text.file.path)))
        _state.pages[uri] = _PageSource(text)
        if settings.raw_text:
            files.append(_raw_text_file(text, config))
    _add_folder_pages(scan.root, files, config, "")

    _state.generated_nav = config.nav is None
    if config.nav is None:
        config.nav = corpus_nav(files, hand_written, scan.root)
    _state.nav_configs[""] = config.nav

    for prefix, builder in _state.editions.items():
        started = time.perf_counter()
        for page in hand_written:
            converted = convert_markdown(page.content_string, builder.text)
            _add_edition_file(files, config, edition_uri(prefix, page.src_uri), content=converted)
        for text in texts:
            uri = edition_uri(prefix, text.file.page_uri)
            _add_edition_file(files, config, uri, abs_src_path=str(text.file.path))
            _state.pages[uri] = _PageSource(text, prefix)
        _add_folder_pages(scan.root, files, config, prefix)
        _state.nav_configs[prefix] = _prefixed_nav(config.nav, prefix, builder, files)
        _state.convert_seconds += time.perf_counter() - started
    _rebuild_all_if_texts_changed(files)
    return files


def _rebuild_all_if_texts_changed(files: Files) -> None:
    """Under ``serve --dirty``, a text added or removed changes every page's navigation:
    then every page is rebuilt, not only the changed ones."""
    if not _serve_dirty or not _built_pages or set(_state.pages) == _built_pages:
        return
    for file in files.documentation_pages():
        file.is_modified = lambda: True  # type: ignore[method-assign]


def _address_book(files: Files, config: MkDocsConfig) -> AddressBook:
    """What the site writes before any text: hand-written pages, theme and wenji files,
    search indexes and edition folders."""
    settings = _state.settings
    book = AddressBook.for_site(
        {e.prefix: e.name for e in settings.editions},
        use_directory_urls=config.use_directory_urls,
        raw_text=settings.raw_text,
        site_dir=str(config.site_dir),
    )
    docs_dir = Path(config.docs_dir)
    for file in files:
        source = Path(file.abs_src_path or "")
        from_docs = file.generated_by is None and source.is_relative_to(docs_dir)
        book.take(file.dest_uri, f"{docs_dir.name}/{file.src_uri}" if from_docs else "the theme")
    return book


def _add_edition_file(files: Files, config: MkDocsConfig, uri: str, **source: Any) -> None:
    files.append(_generated(config, uri, inclusion=InclusionLevel.NOT_IN_NAV, **source))


def _generated(config: MkDocsConfig, uri: str, **source: Any) -> File:
    """``File.generated``; under ``serve --dirty``, a page made from the same in-memory
    Markdown as in the last build is not rebuilt. (MkDocs rebuilds every in-memory page on
    every edit: all folder indexes of every edition, more work than the edited text.)"""
    file = File.generated(config, uri, **source)
    content = source.get("content")
    if isinstance(content, str):
        _state.sources[uri] = content
        if _built_sources.get(uri) == content and Path(file.abs_dest_path).is_file():
            file.is_modified = lambda: False  # type: ignore[method-assign]
    return file


def _raw_text_file(text: Text, config: MkDocsConfig) -> File:
    """The source text, published beside its page as UTF-8 with a BOM (see wenji.rawtext)."""
    return RawTextFile.of(config, text.file.raw_uri, text.file, text.document.encoding)


def _add_folder_pages(folder: Folder, files: Files, config: MkDocsConfig, prefix: str) -> None:
    builder = _state.editions.get(prefix)
    for sub in folder.folders:
        uri = edition_uri(prefix, sub.index_uri) if prefix else sub.index_uri
        _state.folders[sub.index_uri] = sub
        if files.get_file_from_path(uri) is None:
            if builder is not None:
                labels = builder.labels(DEFAULT_LABELS)
                content = folder_index_markdown(sub, labels, builder.wording)
                _add_edition_file(files, config, uri, content=content)
            else:
                content = folder_index_markdown(sub, DEFAULT_LABELS)
                files.append(_generated(config, uri, content=content))
        _add_folder_pages(sub, files, config, prefix)


def _prefixed_nav(nav: Any, prefix: str, builder: EditionBuilder, files: Files) -> Any:
    """The main navigation with every page under ``prefix`` and every title converted."""
    if isinstance(nav, list):
        return [_prefixed_nav(item, prefix, builder, files) for item in nav]
    if isinstance(nav, dict):
        return {
            _edition_title(title, value, builder): _prefixed_nav(value, prefix, builder, files)
            for title, value in nav.items()
        }
    uri = edition_uri(prefix, nav)
    return uri if files.get_file_from_path(uri) is not None else nav


def _edition_title(title: str, value: Any, builder: EditionBuilder) -> str:
    """A nav title in an edition: a text's title as its page shows it, a folder's name by
    the edition's rule for curator-written names (``convert_names``), else converted."""
    if not _state.generated_nav:  # the curator's own nav: titles written in mkdocs.yml
        return builder.name(title)
    source = _state.pages.get(value) if isinstance(value, str) else None
    if source is not None and source.text is not None:
        return html.escape(builder.document(source.text.document).title)
    first = value[0] if isinstance(value, list) and value else None
    if isinstance(first, str) and first in _state.folders:
        return html.escape(builder.name(_state.folders[first].title))
    return builder.text(title)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    for prefix in _state.editions:
        edition_files = Files([f for f in files if f.src_uri.startswith(prefix + "/")])
        edition_config = copy.copy(config)
        edition_config["nav"] = _state.nav_configs[prefix]
        _state.edition_navs[prefix] = get_navigation(edition_files, edition_config)
        title_pages(_state.nav_configs[prefix], files)
    return nav


# --- pages ----------------------------------------------------------------------------


def _edition_of(uri: str) -> str:
    first = uri.split("/", 1)[0]
    return first if first in _state.editions and "/" in uri else ""


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    source = _state.pages.get(page.file.src_uri)
    if source is None or source.text is None:
        return None
    started = time.perf_counter()
    document, labels = source.text.document, DEFAULT_LABELS
    builder = _state.editions.get(source.edition)
    if builder is not None:
        document = builder.document(document)
        for diagnostic in builder.leftovers(document):
            _log(diagnostic)
        labels = builder.labels(DEFAULT_LABELS)
        _state.convert_seconds += time.perf_counter() - started
        started = time.perf_counter()
    raw = None
    if _state.settings.raw_text:
        file = page.file
        raw = raw_text_link(file.src_uri, source.text.file.raw_uri, file.use_directory_urls)
    commit = _state.last_commits.get(source.text.file.source)
    links = Links(raw_text=raw, updated=commit.date if commit else "")
    toc_config = config.mdx_configs.get("toc")
    rendered = render_page(document, links, labels, heading_links(toc_config))
    _state.bodies[page.file.src_uri] = rendered  # put in by on_page_content
    _state.render_seconds += time.perf_counter() - started
    return rendered.markdown


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _state.pagefind:  # Material's own index stays empty: no jieba, no big download
        page.meta["search"] = {"exclude": True}
    source = _state.pages.get(page.file.src_uri)
    if source is not None and source.text is not None:
        base = _state.repo_edit_base
        page.edit_url = edit_url(base, source.text.file.source) if base else None
    elif LIBRARY_MARKER in markdown and _state.root is not None:
        markdown = markdown.replace(LIBRARY_MARKER, _library_overview(page), 1)
    return markdown


def _library_overview(page: Page) -> str:
    """What a hand-written page's ``<!-- wenji:library -->`` stands for: folders, latest texts."""
    prefix = _edition_of(page.file.src_uri)
    builder = _state.editions.get(prefix)
    labels = builder.labels(DEFAULT_LABELS) if builder else DEFAULT_LABELS
    from_uri = page.file.src_uri[len(prefix) + 1 :] if prefix else page.file.src_uri
    assert _state.root is not None
    wording = builder.wording if builder else Wording()
    return library_overview_html(_state.root, labels, from_uri, wording=wording)


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    prefix = _edition_of(page.file.src_uri)
    if prefix:
        context["nav"] = _state.edition_navs[prefix]
    builder = _state.editions.get(prefix)
    context["nav"] = _nav_window(context["nav"], page, builder)
    if not _state.editions:
        return context
    context["config"] = ConfigView(
        config,
        theme_language=material_language(builder.edition.language) if builder else None,
        extra={"alternate": _alternates(page, prefix), "homepage": f"{prefix}/" if prefix else ""},
        top={
            "site_name": builder.name(config.site_name),
            "site_description": builder.name(config.site_description or ""),
        }
        if builder
        else {},
    )
    return context


def _nav_window(nav: Navigation, page: Page, builder: EditionBuilder | None) -> Any:
    """The navigation with at most a window of each folder's items on the page's path."""
    convert = builder.text if builder is not None else str
    return navwindow.windowed(
        nav, page, lambda count: convert(WHOLE_FOLDER.format(count=f"{count:,}"))
    )


def _alternates(page: Page, prefix: str) -> list[dict[str, str]]:
    """The language switcher's links: this very page in every script edition."""
    primary_uri = page.file.src_uri[len(prefix) + 1 :] if prefix else page.file.src_uri
    settings = _state.settings
    links = []
    for edition_prefix, name, language in [
        ("", settings.primary_name, settings.primary_language),
        *((e.prefix, e.name, e.language) for e in settings.editions),
    ]:
        uri = edition_uri(edition_prefix, primary_uri) if edition_prefix else primary_uri
        url = page_url(uri, config_use_directory_urls=page.file.use_directory_urls)
        links.append({"name": html.escape(name), "link": url, "lang": html.escape(language)})
    return links


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Permalink titles come from the toc settings, in the primary script: convert them.
    A very long text's TOC keeps its top levels only (``toclimit``)."""
    _pin_title(page)
    rendered = _state.bodies.pop(page.file.src_uri, None)
    if rendered is not None:
        html_text = fill_body(html_text, page.toc.items, rendered, AnchorLink)
    toclimit.limit_toc(page.toc.items)
    builder = _state.editions.get(_edition_of(page.file.src_uri))
    title = (config.mdx_configs.get("toc") or {}).get("permalink_title")
    if builder is None or not isinstance(title, str):
        return html_text
    attribute = f'title="{html.escape(title)}"'
    return html_text.replace(attribute, f'title="{html.escape(builder.text(title))}"')


def _pin_title(page: Page) -> None:
    """Material writes ``<title>{{ page.title | striptags }}``, and ``striptags`` turns
    the entities of an escaped title back into markup (``&lt;script&gt;`` → ``<script>``).
    Page titles are HTML in MkDocs (escaped by wenji, rendered by Markdown); with the
    same string as ``page.meta.title`` the theme writes it as it is.
    """
    if "title" not in page.meta and not page.is_homepage and page.title:
        page.meta["title"] = page.title


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """``<html lang>`` says the script: zh-Hans for the primary pages, the edition's tag else."""
    prefix = _edition_of(page.file.src_uri)
    settings = _state.settings
    language = _state.editions[prefix].edition.language if prefix else settings.primary_language
    html_tag = f'<html lang="{html.escape(language)}"'
    if _state.pagefind:
        html_tag += f' data-wenji-pagefind="{relative_to_page(page, bundle_path(prefix))}"'
    output = _HTML_LANG.sub(html_tag, output, count=1)
    if settings.minify_html:
        output = minify_html(output)
    if not _state.pagefind:
        return output
    output, found = silence_material_worker(mark_article(output))
    if not found and not _state.worker_missing:
        _state.worker_missing = True
        log.warning(
            "wenji: search: Material's search worker is not named in %s; its own (empty) "
            "search may answer queries instead of Pagefind",
            page.file.src_uri,
        )
    if _state.index is not None:
        _state.index.add(page.file.dest_uri, output)
    return output


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
        _state.convert_seconds,
        _state.render_seconds,
    )
    _built_sources.clear()
    _built_sources.update(_state.sources)
    _built_pages.clear()
    _built_pages.update(_state.pages)
    if _state.pagefind:
        _index_search(Path(config.site_dir))


def on_pre_build(config: MkDocsConfig) -> None:
    """Pagefind indexes the pages as they are rendered (``indexer.StreamingIndex``)."""
    site_dir = Path(config.site_dir)
    if not _state.pagefind:
        return
    if _serve_dirty and (site_dir / "pagefind" / "pagefind-entry.json").is_file():
        return  # `serve --dirty` keeps the first build's index
    try:
        _state.index = StreamingIndex(site_dir, tuple(_state.editions))
    except SearchIndexError as error:
        log.warning("wenji: search: %s; the site has no search", error)


def on_build_error(error: Exception) -> None:
    _stop_index()


def _stop_index() -> None:
    if _state.index is not None:
        _state.index.abort()
        _state.index = None


def _index_search(site_dir: Path) -> None:
    """Pagefind's last parts and the bundles moved into place; failure is a warning."""
    index, _state.index = _state.index, None
    if index is None:
        if _state.pagefind and _serve_dirty:
            log.info("wenji: search: index kept from the first build (serve --dirty)")
        return
    try:
        report = index.finish()
    except SearchIndexError as error:
        log.warning("wenji: search: %s; the site has no search", error)
        return
    for problem in report.retried:
        log.info("wenji: search: Pagefind retried once after: %s", problem)
    languages = ", ".join(f"{lang} {count}" for lang, count in report.languages.items())
    log.info(
        "wenji: search: Pagefind indexed %d pages (%s) in %.1f s (%d parts), %.1f s after the "
        "last page",
        report.pages,
        languages,
        report.seconds,
        report.parts,
        report.tail_seconds,
    )
