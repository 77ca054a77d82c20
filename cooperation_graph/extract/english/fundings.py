"""Fundings in English: ``Hanoi gave Dien Bien VND20 billion``."""

from __future__ import annotations

import re
from itertools import pairwise

from ...model import (
    Funding,
)
from ..text import Sentence, chain
from .money import MoneyEn, find_money_en
from .text import _Doc, _Mention

# --- fundings ---------------------------------------------------------------------------------

_GIVE = re.compile(r"\b(?:gave|give|gives|giving|donated|donates?|donating|presented|presents?|"
                   r"presenting|provided|provides?|providing|handed over|hand(?:s|ing)? over|"
                   r"supported|supports?|supporting|contributed|contributes?|contributing|allocated|"
                   r"allocates?|allocating|allocation|granted|grants?|offered|offers?|sent|sends?|transferred|"
                   r"transfers?|pledged|pledges?|funded|assisted|spent|spend|earmarked|disburs(?:ed|es?|ing)|allott?(?:ed|s)?|"
                   r"financial support|financial aid|aid)\b", re.IGNORECASE)
_RECEIVE = re.compile(r"\b(?:received|receives?|receiving|got|gets?|getting|accepted|was given|were given|"
                      r"was presented|were presented)\b", re.IGNORECASE)
_PLANNED_EN = re.compile(r"\b(?:will|would|shall|plans?\s+to|planned\s+to|planning\s+to|"
                         r"intends?\s+to|is\s+to|are\s+to|expected\s+to|set\s+to|aims?\s+to|"
                         r"propos(?:e|ed|es|al|ing)|pledg(?:e|ed|es|ing)|commit(?:s|ted|ment)|"
                         r"promis(?:e|ed|es|ing)|agreed\s+to|going\s+to|"
                         r"call(?:ed|s)?\s+for|ask(?:ed|s)?|request\w*)\b|['’]ll\b", re.IGNORECASE)
_NOT_FUNDING = re.compile(r"\b(?:revenue|turnover|GDP|GRDP|export|exports|import|budget collection|"
                          r"worth of goods|trade value|profit|tax)\b", re.IGNORECASE)
# Givers that are not provinces: charities, companies, banks, the central state.
_OTHER_GIVER = re.compile(r"\b(?:Red Cross|VRCS|VRSC|Co\.? Ltd|Company|Corporation|Group|JSC|Bank|Ministry|"
                          r"Government|Prime Minister|Foundation|Fund\b|Central Committee of the Vietnam Fatherland Front|"
                          r"VFF Central Committee|businesses|donors|philanthropists|Confederation of Labou?r|"
                          r"Trade Unions?|Youth Union|Women['’]s Union|Farmers['’] Association|Veterans['’] Association)\b")
_ORG_OF = re.compile(r"\b(?:Red Cross(?: Society| Association)?|Association|Union|Company|Corporation|Bank|"
                     r"Foundation|Club)\s+(?:of|in)\s+(?:the\s+)?$")
_NEXT_YEAR = re.compile(r"\bnext year\b", re.IGNORECASE)
_YEAR_EN = re.compile(r"\b(?:in|for|by|during)\s+((?:19|20)\d{2})\b(?!\s*[-–])")


def _other(pair: tuple[str, str] | None, one: str | None) -> str | None:
    if pair and one in pair:
        return pair[1] if one == pair[0] else pair[0]
    return None


_LIST_GLUE = re.compile(r"(?:\s+(?:City|Province))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?")
# "VND60 million per house", "two houses with VND100 million each": what one house or family gets
_PER_HEAD_EN = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:per|a|for each|for every)\s+(?:house|household|home|family|person|"
                          r"student|pupil|beneficiary|gift|case|victim)\b", re.IGNORECASE)
_BUILD_WITH_EN = re.compile(r"\b(?:houses?|homes?|households?|families|gifts?)\s+with\s+(?:over\s+|more than\s+)?$",
                            re.IGNORECASE)
_EACH = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:each|for each|per (?:province|locality|city))\b|"
                   r"^\s*(?:\([^)]*\)\s*)?to each\b")


