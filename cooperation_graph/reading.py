"""One read of a store: the tables every view is drawn from (:class:`Tables`), read once.

Two ways to fill them, with the same result (``tests/test_reading.py`` checks it):

* an Oxigraph store (the embedded store, a ``pyoxigraph.Store``, quads loaded into one):
  one pass over each named graph's N-Triples, in Python. The embedded store keeps every
  article's canonical N-Triples, compressed, beside its record (see
  :meth:`~cooperation_graph.store.EmbeddedStore.sorted_triple_chunks`); they are read instead
  of asking SPARQL, whose answers decode every term off disk (~1.5 µs a term: the dozen
  queries the views asked took 20 s at 10,000 articles, this pass 5 s). Graphs without
  kept N-Triples are dumped by Oxigraph;
* any other store (a SPARQL server): a handful of SELECTs, each inside ``GRAPH ?g { }`` so they
  run the same on Oxigraph's server and on Virtuoso, the larger ones aggregated by the engine.

Only the predicates below (:data:`NEEDED`) are read: what the projection, the province and
official pages and the money view use.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import QueryError
from .vocab import CG_NS, PREFIXES

_RDF = PREFIXES["rdf"]
_SCHEMA = PREFIXES["schema"]
_ORG = PREFIXES["org"]
_PROV = PREFIXES["prov"]
_RDFS = PREFIXES["rdfs"]
RDF_TYPE = _RDF + "type"
_LANG_STRING = _RDF + "langString"
_XSD_STRING = PREFIXES["xsd"] + "string"

#: fact classes (local names in cg:) -> node type of the entity graph
FACT_TYPES = {
    "Official": "official",
    "Agreement": "agreement",
    "Funding": "funding",
    "Investment": "investment",
    "Event": "event",
}
_FACT_CLASSES = {CG_NS + name for name in FACT_TYPES}

#: What a fact's statements may say (Q_FACTS keeps the same, its ``FILTER``s aside).
FACT_PREDICATES = frozenset(
    [CG_NS + name for name in ("kind", "status", "contentCount", "field", "period", "signatory",
                               "signatoryText", "year", "purpose", "qualifier", "projectCount",
                               "serves", "party", "donor", "recipient", "investor", "host",
                               "chair")]
    + [_SCHEMA + name for name in ("name", "startDate", "location", "attendee", "organizer")]
    + [_PROV + "wasDerivedFrom"])
#: Every predicate the pass keeps (rdf:type is kept apart).
NEEDED = FACT_PREDICATES | frozenset(
    [CG_NS + name for name in ("articleId", "contentHash", "provinceCode", "era", "mergedInto",
                               "cooperatesWith", "evidence", "sentence", "startOffset",
                               "endOffset", "confidence", "partner", "post", "province",
                               "mentionCount")]
    + [_SCHEMA + name for name in ("headline", "datePublished", "url", "publisher", "latitude",
                                   "longitude", "amount", "value")]
    + [_RDFS + "label", _ORG + "holds", _ORG + "postIn", _ORG + "member",
       _PROV + "wasQuotedFrom"])


# --------------------------------------------------------------------------------------------
# The tables


@dataclass
class Tables:
    """What the views read from a store. IRIs are ``str``; literals Python values as
    :func:`py_value` makes them; ``g`` is a named graph's IRI."""

    #: one dict per article and graph: ``a``, ``g``, ``id``, ``title``, ``date``, ``url``,
    #: ``source``, ``hash`` (None where the graph does not say)
    article_rows: list[dict[str, Any]] = field(default_factory=list)
    #: one dict per province and graph: ``p``, ``label``, ``code``, ``era``, ``lat``, ``lon``,
    #: ``succ``
    province_rows: list[dict[str, Any]] = field(default_factory=list)
    #: (fact IRI, class IRI) -> [(predicate, value, g)], value as :func:`typed_value` reads it
    facts: dict[tuple[str, str], list[tuple[str, Any, str]]] = field(
        default_factory=lambda: defaultdict(list))
    #: funding or investment -> its amount in đồng
    amounts: dict[str, int] = field(default_factory=dict)
    #: (person, label of the post, province IRI of the post or None)
    posts: set[tuple[str, str, str | None]] = field(default_factory=set)
    #: (province, province, g) of ``cg:cooperatesWith``
    cooperates: set[tuple[str, str, str]] = field(default_factory=set)
    #: fact -> [(start, end, confidence, article IRI, sentence)], one per evidence and graph
    evidence: dict[str, list[tuple[int | None, int | None, float | None, str, str]]] = field(
        default_factory=lambda: defaultdict(list))
    #: (partner, partner, g) of each ``cg:Cooperation``, the partners in IRI order
    cooperations: list[tuple[str, str, str]] = field(default_factory=list)
    #: (agreement, party, party, g), the parties in IRI order
    agreement_pairs: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: (fact, "funding" or "investment", giver, receiver, amount or None, g)
    flows: list[tuple[str, str, str, str, Any, str]] = field(default_factory=list)
    #: (funding, year) of ``cg:year``
    flow_years: set[tuple[str, Any]] = field(default_factory=set)
    #: (person, post, label, province IRI or None) -> graphs reporting the membership
    posts_seen: dict[tuple[str, str, str, str | None], set[str]] = field(
        default_factory=lambda: defaultdict(set))
    #: province -> [(g, mention count as text, "" when not given)]
    mentions: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))


