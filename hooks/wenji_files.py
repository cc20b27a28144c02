"""MkDocs adapter: the site's files made from the corpus (``on_files``).

Every text becomes a generated page (and its raw ``.txt`` beside it), every corpus folder
an index page, and every script edition a copy of all of them under its prefix, with a
navigation of its own.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from wenji.addresses import AddressBook
from wenji.editions import EditionBuilder, convert_markdown, edition_uri
from wenji.gitdates import last_commits
from wenji.library import Folder, Text, folder_index_markdown
from wenji.model import Diagnostic
from wenji.parallel import TextPool, default_workers
from wenji.render import DEFAULT_LABELS
from wenji_navigation import corpus_nav
from wenji_rawfile import RawTextFile
from wenji_state import BuildState, PageSource, Session, log, log_diagnostic

ASSETS = Path(__file__).parent / "wenji" / "assets"
ASSET_FILES = ("wenji.css", "indent.css", "editions.js", "search.js", "search-worker.js")
PROGRESS_EVERY = 500


@dataclass
class SiteFiles:
    """Adds the corpus to the ``files`` of one build."""

    files: Files
    config: MkDocsConfig
    state: BuildState
    session: Session

    def add_corpus(self) -> Files:
        """The files with wenji's assets, a page per text and folder, every edition's copies."""
        files, config, state = self.files, self.config, self.state
        settings = state.settings
        for name in ASSET_FILES:
            path = str(ASSETS / name)
            files.append(File.generated(config, f"assets/wenji/{name}", abs_src_path=path))
        workers = settings.workers or default_workers()
        state.pool = TextPool(workers, settings.options, list(state.editions.values()))
        started = time.perf_counter()
        scan = self.session.library(settings).scan(
            state.corpus_dir,
            settings.folder_titles,
            _progress,
            self._address_book(),
            prepare=state.pool.prepare,
        )
        for diagnostic in [*scan.diagnostics, *state.pool.diagnostics]:
            log_diagnostic(diagnostic)
        if state.pool.used_workers:
            message = "wenji: processed %d texts in %d worker processes in %.1f s"
            seconds = time.perf_counter() - started
            log.info(message, scan.processed, state.pool.used_workers, seconds)
        state.pool = None
        state.stage_seconds = dict(scan.timer.seconds)
        state.root = scan.root
        state.last_commits = last_commits(state.corpus_dir)  # one `git log` per build

        hand_written = [f for f in files.documentation_pages() if f.generated_by is None]
        texts: list[Text] = []
        for text in scan.texts:
            uri = text.file.page_uri
            if files.get_file_from_path(uri) is not None:
                message = f"skipped: docs/{uri} already exists"
                log_diagnostic(Diagnostic("warning", text.file.source, message))
                continue
            texts.append(text)
            files.append(File.generated(config, uri, abs_src_path=str(text.file.path)))
            state.pages[uri] = PageSource(text)
            if settings.raw_text:
                files.append(_raw_text_file(text, config))
        self._add_folder_pages(scan.root, "")

        state.generated_nav = config.nav is None
        if config.nav is None:
            config.nav = corpus_nav(files, hand_written, scan.root)
        state.nav_configs[""] = config.nav

        for prefix, builder in state.editions.items():
            started = time.perf_counter()
            for page in hand_written:
                converted = convert_markdown(page.content_string, builder.text)
                self._add_edition_file(edition_uri(prefix, page.src_uri), content=converted)
            for text in texts:
                uri = edition_uri(prefix, text.file.page_uri)
                self._add_edition_file(uri, abs_src_path=str(text.file.path))
                state.pages[uri] = PageSource(text, prefix)
            self._add_folder_pages(scan.root, prefix)
            state.nav_configs[prefix] = self._prefixed_nav(config.nav, prefix, builder)
            state.convert_seconds += time.perf_counter() - started
        self._rebuild_all_if_texts_changed()
        return files

    def _rebuild_all_if_texts_changed(self) -> None:
        """Under ``serve --dirty``, a text added or removed changes every page's navigation:
        then every page is rebuilt, not only the changed ones."""
        built = self.session.built_pages
        if not self.session.serve_dirty or not built or set(self.state.pages) == built:
            return
        for file in self.files.documentation_pages():
            file.is_modified = lambda: True  # type: ignore[method-assign]

    def _address_book(self) -> AddressBook:
        """What the site writes before any text: hand-written pages, theme and wenji files,
        search indexes and edition folders."""
        settings, config = self.state.settings, self.config
        book = AddressBook.for_site(
            {e.prefix: e.name for e in settings.editions},
            use_directory_urls=config.use_directory_urls,
            raw_text=settings.raw_text,
            site_dir=str(config.site_dir),
        )
        docs_dir = Path(config.docs_dir)
        for file in self.files:
            source = Path(file.abs_src_path or "")
            from_docs = file.generated_by is None and source.is_relative_to(docs_dir)
            where = f"{docs_dir.name}/{file.src_uri}" if from_docs else "the theme"
            book.take(file.dest_uri, where)
        return book

    def _add_edition_file(self, uri: str, **source: Any) -> None:
        self.files.append(self._generated(uri, inclusion=InclusionLevel.NOT_IN_NAV, **source))

    def _generated(self, uri: str, **source: Any) -> File:
        """``File.generated``; under ``serve --dirty``, a page made from the same in-memory
        Markdown as in the last build is not rebuilt. (MkDocs rebuilds every in-memory page
        on every edit: all folder indexes of every edition, more work than the edited text.)"""
        file = File.generated(self.config, uri, **source)
        content = source.get("content")
        if isinstance(content, str):
            self.state.sources[uri] = content
            built = self.session.built_sources.get(uri)
            if built == content and Path(file.abs_dest_path).is_file():
                file.is_modified = lambda: False  # type: ignore[method-assign]
        return file

    def _add_folder_pages(self, folder: Folder, prefix: str) -> None:
        builder = self.state.editions.get(prefix)
        for sub in folder.folders:
            uri = edition_uri(prefix, sub.index_uri) if prefix else sub.index_uri
            self.state.folders[sub.index_uri] = sub
            if self.files.get_file_from_path(uri) is None:
                if builder is not None:
                    labels = builder.labels(DEFAULT_LABELS)
                    content = folder_index_markdown(sub, labels, builder.wording)
                    self._add_edition_file(uri, content=content)
                else:
                    content = folder_index_markdown(sub, DEFAULT_LABELS)
                    self.files.append(self._generated(uri, content=content))
            self._add_folder_pages(sub, prefix)

    def _prefixed_nav(self, nav: Any, prefix: str, builder: EditionBuilder) -> Any:
        """The main navigation with every page under ``prefix`` and every title converted."""
        if isinstance(nav, list):
            return [self._prefixed_nav(item, prefix, builder) for item in nav]
        if isinstance(nav, dict):
            return {
                self._edition_title(title, value, builder): self._prefixed_nav(
                    value, prefix, builder
                )
                for title, value in nav.items()
            }
        uri = edition_uri(prefix, nav)
        return uri if self.files.get_file_from_path(uri) is not None else nav

    def _edition_title(self, title: str, value: Any, builder: EditionBuilder) -> str:
        """A nav title in an edition: a text's title as its page shows it, a folder's name
        by the edition's rule for curator-written names (``convert_names``), else converted."""
        state = self.state
        if not state.generated_nav:  # the curator's own nav: titles written in mkdocs.yml
            return builder.name(title)
        source = state.pages.get(value) if isinstance(value, str) else None
        if source is not None and source.text is not None:
            return html.escape(builder.document(source.text.document).title)
        first = value[0] if isinstance(value, list) and value else None
        if isinstance(first, str) and first in state.folders:
            return html.escape(builder.name(state.folders[first].title))
        return builder.text(title)


def _progress(done: int, total: int) -> None:
    if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
        log.info("wenji: processed %d of %d texts", done, total)


def _raw_text_file(text: Text, config: MkDocsConfig) -> File:
    """The source text, published beside its page as UTF-8 with a BOM (see wenji.rawtext)."""
    return RawTextFile.of(config, text.file.raw_uri, text.file, text.document.encoding)
