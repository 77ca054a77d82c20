"""Fundings: money one province gives (or plans to give) another.

One verb may carry several recipients (``hỗ trợ tỉnh A 2 tỷ đồng, tỉnh B 5 tỷ đồng``) or one
amount for each (``mỗi tỉnh 15 tỷ``); amounts after ``Trong đó`` are parts of a total already
counted; ``đề xuất``/``dự kiến``/``sẽ`` make money planned; the same gift told twice is one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Funding, Official
from .money import Money, find_money
from .text import AND_GLUE, Doc, Mention, Sentence, chain, listed_before

VERBS = re.compile(
    r"\b(?:trao tặng|trao hỗ trợ|hỗ trợ|ủng hộ|tặng|trao|tài trợ|viện trợ|quyên góp|chuyển|(?<=được )phân bổ|"
    r"giúp đỡ|dành|trích|chi viện|chi(?=\s+(?:số tiền\s+|gần\s+|hơn\s+|trên\s+|khoảng\s+)?\d))\b"  # ("quyết định chi 23 tỷ")
)
_PLANNED = re.compile(r"\b(?:sẽ|dự kiến|đề xuất|kế hoạch|cam kết|phấn đấu|đề nghị|dự định|"
                      r"chuẩn bị|tiếp tục dành)\b")
_NOT_FUNDING_BEFORE = re.compile(
    r"(?:doanh thu|kim ngạch|GRDP|thu ngân sách|nộp ngân sách|giá trị|lợi nhuận|vốn|đầu tư|"
    r"tổng mức|sản lượng|tăng trưởng|chi phí|thiệt hại|trị giá hàng|dư nợ|quyên góp được|thu được|cho vay|khoản vay)(?:\s+(?!mức\b)\w+){0,3}\s*$"
    # a price: "với giá 250 triệu đồng", "mô hình nhà 100 triệu", "căn hộ 172 triệu"
    r"|\b(?:giá|giá bán|mức giá|nhà|căn nhà|căn hộ|căn)\s*$"
)
# "trích 10 tỉ đồng từ Quỹ Cứu trợ của thành phố gửi về Ủy ban Trung ương MTTQ Việt Nam": money to the
# central Front or a national fund is no province's gift to another (the guide's other_money)
_TO_CENTRAL = re.compile(r"[^.;:]{0,60}?\b(?:gửi|chuyển|nộp|ủng hộ)\s+(?:về|tới|đến|cho|vào)\s+(?:tài khoản\s+(?:của\s+)?)?"
                         r"(?:Ủy ban Trung ương|Uỷ ban Trung ương|UBTƯ|UBTW|Ban Vận động [Cc]ứu trợ Trung ương|"
                         r"Quỹ [^.;:]{0,40}?Trung ương|Trung ương)")
# ("Ban Vận động, tiếp nhận và phân phối Quỹ ..." is a name)
_RECEIPTS = re.compile(r"\b(?:tiếp nhận(?!\s+và\s+phân phối)|nhận được|huy động được|vận động được|quyên góp được)\b")
_CRIME = re.compile(r"\b(?:ma túy|vận chuyển thuê|bị cáo|đối tượng|nghi phạm|tang vật|khởi tố|lừa đảo|"
                    r"chiếm đoạt|trộm|cướp|đánh bạc|cá độ|hối lộ)\b")
_PARTS = re.compile(r"^\s*(?:Trong đó|trong đó|Cụ thể|cụ thể)\b")
# What may stand before a verb whose subject is the paragraph's giver ("Theo đó, hỗ trợ cho ...").
_SUBJECTLESS = re.compile(r"\s*(?:(?:Theo đó|Cụ thể|Đồng thời|Trong đó)\s*,?\s*)?(?:sẽ\s+|đã\s+)?")
_EACH = re.compile(r"\bmỗi\s+(?:tỉnh|thành phố|địa phương|đơn vị|nơi)\b")
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")
_PURPOSE_AFTER = re.compile(
    r"\s*(?:(?:để|nhằm|cho việc|phục vụ|dùng để|hỗ trợ|ủng hộ|giúp)\s+(?P<p>[^,;.]{3,80})"
    r"|(?P<q>(?:xây dựng|xây|khắc phục|sửa chữa|mua|chăm lo|phòng, chống|phòng chống|ứng phó)\s[^,;.]{3,80}))")
_ORGANS = re.compile(r"\b(?:Tỉnh ủy|Thành ủy|UBND|HĐND|Ủy ban nhân dân|Ủy ban MTTQ Việt Nam|Ủy ban MTTQ|"
                     r"Đảng bộ, chính quyền và nhân dân|nhân dân|người dân)\b")


def extract_fundings(doc: Doc, main_pair: tuple[str, str] | None,
                     officials: list[Official] = ()) -> tuple[list[Funding], set[tuple[str, str]]]:
    """Fundings stated in the article, each once, and the giver-receiver pairs of totals shared by
    several named provinces (``1 tỷ đồng đến nhân dân các tỉnh A, B, C``: no one's funding)."""
    out: dict[tuple, Funding] = {}
    shared_totals: set[tuple[str, str]] = set()
    last_total_recipient = False
    title_donor = _title_donor(doc)
    delegation = _delegation(doc)
    title_found: list[Funding] = []
    para_givers = _paragraph_givers(doc)
    officials = [*officials, *_representatives(doc)]
    received = received_from(doc)
    in_order = respectively(doc)
    received += in_order  # their sentences are read here only: the clause reader would pair them wrongly
    shares = distributed(doc, para_givers, title_donor) + received
    # A sentence that lists shares ("Trong đó, A và B mỗi tỉnh 15 tỉ đồng; C 5 tỉ đồng", or a total
    # and its parts "9 tỷ đồng, trong đó: A (2 tỷ đồng), B (3 tỷ đồng)") is read by distributed();
    # the clause reader would give its amounts to the wrong province.
    shared = {f.evidence.start for f in shares
              if _PARTS.match(f.evidence.sentence) or not VERBS.search(f.evidence.sentence)} | \
        {f.evidence.start for f in received}  # the givers follow "của": the clause reader would turn them round
    share_of = {(f.evidence.start, f.recipient): f.amount_vnd for f in shares}
    first = [s for s in doc.sentences if s.para == 0]
    headline = len(first) == 1 and len(first[0].text) <= 200  # a short one-sentence first line is a title
    for sent in doc.sentences:
        if sent.start in shared:
            continue
        if _PARTS.match(sent.text) and last_total_recipient:
            continue  # the parts of a total already counted
        found = _fundings_in(doc, sent, main_pair, officials, title_donor or delegation, delegation, shared_totals,
                             para_givers.get(sent.para))
        if sent.para == 0 and headline:
            title_found = found  # a headline restates the body: used only if the body is silent
            continue
        last_total_recipient = any(f.recipient for f in found) and "tổng" in sent.text
        for f in found:
            if share_of.get((sent.start, f.recipient), f.amount_vnd) != f.amount_vnd:
                continue  # "9 tỷ đồng, trong đó: A (2 tỷ đồng) ...": A's share is its gift, not the total
            key = (f.amount_vnd, f.donor, f.recipient, f.year, f.status)
            if key not in out or out[key].purpose is None and f.purpose:
                out[key] = f  # the same gift told again; keep the telling that says what for
    for f in shares:
        key = (f.amount_vnd, f.donor, f.recipient, f.year, f.status)
        out.setdefault(key, f)
    fundings = _without_running_totals(_without_totals(list(out.values()))) or title_found
    # A total restated without its recipients (often the title) is not one more gift.
    donors_with_recipient = {f.donor for f in fundings if f.recipient}
    return [f for f in fundings if f.recipient or f.donor not in donors_with_recipient], shared_totals


_SO_FAR = re.compile(r"\b(?:[Đđ]ến (?:thời điểm này|nay|hết ngày)|[Tt]ính đến|[Ll]ũy kế|[Nn]âng tổng số)\b")


def _without_running_totals(fundings: list[Funding]) -> list[Funding]:
    """"Đến thời điểm này, A đã hỗ trợ B 50 tỷ đồng" after A's 40 tỷ to B is how much A has given so
    far, the gift already counted included: not one more gift."""
    return [f for f in fundings if not (_SO_FAR.search(f.evidence.sentence) and any(
        g is not f and g.donor == f.donor and g.recipient == f.recipient and g.amount_vnd < f.amount_vnd
        and g.status == f.status and g.year == f.year and not _SO_FAR.search(g.evidence.sentence) for g in fundings))]


def _without_totals(fundings: list[Funding]) -> list[Funding]:
    """A giver's amount that is the sum of its other amounts in the same sentence is their total
    ("trao 2,5 tỷ đồng ... các tỉnh: A, B, C, D và E (mỗi địa phương 500 triệu đồng)"), not a gift."""
    out = []
    for f in fundings:
        parts = [g for g in fundings if g is not f and g.donor == f.donor
                 and g.evidence.start == f.evidence.start and g.amount_vnd < f.amount_vnd]
        if len(parts) >= 2 and sum(g.amount_vnd for g in parts) == f.amount_vnd \
                and f.recipient in {g.recipient for g in parts}:  # (the total read as the first one's)
            continue
        out.append(f)
    return out


_SPEND = re.compile(r"\b(?:xuất|trích|dành|chi)\s+(?:từ\s+)?(?:ngân sách|quỹ|kinh phí|số tiền)")


def _paragraph_givers(doc: Doc) -> dict[int, str]:
    """``UBND tỉnh An Giang xuất ngân sách 600 triệu đồng ... Theo đó, hỗ trợ cho ...``: the province
    whose budget or fund a paragraph spends gives what the paragraph's subjectless verbs give."""
    out: dict[int, str] = {}
    for sent in doc.sentences:
        spend = _SPEND.search(sent.text)
        if spend and sent.para not in out:
            givers = doc.mentions_in(sent.start, sent.start + spend.start())
            if givers:
                out[sent.para] = givers[-1].name
    return out


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
                 officials, title_donor: str | None, delegation: str | None,
                 shared: set[tuple[str, str]], para_giver: str | None = None) -> list[Funding]:
    """Fundings of one sentence, clause by clause (``;`` separates clauses)."""
    text = sent.text
    if not VERBS.search(text) or _CRIME.search(text):
        return []  # (money in a criminal case: a courier's fee, a fraud's takings)
    if _RECEIPTS.search(text) and not re.search(r"\b(?:trao|chuyển|tặng|gửi)\b|hỗ trợ cho", text):
        return []  # "đã tiếp nhận đăng ký ủng hộ ...: Hà Nội: 77 tỷ; ...": what each one collected
    mentions = [Mention(m.name, m.start - sent.start, m.end - sent.start)
                for m in doc.mentions_in(sent.start, sent.end)]
    all_money = find_money(text)
    place_starts = _place_starts(text, mentions)  # provinces named as where, not who
    years = tuple(int(y) for y in _YEAR.findall(_without_money(text, all_money)))
    only_pair = main_pair if main_pair and doc.province_names <= set(main_pair) else None
    out: list[Funding] = []
    context: dict | None = None  # the governing verb's donor, status and where its objects start
    pos = 0
    for clause in text.split(";"):
        c_start, c_end = pos, pos + len(clause)
        pos = c_end + 1
        money = [m for m in all_money if c_start <= m.start < c_end
                 and not _NOT_FUNDING_BEFORE.search(text[max(c_start, m.start - 40):m.start])
                 and not _PER_UNIT_BEFORE.search(text[max(c_start, m.start - 25):m.start])
                 and not _PER_UNIT_AFTER.match(text[m.end:m.end + 8])
                 and not _after_parts(text, all_money, m, c_start, mentions)
                 and not _TO_CENTRAL.match(text, m.end)]
        verb = VERBS.search(clause)
        if verb and money:  # the giving verb is the one governing the amount: the last before it
            verb = ([v for v in VERBS.finditer(clause) if c_start + v.start() < money[0].start] or [verb])[-1]
        if verb:
            # the subject is what stands after the last province named (not as a place) before the verb
            named = [x for x in mentions if c_start <= x.start and x.end <= c_start + verb.start()
                     and x.start not in place_starts]
            subject_from = (named[-1].end - c_start) if named else 0
        if verb and (_NOT_A_PROVINCE_GIVING.search(clause[:verb.start()])
                     or _ORG_SUBJECT.search(clause, subject_from, verb.start())
                     or _PERSON_SUBJECT.match(clause) and not _ON_BEHALF.search(clause, 0, verb.start())):
            context = None  # "đề xuất Trung ương hỗ trợ", "doanh nghiệp ủng hộ": not a province giving
            continue
        if verb:
            v_start, v_end = c_start + verb.start(), c_start + verb.end()
            money = [m for m in money if m.start > v_start]
            places = set(place_starts)
            setting = re.match(r"\s*(?:Tại|Trong|Nhân dịp|Dịp)\b[^,;]{0,80},", text)
            if setting and setting.end() <= v_start:  # "Tại buổi làm việc với lãnh đạo tỉnh Điện Biên, ông Bình trao tặng ...": the setting
                places |= {x.start for x in mentions if x.end <= setting.end()}
            before = [x for x in mentions if x.end <= v_start and (x.start >= c_start or c_start == 0)
                      and x.start not in places]
            passive = re.search(r"\b(?:được|nhận|tiếp nhận)(?: sự| số tiền| kinh phí| tiền| khoản| nguồn)?\s*$",
                                text[c_start:v_start])
            # "A nhận hỗ trợ của B 5 tỷ đồng": the giver follows "của"; "A đón nhận tiền ủng hộ
            # 2 tỷ đồng của tỉnh B": or the amount.
            giver = re.match(r"\s*(?:của|từ)\s+", text[v_end:]) if passive else None
            giver_mention = next((x for x in mentions if giver and x.start == v_end + giver.end()), None)
            if passive and giver_mention is None and money:
                giver_mention = next((x for x in mentions if x.start >= money[0].end and re.fullmatch(
                    # ("đón nhận khoản hỗ trợ 50 tỉ đồng cùng nhiều trang thiết bị, ... của TP HCM")
                    r"(?:\s+cùng\s+[^.;:()]{0,80}?)?\s*(?:của|từ)\s+(?:(?:tỉnh|thành phố|TP\.?)\s*)?",
                    text[money[0].end:x.start])), None)
            if giver_mention:
                donor = giver_mention.name
                v_end = giver_mention.end
            elif passive:
                donor = (context or {}).get("donor") or title_donor
            else:
                donor = before[-1].name if before else (
                    _donor_from_officials(text[:v_start], officials)
                    or (para_giver if _SUBJECTLESS.fullmatch(text[c_start:v_start]) else None)
                    or ((context or {}).get("donor") if c_start else None)
                    or (delegation if re.search(r"\b[Đđ]oàn\b", text[c_start:v_start]) else None))
            # the giver is named in the sentence, or by an official of it ("đồng chí X ... trao")
            named_donor = bool(giver_mention or not passive and (
                before or _donor_from_officials(text[:v_start], officials)))
            context = {"donor": donor, "named": named_donor, "since": v_end, "verb_end": v_end,
                       "recipient": before[-1].name if passive and before else None,
                       "planned": bool(_PLANNED.search(text[c_start:money[0].start] if money else clause))}
        elif context is None or _OTHER_VERB.search(clause):
            context = None
            continue
        else:
            context = {**context, "since": c_start}
        if not money:
            continue
        out.extend(_from_clause(doc, sent, text, money, mentions, context, years, main_pair,
                                only_pair, title_donor, shared))
    return out


