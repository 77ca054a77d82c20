"""The one place that knows the order of the stages: read -> extract -> calibrate -> (map -> store)."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .calibration import calibrate, drop_below, load_table
from .errors import CooperationGraphError, InputError
from .extract import extract
from .gate import may_hold_relation
from .gazetteer import load_gazetteer
from .ingest import MAX_BYTES, iter_paths, jsonl_spans, read_articles
from .model import Article, Extraction


def extract_article(article: Article, *, gate: bool = False) -> Extraction:
    """All facts of one article, their confidences calibrated (data/calibration.json); with
    ``gate``, none for an article the relevance gate sets aside (see gate.py)."""
    if gate and not may_hold_relation(article, load_gazetteer()):
        return Extraction(article=article, warnings=("set aside by the relevance gate",))
    return calibrate(extract(article, load_gazetteer()))


def extract_path(path: Path | str, *, max_bytes: int = MAX_BYTES, gate: bool = False) -> Iterator[Extraction]:
    """The extractions of every article in one file (raises InputError for a bad file)."""
    for article in read_articles(Path(path), max_bytes=max_bytes):
        yield extract_article(article, gate=gate)


@dataclass
class RunReport:
    """What a run over many files did: counts and one line per problem."""

    files: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed_files: int = 0  # files of which nothing could be read
    bad_items: int = 0  # lines or articles refused in files that gave others
    unread_paths: int = 0  # folders that could not be listed, symlink loops, broken links

    def summary(self) -> str:
        parts = [f"{self.articles} article(s) from {self.files - self.failed_files} of "
                 f"{self.files} file(s)"]
        if self.failed_files:
            parts.append(f"{self.failed_files} file(s) failed")
        if self.bad_items:
            parts.append(f"{self.bad_items} bad line(s) or article(s) left out")
        if self.unread_paths:
            parts.append(f"{self.unread_paths} path(s) not read")
        if self.warnings:
            parts.append(f"{len(self.warnings)} with no cooperation facts")
        return ", ".join(parts)


def _extract_file(args: tuple[str, int]) -> tuple[str, list[Extraction], list[str]]:
    """Read and extract one file: (path, extractions, one error line per bad line or article).

    A bad line of a .jsonl file, or an article whose extraction fails, costs that article only.
    """
    path, max_bytes = args
    done: list[Extraction] = []
    errors: list[str] = []
    try:
        for article in read_articles(Path(path), max_bytes=max_bytes,
                                     on_error=lambda exc: errors.append(str(exc))):
            try:
                done.append(extract_article(article))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a run
                errors.append(f"{_where(path, article)}: internal error while extracting "
                              f"({type(exc).__name__}: {exc})")
    except CooperationGraphError as exc:
        errors.append(str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a run
        errors.append(f"{path}: internal error while reading ({type(exc).__name__}: {exc})")
    return path, done, errors


def _where(path: str, article: Article) -> str:
    """The file, and the article's id when the file holds many (a .jsonl)."""
    return f"{path} (article {article.id})" if path.lower().endswith(".jsonl") else path


