"""RDF -> networkx: the entity graph and the province networks, on hand-made extractions."""

from __future__ import annotations

from datetime import datetime

import networkx as nx
import pytest
from graph_fixtures import SAMPLE_TEXT, evidence, sample_extraction

from cooperation_graph.errors import QueryError
from cooperation_graph.mapping import extraction_to_quads, gazetteer_quads
from cooperation_graph.model import Article, Extraction, Official, ProvinceMention
from cooperation_graph.projection import (
    article_records,
    article_subgraph,
    province_network,
    rdf_to_networkx,
)
from cooperation_graph.store import build_articles, open_store

SAMPLE_ID = "tttd-2019-08-23-ha-noi-can-tho"


@pytest.fixture(scope="module")
def gazetteer_q():
    return gazetteer_quads()


@pytest.fixture(scope="module")
def sample_quads(gazetteer_q):
    return extraction_to_quads(sample_extraction()) + gazetteer_q


@pytest.fixture(scope="module")
def G(sample_quads):
    return rdf_to_networkx(sample_quads)


def by_type(G: nx.MultiDiGraph, kind: str) -> dict[str, dict]:
    return {a["label"]: a for _, a in G.nodes(data=True) if a["type"] == kind}


def node_of(G: nx.MultiDiGraph, label: str) -> str:
    (node,) = [n for n, a in G.nodes(data=True) if a["label"] == label]
    return node


def labelled_edges(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(G.nodes[u]["label"], a["label"], G.nodes[v]["label"])
            for u, v, a in G.edges(data=True)}


def test_entity_nodes_of_the_sample(G):
    counts = {kind: len(by_type(G, kind)) for kind in
              ("province", "official", "agreement", "funding", "investment", "event")}
    assert counts == {"province": 2, "official": 2, "agreement": 1, "funding": 3,
                      "investment": 1, "event": 1}
    assert len(G) == 10


def test_official_attributes(G):
    officials = by_type(G, "official")
    hai = officials["Hoàng Trung Hải"]
    assert hai["province"] == "Hà Nội"
    assert hai["posts"] == ["Bí thư Thành ủy (Hà Nội)", "Trưởng đoàn đại biểu Quốc hội (Hà Nội)",
                            "Ủy viên Bộ Chính trị"]
    assert "Ủy viên Trung ương Đảng" in officials["Trần Quốc Trung"]["posts"]
    assert hai["articles"] == [SAMPLE_ID]


def test_money_and_fact_attributes(G):
    fundings = by_type(G, "funding")
    assert sorted(a["amount_vnd"] for a in fundings.values()) == [3 * 10**9, 5 * 10**9, 5 * 10**9]
    assert set(fundings) == {"5 tỷ đồng · 2012", "5 tỷ đồng · 2014, 2016", "3 tỷ đồng · 2019"}
    assert fundings["5 tỷ đồng · 2014, 2016"]["years"] == [2014, 2016]
    (inv,) = by_type(G, "investment").values()
    assert (inv["amount_vnd"], inv["qualifier"], inv["projects"]) == (33_600 * 10**9, "trên", 18)
    assert inv["label"] == "18 dự án · trên 33.600 tỷ đồng"
    (agr,) = by_type(G, "agreement").values()
    assert (agr["n_contents"], agr["status"]) == (11, "planned")
    assert agr["signatories"] == ["hai Phó Bí thư Thường trực Thành ủy"]
    (event,) = by_type(G, "event").values()
    assert (event["date"], event["place"], event["kind"]) == ("2019-08-23", "Cần Thơ", "hội nghị")
    provinces = by_type(G, "province")
    assert provinces["Cần Thơ"]["code"] == "92" and provinces["Cần Thơ"]["era"] == "legacy"
    assert 9 < provinces["Cần Thơ"]["lat"] < 11 and 105 < provinces["Cần Thơ"]["lon"] < 107


def test_edges_are_labelled_and_read_left_to_right(G):
    edges = labelled_edges(G)
    assert ("Hà Nội", "hỗ trợ", "3 tỷ đồng · 2019") in edges
    assert ("3 tỷ đồng · 2019", "cho", "Cần Thơ") in edges
    assert ("Hà Nội", "đầu tư", "18 dự án · trên 33.600 tỷ đồng") in edges
    assert ("18 dự án · trên 33.600 tỷ đồng", "tại", "Cần Thơ") in edges
    assert ("Hoàng Trung Hải", "chủ trì", "Hội nghị · 23/08/2019") in edges
    assert ("Trần Quốc Trung", "công tác tại", "Cần Thơ") in edges
    assert ("Biên bản hợp tác · 11 nội dung", "bên tham gia", "Hà Nội") in edges
    assert ("Hội nghị · 23/08/2019", "diễn ra tại", "Cần Thơ") in edges
    # cooperation is one symmetric edge per pair, not one per direction
    coop = [a for _, _, a in G.edges(data=True) if a["label"] == "hợp tác với"]
    assert len(coop) == 1 and coop[0]["symmetric"] is True
    assert G.number_of_edges() == 18


def test_evidence_points_into_the_article_text(G):
    for node, attrs in G.nodes(data=True):
        if attrs["type"] == "province":
            continue
        assert attrs["evidence"], attrs["label"]
        for ev in attrs["evidence"]:
            assert SAMPLE_TEXT[ev["start"]:ev["end"]] == ev["sentence"]
            assert ev["article_id"] == SAMPLE_ID
            assert ev["article_title"].startswith("Hà Nội - Cần Thơ")
            assert ev["article_date"] == "2019-08-23"
            assert 0 < ev["confidence"] <= 1
    (ev,) = G.nodes[node_of(G, "5 tỷ đồng · 2012")]["evidence"]
    assert "nhà tình nghĩa" in ev["sentence"]


