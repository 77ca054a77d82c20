#!/usr/bin/env python3
"""Precision of the extractor on the two stream samples, from the hand judgments.

Runs the extractor over the re-created stream texts (``texts/`` and ``texts-keyword/``, see
``recreate.py``), looks every emitted fact up in ``judgments.jsonl`` and prints, per stratum and
fact type, how many facts are emitted, judged right, judged wrong and not judged yet. The facts
not judged yet (new since the last round of fixes) are written to ``--unjudged`` (JSONL, the
judgment format without a verdict) for a reader who has not seen the extractors to judge; their
verdicts are then appended to ``judgments.jsonl``. Exit code 1 when some fact is unjudged.

    python3 data/eval-real/stream/audit.py [--unjudged /tmp/unjudged.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from cooperation_graph.pipeline import extract_path

HERE = Path(__file__).resolve().parent
STRATA = {"random": HERE / "texts", "keyword": HERE / "texts-keyword"}


def facts_of(ex) -> list[tuple[str, object]]:
    """The facts one extraction emits, in the shape ``judgments.jsonl`` records them."""
    d = ex.to_dict()
    out: list[tuple[str, object]] = []
    for o in d["officials"]:
        out.append(("official", {"name": o["name"], "titles": o["titles"], "province": o["province"]}))
    for p in d["cooperation_pairs"]:
        out.append(("pair", sorted(p)))
    for f in d["fundings"]:
        out.append(("funding", {k: f[k] for k in ("amount_vnd", "donor", "recipient", "status", "qualifier")}))
    for a in d["agreements"]:
        out.append(("agreement", {"parties": sorted(a["parties"]), "kind": a["kind"]}))
    for i in d["investments"]:
        out.append(("investment", {k: i[k] for k in ("investor_province", "host_province", "projects", "capital_vnd")}))
    for e in d["events"]:
        out.append(("event", {k: e[k] for k in ("kind", "date", "place", "organisers")}))
    return out


def key(stratum: str, article: str, kind: str, fact: object) -> str:
    return json.dumps([stratum, article, kind, fact], ensure_ascii=False, sort_keys=True)


def person_key(stratum: str, article: str, kind: str, fact: object) -> str | None:
    """An official's verdict is about the person and the province (what the scorer compares):
    a verdict carries over when only the wording of the titles changed."""
    if kind != "official" or not isinstance(fact, dict):
        return None
    return json.dumps([stratum, article, fact.get("name"), fact.get("province")], ensure_ascii=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unjudged", type=Path, default=Path("/tmp/stream-unjudged.jsonl"))
    ap.add_argument("--wrong", action="store_true", help="list the emitted facts judged wrong, with why")
    args = ap.parse_args()
    verdicts, why = {}, {}
    for line in (HERE / "judgments.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            k = key(j["stratum"], j["article"], j["type"], j["fact"])
            verdicts[k], why[k] = j["verdict"], j.get("why", "")
            p = person_key(j["stratum"], j["article"], j["type"], j["fact"])
            if p:
                verdicts.setdefault(p, j["verdict"])
                why.setdefault(p, j.get("why", ""))
    counts: Counter = Counter()
    per_article: Counter = Counter()
    unjudged = []
    for stratum, folder in STRATA.items():
        if not folder.is_dir():
            print(f"{folder}: missing (re-create it with recreate.py)", file=sys.stderr)
            return 2
        for path in sorted(folder.glob("*.txt")):
            for ex in extract_path(path):
                article = path.stem
                for kind, fact in facts_of(ex):
                    k = key(stratum, article, kind, fact)
                    if k not in verdicts:
                        k = person_key(stratum, article, kind, fact) or k
                    v = verdicts.get(k, "unjudged")
                    if v == "wrong" and args.wrong:
                        print(f"{article} {kind} {json.dumps(fact, ensure_ascii=False)[:140]} | {why[k]}")
                    counts[stratum, kind, v] += 1
                    if kind == "pair":
                        per_article[stratum, article] += 1
                    if v == "unjudged":
                        unjudged.append({"stratum": stratum, "article": article, "type": kind, "fact": fact})
    kinds = sorted({k for _, k, _ in counts})
    print(f"{'stratum':8} {'type':11} {'emitted':>7} {'right':>5} {'wrong':>5} {'unjudged':>8} {'precision':>9}")
    for stratum in STRATA:
        for kind in kinds:
            r, w, u = (counts[stratum, kind, v] for v in ("right", "wrong", "unjudged"))
            if r + w + u:
                p = f"{r / (r + w):.2f}" if r + w else "-"
                print(f"{stratum:8} {kind:11} {r + w + u:7} {r:5} {w:5} {u:8} {p:>9}")
    most = per_article.most_common(1)
    if most:
        print(f"most pairs from one article: {most[0][1]} ({most[0][0][1]})")
    args.unjudged.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in unjudged), encoding="utf-8")
    print(f"{len(unjudged)} unjudged fact(s) written to {args.unjudged}")
    return 1 if unjudged else 0


if __name__ == "__main__":
    sys.exit(main())
