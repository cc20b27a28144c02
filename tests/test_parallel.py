"""The per-text work in worker processes (``extra.wenji.workers``, ``wenji.parallel``).

One fixture corpus (the seed texts in five folders, plus texts in other encodings, an
empty one and one in the other script), built for real with one and with two workers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEED_CORPUS, Build, run_mkdocs, write_project
from wenji.parallel import FAULT_VARIABLE, PARALLEL_FROM

EDITION = """\
extra:
  wenji:
    workers: {workers}
    editions:
      - prefix: zh-tw
        opencc: s2tw
        language: zh-TW
        name: 繁體
"""
ENVIRONMENT = {"SOURCE_DATE_EPOCH": "1767225600"}  # sitemap.xml.gz carries a time


def _corpus() -> dict[str, bytes | str]:
    seeds = sorted(SEED_CORPUS.rglob("*.txt"))
    texts: dict[str, bytes | str] = {}
    for folder in ("a", "b", "c", "d", "e"):
        for seed in seeds:
            texts[f"{folder}/{seed.name}"] = seed.read_bytes()
    speech = seeds[0].read_text(encoding="utf-8")
    texts["enc/gb18030.txt"] = speech.encode("gb18030")
    texts["enc/utf16.txt"] = speech.encode("utf-16")
    texts["enc/traditional.txt"] = "關於加強學習的通知\n\n各單位：\n\n請認真組織學習。\n"
    texts["enc/empty.txt"] = b""
    assert len(texts) >= PARALLEL_FROM + 4  # enough to use the pool
    return texts


def _build(root: Path, workers: int, *args: str, env: dict[str, str] | None = None) -> Build:
    config = write_project(root, _corpus(), EDITION.format(workers=workers))
    return run_mkdocs(config, root / "site", *args, env={**ENVIRONMENT, **(env or {})})


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_workers_build_the_same_site_byte_for_byte(tmp_path: Path) -> None:
    one = _build(tmp_path / "one", 1)
    two = _build(tmp_path / "two", 2)
    assert one.returncode == 0, one.log
    assert two.returncode == 0, two.log
    assert "in 2 worker processes" in two.log and "worker processes" not in one.log
    sequential, parallel = _files(one.site), _files(two.site)
    assert len(sequential) > 100
    assert sorted(sequential) == sorted(parallel)
    different = [name for name in sequential if sequential[name] != parallel[name]]
    assert different == []
    assert one.warnings == two.warnings  # the empty text, in both


def test_a_failing_text_and_a_dying_worker_are_warnings_and_the_rest_is_built(
    tmp_path: Path,
) -> None:
    faults = "raise:c/leaders-seminar-speech.txt,exit:b/theory-group-statement.txt"
    build = _build(tmp_path, 2, "--strict", env={FAULT_VARIABLE: faults})
    assert build.returncode != 0  # --strict stops the build at the warnings
    failed = [w for w in build.warnings if "c/leaders-seminar-speech.txt" in w]
    assert len(failed) == 1 and "internal error RuntimeError" in failed[0], build.warnings
    crash = [w for w in build.warnings if "worker process stopped unexpectedly" in w]
    assert len(crash) == 1, build.log
    assert not (build.site / "c" / "leaders-seminar-speech").exists()
    for folder in ("a", "b", "d", "e"):
        assert (build.site / folder / "leaders-seminar-speech" / "index.html").is_file()
        assert (build.site / "zh-tw" / folder / "theory-group-statement" / "index.html").is_file()
    assert (build.site / "b" / "theory-group-statement" / "index.html").is_file()


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_ctrl_c_leaves_no_worker_process_running(tmp_path: Path) -> None:
    config = write_project(tmp_path, _corpus(), EDITION.format(workers=2))
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "NO_MKDOCS_2_WARNING": "1",
        FAULT_VARIABLE: "sleep:a/leaders-seminar-speech.txt",  # a worker busy for a minute
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    build = subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    while len(seen) < 2 and time.monotonic() < deadline and build.poll() is None:
        seen |= _descendants(build.pid)
        time.sleep(0.05)
    assert len(seen) >= 2, "the workers never started"
    time.sleep(1.0)  # the workers are past their start
    seen |= _descendants(build.pid)
    build.send_signal(signal.SIGINT)
    output, _ = build.communicate(timeout=60)
    assert build.returncode != 0
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in seen) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in seen if _alive(pid)] == [], output.decode(errors="replace")
    assert os.environ.get(FAULT_VARIABLE) is None
