"""Article pages drawn in bulk from the whole entity graph (ArticlePages) show what the page of
the article's own subgraph shows, and a page too large for the browser's layout still draws."""

from __future__ import annotations

import json
import re

import pytest
from fixtures.make_fixture import fixture_quads

from cooperation_graph import article_pages, views
from cooperation_graph.article_pages import ArticlePages, render_article_view
from cooperation_graph.projection import article_records, article_subgraph, rdf_to_networkx


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="cg-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def graph():
    quads = fixture_quads()
    return rdf_to_networkx(quads), article_records(quads)


def test_bulk_pages_equal_the_pages_of_each_subgraph(graph) -> None:
    G, records = graph
    pages = ArticlePages(G)
    assert len(records) >= 4
    for record in records:
        bulk, n_nodes = pages.page(record)
        alone = render_article_view(article_subgraph(G, record["id"]), article=record)
        assert page_data(bulk) == page_data(alone), record["id"]
        assert n_nodes == len(page_data(bulk)["info"]) > 0
        # the panel of a node seen in several articles keeps this article's evidence only
        for info in page_data(bulk)["info"].values():
            assert all(ev["a"] == record["title"] for ev in info.get("ev", ())), record["id"]


def test_a_page_too_large_for_the_browser_is_laid_out_here(graph, monkeypatch) -> None:
    G, records = graph
    monkeypatch.setattr(article_pages, "PHYSICS_MAX_NODES", 2)
    monkeypatch.setattr(views, "PHYSICS_MAX_NODES", 2)
    data = page_data(ArticlePages(G).page(records[0])[0])
    assert data["view"] == "article" and data["physics"] is False
    assert all("x" in n for n in data["vis"]["nodes"])
    assert [str(i) for i in range(len(data["order"]))] == list(data["info"])  # numbered


PROBE = """<script>
setTimeout(function () {
  var marks = document.querySelectorAll('#cg-article mark');
  marks[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));
  document.body.setAttribute('data-selected', network.getSelectedNodes().join(' '));
}, 3000);
</script>"""


def test_browser_deep_link_and_marks_find_the_numbered_nodes(tmp_path, graph) -> None:
    from browser import load_page

    G, records = graph
    record = records[0]
    page, _ = ArticlePages(G).page(record)
    data = page_data(page)
    funding = next(i for i, info in data["info"].items() if info["t"] in ("funding", "event"))
    iri = data["order"][int(funding)]
    at = page.rindex("</body>")
    path = tmp_path / "article.html"
    path.write_text(page[:at] + PROBE + page[at:], encoding="utf-8")
    loaded = load_page(path.resolve().as_uri() + "#node=" + iri, budget_ms=15000)
    assert loaded.console == [] and loaded.attr("cg-status", "data-ready") == "1"
    details = loaded.dom[loaded.dom.index('id="cg-details"'):loaded.dom.index('id="cg-article"')]
    assert data["info"][funding]["l"] in details  # #node=<IRI> opened its panel
    selected = re.search(r'data-selected="([\d ]+)"', loaded.dom)
    assert selected and all(0 <= int(k) < len(data["order"]) for k in selected[1].split())
