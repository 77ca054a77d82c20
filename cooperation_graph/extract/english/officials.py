"""Officials in English: ``vice chairman of the Da Nang People's Committee``, ``Hanoi Party chief``."""

from __future__ import annotations

import re

from ...model import (
    Official,
)
from ...normalize import fold
from ..text import LOWER, UPPER, Sentence
from .text import _NAME_PARTS, _VN_SYLLABLE, _Doc

# --- officials --------------------------------------------------------------------------------

_WORD_EN = rf"[{UPPER}][{LOWER}]+"
# Hmong names keep a one-letter middle word: "Mùa A Vảng", "Giàng A Chu".
# A run may end in a possessive ("Thai Thanh Quy's speech", "President Hồ Chí Minh’s visit").
_CAP_RUN_EN = re.compile(rf"(?<![\w'’.-]){_WORD_EN}(?:\s(?:{_WORD_EN}|A(?=\s[{UPPER}])))*(?![\w-]|['’](?!s\b))")
_CAP_WORD_EN = re.compile(rf"{_WORD_EN}|(?<=\s)A(?=\s[{UPPER}])")
_VN_WORD = re.compile(_VN_SYLLABLE)
_NOT_NAME_START = frozenset("""the in on to by at be a an he so no go it up as that then than them can may
but ban con tan nam vice thu""".split())
_POST = (r"(?:(?:Permanent|Standing|Executive|First)\s+)?(?:(?:Vice|Deputy)[\s-]+)?"
         r"(?:General Secretary|Secretary[\s-]General|Secretary|Chairman|Chairwoman|Chairperson|Chair|"
         r"President|Prime Minister|Minister|Director(?:[\s-]General)?|Head|Chief|[Mm]ember|"
         r"Governor|Mayor|Ambassador|Leader|Standing member)")
_POST_RE = re.compile(rf"\b{_POST}\b|\bParty (?:chief|leader|Secretary)\b|\bPolitburo\b", re.IGNORECASE)
_CENTRAL = re.compile(r"Prime Minister|\bMinister\b|Ministry|Politburo|Secretariat|General Secretary|"
                      r"Secretary[\s-]General|\bState President|National Assembly (?:Chairman|Chairwoman|"
                      r"Chair|Vice Chairman|Vice Chairwoman|Standing Committee)|Central Committee|"
                      r"\bGovernment\b|\bPresident\b|Ambassador|Central Inspection|VFF Central|"
                      r"Vietnam Fatherland Front(?:\s+\(VFF\))?(?!\s+(?:Committee\s+)?(?:of|in)\b)|"
                      r"\bNational (?:Administration|Authority)\b|\bGeneral (?:Department|Statistics Office)\b|"
                      r"(?:Chairman|Chairwoman|Chair|Secretary General)\s+of\s+the\s+National Assembly\b"
                      r"(?!['’]?s?\s*(?:deputies|[Dd]elegation))",
                      re.IGNORECASE)
_LOCAL_ORGAN = re.compile(r"People['’]s Committee|Party Committee|People['’]s Council|"
                          r"(?:National Assembly|NA)(?: deputies['’]?| Deputies['’]?)? [Dd]elegation|"
                          r"Fatherland Front|Department|municipal|provincial|Party (?:chief|leader|"
                          r"[Ss]ecretary)|\bcity['’]s\b|\bprovince['’]s\b|Mayor|Governor|"
                          r"Standing Board|Standing Committee", re.IGNORECASE)
_BOUNDARY = re.compile(r"[,;:()“”\"]|\s[-–—]\s|\b(?:by|with|said|says|told|that|from|between|met|"
                       r"welcomed|received|hosted|and|while|when|as|including|among|where|whom|who)\b")
_TITLE_AFTER = re.compile(r"^\s*(?:,|\s[-–—])\s*(?P<t>[^,;()]{3,160}?)(?=\s*(?:[,;()]|\.(?:\s|$)|$|"
                          r"\s+(?:said|says|told|signed|attended|chaired|co-chaired|presented|"
                          r"handed|affirmed|stressed|noted|stated|added|emphasised|emphasized|"
                          r"highlighted|asked|proposed|suggested|expressed|thanked|urged|witnessed|"
                          r"received|welcomed|hosted|visited|met|led|gave|pledged)\b))")
