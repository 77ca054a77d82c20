"""Extraction accuracy as numbers: score extractions against the gold facts of an evaluation set.

An evaluation set is a folder of articles (``NNN-slug.txt``) each beside its gold facts
(``NNN-slug.gold.json``, in the extraction JSON contract), an optional ``resolution.json``
(gold clusters of the same official across articles) and ``baseline.json`` (F1 floors that may
only go up). See ``data/eval/README.md`` for the conventions.

Facts are compared by a key per type, as a multiset per article:

- ``pairs``: the sorted pair of province names;
- ``officials``: name + province;
- ``fundings``: amount + donor + recipient;
- ``investments``: investor + host + capital;
- ``agreements``: the set of parties + number of contents;
- ``events``: date.

Names are compared after NFC, modern tone-mark placement, case folding and space collapsing,
so ``Hoà`` matches ``Hòa``. ``provinces`` (name + era) is reported too but is not part of the
micro-F1, which pools the six fact types above.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .calibration import CALIBRATED_TYPES, Outcome
from .errors import InputError
from .model import Extraction
from .normalize import name_key

FACT_TYPES: tuple[str, ...] = (
    "pairs",
    "officials",
    "fundings",
    "investments",
    "agreements",
    "events",
)
REPORTED_TYPES: tuple[str, ...] = (*FACT_TYPES, "provinces")
GOLD_SUFFIX = ".gold.json"
BASELINE_NAME = "baseline.json"
RESOLUTION_NAME = "resolution.json"

ExtractFn = Callable[[Path], "Extraction | Iterable[Extraction]"]
Key = tuple[Any, ...]


@dataclass(frozen=True)
class Score:
    """Counts of true positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        # Nothing predicted and nothing expected is a perfect score, not a division by zero.
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class ArticleResult:
    """Per-article outcome: scores per type, and readable misses (gold not found) and extras."""

    article_id: str
    path: str
    scores: dict[str, Score]
    misses: dict[str, list[str]]
    extras: dict[str, list[str]]
    error: str | None = None
    judged: tuple[Outcome, ...] = ()  # each extracted fact with evidence: raw score, right or not

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "path": self.path,
            "error": self.error,
            "scores": {t: s.to_dict() for t, s in self.scores.items()},
            "misses": {t: v for t, v in self.misses.items() if v},
            "extras": {t: v for t, v in self.extras.items() if v},
        }


@dataclass(frozen=True)
class ResolutionScore:
    """Pairwise precision/recall/F1 of official clusters against the gold clusters."""

    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int
    mentions: int
    wrong_merges: tuple[str, ...] = ()
    missed_merges: tuple[str, ...] = ()

    @property
    def score(self) -> Score:
        return Score(
            self.correct_pairs,
            self.predicted_pairs - self.correct_pairs,
            self.gold_pairs - self.correct_pairs,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": self.mentions,
            "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "correct_pairs": self.correct_pairs,
            "precision": round(self.score.precision, 4),
            "recall": round(self.score.recall, 4),
            "f1": round(self.score.f1, 4),
            "wrong_merges": list(self.wrong_merges),
            "missed_merges": list(self.missed_merges),
        }