def _chain(text: str, ms: list[_Mention], first: _Mention) -> list[_Mention]:
    """``Long An, Tien Giang and Ben Tre``: the list of provinces that starts at ``first``."""
    return chain(text, ms, first, _LIST_GLUE)


_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but|meanwhile)\s+|\s+while\s+")
# "had received VND42.4 billion from donors and allocated VND47 billion to ...": two acts, the second
# the giving one (cut only after a receiving verb)
_AND_GIVE = re.compile(r"\s+and\s+(?=(?:then\s+|later\s+|also\s+)?(?:allocated|donated|presented|gave|handed over|"
                       r"provided|transferred|sent|granted|disbursed)\b)")


def _title_donor(doc: _Doc) -> str | None:
    """``Hanoi gives central provinces VND15 billion``: the one province giving in the headline."""
    first = doc.text.split("\n", 1)[0]
    names = list(dict.fromkeys(m.name for m in doc.mentions_in(0, len(first))))
    give = _GIVE.search(first)
    if len(names) == 1 and give and doc.mentions_in(0, give.start()):
        return names[0]
    return None


_DELEGATION_OF = re.compile(r"\b(?:delegation|delegates|chapter|working group)\s+(?:from|of)\s+(?:the\s+)?$",
                           re.IGNORECASE)
_DELEGATION_AFTER = re.compile(r"^(?:\s+(?:City|Province|city|province))?(?:['’]s?\s+(?:leaders|officials)|"
                               r"(?:['’]s?)?\s+(?:\w+\s+){0,3}?delegation|"
                               r"\s+(?:City\s+)?chapter of the (?:Vietnam\s+)?Fatherland Front)\b")
# "... thanked Hanoi authorities and people for their support": the thanked province gave.
_THANKED = re.compile(r"\bthank(?:ed|s)?\s+(?:the\s+)?$", re.IGNORECASE)
# A giver the clause names only by a word for it: "the delegation provided ...", "It also withdrew ...".
_STAND_IN = re.compile(r"(?:^|[,;]\s*|\.\s+)(?:[Tt]he (?:delegation|chapter|city|group|team|capital)|[Ii]t|[Tt]hey|"
                       r"H[ei]|She)\b"
                       r"[^,;]{0,80}$")
# "In Quang Tri, they offered ...": a province after "in"/"at" is the place, not the giver.
_AT_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Tt]o|[Vv]isited|[Vv]isiting)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")


def _givers(doc: _Doc) -> tuple[list[tuple[int, str]], str | None]:
    """Where the article names a travelling giver (``A delegation from Ho Chi Minh City``, ``a
    group of Da Nang's leaders``, ``the Ho Chi Minh City chapter of the Vietnam Fatherland
    Front``), and the one province the recipients thank for support, if any."""
    named = [(m.start, m.name) for m in doc.mentions
             if _DELEGATION_OF.search(doc.text, max(0, m.start - 30), m.start)
             or _DELEGATION_AFTER.match(doc.text[m.end:m.end + 60])]
    thanked = {m.name for m in doc.mentions if _THANKED.search(doc.text, max(0, m.start - 20), m.start)}
    return named, (thanked.pop() if len(thanked) == 1 else None)


def _giver_before(givers: list[tuple[int, str]], thanked: str | None, pos: int) -> str | None:
    """The giver a stand-in (``the delegation``, ``It``) refers back to: the last one named before."""
    before = [name for start, name in givers if start < pos]
    return before[-1] if before else thanked