_TITLE_START = re.compile(rf"^(?:the\s+|a\s+|[A-Z][\w' -]{{0,30}}?['’]s\s+)?(?:[\w'-]+\s+){{0,4}}?"
                          rf"(?:{_POST}|Party (?:chief|leader|[Ss]ecretary)|Politburo member)\b",
                          re.IGNORECASE)
_TITLE_END = re.compile(rf"(?:{_POST}|Committee|Council|[Dd]elegation|Front|Department|Province|"
                        rf"City|chief|Secretary|Minister|Ministry|member|Politburo|Secretariat|"
                        rf"Assembly|Government|Union|Board|PC|Commission|"
                        # "Deputy Prime Minister and Minister of Finance <Name>"
                        rf"Minist(?:er|ry) of (?:[A-Z][\w-]*\s+(?:and\s+)?){{0,3}}[A-Z][\w-]*)$", re.IGNORECASE)
_HISTORICAL_EN = frozenset({"ho chi minh", "vo nguyen giap", "ton duc thang", "le duan",
                            "truong chinh", "pham van dong", "vo van kiet", "nguyen van linh",
                            "do muoi", "le kha phieu", "phan van khai", "nguyen ai quoc"})


class _Span:
    """A name found at text[start:end] (the slice of a sentence)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text[self._start:self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _name_spans(doc: _Doc, sent: Sentence) -> list[_Span]:
    """Vietnamese personal names: the runs of 2-4 capitalised words that are Vietnamese syllables
    inside a run of capitalised words (``Committee Vuong Dinh Hue`` -> ``Vuong Dinh Hue``)."""
    text = sent.text
    out: list[_Span] = []
    for run in _CAP_RUN_EN.finditer(text):
        words = [(w.start(), w.end()) for w in _CAP_WORD_EN.finditer(text, run.start(), run.end())]
        group: list[tuple[int, int]] = []
        for w in words + [(-1, -1)]:
            ok = w[0] >= 0 and _VN_WORD.fullmatch(fold(text[w[0]:w[1]])) is not None and not any(
                x.start < sent.start + w[1] and sent.start + w[0] < x.end for x in doc.mentions)
            if ok:
                group.append(w)
                continue
            while len(group) > 4:  # a longer run: the name is its end ("Dinh Vuong Dinh Hue")
                group.pop(0)
            if len(group) >= 2:
                name = text[group[0][0]:group[-1][1]]
                while len(name.split()) > 2 and not _is_vn_name(name):
                    group.pop(0)
                    name = text[group[0][0]:group[-1][1]]
                if _is_vn_name(name):
                    out.append(_Span(text, group[0][0], group[-1][1]))
            group = []
    return out


def _is_vn_name(name: str) -> bool:
    words = name.split()
    if fold(words[0]) in _NOT_NAME_START and fold(words[0]) not in _NAME_PARTS:
        return False
    if not all(_VN_WORD.fullmatch(fold(w)) for w in words):
        return False
    return fold(words[0]) in _NAME_PARTS or len(words) >= 3


def _clean_title(title: str, doc: _Doc, offset: int) -> str:
    """The title as written, without its province: ``vice chairman of the People's Committee``."""
    for m in sorted(doc.mentions_in(offset, offset + len(title)), key=lambda x: -x.start):
        a, b = m.start - offset, m.end - offset
        if title[b:b + 2] in ("'s", "’s"):
            b += 2
        title = title[:a] + title[b:]
    title = re.sub(r"\s+", " ", title).strip(" ,-–")
    title = re.sub(r"\b(?:of|in)\s+the\s+(?=People|Party|National|Fatherland|Department)", "of the ", title)
    title = re.sub(r"\s+(?:of|in|for)$", "", title)
    return re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.IGNORECASE)


