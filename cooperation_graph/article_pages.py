"""``articles/<id>.html``: one article's text with its evidence highlighted, beside its facts
as a small graph (vis-network, laid out in the browser).

:class:`ArticlePages` draws the pages of many articles from one entity graph
(:func:`~cooperation_graph.projection.rdf_to_networkx`): the graph is indexed once (the nodes
and edges each article states), what a node's panel shows is made once per node, not once per
article naming it, and each page is the template of :mod:`cooperation_graph.vis_page` filled
by string replacement: 10,000 pages in a few seconds. :func:`render_article_view` draws one
article's own projection (its quads) the same way.

A node's panel keeps the evidence of this article only. The nodes of a page are numbered (its
``order`` holds their IRIs, for ``#node=<IRI>``), which keeps the page small. Nothing from the
article reaches the page but through ``html.escape`` or the escaped JSON of ``#cg-data``.
"""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from . import view_assets as assets
from .vis_page import assemble
from .views import (
    MAX_NODE_EVIDENCE,
    MAX_NODES,
    NODE_STYLES,
    PHYSICS_MAX_NODES,
    EDGE_LABEL_MAX,
    _entity_net,
    _entity_options,
    _evidence_info,
    _legend_html,
    _node_info,
    _node_type,
    _safe_url,
    _short,
    _vi_date,
    _vis_edge,
    highlight_spans,
)

_OPTIONS = _entity_options(compact=True, physics=True, n_nodes=0)
_TWIN = {"legacy": " (cũ)", "current": " (mới)"}


class _Node:
    """What every page showing a node shares: its style, label and panel without evidence."""

    __slots__ = ("kind", "label", "era", "info", "amount_score", "evidence", "_by_article")

    def __init__(self, attrs: Mapping[str, Any], entity_pages: str | None) -> None:
        self.kind = _node_type(attrs)
        self.label = str(attrs.get("label") or "")
        self.era = attrs.get("era") if attrs.get("type") == "province" else None
        self.info = _node_info({**attrs, "evidence": ()}, self.kind, False, entity_pages)
        amount = attrs.get("amount_vnd")
        self.amount_score = 0.35 * math.log10(1 + float(amount) / 1e9) if amount else 0.0
        self.evidence: list[Mapping[str, Any]] = list(attrs.get("evidence") or ())
        self._by_article: dict[Any, list[tuple[Mapping[str, Any], dict[str, Any]]]] | None = None

    def evidence_of(self, article_id: Any, strict: bool
                    ) -> list[tuple[Mapping[str, Any], dict[str, Any]]]:
        """The node's evidence from this article, each with what its panel shows of it
        (made once per evidence); ``strict``: not the evidence of an article the store does
        not describe."""
        if self._by_article is None:
            self._by_article = defaultdict(list)
            for ev in self.evidence:
                (item,) = _evidence_info([ev], False)["ev"]
                self._by_article[ev.get("article_id")].append((ev, item))
        found = self._by_article.get(article_id, [])
        loose = [] if strict else self._by_article.get(None, [])
        return found + loose if loose else found


