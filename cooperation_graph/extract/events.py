"""Events: conferences, signings, working sessions — kind, date, place, organisers, chairs.

Dates without a year (``Sáng 23/8``, ``Chiều 7-12``, ``21.10``, ``Sáng nay (20-7)``) are read
against the article's date; anniversaries such as ``(7/5/1954 - 7/5/2024)`` are not event dates.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..model import Event, Official, Participant
from .money import find_money
from .text import Doc, Mention

KINDS = (
    ("lễ ký kết", r"[Ll]ễ ký kết|ký(?: kết)? (?:lại )?(?i:chương trình|thỏa thuận|biên bản|bản ghi nhớ|kế hoạch|quy chế)|"
                  r"ký kết (?:hợp tác|liên kết)"),
    ("hội nghị", r"[Hh]ội nghị"),
    ("hội thảo", r"(?<!Quốc )[Hh]ội thảo"),
    ("tọa đàm", r"[Tt]ọa đàm"),
    ("diễn đàn", r"[Dd]iễn đàn"),
    ("lễ ký kết", r"[Ll]ễ ký\b"),
    ("lễ trao tặng", r"[Ll]ễ trao|trao (?:kinh phí|tặng|hỗ trợ|quà|ủng hộ|số tiền|tiền|(?:gần |hơn |trên )?[\d.,]+ (?:tỷ|tỉ|triệu)|"
                     r"[\d.,]+ (?:suất quà|phần quà|suất))|tặng quà"),
    ("lễ tiếp nhận", r"[Ll]ễ tiếp nhận|tiếp nhận (?:kinh phí|hàng|tiền|hỗ trợ)"),
    ("chuyến thăm", r"đến thăm|thăm hỏi|chuyến thăm|thăm và làm việc"),
    ("buổi làm việc", r"(?:buổi|cuộc) làm việc|[Ll]àm việc với|đã làm việc|[Đđ]oàn công tác|"
                      r"[Đđ]oàn đại biểu(?! Quốc hội)|dâng hương"),
    ("hội chợ", r"[Hh]ội chợ"),
    ("lễ bàn giao", r"[Ll]ễ bàn giao|bàn giao (?:\d+ )?(?:căn )?(?:nhà|công trình|trường|kinh phí|tiền)"),
    ("lễ", r"(?:tổ chức|[Dd]ự|[Tt]ại) (?:buổi )?lễ\b|[Ll]ễ (?:khởi công|khánh thành|hợp long|khai mạc|ra mắt|đón nhận)"),
    ("chương trình", r"[Cc]hương trình (?:giao lưu|xúc tiến|hợp tác)|tổ chức chương trình"),
)
_KIND = [(kind, re.compile(p)) for kind, p in KINDS]
_DATE_HINT = re.compile(r"\d\s*[/.-]\s*\d|[Nn]gày \d")
_DATE = re.compile(
    r"(?:(?:vào\s+)?(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Nn]gày|[Hh]ôm nay|[Hh]ôm qua)(?:\s+(?:nay|qua))?\s*,?\s*"
    r"(?:(?:từ\s+)?ngày\s*)?\(?\s*)?"
    r"(?<![\d/.-])(?P<d>\d{1,2})(?:\s*[-–]\s*\d{1,2}(?=\s*/))?\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/])(?!\.\d)"
    r"|[Nn]gày (?P<d2>\d{1,2}) tháng (?P<m2>\d{1,2})(?: năm (?P<y2>\d{4}))?"
)
_POLICE = re.compile(r"\b(?:Công an (?:huyện|quận|phường|xã|thị xã|thành phố|tỉnh|TP)|Cảnh sát|CSGT|CSĐT|"
                     r"điều tra|vụ án|nghi phạm|đối tượng|bị cáo)\b")
_ANNIVERSARY = re.compile(r"\(\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*[-–]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*\)")
_HAPPEN = re.compile(r"tổ chức|diễn ra|khai mạc|chủ trì|làm việc|ký|đã có|tiếp|dự|gặp|thăm|trao|"
                     r"dẫn đầu|dâng hương|tặng")
_PLANNED = re.compile(r"\b(?:sẽ|dự kiến|sắp|chuẩn bị|dự định|kế hoạch)\s+(?:\S+\s+){0,2}$")
# Said of a meeting that took place: who attended it, who spoke at it ("Dự Hội nghị có các đồng chí
# ...", "Phát biểu khai mạc hội nghị, ông ...", "Tại hội nghị, ...").
_AT_MEETING = re.compile(r"(?:^|,\s*)(?:[Tt]ại|[Dd]ự|[Tt]ham dự|[Tt]ham gia|[Pp]hát biểu(?: khai mạc| bế mạc| kết luận| chỉ đạo)?(?: tại)?)"
                         r"\s+(?:buổi |cuộc )?(?:[Hh]ội nghị|[Hh]ội thảo|(?:buổi|cuộc) làm việc|[Ll]ễ ký kết|[Tt]ọa đàm|[Dd]iễn đàn|"
                         r"(?<=buổi )(?:lễ|thăm hỏi|trao quà|gặp mặt))\b")
_UNDATED = re.compile(r"\b[Đđ]oàn (?:công tác|đại biểu|cứu trợ|lãnh đạo)(?! Quốc hội)\b.{0,120}?\b(?:thăm|trao|tặng|"
                      r"làm việc)|\b(?:đã|vừa)\s+(?:được\s+(?:[^,.;]{0,40}?\s)?|(?:phối hợp|cùng|long trọng|chính thức)\s+)?"
                      r"(?:tổ chức|ký kết|trao)\b")
# Where it happened: "Tại tỉnh X", "tại huyện Y"; or where the delegation went or what it
# handed over to: "đến thăm hỏi ... người dân vùng bão X", "trao 1 tỉ đồng cho lãnh đạo TP X".
_AT = re.compile(r"\b[Tt]ại\s+(?:[^,.;]{0,40}\s)?$")
_VISITED = re.compile(r"\b(?:đến thăm|thăm|về)\s+(?:[^.;]{0,60}\s)?$|"
                      r"\b(?:trao|tặng)\b[^.;]{0,60}\bcho\s+(?:lãnh đạo|đại diện)\s+(?:[^,.;]{0,20}\s)?$|"
                      # "Đoàn công tác trao 1 tỷ đồng hỗ trợ tỉnh Quảng Trị": handed over to, so there
                      r"\b(?:trao|tặng)\b[^.;]{0,60}?\b(?:hỗ trợ|ủng hộ)\s+(?:nhân dân\s+|đồng bào\s+)?"
                      r"(?:(?:tỉnh|thành phố|TP\.?)\s*)?$")
_WITH_PARTY = re.compile(r"\bvới\s+(?:các\s+|hai\s+)?(?:tỉnh|thành phố|TP\.?)?\s*$")
_BY = re.compile(r"\b(?:do|phối hợp với|cùng với)\b(?P<span>[^.;]{0,160}?)\b(?:phối hợp |cùng |đồng )?tổ chức\b")
# "Với sự hỗ trợ của Ban Quản lý ... TPHCM và Ban Quản lý ... Hà Nội, ..., UBIFRANCE đã tổ chức hội thảo": backers, not hosts
_SUPPORTED_BY = re.compile(r"[Vv]ới sự (?:hỗ trợ|tài trợ|giúp đỡ|đồng hành|bảo trợ)(?: của)?\s[^,;]*$")
_CENTRAL_BODY = re.compile(r"\b(?:Bộ (?!Chỉ huy|đội)[A-ZĐ]|Văn phòng Chính phủ|Ban [A-ZĐ][^,.;]{0,30}?Trung ương)")
# A meeting a central body holds ("Hội nghị trực tuyến ... do Ban chỉ đạo quốc gia ... tổ chức"):
# the provinces that speak at it attend a national conference, they hold no event together.
_NATIONAL_MEETING = re.compile(r"\b(?:[Hh]ội nghị|cuộc họp|[Pp]hiên họp)\b[^.;]{0,150}?\bdo\s+(?:Ban [Cc]hỉ đạo (?:[Qq]uốc gia|[Tt]rung ương)|"
                               r"Bộ (?!Chỉ huy)[A-ZĐ]|Chính phủ|Văn phòng Chính phủ|Thủ tướng|Phó Thủ tướng|Ủy ban [Qq]uốc gia|"
                               r"Ủy ban An toàn giao thông [Qq]uốc gia)[^.;]{0,100}?\b(?:tổ chức|chủ trì)\b|"
                               r"\b[Hh]ội nghị trực tuyến (?:toàn quốc|với các (?:tỉnh|địa phương))")
_CHAIR = re.compile(r"\b(?:đồng chủ trì|chủ trì)\b")
_ATTEND = re.compile(r"\b(?:tham dự|cùng dự|dự hội nghị|dự buổi|dự lễ|có mặt|tham gia)\b|\bdự\b")


def extract_events(doc: Doc, officials: list[Official]) -> list[Event]:
    """Events the article reports, the first dated one getting its chairs and attendees."""
    events: list[Event] = []
    backup: list[Event] = []  # a meeting known only from who spoke at or attended it
    seen: set[tuple] = set()
    prev = None
    for prev, sent in zip([None, *doc.sentences], doc.sentences):
        text = _ANNIVERSARY.sub(lambda m: " " * len(m.group()), sent.text)
        dated = _DATE_HINT.search(text)
        meeting = _AT_MEETING.search(text)
        if not (dated or "oàn " in text or "đã " in text or "vừa " in text or meeting):
            continue  # cheap tests first: most sentences report nothing happening
        act = _HAPPEN.search(text) or meeting
        if not act:
            continue
        kind = next((k for k, p in _KIND if p.search(text)), None)
        if kind is None or _POLICE.search(text):
            continue  # (the police working on a case or a driver's papers: no cooperation event)
        if _PLANNED.search(text[max(0, act.start() - 30):act.start()]):
            continue  # "Tại Quảng Bình, đoàn cũng sẽ trao 900 suất quà": planned, not yet reported
        dates = _event_dates(text, doc.article.reference_day) \
            if dated else []
        if not dates:  # "Hôm nay, ... . Bí thư X dẫn đầu đoàn công tác thăm Y": the page's day
            dates = _relative_day(text, prev.text if prev is not None and prev.para == sent.para else "",
                                  doc.article.date.date() if doc.article.date else None)
        mentions = [Mention(m.name, m.start - sent.start, m.end - sent.start)
                    for m in doc.mentions_in(sent.start, sent.end)]
        recalled = False
        if not dates:
            # An event whose day the text does not give is still an event (date unknown): a
            # delegation's visit or hand-over, or a meeting of two named provinces.
            recalled = not (_UNDATED.search(text) or dated and doc.article.reference_day is None)
            if recalled and not meeting or not mentions:
                continue  # (a day without a year in an undated article: the event happened, date unknown)
            dates = [(None, 0)]
        when = dates[0][0]
        place = next((x for x in mentions if _AT.search(text[max(0, x.start - 45):x.start])), None) \
            or next((x for x in mentions if _VISITED.search(text[max(0, x.start - 65):x.start])), None)
        place_name = place.name if place else _local_place(text, doc.era)
        if place_name is None and len(dates) > 1:  # "... tỉnh A ngày 19/12 và tỉnh B ngày 20/12"
            near = [x for x in mentions if x.end <= dates[0][1]]
            place_name = near[-1].name if near else None
        # Organisers are the subject: provinces named before the verb ("X và Y tổ chức ...").
        went_to = _destinations(text, mentions)
        subject = [x for x in mentions if x is not place and x.end <= act.start()
                   and x.start not in went_to
                   and not re.search(r"[Đđ]oàn (?:ĐBQH|[Đđ]ại biểu Quốc hội)\b[^.;]{0,60}$", text[:x.start])]
        subject = [x for x in _acting(text, subject, mentions) if not _SUPPORTED_BY.search(text, 0, x.start)]
        by = _BY.search(text)  # "do Tỉnh ủy A và Thành ủy B phối hợp tổ chức", "phối hợp với A, B tổ chức"
        if by:
            subject += [x for x in mentions if x is not place and by.start("span") <= x.start < by.end("span")]
        organisers = tuple(dict.fromkeys(x.name for x in subject))
        if len(organisers) > 1 and len(_CENTRAL_BODY.findall(text, 0, act.start())) > 1:
            organisers = ()  # "Lãnh đạo Văn phòng Chính phủ, Bộ Ngoại giao, ..., TP. Hà Nội, Hải Phòng ... đã tổ
            # chức Hội nghị": provinces listed among ministries, a national effort, not their joint event
        if len(organisers) > 1 and any(x.start > act.start() and _WITH_PARTY.search(text[max(0, x.start - 30):x.start])
                                       for x in mentions):
            organisers = ()  # "A, B và C đã ký kết hợp tác ... với D": one side, not joint hosts
        if recalled:  # spoken at or attended: the meeting itself, when nothing else reports it
            backup = backup or [Event(kind=kind, date=None, place=place_name, organisers=organisers,
                                      participants=(), evidence=doc.evidence(sent, 0.6))]
            continue
        key = (kind, when) if when else (kind, None, place_name)
        if key in seen:
            continue
        seen.add(key)
        events.append(Event(kind=kind, date=when, place=place_name,
                            organisers=organisers, participants=(),
                            evidence=doc.evidence(sent, 0.85 if place else 0.7)))
        # "... tỉnh Bình Định ngày 19/12 và tỉnh Phú Yên ngày 20/12": one visit per date.
        for (day, at), (_, prev) in zip(dates[1:], dates):
            if (kind, day) in seen:
                continue
            seen.add((kind, day))
            near = [x for x in mentions if prev <= x.start < at]
            events.append(Event(kind=kind, date=day, place=near[-1].name if near else place_name,
                                organisers=organisers, participants=(),
                                evidence=doc.evidence(sent, 0.7)))
    if any(e.date for e in events):
        # A sentence without a day next to dated events speaks of one of them, unless it is at a
        # place none of them was ("Tại tỉnh Thừa Thiên - Huế, ... đoàn công tác đã trao ..."); when
        # a dated one has no place, nothing tells them apart.
        dated_places = {e.place for e in events if e.date}
        events = [e for e in events if e.date or e.place and None not in dated_places
                  and e.place not in dated_places]
    if backup and _NATIONAL_MEETING.search(doc.text):
        backup = []  # "Phát biểu tại hội nghị, ông X - phó chủ tịch UBND TP. HCM ...": at a national body's meeting
    events = without_summaries(events) or backup
    if events:
        events[0] = _with_participants(doc, events[0], officials)
    return events


# Who acts for a province: its bodies, leaders and delegations ("UBND tỉnh A", "Thành đoàn TP. B",
# "lãnh đạo hai tỉnh A và B", "Đoàn công tác của tỉnh C"), or the bare name opening its clause
# ("A và B tổ chức ..."). A name after anything else is where something is or comes from ("du lịch
# Hà Nội, Ninh Bình miễn phí", "nhóm bạn trẻ đến từ TP. HCM", "các lễ hội ở A, B"): no organiser.
_ACTOR_BEFORE = re.compile(
    r"(?:\b(?:UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân|Tỉnh ủy|Thành ủy|Ban Thường vụ|Thường trực|"
    r"(?:MTTQ|Mặt trận Tổ quốc)(?: Việt Nam)?|Tỉnh đoàn|Thành đoàn|Hội Chữ thập đỏ|Liên đoàn Lao động|Bộ Chỉ huy Quân sự|"
    r"Sở [^,.;()]{2,60}?|[Bb]an [^,.;()]{2,40}?|[Cc]ông đoàn [^,.;()]{0,40}?|Hội [^,.;()]{2,40}?|[Ll]ãnh đạo|[Đđ]ại diện|chính quyền|"
    r"[Đđ]oàn (?:công tác|đại biểu|cán bộ|lãnh đạo|cứu trợ)(?: của| từ)?(?: (?:UBND|Tỉnh ủy|Thành ủy|HĐND))?|"
    r"(?:hai|ba|các|\d) (?:tỉnh|thành phố|địa phương))(?:\s*\([^()]{1,12}\))?"
    r"|^|[,;:]|\b(?:và|cùng|với|giữa|gồm|phối hợp))(?:\s+(?:các|hai|ba|bốn|năm))?\s*$")


def _acting(text: str, subject: list[Mention], mentions: list[Mention]) -> list[Mention]:
    acting: set[int] = set()
    now = False
    for prev, x in zip([None, *mentions], mentions):
        before = text[max(0, x.start - 70):x.start]
        glue = re.fullmatch(r"\s*(,|và|cùng|với|-|–)\s*", text[prev.end:x.start]) if prev else None
        if glue and glue[1] == "," and re.search(r"(?:^|,)\s*[Tt]ại\s+$", text[max(0, prev.start - 30):prev.start]):
            glue = None  # "Chiều 7-12, tại tỉnh Sơn La, thành phố Hà Nội và ...": the setting ends at the comma
        if glue is None:
            # (a name listed after another acts as that one does: "ở A, B, C" are all venues)
            address = re.search(r"\b(?:tại|ở)\s+[^,.;]{1,30},\s*$", before) and not (
                prev and re.fullmatch(r",\s*", text[prev.end:x.start]))  # ("tại Trảng Bom, Đồng Nai": an address)
            now = bool(_ACTOR_BEFORE.search(before)) and not address and not (
                re.search(r"\b(?:từ|ở|tại)\s*$", before) and not re.search(r"\b[Đđ]oàn [^,.;]{0,20}\btừ\s*$", before))
        if now and not re.search(r"\((?:[^()]{0,60}[,;]\s*)?(?:(?:tỉnh|thành phố|TP\.?)\s*)?$", before):
            acting.add(x.start)  # ("tại khu tưởng niệm (huyện Bến Cầu, tỉnh Tây Ninh)": an address in brackets)
    return [x for x in subject if x.start in acting]


def _destinations(text: str, mentions: list[Mention]) -> set[int]:
    """Provinces a delegation goes to (``ra Lào Cai, Yên Bái``, ``tới tỉnh X``), a list included:
    where it went, not who organised."""
    out: set[int] = set()
    prev = None
    for x in mentions:
        if re.search(r"\b(?:ra|vào|tới|đến|về)\s+$", text[max(0, x.start - 8):x.start]) or (
                prev is not None and prev.start in out
                and re.fullmatch(r"\s*(?:,|và)\s*(?:tỉnh|thành phố|TP\.?)?\s*", text[prev.end:x.start])):
            out.add(x.start)  # ("tại X, A và B tổ chức": X is the venue, A and B the organisers)
        prev = x
    return out


_LOCAL_PLACE = re.compile(r"\btại\s+(?P<level>TP\.?|thành phố|thị xã|huyện|quận|thị trấn|phường|xã)\s+"
                          r"(?P<n>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})")


def _local_place(text: str, era: str) -> str | None:
    """``tại thành phố Đông Hà`` was held in Quảng Trị: a district or ward names its province."""
    from ..gazetteer import province_of_local_unit

    m = _LOCAL_PLACE.search(text)
    return province_of_local_unit(m["level"], m["n"], era) if m else None


def _with_participants(doc: Doc, event: Event, officials: list[Official]) -> Event:
    people: dict[str, str] = {}
    names = re.compile("|".join(re.escape(o.name) for o in sorted(officials, key=lambda o: -len(o.name)))) \
        if officials else None
    for sent in doc.sentences:
        if "chủ trì" not in sent.text and "dự" not in sent.text and "có mặt" not in sent.text \
                and "tham gia" not in sent.text:
            continue
        chair = _CHAIR.search(sent.text)
        attend = _ATTEND.search(sent.text)
        if not chair and not attend:
            continue
        for name in (names.findall(sent.text) if names else ()):
            if people.get(name) != "chair":
                people[name] = "chair" if chair else "attendee"
    participants = tuple(Participant(n, r) for n, r in people.items())  # type: ignore[arg-type]
    return Event(event.kind, event.date, event.place, event.organisers, participants, event.evidence)


_RELATIVE = re.compile(r"^\W*(?:[Hh]ôm nay|[Ss]áng nay|[Cc]hiều nay|[Tt]ối nay|[Tt]rưa nay|(?P<ago>[Hh]ôm qua|"
                       r"[Ss]áng qua|[Cc]hiều qua|[Tt]ối qua))\b(?!\s*\()")


def _relative_day(text: str, before: str, published: date | None) -> list[tuple[date, int]]:
    """``Hôm nay``/``Sáng qua`` opening the sentence or the one before it in the paragraph: the
    page's day, or the day before (only when the page is dated to the day)."""
    if published is None:
        return []
    m = _RELATIVE.search(text) or _RELATIVE.search(before)
    if m is None:
        return []
    return [(published - timedelta(days=1) if m["ago"] else published, 0)]


