"""Interactive, offline HTML views of the graph: networkx projection -> vis-network page.

Three views, each a single self-contained file (vis-network from the pyvis wheel, its CSS and
our small script are embedded, see :mod:`cooperation_graph.vis_page`; the page fetches
nothing; the article pages link one shared copy):

* :func:`render_entity_graph` -- officials, provinces, agreements, fundings, investments and
  events with labelled edges; legend, search, filters by type / province / year, hover and click
  details with the evidence sentence and its article.
* :func:`render_province_network` -- provinces at their coordinates (x = longitude, y = -latitude)
  with edges weighted by cooperation; a switch between the 63 units before 2025-07-01 and the 34
  after; click a province for its partners and totals.
* :func:`render_article_view` -- one article's text with the evidence highlighted, beside its
  facts as a small graph.

:func:`write_views` also writes ``money.html`` (:mod:`cooperation_graph.money_view`: fundings
and investments as a Sankey, drawn with plotly.js from the shared ``assets/`` folder) and one
page per province and per official (:mod:`cooperation_graph.entity_pages`), which the graph's
and the map's panels and the article pages link to. It reads the store once
(:mod:`cooperation_graph.reading`); above :data:`PARALLEL_ARTICLES` articles a forked helper
reads the articles' texts meanwhile, then shares the pages with this process
(:mod:`cooperation_graph.parallel`). A graph of more than ``explorer.EXPLORE_ABOVE`` nodes
gets the search-first ``graph.html`` of :mod:`cooperation_graph.explorer` instead of
:func:`render_entity_graph`.

Deep links: ``graph.html#node=<IRI>`` opens a node's details; ``#type=funding,province``,
``#province=Hà Nội``, ``#year=2012`` (or ``#from=2010&to=2014``), ``#q=<name>`` set the filters and the search (the
search-first graph of a large store: ``#from=2015&to=2019`` draws the facts of those years only);
``provinces.html#era=current&node=<IRI>``, ``#from=2015&to=2019`` (the links of those years: each
article, agreement and amount counted once, in its year). ``#cg-status`` reports what is drawn
(``data-ready``, ``data-nodes``, ``data-edges``, ``data-visible-*``, ``data-physics``).

Large graphs: up to :data:`PHYSICS_MAX_NODES` the browser lays the graph out and then stops
its physics; above, positions are computed here; above :data:`MAX_NODES` the page keeps every
province and the best-connected nodes of each type and says so in a visible notice.

The node and edge attributes read here are those :mod:`cooperation_graph.projection` writes (see
its docstring). Everything that comes from articles reaches the page either through
``json.dumps`` with ``<``, ``>``, ``&`` escaped, or through ``html.escape``; in the browser it
is put into the DOM with ``textContent`` only, and links are kept only for ``http(s)`` URLs.
"""

from __future__ import annotations

import functools
import gc
import html
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from . import view_assets as assets
from .boundaries import map_layer
from .errors import CooperationGraphError
from .parallel import InChild, SharedJobs
from .threshold import AboveConfidence
from .vis_page import assemble, write_shared_assets
from .vis_page import script_json as _script_json  # noqa: F401 - money_view uses it

#: Above this many nodes the entity graph shows only the best-connected ones, with a notice.
MAX_NODES = 1500
#: Up to this many nodes the browser lays the graph out (physics, then frozen); above it the
#: positions are computed here, because vis-network's physics does not settle in reasonable
#: time on large graphs (measured: 500 nodes ~50 s, 2,000 nodes not within 150 s).
PHYSICS_MAX_NODES = 300
#: Edge labels are drawn only on graphs with at most this many edges (hover shows them anyway).
EDGE_LABEL_MAX = 150
#: The province map first shows at most this many links, the strongest (a slider shows more).
MAX_PROVINCE_EDGES = 100
#: Evidence sentences a node's panel carries (the newest); the rest are counted.
MAX_NODE_EVIDENCE = 8


@dataclass(frozen=True)
class NodeStyle:
    label_vi: str
    label_en: str
    color: str
    shape: str


NODE_STYLES: dict[str, NodeStyle] = {
    "province": NodeStyle("Tỉnh, thành phố", "province", "#1f77b4", "dot"),
    "official": NodeStyle("Cán bộ lãnh đạo", "official", "#ff7f0e", "diamond"),
    "agreement": NodeStyle("Thỏa thuận hợp tác", "agreement", "#2ca02c", "square"),
    "funding": NodeStyle("Hỗ trợ kinh phí", "funding", "#c9a000", "triangle"),
    "investment": NodeStyle("Đầu tư", "investment", "#9467bd", "triangleDown"),
    "event": NodeStyle("Sự kiện", "event", "#d62728", "star"),
    "other": NodeStyle("Khác", "other", "#7f7f7f", "dot"),
}

ERA_LABELS = {
    "legacy": "63 tỉnh, thành (trước 1/7/2025)",
    "current": "34 tỉnh, thành (từ 1/7/2025)",
}


class ViewError(CooperationGraphError):
    """A view cannot be rendered from what it was given."""


# --------------------------------------------------------------------------------------------
# Formatting


def format_vnd(amount: float | Decimal | None, qualifier: str | None = None) -> str:
    """An amount of đồng the way Vietnamese news writes it: ``3 tỷ đồng``, ``33.600 tỷ đồng``.

    Rounded values keep the exact amount in parentheses, so nothing is hidden:
    ``1,235 tỷ đồng (1.234.567.890 đồng)``. ``qualifier`` (trên/hơn/gần/khoảng) goes in front.
    """
    if amount is None:
        return ""
    return _format_vnd(type(amount), amount, qualifier)


@functools.lru_cache(maxsize=65536)  # the same amounts come back thousands of times
def _format_vnd(_kind: type, amount: float | Decimal, qualifier: str | None) -> str:
    value = Decimal(str(amount))
    for unit, size in (("tỷ", Decimal(10**9)), ("triệu", Decimal(10**6))):
        if abs(value) >= size:
            scaled = value / size
            shown = scaled.quantize(Decimal("0.001")).normalize()
            text = f"{_vi_number(shown)} {unit} đồng"
            if shown * size != value:
                text += f" ({_vi_number(value)} đồng)"
            break
    else:
        text = f"{_vi_number(value)} đồng"
    return f"{qualifier} {text}" if qualifier else text


