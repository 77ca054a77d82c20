"""Extraction -> RDF quads, with deterministic IRIs (the same extraction gives the same quads).

Graph shape (prefixes: ``cg:`` = ``https://w3id.org/coopgraph/ontology#``, ``id:`` =
``{base}id/``, ``graph:`` = ``{base}graph/``; default base ``https://w3id.org/coopgraph/``;
``vocab.sparql_prefixes(base)`` gives the PREFIX lines). ``K`` = the article key (16 hex chars
of sha256 of its URL, or of its content hash when it has no URL). Plain strings are
``xsd:string`` (no language tag) except ``rdfs:label`` values, which are ``@vi``.

Named graph ``graph:article/K`` holds everything one article says::

  id:article/K  a cg:Article, schema:NewsArticle ;
      cg:articleId "..." ; schema:headline "..." ; schema:datePublished "...T.."^^xsd:dateTime ;
      schema:url "..."^^xsd:anyURI ; schema:author "..." ; schema:articleSection "..." ;
      schema:publisher id:publisher/SLUG ;            # a schema:Organization with schema:name
      cg:contentHash "..." ; cg:synthetic false ;
      schema:mentions id:province/ERA/CODE, id:person/PKEY .
  id:mention/K/ERA-CODE  a cg:ProvinceMention ; cg:province id:province/ERA/CODE ;
      cg:mentionCount 5 ; prov:wasDerivedFrom id:article/K .
  id:province/legacy/01 cg:cooperatesWith id:province/legacy/92 .   # both directions
  id:cooperation/K/H  a cg:Cooperation ; cg:partner P1, P2 ; prov:wasDerivedFrom id:article/K .
  id:person/PKEY  a cg:Official, schema:Person, foaf:Person ; schema:name "..." ; foaf:name "..." ;
      cg:serves P ; org:memberOf P ; org:holds id:post/ERA-CODE/TITLE-SLUG ;
      prov:wasDerivedFrom id:article/K ; cg:evidence EV .
  id:post/legacy-01/bi-thu-thanh-uy  a org:Post ; rdfs:label "Bí thư Thành ủy"@vi ;
      org:postIn P ; org:role id:role/bi-thu-thanh-uy .
      # central posts (Ủy viên Bộ Chính trị ...): id:post/tw/TITLE-SLUG, no org:postIn
  id:role/bi-thu-thanh-uy  a org:Role ; rdfs:label "Bí thư Thành ủy"@vi .
  id:membership/H  a org:Membership ; org:member PERSON ; org:organization P ; org:role ROLE ;
      cg:post POST ; org:memberDuring id:membership/H#during ; prov:wasDerivedFrom ART ;
      cg:evidence EV .
  id:membership/H#during  a time:Interval ; time:inside id:instant/2019-08-23 .
  id:instant/2019-08-23  a time:Instant ; time:inXSDDate "2019-08-23"^^xsd:date .
  id:agreement/K/H  a cg:Agreement ; cg:party P1, P2 ; cg:kind "..." ;
      cg:contentCount 11 ; cg:field "..." ; cg:period "2023-2025" ; cg:status "signed"|"planned" ;
      cg:signatory PERSON | cg:signatoryText "hai Phó Bí thư ..." ; prov:wasDerivedFrom ART ;
      cg:evidence EV .
  id:funding/K/H  a cg:Funding, schema:MonetaryGrant ; cg:donor P ; cg:recipient P ;
      schema:amount id:funding/K/H#amount ; cg:qualifier "trên" ; cg:purpose "..." ;
      cg:year 2014, 2016 ; cg:status "given"|"planned" ; prov:wasDerivedFrom ART ; cg:evidence EV .
  id:funding/K/H#amount  a schema:MonetaryAmount ; schema:value 5000000000 ; schema:currency "VND" .
  id:investment/K/H  a cg:Investment ; cg:investor P ; cg:host P ;
      cg:projectCount 18 ; schema:amount id:investment/K/H#amount ; cg:qualifier "trên" ; ...
  id:event/K/H  a cg:Event, schema:Event ; cg:kind "hội nghị" ;
      schema:startDate "2019-08-23"^^xsd:date ; schema:location P ; schema:organizer P ;
      cg:chair PERSON ; schema:attendee PERSON ; cg:chairName / cg:attendeeName "..." (no
      official of that name in the article) ; cg:organiserName "..." ; ...
  id:foreign/SLUG  a cg:ForeignParty ; rdfs:label "bang Virginia"@vi ; cg:country "Hoa Kỳ" .
  id:foreign-partnership/K/H  a cg:ForeignPartnership ; cg:foreignParty id:foreign/SLUG ;
      cg:vietnamesePartner P ; prov:wasDerivedFrom ART ; cg:evidence EV .
  EV = id:evidence/K/H  a cg:Evidence ; cg:sentence "..." ;       # H: span and confidence,
      cg:startOffset 120 ; cg:endOffset 260 ; cg:confidence 0.9 ;    # so the facts of one
      prov:wasQuotedFrom ART .                                       # sentence share it

``prov:Entity`` is not stated on each node: every cg: fact class is a ``rdfs:subClassOf
prov:Entity`` in the ontology, and ``prov:wasDerivedFrom`` implies it (its domain); a store
with RDFS inference, or a query over ``rdf:type/rdfs:subClassOf*``, finds them. The extra
schema.org / FOAF types stay: they are what non-PROV consumers look for.

``PKEY`` (:func:`resolve.official_key`) is ``<name slug>-<lineage code>-<6 hex of the name>``,
e.g. ``hoang-trung-hai-01-2215b2``: the lineage is the code of the 2025 unit the province is
or became part of (``tw`` for central posts), so one official keeps one IRI across articles
and across the 2025 merger. A post's first/last sighting is MIN/MAX of
``?m org:memberDuring/time:inside/time:inXSDDate ?day``; its sources are the ``?m
prov:wasDerivedFrom ?article`` values.

Amounts and counts are ``xsd:integer`` (đồng has no subunit), confidence and coordinates
``xsd:decimal``, years ``xsd:integer``. Wikidata links come from ``data/wikidata_provinces.csv``
(only ids two independent sources agree on; see its ``source`` column).
Province, person, post, role, membership and instant
IRIs are shared by all articles (so graphs join); fact IRIs (``id:funding/K/...``) are per
article. The edge "reported by" is ``prov:wasDerivedFrom``.

Named graph ``graph:gazetteer`` (:func:`gazetteer_quads`) holds the provinces themselves::

  id:province/legacy/92  a cg:Province, schema:AdministrativeArea, org:Organization ;
      rdfs:label "Cần Thơ"@vi ; schema:name "Thành phố Cần Thơ"@vi ; cg:provinceCode "92" ;
      cg:era "legacy" ; cg:validUntil "2025-06-30"^^xsd:date ; schema:latitude 10.04 ;
      schema:longitude 105.74 ; cg:mergedInto id:province/current/92 ;
      org:changedBy id:change/2025-07-01/92 ; prov:specializationOf wd:Q216075 .
  id:province/legacy/93  ... owl:sameAs wd:Q36320 .     # Hậu Giang: its item ended in 2025
  id:province/current/92  ... cg:era "current" ; cg:validFrom "2025-07-01"^^xsd:date ;
      org:resultedFrom id:change/2025-07-01/92 ; owl:sameAs wd:Q216075 .
  id:change/2025-07-01/92  a org:ChangeEvent, prov:Activity ; rdfs:label "..."@vi, "..."@en ;
      org:originalOrganization id:province/legacy/92, id:province/legacy/93, ... ;
      org:resultingOrganization id:province/current/92 ; cg:effectiveDate "2025-07-01"^^xsd:date ;
      prov:startedAtTime "2025-07-01T00:00:00+07:00"^^xsd:dateTime .
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import namespace as rdfns

from . import DATA_DIR
from .gazetteer import MERGER_DATE, load_gazetteer
from .model import Article, Evidence, Extraction
from .normalize import name_key as _name_key
from .resolve import CENTRAL_SCOPE, mention_lineage
from .resolve import official_key as _official_key
from .resolve import slugify as _slugify
from . import vocab
from .vocab import DEFAULT_BASE, WIKIDATA

log = logging.getLogger(__name__)


class _Terms:
    """A vocabulary namespace whose terms, once looked up, are plain attributes.

    ``DefinedNamespace.__getattr__`` is slow enough to be a fifth of the mapping's time; the
    first lookup still goes through it, so a misspelt term still raises.
    """

    def __init__(self, namespace: type) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        term = str(getattr(self._namespace, name))
        setattr(self, name, term)
        return term


CG, FOAF, ORG, OWL, PROV, SDO, TIME, RDF, RDFS, XSD = (
    _Terms(ns) for ns in (vocab.CG, vocab.FOAF, vocab.ORG, vocab.OWL, vocab.PROV, vocab.SDO,
                          vocab.TIME, rdfns.RDF, rdfns.RDFS, rdfns.XSD))

WIKIDATA_CSV = DATA_DIR / "wikidata_provinces.csv"

# A title containing one of these is a post of the central party or state, not of a province.
# "Trưởng đoàn đại biểu Quốc hội <province>" is provincial, so "Quốc hội" alone is not here.
CENTRAL_TITLE_MARKERS = (
    "bộ chính trị", "ban bí thư", "trung ương", "chính phủ", "thủ tướng", "chủ tịch nước",
    "phó chủ tịch nước", "chủ tịch quốc hội", "phó chủ tịch quốc hội", "ủy ban thường vụ quốc hội",
    "bộ trưởng", "thứ trưởng",
)


# Names, titles and sources repeat across articles, and normalizing them (NFD, tone marks,
# folding) was a sixth of the mapping's time: these pure functions are cached here.
name_key = lru_cache(maxsize=1 << 14)(_name_key)
official_key = lru_cache(maxsize=1 << 14)(_official_key)
slugify = lru_cache(maxsize=1 << 14)(_slugify)

# --------------------------------------------------------------------------- IRIs


def _digest(*parts: object, size: int = 16) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


def article_key(article: Article) -> str:
    """16 hex chars naming the article: from its URL, else its content hash, else its text."""
    if article.url:
        return _digest("url", article.url.strip())
    content = article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return _digest("content", content)


def article_iri(article: Article, base: str = DEFAULT_BASE) -> str:
    return f"{base}id/article/{article_key(article)}"


def article_graph_iri(article: Article, base: str = DEFAULT_BASE) -> str:
    """The named graph holding everything ``article`` says."""
    return f"{base}graph/article/{article_key(article)}"


def gazetteer_graph_iri(base: str = DEFAULT_BASE) -> str:
    return f"{base}graph/gazetteer"


def province_iri(era: str, code: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}id/province/{era}/{code}"


def person_iri(key: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}id/person/{key}"


def change_event_iri(code: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}id/change/{MERGER_DATE.isoformat()}/{code}"


@lru_cache(maxsize=1 << 12)
def is_central_title(title: str) -> bool:
    """True for a post of the central party/state (``Ủy viên Bộ Chính trị``)."""
    key = name_key(title)
    return any(marker in key for marker in CENTRAL_TITLE_MARKERS)


# --------------------------------------------------------------------------- terms
#
# Terms are written straight as canonical N-Triples text (what Oxigraph's serializer writes),
# not as pyoxigraph objects: a worker maps an article into these lines, sorts them and hashes
# them (store.Unit), and building a Quad object per triple and serializing it again cost
# three quarters of the mapping's time. Each IRI is still checked by pyoxigraph once.


class _Literal(str):
    """A literal term in N-Triples (``"text"``, ``"text"@vi``, ``"5"^^<...#integer>``)."""


#: What Oxigraph's N-Triples serializer escapes in a literal: the C0 controls, DEL, the quote,
#: the backslash and U+FFFE/U+FFFF (tests/test_mapping.py checks this against Oxigraph).
_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
                 0x22: '\\"', 0x5C: "\\\\"})
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\"\\\\\x7f\ufffe\uffff]")


