"""Scale and speed of the wenji build: ``make bench`` (or ``.venv/bin/python bench/run.py``).

For each corpus size N (``bench/corpus.py``), real ``mkdocs build`` runs, each in a
subprocess with the shipped theme, Markdown extensions and Material search (``lang: zh``):

* ``plain``: the pages ``python -m wenji export`` writes, as plain Markdown in ``docs/``,
  built without the hooks: the reference for what the hooks cost;
* ``hooks``: the corpus through the wenji hooks, primary edition only;
* ``tw``: the same with the Traditional edition (``s2tw``), as ``mkdocs.yml`` ships;
* ``tw-nosearch``: ``tw`` without the search plugin, to see what Material's search costs;
* ``tw-pagefind``: ``tw`` with ``extra.wenji.search: pagefind`` (if this wenji has it),
  noted only: comparing the searches is ``bench/search.py``'s job.

Per build: wall and CPU time and peak RSS (``os.wait4``), site bytes and files, the search
index, the median HTML bytes of a text page, and the summary line the hooks log. Then the
preview: ``mkdocs serve --dirty`` on the 1,000-text corpus, one ``.txt`` edited, time from
the save until the rebuilt page is on disk, served, and the rebuild over. Prints a table
and checks the targets; a full run writes them into ``bench/README.md`` (between the
``results`` markers). See bench/README.md for the options.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "hooks"))

from corpus import generate  # noqa: E402
from wenji.config import ConfigError, load_config  # noqa: E402
from wenji.corpus import discover  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
if not PYTHON.exists():
    PYTHON = Path(sys.executable)
HOOKS = ROOT / "hooks" / "wenji_hooks.py"
README = ROOT / "bench" / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
VARIANTS = ("plain", "hooks", "tw", "tw-nosearch")  # and tw-pagefind, if wenji has it
DEFAULT_EDITION = {"prefix": "zh-tw", "opencc": "s2tw", "language": "zh-TW", "name": "繁體"}
SUMMARY = re.compile(r"wenji: (?:\d+ pages from \d+ texts in|search: Pagefind indexed) .*")
REBUILT_IN = re.compile(r"wenji: \d+ pages from \d+ texts in ([\d.]+) s")
MB = 1024 * 1024

TARGETS = {
    "overhead": 1.10,  # hooks / plain
    "scaling": 11.0,  # time(3000) / time(300)
    "page_growth": 1.2,  # HTML bytes per page at 3000 / at 300
    "site_mb": 500.0,  # 3,000 texts with the Traditional edition
    "tw_seconds": 145.0,  # … and its build time (aim: half)
    "serve_share": 0.03,  # serve --dirty edit / full build
    "rss_mb": 2048.0,  # peak RSS of a 3,000-text build
    "chrome_kb": 40.0,  # page HTML minus the text, for a text in a folder of 2,000
}


# --- projects ----------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Reads the shipped ``mkdocs.yml``; MkDocs' own tags (``!ENV``…) become ``None``."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def shipped_config() -> dict[str, Any]:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def material_search(plugins: Any, variant: str) -> list[Any]:
    """The shipped plugins with Material's search, ``lang: zh``, first (none: ``-nosearch``)."""
    others = [p for p in plugins or [] if not (p == "search" or "search" in p)]
    return others if variant.endswith("-nosearch") else [{"search": {"lang": "zh"}}, *others]


def search_option() -> bool:
    """Whether this wenji knows ``extra.wenji.search`` (material or pagefind)."""
    try:
        load_config({"search": "material"})
    except ConfigError:
        return False
    return True