def _vi_number(value: Decimal) -> str:
    """``33600`` -> ``33.600``; ``1.5`` -> ``1,5`` (Vietnamese separators)."""
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def _vi_date(value: Any) -> str | None:
    """``2019-08-23`` -> ``23/08/2019``; anything else unchanged."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", str(value or ""))
    return f"{match[3]}/{match[2]}/{match[1]}" if match else (str(value) if value else None)


def _safe_url(url: Any) -> str | None:
    """Only ``http(s)`` links survive; ``javascript:`` and friends are dropped."""
    if isinstance(url, str) and re.match(r"^https?://[^\s\"'<>]+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def _short(text: str, limit: int = 42) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def article_filename(article_id: str) -> str:
    """File name of an article's view: its id reduced to safe characters, plus ``.html``."""
    stem = re.sub(r"[^0-9A-Za-z._-]+", "-", str(article_id))
    stem = re.sub(r"-{2,}", "-", stem).strip("-.") or "article"
    return stem[:120] + ".html"


# --------------------------------------------------------------------------------------------
# Page parts


def _legend_html(types: Iterable[str], counts: Mapping[str, int], filters: bool) -> str:
    rows = []
    for kind in types:
        style = NODE_STYLES[kind]
        box = (
            f'<input type="checkbox" class="cg-type" value="{kind}" checked> ' if filters else ""
        )
        rows.append(
            f'<label class="cg-legend-row">{box}{_swatch(style)} '
            f"<span>{html.escape(style.label_vi)}</span> "
            f'<span class="cg-muted">{style.label_en} · {counts.get(kind, 0)}</span></label>'
        )
    return "\n".join(rows)


def _swatch(style: NodeStyle) -> str:
    shapes = {
        "dot": '<circle cx="8" cy="8" r="6"/>',
        "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
        "square": '<rect x="2" y="2" width="12" height="12"/>',
        "triangle": '<polygon points="8,1 15,14 1,14"/>',
        "triangleDown": '<polygon points="1,2 15,2 8,15"/>',
        "star": '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"/>',
    }
    return (
        f'<svg width="16" height="16" viewBox="0 0 16 16" fill="{style.color}" '
        f'aria-hidden="true">{shapes[style.shape]}</svg>'
    )


# --------------------------------------------------------------------------------------------
# Entity graph


def _node_type(attrs: Mapping[str, Any]) -> str:
    kind = attrs.get("type")
    return kind if kind in NODE_STYLES else "other"


def _years(attrs: Mapping[str, Any]) -> set[int]:
    """The years a node belongs to for the year filter: when the fact happened (its year(s) or
    date) where known, else the years of the articles reporting it."""
    years: set[int] = set()
    for key in ("year", "years"):
        value = attrs.get(key)
        for item in value if isinstance(value, (list, tuple, set)) else [value]:
            if isinstance(item, int) or (isinstance(item, str) and item.isdigit()):
                years.add(int(item))
    if attrs.get("date") and re.match(r"^\d{4}", str(attrs["date"])):
        years.add(int(str(attrs["date"])[:4]))
    if years:
        return years
    for ev in attrs.get("evidence") or ():
        when = ev.get("article_date")
        if when and re.match(r"^\d{4}", str(when)):
            years.add(int(str(when)[:4]))
    return years


def _node_info(attrs: Mapping[str, Any], kind: str, article_links: bool,
               entity_pages: str | None = None) -> dict[str, Any]:
    """What the page shows for one node; only plain data, rendered with textContent.
    ``entity_pages``: the way up to the output folder, to link province and official pages."""
    info: dict[str, Any] = {"t": kind, "l": str(attrs.get("label") or "")}
    if entity_pages is not None and kind in ("province", "official"):
        from .entity_data import entity_href

        href = entity_href(attrs)
        if href:
            info["pg"] = entity_pages + href
    facts: list[list[str]] = []

    def add(name: str, value: Any) -> None:
        if value in (None, "", [], ()):
            return
        if isinstance(value, (list, tuple, set)):
            value = "; ".join(str(v) for v in value)
        facts.append([name, str(value)])

    if attrs.get("posts"):
        info["posts"] = [str(p) for p in attrs["posts"]]
    if attrs.get("amount_vnd") is not None:
        add("Số tiền" if kind == "funding" else "Vốn", format_vnd(attrs["amount_vnd"],
                                                                 attrs.get("qualifier")))
    add("Loại", attrs.get("kind"))
    add("Trạng thái", {"signed": "đã ký", "planned": "dự kiến", "given": "đã trao"}.get(
        str(attrs.get("status")), attrs.get("status")))
    add("Số nội dung", attrs.get("n_contents"))
    add("Lĩnh vực", attrs.get("fields"))
    add("Giai đoạn", attrs.get("period"))
    add("Mục đích", attrs.get("purpose"))
    add("Năm", attrs.get("years") or attrs.get("year"))
    add("Số dự án", attrs.get("projects"))
    add("Ngày", _vi_date(attrs.get("date")))
    add("Địa điểm", attrs.get("place"))
    add("Người ký", attrs.get("signatories"))
    add("Mã", attrs.get("code"))
    if attrs.get("era"):
        add("Thời kỳ", ERA_LABELS.get(str(attrs["era"]), attrs["era"]))
    add("Đơn vị từ 1/7/2025", attrs.get("successor"))
    if facts:
        info["f"] = facts
    info.update(_evidence_info(attrs.get("evidence") or (), article_links))
    return info