class StoreReading:
    """A source (store, ``pyoxigraph.Store``, quads) whose :class:`Tables` are read at most
    once; pass it to the projection functions instead of the store to share one read.

    An Oxigraph store is read whole on first use (one pass); any other store table by table,
    each with its own query, as the tables are asked for."""

    def __init__(self, source: Any) -> None:
        if isinstance(source, StoreReading):
            source = source.source
        self.source = _queryable(source)
        self._tables: Tables | None = None
        self._asked: dict[str, Any] = {}

    def table(self, name: str) -> Any:
        """One of the :class:`Tables` (``"flows"``, ``"evidence"``, ...)."""
        if self._tables is None:
            store = oxigraph_of(self.source)
            if store is None:
                if name not in self._asked:
                    self._asked[name] = _SPARQL_TABLES[name](self)
                return self._asked[name]
            self._tables = tables_from_graphs(graph_texts(store))
        return getattr(self._tables, name)

    def forget(self) -> None:
        """Drop the tables read (memory); a later :meth:`table` reads the store again."""
        self._tables = None
        self._asked.clear()

    @property
    def tables(self) -> Tables:
        """Every table."""
        return Tables(**{name: self.table(name) for name in Tables.__dataclass_fields__})

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """Rows of a SELECT, each value as :func:`py_value` makes it."""
        source = self.source
        try:
            if hasattr(source, "select"):
                return [{k: py_value(v) for k, v in row.items()} for row in source.select(sparql)]
            result = source.query(sparql)
            names = [v.value for v in result.variables]
            return [{n: py_value(sol[n]) for n in names} for sol in result]
        except QueryError:
            raise
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            raise QueryError(f"projection query failed: {exc}") from exc

    def records(self) -> dict[str, Any]:
        """The store's records of its units (graph -> record), where it keeps them."""
        from .errors import CooperationGraphError

        try:
            return self.source.records() if hasattr(self.source, "records") else {}
        except CooperationGraphError:
            return {}


def reading_of(source: Any) -> StoreReading:
    """``source`` itself when it is a :class:`StoreReading`, else a new one over it."""
    return source if isinstance(source, StoreReading) else StoreReading(source)


def _queryable(source: Any) -> Any:
    """A store folder opened read-only, quads loaded into an in-memory store, else as given."""
    if isinstance(source, (str, Path)):
        from .store import open_store

        return open_store(source, read_only=True)
    if not hasattr(source, "query") and not hasattr(source, "select"):
        store = ox.Store()
        store.extend(list(source))
        return store
    return source


def oxigraph_of(source: Any) -> ox.Store | None:
    """The pyoxigraph store behind ``source`` (an embedded store, a view of one), if any."""
    if isinstance(source, ox.Store):
        return source
    store = getattr(source, "oxigraph", None)
    return store if isinstance(store, ox.Store) else None


# --------------------------------------------------------------------------------------------
# Terms


