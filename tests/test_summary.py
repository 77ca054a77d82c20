"""The summary graph: its totals equal the SPARQL aggregates over the article graphs, it
follows builds and removals, an unchanged build leaves it alone, and exports never show it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from fixtures.make_fixture import extractions, load_fixture

from cooperation_graph import summary
from cooperation_graph.export import RDF_FORMATS, serialize_quads
from cooperation_graph.query import UNDEF, Result, format_result, load_query, run_query
from cooperation_graph.store import (
    META_GRAPH,
    STORE_NS,
    SUMMARY_GRAPH,
    EmbeddedStore,
    build_articles,
)

# --------------------------------------------------------------------------- oracles
#
# The queries below are the direct SPARQL aggregates over the article graphs that the saved
# queries ran before the summary graph existed (git 5f683d4: queries/pairs.rq, connected.rq,
# rollup_current.rq). They are kept here as oracles: the saved queries, which now read the
# summary graph, must give exactly their results. FUNDING_GIVEN_ORACLE is written for the
# new shape of funding_given (one row per donor, first year and status).

PAIRS_ORACLE = """\
# vi: Những cặp tỉnh, thành nào hợp tác với nhau, với số bài báo, số thỏa thuận và số khoản hỗ trợ của mỗi cặp?
# en: Which province pairs cooperate, with the number of articles, agreements and fundings per pair?
PREFIX cg: <https://w3id.org/coopgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?provinceA ?provinceB ?era ?articles
       (COALESCE(?nAgreements, 0) AS ?agreements) (COALESCE(?nFundings, 0) AS ?fundings)
       ?a ?b
WHERE {
  {
    SELECT ?a ?b (COUNT(DISTINCT ?g) AS ?articles) WHERE {
      GRAPH ?g { ?a cg:cooperatesWith ?b . }
      FILTER(STR(?a) < STR(?b))
    } GROUP BY ?a ?b
  }
  OPTIONAL {
    SELECT ?a ?b (COUNT(DISTINCT ?agreement) AS ?nAgreements) WHERE {
      GRAPH ?g { ?agreement cg:party ?a, ?b . }
      FILTER(STR(?a) < STR(?b))
    } GROUP BY ?a ?b
  }
  OPTIONAL {
    SELECT ?a ?b (SUM(?n) AS ?nFundings) WHERE {
      { SELECT ?x ?y (COUNT(?funding) AS ?n) WHERE { GRAPH ?g { ?funding cg:donor ?x ; cg:recipient ?y . } } GROUP BY ?x ?y }
      BIND(IF(STR(?x) < STR(?y), ?x, ?y) AS ?a)
      BIND(IF(STR(?x) < STR(?y), ?y, ?x) AS ?b)
    } GROUP BY ?a ?b
  }
  OPTIONAL { GRAPH ?ga { ?a rdfs:label ?labelA ; cg:era ?era . } }
  OPTIONAL { GRAPH ?gb { ?b rdfs:label ?labelB . } }
  BIND(STR(?labelA) AS ?provinceA)
  BIND(STR(?labelB) AS ?provinceB)
}
ORDER BY DESC(?articles) ?provinceA ?provinceB ?era
"""

CONNECTED_ORACLE = """\
# vi: Những tỉnh, thành nào có nhiều quan hệ hợp tác nhất (số đối tác, số lượt hợp tác)?
# en: The most connected provinces (degree / weighted degree).
# @param era: string = UNDEF -- "legacy" (63 units before 2025-07-01) or "current" (34 after); UNDEF for both
PREFIX cg: <https://w3id.org/coopgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?province ?era ?degree ?weightedDegree ?articles ?p
WHERE {
  {
    SELECT ?p (COUNT(DISTINCT ?q) AS ?degree) (COUNT(*) AS ?weightedDegree)
           (COUNT(DISTINCT ?g) AS ?articles)
    WHERE {
      GRAPH ?g { ?p cg:cooperatesWith ?q . }
      FILTER(?p != ?q)
    } GROUP BY ?p
  }
  GRAPH ?gz { ?p rdfs:label ?label ; cg:era ?era . }
  BIND(STR(?label) AS ?province)
}
ORDER BY DESC(?weightedDegree) DESC(?degree) ?province ?era
"""

ROLLUP_CURRENT_ORACLE = """\
# vi: Hợp tác quy về 34 tỉnh, thành sau 2025 (đơn vị cũ được tính vào đơn vị kế thừa).
# en: Cooperation rolled up to the 34 post-2025 provinces (old units mapped to their successors).
PREFIX cg: <https://w3id.org/coopgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>

