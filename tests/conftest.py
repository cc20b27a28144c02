"""Shared fixtures: the seed corpus, throw-away projects and real MkDocs builds.

Tests never read ``corpus/``: a curator adds texts there. They build fixture corpora, most
from the five seed texts in ``tests/fixtures/seeds/`` (as ``corpus/`` shipped them) with the
shipped ``mkdocs.yml`` (``seed_site``); only ``shipped_site`` builds ``corpus/`` itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks" / "wenji_hooks.py"
SEED_CORPUS = Path(__file__).resolve().parent / "fixtures" / "seeds"
SEEDS = {
    "four-dares-study-exchange": SEED_CORPUS / "study" / "four-dares-study-exchange.txt",
    "county-four-dares-mobilisation": SEED_CORPUS
    / "mobilisation"
    / "county-four-dares-mobilisation.txt",
    "city-four-dares-mobilisation": SEED_CORPUS
    / "mobilisation"
    / "city-four-dares-mobilisation.txt",
    "leaders-seminar-speech": SEED_CORPUS / "study" / "leaders-seminar-speech.txt",
    "theory-group-statement": SEED_CORPUS / "study" / "theory-group-statement.txt",
}
MKDOCS = Path(sys.executable).parent / "mkdocs"  # the command a curator types


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


def run_mkdocs(
    config_file: Path,
    site_dir: Path,
    *args: str,
    plain: bool = False,
    env: dict[str, str] | None = None,
) -> Build:
    """Run the real ``mkdocs build`` in a subprocess, as a curator would.

    ``plain``: exactly what a curator types, ``mkdocs build``, without the
    ``NO_MKDOCS_2_WARNING`` that ``make`` sets. ``env``: variables added to the build's
    minimal environment (``PAGEFIND_BINARY_PATH`` …).
    """
    command = [sys.executable, "-m", "mkdocs"] if not plain else [str(MKDOCS)]
    command += ["build", "-f", str(config_file), "-d", str(site_dir)]
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(site_dir.parent), **(env or {})}
    if not plain:
        environment["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run(
        [*command, *args], capture_output=True, text=True, env=environment, timeout=600
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


def seed_project(root: Path, corpus: Path = SEED_CORPUS) -> Path:
    """A copy of the shipped project (``mkdocs.yml``, ``docs/``) around a copy of ``corpus``.

    Returns its ``mkdocs.yml``: the shipped one, with the hook and watched paths pointed
    back at this repository.
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(corpus, root / "corpus")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("screenshots"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for shipped, here in [
        ("\n  - hooks/wenji_hooks.py\n", f"\n  - {HOOKS}\n"),
        ("\n  - hooks\n", f"\n  - {HOOKS.parent}\n"),
    ]:
        assert shipped in config, f"mkdocs.yml no longer has {shipped.strip()!r}: update here"
        config = config.replace(shipped, here, 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    _commit(root, "2026-01-15T10:00:00+08:00")  # a site's texts are in git: 更新 dates
    return root / "mkdocs.yml"


def _commit(root: Path, date: str) -> None:
    """``root`` as a git repository with everything committed at ``date``."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "wenji",
        "GIT_AUTHOR_EMAIL": "wenji@example.invalid",
        "GIT_COMMITTER_NAME": "wenji",
        "GIT_COMMITTER_EMAIL": "wenji@example.invalid",
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "seed texts"]):
        subprocess.run(["git", *command], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="session")
def seed_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``mkdocs.yml`` of a copy of the shipped project whose corpus is the seed texts."""
    return seed_project(tmp_path_factory.mktemp("seeds") / "project")


@pytest.fixture(scope="session")
def seed_site(seed_config: Path) -> Build:
    """The seed project built with plain ``mkdocs build --strict``, as a curator would."""
    return run_mkdocs(seed_config, seed_config.parent / "site", "--strict", plain=True)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Whatever ``corpus/`` holds today, built with plain ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    return run_mkdocs(ROOT / "mkdocs.yml", site, "--strict", plain=True)


# --- the browser (one Chromium for the whole session; tests/test_browser.py has the rest) ---

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_executable() -> str:
    path = os.environ.get("WENJI_CHROMIUM", "/usr/bin/chromium")
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    message = (
        f"Chromium not found at {path}: install it (`apt-get install chromium` on Debian) "
        "or point WENJI_CHROMIUM at it"
    )
    if os.environ.get("WENJI_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (WENJI_REQUIRE_BROWSER=1: browser tests may not be skipped)")
    pytest.skip(message)


DESKTOP = {"width": 1280, "height": 800}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 3,
}
WAIT_MS = 5_000  # for what the page does on its own: scroll spy, address bar, search


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_executable()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop page (its own context) in the session's Chromium."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    context.set_default_timeout(WAIT_MS * 2)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A fresh phone-sized page (390×844, touch) in the session's Chromium."""
    context = browser.new_context(**PHONE, locale="zh-CN")
    context.set_default_timeout(WAIT_MS * 2)
    yield context.new_page()
    context.close()
