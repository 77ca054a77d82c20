#!/usr/bin/env python3
"""Precision on two wider ordinary news streams, from blind hand judgments.

The 820-article samples (``audit.py``) emit few cooperation facts, too few to measure precision.
Two wider streams are therefore judged as well:

- ``crawl``: every article of the 2017 baomoi crawl behind ``sample.jsonl`` (magizbox/scraper,
  ``vn_news/data/`` at the pinned commit) that is in neither sample, 34,620 articles, ids
  ``crawl-<file name>``; it served to find the classes of error (a dev stream);
- ``vietnews``: 6,000 articles drawn at random from the test part of the VietNews corpus
  (ThanhChinhBK/vietnews, tuoitre / vnexpress / nguoiduatin, 2017-2019; ``vietnews-sample.jsonl``),
  ``vietnews-heldout``: 6,000 more from its val part, and ``vietnews-final``: 10,000 from its
  train part, each judged after a round of fixes whose errors then guided the next round; and
  ``vietnews-last``: 10,000 more from the train part, judged once with the shipped code and never
  used to fix anything; ``vietnews-fresh``: 10,000 more from the train part (none of the above),
  drawn on 2026-12-07 and judged with that day's code; ``vietnews-fresh2``: 20,000 more from the
  train part (none of the above), drawn and judged at the end of that session, with its final code;
  ``vietnews-fresh3``: the same once more (20,000, none of the above), drawn at the start of the next
  session while fresh2's errors guided its fixes, judged once at its end with its final code (its
  errors then guided the next session's rules); ``vietnews-fresh4``: 20,000 more from the train part
  (none of the above, seed 20261207), drawn at the start of that session, judged once at its end;
  ``vietnews-fresh5``: the last 15,000 of the train part's unused articles (seed 20261208), drawn at
  the start of the session after and judged once at its end.

A third source, from another year and other outlets: ``baomoi2013-dev`` and ``baomoi2013-heldout``, the
14,057 distinct articles (200 characters or more) of a one-week 2013 baomoi.com crawl
(dzungcamlang/crawler_baomoi, ``data/<id>.txt`` at the pinned commit; ~65 outlets, dates from the
files), split in two halves by the hash of the id on 2026-12-08: the dev half is judged and used to
fix, the held-out half is judged once at the end of that session and never used to fix.

Each ``*-judgments.jsonl`` holds, per emitted fact, the article id, the fact, the verdict of a
reader who had not read the extractors, and why. No article text is kept: this script
re-creates the texts from local clones (``fetch`` brings them), runs the extractor over them,
and prints per stream and fact type how many emitted facts were judged right, wrong or not yet;
``--unjudged FILE`` lists the facts still to judge. Officials are scored on ``--officials N`` (100)
of those emitted, the N whose stream, article, name and province hash lowest (a sample that stays put
when the extractor changes elsewhere; streams judged before 2026-12-08 drew theirs with
``random.Random(stream).sample``); a verdict carries over when only the wording of the titles changed.

    python3 data/eval-real/stream/wide.py --crawl-mirror /work/.mirror/magizbox+scraper/repo/.git \\
        --vietnews-mirror /work/.mirror/ThanhChinhBK+vietnews/repo \\
        --baomoi-mirror /work/.mirror/dzungcamlang+crawler_baomoi/repo/.git
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from audit import facts_of  # the same fact shapes as the sample's judgments

from cooperation_graph.ingest import make_article
from cooperation_graph.pipeline import extract_article

HERE = Path(__file__).resolve().parent


def _blobs(git_dir: str, commit: str, paths: list[str]):
    """Yield (path, bytes) of each path at commit, through one ``git cat-file --batch``."""
    proc = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for path in paths:
        proc.stdin.write(f"{commit}:{path}\n".encode())
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        if len(header) < 3:
            continue
        raw = proc.stdout.read(int(header[2]))
        proc.stdout.read(1)
        yield path, raw
    proc.stdin.close()
    proc.wait()


def crawl_articles(git_dir: str):
    """The crawl's articles outside the two samples, as (id, title, text)."""
    sys.path.insert(0, str(HERE))
    import recreate

    commit = json.loads((HERE / "sample.jsonl").read_text(encoding="utf-8").splitlines()[0])["commit"]
    skip = {json.loads(line)["path"] for name in ("sample.jsonl", "keyword-sample.jsonl")
            for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()}
    listed = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", commit, "vn_news/data/"],
                            capture_output=True, text=True, check=True).stdout.split()
    for path, raw in _blobs(git_dir, commit, [p for p in listed if p not in skip]):
        title, body = recreate.split_article(raw)
        yield "crawl-" + Path(path).stem, title, recreate.article_text(title, body)


