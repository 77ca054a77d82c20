"""RDF -> networkx: the graphs the views draw (and GraphML/GEXF exports can write).

Everything is read through :mod:`cooperation_graph.reading` (one pass over an Oxigraph store's
graphs, or a handful of SPARQL SELECTs on a server); the pieces are joined here. ``source`` is a
store (anything with ``select(sparql)`` or ``query(sparql)``, see
:mod:`cooperation_graph.store`), a ``pyoxigraph.Store``, an iterable of ``pyoxigraph.Quad`` (for
example ``mapping.extraction_to_quads(extraction)``), or a
:class:`~cooperation_graph.reading.StoreReading` of one: pass the same reading to every function
here (:func:`read_source`) and the store is read once for all of them.

:func:`rdf_to_networkx` -- ``nx.MultiDiGraph``, node id = IRI. Node attributes:

* all: ``type`` (``province``, ``official``, ``agreement``, ``funding``, ``investment``,
  ``event``), ``label``, ``iri``, ``articles`` (sorted article ids), ``evidence`` (list of dicts:
  ``sentence``, ``start``, ``end``, ``confidence``, ``article_id``, ``article_title``,
  ``article_date`` (ISO date), ``article_url``);
* province: ``code``, ``era``, ``lat``, ``lon``, ``successor`` (label of the 2025 unit);
* official: ``posts`` (``"Bí thư Thành ủy (Hà Nội)"``; central posts without a province),
  ``province`` (label of the province served);
* agreement: ``kind``, ``n_contents``, ``fields``, ``period``, ``status``, ``signatories``;
* funding: ``amount_vnd``, ``qualifier``, ``purpose``, ``years``, ``status``;
* investment: ``amount_vnd`` (capital), ``qualifier``, ``projects``;
* event: ``kind``, ``date`` (ISO), ``place``.

Edges carry ``label`` (Vietnamese), ``predicate`` (IRI), ``articles`` (ids of the articles
stating it) and ``symmetric`` (True for ``hợp tác với``); money flows donor -> funding -> recipient, investor -> investment -> host,
officials point to what they chair, sign and serve.

:func:`province_network` -- ``nx.Graph`` of one era's provinces (all of them, placed by ``lat`` /
``lon``; ``successor``, ``merged_with`` for a former unit, ``formed_from`` for a current one),
edges with ``articles`` (number of articles reporting the pair), ``agreements``,
``fundings``, ``funding_vnd``, ``investments``, ``investment_vnd`` and ``weight`` = articles +
agreements + fundings + investments. With ``era="current"`` the 63 former units are rolled up
into their successors (a pair inside one merged unit disappears). With ``years=(first, last)``
only what happened in those years counts: a funding or investment by its own years where the
article gives them, everything else by the publication year of the article reporting it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import QueryError
from .reading import FACT_TYPES, StoreReading, reading_of
from .vocab import CG_NS, PREFIXES

#: predicate (local name in cg:, or a full IRI) -> (edge label, direction).
#: ``out``: node -> object; ``in``: object -> node (so money and action read left to right).
EDGE_RULES: dict[str, tuple[str, str]] = {
    CG_NS + "serves": ("công tác tại", "out"),
    CG_NS + "party": ("bên tham gia", "out"),
    CG_NS + "signatory": ("ký", "in"),
    CG_NS + "donor": ("hỗ trợ", "in"),
    CG_NS + "recipient": ("cho", "out"),
    CG_NS + "investor": ("đầu tư", "in"),
    CG_NS + "host": ("tại", "out"),
    CG_NS + "chair": ("chủ trì", "in"),
    PREFIXES["schema"] + "attendee": ("tham dự", "in"),
    PREFIXES["schema"] + "organizer": ("tổ chức", "in"),
    PREFIXES["schema"] + "location": ("diễn ra tại", "out"),
}
COOPERATES = CG_NS + "cooperatesWith"

# --------------------------------------------------------------------------------------------
# Reading


def read_source(source: Any) -> StoreReading:
    """A reading of ``source`` to pass to every function here, so the store is read once
    (a store folder is opened read-only; quads are loaded into one in-memory store)."""
    return StoreReading(source)


def open_source(source: Any) -> Any:
    """A store folder opened read-only, quads loaded into one in-memory store, else as given:
    something every function here can query more than once."""
    return StoreReading(source).source


def _iso_date(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] if value else None


def _article_table(rows: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Article IRI -> its metadata (id, title, date, url, source, graph)."""
    table: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = table.setdefault(row["a"], {"iri": row["a"], "graph": row["g"]})
        for key in ("id", "title", "url", "source", "hash"):
            if row.get(key) is not None and not entry.get(key):
                entry[key] = str(row[key])
        if row.get("date") is not None and not entry.get("date"):
            entry["date"] = _iso_date(row["date"])
        entry.setdefault("id", row["a"].rsplit("/", 1)[-1])
    return table