def _evidence_info(evidence: Iterable[Mapping[str, Any]], article_links: bool) -> dict[str, Any]:
    """A node's evidence for its panel (``ev``, and ``more`` where some are left out)."""
    info: dict[str, Any] = {}
    found = list(evidence)
    if len(found) > MAX_NODE_EVIDENCE:
        # an official seen in hundreds of articles: the newest here, every article on their
        # own page (all of them made a 10,000-article graph page 6.5 MB, 2.5 MB of it the
        # evidence of 15 officials)
        found.sort(key=lambda ev: str(ev.get("article_date") or ""), reverse=True)
        info["more"] = len(found) - MAX_NODE_EVIDENCE
        found = found[:MAX_NODE_EVIDENCE]
    items = []
    for ev in found:
        item = {
            "s": str(ev.get("sentence") or ""),
            "a": str(ev.get("article_title") or ""),
            "d": _vi_date(ev.get("article_date")) or "",
            "c": ev.get("confidence"),
        }
        url = _safe_url(ev.get("article_url"))
        if url:
            item["u"] = url
        if article_links and ev.get("article_id"):
            item["v"] = "articles/" + article_filename(ev["article_id"])
        items.append(item)
    if items:
        info["ev"] = items
    return info


def _importance(G: nx.MultiDiGraph, node: Any) -> float:
    attrs = G.nodes[node]
    score = math.sqrt(G.degree(node))
    amount = attrs.get("amount_vnd")
    if amount:
        score += 0.35 * math.log10(1 + float(amount) / 1e9)
    return score


def _layout(G: nx.Graph, iterations: int = 50, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Positions computed here for graphs too big for in-browser physics (deterministic).

    A vectorised Fruchterman-Reingold (float32, repulsion between all pairs, attraction along
    edges, a little gravity so separate components stay in view): 1,500 nodes in ~1.6 s, where
    networkx's spring_layout took 15 s.
    """
    nodes = list(G.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in G.edges() if u != v],
                     dtype=np.int64).reshape(-1, 2)
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))  # ideal distance in the unit square
    step = 0.1
    cooling = step / (iterations + 1)
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        inv = dx * dx
        inv += dy * dy
        np.maximum(inv, 1e-6, out=inv)
        np.divide(k * k, inv, out=inv)  # repulsion k^2 / d along the unit vector
        disp = np.stack(((dx * inv).sum(axis=1), (dy * inv).sum(axis=1)), axis=1)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            length = np.sqrt((d * d).sum(axis=1, keepdims=True)).clip(1e-3)
            pull = d * length / k  # attraction d^2 / k
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        disp -= (pos - 0.5) * (0.05 * k * math.sqrt(n))
        length = np.sqrt((disp * disp).sum(axis=1, keepdims=True)).clip(1e-6)
        pos += disp / length * np.minimum(length, step)
        step -= cooling
    pos -= pos.mean(axis=0)
    scale = 60.0 * math.sqrt(n)
    return {node: (float(pos[i, 0]) * scale, float(pos[i, 1]) * scale)
            for i, node in enumerate(nodes)}


def _select_top(G: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, str | None]:
    """At most ``max_nodes``: every province, then each other type in proportion to its count,
    its best-connected (and, for money, largest) nodes first. Returns the notice to show."""
    if len(G) <= max_nodes:
        return G, None
    by_type: dict[str, list[Any]] = {}
    for node, attrs in G.nodes(data=True):
        by_type.setdefault(_node_type(attrs), []).append(node)
    keep = sorted(by_type.pop("province", []), key=str)[:max_nodes]
    room = max_nodes - len(keep)
    total = sum(len(nodes) for nodes in by_type.values())
    rest: list[Any] = []
    for kind, nodes in sorted(by_type.items()):
        quota = min(len(nodes), math.floor(room * len(nodes) / total)) if total else 0
        ranked = sorted(nodes, key=lambda n: (-_importance(G, n), str(n)))
        keep += ranked[:quota]
        rest += ranked[quota:]
    # the slots rounding left over go to the most important of the rest
    rest.sort(key=lambda n: (-_importance(G, n), str(n)))
    keep += rest[: max(0, max_nodes - len(keep))]
    sub = G.subgraph(keep).copy()
    shown, total_n = _vi_number(Decimal(len(sub))), _vi_number(Decimal(len(G)))
    notice = (
        f"Đồ thị có {total_n} nút và {_vi_number(Decimal(G.number_of_edges()))} cạnh; trang "
        f"này chỉ hiện {shown} nút (mọi tỉnh, thành và phần liên kết nhiều nhất của mỗi loại; "
        f"{_vi_number(Decimal(sub.number_of_edges()))} cạnh) để trình duyệt không bị treo. "
        "Lọc theo tỉnh hoặc năm, hoặc truy vấn kho dữ liệu để xem phần còn lại. "
        f"Showing {len(sub):,} of {len(G):,} nodes (all provinces and the best-connected of "
        "each type); query the store for the rest."
    )
    return sub, notice


def _tell_eras_apart(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Old and new units of one name (Cần Thơ before and after 2025-07-01) are different
    nodes: label them ``Cần Thơ (cũ)`` and ``Cần Thơ (mới)`` when both are in the graph."""
    names = Counter(a.get("label") for _, a in G.nodes(data=True) if a.get("type") == "province")
    twins = [n for n, a in G.nodes(data=True)
             if a.get("type") == "province" and names[a.get("label")] > 1 and a.get("era")]
    if not twins:
        return G
    G = G.copy()
    for node in twins:
        attrs = G.nodes[node]
        attrs["label"] = f"{attrs['label']} ({'cũ' if attrs['era'] == 'legacy' else 'mới'})"
    return G


def _related_provinces(G: nx.MultiDiGraph, node: Any) -> list[str]:
    """Province labels a node belongs with, for the province filter."""
    names: set[str] = set()
    attrs = G.nodes[node]
    if attrs.get("type") == "province":
        names.add(str(attrs.get("label")))
        # partners: provinces sharing a fact (or a direct edge) with this one
        for fact in set(G.predecessors(node)) | set(G.successors(node)):
            fattrs = G.nodes[fact]
            if fattrs.get("type") == "province":
                names.add(str(fattrs.get("label")))
                continue
            for other in set(G.predecessors(fact)) | set(G.successors(fact)):
                if G.nodes[other].get("type") == "province":
                    names.add(str(G.nodes[other].get("label")))
    else:
        for other in set(G.predecessors(node)) | set(G.successors(node)):
            if G.nodes[other].get("type") == "province":
                names.add(str(G.nodes[other].get("label")))
        if attrs.get("province"):
            names.add(str(attrs["province"]))
    return sorted(names)


def _entity_net(
    G: nx.MultiDiGraph, *, article_links: bool, max_nodes: int, compact: bool = False,
    entity_pages: str | None = None,
) -> tuple[dict[str, Any], str | None]:
    """Page data of an entity graph, its drawing in ``vis`` (shared by graph and article
    views), and the notice to show when not every node is drawn."""
    G, notice = _select_top(G, max_nodes)
    G = _tell_eras_apart(G)
    vis_nodes: list[dict[str, Any]] = []
    vis_edges: list[dict[str, Any]] = []
    ids = {node: str(node) for node in G.nodes}
    use_physics = len(G) <= PHYSICS_MAX_NODES
    pos = {} if use_physics else _layout(G)
    info: dict[str, Any] = {}
    node_years: dict[str, list[int]] = {}
    node_provinces: dict[str, list[str]] = {}
    all_years: set[int] = set()
    for node, attrs in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        kind = _node_type(attrs)
        style = NODE_STYLES[kind]
        size = min(10 + 7 * _importance(G, node), 48 if not compact else 30)
        if not use_physics and kind != "province":
            size = min(size, 18)
        label = _short(attrs.get("label") or node)
        if not use_physics and kind not in ("province", "official"):
            label = ""  # thousands of fact labels hide the graph; hover and search show them
        vis_node: dict[str, Any] = {
            "id": ids[node], "label": label, "shape": style.shape,
            "color": style.color, "size": round(size, 1),
        }
        if node in pos:
            vis_node.update(x=round(pos[node][0], 1), y=round(pos[node][1], 1), physics=False)
        vis_nodes.append(vis_node)
        years = sorted(_years(attrs))
        # facts inherit nothing; provinces and officials take the years of their facts below
        node_years[ids[node]] = years
        node_provinces[ids[node]] = _related_provinces(G, node)
        info[ids[node]] = _node_info(attrs, kind, article_links, entity_pages)
    # provinces and officials: active in the years of the facts around them
    for node, attrs in G.nodes(data=True):
        if attrs.get("type") in ("province", "official"):
            around = set(node_years[ids[node]])
            for other in set(G.predecessors(node)) | set(G.successors(node)):
                if G.nodes[other].get("type") not in ("province", "official"):
                    around.update(node_years[ids[other]])
            node_years[ids[node]] = sorted(around)
    for node_id, entry in info.items():
        entry["y"] = node_years[node_id]
        entry["p"] = node_provinces[node_id]
        all_years.update(node_years[node_id])
    show_labels = G.number_of_edges() <= EDGE_LABEL_MAX
    for n_edge, (u, v, attrs) in enumerate(
        sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("label"))))
    ):
        vis_edges.append(_vis_edge(n_edge, ids[u], ids[v], attrs, show_labels))
    options = _entity_options(compact=compact, physics=use_physics, n_nodes=len(G))
    types = sorted({i["t"] for i in info.values()}, key=list(NODE_STYLES).index)
    data = {
        "view": "entity",
        "info": info,
        "types": types,
        "provinces": sorted({p for i in info.values() for p in i["p"]}),
        "years": sorted(all_years),
        "physics": use_physics,
        "expected": {"nodes": len(G), "edges": G.number_of_edges()},
        "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": options},
    }
    return data, notice