def _from_clause(doc: Doc, sent: Sentence, text: str, money: list[Money], mentions: list[Mention],
                 ctx: dict, years: tuple[int, ...], main_pair, only_pair, title_donor,
                 shared: set[tuple[str, str]]) -> list[Funding]:
    # the giver named again after the verb ("bằng khen của Chủ tịch UBND TP. Đà Nẵng") receives nothing
    after = [x for x in mentions if x.start >= ctx["since"]
             and not (x.name == ctx["donor"] and re.search(r"\bcủa\b[^,.;]{0,40}$", text[:x.start]))]
    # "đã hỗ trợ TP.HCM: thành phố Hà Nội 50 tỷ đồng, ...": the listed provinces give
    # (not "hỗ trợ tỉnh Quảng Bình: 600 triệu đồng", where the colon labels an amount).
    colon = text.find(":", ctx["since"], money[0].start)
    donors_listed = colon > 0 and any(x.start < colon for x in after) \
        and not re.match(r"\s*(?:gần |hơn |trên |khoảng )?\d", text[colon + 1:])
    planned = ctx["planned"]
    out: list[Funding] = []
    used: set[int] = set()
    group: list[str] = []  # the provinces of the last total: "với mỗi tỉnh X" after it is each one's
    for k, m in enumerate(money):
        since = money[k - 1].end if k else (colon + 1 if donors_listed else ctx["since"])
        named, total = _recipients(text, m, since, after, used, after_amount=k > 0)
        if total:  # one amount for several provinces: each is the giver's partner, none its funding
            if ctx["donor"]:
                shared.update(tuple(sorted((ctx["donor"], n))) for n in named if n != ctx["donor"])
            group = named
            continue
        if not named and group and _EACH.search(text[since:m.start]):
            named, group = group, []  # "30 tỷ đồng cho các tỉnh A, B, C với mỗi tỉnh 10 tỷ đồng"
        if not named and (_EACH.search(text[since:m.start]) or _EACH_AFTER.match(text[m.end:m.end + 20])):
            # "ủng hộ mỗi địa phương 1 tỷ đồng, gồm: A, B, ... và C": each listed one gets it;
            # "hỗ trợ 6 tỉnh phía Bắc mỗi tỉnh 5 tỷ" names none.
            named = _listed_after(text, m, after)
            if not named:
                continue
        if not named and not donors_listed and not ctx["recipient"]:
            named = _place_recipient(text, mentions, ctx["donor"], m)
            if len(named) > 1:  # "dẫn đoàn ra Lào Cai, Yên Bái, trao 3,5 tỷ đồng": a total for both
                if ctx["donor"]:
                    shared.update(tuple(sorted((ctx["donor"], n))) for n in named if n != ctx["donor"])
                continue
        if donors_listed:
            givers, recipients = named or [None], [next(x.name for x in after if x.start < colon)]
        elif ctx["recipient"]:
            givers, recipients = [ctx["donor"]], [ctx["recipient"]]
        else:
            givers, recipients = [ctx["donor"]], named or [None]
        for giver in givers:
            for recipient in recipients:
                d = giver or (title_donor if title_donor != recipient else None)
                if d is None and main_pair and recipient in main_pair:
                    d = main_pair[1] if recipient == main_pair[0] else main_pair[0]
                if recipient is None and only_pair and d in only_pair and giver and ctx["named"]:
                    recipient = only_pair[1] if d == only_pair[0] else only_pair[0]
                if d == recipient:
                    continue
                confidence = 0.9 if (giver and recipient) else 0.65
                year = years[0] if years else (
                    doc.article.reference_day.year if doc.article.reference_day and not planned
                    and not _CUMULATIVE.search(text) else None)
                out.append(Funding(
                    amount_vnd=m.amount_vnd, qualifier=m.qualifier, donor=d, recipient=recipient,
                    purpose=_purpose(text, max(since, ctx["verb_end"]), m, mentions), year=year,
                    status="planned" if planned else "given", evidence=doc.evidence(sent, confidence),
                    years=years or ((year,) if year else ())))
    return out


