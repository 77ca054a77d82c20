"""The summary graph: per-pair, per-province and per-donor-year totals, kept in the store.

Aggregate questions (``pairs``, ``connected``, ``rollup_current``, ``funding_given``) read
every fact of every article; on a 10 000-article store that is 1–2 s of index lookups however
the SPARQL is written. Their totals are therefore computed once, after each build or removal
that changed the store, and written as one more unit, the named graph :data:`SUMMARY_GRAPH`
(see :func:`refresh` for how it is replaced). A writer marks the totals stale before it
changes any article, and :func:`refresh` takes the mark away: ``coopgraph query`` and
``coopgraph serve`` check it when a query reads the summary, and say so
(:func:`store.totals_stale`); ``coopgraph totals`` recomputes them without a build.
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

The totals are read by a few grouping queries (:data:`QUERIES`, plain SPARQL 1.1) and put together
here, so the same code serves Oxigraph, Virtuoso or any SPARQL 1.1 store.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from .normalize import fold
from .store import STORE_NS, Unit, clear_totals_stale, make_unit, totals_stale
from .store import SUMMARY_GRAPH as _SUMMARY
from .vocab import PREFIXES, sparql_prefixes

SUMMARY_GRAPH = _SUMMARY.value
ST = STORE_NS

_XSD_INTEGER = ox.NamedNode(PREFIXES["xsd"] + "integer")
_RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_PREFIXES = sparql_prefixes()

#: What the totals are made of: each query reads one pattern per subquery (a scan) and joins
#: them by hash, and groups on node ids, so that few rows (and few strings) come back:
#: ~5 000 rows at 50 000 articles. ``{units}`` is a VALUES table: province -> its 2025 unit.
QUERIES = {
    # pairs (both orders) and the article graphs that state them
    "pairs": """SELECT ?a ?b (COUNT(DISTINCT ?g) AS ?n) WHERE {
        GRAPH ?g { ?a cg:cooperatesWith ?b } FILTER(?a != ?b) } GROUP BY ?a ?b""",
    "province_articles": """SELECT ?a (COUNT(DISTINCT ?g) AS ?n) WHERE {
        GRAPH ?g { ?a cg:cooperatesWith ?b } FILTER(?a != ?b) } GROUP BY ?a""",
    # the same on 2025 units, with the first and last publication date
    # (Virtuoso's variable names ignore case: ?unitA, not ?A beside ?a)
    "current_pairs": """SELECT ?unitA ?unitB (COUNT(DISTINCT ?g) AS ?n) (MIN(?date) AS ?first)
            (MAX(?date) AS ?last) WHERE {
        { SELECT ?g ?a ?b WHERE { GRAPH ?g { ?a cg:cooperatesWith ?b } } }
        { SELECT ?a ?unitA WHERE { VALUES (?a ?unitA) { {units} } } }
        { SELECT ?b ?unitB WHERE { VALUES (?b ?unitB) { {units} } } }
        FILTER(?unitA != ?unitB)
        OPTIONAL { SELECT ?g ?date WHERE { GRAPH ?g { ?article schema:datePublished ?date } } }
      } GROUP BY ?unitA ?unitB""",
    # agreements per pair of parties (both orders)
    "agreements": """SELECT ?a ?b (COUNT(DISTINCT ?x) AS ?n) WHERE {
        { SELECT ?x ?a WHERE { GRAPH ?g { ?x cg:party ?a } } }
        { SELECT ?x ?b WHERE { GRAPH ?g { ?x cg:party ?b } } }
        FILTER(?a != ?b) } GROUP BY ?a ?b""",
    # fundings per donor and recipient, whatever their status or amount
    "flows": """SELECT ?d ?r (COUNT(?f) AS ?n) WHERE {
        { SELECT ?f ?d WHERE { GRAPH ?g { ?f cg:donor ?d } } }
        { SELECT ?f ?r WHERE { GRAPH ?g { ?f cg:recipient ?r } } } } GROUP BY ?d ?r""",
    # fundings with a status and an amount, per donor, recipient, status and years
    "amounts": """SELECT ?d ?r ?s ?first ?last ?years (COUNT(?f) AS ?n) (SUM(?v) AS ?sum) WHERE {
        { SELECT ?f ?d WHERE { GRAPH ?g { ?f cg:donor ?d } } }
        { SELECT ?f ?r WHERE { GRAPH ?g { ?f cg:recipient ?r } } }
        { SELECT ?f ?s WHERE { GRAPH ?g { ?f cg:status ?s } } }
        { SELECT ?f ?m WHERE { GRAPH ?g { ?f schema:amount ?m } } }
        { SELECT ?m ?v WHERE { GRAPH ?g { ?m schema:value ?v } } }
        OPTIONAL { SELECT ?f (MIN(?y) AS ?first) (MAX(?y) AS ?last) (COUNT(DISTINCT ?y) AS ?years)
                   WHERE { GRAPH ?g { ?f cg:year ?y } } GROUP BY ?f }
      } GROUP BY ?d ?r ?s ?first ?last ?years""",
    "merged": "SELECT ?x ?y WHERE { GRAPH ?g { ?x cg:mergedInto ?y } }",
    "labels": "SELECT ?p ?l WHERE { GRAPH ?g { ?p a cg:Province ; rdfs:label ?l } }",
}


@dataclass
class Facts:
    """The rows of :data:`QUERIES`, as plain values (IRIs as strings)."""

    pairs: dict[tuple[str, str], int] = field(default_factory=dict)         # (a, b), both orders -> graphs
    province_articles: dict[str, int] = field(default_factory=dict)         # province -> graphs
    current_pairs: dict[tuple[str, str], tuple[int, ox.Literal | None, ox.Literal | None]] = field(
        default_factory=dict)                                               # (A, B) -> graphs, first, last
    agreements: dict[tuple[str, str], int] = field(default_factory=dict)    # (a, b), both orders
    flows: dict[tuple[str, str], int] = field(default_factory=dict)         # (donor, recipient)
    #: (donor, recipient, status, first year, last year, number of years) -> (fundings, đồng)
    amounts: dict[tuple[str, str, str, int | None, int | None, int], tuple[int, int]] = field(
        default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)                    # legacy unit -> 2025 unit
    labels: dict[str, str] = field(default_factory=dict)                    # province -> short name


def _gazetteer_maps(store: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Old unit -> 2025 unit, and province -> short name, from the gazetteer graph."""
    return ({s["x"].value: s["y"].value for s in store.query(_PREFIXES + QUERIES["merged"])},
            {s["p"].value: s["l"].value for s in store.query(_PREFIXES + QUERIES["labels"])})


