"""The law archive of issue 9, stood in for by real law texts: site bytes of both editions.

Issue 9's target is "the 1,564-law archive (both editions) well under 350 MB" (27 MB of
text, folders of 683 and 439 texts; 701 MB as a site before the work of the issue). That
archive cannot be used here, so this script makes a stand-in of the same kind from public
repositories fetched as git mirrors (read with ``git``; no work tree, nothing committed):

* ``DiamonWoo/Laosheng.top``, ``falv/flk.npc/*.txt``: texts of the NPC law database
  (flk.npc.gov.cn), kept byte for byte;
* ``waystowork/waystowork.github.io``, ``src/laws``, ``src/sfjs``, ``src/xzzfhg``: laws,
  regulations, ministry rules and judicial interpretations an enforcement officer collected
  from official sites, as Markdown (heading marks ``# `` taken off, nothing else changed).
  The repository also holds copies of LawRefBook/Laws, which must not be used: every file
  in that project's format (the ``<!-- INFO END -->`` line, ``(YYYY-MM-DD).md`` names) is
  left out.

Texts with the same title are kept once (the NPC copy first; ``--duplicates`` keeps every
copy, as waystowork files one law in several of its folders: more texts, nearer the
archive's count); files with fewer than 100 Han characters (empty placeholders) are left
out. Folders by kind, read from the title, in about the archive's proportions (44 % and
28 % of its texts in its two big folders): 规章 (办法, 规定, 细则 … of ministries and
provinces; about half the texts) and 法律 (about a quarter) are the big ones, 行政法规 (条例),
司法解释 and 规范性文件 the smaller ones.

The corpus is built with the shipped ``mkdocs.yml`` (the zh-tw edition, Pagefind search),
as ``bench/run.py`` builds its ``tw-pagefind`` variant: a real ``mkdocs build`` in a
subprocess, the corpus committed to a throw-away git repository. Printed: texts, MB of
text, site bytes (both editions; MB = 10^6 B and MiB), HTML, Pagefind and raw ``.txt``
bytes, the median text page and its chrome (page HTML minus its ``<article>``), the largest
page, wall and CPU time and peak RSS, and every WARNING line of the build log.

Usage::

    .venv/bin/python bench/law_archive.py                      # corpus, build, figures
    .venv/bin/python bench/law_archive.py --corpus-only /tmp/laws   # only write the corpus
    .venv/bin/python bench/law_archive.py --work /tmp/lawarch --keep --json /tmp/law.json
    .venv/bin/python bench/law_archive.py --duplicates          # every copy of a law
    .venv/bin/python bench/law_archive.py \\
        --npc /work/.mirror/DiamonWoo+Laosheng.top/repo@960d764c… \\
        --ww /work/.mirror/waystowork+waystowork.github.io/repo@e1c3f865…

A mirror is made with the project's ``fetch`` tool (``fetch github:OWNER/NAME``); any git
directory holding the commit will do (``git clone --bare`` works too).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from law_sources import DEFAULT_SOURCES, FOLDERS, NPC, WW, Source, Text, collect, write_corpus
from run import ROOT, Build, Project, chrome_bytes, run_build, shipped_config

VARIANT = "tw-pagefind"  # the shipped settings: zh-tw edition, Pagefind search
ARCHIVE = {"texts": 1564, "text_mb": 27.0, "site_mb": 701.0, "target_mb": 350.0}
WARNING = re.compile(r"^.*\bWARNING\b.*$", re.M)
MB = 10**6
MIB = 2**20


@dataclass
class LawProject(Project):
    """``bench/run.py``'s project with the law texts as its corpus."""

    texts: list[Text] = field(default_factory=list)
    text_bytes: int = 0

    def prepare(self, variants: list[str]) -> None:
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        self.text_bytes = write_corpus(self.texts, self.corpus)
        self._commit()
        shutil.copytree(ROOT / "docs", self.work / "docs")
        shipped = shipped_config()
        for variant in variants:
            self.config(variant).write_text(self._yaml(self._hooked(shipped, variant)), "utf-8")


@dataclass
class Weight:
    total: int = 0
    files: int = 0
    html: int = 0
    pagefind: int = 0
    txt: int = 0
    edition: dict[str, int] = field(default_factory=dict)  # top folder of an edition -> bytes


