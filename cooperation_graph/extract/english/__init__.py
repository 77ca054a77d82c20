"""English-language reporting by Vietnamese outlets (VnExpress International, VietnamPlus,
Vietnam News, Hanoi Times, SGGP English): the same facts as the Vietnamese extractors.

These texts write provinces without diacritics (``Da Nang City``, ``HCM City``, ``Hanoi``,
``Thua Thien-Hue``), money as ``VND20 billion``, ``VND 1.2 trillion``, ``20 billion dong``,
titles as ``vice chairman of the Da Nang People's Committee`` or ``Hanoi Party chief`` and
dates as ``on Thursday (April 18)``. Facts still name provinces by their Vietnamese short form
from the gazetteer; person names are kept as written. Qualifiers of amounts are mapped to the
Vietnamese ones the rest of the pipeline uses (``over`` -> ``trên``, ``nearly`` -> ``gần``).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from ...gazetteer import Gazetteer
from ...model import Article, Event, Extraction, ProvinceMention
from ..text import between_two, chain, foreign_partners, names_foreign, real_officials, related_events
from ..text import main_pair as find_main_pair
from ..text import pairs_from_facts
from .agreements import extract_agreements_en
from .dates import find_date_en
from .events import extract_events_en
from .fundings import _LIST_GLUE, _chain, extract_fundings_en
from .investments import extract_investments_en
from .money import find_money_en
from .officials import extract_officials_en
from .text import _Doc, analyse_english, is_english

__all__ = ["extract_english", "find_date_en", "find_money_en", "is_english"]


# --- pairs and the whole article ----------------------------------------------------------------

_COOP_EN = re.compile(r"cooperat|co-operat|collaborat|agreement|\bMoU\b|memorand|partnership|"
                      r"\btwin|\blink(?:age|ed|s|ing)?\b|join(?:ed)? hands|\bsupport(?:ed|s)?\b|"
                      r"\bassist(?:ed|s|ance)?\b|donat|\bgave\b|\bpresented\b|handed over|"
                      r"\binvest(?:ed|s|ment|ments|ors?)?\b|\bsign(?:ed|s|ing)?\b|working (?:session|visit)|"
                      r"\bworked with\b|\bdelegation\b|\bpledged\b|\bcontribut", re.IGNORECASE)
_JOINT_AFTER_EN = re.compile(r"(?:\s+(?:City|Province))?\s+(?:[\w,-]+\s+){0,6}?(?:conference|forum|festival|fair|week|"
                             r"cooperation|co-operation|programme|program|twinning|friendship|linkage)\b", re.IGNORECASE)
_ROUTE_BEFORE_EN = re.compile(r"\b(?:expressway|highway|road|route|railway|flight|line|bridge|corridor|bus)\s+(?:[\w-]+\s+){0,2}$",
                              re.IGNORECASE)
_TWINNED_EN = re.compile(r"\btwin(?:ned|ning)?\b|\bsister\s+(?:cities|provinces)\b", re.IGNORECASE)
_DASH_GLUE = re.compile(r"(?:\s+(?:City|Province))?\s*[-–]\s*")
_STATED = re.compile(r"cooperat|co-operat|collaborat|coordinat|partner|twin|\blink|tie-up|join(?:ed)? hands|connect|"
                     r"\bsigned\b|\bsign\b|agree|\bheld\s+(?:a|the)\s+(?:joint\s+)?(?:conference|meeting|working\s+session|talks)\b",
                     re.IGNORECASE)


# "Hanoi will aid Gia Lai; Ho Chi Minh City will assist Khanh Hoa": one province helping another.
_AIDS = re.compile(r"(?:\s+(?:City|Province))?\s+(?:will\s+|would\s+|is\s+to\s+|was\s+to\s+)?"
                   r"(?:aid|assist|back|help|support)(?:s|ed)?\s+(?:the\s+)?$", re.IGNORECASE)


# "the Hanoi Department of Tourism and the Lai Chau Department of Culture, Sports and Tourism":
# a province's department named after it
_DEPT_EN = r"\s+Department\s+of\s+[A-Z][\w&]*(?:(?:,\s*|\s+and\s+|\s+)[A-Z][\w&]*)*"
# "the Standing Committee of Quang Binh Provincial Party Committee and the Standing Committee of Quang Tri ...":
# a province's organ after its name, and the next one's before it
_ORGAN_AFTER_EN = r"(?:\s+(?:(?:Provincial|Municipal|City)\s+)?(?:Party\s+Committee|People['’]s\s+(?:Committee|Council)))?"
_ORGAN_BEFORE_EN = (r"(?:(?:Standing\s+(?:Committee|Board)|People['’]s\s+Committees?|Party\s+Committees?|leaders|"
                    r"delegation)\s+of\s+(?:the\s+)?)?")
_TOGETHER_EN = re.compile(r"(?:\s+(?:City|Province|provinces|cities|localities))?\s+(?:have\s+|had\s+|will\s+|"
                          r"jointly\s+)?(?:collaborated|co-organi[sz]ed|jointly\s+organi[sz]ed|signed|agreed|"
                          r"joined hands|cooperated|co-operated|teamed up|linked up)\b", re.IGNORECASE)


def _stated_pairs_en(doc: _Doc) -> set[tuple[str, str]]:
    """``cooperation between X and Y``, ``X and Y signed ...``, ``X will aid Y``: provinces
    acting together."""
    out: set[tuple[str, str]] = set()
    for sent in doc.sentences:
        ms = doc.mentions_in(sent.start, sent.end)
        out |= {tuple(sorted((a.name, b.name))) for a, b in pairwise(ms)  # type: ignore[misc]
                if a.name != b.name and _AIDS.fullmatch(doc.text[a.end:b.start] + " ")}
        foreign = names_foreign(sent.text)  # (provinces meeting a foreign party are its partners, not each other's)
        for a, b in pairwise(ms) if not foreign else ():  # "the Ho Chi Minh City - Vinh Long Province trade, investment and tourism
            if a.name != b.name and _DASH_GLUE.fullmatch(doc.text, a.end, b.start) \
                    and _JOINT_AFTER_EN.match(doc.text, b.end) \
                    and not _ROUTE_BEFORE_EN.search(doc.text, max(sent.start, a.start - 40), a.start):  # promotion
                out.add(tuple(sorted((a.name, b.name))))  # conference": an event or programme of the two
        if foreign or not _STATED.search(sent.text):
            continue
        hub = next((m for m, prev in zip(ms, [None, *ms]) if _HUB_EN.match(doc.text, m.end)
                    and not (prev and _LIST_GLUE.fullmatch(doc.text, prev.end, m.start))), None)  # (not a list's tail)
        # "The three localities of Nghe An, Thanh Hoa, and Ninh Binh collaborated to organise ...":
        # a list of three or more acting together, each with each (not a hub's members)
        for i, first in enumerate(ms):
            if hub is not None and first.start > hub.end:
                break
            if i and _LIST_GLUE.fullmatch(doc.text, ms[i - 1].end, first.start):
                continue  # inside a list already read
            group = _chain(doc.text, ms, first)
            if len(group) >= 3 and _TOGETHER_EN.match(doc.text, group[-1].end):
                out |= {tuple(sorted((a.name, b.name))) for a in group for b in group  # type: ignore[misc]
                        if a.name < b.name}
        if _TWINNED_EN.search(sent.text):  # "a twinned friendship ceremony of three cities: Hanoi - Hue - Saigon"
            for i, first in enumerate(ms):
                if i and _DASH_GLUE.fullmatch(doc.text, ms[i - 1].end, first.start):
                    continue  # inside a dashed list already read
                group = chain(doc.text, ms, first, _DASH_GLUE)
                out |= {tuple(sorted((a.name, b.name))) for a in group for b in group  # type: ignore[misc]
                        if a.name < b.name}
        if hub is not None:  # "between HCM City and the eight provinces of A, B, ...": the city with each
            group = [m for m in ms if m.start > hub.end]
            if group:
                out |= {tuple(sorted((hub.name, m.name))) for m in _chain(doc.text, group, group[0])
                        if m.name != hub.name}  # type: ignore[misc]
        for a, b in pairwise(ms):
            between = doc.text[a.end:b.start]
            if hub is not None and a.start > hub.end:
                continue  # the members of "HCMC and 8 provinces, including A, B, ...": one side
            if a.name == b.name or not re.fullmatch(
                    rf"(?:\s+(?:City|Province))?(?:['’]s)?(?:{_DEPT_EN})?{_ORGAN_AFTER_EN}"
                    r"\s*(?:and|with|,|-|–|&)\s*(?:neighbo(?:u)?ring\s+|the\s+)?" + _ORGAN_BEFORE_EN +
                    r"(?:(?:[\w-]+\s+){0,3}?(?:province|city)\s+of\s+)?", between):  # "and the south-central province of"
                continue
            lead = doc.text[max(sent.start, a.start - 50):a.start]
            tail = doc.text[b.end:sent.end]
            if re.search(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", lead):
                # "between the HCMC People's Committee and the People's Committees of A, B, C provinces": each
                out |= {tuple(sorted((a.name, x.name))) for x in _chain(doc.text, ms, b) if x.name != a.name}
                continue
            if re.match(
                    rf"^(?:\s+(?:City|Province))?(?:{_DEPT_EN})?{_ORGAN_AFTER_EN}"
                    r"\s+(?:[\w'-]+\s+){0,3}?(?:have\s+|had\s+|will\s+|"
                    r"officially\s+|on\s+\w+\s+)?(?:signed|sign|agreed|cooperat\w*|inked|"
                    r"join\w* hands|pledged|committed|collaborat\w*|twinned|linked|co-organi[sz]ed|jointly|"
                    r"held\s+(?:a|the)\s+(?:joint\s+)?(?:[Cc]onference|meeting|working\s+session|talks))", tail) or (
                    re.match(rf"^{_DEPT_EN}\s+(?:organi[sz]ed|held|hosted|launched)\b", tail)
                    and re.search(r"\bDepartment\s+of\s+\S+(?:\s+\S+){0,5}\s+and\s+the\s+$", doc.text[a.start:b.start] + " ")):
                out.add(tuple(sorted((a.name, b.name))))  # type: ignore[arg-type]
    return out


_VISIT_EN = re.compile(r"\b(?:visited|paid\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}visits?\s+to|arrived\s+in|"
                       r"(?:had\s+a\s+)?work(?:ed|ing\s+session)\s+with|extended\s+(?:Tet\s+|New\s+Year\s+)?"
                       r"greetings\s+to)\b", re.IGNORECASE)
# "paid a pre-Tet visit to the Party Committee, People's Council, People's Committee and the Vietnam
# Fatherland Front Committee of Can Tho City": the province's organs, however many
_ORGANS_OF_EN = re.compile(r"(?:\s*(?:,|and)?\s*(?:the\s+)?(?:(?:municipal|provincial|city)\s+)?(?:Party\s+Committee|"
                           r"People['’]s\s+(?:Council|Committee)|(?:Vietnam\s+)?Fatherland\s+Front(?:\s+Committee)?|"
                           r"leaders|authorities|Standing\s+Board))+\s+of\s+(?:the\s+)?")
# "The delegation from three provinces - Thanh Hoa, Nghe An and Ha Tinh - visited ...": one joint delegation
_JOINT_DELEGATION_EN = re.compile(r"\b(?:joint\s+)?delegations?\s+(?:of\s+representatives\s+)?(?:from|of)\s+(?:the\s+)?"
                                  r"(?:two|three|four|five|\d+)\s+provinces\s*(?:[-–:,]\s*|\(\s*|of\s+)", re.IGNORECASE)
_DELEGATION_EN = re.compile(r"\b(?:delegation|leaders|group|working\s+team|officials)\b", re.IGNORECASE)


def _visit_pairs_en(doc: _Doc) -> set[tuple[str, str]]:
    """``a delegation of A's leaders, led by ..., paid a pre-Tet visit to B``: A and B meet."""
    out: set[tuple[str, str]] = set()
    for sent in doc.sentences:
        v = _VISIT_EN.search(sent.text)
        if v is None or names_foreign(sent.text) or not (
                _DELEGATION_EN.search(sent.text, 0, v.start())  # "a delegation of A visited B"
                or re.match(r"\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}" + _DELEGATION_EN.pattern,  # "A ... had a working
                            sent.text[v.end():], re.IGNORECASE)):  # session with a delegation of leaders from B"
            continue
        ms = doc.mentions_in(sent.start, sent.end)
        before = [m for m in ms if m.end <= sent.start + v.start()]
        after = [m for m in ms if m.start >= sent.start + v.end() and (m.start - sent.start - v.end() <= 100 or
                                                                       _ORGANS_OF_EN.fullmatch(doc.text, sent.start + v.end(), m.start))]
        if before and after and before[0].name != after[0].name:
            out.add(tuple(sorted((before[0].name, after[0].name))))  # type: ignore[arg-type]
    for sent in doc.sentences:  # "Vice Secretary of the HCMC Party Committee X met with the Khanh Hoa
        met = _MET_EN.search(sent.text)  # Provincial Fatherland Front Committee": two provinces' organs meet
        if met is None or names_foreign(sent.text):
            continue
        ms = doc.mentions_in(sent.start, sent.end)
        host = next((m for m in ms if m.end <= sent.start + met.start() and _ORGAN_OF_EN.match(doc.text, m.end)), None)
        guest = next((m for m in ms if m.start >= sent.start + met.end()), None)
        gap = doc.text[sent.start + met.end():guest.start] if guest else ""
        if host and guest and host.name != guest.name and (
                _ORGAN_OF_EN.match(doc.text, guest.end) and re.fullmatch(
                    r"\s*(?:the\s+)?(?:leaders\s+of\s+(?:the\s+)?|(?:a\s+)?delegation\s+(?:of|from)\s+(?:the\s+)?)?", gap)
                or _LED_BY_OF_EN.fullmatch(gap)):  # "received a working delegation led by ... Chairman of the
            out.add(tuple(sorted((host.name, guest.name))))  # People's Council of Hai Phong City"
    for sent, after in zip(doc.sentences, [*doc.sentences[1:], None]):  # "Attending the event were Deputy
        if not _ATTENDING_EN.match(sent.text) or names_foreign(sent.text):  # Chairwoman of the HCMC People's
            continue  # Committee X, Deputy Chairman of the People's Committee of Tay Ninh Province Y ...": the
        # two provinces' leaders at one event; "... Secretary of the Dien Bien Provincial Party Committee. On
        # the side of Ho Chi Minh City, there was comrade ...": the list goes on in the next sentence
        spans = [sent] + ([after] if after is not None and _SIDE_OPENER_EN.match(after.text)
                          and not names_foreign(after.text) else [])
        ms = [m for x in spans for m in doc.mentions_in(x.start, x.end)]
        names = {m.name for m in ms
                 if _ORGAN_OF_EN.match(doc.text, m.end) or _OF_ORGAN_EN.search(doc.text, max(0, m.start - 40), m.start)
                 or _SIDE_EN.search(doc.text, max(0, m.start - 25), m.start)}
        if len(names) == 2 and len({m.name for m in ms}) == 2:
            out.add(tuple(sorted(names)))  # type: ignore[arg-type]
    return out


