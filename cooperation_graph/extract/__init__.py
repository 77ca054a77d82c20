"""Pure extraction: an Article and the gazetteer in, an Extraction out. No I/O here."""

from __future__ import annotations

import re
from collections import Counter

from ..gazetteer import Gazetteer
from ..model import Article, Extraction, ProvinceMention
from .agreements import extract_agreements, hub_pairs, region_members
from .english import extract_english, is_english
from .events import extract_events, handover_events, placed_by_fundings, without_summaries
from .fundings import extract_fundings, gift_pairs
from .investments import extract_investments
from .officials import extract_officials
from .text import (LIST_GLUE, Doc, analyse, between_two, chain, company_subject, count_value, find_provinces, foreign_partners,
                   listed_before, names_foreign, real_officials, related_events)
from .text import main_pair as text_main_pair
from .text import pairs_from_facts

__all__ = ["extract", "analyse"]

_SPORTS = re.compile(r"\b(?:cầu thủ|HLV|V-League|V\.League|đội bóng|mùa bóng|bàn thắng|trận đấu|tiền đạo|thủ môn|"
                     r"tiền vệ|hậu vệ|sân cỏ|chuyển nhượng|ghi bàn|vòng đấu|bảng xếp hạng|AFF Cup|SEA Games)\b")
_COOPERATION = re.compile(r"hợp tác|ký kết|liên kết|phối hợp|kết nghĩa|hỗ trợ|giúp đỡ|đầu tư|"
                          r"làm việc|hội nghị|thỏa thuận|ghi nhớ", re.IGNORECASE)
# "Tham gia buổi thăm hỏi và trao quà có các đồng chí: A, ... tỉnh X; B, ... tỉnh Y".
_ATTENDED_BY = re.compile(r"\s*(?:Tham gia|Tham dự|Dự|Cùng dự)\s+(?:buổi|lễ|hội nghị|cuộc|chuyến)\b[^.;:]{0,60}?"
                          r"\b(?:trao|thăm|làm việc|ký|hội nghị|tiếp)\b[^.;:]{0,40}?\bcó\s+(?:các\s+)?đồng chí")
# "Thực hiện hỗ trợ tỉnh Khánh Hòa đợt này, Thành phố Hồ Chí Minh đã ...": support named before its giver.
_SUPPORTING = re.compile(r"\s*(?:Thực hiện|Để|Nhằm)\s+(?:việc\s+)?(?:hỗ trợ|giúp đỡ|chia sẻ với|ủng hộ)\s+")
_SUPPORTED = re.compile(r"(?:(?:nhân dân|người dân|bà con|đồng bào)\s+)?(?:(?:tỉnh|thành phố|TP\.?)\s*)?")
_BOTH_SIDES = re.compile(r"\b(?:hợp tác|liên kết|kết nghĩa|phối hợp|ký kết)\b[^.;]{0,60}?\b(?:giữa\s+)?"
                         r"(?:hai|2)\s+(?:tỉnh|bên|địa phương|thành phố|đơn vị)\b")
_NEGATED = re.compile(r"\b(?:không|chưa|thiếu|chẳng)\s+(?:hề\s+)?(?:có\s+)?(?:được\s+)?(?:sự\s+)?"
                      r"(?:hợp tác|liên kết|phối hợp|kết nối|ký kết)\b")
# Words that ask for something to be done (a request is not the thing done).
_REQUEST = r"đề nghị|yêu cầu|kiến nghị|đề xuất|kêu gọi"
# Words before a cooperation verb that make it wanted, planned or missing, not done.
_NOT_DONE = r"để|nhằm|đề nghị|yêu cầu|sẽ|muốn|dự kiến|chưa|không|nên|cần"
_COOPERATION_WORD = re.compile(r"\b(?:hợp tác|ký kết|liên kết|kết nghĩa)\b[^.;]*$")
_BETWEEN = re.compile(r"giữa\s+(?:[^,.;]{0,30}?)$")


def extract(article: Article, gazetteer: Gazetteer) -> Extraction:
    """Every fact of the article, each with its evidence."""
    if is_english(article.text):
        return extract_english(article, gazetteer)
    doc = analyse(article, gazetteer)
    if len(set(_SPORTS.findall(doc.text))) >= 3:
        # a football story: "Hải Phòng", "FLC Thanh Hóa" are clubs, and clubs "làm việc với" each
        # other over a player; no province acts in it
        officials = real_officials(extract_officials(doc), places=gazetteer.aliases)
        used = {o.province for o in officials} - {None}
        return Extraction(article=article, provinces=_province_list(doc, used), cooperation_pairs=(),
                          officials=tuple(officials), agreements=(), fundings=(), investments=(), events=(),
                          foreign_partners=())
    regions = region_members(doc)
    stated = {p for p in _stated_pairs(doc, regions) | _sides(doc) | _title_pair(doc, gazetteer) if p[0] != p[1]}
    # The pair an article is about, which fills in a sentence's missing giver or party, must be
    # one the text states a relation of: two provinces named together are not partners.
    main_pair = text_main_pair(doc, _COOPERATION)
    if main_pair not in stated:
        main_pair = next(iter(stated)) if len(stated) == 1 else None
    officials = real_officials(extract_officials(doc), places=gazetteer.aliases)
    fundings, shared_pairs = extract_fundings(doc, main_pair, officials)
    investments = extract_investments(doc, main_pair)
    fundings, investments = between_two(fundings, investments)
    agreements = extract_agreements(doc, main_pair, officials, regions)
    events = placed_by_fundings(extract_events(doc, officials), fundings)
    events = without_summaries(events + handover_events(doc, fundings, events))

    hubs = {a: hub_pairs(a, regions) or _stated_star(doc, a) for a in agreements}
    pairs = pairs_from_facts([a for a in agreements if not hubs.get(a)], fundings, investments, events)
    pairs |= {p for star in hubs.values() if star for p in star}
    pairs |= gift_pairs(doc, fundings) | shared_pairs
    pairs |= stated
    events = related_events(events, pairs)

    used = {o.province for o in officials} | {e.place for e in events}
    used |= {n for f in fundings for n in (f.donor, f.recipient)}
    used |= {n for i in investments for n in (i.investor_province, i.host_province)}
    used |= {n for a in agreements for n in a.parties} | {n for p in pairs for n in p}
    used |= {n for e in events for n in e.organisers}
    return Extraction(
        article=article, provinces=_province_list(doc, used - {None}),
        cooperation_pairs=tuple(sorted(pairs)), officials=tuple(officials),
        agreements=tuple(agreements), fundings=tuple(fundings),
        investments=tuple(investments), events=tuple(events), foreign_partners=tuple(foreign_partners(doc)))