def weigh(site: Path, editions: list[str]) -> Weight:
    weight = Weight(edition={prefix: 0 for prefix in editions})
    for folder, _, names in os.walk(site):
        parts = Path(folder).relative_to(site).parts
        for name in names:
            size = os.path.getsize(os.path.join(folder, name))
            weight.total += size
            weight.files += 1
            if "pagefind" in parts:
                weight.pagefind += size
            elif name.endswith(".html"):
                weight.html += size
            elif name.endswith(".txt"):
                weight.txt += size
            if parts[:1] and parts[0] in weight.edition:
                weight.edition[parts[0]] += size
    return weight


def sizes(n: int) -> str:
    return f"{n:,} B = {n / MB:,.1f} MB = {n / MIB:,.1f} MiB"


@dataclass
class Figures:
    texts: int
    folders: dict[str, int]
    text_bytes: int
    site_bytes: int
    site_files: int
    edition_bytes: dict[str, int]  # "primary" and each edition's prefix
    html_bytes: int
    pagefind_bytes: int
    txt_bytes: int
    other_bytes: int
    text_pages: int  # both editions
    median_page_bytes: int  # primary edition
    median_chrome_bytes: int  # page HTML minus its <article>, every primary text page
    median_chrome_big_folder_bytes: int  # the same in the biggest folder (bench/run.py's)
    largest_page: str
    largest_page_bytes: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    summary: str
    returncode: int
    warnings: list[str]

    @property
    def scaled_by_count(self) -> float:
        """The site bytes times the archive's texts / these texts (a linear estimate)."""
        return self.site_bytes * ARCHIVE["texts"] / self.texts

    @property
    def scaled_by_text(self) -> float:
        """The site bytes times the archive's MB of text / these (a linear estimate)."""
        return self.site_bytes * ARCHIVE["text_mb"] * MB / self.text_bytes


def measure(project: LawProject, build: Build, editions: list[str]) -> Figures:
    site = project.site(VARIANT)
    weight = weigh(site, editions)
    uris = project.text_pages()
    pages = [site / uri for uri in uris if (site / uri).exists()]
    every = pages + [site / prefix / uri for prefix in editions for uri in uris]
    every = [page for page in every if page.exists()]
    largest = max(every, key=lambda page: page.stat().st_size)
    log = (project.work / f"build-{VARIANT}.log").read_text(encoding="utf-8")
    return Figures(
        texts=len(project.texts),
        folders=dict(Counter(FOLDERS[t.kind] for t in project.texts).most_common()),
        text_bytes=project.text_bytes,
        site_bytes=weight.total,
        site_files=weight.files,
        edition_bytes={"primary": weight.total - sum(weight.edition.values()), **weight.edition},
        html_bytes=weight.html,
        pagefind_bytes=weight.pagefind,
        txt_bytes=weight.txt,
        other_bytes=weight.total - weight.html - weight.pagefind - weight.txt,
        text_pages=len(every),
        median_page_bytes=int(statistics.median(p.stat().st_size for p in pages)),
        median_chrome_bytes=int(statistics.median(chrome_bytes(p) for p in pages)),
        median_chrome_big_folder_bytes=build.chrome_bytes,
        largest_page=str(largest.relative_to(site)),
        largest_page_bytes=largest.stat().st_size,
        wall_s=round(build.seconds, 1),
        cpu_s=round(build.cpu, 1),
        peak_rss_mb=round(build.rss_mb),
        summary=build.summary,
        returncode=build.returncode,
        warnings=WARNING.findall(log),
    )