_SIDE_OPENER_EN = re.compile(r"\s*On (?:the side of|behalf of)\s")


_LED_BY_OF_EN = re.compile(r"\s*(?:a|the)\s+(?:[\w-]+\s+){0,2}delegation\s+(?:led|headed)\s+by\s+[^.;]{0,120}?"
                           r"(?:Party\s+Committee|People['’]s\s+(?:Committee|Council))\s+of\s+(?:the\s+)?")
_OF_ORGAN_EN = re.compile(r"(?:Party\s+Committee|People['’]s\s+(?:Committee|Council))\s+of\s+(?:the\s+)?$")
_ATTENDING_EN = re.compile(r"\s*(?:Attending|Present at|Participating in)\s+(?:in\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                           r"(?:event|ceremony|conference|meeting|programme|program|working session|launch)\b[^.;]{0,20}?\s+(?:were|was)\b")


_MET_EN = re.compile(r"\b(?:met\s+with|held\s+talks\s+with|had\s+talks\s+with|received|hosted)\b")
_ORGAN_OF_EN = re.compile(r"(?:\s+(?:City|Province))?\s+(?:Provincial\s+|Municipal\s+|City\s+)?"
                          r"(?:Party\s+Committee|People['’]s\s+(?:Committee|Council)|(?:Vietnam\s+)?Fatherland\s+Front)\b")


_HUB_REGION_EN = re.compile(r"(?:\s+(?:City|Province))?\s+and\s+(?:the\s+)?(?:\d+\s+|nine\s+|eight\s+|five\s+|six\s+|"
                            r"seven\s+)?(?:[\w'’-]+\s+){0,4}?(?:provinces|localities)\b")
_SIDE_EN = re.compile(r"\b[Oo]n (?:the side of|behalf of) (?:the\s+)?$")


def _region_side_en(doc: _Doc) -> set[tuple[str, str]]:
    """``the Cooperation Agreement between Ho Chi Minh City and 9 Northern and North Central provinces
    ... On the side of Nghe An province, there was ...``: a member named as a side, with the city."""
    hubs = {m.name for m in doc.mentions if _HUB_REGION_EN.match(doc.text, m.end)
            and re.search(r"\bbetween\s+(?:the\s+)?$", doc.text[max(0, m.start - 12):m.start])}
    if len(hubs) != 1:
        return set()
    hub = hubs.pop()
    return {tuple(sorted((hub, m.name))) for m in doc.mentions  # type: ignore[misc]
            if m.name != hub and _SIDE_EN.search(doc.text, max(0, m.start - 25), m.start)}


_CO_ORGANISED_BY_EN = re.compile(r"\b(?:co-organi[sz]ed|jointly\s+organi[sz]ed|co-hosted)\s+by\s+(?:the\s+)?"
                                 r"(?:(?:People['’]s\s+Committees?|Party\s+Committees?|leaders|authorities)\s+of\s+(?:the\s+)?)?")
_IN_COORDINATION_EN = re.compile(r"(?:\s+(?:City|Province|province|city))?\s*,?\s*(?:in\s+(?:coordination|cooperation|"
                                 r"collaboration)|together)\s+with\s+(?:the\s+)?"
                                 r"(?:(?:People['’]s\s+Committees?|leaders|authorities)\s+of\s+(?:the\s+)?)?")


def _each_with_each_after(doc: _Doc, opener: re.Pattern[str], more: re.Pattern[str] | None = None) -> set[tuple[str, str]]:
    """The provinces listed right after ``opener`` (and after ``more`` that goes on from the list),
    each with each: ``The event was co-organized by HCMC and Phu Tho province, in coordination with
    the People's Committees of Dien Bien, Ha Giang, ... provinces``, ``The delegation from three
    provinces - Thanh Hoa, Nghe An and Ha Tinh - visited ...``."""
    out: set[tuple[str, str]] = set()
    for sent in doc.sentences:
        found = opener.search(sent.text)
        if found is None or names_foreign(sent.text):
            continue
        ms = doc.mentions_in(sent.start, sent.end)
        first = next((m for m in ms if m.start == sent.start + found.end()), None)
        if first is None:
            continue
        group = _chain(doc.text, ms, first)
        goes_on = more.match(doc.text, group[-1].end) if more else None
        then = goes_on and next((m for m in ms if m.start == goes_on.end()), None)
        if then:
            group += _chain(doc.text, ms, then)
        names = sorted({m.name for m in group})
        out |= {(a, b) for i, a in enumerate(names) for b in names[i + 1:]}
    return out


_HELD_IN_EN = re.compile(r"\b(?:was|were)\s+(?:held|organi[sz]ed|convened)\s+(?:[\w-]+\s+){0,7}?in\s+(?:the\s+)?$")


def _region_venue_en(doc: _Doc) -> set[tuple[str, str]]:
    """``A conference on the cooperation program between HCMC and Mekong Delta's localities was held
    in Ben Tre Province``: the member that hosts it, with the city."""
    out: set[tuple[str, str]] = set()
    for sent in doc.sentences:
        ms = doc.mentions_in(sent.start, sent.end)
        hub = next((m for m in ms if re.search(r"\bbetween\s+(?:the\s+)?$", doc.text[max(0, m.start - 12):m.start])
                    and re.match(r"(?:\s+(?:City|Province))?\s+and\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?"
                                 r"(?:provinces|localities)\b", doc.text[m.end:sent.end])), None)
        if hub is None or names_foreign(sent.text):
            continue
        out |= {tuple(sorted((hub.name, m.name))) for m in ms  # type: ignore[misc]
                if m.start > hub.end and m.name != hub.name and _HELD_IN_EN.search(doc.text, max(0, m.start - 60), m.start)}
    return out


# "leaders of HCMC and 8 provinces, including Phu Tho, Dien Bien, ... signed an agreement": the
# counted provinces are one side; each works with the city named before them, not with each other.
_HUB_EN = re.compile(r"\s+and\s+(?:the\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"thirteen|fourteen|fifteen)\s+(?:other\s+)?(?:[\w-]+\s+){0,2}|"
                     # "Hanoi and Red River Delta localities, including ...": a region's members
                     r"(?:[\w-]+\s+){0,2}(?:Delta|Highlands|Central|Northern|Southern|Southeast(?:ern)?|Northwest(?:ern)?|"
                     r"Northeast(?:ern)?|Mekong|[Rr]egion(?:al)?|[Kk]ey\s+[Ee]conomic(?:\s+[Zz]one)?)\s+)(?:provinces|localities|cities)"
                     r"(?:\s+and\s+(?:cities|provinces))?\b(?:\s+of\b|[^.;]{0,40}?(?:,?\s*(?:including|namely)\b|:|\())",
                     re.IGNORECASE)