SELECT ?provinceA ?provinceB ?articles (COALESCE(?nFundings, 0) AS ?fundings)
       (COALESCE(?sumVnd, 0) AS ?givenVnd) ?first ?last ?A ?B
WHERE {
  {
    SELECT ?A ?B (COUNT(DISTINCT ?g) AS ?articles) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
    WHERE {
      { SELECT ?a ?b ?g WHERE { GRAPH ?g { ?a cg:cooperatesWith ?b . } } }
      { SELECT ?a ?A WHERE { GRAPH ?gz { ?a a cg:Province . OPTIONAL { ?a cg:mergedInto ?nextA } } BIND(COALESCE(?nextA, ?a) AS ?A) } }
      { SELECT ?b ?B WHERE { GRAPH ?gz { ?b a cg:Province . OPTIONAL { ?b cg:mergedInto ?nextB } } BIND(COALESCE(?nextB, ?b) AS ?B) } }
      FILTER(STR(?A) < STR(?B))
      OPTIONAL { GRAPH ?g { ?article schema:datePublished ?date } }
    } GROUP BY ?A ?B
  }
  OPTIONAL {
    SELECT ?A ?B (SUM(?n) AS ?nFundings) (SUM(?sum) AS ?sumVnd) WHERE {
      { SELECT ?x ?y (COUNT(DISTINCT ?funding) AS ?n) (SUM(?amount) AS ?sum) WHERE {
          GRAPH ?g { ?funding cg:donor ?x ; cg:recipient ?y ; cg:status "given" ;
                              schema:amount/schema:value ?amount . }
        } GROUP BY ?x ?y }
      { SELECT ?x ?X WHERE { GRAPH ?gz { ?x a cg:Province . OPTIONAL { ?x cg:mergedInto ?nextX } } BIND(COALESCE(?nextX, ?x) AS ?X) } }
      { SELECT ?y ?Y WHERE { GRAPH ?gz { ?y a cg:Province . OPTIONAL { ?y cg:mergedInto ?nextY } } BIND(COALESCE(?nextY, ?y) AS ?Y) } }
      FILTER(?X != ?Y)
      BIND(IF(STR(?X) < STR(?Y), ?X, ?Y) AS ?A)
      BIND(IF(STR(?X) < STR(?Y), ?Y, ?X) AS ?B)
    } GROUP BY ?A ?B
  }
  OPTIONAL { GRAPH ?ga { ?A rdfs:label ?labelA . } }
  OPTIONAL { GRAPH ?gb { ?B rdfs:label ?labelB . } }
  BIND(STR(?labelA) AS ?provinceA)
  BIND(STR(?labelB) AS ?provinceB)
}
ORDER BY DESC(?articles) ?provinceA ?provinceB
"""

# Per funding: its donor, recipient, status, amount and first year; then per donor (IRI and
# label), first year and status: the sum, the number of fundings and of distinct recipients.
FUNDING_GIVEN_ORACLE = """\
# en: funding totals per donor, first year and status, aggregated over the article graphs
PREFIX cg: <https://w3id.org/coopgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>

