"""Agreements: the document two or more provinces sign or plan to sign, its contents and period.

All statements about the same parties' agreement in one article (``hợp tác trên 11 nội dung``,
``4 nội dung ... và 7 nội dung ...``, ``ký biên bản hợp tác``) make one agreement.
"""

from __future__ import annotations

import re

from ..model import Agreement, Official
from .text import AND_GLUE, LIST_GLUE, Doc, Sentence, chain, company_subject, count_value, names_foreign, title_provinces

KINDS = (
    "biên bản ghi nhớ", "bản ghi nhớ", "biên bản hợp tác", "biên bản thỏa thuận", "thỏa thuận hợp tác",
    "chương trình hợp tác", "chương trình phối hợp", "kế hoạch hợp tác", "quy chế phối hợp",
    "quy chế hợp tác", "kế hoạch liên kết", "kế hoạch phối hợp", "quy chế liên kết", "chương trình liên kết",
    "nghị quyết liên tịch", "thỏa thuận", "kết luận",
)
_KIND = re.compile(r"\bKết luận số\s+[\w/-]+|\b(" + "|".join(KINDS) + r")\b", re.IGNORECASE)
_HINTS = ("nội dung", "lĩnh vực", "nhiệm vụ", "biên bản", "thỏa thuận", "chương trình", "kế hoạch",
          "quy chế", "kết luận", "nghị quyết", "ghi nhớ", "dự thảo", "ký kết")
# "hội nghị ký kết hợp tác phát triển du lịch giữa A và B": a signing that names no document.
_SIGNING = re.compile(r"\bký kết (?:hợp tác|liên kết)\b")
_COUNT = re.compile(r"(?<![\d.,])(\d{1,3}|(?<![\w])(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười))\s+(?:nhóm\s+)?(nội dung|lĩnh vực|nhiệm vụ|chương trình)(?:\s+(?:chính|trọng tâm|hợp tác|trọng điểm))?")
_CONTEXT = re.compile(r"hợp tác|ký|thỏa thuận|biên bản|chương trình|kết luận|phối hợp|kế hoạch|"
                      r"quy chế|dự thảo|liên kết", re.IGNORECASE)