def _person(article: str, fact: dict) -> str:
    return json.dumps([article, "official", fact.get("name"), fact.get("province")], ensure_ascii=False)


def _detokenize(text: str) -> str:
    """VietNews keeps its texts word-segmented (``Hồ_Chí_Minh``, spaces before punctuation)."""
    text = text.replace("_", " ")
    text = re.sub(r" ([,.;:!?%)\]”»])", r"\1", text)
    text = re.sub(r"([(\[“«]) ", r"\1", text)
    return re.sub(r"(\d) ([,.]) (\d)", r"\1\2\3", text)


def vietnews_articles(git_dir: str, sample: Path):
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = {r["path"]: r["id"] for r in records}
    for path, raw in _blobs(git_dir, records[0]["commit"], [r["path"] for r in records]):
        text = _detokenize(raw.decode("utf-8"))
        yield ids[path], text.strip().split("\n", 1)[0].strip(), text


_BAOMOI_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{2}) \d{2}:\d{2} GMT\+7$")


def baomoi_parse(raw: bytes) -> tuple[str, str, str | None]:
    """One file of the 2013 baomoi crawl (dzungcamlang/crawler_baomoi, ``data/<id>.txt``): title,
    lead, body on one line, then ``dd/mm/yy HH:MM GMT+7``, section, tags, outlet. Returns the title,
    the text (title, lead and body, one per line, trailing spaces cut, empty lines dropped) and the
    ISO date."""
    lines = raw.decode("utf-8", errors="replace").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    stamp = max((i for i, line in enumerate(lines) if _BAOMOI_DATE.match(line.strip())), default=None)
    day = None
    if stamp is not None:
        d, m, y = _BAOMOI_DATE.match(lines[stamp].strip()).groups()
        day = f"20{y}-{m}-{d}"
    kept = [line.rstrip() for line in lines[:stamp if stamp is not None else len(lines)] if line.strip()]
    return (kept[0].strip() if kept else ""), "\n".join(kept), day


def baomoi_articles(git_dir: str, sample: Path):
    """The articles listed in ``sample`` (id, commit, path, sha256 of the text), as (id, title, text, date)."""
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_path = {r["path"]: r for r in records}
    for path, raw in _blobs(git_dir, records[0]["commit"], list(by_path)):
        title, text, day = baomoi_parse(raw)
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != by_path[path]["sha256"]:
            print(f"{path}: text differs from the recipe's sha256, skipped", file=sys.stderr)
            continue
        yield by_path[path]["id"], title, text, day


