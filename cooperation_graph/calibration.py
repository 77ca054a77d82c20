"""Calibrated confidence: the extractors' raw scores turned into measured precision.

An extractor gives each fact a raw score (``0.9`` when a funding names giver and recipient,
``0.7`` for an agreement without a count of contents, ...). Those scores are hand-set and say
little by themselves: on real text a raw ``0.9`` funding was right about three times in four.
The calibration table maps (fact type, raw score) to the precision measured on the real dev
split (``data/eval-real``) for facts of that type whose raw score falls in that bin, so that of
the facts given 0.9 about nine in ten are right.

The table (``data/calibration.json``) is made by ``coopgraph eval data/eval-real --texts ...
--split dev --calibrate`` and keeps the counts behind every number. Each bin's value is

- smoothed: a Beta prior centred on the type's precision, itself shrunk towards the precision
  of all types, each with :data:`PRIOR_STRENGTH` pseudo-facts, so a bin of three facts does not
  claim 1.0;
- monotone: isotonic regression (pool adjacent violators, weighted by facts + prior) across
  the bins of a type, so a higher raw score never gets a lower confidence;
- for a bin with no dev facts, the value of the nearest bin below that has facts (the lowest
  such bin's value when none is below), which keeps the map monotone.

Cooperation pairs carry no evidence and no confidence (``cooperation_pairs`` are bare name
pairs, some stated in no single sentence); they are not calibrated, and ``--min-confidence``
leaves them in. Their measured precision is reported beside the table for reference.
"""

from __future__ import annotations

import json
import logging
import subprocess
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import DATA_DIR
from .errors import InputError
from .model import Evidence, Extraction

log = logging.getLogger(__name__)

#: The repository's ``data/calibration.json`` in a checkout, else the wheel's copy (setup.py).
TABLE_PATH = DATA_DIR / "calibration.json"

#: Fact types that carry evidence, and so a confidence (``pairs`` do not).
CALIBRATED_TYPES: tuple[str, ...] = ("officials", "fundings", "investments", "agreements", "events")

#: Raw-score bins: [0, 0.5), [0.5, 0.55), ..., [0.95, 1.0]. Raw scores are set in steps of 0.05.
EDGES: tuple[float, ...] = (0.0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0)

#: Pseudo-facts of the Beta prior at each level (all types -> type -> bin).
PRIOR_STRENGTH = 5.0


@dataclass(frozen=True)
class Outcome:
    """One extracted fact as the evaluation judged it: its type, raw score and whether it is right."""

    fact_type: str
    raw: float
    right: bool


# --------------------------------------------------------------------------- fitting


def bin_index(raw: float, edges: Sequence[float] = EDGES) -> int:
    """The bin of a raw score (scores are rounded to 2 decimals, edges are exact steps)."""
    i = bisect_right(edges, raw + 1e-9) - 1
    return min(max(i, 0), len(edges) - 2)