SELECT ?donor ?d ?year ?status (SUM(?amount) AS ?totalVnd) (COUNT(?funding) AS ?fundings)
       (COUNT(DISTINCT ?r) AS ?recipients)
       (GROUP_CONCAT(DISTINCT ?recipient; separator="; ") AS ?recipientNames)
WHERE {
  {
    SELECT ?funding ?d ?r ?amount ?status (MIN(?y) AS ?year) WHERE {
      GRAPH ?g { ?funding cg:donor ?d ; cg:recipient ?r ; cg:status ?status ;
                          schema:amount/schema:value ?amount . }
      OPTIONAL { GRAPH ?g { ?funding cg:year ?y } }
    } GROUP BY ?funding ?d ?r ?amount ?status
  }
  { SELECT DISTINCT ?d ?donor WHERE { GRAPH ?gd { ?d a cg:Province ; rdfs:label ?dl } BIND(STR(?dl) AS ?donor) } }
  { SELECT DISTINCT ?r ?recipient WHERE { GRAPH ?gr { ?r a cg:Province ; rdfs:label ?rl } BIND(STR(?rl) AS ?recipient) } }
}
GROUP BY ?donor ?d ?year ?status
"""


def rows(result: Result) -> list[dict[str, str | None]]:
    """The rows as dicts of variable -> lexical value (None when unbound), in result order."""
    assert result.kind == "select"
    return [{v: (t.value if t is not None else None) for v, t in zip(result.variables, row)}
            for row in result.rows]


def run(store: Any, query: str, params: dict[str, Any] | None = None) -> Result:
    return run_query(store, load_query(query), params)


def summary_graph(store: EmbeddedStore) -> set[str]:
    return {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, SUMMARY_GRAPH)}


def recomputed(store: Any) -> set[str]:
    return {str(q) for q in summary.summary_quads(summary.read_facts(store))}


@pytest.fixture(scope="module")
def fixture_store() -> ox.Store:
    """The fixture graph with its summary graph recomputed by the code under test (graph.trig
    holds the summary written when it was generated)."""
    store = load_fixture()
    store.remove_graph(SUMMARY_GRAPH)
    store.extend(summary.summary_quads(summary.read_facts(store)))
    return store


def test_fixture_summary_is_what_the_code_computes():
    store = load_fixture()
    stored = {str(q) for q in store.quads_for_pattern(None, None, None, SUMMARY_GRAPH)}
    assert stored and stored == recomputed(store)


@pytest.fixture
def built(tmp_path: Path):
    """An embedded store holding the fixture's five articles (and the gazetteer)."""
    store = EmbeddedStore(tmp_path / "store")
    report = build_articles(extractions(), store)
    assert report.ok and report.added == 5, report.summary()
    yield store
    store.close()


# --------------------------------------------------------------------------- oracle tests

ORACLES = {"pairs": PAIRS_ORACLE, "connected": CONNECTED_ORACLE, "rollup_current": ROLLUP_CURRENT_ORACLE}


@pytest.mark.parametrize("name", sorted(ORACLES))
def test_saved_query_equals_its_aggregate_oracle(name: str, fixture_store: ox.Store):
    new = run(fixture_store, name)
    old = run(fixture_store, ORACLES[name])
    assert new.variables == old.variables
    assert len(new.rows) > 0, "an empty result tests nothing"
    assert rows(new) == rows(old)
    assert format_result(new, "csv") == format_result(old, "csv")


def test_connected_by_era_equals_the_oracle(fixture_store: ox.Store):
    for era in ("legacy", "current"):
        new = rows(run(fixture_store, "connected", {"era": era}))
        assert new and {r["era"] for r in new} == {era}
        assert new == rows(run(fixture_store, CONNECTED_ORACLE, {"era": era}))