def _quoted(value: str) -> str:
    return f'"{value.translate(_ESCAPES)}"' if _NEEDS_ESCAPE.search(value) else f'"{value}"'


@lru_cache(maxsize=1 << 14)  # bounded: most IRIs of an article (its facts) are its own
def _iri(iri: str) -> str:
    """``<iri>``, checked by pyoxigraph (ValueError for an invalid IRI)."""
    return f"<{ox.NamedNode(iri).value}>"


def _typed(value: str, datatype: str) -> _Literal:
    return _Literal(f"{_quoted(value)}^^{_iri(datatype)}")


def _str(value: str) -> _Literal:
    return _Literal(_quoted(value))


def _vi(value: str) -> _Literal:
    return _Literal(f"{_quoted(value)}@vi")


def _en(value: str) -> _Literal:
    return _Literal(f"{_quoted(value)}@en")


def _int(value: int) -> _Literal:
    return _typed(str(int(value)), XSD.integer)


def _dec(value: float) -> _Literal:
    """xsd:decimal in canonical form (``0.9``, ``1.0``), so both parsers read the same bytes."""
    text = format(Decimal(repr(float(value))).normalize(), "f")
    if "." not in text:
        text += ".0"
    return _typed(text, XSD.decimal)


def _bool(value: bool) -> _Literal:
    return _typed("true" if value else "false", XSD.boolean)


