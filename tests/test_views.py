"""HTML views: money formatting, offline pages, escaping, large graphs, and a real browser."""

from __future__ import annotations

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from browser import load_page, screenshot
from click.testing import CliRunner
from graph_fixtures import SAMPLE as SAMPLE_PATH
from graph_fixtures import evidence, sample_extraction

from cooperation_graph.cli import main
from cooperation_graph.mapping import extraction_to_quads, gazetteer_quads
from cooperation_graph.model import Article, Extraction, Funding, Official, ProvinceMention
from cooperation_graph.money_view import money_data, render_money_view
from cooperation_graph.projection import province_network, rdf_to_networkx
from cooperation_graph.store import build_articles, open_store
from cooperation_graph.views import (
    MAX_PROVINCE_EDGES,
    ViewError,
    article_filename,
    format_vnd,
    highlight_spans,
    render_entity_graph,
    render_extraction_view,
    render_province_network,
    write_views,
)

SAMPLE_ID = "tttd-2019-08-23-ha-noi-can-tho"
PWN = "document.title='PWNED'"
EVIL_TITLE = f'Hà Nội </script><script>{PWN}</script> "kép" \'đơn\' & <!-- x'
EVIL_NAME = f'Nguyễn Văn <img src=x onerror="{PWN}">'
EVIL_TEXT = (f"Hà Nội hỗ trợ Cần Thơ 2 tỷ đồng cho quỹ </script><script>{PWN}</script>. "
             f"Ông {EVIL_NAME} phát biểu tại Cần Thơ.")


# ------------------------------------------------------------------------------- formatting


@pytest.mark.parametrize("amount, qualifier, text", [
    (3_000_000_000, None, "3 tỷ đồng"),
    (33_600_000_000_000, "trên", "trên 33.600 tỷ đồng"),
    (500_000_000, None, "500 triệu đồng"),
    (1_500_000_000, "gần", "gần 1,5 tỷ đồng"),
    (1_234_567_890, None, "1,235 tỷ đồng (1.234.567.890 đồng)"),
    (750_000, None, "750.000 đồng"),
    (2_500_000, "khoảng", "khoảng 2,5 triệu đồng"),
    (None, None, ""),
])
def test_format_vnd(amount, qualifier, text):
    assert format_vnd(amount, qualifier) == text


def test_highlight_spans_escapes_and_splits_overlaps():
    text = "a <b> c & d"
    out = highlight_spans(text, [(0, 5, "funding", 0), (2, 11, "official", 1), (40, 50, "x", 2)])
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert out.count("<mark") == 3  # [a ], [<b>] by both, [ c & d]
    assert 'data-facts="0 1"' in out


def test_article_filename_is_safe():
    assert article_filename("../../etc/passwd") == "etc-passwd.html"
    assert article_filename(SAMPLE_ID) == SAMPLE_ID + ".html"


# ------------------------------------------------------------------------------- fixtures


def evil_extraction() -> Extraction:
    art = Article(id="evil-<script>", title=EVIL_TITLE, text=EVIL_TEXT,
                  date=datetime(2021, 3, 1, 9, 0), url=f"javascript:{PWN}", synthetic=True)
    money = evidence("2 tỷ đồng", text=EVIL_TEXT)
    return Extraction(
        article=art,
        provinces=(ProvinceMention("Hà Nội", "01", "legacy", 1, "Thành phố Hà Nội"),
                   ProvinceMention("Cần Thơ", "92", "legacy", 2, "Thành phố Cần Thơ")),
        cooperation_pairs=(("Hà Nội", "Cần Thơ"),),
        officials=(Official(EVIL_NAME, (f"Bí thư <script>{PWN}</script>",), "Cần Thơ",
                            evidence("phát biểu", text=EVIL_TEXT)),),
        fundings=(Funding(2_000_000_000, None, "Hà Nội", "Cần Thơ",
                          f"quỹ </script><script>{PWN}</script>", 2021, "given", money),),
    )


@pytest.fixture(scope="module")
def views(tmp_path_factory) -> Path:
    """Views of a store holding the sample article and a hostile one."""
    root = tmp_path_factory.mktemp("views")
    store = open_store(root / "store")
    build_articles([sample_extraction(), evil_extraction()], store)
    write_views(store, root / "out")
    store.close()
    return root / "out"


def pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


