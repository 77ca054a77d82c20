"""One page per province and per official: ``provinces/<slug>.html``, ``officials/<slug>.html``
and an ``index.html`` of each, written by :func:`write_entity_pages` (``coopgraph view``) or
drawn on demand by :func:`served_page` (``coopgraph serve``).

A province page (:mod:`~cooperation_graph.province_page`) shows the unit with its era as a tag
and links between a former unit and the unit it became part of on 2025-07-01, its network
scores (:mod:`cooperation_graph.analytics`), its partners ranked, the money it gave and received
by year, its agreements, events, officials with their posts over time, and the articles naming
it, newest first. An official's page (:mod:`~cooperation_graph.official_page`) shows the posts
over time, the events, the provinces and the articles.

Everything is collected once (:func:`~cooperation_graph.entity_data.collect_site`: one pass over
the entity graph, the two province networks and two tables of the store's reading), so writing
every page costs about as much as reading the store once, not a query per page. Pages are plain HTML
(:mod:`~cooperation_graph.entity_html`): no script, nothing loaded, so they work from
``file://``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from .entity_data import Site, collect_site, entity_href, official_slug, province_slug
from .entity_html import (
    MAX_ROWS,
    named_html,
    render_official_index,
    render_province_index,
    vi_num,
)
from .official_page import render_official_page
from .province_page import render_province_page
from .vocab import CG_NS


def page_paths(site: Site) -> dict[str, tuple[str, str]]:
    """Page path (relative to the output folder) -> (kind, IRI), indexes included."""
    if site.paths:
        return site.paths
    paths = site.paths
    paths.update({"provinces/index.html": ("province-index", ""),
                  "officials/index.html": ("official-index", "")})
    for iri, attrs in site.provinces.items():
        href = entity_href(attrs)
        if href:
            paths[href] = ("province", iri)
    for iri, attrs in site.officials.items():
        paths[str(entity_href(attrs))] = ("official", iri)
    return paths


def render_entity_page(site: Site, path: str) -> str | None:
    """The page at ``path`` (as :func:`page_paths` names it), or None if there is none."""
    kind, iri = page_paths(site).get(path, (None, ""))
    if kind == "province":
        return render_province_page(site, iri)
    if kind == "official":
        return render_official_page(site, iri)
    if kind == "province-index":
        return render_province_index(site)
    if kind == "official-index":
        return render_official_index(site)
    return None


def write_entity_pages(site: Site, out_dir: str | Path) -> list[Path]:
    """Write every province and official page and their indexes under ``out_dir``."""
    from .views import _write

    out = Path(out_dir)
    for folder in ("provinces", "officials"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(page_paths(site)):
        page = render_entity_page(site, path)
        if page is not None:
            written.append(_write(out / path, page))
    return written


# --------------------------------------------------------------------------------------------
# On demand, for `coopgraph serve`

#: The site of the store snapshot last served (a worker serves one snapshot at a time).
_SERVED: dict[str, Any] = {}


def _served_site(store: Any) -> dict[str, Any]:
    """The site, article records and gazetteer quads of ``store``, collected once per store
    object (the server opens a new handle when the store changes). The entity graph is
    dropped once collected: an article page projects its own graph."""
    if _SERVED.get("store") is not store:
        import pyoxigraph as ox

        from .projection import article_records, province_networks, rdf_to_networkx, read_source

        reading = read_source(store)  # the store read once for the graph, networks and site
        G = rdf_to_networkx(reading)
        networks = province_networks(reading)
        records = article_records(reading)
        holding = {q.graph_name for q in store.quads_for_pattern(
            None, None, ox.NamedNode(CG_NS + "Province"), None)}  # the gazetteer's graph
        gazetteer = [q for g in holding for q in store.quads_for_pattern(None, None, None, g)]
        _SERVED.clear()
        _SERVED.update(store=store, site=collect_site(G, networks, reading, records),
                       records=records, gazetteer=gazetteer)
    return _SERVED


def served_page(store: Any, path: str) -> str | None:
    """The page at ``path`` (``provinces/<slug>.html``, ``officials/<slug>.html``, their
    ``index.html``, ``articles/index.html`` or ``articles/<id>.html``) drawn from ``store``
    (a ``pyoxigraph.Store``), as :func:`views.write_views` writes it; None if there is none.

    Article pages embed vis-network (the server's pages load no stylesheet by URL) and, the
    server holding no article text, show the evidence sentences in article order.
    """
    from . import view_assets as assets
    from .views import article_filename, page_nav, render_article_view

    served = _served_site(store)
    site: Site = served["site"]
    if path.startswith(("provinces/", "officials/")):
        return render_entity_page(site, path)
    if path == "articles/index.html":
        rows = [f'<li><a href="{html.escape(article_filename(r["id"]), quote=True)}">'
                f'{html.escape(str(r.get("title") or r["id"]))}</a> <span class="cg-muted">'
                f'{html.escape(str(r.get("date") or ""))}</span></li>' for r in served["records"]]
        return assets.INDEX_HTML.format(rows="\n".join(rows), n=len(rows))
    if not path.startswith("articles/"):
        return None
    name = path[len("articles/"):]
    record = next((r for r in served["records"] if article_filename(r["id"]) == name), None)
    if record is None or not record.get("graph"):
        return None
    import pyoxigraph as ox

    from .projection import rdf_to_networkx

    quads = list(store.quads_for_pattern(None, None, None, ox.NamedNode(record["graph"])))
    G = rdf_to_networkx(quads + served["gazetteer"])
    return render_article_view(G, article=record, nav=page_nav("../", money=True),
                               entity_pages="../", named=named_html(site, record["id"]))


def describe_pages(site: Site) -> tuple[str, str]:
    """What the two indexes hold, for ``index.html``."""
    units = sum(1 for a in site.provinces.values() if entity_href(a))
    active = sum(1 for i in site.provinces if site.scores.get(i) and site.scores[i].degree)
    return (f"{vi_num(units)} trang ({vi_num(active)} đơn vị có đối tác)",
            f"{vi_num(len(site.officials))} trang")


__all__ = [
    "MAX_ROWS",
    "Site",
    "collect_site",
    "describe_pages",
    "entity_href",
    "named_html",
    "official_slug",
    "page_paths",
    "province_slug",
    "render_entity_page",
    "render_official_index",
    "render_official_page",
    "render_province_index",
    "render_province_page",
    "served_page",
    "write_entity_pages",
]
