"""The vocabulary module and data/ontology.ttl agree, and misspelt terms fail."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from graph_fixtures import current_era_extraction
from graph_fixtures import sample_extraction as hand_sample
from rdflib.namespace import OWL as OWL_NS
from rdflib.namespace import RDF, RDFS

from cooperation_graph.mapping import extraction_to_quads, gazetteer_quads
from cooperation_graph.validate import ONTOLOGY_PATH
from cooperation_graph.vocab import (
    CG, CG_NS, FOAF, ORG, OWL, PROV, SDO, TIME, cg_terms, sparql_prefixes,
)

ONTOLOGY = rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")
REUSED = (ORG, PROV, SDO, FOAF, TIME, OWL)


@pytest.mark.parametrize("namespace", [CG, SDO, TIME, ORG, PROV, FOAF, OWL])
def test_misspelt_term_raises(namespace: type) -> None:
    with pytest.raises(AttributeError):
        getattr(namespace, "cooperatessWith")


def test_known_terms_resolve() -> None:
    assert str(CG.cooperatesWith) == CG_NS + "cooperatesWith"
    assert str(SDO.MonetaryAmount) == "https://schema.org/MonetaryAmount"
    assert str(TIME.inXSDDate) == "http://www.w3.org/2006/time#inXSDDate"


def declared_cg_terms() -> set[str]:
    kinds = (OWL_NS.Class, OWL_NS.ObjectProperty, OWL_NS.DatatypeProperty)
    return {str(s) for k in kinds for s in ONTOLOGY.subjects(RDF.type, k)
            if str(s).startswith(CG_NS)}


def test_vocab_and_ontology_declare_the_same_terms() -> None:
    in_code = {str(t) for t in cg_terms()}
    in_file = declared_cg_terms()
    assert sorted(in_code - in_file) == [], "in vocab.py, not declared in ontology.ttl"
    assert sorted(in_file - in_code) == [], "declared in ontology.ttl, missing from vocab.py"


@pytest.mark.parametrize("term", sorted(declared_cg_terms()))
def test_every_term_has_labels_and_comments_in_vi_and_en(term: str) -> None:
    node = rdflib.URIRef(term)
    for prop in (RDFS.label, RDFS.comment):
        langs = sorted(o.language for o in ONTOLOGY.objects(node, prop))
        assert langs == ["en", "vi"], f"{term} {prop}: languages {langs}"


def foreign_extraction():
    """An article with a foreign partner (its own node, typed as foreign)."""
    from extract_helpers import extract_text

    return extract_text("Lào Cai và Vân Nam ký kết hợp tác\nTỉnh Lào Cai và tỉnh Vân Nam (Trung Quốc) ký kết "
                        "biên bản ghi nhớ hợp tác.", "2019-03-04", "Lào Cai và Vân Nam ký kết hợp tác")


def used_terms() -> set[str]:
    quads = (extraction_to_quads(hand_sample()) + extraction_to_quads(current_era_extraction())
             + extraction_to_quads(foreign_extraction()) + gazetteer_quads())
    used = {q.predicate.value for q in quads}
    used |= {q.object.value for q in quads if q.predicate.value == str(RDF.type)}
    return used


def test_every_term_the_mapping_uses_is_known() -> None:
    unknown = []
    for term in sorted(used_terms()):
        if term.startswith(CG_NS):
            if term not in declared_cg_terms():
                unknown.append(term)
        elif term in (str(RDF.type), str(RDFS.label)):
            continue
        elif not any(term.startswith(str(ns._NS)) and term in ns for ns in REUSED):
            unknown.append(term)
    assert unknown == []


def test_every_cg_term_is_used_by_the_mapping() -> None:
    used = used_terms()
    # Fallback literals only appear when a name matches no official or province.
    fallbacks = {CG_NS + n for n in ("attendeeName", "organiserName", "chairName")}
    assert sorted(declared_cg_terms() - used - fallbacks) == []


def test_reused_classes_are_subclassed_in_the_ontology() -> None:
    assert (CG.Province, RDFS.subClassOf, ORG.Organization) in ONTOLOGY
    assert (CG.Funding, RDFS.subClassOf, SDO.MonetaryGrant) in ONTOLOGY
    assert (CG.cooperatesWith, RDF.type, OWL_NS.SymmetricProperty) in ONTOLOGY


def test_sparql_prefixes_are_valid() -> None:
    store = ox.Store()
    assert not bool(store.query(sparql_prefixes() + "ASK { ?s cg:cooperatesWith ?o }"))


@pytest.mark.parametrize("name", ["ontology.ttl", "shapes.ttl"])
def test_data_files_parse_in_both_parsers(name: str) -> None:
    from rdflib.compare import isomorphic

    path = ONTOLOGY_PATH.parent / name
    in_rdflib = rdflib.Graph().parse(path, format="turtle")
    in_ox = rdflib.Graph().parse(
        data=ox.serialize(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE),
                          format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    assert len(in_rdflib) > 50
    assert isomorphic(in_rdflib, in_ox)
