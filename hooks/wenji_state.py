"""MkDocs adapter: what one build knows (:class:`BuildState`) and what outlives a build
of ``mkdocs serve`` (:class:`Session`).

The hooks module holds one of each; the other adapter modules take them as arguments.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation

from wenji.config import Edition, WenjiConfig
from wenji.editions import EditionBuilder
from wenji.gitdates import LastCommit
from wenji.icons import IconSprite
from wenji.indexer import StreamingIndex
from wenji.library import Folder, Library, Text
from wenji.model import Diagnostic
from wenji.parallel import TextPool
from wenji.render import RenderedPage
from wenji_serve import TemplateCache
from wenji_shard import SliceBuild
from wenji_watch import CorpusWatch

log = logging.getLogger("mkdocs.plugins.wenji")


def log_diagnostic(diagnostic: Diagnostic) -> None:
    (log.warning if diagnostic.level == "warning" else log.info)("wenji: %s", diagnostic)


@dataclass(frozen=True)
class PageSource:
    """What a generated page is made from: a text (in an edition) or converted Markdown."""

    text: Text | None = None
    edition: str = ""  # "" for the primary script
    markdown: str | None = None


@dataclass
class BuildState:
    """Everything one build needs; made anew in ``on_config``."""

    settings: WenjiConfig = field(default_factory=WenjiConfig)
    corpus_dir: Path = Path("corpus")
    editions: dict[str, EditionBuilder] = field(default_factory=dict)
    pages: dict[str, PageSource] = field(default_factory=dict)
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
    shard: SliceBuild | None = None  # building one slice of the site (wenji_shard)
    pool: TextPool | None = None  # the worker processes of the scan (None: not scanning)
    icons: IconSprite = field(default_factory=IconSprite)  # moved out of the pages

    def close_pool(self) -> None:
        """Stop the scan's worker processes, if any are running."""
        if self.pool is not None:
            self.pool.close()

    def edition_of(self, uri: str) -> str:
        """The prefix of the edition the page of ``uri`` belongs to; "" for the primary."""
        first = uri.split("/", 1)[0]
        return first if first in self.editions and "/" in uri else ""


@dataclass
class Session:
    """What survives the rebuilds of ``mkdocs serve``."""

    libraries: dict[Any, Library] = field(default_factory=dict)  # one per set of options
    edition_builders: dict[tuple[Edition, Path], EditionBuilder] = field(default_factory=dict)
    built_sources: dict[str, str] = field(default_factory=dict)  # last finished build's sources
    built_pages: set[str] = field(default_factory=set)  # the text pages of the last build
    serve_dirty: bool = False  # `mkdocs serve --dirty`: rebuilds keep the first search index
    serving: bool = False  # `mkdocs serve` (which shows the whole site, never a slice)
    templates: TemplateCache = field(default_factory=TemplateCache)  # compiled, for rebuilds
    watch: CorpusWatch | None = None  # how serve watches the corpus

    def stop_watching(self) -> None:
        """Stop the corpus watch's own observer (MkDocs stops its own)."""
        watch, self.watch = self.watch, None
        if watch is not None:
            watch.stop()

    def library(self, settings: WenjiConfig) -> Library:
        """The library for ``settings``' options (its cache of processed texts kept)."""
        if settings.options not in self.libraries:
            self.libraries.clear()
            self.libraries[settings.options] = Library(settings.options)
        return self.libraries[settings.options]

    def edition_builder(self, edition: Edition, config_dir: Path) -> EditionBuilder:
        """The converter of ``edition`` (its cache of converted texts kept)."""
        key = (edition, config_dir)
        if key not in self.edition_builders:
            try:
                self.edition_builders[key] = EditionBuilder(edition, config_dir)
            except (ValueError, OSError) as error:
                where = f"extra.wenji.editions ({edition.prefix})"
                raise PluginError(f"invalid wenji configuration: {where}: {error}") from None
        return self.edition_builders[key]
