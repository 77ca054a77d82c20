"""Rules or a learned classifier for the relevance decision? (issue 11, section 4)

The relevance decision: does an article state a relation between two Vietnamese provinces?
The rules' answer is "the extractor emits at least one cooperation pair". This script compares
it with a small scikit-learn classifier (logistic regression over TF-IDF of the word n-grams of
the sentences that name two or more provinces, plus a few counted features), and with the two
combined, and prints precision, recall and F1 of "relevant" (see docs/relevance.md):

    .venv/bin/pip install scikit-learn      # for this experiment only, not a package dependency
    .venv/bin/python bench/relevance.py [--test] [--repeats 5]

Data (texts are git-ignored; the script stops with a message when they are missing):

- the real excerpts' dev split (data/eval-real, 110): relevant = gold cooperation_pairs non-empty;
- the ordinary stream (data/eval-real/stream, 820): relevant = listed in stream/relevant*.jsonl,
  except police case work (s-016, s-068, s-376), which docs/annotation.md says is no relation.
  Half of it trains (int(sha256(id), 16) % 2 == 0), the other half is held out for evaluation.

Model selection is cross-validation over dev + the stream's training half (stratified, repeated);
the held-out stream half and, with --test, the real test split (55) are scored once by the model
fitted on all the training data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "eval-real"
STREAM = REAL / "stream"
# Listed in stream/relevant.jsonl, but police forces working one case is not a relation
# between provinces (docs/annotation.md).
POLICE_CASE_WORK = {"s-016", "s-068", "s-376"}

# Cue words counted in the sentences that name two or more provinces (one feature per group).
CUES = {
    "cooperate": r"hợp tác|liên kết|phối hợp|cooperat|collaborat|partnership|link",
    "sign": r"ký kết|ký|biên bản|thỏa thuận|thoả thuận|ghi nhớ|sign|agreement|memorandum|mou",
    "support": r"hỗ trợ|ủng hộ|giúp|tài trợ|support|assist|aid|donat|relief",
    "give": r"trao|tặng|trao tặng|chuyển|bàn giao|hand(?:ed)? over|present",
    "twin": r"kết nghĩa|twin|sister",
    "visit": r"thăm|làm việc|đoàn công tác|tiếp|đón|chúc mừng|visit|delegation|received|work(?:ing)? session",
    "invest": r"đầu tư|xúc tiến|dự án|invest|project",
    "event": r"hội nghị|hội thảo|lễ|diễn đàn|tọa đàm|conference|forum|ceremony|festival",
    "list": r"các tỉnh|các địa phương|gồm|bao gồm|provinces of|including",
    "crime": r"công an|bắt|truy nã|đối tượng|nghi phạm|police|arrest|suspect",
}
_CUES = {k: re.compile(rf"(?<![\w])(?:{v})", re.IGNORECASE) for k, v in CUES.items()}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _marked(text: str) -> int:
    """How many letters carry a Vietnamese diacritic (few in English text)."""
    return sum(c in "đĐ" or len(unicodedata.normalize("NFD", c)) > 1 for c in text if c.isalpha())


@dataclass
class Item:
    id: str
    source: str  # "dev", "test", "stream-train", "stream-eval"
    relevant: bool
    rules: bool  # the extractor emits a cooperation pair
    text: str  # the sentences naming >= 2 provinces, provinces masked (never written anywhere)
    features: dict[str, float]


def stream_half(article_id: str) -> str:
    """'stream-train' or 'stream-eval', by a hash of the id."""
    return "stream-train" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 2 == 0 \
        else "stream-eval"


def load_labels() -> list[tuple[str, str, Path, bool]]:
    """(id, source, text path, relevant) for every labelled article whose text is present."""
    splits = json.loads((REAL / "splits.json").read_text(encoding="utf-8"))
    out = []
    for split in ("dev", "test"):
        for article_id in splits[split]:
            gold = json.loads((REAL / "gold" / f"{article_id}.gold.json").read_text(encoding="utf-8"))
            out.append((article_id, split, REAL / "texts" / f"{article_id}.txt",
                        bool(gold.get("cooperation_pairs"))))
    listed = set()
    for name in ("relevant.jsonl", "relevant-keyword.jsonl"):
        for line in (STREAM / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                listed.add(json.loads(line)["id"])
    relevant = listed - POLICE_CASE_WORK
    for folder in ("texts", "texts-keyword"):
        for path in sorted((STREAM / folder).glob("*.txt")):
            out.append((path.stem, stream_half(path.stem), path, path.stem in relevant))
    return out


def describe(article_id: str, source: str, path: Path, relevant: bool) -> Item:
    """Run the rules on one article and compute the classifier's inputs."""
    from cooperation_graph.extract.money import find_money
    from cooperation_graph.extract.text import analyse, names_foreign
    from cooperation_graph.gazetteer import load_gazetteer
    from cooperation_graph.ingest import read_articles
    from cooperation_graph.pipeline import extract_article

    article = next(iter(read_articles(path)))
    rules = bool(extract_article(article).cooperation_pairs)
    doc = analyse(article, load_gazetteer())
    chosen, most = [], 0
    for sent in doc.sentences:
        mentions = doc.mentions_in(sent.start, sent.end)
        names = {m.name for m in mentions}
        most = max(most, len(names))
        if len(names) < 2:
            continue
        # Mask the provinces (the model must not learn which provinces cooperate) and numbers.
        pieces, pos = [], sent.start
        for m in mentions:
            pieces.append(doc.text[pos:m.start])
            pieces.append(" PROV ")
            pos = m.end
        pieces.append(doc.text[pos:sent.end])
        chosen.append(("".join(pieces), sent.text))
    masked = " ".join(_NUMBER.sub("0", m) for m, _ in chosen).lower()
    raw = " ".join(t for _, t in chosen)
    letters = sum(c.isalpha() for c in doc.text) or 1
    features = {
        "provinces": math.log1p(len(doc.province_names)),
        "most_in_a_sentence": math.log1p(most),
        "pair_sentences": math.log1p(len(chosen)),
        "pair_sentence_share": len(chosen) / max(len(doc.sentences), 1),
        "money": float(bool(find_money(raw))) if raw else 0.0,
        "foreign": float(names_foreign(raw)) if raw else 0.0,
        "english": float(_marked(doc.text) / letters < 0.02),
    }
    for cue, pattern in _CUES.items():
        features[f"cue_{cue}"] = float(bool(pattern.search(raw)))
    return Item(article_id, source, relevant, rules, masked, features)


