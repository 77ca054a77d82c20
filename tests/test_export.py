"""Exports: every RDF format re-parses in the other parser (rdflib <-> pyoxigraph) with the same
triples, Turtle is byte-stable, TriG/N-Quads keep the article graphs, GraphML/GEXF/CSV open."""

from __future__ import annotations

import csv
import random

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from cooperation_graph.cli import main
from cooperation_graph.errors import StoreError
from cooperation_graph.export import FORMATS, RDF_FORMATS, export, serialize_quads
from cooperation_graph.mapping import extraction_to_quads
from cooperation_graph.store import EmbeddedStore, Unit, build_articles, build_units

from graph_fixtures import SAMPLE, assert_datasets_isomorphic, assert_isomorphic, sample_extraction
from servers import article_graph, article_quads

RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    """The sample article (hand-made extraction) and the gazetteer, built into a store."""
    st = EmbeddedStore(tmp_path_factory.mktemp("sample") / "store")
    report = build_articles([sample_extraction()], st)
    assert report.added == 1 and report.ok
    yield st
    st.close()


def rdflib_dataset(quads) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    for q in quads:
        ds.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object),
                ds.graph(rdflib.URIRef(q.graph_name.value))))
    return ds


def _to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    dt = None if term.language or term.datatype.value.endswith("#string") else rdflib.URIRef(term.datatype.value)
    return rdflib.Literal(term.value, lang=term.language, datatype=dt)


def assert_rdflib_reads(data: bytes, fmt: str, quads) -> None:
    """rdflib parses ``data`` into the same graph (ttl, nt) or the same named graphs."""
    if fmt in ("ttl", "nt"):
        g = rdflib.Graph()
        g.parse(data=data, format=RDFLIB_FORMAT[fmt])
        assert_isomorphic(union_graph(quads), g)
    else:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        assert_datasets_isomorphic(rdflib_dataset(quads), ds)


def union_graph(quads) -> rdflib.Graph:
    g = rdflib.Graph()
    for q in quads:
        g.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
    return g


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_rdf_export_reparses_in_both_parsers(sample_store, tmp_path, fmt):
    path = export(sample_store, fmt, tmp_path)
    data = path.read_bytes()
    expected_quads = list(sample_store.quads())
    assert len(expected_quads) > 1000
    # pyoxigraph reads back exactly the same quads / triples
    parsed = list(ox.parse(data, format=RDF_FORMATS[fmt][0]))
    if fmt in ("ttl", "nt"):
        assert {str(t) for t in parsed} == {str(q.triple) for q in expected_quads}
    else:
        assert {str(q) for q in parsed} == {str(q) for q in expected_quads}
    # rdflib, an independent parser, too (isomorphic, per named graph where graphs are kept)
    assert_rdflib_reads(data, fmt, expected_quads)


