"""MkDocs adapter: what an edition's templates see, and page URLs.

Material reads the site configuration from the template context; an edition's pages get a
view of it with their own theme language and language-switcher links (:class:`ConfigView`).
"""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs.structure.pages import Page


def page_url(uri: str, config_use_directory_urls: bool) -> str:
    """The URL of the page made from ``uri`` (a Markdown path), relative to the site root."""
    stem = uri[: -len(".md")] if uri.endswith(".md") else uri
    if not config_use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_to_page(page: Page, site_path: str) -> str:
    """``site_path`` (relative to the site root) as a link from ``page``."""
    url = page.url
    page_dir = url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)
    link = posixpath.relpath(site_path.rstrip("/"), page_dir or ".")
    return link + "/" if site_path.endswith("/") else link


class ConfigView:
    """The site configuration as one edition's templates should see it.

    Material reads ``config.theme.language`` for UI strings and ``config.extra.alternate``
    for the language switcher; everything else is the real configuration.
    """

    def __init__(
        self,
        config: Any,
        theme_language: str | None,
        extra: dict[str, Any],
        top: dict[str, Any],
    ) -> None:
        self._config = config
        theme = Overlay(config.theme, {"language": theme_language} if theme_language else {})
        extra = {key: value for key, value in extra.items() if value}
        self._overrides = {"theme": theme, "extra": Overlay(config.extra, extra), **top}

    def __getattr__(self, name: str) -> Any:
        if name in self._overrides:
            return self._overrides[name]
        return getattr(self._config, name)

    def __getitem__(self, key: str) -> Any:
        if key in self._overrides:
            return self._overrides[key]
        return self._config[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default  # noqa: SIM401 (this *is* get)

    def __contains__(self, key: object) -> bool:
        return key in self._overrides or key in self._config

    def __iter__(self) -> Any:
        return iter(self._config)


class Overlay(ConfigView):
    """A mapping-like object with some keys replaced."""

    def __init__(self, base: Any, overrides: dict[str, Any]) -> None:
        self._config = base
        self._overrides = overrides