def _date(value: date) -> _Literal:
    return _typed(value.isoformat(), XSD.date)


class _Quads:
    """Ordered, duplicate-free triples of one named graph, as N-Triples lines."""

    def __init__(self, graph: str) -> None:
        self.graph = _iri(graph)
        self._lines: dict[str, None] = {}

    def add(self, s: str, p: str, o: str) -> None:
        """``o`` is an IRI, or a literal made by ``_str``, ``_int``, ... (a :class:`_Literal`)."""
        obj = o if isinstance(o, _Literal) else _iri(o)
        self._lines[f"{_iri(s)} {_iri(p)} {obj} ."] = None

    def types(self, s: str, *classes: str) -> None:
        for cls in classes:
            self.add(s, RDF.type, cls)

    def quads(self) -> list[ox.Quad]:
        """The quads in the order they were added."""
        text = "".join(f"{line[:-1]}{self.graph} .\n" for line in self._lines)
        return list(ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS))

    def ntriples(self) -> bytes:
        """The distinct triples as sorted canonical N-Triples (see :func:`store.canonical_ntriples`)."""
        return "".join(line + "\n" for line in sorted(self._lines)).encode()


# --------------------------------------------------------------------------- articles


class _ArticleMapper:
    """Maps one extraction; holds what its facts share (article IRI, names -> IRIs)."""

    def __init__(
        self, ex: Extraction, base: str, person_keys: Mapping[tuple[str, str], str] | None
    ) -> None:
        self.ex = ex
        self.base = base
        self.key = article_key(ex.article)
        self.art = article_iri(ex.article, base)
        self.q = _Quads(article_graph_iri(ex.article, base))
        self.person_keys = person_keys or {}
        self.people: dict[str, str] = {}  # name_key -> person IRI, for signatories and chairs

    # -- helpers

    def iri(self, kind: str, *key_fields: object) -> str:
        return f"{self.base}id/{kind}/{self.key}/{_digest(kind, *key_fields)}"

    def province(self, name: str | None) -> str | None:
        unit = self.ex.province(name) if name else None
        if unit is None:
            if name:
                log.warning("%s: province %r is not in the extraction's provinces; edge left out",
                            self.ex.article.id, name)
            return None
        return province_iri(unit.era, unit.code, self.base)

    def provenance(self, fact: str, evidence: Evidence) -> None:
        q = self.q
        # one node per quoted span (and confidence): the facts of one sentence share it
        ev = f"{self.base}id/evidence/{self.key}/{_digest(evidence.start, evidence.end, evidence.confidence)}"
        q.add(fact, PROV.wasDerivedFrom, self.art)
        q.add(fact, CG.evidence, ev)
        q.types(ev, CG.Evidence)
        q.add(ev, CG.sentence, _str(evidence.sentence))
        q.add(ev, CG.startOffset, _int(evidence.start))
        q.add(ev, CG.endOffset, _int(evidence.end))
        q.add(ev, CG.confidence, _dec(evidence.confidence))
        q.add(ev, PROV.wasQuotedFrom, self.art)

    def money(self, fact: str, amount: int) -> None:
        m = f"{fact}#amount"
        self.q.add(fact, SDO.amount, m)
        self.q.types(m, SDO.MonetaryAmount)
        self.q.add(m, SDO.value, _int(amount))
        self.q.add(m, SDO.currency, _str("VND"))

    # -- parts

    def article(self) -> None:
        a, q, art = self.ex.article, self.q, self.art
        q.types(art, CG.Article, SDO.NewsArticle)
        q.add(art, CG.articleId, _str(a.id))
        q.add(art, SDO.headline, _str(a.title))
        if a.date is not None:
            q.add(art, SDO.datePublished,
                  _typed(a.date.isoformat(), XSD.dateTime))
        if a.url:
            q.add(art, SDO.url, _typed(a.url, XSD.anyURI))
        for author in a.authors:
            q.add(art, SDO.author, _str(author))
        if a.section:
            q.add(art, SDO.articleSection, _str(a.section))
        if a.source:
            pub = f"{self.base}id/publisher/{slugify(a.source)}"
            q.add(art, SDO.publisher, pub)
            q.types(pub, SDO.Organization)
            q.add(pub, SDO.name, _str(a.source))
        if a.content_hash:
            q.add(art, CG.contentHash, _str(a.content_hash))
        q.add(art, CG.synthetic, _bool(a.synthetic))

    def provinces(self) -> None:
        q = self.q
        for pm in self.ex.provinces:
            p = province_iri(pm.era, pm.code, self.base)
            q.add(self.art, SDO.mentions, p)
            m = f"{self.base}id/mention/{self.key}/{pm.era}-{pm.code}"
            q.types(m, CG.ProvinceMention)
            q.add(m, CG.province, p)
            q.add(m, CG.mentionCount, _int(pm.mentions))
            q.add(m, PROV.wasDerivedFrom, self.art)

    def pairs(self) -> None:
        q = self.q
        for a_name, b_name in self.ex.cooperation_pairs:
            a, b = self.province(a_name), self.province(b_name)
            if a is None or b is None or a == b:
                continue
            q.add(a, CG.cooperatesWith, b)
            q.add(b, CG.cooperatesWith, a)
            first, second = sorted((a, b))
            c = self.iri("cooperation", first, second)
            q.types(c, CG.Cooperation)
            q.add(c, CG.partner, first)
            q.add(c, CG.partner, second)
            q.add(c, PROV.wasDerivedFrom, self.art)

    def officials(self) -> None:
        q, a = self.q, self.ex.article
        day = a.date.date() if a.date is not None else None
        for off in self.ex.officials:
            unit = self.ex.province(off.province)
            pkey = self.person_keys.get((a.id, off.name)) or official_key(
                off.name, mention_lineage(unit))
            person = person_iri(pkey, self.base)
            self.people.setdefault(name_key(off.name), person)
            q.types(person, CG.Official, SDO.Person, FOAF.Person)
            q.add(person, SDO.name, _str(off.name))
            q.add(person, FOAF.name, _str(off.name))
            q.add(self.art, SDO.mentions, person)
            self.provenance(person, off.evidence)
            p = province_iri(unit.era, unit.code, self.base) if unit else None
            if p:
                q.add(person, CG.serves, p)
                q.add(person, ORG.memberOf, p)
            for title in off.titles:
                if p and unit is not None and not is_central_title(title):
                    self.post(person, pkey, title, p, f"{unit.era}-{unit.code}", day,
                              off.evidence)
                else:
                    self.post(person, pkey, title, None, CENTRAL_SCOPE, day, off.evidence)

    def post(self, person: str, pkey: str, title: str, p: str | None, scope: str,
             day: date | None, evidence: Evidence) -> None:
        """``person`` holds post ``title`` of province ``p`` (None: central), seen on ``day``."""
        q, slug = self.q, slugify(title)
        post = f"{self.base}id/post/{scope}/{slug}"
        role = f"{self.base}id/role/{slug}"
        q.types(post, ORG.Post)
        q.add(post, RDFS.label, _vi(title))
        q.add(post, ORG.role, role)
        if p:
            q.add(post, ORG.postIn, p)
        q.types(role, ORG.Role)
        q.add(role, RDFS.label, _vi(title))
        q.add(person, ORG.holds, post)
        mem = f"{self.base}id/membership/{_digest(pkey, scope, slug)}"
        q.types(mem, ORG.Membership)
        q.add(mem, ORG.member, person)
        if p:
            q.add(mem, ORG.organization, p)
        q.add(mem, ORG.role, role)
        q.add(mem, CG.post, post)
        if day is not None:
            during, instant = f"{mem}#during", f"{self.base}id/instant/{day.isoformat()}"
            q.add(mem, ORG.memberDuring, during)
            q.types(during, TIME.Interval)
            q.add(during, TIME.inside, instant)
            q.types(instant, TIME.Instant)
            q.add(instant, TIME.inXSDDate, _date(day))
        self.provenance(mem, evidence)

    def person_named(self, name: str) -> str | None:
        return self.people.get(name_key(name))

    def agreements(self) -> None:
        q = self.q
        for ag in self.ex.agreements:
            parties = [p for p in (self.province(n) for n in ag.parties) if p]
            a = self.iri("agreement", *sorted(parties), ag.kind, ag.period, ag.status,
                         ag.evidence.start)
            q.types(a, CG.Agreement)
            for p in parties:
                q.add(a, CG.party, p)
            q.add(a, CG.kind, _str(ag.kind))
            if ag.n_contents is not None:
                q.add(a, CG.contentCount, _int(ag.n_contents))
            for f in ag.fields:
                q.add(a, CG.field, _str(f))
            if ag.period:
                q.add(a, CG.period, _str(ag.period))
            q.add(a, CG.status, _str(ag.status))
            for who in ag.signatories:
                person = self.person_named(who)
                q.add(a, CG.signatory, person) if person else q.add(a, CG.signatoryText, _str(who))
            self.provenance(a, ag.evidence)

    def fundings(self) -> None:
        q = self.q
        for fu in self.ex.fundings:
            donor, recipient = self.province(fu.donor), self.province(fu.recipient)
            years = fu.years or ((fu.year,) if fu.year is not None else ())
            f = self.iri("funding", donor, recipient, fu.amount_vnd, fu.purpose, years,
                         fu.status, fu.evidence.start)
            q.types(f, CG.Funding, SDO.MonetaryGrant)
            if donor:
                q.add(f, CG.donor, donor)
            if recipient:
                q.add(f, CG.recipient, recipient)
            self.money(f, fu.amount_vnd)
            if fu.qualifier:
                q.add(f, CG.qualifier, _str(fu.qualifier))
            if fu.purpose:
                q.add(f, CG.purpose, _str(fu.purpose))
            for y in years:
                q.add(f, CG.year, _int(y))
            q.add(f, CG.status, _str(fu.status))
            self.provenance(f, fu.evidence)

    def investments(self) -> None:
        q = self.q
        for inv in self.ex.investments:
            investor, host = self.province(inv.investor_province), self.province(inv.host_province)
            i = self.iri("investment", investor, host, inv.projects, inv.capital_vnd,
                         inv.evidence.start)
            q.types(i, CG.Investment)
            if investor:
                q.add(i, CG.investor, investor)
            if host:
                q.add(i, CG.host, host)
            if inv.projects is not None:
                q.add(i, CG.projectCount, _int(inv.projects))
            if inv.capital_vnd is not None:
                self.money(i, inv.capital_vnd)
            if inv.qualifier:
                q.add(i, CG.qualifier, _str(inv.qualifier))
            self.provenance(i, inv.evidence)

    def events(self) -> None:
        q = self.q
        for ev in self.ex.events:
            place = self.province(ev.place)
            e = self.iri("event", ev.kind, ev.date, place, ev.evidence.start)
            q.types(e, CG.Event, SDO.Event)
            q.add(e, CG.kind, _str(ev.kind))
            if ev.date is not None:
                q.add(e, SDO.startDate, _date(ev.date))
            if place:
                q.add(e, SDO.location, place)
            for org in ev.organisers:
                p = self.ex.province(org) and self.province(org)
                q.add(e, SDO.organizer, p) if p else q.add(e, CG.organiserName, _str(org))
            for part in ev.participants:
                person = self.person_named(part.name)
                if part.role == "chair":
                    q.add(e, CG.chair, person) if person else q.add(e, CG.chairName,
                                                                    _str(part.name))
                else:
                    q.add(e, SDO.attendee, person) if person else q.add(e, CG.attendeeName,
                                                                        _str(part.name))
            self.provenance(e, ev.evidence)

    def foreign_partners(self) -> None:
        q = self.q
        for fp in self.ex.foreign_partners:
            partners = [p for p in (self.province(n) for n in fp.partners) if p]
            if not partners:
                continue
            party = f"{self.base}id/foreign/{slugify(fp.name)}"  # one node per foreign party
            q.types(party, CG.ForeignParty)
            q.add(party, RDFS.label, _vi(fp.name))
            if fp.country:
                q.add(party, CG.country, _str(fp.country))
            f = self.iri("foreign-partnership", fp.name, fp.evidence.start)
            q.types(f, CG.ForeignPartnership)
            q.add(f, CG.foreignParty, party)
            for p in partners:
                q.add(f, CG.vietnamesePartner, p)
            self.provenance(f, fp.evidence)

    def run(self) -> _Quads:
        self.article()
        self.provinces()
        self.pairs()
        self.officials()  # before agreements/events: they look people up by name
        self.agreements()
        self.fundings()
        self.investments()
        self.events()
        self.foreign_partners()
        return self.q


