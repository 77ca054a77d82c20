"""Money as English reporting writes it: ``VND20 billion``, ``VND 1.2 trillion``, ``20 billion dong``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# --- money ------------------------------------------------------------------------------------

_QUALIFIERS = {"over": "trên", "more than": "hơn", "nearly": "gần", "almost": "gần",
               "close to": "gần", "about": "khoảng", "around": "khoảng", "approximately": "khoảng",
               "roughly": "khoảng", "some": "khoảng", "up to": "lên tới", "at least": "ít nhất",
               "at about": "khoảng", "an estimated": "khoảng", "nearly a total of": "gần"}
_Q = "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True))
_WORDS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "half a": Decimal("0.5")}
_NUM_EN = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|"
           r"(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|half a)(?=\s+(?:trillion|billion|million)\b)")
_UNIT_EN = r"trillion|billion|million|thousand|tn|bn|mn"
_UNIT_VALUE = {"trillion": 10**12, "tn": 10**12, "billion": 10**9, "bn": 10**9,
               "million": 10**6, "mn": 10**6, "thousand": 10**3}
MONEY_EN = re.compile(
    rf"(?:(?P<q>{_Q})\s+)?(?:(?:a total of|another|an additional|a further|a)\s+)?"
    rf"(?:(?:VND|VNĐ|VNDong|đ)\s?(?P<n1>{_NUM_EN})(?:\s*(?P<u1>{_UNIT_EN}))?"
    rf"|(?P<n2>{_NUM_EN})\s*(?P<u2>{_UNIT_EN})?\s*(?:VND|VNĐ|Vietnamese dong|dong|đồng)(?![A-Za-z]))"
    rf"(?![A-Za-z])", re.IGNORECASE)


@dataclass(frozen=True)
class MoneyEn:
    amount_vnd: int
    qualifier: str | None
    start: int
    end: int


def _number(text: str) -> Decimal | None:
    if text.lower() in _WORDS_EN:  # "one billion VND"
        return Decimal(_WORDS_EN[text.lower()])
    if re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def find_money_en(text: str) -> list[MoneyEn]:
    """Amounts in đồng: ``VND20 billion``, ``VND 1.2 trillion``, ``20 billion dong``."""
    out = []
    for m in MONEY_EN.finditer(text):
        raw, unit = (m["n1"], m["u1"]) if m["n1"] else (m["n2"], m["u2"])
        value = _number(raw)
        if value is None:
            continue
        amount = int(value * _UNIT_VALUE.get((unit or "").lower(), 1))
        if amount < 1000:
            continue  # "VND 1" is a typo or a count, not money
        q = _QUALIFIERS.get(m["q"].lower()) if m["q"] else None
        if q and re.search(r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|took|taken|passed)\s*$",
                           text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
            q = None  # "handed over VND..." is not "over VND..."
        out.append(MoneyEn(amount, q, m.start("n1") if m["n1"] else m.start("n2"), m.end()))
    # "VND" right before the number: start at the currency so evidence shows it
    return [MoneyEn(x.amount_vnd, x.qualifier, _currency_start(text, x.start), x.end) for x in out]


def _currency_start(text: str, start: int) -> int:
    m = re.search(r"(?:VND|VNĐ|đ)\s?$", text[max(0, start - 4):start], re.IGNORECASE)
    return start - len(m.group()) if m else start