def _vis_edge(n: int, u: Any, v: Any, attrs: Mapping[str, Any], show_label: bool
              ) -> dict[str, Any]:
    """The ``n``-th edge of an entity graph's drawing, from node id ``u`` to ``v``."""
    label = str(attrs.get("label") or attrs.get("predicate") or "")
    edge: dict[str, Any] = {"from": u, "to": v, "title": label, "id": f"e{n}"}
    if attrs.get("symmetric"):  # "hợp tác với": no direction, drawn stronger
        edge.update(arrows={"to": {"enabled": False}}, width=2.5, length=260,
                    color={"color": "#6a9fcf", "highlight": "#1f77b4"})
    if show_label:
        edge["label"] = label
    return edge


def _entity_options(*, compact: bool, physics: bool, n_nodes: int) -> dict[str, Any]:
    """vis-network options of an entity graph's drawing."""
    return {
        "nodes": {"font": {"size": 12 if compact else 14, "strokeWidth": 3, "face": assets.FONT_SANS,
                           "strokeColor": "#ffffff"}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#a0a8b0", "highlight": "#333333", "hover": "#333333"},
            "font": {"size": 10, "align": "middle", "color": "#555555", "face": assets.FONT_SANS},
            "smooth": {"enabled": True, "type": "continuous"} if physics else False,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 300},
        "layout": {"randomSeed": 7},  # the same graph always gets the same picture
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -110, "springLength": 140,
                                 "centralGravity": 0.008, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
            "minVelocity": 1.0,
        },
    }


def render_entity_graph(
    G: nx.MultiDiGraph,
    *,
    title: str = "Đồ thị hợp tác giữa các địa phương",
    max_nodes: int = MAX_NODES,
    article_links: bool = False,
    nav: str = "",
    entity_pages: str | None = None,
) -> str:
    """The entity graph as one self-contained HTML page.

    ``article_links`` adds links from each evidence to ``articles/<id>.html`` (as
    :func:`write_views` writes them). Above ``max_nodes`` only the best-connected nodes are
    shown, with a visible notice. ``nav``: links to the other pages (:func:`page_nav`);
    ``entity_pages``: the way up to the folder holding ``provinces/`` and ``officials/``
    (:mod:`~cooperation_graph.entity_pages`), to link a province's or official's page.
    """
    data, notice = _entity_net(G, article_links=article_links, max_nodes=max_nodes,
                                    entity_pages=entity_pages)
    counts = Counter(i["t"] for i in data["info"].values())
    side = assets.ENTITY_SIDE.format(
        nav=nav,
        title=html.escape(title),
        notice=_notice_html(notice),
        legend=_legend_html(data["types"], counts, filters=True),
        empty="" if len(G) else '<p class="cg-notice">Đồ thị trống (empty graph).</p>',
    )
    return assemble("entity", title=title, side_html=side, data=data)


