"""Benchmark the whole tool on a synthetic corpus and compare the figures with the targets.

Usage::

    python bench/run.py 10000 [--workdir output/bench] [--workers 2] [--doc docs/benchmarks.md]

Steps, each timed on its own and each reported as ``n/a: reason`` when the component it needs
is missing or fails (the rest still runs):

1. corpus: ``bench/make_corpus.py`` writes N articles (reused when already there) and the
   1 MB / 2 MB articles;
2. extraction alone (``pipeline.iter_extractions``), then ingest end to end:
   ``cooperation_graph.pipeline.build`` (or ``coopgraph build``) into a fresh embedded store,
   each in a child process; the build's whole process tree is sampled for peak RSS;
   then ``grow``: 100 new articles built into that store, twice (the second build reads only
   the changed articles' share of the totals; the first may read all after an older version);
3. every saved query ``queries/*.rq``: median latency over ``--repeats`` runs on the store, and
   the same query text on a plain rdflib in-memory Dataset of the same quads (the baseline),
   each rdflib run capped by ``--rdflib-timeout``;
4. Turtle export;
5. views: ``coopgraph view`` (every page) in a child process, the size of each kind of page,
   the first render of the pages in headless Chromium (``bench/first_render.py``), beside the
   baseline of the same run: pyvis's own page of the entity graph (``from_nx``, default
   physics), as a first try with the libraries would make it;
6. extraction of the 1 MB and the 2 MB article (the time ratio shows whether it is linear).

The table goes to stdout and, unless ``--no-doc``, into ``docs/benchmarks.md`` (one section per
N, rewritten on a rerun).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import importlib.metadata
import inspect
import json
import multiprocessing
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import first_render  # noqa: E402  (sibling scripts, not package modules)
import make_corpus  # noqa: E402

# Targets of issue 6, on one 2-core machine.
INGEST_SECONDS_PER_10K = 60.0
PEAK_RSS_MB = 1536.0
QUERY_MS_10K = 100.0
QUERY_MS_50K = 500.0
AGGREGATE_SPEEDUP = 10.0
TURTLE_SECONDS_10K = 15.0
LINEARITY_RATIO = 2.5
# Targets of the views issue, on one 2-core machine.
VIEW_SECONDS_10K = 20.0
FIRST_RENDER_SECONDS = 3.0
PAGE_MB = 5.0
STEPS = ("extract", "ingest", "grow", "query", "export", "view", "big")
GROW_ARTICLES = 100
GROW_SECONDS = 5.0  # an incremental build of 100 articles into a 50 000-article store (issue 14)
#: Aggregate questions: those that aggregate in SPARQL, and those that read the totals a build
#: writes into the summary graph (the rdflib baseline gets the same quads, summary included).
AGGREGATE = re.compile(r"\b(GROUP\s+BY|COUNT\s*\(|SUM\s*\(|AVG\s*\(|MIN\s*\(|MAX\s*\()|st:summary", re.I)


# --- results ----------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the table: a measured figure, its target and the verdict."""

    section: str
    name: str
    value: str
    target: str = ""
    verdict: str = ""  # PASS / MISS / "" (no target) / n/a


@dataclass
class Report:
    n: int
    command: str
    variant: str = ""  # " steps=..." / " no-rdflib" for a partial run (its own doc section)
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, section: str, name: str, value: str, target: str = "", verdict: str = "") -> None:
        self.rows.append(Row(section, name, value, target, verdict))
        progress(f"{section}: {name}: {value} {verdict}")

    def missing(self, section: str, name: str, reason: str) -> None:
        self.rows.append(Row(section, name, f"n/a: {reason}", "", "n/a"))
        progress(f"{section}: {name}: n/a: {reason}")

    def table(self) -> str:
        """A Markdown table (readable as plain text too)."""
        head = ("step", "measure", "value", "target", "verdict")
        lines = [f"| {' | '.join(head)} |", f"|{'|'.join('---' for _ in head)}|"]
        for r in self.rows:
            cells = (r.section, r.name, r.value, r.target, r.verdict)
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(lines)


def progress(line: str) -> None:
    """One line on stderr as each figure comes in (a 10 000-article run takes minutes)."""
    print(f"[{time.strftime('%H:%M:%S')}] {line}", file=sys.stderr, flush=True)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.1f} ms"


