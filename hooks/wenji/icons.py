"""Icons: the theme's inline SVG icons, written once in a sprite instead of on every page.

Material inlines each icon of its header, search box, palette toggle and navigation as a
whole ``<svg>`` on every page: 11 icons, about 2.6 KB of a text page's HTML, repeated on
tens of thousands of pages (GitHub Pages limits a site to 1 GB). :class:`IconSprite`
replaces each with a reference to one ``<symbol>`` of a sprite file that the browser
fetches and caches once (``<svg viewBox="…"><use href="…/icons.svg#i…"/></svg>``); the
icon inherits its colour (``fill``) and size from the ``<svg>`` as before.

Only icons of the exact shape Material writes are moved (a ``viewBox`` and nothing but
``<path d="…"/>`` elements): an SVG with styles, gradients, text or ids of its own is
left as it is. A symbol's id is a hash of its content, so the same icon has the same id in
every page, every build and every slice of a sharded build, and a sprite written by an
earlier build (``mkdocs serve --dirty`` rebuilds only some pages) is merged, not replaced.
"""

from __future__ import annotations

import hashlib
import re

SPRITE_PATH = "assets/wenji/icons.svg"

_INLINE_ICON = re.compile(
    r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="([0-9. -]+)">'
    r'((?:<path d="[^"<>&]*"/>)+)</svg>'
)
_SYMBOL = re.compile(
    r'<symbol id="(i[0-9a-f]{10})" viewBox="([0-9. -]+)">((?:<path d="[^"<>&]*"/>)+)</symbol>'
)


class IconSprite:
    """The icons moved out of the pages of one build, by symbol id."""

    def __init__(self) -> None:
        self.symbols: dict[str, tuple[str, str]] = {}  # id -> (viewBox, paths)

    def extract(self, html: str, sprite_href: str) -> str:
        """``html`` with each inline icon replaced by a reference into the sprite at
        ``sprite_href`` (a link relative to the page)."""

        def reference(match: re.Match[str]) -> str:
            view_box, paths = match.group(1), match.group(2)
            symbol_id = "i" + hashlib.sha1(f"{view_box}|{paths}".encode()).hexdigest()[:10]
            self.symbols[symbol_id] = (view_box, paths)
            return f'<svg viewBox="{view_box}"><use href="{sprite_href}#{symbol_id}"/></svg>'

        return _INLINE_ICON.sub(reference, html)

    def document(self, earlier: str | None = None) -> str:
        """The sprite file: this build's symbols and those of ``earlier`` (the sprite an
        earlier build wrote), sorted by id so that equal sets give equal bytes."""
        symbols = dict(self.symbols)
        for symbol_id, view_box, paths in _SYMBOL.findall(earlier or ""):
            symbols.setdefault(symbol_id, (view_box, paths))
        body = "".join(
            f'<symbol id="{symbol_id}" viewBox="{view_box}">{paths}</symbol>\n'
            for symbol_id, (view_box, paths) in sorted(symbols.items())
        )
        return f'<svg xmlns="http://www.w3.org/2000/svg">\n{body}</svg>\n'