@dataclass(frozen=True)
class EvalReport:
    """Scores of one evaluation run: per type, micro over the fact types, per article."""

    eval_dir: str
    articles: tuple[ArticleResult, ...]
    resolution: ResolutionScore | None = None
    resolution_note: str | None = None
    scores: dict[str, Score] = field(default_factory=dict)

    @property
    def micro(self) -> Score:
        total = Score()
        for fact_type in FACT_TYPES:
            total = total + self.scores.get(fact_type, Score())
        return total

    @property
    def judged(self) -> list[Outcome]:
        """Every extracted fact with evidence, judged against the gold (for calibration)."""
        return [o for a in self.articles for o in a.judged]

    def f1_scores(self) -> dict[str, float]:
        """F1 per reported type, ``micro``, and ``resolution`` when it was scored."""
        result = {t: self.scores.get(t, Score()).f1 for t in REPORTED_TYPES}
        result["micro"] = self.micro.f1
        if self.resolution is not None:
            result["resolution"] = self.resolution.score.f1
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "eval_dir": self.eval_dir,
            "articles": len(self.articles),
            "scores": {t: self.scores.get(t, Score()).to_dict() for t in REPORTED_TYPES},
            "micro": self.micro.to_dict(),
            "resolution": self.resolution.to_dict() if self.resolution else None,
            "resolution_note": self.resolution_note,
            "per_article": [a.to_dict() for a in self.articles],
        }

    def text(self, show_errors: bool = False) -> str:
        """A table for a person; with ``show_errors`` the misses and extras of each article."""
        lines = [
            f"Evaluation of {len(self.articles)} articles in {self.eval_dir}",
            "",
            f"{'type':<13}{'gold':>6}{'found':>7}{'tp':>6}{'prec':>8}{'recall':>8}{'F1':>8}",
        ]

        def row(label: str, s: Score) -> str:
            return (
                f"{label:<13}{s.tp + s.fn:>6}{s.tp + s.fp:>7}{s.tp:>6}"
                f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
            )

        for fact_type in FACT_TYPES:
            lines.append(row(fact_type, self.scores.get(fact_type, Score())))
        lines.append(row("micro", self.micro))
        lines.append(row("(provinces)", self.scores.get("provinces", Score())))
        if self.resolution is not None:
            lines.append(row("resolution", self.resolution.score) + "  (pairwise)")
        if self.resolution_note:
            lines.append(f"resolution: {self.resolution_note}")
        failed = [a for a in self.articles if a.error]
        if failed:
            lines.append(f"{len(failed)} article(s) failed to extract")
        if show_errors:
            lines.extend(_error_lines(self))
        return "\n".join(lines)


def _error_lines(report: EvalReport) -> Iterator[str]:
    for art in report.articles:
        if not art.error and not any(art.misses.values()) and not any(art.extras.values()):
            continue
        yield ""
        yield f"== {art.article_id} ({art.path})"
        if art.error:
            yield f"   error: {art.error}"
        for fact_type in REPORTED_TYPES:
            for item in art.misses.get(fact_type, []):
                yield f"   miss  {fact_type:<11} {item}"
            for item in art.extras.get(fact_type, []):
                yield f"   extra {fact_type:<11} {item}"
    if report.resolution is not None:
        for item in report.resolution.wrong_merges:
            yield f"   resolution wrong merge  {item}"
        for item in report.resolution.missed_merges:
            yield f"   resolution missed merge {item}"


# --- keys -------------------------------------------------------------------------------------


def _name(value: Any) -> str:
    return name_key(str(value)) if value else ""


def _unit(value: Any) -> str:
    """A province's key: any of its names (``Thừa Thiên Huế``, ``Huế``; ``TP.HCM``) as one."""
    if not value:
        return ""
    from .gazetteer import load_gazetteer
    from .normalize import normalize_text

    return _name(load_gazetteer().aliases.get(normalize_text(str(value))) or value)


def _fact_key(fact_type: str, fact: Any) -> Key:
    """The comparison key of one fact (a JSON dict, or a pair for ``pairs``)."""
    if fact_type == "pairs":
        return tuple(sorted(_unit(p) for p in fact))
    if fact_type == "officials":
        return (_name(fact.get("name")), _unit(fact.get("province")))
    if fact_type == "fundings":
        amount = _int(fact.get("amount_vnd"))
        return (amount, _unit(fact.get("donor")), _unit(fact.get("recipient")))
    if fact_type == "investments":
        return (
            _unit(fact.get("investor_province")),
            _unit(fact.get("host_province")),
            _int(fact.get("capital_vnd")),
        )
    if fact_type == "agreements":
        parties = tuple(sorted({_unit(p) for p in fact.get("parties") or ()}))
        return (parties, _int(fact.get("n_contents")))
    if fact_type == "events":
        return (str(fact.get("date") or "")[:10],)
    if fact_type == "provinces":
        return (_unit(fact.get("name")), fact.get("era") or "")
    raise ValueError(f"unknown fact type {fact_type!r}")