def _funding_groups(result: Result) -> dict[tuple, dict[str, Any]]:
    out: dict[tuple, dict[str, Any]] = {}
    for r in rows(result):
        key = (r["donor"], r["d"], r["year"], r["status"])
        assert key not in out, f"two rows for {key}"
        out[key] = {"totalVnd": r["totalVnd"], "fundings": r["fundings"],
                    "recipients": r["recipients"],
                    "recipientNames": sorted((r["recipientNames"] or "").split("; "))}
    return out


def test_funding_given_equals_its_aggregate_oracle(fixture_store: ox.Store):
    oracle = _funding_groups(run(fixture_store, FUNDING_GIVEN_ORACLE))
    both = _funding_groups(run(fixture_store, "funding_given", {"status": UNDEF}))
    assert {k[3] for k in oracle} == {"given", "planned"}  # the fixture has both statuses
    assert both == oracle
    given = _funding_groups(run(fixture_store, "funding_given"))  # default: status "given"
    assert given == {k: v for k, v in oracle.items() if k[3] == "given"}


def test_funding_given_small_facts(fixture_store: ox.Store):
    """Hà Nội's 2014–2016 funding counts once, in 2014, and shows its span."""
    (row,) = [r for r in rows(run(fixture_store, "funding_given", {"province": "Hà Nội"}))
              if r["year"] == "2014"]
    assert (row["fundings"], row["totalVnd"], row["years"]) == ("1", "5000000000", "2014, 2016")
    assert row["recipientNames"] == "Cần Thơ"


# --------------------------------------------------------------------------- the summary follows the store


def test_summary_follows_builds_and_removals(built: EmbeddedStore):
    assert summary_graph(built), "the build wrote no summary graph"
    assert summary_graph(built) == recomputed(built)
    for name, oracle in ORACLES.items():  # on a built store too, the saved queries are the oracles
        assert rows(run(built, name)) == rows(run(built, oracle)), name

    removed = extractions()[0].article  # 2019 Hà Nội - Cần Thơ (legacy units)
    pairs_before = rows(run(built, "pairs"))
    rollup_before = rows(run(built, "rollup_current"))
    legacy = [r for r in pairs_before if {r["provinceA"], r["provinceB"]} == {"Hà Nội", "Cần Thơ"}
              and r["era"] == "legacy"]
    assert len(legacy) == 1 and legacy[0]["articles"] == "1"

    graphs = built.remove_article(removed.id)
    assert len(graphs) == 1

    pairs_after = rows(run(built, "pairs"))
    assert legacy[0] not in pairs_after  # its only article is gone: so is the pair
    assert not [r for r in pairs_after if (r["a"], r["b"]) == (legacy[0]["a"], legacy[0]["b"])]
    assert pairs_after == [r for r in pairs_before if r is not legacy[0]]  # the others unchanged

    def rolled(rs: list[dict[str, Any]]) -> dict[str, Any]:
        (r,) = [r for r in rs if {r["provinceA"], r["provinceB"]} == {"Hà Nội", "Cần Thơ"}]
        return r

    before, after = rolled(rollup_before), rolled(rows(run(built, "rollup_current")))
    assert (before["articles"], after["articles"]) == ("2", "1")  # 2019 legacy + 2025 current -> 2025
    assert before["first"].startswith("2019-08-23") and after["first"].startswith("2025-09-10")
    assert int(after["givenVnd"]) < int(before["givenVnd"])

    assert summary_graph(built) == recomputed(built)
    for name, oracle in ORACLES.items():
        assert rows(run(built, name)) == rows(run(built, oracle)), name
    assert _funding_groups(run(built, "funding_given", {"status": UNDEF})) == \
        _funding_groups(run(built, FUNDING_GIVEN_ORACLE))


def test_summary_follows_an_added_article(tmp_path: Path):
    exs = extractions()
    with EmbeddedStore(tmp_path / "store") as store:
        build_articles(exs[:4], store)
        first = summary_graph(store)
        assert first == recomputed(store)
        report = build_articles(exs, store)
        assert (report.added, report.skipped) == (1, 4)
        assert summary_graph(store) != first
        assert summary_graph(store) == recomputed(store)
        assert "Cà Mau" in {r["provinceB"] for r in rows(run(store, "pairs"))} | \
            {r["provinceA"] for r in rows(run(store, "pairs"))}