def extract_fundings_en(doc: _Doc, main_pair: tuple[str, str] | None
                        ) -> tuple[list[Funding], set[tuple[str, str]]]:
    """Money given (or planned) between provinces, and donor-recipient pairs of totals shared by
    several recipients (those totals have no single recipient)."""
    out: list[Funding] = []
    shared: set[tuple[str, str]] = set()
    seen: set[tuple] = set()
    year0 = doc.published.year if doc.published else None
    title_donor = _title_donor(doc)
    givers, thanked = _givers(doc)
    last_place: str | None = None
    prev_giver: str | None = None  # the giver of money in the sentence just before
    for sent in doc.sentences:
        text = sent.text
        here = last_place
        places = [x.name for x in doc.mentions_in(sent.start, sent.end)
                  if _AT_PLACE.search(doc.text, max(sent.start, x.start - 30), x.start)]
        last_place = places[-1] if places else last_place
        if not (_GIVE.search(text) or _RECEIVE.search(text)) or not MONEY_HINT.search(text):
            prev_giver = None
            continue
        doc_giver = _giver_before(givers, thanked, sent.end)
        years = tuple(int(y) for y in _YEAR_EN.findall(text))
        sentence_giver: str | None = None
        cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
        cuts = sorted(set(cuts) | {m.end() for m in _AND_GIVE.finditer(text)
                                   if _RECEIVE.search(text, max(c for c in cuts if c <= m.start()), m.start())})
        subject_before: str | None = None  # the subject of the clause before, for "... and allocated ..."
        for c0, c1 in pairwise(cuts):
            clause = text[c0:c1]
            ms = [_Mention(x.name, x.start - sent.start - c0, x.end - sent.start - c0)
                  for x in doc.mentions_in(sent.start + c0, sent.start + c1)]
            carried = subject_before if c0 and re.match(r"(?:then\s+|later\s+|also\s+)?[a-z]", clause) else None
            act = _GIVE.search(clause) or _RECEIVE.search(clause)
            subject_before = next((x.name for x in ms if act and x.end <= act.start()), None) or carried
            for f, giver in _clause_fundings(doc, sent, clause, ms, years, year0):
                sentence_giver = sentence_giver or giver
                donor = giver or sentence_giver or (carried if f["recipients"] else None)
                recipients = f["recipients"]
                if f["org_giver"]:
                    continue  # "The Red Cross Society of Hoa Binh province donated ...": the charity gives
                if donor is None and (f["from_other"] or f["other_giver"] or _OTHER_GIVER.search(text[:c0])):
                    continue  # "received ... from collectives", "The VRCS announced that Nghe An will receive ..."
                if donor is None and (f["stand_in"] or f["receiving"]) and doc_giver and doc_giver not in recipients:
                    donor = doc_giver  # "the delegation provided ...", "It also withdrew ..."
                if donor is None and (f["stand_in"] or f["receiving"]) and prev_giver and prev_giver not in recipients:
                    donor = prev_giver  # "HCMC decided to allocate VND6 billion ... Assistance will be given to A, B ..."
                if donor is None and title_donor and title_donor not in recipients:
                    donor = title_donor
                if f["part"] and (not recipients or any(
                        o.donor == donor and o.recipient in recipients and o.amount_vnd > f["amount"].amount_vnd
                        for o in out)):
                    continue  # "VND6 billion ..., including VND1 billion for Lang Son's police": a use, not a gift
                place = f["place"] or (here if re.match(r"\s*(?:Here|There)\b", clause) else None)
                if not recipients and donor and place and place != donor:
                    recipients = [place]  # "In Hue City, the delegation provided VND20 billion"
                if len(recipients) > 1 and not f["each"]:
                    # A total shared by several recipients: the parts (if given) are the fundings.
                    if donor:
                        shared.update(tuple(sorted((donor, r))) for r in recipients if r != donor)  # type: ignore[misc]
                    if f["has_each"]:
                        continue
                    recipients = [None]
                if donor is None and recipients and recipients[0] in (main_pair or ()):
                    donor = _other(main_pair, recipients[0])
                if not recipients and _SEVERAL.search(clause):
                    continue  # "supported 22 provinces and cities with a total amount of 188 billion": no one's
                if not recipients:
                    recipients = [_other(main_pair, donor)] if donor else []
                for recipient in recipients or [None]:
                    if donor is None and recipient is None or donor == recipient:
                        continue
                    key = (f["amount"].amount_vnd, donor, recipient, f["status"])
                    if key in seen:
                        continue  # a caption repeating the paragraph
                    seen.add(key)
                    conf = (0.9 if donor and recipient else 0.6) - (0.1 if f["status"] == "planned" else 0)
                    out.append(Funding(
                        amount_vnd=f["amount"].amount_vnd, qualifier=f["amount"].qualifier,
                        donor=donor, recipient=recipient, purpose=f["purpose"], year=f["year"],
                        status=f["status"], evidence=doc.evidence(sent, conf),
                        years=years or ((f["year"],) if f["year"] else ())))
        prev_giver = sentence_giver
    return _without_repeats(out, len(doc.text.split("\n", 1)[0])), shared


