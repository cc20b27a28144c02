"""Join the Pagefind parts of an already built site, as the build does (wenji.pagefind_merge).

    .venv/bin/python bench/join_index.py SITE [SITE …]

For a site built with the parts kept (``WENJI_SEARCH_MERGE=0``, or before the merge
existed), each edition's bundle (``pagefind/``, ``zh-tw/pagefind/`` …, found by its
``wenji-parts.json``) is joined into one bundle and replaces its parts; prints per bundle
the parts, pages, index chunks before and after, the seconds and the process's peak RSS
so far. Changes SITE in place: run it on a copy (``cp -al`` shares the files, and the
merge never writes into a part's files, only beside them).
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from wenji.pagefind_merge import merge_parts


def join(bundle: Path) -> str:
    listed = json.loads((bundle / "wenji-parts.json").read_text(encoding="utf-8"))["parts"]
    if not listed:
        return f"{bundle}: one part already"
    folders = [bundle, *(bundle / part for part in listed)]
    chunks = sum(len(list((folder / "index").iterdir())) for folder in folders)
    joined = bundle.with_name(f".{bundle.name}-joined")
    started = time.perf_counter()
    pages = merge_parts(folders, joined)
    seconds = time.perf_counter() - started
    shutil.rmtree(bundle)
    joined.rename(bundle)
    (bundle / "wenji-parts.json").write_text(json.dumps({"parts": []}), encoding="utf-8")
    after = len(list((bundle / "index").iterdir()))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"{bundle}: {len(folders)} parts, {pages} pages, index chunks {chunks} -> {after}, "
        f"{seconds:.1f} s, peak RSS so far {rss:.0f} MB"
    )


def main() -> None:
    for site in map(Path, sys.argv[1:]):
        for listing in sorted(site.rglob("wenji-parts.json")):
            print(join(listing.parent), flush=True)


if __name__ == "__main__":
    main()