def test_a_small_build_updates_the_totals_from_the_changed_articles_only(tmp_path: Path, monkeypatch):
    import dataclasses

    exs = extractions()
    reads: list[Any] = []
    real = summary.read_facts
    monkeypatch.setattr(summary, "read_facts", lambda store, graphs=None: reads.append(graphs) or real(store, graphs))
    with EmbeddedStore(tmp_path / "store") as store:
        build_articles(exs[:3], store)
        assert reads == [None]  # the first build reads every article
        reads.clear()
        changed = dataclasses.replace(exs[0], fundings=exs[0].fundings[1:], cooperation_pairs=exs[0].cooperation_pairs[1:])
        report = build_articles([changed, *exs[1:]], store)
        assert (report.added, report.replaced, report.skipped) == (2, 1, 2)
        assert None not in reads and reads  # only the graphs written (and the one replaced, before)
        assert summary_graph(store) == recomputed(store)
        for name, oracle in ORACLES.items():
            assert rows(run(store, name)) == rows(run(store, oracle)), name
        # a kept tally that is not the summary's (another writer, an old file) is not trusted
        (store.path / summary.TALLY_FILE).write_text('{"version": 3, "summary": "other"}', encoding="utf-8")
        reads.clear()
        build_articles(exs, store)
        assert None in reads
        assert summary_graph(store) == recomputed(store)


def test_a_build_of_more_new_articles_than_the_delta_limit_reads_every_article_once(tmp_path: Path, monkeypatch):
    exs = extractions()
    reads: list[Any] = []
    real = summary.read_facts
    monkeypatch.setattr(summary, "read_facts", lambda store, graphs=None: reads.append(graphs) or real(store, graphs))
    monkeypatch.setattr(summary, "DELTA_MAX", 1)
    with EmbeddedStore(tmp_path / "store") as store:
        build_articles(exs[:3], store)
        reads.clear()
        build_articles(exs, store)  # two new articles: more than the limit, no share read
        assert reads == [None]
        assert summary_graph(store) == recomputed(store)


def test_a_few_changed_totals_are_written_as_those_triples_only(tmp_path: Path, monkeypatch):
    import dataclasses

    from cooperation_graph.store import graph_hash

    exs = extractions()
    patched: list[Any] = []
    real = EmbeddedStore.patch_unit
    monkeypatch.setattr(EmbeddedStore, "patch_unit", lambda self, unit: patched.append(real(self, unit)) or patched[-1])
    with EmbeddedStore(tmp_path / "store") as store:
        build_articles(exs, store)
        changed = dataclasses.replace(exs[1], fundings=exs[1].fundings[:-1] if exs[1].fundings else exs[1].fundings,
                                      cooperation_pairs=exs[1].cooperation_pairs[:-1])
        build_articles([exs[0], changed, *exs[2:]], store)
        assert patched and patched[-1] is not None  # the triples that changed, not the whole graph
        assert summary_graph(store) == recomputed(store)
        held = list(store.oxigraph.quads_for_pattern(None, None, None, SUMMARY_GRAPH))
        assert store.records([SUMMARY_GRAPH.value])[SUMMARY_GRAPH.value].graph_hash == graph_hash(held)
        for name, oracle in ORACLES.items():
            assert rows(run(store, name)) == rows(run(store, oracle)), name


def test_an_unchanged_build_writes_nothing(built: EmbeddedStore):
    before = summary_graph(built)
    record = built.records([SUMMARY_GRAPH.value])[SUMMARY_GRAPH.value]
    report = build_articles(extractions(), built)
    assert (report.added, report.replaced, report.skipped) == (0, 0, 5)
    assert report.quads_written == 0
    assert summary_graph(built) == before
    assert built.records([SUMMARY_GRAPH.value])[SUMMARY_GRAPH.value] == record
    assert summary.refresh(built) == 0