def _hub_pairs(doc: _Doc, parties: tuple[str, ...], ev) -> set[tuple[str, str]] | None:
    """The pairs of a hub-and-group agreement or event (:data:`_HUB_EN`), or None when it is not one."""
    if ev is None or len(set(parties)) < 3:
        return None
    ms = doc.mentions_in(ev.start, ev.end)
    for m, prev in zip(ms, [None, *ms]):
        if m.name in parties and _HUB_EN.match(doc.text, m.end) \
                and not (prev and _LIST_GLUE.fullmatch(doc.text, prev.end, m.start)):  # (not a list's tail)
            return {tuple(sorted((m.name, p))) for p in set(parties) if p != m.name}  # type: ignore[misc]
    return None


def _province_list(doc: _Doc) -> tuple[ProvinceMention, ...]:
    counts = Counter(m.name for m in doc.mentions)
    out = []
    for name, n in counts.items():
        unit = doc.gazetteer.get(name, doc.era)
        if unit is not None:
            out.append(ProvinceMention(name=unit.name, code=unit.code, era=unit.era, mentions=n,
                                       full_name=unit.full_name, successor=unit.successor))
    return tuple(sorted(out, key=lambda p: (-p.mentions, p.name)))


_HANDED_EN = re.compile(r"\b(?:handed over|hands over|presented|presents|donated|donates|gave|delivered)\b",
                        re.IGNORECASE)


