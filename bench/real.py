#!/usr/bin/env python3
"""Benchmark on real news: the 2017 crawl of magizbox/scraper (34,620 articles outside the
evaluation samples), beside the synthetic corpus of run.py.

The articles are third-party text: they are re-created from a local clone into the git-ignored
``output/real/crawl.jsonl`` (``fetch`` brings the clone; the same recipe as
``data/eval-real/stream/wide.py``), never committed. Each step runs in the same session, so the
figures are ratios against a baseline measured in the same run:

1. extraction alone (``pipeline.iter_extractions``, W workers), the baseline;
2. ``pipeline.build`` with ``--no-gate`` into a fresh store;
3. ``pipeline.build`` with the relevance gate (the default) into a fresh store.

    python bench/real.py --mirror /work/.mirror/magizbox+scraper/repo/.git [--limit 10000] [--workers 2]

Prints articles/s for each step, build/extraction ratios, how many articles the gate set
aside, and the speed-up of the gate.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "data" / "eval-real" / "stream"))


def corpus(mirror: str, out: Path, limit: int | None) -> tuple[Path, int]:
    """The crawl as one JSONL file (re-created only when missing or of another size)."""
    import wide  # data/eval-real/stream/wide.py: the crawl's articles outside the samples

    manifest = out.with_suffix(".manifest.json")
    if out.is_file() and manifest.is_file() and json.loads(manifest.read_text())["limit"] == limit:
        return out, json.loads(manifest.read_text())["articles"]
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for aid, title, text in wide.crawl_articles(mirror):
            f.write(json.dumps({"id": aid, "title": title, "text": text, "synthetic": False},
                               ensure_ascii=False) + "\n")
            n += 1
            if limit and n >= limit:
                break
    manifest.write_text(json.dumps({"limit": limit, "articles": n}))
    return out, n


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", required=True, help="git dir of a clone of magizbox/scraper")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--workdir", type=Path, default=ROOT / "output" / "real")
    args = ap.parse_args()

    from cooperation_graph import pipeline
    from cooperation_graph.store import open_store

    path, n = corpus(args.mirror, args.workdir / "crawl.jsonl", args.limit)
    mb = path.stat().st_size / 1e6
    print(f"corpus: {n} real articles, {mb:.0f} MB ({path})")

    # iter_extractions reads a file as one job: give it the pieces build reads in parallel.
    pieces = args.workdir / "pieces"
    shutil.rmtree(pieces, ignore_errors=True)
    pieces.mkdir()
    data = path.read_bytes()
    for i, (a, b, _line) in enumerate(pipeline.jsonl_spans(path, pipeline.JSONL_PIECE)):
        (pieces / f"part-{i:04d}.jsonl").write_bytes(data[a:b])

    def extract_pieces() -> int:
        report = pipeline.RunReport()
        return sum(1 for _ in pipeline.iter_extractions([pieces], report, workers=args.workers))

    t_extract, got = timed(extract_pieces)
    print(f"extract: {got} articles in {t_extract:.1f} s = {got / t_extract:.0f} articles/s "
          f"({mb / t_extract:.2f} MB/s) [baseline]")
    rows = {}
    for name, gate in (("build --no-gate", False), ("build (gate)", True)):
        store_dir = args.workdir / ("store-gate" if gate else "store-nogate")
        shutil.rmtree(store_dir, ignore_errors=True)
        store = open_store(store_dir)
        try:
            t, report = timed(lambda: pipeline.build([path], store, workers=args.workers, gate=gate))
        finally:
            store.close()
        rows[name] = t
        print(f"{name}: {n / t:.0f} articles/s ({t:.1f} s) = {t / t_extract:.2f}x extraction; "
              f"{report.added} added, {report.gated} set aside by the gate, {report.quads_written} quads")
    print(f"gate speed-up: {rows['build --no-gate'] / rows['build (gate)']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
