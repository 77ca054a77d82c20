"""Agreements in English: what provinces signed, its contents and period."""

from __future__ import annotations

import re

from ...model import (
    Agreement,
    Official,
)
from ..text import Sentence, names_foreign
from .investments import _NUMWORD, _count
from .text import _Doc

# --- agreements -------------------------------------------------------------------------------

_DOC_KIND = re.compile(
    r"\b(?P<k>memorand(?:um|a) of (?:understanding|cooperation)|MoUs?|MOUs?|minutes of (?:agreement|cooperation|working)|"
    r"(?:(?:comprehensive|strategic|"
    r"socio-economic|economic|tourism|development|new|\w+-year|\w+-point|[a-z]+(?:al|ic))\s+)*"
    r"(?:cooperation|co-operation|partnership|twinning|collaboration|development|linkage|"
    r"coordination)\s+(?:agreement|programme|program|plan|deal|framework|pact|memorandum|"
    r"regulation|statute|document)s?|agreements?|action plan|programme of cooperation|"
    r"program of cooperation)\b", re.IGNORECASE)
_SIGN = re.compile(r"\b(?:sign|signs|signed|signing|inked|ink|inks|concluded|reached|entered into|"
                   r"(?:presented|exchanged)(?= (?:a|the) (?:[\w-]+ ){0,3}(?:memorandum|MoU|agreement|minutes)))\b",
                   re.IGNORECASE)
_PLANNED_AGREE = re.compile(r"\b(?:will|would|shall|plans?\s+to|planned\s+to|planning\s+to|"
                            r"expected\s+to|set\s+to|agreed\s+to|to\s+sign|going\s+to|draft|"
                            r"intend\w*|aim\w*\s+to|prepar\w+)\b", re.IGNORECASE)
_COUNT_EN = re.compile(
    rf"\b(?P<n>{_NUMWORD})\s+(?:(?:key|main|major|priority|specific|cooperation|broad|important|"
    rf"strategic|prioritised|prioritized|focal|core|groups? of)\s+){{0,2}}(?P<what>areas|fields|"
    rf"sectors|contents|items|points|aspects|pillars|tasks|domains|spheres|issues|categories|"
    rf"programmes|programs|projects)\b", re.IGNORECASE)
_LIST_EN = re.compile(r"^\s*(?:of cooperation|of collaboration)?\s*(?:,\s*)?(?:including|namely|such as|"
                      r":|which are|that are|comprising)\s*:?\s*(?P<l>[^.;]{3,400})", re.IGNORECASE)
_PERIOD_EN = re.compile(r"(?<!term )(?<!tenure )(?<!tenure of )(?P<a>(?:19|20)\d{2})\s*(?:[-–]|to|through|until)"
                        r"\s*(?P<b>(?:19|20)\d{2})(?!\s*(?:tenure|term))")
_BOTH_EN = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:localities|provinces|cities|sides|parties|"
                      r"places)\b", re.IGNORECASE)
# A document carried out, reviewed or in force exists: it was signed ("the 10-year-old cooperation
# programme between the two localities", "After four years of implementation, the ... programme").
_IN_FORCE_EN = re.compile(r"\b(?:implement\w*|review\w*|summari[sz]\w*|evaluat\w*|under the|as part of|"
                          r"in force|carr(?:y|ied|ying) out|\w+-year-old|years? of|results? of|over the (?:past|last)|"
                          r"ha(?:s|ve) (?:contributed|brought|helped|improved))\b", re.IGNORECASE)
_REFER = re.compile(r"\b(?:the|this|under the)\s+(?:agreement|deal|MoU|memorandum|programme|program|"
                    r"document|plan)\b", re.IGNORECASE)


def _kind_name(raw: str) -> str:
    k = re.sub(r"^(?:new|the)\s+", "", raw.lower())
    if k.startswith(("mou", "memorand")):
        return "memorandum of cooperation" if k.endswith("cooperation") else "memorandum of understanding"
    k = re.sub(r"co-operation", "cooperation", k)
    k = re.sub(r"\bprogram\b", "programme", k)
    k = re.sub(r"(?<!s)s$", "", k) if k.endswith(("agreements", "plans", "programmes", "deals")) else k
    k = re.sub(r"\b(?:deal|pact)$", "agreement", k)
    if k in ("agreement", "deal"):
        return "cooperation agreement"
    if k in ("programme of cooperation",):
        return "cooperation programme"
    return k


