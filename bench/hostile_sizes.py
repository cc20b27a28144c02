"""Huge and degenerate single texts through a real ``mkdocs build``: time and peak memory.

Each run writes one text into a fresh project that uses the shipped ``mkdocs.yml`` (theme,
Markdown extensions, hooks, the Traditional edition; ``--search`` chooses the backend) and
builds it in a subprocess; wall time and peak RSS come from ``os.wait4`` (the build and its
children, e.g. Pagefind). Shapes, all made of the texts in ``corpus/``:

- ``ordinary``: the body lines of the shipped texts repeated, the reference;
- ``applause``: ``（掌声）`` on every line (tiny identical paragraphs);
- ``one-line``: the same words as ``ordinary`` on a single line;
- ``punctuation``: ``ordinary`` with every other character replaced by ASCII punctuation;
- ``headings``: every line starts with ``一、``-style numbering.

    .venv/bin/python bench/hostile_sizes.py --sizes 2,20,50 --shapes ordinary,applause

Figures and commands are recorded in bench/README.md (section "Hostile sizes").
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from wenji.patterns import int_to_cn  # noqa: E402


def _body_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "corpus").rglob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        lines += [line.strip() for line in text.splitlines() if line.strip()]
    return lines


def _repeat(lines: list[str], megabytes: float) -> list[str]:
    out, size, index = [], 0, 0
    while size < megabytes * 1e6:
        line = lines[index % len(lines)]
        out.append(line)
        size += len(line.encode()) + 1
        index += 1
    return out


def ordinary(megabytes: float) -> str:
    return "超长文本测试\n" + "\n".join(_repeat(_body_lines(), megabytes)) + "\n"


def applause(megabytes: float) -> str:
    return "掌声测试\n" + "（掌声）\n" * int(megabytes * 1e6 / len("（掌声）\n".encode()))


def one_line(megabytes: float) -> str:
    return "单行测试\n" + "".join(_repeat(_body_lines(), megabytes)) + "\n"


def punctuation(megabytes: float) -> str:
    marks = "*_`#<>&[](){}!|\\~^=+-.:;\"'/@$%"
    text = ordinary(megabytes * 1.5)  # half the characters become one byte instead of three
    return "".join(c if i % 2 or c == "\n" else marks[i % len(marks)] for i, c in enumerate(text))


_LEADING = re.compile(r"^\W+")


def headings(megabytes: float) -> str:
    lines = _repeat(_body_lines(), megabytes)
    numbered = [f"{int_to_cn(n % 99 + 1)}、{_LEADING.sub('', t)}" for n, t in enumerate(lines)]
    return "编号测试\n" + "\n".join(numbered) + "\n"


SHAPES: dict[str, Callable[[float], str]] = {
    "ordinary": ordinary,
    "applause": applause,
    "one-line": one_line,
    "punctuation": punctuation,
    "headings": headings,
}


def build(text: str, search: str, work: Path) -> tuple[float, float, float, int, str]:
    """Wall and CPU seconds, peak RSS (MB), exit code and last log lines of one build."""
    if work.exists():
        shutil.rmtree(work)
    (work / "corpus").mkdir(parents=True)
    shutil.copytree(ROOT / "docs", work / "docs")
    (work / "corpus" / "big.txt").write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks/wenji_hooks.py", str(ROOT / "hooks" / "wenji_hooks.py"))
    if search == "none":  # no search plugin: no index, the hooks' and MkDocs' own work only
        config = re.sub(r"(?m)^plugins:\n(?:  .*\n)*", "plugins: []\n", config)
        config = re.sub(r"search: pagefind\b", "search: material", config)
    else:
        config = re.sub(r"search: pagefind\b", f"search: {search}", config)
    config = re.sub(r"(?m)^    folder_titles:\n(?:      .*\n)*", "", config)
    config = re.sub(r"(?m)^watch:\n(?:  - .*\n)*", "", config)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", "site"]
    started = time.perf_counter()
    with open(work / "build.log", "w") as log:
        process = subprocess.Popen(command, cwd=work, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    tail = (work / "build.log").read_text(encoding="utf-8", errors="replace")[-600:]
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), tail


_STAGES = re.compile(r"pages from \d+ texts in [\d.]+ s \(([^)]*)\)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2,20", help="megabytes, comma-separated")
    parser.add_argument("--shapes", default="ordinary,applause", help=",".join(SHAPES))
    parser.add_argument("--search", default="pagefind", choices=("pagefind", "material", "none"))
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "wenji-hostile")
    args = parser.parse_args()
    print("| shape | MB | wall s | CPU s | peak RSS MB | exit | stages (hooks' log) |", flush=True)
    print("|---|---:|---:|---:|---:|---:|---|", flush=True)
    for size in (float(s) for s in args.sizes.split(",")):
        for shape in args.shapes.split(","):
            text = SHAPES[shape](size)
            seconds, cpu, rss, code, tail = build(text, args.search, args.work / shape)
            mb = len(text.encode()) / 1e6
            stages = _STAGES.search(tail)
            row = f"| {shape} | {mb:.1f} | {seconds:.1f} | {cpu:.1f} | {rss:.0f} | {code} |"
            print(f"{row} {stages.group(1) if stages else ''} |", flush=True)
            if code:
                print(tail, file=sys.stderr)


if __name__ == "__main__":
    main()
