"""The ``wenji`` command line: look at one text as the build sees it, export the pages, or
merge the slices of a site.

``wenji inspect FILE`` shows what the pipeline made of one ``.txt``; ``wenji export DIR``
writes every generated page as the Markdown the MkDocs build renders; ``wenji merge
SITE… --out SITE`` joins sites built as slices (:mod:`wenji.merge`). Settings come from
``extra.wenji`` of ``mkdocs.yml``, read with PyYAML: like the rest of the package, this
module does not import MkDocs.

Exit codes: 0 done; 1 the text cannot become a page (``inspect``) or there were warnings
under ``--strict`` (``export``); 2 a missing file, an unreadable or invalid configuration,
a failed write, slices that cannot be merged, or wrong usage; 141 the reader of the
output stopped early (as ``| head`` does), silently, like other command-line tools.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import __version__
from .config import ConfigError, WenjiConfig, load_config
from .editions import EditionBuilder
from .export import generated_files, write_file
from .library import Library, Text
from .merge import MergeError, merge_sites
from .model import Diagnostic, Document
from .pipeline import SkippedText, process_file

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE

METADATA_FIELDS = (
    "subtitle",
    "date",
    "date_text",
    "speaker",
    "occasion",
    "source",
    "source_url",
    "editor",
    "tags",
)


class CliError(Exception):
    """A problem the user can fix (missing file, bad configuration); exit code 2."""


# --- configuration -------------------------------------------------------------------


class _MkDocsYamlLoader(yaml.SafeLoader):
    """Safe YAML that reads ``mkdocs.yml``: MkDocs' own tags (``!ENV``, ``!!python/name:``)
    become ``None`` instead of errors; wenji's settings never use them."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_MkDocsYamlLoader.add_multi_constructor("!", _ignore_tag)
_MkDocsYamlLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Site:
    """What the CLI needs from ``mkdocs.yml``, with paths resolved against its folder."""

    settings: WenjiConfig = field(default_factory=WenjiConfig)
    corpus_dir: Path = Path("corpus")
    docs_dir: Path = Path("docs")
    use_directory_urls: bool = True
    config_dir: Path = Path()  # edition phrase files are relative to it


