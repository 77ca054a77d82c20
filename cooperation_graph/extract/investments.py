"""Investments: businesses of one province investing in another (projects, capital)."""

from __future__ import annotations

import re

from ..model import Investment
from .money import find_money
from .text import Doc, Mention

_COUNT = r"\d{1,3}(?:\.\d{3})+|\d{1,5}"
# ("vốn đầu tư", "tổng mức đầu tư", "chủ đầu tư": nouns, not a province investing)
# "Doanh nghiệp X đầu tư hơn 26.000 tỷ đồng vào Y": the capital right after the verb
_INVESTED_AMOUNT = r"(?<!vốn )(?<!mức )(?<!chủ )\bđầu tư\s+(?:hơn|gần|khoảng|trên|tới)?\s*"
_VERB = re.compile(rf"(?<!vốn )(?<!mức )(?<!chủ )\b(?:đầu tư|thu hút|rót vốn)\b|\bcó (?:{_COUNT}) dự án\b")
_PROJECTS = re.compile(rf"(?<![\d.,])({_COUNT})\s+dự án")
_CAPITAL = re.compile(r"(?:vốn|tổng mức đầu tư|giá trị đầu tư)[^.;]{0,40}$|" + _INVESTED_AMOUNT + "$")
# ... and only where businesses of one province invest the amount into another:
# "Doanh nghiệp TP.HCM đầu tư hơn 26.000 tỷ đồng vào Long An"
_INVESTED_INTO = re.compile(r"\b(?:[Dd]oanh nghiệp|[Nn]hà đầu tư|DN)\s+(?:của\s+)?(?:tỉnh\s+|thành phố\s+|TP\.?\s*)?"
                            r"[A-ZĐ][^,.;:]{0,25}?\s" + _INVESTED_AMOUNT + r"[\d.,]+\s*(?:nghìn |ngàn )?(?:tỷ|tỉ|triệu)\s+đồng\s+"
                            r"(?:vào|tại)\s")
_HOST_BEFORE = re.compile(r"\b(?:[Tt]ại|vào|ở|trên địa bàn)\s+(?:địa bàn\s+)?$")
_INVESTORS = re.compile(r"\b(?:doanh nghiệp|nhà đầu tư|DN|công ty|tập đoàn)\b", re.IGNORECASE)
_INVESTOR_BEFORE = re.compile(r"\b(?:từ|của|doanh nghiệp|nhà đầu tư|DN)\s+(?:các\s+)?(?:doanh nghiệp\s+)?$")


def extract_investments(doc: Doc, main_pair: tuple[str, str] | None = None) -> list[Investment]:
    """Investment flows between provinces, each once."""
    out: dict[tuple, Investment] = {}
    for sent, offset, text in _clauses(doc):
        verb = _VERB.search(text)
        if not verb or "dự án" not in text and "vốn" not in text and not _INVESTED_INTO.search(text):
            continue
        mentions = [Mention(m.name, m.start - offset, m.end - offset)
                    for m in doc.mentions_in(offset, offset + len(text))]
        if not mentions:
            continue
        host = investor = None
        for x in mentions:
            pre = text[max(0, x.start - 20):x.start]
            if _HOST_BEFORE.search(pre) and host is None:
                host = x.name
            elif _INVESTOR_BEFORE.search(pre) and investor is None:
                investor = x.name
        if verb.group().startswith("có") and not _INVESTORS.search(text):
            continue  # "Bình Dương có 85 dự án": a province's own count, not another's investors
        if investor is None and verb.group().startswith("có"):  # "doanh nghiệp X có 7 dự án tại Y"
            before = [x for x in mentions if x.end <= verb.start() and x.name != host]
            investor = before[-1].name if before else None
        if verb.group() == "thu hút" and host is None:
            before = [x for x in mentions if x.end <= verb.start()]
            host = before[-1].name if before else None
        if investor is None and verb.group() != "thu hút":  # (who attracts names no investor by position)
            before = [x for x in mentions if x.end <= verb.start() and x.name != host]
            investor = before[-1].name if before else None
        if investor is None and main_pair and host in main_pair and re.search(
                r"\b(?:doanh nghiệp|nhà đầu tư|DN)\s+(?:của\s+)?(?:tỉnh|thành phố|TP|bạn|hai)\b", text):
            investor = main_pair[1] if host == main_pair[0] else main_pair[0]  # "doanh nghiệp của tỉnh"
        if host is None or investor == host:
            continue
        projects = _PROJECTS.search(text)
        capital = next((m for m in find_money(text) if _CAPITAL.search(text[:m.start])), None)
        if not projects and not capital:
            continue
        inv = Investment(
            investor_province=investor, host_province=host,
            projects=int(projects.group(1).replace(".", "")) if projects else None,
            capital_vnd=capital.amount_vnd if capital else None,
            qualifier=capital.qualifier if capital else None,
            evidence=doc.evidence(sent, 0.85 if investor else 0.6))
        out.setdefault((inv.investor_province, inv.host_province, inv.projects, inv.capital_vnd), inv)
    counted = {(i, h, c) for i, h, p, c in out if p is not None}
    # the headline's "đầu tư khoảng 1.000 tỷ đồng vào Y" is the body's "25 dự án ... 1.000 tỷ đồng"
    return [inv for (i, h, p, c), inv in out.items() if p is not None or (i, h, c) not in counted]


def _clauses(doc: Doc):
    """Sentences cut at ``;`` (``X đầu tư 9 dự án tại Y; doanh nghiệp Y có 4 dự án tại X``)."""
    for sent in doc.sentences:
        pos = 0
        for part in sent.text.split(";"):
            yield sent, sent.start + pos, part
            pos += len(part) + 1
