"""MkDocs adapter: what surrounds a page's text: its navigation window, an edition's
theme language and language switcher (``page_context``), and ``<html lang>``, minifying
and Pagefind's marks on the finished HTML (``finish_page``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from wenji import navwindow
from wenji.editions import EditionBuilder, edition_uri, material_language
from wenji.icons import SPRITE_PATH
from wenji.minify import minify_html
from wenji.search import bundle_path, mark_article, silence_material_worker
from wenji_context import ConfigView, page_url, relative_to_page
from wenji_state import BuildState, log

WHOLE_FOLDER = "全部 {count} 篇"  # the link after a folder's window of siblings in the nav
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, state: BuildState
) -> dict[str, Any]:
    """The page's navigation (its edition's, windowed) and, with editions, its config view."""
    prefix = state.edition_of(page.file.src_uri)
    if prefix:
        context["nav"] = state.edition_navs[prefix]
    builder = state.editions.get(prefix)
    context["nav"] = _nav_window(context["nav"], page, builder, _prunes(config))
    if not state.editions:
        return context
    context["config"] = ConfigView(
        config,
        theme_language=material_language(builder.edition.language) if builder else None,
        extra={
            "alternate": _alternates(page, prefix, state),
            "homepage": f"{prefix}/" if prefix else "",
        },
        top={
            "site_name": builder.name(config.site_name),
            "site_description": builder.name(config.site_description or ""),
        }
        if builder
        else {},
    )
    return context


def _nav_window(nav: Navigation, page: Page, builder: EditionBuilder | None, pruned: bool) -> Any:
    """The navigation with at most a window of each folder's items on the page's path."""
    convert = builder.text if builder is not None else str

    def more_title(count: int) -> str:
        return convert(WHOLE_FOLDER.format(count=f"{count:,}"))

    return navwindow.windowed(nav, page, more_title, pruned=pruned)


def _prunes(config: MkDocsConfig) -> bool:
    """Whether Material draws every section off the page's path as one link."""
    features = set(config.theme.get("features") or ())
    unpruned = {"navigation.tabs", "navigation.sections", "navigation.expand"}
    return "navigation.prune" in features and not features & unpruned


def _alternates(page: Page, prefix: str, state: BuildState) -> list[dict[str, str]]:
    """The language switcher's links: this very page in every script edition."""
    primary_uri = page.file.src_uri[len(prefix) + 1 :] if prefix else page.file.src_uri
    settings = state.settings
    links = []
    for edition_prefix, name, language in [
        ("", settings.primary_name, settings.primary_language),
        *((e.prefix, e.name, e.language) for e in settings.editions),
    ]:
        uri = edition_uri(edition_prefix, primary_uri) if edition_prefix else primary_uri
        url = page_url(uri, config_use_directory_urls=page.file.use_directory_urls)
        links.append({"name": html.escape(name), "link": url, "lang": html.escape(language)})
    return links


def write_icon_sprite(site_dir: Path, state: BuildState) -> None:
    """The icons the pages refer to, merged with those of an earlier build's sprite."""
    if not state.icons.symbols:
        return
    path = site_dir / SPRITE_PATH
    try:
        earlier = path.read_text(encoding="utf-8") if path.is_file() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(state.icons.document(earlier), encoding="utf-8")
    except OSError as error:
        log.warning("wenji: could not write the icons of the pages to %s: %s", path, error)


def finish_page(output: str, page: Page, state: BuildState) -> str:
    """``<html lang>`` says the script: zh-Hans for the primary pages, the edition's tag
    else; minified if asked; marked for Pagefind and handed to its index."""
    prefix = state.edition_of(page.file.src_uri)
    settings = state.settings
    language = state.editions[prefix].edition.language if prefix else settings.primary_language
    html_tag = f'<html lang="{html.escape(language)}"'
    if state.pagefind:
        html_tag += f' data-wenji-pagefind="{relative_to_page(page, bundle_path(prefix))}"'
    output = _HTML_LANG.sub(html_tag, output, count=1)
    if settings.minify_html:
        output = minify_html(output)
        if page.file.src_uri != "404.md":  # served at any address: its links are not relative
            output = state.icons.extract(output, relative_to_page(page, SPRITE_PATH))
    if not state.pagefind:
        return output
    output, found = silence_material_worker(mark_article(output))
    if not found and not state.worker_missing:
        state.worker_missing = True
        log.warning(
            "wenji: search: Material's search worker is not named in %s; its own (empty) "
            "search may answer queries instead of Pagefind",
            page.file.src_uri,
        )
    if state.index is not None and (not state.shard or state.shard.indexes(page.file.src_uri)):
        state.index.add(page.file.dest_uri, output)
    return output