_LIST_AFTER = re.compile(r"\s*(?:mỗi\s+(?:tỉnh|địa phương|đơn vị|nơi)\s*)?"  # "5 tỷ đồng mỗi địa phương gồm có A, ..."
                         r"(?:,\s*|\()?(?:gồm có|bao gồm|gồm|cho các tỉnh, thành phố|cho các tỉnh|cho các địa phương)"
                         r"\s*:?\s*(?:tỉnh|thành phố|TP\.?)?\s*$")
_LIST_GLUE = re.compile(r"\s*(?:,|;|và)\s*(?:các\s+(?=tỉnh|thành phố))?(?:(?:tỉnh|thành phố|TP\.?)\s*:?\s+)?")


def _listed_after(text: str, m: Money, after: list[Mention]) -> list[str]:
    """The provinces listed right after a per-province amount (``1 tỷ đồng, gồm: A, B và C``)."""
    first = next((x for x in after if x.start > m.end and _LIST_AFTER.fullmatch(text[m.end:x.start])), None)
    if first is None:
        return []
    return list(dict.fromkeys(x.name for x in chain(text, after, first, _LIST_GLUE)))


# "3 tỷ đồng cho tỉnh X", "2 tỷ đồng hỗ trợ tỉnh X", "1 tỷ đồng tiền mặt giúp nhân dân tỉnh X",
# "10 tỷ đồng để ủng hộ bà con thành phố X".
_TO_RECIPIENT = re.compile(r"^\s*(?:tiền mặt\s+)?(?:từ\s+(?:nguồn\s+)?[Qq]uỹ\b[^.;:]{0,40}?\s+)?(?:(?:để|nhằm)\s+)?"
                           r"(?:cho|tới|đến|giúp|giúp đỡ|hỗ trợ|ủng hộ|tặng)"
                           r"(?:\s+(?:khẩn cấp|cho|người dân|nhân dân|đồng bào|bà con|Đảng bộ, chính quyền và nhân dân|"
                           r"lãnh đạo|đại diện|(?:các\s+)?(?:hộ nghèo|hộ dân|hộ gia đình|gia đình|người nghèo)"
                           r"(?:\s+(?:của|ở|tại|thuộc))?))*"
                           r"(?:\s+(?:các|hai|ba|bốn|năm|sáu|mỗi|\d+)(?:\s+(?:tỉnh|địa phương|tỉnh, thành))?"
                           # "hỗ trợ 4 tỉnh chịu ảnh hưởng nặng nhất, gồm A, B, C và D"
                           r"(?:[^,.;:()]{0,40}?,?\s*(?:gồm có|bao gồm|gồm|là)\b)?)?\s*:?\s*$")