def read_facts(store: Any, graphs: list[str] | None = None) -> Facts:
    """Run :data:`QUERIES` on a store (anything with ``query`` returning pyoxigraph solutions),
    over every article graph or over ``graphs`` only (their share of the totals)."""
    values = "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " } " if graphs is not None else ""

    def rows(name: str, **fill: str) -> Iterable[Any]:
        text = QUERIES[name]
        for key, value in fill.items():
            text = text.replace("{" + key + "}", value)
        text = text.replace("GRAPH ?g {", values + "GRAPH ?g {")
        return store.query(_PREFIXES + text)

    def num(term: Any) -> int | None:
        return None if term is None else int(term.value)

    facts = Facts()
    facts.merged, facts.labels = _gazetteer_maps(store)
    units = " ".join(f"(<{p}> <{facts.merged.get(p, p)}>)" for p in sorted(facts.labels))
    facts.pairs = {(s["a"].value, s["b"].value): num(s["n"]) for s in rows("pairs")}
    facts.province_articles = {s["a"].value: num(s["n"]) for s in rows("province_articles")}
    facts.current_pairs = {(s["unitA"].value, s["unitB"].value): (num(s["n"]), s["first"], s["last"])
                           for s in rows("current_pairs", units=units)}
    facts.agreements = {(s["a"].value, s["b"].value): num(s["n"]) for s in rows("agreements")}
    facts.flows = {(s["d"].value, s["r"].value): num(s["n"]) for s in rows("flows")}
    facts.amounts = {(s["d"].value, s["r"].value, s["s"].value, num(s["first"]), num(s["last"]),
                      num(s["years"]) or 0): (num(s["n"]), num(s["sum"])) for s in rows("amounts")}
    return facts


