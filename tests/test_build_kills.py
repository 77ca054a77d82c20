"""A build killed with SIGKILL at every phase never leaves a silently wrong total (issue 12).

Each case runs a real build (``pipeline.build``, what ``coopgraph build`` runs) in its own
process over a small synthetic corpus and the bundled sample, fresh or on top of a store built
from part of it, and kills it at a named point: before it writes anything, before, during and
between its batches of articles, as the totals are recomputed, once they are written but still
marked stale, and during and after the compaction. Then:

* the store opens and every reader of the totals (``pairs``, ``connected``, ``rollup_current``,
  ``funding_given``) answers either exactly what a clean build of the same inputs answers or
  with the stale-totals warning (before the first write: what the store held before);
* the same build run again leaves answers equal to the clean build's, without a warning.

The points are the test's own: the driver wraps the package's functions and kills the process
when one is called (as ``test_stale_totals.py`` does at the totals), with batches of 5 articles
and a compaction after every build (``store.COMPACT_AFTER``) so that every phase happens on a
small corpus. Readers polling the store through a real build never fail either.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cooperation_graph.query import STALE_TOTALS, query_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "tttd-2019-08-23-ha-noi-can-tho.txt"
AGGREGATES = ("pairs", "connected", "rollup_current", "funding_given")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

#: argv: POINT STORE INPUT...; killed with SIGKILL at POINT ("none": not killed; "slow": not
#: killed, but pausing after each write so that readers see every step).
DRIVER = """
import os, signal, sys, threading, time
from functools import partial
from cooperation_graph import pipeline, store, summary

point, path, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
store.COMPACT_AFTER = 1  # every build compacts: a phase to be killed in
store.build_articles = partial(store.build_articles, batch_size=5)  # several batches
calls = {}


def kill():
    os.kill(os.getpid(), signal.SIGKILL)


def at(owner, name, name_of_point, when=lambda *a: True, after=False, delay=None):
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        hit = point == name_of_point and when(*args)
        if hit and delay is not None:  # somewhere inside the call (or just after it)
            threading.Timer(delay, kill).start()
        elif hit and not after:
            kill()
        result = original(*args, **kwargs)
        if hit:
            kill()
        return result

    setattr(owner, name, wrapper)


def nth_article_batch(n):
    def when(self, units):
        if units and units[0].kind == "article":
            calls["article"] = calls.get("article", 0) + 1
            return calls["article"] == n
        return False
    return when


E = store.EmbeddedStore
at(store, "mark_totals_stale", "mark")                              # nothing written yet
at(E, "write_units", "first-batch", nth_article_batch(1))           # gazetteer in, no article
at(E, "write_units", "mid-batch", nth_article_batch(2), delay=0.002)  # inside the 2nd batch
at(E, "write_units", "between-batches", nth_article_batch(3))       # two batches in
at(summary, "refresh", "totals")                                    # every article in
at(E, "write_units", "summary-write", lambda self, units: bool(units) and units[0].kind == "summary")
at(summary, "clear_totals_stale", "summary-written")                # totals in, mark still there
at(E, "compact", "compacting", delay=0.005)
at(E, "compact", "compacted", after=True)
if point == "slow":
    write = E.write_units
    E.write_units = lambda self, units: (write(self, units), time.sleep(0.15))[0]
pipeline.build(inputs, path, workers=1)
"""

FRESH_POINTS = ("mark", "first-batch", "mid-batch", "between-batches", "totals", "summary-write",
                "summary-written", "compacting", "compacted")
INCREMENTAL_POINTS = ("mark", "first-batch", "between-batches", "totals", "summary-write",
                      "summary-written")


def run_build(point: str, store: Path, inputs: list[Path]) -> int:
    done = subprocess.run([sys.executable, "-c", DRIVER, point, str(store), *map(str, inputs)],
                          capture_output=True, cwd=ROOT, timeout=180)
    if done.returncode not in (0, -9):
        raise AssertionError(f"build at {point} ended with {done.returncode}: {done.stderr.decode()[-2000:]}")
    return done.returncode


def answers(store: Path) -> tuple[dict[str, str], bool]:
    """Every totals reader's CSV answer, and whether any of them came with the stale warning."""
    warnings: list[str] = []
    out = {name: query_store(store, name, fmt="csv", warn=warnings.append) for name in AGGREGATES}
    assert set(warnings) <= {STALE_TOTALS}
    return out, bool(warnings)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, object]:
    """Inputs (a part, then the rest), and the answers of clean builds of the part and of all."""
    folder = tmp_path_factory.mktemp("kills")
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "24", str(folder / "gen")],
                   check=True, capture_output=True)
    lines = next((folder / "gen").glob("*.jsonl")).read_text(encoding="utf-8").splitlines(keepends=True)
    part, rest = folder / "part.jsonl", folder / "rest.jsonl"
    part.write_text("".join(lines[:12]), encoding="utf-8")
    rest.write_text("".join(lines[12:]), encoding="utf-8")
    everything = [part, rest, SAMPLE]
    with ThreadPoolExecutor(2) as pool:
        codes = list(pool.map(lambda job: run_build("none", *job),
                              [(folder / "clean", everything), (folder / "base", [part])]))
    assert codes == [0, 0]
    clean, stale = answers(folder / "clean")
    assert not stale and all(text.count("\n") > 1 for text in clean.values()), clean  # rows to compare
    base, stale = answers(folder / "base")
    assert not stale and base != clean
    base_quads = int(query_store(folder / "base", COUNT, fmt="csv").split()[1])
    return {"folder": folder, "inputs": everything, "clean": clean, "base": base, "base_quads": base_quads}


