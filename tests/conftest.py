"""Shared fixtures: the repository, the shipped corpus, and real MkDocs builds."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
HOOKS = ROOT / "hooks" / "wenji_hooks.py"
SEEDS = {
    "four-dares-study-exchange": CORPUS / "study" / "four-dares-study-exchange.txt",
    "county-four-dares-mobilisation": CORPUS
    / "mobilisation"
    / "county-four-dares-mobilisation.txt",
    "city-four-dares-mobilisation": CORPUS / "mobilisation" / "city-four-dares-mobilisation.txt",
    "leaders-seminar-speech": CORPUS / "study" / "leaders-seminar-speech.txt",
    "theory-group-statement": CORPUS / "study" / "theory-group-statement.txt",
}


@dataclass(frozen=True)
class Build:
    """A finished ``mkdocs build``: where the site is and what the build logged."""

    site: Path
    returncode: int
    log: str

    def page(self, uri: str) -> str:
        return (self.site / uri / "index.html").read_text(encoding="utf-8")

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith("WARNING")]


def run_mkdocs(config_file: Path, site_dir: Path, *args: str) -> Build:
    """Run the real ``mkdocs build`` in a subprocess, as a curator would."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)]
    result = subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(site_dir.parent)},
        timeout=600,
    )
    return Build(site_dir, result.returncode, result.stdout + result.stderr)


def write_project(
    root: Path, texts: dict[str, bytes | str], extra_yaml: str = "", search: bool = False
) -> Path:
    """A throw-away project using the real hook file; returns its mkdocs.yml."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, content in texts.items():
        path = root / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    config = root / "mkdocs.yml"
    plugins = "plugins:\n  - search:\n      lang: zh\n" if search else "plugins: []\n"
    config.write_text(
        textwrap.dedent(
            f"""\
            site_name: test
            theme:
              name: material
              language: zh
              font: false
            markdown_extensions:
              - toc:
                  permalink: true
              - attr_list
            hooks:
              - {HOOKS}
            """
        )
        + plugins
        + extra_yaml,
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The shipped site, built with ``--strict`` exactly as the README says."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    return run_mkdocs(ROOT / "mkdocs.yml", site, "--strict")