# "15 tỷ đồng xây dựng 300 căn nhà đại đoàn kết cho hộ nghèo Điện Biên": what the money builds, for whom.
_BUILD_FOR = re.compile(r"^\s*(?:để\s+)?(?:xây dựng|xây mới|xây|sửa chữa|làm)\s+[^.;,]{0,50}?\bcho\s+"
                        r"(?:các\s+)?(?:hộ nghèo|hộ dân|người dân|nhân dân|đồng bào|bà con|người nghèo|học sinh)?\s*"
                        r"(?:(?:của\s+|ở\s+|tại\s+)?(?:tỉnh|thành phố|TP\.?)\s*)?$")
# "40 tỷ đồng cùng nhiều loại thuốc men, vật tư y tế trị giá 2 tỷ đồng cho tỉnh X": the money and
# the goods handed over with it go to X.
_WITH_GOODS = re.compile(r"^\s*(?:cùng|cùng với|kèm theo|và)\s+(?:nhiều\s+)?(?:loại\s+)?(?:hàng|thuốc|vật tư|"
                         r"nhu yếu phẩm|quà|gạo|lương thực|trang thiết bị)[^.;]{0,80}?\s+cho\s+"
                         r"(?:nhân dân\s+|người dân\s+|đồng bào\s+)?$")
# "Ông Phạm Xuân Trình (một cựu chiến binh ...) trao tặng 100 triệu đồng": a person gives, unless
# a post says it is on behalf of a province ("Ông X, Chủ tịch UBND tỉnh A trao ...").
_PERSON_SUBJECT = re.compile(r"\s*(?:Ông|Bà|Anh|Chị|Cụ|Cháu|Em|Gia đình (?:ông|bà|anh|chị))\s+[A-ZĐ]")
_ON_BEHALF = re.compile(r"\b(?:Chủ tịch|Bí thư|Phó|Giám đốc|Trưởng|Ủy viên|[Đđ]ại diện|[Tt]hay mặt|[Đđ]oàn|UBND|"
                        r"Tỉnh ủy|Thành ủy|MTTQ|Ủy ban)\b")
_PER_UNIT_BEFORE = re.compile(r"\bmỗi\s+(?:hộ|căn|người|suất|em|gia đình|nhà|học sinh|cháu|trường|xã)\b"
                              r"[^,;]{0,15}$")
# "200 triệu đồng/tỉnh", "10 tỷ đồng mỗi tỉnh": each of the named provinces gets the amount.
_EACH_AFTER = re.compile(r"\s*(?:/\s*|mỗi\s+)(?:tỉnh|địa phương|đơn vị|nơi)\b")
_PER_UNIT_AFTER = re.compile(r"\s*/\s*(?:hộ|người|căn|suất|em|tháng|năm)\b")
_ORG_SUBJECT = re.compile(r"(?:(?<!\()\b(?!UBND|MTTQ|TPHCM|HCM|TP\b|CLB|ĐBQH)[A-Z]{2,}[A-Za-z]*\b(?!\))|Vinamilk|Vingroup|Viettel|"
                          r"Vietcombank|Vietinbank|Agribank|Sacombank|Techcombank|Samsung|Masan|Sun Group|"
                          r"[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng|[Dd]oanh nghiệp|[Hh]ội [Dd]oanh nhân|"
                          r"[Hh]iệp hội|nhà hảo tâm|[Mm]ạnh thường quân|nhà tài trợ|[Tt]ổng công ty|HTX)")
_PLACE_BEFORE = re.compile(r"(?:\b[Tt]ại|\bở)\s+(?:[^,.;]{0,40}?,\s*)?(?:[^,.;]{0,25}[\s(])?$"
                           r"|\b(?:thăm|động viên|đến|tới|người dân|nhân dân|đồng bào|vùng lũ|vùng bão)"
                           r"(?:\s+[^,.;]{0,30})?[\s(]$|\b[Đđ]oàn\b[^;]{0,50}?\s(?:ra|vào)\s+$"
                           # "Đoàn TP. Hồ Chí Minh thông qua Ủy ban MTTQ tỉnh Nghệ An đã trao": the channel
                           r"|\bthông qua\s+[^,.;]{0,50}?\s$"
                           # "huyện Hòa Vang (TP Đà Nẵng)": the province of a named place
                           r"|\b(?:huyện|xã|phường|quận|thị xã|thị trấn|thôn|bản|ấp|làng|[Tt]rường|[Bb]ệnh viện)"
                           r"\s[^,.;()]{1,40}\(\s*$")


def _is_place(text: str, x: Mention) -> bool:
    """``Tại Bình Định, đoàn đã trao ...``: a province named as the place, not the giver."""
    return bool(_PLACE_BEFORE.search(text[max(0, x.start - 70):x.start]))


def _place_starts(text: str, mentions: list[Mention]) -> set[int]:
    """Where the provinces named as places start, a list after ``tại``/``ra`` included
    (``ra Lào Cai, Yên Bái, trao ...``: both are where the money went, not who gave it)."""
    out: set[int] = set()
    prev = None
    heads: set[int] = set()  # places reached by a motion word: the list after them is places too
    for x in mentions:
        if _is_place(text, x):
            out.add(x.start)
            if re.search(r"\b(?:ra|vào|tới|đến|về|thăm)\s+(?:tỉnh\s+|thành phố\s+)?$", text[max(0, x.start - 14):x.start]) \
                    or re.search(r"\b(?:người dân|nhân dân|đồng bào|bà con|vùng lũ|vùng bão)(?:\s+[^,.;]{0,30})?\s$",
                                 text[max(0, x.start - 45):x.start]):
                heads.add(x.start)  # ("cứu trợ người dân vùng lũ Hà Tĩnh, Quảng Bình và ủng hộ ...": both helped)
        elif prev is not None and prev.start in heads and re.fullmatch(
                r"\s*(?:,|và)\s*(?:tỉnh|thành phố|TP\.?)?\s*", text[prev.end:x.start]):
            out.add(x.start)
            heads.add(x.start)
        prev = x
    return out