def iter_extractions(paths: Iterable[Path | str], report: RunReport, *, workers: int = 1,
                     max_bytes: int = MAX_BYTES,
                     progress: Callable[[int], None] | None = None) -> Iterator[Extraction]:
    """Extractions of every article under ``paths``; bad files go to ``report.errors``.

    With ``workers > 1`` files are extracted in parallel processes, results in input order.
    """
    unread: list[InputError] = []
    files = [str(p) for p in iter_paths([Path(p) for p in paths], on_error=unread.append)]
    report.errors.extend(str(exc) for exc in unread)
    report.unread_paths += len(unread)
    report.files += len(files)
    jobs = [(f, max_bytes) for f in files]
    if workers > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_extract_file, jobs, chunksize=max(1, min(64, len(jobs) // (workers * 8))))
            yield from _collect(results, report, progress)
    else:
        yield from _collect(map(_extract_file, jobs), report, progress)


def _collect(results, report: RunReport, progress) -> Iterator[Extraction]:
    for path, extractions, errors in results:
        report.errors.extend(errors)
        if errors and not extractions:
            report.failed_files += 1
        elif errors:
            report.bad_items += len(errors)
        for ex in extractions:
            report.articles += 1
            if not (ex.cooperation_pairs or ex.fundings or ex.investments or ex.agreements):
                report.warnings.append(f"{ex.article.path or ex.article.id}: no cooperation facts found")
            yield ex
        if progress:
            progress(1)


# A .jsonl file bigger than this is read in pieces of about this size, in parallel.
JSONL_PIECE = 1_000_000


def _jobs(files: list[str]) -> list[tuple[str, tuple[int, int, int] | None, int]]:
    """(file, span of a .jsonl piece or None, bytes) for each unit of work, in input order."""
    out: list[tuple[str, tuple[int, int, int] | None, int]] = []
    for f in files:
        try:
            size = os.stat(f).st_size
        except OSError:
            size = 0
        if f.lower().endswith(".jsonl") and size > JSONL_PIECE:
            out.extend((f, span, span[1] - span[0]) for span in jsonl_spans(Path(f), JSONL_PIECE))
        else:
            out.append((f, None, size))
    return out


def total_bytes(paths: Iterable[Path | str]) -> int:
    """The bytes a run over ``paths`` reads (what its progress counts)."""
    total = 0
    for p in iter_paths([Path(p) for p in paths]):
        try:
            total += p.stat().st_size
        except OSError:
            pass
    return total


# --- build: extract and map in worker processes, write in this one --------------------------

_KNOWN: dict[str, str] = {}  # in each worker: graph IRI -> content key the store already holds


def build_key(article: Article, min_confidence: float | None = None) -> str:
    """What a build records as an article's content key: the store's key (text and package
    version), the calibration table's date and, when facts were dropped, the threshold; so
    that a new table or another ``--min-confidence`` rebuilds the articles it changes."""
    from .store import content_key

    made = (load_table() or {}).get("made") or {}
    key = f"{content_key(article)}@cal:{made.get('date')}/{made.get('commit')}"
    return key if min_confidence is None else f"{key}@min:{min_confidence:g}"


_GATE = True  # in each worker: whether the relevance gate runs (see gate.py)


def gate_key(key: str) -> str:
    """The content key of an article the relevance gate set aside: a new gate reads it again."""
    from .gate import VERSION

    return f"{key}@gate:{VERSION}"


def _init_worker(known: dict[str, str], use_gate: bool = True) -> None:
    global _KNOWN, _GATE
    _KNOWN = known
    _GATE = use_gate


def _units_of_file(args: tuple[str, int, float | None, tuple[int, int, int] | None, int]
                   ) -> tuple[str, list, int, list[str], list[tuple[str, str]], int]:
    """Read, extract and map one file or piece of a .jsonl file: (path, units, unchanged
    count, notes, errors, bytes), each error a (source, message) pair: a bad line or article
    costs itself only.

    Articles whose content key the store holds already are not extracted at all; facts below
    ``min_confidence`` are dropped before mapping."""
    from dataclasses import replace

    from . import mapping
    from .store import Unit, extraction_unit

    path, max_bytes, min_confidence, span, size = args
    units: list = []
    notes: list[str] = []
    errors: list[tuple[str, str]] = []
    unchanged = 0
    try:
        for article in read_articles(Path(path), max_bytes=max_bytes, span=span,
                                     on_error=lambda exc: errors.append((str(exc.path), exc.problem))):
            try:
                key = build_key(article, min_confidence)
                graph = mapping.article_graph_iri(article)
                held = _KNOWN.get(graph)
                if held is not None and (held == key or _GATE and held == gate_key(key)):
                    unchanged += 1
                    continue
                if _GATE and not may_hold_relation(article, load_gazetteer()):
                    # no two parties and a relation cue in one stretch: recorded as read, no graph
                    units.append(Unit(graph, (), id=article.id, content_hash=gate_key(key),
                                      source=article.path, kind="gated").packed())
                    continue
                ex = drop_below(extract_article(article), min_confidence)
                if not (ex.cooperation_pairs or ex.fundings or ex.investments or ex.agreements):
                    notes.append(f"{article.path or article.id}: no cooperation facts found")
                units.append(replace(extraction_unit(ex), content_hash=key))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a build
                errors.append((_where(path, article), f"internal error ({type(exc).__name__}: {exc})"))
    except InputError as exc:
        errors.append((str(exc.path), exc.problem))
    except CooperationGraphError as exc:
        errors.append((path, str(exc).removeprefix(f"{path}: ")))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a build
        errors.append((path, f"internal error ({type(exc).__name__}: {exc})"))
    return path, units, unchanged, notes, errors, size


def build(paths: Iterable[Path | str], store, *, workers: int | None = None,
          max_bytes: int = MAX_BYTES, progress: Callable[[int, int], None] | None = None,
          min_confidence: float | None = None, gate: bool = True,
          phase: Callable[[str], None] | None = None, scheduler=None):
    """Extract every article under ``paths`` and write one named graph per article into ``store``.

    With ``gate`` an article that cannot hold a cooperation fact (``gate.may_hold_relation``:
    no two parties and a relation cue in one stretch of text) is not extracted: it is recorded
    as read, without a graph, so that a rerun skips it (``BuildReport.gated``).

    Facts whose calibrated confidence is below ``min_confidence`` are not stored (pairs, which
    carry no confidence, are).

    Extraction and mapping run in ``workers`` processes; writing happens here, in batches that
    each go in whole; with ``scheduler`` (a Dask scheduler's address) the workers of that
    cluster extract and map instead, and the results come back to this one writer.
    ``progress(bytes, articles)`` is called as input is done (bytes read since
    the last call, articles so far); ``phase(name)`` when the totals and compaction start. Articles the store holds with the same content are skipped before they are
    extracted. Returns the store's BuildReport with ``notes`` (articles without cooperation facts).
    """
    from .store import Failed, build_articles, content_hashes, open_store

    given, store = store, open_store(store)
    try:
        unread: list[InputError] = []
        files = [str(p) for p in iter_paths([Path(p) for p in paths], on_error=unread.append)]
        if not files and not unread:
            raise InputError("input", "no supported files found (expected .txt, .html, .htm, .jsonl)")
        known = content_hashes(store)
        jobs = [(f, max_bytes, min_confidence, span, size) for f, span, size in _jobs(files)]
        workers = workers or default_workers()
        unchanged = 0
        read = 0
        notes: list[str] = []

        def items(results) -> Iterator:
            nonlocal unchanged, read
            yield from (Failed(str(exc.path), exc.problem) for exc in unread)
            for _path, units, skipped, file_notes, errors, size in results:
                unchanged += skipped
                read += len(units) + skipped + len(errors)
                notes.extend(file_notes)
                yield from units
                yield from (Failed(source, message) for source, message in errors)
                if progress:
                    progress(size, read)

        if scheduler:
            client, own = _dask_client(scheduler)  # before anything is written: a wrong address fails clean
            try:
                report = build_articles(items(_on_cluster(client, jobs, known, gate)), store, phase=phase)
            finally:
                if own:
                    client.close()
        elif workers > 1 and len(jobs) > 1:
            _preload()  # before the workers fork, so that they share it
            with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                     initargs=(known, gate)) as pool:
                report = build_articles(items(_bounded_map(pool, _units_of_file, jobs, workers * 4)), store,
                                            phase=phase)
        else:
            _init_worker(known, gate)
            report = build_articles(items(map(_units_of_file, jobs)), store, phase=phase)
        report.skipped += unchanged
        report.notes.extend(notes)
        return report
    finally:
        if store is not given:  # opened here: closing publishes its last writes to readers
            store.close()


def _preload() -> None:
    """What every worker reads first: the gazetteer, the gate's patterns, the calibration table
    and the mapping module (loaded once here instead of once per worker)."""
    from . import mapping  # noqa: F401
    from .gate import prepare

    prepare(load_gazetteer())
    load_table()


def _units_on_worker(known: dict[str, str], use_gate: bool, job: tuple) -> tuple:
    """One job on a Dask worker: the worker has no initializer, so each task brings the store's
    content keys (scattered once) and the gate setting."""
    _init_worker(known, use_gate)
    return _units_of_file(job)


def _dask_client(scheduler) -> tuple:
    """(client, whether we opened it) for a scheduler's address (``tcp://HOST:8786``) or a
    ``distributed.Client``."""
    try:
        from distributed import Client
    except ImportError:
        raise CooperationGraphError("--scheduler needs Dask: pip install 'cooperation-graph[dask]'") from None
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout=10), True
    except OSError as exc:
        raise CooperationGraphError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def _on_cluster(client, jobs: list, known: dict[str, str], use_gate: bool) -> Iterator:
    """The jobs' results from a Dask ``distributed`` cluster, in input order, a bounded number
    in flight; the workers must see the input paths (shared storage)."""
    shared = client.scatter([known], broadcast=True)[0]  # one copy per worker, not per task
    n = sum(client.nthreads().values()) or 1
    yield from _bounded_map(client.get_executor(), _units_on_worker, jobs, n * 4, shared, use_gate)


def _bounded_map(pool, fn: Callable, jobs: list, window: int, *lead: object) -> Iterator:
    """``pool.map(fn, jobs)`` with at most ``window`` jobs submitted and not yet consumed.

    ``Executor.map`` submits every job at once, so when writing is slower than extracting the
    finished files pile up in memory (a 500-article file is ~35 MB of units): 1.6 GB at 50 000
    articles. Here a new job is submitted only when a result is taken. The first ``window``
    are submitted at the call, so the workers start while the caller prepares its writes.
    """
    todo = iter(jobs)
    pending = deque(pool.submit(fn, *lead, job) for job in islice(todo, window))

    def results() -> Iterator:
        while pending:
            result = pending.popleft().result()
            for job in islice(todo, 1):
                pending.append(pool.submit(fn, *lead, job))
            yield result

    return results()


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def check_any(report: RunReport) -> None:
    """Raise when nothing at all could be read (the CLI then exits non-zero)."""
    if report.files == 0 and not report.errors:
        raise InputError("input", "no supported files found (expected .txt, .html, .htm, .jsonl)")
    if report.articles == 0 and report.errors:
        raise InputError("input", f"nothing could be read ({len(report.errors)} error(s))")
