"""SHACL: the sample graph conforms, broken graphs are reported readably."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
import pytest
import rdflib
from graph_fixtures import current_era_extraction
from graph_fixtures import sample_extraction as hand_sample
from rdflib.namespace import OWL, RDF, SH

from cooperation_graph.mapping import extraction_to_quads, gazetteer_quads
from cooperation_graph.model import Extraction
from cooperation_graph.validate import (
    ValidationReport, Violation, load_ontology, load_shapes, validate_graph, validate_quads,
)
from cooperation_graph.vocab import CG_NS

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def sample_quads() -> list[ox.Quad]:
    return extraction_to_quads(hand_sample())


def test_sample_conforms(sample_quads: list[ox.Quad]) -> None:
    report = validate_quads(sample_quads)
    assert report.conforms, report.text()
    assert report.text().startswith("valid: ")


def test_two_articles_together_conform(sample_quads: list[ox.Quad]) -> None:
    report = validate_quads(sample_quads + extraction_to_quads(current_era_extraction()))
    assert report.conforms, report.text()


def test_gazetteer_alone_conforms() -> None:
    report = validate_quads(gazetteer_quads(), with_gazetteer=False)
    assert report.conforms, report.text()


def replace_object(quads: list[ox.Quad], predicate: str, new: ox.Literal) -> list[ox.Quad]:
    """Quads with the first object of ``predicate`` replaced."""
    out, done = [], False
    for q in quads:
        if not done and q.predicate.value == predicate:
            q, done = ox.Quad(q.subject, q.predicate, new, q.graph_name), True
        out.append(q)
    assert done
    return out


def paths(report: ValidationReport) -> set[str | None]:
    return {v.path for v in report.violations}


def test_wrong_datatype_is_reported(sample_quads: list[ox.Quad]) -> None:
    broken = replace_object(sample_quads, CG_NS + "confidence", ox.Literal("high"))
    report = validate_quads(broken)
    assert not report.conforms
    assert paths(report) == {"cg:confidence"}
    assert report.text().startswith("invalid: ")
    assert "cg:confidence" in report.text()


def test_offsets_that_do_not_match_the_sentence(sample_quads: list[ox.Quad]) -> None:
    broken = replace_object(sample_quads, CG_NS + "endOffset",
                            ox.Literal("99999", datatype=ox.NamedNode(XSD + "integer")))
    report = validate_quads(broken)
    messages = [v.message for v in report.violations]
    assert any("sentence length" in m for m in messages), report.text()


def test_missing_article_link_is_reported(sample_quads: list[ox.Quad]) -> None:
    funding = next(q.subject for q in sample_quads if q.object.value == CG_NS + "Funding")
    broken = [q for q in sample_quads
              if not (q.subject == funding and q.predicate.value.endswith("wasDerivedFrom"))]
    report = validate_quads(broken)
    assert [(v.focus, v.path) for v in report.violations] == [
        (f"<{funding.value}>", "prov:wasDerivedFrom")]


def test_unknown_province_and_self_funding(sample_quads: list[ox.Quad]) -> None:
    ex = hand_sample()
    bad = replace(ex.fundings[0], donor="Cần Thơ")  # donor == recipient
    report = validate_quads(extraction_to_quads(replace(ex, fundings=(bad,))))
    assert paths(report) == {"cg:donor"}
    # a province node the gazetteer does not know is not a cg:Province
    report = validate_quads(sample_quads, with_gazetteer=False)
    assert "Value does not have class cg:Province" in report.text()


def test_status_outside_the_allowed_values() -> None:
    ex = hand_sample()
    bad = replace(ex.agreements[0], status="maybe")  # type: ignore[arg-type]
    report = validate_quads(extraction_to_quads(replace(ex, agreements=(bad,))))
    assert paths(report) == {"cg:status"}


def test_report_lines_are_sorted_and_readable() -> None:
    v = Violation(focus="<x>", path="cg:year", message="Value is not >= 1945", value='"12"')
    assert v.line() == 'Violation: <x> cg:year: Value is not >= 1945 (value: "12")'
    report = ValidationReport(conforms=False, violations=(v,), triples=3)
    assert report.text().splitlines() == [
        "invalid: 1 violation(s) in 3 triples",
        '  Violation: <x> cg:year: Value is not >= 1945 (value: "12")']


def test_plain_graph_input(sample_quads: list[ox.Quad]) -> None:
    g = rdflib.Graph()
    ds_quads = sample_quads + gazetteer_quads()
    from cooperation_graph.mapping import quads_to_rdflib

    for s, p, o, _ in quads_to_rdflib(ds_quads).quads((None, None, None, None)):
        g.add((s, p, o))
    assert validate_graph(g).conforms


def test_every_class_has_a_shape(sample_quads: list[ox.Quad]) -> None:
    shapes = load_shapes()
    targeted = {str(o) for o in shapes.objects(None, SH.targetClass)}
    declared = {str(c) for c in load_ontology().subjects(RDF.type, OWL.Class)}
    used = {q.object.value for q in sample_quads + gazetteer_quads()
            if q.predicate.value == str(RDF.type)}
    # Extra types we add for consumers (prov:Entity, schema:Person, ...) are checked through
    # the shape of the main class; everything else must be a shape target.
    extra = {"http://www.w3.org/ns/prov#Entity", "http://www.w3.org/ns/prov#Activity",
             "https://schema.org/NewsArticle", "https://schema.org/Person",
             "http://xmlns.com/foaf/0.1/Person", "https://schema.org/AdministrativeArea",
             "http://www.w3.org/ns/org#Organization", "https://schema.org/Event",
             "https://schema.org/MonetaryGrant"}
    assert sorted(declared - targeted) == []
    assert sorted(used - targeted - extra) == []


def test_graph_wide_checks(sample_quads: list[ox.Quad]) -> None:
    gaz = gazetteer_quads()
    merged = CG_NS + "mergedInto"
    legacy_92 = next(q for q in gaz if q.predicate.value == merged)
    self_pair = ox.Quad(legacy_92.subject, ox.NamedNode(CG_NS + "cooperatesWith"),
                        legacy_92.subject, legacy_92.graph_name)
    broken = [q for q in gaz if q != legacy_92] + [self_pair]
    report = validate_quads(broken, with_gazetteer=False)
    messages = {v.message for v in report.violations}
    assert "a legacy province must be merged into a current one" in messages, report.text()
    assert "a province cannot cooperate with itself" in messages, report.text()
    node = f"<{legacy_92.subject.value}>"
    assert all(v.focus == node or v.value == node
               for v in report.violations), report.text()


def test_gazetteer_is_added_only_when_missing(sample_quads: list[ox.Quad]) -> None:
    alone = validate_quads(sample_quads)
    together = validate_quads(sample_quads + gazetteer_quads())
    assert alone.conforms and together.conforms
    assert alone.triples == together.triples


def test_pipeline_output_on_the_sample_conforms(sample_extraction: Extraction) -> None:
    """The real extractors' output (conftest fixture) maps to a valid graph."""
    report = validate_quads(extraction_to_quads(sample_extraction))
    assert report.conforms, report.text()


def test_validate_graphs_in_batches_matches_one_run(sample_quads: list[ox.Quad]) -> None:
    from cooperation_graph.validate import validate_graphs

    ex = hand_sample()
    broken = replace(ex.fundings[0], donor="Cần Thơ")
    other = extraction_to_quads(replace(ex, article=replace(ex.article, url="https://e.org/x"),
                                        fundings=(broken,)))
    third = extraction_to_quads(current_era_extraction())
    one_run = validate_quads(sample_quads + other + third)
    batched = validate_graphs([sample_quads, other, third], batch_quads=1)
    assert not batched.conforms
    assert batched.violations == one_run.violations
    assert validate_graphs([sample_quads, third], batch_quads=1).conforms
