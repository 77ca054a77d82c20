"""The relevance gate: which articles it sets aside, that a build records them as read, and that
it costs no cooperation fact on the team's evaluation set. The texts are synthetic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cooperation_graph import evaluate as ev
from cooperation_graph.cli import main
from cooperation_graph.gate import may_hold_relation
from cooperation_graph.gazetteer import load_gazetteer
from cooperation_graph.ingest import make_article

ROOT = Path(__file__).resolve().parent.parent


def gate(body: str, title: str = "") -> bool:
    return may_hold_relation(make_article(body, {"title": title, "synthetic": "true"}), load_gazetteer())


@pytest.mark.parametrize("body", [
    "Sáng 12/3, Ban Thường vụ Tỉnh ủy Nghệ An làm việc với đoàn công tác tỉnh Hà Tĩnh.",
    "UBND TPHCM trao 2 tỷ đồng hỗ trợ người dân tỉnh Quảng Ngãi khắc phục hậu quả bão.",
    "Hanoi and Can Tho signed a cooperation agreement for the 2024-2030 period.",
    "Ha Noi, Thua Thien-Hue hand over relief to Quang Binh flood victims.",
    "Tỉnh Lào Cai và tỉnh Vân Nam (Trung Quốc) ký kết biên bản ghi nhớ hợp tác.",
    "Đoàn đại biểu tỉnh Hoà Bình thăm tỉnh Thanh Hoá.",  # old tone-mark placement
])
def test_two_parties_and_a_cue_go_through(body):
    assert gate(body)


@pytest.mark.parametrize("body", [
    "Giá lúa tại An Giang tăng mạnh trong tuần qua, nông dân phấn khởi.",
    "Công an huyện bắt giữ đối tượng trộm cắp tài sản tại tỉnh Bình Dương.",
    "Kết quả xổ số Vietlott ngày 6/2/2017: giải đặc biệt chưa có người trúng.",
    "Hà Nội và Đà Nẵng nắng nóng trên 38 độ.",  # two provinces, no relation cue
])
def test_one_party_or_no_cue_is_set_aside(body):
    assert not gate(body)


def test_two_parties_far_apart_from_each_other_and_the_cue_are_set_aside():
    filler = " ".join(["Thời tiết hôm nay nắng ráo, nhiệt độ cao nhất 33 độ C."] * 60)
    assert not gate(f"Lúa tại Cà Mau được mùa. {filler} Giá cá tra tại Đồng Tháp giảm. {filler} "
                    f"Công ty tặng quà cho học sinh nghèo.")
    assert gate(f"{filler} Cà Mau ký kết hợp tác với Đồng Tháp. {filler}")


def officials(store: str) -> int:
    query = ("PREFIX cg: <https://w3id.org/coopgraph/ontology#> "
             "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?o a cg:Official } }")
    result = CliRunner().invoke(main, ["query", query, "--store", store, "--format", "json"])
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])


def test_a_build_records_a_set_aside_article_and_a_rerun_skips_it(tmp_path: Path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "---\ntitle: Giá lúa An Giang\ndate: 2020-05-02\nsynthetic: true\n---\n"
        "Giá lúa tại An Giang tăng mạnh; Chủ tịch UBND tỉnh An Giang Nguyễn Văn Sơn kiểm tra đồng ruộng.\n",
        encoding="utf-8")
    (corpus / "b.txt").write_text(
        "---\ntitle: Nghệ An hỗ trợ Hà Tĩnh\ndate: 2020-10-20\nsynthetic: true\n---\n"
        "Ngày 19/10, tỉnh Nghệ An trao 2 tỷ đồng hỗ trợ tỉnh Hà Tĩnh khắc phục hậu quả lũ lụt.\n",
        encoding="utf-8")
    store = str(tmp_path / "store")
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(corpus), "--store", store, "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert "1 added, 0 replaced, 1 set aside by the relevance gate" in first.output
    again = runner.invoke(main, ["build", str(corpus), "--store", store, "--workers", "1"])
    assert "0 added, 0 replaced, 2 unchanged" in again.output
    assert officials(store) == 0  # the set-aside article's official is not read
    full = runner.invoke(main, ["build", str(corpus), "--store", store, "--workers", "1", "--no-gate"])
    assert "0 added, 1 replaced, 1 unchanged" in full.output
    assert officials(store) == 1


def test_the_gate_costs_no_cooperation_fact_on_the_team_set():
    plain = ev.evaluate(ROOT / "data" / "eval")
    gated = ev.evaluate(ROOT / "data" / "eval", gate=True)
    for kind in ("pairs", "fundings", "investments", "agreements", "events"):
        assert gated.scores[kind] == plain.scores[kind], kind


# --- gate 2: the extractor's own mentions, one sentence or two, broader cues ----------------

@pytest.mark.parametrize("body", [
    "Hội nghị Bộ trưởng Thương mại châu Á - Thái Bình Dương khai mạc tại Hà Nội.",  # an ocean
    "Hà Nội hợp tác xây dựng đường biên giới hòa bình, hữu nghị.",  # "peace", in lower case
])
def test_names_inside_other_names_and_lower_case_words_are_no_parties(body):
    assert not gate(body)


def test_the_two_parties_share_a_sentence_or_neighbouring_ones():
    assert not gate("Tỉnh Nghệ An có nhiều cảnh đẹp. Thời tiết hôm nay nắng ráo trên diện rộng. Mưa rào rải rác "
                    "vài nơi vào chiều tối. Hà Tĩnh hỗ trợ nông dân khôi phục sản xuất.")
    assert gate("Đoàn công tác tỉnh Bình Phước do Bí thư Tỉnh ủy dẫn đầu đã đến thăm. Tại buổi làm việc, "
                "lãnh đạo tỉnh Nghệ An giới thiệu tình hình kinh tế.")


@pytest.mark.parametrize("body", [
    "Lễ khai mạc diễn ra tối 9/10, với sự tham gia của 6 tỉnh vùng Việt Bắc gồm Hà Giang, Tuyên Quang, "
    "Bắc Kạn, Lạng Sơn, Thái Nguyên và Cao Bằng.",
    "Hanoi, Hue and Saigon marked the anniversary. The three cities twinned in 1960 in a ceremony.",
    "On the morning of May 20, in Vinh city, the delegation of Binh Phuoc province had a working session "
    "with the leaders of Nghe An province.",
])
def test_ceremonies_delegations_and_working_sessions_are_cues(body):
    assert gate(body)


@pytest.mark.parametrize("body", [
    "Accordingly, a Regional Connectivity Task Force has been established between Ho Chi Minh City and Dong Nai "
    "Province.",
    "Hội nghị xúc tiến thương mại TP.HCM - Vĩnh Long năm 2022 diễn ra sáng nay.",
    "Đồng chí bày tỏ lòng tri ân trước sự quan tâm của nhân dân TPHCM dành cho Đồng Tháp.",
])
def test_every_cue_the_extractors_read_a_relation_from_is_a_cue(body):
    assert gate(body)


def test_the_sides_of_a_meeting_are_parties_wherever_they_stand():
    assert gate("Sáng 5/3 diễn ra buổi làm việc giữa hai đoàn. " + "Thời tiết đẹp. " * 30
                + "Về phía tỉnh Nghệ An có ông A. " + "Trời mưa nhỏ. " * 30 + "Về phía tỉnh Quảng Ngãi có ông B.")


_PIECES = ("Hà Nội", "TP.", "Tp. HCM", "ThS.", "Assoc.", "vs.", "tác.", "hợp tác. ", "Nam. ", "nghiệp. ",
           " ", "\n", ". ", "! ", "? ", "“", "(", "Đà", "ông", "1.", "12. ", "x", "Ký", "abc", "kết")


def test_the_gate_never_cuts_a_sentence_where_the_extractor_does_not():
    """Its sentences hold whole sentences of the extractor's, so that a stretch of two of them
    holds any two of the extractor's."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cooperation_graph.extract.text import split_sentences
    from cooperation_graph.gate import _coarse_sentences

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=40))
    def coarser(pieces: list[str]) -> None:
        text = "".join(pieces)
        extractor = {s.start for s in split_sentences(text)} | {0}
        for start, _ in _coarse_sentences(text, 0, len(text))[1:]:
            ahead = text[start:]
            assert start + len(ahead) - len(ahead.lstrip()) in extractor or not ahead.strip(), (text, start)

    coarser()