def py_value(term: Any) -> Any:
    """A pyoxigraph term as a Python value: IRIs as str, typed literals converted."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def literal_value(text: str, datatype: str) -> Any:
    """A literal's lexical form as a Python value, by its datatype IRI (``int``, ``Decimal``,
    ``float``, ``bool``, ``date``, ``datetime``; anything else and anything malformed: the
    text)."""
    kind = datatype.rsplit("#", 1)[-1]
    try:
        if kind in ("integer", "int", "long", "short", "nonNegativeInteger"):
            return int(text)
        if kind == "decimal":
            return Decimal(text)
        if kind in ("double", "float"):
            return float(text)
        if kind == "boolean":
            return text == "true"
        if kind == "date":
            return date.fromisoformat(text[:10])
        if kind == "dateTime":
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, ArithmeticError):
        return text
    return text


_INT_PREDICATES = {CG_NS + name for name in ("year", "contentCount", "projectCount")}


def typed_value(pred: str, text: str) -> Any:
    """A fact's object from its text (``STR(?o)``): the datatype is fixed by the predicate."""
    if pred in _INT_PREDICATES and text.lstrip("-").isdigit():
        return int(text)
    if pred == _SCHEMA + "startDate":
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return text
    return text


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m[1] or m[2]
        return chr(int(code, 16)) if code else _ECHAR.get(m[3], m[3])

    return _ESCAPE.sub(one, text)


# --------------------------------------------------------------------------------------------
# Reading Oxigraph: one pass over each graph's N-Triples


def graph_texts(store: ox.Store) -> Iterator[tuple[str, str]]:
    """(graph IRI, its N-Triples) for every named graph of ``store`` (the store's records
    left out): the kept N-Triples where the embedded store has them, else a dump."""
    from .store import _PAYLOAD, META_GRAPH

    kept: set[str] = set()
    for quad in store.quads_for_pattern(None, _PAYLOAD, None, META_GRAPH):
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
            graph = quad.subject.value
            kept.add(graph)
            yield graph, zlib.decompress(base64.b64decode(quad.object.value)).decode("utf-8")
    for graph in store.named_graphs():
        if not isinstance(graph, ox.NamedNode) or graph == META_GRAPH or graph.value in kept:
            continue
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
        yield graph.value, data.decode("utf-8")


_BRACKETED = {f"<{iri}>": iri for iri in NEEDED}
_TYPE_BRACKETED = f"<{RDF_TYPE}>"
#: classes the pass looks at (an rdf:type of any other class is skipped)
_CLASSES = _FACT_CLASSES | {CG_NS + name for name in (
    "Article", "Province", "Cooperation", "ProvinceMention")}
#: the object of an rdf:type line (with its " .") -> the class, for the classes looked at
_TYPE_LINE = {f"<{cls}> .": cls for cls in _CLASSES}
#: predicates whose statements are also listed on their own (the pass walks them)
_WALKED = frozenset(CG_NS + name for name in ("cooperatesWith", "evidence", "year")) | {
    _SCHEMA + "amount", _ORG + "holds", _ORG + "member"}

Index = tuple[dict[str, list[str]], dict[str, dict[str, list[tuple[str, str]]]],
              dict[str, list[tuple[str, str, str]]]]