def extraction_to_quads(
    extraction: Extraction,
    base: str = DEFAULT_BASE,
    *,
    person_keys: Mapping[tuple[str, str], str] | None = None,
) -> list[ox.Quad]:
    """All quads of one article, in its named graph :func:`article_graph_iri`.

    ``person_keys`` (from :func:`resolve.resolve_officials`) overrides the per-article person
    keys when namesakes must be told apart across articles.
    """
    return _ArticleMapper(extraction, base, person_keys).run().quads()


def extraction_ntriples(
    extraction: Extraction,
    base: str = DEFAULT_BASE,
    *,
    person_keys: Mapping[tuple[str, str], str] | None = None,
) -> bytes:
    """The triples of :func:`extraction_to_quads` as sorted canonical N-Triples (what a
    :class:`store.Unit` carries), made without a pyoxigraph object per triple."""
    return _ArticleMapper(extraction, base, person_keys).run().ntriples()


# --------------------------------------------------------------------------- gazetteer


def load_wikidata_ids(path: Path = WIKIDATA_CSV) -> dict[tuple[str, str], tuple[str, str]]:
    """``(era, code) -> (Q-id, link)`` from ``data/wikidata_provinces.csv`` (verified rows only).

    ``link`` is ``sameAs`` (the Wikidata item is this unit) or ``specializationOf`` (a legacy
    unit whose item lives on as the 2025 unit of the same name: owl:sameAs there would make
    the legacy and current nodes one).
    """
    if not path.exists():
        log.warning("%s not found: provinces get no Wikidata links", path)
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {(row["era"], row["code"]): (row["wikidata"].strip(), row["link"].strip())
                for row in csv.DictReader(fh) if row.get("wikidata", "").strip()}