def _years_text(first: int, last: int, count: int) -> str:
    """What ``funding_given`` shows for one funding's years: "2014", "2014, 2016" or
    "2012–2015 (4 năm)"."""
    if count <= 1:
        return str(first)
    if count == 2:
        return f"{first}, {last}"
    return f"{first}–{last} ({count} năm)"


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
            obj = ox.Literal(str(value), datatype=_XSD_INTEGER)
        else:
            obj = value
        out.append(ox.Quad(ox.NamedNode(node), ox.NamedNode(ST + prop), obj, g))

    def pair(path: str, cls: str, a: str, b: str) -> str:
        node = f"{ST}{path}/{_key(a, b)}"
        kind(node, cls)
        add(node, "provinceA", a)
        add(node, "provinceB", b)
        return node

    # -- pairs and provinces: from the cooperatesWith edges (both directions in each graph)
    for (a, b), graphs in sorted(facts.pairs.items()):
        if a < b:
            node = pair("pair", "PairTotals", a, b)
            add(node, "articles", graphs)
            add(node, "agreements", facts.agreements.get((a, b), 0))
            add(node, "fundings", facts.flows.get((a, b), 0) + facts.flows.get((b, a), 0))
    partners: dict[str, list[int]] = defaultdict(list)
    for (a, _), graphs in facts.pairs.items():
        partners[a].append(graphs)
    for p in sorted(partners):
        node = f"{ST}province/{_key(p)}"
        kind(node, "ProvinceTotals")
        add(node, "province", p)
        add(node, "degree", len(partners[p]))
        add(node, "weightedDegree", sum(partners[p]))  # one report per article and partner
        add(node, "articles", facts.province_articles.get(p, 0))

    # -- the same pairs rolled up to the 2025 units, with the fundings given between them
    def current(p: str) -> str:
        return facts.merged.get(p, p)

    given: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for (d, r, status, *_), (count, total) in facts.amounts.items():
        big_d, big_r = current(d), current(r)
        if status == "given" and big_d != big_r:
            sums = given[min(big_d, big_r), max(big_d, big_r)]
            sums[0] += count
            sums[1] += total
    for (a, b), (graphs, first, last) in sorted(facts.current_pairs.items()):
        if a < b:
            node = pair("current", "CurrentPairTotals", a, b)
            add(node, "articles", graphs)
            if first is not None and last is not None:
                add(node, "firstDate", first)
                add(node, "lastDate", last)
            count, total = given.get((a, b), (0, 0))
            add(node, "givenFundings", count)
            add(node, "givenVnd", total)

    # -- fundings per donor, status and first year, with their recipients
    keys: dict[str, tuple[str, str]] = {}

    def folded(name: str) -> tuple[str, str]:
        key = keys.get(name)
        if key is None:
            key = keys[name] = (fold(name), name)
        return key

    groups: dict[tuple[str, str, int | None], list[tuple[str, int, int, str | None]]] = defaultdict(list)
    for (d, r, status, first, last, years), (count, total) in facts.amounts.items():
        span = _years_text(first, last, years) if first is not None and last is not None else None
        groups[d, status, first].append((r, count, total, span))
    for (d, status, year), rows in sorted(groups.items(), key=lambda kv: str(kv[0])):
        node = f"{ST}given/{_key(d, status, year)}"
        kind(node, "DonorYearTotals")
        add(node, "donor", d)
        add(node, "status", ox.Literal(status))
        if year is not None:
            add(node, "year", year)
            spans = sorted({span for *_, span in rows if span}, key=lambda t: (len(t), t))
            add(node, "years", ox.Literal("; ".join(spans)))
        add(node, "fundings", sum(count for _, count, _, _ in rows))
        add(node, "totalVnd", sum(total for _, _, total, _ in rows))
        recipients = {r for r, *_ in rows}
        add(node, "recipients", len(recipients))
        names = sorted({facts.labels.get(r, r) for r in recipients}, key=folded)
        add(node, "recipientNames", ox.Literal("; ".join(names)))
    return out


def summary_unit(store: Any) -> Unit:
    """The summary graph of what ``store`` holds now, as a unit to write."""
    return make_unit(SUMMARY_GRAPH, summary_quads(read_facts(store)), id="summary", kind="summary")


# -- incremental totals --------------------------------------------------------------------------
#
# Every total is a sum over article graphs (pairs, agreements and graphs are counted per graph, and
# no fact node is shared between two graphs), but the first and last date of a 2025 pair. The
# embedded store keeps the totals' facts beside it; a build that changes a few articles takes away
# the share of the graphs it replaces (read before they go), adds the share of those it writes (read
# after), and reads again from the store only the first and last date of a pair that lost a graph
# holding one of them.

