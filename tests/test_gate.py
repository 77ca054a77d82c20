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


def _reference_gate(body: str, title: str) -> bool:
    """The gate as first written (every cue of the text listed first): the fast gate must
    decide as it does."""
    import re

    from cooperation_graph.extract.english.text import fold_same_length
    from cooperation_graph.extract.text import FOREIGN
    from cooperation_graph.gate import _CUE, WINDOW, _parties

    article = make_article(body, {"title": title, "synthetic": "true"})
    text = (article.title or "") + "\n" + article.text
    pattern, by_key = _parties(load_gazetteer())
    parties = [(m.start(), by_key.get(re.sub(r"\s+", " ", m.group()), m.group()))
               for m in pattern.finditer(fold_same_length(text))]
    if not parties:
        return False
    if len({name for _, name in parties}) < 2:
        parties += [(m.start(), "foreign:" + m.group()) for m in FOREIGN.finditer(text)]
        if len({name for _, name in parties}) < 2:
            return False
    parties.sort()
    cues = [m.start() for m in _CUE.finditer(text)]
    first = 0
    for i, (at, name) in enumerate(parties):
        while parties[first][0] < at - WINDOW:
            first += 1
        if any(other != name for _, other in parties[first:i]):
            lo, hi = parties[first][0] - WINDOW // 2, at + WINDOW // 2
            if any(lo <= c <= hi for c in cues):
                return True
    return False


_WORDS = ("tỉnh Nghệ An", "Hà Tĩnh", "TP.HCM", "Cần Thơ", "Virginia", "Lào", "hợp tác", "ký kết",
          "thăm", "signed", "trao", "và", "người dân", "nông nghiệp", "\n", ". ", "x" * 300)


def test_the_gate_reads_cues_lazily_and_decides_as_before():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from(("", "Cần Thơ thăm Huế")))
    def same(words: list[str], title: str) -> None:
        body = "Tin trong ngày. " + " ".join(words)
        assert gate(body, title) == _reference_gate(body, title)

    same()