def _fields_en(text: str, counts: re.Match[str] | None) -> list[str]:
    tail = text[counts.end():] if counts else text
    m = _LIST_EN.match(tail) if counts else re.search(
        r"\b(?:areas|fields|sectors)\s*(?:of cooperation\s*)?(?:,\s*)?(?:including|such as|namely|:)\s*"
        r"(?P<l>[^.;]{3,400})", text, re.IGNORECASE)
    if not m:
        return []
    items = m["l"]
    items = re.split(r"\s+(?:for|in|during|over|from|between|through|until|within|by)\s+(?:the\s+)?"
                     r"(?:(?:19|20)\d{2}|period|next|coming|years?|phase)|\s+(?:for|in)\s+the\s+"
                     r"(?:period|phase)|,?\s+(?:with|which|while|aiming|to\s+\w+)\b", items)[0]
    parts = [p.strip(" ,") for p in re.split(r";\s*" if ";" in items else r",\s*", items)]
    parts = [re.sub(r"^and\s+", "", p) for p in parts if p]
    want = _count(counts["n"]) if counts else None
    oxford = bool(re.search(r",\s+and\s", items))
    # "a, b and c": the last "and" joins two items unless the count or an Oxford comma says the
    # "and" is inside an item ("education and training, ..., and transport")
    if parts and " and " in parts[-1] and not oxford and (want is None or len(parts) < want):
        parts[-1:] = parts[-1].rsplit(" and ", 1)
    return [re.sub(r"^(?:the|a|an)\s+", "", p.strip()) for p in parts if 1 < len(p.strip()) <= 80]


def extract_agreements_en(doc: _Doc, main_pair: tuple[str, str] | None,
                          officials: list[Official]) -> list[Agreement]:
    found: list[dict] = []
    for idx, sent in enumerate(doc.sentences):
        text = sent.text
        if names_foreign(text):
            continue  # a document with a foreign partner: the provinces are not each other's party
        kind = _DOC_KIND.search(text)
        sign = _SIGN.search(text)
        count = _COUNT_EN.search(text)
        if count and count["what"].lower() in ("projects", "programmes", "programs") and not \
                re.match(r"\s*(?:,\s*)?(?:including|:|namely)", text[count.end():]):
            count = None
        period_m = _PERIOD_EN.search(text)
        period = f"{period_m['a']}-{period_m['b']}" if period_m else None
        fields = _fields_en(text, count)
        if kind and sign:
            planned = _PLANNED_AGREE.search(text[:sign.end() + 3]) is not None
            parties = _agreement_parties(doc, sent, main_pair)
            signers = tuple(o.name for o in officials if o.name in text and re.search(
                r"\bsigned by\b|\bsignator", text))
            found.append({"parties": parties, "kind": _kind_name(kind["k"]),
                          "n": _count(count["n"]) if count else None, "fields": fields,
                          "period": period, "status": "planned" if planned else "signed",
                          "signers": signers, "sent": sent, "first": idx == 0})
        elif not found and sign and re.search(r"\bsign(?:ing|ed)\b", text) and re.search(
                r"\bcooperation\b", text) and len(_agreement_parties(doc, sent, main_pair)) >= 2:
            # "a signing ceremony on comprehensive cooperation between X and Y"
            found.append({"parties": _agreement_parties(doc, sent, main_pair),
                          "kind": "cooperation agreement",
                          "n": _count(count["n"]) if count else None, "fields": fields,
                          "period": period, "status": "planned" if _PLANNED_AGREE.search(
                              text[:sign.end() + 3]) else "signed",
                          "signers": (), "sent": sent, "first": idx == 0})
        elif kind and _IN_FORCE_EN.search(text) and re.search(r"cooperat|co-operat|partnership|twinning|linkage",
                                                             kind["k"], re.IGNORECASE) \
                and len(_agreement_parties(doc, sent, main_pair)) >= 2:
            found.append({"parties": _agreement_parties(doc, sent, main_pair), "kind": _kind_name(kind["k"]),
                          "n": _count(count["n"]) if count else None, "fields": fields,
                          "period": period, "status": "signed", "signers": (), "sent": sent,
                          "first": idx == 0})
        elif found and (_REFER.search(text) or re.search(r"\bsigned by\b|\bsigning\b", text)) and (
                count or fields or period or re.search(r"\bsigned by\b", text)):
            last = found[-1]
            last["n"] = last["n"] or (_count(count["n"]) if count else None)
            last["fields"] = last["fields"] or fields
            last["period"] = last["period"] or period
            if re.search(r"\bsigned by\b", text):
                names = tuple(o.name for o in officials if o.name in text)
                last["signers"] = last["signers"] + tuple(n for n in names if n not in last["signers"])
    # One agreement per set of parties (as the Vietnamese extractor): the headline, the lead and
    # "Under the agreement, ..." speak of one document; the most detailed mention leads.
    groups: list[list[dict]] = []
    for a in found:
        group = next((g for g in groups if any(_same_parties(a, b) for b in g)), None)
        if group is None:
            groups.append([a])
        else:
            group.append(a)
    out = []
    for group in groups:
        lead = max(group, key=lambda a: (_detail(a), not a["first"], a["status"] == "signed"))
        parties = max((a["parties"] for a in group), key=len)
        if len(parties) < 2:
            continue
        n = lead["n"] or next((a["n"] for a in group if a["n"]), None)
        period = lead["period"] or next((a["period"] for a in group if a["period"]), None)
        fields = lead["fields"] or next((a["fields"] for a in group if a["fields"]), [])
        signers = tuple(dict.fromkeys(x for a in group for x in a["signers"]))
        conf = 0.9 if n or period else 0.75
        out.append(Agreement(parties=parties, kind=lead["kind"], n_contents=n, fields=tuple(fields),
                             period=period, status=lead["status"], signatories=signers,
                             evidence=doc.evidence(lead["sent"], conf)))
    return out