def _killed_then_rerun(corpus: dict, point: str, incremental: bool) -> list[str]:
    """Kill a build at ``point``, check the store, build again, check again; the problems found."""
    folder: Path = corpus["folder"]  # type: ignore[assignment]
    store = folder / f"{'incremental' if incremental else 'fresh'}-{point}"
    if incremental:
        shutil.copytree(folder / "base", store)
    problems = []
    code = run_build(point, store, corpus["inputs"])  # type: ignore[arg-type]
    if code != -9:
        problems.append(f"{store.name}: the build was not killed (the point was never reached)")
    before = corpus["base"] if incremental else None
    if not (store / "CURRENT").exists():  # killed before the store's first file: nothing to read
        if point != "mark" or incremental:
            problems.append(f"{store.name}: no store left")
    else:
        quads = int(query_store(store, COUNT, fmt="csv").split()[1])  # the store opens
        as_it_was = quads == (corpus["base_quads"] if incremental else 0)  # nothing new visible
        got, warned = answers(store)
        for name in AGGREGATES:
            if warned or got[name] == corpus["clean"][name]:  # type: ignore[index]
                continue
            if as_it_was and (got[name] == before[name] if before else got[name].count("\n") == 1):
                continue  # readers still see the store as it was, with its own totals
            problems.append(f"{store.name}: {name} differs from a clean build's without a warning")
    assert run_build("none", store, corpus["inputs"]) == 0  # type: ignore[arg-type]
    got, warned = answers(store)
    if warned or got != corpus["clean"]:
        problems.append(f"{store.name}: after a rerun the answers are not the clean build's "
                        f"(warned: {warned}; differ: {[n for n in AGGREGATES if got[n] != corpus['clean'][n]]})")
    return problems


def test_a_build_killed_at_any_point_is_never_silently_wrong(corpus):
    cases = [(p, False) for p in FRESH_POINTS] + [(p, True) for p in INCREMENTAL_POINTS]
    with ThreadPoolExecutor(2) as pool:
        problems = [p for found in pool.map(lambda case: _killed_then_rerun(corpus, *case), cases) for p in found]
    assert not problems, "\n".join(problems)


def test_readers_polling_through_a_build_never_fail(corpus):
    """While a real build (batches, totals, compaction) adds to a store, every read answers:
    the totals as before the build, the clean build's, or with the stale warning."""
    folder: Path = corpus["folder"]  # type: ignore[assignment]
    store = folder / "polled"
    shutil.copytree(folder / "base", store)
    seen: Counter[tuple[tuple[tuple[str, str], ...], bool]] = Counter()  # distinct answers: bounded memory
    failures: list[BaseException] = []
    building = threading.Event()
    building.set()

    def poll() -> None:
        while building.is_set():
            try:
                got, warned = answers(store)
            except BaseException as exc:  # noqa: BLE001 - any failure of a reader is the finding
                failures.append(exc)
                return  # the first failure is the finding; a reader failing in a loop would fill memory
            seen[tuple(sorted(got.items())), warned] += 1

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        time.sleep(0.2)
        assert run_build("slow", store, corpus["inputs"]) == 0  # type: ignore[arg-type]
    finally:
        building.clear()
        reader.join(60)
    assert not failures, failures[:3]
    assert seen.total() >= 10 and any(warned for _, warned in seen)  # the reader saw the build
    for items, warned in seen:
        got = dict(items)
        assert warned or got in (corpus["base"], corpus["clean"]), got
    assert answers(store) == (corpus["clean"], False)
