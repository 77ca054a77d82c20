"""The one place that knows the order of the stages: read -> extract -> (map -> store)."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .errors import CooperationGraphError, InputError
from .extract import extract
from .gazetteer import load_gazetteer
from .ingest import MAX_BYTES, iter_paths, read_articles
from .model import Article, Extraction


def extract_article(article: Article) -> Extraction:
    """All facts of one article."""
    return extract(article, load_gazetteer())


def extract_path(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Iterator[Extraction]:
    """The extractions of every article in one file (raises InputError for a bad file)."""
    for article in read_articles(Path(path), max_bytes=max_bytes):
        yield extract_article(article)


@dataclass
class RunReport:
    """What a run over many files did: counts and one line per problem."""

    files: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.articles} article(s) from {self.files - len(self.errors)} of "
                 f"{self.files} file(s)"]
        if self.errors:
            parts.append(f"{len(self.errors)} file(s) failed")
        if self.warnings:
            parts.append(f"{len(self.warnings)} with no cooperation facts")
        return ", ".join(parts)


def _extract_file(args: tuple[str, int]) -> tuple[str, list[Extraction], str | None]:
    path, max_bytes = args
    done: list[Extraction] = []  # a .jsonl keeps its good lines when others are bad
    try:
        for ex in extract_path(path, max_bytes=max_bytes):
            done.append(ex)
        return path, done, None
    except CooperationGraphError as exc:
        return path, done, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a run
        return path, done, f"{path}: internal error while extracting ({type(exc).__name__}: {exc})"


def iter_extractions(paths: Iterable[Path | str], report: RunReport, *, workers: int = 1,
                     max_bytes: int = MAX_BYTES,
                     progress: Callable[[int], None] | None = None) -> Iterator[Extraction]:
    """Extractions of every article under ``paths``; bad files go to ``report.errors``.

    With ``workers > 1`` files are extracted in parallel processes, results in input order.
    """
    files = [str(p) for p in iter_paths([Path(p) for p in paths])]
    report.files += len(files)
    jobs = [(f, max_bytes) for f in files]
    if workers > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_extract_file, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 8))))
            yield from _collect(results, report, progress)
    else:
        yield from _collect(map(_extract_file, jobs), report, progress)


def _collect(results, report: RunReport, progress) -> Iterator[Extraction]:
    for path, extractions, error in results:
        if error:
            report.errors.append(error)
        for ex in extractions:
            report.articles += 1
            if not (ex.cooperation_pairs or ex.fundings or ex.investments or ex.agreements):
                report.warnings.append(f"{ex.article.path or ex.article.id}: no cooperation facts found")
            yield ex
        if progress:
            progress(1)


# --- build: extract and map in worker processes, write in this one --------------------------

_KNOWN: dict[str, str] = {}  # in each worker: graph IRI -> content key the store already holds


def _init_worker(known: dict[str, str]) -> None:
    global _KNOWN
    _KNOWN = known


def _units_of_file(args: tuple[str, int]) -> tuple[str, list, int, list[str], str | None]:
    """Read, extract and map one file: (path, units, unchanged count, notes, error).

    Articles whose content key the store holds already are not extracted at all."""
    from . import mapping
    from .store import content_key, extraction_unit

    path, max_bytes = args
    units: list = []
    notes: list[str] = []
    unchanged = 0
    try:
        for article in read_articles(Path(path), max_bytes=max_bytes):
            if _KNOWN.get(mapping.article_graph_iri(article)) == content_key(article):
                unchanged += 1
                continue
            ex = extract_article(article)
            if not (ex.cooperation_pairs or ex.fundings or ex.investments or ex.agreements):
                notes.append(f"{article.path or article.id}: no cooperation facts found")
            units.append(extraction_unit(ex))
        return path, units, unchanged, notes, None
    except CooperationGraphError as exc:
        return path, units, unchanged, notes, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a build
        return path, units, unchanged, notes, f"{path}: internal error ({type(exc).__name__}: {exc})"


def build(paths: Iterable[Path | str], store, *, workers: int | None = None,
          max_bytes: int = MAX_BYTES, progress: Callable[[int], None] | None = None):
    """Extract every article under ``paths`` and write one named graph per article into ``store``.

    Extraction and mapping run in ``workers`` processes; writing happens here, in batches that
    each go in whole. Articles the store holds with the same content are skipped before they are
    extracted. Returns the store's BuildReport with ``notes`` (articles without cooperation facts).
    """
    from .store import Failed, build_articles, open_store

    store = open_store(store)
    files = [str(p) for p in iter_paths([Path(p) for p in paths])]
    if not files:
        raise InputError("input", "no supported files found (expected .txt, .html, .htm, .jsonl)")
    known = {g: r.content_hash for g, r in store.records().items() if r.kind == "article"}
    jobs = [(f, max_bytes) for f in files]
    workers = workers or default_workers()
    unchanged = 0
    notes: list[str] = []

    def items(results) -> Iterator:
        nonlocal unchanged
        for path, units, skipped, file_notes, error in results:
            unchanged += skipped
            notes.extend(file_notes)
            yield from units
            if error:
                yield Failed(path, error.removeprefix(f"{path}: "))
            if progress:
                progress(1)

    if workers > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                 initargs=(known,)) as pool:
            report = build_articles(items(_bounded_map(pool, _units_of_file, jobs, workers * 4)), store)
    else:
        _init_worker(known)
        report = build_articles(items(map(_units_of_file, jobs)), store)
    report.skipped += unchanged
    report.notes.extend(notes)
    return report


def _bounded_map(pool: ProcessPoolExecutor, fn: Callable, jobs: list, window: int) -> Iterator:
    """``pool.map(fn, jobs)`` with at most ``window`` jobs submitted and not yet consumed.

    ``Executor.map`` submits every job at once, so when writing is slower than extracting the
    finished files pile up in memory (a 500-article file is ~35 MB of units): 1.6 GB at 50 000
    articles. Here a new job is submitted only when a result is taken.
    """
    pending: deque = deque()
    todo = iter(jobs)
    for job in islice(todo, window):
        pending.append(pool.submit(fn, job))
    while pending:
        result = pending.popleft().result()
        for job in islice(todo, 1):
            pending.append(pool.submit(fn, job))
        yield result


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def check_any(report: RunReport) -> None:
    """Raise when nothing at all could be read (the CLI then exits non-zero)."""
    if report.files == 0:
        raise InputError("input", "no supported files found (expected .txt, .html, .htm, .jsonl)")
    if report.articles == 0 and report.errors:
        raise InputError("input", f"nothing could be read ({len(report.errors)} file(s) failed)")
