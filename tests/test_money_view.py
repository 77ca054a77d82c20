"""money.html: the Sankey of fundings and investments, built from the bundled sample data.

Static checks read the page's JSON data and tags; the browser tests (headless Chromium, skipped
without it outside CI) load it from file:// and check that the Sankey is drawn, that the year
range redraws it and that a clicked flow lists its facts with their evidence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from browser import load_page
from click.testing import CliRunner
from graph_fixtures import ROOT

from cooperation_graph.cli import main
from cooperation_graph.money_view import (
    PLOTLY_FILE,
    money_data,
    plotly_js_path,
    render_money_view,
    write_plotly_asset,
)
from cooperation_graph.views import ViewError, write_views

SAMPLES = ROOT / "data" / "samples"
SAMPLE_ID = "tttd-2019-08-23-ha-noi-can-tho"


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """``coopgraph build data/samples`` then ``coopgraph view``."""
    root = tmp_path_factory.mktemp("money")
    invoke("build", str(SAMPLES), "--store", str(root / "store"), "--workers", "1")
    invoke("view", "--store", str(root / "store"), "--out", str(root / "out"))
    return root / "out"


def page_data(page: Path | str) -> dict:
    text = page.read_text(encoding="utf-8") if isinstance(page, Path) else page
    match = re.search(r'<script type="application/json" id="cg-data">(.*?)</script>', text, re.S)
    assert match, "no page data"
    return json.loads(match.group(1))


def facts(data: dict) -> list[dict]:
    """The compact rows as readable dicts."""
    return [{"kind": ("funding", "investment")[f[0]], "from": data["p"][f[1]],
             "to": data["p"][f[2]], "amount": f[3], "qualifier": f[4], "years": f[5],
             "own_years": bool(f[6]), "purpose": f[7],
             "evidence": [(data["s"][s], data["a"][a]) for s, a in f[9]]} for f in data["f"]]


def test_money_page_is_written_with_the_shared_plotly(out):
    page = (out / "money.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>", page)
    assert '<script src="assets/plotly.min.js"></script>' in page
    for attrs in scripts:
        assert not re.search(r"src\s*=\s*[\"']?\s*(https?:)?//", attrs), attrs
    assert not re.search(r"<link\b[^>]*href\s*=\s*[\"']?\s*(https?:)?//", page)
    asset = out / "assets" / PLOTLY_FILE
    assert asset.read_bytes() == plotly_js_path().read_bytes()
    assert len(page) < 100_000  # plotly.js (4.8 MB) is linked, not embedded
    assert "Dòng tiền" in page and 'lang="vi"' in page
    assert '"Noto Sans", "DejaVu Sans"' in page  # the font stack of the other views


def test_money_page_embeds_the_samples_fundings_and_investment(out):
    rows = facts(page_data(out / "money.html"))
    funded = {(r["from"], r["to"], r["amount"], tuple(r["years"]))
              for r in rows if r["kind"] == "funding"}
    assert funded == {("Hà Nội", "Cần Thơ", 3_000_000_000, (2019,)),
                      ("Hà Nội", "Cần Thơ", 5_000_000_000, (2012,)),
                      ("Hà Nội", "Cần Thơ", 5_000_000_000, (2014, 2016))}
    (invested,) = [r for r in rows if r["kind"] == "investment"]
    assert (invested["from"], invested["to"], invested["amount"], invested["qualifier"]) == (
        "Hà Nội", "Cần Thơ", 33_600_000_000_000, "trên")
    assert invested["years"] == [2019] and not invested["own_years"]  # the article's year
    (three,) = [r for r in rows if r["amount"] == 3_000_000_000]
    ((sentence, (title, when, href)),) = three["evidence"]
    assert "3 tỷ đồng" in sentence and when == "23/08/2019" and title.startswith("Hà Nội - Cần Thơ")
    assert href == f"articles/{SAMPLE_ID}.html" and (out / href).is_file()


def test_plotly_is_written_once(out, tmp_path):
    assert [p.name for p in out.rglob(PLOTLY_FILE)] == [PLOTLY_FILE]
    asset = out / "assets" / PLOTLY_FILE
    before = asset.stat().st_mtime_ns
    assert write_plotly_asset(out / "assets") == asset
    assert asset.stat().st_mtime_ns == before  # an identical copy is not rewritten
    target = tmp_path / "assets" / PLOTLY_FILE
    target.parent.mkdir()
    target.write_text("stale", encoding="utf-8")
    write_plotly_asset(tmp_path / "assets")
    assert target.read_bytes() == plotly_js_path().read_bytes()


def test_index_and_nav_link_the_money_page(out):
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="money.html"' in index and "3 khoản hỗ trợ (13 tỷ đồng)" in index
    assert "1 khoản đầu tư (33.600 tỷ đồng)" in index
    money = (out / "money.html").read_text(encoding="utf-8")
    assert 'href="index.html"' in money and 'href="articles/index.html"' in money
    for page in ("graph.html", "provinces.html", f"articles/{SAMPLE_ID}.html",
                 "articles/index.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert re.search(r'href="(\.\./)?money\.html"', text), page


def test_without_article_pages_evidence_links_the_source(tmp_path):
    invoke("build", str(SAMPLES), "--store", str(tmp_path / "store"), "--workers", "1")
    write_views(tmp_path / "store", tmp_path / "out", articles=False)
    data = page_data(tmp_path / "out" / "money.html")
    assert data["f"] and all(not a[2].startswith("articles/") for a in data["a"])
    assert "articles/index.html" not in (tmp_path / "out" / "money.html").read_text("utf-8")


def test_money_data_from_a_graph():
    G = nx.MultiDiGraph()
    G.add_node("old", type="province", label="Cần Thơ", era="legacy")
    G.add_node("new", type="province", label="Cần Thơ", era="current")
    G.add_node("hn", type="province", label="Hà Nội", era="legacy")
    ev = [{"sentence": "Hà Nội hỗ trợ  Cần Thơ 2 tỷ đồng.", "article_id": "a1",
           "article_title": "Bài", "article_date": "2021-03-01",
           "article_url": "javascript:alert(1)"}]
    G.add_node("f1", type="funding", amount_vnd=2_000_000_000, years=[], evidence=ev)
    G.add_edge("hn", "f1", label="hỗ trợ")
    G.add_edge("f1", "old", label="cho")
    G.add_node("i1", type="investment", amount_vnd=None, evidence=[])
    G.add_edge("new", "i1", label="đầu tư")
    G.add_edge("i1", "hn", label="tại")
    G.add_node("f2", type="funding", amount_vnd=1, years=[2020], evidence=[])  # no receiver
    G.add_edge("hn", "f2", label="hỗ trợ")
    data = money_data(G)
    assert data["p"] == ["Cần Thơ (cũ)", "Cần Thơ (mới)", "Hà Nội"]
    assert data["skipped"] == 1 and data["years"] == [2021, 2021]
    rows = facts(data)
    assert rows[0]["amount"] == 2_000_000_000 and rows[0]["years"] == [2021]
    assert rows[0]["evidence"] == [("Hà Nội hỗ trợ Cần Thơ 2 tỷ đồng.", ["Bài", "01/03/2021", ""])]
    assert rows[1]["from"] == "Cần Thơ (mới)" and rows[1]["amount"] is None
    assert rows[1]["years"] == []


def test_empty_store_gives_a_page_that_says_so():
    page = render_money_view(money_data(nx.MultiDiGraph()))
    assert 'id="cg-empty"' in page and page_data(page)["f"] == []


def test_assets_prefix_must_be_relative():
    for prefix in ("https://cdn.example/plotly", "//cdn.example", "file:///tmp"):
        with pytest.raises(ViewError):
            render_money_view(money_data(nx.MultiDiGraph()), assets_prefix=prefix)


# ------------------------------------------------------------------------------- real browser


def status(page) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    keys = ("data-ready", "data-links", "data-flows", "data-facts", "data-from", "data-to",
            "data-draws", "data-province", "data-error")
    return {k: page.attr("cg-status", k) for k in keys}


def test_browser_draws_the_sankey_and_the_year_range_filters(out):
    page = load_page(out / "money.html")
    assert page.console == []
    st = status(page)
    assert (st["data-ready"], st["data-error"]) == ("1", None)
    assert (st["data-links"], st["data-facts"]) == ("2", "4")  # funding and investment flows
    assert (st["data-from"], st["data-to"]) == ("2012", "2019")
    sankey = page.dom[page.dom.index('id="cg-sankey"'):]
    assert "<svg" in sankey and len(re.findall(r'<path class="sankey-link', sankey)) == 2
    assert "13 tỷ đồng" in page.dom and "33.600 tỷ đồng" in page.dom  # as format_vnd writes
    url = (out / "money.html").resolve().as_uri()
    page = load_page(url + "#from=2013&to=2016&province=H%C3%A0%20N%E1%BB%99i")
    st = status(page)
    # 2013-2016: the 2014-and-2016 funding only; no investment (reported in 2019)
    assert (st["data-links"], st["data-facts"], st["data-from"], st["data-to"]) == (
        "1", "1", "2013", "2016")
    assert st["data-province"] == "Hà Nội"


PROBE = """<script>
setTimeout(function () {
  var links = document.querySelectorAll('#cg-sankey path.sankey-link');
  document.body.setAttribute('data-links-before', links.length);
  links[links.length - 1].dispatchEvent(new MouseEvent('click', {bubbles: true}));
  var from = document.getElementById('cg-from');
  from.value = '2016';
  from.dispatchEvent(new Event('change'));
}, 2000);
</script>"""


def test_browser_controls_redraw_and_a_click_lists_the_facts(out):
    source = (out / "money.html").read_text(encoding="utf-8")
    at = source.rindex("</body>")
    probe = out / "money-probe.html"  # beside money.html, so assets/ resolves the same
    probe.write_text(source[:at] + PROBE + source[at:], encoding="utf-8")
    try:
        page = load_page(probe)
    finally:
        probe.unlink()
    assert page.console == []
    st = status(page)
    assert re.search(r'data-links-before="2"', page.dom)
    # the change of the year range redrew the page: 2016-2019 drops the 2012 funding
    assert (st["data-draws"], st["data-from"], st["data-facts"]) == ("2", "2016", "3")
    details = page.dom[page.dom.index('id="cg-details"'):page.dom.index('id="cg-main"')]
    assert "Hà Nội → Cần Thơ · hỗ trợ" in details and "3 khoản · 13 tỷ đồng" in details
    assert "3.000.000.000 đồng" in details and "Quỹ An sinh xã hội" in details
    assert "trao tặng Quỹ An sinh xã hội của thành phố Cần Thơ 3 tỷ đồng" in details
    assert f'href="articles/{SAMPLE_ID}.html"' in details
