from datetime import date

from cooperation_graph.gazetteer import era_of


def test_both_eras_complete(gazetteer):
    assert len(gazetteer.era("legacy")) == 63
    assert len(gazetteer.era("current")) == 34
    assert all(p.lat and p.lon for p in gazetteer.provinces)


def test_old_units_link_to_their_successor(gazetteer):
    assert gazetteer.get("Hậu Giang", "legacy").successor == "Cần Thơ"
    assert gazetteer.get("Bạc Liêu", "legacy").successor == "Cà Mau"
    assert gazetteer.get("Hà Nội", "legacy").successor == "Hà Nội"
    assert all(p.successor for p in gazetteer.era("legacy"))


def test_aliases_and_eras(gazetteer):
    assert gazetteer.get("TP.HCM", "current").code == "79"
    assert gazetteer.get("TPHCM", "legacy").name == "Hồ Chí Minh"
    assert gazetteer.get("Thừa Thiên Huế", "legacy").name == "Huế"
    assert gazetteer.get("Khánh Hoà", "current").name == "Khánh Hòa"
    # A unit that no longer exists is still found in a post-merger article.
    assert gazetteer.get("Hậu Giang", "current").era == "legacy"
    assert gazetteer.get("Atlantis", "current") is None


def test_era_boundary():
    assert era_of(date(2025, 6, 30)) == "legacy"
    assert era_of(date(2025, 7, 1)) == "current"