def gazetteer_quads(base: str = DEFAULT_BASE) -> list[ox.Quad]:
    """Provinces of both eras, the 2025 change events and Wikidata links, in ``graph:gazetteer``."""
    return _gazetteer(base).quads()


def gazetteer_ntriples(base: str = DEFAULT_BASE) -> bytes:
    """The triples of :func:`gazetteer_quads` as sorted canonical N-Triples."""
    return _gazetteer(base).ntriples()


def _gazetteer(base: str) -> _Quads:
    gaz = load_gazetteer()
    wikidata = load_wikidata_ids()
    q = _Quads(gazetteer_graph_iri(base))
    current = {p.name: p for p in gaz.era("current")}
    originals: dict[str, list[str]] = {}
    for p in sorted(gaz.provinces, key=lambda p: (p.era != "legacy", p.code)):
        node = province_iri(p.era, p.code, base)
        q.types(node, CG.Province, SDO.AdministrativeArea, ORG.Organization)
        q.add(node, RDFS.label, _vi(p.name))
        q.add(node, SDO.name, _vi(p.full_name))
        q.add(node, CG.provinceCode, _str(p.code))
        q.add(node, CG.era, _str(p.era))
        if p.lat is not None and p.lon is not None:
            q.add(node, SDO.latitude, _dec(p.lat))
            q.add(node, SDO.longitude, _dec(p.lon))
        qid, link = wikidata.get((p.era, p.code), ("", ""))
        if qid:
            prop = PROV.specializationOf if link == "specializationOf" else OWL.sameAs
            q.add(node, prop, str(WIKIDATA[qid]))
        if p.era == "legacy":
            q.add(node, CG.validUntil, _date(date.fromordinal(MERGER_DATE.toordinal() - 1)))
            successor = current.get(p.successor or "")
            if successor is None:
                log.warning("legacy province %s has no successor in the gazetteer", p.name)
                continue
            q.add(node, CG.mergedInto, province_iri("current", successor.code, base))
            q.add(node, ORG.changedBy, change_event_iri(successor.code, base))
            originals.setdefault(successor.code, []).append(node)
        else:
            q.add(node, CG.validFrom, _date(MERGER_DATE))
    for p in sorted(current.values(), key=lambda p: p.code):
        new = province_iri("current", p.code, base)
        change = change_event_iri(p.code, base)
        q.add(new, ORG.resultedFrom, change)
        q.types(change, ORG.ChangeEvent, PROV.Activity)
        q.add(change, RDFS.label, _vi(f"Sắp xếp đơn vị hành chính 2025: {p.name}"))
        q.add(change, RDFS.label, _en(f"2025 reorganisation of provinces: {p.name}"))
        for old in originals.get(p.code, []):
            q.add(change, ORG.originalOrganization, old)
        q.add(change, ORG.resultingOrganization, new)
        q.add(change, CG.effectiveDate, _date(MERGER_DATE))
        q.add(change, PROV.startedAtTime,
              _typed(f"{MERGER_DATE.isoformat()}T00:00:00+07:00", XSD.dateTime))
    return q


