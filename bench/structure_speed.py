"""Seconds the metadata and structure stages take on one large text (linear in its size).

Run ``python bench/structure_speed.py``: three texts of about 1 MB each, built from texts
of the fidelity corpus or from one lead-sentence paragraph repeated (8,000 leads in one
run, the case that was quadratic before), each timed as the median of three runs.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from wenji.clean import clean_lines
from wenji.decode import decode
from wenji.metadata import read_header
from wenji.structure import detect_structure

FIDELITY = Path(__file__).resolve().parent / "fidelity" / "texts"


def seconds(text: str) -> float:
    lines = clean_lines(text)
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        header = read_header(lines, {}, "x.txt")
        detect_structure(header.body, "x.txt")
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    body = "这一段是正文，内容足够长，用来说明问题。" * 2
    leads = "\n".join(["标题"] + [f"着力在推动发展上见真章{i % 10}。{body}" for i in range(8000)])
    law = decode((FIDELITY / "law" / "tw-civil-code.txt").read_bytes()).text
    report = decode((FIDELITY / "report" / "prc-gwr-2017.txt").read_bytes()).text
    for name, text in (
        ("8,000 parallel leads", leads),
        ("tw-civil-code.txt x4", "\n".join([law] * 4)),
        ("prc-gwr-2017.txt x18", "\n".join([report] * 18)),
    ):
        size = len(text.encode("utf-8")) / 1e6
        print(f"{name}: {size:.2f} MB, metadata + structure {seconds(text):.2f} s")


if __name__ == "__main__":
    main()