#: A build that changes more graphs than this reads every article instead.
DELTA_MAX = 2000
TALLY_FILE = "coopgraph-totals.json"
TALLY_VERSION = 3


def _merge(base: Facts, share: Facts, sign: int) -> set[tuple[str, str]]:
    """Add (``sign`` 1) or take away (-1) a share of the facts; return the 2025 pairs whose first
    or last date may have gone with it."""
    for name in ("pairs", "province_articles", "agreements", "flows"):
        mine = getattr(base, name)
        for key, n in getattr(share, name).items():
            left = mine.get(key, 0) + sign * n
            if left > 0:
                mine[key] = left
            else:
                mine.pop(key, None)
    for key, (n, v) in share.amounts.items():
        count, total = base.amounts.get(key, (0, 0))
        if count + sign * n > 0:
            base.amounts[key] = (count + sign * n, total + sign * v)
        else:
            base.amounts.pop(key, None)
    dirty: set[tuple[str, str]] = set()
    for key, (n, first, last) in share.current_pairs.items():
        count, low, high = base.current_pairs.get(key, (0, None, None))
        if sign > 0:
            low = first if low is None or first is not None and _day(first) < _day(low) else low
            high = last if high is None or last is not None and _day(last) > _day(high) else high
        elif first is not None and (low is None or _day(first) <= _day(low)) or \
                last is not None and (high is None or _day(last) >= _day(high)):
            dirty.add(key)
        if count + sign * n > 0:
            base.current_pairs[key] = (count + sign * n, low, high)
        else:
            base.current_pairs.pop(key, None)
            dirty.discard(key)
    return dirty


def _day(term: ox.Literal) -> str:
    return term.value  # xsd:dateTime of one format: the text sorts as time runs


def _dates_of(store: Any, pairs: set[tuple[str, str]], merged: dict[str, str],
              labels: dict[str, str]) -> dict[tuple[str, str], tuple[Any, Any]]:
    """The first and last date of these 2025 pairs, read from the store (the provinces of each pair
    bound first: a few index lookups)."""
    units: dict[str, list[str]] = defaultdict(list)
    for p in labels:
        units[merged.get(p, p)].append(p)
    rows = " ".join(f"(<{a}> <{b}> <{ua}> <{ub}>)" for ua, ub in pairs for a in units[ua] for b in units[ub])
    if not rows:
        return {}
    text = (_PREFIXES + "SELECT ?unitA ?unitB (MIN(?date) AS ?first) (MAX(?date) AS ?last) WHERE { "
            f"VALUES (?a ?b ?unitA ?unitB) {{ {rows} }} GRAPH ?g {{ ?a cg:cooperatesWith ?b }} "
            "OPTIONAL { GRAPH ?g { ?article schema:datePublished ?date } } } GROUP BY ?unitA ?unitB")
    return {(s["unitA"].value, s["unitB"].value): (s["first"], s["last"]) for s in store.query(text)}


class Delta:
    """What a build changes in the totals: the share of the graphs it replaces (read before they
    go) and of the graphs it writes (read after). It stops tracking (and the build reads every
    article) past :data:`DELTA_MAX` graphs or on a store that keeps no totals beside it."""

    def __init__(self, store: Any) -> None:
        self.store = store
        path = _tally_path(store)  # (a first build keeps no facts yet: nothing to update)
        self.tracking = path is not None and path.is_file()
        self.removed, self.added = Facts(), Facts()
        self.graphs = 0

    def before(self, replaced: list[str], written: list[str]) -> None:
        """Before a batch is written: ``replaced`` of its ``written`` graphs are held already."""
        self.graphs += len(written)
        if self.graphs > DELTA_MAX:
            self.tracking = False
        if self.tracking and replaced:
            _merge(self.removed, read_facts(self.store, replaced), 1)

    def after(self, written: list[str]) -> None:
        if self.tracking and written:
            _merge(self.added, read_facts(self.store, written), 1)


def _tally_path(store: Any):
    path = getattr(store, "path", None)
    return None if path is None or not hasattr(store, "oxigraph") else path / TALLY_FILE


