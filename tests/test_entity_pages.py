"""Province and official pages: what each shows on the bundled sample, how eras are kept apart,
the links into them (graph, map, article pages) and out of them, and how the server serves them."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import load_page
from click.testing import CliRunner
from fixtures.make_fixture import fixture_quads
from graph_fixtures import SAMPLE as SAMPLE_PATH
from graph_fixtures import evidence, sample_extraction

from cooperation_graph import entity_html
from cooperation_graph.cli import main
from cooperation_graph.entity_pages import entity_href, official_slug, province_slug
from cooperation_graph.gazetteer import load_gazetteer
from cooperation_graph.model import Article, Extraction, Funding, Official, ProvinceMention
from cooperation_graph.server import ServerConfig, running_server
from cooperation_graph.store import build_articles, open_store
from cooperation_graph.views import write_views

SAMPLE_ID = "tttd-2019-08-23-ha-noi-can-tho"
SAMPLE_TITLE = "Hà Nội - Cần Thơ: Đẩy mạnh hợp tác, phát triển toàn diện trong giai đoạn mới"
HAI = "officials/hoang-trung-hai-01-2215b2.html"
TRUNG = "officials/tran-quoc-trung-92-cdf9f5.html"
PROVINCE = "https://w3id.org/coopgraph/id/province/"


# ------------------------------------------------------------------------------- reading pages


class _Page(HTMLParser):
    """Text of the h1, of each h2 section (by its id), and the rows of each section's tables."""

    def __init__(self) -> None:
        super().__init__()
        self.h1 = ""
        self.links: list[str] = []
        self.sections: dict[str, dict[str, list]] = {}
        self._section = "top"
        self._in: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("style", "script", "title"):
            self._skip += 1
        if tag == "h2":
            self._section = attrs.get("id") or "?"
        self.sections.setdefault(self._section, {"rows": [], "text": []})
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")
        if tag not in ("br", "meta", "rect", "input"):
            self._in.append(tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if self._in and self._in[-1] == tag:
            self._in.pop()
        if tag in ("style", "script", "title"):
            self._skip -= 1
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.sections[self._section]["rows"].append(self._row)
            self._row = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._skip:
            return
        if self._in and self._in[-1] == "h1" and self._section == "top":
            self.h1 += data
        if self._cell is not None:
            self._cell.append(data)
        self.sections.setdefault(self._section, {"rows": [], "text": []})["text"].append(data)


def read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def text(page: _Page, section: str) -> str:
    return " ".join("".join(page.sections[section]["text"]).split())


def rows(page: _Page, section: str) -> list[list[str]]:
    return page.sections[section]["rows"][1:]  # without the header


# ------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The views of a store holding the sample article (its facts as issue 2 lists them)."""
    root = tmp_path_factory.mktemp("entity")
    store = open_store(root / "store")
    build_articles([sample_extraction()], store)
    write_views(store, root / "out")
    store.close()
    return root / "out"


@pytest.fixture(scope="module")
def eras(tmp_path_factory) -> Path:
    """The views of the fixture graph: articles of both eras, one official seen in both."""
    root = tmp_path_factory.mktemp("eras")
    write_views(fixture_quads(), root, articles=False)
    return root


# ------------------------------------------------------------------------------- names


def test_every_unit_of_both_eras_has_a_stable_ascii_page(out):
    gaz = load_gazetteer()
    names = {province_slug(p.name, p.era) for p in gaz.provinces}
    assert len(names) == 63 + 34
    assert province_slug("Cần Thơ", "legacy") == "can-tho-legacy"
    assert province_slug("Hồ Chí Minh", "current") == "ho-chi-minh-current"
    assert all(re.fullmatch(r"[a-z0-9-]+", n) for n in names)
    written = {p.stem for p in (out / "provinces").glob("*.html")} - {"index"}
    assert written == names
    assert official_slug("https://w3id.org/coopgraph/id/person/hoang-trung-hai-01-2215b2") == \
        "hoang-trung-hai-01-2215b2"
    assert sorted(p.name for p in (out / "officials").glob("*.html")) == [
        "hoang-trung-hai-01-2215b2.html", "index.html", "tran-quoc-trung-92-cdf9f5.html"]
    assert entity_href({"type": "funding", "iri": "x"}) is None


# ------------------------------------------------------------------------------- province page


def test_can_tho_page_shows_the_unit_its_partner_and_its_scores(out):
    page = read(out / "provinces" / "can-tho-legacy.html")
    assert page.h1.strip() == "Cần Thơ"
    head = text(page, "top")
    assert "trước 1/7/2025" in head and "mã 92" in head
    assert "từ 1/7/2025 hợp nhất với Hậu Giang, Sóc Trăng thành Cần Thơ (mới)" in head
    # old <-> new: the unit it became part of, the units it merged with
    for href in ("can-tho-current.html", "hau-giang-legacy.html", "soc-trang-legacy.html"):
        assert f"../provinces/{href}" in page.links
    assert f"../provinces.html#era=legacy&node={PROVINCE}legacy/92" in page.links
    assert f"../graph.html#node={PROVINCE}legacy/92" in page.links
    analytics = dict((r[0], r[1]) for r in page.sections["analytics"]["rows"])
    assert analytics["Số đối tác (degree)"] == "1"
    assert analytics["Độ mạnh liên kết (weighted degree)"] == "6 · hạng 1/63"
    assert analytics["Cộng đồng (Louvain)"] == "cộng đồng số 1: cùng Hà Nội"
    assert rows(page, "partners") == [
        ["1", "Hà Nội", "6", "1", "1", "3 hỗ trợ (13 tỷ đồng); 1 đầu tư (33.600 tỷ đồng)"]]


def test_can_tho_page_shows_money_by_year_in_dong(out):
    page = read(out / "provinces" / "can-tho-legacy.html")
    money = page.sections["money"]["rows"]
    by_year = [r for r in money if len(r) == 5 and r[0] != "Năm"]
    assert by_year == [
        ["2012", "–", "5 tỷ đồng (1 khoản)", "–", "–"],
        ["2014", "–", "5 tỷ đồng (1 khoản)", "–", "–"],  # "2014 và 2016": its first year
        ["2019", "–", "3 tỷ đồng (1 khoản)", "–", "33.600 tỷ đồng (1 khoản)"],
        ["Tổng", "–", "13 tỷ đồng (3 khoản)", "–", "33.600 tỷ đồng (1 khoản)"],
    ]
    facts = [r[:6] for r in money if len(r) == 7 and r[0] != "Năm"]
    assert [f[:4] for f in facts] == [
        ["2019 (năm đăng bài)", "nhận từ ← Hà Nội", "đầu tư", "trên 33.600 tỷ đồng"],
        ["2019", "nhận từ ← Hà Nội", "hỗ trợ", "3 tỷ đồng"],
        ["2014, 2016", "nhận từ ← Hà Nội", "hỗ trợ", "5 tỷ đồng"],
        ["2012", "nhận từ ← Hà Nội", "hỗ trợ", "5 tỷ đồng"],
    ]
    assert facts[3][4].startswith("nhà tình nghĩa“Năm 2012, thành phố Hà Nội")  # + evidence
    assert all(f[5] in ("đã trao", "–") for f in facts)


def test_ha_noi_page_shows_the_money_it_gave(out):
    page = read(out / "provinces" / "ha-noi-legacy.html")
    total = [r for r in page.sections["money"]["rows"] if r and r[0] == "Tổng"]
    assert total == [["Tổng", "13 tỷ đồng (3 khoản)", "–", "33.600 tỷ đồng (1 khoản)", "–"]]
    assert "cho → Cần Thơ" in text(page, "money")


def test_can_tho_page_lists_agreement_event_officials_and_articles(out):
    page = read(out / "provinces" / "can-tho-legacy.html")
    (agreement,) = rows(page, "agreements")
    assert agreement[0] == "23/08/2019" and agreement[1] == "Hà Nội, Cần Thơ"
    assert agreement[2].startswith("biên bản hợp tác · 11 nội dung")
    assert agreement[3:6] == ["dự kiến", "–", "hai Phó Bí thư Thường trực Thành ủy"]
    assert agreement[6] == SAMPLE_TITLE
    (event,) = rows(page, "events")
    assert event[0] == "23/08/2019" and event[1].startswith("hội nghị")
    assert event[2:5] == ["Cần Thơ", "Hà Nội, Cần Thơ",
                          "Hoàng Trung Hải (chủ trì), Trần Quốc Trung (chủ trì)"]
    assert f"../{HAI}" in page.links and f"../{TRUNG}" in page.links
    officials = rows(page, "officials")
    assert [r[0] for r in officials] == ["Trần Quốc Trung"]
    assert "Bí thư Thành ủy 23/08/2019 – 23/08/2019 · 1 bài" in officials[0][1]
    assert rows(page, "articles") == [["23/08/2019", SAMPLE_TITLE, "Tuổi trẻ Thủ đô", "18"]]
    assert f"../articles/{SAMPLE_ID}.html" in page.links


def test_a_unit_without_cooperation_says_so(out):
    page = read(out / "provinces" / "yen-bai-legacy.html")
    assert "Chưa có đối tác nào" in text(page, "partners")
    assert "Chưa có khoản hỗ trợ" in text(page, "money")
    assert "../provinces/lao-cai-current.html" in page.links  # Yên Bái became part of Lào Cai


# ------------------------------------------------------------------------------- official page


def test_official_page_shows_posts_over_time_events_provinces_articles(out):
    page = read(out / HAI)
    assert page.h1.strip() == "Hoàng Trung Hải"
    assert "công tác tại Hà Nội (cũ)" in text(page, "top")
    assert rows(page, "posts") == [
        ["Bí thư Thành ủy", "Hà Nội (cũ)", "23/08/2019", "23/08/2019", "1"],
        ["Trưởng đoàn đại biểu Quốc hội", "Hà Nội (cũ)", "23/08/2019", "23/08/2019", "1"],
        ["Ủy viên Bộ Chính trị", "trung ương", "23/08/2019", "23/08/2019", "1"],
    ]
    (event,) = rows(page, "events")
    assert event[0] == "23/08/2019" and event[4] == "chủ trì"
    assert event[5] == "Trần Quốc Trung (chủ trì)"  # the others; not himself
    provinces = {r[0]: r[1] for r in rows(page, "provinces")}
    assert provinces["Hà Nội (cũ)"].startswith("công tác tại; chức vụ: Bí thư Thành ủy")
    assert provinces["Cần Thơ (cũ)"] == "sự kiện tại; sự kiện do tỉnh tổ chức"
    assert rows(page, "articles") == [["23/08/2019", SAMPLE_TITLE, "Tuổi trẻ Thủ đô"]]


def test_official_index_lists_each_official_with_province_and_last_post(out):
    page = read(out / "officials" / "index.html")
    assert [r[:2] for r in rows(page, "top")] == [["Hoàng Trung Hải", "Hà Nội (cũ)"],
                                                   ["Trần Quốc Trung", "Cần Thơ (cũ)"]]


def test_province_index_lists_both_eras_strongest_first(out):
    page = read(out / "provinces" / "index.html")
    legacy, current = rows(page, "legacy"), rows(page, "current")
    assert len(legacy) == 63 and len(current) == 34
    assert [r[0] for r in legacy[:2]] == ["Cần Thơ", "Hà Nội"]
    assert legacy[0][1:4] == ["92", "1", "6"]
    assert [r[0] for r in current[:2]] == ["Cần Thơ", "Hà Nội"]  # the old pair, rolled up


# ------------------------------------------------------------------------------- eras


def test_current_unit_page_rolls_up_partners_and_links_its_former_units(eras):
    page = read(eras / "provinces" / "can-tho-current.html")
    assert page.h1.strip() == "Cần Thơ"
    assert "từ 1/7/2025" in text(page, "top")
    assert "../provinces/can-tho-legacy.html" in page.links
    (partner,) = rows(page, "partners")
    assert partner[1] == "Hà Nội" and partner[2] == "10"  # 2019 (former units) + 2025
    assert "hợp tác của các đơn vị cũ" in text(page, "partners")
    # its own facts only: the 2025 agreement, not the 2019 one
    assert [r[0] for r in rows(page, "agreements")] == ["10/09/2025"]
    assert [r[:2] for r in rows(page, "articles")] == [
        ["10/09/2025", "Hà Nội và Cần Thơ ký chương trình hợp tác giai đoạn 2025-2030"]]


def test_an_official_seen_in_both_eras_has_one_page_with_both_units(eras):
    (path,) = (eras / "officials").glob("do-thanh-binh-*.html")
    page = read(path)
    assert [r[:3] for r in rows(page, "posts")] == [
        ["Bí thư Thành ủy", "Cần Thơ (cũ)", "20/03/2025"],
        ["Bí thư Thành ủy", "Cần Thơ (mới)", "10/09/2025"],
        ["Ủy viên Trung ương Đảng", "trung ương", "10/09/2025"],
    ]
    assert "<svg" in path.read_text(encoding="utf-8")  # the timeline: two dates to draw
    # no article pages were written: titles link to the articles' own URLs
    assert any(h.startswith("https://news.example.vn/") for h in page.links)
    assert not any("articles/" in h for h in page.links)


def test_long_lists_keep_the_newest_rows_and_say_so(tmp_path, monkeypatch):
    monkeypatch.setattr(entity_html, "MAX_ROWS", 1)
    write_views(fixture_quads(), tmp_path, articles=False)
    page = read(tmp_path / "provinces" / "ha-noi-legacy.html")
    assert len(rows(page, "articles")) == 1
    assert "Hiện 1 bài mới nhất trong 2." in text(page, "articles")


# ------------------------------------------------------------------------------- links


def _local(page: Path) -> list[str]:
    return [h for h in read(page).links if not re.match(r"^[a-z]+:|^#", h)]


def test_every_link_resolves_and_every_page_links_back_to_the_index(out):
    index = (out / "index.html").resolve()
    pages = sorted((out / "provinces").glob("*.html")) + sorted((out / "officials").glob("*.html"))
    assert len(pages) == 97 + 1 + 2 + 1
    for page in pages:
        local = _local(page)
        for href in local:
            assert (page.parent / href.split("#")[0]).resolve().is_file(), (page.name, href)
        assert any((page.parent / h).resolve() == index for h in local), page.name
        assert "<script" not in page.read_text(encoding="utf-8")  # plain pages, nothing to run


def test_index_graph_map_and_article_pages_link_the_pages(out):
    assert {"provinces/index.html", "officials/index.html"} <= set(_local(out / "index.html"))
    graph = (out / "graph.html").read_text(encoding="utf-8")
    assert '"pg": "provinces/can-tho-legacy.html"' in graph
    assert f'"pg": "{HAI}"' in graph
    assert '"pg": "provinces/can-tho-current.html"' in (out / "provinces.html").read_text(
        encoding="utf-8")
    article = out / "articles" / f"{SAMPLE_ID}.html"
    named = re.search(r'<div class="cg-muted" id="cg-named">(.*?)</div>',
                      article.read_text(encoding="utf-8")).group(1)
    assert re.findall(r'href="([^"]+)"', named) == [
        "../provinces/can-tho-legacy.html", "../provinces/ha-noi-legacy.html", f"../{HAI}",
        f"../{TRUNG}"]
    assert f'"pg": "../{HAI}"' in article.read_text(encoding="utf-8")  # its graph's panel


def test_pages_of_the_sample_built_from_its_file(tmp_path):
    """`coopgraph build data/samples` then `coopgraph view`: the pages name the sample's people."""
    runner = CliRunner()
    store = str(tmp_path / "store")
    assert runner.invoke(main, ["build", str(SAMPLE_PATH), "--store", store]).exit_code == 0
    result = runner.invoke(main, ["view", "--store", store, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "out" / "provinces" / "can-tho-legacy.html") in result.output
    page = read(tmp_path / "out" / "provinces" / "ha-noi-legacy.html")
    assert "Hoàng Trung Hải" in [r[0] for r in rows(page, "officials")]
    assert "3 tỷ đồng" in text(page, "money")


def test_hostile_names_are_escaped(tmp_path):
    evil = 'Nguyễn <img src=x onerror="alert(1)"> Văn'
    text_ = f"Hà Nội hỗ trợ Cần Thơ 2 tỷ đồng. Ông {evil} phát biểu tại Cần Thơ."
    extraction = Extraction(
        article=Article(id="evil", title="<script>alert(1)</script>", text=text_,
                        date=datetime(2021, 3, 1), url="javascript:alert(1)", synthetic=True),
        provinces=(ProvinceMention("Hà Nội", "01", "legacy", 1, "Thành phố Hà Nội"),
                   ProvinceMention("Cần Thơ", "92", "legacy", 2, "Thành phố Cần Thơ")),
        cooperation_pairs=(("Hà Nội", "Cần Thơ"),),
        officials=(Official(evil, ("Bí thư <b>Thành ủy</b>",), "Cần Thơ",
                            evidence("phát biểu", text=text_)),),
        fundings=(Funding(2_000_000_000, None, "Hà Nội", "Cần Thơ", "<i>quỹ</i>", 2021, "given",
                          evidence("2 tỷ đồng", text=text_)),),
    )
    store = open_store(tmp_path / "store")
    build_articles([extraction], store)
    write_views(store, tmp_path / "out", articles=False)
    store.close()
    for page in list((tmp_path / "out" / "provinces").glob("*.html")) + list(
            (tmp_path / "out" / "officials").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "<img" not in html and "<script" not in html and "<i>" not in html, page.name
        assert "javascript:" not in html, page.name
    assert "&lt;img src=x" in (tmp_path / "out" / "officials" / "index.html").read_text(
        encoding="utf-8")


def test_a_node_seen_in_many_articles_carries_its_newest_evidence_and_links_its_page():
    from cooperation_graph.views import MAX_NODE_EVIDENCE, _node_info

    evidence = [{"sentence": f"câu {i}", "article_date": f"2019-01-{i + 1:02d}",
                 "article_title": f"bài {i}"} for i in range(MAX_NODE_EVIDENCE + 12)]
    attrs = {"type": "official", "label": "Hoàng Trung Hải", "evidence": evidence,
             "iri": "https://w3id.org/coopgraph/id/person/hoang-trung-hai-01-2215b2"}
    info = _node_info(attrs, "official", article_links=False, entity_pages="../")
    assert len(info["ev"]) == MAX_NODE_EVIDENCE and info["more"] == 12
    assert info["ev"][0]["s"] == f"câu {MAX_NODE_EVIDENCE + 11}"  # the newest first
    assert info["pg"] == f"../{HAI}"


# ------------------------------------------------------------------------------- browser


def test_browser_graph_and_map_panels_link_the_pages(out):
    page = load_page((out / "graph.html").resolve().as_uri() + f"#node={PROVINCE}legacy/92",
                     budget_ms=15000)
    assert page.attr("cg-status", "data-ready") == "1", page.console
    assert 'href="provinces/can-tho-legacy.html"' in page.dom
    page = load_page((out / "provinces.html").resolve().as_uri()
                     + f"#era=legacy&node={PROVINCE}legacy/01", budget_ms=15000)
    assert 'href="provinces/ha-noi-legacy.html"' in page.dom, page.console


# ------------------------------------------------------------------------------- server


def _get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as resp:
            return resp.status, dict(resp.headers), resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode("utf-8", "replace")


def test_server_serves_every_page_and_follows_the_store(tmp_path):
    """/view/provinces/<slug>.html, /view/officials/..., /view/articles/... answer with the
    views' CSP; every relative link of a served page answers; a build while serving shows."""
    store = open_store(tmp_path / "store")
    build_articles([sample_extraction()], store)
    store.close()
    with running_server(ServerConfig(store=tmp_path / "store", port=0, workers=1)) as srv:
        base = srv.url + "view/"
        status, headers, body = _get(base + "provinces/can-tho-legacy.html")
        assert status == 200 and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "<h1>Cần Thơ" in body and "13 tỷ đồng (3 khoản)" in body
        for path in ("provinces/", "officials/index.html", HAI, "articles/",
                     f"articles/{SAMPLE_ID}.html"):
            assert _get(base + path)[0] == 200, path
        for bad in ("provinces/nowhere.html", "officials/../index.html", "articles/x.html",
                    "provinces/.hidden.html", "elsewhere/page.html"):
            assert _get(base + bad)[0] == 404, bad
        for page in ("provinces/can-tho-legacy.html", HAI, f"articles/{SAMPLE_ID}.html", ""):
            parsed = _Page()
            parsed.feed(_get(base + page)[2])
            for href in parsed.links:
                if not re.match(r"^[a-z]+:|^#", href):
                    url = urllib.parse.urljoin(base + page, href.split("#")[0])
                    assert _get(url)[0] == 200, (page, href)
        _, _, index = _get(base)
        assert 'href="provinces/index.html"' in index and 'href="articles/index.html"' in index
        # a new article in the store: the official index follows
        other = Extraction(
            article=Article(id="other", title="Sơn La - Hà Nội", text="Ông Lò Văn Khá phát biểu.",
                            date=datetime(2020, 1, 5), url=None, synthetic=True),
            provinces=(ProvinceMention("Sơn La", "14", "legacy", 1, "Tỉnh Sơn La"),),
            officials=(Official("Lò Văn Khá", ("Chủ tịch UBND tỉnh",), "Sơn La",
                                evidence("phát biểu", text="Ông Lò Văn Khá phát biểu.")),),
        )
        assert "Lò Văn Khá" not in _get(base + "officials/index.html")[2]
        store = open_store(tmp_path / "store")
        build_articles([other], store)
        store.close()
        assert "Lò Văn Khá" in _get(base + "officials/index.html")[2]
