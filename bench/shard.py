"""A site built whole and in N slices: ``.venv/bin/python bench/shard.py [--n 1000] [--slices 2]``.

The corpus of ``bench/run.py`` (``bench/corpus.py``, N texts) with the Traditional edition
and Pagefind, as ``mkdocs.yml`` ships: one ``mkdocs build``, then slice 1 … N one after
the other (``WENJI_SHARD=K/N``; on N machines they would run at once), then
``wenji merge``. Prints wall and CPU time and peak RSS of each, and checks that the merged
site has the single build's files, byte for byte outside the Pagefind bundles.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PYTHON, Build, Project, environment, run_build

VARIANT = "tw-pagefind"


def build(project: Project, variant: str, shard: str = "") -> Build:
    if variant != VARIANT:
        project.config(variant).write_text(project.config(VARIANT).read_text("utf-8"), "utf-8")
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"  # the same date in every build's sitemap
    os.environ.pop("WENJI_SHARD", None)
    if shard:
        os.environ["WENJI_SHARD"] = shard
    result = run_build(project, variant)
    if result.returncode != 0:
        raise SystemExit(f"{variant}: mkdocs build failed")
    return result


def files(site: Path) -> dict[str, Path]:
    found = {}
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and "pagefind" not in relative.split("/"):
            found[relative] = path
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="texts (default 1000)")
    parser.add_argument("--slices", type=int, default=2, help="N (default 2)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/wenji-bench-shard"))
    args = parser.parse_args()
    project = Project(args.n, args.work)
    project.prepare([VARIANT])
    print(f"load average before: {os.getloadavg()}", flush=True)
    rows = [("whole", build(project, VARIANT))]
    for k in range(1, args.slices + 1):
        rows.append((f"slice {k}/{args.slices}", build(project, f"slice{k}", f"{k}/{args.slices}")))
    merged = args.work / "site-merged"
    started = time.perf_counter()
    slices = [str(project.site(f"slice{k}")) for k in range(1, args.slices + 1)]
    command = [str(PYTHON), "-m", "wenji", "merge", *slices, "--out", str(merged)]
    result = subprocess.run(command, capture_output=True, text=True, env=environment())
    merge_seconds = time.perf_counter() - started
    print(f"load average after: {os.getloadavg()}")
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    print(f"{'build':<12} {'wall s':>8} {'CPU s':>8} {'RSS MB':>8}  summary")
    for name, row in rows:
        print(f"{name:<12} {row.seconds:8.1f} {row.cpu:8.1f} {row.rss_mb:8.0f}  {row.summary}")
    slowest = max(row.seconds for _, row in rows[1:])
    print(f"merge        {merge_seconds:8.1f}  {result.stdout.strip()}")
    print(
        f"whole {rows[0][1].seconds:.1f} s; slices at once (slowest + merge) "
        f"{slowest + merge_seconds:.1f} s; slices one after another "
        f"{sum(row.seconds for _, row in rows[1:]) + merge_seconds:.1f} s"
    )
    whole, joined = files(project.site(VARIANT)), files(merged)
    different = sorted(
        n for n in whole if n not in joined or whole[n].read_bytes() != joined[n].read_bytes()
    )
    extra = sorted(set(joined) - set(whole))
    print(
        f"files outside Pagefind: {len(whole)} whole, {len(joined)} merged; "
        f"different or missing: {len(different)} {different[:5]}; extra: {extra[:5]}"
    )
    return 0 if not different and not extra else 1


if __name__ == "__main__":
    raise SystemExit(main())