def _index(text: str) -> Index:
    """One graph's N-Triples as ``types`` (subject -> classes of :data:`_CLASSES`), ``props``
    (subject -> predicate -> [(object text, kind)]) and ``walked`` (predicate of
    :data:`_WALKED` -> [(subject, object text, kind)]); predicates outside :data:`NEEDED` are
    left out. ``kind`` is ``""`` for an IRI, ``"_"`` for a blank node (text ``_:label``), else
    the literal's datatype IRI."""
    types: dict[str, list[str]] = {}
    props: dict[str, dict[str, list[tuple[str, str]]]] = {}
    walked: dict[str, list[tuple[str, str, str]]] = {p: [] for p in _WALKED}
    bracketed, type_of = _BRACKETED, _TYPE_LINE
    for line in text.split("\n"):
        try:
            subject, pred, rest = line.split(" ", 2)
        except ValueError:  # the empty line at the end
            continue
        if pred == _TYPE_BRACKETED:  # most lines: keep the classes looked at, by their text
            cls = type_of.get(rest)
            if cls is not None:
                if subject[0] == "<":
                    subject = subject[1:-1]
                found_types = types.get(subject)
                if found_types is None:
                    types[subject] = [cls]
                else:
                    found_types.append(cls)
            continue
        pred = bracketed.get(pred)
        if pred is None:
            continue
        if subject[0] == "<":
            subject = subject[1:-1]
        rest = rest[:-2]  # " ."
        first = rest[:1]
        if first == "<":
            obj, kind = rest[1:-1], ""
        elif first == '"':
            end = rest.rfind('"')
            obj = rest[1:end]
            if "\\" in obj:
                obj = _unescape(obj)
            tail = rest[end + 1:]
            if tail[:3] == "^^<":
                kind = tail[3:-1]
            else:
                kind = _LANG_STRING if tail[:1] == "@" else _XSD_STRING
        else:
            obj, kind = rest, "_"
        by_pred = props.get(subject)
        if by_pred is None:
            props[subject] = {pred: [(obj, kind)]}
        else:
            found = by_pred.get(pred)
            if found is None:
                by_pred[pred] = [(obj, kind)]
            else:
                found.append((obj, kind))
        if pred in walked:
            walked[pred].append((subject, obj, kind))
    return types, props, walked


def _value(item: tuple[str, str]) -> Any:
    """An object of :func:`_index` as :func:`py_value` gives it."""
    text, kind = item
    return text if kind in ("", "_") else literal_value(text, kind)


def _iris(items: Iterable[tuple[str, str]]) -> list[str]:
    return [text for text, kind in items if kind == ""]


_EMPTY: list[tuple[str, str]] = []
_P = {name: CG_NS + name for name in (
    "Article", "Province", "Cooperation", "ProvinceMention", "Agreement", "Funding",
    "Investment", "articleId", "contentHash", "provinceCode", "era", "mergedInto",
    "cooperatesWith", "evidence", "sentence", "startOffset", "endOffset", "confidence",
    "partner", "party", "donor", "recipient", "investor", "host", "year", "post", "province",
    "mentionCount")}
_S = {name: _SCHEMA + name for name in (
    "headline", "datePublished", "url", "publisher", "name", "latitude", "longitude", "amount",
    "value")}


def tables_from_graphs(graphs: Iterable[tuple[str, str]]) -> Tables:
    """The tables from (graph IRI, N-Triples) pairs, each graph read on its own (every
    pattern of the SPARQL queries lies inside one graph)."""
    t = Tables()
    for graph, text in graphs:
        _read_graph(t, graph, *_index(text))
    return t


def _first(props: dict[str, list[tuple[str, str]]], pred: str) -> Any:
    items = props.get(pred)
    return _value(items[0]) if items else None