def _notice_html(notice: str | None) -> str:
    return f'<p class="cg-notice" id="cg-notice">{html.escape(notice)}</p>' if notice else ""


# --------------------------------------------------------------------------------------------
# Province network

_PX_PER_DEGREE = 62.0
_LAT_CENTER = 16.0  # for the longitude shrink cos(lat), so the map keeps its proportions
_LON_CENTER = 106.0


def _province_era_data(P: nx.Graph, entity_pages: str | None = None) -> dict[str, Any]:
    """vis nodes/edges and side-panel info for one era's province network (``entity_pages``:
    see :func:`render_entity_graph`)."""
    nodes, edges, info = [], [], {}
    strength: dict[Any, float] = {n: 0.0 for n in P.nodes}
    for u, v, attrs in P.edges(data=True):
        strength[u] += float(attrs.get("weight", 1))
        strength[v] += float(attrs.get("weight", 1))
    cos_lat = math.cos(math.radians(_LAT_CENTER))
    # sizes and widths relative to this era's strongest, so 1 article and 20,000 both read well
    top_strength = max(strength.values(), default=0.0) or 1.0
    top_weight = max((float(a.get("weight", 1)) for *_, a in P.edges(data=True)), default=1.0)
    for node, attrs in sorted(P.nodes(data=True), key=lambda item: str(item[0])):
        lat, lon = attrs.get("lat"), attrs.get("lon")
        if lat is None or lon is None:
            continue  # a unit without coordinates cannot be placed on the map
        active = strength[node] > 0
        label = str(attrs.get("label") or node)
        nodes.append({
            # no vis "label": provinces.js places the names itself, none over another
            "id": str(node),
            "name": label,
            "active": active,  # named by default (the others with "show all names")
            "x": round((float(lon) - _LON_CENTER) * _PX_PER_DEGREE * cos_lat, 1),
            "y": round(-(float(lat) - _LAT_CENTER) * _PX_PER_DEGREE, 1),
            "size": round(6 + 16 * math.sqrt(strength[node] / top_strength), 1) if active else 4,
            "color": NODE_STYLES["province"].color if active else "#b8c2cc",
            "font": {"size": 13 if active else 11, "color": "#1b2733" if active else "#6b7785",
                     "strokeWidth": 3, "strokeColor": "#ffffff", "face": assets.FONT_SANS},
            "shape": "dot",
            "fixed": True,
            "physics": False,
        })
        partners = []
        totals = Counter()
        for other in P.neighbors(node):
            eattrs = P.edges[node, other]
            partners.append(_edge_summary(str(P.nodes[other].get("label") or other), eattrs))
            for key in ("weight", "agreements", "fundings", "investments", "articles",
                        "funding_vnd", "investment_vnd"):
                totals[key] += _count(eattrs.get(key))
        partners.sort(key=lambda item: (-item["w"], item["n"]))
        info[str(node)] = {
            "l": label,
            "code": str(attrs.get("code") or ""),
            "era": str(attrs.get("era") or ""),
            "change": _change_text(attrs),
            "partners": partners,
            "totals": _totals_text(totals),
        }
        if entity_pages is not None:
            from .entity_data import entity_href

            href = entity_href({**attrs, "type": "province", "iri": str(node)})
            if href:
                info[str(node)]["pg"] = entity_pages + href
    for u, v, attrs in sorted(P.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if str(u) not in info or str(v) not in info:
            continue
        share = math.sqrt(float(attrs.get("weight", 1)) / (top_weight or 1.0))
        summary = _edge_summary("", attrs)
        edges.append({
            "from": str(u), "to": str(v), "w": float(attrs.get("weight", 1)),
            # year -> weight (0: undated), for the page's year range
            "y": [[int(y), int(c)] for y, c in sorted((attrs.get("by_year") or {}).items())],
            "width": round(0.6 + 6 * share, 2),
            "title": f"{info[str(u)]['l']} – {info[str(v)]['l']}\n{summary['text']}",
            "color": {"color": f"rgba(214,39,40,{0.12 + 0.6 * share:.2f})",
                      "highlight": "#d62728", "hover": "#d62728"},
        })
    weights = sorted((e["w"] for e in edges), reverse=True)
    # dense networks start with their strongest links only (the slider shows the rest)
    min_weight = weights[MAX_PROVINCE_EDGES - 1] if len(weights) > MAX_PROVINCE_EDGES else 0
    years = sorted({y for e in edges for y, _ in e["y"] if y})
    return {"nodes": nodes, "edges": edges, "info": info, "min_weight": min_weight,
            "max_weight": weights[0] if weights else 0,
            "years": [years[0], years[-1]] if years else None,
            "active": sum(1 for n in nodes if n["active"])}


def _change_text(attrs: Mapping[str, Any]) -> str:
    """What 2025-07-01 did to this unit, in a few words."""
    if attrs.get("era") == "legacy" and attrs.get("successor"):
        others = attrs.get("merged_with") or []
        if others:
            return f"từ 1/7/2025 hợp nhất với {', '.join(others)} thành {attrs['successor']}"
        return f"giữ nguyên sau 1/7/2025 ({attrs['successor']})"
    formed = [x for x in attrs.get("formed_from") or [] if x != attrs.get("label")]
    if attrs.get("era") == "current" and formed:
        return f"từ 1/7/2025, hợp nhất {', '.join(attrs.get('formed_from') or [])}"
    return ""


def _count(value: Any) -> float:
    if isinstance(value, (list, tuple, set)):
        return len(value)
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def _edge_summary(name: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    parts = []
    agreements, fundings = _count(attrs.get("agreements")), _count(attrs.get("fundings"))
    investments, articles = _count(attrs.get("investments")), _count(attrs.get("articles"))
    if agreements:
        parts.append(f"{agreements:g} thỏa thuận")
    if fundings:
        amount = attrs.get("funding_vnd")
        parts.append(f"{fundings:g} khoản hỗ trợ" + (f" ({format_vnd(amount)})" if amount else ""))
    if investments:
        amount = attrs.get("investment_vnd")
        parts.append(f"{investments:g} đầu tư" + (f" ({format_vnd(amount)})" if amount else ""))
    if articles:
        parts.append(f"{articles:g} bài báo")
    return {"n": name, "w": float(attrs.get("weight", 1)), "text": " · ".join(parts) or "hợp tác"}


def _totals_text(totals: Counter) -> list[list[str]]:
    rows = [
        ["Thỏa thuận", f"{totals['agreements']:g}"],
        ["Khoản hỗ trợ", f"{totals['fundings']:g}"
         + (f" · {format_vnd(int(totals['funding_vnd']))}" if totals["funding_vnd"] else "")],
        ["Đầu tư", f"{totals['investments']:g}"
         + (f" · {format_vnd(int(totals['investment_vnd']))}" if totals["investment_vnd"] else "")],
        ["Bài báo (lượt)", f"{totals['articles']:g}"],
    ]
    return rows


def render_province_network(
    networks: Mapping[str, nx.Graph] | nx.Graph,
    *,
    initial: str | None = None,
    title: str = "Mạng lưới hợp tác giữa các tỉnh, thành",
    nav: str = "",
    entity_pages: str | None = None,
) -> str:
    """Provinces on a map of Việt Nam, edges weighted by cooperation, one page.

    ``networks`` maps an era (``"legacy"``, ``"current"``) to its
    :func:`~cooperation_graph.projection.province_network`; with both, the page has a switch.
    ``nav``: links to the other pages (:func:`page_nav`); ``entity_pages``: see
    :func:`render_entity_graph`.
    """
    if isinstance(networks, nx.Graph):
        era = next((a.get("era") for _, a in networks.nodes(data=True) if a.get("era")), "legacy")
        networks = {str(era): networks}
    eras = [era for era in ("legacy", "current") if era in networks] or list(networks)
    if not eras:
        raise ViewError("no province network to show")
    per_era = {era: _province_era_data(networks[era], entity_pages) for era in eras}
    if initial is None:
        # start where the cooperation is: the era with more active units (ties: the old 63)
        initial = max(eras, key=lambda e: (per_era[e]["active"], e == "legacy"))
    if initial not in per_era:
        raise ViewError(f"unknown era {initial!r}; have {', '.join(eras)}")
    options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 100, "dragNodes": False},
        "edges": {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15}},
        "nodes": {"borderWidth": 1},
    }
    switch = "".join(
        f'<label class="cg-legend-row"><input type="radio" name="cg-era" value="{era}"'
        f'{" checked" if era == initial else ""}> {html.escape(ERA_LABELS.get(era, era))}</label>'
        for era in eras
    )
    side = assets.PROVINCE_SIDE.format(nav=nav, title=html.escape(title), switch=switch)
    data = {
        "view": "provinces",
        "proj": {"px": _PX_PER_DEGREE, "cos": math.cos(math.radians(_LAT_CENTER)),
                 "lon0": _LON_CENTER, "lat0": _LAT_CENTER},
        "eras": per_era,
        # the outline and the units' borders drawn under the network (both eras, once)
        "map": map_layer(eras),
        "initial": initial,
        "expected": {
            era: {"nodes": len(d["nodes"]), "edges": len(d["edges"])} for era, d in per_era.items()
        },
        "vis": {"options": options},  # the nodes and edges: those of eras[initial]
    }
    return assemble("provinces", title=title, side_html=side, data=data)


