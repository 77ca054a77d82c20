"""Fundings: money one province gives (or plans to give) another.

One verb may carry several recipients (``hỗ trợ tỉnh A 2 tỷ đồng, tỉnh B 5 tỷ đồng``) or one
amount for each (``mỗi tỉnh 15 tỷ``); amounts after ``Trong đó`` are parts of a total already
counted; ``đề xuất``/``dự kiến``/``sẽ`` make money planned; the same gift told twice is one.
"""

from __future__ import annotations

import re

from ..model import Funding, Official
from .money import Money, find_money
from .text import Doc, Mention, Sentence

VERBS = re.compile(
    r"\b(?:trao tặng|trao hỗ trợ|hỗ trợ|ủng hộ|tặng|trao|tài trợ|viện trợ|quyên góp|chuyển|"
    r"giúp đỡ|dành|trích)\b"
)
_PLANNED = re.compile(r"\b(?:sẽ|dự kiến|đề xuất|kế hoạch|cam kết|phấn đấu|đề nghị|dự định|"
                      r"chuẩn bị|tiếp tục dành)\b")
_NOT_FUNDING_BEFORE = re.compile(
    r"(?:doanh thu|kim ngạch|GRDP|thu ngân sách|nộp ngân sách|giá trị|lợi nhuận|vốn|đầu tư|"
    r"tổng mức|sản lượng|tăng trưởng|chi phí|thiệt hại|trị giá hàng|dư nợ)[^,;]{0,25}$"
)
_PARTS = re.compile(r"^\s*(?:Trong đó|trong đó|Cụ thể|cụ thể)\b")
_EACH = re.compile(r"\bmỗi\s+(?:tỉnh|thành phố|địa phương|đơn vị|nơi)\b")
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")
_PURPOSE_AFTER = re.compile(r"\s*(?:để|nhằm|cho việc|phục vụ)\s+(?P<p>[^,;.]{3,80})")


def extract_fundings(doc: Doc, main_pair: tuple[str, str] | None,
                     officials: list[Official] = ()) -> list[Funding]:
    """Fundings stated in the article, each once."""
    out: dict[tuple, Funding] = {}
    last_total_recipient = False
    title_donor = _title_donor(doc)
    for sent in doc.sentences:
        if _PARTS.match(sent.text) and last_total_recipient:
            continue  # the parts of a total already counted
        found = _fundings_in(doc, sent, main_pair, officials, title_donor)
        last_total_recipient = any(f.recipient for f in found) and "tổng" in sent.text
        for f in found:
            key = (f.amount_vnd, f.donor, f.recipient, f.year, f.status)
            out.setdefault(key, f)
    fundings = list(out.values())
    # A total restated without its recipients (often the title) is not one more gift.
    donors_with_recipient = {f.donor for f in fundings if f.recipient}
    return [f for f in fundings if f.recipient or f.donor not in donors_with_recipient]


def _title_donor(doc: Doc) -> str | None:
    """``Hà Nội hỗ trợ ba tỉnh ...``: the province that gives, according to the title."""
    title = doc.sentences[0] if doc.sentences else None
    if title is None or title.para != 0:
        return None
    verb = VERBS.search(title.text)
    if not verb:
        return None
    before = [m for m in doc.mentions_in(title.start, title.start + verb.start())]
    return before[-1].name if before else None


