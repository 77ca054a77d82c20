"""The RDF vocabulary: our own terms (``CG``) and the W3C / schema.org terms we reuse.

Every namespace here is a ``DefinedNamespace`` with ``_fail = True``: a misspelt term
(``CG.cooperatessWith``) raises ``AttributeError`` at import or call time instead of quietly
minting a new IRI. ``data/ontology.ttl`` declares exactly the ``CG`` terms listed here (a test
checks both directions).

IRIs
----
* Vocabulary (fixed, so saved queries work on every deployment):
  ``https://w3id.org/coopgraph/ontology#`` (prefix ``cg:``).
* Data (configurable, ``base`` argument of the mapping functions, default
  :data:`DEFAULT_BASE` = ``https://w3id.org/coopgraph/``): nodes under ``{base}id/...``,
  named graphs under ``{base}graph/...`` (one per article, plus ``{base}graph/gazetteer``).
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import FOAF as _FOAF
from rdflib.namespace import ORG as _ORG
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.namespace import SDO as _SDO
from rdflib.namespace import TIME as _TIME
from rdflib.namespace import DefinedNamespace

DEFAULT_BASE = "https://w3id.org/coopgraph/"
ONTOLOGY_IRI = "https://w3id.org/coopgraph/ontology"
CG_NS = ONTOLOGY_IRI + "#"


class CG(DefinedNamespace):
    """Terms of the cooperation-graph ontology (``data/ontology.ttl``)."""

    _fail = True
    _NS = Namespace(CG_NS)

    # classes
    Article: URIRef  # a news article (also schema:NewsArticle)
    Province: URIRef  # a province or centrally-run city of one era
    Official: URIRef  # a named person holding posts (also schema:Person, foaf:Person)
    Cooperation: URIRef  # two provinces acting together, as one article reports it
    ProvinceMention: URIRef  # an article naming a province n times
    Agreement: URIRef
    Funding: URIRef
    Investment: URIRef
    Event: URIRef
    ForeignParty: URIRef  # a foreign country, state, province or city
    ForeignPartnership: URIRef  # a foreign party acting with Vietnamese provinces, as one article reports it
    Evidence: URIRef  # the sentence a fact was read from

    # provinces
    provinceCode: URIRef
    era: URIRef
    validFrom: URIRef
    validUntil: URIRef
    mergedInto: URIRef
    effectiveDate: URIRef
    cooperatesWith: URIRef
    partner: URIRef

    # articles
    articleId: URIRef
    contentHash: URIRef
    synthetic: URIRef
    province: URIRef
    mentionCount: URIRef

    # officials and posts
    serves: URIRef
    post: URIRef

    # facts
    party: URIRef
    kind: URIRef
    contentCount: URIRef
    field: URIRef
    period: URIRef
    status: URIRef
    signatory: URIRef
    signatoryText: URIRef
    donor: URIRef
    recipient: URIRef
    purpose: URIRef
    year: URIRef
    qualifier: URIRef
    investor: URIRef
    host: URIRef
    projectCount: URIRef
    chair: URIRef
    chairName: URIRef
    attendeeName: URIRef
    organiserName: URIRef
    foreignParty: URIRef
    vietnamesePartner: URIRef
    country: URIRef

    # provenance
    evidence: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    confidence: URIRef


# rdflib's SDO and TIME accept any name; these strict subclasses make a typo raise too.
class SDO(_SDO):
    """schema.org, strict."""

    _fail = True


class TIME(_TIME):
    """OWL-Time, strict."""

    _fail = True


ORG = _ORG
PROV = _PROV
FOAF = _FOAF
OWL = _OWL

WIKIDATA = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "cg": CG_NS,
    "org": str(ORG._NS),
    "prov": str(PROV._NS),
    "schema": str(SDO._NS),
    "foaf": str(FOAF._NS),
    "time": str(TIME._NS),
    "owl": str(OWL._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WIKIDATA),
}


def sparql_prefixes(base: str = DEFAULT_BASE) -> str:
    """``PREFIX`` lines for every namespace above plus ``id:`` / ``graph:`` of ``base``."""
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()]
    lines += [f"PREFIX id: <{base}id/>", f"PREFIX graph: <{base}graph/>"]
    return "\n".join(lines) + "\n"


def bind_prefixes(graph: Graph) -> Graph:
    """Bind our prefixes on an rdflib graph or dataset (readable Turtle/TriG); returns it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def cg_terms() -> list[URIRef]:
    """Every term of :class:`CG`, sorted."""
    return sorted(URIRef(CG_NS + name) for name in CG.__annotations__)