def _stated_star(doc: Doc, agreement) -> set[tuple[str, str]] | None:
    """The pairs of a document one party signed with each of the others, as its own sentence says
    (``Liên minh HTX TP Hà Nội đã ký kết ... Chương trình ... với Liên minh HTX 8 tỉnh gồm: ...``): the
    hub with each, not the others with each other; None when the sentence does not say so."""
    parties = set(agreement.parties)
    sent = next((s for s in doc.sentences if s.start <= agreement.evidence.start < s.end), None)
    if len(parties) < 3 or sent is None:
        return None
    inside = {p for p in _working_with(doc, sent, doc.mentions_in(sent.start, sent.end)) if set(p) <= parties}
    for hub in parties:
        star = {tuple(sorted((hub, x))) for x in parties - {hub}}
        if inside == star:
            return star  # type: ignore[return-value]
    return None


def _province_list(doc: Doc, used: set[str]) -> tuple[ProvinceMention, ...]:
    """Provinces named in the text, and those a fact names through a district or ward
    (``Chủ tịch UBND huyện Mai Châu`` -> Hòa Bình) with zero mentions."""
    counts = Counter(m.name for m in doc.mentions)
    for name in used - set(counts):
        counts[name] = 0
    out = []
    for name, n in counts.most_common():
        unit = doc.gazetteer.get(name, doc.era)
        if unit is None:
            continue
        out.append(ProvinceMention(name=unit.name, code=unit.code, era=unit.era, mentions=n,
                                   full_name=unit.full_name, successor=unit.successor))
    return tuple(sorted(out, key=lambda p: (-p.mentions, p.name)))


# "X làm việc với Y", "X ký kết với Y", "Đoàn công tác tỉnh X thăm và làm việc tại tỉnh Y":
# one province's people meeting or working with another's.
# (what is signed may stand between: "ký kết hợp tác phát triển du lịch với Phú Yên")
_WITH = re.compile(r"\b(?:làm việc|hội đàm|hợp tác|ký kết|kết nghĩa|phối hợp|gặp gỡ|trao đổi kinh nghiệm|"
                   r"hội kiến|tiếp xúc)(?:\s+(?:thực hiện\s+|triển khai\s+)?(?:hợp tác|[Cc]hương trình|thỏa thuận|biên bản|ghi nhớ)\b"
                   r"[^.;:()]{0,60}?)?"
                   r"\s+với\b(?!\s+cử tri)"
                   # "ITPC phối hợp Trung tâm Xúc tiến ... tỉnh Bà Rịa-Vũng Tàu tổ chức ...": a body as the object
                   r"|\bphối hợp(?=\s+(?:Trung tâm|Sở|UBND|Ủy ban|Ban Quản lý|Thành đoàn|Tỉnh đoàn|Liên minh)\b)")
_VISIT = re.compile(r"\b(?:(?:thăm và làm việc|thăm, làm việc|làm việc|khảo sát|học tập kinh nghiệm|"
                    r"trao đổi kinh nghiệm|công tác)\s+(?:tại|ở|với)|"
                    r"đến thăm|thăm hỏi|trao quà|tặng quà|trao hỗ trợ|trao tiền|"
                    r"(?:có\s+)?chuyến thăm(?:,?\s+(?:và\s+)?(?:làm việc|hỗ trợ|tặng quà))?(?:\s+(?:tại|tới|đến))?|"
                    r"(?:đến|tới|vào tới)(?=\s+(?:tỉnh\s+|thành phố\s+|TP\.?\s*)?[A-ZĐ][^,.;]{0,25}?\s+(?:để\s+)?(?:khảo sát|"
                    r"làm việc|trao đổi kinh nghiệm|học tập kinh nghiệm|trao|tặng|hỗ trợ|cứu trợ|ủng hộ|thăm)))\b")
# "Hà Nội hỗ trợ Gia Lai, Quảng Ninh hỗ trợ Lâm Đồng", "Khánh Hòa, Lào Cai hỗ trợ Thái Nguyên",
# "Hà Nội tặng TP.HCM 5.000 tấn gạo": a province giving to the province right after the verb.
_GIVES = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:đã\s+|cũng\s+|vừa\s+|sẽ\s+|tiếp tục\s+)*"
                    r"(?:trao\s+)?(?:gửi tặng|tặng|hỗ trợ|giúp đỡ|giúp|ủng hộ|chi viện|tiếp sức)\s+"
                    r"(?:cho\s+|tới\s+|đến\s+|giúp\s+)?(?:(?:nhân dân|người dân|bà con|đồng bào)\s+)?"
                    r"(?:(?:tỉnh|thành phố|TP\.?)\s*)?")
# "Về phía tỉnh Nghệ An có các đồng chí ... Về phía tỉnh Quảng Ngãi có ...": the two sides of a meeting.
_SIDE = re.compile(r"\b[Vv]ề phía\s+(?:(?:lãnh đạo|tỉnh|thành phố|TP\.?|Thành ủy|Tỉnh ủy|UBND)\s+)*")
_MEETING = re.compile(r"\b(?:cuộc làm việc|buổi làm việc|hội nghị|hội đàm|lễ ký|buổi tiếp|chủ trì|đồng chủ trì|"
                      r"(?:[Ll]ễ |[Pp]hát biểu |[Dd]ự )?khai mạc|buổi lễ|dự lễ)\b")
# "tại Hà Nội, Ban chỉ đạo ... phối hợp với tỉnh X": the venue is not a party.
_VENUE = re.compile(r"\b(?:[Tt]ại|ở)\s+(?:TP\.?|thành phố|tỉnh|Thủ đô)?\s*$")
_JOINT_PETITION = re.compile(r"\s*(?:đã\s+|cùng\s+|đã cùng\s+)?(?:có\s+)?(?:văn bản\s+|(?i:tờ trình)\s+)?(?:kiến nghị|đề nghị|"
                             r"đề xuất|(?i:tờ trình)|gửi (?i:tờ trình))\b[^.;]{0,30}?\b(?:Thủ tướng|Chính phủ|Bộ|Quốc hội|Trung ương)")
# cooperation "với" a ministry, a sector, a department or the police: not with the other province
_NOT_WITH_BODY = (r"(?!\s+với\s+(?:các\s+)?(?:bộ|Bộ|ngành|cơ quan|doanh nghiệp|Tổng cục|Trung ương|Sở|sở|Công an|"
                  r"lực lượng))")
_ROUTE = re.compile(r"\b(?:đường bay|tuyến bay|chuyến bay|tuyến xe|tuyến đường|tuyến|cao tốc|quốc lộ|đường sắt|"
                    r"xe khách|đường thủy)\s+(?:\S+\s+){0,2}?(?:giữa|từ)?\s*(?:TP\.?|thành phố|tỉnh)?\s*$")