def _event_dates(text: str, published: date | None) -> list[tuple[date, int]]:
    """The event's date, then further dates joined by "và" (``ngày 19/12 và ... ngày 20/12``),
    each with its offset; a range (``từ ngày 19/1 đến 23/1``) gives its first day only."""
    out: list[tuple[date, int]] = []
    for when, m in _dates(text, published):
        if out:
            between = text[out[-1][1]:m.start()]
            if not re.search(r"\svà\s", between) or re.search(r"\b(?:đến|tới)\b", between) \
                    or not ((m["part"] or "").lower() == "ngày" or m["d2"]):
                continue
        out.append((when, m.start()))
    return out


def _dates(text: str, published: date | None):
    """Every date the text gives for something happening, read against ``published``."""
    for m in _DATE.finditer(text):
        d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
        if not m["part"] and not m["y"] and not m["d2"] and not _bare_date_ok(text, m):
            continue
        try:
            if y:
                yield date(int(y), int(mo), int(d)), m
                continue
            if published is None:
                return
            when = date(published.year, int(mo), int(d))
        except ValueError:
            continue
        if when > published + timedelta(days=31):
            when = when.replace(year=published.year - 1)
        yield when, m


def _bare_date_ok(text: str, m: re.Match[str]) -> bool:
    """``21.10, tại ...`` at the start of a lead is a date; ``2.5`` elsewhere is not."""
    before = text[:m.start()].strip()
    return (before == "" or before.endswith(("-", "–", ")")) and len(before) < 40) \
        and text[m.end():m.end() + 2].startswith(",")