# --------------------------------------------------------------------------------------------
# Article view


def highlight_spans(text: str, spans: Iterable[tuple[int, int, str, int]]) -> str:
    """``text`` as HTML with each ``(start, end, type, fact index)`` span in a ``<mark>``.

    Overlapping spans are split so every character is marked by all facts covering it.
    Offsets outside the text are ignored (the projection may come from another text version).
    """
    spans = [(s, e, t, i) for s, e, t, i in spans if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *[s for s, *_ in spans], *[e for _, e, *_ in spans]})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = html.escape(text[a:b])
        covering = [(t, i) for s, e, t, i in spans if s <= a and b <= e]
        if covering:
            kinds = sorted({t for t, _ in covering})
            facts = " ".join(str(i) for i in sorted({i for _, i in covering}))
            out.append(
                f'<mark class="cg-ev cg-ev-{kinds[0]}" data-facts="{facts}" '
                f'title="{html.escape(", ".join(NODE_STYLES[k].label_vi for k in kinds))}">'
                f'{piece.replace(chr(10), "<br>")}</mark>'
            )
        else:  # outside evidence a line break is a paragraph break
            out.append(_LINE_BREAKS.sub("</p><p>", piece) if "\n" in piece else piece)
    return "".join(out)


_LINE_BREAKS = re.compile(r"\n+")


def render_article_view(G: nx.MultiDiGraph, **options: Any) -> str:
    """One article's page from its own projection: see
    :func:`cooperation_graph.article_pages.render_article_view`."""
    from .article_pages import render_article_view as render

    return render(G, **options)


# --------------------------------------------------------------------------------------------
# Navigation


def page_nav(home: str, *, articles: bool = True, money: bool = False) -> str:
    """The links from a page to the others :func:`write_views` writes: ``home`` is the relative
    way up to the output folder (``""`` or ``"../"``); ``articles``: link ``articles/``;
    ``money``: link ``money.html``."""
    up = html.escape(home, quote=True)
    return assets.NAV_HTML.format(
        home=up, articles=assets.NAV_ARTICLES.format(home=up) if articles else "",
        money=assets.NAV_MONEY.format(home=up) if money else "")


def _count_vi(n: int) -> str:
    return _vi_number(Decimal(n))


