"""Officials across articles: one person per name + province + compatible time."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import datetime

from graph_fixtures import current_era_extraction, evidence
from graph_fixtures import sample_extraction as hand_sample

from cooperation_graph.mapping import extraction_to_quads, person_iri
from cooperation_graph.model import Article, Extraction, Official, ProvinceMention
from cooperation_graph.resolve import official_key, resolve_officials, slugify


def test_key_ignores_normalization_form_case_and_tone_placement() -> None:
    key = official_key("Nguyễn Thị Hòa", "01")
    assert official_key(unicodedata.normalize("NFD", "Nguyễn Thị Hòa"), "01") == key
    assert official_key("Nguyễn Thị Hoà", "01") == key  # old-style tone placement
    assert official_key("  NGUYỄN   THỊ HÒA ", "01") == key


def test_key_keeps_diacritics_and_province_apart() -> None:
    assert official_key("Lê Văn Hà", "01") != official_key("Lê Văn Hạ", "01")
    assert official_key("Lê Văn Hà", "01") != official_key("Lê Văn Hà", "92")
    assert official_key("Lê Văn Hà", None) != official_key("Lê Văn Hà", "01")


def test_key_is_readable() -> None:
    assert official_key("Hoàng Trung Hải", "01").startswith("hoang-trung-hai-01-")
    assert official_key("Đỗ Văn Chiến", None).startswith("do-van-chien-tw-")
    assert slugify("Ủy viên Bộ Chính trị") == "uy-vien-bo-chinh-tri"


def article(id_: str, when: datetime | None) -> Article:
    return Article(id=id_, title=id_, text="x", date=when, url=f"https://example.org/{id_}")


def mention(ex_id: str, when: datetime | None, name: str, province: str, code: str,
            era: str = "legacy", titles: tuple[str, ...] = ("Bí thư Tỉnh ủy",)) -> Extraction:
    ev = evidence("x", text="x")
    return Extraction(
        article=article(ex_id, when),
        provinces=(ProvinceMention(province, code, era, 1),),  # type: ignore[arg-type]
        officials=(Official(name, titles, province, ev),),
    )


def test_same_person_across_eras_and_title_variants() -> None:
    exs = [hand_sample(), current_era_extraction()]
    resolved = resolve_officials(exs)
    assert resolved[("tttd-2019-08-23-ha-noi-can-tho", "Trần Quốc Trung")] == resolved[
        ("synthetic-2025-can-tho", "Trần Quốc Trung")]
    # and the mapping alone (no resolution pass) already gives both the same IRI
    iris = [{q.subject.value for q in extraction_to_quads(ex)
             if q.subject.value.startswith(person_iri("tran-quoc-trung"))} for ex in exs]
    assert iris[0] == iris[1] and len(iris[0]) == 1


def test_namesakes_in_different_provinces_stay_apart() -> None:
    a = mention("a", datetime(2020, 1, 1), "Nguyễn Văn Hùng", "Sóc Trăng", "94")
    b = mention("b", datetime(2020, 2, 1), "Nguyễn Văn Hùng", "Bạc Liêu", "95")
    resolved = resolve_officials([a, b])
    assert resolved[("a", "Nguyễn Văn Hùng")] != resolved[("b", "Nguyễn Văn Hùng")]


def test_abbreviated_titles_do_not_split() -> None:
    a = mention("a", datetime(2020, 1, 1), "Nguyễn Văn Hùng", "Sóc Trăng", "94",
                titles=("Bí thư Tỉnh ủy",))
    b = mention("b", datetime(2021, 1, 1), "Nguyễn Văn Hùng", "Sóc Trăng", "94",
                titles=("BT Tỉnh ủy", "Chủ tịch HĐND tỉnh"))
    resolved = resolve_officials([a, b])
    assert resolved[("a", "Nguyễn Văn Hùng")] == resolved[("b", "Nguyễn Văn Hùng")]


def test_time_gap_splits_namesakes_in_one_province() -> None:
    exs = [mention("old", datetime(1995, 5, 1), "Nguyễn Văn An", "Cần Thơ", "92"),
           mention("old2", datetime(1999, 5, 1), "Nguyễn Văn An", "Cần Thơ", "92"),
           mention("new", datetime(2024, 5, 1), "Nguyễn Văn An", "Cần Thơ", "92"),
           mention("undated", None, "Nguyễn Văn An", "Cần Thơ", "92")]
    resolved = resolve_officials(reversed(exs))  # input order does not matter
    base = official_key("Nguyễn Văn An", "92")
    assert resolved[("old", "Nguyễn Văn An")] == base
    assert resolved[("old2", "Nguyễn Văn An")] == base
    assert resolved[("new", "Nguyễn Văn An")] == base + "-2"
    assert resolved[("undated", "Nguyễn Văn An")] == base


def test_mixed_naive_and_aware_dates() -> None:
    from datetime import timezone

    exs = [mention("a", datetime(2020, 1, 1, tzinfo=timezone.utc), "Lê A", "Cần Thơ", "92"),
           mention("b", datetime(2020, 1, 2), "Lê A", "Cần Thơ", "92")]
    resolved = resolve_officials(exs)
    assert resolved[("a", "Lê A")] == resolved[("b", "Lê A")]


def test_mapping_uses_resolved_keys() -> None:
    ex = mention("new", datetime(2024, 5, 1), "Nguyễn Văn An", "Cần Thơ", "92")
    key = official_key("Nguyễn Văn An", "92") + "-2"
    quads = extraction_to_quads(ex, person_keys={("new", "Nguyễn Văn An"): key})
    assert person_iri(key) in {q.subject.value for q in quads}


def test_same_name_in_one_article_is_one_node() -> None:
    ex = hand_sample()
    twice = replace(ex, officials=ex.officials + (replace(ex.officials[0], titles=("Bí thư",)),))
    persons = {q.subject.value for q in extraction_to_quads(twice)
               if q.subject.value.startswith(person_iri(""))}
    assert len(persons) == 2


def test_lineage_follows_the_2025_merger() -> None:
    from cooperation_graph.resolve import lineage_code

    assert lineage_code("legacy", "93") == "92"  # Hậu Giang -> Cần Thơ
    assert lineage_code("legacy", "87") == "82"  # Đồng Tháp (87) -> Đồng Tháp (82)
    assert lineage_code("legacy", "01") == "01"
    assert lineage_code("current", "92") == "92"


def test_official_of_an_absorbed_province_continues_in_the_merged_one() -> None:
    old = mention("a", datetime(2024, 1, 1), "Đồng Văn Thanh", "Hậu Giang", "93")
    new = mention("b", datetime(2025, 9, 1), "Đồng Văn Thanh", "Cần Thơ", "92", era="current")
    resolved = resolve_officials([old, new])
    assert resolved[("a", "Đồng Văn Thanh")] == resolved[("b", "Đồng Văn Thanh")]


def test_gap_within_three_terms_keeps_one_person() -> None:
    exs = [mention("a", datetime(2012, 11, 16), "Lê Kim Sơn", "Quảng Ngãi", "51"),
           mention("b", datetime(2024, 8, 17), "Lê Kim Sơn", "Quảng Ngãi", "51")]
    resolved = resolve_officials(exs)
    assert resolved[("a", "Lê Kim Sơn")] == resolved[("b", "Lê Kim Sơn")]
    assert resolve_officials(exs, max_gap_years=10)[("b", "Lê Kim Sơn")].endswith("-2")