def _province_table(rows: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = table.setdefault(row["p"], {"iri": row["p"]})
        for key in ("label", "code", "era", "lat", "lon", "succ"):
            if row.get(key) is not None and entry.get(key) is None:
                value = row[key]
                entry[key] = float(value) if key in ("lat", "lon") else str(value)
    for entry in table.values():
        entry.setdefault("label", _fallback_label(entry["iri"]))
    return table


def _fallback_label(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


# --------------------------------------------------------------------------------------------
# Entity graph


def rdf_to_networkx(source: Any) -> nx.MultiDiGraph:
    """The entity graph: officials, provinces and facts as nodes, relationships as edges."""
    from .views import format_vnd

    src = reading_of(source)
    articles = _article_table(src.table("article_rows"))
    provinces = _province_table(src.table("province_rows"))
    facts: dict[str, dict[str, Any]] = {}
    # subject -> predicate -> its values, in the order first seen (a dict: officials have
    # a thousand articles)
    seen: dict[str, dict[str, dict[Any, None]]] = defaultdict(dict)
    graph_article = {a["graph"]: a["id"] for a in articles.values()}
    said_in: dict[tuple[str, str, Any], set[str]] = defaultdict(set)  # edge -> article ids
    for (subject, cls), statements in src.table("facts").items():
        local = cls.rsplit("#", 1)[-1]
        if not cls.startswith(CG_NS) or local not in FACT_TYPES:
            continue
        facts[subject] = {"type": FACT_TYPES[local]}
        mine = seen[subject]
        for pred, value, graph in statements:
            bucket = mine.get(pred)
            if bucket is None:
                bucket = mine[pred] = {}
            bucket[value] = None
            if pred in EDGE_RULES and graph in graph_article:
                said_in[(subject, pred, value)].add(graph_article[graph])
    values = {s: {p: list(b) for p, b in preds.items()} for s, preds in seen.items()}
    amounts = src.table("amounts")

    G = nx.MultiDiGraph()

    def add_province(iri: str) -> None:
        if iri in G:
            return
        info = provinces.get(iri, {"label": _fallback_label(iri)})
        succ = info.get("succ")
        G.add_node(iri, type="province", iri=iri, label=info.get("label"),
                   code=info.get("code"), era=info.get("era"), lat=info.get("lat"),
                   lon=info.get("lon"),
                   successor=provinces.get(succ, {}).get("label") if succ else None,
                   articles=[], evidence=[])

    def label_of(iri: str) -> str:
        if iri in provinces:
            return str(provinces[iri]["label"])
        names = values.get(iri, {}).get(PREFIXES["schema"] + "name")
        return str(names[0]) if names else _fallback_label(iri)

    for iri in sorted(facts):
        kind = facts[iri]["type"]
        v = values[iri]

        def one(pred: str, ns: str = CG_NS, v: Mapping[str, list[Any]] = v) -> Any:
            found = v.get(ns + pred)
            return found[0] if found else None

        def many(pred: str, ns: str = CG_NS, v: Mapping[str, list[Any]] = v) -> list[Any]:
            return sorted(v.get(ns + pred, []), key=str)

        attrs: dict[str, Any] = {"type": kind, "iri": iri}
        art_ids = sorted({articles[a]["id"] for a in v.get(PREFIXES["prov"] + "wasDerivedFrom", [])
                          if a in articles})
        attrs["articles"] = art_ids
        if kind == "official":
            attrs["label"] = str(one("name", PREFIXES["schema"]) or _fallback_label(iri))
            served = many("serves")
            attrs["province"] = label_of(served[0]) if served else None
        elif kind == "agreement":
            attrs.update(kind=one("kind"), n_contents=one("contentCount"),
                         fields=[str(x) for x in many("field")], period=one("period"),
                         status=one("status"))
            attrs["signatories"] = [label_of(x) for x in many("signatory")] + [
                str(x) for x in many("signatoryText")]
            attrs["label"] = _sentence_case(attrs["kind"] or "thỏa thuận hợp tác") + (
                f" · {attrs['n_contents']} nội dung" if attrs["n_contents"] else "")
        elif kind == "funding":
            amount = amounts.get(iri)
            years = sorted(int(y) for y in many("year"))
            attrs.update(amount_vnd=amount, qualifier=one("qualifier"), purpose=one("purpose"),
                         years=years, status=one("status"))
            attrs["label"] = " · ".join(
                x for x in (format_vnd(amount, attrs["qualifier"]) if amount else "hỗ trợ",
                            ", ".join(str(y) for y in years)) if x)
        elif kind == "investment":
            amount = amounts.get(iri)
            attrs.update(amount_vnd=amount, qualifier=one("qualifier"),
                         projects=one("projectCount"))
            parts = [f"{attrs['projects']} dự án" if attrs["projects"] else "đầu tư"]
            if amount:
                parts.append(format_vnd(amount, attrs["qualifier"]))
            attrs["label"] = " · ".join(parts)
        elif kind == "event":
            when = one("startDate", PREFIXES["schema"])
            place = one("location", PREFIXES["schema"])
            attrs.update(kind=one("kind"), date=_iso_date(when),
                         place=label_of(place) if place else None)
            attrs["label"] = _sentence_case(attrs["kind"] or "sự kiện") + (
                f" · {when:%d/%m/%Y}" if isinstance(when, date) else "")
        G.add_node(iri, **attrs, evidence=[])

    # posts of officials, with the province of a provincial post
    posts: dict[str, set[str]] = defaultdict(set)
    for person, label, unit in src.table("posts"):
        text = label + (f" ({label_of(unit)})" if unit else "")
        posts[person].add(text)
    for person, items in posts.items():
        if person in G:
            G.nodes[person]["posts"] = sorted(items)

    # edges from the facts' object properties
    for iri in sorted(facts):
        for pred, objects in values[iri].items():
            rule = EDGE_RULES.get(pred)
            if not rule:
                continue
            label, direction = rule
            for obj in objects:
                if not isinstance(obj, str) or not obj.startswith(("http://", "https://")):
                    continue
                if obj in provinces:
                    add_province(obj)
                elif obj not in G:
                    continue  # a target that is not an entity of this graph
                u, v = (iri, obj) if direction == "out" else (obj, iri)
                if not G.has_edge(u, v, key=label):
                    G.add_edge(u, v, key=label, label=label, predicate=pred, symmetric=False,
                               articles=sorted(said_in.get((iri, pred, obj), ())))

    # province <-> province cooperation, one edge per pair
    node_articles: dict[str, set[str]] = defaultdict(set)
    pair_articles: dict[tuple[str, str], set[str]] = {}
    for p, q, graph in src.table("cooperates"):
        p, q = sorted((p, q))
        if p == q:
            continue
        found = pair_articles.setdefault((p, q), set())
        art = graph_article.get(graph)
        if art:
            found.add(art)
            node_articles[p].add(art)
            node_articles[q].add(art)
    for p, q in sorted(pair_articles):
        add_province(p)
        add_province(q)
        if not G.has_edge(p, q, key="hợp tác với"):
            G.add_edge(p, q, key="hợp tác với", label="hợp tác với", predicate=COOPERATES,
                       symmetric=True, articles=[])
        edge = G.edges[p, q, "hợp tác với"]
        edge["articles"] = sorted(set(edge["articles"]) | pair_articles[(p, q)])
    for node, attrs in G.nodes(data=True):
        attrs["articles"] = sorted(set(attrs["articles"]) | node_articles.get(node, set()))

    # evidence with its article
    for subject, items in src.table("evidence").items():
        if subject not in G:
            continue
        found: dict[tuple[Any, Any, str], dict[str, Any]] = {}
        for start, end, conf, art_iri, sentence in items:
            art = articles.get(art_iri, {})
            item = {
                "sentence": sentence,
                "start": start,
                "end": end,
                "confidence": conf,
                "article_id": art.get("id"),
                "article_title": art.get("title"),
                "article_date": art.get("date"),
                "article_url": art.get("url"),
            }
            found.setdefault((start, end, art_iri), item)
        G.nodes[subject]["evidence"] = [
            found[k] for k in sorted(found, key=lambda k: (k[2], k[0] or 0, k[1] or 0))]
    return G


def _sentence_case(text: str) -> str:
    text = str(text).strip()
    return text[:1].upper() + text[1:]


def article_records(source: Any) -> list[dict[str, Any]]:
    """Every article in the source: ``id``, ``title``, ``date``, ``url``, ``source``, ``iri``,
    ``graph``, ``hash`` (content hash)."""
    table = _article_table(reading_of(source).table("article_rows"))
    return sorted(table.values(), key=lambda a: (a.get("date") or "", a["id"]))


def article_texts(source: Any, records: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Article id -> normalized text, for articles whose source file the store recorded and
    which still reads with the same content hash (so evidence offsets still point right).

    The store keeps no article text; files that moved or changed are simply left out.
    """
    records = list(records)
    wanted = {str(r["id"]) for r in records}
    sources = {path: [i for i in ids if i in wanted]
               for path, ids in article_text_sources(source).items()}
    return texts_of(records, read_article_texts(sources))


def article_text_sources(source: Any) -> dict[str, list[str]]:
    """Source file -> ids of the articles the store read from it, from the store's records
    alone (plain data, so another process can read the texts while the store is read)."""
    wanted: dict[str, list[str]] = defaultdict(list)
    for unit in reading_of(source).records().values():
        if getattr(unit, "source", None) and getattr(unit, "id", None):
            wanted[str(unit.source)].append(str(unit.id))
    return dict(wanted)


def read_article_texts(wanted: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, str]]:
    """Article id -> (content hash, normalized text), read from each source file of
    :func:`article_text_sources`; :func:`texts_of` keeps those still matching the store."""
    from .errors import CooperationGraphError
    from .ingest import read_articles

    found: dict[str, tuple[str, str]] = {}
    for path, ids in wanted.items():
        ids = set(ids)
        try:
            for article in read_articles(Path(path)):
                if article.id in ids:
                    found[article.id] = (article.content_hash, article.text)
        except (CooperationGraphError, OSError):
            continue  # gone or unreadable: the view falls back to the evidence sentences
    return found


def texts_of(records: Iterable[Mapping[str, Any]], found: Mapping[str, tuple[str, str]]
             ) -> dict[str, str]:
    """Article id -> text, for the records whose text :func:`read_article_texts` read with
    the content hash the store holds (a changed file no longer matches the offsets)."""
    texts = {}
    for record in records:
        got = found.get(str(record["id"]))
        if got is not None and record.get("hash") and got[0] == record["hash"]:
            texts[str(record["id"])] = got[1]
    return texts


def article_subgraph(G: nx.MultiDiGraph, article_id: str) -> nx.MultiDiGraph:
    """The part of an entity graph one article states: its facts, the entities its statements
    link them to, and only its own evidence."""
    return dict(article_subgraphs(G, [article_id]))[article_id]


def article_subgraphs(
    G: nx.MultiDiGraph, article_ids: Iterable[str] | None = None
) -> Iterator[tuple[str, nx.MultiDiGraph]]:
    """``(article id, subgraph)`` for many articles, indexing ``G`` once (not once per article)."""
    nodes_of: dict[str, set[Any]] = defaultdict(set)
    edges_of: dict[str, list[tuple[Any, Any, Any]]] = defaultdict(list)
    for node, attrs in G.nodes(data=True):
        for art in attrs.get("articles") or ():
            nodes_of[art].add(node)
    for u, v, key, attrs in G.edges(keys=True, data=True):
        for art in attrs.get("articles") or ():
            edges_of[art].append((u, v, key))
    wanted = sorted(set(nodes_of) | set(edges_of)) if article_ids is None else article_ids
    for art in wanted:
        sub = nx.MultiDiGraph()
        members = set(nodes_of.get(art, ()))
        for u, v, _ in edges_of.get(art, ()):
            members.update((u, v))
        for node in sorted(members, key=str):
            attrs = dict(G.nodes[node])
            attrs["evidence"] = [e for e in attrs.get("evidence") or ()
                                 if e.get("article_id") == art]
            sub.add_node(node, **attrs)
        for u, v, key in edges_of.get(art, ()):
            sub.add_edge(u, v, key=key, **G.edges[u, v, key])
        yield art, sub


# --------------------------------------------------------------------------------------------
# Province network


def province_network(source: Any, era: str = "legacy",
                     years: tuple[int | None, int | None] | None = None) -> nx.Graph:
    """One era's provinces at their coordinates, edges weighted by the cooperation reported.

    ``years=(first, last)`` (inclusive, either may be None) keeps what happened in those years
    (see the module docstring); articles without a date then count for no year.
    """
    if era not in ("legacy", "current"):
        raise QueryError(f"unknown era {era!r}: use 'legacy' (63 units) or 'current' (34)")
    src = reading_of(source)
    provinces = _province_table(src.table("province_rows"))
    articles = _article_table(src.table("article_rows"))
    by_graph = {a["graph"]: a["id"] for a in articles.values()}
    first, last = years or (None, None)
    limited = first is not None or last is not None
    graph_year = {a["graph"]: int(a["date"][:4]) for a in articles.values()
                  if str(a.get("date") or "")[:4].isdigit()}

    def in_range(year: int | None) -> bool:
        if not limited:
            return True
        if year is None:
            return False
        return (first is None or year >= first) and (last is None or year <= last)

    flow_years: dict[str, set[int]] = defaultdict(set)
    for flow, year in src.table("flow_years"):
        if str(year if year is not None else "").lstrip("-").isdigit():
            flow_years[flow].add(int(year))

    def unit(iri: str) -> str | None:
        """The node of ``iri`` in this era's network (legacy units roll up when current)."""
        info = provinces.get(iri)
        if info is None:
            return None
        if info.get("era") == era:
            return iri
        if era == "current" and info.get("succ") in provinces:
            return str(info["succ"])
        return None  # a current unit cannot be split back into the 63

    merged: dict[str, list[str]] = defaultdict(list)  # successor -> labels of its former units
    for info in provinces.values():
        if info.get("era") == "legacy" and info.get("succ"):
            merged[str(info["succ"])].append(str(info.get("label")))
    P = nx.Graph(era=era)
    for iri, info in sorted(provinces.items()):
        if info.get("era") != era:
            continue
        succ = str(info.get("succ") or "")
        successor = provinces.get(succ, {}).get("label")
        P.add_node(iri, label=info.get("label"), code=info.get("code"), era=era,
                   lat=info.get("lat"), lon=info.get("lon"), successor=successor,
                   merged_with=sorted(x for x in merged.get(succ, []) if x != info.get("label")),
                   formed_from=sorted(merged.get(iri, [])))

    # what each pair counts, each item with its year (None: not known), for views choosing a range
    pair_articles: dict[tuple[str, str], dict[str, int | None]] = defaultdict(dict)
    counts: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def pair(a: str, b: str) -> tuple[str, str] | None:
        ua, ub = unit(a), unit(b)
        if ua is None or ub is None or ua == ub:
            return None
        return (ua, ub) if ua < ub else (ub, ua)

    for p1, p2, graph in src.table("cooperations"):
        key = pair(p1, p2)
        if key and in_range(graph_year.get(graph)):
            pair_articles[key][by_graph.get(graph, graph)] = graph_year.get(graph)
    agreements: dict[tuple[str, str], dict[str, int | None]] = defaultdict(dict)
    for agreement, p1, p2, graph in src.table("agreement_pairs"):
        key = pair(p1, p2)
        if key and in_range(graph_year.get(graph)):
            agreements[key].setdefault(agreement, graph_year.get(graph))
            pair_articles[key][by_graph.get(graph, graph)] = graph_year.get(graph)
    for key, items in agreements.items():
        counts[key]["agreements"] = len(items)
    flows: dict[tuple[str, str, str], dict[str, int | None]] = {}
    for flow, kind, giver, receiver, value, graph in src.table("flows"):
        key = pair(giver, receiver)
        own = flow_years.get(flow) if limited else None  # a funding's own years, when the article gives them
        when = any(in_range(y) for y in own) if own else in_range(graph_year.get(graph))
        if key and when:
            # (its year: the first the article gives it, else the article's)
            flows[(kind, flow, "|".join(key))] = {"value": int(value or 0),
                                                  "year": min(flow_years.get(flow) or {graph_year.get(graph) or 0})}
            pair_articles[key][by_graph.get(graph, graph)] = graph_year.get(graph)
    flow_years_of: dict[tuple[str, str], list[int | None]] = defaultdict(list)
    for (kind, _, joined), flow in flows.items():
        a, b = joined.split("|")
        counts[(a, b)][kind + "s"] += 1
        counts[(a, b)][kind + "_vnd"] += flow["value"] or 0
        flow_years_of[(a, b)].append(flow["year"])
    for key in set(counts) | set(pair_articles):
        c = counts[key]
        n_articles = len(pair_articles[key])
        attrs = {
            "articles": n_articles,
            "agreements": int(c["agreements"]),
            "fundings": int(c["fundings"]),
            "funding_vnd": int(c["funding_vnd"]),
            "investments": int(c["investments"]),
            "investment_vnd": int(c["investment_vnd"]),
        }
        attrs["weight"] = (n_articles + attrs["agreements"] + attrs["fundings"]
                           + attrs["investments"])
        # the weight year by year (0: no year known): each article, agreement and amount once
        years = Counter(y or 0 for y in [*pair_articles[key].values(), *agreements.get(key, {}).values(),
                                           *flow_years_of.get(key, ())])
        attrs["by_year"] = dict(sorted(years.items()))
        P.add_edge(*key, **attrs)
    return P


def province_networks(source: Any, years: tuple[int | None, int | None] | None = None
                      ) -> dict[str, nx.Graph]:
    """Both eras' province networks, read once from the source (``years`` as in
    :func:`province_network`)."""
    src = reading_of(source)
    return {era: province_network(src, era=era, years=years) for era in ("legacy", "current")}


__all__ = [
    "EDGE_RULES",
    "FACT_TYPES",
    "article_records",
    "article_subgraph",
    "article_subgraphs",
    "article_text_sources",
    "article_texts",
    "province_network",
    "province_networks",
    "rdf_to_networkx",
    "read_article_texts",
    "read_source",
    "texts_of",
]
