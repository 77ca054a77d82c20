"""`coopgraph analyze`: its numbers are networkx's, run here directly on the projected province
network of the same store (the bundled sample and a few hundred synthetic articles)."""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from cooperation_graph.analytics import SEED, WEIGHT_RULE
from cooperation_graph.cli import main
from cooperation_graph.projection import province_network
from cooperation_graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent


def _build(paths: list[Path], store: Path) -> None:
    result = CliRunner().invoke(main, ["build", *map(str, paths), "--store", str(store),
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("sample") / "store"
    _build([ROOT / "data" / "samples"], store)
    return store


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("bench_make_corpus",
                                                  ROOT / "bench" / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = make_corpus
    spec.loader.exec_module(make_corpus)
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus.write_corpus(300, folder / "corpus", seed=5)
    _build([folder / "corpus"], folder / "store")
    return folder / "store"


def analyze_csv(store: Path, *args: str) -> dict[str, dict[str, str]]:
    result = CliRunner().invoke(main, ["analyze", "--store", str(store), "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["province"] for r in rows]  # one row per province
    return {r["province"]: r for r in rows}


def expected(store: Path, era: str, years=None) -> tuple[nx.Graph, dict[str, dict]]:
    """networkx on the projected graph, written out here without the analytics module."""
    with open_store(store, read_only=True) as opened:
        P = province_network(opened, era=era, years=years)
    label = {n: P.nodes[n]["label"] for n in P}
    D = P.copy()
    for _, _, attrs in D.edges(data=True):
        attrs["length"] = 1 / attrs["weight"]
    between = nx.betweenness_centrality(D, weight="length", normalized=True)
    scores = {label[n]: {"degree": P.degree(n), "weighted": P.degree(n, weight="weight"),
                         "betweenness": between[n]} for n in P}
    communities = {frozenset(label[n] for n in c)
                   for c in nx.community.louvain_communities(P, weight="weight", seed=SEED)
                   if any(P.degree(n) for n in c)}
    return P, {"scores": scores, "communities": communities}


def check(rows: dict[str, dict[str, str]], P: nx.Graph, want: dict) -> None:
    assert len(rows) == P.number_of_nodes()
    for name, score in want["scores"].items():
        row = rows[name]
        assert int(row["degree"]) == score["degree"], name
        assert float(row["weighted_degree"]) == score["weighted"], name
        assert float(row["betweenness"]) == pytest.approx(score["betweenness"], abs=1e-12), name
    got: dict[str, set[str]] = {}
    for name, row in rows.items():
        if row["community"]:
            got.setdefault(row["community"], set()).add(name)
        else:
            assert P.degree(next(n for n in P if P.nodes[n]["label"] == name)) == 0
    assert {frozenset(c) for c in got.values()} == want["communities"]
    # numbered from the largest community
    sizes = [len(got[k]) for k in sorted(got, key=int)]
    assert sizes == sorted(sizes, reverse=True)
    # strongest first
    weights = [float(r["weighted_degree"]) for r in rows.values()]
    assert weights == sorted(weights, reverse=True)


def test_sample_pair_is_one_community(sample_store: Path) -> None:
    rows = analyze_csv(sample_store)
    P, want = expected(sample_store, "legacy")
    check(rows, P, want)
    assert rows["Hà Nội"]["degree"] == "1" and rows["Cần Thơ"]["weighted_degree"] == "6"
    assert rows["Hà Nội"]["community"] == rows["Cần Thơ"]["community"] == "1"
    assert rows["Huế"]["community"] == "" and rows["Huế"]["degree"] == "0"


def test_sample_year_range_counts_what_happened_then(sample_store: Path) -> None:
    # the 2019 article reports fundings for 2012, 2014/2016 and 2019: each in its own years
    assert analyze_csv(sample_store, "--from", "2014", "--to", "2014")["Hà Nội"]["weighted_degree"] == "2"
    assert analyze_csv(sample_store, "--to", "2016")["Hà Nội"]["weighted_degree"] == "3"
    assert analyze_csv(sample_store, "--from", "2019")["Hà Nội"]["weighted_degree"] == "4"
    assert analyze_csv(sample_store, "--from", "2020")["Hà Nội"]["degree"] == "0"


@pytest.mark.parametrize("era,years", [("legacy", None), ("current", None),
                                       ("legacy", (2015, 2019)), ("current", (2024, None))])
def test_synthetic_corpus_matches_networkx(corpus_store: Path, era: str, years) -> None:
    args = ["--era", era]
    if years:
        args += ["--from", str(years[0])] + (["--to", str(years[1])] if years[1] else [])
    rows = analyze_csv(corpus_store, *args)
    P, want = expected(corpus_store, era, years)
    assert P.number_of_nodes() == (63 if era == "legacy" else 34)
    assert P.number_of_edges() > 20  # a real network, not a pair
    assert len(want["communities"]) >= 2
    check(rows, P, want)


def test_year_range_shrinks_the_network(corpus_store: Path) -> None:
    with open_store(corpus_store, read_only=True) as opened:
        everything = province_network(opened)
        some = province_network(opened, years=(2015, 2016))
    assert 0 < some.size(weight="weight") < everything.size(weight="weight")


def test_table_is_readable_and_the_rule_is_told(sample_store: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", "--store", str(sample_store)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["province", "degree", "weighted", "degree", "betweenness",
                                "community"]
    assert lines[2].split()[:2] == ["Hà", "Nội"] or lines[2].split()[:2] == ["Cần", "Thơ"]
    assert "weight = " + WEIGHT_RULE in result.stderr
    assert "63 former units" in result.stderr
    help_text = " ".join(CliRunner().invoke(main, ["analyze", "--help"]).output.split())
    assert "plus its agreements" in help_text and "Louvain" in help_text
    assert "--update-url" not in help_text  # a reading command lists no writing options


def test_bad_inputs_are_one_line(sample_store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", "--store", str(sample_store),
                                       "--from", "2020", "--to", "2019"])
    assert result.exit_code == 1 and "empty year range" in result.output
    result = CliRunner().invoke(main, ["analyze", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no store" in result.output
    assert not (tmp_path / "none").exists()