def test_store_and_quads_give_the_same_graph(G, tmp_path):
    store = open_store(tmp_path / "store")
    build_articles([sample_extraction()], store)
    from_store = rdf_to_networkx(store)
    assert sorted(from_store.nodes) == sorted(G.nodes)
    assert sorted(labelled_edges(from_store)) == sorted(labelled_edges(G))
    assert [r["id"] for r in article_records(store)] == [SAMPLE_ID]
    store.close()


def current_era_extraction() -> Extraction:
    """A 2025 article: the merged Cần Thơ (current unit) working with Hà Nội, no money."""
    text = "Ngày 5/9/2025, Bí thư Thành ủy Cần Thơ Trần Quốc Trung làm việc với TP Hà Nội."
    article = Article(id="synthetic-2025-can-tho", title="Cần Thơ làm việc với Hà Nội",
                      text=text, date=datetime(2025, 9, 5, 8, 0),
                      url="https://example.org/2025/can-tho", synthetic=True)
    return Extraction(
        article=article,
        provinces=(ProvinceMention("Cần Thơ", "92", "current", 1, "Thành phố Cần Thơ"),
                   ProvinceMention("Hà Nội", "01", "current", 1, "Thành phố Hà Nội")),
        cooperation_pairs=(("Cần Thơ", "Hà Nội"),),
        officials=(Official("Trần Quốc Trung", ("Bí thư Thành ủy",), "Cần Thơ",
                            evidence("Trần Quốc Trung", text=text)),),
    )


def two_articles(gazetteer_q):
    return (extraction_to_quads(sample_extraction()) + extraction_to_quads(current_era_extraction())
            + gazetteer_q)


def test_province_network_legacy(sample_quads):
    P = province_network(sample_quads, era="legacy")
    assert len(P) == 63
    assert all(8 < a["lat"] < 24 and 102 < a["lon"] < 110 for _, a in P.nodes(data=True))
    ((u, v, attrs),) = P.edges(data=True)
    assert {P.nodes[u]["label"], P.nodes[v]["label"]} == {"Hà Nội", "Cần Thơ"}
    assert attrs == {"articles": 1, "agreements": 1, "fundings": 3, "funding_vnd": 13 * 10**9,
                     "investments": 1, "investment_vnd": 33_600 * 10**9, "weight": 6,
                     # the weight year by year: two fundings of 2012 and 2014 the 2019 article recalls
                     "by_year": {2012: 1, 2014: 1, 2019: 4}}


def test_province_network_current_rolls_legacy_units_up(gazetteer_q):
    quads = two_articles(gazetteer_q)
    P = province_network(quads, era="current")
    assert len(P) == 34
    ((u, v, attrs),) = P.edges(data=True)
    assert {u.rsplit("/", 2)[-2], v.rsplit("/", 2)[-2]} == {"current"}
    # the 2019 article (legacy units, rolled up) and the 2025 one (current units)
    assert attrs["articles"] == 2 and attrs["fundings"] == 3 and attrs["weight"] == 7
    legacy = province_network(quads, era="legacy")
    # a current-era article cannot be split back into the 63 former units
    assert legacy.edges[next(iter(legacy.edges))]["articles"] == 1


def test_pair_inside_one_merged_unit_disappears_when_rolled_up(gazetteer_q):
    text = "Cần Thơ và Hậu Giang ký kết hợp tác phát triển du lịch."
    ex = Extraction(
        article=Article(id="synthetic-ct-hg", title="Cần Thơ - Hậu Giang", text=text,
                        date=datetime(2020, 5, 1), url="https://example.org/ct-hg",
                        synthetic=True),
        provinces=(ProvinceMention("Cần Thơ", "92", "legacy", 1, successor="Cần Thơ"),
                   ProvinceMention("Hậu Giang", "93", "legacy", 1, successor="Cần Thơ")),
        cooperation_pairs=(("Cần Thơ", "Hậu Giang"),),
    )
    quads = extraction_to_quads(ex) + gazetteer_q
    assert province_network(quads, era="legacy").number_of_edges() == 1
    assert province_network(quads, era="current").number_of_edges() == 0


def test_article_subgraph_keeps_only_that_article(gazetteer_q):
    G2 = rdf_to_networkx(two_articles(gazetteer_q))
    records = article_records(two_articles(gazetteer_q))
    assert [r["id"] for r in records] == [SAMPLE_ID, "synthetic-2025-can-tho"]
    sub = article_subgraph(G2, "synthetic-2025-can-tho")
    types = sorted(a["type"] for _, a in sub.nodes(data=True))
    assert "funding" not in types and "official" in types
    assert all(ev["article_id"] == "synthetic-2025-can-tho"
               for _, a in sub.nodes(data=True) for ev in a["evidence"])
    assert len(article_subgraph(G2, SAMPLE_ID)) == 10


def test_unknown_era_is_a_clear_error(sample_quads):
    with pytest.raises(QueryError, match="unknown era"):
        province_network(sample_quads, era="2030")


def test_evidence_helper_still_matches_sample():
    # guards the fixture the projection tests rely on
    ev = evidence("nhà tình nghĩa")
    assert SAMPLE_TEXT[ev.start:ev.end] == ev.sentence