_TO_BODY = re.compile(r"[^.;:]{0,30}?\bcho\s+(?:các\s+)?(?:Bộ Chỉ huy|Bộ đội|[Ll]ực lượng|Bộ Tư lệnh|Quân khu|Công an|"
                      r"Bệnh viện|[Cc]án bộ, chiến sĩ|[Cc]hiến sĩ)\b")


def _place_recipient(text: str, mentions: list[Mention], donor: str | None, m: Money) -> list[str]:
    """With no recipient named, money handed over at a place in a province goes to that province
    (not money "cho Bộ Chỉ huy Bộ đội Biên phòng ... tại các chốt ... của các tỉnh A, B": a body's)."""
    if _TO_BODY.match(text, m.end):
        return []
    starts = _place_starts(text, mentions)
    places = [x for x in mentions if x.start in starts and x.name != donor]
    after = [x for x in places if x.start >= m.end]
    chosen = after[:1] or places[-1:]
    if not chosen:
        return []
    listed = [x for x in mentions if x.name != donor and x.end <= chosen[0].start
              and re.fullmatch(r"(?:\s*(?:,|và)\s*(?:tỉnh|thành phố|TP\.?)?\s*)", text[x.end:chosen[0].start])]
    return list(dict.fromkeys([x.name for x in listed] + [chosen[0].name]))


def _after_parts(text: str, money: list[Money], m: Money, since: int,
                 mentions: list[Mention] = ()) -> bool:
    """``trao 1 tỷ đồng, trong đó ... 50 triệu``: amounts after "trong đó" are parts of a total,
    unless a province is named among them (``55 tỷ đồng, trong đó hỗ trợ hai tỉnh Nghệ An, Hà Tĩnh
    mỗi tỉnh 15 tỷ đồng``: the shares are the fundings, the total is not)."""
    cut = text.rfind("trong đó", since, m.start)
    return cut >= 0 and any(o.start < cut for o in money if o.start >= since) \
        and not any(cut < x.start < m.start for x in mentions)


def _delegation(doc: Doc) -> str | None:
    """The province of the visiting delegation (``Đoàn công tác tỉnh X do ... dẫn đầu``)."""
    for m in re.finditer(r"[Đđ]oàn (?:công tác|đại biểu)(?: của)?\s+", doc.text):
        near = doc.mentions_in(m.end(), m.end() + 80)
        if near and near[0].start - m.end() <= 40 and not re.search(
                r"\b(?:ra|vào|tới|đến|tại|thăm|về)\s+$", doc.text[m.end():near[0].start]):
            return near[0].name  # "đoàn công tác tỉnh X", not "đoàn công tác ra Lào Cai"
    return None


# The central government giving ("đề xuất Trung ương hỗ trợ"); companies: _ORG_SUBJECT.
_NOT_A_PROVINCE_GIVING = re.compile(
    r"(?:Trung ương|Chính phủ|Nhà nước|[Bb]ộ [A-ZĐ]\w*(?: \w+)?)\s+(?:đã\s+|sẽ\s+|tiếp tục\s+)?$|"
    # what a province needs or asks for ("Lào Cai cần hỗ trợ 30 tỷ đồng; Hà Giang 10 tỷ đồng")
    r"\b(?:cần|cần được|xin|đề nghị được|đề xuất được)\s+$")
# A central body acting after the provinces named (which then asked, or are the recipients).
_CENTRAL_SUBJECT = re.compile(r"(?<!viên )(?<!hành )\bTrung ương\b|\bChính phủ\b|\bThủ tướng\b|\bNhà nước\b|"
                              r"\bBộ (?!Chính trị)[A-ZĐ]|\bTổng cục\b")
# Money summed over past years has no single year ("thời gian qua, X đã hỗ trợ Y 200 tỷ").
_CUMULATIVE = re.compile(r"thời gian qua|những năm qua|nhiều năm qua|đến nay|lũy kế|tổng cộng từ|"
                         r"các năm qua|từ năm \d{4}", re.IGNORECASE)
# A clause with a verb of its own is not a continuation of the giving verb's list.
_OTHER_VERB = re.compile(r"\b(?:bố trí|đối ứng|huy động|chi|cấp|vay|thu|đạt|sẽ|dự kiến|đã|được|"
                         r"tiếp nhận|nhận|đề xuất|đề nghị|xin)\b")


_ON_BEHALF_OF = re.compile(r"\b[Tt]hay mặt\b[^.;,]{0,50}$")
_REPRESENTATIVE = re.compile(r"\s*,\s*(?:đồng chí|ông|bà)\s+(?P<name>[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){1,3})")


class _Representative(NamedTuple):
    name: str
    province: str


def _representatives(doc: Doc) -> list[_Representative]:
    """``Thay mặt lãnh đạo TPHCM, đồng chí Võ Văn Minh ...``: the person speaks and gives for the
    province, even where the excerpt gives no post of theirs."""
    out = []
    for m in doc.mentions:
        after = _REPRESENTATIVE.match(doc.text, m.end)
        if after and _ON_BEHALF_OF.search(doc.text, max(0, m.start - 60), m.start):
            out.append(_Representative(after["name"], m.name))
    return out


def _donor_from_officials(before: str, officials) -> str | None:
    """``Phó Chủ tịch Ngô Văn Khiêm đã trao ...``: the giver is the official's province."""
    named = [o for o in officials if o.province and o.name in before]
    return named[-1].province if named else None