def _without_repeats(fundings: list[Funding], title_end: int) -> list[Funding]:
    """Drop the headline's amount when the body states it, and a total whose parts are listed."""
    body = [f for f in fundings if f.evidence.start >= title_end]
    out: list[Funding] = []
    for f in fundings:
        if f.evidence.start < title_end and any(
                g.amount_vnd == f.amount_vnd and g.donor == f.donor for g in body):
            continue
        if f.recipient is None:
            parts = [g for g in fundings if g.donor == f.donor and g.recipient is not None]
            if parts and sum(g.amount_vnd for g in parts) == f.amount_vnd:
                continue
            if any(g.recipient is None and g.donor == f.donor and g.amount_vnd == f.amount_vnd
                   for g in out):
                continue
        out.append(f)
    return out


MONEY_HINT = re.compile(r"VN[DĐ]|dong|đồng", re.IGNORECASE)


def _clause_fundings(doc: _Doc, sent: Sentence, text: str, ms: list[_Mention],
                     years: tuple[int, ...], year0: int | None) -> list[tuple[dict, str | None]]:
    """The amounts of one clause, each with its giver and recipients as written there."""
    verb = _GIVE.search(text)
    recv = _RECEIVE.search(text)
    if not verb and not recv:
        return []
    money = find_money_en(text)
    if not money:
        return []
    receiving = recv is not None and (verb is None or recv.start() < verb.start())
    act = recv if receiving else verb
    assert act is not None
    places = [x for x in ms if x.end <= act.start() and _AT_PLACE.search(text, max(0, x.start - 30), x.start)]
    subject = [x for x in ms if x.end <= act.start() and x not in places]
    stand_in = not subject and _STAND_IN.search(text[:act.start()]) is not None
    planned = bool(_PLANNED_EN.search(text[:act.start()])) or \
        bool(re.search(r"pledge|promise", act.group(), re.IGNORECASE))
    if years:
        year: int | None = years[0]
    elif _NEXT_YEAR.search(text) and year0:
        year = year0 + 1
    else:
        year = year0 if not planned else None
    # "VND50 billion was allocated to Quang Nam by Da Nang"
    passive = not receiving and _PASSIVE.search(text[:act.start()]) is not None
    if passive and subject:
        # "Quang Ngai and Quang Nam were granted 10 billion VND each": the subject receives
        receiving = bool(re.match(r"\s*(?:with\s+)?(?:VN[DĐ]|\d)", text[act.end():]))
        passive = not receiving
    usable = [m for m in money if (m.start > act.start() or receiving or passive)
              and not _NOT_FUNDING.search(text[max(0, m.start - 40):m.start])
              and not _PER_HEAD_EN.match(text[m.end:])
              and not (_BUILD_WITH_EN.search(text[max(0, m.start - 40):m.start]) and _EACH.match(text[m.end:]))]
    has_each = any(_EACH.match(text[m.end:]) for m in usable)
    out = []
    prev_end = act.end()
    for i, mo in enumerate(usable):
        nxt = usable[i + 1].start if i + 1 < len(usable) else len(text)
        visit = None if passive or receiving else _VISITED_EN.search(text, 0, act.start())
        went_to = [x for x in ms if visit and visit.end() <= x.start and x.end <= act.start()]
        if passive:
            giver, recipients = _passive_parties(text, ms, act)
        elif went_to and re.search(r"\beach\b", text[act.start():mo.start]):
            # "a delegation of A visited B and C, presenting each province with 10 billion VND"
            givers = [x for x in subject if x.end <= visit.start()]
            giver = givers[-1].name if givers else None
            recipients = list(dict.fromkeys(x.name for x in went_to if x.name != giver))
        else:
            # the giving verb governing the amount is the last before it ("presented a testing system
            # to HCM City, and donated 54 billion VND to 18 provinces": HCM City got the system)
            governing = [v for v in _GIVE.finditer(text, act.start(), mo.start) if v.end() <= mo.start]
            start = max(prev_end, governing[-1].end()) if governing else prev_end
            giver, recipients = _parties_of(text, ms, subject, act, start, mo, nxt, receiving)
        each = _EACH.match(text[mo.end:]) is not None or (
            receiving and re.search(r"\beach\b", text[subject[-1].end if subject else 0:mo.start]) is not None) or (
            bool(went_to) and re.search(r"\beach\b", text[act.start():mo.start]) is not None) or (
            re.search(r"\b(?:with\s+)?each(?:\s+(?:province|locality|city|of them))?(?:\s+(?:receiving|getting|to receive)"
                      r"(?:\s+\w+){0,2})?\s+$", text[act.end():mo.start]) is not None)
        # "..., with each province receiving VND1.5 billion", "..., and Long An, with each 3 billion VND"
        prev_end = mo.end
        out.append(({"amount": mo, "recipients": recipients, "each": each, "has_each": has_each or each,
                     "stand_in": stand_in or passive, "place": places[-1].name if places else None,
                     "receiving": receiving,
                     "other_giver": _OTHER_GIVER.search(text[:act.start()]) is not None,
                     # the giver named as an organisation of its province ("Red Cross Society of X")
                     "org_giver": giver is not None and bool(subject) and _ORG_OF.search(
                         text[max(0, subject[-1].start - 40):subject[-1].start]) is not None,
                     # ("received ... from collectives", "received 63.5 billion VND in donations": from many)
                     "from_other": receiving and giver is None and re.search(
                         r"\bfrom\s+(?!its\b|their\b|the (?:city|province)\b)|\bin\s+(?:donations|contributions)\b",
                         text[act.end():]) is not None,
                     "part": i > 0 and re.search(r"\bincluding\s+(?:over\s+|more than\s+)?$",
                                                 text[max(0, mo.start - 30):mo.start]) is not None,
                     "status": "planned" if planned else "given", "year": year,
                     "purpose": _purpose(text, mo.end, nxt, ms)}, giver))
    return out