def _read_graph(t: Tables, g: str, types: dict[str, list[str]],
                props: dict[str, dict[str, list[tuple[str, str]]]],
                walked: dict[str, list[tuple[str, str, str]]]) -> None:
    no: dict[str, list[tuple[str, str]]] = {}
    for subject, classes in types.items():
        mine = props.get(subject, no)
        for cls in classes:
            if cls in _FACT_CLASSES:
                facts = t.facts[(subject, cls)]
                for pred, items in mine.items():
                    if pred in FACT_PREDICATES:
                        facts.extend((pred, typed_value(pred, text), g)
                                     for text, kind in items if kind != "_")
            if cls == _P["Article"]:
                publishers = _iris(mine.get(_S["publisher"], _EMPTY))
                source = None
                for pub in publishers:
                    source = _first(props.get(pub, no), _S["name"])
                    if source is not None:
                        break
                t.article_rows.append({
                    "a": subject, "g": g, "id": _first(mine, _P["articleId"]),
                    "title": _first(mine, _S["headline"]), "date": _first(mine, _S["datePublished"]),
                    "url": _first(mine, _S["url"]), "source": source,
                    "hash": _first(mine, _P["contentHash"])})
            elif cls == _P["Province"]:
                t.province_rows.append({
                    "p": subject, "label": _first(mine, _RDFS + "label"),
                    "code": _first(mine, _P["provinceCode"]), "era": _first(mine, _P["era"]),
                    "lat": _first(mine, _S["latitude"]), "lon": _first(mine, _S["longitude"]),
                    "succ": _first(mine, _P["mergedInto"])})
            elif cls == _P["Cooperation"]:
                partners = _iris(mine.get(_P["partner"], _EMPTY))
                t.cooperations.extend((a, b, g) for a in partners for b in partners if a < b)
            elif cls == _P["Agreement"]:
                parties = _iris(mine.get(_P["party"], _EMPTY))
                t.agreement_pairs.extend((subject, a, b, g) for a in parties for b in parties
                                         if a < b)
            elif cls == _P["ProvinceMention"]:
                counts = [text for text, kind in mine.get(_P["mentionCount"], _EMPTY)
                          if kind != "_"] or [""]
                for province in _iris(mine.get(_P["province"], _EMPTY)):
                    t.mentions[province].extend((g, n) for n in counts)
            if cls in (_P["Funding"], _P["Investment"]):
                funding = cls == _P["Funding"]
                givers = _iris(mine.get(_P["donor" if funding else "investor"], _EMPTY))
                receivers = _iris(mine.get(_P["recipient" if funding else "host"], _EMPTY))
                if givers and receivers:
                    values = [_value(v) for m in _iris(mine.get(_S["amount"], _EMPTY))
                              for v in props.get(m, no).get(_S["value"], _EMPTY)] or [None]
                    kind = "funding" if funding else "investment"
                    t.flows.extend((subject, kind, a, b, value, g)
                                   for a in givers for b in receivers for value in values)
    for subject, q, kind in walked[_P["cooperatesWith"]]:
        if kind == "":
            t.cooperates.add((subject, q, g))
    for subject, m, _ in walked[_S["amount"]]:
        for v in props.get(m, no).get(_S["value"], _EMPTY):
            value = _value(v)
            if value is not None:
                t.amounts[subject] = int(value)
    for person, post, kind in walked[_ORG + "holds"]:
        if kind == "":
            about = props.get(post, no)
            units = _iris(about.get(_ORG + "postIn", _EMPTY)) or [None]
            t.posts.update((person, str(_value(label)), unit)
                           for label in about.get(_RDFS + "label", _EMPTY) for unit in units)
    for subject, ev, _ in walked[_P["evidence"]]:
        _read_evidence(t, subject, props.get(ev, no))
    for subject, year, kind in walked[_P["year"]]:
        t.flow_years.add((subject, _value((year, kind))))
    for m, person, kind in walked[_ORG + "member"]:
        if kind != "":
            continue
        for post in _iris(props[m].get(_P["post"], _EMPTY)):
            about = props.get(post, no)
            units = _iris(about.get(_ORG + "postIn", _EMPTY)) or [None]
            for label in about.get(_RDFS + "label", _EMPTY):
                for unit in units:
                    t.posts_seen[(person, post, str(_value(label)), unit)].add(g)


def _read_evidence(t: Tables, fact: str, ev: dict[str, list[tuple[str, str]]]) -> None:
    """One ``cg:evidence`` link: every combination of its values, as the OPTIONALs join."""
    sentences = [text for text, kind in ev.get(_P["sentence"], _EMPTY) if kind != "_"]
    if not sentences:
        return

    def texts(pred: str) -> list[str]:
        return [text for text, kind in ev.get(pred, _EMPTY) if kind != "_"] or [""]

    for start in texts(_P["startOffset"]):
        for end in texts(_P["endOffset"]):
            for conf in texts(_P["confidence"]):
                for art in texts(_PROV + "wasQuotedFrom"):
                    for sentence in sentences:
                        t.evidence[fact].append(evidence_item(start, end, conf, art, sentence))


def evidence_item(start: str, end: str, conf: str, art: str, sentence: str
                  ) -> tuple[int | None, int | None, float | None, str, str]:
    """An evidence from the text of its values ("" where not given)."""
    return (int(start) if start.lstrip("-").isdigit() else None,
            int(end) if end.lstrip("-").isdigit() else None,
            float(conf) if conf else None, art, sentence)


# --------------------------------------------------------------------------------------------
# Reading any store with SPARQL


_PREFIXES = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + "\n"