def _recipients(text: str, m: Money, since: int, after: list[Mention], used: set[int],
                after_amount: bool = False) -> tuple[list[str], bool]:
    """Who gets amount ``m``: the province(s) named between the previous amount and this one,
    else the first named right after it (``3 tỷ đồng cho tỉnh X``); and whether the amount is a
    total for a list named after it (``1 tỷ đồng đến nhân dân các tỉnh A, B, C``)."""
    between = [x for x in after if since <= x.start < m.start and x.start not in used]
    if between and after_amount and _TO_RECIPIENT.match(text[since:between[0].start]):
        used.update(x.start for x in between)  # "1 tỷ đồng đến các tỉnh A, B và 600 triệu ...": the last amount's
        between = []
    if between:
        listed = [between[0]]
        for x in between[1:]:
            if re.fullmatch(r"\s*(?:,|và)\s*(?:tỉnh|thành phố|TP\.?)?\s*", text[listed[-1].end:x.start]):
                listed.append(x)
        each = _EACH.search(text[since:m.start]) or _EACH_AFTER.match(text[m.end:m.end + 20])
        if len(between) > 1 and each:
            chosen = between
        elif not after_amount and len(listed) == len(between) > 1 and \
                re.fullmatch(r"\s*(?:với\s+)?(?:(?:tổng\s+)?số tiền|tổng cộng|tổng)?\s*(?:là\s*)?",
                             text[listed[-1].end:m.start]):
            # "hỗ trợ Hà Giang, Sơn La, Điện Biên 10 tỷ đồng": one total for the list
            used.update(x.start for x in listed)
            return list(dict.fromkeys(x.name for x in listed)), True
        else:
            chosen = [between[-1]]
        used.update(x.start for x in chosen)
        return list(dict.fromkeys(x.name for x in chosen)), False
    following = [x for x in after if x.start >= m.end and x.start not in used
                 and (_TO_RECIPIENT.match(text[m.end:x.start]) or _WITH_GOODS.match(text[m.end:x.start])
                      or _BUILD_FOR.match(text[m.end:x.start]))]
    if following:
        listed = [following[0]]
        for x in after:
            if re.match(r"\s*[(:]?\s*(?:mỗi\s+\w+\s+)?\d", text[x.end:x.end + 12]):
                if x.start > listed[-1].end and re.match(r"\s*\(?\s*mỗi\s", text[x.end:x.end + 8]) and re.fullmatch(
                        r"\s*(?:,|và)\s*(?:tỉnh|thành phố|TP\.?)?\s*", text[listed[-1].end:x.start]):
                    listed.append(x)  # "2 tỷ đồng để hỗ trợ 2 tỉnh A và B mỗi tỉnh 1 tỷ đồng": the list shares it
                break  # "..., tỉnh B 2 tỷ đồng": B is the next amount's
            if x.start > listed[-1].end and re.fullmatch(r"\s*(?:,|và)\s*(?:tỉnh|thành phố|TP\.?)?\s*",
                                                         text[listed[-1].end:x.start]):
                listed.append(x)
        if len(listed) > 1 and re.search(r"\bmỗi\b", text[m.end:following[0].start]):
            # "5 tỉ đồng cho mỗi địa phương A, B, C": each one gets the amount
            used.update(x.start for x in listed)
            return list(dict.fromkeys(x.name for x in listed)), False
        each = _EACH.search(text[listed[-1].end:listed[-1].end + 25])
        if len(listed) > 1 and (not each or find_money(text[listed[-1].end:])):
            # "30 tỷ đồng cho các tỉnh A, B, C (với mỗi tỉnh 10 tỷ đồng)": one total, each one's share after
            used.update(x.start for x in listed)
            return list(dict.fromkeys(x.name for x in listed)), True
        used.add(following[0].start)
        return [following[0].name], False
    return [], False


def _purpose(text: str, since: int, m: Money, mentions: list[Mention]) -> str | None:
    after = _PURPOSE_AFTER.match(text[m.end:])
    if after:
        purpose = after.group("p") or after.group("q")
        # "... 2 tỷ đồng hỗ trợ tỉnh X khắc phục lũ": what follows the recipient is the purpose
        named = [x for x in mentions if m.end <= x.start < m.end + after.end()]
        if named:
            purpose = text[named[-1].end:m.end + after.end()]
        purpose = _ORGANS.sub(" ", purpose)
        purpose = re.sub(r"\s+", " ", purpose).strip(" ,:-–")
        purpose = re.sub(r"^(?:tỉnh|thành phố|địa phương|hai tỉnh|các tỉnh|bạn)\b\s*", "", purpose)
        purpose = re.sub(r"\s+(?:trong|vào|từ|đến)\s+(?:năm|tháng|quý|dịp)\b.*$", "", purpose)
        if len(purpose) >= 4:
            return purpose
    span = text[since:m.start]
    for x in sorted(mentions, key=lambda x: -x.start):
        if since <= x.start < m.start:
            span = span[:x.start - since] + span[x.end - since:]
    span = _ORGANS.sub(" ", span)
    span = re.sub(r"\b(?:của|cho|với tổng số tiền là|với tổng số tiền|tổng số tiền là|số tiền|"
                  r"kinh phí|tổng cộng|tổng|với|là)\b", " ", span)
    span = re.sub(r"\s+", " ", span).strip(" ,:-–")
    span = re.sub(r"^(?:thành phố|tỉnh|TP)\b", "", span).strip(" ,")
    span = re.sub(r"^(?:thêm|tiếp|tiếp tục|trực tiếp|ngay)\b\s*", "", span)
    span = re.sub(r"\s+(?:trên|hơn|gần|khoảng|xấp xỉ|tới|lên tới|lên đến)$", "", span)  # the amount's qualifier
    span = re.sub(r"^(?:và|gồm)\s+|\s*(?:tổng trị giá|trị giá|gồm|và)$", "", span).strip(" ,")
    span = _EACH.sub("", span).strip(" ,")  # "mỗi địa phương": who gets it, not what for
    # what a list of recipients leaves: "giúp đỡ các , , , , ("
    span = re.sub(r"(?:[\s,;(]|\bvà\b)+$", "", span)
    span = re.sub(r"\s+(?:các|cho các|hai|ba|\d+)$", "", span)
    return span if len(span) >= 4 else None


def _without_money(text: str, money: list[Money]) -> str:
    for m in reversed(money):
        text = text[:m.start] + " " * (m.end - m.start) + text[m.end:]
    return text


# --- gifts in kind: no amount in đồng, but one province gives to another -----------------------

_GIFT = re.compile(
    r"\b(?:gửi tặng|trao tặng|tặng|ủng hộ|hỗ trợ|gửi|trao|chở|vận chuyển|đưa)\s+(?:thêm\s+)?"
    r"(?:hơn|gần|khoảng|trên|hàng)?\s*[\d.,]+\s*(?:nghìn\s+|ngàn\s+|triệu\s+)?"
    r"(?:tấn|tạ|kg|chiếc|bộ|suất|phần quà|túi|thùng|liều|máy|xe|bình|con|lít|hộp|bao|viên)\b"
)
_CLAUSES = re.compile(r"[,;:]|\b(?:và|còn)\s+(?=(?:tỉnh|thành phố|TP)\b)")
_TO = re.compile(r"\b(?:cho|tới|đến|giúp)\s+(?:hỗ trợ\s+|giúp\s+)?(?:nhân dân\s+|người dân\s+|bà con\s+)?$")