def _fundings_in(doc: Doc, sent: Sentence, main_pair: tuple[str, str] | None,
                 officials, title_donor: str | None) -> list[Funding]:
    text = sent.text
    verb = VERBS.search(text)
    if not verb:
        return []
    clause_end = _clause_end(text, verb.end())
    money = [m for m in find_money(text) if verb.start() < m.start < clause_end
             and not _NOT_FUNDING_BEFORE.search(text[max(0, m.start - 40):m.start])]
    if not money:
        return []
    mentions = [Mention(m.name, m.start - sent.start, m.end - sent.start)
                for m in doc.mentions_in(sent.start, sent.end)]
    before = [m for m in mentions if m.end <= verb.start()]
    after = [m for m in mentions if m.start >= verb.end()]
    years = tuple(int(y) for y in _YEAR.findall(_without_money(text, money)))
    planned = bool(_PLANNED.search(text[:money[0].start]))
    # "đã hỗ trợ TP.HCM: thành phố Hà Nội 50 tỷ đồng, ...": the listed provinces give.
    colon = text.find(":", verb.end(), money[0].start)
    donors_listed = colon > 0 and any(x.start < colon for x in after)
    donor = before[-1].name if before else _donor_from_officials(text[:verb.start()], officials)
    out: list[Funding] = []
    used: set[int] = set()
    for k, m in enumerate(money):
        since = money[k - 1].end if k else (colon + 1 if donors_listed else verb.end())
        named = _recipients(text, m, since, after, used)
        if donors_listed:
            givers, recipients = named or [None], [next(x.name for x in after if x.start < colon)]
        else:
            givers, recipients = [donor], named or [None]
        for giver in givers:
            for recipient in recipients:
                d = giver or (title_donor if title_donor != recipient else None)
                if d is None and main_pair and recipient in main_pair:
                    d = main_pair[1] if recipient == main_pair[0] else main_pair[0]
                if recipient is None and main_pair and d in main_pair and d is not None:
                    recipient = main_pair[1] if d == main_pair[0] else main_pair[0]
                if d == recipient:
                    continue
                confidence = 0.9 if (giver and recipient) else 0.65
                year = years[0] if years else (doc.article.date.year if doc.article.date and not planned
                                               else None)
                out.append(Funding(
                    amount_vnd=m.amount_vnd, qualifier=m.qualifier, donor=d, recipient=recipient,
                    purpose=_purpose(text, verb.end(), m, mentions), year=year,
                    status="planned" if planned else "given", evidence=doc.evidence(sent, confidence),
                    years=years or ((year,) if year else ())))
    return out


def _clause_end(text: str, since: int) -> int:
    """Where the verb's clause ends: a ``;`` that starts a clause with a verb of its own."""
    for m in re.finditer(r";", text[since:]):
        nxt = text[since + m.end():]
        if re.match(r"[^;]{0,60}?\b(?:bố trí|đối ứng|huy động|chi|cấp|vay|thu|đạt|sẽ|dự kiến|đã|"
                    r"được|tiếp nhận|nhận)\b", nxt):
            return since + m.start()
    return len(text)


def _donor_from_officials(before: str, officials) -> str | None:
    """``Phó Chủ tịch Ngô Văn Khiêm đã trao ...``: the giver is the official's province."""
    named = [o for o in officials if o.province and o.name in before]
    return named[-1].province if named else None


def _recipients(text: str, m: Money, since: int, after: list[Mention], used: set[int]) -> list[str | None]:
    """Who gets amount ``m``: the province(s) named between the previous amount and this one,
    else the first named right after it (``3 tỷ đồng cho tỉnh X``)."""
    between = [x for x in after if since <= x.start < m.start and x.start not in used]
    if between:
        if _EACH.search(text[since:m.start]) and len(between) > 1:
            chosen = between
        else:
            chosen = [between[-1]]
        used.update(x.start for x in chosen)
        return list(dict.fromkeys(x.name for x in chosen))
    following = [x for x in after if x.start >= m.end and x.start not in used
                 and re.match(r"^\s*(?:cho|tới|đến|giúp)\b", text[m.end:x.start])]
    if following:
        used.add(following[0].start)
        return [following[0].name]
    return []


def _purpose(text: str, since: int, m: Money, mentions: list[Mention]) -> str | None:
    after = _PURPOSE_AFTER.match(text[m.end:])
    if after:
        return after.group("p").strip()
    span = text[since:m.start]
    for x in sorted(mentions, key=lambda x: -x.start):
        if since <= x.start < m.start:
            span = span[:x.start - since] + span[x.end - since:]
    span = re.sub(r"\b(?:của|cho|với tổng số tiền là|với tổng số tiền|tổng số tiền là|số tiền|"
                  r"kinh phí|tổng cộng|tổng|với|là)\b", " ", span)
    span = re.sub(r"\s+", " ", span).strip(" ,:-–")
    span = re.sub(r"^(?:thành phố|tỉnh|TP)\b", "", span).strip(" ,")
    span = re.sub(r"^(?:thêm|tiếp|tiếp tục|trực tiếp|ngay)\b\s*", "", span)
    return span if len(span) >= 4 else None


def _without_money(text: str, money: list[Money]) -> str:
    for m in reversed(money):
        text = text[:m.start] + " " * (m.end - m.start) + text[m.end:]
    return text
