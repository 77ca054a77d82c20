"""The store's reading: the one pass over an Oxigraph store's graphs gives the same tables as
the SPARQL queries a server is asked."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from make_fixture import fixture_quads  # noqa: E402

from cooperation_graph.reading import (  # noqa: E402
    StoreReading,
    Tables,
    graph_texts,
    literal_value,
    py_value,
    tables_from_graphs,
)
from cooperation_graph.store import make_unit, open_store  # noqa: E402

CG = "https://w3id.org/coopgraph/ontology#"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class QueryOnly:
    """A store seen through SPARQL only, as a server is."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def query(self, sparql: str) -> Any:
        return self.store.query(sparql)


def normalized(tables: Tables) -> dict[str, Any]:
    """Tables compared as sets: neither a pass nor an engine promises an order."""
    out: dict[str, Any] = {}
    for name in Tables.__dataclass_fields__:
        value = getattr(tables, name)
        if isinstance(value, dict):
            out[name] = {k: sorted(map(repr, v)) if isinstance(v, (list, set)) else v
                         for k, v in value.items()}
        elif name.endswith("_rows"):
            out[name] = sorted(repr(sorted(row.items())) for row in value)
        else:
            out[name] = sorted(map(repr, value))
    return out


def both_ways(store: ox.Store) -> tuple[dict[str, Any], dict[str, Any]]:
    by_pass = tables_from_graphs(graph_texts(store))
    by_sparql = StoreReading(QueryOnly(store))
    assert by_sparql.table("flows") is by_sparql.table("flows")  # asked once
    return normalized(by_pass), normalized(by_sparql.tables)


def tricky_quads(blank: bool = True) -> list[ox.Quad]:
    """Literals N-Triples escapes, a language tag, a blank node (unless ``blank`` is false: a
    store's unit has none), a literal that looks like an IRI, two graphs stating one fact."""
    g1, g2 = ox.NamedNode("https://example.org/graph/1"), ox.NamedNode("https://example.org/graph/2")
    fund = ox.NamedNode("https://example.org/id/funding/1")
    prov = [ox.NamedNode(f"https://example.org/id/province/{i}") for i in (1, 2)]
    art = ox.NamedNode("https://example.org/id/article/1")
    ev = ox.BlankNode("ev1") if blank else ox.NamedNode("https://example.org/id/funding/1#ev")
    text = 'quỹ "an sinh" \\ dòng\nmới\r\ttab \u2028 hết'  # (\x1e, \x1f: the queries' separators)
    quads = [
        ox.Quad(art, ox.NamedNode(RDF_TYPE), ox.NamedNode(CG + "Article"), g1),
        ox.Quad(art, ox.NamedNode(SCHEMA + "headline"), ox.Literal(text), g1),
        ox.Quad(art, ox.NamedNode(SCHEMA + "url"), ox.Literal("https://example.org/a 1"), g1),
        ox.Quad(art, ox.NamedNode(SCHEMA + "datePublished"),
                ox.Literal("2019-08-23T12:44:00+07:00",
                           datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")), g1),
    ]
    for g in (g1, g2):
        quads += [
            ox.Quad(fund, ox.NamedNode(RDF_TYPE), ox.NamedNode(CG + "Funding"), g),
            ox.Quad(fund, ox.NamedNode(CG + "donor"), prov[0], g),
            ox.Quad(fund, ox.NamedNode(CG + "recipient"), prov[1], g),
            ox.Quad(fund, ox.NamedNode(CG + "purpose"), ox.Literal(text, language="vi"), g),
            ox.Quad(fund, ox.NamedNode(CG + "year"),
                    ox.Literal("2012", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), g),
            ox.Quad(fund, ox.NamedNode(CG + "evidence"), ev, g),
            ox.Quad(ev, ox.NamedNode(CG + "sentence"), ox.Literal(text), g),
            ox.Quad(ev, ox.NamedNode(CG + "confidence"),
                    ox.Literal("0.9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")), g),
            ox.Quad(ev, ox.NamedNode("http://www.w3.org/ns/prov#wasQuotedFrom"), art, g),
        ]
    return quads


def test_the_pass_and_the_queries_agree_on_quads() -> None:
    for quads in (fixture_quads(), tricky_quads()):
        store = ox.Store()
        store.extend(quads)
        by_pass, by_sparql = both_ways(store)
        assert by_pass == by_sparql
    assert by_pass["evidence"] and by_pass["flows"] and by_pass["article_rows"]


def test_the_pass_reads_the_kept_ntriples_of_an_embedded_store(tmp_path: Path) -> None:
    graphs: dict[str, list[ox.Quad]] = defaultdict(list)
    for q in fixture_quads() + tricky_quads(blank=False):
        graphs[q.graph_name.value].append(ox.Quad(q.subject, q.predicate, q.object, q.graph_name))
    store = open_store(tmp_path / "store")
    store.write_units([make_unit(g, quads, id=g) for g, quads in graphs.items()])
    kept = {g for g, _ in graph_texts(store.oxigraph)}
    assert kept >= set(graphs)
    by_pass, by_sparql = both_ways(store.oxigraph)
    assert by_pass == by_sparql
    assert by_pass["facts"] and by_pass["posts_seen"] and by_pass["mentions"]
    store.close()


@pytest.mark.parametrize("term", [
    ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    ox.Literal("1.50", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
    ox.Literal("2019-08-23", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
    ox.Literal("not a date", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
    ox.Literal("chữ", language="vi"),
    ox.NamedNode("https://example.org/x"),
    ox.BlankNode("b0"),
])
def test_terms_read_the_same_from_text(term: Any) -> None:
    store = ox.Store()
    s = ox.NamedNode("https://example.org/s")
    g = ox.NamedNode("https://example.org/g")
    store.add(ox.Quad(s, ox.NamedNode(CG + "year"), term, g))
    (_, text), = list(graph_texts(store))
    (line,) = text.strip().splitlines()
    by_pass = tables_from_graphs([("https://example.org/g", text)]).flow_years
    assert by_pass == {("https://example.org/s", py_value(term))}, line
    if isinstance(term, ox.Literal):
        assert literal_value(term.value, term.datatype.value) == py_value(term)