_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are)\s+(?:\w+ly\s+)?$")
_VISITED_EN = re.compile(r"\b(?:visited|arrived in|went to|came to|travell?ed to|paid a visit to)\b")


def _passive_parties(text: str, ms: list[_Mention], act: re.Match[str]) -> tuple[str | None, list[str]]:
    """Donor after ``by``/``from``, recipients after ``to``/``for`` once the verb is passive."""
    after = [x for x in ms if x.start >= act.end()]
    giver = next((x.name for x in after if re.search(
        r"\b(?:by|from)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$", text[max(0, x.start - 30):x.start])), None)
    first = next((x for x in after if x.name != giver and re.search(
        r"\b(?:to|for|in)\s+(?:the\s+)?(?:[a-z-]+\s+){0,4}$", text[max(0, x.start - 45):x.start])), None)
    if first is None:
        return giver, []
    return giver, list(dict.fromkeys(x.name for x in _chain(text, after, first) if x.name != giver))


# "to the five hardest hit localities which are A, B, ...", "to support severely affected provinces,
# including A, B, ...": the recipients listed after the group they belong to.
_COUNTED_LIST = re.compile(r"\b(?:to|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:provinces|localities|cities|areas)"
                           r"(?:\s+and\s+(?:cities|provinces))?\b[^.;]{0,20}?(?:which\s+(?:are|were)|,?\s*including|"
                           r"namely|such as|:)\s*(?:the\s+)?$")


