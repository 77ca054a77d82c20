"""Investments in English: projects and capital of one province's investors in another."""

from __future__ import annotations

import re

from ...model import (
    Investment,
)
from .fundings import _NOT_FUNDING
from .money import find_money_en
from .text import _Doc, _Mention

# --- investments ------------------------------------------------------------------------------

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMWORD = r"\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_PROJECTS = re.compile(rf"\b(?P<n>{_NUMWORD})\s+(?:[\w-]+\s+){{0,2}}projects\b", re.IGNORECASE)
# ("the Department of Planning and Investment" is a name, not investing)
_INVEST = re.compile(r"(?<!Planning and )\binvest(?:ed|s|ing|ors?|ment|ments)?\b|\bpoured\b", re.IGNORECASE)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


def extract_investments_en(doc: _Doc) -> list[Investment]:
    out: list[Investment] = []
    for sent in doc.sentences:
        text = sent.text
        inv = _INVEST.search(text)
        if not inv:
            continue
        projects = _PROJECTS.search(text)
        money = [m for m in find_money_en(text)
                 if not _NOT_FUNDING.search(text[max(0, m.start - 40):m.start])]
        if not projects and not money:
            continue
        if not projects and not re.search(r"\bcapital\b|\binvested\b|\bpoured\b", text, re.IGNORECASE):
            continue
        ms = [_Mention(x.name, x.start - sent.start, x.end - sent.start)
              for x in doc.mentions_in(sent.start, sent.end)]
        host = next((x.name for x in ms if x.start > inv.start() and re.search(
            r"\b(?:in|into|to)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$", text[max(0, x.start - 40):x.start])), None)
        investor = next((x.name for x in reversed(ms) if x.end <= inv.start() and x.name != host), None) or \
            next((x.name for x in ms if re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, x.start - 10):x.start])
                  and x.name != host), None)
        if not investor and not host:
            continue
        capital = money[0] if money else None
        out.append(Investment(
            investor_province=investor, host_province=host,
            projects=_count(projects["n"]) if projects else None,
            capital_vnd=capital.amount_vnd if capital else None,
            qualifier=capital.qualifier if capital else None,
            evidence=doc.evidence(sent, 0.85 if investor and host else 0.6)))
    return out
