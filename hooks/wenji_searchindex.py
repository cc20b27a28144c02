"""MkDocs adapter: the Pagefind index of a build, fed page by page
(:class:`wenji.indexer.StreamingIndex`), finished after the last page."""

from __future__ import annotations

from pathlib import Path

from wenji.indexer import SearchIndexError, StreamingIndex
from wenji_state import BuildState, Session, log


def start_index(site_dir: Path, state: BuildState, session: Session) -> None:
    """Start Pagefind for this build (``serve --dirty`` keeps the first build's index)."""
    if not state.pagefind:
        return
    if session.serve_dirty and (site_dir / "pagefind" / "pagefind-entry.json").is_file():
        return
    try:
        folder = state.shard.shard.folder if state.shard else ""  # a slice's parts apart
        state.index = StreamingIndex(site_dir, tuple(state.editions), folder=folder)
    except SearchIndexError as error:
        log.warning("wenji: search: %s; the site has no search", error)


def stop_index(state: BuildState) -> None:
    """Stop Pagefind's parts of an unfinished build."""
    if state.index is not None:
        state.index.abort()
        state.index = None


def finish_index(state: BuildState, session: Session) -> None:
    """Pagefind's last parts and the bundles moved into place; failure is a warning."""
    index, state.index = state.index, None
    if index is None:
        if state.pagefind and session.serve_dirty:
            log.info("wenji: search: index kept from the first build (serve --dirty)")
        return
    try:
        report = index.finish()
    except SearchIndexError as error:
        log.warning("wenji: search: %s; the site has no search", error)
        return
    for problem in report.retried:
        log.info("wenji: search: Pagefind retried once after: %s", problem)
    for problem in report.unmerged:
        log.warning("wenji: search: parts not joined into one index (%s); kept as parts", problem)
    if report.merged:
        log.info(
            "wenji: search: parts joined into one index per edition (%d) in %.1f s",
            report.merged,
            report.merge_seconds,
        )
    languages = ", ".join(f"{lang} {count}" for lang, count in report.languages.items())
    log.info(
        "wenji: search: Pagefind indexed %d pages (%s) in %.1f s (%d parts), %.1f s after the "
        "last page",
        report.pages,
        languages,
        report.seconds,
        report.parts,
        report.tail_seconds,
    )