def load_site(config_file: Path | None) -> Site:
    """Read ``config_file``, or ``./mkdocs.yml`` when it exists, or use the defaults."""
    if config_file is None:
        if not Path("mkdocs.yml").is_file():
            return Site()
        config_file = Path("mkdocs.yml")
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_MkDocsYamlLoader)
    except OSError as error:
        raise CliError(f"{config_file}: cannot read ({error.strerror or error})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise CliError(f"{config_file}: not valid YAML ({error})") from None
    raw = raw if isinstance(raw, Mapping) else {}
    extra = raw.get("extra")
    try:
        settings = load_config(extra.get("wenji") if isinstance(extra, Mapping) else None)
    except ConfigError as error:
        raise CliError(f"{config_file}: {error}") from None
    base = config_file.parent
    docs_dir = raw.get("docs_dir")
    return Site(
        settings=settings,
        corpus_dir=base / settings.corpus_dir,
        docs_dir=base / (docs_dir if isinstance(docs_dir, str) else "docs"),
        use_directory_urls=raw.get("use_directory_urls", True) is not False,
        config_dir=base,
    )


# --- inspect ---------------------------------------------------------------------------


def source_name(path: Path, corpus_dir: Path) -> str:
    """How diagnostics name ``path``: relative to the corpus folder when inside it."""
    try:
        return path.resolve().relative_to(corpus_dir.resolve()).as_posix()
    except ValueError:
        return str(path)


def describe(document: Document, file: str) -> dict[str, Any]:
    """Everything ``inspect`` reports about ``document``, as JSON-ready data."""
    metadata = document.metadata
    fields_set = {
        name: list(value) if isinstance(value, tuple) else value
        for name in METADATA_FIELDS
        if (value := getattr(metadata, name))
    }
    return {
        "file": file,
        "source": document.source,
        "encoding": document.encoding,
        "removed": [
            {
                "first_line": removal.first_line,
                "last_line": removal.last_line,
                "signals": list(removal.signals),
                "lines": list(removal.lines),
            }
            for removal in document.removals
        ],
        "title": {
            "text": document.title,
            "from": document.title_from,
            "line": document.title_line,
        },
        "metadata": fields_set,
        "outline": [
            {
                "line": heading.line,
                "level": heading.level,
                "kind": heading.kind,
                "marker": heading.marker,
                "id": heading.id,
                "text": heading.text,
            }
            for heading in document.headings
        ],
        "paragraphs": len(document.paragraphs),
        "articles": [article.id for article in document.articles],
        "diagnostics": [_diagnostic_data(d) for d in document.diagnostics],
    }


def _diagnostic_data(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "level": diagnostic.level,
        "line": diagnostic.line,
        "message": diagnostic.message,
        "text": str(diagnostic),
    }


def format_report(report: Mapping[str, Any]) -> Iterator[str]:
    """The human-readable form of :func:`describe`, line by line."""
    yield f"file        {report['file']}"
    yield f"source      {report['source']}"
    yield f"encoding    {report['encoding']}"
    title = report["title"]
    where = f", line {title['line']}" if title["line"] is not None else ""
    yield f"title       {title['text']}  ({title['from']}{where})"
    for name, value in report["metadata"].items():
        shown = "、".join(value) if isinstance(value, list) else value
        yield f"{name:<11} {shown}"
    yield ""
    yield f"removed as boilerplate: {len(report['removed']) or 'nothing'}"
    for removal in report["removed"]:
        yield (
            f"  lines {removal['first_line']}–{removal['last_line']}"
            f"  (signals: {', '.join(removal['signals'])})"
        )
        for line in removal["lines"]:
            yield f"    | {line}"
    yield ""
    articles = report["articles"]
    counted = f", {len(articles)} articles ({articles[0]} … {articles[-1]})" if articles else ""
    yield f"outline: {len(report['outline'])} headings, {report['paragraphs']} paragraphs{counted}"
    for heading in report["outline"]:
        indent = "  " * (heading["level"] - 2)
        yield (
            f"  {heading['line']:>5}  {indent}h{heading['level']} {heading['kind']:<8} "
            f"{heading['id']}  {heading['text']}"
        )
    yield ""
    yield f"diagnostics: {len(report['diagnostics']) or 'none'}"
    for diagnostic in report["diagnostics"]:
        yield f"  {diagnostic['level']}: {diagnostic['text']}"


def run_inspect(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.exists():
        raise CliError(f"{path}: no such file")
    if not path.is_file():
        raise CliError(f"{path}: not a file")
    site = load_site(args.config)
    source = source_name(path, site.corpus_dir)
    try:
        document = process_file(path, source, site.settings.options)
    except SkippedText as skipped:
        print(f"wenji: {skipped.diagnostic}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # a bug of ours: say so in one line, as the build does
        print(
            f"wenji: {source}: internal error {type(error).__name__}: {error} "
            "(please report this with the file)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    report = describe(document, str(path))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print("\n".join(format_report(report)))
    return EXIT_OK


# --- export ----------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    site = load_site(args.config)
    edition = _edition(site, args.edition) if args.edition else None
    scan = Library(site.settings.options).scan(site.corpus_dir, site.settings.folder_titles)
    diagnostics = list(scan.diagnostics)
    texts: list[Text] = []
    for text in scan.texts:  # a hand-written page wins, as in the build
        if (site.docs_dir / text.file.page_uri).exists():
            message = f"skipped: docs/{text.file.page_uri} already exists"
            diagnostics.append(Diagnostic("warning", text.file.source, message))
        else:
            texts.append(text)
    for diagnostic in diagnostics:
        print(f"wenji: {diagnostic.level}: {diagnostic}", file=sys.stderr)

    out_dir: Path = args.dir
    counts = {"page": 0, "raw": 0}
    files = generated_files(
        texts,
        scan.root,
        docs_dir=site.docs_dir,
        raw_text=site.settings.raw_text,
        use_directory_urls=site.use_directory_urls,
        edition=edition,
    )
    for uri, content in files:
        try:
            write_file(out_dir, uri, content)
        except OSError as error:
            raise CliError(f"{out_dir / uri}: cannot write ({error.strerror or error})") from None
        counts["page" if uri.endswith(".md") else "raw"] += 1
    folders = counts["page"] - len(texts)
    raw = f" and {counts['raw']} raw texts" if site.settings.raw_text else ""
    which = f" of edition {args.edition}" if edition else ""
    print(
        f"wrote {counts['page']} pages{which} ({len(texts)} texts, {folders} folder indexes)"
        f"{raw} to {out_dir}"
    )
    warned = any(d.level == "warning" for d in diagnostics)
    return EXIT_FAILED if args.strict and warned else EXIT_OK


def _edition(site: Site, prefix: str) -> EditionBuilder:
    """The builder of edition ``prefix`` of ``extra.wenji.editions``."""
    editions = {edition.prefix: edition for edition in site.settings.editions}
    if prefix not in editions:
        known = ", ".join(editions) or "none configured"
        raise CliError(f"--edition {prefix}: no such edition in extra.wenji.editions ({known})")
    try:
        return EditionBuilder(editions[prefix], site.config_dir)
    except (ValueError, OSError) as error:
        raise CliError(f"extra.wenji.editions ({prefix}): {error}") from None


def run_merge(args: argparse.Namespace) -> int:
    try:
        report = merge_sites(args.sites, args.out)
    except MergeError as error:
        raise CliError(f"merge: {error}") from None
    except OSError as error:
        raise CliError(f"merge: {error.filename or ''}: {error.strerror or error}") from None
    print(
        f"merged {report.slices} slices into {args.out}: {report.files} files "
        f"({report.shared} written by several slices, identical), {report.parts} search parts"
    )
    return EXIT_OK


# --- entry point -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wenji",
        description="Look at raw Chinese texts the way the wenji site build sees them.",
        epilog="Settings are read from extra.wenji of mkdocs.yml (default: ./mkdocs.yml "
        "if it exists, else the defaults). Exit codes: 0 done, 1 text skipped or "
        "warnings under --strict, 2 usage, missing file or bad configuration, 141 output "
        "closed early (e.g. by `| head`).",
    )
    parser.add_argument("--version", action="version", version=f"wenji {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    config_help = "the site configuration (default: ./mkdocs.yml if it exists)"
    inspect = commands.add_parser(
        "inspect",
        help="show what the build makes of one .txt",
        description="Show what the build makes of one .txt: encoding, removed "
        "boilerplate, title and metadata, the outline with source line numbers, "
        "and every diagnostic. Exit 1 if the file cannot become a page.",
    )
    inspect.add_argument("file", type=Path, metavar="FILE", help="the .txt to inspect")
    inspect.add_argument("--config", type=Path, metavar="MKDOCS_YML", help=config_help)
    inspect.add_argument("--json", action="store_true", help="print the report as JSON")
    inspect.set_defaults(run=run_inspect)

    export = commands.add_parser(
        "export",
        help="write every generated page as Markdown",
        description="Write every page the build generates from the corpus, as the "
        "Markdown MkDocs renders: one per text, one index per folder, and the raw .txt "
        "copies if raw_text is on. Existing files in DIR are overwritten, others are "
        "left alone. Diagnostics go to stderr.",
    )
    export.add_argument("dir", type=Path, metavar="DIR", help="where to write the pages")
    export.add_argument("--config", type=Path, metavar="MKDOCS_YML", help=config_help)
    export.add_argument("--strict", action="store_true", help="exit 1 if there was any warning")
    export.add_argument(
        "--edition",
        metavar="PREFIX",
        help="write the pages of this script edition of extra.wenji.editions (e.g. zh-tw), "
        "at its addresses (DIR/zh-tw/...), instead of the primary edition",
    )
    export.set_defaults(run=run_export)

    merge = commands.add_parser(
        "merge",
        help="join the slices of a site (built with WENJI_SHARD=K/N) into one site",
        description="Copy the sites of slices 1..N (each built with WENJI_SHARD=K/N or "
        "extra.wenji.shard) into one site. Files written by several slices must be "
        "identical, else the merge stops naming the file. Writes each edition's "
        "pagefind/wenji-parts.json listing every slice's search parts. --out must be a "
        "new or empty folder outside every slice; it appears only if the merge succeeds.",
    )
    merge.add_argument("sites", type=Path, nargs="+", metavar="SITE", help="a slice's site")
    merge.add_argument(
        "--out", type=Path, required=True, metavar="SITE", help="where to write the site"
    )
    merge.set_defaults(run=run_merge)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        try:
            return args.run(args)
        except CliError as error:
            print(f"wenji: {error}", file=sys.stderr)
            return EXIT_USAGE
        finally:
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """The reader closed our output (``wenji inspect FILE | head``): stop quietly, as
    ``cat`` does. Output still buffered goes to /dev/null so that Python's final flush
    does not raise again (the recipe of the ``signal`` module's documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PIPE