def _detail(a: dict) -> int:
    return (a["n"] is not None) + (a["period"] is not None) + bool(a["fields"])


def _same_parties(a: dict, b: dict) -> bool:
    pa, pb = set(a["parties"]), set(b["parties"])
    return pa <= pb or pb <= pa


_IN_TITLE = re.compile(r"^(?:['’]s)?\s+(?:Party|People['’]s|[Pp]rovincial|[Mm]unicipal|Department|"
                       r"National Assembly|NA\b|Fatherland|[Cc]ity['’]s)")


def _agreement_parties(doc: _Doc, sent: Sentence, main_pair: tuple[str, str] | None) -> tuple[str, ...]:
    names: list[str] = []
    in_titles: list[str] = []
    with_at = re.search(r"\b(?:with|and)\b", sent.text)
    for x in doc.mentions_in(sent.start, sent.end):
        before = doc.text[max(sent.start, x.start - 25):x.start]
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$", before) and \
                not re.search(r"\bbetween\b", doc.text[max(sent.start, x.start - 60):x.start]):
            continue  # where the signing took place
        if _IN_TITLE.match(doc.text[x.end:x.end + 30]) and not (
                with_at and x.end <= sent.start + with_at.start()
                and re.search(r"\b(?:sign\w*|formali[sz]ed|inked|concluded)\b", doc.text[x.end:sent.start + with_at.start()])):
            in_titles.append(x.name)  # "Da Nang People's Committee": an official's province
            continue  # (but "the Hanoi Department of Tourism formalized a pact with ...": a party)
        names.append(x.name)
    parties = list(dict.fromkeys(names))
    if len(parties) < 2:
        parties = list(dict.fromkeys(parties + in_titles))
    if len(parties) < 2 and main_pair and (set(parties) <= set(main_pair)) and (
            parties or _BOTH_EN.search(sent.text) or sent.para == 0):
        parties = list(main_pair)
    return tuple(sorted(parties))