@dataclass
class Project:
    """One corpus size: the corpus, the hand-written pages, the exported pages, configs."""

    n: int
    work: Path
    folder_titles: dict[str, str] = field(default_factory=dict)
    export_seconds: float = 0.0
    shape: str = "synthetic"  # or "real": a folder of 2,000 texts and a 2 MB text
    workers: int | None = None  # extra.wenji.workers of the hooked builds (None: the default)

    @property
    def corpus(self) -> Path:
        return self.work / "corpus"

    def config(self, variant: str) -> Path:
        return self.work / f"{variant}.yml"

    def site(self, variant: str) -> Path:
        return self.work / f"site-{variant}"

    def text_pages(self) -> list[str]:
        """The built HTML of every text page of the primary edition, relative to the site."""
        files, _ = discover(self.corpus)
        return [f.page_uri[: -len(".md")] + "/index.html" for f in files]

    def big_folder_pages(self) -> list[str]:
        """The text pages of the folder with the most texts."""
        folders: dict[str, list[str]] = {}
        for uri in self.text_pages():
            folders.setdefault(uri.rsplit("/", 2)[0], []).append(uri)
        return max(folders.values(), key=len) if folders else []

    def prepare(self, variants: list[str]) -> None:
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        self.folder_titles = generate(self.n, self.corpus, shape=self.shape)
        self._commit()
        shutil.copytree(ROOT / "docs", self.work / "docs")
        shipped = shipped_config()
        for variant in sorted({"hooks", "tw", *variants}):
            if variant.startswith("plain"):
                if not (self.work / "export").exists():
                    self._export()
                config = self._plain(shipped, variant)
            else:
                config = self._hooked(shipped, variant)
            self.config(variant).write_text(self._yaml(config), "utf-8")

    def _commit(self) -> None:
        """The corpus committed to git, as a real site's is (the hooks ask git for dates)."""
        git = ["git", "-C", str(self.work), "-c", "user.name=bench", "-c", "user.email=b@b"]
        for args in (["init", "-q"], ["add", "corpus"], ["commit", "-q", "-m", "corpus"]):
            subprocess.run([*git, *args], check=True, capture_output=True)

    def _hooked(self, shipped: dict[str, Any], variant: str) -> dict[str, Any]:
        config = copy.deepcopy(shipped)
        config["docs_dir"] = str(self.work / "docs")
        config["hooks"] = [str(HOOKS)]
        config["watch"] = [str(self.corpus)]
        config["plugins"] = material_search(config.get("plugins"), variant)
        extra = config.setdefault("extra", {})
        wenji = extra.setdefault("wenji", {}) or {}
        extra["wenji"] = wenji
        wenji["corpus_dir"] = "corpus"
        if self.workers is not None:
            wenji["workers"] = self.workers
        wenji["folder_titles"] = self.folder_titles
        if search_option():  # Material's search in every variant, unless asked otherwise
            wenji["search"] = "pagefind" if "pagefind" in variant else "material"
        editions = [e for e in wenji.get("editions") or [] if e.get("opencc") == "s2tw"]
        tw = variant.startswith("tw")
        wenji["editions"] = (editions or [DEFAULT_EDITION])[:1] if tw else []
        return config

    def _plain(self, shipped: dict[str, Any], variant: str) -> dict[str, Any]:
        config = copy.deepcopy(shipped)
        config["docs_dir"] = str(self.work / "export")
        config.pop("hooks", None)
        config["watch"] = []
        config["plugins"] = material_search(config.get("plugins"), variant)
        config.get("extra", {}).pop("wenji", None)
        config["extra_css"] = [*config.get("extra_css", []), "assets/wenji/wenji.css"]
        return config

    def _export(self) -> None:
        """``python -m wenji export`` of the corpus, beside the hand-written pages."""
        export = self.work / "export"
        shutil.copytree(self.work / "docs", export)
        css = export / "assets" / "wenji"
        css.mkdir(parents=True)
        shutil.copy(ROOT / "hooks" / "wenji" / "assets" / "wenji.css", css)
        command = [str(PYTHON), "-m", "wenji", "export", str(export)]
        command += ["--config", str(self.config("hooks"))]
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.work)
        self.export_seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"wenji export failed:\n{result.stdout}{result.stderr}")

    @staticmethod
    def _yaml(config: dict[str, Any]) -> str:
        return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


# --- builds ------------------------------------------------------------------------------


