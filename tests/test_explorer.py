"""graph.html of a large graph (explorer.py): search first, then a neighbourhood drawn in the
browser, at most MAX_DRAWN nodes, from data scripts beside the page (file://)."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from browser import load_page
from fixtures.make_fixture import fixture_quads

from cooperation_graph import explorer
from cooperation_graph.explorer import explorer_data, write_entity_explorer
from cooperation_graph.views import write_views

PROVINCE = "https://w3id.org/coopgraph/id/province/"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The views of the fixture graph (both eras), its graph.html as the explorer."""
    root = tmp_path_factory.mktemp("explorer")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(explorer, "EXPLORE_ABOVE", 5)
        write_views(fixture_quads(), root, articles=False)
    return root


def hub(n_fundings: int = 80) -> nx.MultiDiGraph:
    """A province giving to many others: more neighbours than a page may draw."""
    G = nx.MultiDiGraph()
    G.add_node("p0", type="province", label="Hà Nội", era="legacy", iri="p0")
    for i in range(n_fundings):
        G.add_node(f"f{i}", type="funding", label=f"{i + 1} tỷ đồng", amount_vnd=(i + 1) * 10**9,
                   evidence=[{"sentence": f"câu {i}", "article_id": "a", "article_date": "2020-01-01"}])
        G.add_node(f"p{i + 1}", type="province", label=f"Tỉnh {i + 1}", era="current",
                   iri=f"p{i + 1}")
        G.add_edge("p0", f"f{i}", key="hỗ trợ", label="hỗ trợ")
        G.add_edge(f"f{i}", f"p{i + 1}", key="cho", label="cho")
    G.add_edge("p0", "p1", key="hợp tác với", label="hợp tác với", symmetric=True)
    return G


def test_data_numbers_nodes_best_connected_first_and_keeps_both_directions() -> None:
    G = hub(10)
    nodes, links, chunks = explorer_data(G)
    assert nodes["l"][0] == "Hà Nội" and nodes["d"][0] == 11  # 10 fundings and Tỉnh 1
    assert sorted(nodes["d"], reverse=True) == nodes["d"]
    assert len(nodes["l"]) == len(links["a"]) == len(G) == sum(len(c) for c in chunks)
    hanoi, first = 0, nodes["l"].index("1 tỷ đồng")
    codes = dict(zip(links["a"][hanoi][::2], links["a"][hanoi][1::2]))
    back = dict(zip(links["a"][first][::2], links["a"][first][1::2]))
    assert links["labels"][codes[first] >> 1] == "hỗ trợ" and codes[first] & 1 == 0
    assert back[hanoi] == codes[first] | 1  # the same edge, seen from its other end
    sym = links["labels"].index("hợp tác với")
    assert links["symmetric"][sym] == 1 and links["symmetric"][links["labels"].index("cho")] == 0
    assert nodes["start"]["fundings"][0] == nodes["l"].index("10 tỷ đồng")  # largest first
    assert nodes["iri"]["p0"] == 0 and "f0" not in nodes["iri"]  # provinces and officials
    all_provinces = [nodes["l"][i] for i in nodes["start"]["all_provinces"]]
    assert len(all_provinces) == len(set(nodes["start"]["all_provinces"])) == 11  # each once


def test_a_large_store_gets_the_explorer_and_a_small_one_the_whole_graph(out: Path,
                                                                           tmp_path: Path) -> None:
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert '<script src="assets/graph-nodes.js"></script>' in page
    assert '<script src="assets/graph-links.js"></script>' in page
    assert len(page) < 800_000 and "vis.Network" in page
    assert (out / "assets" / "graph-detail-0.js").read_text("utf-8").startswith("CG_GRAPH_DETAIL(0, ")
    assert not re.search(r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page)
    write_views(fixture_quads(), out, articles=False)  # again, small: drawn whole
    assert not list((out / "assets").glob("graph-*.js"))
    assert "graph-nodes.js" not in (out / "graph.html").read_text("utf-8")
    with pytest.MonkeyPatch.context() as mp:  # and back, for the tests below
        mp.setattr(explorer, "EXPLORE_ABOVE", 5)
        write_views(fixture_quads(), out, articles=False)


def status(page, *keys: str) -> tuple[str | None, ...]:  # type: ignore[no-untyped-def]
    return tuple(page.attr("cg-status", k) for k in keys)


