"""MkDocs adapter: build one slice of the site (``extra.wenji.shard`` / ``WENJI_SHARD``).

The whole corpus is scanned and every page is in ``files`` and in the navigation, so the
navigation, folder index pages and the home page are those of a single build. Then
(:meth:`SliceBuild.leave_out_other_texts`, at the end of ``on_nav``) the pages and raw
copies of texts of other slices are marked excluded: MkDocs neither reads, renders nor
writes them, and their navigation entries keep the titles the navigation gave them.
``sitemap.xml`` is the one file that lists every page: MkDocs writes it before the pages,
from the pages it builds, so :meth:`SliceBuild.finish` writes it again with every page
(with MkDocs' own function, as a single build does) and adds the manifest that
``wenji merge`` reads. See :mod:`wenji.shard` for the slicing itself.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from jinja2 import Environment
from mkdocs.commands.build import _build_theme_template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from wenji.config import WenjiConfig
from wenji.library import Text
from wenji.search import bundle_path
from wenji.shard import ENVIRONMENT, MANIFEST, Shard, chosen_shard, manifest, site_fingerprint
from wenji_rawfile import RawTextFile

log = logging.getLogger("mkdocs.plugins.wenji")
SITEMAP = "sitemap.xml"


class _Source(Protocol):
    """What the hooks know of a generated page: the text it shows, if any."""

    @property
    def text(self) -> Text | None: ...


class SliceBuild:
    """One slice's build: what it leaves out, what it indexes, what it writes last."""

    def __init__(self, shard: Shard, edition_prefixes: tuple[str, ...]) -> None:
        self.shard = shard
        self.editions = edition_prefixes
        self.env: Environment | None = None  # the theme's, from ``on_env``
        self._texts: dict[str, str] = {}  # corpus path of every text page, by src_uri
        self._left_out: list[tuple[File, InclusionLevel]] = []
        self._fingerprint = ""
        self._files = Files([])
        self._nav: Navigation | None = None

    def leave_out_other_texts(
        self, files: Files, nav: Navigation, pages: Mapping[str, _Source]
    ) -> None:
        """Exclude the pages and raw copies of the texts of other slices (after the
        navigation is made, so that it still lists them)."""
        self._files, self._nav = files, nav
        self._texts = {uri: s.text.file.source for uri, s in pages.items() if s.text is not None}
        self._fingerprint = site_fingerprint(
            (f.dest_uri for f in files.documentation_pages()), self.shard.count
        )
        texts = set(self._texts.values())
        for file in files:
            key = self._texts.get(file.src_uri)
            if key is None and isinstance(file, RawTextFile):
                key = file.source.source
            if key is None or self.shard.owns(key):
                continue
            page = file.page
            in_a_nav = page is not None and (page.parent or page.previous_page or page.next_page)
            if in_a_nav and "title" not in vars(page):
                log.warning(
                    "wenji: slice %s: %s has no title in the nav of mkdocs.yml; other slices "
                    "would show a different one: give it a title there",
                    self.shard,
                    file.src_uri,
                )
            self._left_out.append((file, file.inclusion))
            file.inclusion = InclusionLevel.EXCLUDED
        own = sum(1 for key in texts if self.shard.owns(key))
        log.info("wenji: slice %s: rendering %d of %d texts", self.shard, own, len(texts))

    def indexes(self, src_uri: str) -> bool:
        """Whether this slice gives the page to search: its texts, and the other pages
        (rendered by every slice) whose path hashes to it, so that each is indexed once."""
        return self.shard.owns(self._texts.get(src_uri, src_uri))

    def finish(self, config: MkDocsConfig) -> None:
        """Put the left-out pages back, write the sitemap with every page, then the manifest."""
        for file, inclusion in self._left_out:
            file.inclusion = inclusion
        self._left_out.clear()
        if self.env and self._nav and SITEMAP in config.theme.static_templates:
            # MkDocs' own function, as in a single build: same bytes, same gzip time.
            _build_theme_template(SITEMAP, self.env, self._files, config, self._nav)
        site = Path(config.site_dir)
        bundles = [
            bundle_path(prefix)
            for prefix in ("", *self.editions)
            if (site / bundle_path(prefix) / self.shard.folder / "pagefind-entry.json").is_file()
        ]
        data = manifest(self.shard, self._fingerprint, bundles)
        (site / MANIFEST).write_text(data, encoding="utf-8")


def configure_slice(
    settings: WenjiConfig, config: MkDocsConfig, serving: bool
) -> SliceBuild | None:
    """The slice this build makes, or None for the whole site; ``WENJI_SHARD`` wins over
    ``extra.wenji.shard``. A bad value stops the build with a message."""
    try:
        shard = chosen_shard(settings.shard, os.environ.get(ENVIRONMENT))
    except ValueError as error:
        raise PluginError(f"invalid wenji configuration: {error}") from None
    if shard is None:
        return None
    if serving:
        log.info("wenji: slice %s ignored: `mkdocs serve` shows the whole site", shard)
        return None
    if settings.search == "material" and _has_search_plugin(config):
        raise PluginError(
            f"invalid wenji configuration: slice {shard}: Material's search index is one "
            "file for the whole site and cannot be merged; use extra.wenji.search: pagefind"
        )
    if (Path(config.docs_dir) / MANIFEST).exists():
        raise PluginError(f"docs/{MANIFEST}: the name of a slice's manifest; rename the file")
    return SliceBuild(shard, tuple(e.prefix for e in settings.editions))


def _has_search_plugin(config: MkDocsConfig) -> bool:
    return any(name in config.plugins for name in ("material/search", "search"))