def gift_pairs(doc: Doc, fundings: list[Funding]) -> set[tuple[str, str]]:
    """Provinces that give goods to another (``tỉnh Lâm Đồng gửi tặng hơn 300 tấn rau củ``):
    the giver is the province named before the verb in its clause, the receiver the province
    after ``cho``/``tới``, else the one province every funding of the article goes to."""
    recipients = {f.recipient for f in fundings if f.recipient}
    default = next(iter(recipients)) if len(recipients) == 1 else None
    out: set[tuple[str, str]] = set()
    for sent in doc.sentences:
        if not _GIFT.search(sent.text):
            continue
        cuts = [0] + [m.end() for m in _CLAUSES.finditer(sent.text)] + [len(sent.text)]
        for a, b in zip(cuts, cuts[1:]):
            clause = sent.text[a:b]
            gift = _GIFT.search(clause)
            if not gift or _money_in(clause):
                continue
            mentions = doc.mentions_in(sent.start + a, sent.start + b)
            givers = [m for m in mentions if m.end - sent.start <= a + gift.start()]
            after = [m for m in mentions if m.start - sent.start >= a + gift.end()
                     and _TO.search(doc.text[sent.start + a + gift.end():m.start][-40:])]
            receiver = after[0].name if after else default
            if givers and receiver and givers[-1].name != receiver:
                out.add(tuple(sorted((givers[-1].name, receiver))))
    return out


def _money_in(text: str) -> bool:
    return bool(re.search(r"\b(?:đồng|tỷ|tỉ|USD)\b", text))


# What may stand between a list of provinces and the amount each gets: "Nghệ An và Hà Tĩnh mỗi
# tỉnh được hỗ trợ 15 tỉ đồng", "Lào Cai 10 tỉ đồng, Tuyên Quang 10 tỉ đồng".
_SHARE_GLUE = re.compile(r"(?i)^(?:\s|,|;|\(|\)|và|các|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d{1,2}|tỉnh|thành phố|"
                         r"TP\.?|mỗi|nơi|địa phương|với|định mức|mức|riêng|"
                         r"được(?: hỗ trợ| ủng hộ| nhận)?|nhận|số tiền|kinh phí|là|:|-|–)*$")
_REST = re.compile(r"\b(?:\d+\s+)?(?:tỉnh|địa phương|đơn vị)(?:,\s*thành(?: phố)?)?\s+còn lại\b")
_TO_WORD = re.compile(r"\b(?:gửi tới|gửi đến|gửi|cho|tới|đến|giúp)\b")
_EACH_WORD = re.compile(r"\bmỗi\b|\bMỗi\b")
_MONEY_WORD = re.compile(r"tỷ|tỉ|triệu|đồng")
_LIST_GOM_ANY = re.compile(r"\b(?:gồm|bao gồm)\b")
_LIST_GOM = re.compile(r"\b(?:gồm|bao gồm|là)\s*:?\s*$")
_GIVING = re.compile(r"\b(?:hỗ trợ|ủng hộ|trao|tặng|trích|chuyển|tài trợ)\b")


def distributed(doc: Doc, para_givers: dict[int, str], title_donor: str | None = None) -> list[Funding]:
    """Per-province shares of one giver's gift, stated after it: ``Trong đó, A và B mỗi tỉnh 15 tỉ
    đồng; C 5 tỉ đồng``, ``Mức hỗ trợ cụ thể: A 10 tỉ đồng, B 5 tỉ đồng``, or a list ``gồm: A, B và
    C`` followed by ``Mỗi tỉnh được hỗ trợ 1 tỷ đồng``. The giver is the province acting in the
    sentence with the giving verb (the last one named before it, else the headline's giver when
    the sentence names none: ``UBND tỉnh vừa có quyết định hỗ trợ 5 tỉnh ...``), carried to the
    next sentences of the paragraph and to a paragraph opening ``Cụ thể``; the total before the
    parts is not a funding of its own."""
    out: list[Funding] = []
    donor: str | None = None
    para = -1
    listed: list[str] = []
    for sent in doc.sentences:
        if sent.para != para:
            para = sent.para
            if not _PARTS.match(sent.text):  # "Cụ thể, ..." opening a paragraph goes on with the last
                donor, listed = None, []
        text = sent.text
        para_giver = para_givers.get(sent.para)
        if not _MONEY_WORD.search(text) and not _LIST_GOM_ANY.search(text) or _RECEIVED_FROM.search(text):
            continue  # neither an amount nor a list of recipients; or a list of givers (received_from)
        mentions = doc.mentions_in(sent.start, sent.end)
        verb = _GIVING.search(text)
        if verb and not re.search(r"(?<!xin )\b(?:được|nhận)\s*$", text[:verb.start()]) and not _PARTS.match(text):
            to = _TO_WORD.search(text, 0, verb.start())  # "X đã gửi tới A, B ... và ủng hộ": A, B receive
            before = [m for m in mentions if m.end - sent.start <= (to.start() if to else verb.start())]
            if before and _CENTRAL_SUBJECT.search(text, before[-1].end - sent.start, verb.start()):
                before = []  # "theo đề nghị của các tỉnh A, B, Ban Cứu trợ Trung ương quyết định ... hỗ trợ"
            if not before and title_donor and re.search(r"\b(?:UBND|Tỉnh ủy|Thành ủy|tỉnh|thành phố)\s*$|"
                                                         r"\b(?:UBND|Tỉnh ủy|Thành ủy) (?:tỉnh|thành phố)\b|"
                                                         # "Tổng số tiền đã phân phối hỗ trợ các tỉnh ... Cụ thể: ..."
                                                         r"^\s*(?:Tổng\s+)?(?:số tiền|kinh phí)\b",
                                                         text[:verb.start()], re.IGNORECASE):
                donor = title_donor  # "UBND tỉnh vừa có quyết định hỗ trợ ...": the headline's giver
            if not before and donor is None and para_giver and _SUBJECTLESS.fullmatch(text[:verb.start()]):
                donor = para_giver  # "UBND tỉnh An Giang xuất ngân sách ... Theo đó, hỗ trợ cho ..."
            if before or donor in (title_donor, para_giver) and donor:
                donor = before[-1].name if before else donor
                after = list(dict.fromkeys(m.name for m in mentions if m.name != donor))
                if len(after) > 1:
                    listed = after  # "hỗ trợ 5 tỉnh A, B, C, D và E 3,5 tỷ đồng": whom the parts go to
        if donor is None:
            continue
        money = [m for m in find_money(text) if m.amount_vnd > 0]
        status = "planned" if _PLANNED.search(text) else "given"
        year = doc.article.reference_day.year if doc.article.reference_day else None
        prev_end = 0
        for m in money:
            window = [x for x in mentions if prev_end <= x.start - sent.start and x.end - sent.start <= m.start]
            glue = text[prev_end:m.start]
            for x in window:
                glue = glue.replace(doc.text[x.start:x.end], " ")
            glue = re.sub(r"^.*?(?:[Mm]ức hỗ trợ[^:]*|[Tt]rong đó|[Cc]ụ thể(?: như sau)?)\s*[,:]?", "", glue)
            glue = re.sub(r"^\s*[Mm]ức hỗ trợ[^:]*", "", glue)
            # "trong đó hỗ trợ hai tỉnh A, B mỗi tỉnh 15 tỷ đồng": the verb before a share for each
            # (or after a share already read: "...; hỗ trợ tỉnh C 5 tỷ đồng")
            glue = re.sub(r"^\s*[;,]?\s*(?:hỗ trợ|ủng hộ)(?:\s+cho)?\b" + (
                "" if any(f.evidence.start == sent.start for f in out) else r"(?=.*\bmỗi\b)"), " ", glue)
            names = [x.name for x in window if x.name != donor]
            if not names and _REST.search(text[prev_end:m.start]) and listed:
                given = {f.recipient for f in out if f.evidence.start == sent.start}
                names = [n for n in listed if n not in given]  # "A 1 tỷ đồng, 5 tỉnh còn lại, mỗi tỉnh 500 triệu"
                glue = _REST.sub(" ", glue)
            elif not names and _EACH_WORD.search(text[prev_end:m.start]) and listed:
                names = listed  # "gồm: A, B và C. Mỗi tỉnh được hỗ trợ 1 tỷ đồng"
            elif len(names) > 1 and not _EACH_WORD.search(text[prev_end:m.start]) \
                    and not _EACH_AFTER.match(text[m.end:m.end + 20]):
                names = []  # "1 tỷ đồng đến A, B, C": a total, not each one's share
            if names and _SHARE_GLUE.match(glue):
                for name in dict.fromkeys(names):
                    out.append(Funding(amount_vnd=m.amount_vnd, qualifier=m.qualifier, donor=donor,
                                       recipient=name, purpose=None, year=year, status=status,
                                       evidence=doc.evidence(sent, 0.75)))
            prev_end = m.end
        others = [x for x in mentions if x.name != donor]
        if not money and others and _LIST_GOM.search(text[: others[0].start - sent.start]):
            listed = [x.name for x in others]
    return out