def test_browser_opens_on_search_and_lists(out: Path) -> None:
    page = load_page(out / "graph.html")
    assert page.console == []
    assert status(page, "data-ready", "data-mode", "data-nodes") == ("1", "start", "0")
    top = page.dom[page.dom.index('id="cg-top-provinces"'):page.dom.index('id="cg-new-agreements"')]
    assert top.count("<li>") >= 3 and "cg-tag-legacy" in top  # the era as a tag
    every = page.dom[page.dom.index('id="cg-all-provinces"'):]
    every = every[:every.index("</ul>")]
    names = re.findall(r'class="cg-link">([^<]+)</span><span class="cg-tag cg-tag-(\w+)"', every)
    assert len(names) == len(set(names)) >= 5  # each unit once, with its era
    assert ("Cần Thơ", "legacy") in names and ("Cần Thơ", "current") in names


def test_browser_draws_a_neighbourhood_from_a_deep_link(out: Path) -> None:
    url = (out / "graph.html").resolve().as_uri() + f"#node={PROVINCE}legacy/92"
    page = load_page(url, budget_ms=30000)
    assert page.console == []
    ready, mode, focus, drawn = status(page, "data-ready", "data-mode", "data-focus", "data-nodes")
    assert (ready, mode, focus) == ("1", "graph", "Cần Thơ") and int(drawn or 0) > 3
    details = page.dom[page.dom.index('id="cg-details"'):page.dom.index('id="cg-start"')]
    assert "Cần Thơ" in details and "Nút kề" in details  # loaded from its detail script
    assert 'href="provinces/can-tho-legacy.html"' in details  # the unit's own page
    page = load_page((out / "graph.html").resolve().as_uri() + "#q=can%20tho", budget_ms=30000)
    assert page.attr("cg-status", "data-mode") == "graph"
    assert re.match(r"\d+ kết quả", page.text("cg-search-result") or "")  # diacritics-blind


PROBE = """<script>
setTimeout(function () {
  var st = document.getElementById('cg-status');
  document.body.setAttribute('data-before', st.getAttribute('data-nodes'));
  network.body.emitter.emit('hoverNode', {node: 0});
  document.body.setAttribute('data-hover', st.getAttribute('data-highlighted'));
  network.body.emitter.emit('blurNode', {node: 0});
  var first = nodes.getIds().filter(function (id) { return id !== 0; })[0];
  network.body.emitter.emit('doubleClick', {nodes: [first], edges: []});
}, 4000);
</script>"""


def test_browser_never_draws_more_than_the_cap_and_expands_hop_by_hop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(explorer, "MAX_DRAWN", 30)
    write_entity_explorer(hub(80), tmp_path)
    source = (tmp_path / "graph.html").read_text(encoding="utf-8")
    at = source.rindex("</body>")
    probe = tmp_path / "probe.html"
    probe.write_text(source[:at] + PROBE + source[at:], encoding="utf-8")
    page = load_page(probe.resolve().as_uri() + "#node=p0", budget_ms=40000)
    assert page.console == []
    before = re.search(r'data-before="(\d+)"', page.dom)
    assert before and int(before[1]) == 30  # Hà Nội and its 29 best-connected neighbours
    hover = re.search(r'data-hover="(\d+)"', page.dom)
    assert hover and int(hover[1]) == 30  # Hà Nội lights up all it touches
    # a double click expanded one neighbour: nothing to add within the cap
    assert page.attr("cg-status", "data-nodes") == "30"
    assert "tối đa 30" in page.dom


def test_browser_a_year_range_draws_the_facts_of_those_years_only(tmp_path: Path) -> None:
    G = hub(20)
    for i in range(20):
        G.nodes[f"f{i}"]["years"] = [2015 + i % 5]  # the funding's own year
    nodes, _, _ = explorer_data(G)
    assert nodes["years"] == [2015, 2019]
    assert nodes["y0"][nodes["l"].index("1 tỷ đồng")] == 2015 and nodes["y0"][0] == 0  # Hà Nội: none
    write_entity_explorer(G, tmp_path)
    page = load_page((tmp_path / "graph.html").resolve().as_uri() + "#from=2016&to=2017&node=p0",
                     budget_ms=30000)
    assert page.console == []
    got = {k: page.attr("cg-status", k) for k in ("data-from", "data-to", "data-nodes", "data-mode")}
    # Hà Nội, Tỉnh 1 (a partner, no year) and the 8 fundings of 2016 and 2017
    assert got == {"data-from": "2016", "data-to": "2017", "data-nodes": "10", "data-mode": "graph"}