def _handover_en(doc: _Doc, fundings, events) -> list[Event]:
    """A story of money handed over that reports no event of its own: the hand-over is one
    (undated unless its sentence has a day), one per giver."""
    if events:
        return []
    out: list[Event] = []
    givers: set[str] = set()
    by_start = {s.start: s for s in doc.sentences}
    for f in fundings:
        sent = by_start.get(f.evidence.start) if f.evidence else None
        if f.status != "given" or f.donor in givers or sent is None or not _HANDED_EN.search(sent.text):
            continue
        givers.add(f.donor)
        receivers = {g.recipient for g in fundings if g.donor == f.donor}
        out.append(Event(kind="handover ceremony", date=None,
                         place=next(iter(receivers)) if len(receivers) == 1 else None,
                         organisers=(f.donor,), participants=(), evidence=doc.evidence(sent, 0.55)))
    return out


def extract_english(article: Article, gazetteer: Gazetteer) -> Extraction:
    """Every fact of an English-language article, provinces in their Vietnamese short form."""
    doc = analyse_english(article, gazetteer)
    main_pair = find_main_pair(doc, _COOP_EN)
    officials = real_officials(extract_officials_en(doc), vietnamese=False)
    fundings, shared_pairs = extract_fundings_en(doc, main_pair)
    investments = extract_investments_en(doc)
    fundings, investments = between_two(fundings, investments)
    agreements = extract_agreements_en(doc, main_pair, officials)
    events = extract_events_en(doc, officials, agreements, main_pair)
    events += _handover_en(doc, fundings, events)

    hubs = {a: _hub_pairs(doc, a.parties, a.evidence) for a in agreements}
    hubs |= {e: _hub_pairs(doc, e.organisers, e.evidence) for e in events}
    pairs = pairs_from_facts([a for a in agreements if hubs[a] is None], fundings, investments,
                             [e for e in events if hubs[e] is None])
    pairs |= {p for star in hubs.values() if star for p in star}
    pairs |= {p for p in shared_pairs | _stated_pairs_en(doc) | _visit_pairs_en(doc) | _region_side_en(doc) | _region_venue_en(doc)
              | _each_with_each_after(doc, _CO_ORGANISED_BY_EN, _IN_COORDINATION_EN)
              | _each_with_each_after(doc, _JOINT_DELEGATION_EN)
              if p[0] != p[1]}
    events = related_events(events, pairs, doc)
    return Extraction(article=article, provinces=_province_list(doc), foreign_partners=tuple(foreign_partners(doc)),
                      cooperation_pairs=tuple(sorted(pairs)), officials=tuple(officials),
                      agreements=tuple(agreements), fundings=tuple(fundings),
                      investments=tuple(investments), events=tuple(events))