_DESTINATION = re.compile(r"\b(?:tới|đến|thăm)\s+(?:TP\.?|thành phố|tỉnh|Thủ đô)?\s*$")
_AREA = re.compile(r"\btrên địa bàn\s+(?:\d+\s+|hai\s+|các\s+)?(?:TP\.?|thành phố|tỉnh)?\s*$")
_CASE_WORDS = re.compile(r"\b(?:điều tra|vụ án|truy bắt|bắt giữ|truy nã|nghi phạm|đối tượng|lâm tặc|buôn lậu|"
                         r"ma túy|tai nạn|đua xe|khởi tố|lời khai|lừa đảo|hàng giả|tạm giữ|thu giữ|khám nghiệm|tang vật|xác minh|"
                         r"bắt quả tang|hàng lậu|truy tố|bị cáo|bị can|xét xử)\b")
# A central body acting ("Đoàn kiểm tra của Bộ Chính trị do ... Bí thư Thành ủy TP HCM làm Trưởng đoàn"):
# the province inside its leader's title is no party.
_CENTRAL_BODY = re.compile(r"\b[Đđ]oàn (?:kiểm tra|giám sát|công tác|khảo sát|thanh tra)\s+(?:của\s+)?"
                           r"(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Chính phủ|Quốc hội|Ủy ban Kiểm tra Trung ương|"
                           r"Trung ương|Bộ [A-ZĐ]\w*|Tổng cục)|\b(?<!viên )(?:Tổng cục|Bộ (?!Chính trị)[A-ZĐ]\w*)")
# "vùng biển giáp ranh giữa Nghệ An và Thanh Hóa": a border, not a relation.
_BORDER_WORDS = r"giáp ranh|ranh giới|biên giới|địa giới|tiếp giáp"
_BORDER = re.compile(rf"\b(?:{_BORDER_WORDS}|giáp)\s+(?:giữa\s+)?$")
_CASE_WORK = re.compile(r"\b(?:Công an|[Cc]ảnh sát|CSGT|[Bb]iên phòng|BĐBP|Cơ quan (?:CSĐT|Cảnh sát điều tra)|Viện (?:KSND|kiểm sát)|Tòa án|TAND|"
                        r"Cục Cảnh sát|Phòng Cảnh sát)\b")
_DELEGATION = re.compile(r"\b[Đđ]oàn (?:công tác|đại biểu|cán bộ|lãnh đạo|cứu trợ)(?!\s+(?:Quốc hội|(?:của\s+)?(?:nhà trường|"
                         r"[Tt]rường|[Cc]ông ty|[Bb]ệnh viện|[Dd]oanh nghiệp|[Nn]gân hàng|[Tt]ập đoàn)))\b|"
                         r"\bSở [A-ZĐ][^,.;]{0,50}?\s(?:tỉnh|thành phố|TP\.?)\s|"
                         r"\b(?:Bí thư|Chủ tịch|Phó Chủ tịch|Phó Bí thư) (?:Tỉnh ủy|Thành ủy|UBND|Ủy ban nhân dân)\b")


# "đồng chí X, Chủ tịch UBND tỉnh A và đồng chí Y, Chủ tịch UBND tỉnh B đã ký kết ...": the two
# provinces' leaders sign together.
_TWO_SIGNERS = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:,\s*)?và\s+(?:đồng chí|ông|bà)\s+[^,.;()]{3,40},\s+"
                          r"[^,.;()]{3,80}?\s*")
_SIGNED = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?,?\s*(?:đã\s+|vừa\s+|cùng\s+)?(?:ký kết|ký|trao (?:đổi )?(?:biên bản|thỏa thuận))\b")
# An event held together: "Lễ khai mạc Tuần văn hóa ... với sự tham gia của 6 tỉnh vùng Việt Bắc
# gồm Hà Giang, Tuyên Quang, ...", "hội nghị có sự tham gia của các tỉnh A, B và C".
_JOINT_EVENT = re.compile(r"(?i:lễ|hội nghị|hội thảo|hội chợ|liên hoan|ngày hội|festival|diễn đàn|tuần văn hóa|"
                          r"chương trình)\b[^.;]{0,200}?\b(?:với|có) sự tham gia của\s+(?:đại diện\s+|lãnh đạo\s+)*"
                          r"(?:các|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d+)\s+(?:tỉnh|địa phương|tỉnh, thành(?: phố)?)")
_JOINT_DELEGATION = re.compile(r"\b[Đđ]oàn (?:công tác|đại biểu|cán bộ|lãnh đạo)(?: của)? (?:hai|ba|bốn|năm|[2-9]) "
                               r"(?:tỉnh|địa phương)(?:, thành(?: phố)?)?\s*:?\s*")
_HOSTED = re.compile(r"\bdo\s+[^.;]{0,80}?\b(?:chủ trì|tổ chức|đăng cai)\b")
_JOINT_TO_LIST = re.compile(r"(?:\s+[^,.;:()\d]{1,30}?)?\s*,?\s*(?:gồm|là)?\s*:?\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?")
# "A và B đã ký kết hợp tác ... với C": A and B are one side, each C's partner, not each other's.
_ONE_SIDE = re.compile(r"\s*(?:đã\s+|vừa\s+|cùng\s+)?(?:ký kết|hợp tác|kết nghĩa|liên kết)\b[^,.;:()]{0,50}?\s+với\s+"
                       r"(?:các\s+|hai\s+)?(?:tỉnh|thành phố|TP\.?)?\s*[A-ZĐ]")


