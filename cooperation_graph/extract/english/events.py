"""Events in English: conferences and visits, their dates, places and participants."""

from __future__ import annotations

import re
from datetime import date

from ...model import (
    Agreement,
    Event,
    Official,
    Participant,
)
from ...normalize import fold
from .agreements import _BOTH_EN, _IN_TITLE
from .dates import anchor_date, find_date_en, sentence_year
from .fundings import _chain
from .officials import _NOT_NAME_START
from ..text import names_foreign
from .text import _Doc, _local_province, _Mention

# --- events -----------------------------------------------------------------------------------

KINDS_EN = (
    ("signing ceremony", (r"signing ceremony|\b(?:signed|inked)\b(?=.*\b(?:agreement|MoU|"
                          r"memorandum|programme|program|plan|deal)s?\b)|\b(?:agreement|MoU|memorandum|"
                          r"programme|program|deal)s?\b.*\b(?:signed|inked)\b")),
    ("conference", r"\bconference\b"),
    ("seminar", r"\bseminar\b|\bworkshop\b"),
    ("forum", r"\bforum\b"),
    ("handover ceremony", r"\bhandover ceremony\b|\bhand(?:s|ed|ing)? over\b|\bpresented\b|\bdonated\b|\bdelivered\b"),
    ("working session", (r"working session|working visit|\bworked with\b|had a working|"
                         r"\bexchanged (?:[\w-]+ ){0,3}experiences?\b|"
                         r"\bmet with\b|\bmeeting\b|\bmet\b|\bhosted\b|\breceived (?:a|the) (?:[\w-]+ ){0,2}delegation\b")),
    ("visit", r"\bvisit(?:ed|s)?\b|\barrived in\b"),
    ("fair", r"\bfair\b|\bexhibition\b|\bfestival\b"),
)
_KIND_EN = [(k, re.compile(p, re.IGNORECASE)) for k, p in KINDS_EN]
_HAPPEN_EN = re.compile(r"\b(?:held|took place|taking place|opened|hosted|organi[sz]ed|co-organi[sz]ed|"
                        r"signed|inked|met|worked|chaired|co-chaired|attended|visited|presented|"
                        r"handed|kicked off|launched|had|paid|convened|donated|gathered|welcomed|arrived|received|"
                        r"delivered|transported|brought|led|exchanged|hand over)\b|"
                        r"\bat (?:a|the) (?:[\w-]+ ){0,3}(?:meeting|conference|ceremony|seminar|workshop|"
                        r"forum|session)\b",
                        re.IGNORECASE)
_PLACE_EN = re.compile(r"\b(?:in|at)\s+(?:the\s+(?:[a-z-]+\s+){0,3}(?:city|town|district|province|"
                       r"commune|ward|township)\s+of\s+)?(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})")
_CHAIR_EN = re.compile(r"\b(?:co-chaired|chaired|presided|co-chairs?|chairs)\b", re.IGNORECASE)
_ATTEND_EN = re.compile(r"\b(?:attended|attending|present at|witnessed|joined|participated|"
                        r"took part|signed by)\b", re.IGNORECASE)


_AT_MEETING_EN = re.compile(r"(?:^At|\b(?:speak(?:s|ing)?|spoke|attend(?:s|ing|ed)?|co-chair(?:s|ing|ed)?|"
                            r"chair(?:s|ing|ed)?|address(?:es|ing|ed)?|open(?:s|ing|ed)?))\s+(?:at\s+)?(?:the\s+)?"
                            r"(?:[\w'’-]+,?\s+){0,14}?(?:conference|meeting|seminar|workshop|forum|session)\b|"
                            r"\b(?:conference|meeting|event|seminar|forum|session)\s+(?:was|were)\s+"
                            r"(?:also\s+)?attended\s+by\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(?:[Oo]n )?the same (?:day|morning|afternoon|evening)\b|\b[Tt]hat (?:afternoon|evening)\b")


# Provinces named as those who get something are no event's hosts.
_RECEIVE_EN = re.compile(r"(?:\s+provinces?|\s+city|,\s*[^,.;]{0,40}?|\s+and\s+[^,.;]{0,40}?)*?\s+(?:will\s+|each\s+)?"
                         r"(?:receive[sd]?|(?:will\s+)?(?:be|been|was|were|are|is)\s+(?:presented|given|handed|"
                         r"offered|allocated)|got)\b")