def _panel_evidence(found: list[tuple[Mapping[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """``ev`` and ``more`` of a node's panel, as :func:`views._evidence_info` makes them."""
    if not found:
        return {}
    if len(found) <= MAX_NODE_EVIDENCE:
        return {"ev": [item for _, item in found]}
    newest = sorted(found, key=lambda pair: str(pair[0].get("article_date") or ""), reverse=True)
    return {"ev": [item for _, item in newest[:MAX_NODE_EVIDENCE]],
            "more": len(found) - MAX_NODE_EVIDENCE}


class ArticlePages:
    """The pages of the articles of one entity graph.

    ``whole``: ``G`` is one article's own projection (every node and edge on its page);
    else each article's page holds the nodes and edges stating it (as
    :func:`~cooperation_graph.projection.article_subgraphs`). ``shared_assets``, ``nav``,
    ``entity_pages``: as :func:`render_article_view` takes them."""

    def __init__(self, G: nx.MultiDiGraph, *, whole: bool = False,
                 shared_assets: str | None = None, nav: str = "",
                 entity_pages: str | None = None) -> None:
        self.G = G
        self.whole = whole
        self.shared_assets = shared_assets
        self.nav = nav
        self.entity_pages = entity_pages
        self._nodes: dict[Any, _Node] = {}
        self._of: dict[str, tuple[set[Any], list[tuple[Any, Any, Any, Any]]]] | None = None

    def members(self, article_id: Any) -> tuple[list[Any], list[tuple[Any, Any, Any, Any]]]:
        """The nodes (sorted) and edges ``(u, v, key, attrs)`` on an article's page."""
        G = self.G
        if self.whole:
            return sorted(G.nodes, key=str), list(G.edges(keys=True, data=True))
        if self._of is None:  # article -> its nodes and edges, for all articles at once
            index: dict[str, tuple[set[Any], list[tuple[Any, Any, Any, Any]]]] = defaultdict(
                lambda: (set(), []))
            for node, attrs in G.nodes(data=True):
                for art in attrs.get("articles") or ():
                    index[art][0].add(node)
            for u, v, key, attrs in G.edges(keys=True, data=True):
                for art in attrs.get("articles") or ():
                    nodes, edges = index[art]
                    edges.append((u, v, key, attrs))
                    nodes.update((u, v))
            self._of = index
        nodes, edges = self._of.get(article_id, (set(), []))
        return sorted(nodes, key=str), edges

    def node(self, node: Any) -> _Node:
        found = self._nodes.get(node)
        if found is None:
            found = self._nodes[node] = _Node(self.G.nodes[node], self.entity_pages)
        return found

    def page(self, article: Mapping[str, Any], text: str | None = None, named: str = ""
             ) -> tuple[str, int]:
        """The page of ``article`` (a record: ``id``, ``title``, ``date``, ``url``,
        ``source``) and how many nodes it draws; ``text``, ``named``: see
        :func:`render_article_view`."""
        art = article.get("id")
        members, edges = self.members(art)
        if len(members) > PHYSICS_MAX_NODES:
            data, evidence = self._large(members, edges, art)
        else:
            data, evidence = self._data(members, edges, art)
        spans: list[tuple[int, int, str, int]] = []
        for number, kind, found in evidence:
            for ev in found:
                start, end = ev.get("start"), ev.get("end")
                if isinstance(start, int) and isinstance(end, int):
                    spans.append((start, end, kind, number))
        if text:
            body = "<p>" + highlight_spans(text, spans) + "</p>"
        else:
            excerpt, spans = _excerpt_from_evidence(
                (ev for _, _, found in evidence for ev in found), spans)
            body = ('<p class="cg-muted">Toàn văn không có trong kho; đây là các câu làm bằng '
                    "chứng theo thứ tự trong bài ([…] = đoạn bị lược).</p><p>"
                    + highlight_spans(excerpt, spans) + "</p>")
        url = _safe_url(article.get("url"))
        meta = " · ".join(html.escape(str(x)) for x in (article.get("source"),
                                                         _vi_date(article.get("date"))) if x)
        link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" '
                f'rel="noopener noreferrer">bài gốc</a>' if url else "")
        counts = Counter(i["t"] for i in data["info"].values())
        side = assets.ARTICLE_SIDE.format(
            nav=self.nav,
            title=html.escape(str(article.get("title") or art or "")),
            meta=meta + link,
            named=named,
            legend=_legend_html(data["types"], counts, filters=False),
            body=body,
        )
        page_title = f"{article.get('title') or art} — hợp tác"
        page = assemble("article", title=page_title, side_html=side, data=data,
                        shared=self.shared_assets)
        return page, len(data["order"])

    def _data(self, members: list[Any], edges: list[tuple[Any, Any, Any, Any]], art: Any
              ) -> tuple[dict[str, Any], list[tuple[str, str, list[Mapping[str, Any]]]]]:
        """Page data and each node's evidence, for a page the browser lays out."""
        parts = [self.node(n) for n in members]
        names = Counter(p.label for p in parts if p.era is not None)
        degree: Counter[Any] = Counter()
        for u, v, _, _ in edges:
            degree[u] += 1
            degree[v] += 1
        vis_nodes, info, evidence = [], {}, []
        strict = not self.whole
        number = {node: i for i, node in enumerate(members)}
        for i, (node, part) in enumerate(zip(members, parts)):
            label = part.label
            if part.era and names[label] > 1:  # old and new unit of one name, both here
                label += _TWIN.get(str(part.era), "")
            style = NODE_STYLES[part.kind]
            size = min(10 + 7 * (math.sqrt(degree[node]) + part.amount_score), 30)
            vis_nodes.append({"id": i, "label": _short(label or str(node)),
                              "shape": style.shape, "color": style.color,
                              "size": round(size, 1)})
            found = part.evidence_of(art, strict)
            entry = dict(part.info)
            if label != part.label:
                entry["l"] = label
            entry.update(_panel_evidence(found))
            info[i] = entry
            evidence.append((i, part.kind, [ev for ev, _ in found]))
        keyed = sorted(((str(u), str(v), str(attrs.get("label")), k, u, v, attrs)
                        for k, (u, v, _, attrs) in enumerate(edges)), key=lambda e: e[:4])
        show_labels = len(keyed) <= EDGE_LABEL_MAX
        vis_edges = [_vis_edge(n, number[u], number[v], attrs, show_labels)
                     for n, (_, _, _, _, u, v, attrs) in enumerate(keyed)]
        data = {
            "view": "article",
            "info": info,
            "order": [str(n) for n in members],
            "types": sorted({p.kind for p in parts}, key=list(NODE_STYLES).index),
            "physics": True,
            "expected": {"nodes": len(members), "edges": len(edges)},
            "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": _OPTIONS},
        }
        return data, evidence

    def _large(self, members: list[Any], edges: list[tuple[Any, Any, Any, Any]], art: Any
               ) -> tuple[dict[str, Any], list[tuple[str, str, list[Mapping[str, Any]]]]]:
        """A page too large for the browser's layout: the entity graph's own drawing (laid
        out here, the best-connected nodes only above :data:`views.MAX_NODES`)."""
        strict = not self.whole
        sub = nx.MultiDiGraph()
        for node in members:
            sub.add_node(node, **{**self.G.nodes[node], "evidence": [
                ev for ev, _ in self.node(node).evidence_of(art, strict)]})
        for u, v, k, attrs in edges:
            sub.add_edge(u, v, key=k, **attrs)
        data, _ = _entity_net(sub, article_links=False, max_nodes=MAX_NODES, compact=True,
                              entity_pages=self.entity_pages)
        order = list(data["info"])  # the nodes drawn, numbered as on every article page
        number = {node_id: i for i, node_id in enumerate(order)}
        for item in data["vis"]["nodes"]:
            item["id"] = number[item["id"]]
        for item in data["vis"]["edges"]:
            item["from"], item["to"] = number[item["from"]], number[item["to"]]
        data.update(view="article", order=order,
                    info={number[k]: v for k, v in data["info"].items()})
        evidence = [(number[node_id], data["info"][number[node_id]]["t"],
                     list(sub.nodes[n]["evidence"]))
                    for n in members if (node_id := str(n)) in number]
        return data, evidence


def _excerpt_from_evidence(
    evidence: Iterable[Mapping[str, Any]], spans: list[tuple[int, int, str, int]]
) -> tuple[str, list[tuple[int, int, str, int]]]:
    """The evidence sentences in article order joined by ``[…]``, spans moved onto them."""
    sentences: dict[tuple[int, int], str] = {}
    for ev in evidence:
        start, end = ev.get("start"), ev.get("end")
        if isinstance(start, int) and isinstance(end, int) and ev.get("sentence"):
            sentences.setdefault((start, end), str(ev["sentence"]))
    parts, moved, cursor = [], {}, 0
    for start, end in sorted(sentences):
        if parts:
            parts.append("\n[…]\n")
            cursor += 5
        moved[(start, end)] = (cursor, cursor + len(sentences[(start, end)]))
        parts.append(sentences[(start, end)])
        cursor += len(sentences[(start, end)])
    new_spans = [(*moved[(s, e)], t, i) for s, e, t, i in spans if (s, e) in moved]
    return "".join(parts), new_spans


def render_article_view(
    G: nx.MultiDiGraph,
    *,
    article: Mapping[str, Any],
    text: str | None = None,
    shared_assets: str | None = None,
    nav: str = "",
    entity_pages: str | None = None,
    named: str = "",
) -> str:
    """One article: its text with the evidence highlighted, beside its facts as a graph.

    ``G`` is the article's projection (:func:`~cooperation_graph.projection.rdf_to_networkx`
    of its quads); ``article`` has ``id``, ``title``, ``date``, ``url``; ``text`` is the
    normalized article text the evidence offsets point into. Without it the evidence sentences
    are shown in article order. ``shared_assets``: the relative URL of the folder
    :func:`~cooperation_graph.vis_page.write_shared_assets` wrote (else all is embedded);
    ``nav``: see :func:`views.page_nav`; ``entity_pages``: see
    :func:`views.render_entity_graph`; ``named``: HTML of the provinces and officials the
    article names (:func:`entity_pages.named_html`).
    """
    pages = ArticlePages(G, whole=True, shared_assets=shared_assets, nav=nav,
                         entity_pages=entity_pages)
    return pages.page(article, text, named)[0]


__all__ = ["ArticlePages", "render_article_view"]