def test_rdflib_output_reparses_in_pyoxigraph(sample_store):
    """The other direction: what rdflib writes, Oxigraph reads with the same triples."""
    g = union_graph(sample_store.quads())
    for rdflib_fmt, ox_fmt in (("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)):
        text = g.serialize(format=rdflib_fmt, encoding="utf-8")
        parsed = {str(t) for t in ox.parse(text, format=ox_fmt)}
        assert parsed == {str(q.triple) for q in sample_store.quads()}


def test_trig_and_nquads_keep_article_graphs(sample_store, tmp_path):
    from cooperation_graph.mapping import article_graph_iri, gazetteer_graph_iri

    ex = sample_extraction()
    ds = rdflib.Dataset()
    ds.parse(export(sample_store, "trig", tmp_path), format="trig")
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert names == {article_graph_iri(ex.article), gazetteer_graph_iri()}
    nq = export(sample_store, "nq", tmp_path).read_text(encoding="utf-8").splitlines()
    assert all(line.endswith(f"<{article_graph_iri(ex.article)}> .") or
               line.endswith(f"<{gazetteer_graph_iri()}> .") for line in nq)
    assert "store#records" not in "".join(nq)  # the build records are not data


def test_turtle_is_stable_across_builds_and_load_order(tmp_path):
    """Same graph -> same bytes: rebuilt, and built in another order in another store."""
    units = [Unit(article_graph(i), article_quads(i, n=30), id=f"a{i}") for i in range(40)]
    a = EmbeddedStore(tmp_path / "a")
    build_units(units, a)
    first = serialize_quads(a, "ttl")
    build_units(units, a)  # unchanged: skipped
    assert serialize_quads(a, "ttl") == first
    shuffled = units[:]
    random.Random(3).shuffle(shuffled)
    b = EmbeddedStore(tmp_path / "b")
    build_units([Unit(u.graph, list(reversed(u.quads)), id=u.id) for u in shuffled], b, batch_size=7)
    for fmt in RDF_FORMATS:
        assert serialize_quads(a, fmt) == serialize_quads(b, fmt), fmt
    assert first.startswith(b"@prefix")
    a.close()
    b.close()


def test_second_sample_build_changes_no_byte_of_turtle(tmp_path):
    st = EmbeddedStore(tmp_path / "s")
    build_articles([sample_extraction()], st)
    before = export(st, "ttl", tmp_path).read_bytes()
    again = build_articles([sample_extraction()], st)
    assert (again.added, again.replaced, again.skipped, again.quads_written) == (0, 0, 1, 0)
    assert export(st, "ttl", tmp_path).read_bytes() == before
    st.close()


def test_blank_nodes_get_canonical_labels():
    """Exports of quads with blank nodes do not depend on the labels they came with."""

    def quads(label):
        g = ox.NamedNode(article_graph(1))
        b = ox.BlankNode(label)
        return [ox.Quad(ox.NamedNode("http://a/s"), ox.NamedNode("http://a/p"), b, g),
                ox.Quad(b, ox.NamedNode("http://a/q"), ox.Literal("x"), g)]

    first, second = ({fmt: serialize_quads(quads(label), fmt) for fmt in RDF_FORMATS}
                     for label in ("first", "second"))
    assert first == second
    assert b"_:" in first["nt"] and b"first" not in first["nt"]


def test_units_refuse_blank_nodes(tmp_path):
    st = EmbeddedStore(tmp_path / "s")
    b = ox.BlankNode("x")
    with pytest.raises(StoreError, match="blank node"):
        st.write_units([Unit(article_graph(1), [ox.Quad(b, ox.NamedNode("http://a/p"), b,
                                                        ox.NamedNode(article_graph(1)))], id="x")])
    st.close()


def test_graphml_and_gexf_open_as_networkx(sample_store, tmp_path):
    graphml = nx.read_graphml(export(sample_store, "graphml", tmp_path))
    gexf = nx.read_gexf(export(sample_store, "gexf", tmp_path))
    for g in (graphml, gexf):
        assert g.number_of_nodes() > 5 and g.number_of_edges() > 5
        labels = {str(a.get("label", "")) for _, a in g.nodes(data=True)}
        assert any("Hà Nội" in lbl for lbl in labels), sorted(labels)[:20]
    # the same graph gives the same file (GEXF also carries the date of writing)
    assert export(sample_store, "graphml", tmp_path / "again").read_bytes() == (tmp_path / "graph.graphml").read_bytes()


def test_graphml_and_gexf_attributes_are_plain_values_or_json(sample_store, tmp_path):
    """Gephi users read attributes as text: the evidence is JSON, not a Python dict repr."""
    import json
    import xml.etree.ElementTree as ET

    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(export(sample_store, "graphml", tmp_path)).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    values: dict[str, list[str]] = {}
    for data in root.iter("{http://graphml.graphdrawing.org/xmlns}data"):
        values.setdefault(keys[data.get("key")], []).append(data.text or "")
    evidence = [json.loads(v) for v in values["evidence"]]
    sentences = [e["sentence"] for items in evidence for e in items]
    assert any("5 tỷ đồng" in s for s in sentences)
    assert all(isinstance(e["confidence"], float) for items in evidence for e in items)
    assert all(isinstance(json.loads(v), list) for v in values["articles"])
    gexf = export(sample_store, "gexf", tmp_path).read_text(encoding="utf-8")
    for text in [*(v for vs in values.values() for v in vs), gexf]:
        assert "{'" not in text and "['" not in text and "datetime.date(" not in text


def test_csv_one_table_per_fact_type(sample_store, tmp_path):
    folder = export(sample_store, "csv", tmp_path)
    names = sorted(p.stem for p in folder.glob("*.csv"))
    assert {"fundings", "officials", "agreements", "investments", "events", "provinces"} <= set(names)
    with (folder / "fundings.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["iri"].startswith("https://") for r in rows)
    assert {r["amount.value"] for r in rows} >= {"5000000000", "3000000000"}
    assert {r["donor_label"] for r in rows} == {"Hà Nội"}
    with (folder / "officials.csv").open(encoding="utf-8") as fh:
        officials = list(csv.DictReader(fh))
    hai = next(r for r in officials if r["name"] == "Hoàng Trung Hải")
    posts, labels = hai["holds"].split(" | "), hai["holds_label"].split(" | ")
    assert len(posts) == len(labels) and "Bí thư Thành ủy" in labels
    assert labels[posts.index(next(p for p in posts if p.endswith("/bi-thu-thanh-uy")))] == "Bí thư Thành ủy"


def test_unknown_format_is_a_clean_error(sample_store, tmp_path):
    with pytest.raises(StoreError, match="unknown export format"):
        export(sample_store, "xlsx", tmp_path)
    assert set(FORMATS) == {"ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv"}


def test_cli_build_export_remove_validate(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    r = runner.invoke(main, ["build", str(SAMPLE), "--store", store])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["export", "--format", "ttl", "--format", "trig", "--store", store,
                             "--out", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    ttl = (tmp_path / "out" / "graph.ttl").read_bytes()
    assert b"cg:Funding" in ttl
    r = runner.invoke(main, ["build", str(SAMPLE), "--store", store])
    assert r.exit_code == 0 and "1 unchanged" in r.output, r.output
    runner.invoke(main, ["export", "--format", "ttl", "--store", store, "--out", str(tmp_path / "out")])
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == ttl
    r = runner.invoke(main, ["validate", "--store", store])
    assert r.exit_code in (0, 1) and r.output.strip(), r.output
    r = runner.invoke(main, ["remove", str(SAMPLE), "--store", store])
    assert r.exit_code == 0 and "removed" in r.output, r.output
    r = runner.invoke(main, ["remove", str(SAMPLE), "--store", store])
    assert r.exit_code != 0 and "no article" in r.output
    for command in ("build", "remove", "export", "validate"):
        assert "Example:" in runner.invoke(main, [command, "--help"]).output


def test_mapping_quads_are_one_graph_per_article():
    """The store relies on it: an article's quads are all in its own named graph."""
    quads = extraction_to_quads(sample_extraction())
    assert len({q.graph_name.value for q in quads}) == 1


# --------------------------------------------------------------------------- properties

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_literal = st.one_of(
    _text.map(ox.Literal),
    st.tuples(_text, st.sampled_from(["vi", "en", "vi-VN"])).map(lambda t: ox.Literal(t[0], language=t[1])),
    st.integers(-10**15, 10**15).map(lambda i: ox.Literal(str(i), datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer"))),
)
_iri = st.integers(0, 30).map(lambda i: ox.NamedNode(f"https://w3id.org/coopgraph/id/x/{i}"))
_quad = st.tuples(_iri, st.sampled_from([ox.NamedNode("https://w3id.org/coopgraph/ontology#sentence"),
                                         ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")]),
                  st.one_of(_literal, _iri), st.integers(0, 3))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_quad, min_size=1, max_size=40))
def test_any_literal_round_trips_in_every_format(tmp_path_factory, raw):
    quads = [ox.Quad(s, p, o, ox.NamedNode(article_graph(g))) for s, p, o, g in raw]
    for fmt, (ox_fmt, _) in RDF_FORMATS.items():
        data = serialize_quads(quads, fmt)
        assert serialize_quads(list(ox.parse(data, format=ox_fmt)), fmt) == data  # stable
        assert_rdflib_reads(data, fmt, quads)


def test_kept_ntriples_and_dumped_quads_give_the_same_bytes(tmp_path):
    """Exports read each unit's kept N-Triples; a store whose graphs have none (an older
    version, or a SPARQL Update) is dumped instead: the bytes must not differ."""
    units = [Unit(article_graph(i), article_quads(i, n=30), id=f"a{i}") for i in range(150)]
    st = EmbeddedStore(tmp_path / "s")
    build_units(units, st)
    build_units([Unit(article_graph(3), article_quads(3, n=12, version=1), id="a3")], st)  # replaced
    kept = {fmt: serialize_quads(st, fmt) for fmt in ("ttl", "nt")}
    st.drop_payloads()  # 150 graphs without: dumped in two threads
    assert {fmt: serialize_quads(st, fmt) for fmt in kept} == kept
    st.oxigraph.update(f"INSERT DATA {{ GRAPH <{article_graph(7)}> {{ <urn:x> <urn:p> \"new\" }} }}")
    assert b'<urn:x> <urn:p> "new" .' in serialize_quads(st, "nt")
    st.close()



def test_a_big_graph_is_written_in_subject_ranges_with_the_same_bytes(tmp_path, monkeypatch):
    """Above EXPORT_CHUNK_BYTES an export sorts subject ranges through temporary files and
    writes Turtle range by range; the file must be the one a single range gives."""
    import cooperation_graph.store as store_module

    units = [Unit(article_graph(i), article_quads(i, n=30), id=f"a{i}") for i in range(300)]
    st = EmbeddedStore(tmp_path / "s")
    build_units(units, st)
    whole = {fmt: export(st, fmt, tmp_path / "whole").read_bytes() for fmt in ("ttl", "nt")}
    chunks = list(st.sorted_triple_chunks(chunk_bytes=20_000))
    assert len(chunks) > 5 and all(chunks)  # several ranges, none empty
    assert [line for c in chunks for line in c] == whole["nt"].splitlines()  # in order, distinct
    monkeypatch.setattr(store_module, "EXPORT_CHUNK_BYTES", 20_000)
    for fmt, data in whole.items():
        assert export(st, fmt, tmp_path / "ranges").read_bytes() == data, fmt
    assert serialize_quads(st, "ttl") == whole["ttl"]
    st.close()
