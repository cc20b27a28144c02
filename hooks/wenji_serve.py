"""MkDocs adapter: ``mkdocs serve`` keeps the theme's compiled templates between rebuilds.

(How serve watches the corpus is ``wenji_watch``.)
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class TemplateCache(BytecodeCache):
    """The theme's templates compiled once per ``mkdocs serve``, not once per rebuild.

    MkDocs makes a new Jinja environment for every rebuild, which parses and compiles
    Material's 40-odd templates again: about half a second, most of a one-page rebuild of a
    1,000-text site (bench/README.md, serve --dirty). Jinja's bytecode cache keys each
    template by name and file and checks its source's checksum, so an edited template
    (``--watch-theme``) is compiled again.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()

    def __len__(self) -> int:
        return len(self._compiled)