def _split_titles(title: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\s+and\s+|,\s*", title) if p.strip()]
    if len(parts) > 1 and all(_POST_RE.search(p) for p in parts):
        return parts
    return [title]


def _official_province(doc: _Doc, title: str, start: int, end: int, sent: Sentence) -> tuple[bool, str | None]:
    """(is an official, province): a local post needs a province; a central one has None."""
    ms = doc.mentions_in(start, end)
    if ms and (_LOCAL_ORGAN.search(title) or not _CENTRAL.search(title) or
               re.search(r"Party Committee|People['’]s (?:Committee|Council)", title)):
        return True, ms[0].name
    local = _LOCAL_ORGAN.search(title) and re.search(
        r"\b(?:city|province)['’]s\b|\bmunicipal\b|\bprovincial\b|\bcity\b|\bprovince\b", title, re.IGNORECASE)
    if _CENTRAL.search(title) and not local:
        return True, None  # ("Member of the Party Central Committee, Secretary of the Provincial
    if local:              # Party Committee": the provincial post says where)
        # "chairman of the provincial People's Committee": the province last named before
        kind = "tỉnh" if local.group().lower().startswith("provinc") else "thành phố"
        earlier = [x for x in doc.mentions if x.end <= start]
        for x in reversed(earlier):
            unit = doc.gazetteer.get(x.name, doc.era)
            if unit is not None and (unit.kind == kind or unit.name == "Huế"):  # a province until 2025
                return True, x.name
        if earlier:  # the unit's kind changed over time (Huế); the last one named
            return True, earlier[-1].name
        if _CENTRAL.search(title):
            return True, None
    return False, None


def extract_officials_en(doc: _Doc) -> list[Official]:
    found: dict[str, tuple[str, list[str], str | None, Sentence, float]] = {}
    for sent in doc.sentences:
        if not _POST_RE.search(sent.text) and not _PLURAL_HEAD.search(sent.text):
            continue
        text = sent.text
        last_titles: list[str] = []
        spans = _name_spans(doc, sent)
        listed = _plural_posts(doc, sent, spans)
        for m in spans:
            name = m.group()
            key = fold(name)
            if key in _HISTORICAL_EN or re.search(r"\b(?:late|[Ff]ormer|ex-)\s*(?:[\w'-]+\s+){0,4}$",
                                                  text[max(0, m.start() - 60):m.start()]):
                continue  # commemorated or retired: not acting in this story
            titles: list[str] = []
            province: str | None = None
            ok = False
            after = _title_after(text, m.end())
            if after:
                t0, t = after
                is_off, prov = _official_province(doc, t, sent.start + t0,
                                                  sent.start + t0 + len(t), sent)
                if is_off:
                    ok, province = True, prov
                    titles += _split_titles(_clean_title(t, doc, sent.start + t0))
            seg_start = _segment_start(text, m.start())
            if re.fullmatch(r"\s*(?:(?:Mr|Mrs|Ms|Madam)\.?\s*)?", text[seg_start:m.start()]) and \
                    text[:seg_start].rstrip().endswith(","):
                # "The Chairman of the Phu Yen Provincial PC, Mr Hoang Van Tra, ...", "Chairman of the
                # HCMC People's Committee, Nguyen Thanh Phong handed over ...": the title before
                head = text[:seg_start].rstrip()[:-1]
                seg_start = _segment_start(text, len(head))
                before = head[seg_start:].rstrip()
            else:
                before = text[seg_start:m.start()].rstrip()
            if before and len(before) <= 140 and _POST_RE.search(before) and (
                    _TITLE_END.search(re.sub(r"['’]s$", "", before))
                    or any(x.end == sent.start + seg_start + len(before)
                           for x in doc.mentions_in(sent.start + seg_start, sent.start + m.start()))):
                is_off, prov = _official_province(doc, before, sent.start + seg_start,
                                                  sent.start + seg_start + len(before), sent)
                if is_off:
                    ok = True
                    province = province or prov
                    titles = _split_titles(_clean_title(before, doc, sent.start + seg_start)) + titles
            counterpart = _COUNTERPART.search(text[:m.start()])
            if not ok and counterpart and last_titles:
                # "<title of X> X and his Da Nang counterpart Y": Y holds the same post there
                ms = doc.mentions_in(sent.start + counterpart.start(), sent.start + m.start())
                if ms:
                    ok, province, titles = True, ms[0].name, list(last_titles)
            if m.start() in listed:  # a plural post before a list says which post is whose
                ok, (titles, province) = True, listed[m.start()]
            if not ok:
                continue
            last_titles = titles
            conf = 0.9 if fold(name.split()[0]) in _NAME_PARTS else 0.7
            if key in found:
                old = found[key]
                merged = old[1] + [t for t in titles if t not in old[1]]
                found[key] = (old[0], merged, old[2] or province, old[3], old[4])
            else:
                found[key] = (name, titles, province, sent, conf)
    return [Official(n, tuple(dict.fromkeys(t)), p, doc.evidence(s, c))
            for n, t, p, s, c in found.values()]


# A plural post before a list of names: "Deputy PMs A, B and C", "Secretaries of Party Committees of
# P, Q, R provinces, A, B and C" (respectively), "Deputy Directors of the Departments of ... of P and Q
# provinces A and B", "Chairman and Vice Chairman of the municipal People's Committee A and B".
_PLURAL_HEAD = re.compile(r"\b(?:(?:Permanent|Standing|Executive)\s+)?(?:(?:Vice|Deputy)[\s-]+)?"
                          r"(?:Chairmen|Chairwomen|Chairpersons|Secretaries|Directors|Heads|Ministers|"
                          r"Prime Ministers|PMs|Governors|Mayors|Presidents)\b"
                          r"|\b(?:(?:Vice|Deputy)\s+)?(?:Chairman|Chairwoman|Chairperson|Secretary|Director)"
                          r"\s+and\s+(?:Vice|Deputy)\s+(?:Chairman|Chairwoman|Chairperson|Secretary|Director)\b")
_SINGULAR = (("Prime Ministers", "Prime Minister"), ("PMs", "Prime Minister"), ("Chairmen", "Chairman"),
             ("Chairwomen", "Chairwoman"), ("Chairpersons", "Chairperson"), ("Secretaries", "Secretary"),
             ("Directors", "Director"), ("Heads", "Head"), ("Ministers", "Minister"), ("Governors", "Governor"),
             ("Mayors", "Mayor"), ("Presidents", "President"), ("Committees", "Committee"),
             ("Departments", "Department"), ("provinces", "province"), ("cities", "city"))


def _plural_posts(doc: _Doc, sent: Sentence, spans: list[_Span]) -> dict[int, tuple[list[str], str | None]]:
    """The post and province of each name listed after a plural post, by the name's start."""
    text = sent.text
    out: dict[int, tuple[list[str], str | None]] = {}
    i = 0
    while i < len(spans):
        group = [spans[i]]
        while i + len(group) < len(spans) and re.fullmatch(r"\s*(?:,|,?\s+and)\s+",
                                                           text[group[-1].end():spans[i + len(group)].start()]):
            group.append(spans[i + len(group)])
        i += len(group)
        if len(group) < 2:
            continue
        first = group[0].start()
        window = text[max(0, first - 170):first]
        heads = list(_PLURAL_HEAD.finditer(window))
        if not heads:
            continue
        head = heads[-1]
        title = window[head.start():].rstrip(" ,")
        if re.search(r"[;.]\s", title) or any(x.end() <= first and x.start() >= first - len(window) + head.start()
                                               for x in spans if x not in group):
            continue  # another name or sentence between the post and the list
        t_start = sent.start + first - len(window) + head.start()
        ms = doc.mentions_in(t_start, t_start + len(title))
        provinces = list(dict.fromkeys(x.name for x in ms))
        if len(provinces) > 1:  # "... of Ben Tre and Tra Vinh provinces": the post is what comes before them
            plain = re.sub(r"\s+(?:of|in|for)(?:\s+the)?$", "", title[:ms[0].start - t_start].rstrip(" ,"))
        else:
            plain = _clean_title(title, doc, t_start)
        pair = re.match(r"(?P<a>.+?)\s+and\s+(?P<b>(?:Vice|Deputy)\s+\w+)(?P<rest>.*)$", plain)
        if pair and len(group) == 2 and not head.group().endswith("s"):
            titles = [pair["a"] + pair["rest"], pair["b"] + pair["rest"]]  # "Chairman and Vice Chairman of X A and B"
        else:
            for plural, singular in _SINGULAR:
                plain = re.sub(rf"\b{plural}\b", singular, plain)
            titles = [plain] * len(group)
        if len(provinces) == len(group):
            places: list[str | None] = list(provinces)
        elif len(provinces) == 1:
            places = provinces * len(group)
        elif not provinces:  # "Deputy PMs": central; "... of the municipal People's Committee": the city named before
            is_official, place = _official_province(doc, titles[0], t_start, t_start + len(title), sent)
            if not is_official:
                continue
            places = [place] * len(group)
        else:
            continue
        for span, t, place in zip(group, titles, places):
            out[span.start()] = ([t], place)
    return out


_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?:[\w'’-]+\s+){1,5}?counterparts?\s*$")


def _title_after(text: str, pos: int) -> tuple[int, str] | None:
    """``<Name>, vice chairman of the X People's Committee``: (offset, title) after a name.

    ``and`` ends the title unless a further post follows (``Politburo member and Secretary``).
    """
    m = _TITLE_AFTER.match(text[pos:])
    if not m or not _TITLE_START.match(m["t"]):
        return None
    start = pos + m.start("t")
    title = _join_titles(m["t"])
    # "<Name>, Politburo member, Secretary of the HCM City Party Committee": chained posts
    while True:
        more = _TITLE_AFTER.match(text[start + len(title):])
        if not more or not _TITLE_START.match(more["t"]) or more["t"].startswith("and ") or \
                _CAP_NAME_HINT.search(more["t"]):
            break
        title = text[start:start + len(title) + more.start("t")] + _join_titles(more["t"])
    return start, title.rstrip()


def _join_titles(text: str) -> str:
    """Keep ``and`` inside a title only when another post follows it."""
    pieces = re.split(r"(\s+and\s+)", text)
    title = pieces[0]
    for glue, piece in zip(pieces[1::2], pieces[2::2]):
        # "Department of Planning and Investment of HCM City": "and" inside a body's name
        inside_name = re.search(r"\b(?:of|for)\s+(?:[A-Z][\w-]*\s*)+$", title) and re.match(r"[A-Z]", piece)
        if not _TITLE_START.match(piece) and not inside_name:
            break
        title += glue + piece
    return title


# A Vietnamese name inside a piece means it is "<Name>, <title>", not a title before a name.
_CAP_NAME_HINT = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in sorted(_NAME_PARTS)) + r")\s+[A-Z]")