@dataclass
class Build:
    n: int
    variant: str
    seconds: float  # wall time; the least of the runs with --repeat
    cpu: float  # user + system CPU seconds of the build process; the least of the runs
    rss_mb: float
    site_bytes: int
    site_files: int
    search_bytes: int  # Material's search_index.json, or Pagefind's folder
    page_bytes: int  # median HTML bytes of a primary text page
    summary: str
    returncode: int
    runs: int = 1
    chrome_bytes: int = 0  # median page HTML minus its article, in the biggest folder
    largest_page: int = 0  # HTML bytes of the largest text page

    def row(self) -> list[str]:
        return [
            f"{self.n:,}",
            self.variant,
            f"{self.seconds:.1f}",
            f"{self.cpu:.1f}",
            f"{self.rss_mb:,.0f}",
            f"{self.site_bytes / MB:,.1f}",
            f"{self.site_files:,}",
            f"{self.search_bytes / MB:,.1f}",
            f"{self.page_bytes / 1024:.1f}",
            f"{self.chrome_bytes / 1024:.1f}",
            f"{self.largest_page / 1024:,.0f}",
        ]


HEADER = [
    "N",
    "build",
    "wall s",
    "CPU s",
    "peak RSS MB",
    "site MB",
    "files",
    "search MB",
    "KB/page",
    "chrome KB",
    "largest KB",
]


def mkdocs(*args: str) -> list[str]:
    return [str(PYTHON), "-m", "mkdocs", *args]


def environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def typical(builds: list[Build]) -> Build:
    """Repeated builds as one: the median wall and CPU time, the highest RSS.

    The median rather than the fastest run: on a shared machine one lucky run of one
    variant (other people's tests paused) skews a ratio more than a slow run does.
    """
    middle = sorted(builds, key=lambda b: b.seconds)[(len(builds) - 1) // 2]
    middle.seconds = statistics.median(b.seconds for b in builds)
    middle.cpu = statistics.median(b.cpu for b in builds)
    middle.rss_mb = max(b.rss_mb for b in builds)
    middle.returncode = max(b.returncode for b in builds)
    middle.runs = len(builds)
    return middle


def run_build(project: Project, variant: str) -> Build:
    """One ``mkdocs build`` in a subprocess; peak RSS from the kernel's own accounting."""
    site = project.site(variant)
    log_path = project.work / f"build-{variant}.log"
    command = mkdocs("build", "-f", str(project.config(variant)), "-d", str(site))
    with log_path.open("w", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=environment(), cwd=project.work
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(encoding="utf-8")
    if process.returncode != 0:
        print(text[-3000:], file=sys.stderr)
    total, count, pagefind = 0, 0, 0
    for folder, _, names in os.walk(site):
        for name in names:
            size = os.path.getsize(os.path.join(folder, name))
            total += size
            count += 1
            if Path(folder).relative_to(site).parts[:1] == ("pagefind",):
                pagefind += size
    pages = [(site / uri).stat().st_size for uri in project.text_pages() if (site / uri).exists()]
    big = [site / uri for uri in project.big_folder_pages()[:: 1 + len(pages) // 400]]
    chrome = [chrome_bytes(page) for page in big if page.exists()]
    search = site / "search" / "search_index.json"
    summary = "; ".join(m.group() for m in SUMMARY.finditer(text))
    return Build(
        n=project.n,
        variant=variant,
        seconds=seconds,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_mb=usage.ru_maxrss / 1024,
        site_bytes=total,
        site_files=count,
        search_bytes=(search.stat().st_size if search.exists() else 0) + pagefind,
        page_bytes=int(statistics.median(pages)) if pages else 0,
        summary=summary or "(no wenji summary)",
        returncode=process.returncode,
        chrome_bytes=int(statistics.median(chrome)) if chrome else 0,
        largest_page=max(pages, default=0),
    )


ARTICLE = re.compile(rb"<article\b.*?</article>", re.S)


def chrome_bytes(page: Path) -> int:
    """What a page weighs besides its text: its HTML minus its ``<article>``."""
    html = page.read_bytes()
    article = ARTICLE.search(html)
    return len(html) - (len(article.group()) if article else 0)


# --- preview -----------------------------------------------------------------------------


@dataclass
class Preview:
    n: int
    variant: str
    first_build: float  # serve start until it serves
    edits: list[float]  # save → rebuilt page on disk, seconds
    served: list[float]  # save → changed page served over HTTP, seconds
    reloaded: list[float]  # save → "Reloading browsers" (the whole rebuild done), seconds
    rebuilds: list[float]  # build time the hooks logged for each dirty rebuild

    @property
    def edit_seconds(self) -> float:
        return statistics.median(self.edits)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def edited_text(project: Project) -> tuple[Path, str]:
    """A UTF-8 text in the middle of the corpus, and its page's folder in the site."""
    files, _ = discover(project.corpus)
    for corpus_file in files[len(files) // 2 :]:
        data = corpus_file.path.read_bytes()
        if not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return corpus_file.path, corpus_file.page_uri[: -len(".md")]
    raise SystemExit("no plain UTF-8 text to edit")


def edit(path: Path, mark: str) -> None:
    """Add ``mark`` to the first long paragraph, as a curator fixing a word would."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if len(line) > 80 and "。" in line:
            lines[index] = line.replace("。", f"{mark}。", 1)
            break
    path.write_text("\n".join(lines), encoding="utf-8")


def run_preview(project: Project, variant: str, edits: int = 5) -> Preview:
    """``mkdocs serve --dirty``: from saving a .txt until its rebuilt page is on disk, served.

    The server builds into a temporary folder; with ``TMPDIR`` pointing into the project
    that folder is known, and polling the file costs the server nothing (polling it over
    HTTP every few milliseconds would compete with the rebuild for the server's GIL).
    """
    port = free_port()
    log_path = project.work / f"serve-{variant}.log"
    tmp = project.work / f"serve-tmp-{variant}"
    tmp.mkdir(exist_ok=True)
    command = mkdocs("serve", "--dirty", "-f", str(project.config(variant)))
    command += ["-a", f"127.0.0.1:{port}"]
    path, page = edited_text(project)
    original = path.read_bytes()
    url = f"http://127.0.0.1:{port}/{urllib.parse.quote(page)}/"
    with log_path.open("w", encoding="utf-8") as log:
        started = time.perf_counter()
        server = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**environment(), "TMPDIR": str(tmp)},
            cwd=project.work,
        )
        try:
            while "Serving on" not in log_path.read_text(encoding="utf-8"):
                if server.poll() is not None or time.perf_counter() - started > 900:
                    raise SystemExit(f"mkdocs serve did not start: see {log_path}")
                time.sleep(0.05)
            first_build = time.perf_counter() - started
            (site,) = tmp.glob("mkdocs_*")
            html_file = site / page / "index.html"
            time.sleep(2)  # the polling observer takes its first snapshot
            on_disk, served, reloaded = [], [], []
            for number in range(1, edits + 1):
                mark = f"（{variant}第{number}次修改）"
                reloads = log_path.read_text(encoding="utf-8").count("Reloading browsers")
                saved = time.perf_counter()
                edit(path, mark)
                times: dict[str, float] = {}
                while len(times) < 3:  # whichever comes first; HTTP only once it is on disk
                    now = time.perf_counter() - saved
                    if now > 300:
                        raise SystemExit(f"the edit was not rebuilt and served: see {log_path}")
                    if "disk" not in times and mark in html_file.read_text("utf-8", "replace"):
                        times["disk"] = now
                    if "reload" not in times:
                        log_text = log_path.read_text(encoding="utf-8")
                        if log_text.count("Reloading browsers") > reloads:
                            times["reload"] = now  # the whole rebuild is over
                    if "disk" in times and "served" not in times and mark in fetch(url):
                        times["served"] = time.perf_counter() - saved
                    time.sleep(0.01)
                on_disk.append(times["disk"])
                served.append(times["served"])
                reloaded.append(times["reload"])
                time.sleep(1)
        finally:
            server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs shuts down and cleans up
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.terminate()
                server.wait()
            path.write_bytes(original)
    built = [float(s) for s in REBUILT_IN.findall(log_path.read_text(encoding="utf-8"))]
    return Preview(project.n, variant, first_build, on_disk, served, reloaded, built[1:])


# --- report ------------------------------------------------------------------------------


def table(rows: list[list[str]], header: list[str]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def targets(builds: dict[tuple[int, str], Build], previews: list[Preview]) -> list[str]:
    lines = []
    sizes = sorted({n for n, _ in builds})
    small, large = sizes[0], sizes[-1]
    for n in sizes:
        hooks, plain = builds.get((n, "hooks")), builds.get((n, "plain"))
        if hooks and plain:
            ratio, cpu = hooks.seconds / plain.seconds, hooks.cpu / plain.cpu
            lines.append(
                f"- Hook overhead at N={n:,}: hooks {hooks.seconds:.1f} s / plain Markdown "
                f"{plain.seconds:.1f} s = {ratio:.2f} (target ≤ {TARGETS['overhead']:.2f}): "
                f"{verdict(ratio <= TARGETS['overhead'])}; in CPU time {hooks.cpu:.1f} / "
                f"{plain.cpu:.1f} = {cpu:.2f}: {verdict(cpu <= TARGETS['overhead'])}"
            )
    if large != small:
        for variant in ("hooks", "tw", "plain"):
            a, b = builds.get((small, variant)), builds.get((large, variant))
            if a and b:
                ratio, cpu = b.seconds / a.seconds, b.cpu / a.cpu
                lines.append(
                    f"- Scaling, {variant}: time({large:,}) / time({small:,}) = {b.seconds:.1f} / "
                    f"{a.seconds:.1f} = {ratio:.2f} for {large / small:.0f}× the texts "
                    f"(target ≤ {TARGETS['scaling']:.0f}): {verdict(ratio <= TARGETS['scaling'])}"
                    f"; in CPU time {cpu:.2f}: {verdict(cpu <= TARGETS['scaling'])}"
                )
        a, b = builds.get((small, "hooks")), builds.get((large, "hooks"))
        if a and b:
            ratio = b.page_bytes / a.page_bytes
            lines.append(
                f"- HTML per text page: {b.page_bytes:,} B at {large:,} / {a.page_bytes:,} B at "
                f"{small:,} = {ratio:.2f} (target ≤ {TARGETS['page_growth']}): "
                f"{verdict(ratio <= TARGETS['page_growth'])}"
            )
    for (n, variant), build in sorted(builds.items()):
        if build.chrome_bytes:
            lines.append(
                f"- Chrome (page HTML minus the text) of a text in the biggest folder at "
                f"N={n:,}, {variant}: median {build.chrome_bytes / 1024:.1f} KB (target ≤ "
                f"{TARGETS['chrome_kb']:.0f} KB in a folder of 2,000): "
                f"{verdict(build.chrome_bytes / 1024 <= TARGETS['chrome_kb'])}; largest text "
                f"page {build.largest_page / MB:.2f} MB (target < 2 MB): "
                f"{verdict(build.largest_page < 2 * MB)}"
            )
    tw = builds.get((large, "tw"))
    if tw:
        size = tw.site_bytes / MB
        lines.append(
            f"- {large:,} texts with the Traditional edition: site {size:,.0f} MB (target "
            f"< {TARGETS['site_mb']:.0f} MB): {verdict(size < TARGETS['site_mb'])}; build "
            f"{tw.seconds:.1f} s (target < {TARGETS['tw_seconds']:.0f} s, aim "
            f"{TARGETS['tw_seconds'] / 2:.1f} s): {verdict(tw.seconds < TARGETS['tw_seconds'])}"
            + (", aim met" if tw.seconds < TARGETS["tw_seconds"] / 2 else ", aim not met")
        )
    nosearch = builds.get((large, "tw-nosearch"))
    if tw and nosearch:
        cost, share = tw.seconds - nosearch.seconds, 1 - nosearch.seconds / tw.seconds
        lines.append(
            f"- What Material's search (jieba) costs at N={large:,} with the Traditional "
            f"edition: {tw.seconds:.1f} s with it, {nosearch.seconds:.1f} s without "
            f"(`tw-nosearch`) = {cost:.1f} s, {share:.0%} of the build (CPU "
            f"{tw.cpu - nosearch.cpu:.1f} s, {1 - nosearch.cpu / tw.cpu:.0%}); its index "
            f"{tw.search_bytes / MB:,.0f} MB of the {tw.site_bytes / MB:,.0f} MB site"
        )
    pagefind = builds.get((large, "tw-pagefind"))
    if pagefind:
        lines.append(
            f"- Noted, not judged here (see bench/search.py): with `search: pagefind` "
            f"(`tw-pagefind`) the {large:,}-text build takes {pagefind.seconds:.1f} s, peak RSS "
            f"{pagefind.rss_mb:,.0f} MB (the Pagefind binary, a child process, counts), and "
            f"the site is {pagefind.site_bytes / MB:,.0f} MB"
        )
    judged = [b for (n, v), b in builds.items() if n == large and v in VARIANTS]
    if judged:
        top = max(judged, key=lambda b: b.rss_mb)
        lines.append(
            f"- Peak RSS at N={large:,}: {top.rss_mb:,.0f} MB ({top.variant}; target < "
            f"{TARGETS['rss_mb']:,.0f} MB): {verdict(top.rss_mb < TARGETS['rss_mb'])}"
        )
    for preview in previews:
        full = builds.get((preview.n, preview.variant))
        if full:
            share = preview.edit_seconds / full.seconds
            first = preview.edit_seconds / preview.first_build
            lines.append(
                f"- `serve --dirty`, N={preview.n:,}, {preview.variant}: edited page rebuilt "
                f"{preview.edit_seconds:.2f} s after the save (median of {len(preview.edits)}), "
                f"served {statistics.median(preview.served):.2f} s, browsers reloaded "
                f"{statistics.median(preview.reloaded):.2f} s; vs full build "
                f"{full.seconds:.1f} s = {share:.1%} (target ≤ {TARGETS['serve_share']:.0%}): "
                f"{verdict(share <= TARGETS['serve_share'])}; vs the server's own first build "
                f"{preview.first_build:.1f} s = {first:.1%}"
            )
    return lines


def report(
    builds: dict[tuple[int, str], Build], previews: list[Preview], command: str, seconds: float
) -> str:
    when = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        f"Command: `{command}`  ",
        f"Date: {when}; {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"whole run {seconds / 60:.1f} min.",
        "",
        *table([b.row() for b in builds.values()], HEADER),
        "",
        "What the hooks logged (`wenji: …` summary line, per-stage seconds):",
        "",
    ]
    for build in builds.values():
        if build.variant != "plain":
            lines.append(f"- N={build.n:,} {build.variant}: `{build.summary}`")
    if previews:
        lines += [
            "",
            "Preview (`mkdocs serve --dirty`, one `.txt` edited; seconds from the save until the "
            "page's new HTML is on disk, until the server serves it, and until the rebuild is "
            "over and the server tells browsers to reload):",
            "",
        ]
        rows = [
            [
                f"{p.n:,}",
                p.variant,
                f"{p.first_build:.1f}",
                ", ".join(f"{s:.2f}" for s in p.edits),
                ", ".join(f"{s:.2f}" for s in p.served),
                ", ".join(f"{s:.2f}" for s in p.reloaded),
                ", ".join(f"{s:.2f}" for s in p.rebuilds),
            ]
            for p in previews
        ]
        header = ["N", "build", "first build s", "save → on disk", "save → served"]
        header.append("save → browsers reloaded")
        header.append("rebuild s (hooks' log)")
        lines += table(rows, header)
    lines += ["", "Targets:", "", *targets(builds, previews)]
    return "\n".join(lines) + "\n"


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8") if README.exists() else f"{START}\n{END}\n"
    if START not in readme:
        readme += f"\n## Results\n\n{START}\n{END}\n"
    head, rest = readme.split(START, 1)
    tail = rest.split(END, 1)[1]
    README.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


# --- main --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="300,1000,3000", help="corpus sizes (default: %(default)s)"
    )
    parser.add_argument("--quick", action="store_true", help="N=300 only")
    parser.add_argument("--variants", help=f"default: {','.join(VARIANTS)}[,tw-pagefind]")
    parser.add_argument(
        "--preview", help="sizes to preview, '' for none (default: 1000, with --quick 300)"
    )
    parser.add_argument(
        "--preview-variants", default="hooks,tw", help="builds to preview (default: %(default)s)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="builds per size and variant; the median counts"
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/wenji-bench"))
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    parser.add_argument(
        "--readme",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="write the results into bench/README.md (default: yes, unless --quick)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--shape",
        choices=("synthetic", "real"),
        default="synthetic",
        help="real: one folder of 2,000 texts and one 2 MB text (N ≥ 2,210)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        help="extra.wenji.workers for the hooked builds (default: one per core)",
    )
    args = parser.parse_args(argv)

    sizes = [300] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    preview = args.preview if args.preview is not None else ("300" if args.quick else "1000")
    previews_at = [int(s) for s in preview.split(",") if s]
    default = [*VARIANTS, "tw-pagefind"] if search_option() else list(VARIANTS)
    variants = [v for v in args.variants.split(",") if v] if args.variants else default
    command = (
        "make bench"
        if argv is None and not sys.argv[1:]
        else shlex.join(
            [".venv/bin/python", "bench/run.py", *(sys.argv[1:] if argv is None else argv)]
        )
    )
    started = time.perf_counter()
    builds: dict[tuple[int, str], Build] = {}
    previews: list[Preview] = []
    for n in sizes:
        name = str(n) if args.shape == "synthetic" else f"{n}-{args.shape}"
        project = Project(n, args.work / name, shape=args.shape, workers=args.workers)
        print(f"N={n:,}: writing the corpus and the exported pages …", flush=True)
        project.prepare(variants)
        runs: dict[str, list[Build]] = {variant: [] for variant in variants}
        for run in range(1, args.repeat + 1):
            # Interleaved, so that other load hits all alike, and every other time in
            # reverse order: whatever runs first after the corpus is written is not favoured.
            for variant in variants if run % 2 else variants[::-1]:
                print(f"N={n:,}: mkdocs build ({variant}, run {run}) …", flush=True)
                build = run_build(project, variant)
                runs[variant].append(build)
                cells = zip(HEADER, build.row(), strict=True)
                print("  " + " | ".join(f"{h} {v}" for h, v in cells))
                print(f"  {build.summary}", flush=True)
                if build.returncode != 0:
                    print(f"  build failed ({build.returncode}): {project.work}", file=sys.stderr)
                if not args.keep or run < args.repeat:
                    shutil.rmtree(project.site(variant), ignore_errors=True)
        for variant in variants:
            builds[(n, variant)] = typical(runs[variant])
        if n in previews_at:
            for variant in args.preview_variants.split(","):
                print(f"N={n:,}: mkdocs serve --dirty ({variant}) …", flush=True)
                preview = run_preview(project, variant)
                previews.append(preview)
                print(f"  edits on disk after {', '.join(f'{s:.2f}' for s in preview.edits)} s")
    text = report(builds, previews, command, time.perf_counter() - started)
    print()
    print(text)
    if args.json:
        data = {
            "builds": [vars(b) for b in builds.values()],
            "previews": [vars(p) for p in previews],
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.readme or (args.readme is None and not args.quick):
        write_readme(text)
        print(f"written to {README.relative_to(ROOT)}")
    return 0 if all(b.returncode == 0 for b in builds.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