def isotonic(values: Sequence[float], weights: Sequence[float]) -> list[float]:
    """The non-decreasing sequence closest to ``values`` in weighted squares (pool adjacent
    violators)."""
    blocks: list[list[float]] = []  # [value, weight, count]
    for v, w in zip(values, weights):
        blocks.append([v, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, c2 = blocks.pop()
            v1, w1, c1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    out: list[float] = []
    for v, _, c in blocks:
        out.extend([v] * int(c))
    return out


def _shrunk(right: float, n: float, prior: float, strength: float = PRIOR_STRENGTH) -> float:
    """Posterior mean of a Beta prior with mean ``prior`` and ``strength`` pseudo-facts."""
    return (right + strength * prior) / (n + strength)


def fit(outcomes: Iterable[Outcome], *, edges: Sequence[float] = EDGES,
        strength: float = PRIOR_STRENGTH) -> dict[str, Any]:
    """The calibration table (``types`` part and global counts) of judged facts."""
    outcomes = [o for o in outcomes if o.fact_type in CALIBRATED_TYPES]
    n_all, right_all = len(outcomes), sum(o.right for o in outcomes)
    overall = (right_all + 1) / (n_all + 2)  # Laplace: a table made from nothing says 0.5
    types: dict[str, Any] = {}
    for fact_type in CALIBRATED_TYPES:
        mine = [o for o in outcomes if o.fact_type == fact_type]
        n_t, right_t = len(mine), sum(o.right for o in mine)
        prior = _shrunk(right_t, n_t, overall, strength)
        counts = [[0, 0] for _ in range(len(edges) - 1)]
        for o in mine:
            c = counts[bin_index(o.raw, edges)]
            c[0] += 1
            c[1] += o.right
        seen = [i for i, (n, _) in enumerate(counts) if n]
        smoothed = {i: _shrunk(counts[i][1], counts[i][0], prior, strength) for i in seen}
        fitted = dict(zip(seen, isotonic([smoothed[i] for i in seen],
                                         [counts[i][0] + strength for i in seen])))
        bins = []
        for i, (n, right) in enumerate(counts):
            if n:
                value = fitted[i]
            else:  # the nearest bin below with facts; none below: the lowest one (or the prior)
                below = [j for j in seen if j < i]
                value = fitted[below[-1]] if below else (min(prior, fitted[seen[0]]) if seen else prior)
            bins.append({"low": edges[i], "high": edges[i + 1], "n": n, "right": right,
                         "smoothed": round(smoothed[i], 4) if n else None,
                         "calibrated": round(value, 3)})
        types[fact_type] = {"n": n_t, "right": right_t, "prior": round(prior, 4), "bins": bins}
    return {"n": n_all, "right": right_all, "prior_strength": strength, "edges": list(edges),
            "types": types}


def make_table(outcomes: Iterable[Outcome], *, source: str, split: str | None, articles: int,
               pairs: tuple[int, int] | None = None) -> dict[str, Any]:
    """A complete table to save: the fit, where and when it was made, and pairs for reference."""
    table = {
        "comment": "Calibrated confidence per fact type and raw-score bin: the precision measured "
                   "on the split named below, smoothed and monotone (cooperation_graph/calibration.py). "
                   "Remake: coopgraph eval data/eval-real --texts data/eval-real/texts --split dev --calibrate",
        "made": {"date": date.today().isoformat(), "commit": _commit(), "eval_dir": source,
                 "split": split, "articles": articles},
        **fit(outcomes),
    }
    if pairs is not None:
        table["pairs_uncalibrated"] = {"found": pairs[0], "right": pairs[1],
                                       "note": "pairs carry no confidence; shown for reference"}
    return table


def _commit() -> str | None:
    """The checkout's commit (with ``+dirty`` when files differ), None outside a git checkout."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("+dirty" if dirty else "")


# --------------------------------------------------------------------------- the table file


def check_table(table: Any, where: str | Path = "calibration table") -> dict[str, Any]:
    """``table`` if it is a usable calibration table; else an InputError saying what is wrong."""
    def bad(why: str) -> InputError:
        return InputError(where, f"not a calibration table: {why}")

    if not isinstance(table, dict) or not isinstance(table.get("types"), dict):
        raise bad("no 'types' object")
    for fact_type, entry in table["types"].items():
        bins = entry.get("bins") if isinstance(entry, dict) else None
        if not bins:
            raise bad(f"{fact_type}: no bins")
        values = []
        for b in bins:
            try:
                low, high, value = float(b["low"]), float(b["high"]), float(b["calibrated"])
                n, right = int(b["n"]), int(b["right"])
            except (KeyError, TypeError, ValueError) as exc:
                raise bad(f"{fact_type}: bin {b!r} ({exc})") from exc
            if not (0.0 <= value <= 1.0 and low < high and 0 <= right <= n):
                raise bad(f"{fact_type}: bin {low}-{high} out of range")
            values.append(value)
        if any(a > b for a, b in zip(values, values[1:])):
            raise bad(f"{fact_type}: calibrated values go down as the raw score goes up")
        if any(a["high"] != b["low"] for a, b in zip(bins, bins[1:])):
            raise bad(f"{fact_type}: bins do not follow each other")
    return table


def read_table(path: Path | str) -> dict[str, Any]:
    """A calibration table from a JSON file (InputError naming the file when it is not one)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read calibration table ({exc})") from exc
    return check_table(data, path)


def write_table(table: dict[str, Any], path: Path | str = TABLE_PATH) -> Path:
    """Save a table (checked first) as stable, readable JSON."""
    path = Path(path)
    check_table(table, path)
    path.write_text(_dumps(table) + "\n", encoding="utf-8")
    load_table.cache_clear()
    return path


def _dumps(value: Any, indent: str = "") -> str:
    """JSON with one bin (or list of numbers) a line: short, and diffs show what moved."""
    flat = not isinstance(value, (dict, list)) or all(
        not isinstance(v, (dict, list)) for v in (value.values() if isinstance(value, dict) else value))
    if flat:
        return json.dumps(value, ensure_ascii=False)
    inner = indent + " "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dumps(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    return "[\n" + ",\n".join(inner + _dumps(v, inner) for v in value) + "\n" + indent + "]"


@lru_cache(maxsize=1)
def load_table() -> dict[str, Any] | None:
    """The shipped table, read once; None (raw scores kept, with a warning) when it is missing."""
    if not TABLE_PATH.is_file():
        log.warning("no calibration table at %s: confidences are the extractors' raw scores", TABLE_PATH)
        return None
    return read_table(TABLE_PATH)


# --------------------------------------------------------------------------- applying


def calibrated(table: dict[str, Any] | None, fact_type: str, raw: float) -> float:
    """The calibrated confidence of a raw score (the raw score for a type the table lacks)."""
    entry = (table or {}).get("types", {}).get(fact_type)
    if not entry:
        return raw
    bins = entry["bins"]
    edges = [b["low"] for b in bins] + [bins[-1]["high"]]
    return float(bins[bin_index(raw, edges)]["calibrated"])


def calibrate(extraction: Extraction, table: dict[str, Any] | None = None) -> Extraction:
    """The extraction with every fact's ``confidence`` calibrated and its raw score kept in
    ``raw_confidence``. Calibrating twice changes nothing (the raw score is read once)."""
    table = load_table() if table is None else table
    if table is None:
        return extraction

    def one(fact_type: str, fact: Any) -> Any:
        ev: Evidence = fact.evidence
        raw = ev.confidence if ev.raw_confidence is None else ev.raw_confidence
        return replace(fact, evidence=replace(ev, confidence=calibrated(table, fact_type, raw),
                                               raw_confidence=raw))

    return replace(extraction, **{t: tuple(one(t, f) for f in getattr(extraction, t))
                                  for t in CALIBRATED_TYPES})


def drop_below(extraction: Extraction, min_confidence: float | None) -> Extraction:
    """The extraction without the facts whose confidence is below ``min_confidence`` (pairs,
    which carry none, are kept)."""
    if min_confidence is None:
        return extraction
    return replace(extraction, **{t: tuple(f for f in getattr(extraction, t)
                                           if f.evidence.confidence >= min_confidence)
                                  for t in CALIBRATED_TYPES})


# --------------------------------------------------------------------------- reporting


@dataclass(frozen=True)
class TypeCalibration:
    """How well one type's confidences match its precision on a set of judged facts."""

    fact_type: str
    n: int
    right: int
    ece: float  # expected calibration error over ten equal-width confidence bins
    high_n: int  # facts given >= 0.9
    high_right: int

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "right": self.right, "ece": round(self.ece, 4),
                "given_0.9_or_more": self.high_n, "right_of_those": self.high_right}


def measure(outcomes: Iterable[Outcome], table: dict[str, Any] | None,
            threshold: float = 0.9) -> dict[str, TypeCalibration]:
    """Per type and ``all``: the expected calibration error of the table's confidences and,
    of the facts given at least ``threshold``, how many are right."""
    outcomes = [o for o in outcomes if o.fact_type in CALIBRATED_TYPES]
    out: dict[str, TypeCalibration] = {}
    for name in (*CALIBRATED_TYPES, "all"):
        mine = [o for o in outcomes if name in ("all", o.fact_type)]
        conf = [(calibrated(table, o.fact_type, o.raw), o.right) for o in mine]
        groups: dict[int, list[tuple[float, bool]]] = {}
        for c, r in conf:
            groups.setdefault(min(int(c * 10), 9), []).append((c, r))
        ece = sum(abs(sum(c for c, _ in g) - sum(r for _, r in g)) for g in groups.values())
        high = [r for c, r in conf if c >= threshold - 1e-9]
        out[name] = TypeCalibration(name, len(mine), sum(o.right for o in mine),
                                    ece / len(mine) if mine else 0.0, len(high), sum(high))
    return out


def reliability_text(table: dict[str, Any]) -> str:
    """The reliability table for a person: per type and bin with facts, n, right and the value."""
    made = table.get("made") or {}
    lines = [f"Calibration table from {made.get('eval_dir')} split {made.get('split')} "
             f"({made.get('articles')} articles, {made.get('date')}, commit {made.get('commit')})",
             "",
             f"{'type':<13}{'raw bin':>12}{'n':>6}{'right':>7}{'precision':>11}{'calibrated':>12}"]
    for fact_type, entry in table["types"].items():
        for b in entry["bins"]:
            if not b["n"]:
                continue
            lines.append(f"{fact_type:<13}{b['low']:>6.2f}-{b['high']:<5.2f}{b['n']:>6}{b['right']:>7}"
                         f"{b['right'] / b['n']:>11.3f}{b['calibrated']:>12.3f}")
        lines.append(f"{'':<13}{'(all)':>12}{entry['n']:>6}{entry['right']:>7}"
                     f"{(entry['right'] / entry['n'] if entry['n'] else 0):>11.3f}"
                     f"{'prior ' + format(entry['prior'], '.3f'):>12}")
    pairs = table.get("pairs_uncalibrated")
    if pairs:
        lines.append(f"{'pairs':<13}{'(none)':>12}{pairs['found']:>6}{pairs['right']:>7}"
                     f"{(pairs['right'] / pairs['found'] if pairs['found'] else 0):>11.3f}"
                     f"{'—':>12}")
    lines.append("Bins without facts take the value of the nearest bin below that has some.")
    return "\n".join(lines)


def measure_text(result: dict[str, TypeCalibration], threshold: float = 0.9) -> str:
    """The calibration check for a person: ECE per type and the right share of high-confidence facts."""
    lines = [f"{'calibration':<13}{'facts':>6}{'right':>7}{'ECE':>8}{f'≥{threshold:g}':>8}{'right':>7}{'share':>8}"]
    for name, c in result.items():
        share = f"{c.high_right / c.high_n:.3f}" if c.high_n else "–"
        lines.append(f"{name:<13}{c.n:>6}{c.right:>7}{c.ece:>8.3f}{c.high_n:>8}{c.high_right:>7}{share:>8}")
    return "\n".join(lines)