def _int(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _display(fact_type: str, fact: Any) -> str:
    """How a fact is printed in the lists of misses and extras."""
    if fact_type == "pairs":
        return " – ".join(str(p) for p in fact)
    if fact_type == "officials":
        return f"{fact.get('name')} ({fact.get('province') or 'central'})"
    if fact_type == "fundings":
        return (
            f"{fact.get('donor')} → {fact.get('recipient')}: "
            f"{_money(fact.get('amount_vnd'))} [{fact.get('status')}]"
        )
    if fact_type == "investments":
        return (
            f"{fact.get('investor_province')} → {fact.get('host_province')}: "
            f"{_money(fact.get('capital_vnd'))}"
        )
    if fact_type == "agreements":
        parties = " – ".join(fact.get("parties") or ())
        return f"{parties}: {fact.get('n_contents')} contents ({fact.get('kind')})"
    if fact_type == "events":
        return f"{fact.get('date')} {fact.get('kind')} in {fact.get('place')}"
    if fact_type == "provinces":
        return f"{fact.get('name')} ({fact.get('era')})"
    return str(fact)


def _money(value: Any) -> str:
    amount = _int(value)
    return "?" if amount is None else f"{amount:,}".replace(",", ".") + " đ"


def _facts(data: dict[str, Any], fact_type: str) -> list[Any]:
    key = "cooperation_pairs" if fact_type == "pairs" else fact_type
    return list(data.get(key) or [])


def compare(
    gold: dict[str, Any], predicted: dict[str, Any], fact_type: str
) -> tuple[Score, list[str], list[str]]:
    """Score one fact type of one article: (score, misses, extras), matching keys as multisets."""
    gold_facts = _facts(gold, fact_type)
    pred_facts = _facts(predicted, fact_type)
    gold_keys = Counter(_fact_key(fact_type, f) for f in gold_facts)
    pred_keys = Counter(_fact_key(fact_type, f) for f in pred_facts)
    matched = gold_keys & pred_keys
    tp = sum(matched.values())
    misses = _unmatched(fact_type, gold_facts, gold_keys - pred_keys)
    extras = _unmatched(fact_type, pred_facts, pred_keys - gold_keys)
    return Score(tp, len(pred_facts) - tp, len(gold_facts) - tp), misses, extras


def _unmatched(fact_type: str, facts: list[Any], left: Counter[Key]) -> list[str]:
    out = []
    for fact in facts:
        key = _fact_key(fact_type, fact)
        if left[key] > 0:
            left[key] -= 1
            out.append(_display(fact_type, fact))
    return out


def _after_merger(gold: dict[str, Any]) -> bool:
    day = str((gold.get("article") or {}).get("date") or "")[:10]
    return bool(day) and day >= "2025-07-01"


def _to_current_units(data: dict[str, Any]) -> dict[str, Any]:
    """In an article written after the 2025 merger, ``tỉnh Hà Giang (cũ)`` and ``Tuyên Quang``
    name the same present-day unit: compare by the current unit (a legacy-only name becomes its
    successor), so gold and extraction may write either."""
    from .gazetteer import load_gazetteer

    gaz = load_gazetteer()

    def cur(name: Any) -> Any:
        if not isinstance(name, str):
            return name
        unit = gaz.get(name, "current")
        return unit.successor if unit is not None and unit.era == "legacy" and unit.successor else name

    out = dict(data)
    pairs = {tuple(sorted(cur(a) for a in p)) for p in data.get("cooperation_pairs") or []}
    out["cooperation_pairs"] = [list(p) for p in sorted(pairs) if p[0] != p[1]]
    for key, fields in (("officials", ("province",)), ("fundings", ("donor", "recipient")),
                        ("investments", ("investor_province", "host_province")),
                        ("events", ("place",))):
        out[key] = [{**f, **{k: cur(f.get(k)) for k in fields}} for f in data.get(key) or []]
    out["agreements"] = [{**a, "parties": [cur(x) for x in a.get("parties") or []]}
                         for a in data.get("agreements") or []]
    provinces: dict[str, dict[str, Any]] = {}
    for p in data.get("provinces") or []:
        name = cur(p.get("name"))
        provinces.setdefault(name, {**p, "name": name, "era": "current" if name != p.get("name")
                                    else p.get("era")})
    out["provinces"] = list(provinces.values())
    return out


def score_article(
    gold: dict[str, Any],
    predicted: dict[str, Any] | None,
    path: str = "",
    error: str | None = None,
) -> ArticleResult:
    """Score one article's prediction (a JSON dict; ``None`` when extraction failed)."""
    predicted = predicted or {}
    if _after_merger(gold):
        gold, predicted = _to_current_units(gold), _to_current_units(predicted)
    scores: dict[str, Score] = {}
    misses: dict[str, list[str]] = {}
    extras: dict[str, list[str]] = {}
    for fact_type in REPORTED_TYPES:
        score, missed, extra = compare(gold, predicted, fact_type)
        scores[fact_type], misses[fact_type], extras[fact_type] = score, missed, extra
    article_id = str((gold.get("article") or {}).get("id") or Path(path).stem)
    return ArticleResult(article_id, path, scores, misses, extras, error,
                         tuple(judge_facts(gold, predicted)))


def judge_facts(gold: dict[str, Any], predicted: dict[str, Any]) -> Iterator[Outcome]:
    """Each predicted fact that carries evidence, in order, with its raw score and whether it
    matches a gold fact (keys matched as multisets, as :func:`compare` counts them)."""
    for fact_type in CALIBRATED_TYPES:
        left = Counter(_fact_key(fact_type, f) for f in _facts(gold, fact_type))
        for fact in _facts(predicted, fact_type):
            key = _fact_key(fact_type, fact)
            right = left[key] > 0
            left[key] -= right
            ev = fact.get("evidence") or {}
            raw = ev.get("raw_confidence")
            yield Outcome(fact_type, float(ev.get("confidence", 0.0) if raw is None else raw), right)


# --- resolution -------------------------------------------------------------------------------


def score_resolution(
    gold_mentions: Iterable[tuple[str, str]],
    gold_clusters: Iterable[Iterable[tuple[str, str]]],
    predicted: dict[tuple[str, str], Any],
) -> ResolutionScore:
    """Pairwise scores of predicted person ids over the gold mentions (article id, name).

    Gold mentions not in any listed cluster are singletons; a gold mention the prediction does
    not know is its own person. Predicted mentions outside the gold set are ignored.
    """
    mentions = sorted({(a, name_key(n)) for a, n in gold_mentions})
    shown = {(a, name_key(n)): f"{a}:{n}" for a, n in gold_mentions}
    gold_id: dict[tuple[str, str], Any] = {m: ("single", m) for m in mentions}
    for index, cluster in enumerate(gold_clusters):
        for article_id, name in cluster:
            key = (article_id, name_key(name))
            if key not in gold_id:
                mentions.append(key)
                shown[key] = f"{article_id}:{name}"
            gold_id[key] = ("cluster", index)
    mentions = sorted(set(mentions))
    pred_id = {(a, name_key(n)): pid for (a, n), pid in predicted.items()}
    gold_pairs = predicted_pairs = correct = 0
    wrong: list[str] = []
    missed: list[str] = []
    for m1, m2 in itertools.combinations(mentions, 2):
        same_gold = gold_id[m1] == gold_id[m2]
        p1, p2 = pred_id.get(m1), pred_id.get(m2)
        same_pred = p1 is not None and p1 == p2
        gold_pairs += same_gold
        predicted_pairs += same_pred
        correct += same_gold and same_pred
        if same_pred and not same_gold:
            wrong.append(f"{shown[m1]} = {shown[m2]}")
        elif same_gold and not same_pred:
            missed.append(f"{shown[m1]} = {shown[m2]}")
    return ResolutionScore(
        gold_pairs, predicted_pairs, correct, len(mentions), tuple(wrong), tuple(missed)
    )


def _resolve(
    extractions: list[Extraction], id_map: dict[str, str]
) -> dict[tuple[str, str], Any] | str:
    """Predicted person ids keyed by gold article id, or the reason resolution was skipped."""
    try:
        from . import resolve  # written separately; optional until it lands
    except ImportError:
        return "cooperation_graph.resolve is not available; resolution not scored"
    resolve_officials = getattr(resolve, "resolve_officials", None)
    if resolve_officials is None:
        return "cooperation_graph.resolve has no resolve_officials(); resolution not scored"
    try:
        result = resolve_officials(extractions)
    except Exception as exc:  # noqa: BLE001 - a broken resolver must not hide the fact scores
        return f"resolve_officials failed ({type(exc).__name__}: {exc}); resolution not scored"
    return {(id_map.get(a, a), name): pid for (a, name), pid in result.items()}


# --- running ----------------------------------------------------------------------------------


SPLITS_NAME = "splits.json"


def gold_files(eval_dir: Path, texts_dir: Path | None = None,
               split: str | None = None) -> list[tuple[Path, Path]]:
    """The (article, gold) path pairs of an evaluation folder, sorted by file name.

    With ``texts_dir`` the gold files are ``eval_dir/gold/*.gold.json`` (or ``eval_dir/*``) and
    each article is ``texts_dir/<id>.txt``: the layout of a set whose texts may not be kept in
    the repository. ``split`` keeps the ids ``eval_dir/splits.json`` lists under that name.
    """
    if not eval_dir.is_dir():
        raise InputError(eval_dir, "not a directory")
    if texts_dir is not None:
        return _gold_with_texts(eval_dir, texts_dir, split)
    if split is not None:
        raise InputError(eval_dir, "--split needs --texts (a set whose texts are kept apart)")
    pairs = []
    for article in sorted(p for p in eval_dir.iterdir() if p.suffix in (".txt", ".html")):
        gold = article.with_name(article.stem + GOLD_SUFFIX)
        if not gold.is_file():
            raise InputError(article, f"no gold file {gold.name} beside it")
        pairs.append((article, gold))
    if not pairs:
        raise InputError(eval_dir, "no articles (*.txt, *.html) to evaluate")
    return pairs


def _gold_with_texts(eval_dir: Path, texts_dir: Path, split: str | None) -> list[tuple[Path, Path]]:
    if not texts_dir.is_dir():
        raise InputError(texts_dir, "no texts folder: re-create the texts first (see the set's README)")
    gold_dir = eval_dir / "gold" if (eval_dir / "gold").is_dir() else eval_dir
    golds = sorted(gold_dir.glob("*" + GOLD_SUFFIX))
    if split is not None:
        splits = load_gold(eval_dir / SPLITS_NAME)
        if split not in splits:
            raise InputError(eval_dir / SPLITS_NAME, f"no split named {split!r} (has {', '.join(sorted(splits))})")
        keep = set(splits[split])
        golds = [g for g in golds if g.name[: -len(GOLD_SUFFIX)] in keep]
    pairs = [(texts_dir / (g.name[: -len(GOLD_SUFFIX)] + ".txt"), g) for g in golds]
    missing = [a for a, _ in pairs if not a.is_file()]
    if missing:
        raise InputError(missing[0], f"text missing ({len(missing)} of {len(pairs)}): re-create the texts "
                                     "first (see the set's README)")
    if not pairs:
        raise InputError(gold_dir, "no gold files (*.gold.json) to evaluate")
    return pairs


def load_gold(path: Path) -> dict[str, Any]:
    """Read one gold file; a broken file is an InputError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read gold facts ({exc})") from exc
    if not isinstance(data, dict):
        raise InputError(path, "gold facts must be a JSON object")
    return data


def default_extract_fn(gate: bool = False) -> ExtractFn:
    """The project pipeline's ``extract_path`` (behind the relevance gate with ``gate``); an
    InputError if it is not there yet."""
    try:
        from . import pipeline
    except ImportError as exc:
        raise InputError("cooperation_graph.pipeline", f"not available ({exc})") from exc
    fn = getattr(pipeline, "extract_path", None)
    if fn is None:
        raise InputError("cooperation_graph.pipeline", "has no extract_path()")
    return (lambda path: fn(path, gate=True)) if gate else fn  # type: ignore[no-any-return]


def _first_extraction(result: Extraction | Iterable[Extraction]) -> Extraction | None:
    if isinstance(result, Extraction):
        return result
    return next(iter(result), None)


def evaluate(eval_dir: Path | str, extract_fn: ExtractFn | None = None, *,
             texts_dir: Path | str | None = None, split: str | None = None,
             gate: bool = False) -> EvalReport:
    """Run ``extract_fn`` on every article of ``eval_dir`` and score it against the gold
    (articles from ``texts_dir`` when the set keeps them apart; see :func:`gold_files`)."""
    eval_dir = Path(eval_dir)
    pairs = gold_files(eval_dir, Path(texts_dir) if texts_dir is not None else None, split)
    extract = extract_fn or default_extract_fn(gate)
    results: list[ArticleResult] = []
    extractions: list[Extraction] = []
    id_map: dict[str, str] = {}
    gold_mentions: list[tuple[str, str]] = []
    for article_path, gold_path in pairs:
        gold = load_gold(gold_path)
        gold_id = str((gold.get("article") or {}).get("id") or article_path.stem)
        gold_mentions.extend((gold_id, o["name"]) for o in gold.get("officials") or [])
        predicted: dict[str, Any] | None = None
        error = None
        try:
            extraction = _first_extraction(extract(article_path))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            extraction, error = None, f"{type(exc).__name__}: {exc}"
        if extraction is not None:
            predicted = extraction.to_dict()
            extractions.append(extraction)
            id_map[extraction.article.id] = gold_id
        elif error is None:
            error = "no extraction returned"
        results.append(score_article(gold, predicted, str(article_path), error))
    totals = {t: sum((r.scores[t] for r in results), Score()) for t in REPORTED_TYPES}
    resolution, note = _score_resolution_file(eval_dir, extractions, id_map, gold_mentions)
    return EvalReport(str(eval_dir), tuple(results), resolution, note, totals)


def _score_resolution_file(
    eval_dir: Path,
    extractions: list[Extraction],
    id_map: dict[str, str],
    gold_mentions: list[tuple[str, str]],
) -> tuple[ResolutionScore | None, str | None]:
    path = eval_dir / RESOLUTION_NAME
    if not path.is_file():
        return None, f"no {RESOLUTION_NAME} in {eval_dir}; resolution not scored"
    clusters = [[tuple(m) for m in c] for c in load_gold(path).get("clusters") or []]
    predicted = _resolve(extractions, id_map)
    if isinstance(predicted, str):
        return None, predicted
    return score_resolution(gold_mentions, clusters, predicted), None


# --- baseline floors --------------------------------------------------------------------------


def load_baseline(path: Path | str) -> dict[str, float]:
    """F1 floors by type name (``micro`` and ``resolution`` included when pinned)."""
    data = load_gold(Path(path))
    return {k: float(v) for k, v in (data.get("floors") or {}).items()}


def regressions(report: EvalReport, floors: dict[str, float]) -> list[str]:
    """One line per score that fell below its floor (empty when all hold)."""
    current = report.f1_scores()
    out = []
    for name, floor in sorted(floors.items()):
        if name not in current:
            if name == "resolution" and floor <= 0.0:
                continue  # not scored yet and nothing pinned: nothing to regress from
            out.append(f"{name}: not scored (floor {floor:.4f})")
        elif current[name] + 1e-9 < floor:
            out.append(f"{name}: F1 {current[name]:.4f} < floor {floor:.4f}")
    return out


def update_baseline(report: EvalReport, path: Path | str) -> dict[str, float]:
    """Raise the floors in ``path`` to the current scores (never lower one); return them."""
    path = Path(path)
    floors = load_baseline(path) if path.is_file() else {}
    for name, value in report.f1_scores().items():
        # Round down so that re-running the same extraction never lands below its own floor.
        pinned = math.floor(value * 10_000 + 1e-6) / 10_000
        floors[name] = max(floors.get(name, 0.0), pinned)
    data = {
        "comment": "F1 floors per fact type; tests fail below them. They may only go up: "
        "coopgraph eval data/eval --update-baseline",
        "floors": {k: floors[k] for k in sorted(floors)},
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return floors


# --- gold as model objects --------------------------------------------------------------------


def gold_to_extraction(gold: dict[str, Any]) -> Extraction:
    """Build model objects from a gold file (the perfect prediction; checks gold fits the model)."""
    from datetime import date as _date
    from datetime import datetime

    from .model import (
        Agreement,
        Article,
        Event,
        Evidence,
        Funding,
        Investment,
        Official,
        Participant,
        ProvinceMention,
    )

    none = Evidence("", 0, 0, 1.0)
    meta = gold.get("article") or {}
    when = datetime.fromisoformat(meta["date"]) if meta.get("date") else None
    article = Article(
        id=str(meta.get("id", "")), title=str(meta.get("title", "")), text="", date=when
    )
    return Extraction(
        article=article,
        provinces=tuple(
            ProvinceMention(
                p["name"], p.get("code", ""), p.get("era", "legacy"), p.get("mentions", 1)
            )
            for p in gold.get("provinces") or ()
        ),
        cooperation_pairs=tuple((a, b) for a, b in gold.get("cooperation_pairs") or ()),
        officials=tuple(
            Official(o["name"], tuple(o.get("titles") or ()), o.get("province"), none)
            for o in gold.get("officials") or ()
        ),
        agreements=tuple(
            Agreement(
                tuple(a["parties"]), a["kind"], a.get("n_contents"), tuple(a.get("fields") or ()),
                a.get("period"), a.get("status", "signed"), tuple(a.get("signatories") or ()), none,
            )
            for a in gold.get("agreements") or ()
        ),
        fundings=tuple(
            Funding(
                f["amount_vnd"], f.get("qualifier"), f.get("donor"), f.get("recipient"),
                f.get("purpose"), f.get("year"), f.get("status", "given"), none,
                tuple(f.get("years") or ()),
            )
            for f in gold.get("fundings") or ()
        ),
        investments=tuple(
            Investment(
                i.get("investor_province"), i.get("host_province"), i.get("projects"),
                i.get("capital_vnd"), i.get("qualifier"), none,
            )
            for i in gold.get("investments") or ()
        ),
        events=tuple(
            Event(
                e["kind"],
                _date.fromisoformat(e["date"]) if e.get("date") else None,
                e.get("place"),
                tuple(e.get("organisers") or ()),
                tuple(Participant(p["name"], p["role"]) for p in e.get("participants") or ()),
                none,
            )
            for e in gold.get("events") or ()
        ),
    )