def report(f: Figures, sources: list[Source], command: str) -> str:
    target = ARCHIVE["target_mb"] * MB
    worst = max(f.scaled_by_count, f.scaled_by_text)
    editions = ", ".join(f"{k} {v / MB:,.1f} MB" for k, v in f.edition_bytes.items())
    lines = [
        f"Command: {command}",
        "Sources: " + "; ".join(f"{s.repo} at {s.commit[:12]}" for s in sources),
        f"texts: {f.texts:,} in {f.folders}",
        f"text: {sizes(f.text_bytes)}",
        f"site (both editions): {sizes(f.site_bytes)} in {f.site_files:,} files",
        f"  by edition: {editions}",
        f"  HTML: {sizes(f.html_bytes)}",
        f"  Pagefind: {sizes(f.pagefind_bytes)}",
        f"  raw .txt: {sizes(f.txt_bytes)}",
        f"  other: {sizes(f.other_bytes)}",
        f"text pages (both editions): {f.text_pages:,}",
        f"median text page: {f.median_page_bytes / 1000:,.1f} kB; median chrome "
        f"{f.median_chrome_bytes / 1000:,.1f} kB (every text), "
        f"{f.median_chrome_big_folder_bytes / 1000:,.1f} kB (biggest folder)",
        f"largest page: {f.largest_page} {f.largest_page_bytes / 1000:,.0f} kB",
        f"build: wall {f.wall_s} s, CPU {f.cpu_s} s, peak RSS {f.peak_rss_mb:,.0f} MB"
        f" (exit {f.returncode})",
        f"log: {f.summary}",
        f"WARNING lines: {len(f.warnings)}",
        *(f"  {line}" for line in f.warnings[:60]),
        *([f"  … and {len(f.warnings) - 60} more"] if len(f.warnings) > 60 else []),
        f"target: the {ARCHIVE['texts']:,}-law archive (both editions; {ARCHIVE['site_mb']:.0f}"
        f" MB before issue 9) well under {ARCHIVE['target_mb']:.0f} MB; this stand-in "
        f"{f.site_bytes / MB:,.1f} MB = {f.site_bytes / target:.0%} of it",
        f"scaled to the archive (a linear estimate): x {ARCHIVE['texts']:,} texts "
        f"{f.scaled_by_count / MB:,.1f} MB, x {ARCHIVE['text_mb']:.0f} MB of text "
        f"{f.scaled_by_text / MB:,.1f} MB; the larger is {worst / target:.0%} of "
        f"{ARCHIVE['target_mb']:.0f} MB",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--npc", default=DEFAULT_SOURCES[NPC], help=f"{NPC}: GITDIR@COMMIT")
    parser.add_argument("--ww", default=DEFAULT_SOURCES[WW], help=f"{WW}: GITDIR@COMMIT")
    parser.add_argument("--work", type=Path, default=Path("/tmp/wenji-law-archive"))
    parser.add_argument("--keep", action="store_true", help="keep the built site")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--corpus-only", type=Path, metavar="DIR", help="only write the corpus")
    parser.add_argument(
        "--duplicates",
        action="store_true",
        help="keep a title as often as the sources have it (more texts, the same laws)",
    )
    args = parser.parse_args(argv)

    sources = [Source.parse(NPC, args.npc), Source.parse(WW, args.ww)]
    found = collect(*sources, duplicates=args.duplicates)
    folders = dict(Counter(FOLDERS[t.kind] for t in found.texts).most_common())
    print(f"{len(found.texts):,} texts {folders}; left out: {dict(found.skipped)}")
    if args.corpus_only:
        if args.corpus_only.exists():
            shutil.rmtree(args.corpus_only)
        total = write_corpus(found.texts, args.corpus_only)
        print(f"written to {args.corpus_only}: {sizes(total)}")
        return 0

    project = LawProject(len(found.texts), args.work, texts=found.texts)
    project.prepare([VARIANT])
    editions = [e["prefix"] for e in shipped_config()["extra"]["wenji"].get("editions") or []]
    print(f"mkdocs build of {len(found.texts):,} texts ({sizes(project.text_bytes)}) …", flush=True)
    started = time.perf_counter()
    build = run_build(project, VARIANT)
    figures = measure(project, build, editions)
    command = " ".join([".venv/bin/python", "bench/law_archive.py", *(argv or sys.argv[1:])])
    print(report(figures, sources, command))
    print(f"(whole run {time.perf_counter() - started:.0f} s; work folder {args.work})")
    if args.json:
        data = {
            **asdict(figures),
            "sources": [{"repo": s.repo, "commit": s.commit} for s in sources],
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if not args.keep:
        shutil.rmtree(project.site(VARIANT), ignore_errors=True)
    return 0 if build.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