Q_PROVINCES = _PREFIXES + """
SELECT ?p ?label ?code ?era ?lat ?lon ?succ WHERE { GRAPH ?g {
  ?p a cg:Province .
  OPTIONAL { ?p rdfs:label ?label } OPTIONAL { ?p cg:provinceCode ?code }
  OPTIONAL { ?p cg:era ?era } OPTIONAL { ?p schema:latitude ?lat }
  OPTIONAL { ?p schema:longitude ?lon } OPTIONAL { ?p cg:mergedInto ?succ }
} }"""

Q_ARTICLES = _PREFIXES + """
SELECT ?a ?g ?id ?title ?date ?url ?source ?hash WHERE { GRAPH ?g {
  ?a a cg:Article .
  OPTIONAL { ?a cg:articleId ?id } OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a cg:contentHash ?hash }
  OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:publisher/schema:name ?source }
} }"""

# One row per fact, its statements packed as "predicate US object US graph" RS ...: the engine
# aggregates, so Python builds 10k rows instead of 170k (2 s instead of 8.5 s for 2,000 articles).
_US, _RS = "\x1f", "\x1e"
Q_FACTS = _PREFIXES + """
SELECT ?s ?type (GROUP_CONCAT(CONCAT(STR(?p), "\\u001f", STR(?o), "\\u001f", STR(?g));
                              separator="\\u001e") AS ?all)
WHERE { GRAPH ?g {
  ?s a ?type ; ?p ?o .
  FILTER(?type IN (cg:Official, cg:Agreement, cg:Funding, cg:Investment, cg:Event))
  FILTER(?p NOT IN (rdf:type, cg:evidence, foaf:name, org:holds, org:memberOf, schema:amount))
} } GROUP BY ?s ?type"""

Q_AMOUNTS = _PREFIXES + """
SELECT ?s ?value WHERE { GRAPH ?g { ?s schema:amount ?m . ?m schema:value ?value } }"""

Q_POSTS = _PREFIXES + """
SELECT DISTINCT ?person ?label ?in WHERE { GRAPH ?g {
  ?person org:holds ?post . ?post rdfs:label ?label . OPTIONAL { ?post org:postIn ?in }
} }"""

Q_COOPERATES = _PREFIXES + """
SELECT DISTINCT ?p ?q ?g WHERE { GRAPH ?g { ?p cg:cooperatesWith ?q . } }"""

Q_EVIDENCE = _PREFIXES + """
SELECT ?s (GROUP_CONCAT(CONCAT(COALESCE(STR(?start), ""), "\\u001f", COALESCE(STR(?end), ""),
    "\\u001f", COALESCE(STR(?conf), ""), "\\u001f", COALESCE(STR(?art), ""), "\\u001f",
    STR(?sentence)); separator="\\u001e") AS ?all)
WHERE { GRAPH ?g {
  ?s cg:evidence ?ev . ?ev cg:sentence ?sentence .
  OPTIONAL { ?ev cg:startOffset ?start } OPTIONAL { ?ev cg:endOffset ?end }
  OPTIONAL { ?ev cg:confidence ?conf } OPTIONAL { ?ev prov:wasQuotedFrom ?art }
} } GROUP BY ?s"""

Q_COOPERATION = _PREFIXES + """
SELECT ?p1 ?p2 ?g WHERE { GRAPH ?g {
  ?c a cg:Cooperation ; cg:partner ?p1, ?p2 . FILTER(STR(?p1) < STR(?p2))
} }"""

Q_AGREEMENT_PAIRS = _PREFIXES + """
SELECT ?a ?p1 ?p2 ?g WHERE { GRAPH ?g {
  ?a a cg:Agreement ; cg:party ?p1, ?p2 . FILTER(STR(?p1) < STR(?p2))
} }"""

Q_FLOWS = _PREFIXES + """
SELECT ?f ?kind ?from ?to ?value ?g WHERE { GRAPH ?g {
  { ?f a cg:Funding ; cg:donor ?from ; cg:recipient ?to . BIND("funding" AS ?kind) }
  UNION
  { ?f a cg:Investment ; cg:investor ?from ; cg:host ?to . BIND("investment" AS ?kind) }
  OPTIONAL { ?f schema:amount ?m . ?m schema:value ?value }
} }"""

Q_FLOW_YEARS = _PREFIXES + """
SELECT DISTINCT ?f ?year WHERE { GRAPH ?g { ?f cg:year ?year } }"""