# ------------------------------------------------------------------------------- static checks


def test_write_views_writes_every_page(views):
    names = {p.relative_to(views).as_posix() for p in pages(views)}
    assert {"graph.html", "provinces.html", "articles/index.html",
            f"articles/{SAMPLE_ID}.html", "articles/evil-script.html"} <= names


def test_no_remote_script_or_stylesheet(views):
    for page in pages(views):
        text = page.read_text(encoding="utf-8")
        for tag, attrs in tags_of(text):
            if tag in ("script", "link", "img", "iframe"):
                ref = attrs.get("src") or attrs.get("href") or ""
                assert not re.match(r"^\s*(https?:)?//", ref), f"{page.name}: {tag} {ref}"
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", text), page.name
    graph = (views / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in graph and "bootstrap" not in graph.lower()


def test_hostile_text_cannot_inject(views):
    def n_scripts(page: str) -> int:
        return len([t for t, _ in tags_of(page) if t == "script"])

    benign = n_scripts(render_entity_graph(nx.MultiDiGraph()))
    benign_money = n_scripts(render_money_view(money_data(nx.MultiDiGraph())))
    for page in pages(views):
        text = page.read_text(encoding="utf-8")
        found = tags_of(text)
        scripts = [t for t, _ in found if t == "script"]
        if page.name == "money.html":
            assert len(scripts) == benign_money, page.name
        elif page.parent.name in ("provinces", "officials"):
            assert not scripts, page.name  # the province and official pages run nothing
        elif page.name != "index.html":
            assert len(scripts) == benign, page.name
        for tag, attrs in found:
            assert tag != "img", page.name
            for name, value in attrs.items():
                assert not name.startswith("on"), f"{page.name}: <{tag} {name}>"
                assert "javascript:" not in (value or "").lower(), f"{page.name}: {name}"
        # the payload is there, but only as escaped data
        assert "PWNED" not in text or ("\\u003c/script\\u003e" in text or "&lt;" in text)
        assert "</script><script>" + PWN not in text


def test_article_pages_share_one_local_copy_of_vis_network(views):
    assert (views / "articles" / "_assets" / "vis-network.min.js").stat().st_size > 100_000
    page = (views / "articles" / f"{SAMPLE_ID}.html").read_text(encoding="utf-8")
    assert '<script src="_assets/vis-network.min.js"></script>' in page
    assert len(page) < 150_000  # not the 700 KB of an embedded copy
    assert len((views / "graph.html").read_text(encoding="utf-8")) > 450_000  # standalone


def test_large_graph_keeps_every_type_and_all_provinces():
    G = nx.MultiDiGraph()
    for i in range(30):
        G.add_node(f"p{i}", type="province", label=f"Tỉnh {i}")
    for i in range(600):
        kind = ("funding", "event", "official")[i % 3]
        G.add_node(f"f{i}", type=kind, label=f"{kind} {i}")
        G.add_edge(f"f{i}", f"p{i % 30}", label="cho")
        if kind == "event":  # events are better connected, but must not crowd out the rest
            G.add_edge(f"f{i}", f"p{(i + 1) % 30}", label="diễn ra tại")
    page = render_entity_graph(G, max_nodes=330)
    data = page[page.index('id="cg-data">') + 13:]
    types = re.findall(r'"t": "(\w+)"', data[: data.index("</script>")])
    counts = {t: types.count(t) for t in set(types)}
    assert counts["province"] == 30 and sum(counts.values()) == 330
    assert min(counts["funding"], counts["event"], counts["official"]) >= 99


def test_large_graph_shows_top_nodes_with_a_notice():
    G = nx.MultiDiGraph()
    for i in range(600):
        G.add_node(f"n{i}", type="official", label=f"Người {i}")
    for i in range(1, 600):
        G.add_edge(f"n{i}", f"n{i // 7}", label="công tác tại")
    page = render_entity_graph(G, max_nodes=400)
    assert 'id="cg-notice"' in page and "400" in page
    assert '"expected": {"edges": ' in page and '"nodes": 400' in page


def test_old_and_new_units_of_one_name_are_told_apart():
    G = nx.MultiDiGraph()
    G.add_node("old", type="province", label="Cần Thơ", era="legacy")
    G.add_node("new", type="province", label="Cần Thơ", era="current")
    G.add_node("hn", type="province", label="Hà Nội", era="legacy")
    G.add_edge("old", "hn", label="hợp tác với", symmetric=True)
    page = render_entity_graph(G)
    assert '"l": "Cần Thơ (cũ)"' in page and '"l": "Cần Thơ (mới)"' in page
    assert '"l": "Hà Nội"' in page
    assert G.nodes["old"]["label"] == "Cần Thơ"  # the caller's graph is left alone


def test_province_network_needs_data():
    with pytest.raises(ViewError):
        render_province_network({})


def test_extraction_view_has_the_full_text_highlighted():
    page = render_extraction_view(sample_extraction())
    assert page.count('<mark class="cg-ev') >= 7
    assert "Bạc Liêu" in page  # the whole text is there, not only the evidence


# ------------------------------------------------------------------------------- CLI


def test_cli_view(tmp_path):
    store = open_store(tmp_path / "store")
    build_articles([sample_extraction()], store)
    store.close()
    runner = CliRunner()
    result = runner.invoke(main, ["view", "--store", str(tmp_path / "store"),
                                  "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "graph.html").exists()
    result = runner.invoke(main, ["view", "--store", str(tmp_path / "store"),
                                  "--out", str(tmp_path / "one"), "--article", SAMPLE_ID])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "one").rglob("*.html")] == [SAMPLE_ID + ".html"]
    result = runner.invoke(main, ["view", "--store", str(tmp_path / "store"), "--out",
                                  str(tmp_path / "x"), "--article", "no-such-article"])
    assert result.exit_code != 0 and "no article" in result.output


def _links(page: Path) -> list[str]:
    return [a["href"] or "" for t, a in tags_of(page.read_text(encoding="utf-8"))
            if t == "a" and a.get("href")]


def test_index_links_every_view_and_every_page_links_back(views):
    index = views / "index.html"
    assert set(_links(index)) >= {"graph.html", "provinces.html", "money.html",
                                  "articles/index.html"}
    for page in pages(views):
        local = [h for h in _links(page) if not re.match(r"^[a-z]+:|^#", h)]
        for href in local:  # every link between the pages resolves to a page written
            assert (page.parent / href.split("#")[0]).resolve().is_file(), (page.name, href)
        if page != index:
            assert any((page.parent / h).resolve() == index.resolve() for h in local), page


def test_index_without_articles_does_not_link_them(tmp_path):
    written = write_views(extraction_to_quads(sample_extraction()) + gazetteer_quads(),
                          tmp_path, articles=False)
    assert written[0] == tmp_path / "index.html"
    for page in (tmp_path / "index.html", tmp_path / "graph.html", tmp_path / "provinces.html",
                 tmp_path / "money.html"):
        assert not any("articles/" in h for h in _links(page)), page.name


def test_cli_view_open_opens_the_index(tmp_path, monkeypatch):
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    store = open_store(tmp_path / "store")
    build_articles([sample_extraction()], store)
    store.close()
    runner = CliRunner()
    result = runner.invoke(main, ["view", "--store", str(tmp_path / "store"),
                                  "--out", str(tmp_path / "out"), "--open"])
    assert result.exit_code == 0, result.output
    assert opened == [(tmp_path / "out" / "index.html").resolve().as_uri()]
    result = runner.invoke(main, ["view", "--store", str(tmp_path / "store"), "--out",
                                  str(tmp_path / "one"), "--article", SAMPLE_ID, "--open"])
    assert result.exit_code == 0, result.output
    assert opened[-1] == (tmp_path / "one" / "articles" / f"{SAMPLE_ID}.html").resolve().as_uri()
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: False)
    result = runner.invoke(main, ["view", "--store", str(tmp_path / "store"),
                                  "--out", str(tmp_path / "out"), "--open"])
    assert result.exit_code == 0 and "no web browser found" in result.stderr
    result = runner.invoke(main, ["view", "--store", str(tmp_path / "store"),
                                  "--out", str(tmp_path / "out")])
    assert len(opened) == 2  # without --open nothing is opened