_HANDOVER = re.compile(r"\b(?:trao|bàn giao|đón nhận|tiếp nhận(?!\s+và\s+phân phối))\b")  # (not "Ban ... tiếp nhận và phân phối Quỹ")


def without_summaries(events: list[Event]) -> list[Event]:
    """Undated events at named places: one without a place is their summary ("thành lập 3 đoàn
    công tác đi trao tiền hỗ trợ 3 tỉnh này", a photo caption of the hand-over)."""
    if any(e.date for e in events) or not any(e.place for e in events):
        return events
    return [e for e in events if e.place]


def placed_by_fundings(events: list[Event], fundings) -> list[Event]:
    """An event read from a hand-over's sentence without a place happened at the receiver's
    ("TP.HCM đã trao 50 tỉ đồng cho tỉnh Khánh Hòa"): one trip's hand-overs in several provinces
    are several events, not one summary."""
    given = {f.evidence.start: f for f in fundings
             if f.evidence and f.status == "given" and f.donor and f.recipient}
    out = []
    for e in events:
        f = given.get(e.evidence.start) if e.evidence and e.place is None else None
        out.append(replace(e, place=f.recipient, organisers=e.organisers or (f.donor,)) if f else e)
    return out


def handover_events(doc: Doc, fundings, events: list[Event]) -> list[Event]:
    """A hand-over of money between two provinces (``trao``, ``đón nhận``) is an event of its own
    when no event was read from its sentence: dated by the sentence, else undated (and then only
    when the article has no dated event it could be one of); one per giver and receiver (a
    delegation's trip through several provinces hands over in each)."""
    out: list[Event] = []
    read = {e.evidence.start for e in events if e.evidence}  # sentences an event came from
    days = {e.date for e in events if e.date}
    seen = {(o, e.place) for e in events for o in e.organisers}
    by_start = {s.start: s for s in doc.sentences}
    for f in fundings:
        sent = by_start.get(f.evidence.start) if f.evidence else None
        if sent is None or f.status != "given" or not (f.donor and f.recipient) or sent.start in read \
                or not _HANDOVER.search(sent.text) or _POLICE.search(sent.text):
            continue
        dates = _event_dates(_ANNIVERSARY.sub(lambda m: " " * len(m.group()), sent.text), doc.article.reference_day)
        when = dates[0][0] if dates else _restated_day(doc, f, sent)
        if when in days or (f.donor, f.recipient) in seen or when is None and (
                days or any(e.date is None and e.place == f.recipient for e in events)):
            continue  # told already: the same day, the same giver and receiver, or beside a dated event,
            # or an undated visit to the receiver (the hand-over is that visit's)
        read.add(sent.start)
        seen.add((f.donor, f.recipient))
        if when:
            days.add(when)
        out.append(Event(kind="lễ trao tặng", date=when, place=f.recipient, organisers=(f.donor,), participants=(),
                         evidence=doc.evidence(sent, 0.6)))
    return out


def _restated_day(doc: Doc, funding, told) -> date | None:
    """The day another sentence gives the same gift (a caption tells it undated, the body "Chiều 22.11,
    ... hỗ trợ bước đầu tỉnh Gia Lai 50 tỉ đồng")."""
    for sent in doc.sentences:
        if sent.start == told.start or not _DATE_HINT.search(sent.text) \
                or all(m.name != funding.recipient for m in doc.mentions_in(sent.start, sent.end)) \
                or all(m.amount_vnd != funding.amount_vnd for m in find_money(sent.text)):
            continue
        dates = _event_dates(_ANNIVERSARY.sub(lambda m: " " * len(m.group()), sent.text), doc.article.reference_day)
        if dates:
            return dates[0][0]
    return None