def make_model(c: float, use_text: bool = True):
    """Logistic regression over TF-IDF word 1-3-grams (optional) and the counted features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    parts = [("features", make_pipeline(FunctionTransformer(lambda items: [i.features for i in items]),
                                        DictVectorizer()))]
    if use_text:
        parts.append(("text", make_pipeline(
            FunctionTransformer(lambda items: [i.text for i in items]),
            TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 3), min_df=2,
                            sublinear_tf=True))))
    return make_pipeline(FeatureUnion(parts),
                         LogisticRegression(C=c, class_weight="balanced", max_iter=5000))


def scores(gold: list[bool], predicted: list[bool]) -> tuple[int, int, int, float, float, float]:
    """(tp, fp, fn, precision, recall, F1) of the class 'relevant'."""
    tp = sum(g and p for g, p in zip(gold, predicted))
    fp = sum(p and not g for g, p in zip(gold, predicted))
    fn = sum(g and not p for g, p in zip(gold, predicted))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return tp, fp, fn, p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(x: float, defined: bool) -> str:
    return f"{x:.3f}" if defined else "–"


def row(name: str, gold: list[bool], predicted: list[bool]) -> str:
    tp, fp, fn, p, r, f = scores(gold, predicted)
    return (f"| {name} | {_ratio(p, tp + fp > 0)} | {_ratio(r, tp + fn > 0)} | "
            f"{_ratio(f, tp + fn > 0)} | {tp} | {fp} | {fn} |")


THRESHOLDS = (0.5, 0.7, 0.9)
HEADER = "| decider | P | R | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|"


def cross_validate(items: list[Item], c: float, use_text: bool, repeats: int) -> list[list[float]]:
    """Out-of-fold P(relevant), one list per repeat (5 stratified folds; strata: label x source)."""
    from sklearn.model_selection import StratifiedKFold

    strata = [f"{i.relevant}-{i.source}" for i in items]
    runs = []
    for seed in range(repeats):
        predicted = [0.0] * len(items)
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
        for train, held in folds.split(items, strata):
            model = make_model(c, use_text).fit([items[k] for k in train],
                                                [items[k].relevant for k in train])
            for k, p in zip(held, model.predict_proba([items[k] for k in held])[:, 1]):
                predicted[k] = float(p)
        runs.append(predicted)
    return runs


def mean_row(name: str, gold: list[bool], runs: list[list[bool]]) -> str:
    s = [scores(gold, r) for r in runs]
    n = len(s)
    tp, fp, fn = (sum(x[k] for x in s) / n for k in range(3))
    p, r, f = (sum(x[k] for x in s) / n for k in range(3, 6))
    return (f"| {name} | {_ratio(p, tp + fp > 0)} | {_ratio(r, tp + fn > 0)} | "
            f"{_ratio(f, tp + fn > 0)} | {tp:.1f} | {fp:.1f} | {fn:.1f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true",
                        help="also score the real test split (do this once per round)")
    parser.add_argument("--repeats", type=int, default=5, help="repeats of 5-fold CV (default 5)")
    args = parser.parse_args(argv)

    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("skipped: scikit-learn is not installed (.venv/bin/pip install scikit-learn); "
              "it is needed for this experiment only")
        return 0
    labels = load_labels()
    missing = [p for _, _, p, _ in labels if not p.exists()]
    if not any(s.startswith("stream") for _, s, _, _ in labels):
        missing.append(STREAM / "texts")
    if missing:
        print(f"skipped: texts missing ({len(missing)}, first {missing[0]}); re-create them as "
              f"data/eval-real/README.md says")
        return 0

    items = [describe(*x) for x in labels]
    by = {s: [i for i in items if i.source == s] for s in ("dev", "test", "stream-train", "stream-eval")}
    print("articles (relevant / all): " + ", ".join(
        f"{s} {sum(i.relevant for i in v)}/{len(v)}" for s, v in by.items()))
    print(f"police case work counted as not relevant: {', '.join(sorted(POLICE_CASE_WORK))}")

    train = by["dev"] + by["stream-train"]
    on_dev = [k for k, i in enumerate(train) if i.source == "dev"]
    on_stream = [k for k, i in enumerate(train) if i.source != "dev"]
    gold = [i.relevant for i in train]

    def pick(ks, xs):
        return [xs[k] for k in ks]

    print(f"\n## Cross-validation on dev + stream training half "
          f"({args.repeats} x 5 folds; mean over repeats)\n")
    print(f"### dev part ({len(on_dev)} real excerpts; the rules need no training)\n\n" + HEADER)
    print(row("rules (a pair is emitted)", pick(on_dev, gold), pick(on_dev, [i.rules for i in train])))
    results = {}
    for use_text in (True, False):
        for c in (0.1, 1.0, 10.0):
            probabilities = cross_validate(train, c, use_text, args.repeats)
            for threshold in THRESHOLDS:
                runs = [[p >= threshold for p in r] for r in probabilities]
                results[(use_text, c, threshold)] = runs
                name = f"classifier C={c}, P>={threshold}" + ("" if use_text else ", counted features only")
                print(mean_row(name, pick(on_dev, gold), [pick(on_dev, r) for r in runs]))
    # Model selection: the best mean F1 on the dev part (ties: the first, i.e. with text, small C).
    best = max(results, key=lambda key: sum(scores(pick(on_dev, gold), pick(on_dev, r))[5]
                                            for r in results[key]))
    runs = results[best]
    both = [[p and i.rules for p, i in zip(r, train)] for r in runs]
    either = [[p or i.rules for p, i in zip(r, train)] for r in runs]
    use_text, c, threshold = best
    label = f"C={c}, P>={threshold}" + ("" if use_text else ", counted features only")
    print(mean_row(f"rules AND classifier ({label})", pick(on_dev, gold), [pick(on_dev, r) for r in both]))
    print(mean_row(f"rules OR classifier ({label})", pick(on_dev, gold), [pick(on_dev, r) for r in either]))
    print(f"\n### stream training half ({len(on_stream)} articles)\n\n" + HEADER)
    print(row("rules", pick(on_stream, gold), pick(on_stream, [i.rules for i in train])))
    print(mean_row(f"classifier ({label})", pick(on_stream, gold), [pick(on_stream, r) for r in runs]))
    print(mean_row("rules AND classifier", pick(on_stream, gold), [pick(on_stream, r) for r in both]))

    model = make_model(c, use_text).fit(train, gold)
    held_out = [("stream-eval", "stream evaluation half")]
    if args.test:
        held_out.append(("test", "real test split"))
    for source, title in held_out:
        part = by[source]
        g = [i.relevant for i in part]
        predicted = [bool(p >= threshold) for p in model.predict_proba(part)[:, 1]]
        print(f"\n## {title} ({len(part)} articles, model fitted on all of dev + stream training half)\n")
        print(HEADER)
        print(row("rules", g, [i.rules for i in part]))
        print(row(f"classifier ({label})", g, predicted))
        print(row("rules AND classifier", g, [p and i.rules for p, i in zip(predicted, part)]))
        print(row("rules OR classifier", g, [p or i.rules for p, i in zip(predicted, part)]))
        wrong = [f"{i.id}{'+' if i.relevant else '-'}" for i, p in zip(part, predicted) if p != i.relevant]
        print(f"\nclassifier wrong on: {' '.join(wrong) or 'none'} (+ missed, - false alarm)")
        wrong = [f"{i.id}{'+' if i.relevant else '-'}" for i in part if i.rules != i.relevant]
        print(f"rules wrong on: {' '.join(wrong) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
