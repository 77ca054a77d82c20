"""Amounts of money in Vietnamese text, as integers of đồng.

``33.600 tỷ`` = 33 600 000 000 000, ``2,5 tỉ`` = 2 500 000 000, ``3.900 triệu`` = 3 900 000 000,
``1 tỷ 200 triệu`` = 1 200 000 000, ``500.000.000 đồng`` = 500 000 000. A number is money only
with a money unit; ``triệu lượt khách``, ``10 triệu USD``, ``hàng nghìn tỷ`` and phone numbers
are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

QUALIFIERS = ("trên", "hơn", "gần", "khoảng", "xấp xỉ", "tới", "lên tới", "lên đến", "gần như",
              "ít nhất", "tối thiểu", "hơn nữa")
_UNITS = {"nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn tỉ": 10**12, "ngàn tỉ": 10**12,
          "tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}
# Dots group thousands ("33.600"), a comma is the decimal mark ("2,5"); some outlets write a
# decimal dot ("2.5 tỷ"): one or two digits after a dot are decimals.
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?!\d)|\d+(?:,\d+)?"
_UNIT = r"nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|tỷ|tỉ|triệu|nghìn|ngàn"
_CURRENCY = r"đồng|VNĐ|VND|vnđ|đ(?![\w])"
MONEY = re.compile(
    rf"(?<![\d.,\w])(?:(?P<q>{'|'.join(sorted(QUALIFIERS, key=len, reverse=True))})\s+)?"
    rf"(?P<n1>{_NUM})\s*(?P<u1>{_UNIT})?"
    rf"(?:\s+(?P<n2>{_NUM})\s*(?P<u2>triệu|nghìn|ngàn))?"
    rf"(?:\s*(?P<cur>{_CURRENCY}))?"
    rf"(?![\d\w]|[.,]\d)"
)
_NOT_MONEY_AFTER = re.compile(
    r"^\s*(?:lượt|người|USD|đô|Đô|euro|EUR|tấn|ha\b|m2|m3|km|khách|con|cây|hộ|suất|phần|chiếc|"
    r"bộ|cuốn|lao động|liều|bao|kg|lít|học sinh|thành viên|năm|tháng|ngày|dự án|doanh nghiệp)"
)
_VAGUE_BEFORE = re.compile(r"(?:hàng|vài|mấy|nhiều|hàng chục|hàng trăm)\s*$")


@dataclass(frozen=True)
class Money:
    amount_vnd: int
    qualifier: str | None
    start: int  # offsets in the searched text, qualifier excluded
    end: int
    text: str


def parse_number(text: str) -> Decimal:
    """``33.600`` -> 33600, ``2,5`` -> 2.5, ``2.5`` -> 2.5 (a dot before 3 digits groups thousands)."""
    if re.fullmatch(r"\d+\.\d{1,2}", text):
        return Decimal(text)
    return Decimal(text.replace(".", "").replace(",", "."))


def parse_amount(text: str) -> int | None:
    """The amount in đồng of one money phrase, or None if it is not money."""
    found = find_money(text)
    return found[0].amount_vnd if found else None


def find_money(text: str) -> list[Money]:
    """Every amount of money in ``text``, left to right."""
    out: list[Money] = []
    for m in MONEY.finditer(text):
        unit, currency = m["u1"], m["cur"]
        if unit is None and currency is None:
            continue
        if unit in ("nghìn", "ngàn") and currency is None and m["n2"] is None:
            continue  # "5 nghìn" alone is a count, not money
        if _NOT_MONEY_AFTER.match(text[m.end():m.end() + 20]):
            continue
        if _VAGUE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        value = parse_number(m["n1"]) * _UNITS.get(unit or "", 1)
        if m["n2"]:
            value += parse_number(m["n2"]) * _UNITS[m["u2"]]
        start = m.start("n1")
        out.append(Money(int(value), m["q"], start, m.end(), text[start:m.end()].strip()))
    return out