def render_index(G: nx.MultiDiGraph | None = None, networks: Mapping[str, nx.Graph] | None = None,
                 *, articles: int | None = None, money: str | None = None,
                 provinces: str | None = None, officials: str | None = None) -> str:
    """``index.html``: a link to each view with what it holds; ``articles``: how many article
    pages there are (None: no ``articles/`` link); ``money``, ``provinces``, ``officials``:
    what ``money.html``, ``provinces/`` and ``officials/`` hold (None: no link). Counts are
    left out where not given."""

    def item(href: str, name: str, what: str, counts: str) -> str:
        extra = f'<br><span class="cg-muted">{html.escape(counts)}</span>' if counts else ""
        return (f'<li><a href="{href}">{html.escape(name)}</a> — {html.escape(what)}{extra}</li>')

    entity = ""
    if G is not None:
        entity = f"{_count_vi(G.number_of_nodes())} nút, {_count_vi(G.number_of_edges())} cạnh"
    links = ""
    if networks:
        links = "; ".join(
            f"{ERA_LABELS.get(era, era)}: {_count_vi(P.number_of_edges())} liên kết"
            for era, P in networks.items())
    pages = [
        item("graph.html", "Đồ thị · Entity graph",
             "cán bộ, tỉnh, thỏa thuận, hỗ trợ, đầu tư, sự kiện và bằng chứng của từng dữ kiện "
             "(officials, provinces, agreements, fundings, investments, events, with evidence)",
             entity),
        item("provinces.html", "Mạng lưới tỉnh, thành · Province network",
             "các tỉnh trên bản đồ, 63 đơn vị cũ hoặc 34 đơn vị mới (provinces on the map, "
             "the 63 former or the 34 current units)", links),
    ]
    if money is not None:
        pages.append(item("money.html", "Dòng tiền · Money flows",
                          "hỗ trợ và đầu tư từ tỉnh cho đến tỉnh nhận, theo năm và theo tỉnh "
                          "(fundings and investments from giver to receiver, by year and "
                          "province; money.html#from=2012&to=2016&province=Hà Nội)", money))
    if provinces is not None:
        pages.append(item("provinces/index.html", "Từng tỉnh, thành · Province pages",
                          "mỗi đơn vị một trang: đối tác xếp hạng, tiền cho và nhận theo năm, "
                          "thỏa thuận, sự kiện, cán bộ, bài báo, chỉ số mạng lưới (one page per "
                          "unit: partners, money by year, agreements, events, officials, "
                          "articles, network scores)", provinces))
    if officials is not None:
        pages.append(item("officials/index.html", "Từng cán bộ · Official pages",
                          "chức vụ theo thời gian, sự kiện, tỉnh, thành và bài báo của mỗi cán "
                          "bộ (each official's posts over time, events, provinces, articles)",
                          officials))
    if articles is not None:
        pages.append(item("articles/index.html", "Bài báo · Articles",
                          "từng bài với bằng chứng được tô sáng (each article with its "
                          "evidence highlighted)", f"{_count_vi(articles)} bài"))
    return assets.static_text("views_index.html").replace("{{PAGES}}", "\n".join(pages))


# --------------------------------------------------------------------------------------------
# Writing all views from a store


def write_views(store: Any, out_dir: str | Path = "output", *, max_nodes: int = MAX_NODES,
                articles: bool = True, article: str | None = None,
                min_confidence: float | None = None) -> list[Path]:
    """Write ``index.html`` (linking the others), ``graph.html``, ``provinces.html``,
    ``money.html`` (with plotly.js and the evidence of its flows once in ``assets/``),
    ``provinces/<slug>.html`` and ``officials/<slug>.html``
    (:mod:`~cooperation_graph.entity_pages`) and ``articles/<id>.html`` (+ an index of each);
    every page links back to ``index.html``.

    ``store``: a store object, a store folder (opened read-only), or quads; it is read once
    (:func:`~cooperation_graph.projection.read_source`) for every page. With ``article`` (an
    article id) only that article's view is written; with ``min_confidence`` the facts below it
    are not shown. Returns the paths written.
    """
    # the cyclic garbage collector would walk the millions of objects the store's reading
    # holds again and again while the pages are made (a third of the time); they hold no cycles
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _write_views(store, out_dir, max_nodes=max_nodes, articles=articles,
                            article=article, min_confidence=min_confidence)
    finally:
        if enabled:
            gc.enable()


