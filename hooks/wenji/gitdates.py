"""When each text was last changed, according to git: one ``git log`` per build.

``git log --name-only`` over the corpus folder lists every commit once, newest first, with
the files it touched, so the whole corpus costs one process and time linear in its history.
Outside a repository, without git, or for a file git does not track there is simply no date.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 60
_COMMIT = "\x01"  # starts each commit's record in the log output


@dataclass(frozen=True)
class LastCommit:
    """The newest commit that touched a file."""

    timestamp: int  # seconds since the epoch
    date: str  # YYYY-MM-DD, in the committer's time zone


def last_commits(folder: Path) -> dict[str, LastCommit]:
    """Every file below ``folder`` that git knows, as a POSIX path relative to ``folder``.

    Empty when ``folder`` is not in a git work tree, git is missing or fails.
    """
    if not folder.is_dir():
        return {}
    command = [
        "git",
        "-C",
        str(folder),
        "log",
        f"--format={_COMMIT}%ct %cs",
        "-z",  # NUL-separated names, never quoted
        "--name-only",
        "--no-renames",
        "--relative",  # names relative to ``folder``; nothing outside it
        "--",
        ".",
    ]
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout.decode("utf-8", "surrogateescape"))


def parse_log(output: str) -> dict[str, LastCommit]:
    """The newest commit of each name in ``git log -z --name-only`` output (newest first)."""
    found: dict[str, LastCommit] = {}
    for record in output.split(_COMMIT):
        header, _, names = record.partition("\0")
        timestamp, _, date = header.strip().partition(" ")
        if not timestamp.isdigit():
            continue
        commit = LastCommit(int(timestamp), date)
        for name in names.lstrip("\n").split("\0"):
            if not name:
                continue
            previous = found.get(name)
            if previous is None or previous.timestamp < commit.timestamp:
                found[name] = commit
    return found