def _segment_start(text: str, end: int) -> int:
    """Start of the clause that ends right before a name (after a comma, 'by', 'and', ...)."""
    start = 0
    for b in _BOUNDARY.finditer(text, 0, end):
        if b.group() in "()" and re.match(r"\(?[A-Z]{2,5}\)", text[b.start():b.start() + 7]) or \
                b.group() == ")" and re.search(r"\([A-Z]{2,5}$", text[max(0, b.start() - 6):b.start()]):
            continue  # "People's Committee (PC) Vice Chairman <Name>": an abbreviation, not a boundary
        start = b.end()
    # "Politburo member and Secretary of the Hanoi Party Committee <Name>": keep both titles.
    # "Politburo member, Secretary of the Hanoi Party Committee <Name>" too.
    while True:
        head = text[:start].rstrip()
        glue = 3 if head.endswith(" and") else 1 if head.endswith(",") else 0
        if not glue:
            break
        prev = 0
        for b in _BOUNDARY.finditer(text, 0, len(head) - glue):
            prev = b.end()
        piece = text[prev:len(head) - glue].strip()
        if not piece or not _TITLE_END.search(piece) or not _TITLE_START.match(piece) or \
                _CAP_NAME_HINT.search(piece):
            break
        start = prev
    while start < end and text[start] == " ":
        start += 1
    return start