def _write_views(store: Any, out_dir: str | Path, *, max_nodes: int, articles: bool,
                 article: str | None, min_confidence: float | None) -> list[Path]:
    from .article_pages import ArticlePages
    from .projection import (
        article_records,
        article_text_sources,
        open_source,
        province_networks,
        rdf_to_networkx,
        read_article_texts,
        read_source,
        texts_of,
    )

    local = isinstance(store, (str, Path)) and not re.match(r"^https?://", str(store))
    if local and not Path(store).is_dir():
        raise ViewError(f"no store at {store}: run `coopgraph build` first")
    store = open_source(store)  # open a path once; quads go into one in-memory store
    if min_confidence is not None:
        store = AboveConfidence(store, min_confidence)
    store = read_source(store)  # read once, for every page
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    sources = article_text_sources(store) if articles or article else {}
    if article is not None:
        sources = {path: [i for i in ids if i == article] for path, ids in sources.items()}
    big = sum(len(ids) for ids in sources.values()) >= PARALLEL_ARTICLES
    # the articles' texts are read from their files while the store is read and drawn
    reading_texts = InChild(functools.partial(read_article_texts, sources), parallel=big)
    all_records = article_records(store)
    records = all_records if articles or article else []
    if article is not None:
        records = [r for r in records if article in (r["id"], r["iri"])][:1]
        if not records:
            raise ViewError(f"no article {article!r} in the store")
    G = rdf_to_networkx(store)
    if article is not None:
        folder = out / "articles"
        folder.mkdir(exist_ok=True)
        texts = texts_of(records, reading_texts.result())
        page, _ = ArticlePages(G).page(records[0], texts.get(records[0]["id"]))
        return [_write(folder / article_filename(records[0]["id"]), page)]
    from .money_view import (
        ASSETS_DIR,
        describe_money,
        money_data,
        money_summary,
        render_money_view,
        write_money_evidence,
        write_plotly_asset,
    )

    from .entity_pages import collect_site, describe_pages
    from .explorer import EXPLORE_ABOVE, remove_explorer_data, write_entity_explorer

    networks = province_networks(store)
    # the entity pages date and name articles even when no article page is written
    site = collect_site(G, networks, store, all_records, article_pages=bool(records))
    store.forget()  # all is in the graph, networks and site now: its memory goes before a fork
    texts = texts_of(records, reading_texts.result()) if records else {}
    nav = page_nav("", articles=bool(records), money=True)
    # a large graph's graph.html opens on a search (explorer.py); a small one is drawn whole
    explore = len(G) > EXPLORE_ABOVE
    jobs: list[Any] = [functools.partial(write_entity_explorer, G, out, nav=nav,
                                         article_links=bool(records), entity_pages="")]
    if not explore:
        jobs = []
        remove_explorer_data(out)
    # the province, official and article pages: shared with a helper from now on
    jobs += _page_jobs(G, site, records, texts, out)
    n_articles = (len(records) + ARTICLE_CHUNK - 1) // ARTICLE_CHUNK
    sharing = SharedJobs(jobs, parallel=big)
    if not explore:
        page = render_entity_graph(G, max_nodes=max_nodes, article_links=bool(records), nav=nav,
                                   entity_pages="")
        written.append(_write(out / "graph.html", page))
    written.append(_write(out / "provinces.html", render_province_network(
        networks, nav=nav, entity_pages="")))
    money = money_data(G, article_pages=bool(records))
    write_plotly_asset(out / ASSETS_DIR)  # once, shared by the pages that chart
    evidence = write_money_evidence(money, out / ASSETS_DIR)  # a large store's, beside it
    written.append(_write(out / "money.html", render_money_view(
        money, nav=nav, evidence_src=f"{ASSETS_DIR}/{evidence.name}" if evidence else None)))
    province_pages, official_pages = describe_pages(site)
    written.insert(0, _write(out / "index.html", render_index(
        G, networks, articles=len(records) if records else None,
        money=describe_money(money_summary(money)), provinces=province_pages,
        officials=official_pages)))
    results = sharing.finish()  # this process takes its share of the pages now
    if explore:
        written[1:1] = results.pop(0)  # graph.html (and its data) after index.html
    entity_results = results[:len(results) - n_articles]
    written += [path for paths in entity_results for path in paths]
    if records:
        done = [item for chunk in results[len(results) - n_articles:] for item in chunk]
        written += [path for path, _ in done]
        written.append(_article_index(records, done, out / "articles"))
    return written


#: From this many articles on, two processes share the work on a machine with two cores or
#: more (:mod:`cooperation_graph.parallel`): a helper reads the articles' texts from their files
#: while this process reads the store, then both draw the province, official and article pages
#: (10,000 articles: 8 s of text reading and 10 s of pages run beside the other work).
PARALLEL_ARTICLES = 500
#: Article pages per job of the shared work.
ARTICLE_CHUNK = 200


def _page_jobs(G: nx.MultiDiGraph, site: Any, records: list[Mapping[str, Any]],
               texts: Mapping[str, str], out: Path) -> list[Any]:
    """The jobs that write the province and official pages (each returns its paths) and the
    article pages (each returns (path, nodes drawn) per article)."""
    from .article_pages import ArticlePages
    from .entity_pages import named_html, page_paths, render_entity_page

    for folder in ("provinces", "officials"):
        (out / folder).mkdir(parents=True, exist_ok=True)

    def entity_job(paths: list[str]) -> list[Path]:
        return [_write(out / p, page) for p in paths
                if (page := render_entity_page(site, p)) is not None]

    paths = sorted(page_paths(site))
    jobs: list[Any] = [functools.partial(entity_job, paths[i:i + 8])
                       for i in range(0, len(paths), 8)]
    if records:
        folder = out / "articles"
        write_shared_assets(folder / "_assets")
        pages = ArticlePages(G, shared_assets="_assets", nav=page_nav("../", money=True),
                             entity_pages="../")

        def article_job(chunk: list[Mapping[str, Any]]) -> list[tuple[Path, int]]:
            done = []
            for record in chunk:
                page, n_nodes = pages.page(record, texts.get(record["id"]),
                                           named_html(site, record["id"]))
                done.append((_write(folder / article_filename(record["id"]), page), n_nodes))
            return done

        jobs += [functools.partial(article_job, records[i:i + ARTICLE_CHUNK])
                 for i in range(0, len(records), ARTICLE_CHUNK)]
    return jobs


def _article_index(records: list[Mapping[str, Any]], done: list[tuple[Path, int]],
                   folder: Path) -> Path:
    """``articles/index.html``: every article page with its date and how many nodes it draws."""
    rows = [
        f'<li><a href="{html.escape(path.name, quote=True)}">'
        f'{html.escape(str(record.get("title") or record["id"]))}</a> '
        f'<span class="cg-muted">{html.escape(str(record.get("date") or ""))} · '
        f"{n_nodes} nút</span></li>"
        for record, (path, n_nodes) in zip(records, done)
    ]
    return _write(folder / "index.html", assets.INDEX_HTML.format(rows="\n".join(rows),
                                                                   n=len(rows)))


def render_extraction_view(extraction: Any, *, base: str | None = None) -> str:
    """The article view of one :class:`~cooperation_graph.model.Extraction` (no store needed)."""
    from .mapping import extraction_to_quads
    from .projection import rdf_to_networkx

    quads = extraction_to_quads(extraction, base) if base else extraction_to_quads(extraction)
    G = rdf_to_networkx(quads)
    article = extraction.article.to_dict()
    return render_article_view(G, article=article, text=extraction.article.text)


def _write(path: Path, text: str) -> Path:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ViewError(f"{path}: cannot write view ({exc.strerror or exc})") from exc
    return path