def test_a_missing_summary_is_written_by_the_next_build(built: EmbeddedStore):
    before = summary_graph(built)
    built.remove_graphs([SUMMARY_GRAPH.value])  # e.g. a process killed between drop and load
    assert not summary_graph(built)
    report = build_articles(extractions(), built)
    assert report.quads_written > 0
    assert summary_graph(built) == before


# --------------------------------------------------------------------------- never exported


def test_the_summary_is_never_exported(built: EmbeddedStore):
    assert built.oxigraph.contains_named_graph(SUMMARY_GRAPH)  # it is there, only hidden
    assert SUMMARY_GRAPH.value not in built.graphs()
    assert META_GRAPH.value not in built.graphs()
    assert len(built.graphs()) == 6  # five articles and the gazetteer
    nq = serialize_quads(built, "nq").decode()
    assert nq and STORE_NS not in nq
    assert STORE_NS not in built.dump("nq").decode()
    for fmt in ("nt", "trig"):
        assert fmt in RDF_FORMATS
        assert STORE_NS not in serialize_quads(built, fmt).decode()
    assert all(STORE_NS not in str(q) for q in built.quads())


def test_remove_article_refuses_the_summary(built: EmbeddedStore):
    from cooperation_graph.errors import StoreError

    with pytest.raises(StoreError):
        built.remove_article("summary")
    assert summary_graph(built)


# --------------------------------------------------------------------------- pure parts


@pytest.mark.parametrize("years, text", [
    ([2014], "2014"),
    ([2014, 2016], "2014, 2016"),
    ([2012, 2013, 2014, 2015], "2012–2015 (4 năm)"),
])
def test_years_text(years: list[int], text: str):
    assert summary._years_text(min(years), max(years), len(set(years))) == text


def test_summary_quads_are_pure_and_in_the_summary_graph(fixture_store: ox.Store):
    facts = summary.read_facts(fixture_store)
    quads = summary.summary_quads(facts)
    assert quads and all(q.graph_name == SUMMARY_GRAPH for q in quads)
    assert [str(q) for q in quads] == [str(q) for q in summary.summary_quads(facts)]
    assert all(q.subject.value.startswith(STORE_NS) for q in quads)


def test_edge_cases_equal_the_oracles(tmp_path: Path):
    """A funding with no year, one of three years and one with no amount: the totals still
    equal the aggregates over the article graphs."""
    from dataclasses import replace

    exs = extractions()
    first = exs[1]  # 2019 Hà Nội - Bạc Liêu: its one funding without a year
    no_year = replace(first, fundings=(replace(first.fundings[0], year=None),))
    last = exs[4]  # Hồ Chí Minh - Cà Mau: its funding over three years, plus a second one
    three = replace(last.fundings[0], year=2023, years=(2023, 2024, 2025))
    other = replace(last.fundings[0], amount_vnd=7 * 1_000_000_000, purpose="y tế")
    spread = replace(last, fundings=(three, other))
    with EmbeddedStore(tmp_path / "store") as store:
        build_articles([exs[0], no_year, exs[2], exs[3], spread], store)
        assert summary_graph(store) == recomputed(store)
        for name, oracle in ORACLES.items():
            assert rows(run(store, name)) == rows(run(store, oracle)), name
        new = _funding_groups(run(store, "funding_given", {"status": UNDEF}))
        assert any(k[2] is None for k in new)  # the yearless group is there
        assert new == _funding_groups(run(store, FUNDING_GIVEN_ORACLE))
        hcm = [r for r in rows(run(store, "funding_given", {"province": "Hồ Chí Minh"}))]
        assert {(r["year"], r["years"]) for r in hcm} == {("2023", "2023–2025 (3 năm)"), ("2025", "2025")}