def extract_events_en(doc: _Doc, officials: list[Official], agreements: list[Agreement],
                      main_pair: tuple[str, str] | None = None) -> list[Event]:
    events: list[Event] = []
    backup: list[Event] = []  # a meeting of a dated article known only from who spoke at or attended it
    seen: set[tuple[date | None, str | None]] = set()
    last: date | None = None
    anchor = None if doc.published else anchor_date(doc.text)  # an undated page's year, from a full date in it
    for sent in doc.sentences:
        text = sent.text
        act = _HAPPEN_EN.search(text) or _AT_MEETING_EN.search(text)
        if act is None:
            continue
        kind = next((k for k, p in _KIND_EN if p.search(text)), None)
        if kind is None or names_foreign(text):
            continue  # a province with a foreign partner is no event between provinces
        when, conf = find_date_en(text, doc.published, None if doc.published else sentence_year(text) or anchor)
        if when is None and last and _SAME_DAY.search(text):
            when, conf = last, 0.6  # "On the same afternoon, the delegation visited Da Nang City"
        if when is None and (doc.published is not None or events):
            if not events and not backup and _AT_MEETING_EN.search(text):  # spoken at or attended: the
                backup = [Event(kind=kind, date=None, place=None, organisers=(), participants=(),  # meeting,
                                evidence=doc.evidence(sent, 0.6))]  # when nothing else reports one
            continue  # an undated article's one event keeps its date unknown; a dated one's needs a day
        ms = [_Mention(x.name, x.start - sent.start, x.end - sent.start)
              for x in doc.mentions_in(sent.start, sent.end)]
        place = _event_place(doc, text, ms)
        if place is None and kind == "handover ceremony":  # "delivered financial aid ... to Lang Son province"
            place = next((x.name for x in ms if re.search(r"\bto\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$",
                                                          text[max(0, x.start - 30):x.start])), None)
        if (when, place) in seen or (when, None) in seen:
            continue
        seen.add((when, place))
        last = when or last
        subject = [x for x in ms if x.end <= act.start() and not re.search(
            r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, x.start - 8):x.start])
            and not _IN_TITLE.match(text[x.end:x.end + 30])]
        between = re.search(r"\bbetween\s", text)
        if between:  # "a signing ceremony between X and Y"
            listed = [x for x in ms if x.start >= between.end()]
            if listed:
                subject = _chain(text, ms, listed[0])
        if kind in ("working session", "conference", "seminar", "forum"):
            # "X had a working session with leaders of Y": Y takes part as a host
            subject += [x for x in ms if x.start > act.end() and x not in subject
                        and re.search(r"\bwith\s+(?:[^,.;]{0,50}?\s)?$", text[max(0, x.start - 60):x.start])
                        and not _IN_TITLE.match(text[x.end:x.end + 30])]
        if subject and _RECEIVE_EN.match(text, subject[-1].end):
            continue  # "Ha Tinh and Quang Binh will receive VND2 billion each": who gets, not who holds
        organisers = tuple(dict.fromkeys(x.name for x in subject))
        if not organisers and main_pair and _BOTH_EN.search(text[:act.start()]):
            organisers = main_pair  # "The two localities held a conference ..."
        events.append(Event(kind=kind, date=when, place=place, organisers=organisers,
                            participants=(), evidence=doc.evidence(sent, conf if place else conf - 0.1)))
    events = events or backup
    if events:
        events[0] = _with_participants_en(doc, events[0], officials, agreements)
    return events


def _event_place(doc: _Doc, text: str, ms: list[_Mention]) -> str | None:
    for x in ms:
        if re.search(r"\b(?:in|at|visit(?:ed|ing|s)?)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$",
                     text[max(0, x.start - 40):x.start]):
            return x.name
    for m in _PLACE_EN.finditer(text):
        words = re.sub(r"\s+(?:City|Town|District|Province)$", "", m["n"]).split()
        for n in range(len(words), 0, -1):
            if n == 1 and fold(words[0]) in _NOT_NAME_START:
                break
            found = _local_province(" ".join(words[:n]), doc.era, doc.gazetteer)
            if found:
                return found
    return None


def _with_participants_en(doc: _Doc, event: Event, officials: list[Official],
                          agreements: list[Agreement]) -> Event:
    people: dict[str, str] = {}
    for sent in doc.sentences:
        chair = _CHAIR_EN.search(sent.text)
        attend = _ATTEND_EN.search(sent.text)
        if not chair and not attend:
            continue
        for o in officials:
            if o.name in sent.text and people.get(o.name) != "chair":
                people[o.name] = "chair" if chair else "attendee"
    if event.kind == "signing ceremony":
        for a in agreements:
            for name in a.signatories:
                people.setdefault(name, "attendee")
    participants = tuple(Participant(n, r) for n, r in people.items())  # type: ignore[arg-type]
    return Event(event.kind, event.date, event.place, event.organisers, participants, event.evidence)
