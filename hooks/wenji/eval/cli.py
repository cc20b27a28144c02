"""``python -m wenji.eval``: score wenji's reading of the labelled real-text corpus.

::

    python -m wenji.eval                       # every text of bench/fidelity, worst 10
    python -m wenji.eval --kind law --worst 5  # one kind
    python -m wenji.eval --file 'law/civil*'   # texts whose manifest path matches
    python -m wenji.eval --json out.json       # every figure and every text's score
    python -m wenji.eval --check               # also list where truth does not fit its text
    python -m wenji.eval --floors              # exit 1 if a figure is below floors.json
    python -m wenji.eval --write-floors        # write today's figures (with slack) as floors
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .corpus import KINDS, load_corpus
from .floors import check_floors, make_floors
from .report import LEGEND, as_json, table, worst
from .score import MODELS_ARTICLES, score_corpus

# The repository's corpus: from the working directory, else beside this package's checkout.
DEFAULT_CORPUS = next(
    (
        path
        for path in (Path("bench/fidelity"), Path(__file__).resolve().parents[3] / "bench/fidelity")
        if (path / "manifest.tsv").is_file()
    ),
    Path("bench/fidelity"),
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wenji.eval",
        description="Score wenji on the labelled real-text corpus (bench/fidelity).",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--kind", choices=KINDS, action="append", help="only this kind")
    parser.add_argument("--file", action="append", metavar="PATTERN", help="glob on file")
    parser.add_argument("--worst", type=int, default=10, metavar="N", help="show N worst")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all figures")
    parser.add_argument("--check", action="store_true", help="list truth/text mismatches")
    parser.add_argument("--floors", action="store_true", help="fail below floors.json")
    parser.add_argument("--write-floors", action="store_true", help="rewrite floors.json")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    corpus = load_corpus(args.corpus)
    entries = [
        entry
        for entry in corpus.entries
        if (not args.kind or entry.kind in args.kind)
        and (not args.file or any(fnmatch.fnmatch(entry.file, p) for p in args.file))
    ]
    scores, groups = score_corpus(entries)
    elapsed = time.perf_counter() - started

    truth_problems = [p for score in scores for p in score.truth_problems]
    problems = corpus.problems + truth_problems
    print(f"wenji fidelity: {len(scores)} texts from {args.corpus} in {elapsed:.1f} s")
    print(table(groups))
    print(LEGEND)
    if not MODELS_ARTICLES:
        print("articles: n/a (the document model has no articles yet)")
    if problems:
        print(f"\n{len(problems)} problem(s) in the corpus" + ("" if args.check else " (--check)"))
        for problem in problems if args.check else corpus.problems[:10]:
            print(f"  {problem}")
    if args.worst > 0 and scores:
        print(f"\nworst {args.worst} (- only in truth, + only in wenji, ~ level differs):")
        print(worst(scores, args.worst))
    if args.json:
        args.json.write_text(
            json.dumps(as_json(scores, groups, problems), ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    floors_path = args.corpus / "floors.json"
    if args.write_floors:
        if args.kind or args.file:
            print("--write-floors needs the whole corpus (no --kind/--file)", file=sys.stderr)
            return 2
        floors = {"_comment": "written by python -m wenji.eval --write-floors; see floors.py"}
        floors.update(make_floors(groups))
        floors_path.write_text(
            json.dumps(floors, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"\nwrote {floors_path}")
    if args.floors:
        failures = check_floors(groups, json.loads(floors_path.read_text(encoding="utf-8")))
        for failure in failures:
            print(f"below floor: {failure}")
        return 1 if failures else 0
    return 0
