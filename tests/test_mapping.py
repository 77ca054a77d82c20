"""Extraction -> quads: the sample article's graph, deterministic IRIs, eras, round trips."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from graph_fixtures import (
    assert_datasets_isomorphic,
    current_era_extraction,
    sample_article,
)
from graph_fixtures import sample_extraction as hand_sample

from cooperation_graph.mapping import (
    article_graph_iri,
    article_iri,
    article_key,
    extraction_to_quads,
    gazetteer_graph_iri,
    gazetteer_quads,
    is_central_title,
    province_iri,
    quads_to_rdflib,
)
from cooperation_graph.gazetteer import load_gazetteer
from cooperation_graph.model import (
    Agreement, Article, Event, Evidence, Extraction, Funding, Investment, Official, Participant,
    ProvinceMention,
)
from cooperation_graph.vocab import CG_NS, DEFAULT_BASE, bind_prefixes, sparql_prefixes

GOLDEN = Path(__file__).parent / "golden" / "graph" / "sample.trig"


@pytest.fixture(scope="module")
def sample_quads() -> list[ox.Quad]:
    return extraction_to_quads(hand_sample())


@pytest.fixture(scope="module")
def store(sample_quads: list[ox.Quad]) -> ox.Store:
    s = ox.Store()
    s.extend(sample_quads)
    s.extend(gazetteer_quads())
    return s


def select(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    """Rows of a SELECT over the union of all graphs, as plain strings, sorted."""
    result = store.query(sparql_prefixes() + query, use_default_graph_as_union=True)
    return sorted(tuple(t.value if t is not None else "" for t in row) for row in result)


# --------------------------------------------------------------------------- golden graph


def test_sample_graph_matches_golden(sample_quads: list[ox.Quad], update_golden: bool) -> None:
    actual = bind_prefixes(quads_to_rdflib(sample_quads))
    if update_golden or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(actual.serialize(format="trig"), encoding="utf-8")
    expected = rdflib.Dataset().parse(GOLDEN, format="trig")
    assert_datasets_isomorphic(expected, actual)


# --------------------------------------------------------------------------- the sample's facts


def test_everything_of_the_article_is_in_its_one_named_graph(sample_quads: list[ox.Quad]) -> None:
    graphs = {q.graph_name.value for q in sample_quads}
    assert graphs == {article_graph_iri(sample_article())}


def test_article_metadata(store: ox.Store) -> None:
    rows = select(store, """SELECT ?title ?date ?source ?author ?section WHERE {
        ?a a cg:Article ; schema:headline ?title ; schema:datePublished ?date ;
           schema:publisher/schema:name ?source ; schema:author ?author ;
           schema:articleSection ?section }""")
    assert rows == [("Hà Nội - Cần Thơ: Đẩy mạnh hợp tác, phát triển toàn diện trong giai đoạn mới",
                     "2019-08-23T12:44:00", "Tuổi trẻ Thủ đô", "Tú Linh", "Thời sự")]


def test_cooperation_pair_both_directions_and_reified(store: ox.Store) -> None:
    ha_noi, can_tho = province_iri("legacy", "01"), province_iri("legacy", "92")
    rows = select(store, "SELECT ?a ?b WHERE { ?a cg:cooperatesWith ?b }")
    assert rows == sorted([(ha_noi, can_tho), (can_tho, ha_noi)])
    rows = select(store, "SELECT ?c (COUNT(?p) AS ?n) WHERE { ?c a cg:Cooperation ; cg:partner ?p }"
                         " GROUP BY ?c")
    assert [n for _, n in rows] == ["2"]


def test_officials_posts_and_provinces(store: ox.Store) -> None:
    rows = select(store, """SELECT ?name ?code WHERE {
        ?p a cg:Official ; schema:name ?name ; cg:serves/cg:provinceCode ?code }""")
    assert rows == [("Hoàng Trung Hải", "01"), ("Trần Quốc Trung", "92")]
    posts = select(store, """SELECT ?name ?title ?in WHERE {
        ?p schema:name ?name ; org:holds ?post . ?post rdfs:label ?title .
        OPTIONAL { ?post org:postIn/cg:provinceCode ?in } }""")
    assert ("Hoàng Trung Hải", "Ủy viên Bộ Chính trị", "") in posts  # central post: no province
    assert ("Hoàng Trung Hải", "Bí thư Thành ủy", "01") in posts
    assert ("Trần Quốc Trung", "Trưởng đoàn đại biểu Quốc hội", "92") in posts
    assert len(posts) == 6
    names = {r[0] for r in select(store, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")}
    assert names.isdisjoint({"Tô Lâm", "Trần Cẩm Tú", "Tú Linh", "Viết Thành"})


def test_memberships_seen_at_article_date(store: ox.Store) -> None:
    rows = select(store, """SELECT ?name ?role ?day WHERE {
        ?m a org:Membership ; org:member/schema:name ?name ; org:role/rdfs:label ?role ;
           org:memberDuring/time:inside/time:inXSDDate ?day }""")
    assert len(rows) == 6
    assert {r[2] for r in rows} == {"2019-08-23"}


def test_fundings_exactly_three(store: ox.Store) -> None:
    rows = select(store, """SELECT ?donor ?recipient ?value ?cur ?purpose
        (GROUP_CONCAT(STR(?year); separator=",") AS ?years) WHERE {
        ?f a cg:Funding ; cg:donor/rdfs:label ?donor ; cg:recipient/rdfs:label ?recipient ;
           schema:amount [ schema:value ?value ; schema:currency ?cur ] ; cg:purpose ?purpose ;
           cg:year ?year ; cg:status "given" }
        GROUP BY ?donor ?recipient ?value ?cur ?purpose""")
    assert [(r[2], ",".join(sorted(r[5].split(",")))) for r in rows] == [
        ("3000000000", "2019"), ("5000000000", "2012"), ("5000000000", "2014,2016")]
    assert {(r[0], r[1], r[3]) for r in rows} == {("Hà Nội", "Cần Thơ", "VND")}


def test_investment(store: ox.Store) -> None:
    rows = select(store, """SELECT ?inv ?host ?n ?capital ?q WHERE {
        ?i a cg:Investment ; cg:investor/rdfs:label ?inv ; cg:host/rdfs:label ?host ;
           cg:projectCount ?n ; schema:amount/schema:value ?capital ; cg:qualifier ?q }""")
    assert rows == [("Hà Nội", "Cần Thơ", "18", "33600000000000", "trên")]


def test_agreement(store: ox.Store) -> None:
    rows = select(store, """SELECT ?n ?status ?who (COUNT(DISTINCT ?party) AS ?parties) WHERE {
        ?a a cg:Agreement ; cg:party ?party ; cg:contentCount ?n ; cg:status ?status ;
           cg:signatoryText ?who } GROUP BY ?n ?status ?who""")
    assert rows == [("11", "planned", "hai Phó Bí thư Thường trực Thành ủy", "2")]


def test_event_chaired_by_the_two_secretaries(store: ox.Store) -> None:
    rows = select(store, """SELECT ?day ?place ?chair WHERE {
        ?e a cg:Event ; schema:startDate ?day ; schema:location/rdfs:label ?place ;
           cg:chair/schema:name ?chair }""")
    assert rows == [("2019-08-23", "Cần Thơ", "Hoàng Trung Hải"),
                    ("2019-08-23", "Cần Thơ", "Trần Quốc Trung")]


def test_every_fact_has_provenance(store: ox.Store, sample_quads: list[ox.Quad]) -> None:
    art = article_iri(sample_article())
    rows = select(store, """SELECT ?f ?art ?sentence ?start ?end ?conf WHERE {
        VALUES ?type { cg:Agreement cg:Funding cg:Investment cg:Event org:Membership cg:Official }
        ?f a ?type ; prov:wasDerivedFrom ?art ;
           cg:evidence [ cg:sentence ?sentence ; cg:startOffset ?start ; cg:endOffset ?end ;
                         cg:confidence ?conf ; prov:wasQuotedFrom ?art ] }""")
    assert len(rows) == 1 + 3 + 1 + 1 + 6 + 2
    text = sample_article().text
    for _, a, sentence, start, end, conf in rows:
        assert a == art
        assert text[int(start):int(end)] == sentence
        assert 0 <= float(conf) <= 1


def test_literal_datatypes(sample_quads: list[ox.Quad]) -> None:
    by_predicate = {q.predicate.value: q.object for q in sample_quads}
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert by_predicate[CG_NS + "confidence"].datatype.value == xsd + "decimal"
    assert by_predicate[CG_NS + "startOffset"].datatype.value == xsd + "integer"
    assert by_predicate["https://schema.org/value"].datatype.value == xsd + "integer"
    assert by_predicate["https://schema.org/datePublished"].datatype.value == xsd + "dateTime"
    assert by_predicate["https://schema.org/startDate"].datatype.value == xsd + "date"


# --------------------------------------------------------------------------- determinism, IRIs


def test_same_extraction_same_quads_and_bytes() -> None:
    first, second = extraction_to_quads(hand_sample()), extraction_to_quads(hand_sample())
    assert first == second
    assert ox.serialize(first, format=ox.RdfFormat.N_QUADS) == ox.serialize(
        second, format=ox.RdfFormat.N_QUADS)


def test_article_key_from_url_else_content() -> None:
    art = sample_article()
    with_url = replace(art, url="https://tuoitrethudo.vn/a.html")
    assert article_key(with_url) == article_key(replace(with_url, text="changed", content_hash="x"))
    assert article_key(art) != article_key(replace(art, content_hash="1" * 64))
    assert article_key(art) != article_key(with_url)
    no_hash = replace(art, content_hash="")
    assert article_key(no_hash) == article_key(replace(no_hash, title="other title"))
    assert article_key(no_hash) != article_key(replace(no_hash, text=art.text + "!"))


def test_base_is_configurable(sample_quads: list[ox.Quad]) -> None:
    base = "http://example.org/kg/"
    quads = extraction_to_quads(hand_sample(), base)
    assert len(quads) == len(sample_quads)
    for q in quads:
        assert q.graph_name.value.startswith(base + "graph/")
        assert q.subject.value.startswith(base + "id/")
        assert q.predicate.value.startswith(("http://www.w3.org", "https://schema.org/",
                                             "http://xmlns.com/foaf/", CG_NS))
    assert not any(DEFAULT_BASE in q.subject.value for q in quads)


def test_central_titles() -> None:
    assert is_central_title("Ủy viên Bộ Chính trị")
    assert is_central_title("Uỷ viên Trung ương Đảng")  # old-style tone mark
    assert not is_central_title("Bí thư Thành ủy")
    assert not is_central_title("Trưởng đoàn đại biểu Quốc hội")


def test_unknown_province_name_leaves_edge_out(caplog: pytest.LogCaptureFixture) -> None:
    ex = hand_sample()
    funding = replace(ex.fundings[0], donor="Atlantis")
    quads = extraction_to_quads(replace(ex, fundings=(funding,)))
    assert not any(q.predicate.value == CG_NS + "donor" for q in quads)
    assert any(q.predicate.value == CG_NS + "recipient" for q in quads)
    assert "Atlantis" in caplog.text


def test_signatory_and_participant_without_official_become_text() -> None:
    ex = hand_sample()
    event = replace(ex.events[0], participants=(replace(ex.events[0].participants[0],
                                                        name="Nguyễn Văn Không"),))
    quads = extraction_to_quads(replace(ex, events=(event,)))
    names = [q.object.value for q in quads if q.predicate.value == CG_NS + "chairName"]
    assert names == ["Nguyễn Văn Không"]


# --------------------------------------------------------------------------- eras, gazetteer


@pytest.fixture(scope="module")
def gazetteer_store() -> ox.Store:
    s = ox.Store()
    s.extend(gazetteer_quads())
    return s


def test_gazetteer_has_both_eras(gazetteer_store: ox.Store) -> None:
    rows = select(gazetteer_store,
                  "SELECT ?era (COUNT(?p) AS ?n) WHERE { ?p a cg:Province ; cg:era ?era }"
                  " GROUP BY ?era")
    assert rows == [("current", "34"), ("legacy", "63")]
    graphs = {q.graph_name.value for q in gazetteer_quads()}
    assert graphs == {gazetteer_graph_iri()}


def test_legacy_and_current_can_tho_are_distinct_and_linked(gazetteer_store: ox.Store) -> None:
    old, new = province_iri("legacy", "92"), province_iri("current", "92")
    assert old != new
    rows = select(gazetteer_store, f"""SELECT ?day ?origin WHERE {{
        <{old}> cg:mergedInto <{new}> ; org:changedBy ?change .
        ?change a org:ChangeEvent ; org:resultingOrganization <{new}> ; cg:effectiveDate ?day ;
                org:originalOrganization/rdfs:label ?origin . }}""")
    assert rows == [("2025-07-01", "Cần Thơ"), ("2025-07-01", "Hậu Giang"),
                    ("2025-07-01", "Sóc Trăng")]


def test_every_legacy_unit_has_one_successor(gazetteer_store: ox.Store) -> None:
    rows = select(gazetteer_store, """SELECT ?p WHERE { ?p cg:era "legacy" .
        FILTER NOT EXISTS { ?p cg:mergedInto ?n . ?n cg:era "current" } }""")
    assert rows == []


def test_current_era_article_uses_current_units() -> None:
    quads = extraction_to_quads(current_era_extraction())
    objects = {q.object.value for q in quads}
    assert province_iri("current", "92") in objects
    assert province_iri("legacy", "92") not in objects


def test_province_mention_era_is_respected() -> None:
    ex = hand_sample()
    ex = replace(ex, provinces=(ProvinceMention("Hà Nội", "01", "current", 3),) + ex.provinces[1:])
    objects = {q.object.value for q in extraction_to_quads(ex)}
    assert province_iri("current", "01") in objects
    assert province_iri("legacy", "01") not in objects


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_round_trip_rdflib_and_pyoxigraph(sample_quads: list[ox.Quad], fmt: str) -> None:
    quads = sample_quads + gazetteer_quads()
    ox_format = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    reference = quads_to_rdflib(quads)
    # pyoxigraph writes, rdflib reads
    text = ox.serialize(quads, format=ox_format, prefixes={"cg": CG_NS} if fmt == "trig" else None)
    from_ox = rdflib.Dataset().parse(data=text.decode("utf-8"), format=fmt)
    assert_datasets_isomorphic(reference, from_ox)
    # rdflib writes, pyoxigraph reads
    written = bind_prefixes(quads_to_rdflib(quads)).serialize(format=fmt)
    back = quads_to_rdflib(ox.parse(written.encode("utf-8"), format=ox_format))
    assert_datasets_isomorphic(reference, back)


def test_turtle_round_trip_of_one_graph(sample_quads: list[ox.Quad]) -> None:
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in sample_quads]
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE)
    g = rdflib.Graph().parse(data=text.decode("utf-8"), format="turtle")
    canon = g.serialize(format="longturtle", canon=True)
    again = ox.parse(canon.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    assert {str(t) for t in again} == {str(t) for t in triples}


# --------------------------------------------------------------------------- Wikidata


def test_wikidata_links(gazetteer_store: ox.Store) -> None:
    rows = select(gazetteer_store, """SELECT ?era ?code ?link ?q WHERE {
        ?p cg:era ?era ; cg:provinceCode ?code ; ?link ?q .
        FILTER (?link IN (owl:sameAs, prov:specializationOf)) }""")
    links = {(era, code): (link.rsplit("#", 1)[-1], q.rsplit("/", 1)[-1])
             for era, code, link, q in rows}
    assert links[("current", "01")] == ("sameAs", "Q1858")
    assert links[("current", "79")] == ("sameAs", "Q1854")
    assert links[("legacy", "01")] == ("specializationOf", "Q1858")
    assert links[("legacy", "93")] == ("sameAs", "Q36320")  # Hậu Giang ended in 2025
    assert ("legacy", "96") not in links and ("current", "96") not in links  # sources disagree
    same_as = [q for link, q in links.values() if link == "sameAs"]
    assert len(same_as) == len(set(same_as)), "two nodes owl:sameAs one item would merge them"


def test_wikidata_csv_matches_the_gazetteer() -> None:
    import csv

    from cooperation_graph.gazetteer import load_gazetteer
    from cooperation_graph.mapping import WIKIDATA_CSV

    names = {(p.era, p.code): p.name for p in load_gazetteer().provinces}
    with WIKIDATA_CSV.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        assert names[(row["era"], row["code"])] == row["name"], row
        assert row["wikidata"].startswith("Q") and row["wikidata"][1:].isdigit(), row
        assert row["link"] in {"sameAs", "specializationOf"}, row
        assert row["source"].strip(), row


# --------------------------------------------------------------------------- properties

WORDS = ["Hà", "Nội", "hợp", "tác", "Nguyễn", "Văn", "Thị", "Hòa", "Thuỷ", "đồng", "tỷ", "\"x\"",
         "<b>", "a\\b", "Ủy", "viên", "\u00e0", "e\u0301"]
UNITS = [p for p in load_gazetteer().provinces]


@st.composite
def extractions(draw: st.DrawFn) -> Extraction:
    text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=5, max_size=40)))

    def ev() -> Evidence:
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        return Evidence(text[start:end], start, end,
                        draw(st.floats(0, 1, allow_nan=False).map(lambda f: round(f, 3))))

    era = draw(st.sampled_from(["legacy", "current"]))
    units = draw(st.lists(st.sampled_from([u for u in UNITS if u.era == era]), min_size=2,
                          max_size=4, unique_by=lambda u: u.code))
    names = [u.name for u in units]
    mentions = tuple(ProvinceMention(u.name, u.code, u.era, draw(st.integers(1, 9)))
                     for u in units)
    person = st.text(alphabet="abcđêôơưàáạ ", min_size=2, max_size=12).map(
        lambda s: "Lê " + s.strip() + "x")
    officials = tuple(Official(draw(person), tuple(draw(st.lists(st.sampled_from(
        ["Bí thư Tỉnh ủy", "Chủ tịch UBND", "Ủy viên Bộ Chính trị"]), max_size=3))),
        draw(st.sampled_from(names + [None])), ev()) for _ in range(draw(st.integers(0, 3))))
    a, b = names[0], names[1]
    when = draw(st.one_of(st.none(), st.datetimes(min_value=datetime(2000, 1, 1),
                                                  max_value=datetime(2030, 1, 1))))
    return Extraction(
        article=Article(id=draw(st.text(min_size=1, max_size=8)), title=draw(st.text(max_size=20)),
                        text=text, date=when,
                        url=draw(st.one_of(st.none(), st.just("https://example.org/a?b=1&c"))),
                        authors=tuple(draw(st.lists(st.text(min_size=1, max_size=8), max_size=2)))),
        provinces=mentions,
        cooperation_pairs=((a, b),),
        officials=officials,
        agreements=(Agreement((a, b), "biên bản", draw(st.one_of(st.none(), st.integers(1, 20))),
                              ("y tế",), None, "signed", tuple(o.name for o in officials), ev()),),
        fundings=(Funding(draw(st.integers(1, 10**15)), None, a, b, None,
                          draw(st.one_of(st.none(), st.integers(1990, 2030))), "given", ev()),),
        investments=(Investment(a, b, None, draw(st.integers(0, 10**16)), "trên", ev()),),
        events=(Event("hội nghị", when.date() if when else None, b, (a, "Ban Tổ chức"),
                      tuple(Participant(o.name, "chair") for o in officials), ev()),),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_property_deterministic_and_round_trips(ex: Extraction) -> None:
    quads = extraction_to_quads(ex)
    assert quads == extraction_to_quads(ex)
    assert {q.graph_name.value for q in quads} == {article_graph_iri(ex.article)}
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    back = rdflib.Dataset().parse(data=data.decode("utf-8"), format="nquads")
    assert_datasets_isomorphic(quads_to_rdflib(quads), back)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_property_mapped_graphs_conform(ex: Extraction) -> None:
    from cooperation_graph.validate import validate_quads

    report = validate_quads(extraction_to_quads(ex))
    assert report.conforms, report.text()


def test_one_official_across_articles_with_posts_over_time() -> None:
    s = ox.Store()
    s.extend(extraction_to_quads(hand_sample()))
    s.extend(extraction_to_quads(current_era_extraction()))
    s.extend(gazetteer_quads())
    rows = select(s, """SELECT ?person (MIN(?day) AS ?first) (MAX(?day) AS ?last)
        (COUNT(DISTINCT ?m) AS ?posts) (COUNT(DISTINCT ?art) AS ?sources) WHERE {
        ?person schema:name "Trần Quốc Trung" .
        ?m org:member ?person ; org:memberDuring/time:inside/time:inXSDDate ?day ;
           prov:wasDerivedFrom ?art } GROUP BY ?person""")
    assert len(rows) == 1
    _, first, last, posts, sources = rows[0]
    assert (first, last, posts, sources) == ("2019-08-23", "2025-09-05", "4", "2")


def test_literal_text_is_oxigraphs_own() -> None:
    """Literals are written as N-Triples text by the mapping: the escapes must be Oxigraph's."""
    from cooperation_graph.mapping import _str, _vi

    chars = [chr(c) for c in (*range(0x300), 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF)]
    for text in chars + ["".join(chars), 'a "quoted" \\ back\\slash\r\n']:
        assert _str(text) == str(ox.Literal(text))
        assert _vi(text) == str(ox.Literal(text, language="vi"))


def test_ntriples_equal_oxigraphs_serialization(sample_quads: list[ox.Quad]) -> None:
    from cooperation_graph.mapping import extraction_ntriples, gazetteer_ntriples
    from cooperation_graph.store import canonical_ntriples

    assert extraction_ntriples(hand_sample()) == canonical_ntriples(sample_quads)
    assert gazetteer_ntriples() == canonical_ntriples(gazetteer_quads())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_property_ntriples_equal_oxigraphs_serialization(ex: Extraction) -> None:
    from cooperation_graph.mapping import extraction_ntriples
    from cooperation_graph.store import canonical_ntriples

    assert extraction_ntriples(ex) == canonical_ntriples(extraction_to_quads(ex))
