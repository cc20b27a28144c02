"""One slice of a site: which texts a build renders when the corpus is built in N slices.

A slice is ``K/N`` (``extra.wenji.shard: "2/8"`` or ``WENJI_SHARD=2/8``; the environment
wins). Slice K renders the texts whose corpus path hashes to K (:func:`slice_of`: a stable
hash of the path alone, so a text stays in its slice when others are added or removed, and
every machine computes the same slice). Navigation, folder index pages and hand-written
pages come from the scan of the whole corpus and are rendered by every slice, identical
byte for byte; each page is indexed for search by one slice only (:meth:`Shard.owns`).
Each slice writes its Pagefind parts under ``pagefind/shard-K/`` and a manifest
(:data:`MANIFEST`) that ``wenji merge`` (:mod:`wenji.merge`) reads to join the slices.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

ENVIRONMENT = "WENJI_SHARD"
MANIFEST = "wenji-shard.json"  # at the root of a slice's site; not copied by the merge
MANIFEST_FORMAT = 1
_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    """Slice ``number`` of ``count`` (1 ≤ number ≤ count)."""

    number: int
    count: int

    def __str__(self) -> str:
        return f"{self.number}/{self.count}"

    @property
    def folder(self) -> str:
        """The folder of this slice's Pagefind parts inside each edition's bundle."""
        return f"shard-{self.number}"

    def owns(self, key: str) -> bool:
        """Whether the page or text named ``key`` (a corpus path, a page path) is ours."""
        return slice_of(key, self.count) == self.number


def slice_of(key: str, count: int) -> int:
    """The slice (1 … ``count``) of ``key``: the first 8 bytes of its SHA-256, modulo count.

    Not Python's ``hash()``, which changes from one process to the next.
    """
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def parse_shard(value: object) -> Shard:
    """``"K/N"`` as a :class:`Shard`; raises ``ValueError`` saying what is wrong."""
    match = _SHARD.match(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"expected a slice such as '2/8' (K/N, 1 ≤ K ≤ N), got {value!r}")
    number, count = int(match.group(1)), int(match.group(2))
    if not 1 <= number <= count:
        raise ValueError(f"slice {number} of {count}: expected 1 ≤ K ≤ N in 'K/N', got {value!r}")
    return Shard(number, count)


def chosen_shard(configured: Shard | None, environment: str | None) -> Shard | None:
    """The slice to build: ``$WENJI_SHARD`` if set and not empty, else ``extra.wenji.shard``.

    Raises ``ValueError`` naming the variable when ``$WENJI_SHARD`` is not a slice.
    """
    if environment is None or not environment.strip():
        return configured
    try:
        return parse_shard(environment)
    except ValueError as error:
        raise ValueError(f"{ENVIRONMENT}: {error}") from None


def site_fingerprint(pages: Iterable[str], count: int) -> str:
    """What every slice of one site shares: the number of slices and every page's path.

    Slices built from different corpora or configurations differ here, and the merge says
    so before it compares any file.
    """
    digest = hashlib.sha256(f"{count}\n".encode())
    for page in sorted(pages):
        digest.update(page.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def manifest(shard: Shard, fingerprint: str, bundles: Iterable[str]) -> str:
    """The manifest a slice writes at :data:`MANIFEST`: which slice it is, of which site,
    and the search bundles (``pagefind/``, ``zh-tw/pagefind/`` …) it wrote parts for."""
    data: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "shard": shard.number,
        "of": shard.count,
        "site": fingerprint,
        "bundles": sorted(bundles),
    }
    return json.dumps(data, indent=1) + "\n"