def short_error(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip().splitlines()[0]
    return text[:160]


def optional(module: str, attr: str | None = None) -> Any:
    """A module (or one of its attributes) of the package, or None when it does not exist yet."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    return getattr(mod, attr, None) if attr else mod


# --- machine ----------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GB"
    versions = []
    for name in ("pyoxigraph", "rdflib", "oxrdflib"):
        with contextlib.suppress(Exception):
            versions.append(f"{name} {importlib.metadata.version(name)}")
    load = "unknown"
    with contextlib.suppress(OSError):
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return {"nproc": str(os.cpu_count()), "ram": ram, "cpu": cpu, "load": load,
            "python": platform.python_version(), "libraries": ", ".join(versions)}


def dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    seen: set[tuple[int, int]] = set()  # each file once: the readers' snapshots are hard links
    total = 0
    for p in path.rglob("*"):
        if p.is_file():
            st = p.stat()
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


def mb(n_bytes: float) -> str:
    return f"{n_bytes / 1024 / 1024:.1f} MB"


def size_text(n_bytes: float) -> str:
    """MB, or KB below 1 MB."""
    return mb(n_bytes) if n_bytes >= 1024 * 1024 else f"{n_bytes / 1024:.0f} KB"


# --- step 1: corpus ---------------------------------------------------------------------------


def corpus(report: Report, n: int, workdir: Path, seed: int) -> tuple[list[Path], dict[str, Path]]:
    out = workdir / f"corpus-{n}-seed{seed}"
    manifest = make_corpus.read_manifest(out)
    want = {"articles": n, "seed": seed, "generator_version": make_corpus.GENERATOR_VERSION}
    start = time.perf_counter()
    if manifest and all(manifest.get(k) == v for k, v in want.items()) and \
            all((out / s).exists() for s in manifest["shards"]):
        shards = [out / s for s in manifest["shards"]]
        how = "reused"
    else:
        shards = make_corpus.write_corpus(n, out, seed)
        how = f"generated in {seconds(time.perf_counter() - start)}"
    size = sum(p.stat().st_size for p in shards)
    report.add("corpus", "articles", f"{n:,} in {len(shards)} shard(s), {mb(size)} ({how})")
    big_dir = workdir / f"big-seed{seed}"
    big = {name: big_dir / f"{name}.jsonl" for name in make_corpus.BIG_SIZES}
    if not all(p.exists() for p in big.values()):
        big = make_corpus.write_big(big_dir, seed)
    return shards, big


# --- step 2: ingest ---------------------------------------------------------------------------


def run_sampled(args: list[str]) -> tuple[subprocess.Popen[bytes], bytes, bytes, float, list[int]]:
    """Run ``args`` to the end: (process, stdout, stderr, seconds, [peak RSS of its tree] or [])."""
    stop, peak = threading.Event(), []
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    sampler = threading.Thread(target=peak_tree_rss, args=(proc, stop, peak), daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    return proc, stdout, stderr, elapsed, peak


def peak_tree_rss(proc: subprocess.Popen[bytes], stop: threading.Event, out: list[int]) -> None:
    """Sample the summed RSS of a process and its descendants until stop is set."""
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(proc.pid)
    except psutil.Error:
        return
    peak = 0
    while not stop.is_set():
        total = 0
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for p in procs:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        peak = max(peak, total)
        stop.wait(0.05)
    out.append(peak)


def build_command(paths: list[Path], store: Path, workers: int) -> tuple[list[str], str] | str:
    """The child process that builds the store, or the reason it cannot run."""
    build = optional("cooperation_graph.pipeline", "build")
    if build is not None:
        args = [sys.executable, str(Path(__file__).resolve()), "_build", str(store), str(workers),
                *map(str, paths)]
        return args, "cooperation_graph.pipeline.build"
    coopgraph = shutil.which("coopgraph") or str(Path(sys.executable).parent / "coopgraph")
    try:
        help_text = subprocess.run([coopgraph, "build", "--help"], capture_output=True, text=True,
                                   timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        help_text = ""
    if "--store" not in help_text:
        return "cooperation_graph.pipeline.build and `coopgraph build` do not exist yet"
    args = [coopgraph, "build", *map(str, paths), "--store", str(store)]
    if "--workers" in help_text:
        args += ["--workers", str(workers)]
    return args, "coopgraph build"


def ingest(report: Report, paths: list[Path], store: Path, workers: int, n: int) -> bool:
    if store.exists():
        shutil.rmtree(store)
    store.parent.mkdir(parents=True, exist_ok=True)
    command = build_command(paths, store, workers)
    if isinstance(command, str):
        report.missing("ingest", "articles/s", command)
        return False
    args, how = command
    proc, stdout, stderr, elapsed, peak = run_sampled(args)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        tail = stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        report.missing("ingest", "articles/s", f"{how} exited {proc.returncode}: {tail[0][:160]}")
        return False
    rate = n / elapsed if elapsed else float("inf")
    target_s = INGEST_SECONDS_PER_10K * n / 10_000
    report.add("ingest", f"{n:,} articles, {workers} worker(s) ({how})",
               f"{elapsed:.1f} s = {rate:,.0f} articles/s",
               f"<= {target_s:.0f} s (>= {10_000 / INGEST_SECONDS_PER_10K:.0f}/s)",
               verdict(elapsed <= target_s))
    # Summed RSS of the process tree (workers run at the same time) where psutil is there;
    # otherwise the largest single child, which is a lower bound.
    rss = peak[0] if peak else usage.ru_maxrss * 1024
    label = "peak RSS (process tree, sampled)" if peak else "peak RSS (largest child process)"
    report.add("ingest", label, mb(rss), f"<= {PEAK_RSS_MB:.0f} MB", verdict(rss / 1024 / 1024 <= PEAK_RSS_MB))
    report.add("ingest", "store size on disk", mb(dir_size(store)))
    with contextlib.suppress(Exception):
        info = json.loads(stdout.decode().strip().splitlines()[-1])
        if isinstance(info, dict) and info.get("summary"):
            report.notes.append(f"build summary: {info['summary']}")
    return True


def grow(report: Report, store: Path, workdir: Path, workers: int, n: int, seed: int) -> None:
    """Build 100 new articles into the store of ``n``, twice (a store first built by an older
    version keeps no tally of its totals: its first incremental build reads every article)."""
    for run_no, extra in enumerate((seed + 1_000_001, seed + 2_000_001), start=1):
        out = workdir / f"grow-{GROW_ARTICLES}-seed{extra}"
        shards = make_corpus.write_corpus(GROW_ARTICLES, out, extra)
        command = build_command(shards, store, workers)
        if isinstance(command, str):
            report.missing("grow", "seconds", command)
            return
        proc, stdout, stderr, elapsed, _ = run_sampled(command[0])
        if proc.returncode != 0:
            tail = stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
            report.missing("grow", "seconds", f"{command[1]} exited {proc.returncode}: {tail[0][:160]}")
            return
        report.add("grow", f"{GROW_ARTICLES} new articles into the store of {n:,} (build {run_no})",
                   f"{elapsed:.1f} s", f"<= {GROW_SECONDS:.0f} s", verdict(elapsed <= GROW_SECONDS))
        with contextlib.suppress(Exception):
            info = json.loads(stdout.decode().strip().splitlines()[-1])
            report.notes.append(f"grow build {run_no}: {info['summary']}")


def extract_only(report: Report, paths: list[Path], workers: int, n: int) -> None:
    """Extraction alone (no mapping, no store), to split the ingest time between the stages."""
    if optional("cooperation_graph.pipeline", "iter_extractions") is None:
        report.missing("extract", "articles/s", "cooperation_graph.pipeline.iter_extractions missing")
        return
    args = [sys.executable, str(Path(__file__).resolve()), "_extract", str(workers), *map(str, paths)]
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        tail = proc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        report.missing("extract", "articles/s", f"exited {proc.returncode}: {tail[0][:160]}")
        return
    facts = proc.stdout.decode().strip().splitlines()[-1]
    report.add("extract", f"{n:,} articles, {workers} worker(s), extraction only ({facts})",
               f"{elapsed:.1f} s = {n / elapsed:,.0f} articles/s")


def child_extract(workers: str, paths: list[str]) -> int:
    """Runs in the child: every extraction of the corpus, counted and dropped."""
    from cooperation_graph.pipeline import RunReport, iter_extractions

    run_report = RunReport()
    articles = facts = 0
    for ex in iter_extractions(paths, run_report, workers=int(workers)):
        articles += 1
        facts += (len(ex.officials) + len(ex.fundings) + len(ex.agreements) + len(ex.investments)
                  + len(ex.events))
    print(f"{articles:,} articles read, {facts:,} facts, {len(run_report.errors)} file error(s)")
    return 0


def child_build(store: str, workers: str, paths: list[str]) -> int:
    """Runs in the child: the library build, its summary printed as one JSON line."""
    from cooperation_graph.pipeline import build

    kwargs: dict[str, Any] = {}
    if "workers" in inspect.signature(build).parameters:
        kwargs["workers"] = int(workers)
    result = build([Path(p) for p in paths], store, **kwargs)
    if hasattr(result, "summary"):
        summary = str(result.summary()).splitlines()[0]
    else:
        summary = result if isinstance(result, (dict, str, int)) else repr(result)[:300]
    print(json.dumps({"summary": summary}, default=str, ensure_ascii=False))
    return 0


# --- the store as a query target ----------------------------------------------------------------


def open_store(path: Path) -> tuple[Any, Any]:
    """(the package's store object or None, a pyoxigraph Store on the same data)."""
    import pyoxigraph

    ours = None
    opener = optional("cooperation_graph.store", "open_store")
    if opener is not None:
        try:
            ours = opener(str(path), read_only=True)
        except TypeError:
            ours = opener(str(path))
    raw = getattr(ours, "oxigraph", None) or getattr(ours, "store", None)
    if not isinstance(raw, pyoxigraph.Store):
        raw = pyoxigraph.Store.read_only(str(path))
    return ours, raw


def count_quads(raw: Any) -> tuple[int, int]:
    """(quads, named graphs)."""
    graphs = sum(1 for _ in raw.named_graphs())
    return len(raw), graphs


# --- step 3: queries --------------------------------------------------------------------------


def saved_queries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.rq"))


def bench_params(saved: Any, seed: int) -> dict[str, str]:
    """Values for the parameters of a saved query that select real data in the benchmark graph:
    required ones, and a person's name (the default person is not in the corpus); the other
    parameters keep their defaults (that is what a user runs first)."""
    official = make_corpus.World(seed).officials["Hà Nội"][0].name
    by_name = {"province": "Hà Nội", "official": official, "person": official, "name": official,
               "donor": "Hà Nội", "recipient": "Cần Thơ", "investor": "Hà Nội", "host": "Cần Thơ"}
    by_type = {"string": "Hà Nội", "date": "2019-01-01", "integer": "2019", "decimal": "1000000000",
               "boolean": "true"}
    values = {}
    for param in getattr(saved, "params", ()):
        lowered = param.name.lower()
        if lowered in ("name", "official", "person"):  # a default person is not in the corpus
            values[param.name] = official
            continue
        if not param.required:
            continue
        value = next((v for k, v in by_name.items() if k in lowered), None)
        if value is None and param.name.lower() in ("start", "since", "from"):
            value = "2019-01-01"
        if value is None and param.name.lower() in ("end", "until", "to"):
            value = "2020-12-31"
        values[param.name] = value if value is not None else by_type.get(param.type, "")
    return values


def prepare_query(path: Path, seed: int) -> tuple[Any, str, dict[str, str]]:
    """(the saved query object or the text, the text with its parameters bound, the parameters)."""
    load_query = optional("cooperation_graph.query", "load_query")
    bind = optional("cooperation_graph.query", "bind")
    if load_query is None or bind is None:
        text = path.read_text(encoding="utf-8")
        return text, text, {}
    saved = load_query(path)
    params = bench_params(saved, seed)
    return saved, bind(saved, params), params


class UnionView:
    """A pyoxigraph Store seen with the union of its named graphs as the default graph (the
    articles' facts live in one named graph each)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def query(self, text: str) -> Any:
        return self.raw.query(text, use_default_graph_as_union=True)


def oxigraph_runner(ours: Any, raw: Any, saved: Any, text: str,
                    params: dict[str, str]) -> tuple[Callable[[], int], str]:
    """A function running the query once on the embedded store; the number of result rows."""
    run_query = optional("cooperation_graph.query", "run_query")
    target = ours if ours is not None else UnionView(raw)
    if run_query is not None:
        return (lambda: _count(run_query(target, saved, params))), "run_query"
    return (lambda: _count(target.query(text))), "pyoxigraph"


def _count(result: Any) -> int:
    if isinstance(result, bool):
        return 1
    if hasattr(result, "__len__") and hasattr(result, "kind"):  # query.Result: rows or triples
        return len(result)
    for attr in ("rows", "bindings", "results"):
        inner = getattr(result, attr, None)
        if isinstance(inner, (list, tuple)):
            return len(inner)
    if isinstance(result, (str, bytes)):
        return len(result.splitlines())
    try:
        return sum(1 for _ in result)
    except TypeError:
        return 1


def time_query_in_child(store_path: Path, query_path: Path, seed: int, repeats: int, budget: float,
                        timeout: float) -> tuple[list[float], int, str, bool] | str:
    """(run times, rows, how it ran, stopped at the timeout) or the reason it failed."""
    import queue

    args = [sys.executable, str(Path(__file__).resolve()), "_query", str(store_path), str(query_path),
            str(seed), str(repeats), str(budget)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    lines: "queue.Queue[str | None]" = queue.Queue()

    def pump() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    times: list[float] = []
    rows, how = 0, "?"
    try:
        while True:
            try:
                line = lines.get(timeout=timeout + 30)  # + opening the store and the imports
            except queue.Empty:
                return times, rows, how, True
            if line is None:
                break
            msg = json.loads(line)
            if "error" in msg:
                return msg["error"]
            if "how" in msg:
                how = msg["how"]
            if "t" in msg:
                times.append(msg["t"])
                rows = msg["rows"]
                if msg["t"] > timeout:
                    return times, rows, how, True
            if msg.get("done"):
                break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    if not times:
        err = (proc.stderr.read() if proc.stderr else "").strip().splitlines()[-1:] or ["no result"]
        return f"query child failed: {err[0][:160]}"
    return times, rows, how, False


def child_query(store: str, query: str, seed: str, repeats: str, budget: str) -> int:
    """Runs in the child: warm-up, then timed runs, one JSON line each (flushed at once)."""
    def say(**msg: Any) -> None:
        print(json.dumps(msg, ensure_ascii=False), flush=True)

    try:
        ours, raw = open_store(Path(store))
        saved, text, params = prepare_query(Path(query), int(seed))
        fn, how = oxigraph_runner(ours, raw, saved, text, params)
        say(how=how)
        start = time.perf_counter()
        rows = fn()  # warm-up (parsing, caches), not counted unless it is all we can afford
        warm = time.perf_counter() - start
        if warm > float(budget):
            say(t=warm, rows=rows)
        else:
            for _ in range(max(1, min(int(repeats), int(float(budget) / max(warm, 1e-6))))):
                start = time.perf_counter()
                rows = fn()
                say(t=time.perf_counter() - start, rows=rows)
    except Exception as exc:  # noqa: BLE001
        say(error=short_error(exc))
    say(done=True)
    return 0


def queries(report: Report, store_path: Path, n: int, repeats: int, seed: int,
            baseline: "RdflibBaseline | None", folder: Path, budget: float = 30.0,
            timeout: float = 120.0) -> None:
    """Median latency of every saved query, each query timed in a child process that is
    stopped after ``timeout`` seconds a run; a slow query gets as many runs as ``budget``
    seconds allow (at least one)."""
    paths = saved_queries(folder)
    if not paths:
        report.missing("query", "saved queries", "no queries/*.rq yet")
        return
    limit_ms = QUERY_MS_10K if n <= 10_000 else QUERY_MS_50K if n <= 50_000 else None
    target = f"<= {limit_ms:.0f} ms" if limit_ms else ""
    for path in paths:
        name = path.stem
        try:
            saved, text, params = prepare_query(path, seed)
        except Exception as exc:  # noqa: BLE001 - one broken query must not end the run
            report.missing("query", name, short_error(exc))
            continue
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        label = f"{name}({shown})" if shown else name
        outcome = time_query_in_child(store_path, path, seed, repeats, budget, timeout)
        if isinstance(outcome, str):
            report.missing("query", label, outcome)
            continue
        times, rows, how, timed_out = outcome
        if timed_out:
            report.add("query", f"{label} ({how})", f">{seconds(timeout)} (stopped)", target,
                       "MISS" if limit_ms else "")
            median = timeout
        else:
            median = statistics.median(times)
            report.add("query", f"{label}: {rows} rows, median of {len(times)} ({how})", seconds(median),
                       target, verdict(median * 1000 <= limit_ms) if limit_ms else "")
        if baseline is None:
            continue
        base = baseline.run(text)
        if isinstance(base, str):
            report.add("query", f"{name} on rdflib in-memory", base)
            continue
        base_median, base_rows, base_timed_out = base
        if timed_out:  # both stopped: no ratio to give
            report.add("query", f"{name} on rdflib in-memory",
                       f">{seconds(base_median)} (timeout)" if base_timed_out else seconds(base_median))
            continue
        timed_out = base_timed_out
        ratio = base_median / median if median else float("inf")
        aggregate = bool(AGGREGATE.search(text))
        if timed_out:
            value = f">{seconds(base_median)} (timeout), ≥{ratio:,.1f}× slower"
        else:
            value = f"{seconds(base_median)}, {base_rows} rows, {ratio:,.1f}× slower"
        if base_rows != rows and not timed_out:
            value += f" (row count differs: {rows} vs {base_rows})"
        # A timeout gives only a lower bound: it proves a PASS, never a MISS.
        check = verdict(ratio >= AGGREGATE_SPEEDUP)
        if timed_out and check == "MISS":
            check = "n/a"
            value += " (raise --rdflib-timeout to decide)"
        report.add("query", f"{name} on rdflib in-memory", value,
                   f">= {AGGREGATE_SPEEDUP:.0f}× (aggregate)" if aggregate else "",
                   check if aggregate else "")


# --- the rdflib baseline --------------------------------------------------------------------------


class RdflibBaseline:
    """The same quads in a plain rdflib in-memory Dataset; each query run in a forked child so a
    slow one can be stopped at the timeout. ``union``: the default graph is the union of the
    named graphs, as for :class:`UnionView` (the package's store keeps Oxigraph's empty one)."""

    def __init__(self, raw: Any, workdir: Path, repeats: int, timeout: float, union: bool) -> None:
        import pyoxigraph
        import rdflib

        self.repeats, self.timeout = repeats, timeout
        dump = workdir / "baseline.nq"
        raw.dump(str(dump), format=pyoxigraph.RdfFormat.N_QUADS)
        start = time.perf_counter()
        # rdflib's own parser: oxrdflib's "ox-nquads" loads faster but types plain literals as
        # xsd:string, which rdflib then fails to match against "Hà Nội" in a query (0 rows).
        self.dataset = rdflib.Dataset(default_union=union)
        self.dataset.parse(str(dump), format="nquads")
        self.parser = "rdflib nquads parser"
        self.load_seconds = time.perf_counter() - start
        dump.unlink()

    def run(self, text: str) -> tuple[float, int, bool] | str:
        """(median seconds, rows, timed out) or the reason it could not run."""
        ctx = multiprocessing.get_context("fork")
        recv, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=self._child, args=(text, send), daemon=True)
        child.start()
        send.close()
        times: list[float] = []
        rows, error = 0, None
        timed_out = False
        for _ in range(self.repeats):
            if not recv.poll(self.timeout):
                timed_out = True
                break
            try:
                kind, value, count = recv.recv()
            except EOFError:
                error = "child ended without an answer"
                break
            if kind == "error":
                error = value
                break
            times.append(value)
            rows = count
        child.kill()
        child.join()
        if error:
            return f"n/a: {error}"
        if timed_out and not times:
            return self.timeout, 0, True
        return statistics.median(times), rows, False

    def _child(self, text: str, send: Any) -> None:
        try:
            for _ in range(self.repeats):
                start = time.perf_counter()
                rows = sum(1 for _ in self.dataset.query(text))
                send.send(("ok", time.perf_counter() - start, rows))
        except Exception as exc:  # noqa: BLE001
            send.send(("error", short_error(exc), 0))


# --- step 4: export and views -------------------------------------------------------------------


def export_turtle(report: Report, ours: Any, raw: Any, store_path: Path, out: Path, n: int) -> None:
    export = optional("cooperation_graph.export", "export")
    if export is None:
        report.missing("export", "Turtle", "cooperation_graph.export.export does not exist yet")
        return
    target = TURTLE_SECONDS_10K * max(1.0, n / 10_000)
    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    try:
        written = export(ours if ours is not None else str(store_path), "ttl", out)
    except Exception as exc:  # noqa: BLE001
        report.missing("export", "Turtle", short_error(exc))
        return
    elapsed = time.perf_counter() - start
    path = Path(written) if isinstance(written, (str, Path)) else out
    size = dir_size(path) if path.exists() else 0
    report.add("export", f"Turtle ({mb(size)})", seconds(elapsed), f"<= {target:.0f} s", verdict(elapsed <= target))


def province_html(report: Report, ours: Any, raw: Any, store_path: Path, out: Path) -> None:
    """Both eras' province networks projected from the store and rendered as one page."""
    render = optional("cooperation_graph.views", "render_province_network")
    project = optional("cooperation_graph.projection", "province_network")
    both = optional("cooperation_graph.projection", "province_networks")
    if render is None or project is None:
        report.missing("view", "province network HTML",
                       "cooperation_graph.views.render_province_network / projection.province_network missing")
        return
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    try:
        target = ours if ours is not None else raw
        networks = both(target) if both else {era: project(target, era=era) for era in ("legacy", "current")}
        page = render(networks)
        out.write_text(page, encoding="utf-8")
    except Exception as exc:  # noqa: BLE001
        report.missing("view", "province network HTML", short_error(exc))
        return
    elapsed = time.perf_counter() - start
    nodes = sum(g.number_of_nodes() for g in networks.values())
    edges = sum(g.number_of_edges() for g in networks.values())
    report.add("view", f"province network HTML ({nodes} nodes, {edges} edges, {mb(out.stat().st_size)})",
               seconds(elapsed))


#: Files of other projects the views copy beside their pages (not pages, not our data).
LIBRARY_FILES = {"plotly.min.js", "vis-network.min.js", "vis-network.css"}


def all_views(report: Report, store_path: Path, out: Path, n: int, budget: float) -> None:
    """``coopgraph view`` into a fresh folder, in a child process: its time and memory, the
    size of each kind of page, and how fast the pages draw in headless Chromium; then the
    baseline of the same run (:func:`pyvis_baseline`)."""
    if optional("cooperation_graph.views", "write_views") is None:
        report.missing("view", "all views", "cooperation_graph.views.write_views missing")
        return
    if out.exists():
        shutil.rmtree(out)
    args = [sys.executable, str(Path(__file__).resolve()), "_views", str(store_path), str(out)]
    proc, _, stderr, elapsed, peak = run_sampled(args)
    if proc.returncode != 0:
        tail = stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        report.missing("view", "all views", f"exited {proc.returncode}: {tail[0][:160]}")
        return
    files = [p for p in out.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    target_s = VIEW_SECONDS_10K * max(1.0, n / 10_000)
    report.add("view", f"all views: `coopgraph view`, {len(pages):,} pages, {mb(dir_size(out))} "
               "(process start to end)", seconds(elapsed), f"<= {target_s:.0f} s",
               verdict(elapsed <= target_s))
    if peak:
        report.add("view", "peak RSS of `coopgraph view` (process tree, sampled)", mb(peak[0]))
    # the size of each kind of page; the largest of our files (pages and their data)
    kinds = [("index", "index.html"), ("entity graph", "graph.html"),
             ("province map", "provinces.html"), ("money", "money.html"),
             ("money evidence (data script)", "assets/money-evidence.js"),
             ("article list", "articles/index.html")]
    for label, name in kinds:
        if (out / name).is_file():
            report.add("view", f"size: {label} ({name})", size_text((out / name).stat().st_size))
    largest: dict[str, Path] = {}
    for folder in ("articles", "provinces", "officials"):
        found = [p for p in (out / folder).glob("*.html") if p.name != "index.html"]
        if found:
            largest[folder] = max(found, key=lambda p: p.stat().st_size)
            report.add("view", f"size: largest of {len(found):,} {folder} pages "
                       f"({folder}/{largest[folder].name})", size_text(largest[folder].stat().st_size))
    ours = [p for p in files if p.name not in LIBRARY_FILES]
    biggest = max(ours, key=lambda p: p.stat().st_size)
    report.add("view", f"largest page or data file ({biggest.relative_to(out)})",
               size_text(biggest.stat().st_size), f"<= {PAGE_MB:.0f} MB",
               verdict(biggest.stat().st_size <= PAGE_MB * 1024 * 1024))
    drawn = [("graph.html", out / "graph.html"), ("provinces.html", out / "provinces.html"),
             ("money.html", out / "money.html"), ("articles/index.html", out / "articles/index.html")]
    drawn += [(f"largest {folder} page", path) for folder, path in largest.items()]
    hub = _most_connected(out)
    if hub:  # the explorer (a large graph): the neighbourhood of its most connected node
        drawn.insert(1, (f"graph.html#node=… ({hub[1]}, its neighbourhood drawn)",
                         (out / "graph.html").resolve().as_uri() + "#node=" + hub[0]))
    for label, path in drawn:
        if isinstance(path, Path) and not path.is_file():
            continue
        try:
            took = first_render.first_render(path, timeout=budget)
        except first_render.RenderError as exc:
            report.missing("view", f"first render, headless Chromium: {label}", str(exc))
            continue
        report.add("view", f"first render, headless Chromium: {label}", seconds(took),
                   f"<= {FIRST_RENDER_SECONDS:.0f} s", verdict(took <= FIRST_RENDER_SECONDS))
    pyvis_baseline(report, store_path, out.parent / f"{out.name}-pyvis.html", budget)


def _most_connected(out: Path) -> tuple[str, str] | None:
    """(IRI, label) of the explorer's most connected province, if graph.html is the explorer."""
    data = out / "assets" / "graph-nodes.js"
    if not data.is_file():
        return None
    text = data.read_text(encoding="utf-8")
    nodes = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
    top = nodes["start"]["provinces"][:1]
    iri = next((k for k, v in nodes["iri"].items() if top and v == top[0]), None)
    return (iri, nodes["l"][top[0]]) if iri else None


def pyvis_baseline(report: Report, store_path: Path, page: Path, budget: float) -> None:
    """The baseline: the best-connected nodes (``views.MAX_NODES``, what ``graph.html`` drew
    of a large graph before it opened on a search) as pyvis writes them by default
    (``from_nx``, its assets inlined, default physics laid out in the browser), built in a
    child stopped after ``budget`` seconds, and drawn in Chromium with the same budget."""
    page.unlink(missing_ok=True)
    args = [sys.executable, str(Path(__file__).resolve()), "_pyvis", str(store_path), str(page)]
    start = time.perf_counter()
    try:
        proc = subprocess.run(args, capture_output=True, cwd=ROOT, timeout=budget)
    except subprocess.TimeoutExpired:
        report.add("view", f"{BASELINE}, store read included", f">{budget:.0f} s (stopped)")
        report.missing("view", "baseline: first render of the pyvis page", "no page: not built in time")
        return
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 or not page.is_file():
        tail = proc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        report.missing("view", "baseline: pyvis default page", tail[0][:160])
        return
    report.add("view", f"{BASELINE} ({size_text(page.stat().st_size)}), store read included",
               seconds(elapsed))
    try:
        took = first_render.first_render(page, timeout=budget)
        report.add("view", "baseline: first render of the pyvis page (its layout done)",
                   seconds(took), f"<= {FIRST_RENDER_SECONDS:.0f} s",
                   verdict(took <= FIRST_RENDER_SECONDS))
    except first_render.RenderError as exc:
        if "not drawn" not in str(exc):
            report.missing("view", "baseline: first render of the pyvis page", str(exc))
        else:
            report.add("view", "baseline: first render of the pyvis page (its layout done)",
                       f">{budget:.0f} s (not drawn)", f"<= {FIRST_RENDER_SECONDS:.0f} s", "MISS")


def child_views(store: str, out: str) -> int:
    from cooperation_graph.views import write_views

    written = write_views(store, out)
    print(json.dumps({"files": len(written)}))
    return 0


BASELINE = "baseline: pyvis default page (from_nx) of the best-connected nodes (at most 1,500)"


def child_pyvis(store: str, page: str) -> int:
    """pyvis as its documentation shows it, on the best-connected nodes of the graph."""
    from pyvis.network import Network

    from cooperation_graph import views
    from cooperation_graph.projection import rdf_to_networkx

    G, _ = views._select_top(rdf_to_networkx(store), views.MAX_NODES)
    simple = nx_simple(G)
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    net.from_nx(simple)
    net.write_html(page, notebook=False)
    return 0


def nx_simple(G: Any) -> Any:
    """The entity graph with each node's label and type only (pyvis puts every attribute of a
    node in the page)."""
    import networkx as nx

    simple = nx.DiGraph()
    for node, attrs in G.nodes(data=True):
        simple.add_node(node, label=str(attrs.get("label") or node), title=str(attrs.get("type")))
    simple.add_edges_from((u, v) for u, v in G.edges())
    return simple


# --- step 5: linearity on the big article -----------------------------------------------------


def extract_file(path: Path) -> int:
    """Read and extract every article of one file; the number of facts found."""
    pipeline = importlib.import_module("cooperation_graph.pipeline")
    extract_path = getattr(pipeline, "extract_path", None)
    if extract_path is not None:
        items = list(extract_path(path))
    else:
        from cooperation_graph.ingest import read_articles

        items = [pipeline.extract_article(a) for a in read_articles(path)]
    return sum(len(x.officials) + len(x.fundings) + len(x.agreements) + len(x.investments)
               + len(x.events) for x in items if hasattr(x, "fundings"))


def linearity(report: Report, big: dict[str, Path], runs: int = 2) -> None:
    pipeline = optional("cooperation_graph.pipeline")
    if pipeline is None or not (hasattr(pipeline, "extract_path") or hasattr(pipeline, "extract_article")):
        report.missing("big article", "1 MB vs 2 MB extraction", "cooperation_graph.pipeline has no extract_path")
        return
    timings = {}
    warmup = big["big-1mb"].parent / "warmup.jsonl"  # one ordinary article: imports, gazetteer
    article = next(make_corpus.iter_articles(1))
    warmup.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    try:
        extract_file(warmup)
    except Exception as exc:  # noqa: BLE001
        report.missing("big article", "warm-up", short_error(exc))
        return
    for name, path in big.items():
        try:
            best = float("inf")
            for _ in range(runs):
                start = time.perf_counter()
                facts = extract_file(path)
                best = min(best, time.perf_counter() - start)
        except Exception as exc:  # noqa: BLE001
            report.missing("big article", name, short_error(exc))
            return
        timings[name] = best
        report.add("big article", f"{name} ({path.stat().st_size / 1e6:.2f} MB, {facts:,} facts)", seconds(best))
    ratio = timings["big-2mb"] / timings["big-1mb"] if timings["big-1mb"] else float("inf")
    report.add("big article", "time ratio 2 MB / 1 MB", f"{ratio:.2f}", f"<= {LINEARITY_RATIO}",
               verdict(ratio <= LINEARITY_RATIO))


# --- docs -----------------------------------------------------------------------------------------

DOC_HEADER = """# Benchmarks

Measured by `bench/run.py N` on the synthetic corpus of `bench/make_corpus.py` (see
`bench/README.md`). Each section is one run; rerunning with the same N (and the same
`--steps` / `--skip-rdflib`) replaces its section.
Targets are those of issue 6 on one 2-core machine: 10 000 articles ingested in ≤ 60 s with peak
RSS ≤ 1.5 GB; every saved query ≤ 100 ms median at 10 000 articles (≤ 500 ms at 50 000) and
aggregate queries ≥ 10× faster than rdflib in memory; Turtle export ≤ 15 s; the 2 MB article
extracted in ≤ 2.5× the time of the 1 MB one. Views (the views issue): every page of
`coopgraph view` written in ≤ 20 s at 10 000 articles, each page drawn in ≤ 3 s in headless
Chromium, no page (or data file it loads) over 5 MB.
"""


def write_doc(doc: Path, report: Report, info: dict[str, str], when: str) -> None:
    key = f"n={report.n}{report.variant}"
    begin, end = f"<!-- bench-run {key} -->", f"<!-- /bench-run {key} -->"
    section = "\n".join([
        begin,
        f"## {report.n:,} articles{report.variant.replace(' ', ', ')} — {when}",
        "",
        f"- command: `{report.command}`",
        f"- machine: {info['nproc']} CPU(s), {info['ram']} RAM, {info['cpu']}; Python {info['python']}; "
        f"{info['libraries']}",
        f"- load average at start: {info['load']} (other work on the machine inflates the timings)",
        "",
        report.table(),
        "",
        *[f"- {note}" for note in report.notes],
        end,
    ])
    text = doc.read_text(encoding="utf-8") if doc.exists() else DOC_HEADER
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text, encoding="utf-8")


# --- main -------------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> Report:
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    variant = "" if args.steps == ",".join(STEPS) else f" steps={args.steps}"
    variant += " no-rdflib" if args.skip_rdflib and "query" in args.steps else ""
    report = Report(args.n, command, variant)
    shards, big = corpus(report, args.n, workdir, args.seed)
    steps = set(args.steps.split(","))
    if "extract" in steps:
        extract_only(report, shards, args.workers, args.n)
    store_path = workdir / f"store-{args.n}"
    if "ingest" in steps:
        built = ingest(report, shards, store_path, args.workers, args.n)
    else:
        built = store_path.is_dir()
        report.add("ingest", "store", f"reused {store_path}" if built else "n/a: no store from an earlier run")
    if built and "grow" in steps:
        grow(report, store_path, workdir, args.workers, args.n, args.seed)
    ours = raw = None
    if built and steps & {"query", "export", "view", "ingest"}:
        try:
            ours, raw = open_store(store_path)
            quads, graphs = count_quads(raw)
            report.add("ingest", "graph", f"{quads:,} quads in {graphs:,} named graphs")
        except Exception as exc:  # noqa: BLE001
            report.missing("ingest", "open store", short_error(exc))
    if raw is not None:
        if "query" in steps:
            baseline = None
            if not args.skip_rdflib:
                try:
                    baseline = RdflibBaseline(raw, workdir, args.rdflib_repeats, args.rdflib_timeout,
                                              union=ours is None)
                    report.add("query", f"rdflib in-memory load ({baseline.parser})",
                               seconds(baseline.load_seconds))
                except Exception as exc:  # noqa: BLE001
                    report.missing("query", "rdflib baseline", short_error(exc))
            queries(report, store_path, args.n, args.repeats, args.seed, baseline, args.queries,
                    args.query_budget, args.query_timeout)
            del baseline
            gc.collect()  # the rdflib graph is gigabytes at 10 000 articles
        if "export" in steps:
            export_turtle(report, ours, raw, store_path, workdir / f"export-{args.n}", args.n)
        if "view" in steps:
            province_html(report, ours, raw, store_path, workdir / f"provinces-{args.n}.html")
            all_views(report, store_path, workdir / f"views-{args.n}", args.n,
                      args.view_budget)
    elif steps & {"query", "export", "view"}:
        for section, name in (("query", "saved queries"), ("export", "Turtle"), ("view", "province network HTML")):
            if section in steps:
                report.missing(section, name, "no store was built")
    if "big" in steps:
        linearity(report, big, runs=1 if args.quick else 2)
    return report


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_build"]:
        return child_build(argv[1], argv[2], argv[3:])
    if argv[:1] == ["_query"]:
        return child_query(*argv[1:6])
    if argv[:1] == ["_extract"]:
        return child_extract(argv[1], argv[2:])
    if argv[:1] == ["_views"]:
        return child_views(argv[1], argv[2])
    if argv[:1] == ["_pyvis"]:
        return child_pyvis(argv[1], argv[2])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--workdir", type=Path, default=ROOT / "output" / "bench",
                        help="corpus, store and exports go here (default output/bench)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="extraction processes (default: all cores)")
    parser.add_argument("--repeats", type=int, default=7, help="runs per query on the store (median)")
    parser.add_argument("--query-budget", type=float, default=30.0,
                        help="seconds of repeated runs per query at most (default 30)")
    parser.add_argument("--query-timeout", type=float, default=120.0,
                        help="seconds after which a query run on the store is stopped (default 120)")
    parser.add_argument("--rdflib-repeats", type=int, default=3, help="runs per query on rdflib")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, help="seconds per rdflib run")
    parser.add_argument("--skip-rdflib", action="store_true", help="leave out the rdflib baseline")
    parser.add_argument("--queries", type=Path, default=ROOT / "queries", help="folder of saved .rq queries")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated steps to run (default all: {','.join(STEPS)}); "
                             "without ingest the store of an earlier run is reused")
    parser.add_argument("--quick", action="store_true",
                        help="smoke-test settings: 1 run per query (1 s budget), rdflib capped at 0.5 s, "
                             "the big articles extracted once")
    parser.add_argument("--view-budget", type=float, default=60.0,
                        help="seconds a page may take to draw in Chromium, and the pyvis baseline "
                             "to be built (default 60)")
    parser.add_argument("--doc", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--no-doc", action="store_true", help="print only; do not touch the doc")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be >= 1")
    unknown = set(args.steps.split(",")) - set(STEPS)
    if unknown:
        parser.error(f"unknown step(s) {', '.join(sorted(unknown))}; choose from {', '.join(STEPS)}")
    if args.quick:
        args.view_budget = min(args.view_budget, 20.0)
        args.repeats, args.query_budget = 1, 1.0
        args.rdflib_repeats, args.rdflib_timeout = 1, min(args.rdflib_timeout, 0.5)
    info = machine()
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report = run(args)
    print(f"# bench: {args.n:,} articles, {when}; {info['nproc']} CPU(s), {info['ram']} RAM, {info['cpu']}")
    print(report.table())
    for note in report.notes:
        print(f"- {note}")
    misses = [r for r in report.rows if r.verdict == "MISS"]
    print(f"{sum(r.verdict == 'PASS' for r in report.rows)} PASS, {len(misses)} MISS, "
          f"{sum(r.verdict == 'n/a' for r in report.rows)} n/a")
    if not args.no_doc:
        write_doc(args.doc, report, info, when)
        print(f"recorded in {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