def test_cli_view_without_store(tmp_path):
    result = CliRunner().invoke(main, ["view", "--store", str(tmp_path / "missing"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code != 0 and "coopgraph build" in result.output
    assert not (tmp_path / "missing").exists()


# ------------------------------------------------------------------------------- real browser


def status(page) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    keys = ("data-ready", "data-nodes", "data-edges", "data-drawn-nodes", "data-drawn-edges",
            "data-physics", "data-era")
    return {k: page.attr("cg-status", k) for k in keys}


def expected_entity(views: Path) -> nx.MultiDiGraph:
    return rdf_to_networkx(views.parent / "store")


def test_browser_entity_graph(views, tmp_path):
    G = expected_entity(views)
    page = load_page(views / "graph.html")
    assert page.console == []
    st = status(page)
    assert st["data-ready"] == "1" and st["data-physics"] == "off"
    assert (st["data-nodes"], st["data-edges"]) == (str(len(G)), str(G.number_of_edges()))
    assert (st["data-drawn-nodes"], st["data-drawn-edges"]) == (st["data-nodes"], st["data-edges"])
    png = screenshot(views / "graph.html", tmp_path / "graph.png")
    assert png.stat().st_size > 20_000


def test_browser_filters_and_search(tmp_path):
    quads = extraction_to_quads(sample_extraction()) + gazetteer_quads()
    written = write_views(quads, tmp_path, articles=False)
    url = written[written.index(tmp_path / "graph.html")].resolve().as_uri()
    # 2012: the 2012 funding and the two provinces it joins; its donor, recipient, cooperation
    page = load_page(url + "#year=2012")
    assert page.console == []
    assert (page.attr("cg-status", "data-visible-nodes"),
            page.attr("cg-status", "data-visible-edges")) == ("3", "3")
    assert page.attr("cg-status", "data-nodes") == "10"  # filtered, not removed
    # a range: 2012 to 2014 adds the 2014 funding (and nothing of the 2019 article)
    page = load_page(url + "#from=2012&to=2014")
    assert page.console == []
    assert page.attr("cg-status", "data-visible-nodes") == "4"
    page = load_page(url + "#type=official,event&province=C%E1%BA%A7n%20Th%C6%A1")
    # Cần Thơ's official and the conference held there; Hà Nội's secretary serves Hà Nội
    assert page.attr("cg-status", "data-visible-nodes") == "2"
    page = load_page(url + "#q=hoang%20trung%20hai")  # diacritics-blind search
    assert page.text("cg-search-result") == "1 kết quả"
    assert "Bí thư Thành ủy (Hà Nội)" in page.dom  # its details are open


def test_browser_province_network_both_eras(views, tmp_path):
    store = views.parent / "store"
    for era, units in (("legacy", 63), ("current", 34)):
        page = load_page(f"{(views / 'provinces.html').resolve().as_uri()}#era={era}",
                         size=(1400, 1000))
        assert page.console == []
        st = status(page)
        P = province_network(store, era=era)
        assert (st["data-ready"], st["data-era"]) == ("1", era)
        assert (st["data-nodes"], st["data-edges"]) == (str(units), str(P.number_of_edges()))
        assert P.number_of_edges() == 1
        # the era's borders are drawn, and the whole map (Trường Sa included) is in the frame
        assert page.attr("cg-status", "data-map-units") == str(units)
        x0, y0, x1, y1 = map(int, (page.attr("cg-status", "data-map-box") or "").split(","))
        width, height = map(int, (page.attr("cg-status", "data-map-frame") or "").split(","))
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        assert (x1 - x0) > 0.5 * width or (y1 - y0) > 0.5 * height  # and fills it
    png = screenshot(views / "provinces.html", tmp_path / "provinces.png", size=(1400, 1000))
    assert png.stat().st_size > 20_000


def label_boxes(page) -> list[tuple[str, float, float, float, float]]:  # type: ignore[no-untyped-def]
    """The names the province map drew (name, x0, y0, x1, y1 in page pixels; "" for the sea's and
    the archipelagos' names, which the map draws itself), from ``#cg-status``."""
    return [tuple(b) for b in json.loads(page.attr("cg-status", "data-label-boxes") or "[]")]


def overlapping(boxes) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]


PROVINCE = "https://w3id.org/coopgraph/id/province/"


@pytest.fixture(scope="module")
def busy_map(views, tmp_path_factory) -> Path:
    """provinces.html with every province cooperating (the fixture store has one link): each
    unit linked to its next few by code order, so the deltas are as crowded as in a real build."""
    store = views.parent / "store"
    networks = {}
    for era in ("legacy", "current"):
        P = nx.Graph(province_network(store, era=era))
        units = sorted(P.nodes, key=str)
        for i, u in enumerate(units):
            for k in (1, 2, 5):
                v = units[(i + k) % len(units)]
                P.add_edge(u, v, weight=1 + (i * k) % 7, articles=1)
        networks[era] = P
    path = tmp_path_factory.mktemp("busy") / "provinces.html"
    path.write_text(render_province_network(networks), encoding="utf-8")
    return path


def test_province_nodes_leave_their_names_to_the_page(views):
    """vis-network draws no name (it would put each under its dot, over one another): the nodes
    carry ``name`` and ``active`` for provinces.js to place them."""
    text = (views / "provinces.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="cg-data">(.*?)</script>', text, re.DOTALL).group(1))
    for era in data["eras"].values():
        assert all("label" not in n and n["name"] for n in era["nodes"])
        assert sum(n["active"] for n in era["nodes"]) == era["active"] == 2  # Hà Nội, Cần Thơ


@pytest.mark.parametrize("size", [(1400, 1000), (1000, 700), (1920, 1080)])
def test_browser_province_names_never_overlap(busy_map, size):
    for era, units, at_least in (("legacy", 63, 25), ("current", 34, 20)):
        page = load_page(f"{busy_map.as_uri()}#era={era}", size=size)
        assert page.console == []
        st = page.attr
        assert (st("cg-status", "data-ready"), st("cg-status", "data-labels-era")) == ("1", era)
        assert st("cg-status", "data-labels-wanted") == str(units)  # every unit is active
        boxes = label_boxes(page)
        names = [b[0] for b in boxes if b[0]]
        assert len(names) == int(st("cg-status", "data-labels") or 0) == len(set(names))
        assert overlapping(boxes) == []
        width, height = map(float, (st("cg-status", "data-labels-frame") or "").split(","))
        assert all(0 <= b[1] < b[3] <= width and 0 <= b[2] < b[4] <= height for b in boxes if b[0])
        if size == (1400, 1000):
            assert len(names) >= at_least, (era, len(names))


def test_browser_province_names_show_all_and_selection(views, tmp_path):
    page = load_page(views / "provinces.html", size=(1400, 1000))
    assert page.attr("cg-status", "data-labels") == "2"  # the two provinces that cooperate
    assert overlapping(label_boxes(page)) == []
    # "Hiện tên mọi tỉnh, thành": as many of the 63 as fit, none over another
    html_text = (views / "provinces.html").read_text(encoding="utf-8")
    tick = ("<script>document.getElementById('cg-all-names').checked = true;"
            "document.getElementById('cg-all-names').dispatchEvent(new Event('change'));</script>")
    ticked = tmp_path / "provinces.html"
    ticked.write_text(html_text.replace("</body>", tick + "</body>"), encoding="utf-8")
    page = load_page(ticked, size=(1400, 1000))
    assert page.console == []
    assert page.attr("cg-status", "data-labels-wanted") == "63"
    boxes = label_boxes(page)
    assert overlapping(boxes) == [] and len([b for b in boxes if b[0]]) >= 25
    # a selected province is named first, whatever its size
    page = load_page(f"{ticked.as_uri()}#era=legacy&node={PROVINCE}legacy/33", size=(1000, 700))
    assert label_boxes(page)[0][0] == "Hưng Yên"  # in the crowded Red River delta


def test_browser_article_view(views):
    page = load_page(views / "articles" / f"{SAMPLE_ID}.html")
    assert page.console == []
    st = status(page)
    assert st["data-ready"] == "1" and int(st["data-nodes"] or 0) == 10
    assert page.dom.count("<mark") >= 7


def title_of(page) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"<title>(.*?)</title>", page.dom, re.DOTALL)
    return match.group(1) if match else ""


def test_browser_hostile_page_stays_inert(views):
    G = expected_entity(views)
    (official,) = [n for n, a in G.nodes(data=True) if a["label"] == EVIL_NAME]
    url = (views / "graph.html").resolve().as_uri() + "#node=" + official.replace(":", "%3A")
    page = load_page(url)
    assert page.console == []
    assert title_of(page) != "PWNED"
    assert not re.search(r"<img[^>]*src=\"?x", page.dom)
    # the details panel shows the name, as text
    assert "Nguyễn Văn &lt;img src=x" in page.dom
    article = load_page(views / "articles" / "evil-script.html")
    assert article.console == []
    assert title_of(article) != "PWNED" and title_of(article).startswith("Hà Nội &lt;/script")
    assert 'href="javascript' not in article.dom


def test_browser_large_graph_is_laid_out_here_and_static(tmp_path):
    G = nx.MultiDiGraph()
    for i in range(700):
        G.add_node(f"n{i}", type=("official", "province", "funding")[i % 3], label=f"Nút {i}")
    for i in range(1, 700):
        G.add_edge(f"n{i}", f"n{(i * 7) // 11}", label="liên quan")
    path = tmp_path / "large.html"
    path.write_text(render_entity_graph(G, max_nodes=500), encoding="utf-8")
    page = load_page(path)
    assert page.console == []
    st = status(page)
    assert st["data-ready"] == "1" and st["data-nodes"] == "500" and st["data-physics"] == "off"
    assert "cg-notice" in page.dom


def test_browser_dense_province_map_starts_with_the_strongest_links(tmp_path):
    P = province_network(extraction_to_quads(sample_extraction()) + gazetteer_quads(), "legacy")
    nodes = sorted(P.nodes)
    for i, u in enumerate(nodes):
        for j, v in enumerate(nodes[i + 1:], start=i + 1):
            if (i * 7 + j) % 5 == 0:
                P.add_edge(u, v, weight=1 + (i * 31 + j * 17) % 97, articles=1)
    path = tmp_path / "dense.html"
    path.write_text(render_province_network({"legacy": P}), encoding="utf-8")
    page = load_page(path)
    assert page.console == []
    shown, total = int(page.attr("cg-status", "data-visible-edges") or 0), P.number_of_edges()
    assert total > 300 and MAX_PROVINCE_EDGES <= shown < total // 2  # the strongest ~100 (ties included)
    assert "kéo sang trái" in page.dom


def test_article_page_shows_the_full_text_while_the_source_is_unchanged(tmp_path):
    from cooperation_graph.pipeline import extract_path
    from cooperation_graph.store import build_paths

    source = tmp_path / SAMPLE_PATH.name  # the article id comes from the file name
    source.write_text(SAMPLE_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    store = open_store(tmp_path / "store")
    build_paths([source], store, extract_path)
    (page,) = write_views(store, tmp_path / "out", article=SAMPLE_ID)
    text = page.read_text(encoding="utf-8")
    assert "Mặc dù vậy, hợp tác giữa hai thành phố" in text  # not an evidence sentence
    assert "Toàn văn không có" not in text
    source.write_text("Bài đã sửa.\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    (page,) = write_views(store, tmp_path / "out2", article=SAMPLE_ID)
    text = page.read_text(encoding="utf-8")
    assert "Toàn văn không có" in text and "Mặc dù vậy, hợp tác" not in text
    store.close()


def test_views_of_quads_without_a_store(tmp_path):
    quads = extraction_to_quads(sample_extraction()) + gazetteer_quads()
    written = write_views(quads, tmp_path)
    assert {p.name for p in written} >= {"graph.html", "provinces.html"}


def test_browser_province_map_year_range_keeps_the_links_of_those_years(tmp_path):
    P = province_network(extraction_to_quads(sample_extraction()) + gazetteer_quads(), "legacy")
    nodes = sorted(P.nodes)
    expected = 0
    for i, u in enumerate(nodes[:40]):
        for j, v in enumerate(nodes[i + 1:40], start=i + 1):
            if (i + j) % 3:
                continue
            by_year = {2010 + (i * 7 + j) % 12: 1 + (i + j) % 4, 2010 + (i + 3 * j) % 12: 1}
            P.add_edge(u, v, weight=sum(by_year.values()), by_year=by_year, articles=1)
    for *_, a in P.edges(data=True):
        expected += any(2014 <= y <= 2016 for y in a["by_year"])
    path = tmp_path / "years.html"
    path.write_text(render_province_network({"legacy": P}), encoding="utf-8")
    page = load_page(path.resolve().as_uri() + "#from=2014&to=2016")
    assert page.console == []
    st = {k: page.attr("cg-status", k) for k in ("data-from", "data-to", "data-visible-edges")}
    assert (st["data-from"], st["data-to"]) == ("2014", "2016")
    assert 0 < int(st["data-visible-edges"] or 0) == expected < P.number_of_edges()