def _facts(item) -> tuple[str, list]:
    """The facts of one stream article (run in a worker process)."""
    aid, title, text, *day = item
    meta = {"id": aid, "title": title} | ({"date": day[0]} if day and day[0] else {})
    return aid, list(facts_of(extract_article(make_article(text, meta))))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--crawl-mirror", help="git dir of magizbox/scraper")
    ap.add_argument("--vietnews-mirror", help="git dir of ThanhChinhBK/vietnews")
    ap.add_argument("--baomoi-mirror", help="git dir of dzungcamlang/crawler_baomoi")
    ap.add_argument("--unjudged", type=Path, default=Path("/tmp/wide-unjudged.jsonl"))
    ap.add_argument("--officials", type=int, default=100, metavar="N",
                    help="score N officials of those emitted (the N whose keys hash lowest: a stable sample)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="extraction processes")
    ap.add_argument("--only", nargs="+", metavar="STREAM", help="score only these streams (e.g. vietnews-fresh)")
    args = ap.parse_args()
    streams = []
    if args.crawl_mirror:
        streams.append(("crawl", "crawl-judgments.jsonl", crawl_articles(args.crawl_mirror)))
    if args.vietnews_mirror:
        for name, judged in (("vietnews-sample", "vietnews-judgments"), ("vietnews-heldout", "vietnews-heldout-judgments"),
                             ("vietnews-final", "vietnews-final-judgments"), ("vietnews-last", "vietnews-last-judgments"),
                             ("vietnews-fresh", "vietnews-fresh-judgments"),
                             ("vietnews-fresh2", "vietnews-fresh2-judgments"),
                             ("vietnews-fresh3", "vietnews-fresh3-judgments"),
                             ("vietnews-fresh4", "vietnews-fresh4-judgments"),
                             ("vietnews-fresh5", "vietnews-fresh5-judgments")):
            if (HERE / f"{name}.jsonl").is_file():
                streams.append((name, f"{judged}.jsonl", vietnews_articles(args.vietnews_mirror, HERE / f"{name}.jsonl")))
    if args.baomoi_mirror:
        for name in ("baomoi2013-dev", "baomoi2013-heldout"):
            if (HERE / f"{name}.jsonl").is_file():
                streams.append((name, f"{name}-judgments.jsonl", baomoi_articles(args.baomoi_mirror, HERE / f"{name}.jsonl")))
    if args.only:
        streams = [s for s in streams if s[0] in args.only]
    if not streams:
        ap.error("name at least one mirror (and, with --only, one of its streams)")
    unjudged = []
    pool = multiprocessing.Pool(args.workers)
    print(f"{'stream':17} {'type':11} {'emitted':>7} {'right':>5} {'wrong':>5} {'unjudged':>8} {'precision':>9}")
    for name, judged_file, articles in streams:
        verdicts = {}
        path = HERE / judged_file
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    j = json.loads(line)
                    verdicts[json.dumps([j["article"], j["type"], j["fact"]], ensure_ascii=False, sort_keys=True)] = j["verdict"]
                    if j["type"] == "official":  # the verdict is about the person and the province
                        verdicts.setdefault(_person(j["article"], j["fact"]), j["verdict"])
        counts: Counter = Counter()
        officials = []
        for aid, found in pool.imap(_facts, articles, chunksize=32):
            for kind, fact in found:
                if kind == "official":
                    officials.append((aid, fact))
                    continue  # officials are judged on a random sample of them, not all
                v = verdicts.get(json.dumps([aid, kind, fact], ensure_ascii=False, sort_keys=True), "unjudged")
                counts[kind, v] += 1
                if v == "unjudged":
                    unjudged.append({"stream": name, "article": aid, "type": kind, "fact": fact})
        # the N whose person key hashes lowest: a sample that stays put when the extractor adds or drops
        # a few officials elsewhere (a random.sample of the whole list would be drawn anew)
        chosen = sorted(officials, key=lambda o: hashlib.sha256((name + _person(*o)).encode()).hexdigest())
        for aid, fact in sorted(chosen[:args.officials], key=lambda o: officials.index(o)):
            v = verdicts.get(json.dumps([aid, "official", fact], ensure_ascii=False, sort_keys=True)) \
                or verdicts.get(_person(aid, fact), "unjudged")
            counts["official", v] += 1
            if v == "unjudged":
                unjudged.append({"stream": name, "article": aid, "type": "official", "fact": fact})
        for kind in sorted({k for k, _ in counts}):
            r, w, u = (counts[kind, v] for v in ("right", "wrong", "unjudged"))
            p = f"{r / (r + w):.2f}" if r + w else "-"
            print(f"{name:17} {kind:11} {r + w + u:7} {r:5} {w:5} {u:8} {p:>9}")
    args.unjudged.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in unjudged), encoding="utf-8")
    print(f"{len(unjudged)} unjudged fact(s) written to {args.unjudged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
