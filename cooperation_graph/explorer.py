"""``graph.html`` of a large entity graph: search first, then a neighbourhood.

Above :data:`EXPLORE_ABOVE` nodes the graph is not drawn whole (a browser cannot lay out
thousands of nodes, and a picture of them says nothing). The page opens on a search box and
short lists: the most connected provinces, the newest agreements, the largest fundings, and
every province (each unit once, its era as a tag). Choosing an entity draws it with its
neighbours; each drawn node can be expanded by one more hop; never more than
:data:`MAX_DRAWN` nodes at once (the best-connected neighbours first, the rest counted), laid
out in the browser and zoomed to fit; hovering a node highlights its neighbours.

The page holds no graph. Beside it, under ``assets/``, scripts that set globals (a page opened
from ``file://`` may load scripts, not fetch files):

* ``graph-nodes.js``: ``CG_GRAPH_NODES`` = every node's label (``l``), type (``t``, index into
  ``types``), era (``e``: 0 none, 1 before 1/7/2025, 2 after), number of neighbours (``d``),
  first and last year of a fact (``y0``, ``y1``: 0 for provinces, officials and undated facts,
  which every year range keeps; ``years``: the span);
  the start lists (``start``); the IRIs of provinces and officials (``iri``, for
  ``graph.html#node=<IRI>``, the link their pages make); nodes are numbered best-connected
  first, so "the first neighbours" are the best connected;
* ``graph-links.js``: ``CG_GRAPH_LINKS`` = each node's neighbours (``a[i]``: flat
  ``[neighbour, code, ...]``, code = 2 × index into ``labels`` + 1 when the edge points to
  the node) and which edge labels are symmetric (``symmetric``, drawn without an arrow);
* ``graph-detail-K.js``: ``CG_GRAPH_DETAIL(K, {node: panel})`` for the nodes ``i`` with
  ``i % chunks == K``: what a node's panel shows (as the small graph's panel, see
  :func:`views._node_info`), loaded when a node of the chunk is opened.

At 10,000 articles (45,000 nodes, 118,000 edges) the page is a few KB, the node and link
scripts 2-3 MB each, a detail script about 100 KB.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from . import view_assets as assets
from .normalize import fold
from .vis_page import assemble, script_json
from .views import (
    NODE_STYLES,
    PHYSICS_MAX_NODES,
    _count_vi,
    _entity_options,
    _node_info,
    _node_type,
    _write,
    _years,
)

#: Above this many nodes ``graph.html`` is the explorer (below, the whole graph is drawn).
EXPLORE_ABOVE = PHYSICS_MAX_NODES
#: Nodes drawn at once at most.
MAX_DRAWN = 300
#: Rows of each start list.
START_ROWS = 10
#: Nodes per detail script (about).
DETAIL_NODES = 250
_ERA = {"legacy": 1, "current": 2}


def _rank(G: nx.MultiDiGraph
          ) -> tuple[list[Any], dict[Any, dict[Any, list[int]]], list[str], list[int]]:
    """Nodes best-connected first, each node's neighbours with the codes of the edges to
    them, the edge labels and whether each is symmetric (1) or directed (0)."""
    labels: dict[str, int] = {}
    near: dict[Any, dict[Any, list[int]]] = defaultdict(dict)
    symmetric: dict[str, bool] = {}
    for u, v, attrs in G.edges(data=True):
        if u == v:
            continue
        label = str(attrs.get("label") or attrs.get("predicate") or "")
        code = labels.setdefault(label, len(labels))
        symmetric[label] = bool(attrs.get("symmetric"))
        near[u].setdefault(v, []).append(2 * code)
        near[v].setdefault(u, []).append(2 * code + 1)
    order = sorted(G.nodes, key=lambda n: (-len(near.get(n, ())), str(G.nodes[n].get("label")),
                                           str(n)))
    names = sorted(labels, key=labels.get)  # type: ignore[arg-type]
    return order, near, names, [int(symmetric[name]) for name in names]


def explorer_data(G: nx.MultiDiGraph, *, article_links: bool = False,
                  entity_pages: str | None = None
                  ) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """``CG_GRAPH_NODES``, ``CG_GRAPH_LINKS`` and the detail chunks of ``G`` (see the module
    docstring); ``article_links``, ``entity_pages``: as :func:`views.render_entity_graph`."""
    order, near, labels, symmetric = _rank(G)
    index = {node: i for i, node in enumerate(order)}
    types = list(NODE_STYLES)
    nodes: dict[str, Any] = {"l": [], "t": [], "e": [], "d": [], "y0": [], "y1": [], "iri": {},
                             "types": types, "n_edges": G.number_of_edges()}
    links: list[list[int]] = []
    chunks: list[dict[str, Any]] = [{} for _ in range(max(1, len(order) // DETAIL_NODES))]
    for i, node in enumerate(order):
        attrs = G.nodes[node]
        kind = _node_type(attrs)
        nodes["l"].append(str(attrs.get("label") or node))
        nodes["t"].append(types.index(kind))
        nodes["e"].append(_ERA.get(str(attrs.get("era")), 0) if kind == "province" else 0)
        years = _years(attrs) if kind not in ("province", "official") else set()
        nodes["y0"].append(min(years) if years else 0)
        nodes["y1"].append(max(years) if years else 0)
        neighbours = near.get(node, {})
        nodes["d"].append(len(neighbours))
        flat: list[int] = []
        for other in sorted(neighbours, key=index.__getitem__):
            for code in neighbours[other]:
                flat += (index[other], code)
        links.append(flat)
        if kind in ("province", "official"):
            nodes["iri"][str(node)] = i
        info = _node_info(attrs, kind, article_links, entity_pages)
        chunks[i % len(chunks)][str(i)] = info
    nodes["chunks"] = len(chunks)
    known = [y for y in nodes["y0"] + nodes["y1"] if y]
    nodes["years"] = [min(known), max(known)] if known else None
    nodes["start"] = _start_lists(G, order)
    return nodes, {"a": links, "labels": labels, "symmetric": symmetric}, chunks


def _start_lists(G: nx.MultiDiGraph, order: list[Any]) -> dict[str, list[int]]:
    """Indexes of what the page first offers: provinces by neighbours, agreements newest
    first, fundings largest first, every province by name."""
    def kind(i: int) -> str:
        return str(G.nodes[order[i]].get("type"))

    def newest(i: int) -> str:
        dates = [str(ev.get("article_date") or "") for ev in
                 G.nodes[order[i]].get("evidence") or ()]
        return max(dates, default="")

    provinces = [i for i in range(len(order)) if kind(i) == "province"]
    agreements = [i for i in range(len(order)) if kind(i) == "agreement"]
    fundings = [i for i in range(len(order)) if kind(i) == "funding"
                and G.nodes[order[i]].get("amount_vnd")]
    return {
        "provinces": provinces[:START_ROWS],  # best connected first already
        "agreements": sorted(agreements, key=lambda i: (newest(i), -i), reverse=True)[:START_ROWS],
        "fundings": sorted(fundings, key=lambda i: (-int(G.nodes[order[i]]["amount_vnd"]),
                                                    i))[:START_ROWS],
        "all_provinces": sorted(provinces, key=lambda i: (
            fold(str(G.nodes[order[i]].get("label"))), _ERA.get(str(G.nodes[order[i]].get("era")),
                                                               0))),
    }


def render_entity_explorer(nodes: Mapping[str, Any], *, assets_prefix: str = "assets",
                           title: str = "Đồ thị hợp tác giữa các địa phương",
                           nav: str = "") -> str:
    """The explorer page for :func:`explorer_data`, loading its data scripts from
    ``assets_prefix`` (a relative URL)."""
    prefix = assets_prefix.rstrip("/")
    options = _entity_options(compact=False, physics=True, n_nodes=MAX_DRAWN)
    options["layout"]["improvedLayout"] = False  # its first placement is slow on dense graphs
    side = assets.EXPLORER_SIDE.format(
        nav=nav, title=html.escape(title), max=MAX_DRAWN,
        nodes=_count_vi(len(nodes["l"])), edges=_count_vi(int(nodes["n_edges"])),
        n_provinces=len(nodes["start"]["all_provinces"]))
    data = {
        "view": "explorer",
        "physics": True,
        "max_drawn": MAX_DRAWN,
        "detail": f"{prefix}/graph-detail-",
        "styles": {kind: [style.shape, style.color] for kind, style in NODE_STYLES.items()},
        "iterations": 200,  # of the layout; 300 nodes laid out in about a second
        "vis": {"nodes": [], "edges": [], "options": options},
    }
    return assemble("explorer", title=title, side_html=side, data=data,
                    data_scripts=(f"{prefix}/graph-nodes.js", f"{prefix}/graph-links.js"))


def write_entity_explorer(G: nx.MultiDiGraph, out: Path, *, nav: str = "",
                          article_links: bool = False, entity_pages: str | None = None
                          ) -> list[Path]:
    """``graph.html`` as the explorer, and its data scripts in ``out/assets``."""
    nodes, links, chunks = explorer_data(G, article_links=article_links,
                                         entity_pages=entity_pages)
    folder = out / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("graph-detail-*.js"):  # an earlier, larger graph's
        old.unlink()
    written = [_write(out / "graph.html", render_entity_explorer(nodes, nav=nav)),
               _write(folder / "graph-nodes.js",
                      f"window.CG_GRAPH_NODES = {script_json(nodes, compact=True)};\n"),
               _write(folder / "graph-links.js",
                      f"window.CG_GRAPH_LINKS = {script_json(links, compact=True)};\n")]
    for k, chunk in enumerate(chunks):
        written.append(_write(folder / f"graph-detail-{k}.js",
                              f"CG_GRAPH_DETAIL({k}, {script_json(chunk, compact=True)});\n"))
    return written


def remove_explorer_data(out: Path) -> None:
    """Take away the data scripts of an explorer an earlier run wrote (graph.html is now the
    whole graph)."""
    for old in (out / "assets").glob("graph-*.js"):
        old.unlink()


__all__ = ["EXPLORE_ABOVE", "MAX_DRAWN", "explorer_data", "remove_explorer_data",
           "render_entity_explorer", "write_entity_explorer"]