# one row per person and post with the graphs it was seen in (1,200 rows at 10,000 articles)
Q_POSTS_SEEN = _PREFIXES + """
SELECT ?person ?post ?label ?unit (GROUP_CONCAT(STR(?g); separator="\\u001e") AS ?graphs)
WHERE { GRAPH ?g {
  ?m org:member ?person ; cg:post ?post . ?post rdfs:label ?label .
  OPTIONAL { ?post org:postIn ?unit }
} } GROUP BY ?person ?post ?label ?unit"""

# one row per province with the graphs naming it and how often
Q_MENTIONS = _PREFIXES + """
SELECT ?p (GROUP_CONCAT(CONCAT(STR(?g), "\\u001f", COALESCE(STR(?n), "")); separator="\\u001e")
           AS ?all)
WHERE { GRAPH ?g {
  ?m a cg:ProvinceMention ; cg:province ?p . OPTIONAL { ?m cg:mentionCount ?n }
} } GROUP BY ?p"""


def _sparql_facts(r: StoreReading) -> dict[tuple[str, str], list[tuple[str, Any, str]]]:
    facts: dict[tuple[str, str], list[tuple[str, Any, str]]] = defaultdict(list)
    for row in r.select(Q_FACTS):
        items = facts[(row["s"], str(row["type"]))]
        for packed in str(row["all"] or "").split(_RS):
            pred, _, rest = packed.partition(_US)
            obj, _, graph = rest.rpartition(_US)
            if pred in FACT_PREDICATES:
                items.append((pred, typed_value(pred, obj), graph))
    return facts


def _sparql_evidence(r: StoreReading) -> dict[str, list[tuple[Any, ...]]]:
    found: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in r.select(Q_EVIDENCE):
        for packed in str(row["all"] or "").split(_RS):
            parts = packed.split(_US, 4)
            if len(parts) == 5:
                found[row["s"]].append(evidence_item(*parts))
    return found


def _sparql_posts_seen(r: StoreReading) -> dict[tuple[Any, ...], set[str]]:
    seen: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    for row in r.select(Q_POSTS_SEEN):
        key = (row["person"], row["post"], str(row["label"]), row.get("unit") or None)
        seen[key].update(g for g in str(row["graphs"] or "").split(_RS) if g)
    return seen


def _sparql_mentions(r: StoreReading) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in r.select(Q_MENTIONS):
        for packed in str(row["all"] or "").split(_RS):
            graph, _, n = packed.partition(_US)
            found[str(row["p"])].append((graph, n))
    return found


_SPARQL_TABLES = {
    "article_rows": lambda r: r.select(Q_ARTICLES),
    "province_rows": lambda r: r.select(Q_PROVINCES),
    "facts": _sparql_facts,
    "amounts": lambda r: {row["s"]: int(row["value"]) for row in r.select(Q_AMOUNTS)
                          if row.get("value") is not None},
    "posts": lambda r: {(row["person"], str(row["label"]), row.get("in") or None)
                        for row in r.select(Q_POSTS)},
    "cooperates": lambda r: {(row["p"], row["q"], row["g"]) for row in r.select(Q_COOPERATES)},
    "evidence": _sparql_evidence,
    "cooperations": lambda r: [(row["p1"], row["p2"], row["g"])
                               for row in r.select(Q_COOPERATION)],
    "agreement_pairs": lambda r: [(row["a"], row["p1"], row["p2"], row["g"])
                                  for row in r.select(Q_AGREEMENT_PAIRS)],
    "flows": lambda r: [(row["f"], row["kind"], row["from"], row["to"], row.get("value"),
                         row["g"]) for row in r.select(Q_FLOWS)],
    "flow_years": lambda r: {(row["f"], row["year"]) for row in r.select(Q_FLOW_YEARS)},
    "posts_seen": _sparql_posts_seen,
    "mentions": _sparql_mentions,
}


__all__ = [
    "FACT_TYPES",
    "NEEDED",
    "StoreReading",
    "Tables",
    "graph_texts",
    "literal_value",
    "oxigraph_of",
    "py_value",
    "reading_of",
    "tables_from_graphs",
    "typed_value",
]
