"""The summary graph: per-pair, per-province and per-donor-year totals, kept in the store.

Aggregate questions (``pairs``, ``connected``, ``rollup_current``, ``funding_given``) read
every fact of every article; on a 10 000-article store that is 1–2 s of index lookups however
the SPARQL is written. Their totals are therefore computed once, after each build or removal
that changed the store, and written as one more unit, the named graph :data:`SUMMARY_GRAPH`
(see :func:`refresh` for how it is replaced).
Like the store's records it is bookkeeping under ``st:`` (``https://w3id.org/coopgraph/store#``)
and exports leave it out; the saved queries read it, anyone may query it::

  st:pair/H  a st:PairTotals ; st:provinceA A ; st:provinceB B ;        # STR(A) < STR(B)
      st:articles 12 ; st:agreements 3 ; st:fundings 2 .  # fundings: either direction
  st:province/H  a st:ProvinceTotals ; st:province P ; st:degree 5 ; st:weightedDegree 17 ; st:articles 14 .
  st:current/H  a st:CurrentPairTotals ; st:provinceA A ; st:provinceB B ;     # both mapped to their 2025 unit
      st:articles 9 ; st:firstDate "…"^^xsd:dateTime ; st:lastDate "…" ;
      st:givenFundings 2 ; st:givenVnd 8000000000 .
  st:given/H  a st:DonorYearTotals ; st:donor D ; st:status "given" ; st:year 2014 ;
      st:years "2014; 2014, 2016" ; st:fundings 3 ; st:totalVnd 9000000000 ;
      st:recipients 2 ; st:recipientNames "Cần Thơ; Sóc Trăng" .

Counts follow the definitions in the saved queries' headers: an article graph states
``?a cg:cooperatesWith ?b`` (both directions) exactly when it holds a cooperation of the two;
a funding reported for several years counts once, in its first year, and ``st:years`` shows
its years ("2014, 2016").

The totals are computed here in Python from nine plain graph patterns (no aggregates, no
functions), so the same code serves Oxigraph, Virtuoso or any SPARQL 1.1 store.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from .normalize import fold
from .store import STORE_NS, SUMMARY_GRAPH as _SUMMARY, Unit, make_unit

SUMMARY_GRAPH = _SUMMARY.value
ST = STORE_NS

_CG = "https://w3id.org/coopgraph/ontology#"
_SDO = "https://schema.org/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_PREFIXES = (f"PREFIX cg: <{_CG}>\nPREFIX schema: <{_SDO}>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")

#: The patterns the totals are made of; each is one index scan on the store.
PATTERNS = {
    "edges": "SELECT ?g ?a ?b WHERE { GRAPH ?g { ?a cg:cooperatesWith ?b } }",
    "parties": "SELECT ?x ?p WHERE { GRAPH ?g { ?x cg:party ?p } }",
    "flows": "SELECT ?f ?d ?r WHERE { GRAPH ?g { ?f cg:donor ?d ; cg:recipient ?r } }",
    "statuses": "SELECT ?f ?s WHERE { GRAPH ?g { ?f cg:status ?s } }",
    "amounts": "SELECT ?f ?v WHERE { GRAPH ?g { ?f schema:amount ?m . ?m schema:value ?v } }",
    "years": "SELECT ?f ?y WHERE { GRAPH ?g { ?f cg:year ?y } }",
    "dates": "SELECT ?g ?date WHERE { GRAPH ?g { ?article a cg:Article ; schema:datePublished ?date } }",
    "merged": "SELECT ?x ?y WHERE { GRAPH ?g { ?x cg:mergedInto ?y } }",
    "labels": "SELECT ?p ?l WHERE { GRAPH ?g { ?p a cg:Province ; rdfs:label ?l } }",
}


@dataclass
class Facts:
    """The rows of :data:`PATTERNS`, as plain values (IRIs as strings)."""

    edges: list[tuple[str, str, str]] = field(default_factory=list)       # graph, a, b
    parties: list[tuple[str, str]] = field(default_factory=list)          # agreement, province
    flows: list[tuple[str, str, str]] = field(default_factory=list)       # funding, donor, recipient
    statuses: dict[str, str] = field(default_factory=dict)                # fact -> status
    amounts: dict[str, int] = field(default_factory=dict)                 # fact -> đồng
    years: list[tuple[str, int]] = field(default_factory=list)            # fact, year
    dates: list[tuple[str, ox.Literal]] = field(default_factory=list)     # graph, datePublished
    merged: dict[str, str] = field(default_factory=dict)                  # legacy unit -> 2025 unit
    labels: dict[str, str] = field(default_factory=dict)                  # province -> short name


def read_facts(store: Any) -> Facts:
    """Run the patterns on a store (anything with ``query`` returning pyoxigraph solutions)."""

    def rows(name: str) -> Iterable[Any]:
        return store.query(_PREFIXES + PATTERNS[name])

    facts = Facts()
    facts.edges = [(s["g"].value, s["a"].value, s["b"].value) for s in rows("edges")]
    facts.parties = [(s["x"].value, s["p"].value) for s in rows("parties")]
    facts.flows = [(s["f"].value, s["d"].value, s["r"].value) for s in rows("flows")]
    facts.statuses = {s["f"].value: s["s"].value for s in rows("statuses")}
    facts.amounts = {s["f"].value: int(s["v"].value) for s in rows("amounts")}
    facts.years = [(s["f"].value, int(s["y"].value)) for s in rows("years")]
    facts.dates = [(s["g"].value, s["date"]) for s in rows("dates")]
    facts.merged = {s["x"].value: s["y"].value for s in rows("merged")}
    facts.labels = {s["p"].value: s["l"].value for s in rows("labels")}
    return facts


def _years_text(years: list[int]) -> str:
    """What ``funding_given`` shows for one funding: "2014", "2014, 2016", "2012–2015 (4 năm)"."""
    if len(years) == 1:
        return str(years[0])
    if len(years) == 2:
        return f"{years[0]}, {years[1]}"
    return f"{years[0]}–{years[-1]} ({len(years)} năm)"


def _key(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def summary_quads(facts: Facts) -> list[ox.Quad]:
    """The summary graph of these facts (pure: the same facts give the same quads)."""
    g = ox.NamedNode(SUMMARY_GRAPH)
    out: list[ox.Quad] = []

    def kind(node: str, cls: str) -> None:
        out.append(ox.Quad(ox.NamedNode(node), _RDF_TYPE, ox.NamedNode(ST + cls), g))

    def add(node: str, prop: str, value: str | int | ox.Literal) -> None:
        if isinstance(value, str):
            obj: ox.NamedNode | ox.Literal = ox.NamedNode(value)
        elif isinstance(value, int):
            obj = ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))
        else:
            obj = value
        out.append(ox.Quad(ox.NamedNode(node), ox.NamedNode(ST + prop), obj, g))

    # -- pairs and provinces: from the cooperatesWith edges (both directions in each graph)
    pair_graphs: dict[tuple[str, str], set[str]] = defaultdict(set)
    partners: dict[str, set[str]] = defaultdict(set)
    reports: dict[str, int] = defaultdict(int)
    prov_graphs: dict[str, set[str]] = defaultdict(set)
    for graph, a, b in set(facts.edges):
        if a < b:
            pair_graphs[a, b].add(graph)
        if a != b:
            partners[a].add(b)
            reports[a] += 1
            prov_graphs[a].add(graph)
    agreement_parties: dict[str, set[str]] = defaultdict(set)
    for agreement, province in facts.parties:
        agreement_parties[agreement].add(province)
    pair_agreements: dict[tuple[str, str], int] = defaultdict(int)
    for parties in agreement_parties.values():
        for a in parties:
            for b in parties:
                if a < b:
                    pair_agreements[a, b] += 1
    pair_fundings: dict[tuple[str, str], int] = defaultdict(int)
    for _, d, r in set(facts.flows):
        pair_fundings[min(d, r), max(d, r)] += 1
    for (a, b), graphs in sorted(pair_graphs.items()):
        node = f"{ST}pair/{_key(a, b)}"
        kind(node, "PairTotals")
        add(node, "provinceA", a)
        add(node, "provinceB", b)
        add(node, "articles", len(graphs))
        add(node, "agreements", pair_agreements.get((a, b), 0))
        add(node, "fundings", pair_fundings.get((a, b), 0))
    for p in sorted(partners):
        node = f"{ST}province/{_key(p)}"
        kind(node, "ProvinceTotals")
        add(node, "province", p)
        add(node, "degree", len(partners[p]))
        add(node, "weightedDegree", reports[p])
        add(node, "articles", len(prov_graphs[p]))

    # -- the same pairs rolled up to the 2025 units
    def current(p: str) -> str:
        return facts.merged.get(p, p)

    dates: dict[str, list[ox.Literal]] = defaultdict(list)
    for graph, day in facts.dates:
        dates[graph].append(day)
    rolled: dict[tuple[str, str], set[str]] = defaultdict(set)
    for graph, a, b in facts.edges:
        big_a, big_b = current(a), current(b)
        if big_a < big_b:
            rolled[big_a, big_b].add(graph)
    given: dict[tuple[str, str], list[int]] = defaultdict(list)
    for funding, d, r in set(facts.flows):
        big_d, big_r = current(d), current(r)
        amount = facts.amounts.get(funding)
        if facts.statuses.get(funding) == "given" and amount is not None and big_d != big_r:
            given[min(big_d, big_r), max(big_d, big_r)].append(amount)
    for (a, b), graphs in sorted(rolled.items()):
        node = f"{ST}current/{_key(a, b)}"
        kind(node, "CurrentPairTotals")
        add(node, "provinceA", a)
        add(node, "provinceB", b)
        add(node, "articles", len(graphs))
        days = [d for graph in graphs for d in dates.get(graph, ())]
        if days:  # xsd:dateTime values of one timezone: the lexical order is the time order
            add(node, "firstDate", min(days, key=_instant))
            add(node, "lastDate", max(days, key=_instant))
        amounts = given.get((a, b), [])
        add(node, "givenFundings", len(amounts))
        add(node, "givenVnd", sum(amounts))

    # -- fundings per donor, status and first year, with their recipients
    years: dict[str, set[int]] = defaultdict(set)
    for funding, year in facts.years:
        years[funding].add(year)
    groups: dict[tuple[str, str, int | None], list[tuple[str, int, str | None]]] = defaultdict(list)
    for funding, d, r in sorted(set(facts.flows)):
        status, amount = facts.statuses.get(funding), facts.amounts.get(funding)
        if status is None or amount is None:
            continue
        ys = sorted(years.get(funding, ()))
        groups[d, status, ys[0] if ys else None].append((r, amount, _years_text(ys) if ys else None))
    for (d, status, year), rows in sorted(groups.items(), key=lambda kv: str(kv[0])):
        node = f"{ST}given/{_key(d, status, year)}"
        kind(node, "DonorYearTotals")
        add(node, "donor", d)
        add(node, "status", ox.Literal(status))
        if year is not None:
            add(node, "year", year)
            spans = sorted({span for _, _, span in rows if span}, key=lambda t: (len(t), t))
            add(node, "years", ox.Literal("; ".join(spans)))
        add(node, "fundings", len(rows))
        add(node, "totalVnd", sum(amount for _, amount, _ in rows))
        recipients = {r for r, _, _ in rows}
        add(node, "recipients", len(recipients))
        names = sorted({facts.labels.get(r, r) for r in recipients}, key=lambda t: (fold(t), t))
        add(node, "recipientNames", ox.Literal("; ".join(names)))
    return out


def _instant(day: ox.Literal) -> tuple[str, str]:
    """Sort key of an xsd:dateTime literal: its UTC instant when it has an offset."""
    from datetime import datetime, timezone

    try:
        moment = datetime.fromisoformat(day.value)
    except ValueError:
        return ("", day.value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return (moment.isoformat(), day.value)


def summary_unit(store: Any) -> Unit:
    """The summary graph of what ``store`` holds now, as a unit to write."""
    return make_unit(SUMMARY_GRAPH, summary_quads(read_facts(store)), id="summary", kind="summary")


def refresh(store: Any) -> int:
    """Recompute the summary graph and write it when it changed; return the quads written.

    The old graph is dropped first and the new one bulk-loaded (one SPARQL Update of 150k
    triples takes 9 s on Oxigraph, the loader 1 s): derived data may be missing for a moment,
    and a process killed in between leaves no summary record, so the next build writes it.
    """
    unit = summary_unit(store)
    record = store.records([SUMMARY_GRAPH]).get(SUMMARY_GRAPH)
    if record is not None:
        if record.graph_hash == unit.fingerprint():
            return 0
        store.remove_graphs([SUMMARY_GRAPH])
    return store.write_units([unit])