def _stated_pairs(doc: Doc, regions: dict[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    """``hợp tác giữa X và Y``, ``X và Y ký kết ...``, ``X làm việc với Y``, a delegation of X
    visiting Y: provinces named acting together (never when a foreign party is named)."""
    out: set[tuple[str, str]] = set()
    foreign = names_foreign(doc.text)  # most articles name no foreign party: one test for all
    for sent in doc.sentences:
        ms = doc.mentions_in(sent.start, sent.end)
        if len(ms) < 2 or (foreign and names_foreign(sent.text)) or _CASE_WORDS.search(sent.text) \
                or company_subject(sent.text):
            continue  # (a criminal case or an accident: police and courts working, not the provinces; a company acting)
        out |= _working_with(doc, sent, ms)
        out |= _gives_to(doc, sent, ms)
        out |= _support_of_for(doc, sent, ms)
        out |= _dashed_in_a_name(doc, sent, ms)
        out |= _hub_and_region(doc, sent, ms)
        joint = _JOINT_EVENT.search(sent.text)
        first = joint and next((m for m in ms if m.start >= sent.start + joint.end()), None)
        if first and (not _JOINT_TO_LIST.fullmatch(doc.text, sent.start + joint.end(), first.start)
                      or _HOSTED.search(joint.group())):
            first = None  # ("Lễ giỗ tổ do UBND tỉnh A chủ trì với sự tham gia của 5 tỉnh: ...": guests of A's festival)
        if first:  # "Lễ khai mạc ... với sự tham gia của 6 tỉnh gồm A, B, ... và F": each with each
            group = _listed(doc.text, ms, first)
            out |= {tuple(sorted((a.name, b.name))) for i, a in enumerate(group) for b in group[i + 1:]
                    if a.name != b.name}
        joint = _JOINT_DELEGATION.search(sent.text)
        first = joint and next((m for m in ms if m.start <= sent.start + joint.end() < m.end
                                or m.start == sent.start + joint.end()), None)
        if first:  # "đoàn đại biểu 3 tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh đã dâng hoa ...": one joint delegation
            group = _listed(doc.text, ms, first)
            out |= {tuple(sorted((a.name, b.name))) for i, a in enumerate(group) for b in group[i + 1:]
                    if a.name != b.name}
        supporting = _SUPPORTING.match(sent.text)
        if supporting and not _SUPPORTED.fullmatch(doc.text, sent.start + supporting.end(), ms[0].start):
            supporting = None  # "Nhằm hỗ trợ người trồng hoa ... tại siêu thị ở A và B": no province supported
        if len({m.name for m in ms}) == 2 and (_ATTENDED_BY.match(sent.text) or supporting):
            out.add(tuple(sorted({m.name for m in ms})))  # two provinces' leaders at one hand-over or meeting
        if not re.search(r"hợp tác|ký kết|liên kết|kết nghĩa|phối hợp", sent.text) or _NEGATED.search(sent.text):
            continue  # ("... cho thấy các tỉnh đã không có sự hợp tác": said to be missing)
        among = re.search(r"\bgiữa\s+(?:các|hai|ba|bốn|năm|\d+)\s+(?:tỉnh|địa phương|tỉnh, thành(?: phố)?)\s+", sent.text)
        if among and _BORDER.search(sent.text[max(0, among.start() - 40):among.start()] + " "):
            among = None  # "vùng biển giáp ranh giữa hai tỉnh A và B": a border
        first = next((m for m in ms if among and sent.start + among.start() < m.start <= sent.start + among.end()),
                     None)
        if first is not None:  # "hợp tác ... giữa 3 tỉnh Thanh Hóa - Nghệ An - Hà Tĩnh": each with each
            group = _listed(doc.text, ms, first)
            out |= {tuple(sorted((a.name, b.name))) for i, a in enumerate(group) for b in group[i + 1:]
                    if a.name != b.name}
        names = {m.name for m in ms}
        both = _BOTH_SIDES.search(sent.text)
        if len(names) == 2 and both and not _venue_list(doc, sent, ms) and not re.search(
                r"\b(?:để|nhằm|đề xuất|đề nghị|sẽ|muốn|mong)\s+(?:\S+\s+){0,2}$", sent.text[max(0, both.start() - 30):both.start()]):
            out.add(tuple(sorted(names)))  # "... tổ chức hội nghị xúc tiến hợp tác giữa hai tỉnh" (not "để cùng phối hợp")
        partners = {x.start for m in ms if _PARTNERS_OF.search(doc.text, max(sent.start, m.start - 45), m.start)
                    for x in _listed(doc.text, ms, m)}  # ("A đã cùng các tỉnh: B, C và D ký kết": D is not C's partner)
        for a, b in zip(ms, ms[1:]):
            between = doc.text[a.end:b.start]
            if b.start in partners:
                continue
            if a.name != b.name and _TWO_SIGNERS.fullmatch(between) and _SIGNED.match(doc.text, b.end, sent.end):
                out.add(tuple(sorted((a.name, b.name))))  # "X, Chủ tịch UBND tỉnh A và Y, Chủ tịch UBND tỉnh B đã ký kết"
                continue
            if re.fullmatch(r"\s*\)\s*và\s+[^,.;()]{0,50}\(?\s*", between) and a.name != b.name and re.match(
                    r"\s*\)?(?:\s*\([^()]{0,20}\))?\s*(?:đã\s+|vừa\s+|cùng\s+)?(?:ký|tổ chức|phối hợp|thống nhất|kết nghĩa)",
                    doc.text[b.end:sent.end]):
                out.add(tuple(sorted((a.name, b.name))))  # "phường X (thành phố A) và phường Y (B) ký kết"
                continue
            if re.search(rf"\b(?:{_REQUEST})\b[^.;:]{{0,80}}$", doc.text[sent.start:a.start]):
                continue  # "Bộ GTVT đề nghị các tỉnh A, B và C phối hợp khảo sát": asked, not done
            if _CASE_WORK.search(doc.text[max(sent.start, a.start - 40):a.start]) or _AREA.search(
                    doc.text, max(sent.start, a.start - 25), a.start):
                continue  # "cảnh sát giao thông tỉnh Bắc Ninh và Hải Dương đã phối hợp phân luồng": police work;
                # "các chi nhánh trên địa bàn 2 tỉnh A và B phối hợp với ...": where, not who
            if a.name != b.name and re.fullmatch(r"\s*và\s*", between) and _JOINT_PETITION.match(doc.text, b.end, sent.end):
                out.add(tuple(sorted((a.name, b.name))))  # "Tỉnh Nam Định và Ninh Bình kiến nghị Thủ tướng ...": together
                continue
            if _ROUTE.search(doc.text, max(sent.start, a.start - 40), a.start):
                continue  # "các chuyến bay ... hợp tác liên danh trên đường bay giữa TP HCM - Cà Mau": a route
            if _DESTINATION.search(doc.text, max(sent.start, a.start - 20), a.start):
                continue  # "chuyến thăm của Tổng thống Mỹ tới Đà Nẵng và Hà Nội ... hợp tác với Việt Nam": stops
            if _VENUE.search(doc.text, max(sent.start, a.start - 20), a.start) and not _BETWEEN.search(
                    doc.text[max(sent.start, a.start - 40):a.start]):
                continue  # "các trường tại Bắc Ninh, Hưng Yên liên kết với ...": where, not who
            if re.fullmatch(r"\s*(?:và|với|-|–)\s*", between) and (
                    _BETWEEN.search(doc.text[max(sent.start, a.start - 40):a.start])
                    and not re.search(_BORDER_WORDS,
                                      doc.text[max(sent.start, a.start - 60):a.start])
                    or re.fullmatch(r"\s*[-–]\s*", between)  # "kết nghĩa và ký kết hợp tác Ninh Bình - Bạc Liêu"
                    and _COOPERATION_WORD.search(doc.text[max(sent.start, a.start - 40):a.start])
                    or not _ONE_SIDE.match(doc.text, b.end, sent.end)
                    and re.search(r"^\s*(?:[^,.;]{0,40})(?:hợp tác|ký kết|liên kết|kết nghĩa|thống nhất|phối hợp|"
                                 r"sơ kết|tổng kết|chương trình|thỏa thuận|ghi nhớ)" + _NOT_WITH_BODY,
                                 doc.text[b.end:sent.end])):
                if a.name != b.name:
                    out.add(tuple(sorted((a.name, b.name))))  # type: ignore[arg-type]
        out |= _lists_together(doc, sent, ms)
    return out | _counted_back(doc) | _given_to_counted(doc) | _hubs_and_region(doc, regions)


# "sự hỗ trợ nghĩa tình, bền bỉ của Đảng bộ, chính quyền và nhân dân TPHCM dành cho Đồng Tháp":
# the support one province has given another, told as a noun
_SUPPORT_OF = re.compile(r"\b(?:sự\s+)?(?:hỗ trợ|giúp đỡ|ủng hộ|chi viện|đùm bọc)\b[^.;:]{0,40}?\bcủa\s+"
                         r"(?:(?:Đảng bộ|chính quyền|Nhân dân|nhân dân|lãnh đạo|Thành ủy|Tỉnh ủy|UBND|HĐND|và|,)\s*)*"
                         r"(?:(?:tỉnh|thành phố|TP\.?)\s*)?$")
_FOR = re.compile(r"\s*(?:dành cho|đối với)\s+(?:(?:Đảng bộ, chính quyền và\s+)?(?:nhân dân|Nhân dân|đồng bào)\s+)?"
                  r"(?:(?:tỉnh|thành phố|TP\.?)\s*)?")


def _support_of_for(doc: Doc, sent, ms) -> set[tuple[str, str]]:
    """``sự hỗ trợ ... của A dành cho B``, ``sự giúp đỡ của nhân dân A đối với B``: A gave B support."""
    out: set[tuple[str, str]] = set()
    for a, b in zip(ms, ms[1:]):
        if a.name != b.name and _FOR.fullmatch(doc.text, a.end, b.start) and _SUPPORT_OF.search(
                doc.text, max(sent.start, a.start - 120), a.start):
            out.add(tuple(sorted((a.name, b.name))))  # type: ignore[arg-type]
    return out


# "Hội nghị xúc tiến thương mại, đầu tư và du lịch TP.HCM - Vĩnh Long", "Tuần văn hóa Hà Nội - Huế": two
# provinces joined by a dash in the name of their joint event or programme
_JOINT_NAME = re.compile(r"(?i:hội nghị|hội thảo|diễn đàn|tuần văn hóa|tuần lễ|ngày hội|liên hoan|chương trình|hội chợ|"
                         r"lễ hội|festival|giao lưu|kết nghĩa|hợp tác|liên kết|xúc tiến)\b"
                         r"(?:(?!\s(?:của|người|gốc|quê|tại|ở|với|cho|dành)\s)[^.;:()]){0,60}?$")


def _dashed_in_a_name(doc: Doc, sent, ms) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for a, b in zip(ms, ms[1:]):
        if a.name != b.name and re.fullmatch(r"\s*[-–]\s*", doc.text[a.end:b.start]) and _JOINT_NAME.search(
                doc.text, max(sent.start, a.start - 70), a.start) and not _ROUTE.search(
                doc.text, max(sent.start, a.start - 40), a.start):
            out.add(tuple(sorted((a.name, b.name))))  # type: ignore[arg-type]
    return out


def _venue_list(doc: Doc, sent, ms) -> bool:
    """The sentence's provinces are one list after ``tại``/``ở``: where something happened
    ("Ngày 26/12, tại TP. Đà Nẵng và tỉnh Quảng Nam, văn phòng ... phối hợp với 2 địa phương ...")."""
    return bool(ms) and _VENUE.search(doc.text, max(sent.start, ms[0].start - 20), ms[0].start) is not None and \
        len(_listed(doc.text, ms, ms[0])) == len(ms)


_CO_SUBJECTS_DO = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:[^,.;:()]{0,40}?)(?:hợp tác|ký kết|liên kết|kết nghĩa|"
                             r"phối hợp|sơ kết|tổng kết|chương trình|thỏa thuận)" + _NOT_WITH_BODY)
_LIST_HOLDER = re.compile(r"\b(?:tại|ở|của|cho|với|từ|đến|tới|gồm|như|trên|qua|thuộc|và|là)(?:\s*:)?\s+"
                          r"(?:(?:đại diện|lãnh đạo|UBND|nhân dân)\s+)?(?:các\s+|địa bàn\s+)?"
                          r"(?:(?:tỉnh|thành phố|TP\.?|địa phương)\s*[,:]?\s*)?$")
_PARTNERS_OF = re.compile(r"\b(?:đã\s+|vừa\s+)?cùng(?:\s+với)?\s+(?:các\s+|\d+\s+)?(?:tỉnh|thành phố|TP\.?|địa phương)?"
                          r"(?:,\s*thành(?: phố)?)?\s*:?\s*$")
# "Yaroslavl có tuổi đời đúng bằng thủ đô Hà Nội, khi là thành phố kết nghĩa với Đà Nẵng": compared, not acting
_COMPARED = re.compile(r"\b(?:bằng|như|giống|hơn|so với)\s+(?:(?:thủ đô|tỉnh|thành phố|TP\.?)\s*)?$")
_PARTNER_COMPANY = re.compile(r"\s*(?:(?:các|một|hai)\s+)?(?:[Tt]ổng [Cc]ông ty|[Cc]ông ty|[Tt]ập đoàn|[Dd]oanh nghiệp|[Nn]gân hàng)\b"
                              r"(?:(?!\s(?:và|cùng|với)\s+(?:UBND|Sở|tỉnh|thành phố|TP|các|Tỉnh ủy|Thành ủy|lãnh đạo|đại diện)\b)[^.;:()])*$")
_BETWEEN_LIST = re.compile(r"\bgiữa\s+(?:các\s+|\d+\s+|ba\s+|bốn\s+)?(?:tỉnh|thành phố|TP\.?|địa phương)?\s*$")
_WITH_LIST = re.compile(r"\s+với\s+(?:các\s+|\d+\s+)?(?:tỉnh|thành phố|TP\.?|địa phương)?(?:,\s*thành phố)?\s*:?\s*")


def _lists_together(doc: Doc, sent, ms) -> set[tuple[str, str]]:
    """Three or more provinces listed as the subject of cooperation (``Hải Dương, Hải Phòng, Quảng
    Ninh đã triển khai nhiều nội dung hợp tác``: each with each), and ``liên kết giữa A, B, C với
    các tỉnh D, E`` (each of the first list with each of the second)."""
    out: set[tuple[str, str]] = set()
    text = doc.text
    seen: set[int] = set()
    for m in ms:
        if m.start in seen:
            continue
        run = _listed(text, ms, m)
        seen.update(x.start for x in run)
        names = list(dict.fromkeys(x.name for x in run))
        lead = text[sent.start:m.start]
        if _VENUE.search(lead[-25:]) or _AREA.search(lead[-25:]) or _CASE_WORK.search(lead[-40:]) \
                or re.search(rf"\b(?:{_REQUEST}|chỉ đạo|giao)\b[^.;:]{{0,80}}$", lead):
            continue  # ("Bộ chỉ đạo các Sở ... A, B, C phối hợp ...": told to, not done)
        if _BETWEEN_LIST.search(lead[-30:]) and not re.search(_BORDER_WORDS, lead[-60:]):
            second = next((x for x in ms if x.start >= run[-1].end), None)
            if second is not None and _WITH_LIST.fullmatch(text, run[-1].end, second.start):
                others = [x.name for x in _listed(text, ms, second)]
                out |= {tuple(sorted((a, b))) for a in names for b in others if a != b}  # type: ignore[misc]
            continue
        partners = _PARTNERS_OF.search(lead[-45:])
        hub = partners and next((x for x in reversed(ms) if x.end <= m.start - len(partners.group())
                                 and x.name not in names), None)
        if hub is not None and _CO_SUBJECTS_DO.match(text, run[-1].end, sent.end):
            out |= {tuple(sorted((hub.name, b))) for b in names}  # type: ignore[misc]
            continue  # "Hà Nội đã cùng các tỉnh: Bắc Ninh, Ninh Bình, ... ký kết hợp tác": each with Hà Nội
        if len(names) < 3 or partners or _LIST_HOLDER.search(lead[-40:]) or _ONE_SIDE.match(text, run[-1].end, sent.end):
            continue
        do = _CO_SUBJECTS_DO.match(text, run[-1].end, sent.end)
        if do and not re.search(rf"\b(?:{_NOT_DONE}|cần)\b", do.group()):
            out |= {tuple(sorted((a, b))) for i, a in enumerate(names) for b in names[i + 1:]}  # type: ignore[misc]
    return out


def _working_with(doc: Doc, sent, ms) -> set[tuple[str, str]]:
    """The pair of ``A <verb> với B`` / a delegation of A visiting B, one verb at a time: A is the
    last province before the verb in its clause, B the first one after it (within 80 chars)."""
    out: set[tuple[str, str]] = set()
    text = doc.text
    for pattern in (_WITH, _VISIT):
        for v in pattern.finditer(text, sent.start, sent.end):
            clause_start = max(sent.start, text.rfind(";", sent.start, v.start()) + 1)
            before = [m for m in ms if clause_start <= m.start and m.end <= v.start()
                      and not _VENUE.search(text, max(0, m.start - 20), m.start)
                      and not _COMPARED.search(text, max(0, m.start - 30), m.start)
                      and not re.search(r"\(\s*$", text[max(0, m.start - 3):m.start])]
            after = [m for m in ms if m.start >= v.end() and m.start - v.end() <= 120
                     and (m.start - v.end() <= 80 and "(" not in text[v.end():m.start]
                          or pattern is _VISIT and re.search(r"\btại\s+(?:tỉnh\s+|thành phố\s+)?$", text[v.end():m.start]))
                     and (pattern is _VISIT or not _VENUE.search(text, max(0, m.start - 20), m.start))
                     and not _CENTRAL_BODY.search(text, v.end(), m.start)
                     and not _PARTNER_COMPANY.match(text, v.end(), m.start)  # ("phối hợp với Công ty TNHH ..., TP HCM")
                     and not re.search(r"\b(?:khán giả|cử tri|người hâm mộ|bạn đọc|du khách)\s+$", text[max(0, m.start - 20):m.start])]
            if before and _CENTRAL_BODY.search(text, clause_start, v.start()):
                continue  # "... Bí thư Thành ủy TPHCM dẫn đầu đoàn công tác của Bộ Chính trị đến làm việc với ..."
            if re.search(r"\b(?:sau khi|trước khi|khi(?:\s+còn)?|từng|còn|trước đây)\s+(?:đã\s+)?$", text[clause_start:v.start()]):
                continue  # "sau khi làm việc với các tỉnh A, B, C, Chủ tịch UBND TP ...": the subject follows;
                # "Bí thư Thành ủy A kể ... khi còn công tác ở B": where he once worked
            if not before or not after:
                continue
            if _CASE_WORK.search(text, clause_start, v.start()):
                continue  # police or a court on a case ("Công an A phối hợp với Công an B bắt giữ")
            if pattern is _VISIT and not _DELEGATION.search(text, clause_start, v.start()):
                continue  # "làm việc tại Hà Nội" alone says where, not with whom
            if re.search(rf"\b(?:{_NOT_DONE})\b", text[before[-1].end:v.start()]) or re.search(
                    rf"\b(?:{_REQUEST})\s*,?\s+[^,.;:]{{0,60}}$", text[clause_start:before[-1].start]):
                continue  # "gửi công văn tới A, B để có kế hoạch phối hợp với C", "đề nghị UBND A ... làm việc
                # với B": asked, not done
            for a in listed_before(text, before):  # "A, B và C đã ký kết ... với D": each with D
                for b in _listed(text, ms, after[0]):
                    if a.name != b.name:
                        out.add(tuple(sorted((a.name, b.name))))  # type: ignore[arg-type]
    return out


def _gives_to(doc: Doc, sent, ms) -> set[tuple[str, str]]:
    """``A hỗ trợ B``, ``A, B tặng C``: the giver (or givers listed) right before the verb, the
    receiver right after it; not a venue (``tại A``), a bracketed home, a request or a receipt."""
    out: set[tuple[str, str]] = set()
    text = doc.text
    for i, (a, b) in enumerate(zip(ms, ms[1:])):
        if a.name == b.name or not _GIVES.fullmatch(text, a.end, b.start):
            continue
        if _VENUE.search(text, max(sent.start, a.start - 20), a.start) or re.search(r"\(\s*$", text[max(0, a.start - 3):a.start]):
            continue
        if re.search(r"\b(?:đề nghị|xin|cần|được|nhận|kêu gọi|mong)\s+$", text[max(sent.start, a.start - 20):a.start]):
            continue
        for giver in listed_before(text, ms[:i + 1]):
            if giver is not a and re.search(r"(?:tặng|hỗ trợ|giúp|ủng hộ|cho|tới|đến)\s+(?:(?:tỉnh|thành phố|TP\.?)\s*)?$",
                                            text[max(0, giver.start - 30):giver.start]):
                break  # "A hỗ trợ B, C hỗ trợ D": B received; it does not give to D
            if giver.name != b.name:
                out.add(tuple(sorted((giver.name, b.name))))  # type: ignore[arg-type]
    return out


# A headline that states what two provinces do together: "Bình Dương tiếp tục hỗ trợ Bình Phước",
# "Gia Lai - Kon Tum thống nhất kết luận về hợp tác", "Hà Giang - Tuyên Quang sơ kết ... chương trình".
_TITLE_CUE = re.compile(r"hợp tác|liên kết|kết nghĩa|phối hợp|ký kết|\bký\b|hỗ trợ|trao|tặng|ủng hộ|giúp|thăm|"
                        r"làm việc|đầu tư vào|kết luận|sơ kết|tổng kết|chương trình|thỏa thuận|chung tay|chia sẻ",
                        re.IGNORECASE)


def _title_pair(doc: Doc, gazetteer) -> set[tuple[str, str]]:
    title = doc.article.title or doc.text.split("\n", 1)[0]
    if not title or not _TITLE_CUE.search(title) or names_foreign(title):
        return set()
    ms = [m for m in find_provinces(title, gazetteer) if not _VENUE.search(title[:m.start])]
    names = {m.name for m in ms}
    if len(names) != 2:
        return set()
    a, b = ms[0], next(m for m in ms if m.name != ms[0].name)
    between = title[a.end:b.start]
    if not (re.fullmatch(r"\s*(?:[-–]|và|với)\s*", between) or _TITLE_CUE.search(between)) \
            or re.search(r"\btừ\s+[^,]{0,20}$", title[:a.start]):
        return set()  # "Đi bộ từ Yên Bái về Hà Nội, ... được giúp đỡ": a route, no relation
    return {tuple(sorted(names))}  # type: ignore[return-value]


# "giữa TP Hồ Chí Minh và 5 tỉnh Tây Nguyên (Đắk Lắk, Đắk Nông, ...)", "giữa thành phố Hà Nội, thành phố
# Hồ Chí Minh và 6 tỉnh Bắc Trung Bộ mở rộng (Quảng Trị-Quảng Bình-...)": a region named by its members
# is one side; each city before it works with each member, the members not with each other.
_REGION_AFTER = re.compile(r"\s*(?:và|với)\s+(?:các\s+)?(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)?\s*"
                           r"(?:tỉnh|địa phương|tỉnh, thành(?: phố)?)\s+(?:vùng\s+|khu vực\s+)?[^,.;:()]{0,40}?"
                           r"\s*(?:\(|,?\s*gồm(?: có)?:?|:)\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?$")
_REGION_CUE = re.compile(r"hợp tác|liên kết|ký kết|xúc tiến|phối hợp|\bgiữa\b")  # ("kết nối": a road or railway too)


def _hub_and_region(doc: Doc, sent, ms) -> set[tuple[str, str]]:
    """The pairs of a city (or cities) and a region named by its members (:data:`_REGION_AFTER`)."""
    if len(ms) < 3 or not _REGION_CUE.search(sent.text):
        return set()
    out: set[tuple[str, str]] = set()
    text = doc.text
    for i, hub in enumerate(ms[:-1]):
        member = next((m for m in ms[i + 1:] if m.start > hub.end), None)
        if member is None or not _REGION_AFTER.fullmatch(text, hub.end, member.start):
            continue
        hubs = listed_before(text, ms[:i + 1])
        members = _listed(text, ms, member)
        out |= {tuple(sorted((h.name, m.name))) for h in hubs for m in members  # type: ignore[misc]
                if h.name != m.name}
    return out


# "..., và (các tỉnh, thành) vùng (kinh tế trọng điểm)": what stands between the last named
# province and a region's name
_AND_REGION = re.compile(r"\s*(?:,|và|với)\s+(?:các\s+)?(?:(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám)\s+)?"
                         r"(?:(?:tỉnh|địa phương)(?:,\s*thành(?: phố)?|/thành phố)?\s+)?(?:[Vv]ùng\s+|khu vực\s+)?"
                         r"(?:kinh tế trọng điểm\s+)?")


def _hubs_and_region(doc: Doc, regions: dict[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    """``liên kết ... giữa Hà Nội, TP Hồ Chí Minh và vùng Bắc Trung Bộ mở rộng`` where the article
    lists the region's members (``regions``): each named province with each member, and with
    each other."""
    if not regions:
        return set()
    out: set[tuple[str, str]] = set()
    text = doc.text
    for sent in doc.sentences:
        between = re.search(r"\bgiữa\s+", sent.text)
        if not between or not _REGION_CUE.search(sent.text):
            continue
        ms = [m for m in doc.mentions_in(sent.start, sent.end) if m.start >= sent.start + between.end()]
        if not ms or ms[0].start != sent.start + between.end() and not re.fullmatch(
                r"(?:(?:thành phố|TP\.?|tỉnh|Thủ đô)\s*)?", text[sent.start + between.end():ms[0].start]):
            continue
        hubs = _listed(text, ms, ms[0])
        glue = _AND_REGION.match(text, hubs[-1].end, sent.end)
        members = glue and next((m for name, m in regions.items() if text.startswith(name, glue.end())), None)
        if members is None:
            continue
        names = list(dict.fromkeys(h.name for h in hubs))
        out |= {tuple(sorted((h, x))) for h in names for x in members if h != x}  # type: ignore[misc]
        out |= {tuple(sorted((a, b))) for i, a in enumerate(names) for b in names[i + 1:]}  # type: ignore[misc]
    return out


# "... đối với TP.HCM, Đồng Nai, Bình Dương và Long An. Do đó, cả 4 địa phương đã thống nhất ...":
# a count of provinces acting together that refers back to the list just named.
_COUNTED = re.compile(r"\b(?:cả|các)?\s*(?P<n>\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:địa phương|tỉnh, thành(?: phố)?|"
                      r"tỉnh|bên)\s+(?:đã\s+|cùng\s+|đều\s+)*(?:thống nhất|ký kết|ký|cam kết|phối hợp|hợp tác|liên kết)\b")


# "... gây thiệt hại cho các tỉnh A, B, C và D; tỉnh X cũng hỗ trợ cho 4 tỉnh với số tiền 1,4 tỷ đồng":
# a giver and the list just named, when the count is the list's.
_GIVES_COUNTED = re.compile(r"\s*(?:đã\s+|cũng\s+|vừa\s+|tiếp tục\s+)*(?:trao\s+)?(?:hỗ trợ|ủng hộ|tặng|giúp đỡ|giúp)\s+"
                            r"(?:bước đầu\s+)?(?:cho\s+)?(?:nhân dân\s+|đồng bào\s+)?(?:cả\s+|các\s+)?"
                            r"(?P<n>\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:tỉnh, thành(?: phố)?|tỉnh|địa phương)\b"
                            r"(?!\s*(?:,|:|gồm|là|như)?\s*:?\s*(?:tỉnh\s+|thành phố\s+)?[A-ZĐ])")


def _given_to_counted(doc: Doc) -> set[tuple[str, str]]:
    """``tỉnh X cũng hỗ trợ cho 4 tỉnh`` right after a list of exactly four provinces (in the clause
    or sentence before): X with each of them."""
    out: set[tuple[str, str]] = set()
    for prev, sent in zip([None, *doc.sentences], doc.sentences):
        ms = doc.mentions_in(sent.start, sent.end)
        for i, giver in enumerate(ms):
            m = _GIVES_COUNTED.match(doc.text, giver.end, sent.end)
            if m is None:
                continue
            n = count_value(m["n"])
            before = ms[:i] if i else (doc.mentions_in(prev.start, prev.end) if prev is not None else [])
            if i and not re.search(r"[;,]\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?$", doc.text[before[-1].end:giver.start]):
                continue  # the list must end its own clause: "A, B; tỉnh X hỗ trợ ..."
            group: list = []
            for x in reversed(before):  # the list that ends last before the giver
                if group and not LIST_GLUE.fullmatch(doc.text, x.end, group[-1].start):
                    break
                group.append(x)
            names = sorted({x.name for x in group} - {giver.name})
            if len(group) == n == len(names) >= 2:
                out |= {tuple(sorted((giver.name, b))) for b in names}  # type: ignore[misc]
    return out


def _counted_back(doc: Doc) -> set[tuple[str, str]]:
    """The pairs of ``cả N địa phương đã thống nhất ...`` when the sentence before lists exactly N
    provinces (and the counting sentence names none of its own)."""
    out: set[tuple[str, str]] = set()
    for prev, sent in zip(doc.sentences, doc.sentences[1:]):
        m = _COUNTED.search(sent.text)
        if m is None or doc.mentions_in(sent.start, sent.end) or names_foreign(prev.text + sent.text):
            continue
        n = count_value(m["n"])
        ms = doc.mentions_in(prev.start, prev.end)
        for k, first in enumerate(ms):
            if k and LIST_GLUE.fullmatch(doc.text, ms[k - 1].end, first.start):
                continue  # inside a longer list: the count must be the whole list's
            group = chain(doc.text, ms, first, LIST_GLUE)
            names = sorted({x.name for x in group})
            if len(group) == n == len(names) >= 2:
                out |= {(a, b) for i, a in enumerate(names) for b in names[i + 1:]}
                break
    return out


def _listed(text: str, ms, first) -> list:
    """The provinces listed from ``first`` on: ``Thái Nguyên và Bắc Ninh``, ``A, B và C``."""
    return chain(text, ms, first, LIST_GLUE)


def _sides(doc: Doc) -> set[tuple[str, str]]:
    """An article that introduces the people of two provinces as the sides of one meeting."""
    sides = []
    for m in _SIDE.finditer(doc.text):
        if re.match(r"\s*(?:các\s+)?(?:đoàn\s+)?(?:ĐBQH|[Đđ]ại biểu Quốc hội)", doc.text[m.end():m.end() + 30]):
            continue  # deputies' delegations are parts of the National Assembly, not provinces acting
        near = doc.mentions_in(m.start(), m.end() + 40)
        if near and near[0].start <= m.end():
            sides.append(near[0].name)
    names = list(dict.fromkeys(sides))
    if len(names) == 2 and _MEETING.search(doc.text) and not _OTHER_SIDE.search(doc.text):
        return {tuple(sorted(names))}  # type: ignore[arg-type]
    hub = _hub_of_a_region(doc)
    if hub and names and _MEETING.search(doc.text) and not _OTHER_SIDE.search(doc.text):
        # "hội nghị tổng kết Chương trình hợp tác ... giữa TP Hồ Chí Minh với các tỉnh, thành ĐBSCL ... Về phía
        # lãnh đạo tỉnh Long An có ...": a member of the city's partner region, named as a side
        return {tuple(sorted((hub, n))) for n in names if n != hub}  # type: ignore[misc]
    if len(names) == 1 and re.search(r"\b[Vv]ề phía[^.;:]{0,40}?\b(?:tiếp đoàn|đón đoàn|tiếp và làm việc)|"
                                     r"\b(?:[Đđ]ón tiếp|[Tt]iếp đón)[^.;:]{0,30}?\bđoàn\s+về phía", doc.text):
        # "Về phía tỉnh Cà Mau, tiếp đoàn có ...": the host of the delegation the article follows
        guests = {m.name for d in _GUEST.finditer(doc.text) for m in doc.mentions_in(d.start(), d.end() + 30)
                  if m.start <= d.end() < m.end} - set(names)  # (a mention holds its "tỉnh")
        if len(guests) == 1:
            return {tuple(sorted((names[0], *guests)))}  # type: ignore[arg-type]
    return set()


_HUB_REGION = re.compile(r"\s*(?:với|và)\s+(?:các\s+)?(?:\d+\s+|hai\s+|ba\s+|bốn\s+|năm\s+|sáu\s+)?(?:tỉnh|địa phương)"
                         r"(?:,\s*thành(?: phố)?)?\s+(?:vùng\s+|khu vực\s+)?(?:Đồng bằng sông Cửu Long|ĐBSCL|Tây Nguyên|"
                         r"Đông Nam Bộ|Tây Nam Bộ|Bắc Trung Bộ|Nam Trung Bộ|Duyên hải|miền Trung|Tây Bắc|Đông Bắc|miền núi)")


def _hub_of_a_region(doc: Doc) -> str | None:
    """The one province an article says cooperates with a region: ``giữa TP Hồ Chí Minh với các tỉnh,
    thành Đồng bằng sông Cửu Long``."""
    hubs = {m.name for m in doc.mentions if _HUB_REGION.match(doc.text, m.end)
            and re.search(r"\b(?:giữa|hợp tác|liên kết)\b[^.;]{0,80}$", doc.text[max(0, m.start - 80):m.start])}
    return hubs.pop() if len(hubs) == 1 else None


# "Về phía Tập đoàn Dầu khí Việt Nam có ...": a company, ministry or foreign body is a side too, and
# two provinces beside it are its guests, not each other's partners.
_OTHER_SIDE = re.compile(r"\b[Vv]ề phía\s+(?:các\s+)?(?:Tập đoàn|Tổng công ty|[Cc]ông ty|Ngân hàng|Bộ\b|Tổng cục|Cục\b|"
                         r"Đại sứ quán|Tổng Lãnh sự|[Dd]oanh nghiệp|nhà đầu tư|[Nn]hà tài trợ)")
_GUEST = re.compile(r"\b[Đđ]oàn (?:công tác|đại biểu|cán bộ|lãnh đạo|cứu trợ)(?!\s+Quốc hội)(?:\s+của)?"
                    r"(?:\s+(?:Ban Thường vụ\s+)?(?:Thành ủy|Tỉnh ủy|UBND|HĐND|Ủy ban nhân dân))?"
                    r"\s+(?:(?:tỉnh|thành phố|TP)\s+|TP\.\s*)?")