_SEVERAL = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:other\s+)?"
                      r"(?:provinces|localities|cities)\b|\ba\s+total\s+(?:amount\s+)?of\b", re.IGNORECASE)


def _parties_of(text: str, ms: list[_Mention], subject: list[_Mention], act: re.Match[str],
                prev_end: int, mo: MoneyEn, nxt: int, receiving: bool) -> tuple[str | None, list[str]]:
    """Donor and recipients of one amount: ``X gave Y VND..``, ``VND.. to Y``, ``Y received .. from X``."""
    if receiving:
        giver = next((x.name for x in ms if x.start > act.end() and
                      re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, x.start - 12):x.start])), None)
        later = [x for x in ms if prev_end <= x.start and x.end <= mo.start and x.name != giver]
        if prev_end > act.end() and later:  # "A and B received 10 billion each, C and D 7 billion each"
            return giver, list(dict.fromkeys(x.name for x in _chain(text, later, later[0])))
        if not subject:
            return giver, []
        before = [x for x in ms if x.end <= act.start()]  # ("given to Ha Tinh, Nghe An, ...": a place word)
        head = subject[-1]
        for x in reversed([x for x in before if x.end <= head.start]):  # "Ben Tre, Tien Giang and Ca Mau received ..."
            if not _LIST_GLUE.fullmatch(text[x.end:head.start]):
                break
            head = x
        names = [x.name for x in _chain(text, before, head)]
        return giver, list(dict.fromkeys(n for n in names if n != giver))
    giver = subject[-1].name if subject else None
    source = next((x for x in ms if mo.end <= x.start < nxt and re.fullmatch(
        r"\s*(?:\([^)]*\)\s*)?from\s+(?:the\s+)?", text[mo.end:x.start])), None)
    if source is not None and giver and source.name != giver:
        return source.name, [giver]  # "held a groundbreaking ... with a support fund of 20 billion VND from Ninh Binh"
    follows = next((x for x in ms if mo.end <= x.start < nxt and x.name != giver and re.fullmatch(
        r"\s*(?:\([^)]*\)\s*)?(?:to|for)\s+(?:the\s+)?", text[mo.end:x.start])), None)
    if follows is not None and len(_chain(text, ms, follows)) == 1:
        return giver, [follows.name]  # "VND3 billion for Hue, VND1.5 billion for Quang Tri": each its own
    between = [x for x in ms if prev_end <= x.start and x.end <= mo.start and x.name != giver]
    if between:
        names = [x.name for x in _chain(text, between, between[0])]
        if names[-1] != between[-1].name:
            names = [between[-1].name]
        return giver, list(dict.fromkeys(names))
    after = [x for x in ms if mo.end <= x.start < nxt and x.name != giver and (re.search(
        r"\b(?:to|for|in|of)\s+(?!which\b)(?:the\s+)?(?:[a-z-]+\s+){0,4}$", text[max(mo.end, x.start - 45):x.start])
        or _COUNTED_LIST.search(text[max(mo.end, x.start - 110):x.start]))]
    if not after:
        return giver, []
    names = [x.name for x in _chain(text, [x for x in ms if x.start < nxt], after[0])]
    return giver, list(dict.fromkeys(n for n in names if n != giver))


_PURPOSE = re.compile(r"\b(?:to|for)\s+(?!each\b)(?=(?P<p>[^,.;()]{3,120}))")


def _purpose(text: str, start: int, end: int, ms: list[_Mention]) -> str | None:
    """``VND20 billion to upgrade the road ...`` -> ``upgrade the road ...`` (``to Son La`` is
    the recipient, not a purpose)."""
    for m in _PURPOSE.finditer(text, start, end):
        if m.start() - start > 60:
            break
        if any(m.start("p") <= x.start < m.start("p") + 35 for x in ms) or m["p"][0].isupper():
            continue
        purpose = re.sub(r"(?:\s+(?:(?:next|this|last) year|in (?:19|20)\d{2}|each|and|or|as well as))+$",
                         "", m["p"].strip()).strip()
        return purpose or None
    return None