# "đã nhận được sự chia sẻ, ủng hộ của các tỉnh, thành phố với số tiền 32,8 tỷ đồng, cụ thể: tỉnh
# A (500 triệu đồng), B (2 tỷ đồng), ...": a receiver's list of the provinces that gave, each amount its own.
_RECEIVED_FROM = re.compile(r"\b(?:ủng hộ|hỗ trợ|chia sẻ)[^.;:]{0,20}?\bcủa\s+(?:các|\d+)\s+(?:tỉnh|địa phương)\b[^.;:]{0,80}?"
                            r"\b(?:cụ thể|gồm|bao gồm)\s*:?")
_GIVER_ENTRY = re.compile(r"\s*(?:\(\s*|:\s*|-\s*|–\s*)?(?:gần |hơn |trên |khoảng )?\d")


def received_from(doc: Doc) -> list[Funding]:
    """Per-province gifts in a receiver's list (:data:`_RECEIVED_FROM`); the receiver is the
    province named before the list's cue, else the headline's first province."""
    out: list[Funding] = []
    heading = [m for s in doc.sentences if s.para == 0 for m in doc.mentions_in(s.start, s.end)]
    for sent in doc.sentences:
        cue = _RECEIVED_FROM.search(sent.text)
        if cue is None:
            continue
        mentions = doc.mentions_in(sent.start, sent.end)
        before = [m for m in mentions if m.end - sent.start <= cue.start()]
        receiver = before[-1].name if before else (heading[0].name if heading else None)
        if receiver is None:
            continue
        money = find_money(sent.text)
        year = doc.article.reference_day.year if doc.article.reference_day else None
        for m in mentions:
            at = m.end - sent.start
            if at <= cue.end() or m.name == receiver or not _GIVER_ENTRY.match(sent.text, at):
                continue
            amount = next((x for x in money if at <= x.start <= at + 20), None)
            if amount is None or amount.amount_vnd <= 0:
                continue
            out.append(Funding(amount_vnd=amount.amount_vnd, qualifier=amount.qualifier, donor=m.name,
                               recipient=receiver, purpose=None, year=year, status="given",
                               evidence=doc.evidence(sent, 0.75)))
    return out


# "Tỉnh Quảng Nam và tỉnh Quảng Trị ủng hộ thành phố Hồ Chí Minh lần lượt với số tiền 2 tỷ đồng và
# 500 triệu đồng", "Hà Nội hỗ trợ Hà Giang, Lai Châu lần lượt 50 triệu đồng và 195 triệu đồng": a
# list of givers (or of receivers) and as many amounts, matched in order.
_RESPECTIVELY = re.compile(r"\blần lượt\b")


def respectively(doc: Doc) -> list[Funding]:
    """Fundings of the sentences that match a list of provinces with as many amounts in order."""
    out: list[Funding] = []
    for sent in doc.sentences:
        each = _RESPECTIVELY.search(sent.text)
        verb = each and next((v for v in VERBS.finditer(sent.text, 0, each.start())), None)
        if not verb or _PLANNED.search(sent.text, 0, verb.start()):
            continue
        money = [m for m in find_money(sent.text) if m.start > each.end() and m.amount_vnd > 0]
        ms = [Mention(m.name, m.start - sent.start, m.end - sent.start)
              for m in doc.mentions_in(sent.start, sent.end)]
        givers = _run_before(sent.text, [m for m in ms if m.end <= verb.start()], verb.start())
        receivers = _run_after(sent.text, [m for m in ms if verb.end() <= m.start < each.start()], verb.end())
        pairs: list[tuple[str, str]] = []
        if len(givers) >= 2 and len(receivers) == 1:
            pairs = [(g.name, receivers[0].name) for g in givers]
        elif len(givers) == 1 and len(receivers) >= 2:
            pairs = [(givers[0].name, r.name) for r in receivers]
        if not pairs or len(money) != len(pairs) or any(a == b for a, b in pairs):
            continue
        year = doc.article.reference_day.year if doc.article.reference_day else None
        out += [Funding(amount_vnd=m.amount_vnd, qualifier=m.qualifier, donor=a, recipient=b, purpose=None,
                        year=year, status="given", evidence=doc.evidence(sent, 0.8))
                for (a, b), m in zip(pairs, money)]
    return out


def _run_before(text: str, ms: list[Mention], verb_start: int) -> list[Mention]:
    """The list of provinces that ends right before the verb (``A và B đã ủng hộ``)."""
    if not ms or not re.fullmatch(r"\s*(?:đã\s+|cũng\s+|vừa\s+)*", text[ms[-1].end:verb_start]):
        return []
    return listed_before(text, ms, AND_GLUE)[::-1]


def _run_after(text: str, ms: list[Mention], verb_end: int) -> list[Mention]:
    """The list of provinces that starts right after the verb (``hỗ trợ cho tỉnh A, B``)."""
    if not ms or not re.fullmatch(r"\s*(?:cho\s+)?(?:(?:nhân dân|người dân|bà con|đồng bào)\s+)?"
                                  r"(?:(?:các\s+)?(?:tỉnh|thành phố|TP\.?)\s*)?", text[verb_end:ms[0].start]):
        return []
    return chain(text, ms, ms[0], AND_GLUE)
