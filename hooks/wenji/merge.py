"""``wenji merge``: join the slices of a site (:mod:`wenji.shard`) into one site.

Every file of every slice is copied into the output. A file that several slices wrote
(the theme's files, folder index pages, the home page, the sitemap) must be the same
bytes in each, else the merge stops naming the file and two slices that differ. Each
edition's search parts (``pagefind/shard-K/…``) are then listed in one
``pagefind/wenji-parts.json``, which ``assets/search.js`` reads: the first slice's first
part is the bundle the browser loads (``main``), every other part is merged into it.

Nothing outside the given folders is read (a symbolic link in a slice is an error, not
followed), the output may not lie inside a slice nor a slice inside it, and the output
appears only when the merge succeeded: it is built in a hidden folder beside it first.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .indexer import PARTS_FILE
from .shard import ENVIRONMENT, MANIFEST, MANIFEST_FORMAT


class MergeError(Exception):
    """The slices cannot be merged; the message says which file or slice and why."""


@dataclass(frozen=True)
class Slice:
    """A slice's site folder and what its manifest says."""

    site: Path
    number: int
    count: int
    fingerprint: str
    bundles: tuple[str, ...]


@dataclass(frozen=True)
class MergeReport:
    slices: int
    files: int  # files in the merged site
    shared: int  # files several slices wrote, found identical
    parts: int  # search parts listed, over every edition


def merge_sites(inputs: list[Path], out: Path) -> MergeReport:
    """Merge the slice sites ``inputs`` into ``out`` (which must not exist or be empty)."""
    if not inputs:
        raise MergeError("no slices given")
    sites = [_checked_input(site) for site in inputs]
    _check_output(out, sites)
    slices = sorted((_read_manifest(site) for site in sites), key=lambda s: s.number)
    _check_complete(slices)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-merging-", dir=out.parent))
    try:
        origin: dict[str, Path] = {}
        shared = 0
        for piece in slices:
            shared += _copy_slice(piece.site, staging, origin)
        parts = _write_part_lists(slices, staging)
        if out.exists():
            out.rmdir()  # empty, checked above
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return MergeReport(len(slices), len(origin) + parts[0], shared, parts[1])


def _checked_input(site: Path) -> Path:
    if site.is_symlink() or not site.is_dir():
        raise MergeError(f"{site}: not a folder (give the site folder of each slice)")
    return site.resolve()


def _check_output(out: Path, sites: list[Path]) -> None:
    target = out.resolve()
    for site in sites:
        if target == site or target.is_relative_to(site):
            raise MergeError(f"--out {out} is inside the slice {site}: choose a folder outside")
        if site.is_relative_to(target):
            raise MergeError(f"the slice {site} is inside --out {out}: choose another --out")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise MergeError(f"--out {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        raise MergeError(f"--out {out} is not empty: give a new or empty folder")


def _read_manifest(site: Path) -> Slice:
    path = site / MANIFEST
    if path.is_symlink() or not path.is_file():
        raise MergeError(
            f"{site}: no {MANIFEST}, so not a slice of a wenji site "
            f"(build each slice with {ENVIRONMENT}=K/N or extra.wenji.shard)"
        )
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        slice_ = Slice(
            site,
            int(data["shard"]),
            int(data["of"]),
            str(data["site"]),
            tuple(str(b) for b in data["bundles"]),
        )
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {MANIFEST_FORMAT}")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise MergeError(f"{path}: unreadable slice manifest ({error})") from None
    for bundle in slice_.bundles:
        if not _safe_relative(bundle):
            raise MergeError(f"{path}: bundle {bundle!r} is not a folder inside the site")
    return slice_


def _check_complete(slices: list[Slice]) -> None:
    """Every slice 1 … N of one site, each once."""
    first = slices[0]
    for piece in slices[1:]:
        if piece.count != first.count:
            raise MergeError(
                f"{first.site} is slice {first.number} of {first.count} but {piece.site} is "
                f"slice {piece.number} of {piece.count}: build every slice with the same N"
            )
        if piece.fingerprint != first.fingerprint:
            raise MergeError(
                f"{first.site} and {piece.site} are slices of different sites (other texts "
                "or settings): build every slice from the same commit and mkdocs.yml"
            )
    numbers = [piece.number for piece in slices]
    for number in sorted(set(numbers)):
        if numbers.count(number) > 1:
            twice = ", ".join(str(p.site) for p in slices if p.number == number)
            raise MergeError(f"slice {number} of {first.count} given twice: {twice}")
    missing = [str(n) for n in range(1, first.count + 1) if n not in numbers]
    if missing:
        raise MergeError(
            f"slice{'s' if len(missing) > 1 else ''} {', '.join(missing)} of {first.count} "
            "missing: the merged site would lack their texts"
        )


def _copy_slice(site: Path, out: Path, origin: dict[str, Path]) -> int:
    """Copy ``site`` into ``out``; files already there must be identical. Returns how many
    were."""
    shared = 0
    for folder, dirs, names in os.walk(site):
        here = Path(folder)
        dirs.sort()
        for name in sorted(dirs):
            if (here / name).is_symlink():
                raise MergeError(f"{here / name}: a symbolic link; a slice holds none")
        for name in sorted(names):
            source = here / name
            relative = source.relative_to(site).as_posix()
            if relative == MANIFEST:
                continue
            if source.is_symlink() or not source.is_file():
                raise MergeError(f"{source}: not a regular file; a slice holds only files")
            target = out / relative
            if relative in origin:
                if not filecmp.cmp(source, target, shallow=False):
                    raise MergeError(
                        f"{relative}: written by two slices with different content "
                        f"({origin[relative]} and {site}); every slice must be built from "
                        "the same commit, mkdocs.yml and SOURCE_DATE_EPOCH"
                    )
                shared += 1
                continue
            if target.exists():  # a file and a folder of the same name in two slices
                raise MergeError(f"{relative}: a file in {site}, a folder in another slice")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            origin[relative] = site
    return shared


def _write_part_lists(slices: list[Slice], out: Path) -> tuple[int, int]:
    """One ``wenji-parts.json`` per bundle; returns (lists written, parts listed)."""
    bundles = sorted({bundle for piece in slices for bundle in piece.bundles})
    listed = 0
    for bundle in bundles:
        parts: list[str] = []
        for piece in slices:
            if bundle not in piece.bundles:
                continue
            folder = f"shard-{piece.number}/"
            own = out / bundle / folder / PARTS_FILE
            try:
                inner = json.loads(own.read_text(encoding="utf-8"))["parts"]
            except (OSError, ValueError, KeyError, TypeError) as error:
                raise MergeError(f"{piece.site / bundle / folder / PARTS_FILE}: {error}") from None
            parts.append(folder)
            for part in inner:
                if not isinstance(part, str) or not _safe_relative(part):
                    raise MergeError(f"{piece.site / bundle / folder}: bad part {part!r}")
                parts.append(folder + part)
        target = out / bundle / PARTS_FILE
        if target.exists():
            raise MergeError(f"{bundle}{PARTS_FILE}: written by a slice; slices write their own")
        data = {"main": parts[0], "parts": parts[1:]}
        target.write_text(json.dumps(data), encoding="utf-8")
        listed += len(parts)
    return len(bundles), listed


def _safe_relative(path: str) -> bool:
    """A relative path inside the site: no root, no ``..``, no backslash."""
    pieces = path.strip("/").split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and ".." not in pieces