# --------------------------------------------------------------------------- rdflib bridge


def _to_rdflib(term: object) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == str(XSD.string):
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt), normalize=False)
    raise TypeError(f"cannot convert {term!r} to rdflib")


def quads_to_rdflib(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    """The quads as an rdflib Dataset (for SHACL, comparisons and tests; slow on big data)."""
    ds = rdflib.Dataset()
    default = ds.default_graph if hasattr(ds, "default_graph") else ds.default_context
    convert = _converter()
    graphs: dict[object, rdflib.Graph] = {}
    for quad in quads:
        g = quad.graph_name
        ctx = graphs.get(g)
        if ctx is None:
            ctx = graphs[g] = default if isinstance(g, ox.DefaultGraph) else ds.graph(convert(g))
        ctx.add((convert(quad.subject), convert(quad.predicate), convert(quad.object)))
    return ds


def quads_to_rdflib_graph(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """The union of the quads' graphs as one plain rdflib Graph (graph names dropped)."""
    graph = rdflib.Graph()
    convert = _converter()
    add = graph.add
    for quad in quads:
        add((convert(quad.subject), convert(quad.predicate), convert(quad.object)))
    return graph


def _converter() -> Callable[[object], rdflib.term.Node]:
    """``_to_rdflib`` with a cache: IRIs repeat a lot and converting them is the slow part."""
    cache: dict[object, rdflib.term.Node] = {}

    def convert(term: object) -> rdflib.term.Node:
        node = cache.get(term)
        if node is None:
            node = cache[term] = _to_rdflib(term)
        return node

    return convert
