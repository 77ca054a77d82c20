import pytest

from cooperation_graph.extract.money import find_money, parse_amount

CASES = [
    ("5 tỷ đồng", 5_000_000_000, None),
    ("trên 33.600 tỷ đồng", 33_600_000_000_000, "trên"),
    ("2,5 tỉ", 2_500_000_000, None),
    ("3.900 triệu đồng", 3_900_000_000, None),
    ("1.000 tỷ", 1_000_000_000_000, None),
    ("hơn 1 tỷ 200 triệu đồng", 1_200_000_000, "hơn"),
    ("500.000.000 đồng", 500_000_000, None),
    ("gần 2 nghìn tỷ đồng", 2_000_000_000_000, "gần"),
    ("khoảng 750 triệu", 750_000_000, "khoảng"),
    ("300 nghìn đồng", 300_000, None),
    ("15 tỷ", 15_000_000_000, None),
    ("2.5 tỷ đồng", 2_500_000_000, None),
    ("1.25 tỉ", 1_250_000_000, None),
]


@pytest.mark.parametrize("text,amount,qualifier", CASES)
def test_money_table(text, amount, qualifier):
    (m,) = find_money(text)
    assert (m.amount_vnd, m.qualifier) == (amount, qualifier)


@pytest.mark.parametrize("text", [
    "hàng nghìn tỷ đồng", "10 triệu USD", "2 triệu lượt khách", "024.355.63.010",
    "18 dự án", "năm 2012", "gần 60%", "5 nghìn", "1,2 triệu người",
])
def test_not_money(text):
    assert find_money(text) == []
    assert parse_amount(text) is None


def test_several_amounts_in_order():
    found = find_money("hỗ trợ tỉnh A 2 tỷ đồng, tỉnh B 5 tỷ đồng, tỉnh C 500 triệu đồng")
    assert [m.amount_vnd for m in found] == [2_000_000_000, 5_000_000_000, 500_000_000]
