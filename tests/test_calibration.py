"""Calibrated confidence: the fit (smoothing, monotone), applying it, the shipped table, and
``--min-confidence`` on build, export and view."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from cooperation_graph import calibration as cal
from cooperation_graph.cli import main
from cooperation_graph.errors import InputError
from cooperation_graph.evaluate import judge_facts
from cooperation_graph.store import open_store
from cooperation_graph.vocab import CG

from conftest import ROOT, SAMPLE

FUNDING_IRI = "/id/funding/"


def outcomes(fact_type: str, raw: float, n: int, right: int) -> list[cal.Outcome]:
    return [cal.Outcome(fact_type, raw, i < right) for i in range(n)]


def bin_of(table: dict, fact_type: str, raw: float) -> dict:
    return table["types"][fact_type]["bins"][cal.bin_index(raw)]


# --------------------------------------------------------------------------- fitting


def test_isotonic_pools_violators_by_weight():
    assert cal.isotonic([0.2, 0.9, 0.5], [1, 1, 3]) == pytest.approx([0.2, 0.6, 0.6])
    assert cal.isotonic([0.1, 0.2, 0.3], [5, 1, 1]) == [0.1, 0.2, 0.3]
    assert cal.isotonic([0.9, 0.1], [1, 1]) == pytest.approx([0.5, 0.5])


def test_fit_is_the_measured_precision_smoothed_towards_the_type():
    data = outcomes("officials", 0.75, 100, 60) + outcomes("officials", 0.9, 100, 95)
    table = cal.fit(data)
    entry = table["types"]["officials"]
    assert (entry["n"], entry["right"]) == (200, 155)
    low, high = bin_of(table, "officials", 0.75), bin_of(table, "officials", 0.9)
    assert (low["n"], low["right"], high["n"], high["right"]) == (100, 60, 100, 95)
    # a big bin stays near its own precision, pulled a little towards the type's 0.775
    assert 0.60 < low["calibrated"] < 0.62 and 0.94 < high["calibrated"] < 0.95


def test_small_bins_are_shrunk_and_never_claim_certainty():
    table = cal.fit(outcomes("fundings", 0.9, 3, 3) + outcomes("fundings", 0.65, 50, 25))
    value = bin_of(table, "fundings", 0.9)["calibrated"]
    assert value < 0.8  # three right of three is weak evidence against a type right half the time
    assert value > bin_of(table, "fundings", 0.65)["calibrated"]


def test_fit_is_monotone_when_a_higher_score_is_less_often_right():
    # the shape measured on real fundings: raw 0.75 always right, raw 0.9 right three times in four
    table = cal.fit(outcomes("fundings", 0.75, 12, 12) + outcomes("fundings", 0.9, 56, 41))
    values = [b["calibrated"] for b in table["types"]["fundings"]["bins"]]
    assert values == sorted(values)
    assert bin_of(table, "fundings", 0.75)["calibrated"] == bin_of(table, "fundings", 0.9)["calibrated"]
    assert 0.75 < bin_of(table, "fundings", 0.9)["calibrated"] < 0.85


def test_empty_bins_and_types_take_a_value_that_keeps_the_map_monotone():
    table = cal.fit(outcomes("events", 0.7, 20, 10) + outcomes("events", 0.9, 20, 19))
    events = table["types"]["events"]["bins"]
    assert bin_of(table, "events", 0.8)["calibrated"] == bin_of(table, "events", 0.7)["calibrated"]
    assert bin_of(table, "events", 0.3)["calibrated"] <= bin_of(table, "events", 0.7)["calibrated"]
    assert [b["calibrated"] for b in events] == sorted(b["calibrated"] for b in events)
    # a type with no facts at all gets the precision of all types, shrunk
    investments = {b["calibrated"] for b in table["types"]["investments"]["bins"]}
    assert len(investments) == 1 and 0.7 < investments.pop() < 0.75


def test_bins_take_scores_on_their_lower_edge():
    assert cal.bin_index(0.7) == cal.EDGES.index(0.7)
    assert cal.bin_index(0.69) == cal.EDGES.index(0.65)
    assert cal.bin_index(1.0) == len(cal.EDGES) - 2 and cal.bin_index(0.0) == 0


def test_measure_reports_ece_and_the_high_confidence_share():
    table = cal.fit(outcomes("officials", 0.9, 100, 90))
    result = cal.measure(outcomes("officials", 0.9, 10, 5), table)
    c = result["officials"]
    value = bin_of(table, "officials", 0.9)["calibrated"]
    assert (c.n, c.right, c.high_n, c.high_right) == (10, 5, 10, 5)
    assert c.ece == pytest.approx(value - 0.5, abs=1e-9)
    assert result["all"].n == 10 and result["fundings"].n == 0


def test_judge_facts_matches_as_the_scores_count():
    gold = {"fundings": [{"amount_vnd": 5, "donor": "Hà Nội", "recipient": "Huế"}]}
    fact = {"amount_vnd": 5, "donor": "Hà Nội", "recipient": "Huế",
            "evidence": {"confidence": 0.8, "raw_confidence": 0.9}}
    judged = list(judge_facts(gold, {"fundings": [fact, fact]}))
    assert [(o.fact_type, o.raw, o.right) for o in judged] == [("fundings", 0.9, True),
                                                             ("fundings", 0.9, False)]


# --------------------------------------------------------------------------- applying

SYNTHETIC = cal.fit(outcomes("officials", 0.9, 40, 39) + outcomes("officials", 0.85, 40, 38)
                    + outcomes("fundings", 0.9, 40, 12) + outcomes("investments", 0.85, 40, 20)
                    + outcomes("agreements", 0.85, 40, 24) + outcomes("events", 0.85, 40, 28))


@pytest.fixture
def synthetic_table(monkeypatch):
    """Extraction reads SYNTHETIC: officials well above 0.9, every other type well below."""
    monkeypatch.setattr(cal, "load_table", lambda: SYNTHETIC)
    return SYNTHETIC


def test_calibrate_sets_the_table_value_and_keeps_the_raw_score(synthetic_table):
    from cooperation_graph.extract import extract
    from cooperation_graph.gazetteer import load_gazetteer
    from cooperation_graph.ingest import read_articles

    (article,) = read_articles(SAMPLE)
    raw = extract(article, load_gazetteer())
    done = cal.calibrate(raw)
    assert done.fundings and done.officials
    for fact_type in cal.CALIBRATED_TYPES:
        for before, after in zip(getattr(raw, fact_type), getattr(done, fact_type)):
            assert after.evidence.raw_confidence == before.evidence.confidence
            assert after.evidence.confidence == cal.calibrated(SYNTHETIC, fact_type, before.evidence.confidence)
            assert replace(after, evidence=before.evidence) == before  # nothing else changed
    assert {f.evidence.confidence for f in done.fundings} == {bin_of(SYNTHETIC, "fundings", 0.9)["calibrated"]}
    assert cal.calibrate(done) == done  # the raw score is read once


def test_drop_below_keeps_pairs_and_the_facts_at_or_above(synthetic_table):
    from cooperation_graph.pipeline import extract_article
    from cooperation_graph.ingest import read_articles

    (article,) = read_articles(SAMPLE)
    ex = extract_article(article)
    kept = cal.drop_below(ex, 0.9)
    assert kept.officials == ex.officials and not kept.fundings and not kept.events
    assert kept.cooperation_pairs == ex.cooperation_pairs
    assert cal.drop_below(ex, None) == ex


# --------------------------------------------------------------------------- --min-confidence


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def store_facts(path: Path) -> dict[str, int]:
    store = open_store(path, read_only=True)
    try:
        rows = store.query(
            f"PREFIX cg: <{CG}> SELECT ?t (COUNT(DISTINCT ?f) AS ?n) "
            "WHERE { GRAPH ?g { ?f a ?t } VALUES ?t { cg:Funding cg:Official cg:Event cg:Cooperation } } "
            "GROUP BY ?t")
        return {r["t"].value.rsplit("#", 1)[-1]: int(r["n"].value) for r in rows}
    finally:
        store.close()


def test_build_min_confidence_does_not_store_the_facts_below(synthetic_table, tmp_path):
    invoke("build", str(SAMPLE), "--store", str(tmp_path / "all"), "--workers", "1")
    invoke("build", str(SAMPLE), "--store", str(tmp_path / "sure"), "--workers", "1",
           "--min-confidence", "0.9")
    everything, sure = store_facts(tmp_path / "all"), store_facts(tmp_path / "sure")
    assert everything["Funding"] == 3 and everything["Event"] >= 1
    assert "Funding" not in sure and "Event" not in sure
    assert sure["Official"] == everything["Official"] == 2
    assert sure["Cooperation"] == everything["Cooperation"] == 1
    # the same store built again with a threshold is rebuilt, not skipped as unchanged
    invoke("build", str(SAMPLE), "--store", str(tmp_path / "all"), "--workers", "1",
           "--min-confidence", "0.9")
    assert store_facts(tmp_path / "all") == sure


@pytest.fixture
def full_store(synthetic_table, tmp_path) -> Path:
    invoke("build", str(SAMPLE), "--store", str(tmp_path / "store"), "--workers", "1")
    return tmp_path / "store"


def test_export_min_confidence_leaves_out_the_facts_below(full_store, tmp_path):
    invoke("export", "--store", str(full_store), "--format", "csv", "--format", "nt",
           "--out", str(tmp_path / "all"))
    invoke("export", "--store", str(full_store), "--format", "csv", "--format", "nt",
           "--out", str(tmp_path / "sure"), "--min-confidence", "0.9")

    def rows(folder: str, table: str) -> list[dict]:
        with (tmp_path / folder / "csv" / f"{table}.csv").open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    assert len(rows("all", "fundings")) == 3 and rows("sure", "fundings") == []
    assert len(rows("sure", "officials")) == len(rows("all", "officials")) == 2
    assert rows("sure", "cooperations") == rows("all", "cooperations") != []
    everything = (tmp_path / "all" / "graph.nt").read_text(encoding="utf-8")
    sure = (tmp_path / "sure" / "graph.nt").read_text(encoding="utf-8")
    assert FUNDING_IRI in everything and FUNDING_IRI not in sure
    assert set(sure.splitlines()) < set(everything.splitlines())
    # nothing the dropped facts alone held up is left: every evidence node is some fact's
    evidence = {line.split()[0] for line in sure.splitlines() if "/id/evidence/" in line.split()[0]}
    cited = {line.split()[2] for line in sure.splitlines() if line.split()[1] == f"<{CG.evidence}>"}
    assert evidence and evidence == cited


def test_view_min_confidence_does_not_show_the_facts_below(full_store, tmp_path):
    invoke("view", "--store", str(full_store), "--out", str(tmp_path / "all"))
    invoke("view", "--store", str(full_store), "--out", str(tmp_path / "sure"), "--min-confidence", "0.9")
    everything = (tmp_path / "all" / "graph.html").read_text(encoding="utf-8")
    sure = (tmp_path / "sure" / "graph.html").read_text(encoding="utf-8")
    assert FUNDING_IRI in everything and FUNDING_IRI not in sure
    assert "Hoàng Trung Hải" in sure
    (page,) = (tmp_path / "sure" / "articles").glob("tttd-*.html")
    assert FUNDING_IRI not in page.read_text(encoding="utf-8")


def test_min_confidence_must_be_a_probability(tmp_path):
    result = CliRunner().invoke(main, ["export", "--store", str(tmp_path), "--format", "nt",
                                       "--min-confidence", "1.5"])
    assert result.exit_code != 0 and "--min-confidence" in result.output


# --------------------------------------------------------------------------- the shipped table


def test_shipped_table_is_valid_and_says_how_it_was_made():
    table = cal.read_table(ROOT / "data" / "calibration.json")
    assert set(table["types"]) == set(cal.CALIBRATED_TYPES)
    made = table["made"]
    assert made["split"] == "dev" and made["eval_dir"].endswith("eval-real") and made["commit"]
    for fact_type, entry in table["types"].items():
        assert entry["n"] == sum(b["n"] for b in entry["bins"]), fact_type
        assert entry["right"] == sum(b["right"] for b in entry["bins"]), fact_type
    assert table["n"] == sum(e["n"] for e in table["types"].values())
    # the table is what a fit of its own counts gives (no hand edits)
    counts = [o for t, e in table["types"].items() for b in e["bins"]
              for o in outcomes(t, b["low"], b["n"], b["right"])]
    refit = cal.fit(counts, strength=table["prior_strength"], edges=table["edges"])
    assert refit["types"] == table["types"]


def test_a_broken_table_is_refused_with_the_reason(tmp_path):
    table = json.loads(json.dumps(SYNTHETIC))
    bins = table["types"]["officials"]["bins"]
    bins[0]["calibrated"], bins[-1]["calibrated"] = 0.99, 0.1
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    with pytest.raises(InputError, match="go down"):
        cal.read_table(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read"):
        cal.read_table(path)


def test_eval_calibrate_writes_a_table_and_prints_it(tmp_path):
    out = tmp_path / "table.json"
    result = invoke("eval", str(ROOT / "data" / "eval"), "--calibrate", str(out))
    assert "raw bin" in result.output and "ECE" in result.output
    table = cal.read_table(out)
    assert table["made"]["split"] is None and table["n"] > 0