_PERIOD = re.compile(r"(?<!nhiệm kỳ )(?<!khóa )(?:giai đoạn|thời kỳ|từ năm|trong)?\s*"
                     r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
_SIGNED = re.compile(r"\b(?:đã ký|được ký|ký kết|ký lại|đã trao|trao biên bản|ký thỏa thuận|ký biên bản|"
                     r"ký chương trình|ký kế hoạch|ký quy chế|lễ ký)\b")
# A document being carried out or reviewed exists, i.e. was signed before.
_IN_FORCE = re.compile(r"\b(?:thực hiện|sơ kết|tổng kết|triển khai)\b")
_PLANNED = re.compile(r"\b(?:sẽ|dự thảo|giao cho|dự kiến|chuẩn bị|thống nhất ký|tiến tới ký|"
                      r"đề nghị|xây dựng|hoàn thiện|sau hội nghị)\b")
_ASSIGNED = re.compile(r"giao cho\s+(?:hai\s+|các\s+)?(?:đồng chí\s+)?(?P<who>[^,.;]{3,80}?)\s+(?:ký|thay mặt)")
_LIST_AFTER = re.compile(r"^\s*(?:chính|trọng tâm|hợp tác)?\s*(?:,\s*)?(?:gồm|bao gồm|như|là|về)?\s*:?\s*(?P<l>[^.]{3,400})")
_LIST_NO_COUNT = re.compile(r"\b[Cc]ác (?:nội dung|lĩnh vực|nhiệm vụ)(?: mới| chính| trọng tâm| hợp tác)?\s*"
                            r"(?::|tập trung vào|gồm|bao gồm)\s*(?P<l>[^.]{3,400})")
# "thay thế biên bản ghi nhớ ký năm 2013": an earlier agreement of the same parties.
_REPLACES = re.compile(r"\b(?:thay thế|thay cho|kế thừa|tiếp nối)\s+(?P<kind>" + "|".join(KINDS) +
                       r")\s+(?:đã\s+)?(?:được\s+)?ký(?:\s+kết)?\s+(?:vào\s+)?(?:năm\s+)?(?:19|20)\d\d\b",
                       re.IGNORECASE)
# After a count, a new clause (", thay thế ...") is not the list of what the count counts.
_CLAUSE_AFTER_COUNT = re.compile(r"\s*,\s*(?!gồm|bao gồm|như|là|về|cụ thể|tập trung)")
# A list of topics ends where a new clause starts (", các ngành ... cần triển khai").
_STOP_SEGMENT = re.compile(r",\s+(?=(?:các|hai|những|cần|đã|sẽ|nhằm|để|trong|tại|với|theo|mỗi|giao cho|"
                           r"đồng thời|qua đó|góp phần)\b)")
# A document between provinces is about working together; "thỏa thuận mua bán", "kết luận
# thanh tra", "kế hoạch" of one province are not.
_COOPERATION = re.compile(r"hợp tác|liên kết|phối hợp|kết nghĩa|ghi nhớ|liên tịch|Kết luận số", re.IGNORECASE)
# Three or more provinces are parties only when the sentence says they act together.
_JOINT = re.compile(r"\bgiữa\b|\b(?:các|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d+) (?:tỉnh|địa phương|bên|"
                    r"thành phố)\b.{0,80}?\b(?:ký|thống nhất|cùng)|\bcùng (?:ký|thống nhất)", re.IGNORECASE)
# "Biên bản ghi nhớ hợp tác phát triển 3 tỉnh Thanh Hóa - Nghệ An - Hà Tĩnh": the document names its parties.
_NAMED_AMONG = re.compile(r"(?i:" + "|".join(KINDS) + r")[^.;,]{0,40}\b(?:\d+|hai|ba|bốn|năm|sáu|các) "
                          r"(?:tỉnh|địa phương|thành phố|tỉnh, thành)\b")
# A document "với" a body that is not a province (its own police, a consulate, a company).
_WITH_BODY = re.compile(r"(?:\s+[^,.;:()]{0,40}?)?\s+với\s+(?:các\s+)?(?:Tổng [Ll]ãnh sự|Đại sứ|Lãnh sự|Bộ|Công an|Sở|"
                        r"[Dd]oanh nghiệp|[Cc]ông ty|[Tt]ập đoàn|[Tt]rường|[Nn]gân hàng|Viện|Tổng cục|Cục|Ban|"
                        r"Hội|Đài|Báo|[Bb]ệnh viện|[Hh]ãng)\b")
_NOT_JOINT = re.compile(r"\bcông văn\b|\bgửi\b|\bđề nghị các\b")
_BOTH = re.compile(r"\bhai (?:bên|tỉnh|thành phố|địa phương|TP)\b")


_SIGNED_WITH = re.compile(r"\b(?:ký kết|ký)\b[^.;]{0,100}?(?P<with>\bvới)\s+(?!nhau\b)")


def extract_agreements(doc: Doc, main_pair: tuple[str, str] | None, officials: list[Official],
                       regions: dict[str, tuple[str, ...]] | None = None) -> list[Agreement]:
    """One agreement per set of parties and period, with what the article says about it.

    A sentence naming another period than the parties' agreement so far ("sơ kết chương trình
    2017 - 2019 ... xây dựng chương trình giai đoạn 2020 - 2025") starts a second agreement;
    sentences without a period speak of the latest one."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    last: tuple[str, ...] = ()
    stars: list[tuple[str, ...]] = []  # the pairs of the last one-with-each signing (_star)
    early: list[tuple[int, list[str], Sentence]] = []  # counts read before any document's parties
    foreign = names_foreign(doc.text)
    regions = region_members(doc) if regions is None else regions
    for sent in doc.sentences:
        text = sent.text
        low = text.lower()
        if not any(word in low for word in _HINTS):
            continue  # cheap test first: most sentences name no document and no count
        kind = _KIND.search(text)
        if kind and _WITH_BODY.match(text, kind.end()):
            continue  # "Kế hoạch phối hợp với Công an tỉnh", "kế hoạch hợp tác với Tổng lãnh sự quán": a body's
        counts = list(_COUNT.finditer(text))
        listed = _LIST_NO_COUNT.search(text) if not counts else None
        signing = _SIGNING.search(text) if not kind else None
        star = _star(doc, sent)
        if star and not (foreign and names_foreign(text)):
            # "X đã ký kết biên bản ... với các tỉnh, thành phố: A, B, C": one document with each
            hub, members, _ = star
            stars = [tuple(sorted((hub, m))) for m in members]
            for pair in stars:
                g = _agreement_for(groups.setdefault(pair, []), _period(text), _family(kind.group()) if kind else None)
                g["kinds"].append(kind.group().strip() if kind else star[2])
                g["status"] = g["status"] or ("signed-strong" if _SIGNED.search(text) else None)
                g["evidence"] = g["evidence"] or sent
            last = ()
            continue
        if stars and (counts or listed) and not doc.mentions_in(sent.start, sent.end):
            for pair in stars:  # "Hợp tác ... tập trung trên 4 lĩnh vực: ...": each of the documents just named
                g = groups[pair][-1]
                if counts:
                    g["totals"].append(sum(count_value(c.group(1)) for c in counts))
                    g["fields"].extend(_fields(text, counts))
                elif listed:
                    g["fields"].extend(p.strip() for p in re.split(r";|,|\svà\s", listed.group("l")) if p.strip())
            continue
        if not kind and not counts and not listed and not signing:
            continue
        if not _CONTEXT.search(text) and not kind and not listed and not (last and counts):
            continue
        if foreign and names_foreign(text) or company_subject(text):
            continue  # a document with a foreign partner (the provinces are not each other's party) or a company's
        signed_with = _SIGNED_WITH.search(text)
        if signed_with and not doc.mentions_in(sent.start, sent.start + signed_with.start("with")) \
                and doc.mentions_in(sent.start + signed_with.end(), sent.start + signed_with.end() + 60):
            continue  # "(Bộ Xây dựng) đồng thời ký kết với Thành phố Hà Nội, Thành phố HCM và ...", "Liên hiệp
            # các hội ... TPHCM ký kết ... với 15 tỉnh thành": one side named, the signer no province
        if kind and kind.group().lower() in ("kết luận", "thỏa thuận") and not counts \
                and not re.search(r"\bký\b|dự thảo", text):
            continue  # "Kết luận hội nghị, ..." is the closing speech, not a document
        stars = []
        parties = _parties(doc, sent, main_pair, regions)
        if last and (counts or listed) and len(parties) < len(last) \
                and {m.name for m in doc.mentions_in(sent.start, sent.end)} <= set(last):
            parties = last  # "Trong đó, tập trung vào 4 lĩnh vực chính": the agreement just named
        elif len(parties) < 2 or (len(parties) > 2 and not _joint(doc, sent)):
            if counts and not groups and len(parties) < 2:
                early.append((sum(count_value(c.group(1)) for c in counts), _fields(text, counts), sent))
            continue
        if signing and parties not in groups and not re.search(r"\bgiữa\b", text) and not (
                len(parties) == 2 and re.search(r"ký kết (?:hợp tác|liên kết)[^.;]{0,30}?\S+\s*[-–]\s*\S", text)):
            if counts and not groups:
                # "các đại biểu đã thống nhất ký kết hợp tác trên 4 lĩnh vực" before the document's
                # parties are named: the count of the article's one document, if it has one
                early.append((sum(count_value(c.group(1)) for c in counts), _fields(text, counts), sent))
            continue  # a bare "ký kết hợp tác" needs its parties: "giữa A và B", "ký kết hợp tác A - B"
        last = parties
        if parties not in groups and not _COOPERATION.search(text):
            continue  # a first mention must say it is about cooperation; later ones refer back
        period = _period(text)
        g = _agreement_for(groups.setdefault(parties, []), period,
                           _family(kind.group()) if kind else None)
        if kind:
            g["kinds"].append(kind.group().strip())
        elif signing:
            g["kinds"].append(signing.group())
        if listed:
            g["fields"].extend(p.strip() for p in re.split(r";" if ";" in listed.group("l") else r",|\svà\s",
                                                           listed.group("l")) if p.strip())
        if counts:
            values = [count_value(c.group(1)) for c in counts]
            (g["sums"] if len(values) > 1 else g["totals"]).append(sum(values))
            g["fields"].extend(_fields(text, counts))
            g["evidence"] = g["evidence"] or sent
        g["period"] = g["period"] or period
        status = _status(text)
        if status == "signed" and g["status"] != "signed-strong":
            g["status"] = "signed-strong" if not _PLANNED.search(text) else g["status"] or "planned"
        elif status == "planned" and g["status"] != "signed-strong":
            g["status"] = "planned"
        elif kind and g["status"] is None and _IN_FORCE.search(text):
            g["status"] = "signed"
        assigned = _ASSIGNED.search(text)
        if assigned:
            g["signatories"].append(assigned.group("who").strip())
        elif _SIGNED.search(text):
            g["signatories"].extend(o.name for o in officials if o.name in text)
        if g["evidence"] is None:
            g["evidence"] = sent
        for other_kind, other_period in _other_documents(text, kind):
            # "sơ kết Chương trình ... giai đoạn 2006 - 2010 và ký kết Chương trình ... giai đoạn 2021 - 2025",
            # "Kết luận số 08-KL/... hay Thông báo kết luận số 385-TB/TU ...": two documents in one sentence
            o = _agreement_for(groups[parties], other_period, _family(other_kind)) if other_period else None
            if o is None or o is g:
                o = {"kinds": [], "totals": [], "sums": [], "fields": [], "period": other_period,
                     "status": None, "signatories": [], "evidence": None}
                groups[parties].append(o)
            o["kinds"].append(other_kind)
            o["period"] = o["period"] or other_period
            o["status"] = o["status"] or "signed"
            o["evidence"] = o["evidence"] or sent
        replaced = _REPLACES.search(text)
        if replaced:  # its own entry: signed, nothing else known
            groups[parties].insert(0, {"kinds": [replaced.group("kind")], "totals": [], "sums": [],
                                       "fields": [], "period": None, "status": "signed",
                                       "signatories": [], "evidence": sent, "replaced": True})
    documents = [g for gs in groups.values() for g in gs]
    if early and len(documents) == 1 and not documents[0]["totals"] + documents[0]["sums"]:
        total, fields, sent = early[0]
        documents[0]["totals"].append(total)
        documents[0]["fields"][:0] = fields
    out = []
    for parties, g in ((p, g) for p, gs in groups.items() for g in gs):
        n = max(g["totals"] + g["sums"], default=None)
        if n is None and not g["kinds"]:
            continue
        kind = _best_kind(g["kinds"])
        sent: Sentence = g["evidence"]
        out.append(Agreement(
            parties=parties, kind=kind, n_contents=n, fields=tuple(dict.fromkeys(g["fields"])),
            period=g["period"], status="signed" if g["status"] in ("signed", "signed-strong") else "planned",
            signatories=tuple(dict.fromkeys(g["signatories"])),
            evidence=doc.evidence(sent, 0.85 if n else 0.7)))
    return out


_NUMBERED = re.compile(r"\b(?:[Tt]hông báo kết luận|[Kk]ết luận|[Nn]ghị quyết liên tịch|[Tt]hông báo) số\s+(?P<no>\d+[\w/-]*)")


def _other_documents(text: str, first: re.Match[str] | None) -> list[tuple[str, str | None]]:
    """The documents a sentence names after its first one: another numbered document
    (``... hay Thông báo kết luận số 385-TB/TU``), or the same kind of document of another period
    (``sơ kết Chương trình ... 2006 - 2010 và ký kết Chương trình ... 2021 - 2025``)."""
    if first is None:
        return []
    out: list[tuple[str, str | None]] = []
    numbers = [m for m in _NUMBERED.finditer(text)]
    if len({m["no"] for m in numbers}) > 1:
        seen = {numbers[0]["no"]}
        for m in numbers[1:]:
            if m["no"] not in seen:
                seen.add(m["no"])
                out.append((m.group().strip(), None))
        return out
    periods = []
    for kind in _KIND.finditer(text):
        p = _PERIOD.search(text, kind.end(), min(len(text), kind.end() + 80))
        nearer = _KIND.search(text, kind.end(), p.start() if p else kind.end())
        if p and not nearer and not re.search(r"nhiệm kỳ|khóa|khoá", text[max(0, p.start(1) - 12):p.start(1)]):
            periods.append((kind.group().strip(), f"{p.group(1)}-{p.group(2)}"))
    return [(k, p) for k, p in periods[1:] if p != periods[0][1]] if periods else []


def _joint(doc: Doc, sent: Sentence) -> bool:
    """Three or more provinces of a sentence are parties of one document only when it says they act
    together: ``giữa A, B và C``, ``ba tỉnh ... ký``, or the list right before ``ký``."""
    if _NOT_JOINT.search(sent.text):
        return False
    ms = doc.mentions_in(sent.start, sent.end)
    last = ms[-1].end if ms else sent.start
    return bool(_JOINT.search(sent.text) or _NAMED_AMONG.search(sent.text) or re.match(r"\s*(?:(?:đã|cùng|vừa|chính thức)\s+)*(?:ký|thống nhất)",
                                                    doc.text[last:sent.end]))


def _period(text: str) -> str | None:
    """``giai đoạn 2023 – 2025`` -> ``2023-2025``; a party term (``nhiệm kỳ 2015-2020``) is not one."""
    for m in _PERIOD.finditer(text):
        if not re.search(r"nhiệm kỳ|khóa|khoá", text[max(0, m.start(1) - 12):m.start(1)]):
            return f"{m.group(1)}-{m.group(2)}"
    return None


def _family(kind: str) -> str:
    """A regulation on coordination (``quy chế phối hợp``) is a document of its own beside the
    programme or agreement of the same parties; the other kinds may name one document."""
    return "quy chế" if kind.lower().startswith("quy chế") else "other"


def _agreement_for(agreements: list[dict], period: str | None, family: str | None = None) -> dict:
    """The agreement a sentence speaks of: the latest one, unless it names another period or
    another family of document (:func:`_family`)."""
    def fits(a: dict) -> bool:
        if family is None or any(_family(k) == family for k in a["kinds"]):
            return True
        # a document with contents but no kind named yet is a programme, not a regulation
        return not a["kinds"] and (family != "quy chế" or not a["totals"])

    if agreements and (period is None or agreements[-1]["period"] in (None, period)) and fits(agreements[-1]):
        return agreements[-1]
    same = next((a for a in agreements if (period is None or a["period"] == period) and fits(a)), None)
    if same is not None:
        return same
    agreements.append({"kinds": [], "totals": [], "sums": [], "fields": [], "period": None,
                       "status": None, "signatories": [], "evidence": None})
    return agreements[-1]


# A region the article names with its members: "5 tỉnh Tây Nguyên (Đắk Lắk, Đắk Nông, Gia Lai, Kon
# Tum, Lâm Đồng)", "các tỉnh Đông Nam Bộ gồm A, B ...".
_REGIONS = (r"(?:vùng\s+|khu vực\s+)?(?P<r>Tây Nguyên|Đồng bằng sông Cửu Long|ĐBSCL|Đông Nam Bộ|Tây Nam Bộ|"
            r"Bắc Trung Bộ|Nam Trung Bộ|Duyên hải miền Trung|Tây Bắc|Đông Bắc|miền Trung|miền núi phía Bắc)(?:\s+mở rộng)?")
_REGION = re.compile(_REGIONS)
_MEMBERS_FOLLOW = re.compile(r"\s*(?:;?\s*\(|,?\s*gồm(?: có)?\s*:?|:)\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?")
# "với các tỉnh vùng Tây Nguyên", "và 5 tỉnh Tây Nguyên": the region as one side of a document.
_REGION_SIDE = re.compile(r"\b(?:các|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:tỉnh|địa phương|tỉnh, thành(?: phố)?)"
                          r"\s+" + _REGIONS)


def region_members(doc: Doc) -> dict[str, tuple[str, ...]]:
    """The regions the article lists the members of, each with them (two or more)."""
    out: dict[str, tuple[str, ...]] = {}
    for m in _REGION.finditer(doc.text):
        follow = _MEMBERS_FOLLOW.match(doc.text, m.end())
        if not follow:
            continue
        ms = doc.mentions_in(follow.end(), follow.end() + 400)
        if not ms or ms[0].start != follow.end():
            continue
        members = chain(doc.text, ms, ms[0], LIST_GLUE)
        if len(members) >= 2:
            out.setdefault(m.group("r"), tuple(dict.fromkeys(x.name for x in members)))
    return out


def hub_pairs(agreement: Agreement, regions: dict[str, tuple[str, ...]]) -> set[tuple[str, str]] | None:
    """The pairs of a document between a city and a region (``giữa TP Hồ Chí Minh với các tỉnh vùng
    Tây Nguyên``): the city with each member, not the members with each other; None for others."""
    parties = set(agreement.parties)
    for members in regions.values():
        hubs = parties - set(members)
        if set(members) <= parties and hubs and len(hubs) < len(members):
            return {tuple(sorted((h, m))) for h in hubs for m in members}  # type: ignore[misc]
    return None


def _parties(doc: Doc, sent: Sentence, main_pair: tuple[str, str] | None,
             regions: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    # "Đắk Lắk tổ chức họp báo tại Hà Nội ...": the venue is not a party
    names = sorted({m.name for m in doc.mentions_in(sent.start, sent.end)
                    if not re.search(r"\b(?:[Tt]ại|ở)\s+(?:TP\.?|thành phố|tỉnh|Thủ đô)?\s*$",
                                     doc.text[max(sent.start, m.start - 20):m.start])})
    for side in _REGION_SIDE.finditer(sent.text) if regions else ():
        if side.group("r") in regions and names:  # a named province with the region's members
            names = sorted(set(names) | set(regions[side.group("r")]))
    group = title_provinces(doc)
    if len(group) >= 3 and len(names) < 3 and re.search(r"\b(?:ba|bốn|năm|các|\d) (?:tỉnh|địa phương|bên)\b",
                                                         sent.text, re.IGNORECASE):
        return tuple(sorted(group))
    if len(names) < 2 and main_pair and (_BOTH.search(sent.text) or not names
                                         or names[0] in main_pair):
        names = sorted(set(names) | set(main_pair))
    return tuple(names)


def _fields(text: str, counts: list[re.Match[str]]) -> list[str]:
    out = []
    for i, c in enumerate(counts):
        end = counts[i + 1].start() if i + 1 < len(counts) else len(text)
        if _CLAUSE_AFTER_COUNT.match(text[c.end():end]):
            continue
        m = _LIST_AFTER.match(text[c.end():end])
        if not m:
            continue
        chunk = m.group("l")
        if ":" not in text[c.end():c.end() + 20]:
            chunk = chunk.split(";")[0]
        chunk = re.sub(r"\s+và\s*$", "", chunk.strip()).strip(" ,")
        chunk = re.sub(r"^(?:về|công tác về)\s+", "", chunk)
        chunk = _STOP_SEGMENT.split(chunk, 1)[0].strip(" ,")
        if chunk.startswith(("trong thời gian", "thời gian", "trong", "trên", "để", "nhằm")):
            continue
        if len(counts) == 1 and ("," in chunk or ";" in chunk) and ":" in text[c.end():c.end() + 20]:
            sep = r";" if ";" in chunk else r",(?![^()]*\))"
            items = [p.strip() for p in re.split(sep, chunk) if p.strip()]
            if len(items) >= 3 and " và " in items[-1]:  # "..., y tế, khoa học và nông nghiệp"
                items[-1:] = [p.strip() for p in items[-1].rsplit(" và ", 1)]
            out.extend(items)
        else:
            out.append(chunk)
    return out


def _status(text: str) -> str | None:
    if _PLANNED.search(text) and not re.search(r"\bđã ký\b", text):
        return "planned"
    if _SIGNED.search(text):
        return "signed"
    return None


def _best_kind(kinds: list[str]) -> str:
    for preferred in KINDS:
        for k in kinds:
            if k.lower() == preferred:
                return preferred
    for k in kinds:
        if k.lower().startswith("kết luận số"):
            return k
    return "chương trình hợp tác"


_WITH_EACH = re.compile(r"\bký kết\s+(?P<doc>[^.;:]{0,80}?)\s*\bvới\s+(?:các\s+)?(?:tỉnh, thành phố|tỉnh, thành|tỉnh|thành phố|"
                        r"địa phương)\s*:\s*")


def _star(doc: Doc, sent: Sentence) -> tuple[str, list[str], str] | None:
    """``X đã ký kết ... với các tỉnh, thành phố: A, B, C``: X and the listed (three or more)."""
    cue = _WITH_EACH.search(sent.text)
    if cue is None:
        return None
    ms = doc.mentions_in(sent.start, sent.end)
    before = [m for m in ms if m.end <= sent.start + cue.start()]
    first = next((m for m in ms if m.start >= sent.start + cue.end()), None)
    if not before or first is None or first.start - sent.start - cue.end() > 12:
        return None
    members = [m.name for m in chain(doc.text, ms, first, AND_GLUE) if m.name != before[-1].name]
    what = cue.group("doc").strip(" ,") or "ký kết"
    return (before[-1].name, list(dict.fromkeys(members)), what) if len(members) >= 3 else None