def _facts_json(facts: Facts) -> dict:
    """The facts as plain JSON, each IRI once (a table of strings, rows of numbers)."""
    codes: dict[str, int] = {}

    def c(v: Any) -> Any:
        return codes.setdefault(v, len(codes)) if isinstance(v, str) else v

    def lit(t: Any) -> Any:
        return None if t is None else [c(t.value), c(t.datatype.value)]

    out: dict[str, Any] = {name: [[c(a), c(b), n] for (a, b), n in getattr(facts, name).items()]
                           for name in ("pairs", "agreements", "flows")}
    out["province_articles"] = [[c(a), n] for a, n in facts.province_articles.items()]
    out["amounts"] = [[c(d), c(r), c(st), first, last, years, n, v]
                      for (d, r, st, first, last, years), (n, v) in facts.amounts.items()]
    out["current_pairs"] = [[c(a), c(b), n, lit(first), lit(last)]
                            for (a, b), (n, first, last) in facts.current_pairs.items()]
    return {"version": TALLY_VERSION, "strings": list(codes), "facts": out}


def _json_facts(data: dict) -> Facts:
    s = data["strings"]
    rows = data["facts"]

    def lit(t: Any) -> Any:
        return None if t is None else ox.Literal(s[t[0]], datatype=ox.NamedNode(s[t[1]]))

    f = Facts()
    for name in ("pairs", "agreements", "flows"):
        setattr(f, name, {(s[a], s[b]): n for a, b, n in rows[name]})
    f.province_articles = {s[a]: n for a, n in rows["province_articles"]}
    f.amounts = {(s[d], s[r], s[st], first, last, years): (n, v) for d, r, st, first, last, years, n, v in rows["amounts"]}
    f.current_pairs = {(s[a], s[b]): (n, lit(first), lit(last)) for a, b, n, first, last in rows["current_pairs"]}
    return f


def _saved_facts(store: Any, summary_hash: str | None) -> Facts | None:
    """The totals' facts kept beside the store, when they are those of the summary graph it holds."""
    path = _tally_path(store)
    if path is None or summary_hash is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != TALLY_VERSION or data.get("summary") != summary_hash:
            return None
        return _json_facts(data)
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None


def _save_facts(store: Any, facts: Facts, summary_hash: str) -> None:
    path = _tally_path(store)
    if path is None:
        return
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({**_facts_json(facts), "summary": summary_hash}, ensure_ascii=False,
                              separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)


def refresh(store: Any, delta: Delta | None = None) -> int:
    """Recompute the summary graph and write it when it changed; return the quads written.
    Then take away the store's mark that the totals are stale (:func:`store.totals_stale`).

    The old graph is dropped first and the new one bulk-loaded (one SPARQL Update of 150k
    triples takes 9 s on Oxigraph, the loader 1 s): derived data may be missing for a moment,
    and a process killed in between leaves no summary record, so the next build writes it;
    the writer marked the totals stale before it changed anything, so readers are told.
    """
    record = store.records([SUMMARY_GRAPH]).get(SUMMARY_GRAPH)
    facts = _saved_facts(store, record.graph_hash if record else None) \
        if delta is not None and delta.tracking else None
    if facts is not None:  # a few articles changed: their share only
        merged, labels = _gazetteer_maps(store)
        dirty = _merge(facts, delta.removed, -1)  # type: ignore[union-attr]
        _merge(facts, delta.added, 1)  # type: ignore[union-attr]
        for key, (first, last) in _dates_of(store, {k for k in dirty if k in facts.current_pairs},
                                            merged, labels).items():
            facts.current_pairs[key] = (facts.current_pairs[key][0], first, last)
        facts.merged, facts.labels = merged, labels
    else:
        facts = read_facts(store)
    unit = make_unit(SUMMARY_GRAPH, summary_quads(facts), id="summary", kind="summary")
    written = 0
    if record is None or record.graph_hash != unit.fingerprint():
        patched = store.patch_unit(unit) if record is not None and hasattr(store, "patch_unit") else None
        if patched is not None:  # a few totals changed: those triples only
            written = patched
        else:
            if record is not None:
                store.remove_graphs([SUMMARY_GRAPH])
            written = store.write_units([unit])
    _save_facts(store, facts, unit.fingerprint())
    if totals_stale(store):  # checked first: an unchanged store is not written to at all
        clear_totals_stale(store)
    return written
