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
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from ..gazetteer import Gazetteer, era_of
from ..model import (
    Agreement,
    Article,
    Era,
    Event,
    Evidence,
    Extraction,
    Funding,
    Investment,
    Official,
    Participant,
    ProvinceMention,
)
from ..normalize import fold
from .text import LOWER, UPPER, Sentence, split_sentences
from .text import main_pair as find_main_pair
from .text import pairs_from_facts

__all__ = ["extract_english", "is_english"]

# --- language detection ----------------------------------------------------------------------

# A Vietnamese syllable written without diacritics: initial, 1-3 vowels, final. English words
# such as "and", "of", "signed", "cooperation" cannot be one; "the", "on", "in" can.
_VN_SYLLABLE = (r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}"
                r"(?:ch|ng|nh|[cmnpt])?")
# Lower-case words only: capitalised ones are names ("Festival Expo" in a Vietnamese title).
_NOT_VN_WORD = re.compile(rf"(?<![\w'’])(?!{_VN_SYLLABLE}(?![\w]))[a-z]+(?![\w])")
# A lower-case word with a Vietnamese letter ("và", "hỗ trợ"): English texts from Vietnamese
# outlets keep diacritics only in names (capitalised) and all-caps datelines ("HÀ NỘI —").
_VN_LOWER_WORD = re.compile(rf"\s[a-z]*[{LOWER[3:]}]")
_SAMPLE = 700
_FALLBACK = 300
# English function words that are not Vietnamese syllables written without diacritics
# ("the", "to", "in", "on", "a" are: thế, tổ, in, ôn, à).
_FUNCTION_WORDS = frozenset("""and of with for from was were has have had will would that this
its their which been are is said says also after about than into over between under""".split())


def is_english(text: str) -> bool:
    """Whether ``text`` is English rather than Vietnamese (a cheap test on its first 700 chars).

    Vietnamese text carries diacritics on most words (one C-level count rejects it); English
    prose is recognised by function words that no Vietnamese syllable spells (``and``, ``of``,
    ``with``). Short or unusual text falls back to counting lower-case words that cannot be a
    Vietnamese syllable (``signed``, ``cooperation``): a fifth of the words and at least three
    (0-8 % in Vietnamese lines, 25-75 % in English ones), so a short title needs three.
    """
    sample = text[:_SAMPLE]
    n = len(sample)
    if n == 0:
        return False
    non_ascii = n - len(sample.encode("ascii", "ignore"))
    if non_ascii * 6 > n:  # Vietnamese prose: 15-25 % non-ASCII; English with names: < 10 %
        return False
    words = sample.split()
    if non_ascii and len(_VN_LOWER_WORD.findall(sample)) * 10 > len(words):
        return False
    hits = sum(map(_FUNCTION_WORDS.__contains__, sample.lower().split()))
    if hits >= 4 and hits * 16 >= len(words):
        return True
    head = sample[:_FALLBACK]
    english = len(_NOT_VN_WORD.findall(head))
    return english >= 3 and english * 5 >= len(head.split())


# --- folding and provinces --------------------------------------------------------------------

def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1EFA):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[code] = base.lower()
    table[ord("Đ")] = "d"
    table[ord("đ")] = "d"
    return table


_FOLD = _fold_table()


def fold_same_length(text: str) -> str:
    """Lower case without diacritics, one character for one, so offsets stay valid."""
    out = text.translate(_FOLD).lower()
    if len(out) != len(text):  # a rare character whose lower case is longer
        out = "".join(c.translate(_FOLD).lower()[:1] or c for c in text)
    return out


# How English texts name provinces besides the folded Vietnamese names.
ENGLISH_ALIASES: dict[str, tuple[str, ...]] = {
    "Hà Nội": ("hanoi", "ha noi"),
    "Hồ Chí Minh": ("ho chi minh city", "hcm city", "hcmc", "saigon", "sai gon", "hcm"),
    "Huế": ("hue", "thua thien hue", "thua thien-hue", "thua thien - hue"),
    "Đà Nẵng": ("danang",),
    "Hải Phòng": ("haiphong",),
    "Bà Rịa - Vũng Tàu": ("ba ria-vung tau", "ba ria - vung tau", "ba ria vung tau"),
    "Đắk Lắk": ("dak lak", "daklak", "dac lac"),
    "Đắk Nông": ("dak nong", "daknong"),
}
_SUFFIX = r"(?:\s+(?:city|province))?"
# Province names inside other names: a person, a road, a newspaper, a company.
_ORG_AFTER = re.compile(
    r"^(?:\s*[-–]\s*[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3})?\s+(?:University|Times|Port|"
    r"(?:International\s+)?Airport|Bridge|River|[Ee]xpressway|[Hh]ighway|[Rr]oad|Street|[Rr]ailway|"
    r"Mausoleum|Museum|Hospital|Bank|Company|Corporation|Corp|Group|JSC|Co\b|FC|Club|Television|"
    r"Radio|TV|Newspaper|Online|Giai Phong|Moi\b|Securities|Stock|Trail|Pagoda|Temple|Market|"
    r"Stadium|Industrial|High-Tech|Hi-Tech|Export|Plus|Thought|Ideology|Communist|Youth|Square|"
    r"Campaign|Open|Marathon|Opera|Metro|[Tt]rade [Cc]enter|Department [Ss]tore|Zoo)\b"
)
_DATELINE = re.compile(r"\s*(?:\([A-Za-z ]{2,30}\)\s*)?(?:[-–—]|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
                       r"Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")
_PERSON_BEFORE = re.compile(r"(?:President|Uncle|Chairman|late|leader)\s+$")
_NAME_PARTS = frozenset("""
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dao doan vuong trinh
truong lam mai luong ha to ta dinh cao chu chau thai luu kieu quach trieu nghiem hua giang
khuc tu mac lai nong lo luc than quan tang tong vi au bach be cam dam hau khong lu ma phung
thach tieu danh van thi duc huu xuan ngoc thanh minh quoc cong trong khac ba kim thu hong tien
viet
""".split())


@dataclass(frozen=True)
class _Mention:
    name: str
    start: int
    end: int


@lru_cache(maxsize=8)
def _province_regex(aliases: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    by_key: dict[str, str] = {}
    for alias, short in aliases:
        key = re.sub(r"\s*[-–]\s*|\s+", " ", fold(alias)).strip()
        if len(key) >= 2:
            by_key.setdefault(key, short)
    alternatives = sorted(by_key, key=len, reverse=True)
    body = "|".join(r"(?:\s*[-–]\s*|\s+)".join(map(re.escape, k.split(" "))) for k in alternatives)
    return re.compile(rf"(?<![a-z0-9])(?P<n>{body}){_SUFFIX}(?![a-z0-9])"), by_key


def _aliases(gazetteer: Gazetteer) -> tuple[tuple[str, str], ...]:
    pairs = list(gazetteer.aliases.items())
    for short, extras in ENGLISH_ALIASES.items():
        pairs.extend((e, short) for e in extras)
    return tuple(pairs)


def find_english_provinces(text: str, folded: str, gazetteer: Gazetteer, end: int) -> list[_Mention]:
    """Province mentions in English text (capitalised, not inside a person's or a road's name)."""
    pattern, by_key = _province_regex(_aliases(gazetteer))
    out: list[_Mention] = []
    for m in pattern.finditer(folded, 0, end):
        start, stop = m.start(), m.end()
        if not text[start].isupper():
            continue
        before = text[max(0, start - 30):start]
        prev = re.search(r"(?<![\w'’])([A-Z][\w]*) $", before)
        if prev and fold(prev.group(1)) in _NAME_PARTS:
            continue  # "Le Quang Nam", "Nguyen Hoa Binh": a person
        if _PERSON_BEFORE.search(before):
            continue
        if (start == 0 or text[start - 1] == "\n") and _DATELINE.match(text, stop):
            continue  # "Hanoi (VNA) –", "HÀ NỘI —": where the story was filed
        if _ORG_AFTER.match(text[m.end("n"):m.end("n") + 60]):
            continue
        key = re.sub(r"\s*[-–]\s*|\s+", " ", m.group("n")).strip()
        short = by_key.get(key)
        if short is not None:
            out.append(_Mention(short, start, stop))
    return out


# --- local units: "in Hoi An" was held in Quảng Nam --------------------------------------------

@lru_cache(maxsize=1)
def _local_folded() -> dict[str, dict[str, str]]:
    """Folded district (legacy) and ward (current) names -> province short name, unique ones only."""
    data = resources.files("vietnamadminunits") / "data"
    queries = {"legacy": "SELECT DISTINCT districtShort, provinceShort FROM admin_units_legacy",
               "current": "SELECT DISTINCT wardShort, provinceShort FROM admin_units"}
    out: dict[str, dict[str, str]] = {}
    with resources.as_file(data / "dataset.db") as db_path:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            for era, sql in queries.items():
                seen: dict[str, set[str]] = {}
                for name, province in con.execute(sql):
                    if name and province:
                        seen.setdefault(fold(name), set()).add(unicodedata.normalize("NFC", province))
                out[era] = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        finally:
            con.close()
    return out


def _local_province(name: str, era: Era, gazetteer: Gazetteer) -> str | None:
    units = _local_folded()
    key = fold(name)
    found = units["legacy"].get(key)
    if found:
        unit = gazetteer.get(found, "legacy")
        if unit is None:
            return None
        if era == "current" and unit.successor:
            return unit.successor
        return unit.name
    found = units["current"].get(key)
    if found and era == "current":
        unit = gazetteer.get(found, "current")
        return unit.name if unit else None
    return None


# --- the document -----------------------------------------------------------------------------

_ABBREV_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|No|Co|Ltd|Jr|St|Gen|Lt|Col|Maj|Sen|Rep|"
                         r"Assoc|Inc|Corp|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|\b[A-Z])\.$")
_END_MARKERS = re.compile(r"^(?:related(?: news| articles| stories| posts)?|read more|see also|"
                          r"also read|more news|you may (?:also )?like|tags?|keywords?|"
                          r"most read|latest news|other news)\s*:?\s*$|^tags?\s*:", re.IGNORECASE)


@dataclass
class _Doc:
    article: Article
    gazetteer: Gazetteer
    era: Era
    text: str
    folded: str
    end: int
    sentences: list[Sentence]
    mentions: list[_Mention]
    published: date | None

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def evidence(self, sent: Sentence, confidence: float) -> Evidence:
        return Evidence(sent.text, sent.start, sent.end, round(min(max(confidence, 0.0), 1.0), 2))


def _body_end(text: str) -> int:
    """Where related-article and tag blocks or the byline start: their facts are not ours."""
    pos = 0
    for i, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if i > 0 and (_END_MARKERS.match(stripped)
                      or re.fullmatch(r"(?:By|BY|Reported by|Story:)\s+[A-Z][\w .,&-]{1,60}", stripped)):
            return pos
        pos += len(line) + 1
    return len(text)


def _sentences(text: str, end: int) -> list[Sentence]:
    merged: list[Sentence] = []
    for s in split_sentences(text[:end]):
        if merged and merged[-1].para == s.para and _ABBREV_END.search(merged[-1].text):
            prev = merged[-1]
            merged[-1] = Sentence(text[prev.start:s.end], prev.start, s.end, prev.para)
        else:
            merged.append(s)
    return merged


def analyse_english(article: Article, gazetteer: Gazetteer) -> _Doc:
    text = article.text
    folded = fold_same_length(text)
    end = _body_end(text)
    return _Doc(article, gazetteer, era_of(article.date), text, folded, end, _sentences(text, end),
                find_english_provinces(text, folded, gazetteer, end),
                article.date.date() if article.date else None)


# --- money ------------------------------------------------------------------------------------

_QUALIFIERS = {"over": "trên", "more than": "hơn", "nearly": "gần", "almost": "gần",
               "close to": "gần", "about": "khoảng", "around": "khoảng", "approximately": "khoảng",
               "roughly": "khoảng", "some": "khoảng", "up to": "lên tới", "at least": "ít nhất",
               "at about": "khoảng", "an estimated": "khoảng", "nearly a total of": "gần"}
_Q = "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True))
_NUM_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\d+,\d{1,2}(?!\d)"
_UNIT_EN = r"trillion|billion|million|thousand|tn|bn|mn"
_UNIT_VALUE = {"trillion": 10**12, "tn": 10**12, "billion": 10**9, "bn": 10**9,
               "million": 10**6, "mn": 10**6, "thousand": 10**3}
MONEY_EN = re.compile(
    rf"(?:(?P<q>{_Q})\s+)?(?:(?:a total of|another|an additional|a further|a)\s+)?"
    rf"(?:(?:VND|VNĐ|VNDong|đ)\s?(?P<n1>{_NUM_EN})(?:\s*(?P<u1>{_UNIT_EN}))?"
    rf"|(?P<n2>{_NUM_EN})\s*(?P<u2>{_UNIT_EN})?\s*(?:VND|VNĐ|Vietnamese dong|dong|đồng)(?![A-Za-z]))"
    rf"(?![A-Za-z])", re.IGNORECASE)


@dataclass(frozen=True)
class MoneyEn:
    amount_vnd: int
    qualifier: str | None
    start: int
    end: int


def _number(text: str) -> Decimal | None:
    if re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def find_money_en(text: str) -> list[MoneyEn]:
    """Amounts in đồng: ``VND20 billion``, ``VND 1.2 trillion``, ``20 billion dong``."""
    out = []
    for m in MONEY_EN.finditer(text):
        raw, unit = (m["n1"], m["u1"]) if m["n1"] else (m["n2"], m["u2"])
        value = _number(raw)
        if value is None:
            continue
        amount = int(value * _UNIT_VALUE.get((unit or "").lower(), 1))
        if amount < 1000:
            continue  # "VND 1" is a typo or a count, not money
        q = _QUALIFIERS.get(m["q"].lower()) if m["q"] else None
        if q and re.search(r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|took|taken|passed)\s*$",
                           text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
            q = None  # "handed over VND..." is not "over VND..."
        out.append(MoneyEn(amount, q, m.start("n1") if m["n1"] else m.start("n2"), m.end()))
    # "VND" right before the number: start at the currency so evidence shows it
    return [MoneyEn(x.amount_vnd, x.qualifier, _currency_start(text, x.start), x.end) for x in out]


def _currency_start(text: str, start: int) -> int:
    m = re.search(r"(?:VND|VNĐ|đ)\s?$", text[max(0, start - 4):start], re.IGNORECASE)
    return start - len(m.group()) if m else start


# --- dates ------------------------------------------------------------------------------------

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MON = (r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
        r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DATE_EN = re.compile(
    rf"(?<![\w]){_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?:\s*[-–]\s*\d{{1,2}})?"
    rf"(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?"
    rf"|(?<![\w])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|"
    rf"Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|"
    rf"Dec(?:ember)?)(?![a-z])(?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?P<rel>on|last)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                      r"(?!\s*\(?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
_RELATIVE_DAY = re.compile(r"\b(?:yesterday|today|this (?:morning|afternoon|evening))\b", re.IGNORECASE)
_ANNIV_EN = re.compile(r"\([^()]*\b(?:19|20)\d{2}\s*[-–]\s*[^()]*\b(?:19|20)\d{2}\s*\)")


_FUTURE = re.compile(r"\b(?:will|shall|scheduled|to be held|is set to|are set to|plans? to|next)\b",
                     re.IGNORECASE)


def _resolve(day: int, month: int, year: str | None, published: date | None) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        if published is None:
            return None
        when = date(published.year, month, day)
    except ValueError:
        return None
    if when > published + timedelta(days=31):
        when = when.replace(year=published.year - 1)
    return when


def find_date_en(text: str, published: date | None) -> tuple[date | None, float]:
    """The first event date in a sentence, and how sure we are of it."""
    text = _ANNIV_EN.sub(lambda m: " " * len(m.group()), text)
    for m in _DATE_EN.finditer(text):
        if m["mon"]:
            mon, d, y = m["mon"], m["d"], m["y"]
        else:
            mon, d, y = m["mon2"], m["d2"], m["y2"]
        if mon == "May" and not y and not re.search(r"\bon\s+(?:\w+\s+\(?\s*)?$", text[:m.start()]):
            continue  # "May 5" is a date only after "on": "may" is also a verb
        when = _resolve(int(d), _MONTHS[mon[:3].lower()], y, published)
        if when:
            return when, 0.85
    if published is not None:
        wd = _WEEKDAY.search(text)
        if wd:
            day = _WEEKDAYS.index(wd["wd"].lower())
            if wd["rel"] == "on" and _FUTURE.search(text):
                ahead = (day - published.weekday()) % 7  # "will sign on Monday": the coming one
                return published + timedelta(days=ahead), 0.5
            back = (published.weekday() - day) % 7
            if wd["rel"] == "last" and back == 0:
                back = 7
            return published - timedelta(days=back), 0.6
        rel = _RELATIVE_DAY.search(text)
        if rel:
            return published - timedelta(days=1 if rel.group().lower() == "yesterday" else 0), 0.6
    return None, 0.0


# --- officials --------------------------------------------------------------------------------

_WORD_EN = rf"[{UPPER}][{LOWER}]+"
_CAP_RUN_EN = re.compile(rf"(?<![\w'’.-]){_WORD_EN}(?:\s{_WORD_EN})*(?![\w'’-])")
_CAP_WORD_EN = re.compile(_WORD_EN)
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
                      r"\bGovernment\b|\bPresident\b|Ambassador|Central Inspection|VFF Central",
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
                        rf"Assembly|Government|Union|Board)$", re.IGNORECASE)
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
    if _CENTRAL.search(title):
        return True, None
    if _LOCAL_ORGAN.search(title):
        local = re.search(r"\b(?:city|province)['’]s\b|\bmunicipal\b|\bprovincial\b|\bcity\b|"
                          r"\bprovince\b", title, re.IGNORECASE)
        if local:
            # "chairman of the provincial People's Committee": the province last named before
            kind = "tỉnh" if local.group().lower().startswith("provinc") else "thành phố"
            earlier = [x for x in doc.mentions if x.end <= start]
            for x in reversed(earlier):
                unit = doc.gazetteer.get(x.name, doc.era)
                if unit is not None and unit.kind == kind:
                    return True, x.name
            if earlier:  # the unit's kind changed over time (Huế); the last one named
                return True, earlier[-1].name
    return False, None


def extract_officials_en(doc: _Doc) -> list[Official]:
    found: dict[str, tuple[str, list[str], str | None, Sentence, float]] = {}
    for sent in doc.sentences:
        if not _POST_RE.search(sent.text):
            continue
        text = sent.text
        last_titles: list[str] = []
        for m in _name_spans(doc, sent):
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
        if not _TITLE_START.match(piece):
            break
        title += glue + piece
    return title


# A Vietnamese name inside a piece means it is "<Name>, <title>", not a title before a name.
_CAP_NAME_HINT = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in sorted(_NAME_PARTS)) + r")\s+[A-Z]")


def _segment_start(text: str, end: int) -> int:
    """Start of the clause that ends right before a name (after a comma, 'by', 'and', ...)."""
    start = 0
    for b in _BOUNDARY.finditer(text, 0, end):
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


# --- fundings ---------------------------------------------------------------------------------

_GIVE = re.compile(r"\b(?:gave|give|gives|giving|donated|donates?|donating|presented|presents?|"
                   r"presenting|provided|provides?|providing|handed over|hand(?:s|ing)? over|"
                   r"supported|supports?|supporting|contributed|contributes?|contributing|allocated|"
                   r"allocates?|allocating|granted|grants?|offered|offers?|sent|sends?|transferred|"
                   r"transfers?|pledged|pledges?|funded|assisted|spent|spend|earmarked|disbursed|"
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
_NEXT_YEAR = re.compile(r"\bnext year\b", re.IGNORECASE)
_YEAR_EN = re.compile(r"\b(?:in|for|by|during)\s+((?:19|20)\d{2})\b(?!\s*[-–])")


def _other(pair: tuple[str, str] | None, one: str | None) -> str | None:
    if pair and one in pair:
        return pair[1] if one == pair[0] else pair[0]
    return None


_LIST_GLUE = re.compile(r"(?:\s+(?:City|Province))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?")
_EACH = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:each|for each|per (?:province|locality|city))\b|"
                   r"^\s*(?:\([^)]*\)\s*)?to each\b")


def _chain(text: str, ms: list[_Mention], first: _Mention) -> list[_Mention]:
    """``Long An, Tien Giang and Ben Tre``: the list of provinces that starts at ``first``."""
    out = [first]
    for x in ms:
        if x.start > out[-1].end and _LIST_GLUE.fullmatch(text[out[-1].end:x.start]):
            out.append(x)
    return out


_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but|meanwhile)\s+|\s+while\s+")


def _title_donor(doc: _Doc) -> str | None:
    """``Hanoi gives central provinces VND15 billion``: the one province giving in the headline."""
    first = doc.text.split("\n", 1)[0]
    names = list(dict.fromkeys(m.name for m in doc.mentions_in(0, len(first))))
    give = _GIVE.search(first)
    if len(names) == 1 and give and doc.mentions_in(0, give.start()):
        return names[0]
    return None


def extract_fundings_en(doc: _Doc, main_pair: tuple[str, str] | None
                        ) -> tuple[list[Funding], set[tuple[str, str]]]:
    """Money given (or planned) between provinces, and donor-recipient pairs of totals shared by
    several recipients (those totals have no single recipient)."""
    out: list[Funding] = []
    shared: set[tuple[str, str]] = set()
    seen: set[tuple] = set()
    year0 = doc.published.year if doc.published else None
    title_donor = _title_donor(doc)
    for sent in doc.sentences:
        text = sent.text
        if not (_GIVE.search(text) or _RECEIVE.search(text)) or not MONEY_HINT.search(text):
            continue
        years = tuple(int(y) for y in _YEAR_EN.findall(text))
        sentence_giver: str | None = None
        cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
        for c0, c1 in pairwise(cuts):
            clause = text[c0:c1]
            ms = [_Mention(x.name, x.start - sent.start - c0, x.end - sent.start - c0)
                  for x in doc.mentions_in(sent.start + c0, sent.start + c1)]
            for f, giver in _clause_fundings(doc, sent, clause, ms, years, year0):
                sentence_giver = sentence_giver or giver
                donor = giver or sentence_giver
                recipients = f["recipients"]
                if donor is None and title_donor and title_donor not in recipients:
                    donor = title_donor
                if len(recipients) > 1 and not f["each"]:
                    # A total shared by several recipients: the parts (if given) are the fundings.
                    if donor:
                        shared.update(tuple(sorted((donor, r))) for r in recipients if r != donor)  # type: ignore[misc]
                    if f["has_each"]:
                        continue
                    recipients = [None]
                if donor is None and recipients and recipients[0] in (main_pair or ()):
                    donor = _other(main_pair, recipients[0])
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
    subject = [x for x in ms if x.end <= act.start()]
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
    usable = [m for m in money if (m.start > act.start() or receiving or passive)
              and not _NOT_FUNDING.search(text[max(0, m.start - 40):m.start])]
    has_each = any(_EACH.match(text[m.end:]) for m in usable)
    out = []
    prev_end = act.end()
    for i, mo in enumerate(usable):
        nxt = usable[i + 1].start if i + 1 < len(usable) else len(text)
        if passive:
            giver, recipients = _passive_parties(text, ms, act)
        else:
            giver, recipients = _parties_of(text, ms, subject, act, prev_end, mo, nxt, receiving)
        each = _EACH.match(text[mo.end:]) is not None or (
            receiving and re.search(r"\beach\b", text[subject[-1].end if subject else 0:mo.start]) is not None)
        prev_end = mo.end
        out.append(({"amount": mo, "recipients": recipients, "each": each, "has_each": has_each or each,
                     "status": "planned" if planned else "given", "year": year,
                     "purpose": _purpose(text, mo.end, nxt, ms)}, giver))
    return out


_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are)\s+(?:\w+ly\s+)?$")


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


def _parties_of(text: str, ms: list[_Mention], subject: list[_Mention], act: re.Match[str],
                prev_end: int, mo: MoneyEn, nxt: int, receiving: bool) -> tuple[str | None, list[str]]:
    """Donor and recipients of one amount: ``X gave Y VND..``, ``VND.. to Y``, ``Y received .. from X``."""
    if receiving:
        giver = next((x.name for x in ms if x.start > act.end() and
                      re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, x.start - 12):x.start])), None)
        if not subject:
            return giver, []
        head = subject[-1]
        for x in reversed(subject[:-1]):  # "Ben Tre, Tien Giang and Ca Mau received ..."
            if _LIST_GLUE.fullmatch(text[x.end:head.start]):
                head = x
        names = [x.name for x in _chain(text, subject, head)]
        return giver, list(dict.fromkeys(n for n in names if n != giver))
    giver = subject[-1].name if subject else None
    between = [x for x in ms if prev_end <= x.start and x.end <= mo.start and x.name != giver]
    if between:
        names = [x.name for x in _chain(text, between, between[0])]
        if names[-1] != between[-1].name:
            names = [between[-1].name]
        return giver, list(dict.fromkeys(names))
    after = [x for x in ms if mo.end <= x.start < nxt and x.name != giver and re.search(
        r"\b(?:to|for|in|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,4}$", text[max(mo.end, x.start - 45):x.start])]
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


# --- investments ------------------------------------------------------------------------------

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMWORD = r"\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_PROJECTS = re.compile(rf"\b(?P<n>{_NUMWORD})\s+(?:[\w-]+\s+){{0,2}}projects\b", re.IGNORECASE)
_INVEST = re.compile(r"\binvest(?:ed|s|ing|ors?|ment|ments)?\b|\bpoured\b", re.IGNORECASE)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


def extract_investments_en(doc: _Doc) -> list[Investment]:
    out: list[Investment] = []
    for sent in doc.sentences:
        text = sent.text
        inv = _INVEST.search(text)
        if not inv:
            continue
        projects = _PROJECTS.search(text)
        money = [m for m in find_money_en(text)
                 if not _NOT_FUNDING.search(text[max(0, m.start - 40):m.start])]
        if not projects and not money:
            continue
        if not projects and not re.search(r"\bcapital\b|\binvested\b|\bpoured\b", text, re.IGNORECASE):
            continue
        ms = [_Mention(x.name, x.start - sent.start, x.end - sent.start)
              for x in doc.mentions_in(sent.start, sent.end)]
        host = next((x.name for x in ms if x.start > inv.start() and re.search(
            r"\b(?:in|into|to)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$", text[max(0, x.start - 40):x.start])), None)
        investor = next((x.name for x in reversed(ms) if x.end <= inv.start() and x.name != host), None) or \
            next((x.name for x in ms if re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, x.start - 10):x.start])
                  and x.name != host), None)
        if not investor and not host:
            continue
        capital = money[0] if money else None
        out.append(Investment(
            investor_province=investor, host_province=host,
            projects=_count(projects["n"]) if projects else None,
            capital_vnd=capital.amount_vnd if capital else None,
            qualifier=capital.qualifier if capital else None,
            evidence=doc.evidence(sent, 0.85 if investor and host else 0.6)))
    return out


# --- agreements -------------------------------------------------------------------------------

_DOC_KIND = re.compile(
    r"\b(?P<k>memorand(?:um|a) of understanding|MoUs?|MOUs?|(?:(?:comprehensive|strategic|"
    r"socio-economic|economic|tourism|development|new|\w+-year|\w+-point)\s+)*"
    r"(?:cooperation|co-operation|partnership|twinning|collaboration|development|linkage|"
    r"coordination)\s+(?:agreement|programme|program|plan|deal|framework|pact|memorandum|"
    r"regulation|statute|document)s?|agreements?|action plan|programme of cooperation|"
    r"program of cooperation)\b", re.IGNORECASE)
_SIGN = re.compile(r"\b(?:sign|signs|signed|signing|inked|ink|inks|concluded|reached|entered into)\b",
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
_REFER = re.compile(r"\b(?:the|this|under the)\s+(?:agreement|deal|MoU|memorandum|programme|program|"
                    r"document|plan)\b", re.IGNORECASE)


def _kind_name(raw: str) -> str:
    k = re.sub(r"^(?:new|the)\s+", "", raw.lower())
    if k.startswith(("mou", "memorand")):
        return "memorandum of understanding"
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
    for x in doc.mentions_in(sent.start, sent.end):
        before = doc.text[max(sent.start, x.start - 25):x.start]
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$", before) and \
                not re.search(r"\bbetween\b", doc.text[max(sent.start, x.start - 60):x.start]):
            continue  # where the signing took place
        if _IN_TITLE.match(doc.text[x.end:x.end + 30]):
            in_titles.append(x.name)  # "Da Nang People's Committee": an official's province
            continue
        names.append(x.name)
    parties = list(dict.fromkeys(names))
    if len(parties) < 2:
        parties = list(dict.fromkeys(parties + in_titles))
    if len(parties) < 2 and main_pair and (set(parties) <= set(main_pair)) and (
            parties or _BOTH_EN.search(sent.text) or sent.para == 0):
        parties = list(main_pair)
    return tuple(sorted(parties))


# --- events -----------------------------------------------------------------------------------

KINDS_EN = (
    ("signing ceremony", (r"signing ceremony|\b(?:signed|inked)\b(?=.*\b(?:agreement|MoU|"
                          r"memorandum|programme|program|plan|deal)s?\b)|\b(?:agreement|MoU|memorandum|"
                          r"programme|program|deal)s?\b.*\b(?:signed|inked)\b")),
    ("conference", r"\bconference\b"),
    ("seminar", r"\bseminar\b|\bworkshop\b"),
    ("forum", r"\bforum\b"),
    ("handover ceremony", r"\bhandover ceremony\b|\bhanded over\b|\bpresented\b|\bdonated\b"),
    ("working session", (r"working session|working visit|\bworked with\b|had a working|"
                         r"\bmet with\b|\bmeeting\b|\bmet\b|\bhosted\b|\breceived a delegation\b")),
    ("visit", r"\bvisit(?:ed|s)?\b"),
    ("fair", r"\bfair\b|\bexhibition\b|\bfestival\b"),
)
_KIND_EN = [(k, re.compile(p, re.IGNORECASE)) for k, p in KINDS_EN]
_HAPPEN_EN = re.compile(r"\b(?:held|took place|taking place|opened|hosted|organi[sz]ed|co-organi[sz]ed|"
                        r"signed|inked|met|worked|chaired|co-chaired|attended|visited|presented|"
                        r"handed|kicked off|launched|had|paid|convened|donated|gathered|welcomed)\b|"
                        r"\bat (?:a|the) (?:[\w-]+ ){0,3}(?:meeting|conference|ceremony|seminar|workshop|"
                        r"forum|session)\b",
                        re.IGNORECASE)
_PLACE_EN = re.compile(r"\b(?:in|at)\s+(?:the\s+(?:[a-z-]+\s+){0,3}(?:city|town|district|province|"
                       r"commune|ward|township)\s+of\s+)?(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})")
_CHAIR_EN = re.compile(r"\b(?:co-chaired|chaired|presided|co-chairs?|chairs)\b", re.IGNORECASE)
_ATTEND_EN = re.compile(r"\b(?:attended|attending|present at|witnessed|joined|participated|"
                        r"took part|signed by)\b", re.IGNORECASE)


def extract_events_en(doc: _Doc, officials: list[Official], agreements: list[Agreement],
                      main_pair: tuple[str, str] | None = None) -> list[Event]:
    events: list[Event] = []
    seen: set[date] = set()
    for sent in doc.sentences:
        text = sent.text
        if not _HAPPEN_EN.search(text):
            continue
        kind = next((k for k, p in _KIND_EN if p.search(text)), None)
        if kind is None:
            continue
        when, conf = find_date_en(text, doc.published)
        if when is None or when in seen:
            continue
        seen.add(when)
        ms = [_Mention(x.name, x.start - sent.start, x.end - sent.start)
              for x in doc.mentions_in(sent.start, sent.end)]
        place = _event_place(doc, text, ms)
        act = _HAPPEN_EN.search(text)
        assert act is not None
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
        organisers = tuple(dict.fromkeys(x.name for x in subject))
        if not organisers and main_pair and _BOTH_EN.search(text[:act.start()]):
            organisers = main_pair  # "The two localities held a conference ..."
        events.append(Event(kind=kind, date=when, place=place, organisers=organisers,
                            participants=(), evidence=doc.evidence(sent, conf if place else conf - 0.1)))
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


# --- pairs and the whole article ----------------------------------------------------------------

_COOP_EN = re.compile(r"cooperat|co-operat|collaborat|agreement|\bMoU\b|memorand|partnership|"
                      r"\btwin|\blink(?:age|ed|s|ing)?\b|join(?:ed)? hands|\bsupport(?:ed|s)?\b|"
                      r"\bassist(?:ed|s|ance)?\b|donat|\bgave\b|\bpresented\b|handed over|"
                      r"\binvest(?:ed|s|ment|ments|ors?)?\b|\bsign(?:ed|s|ing)?\b|working (?:session|visit)|"
                      r"\bworked with\b|\bdelegation\b|\bpledged\b|\bcontribut", re.IGNORECASE)
_STATED = re.compile(r"cooperat|co-operat|collaborat|partner|twin|\blink|join(?:ed)? hands|connect|"
                     r"\bsigned\b|\bsign\b|agree", re.IGNORECASE)


def _stated_pairs_en(doc: _Doc) -> set[tuple[str, str]]:
    """``cooperation between X and Y``, ``X and Y signed ...``: provinces acting together."""
    out: set[tuple[str, str]] = set()
    for sent in doc.sentences:
        if not _STATED.search(sent.text):
            continue
        ms = doc.mentions_in(sent.start, sent.end)
        for a, b in pairwise(ms):
            between = doc.text[a.end:b.start]
            if a.name == b.name or not re.fullmatch(
                    r"(?:['’]s)?\s*(?:and|with|,|-|–|&)\s*(?:neighbo(?:u)?ring\s+|the\s+)?", between):
                continue
            lead = doc.text[max(sent.start, a.start - 50):a.start]
            tail = doc.text[b.end:sent.end]
            if re.search(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", lead) or re.match(
                    r"^(?:\s+(?:City|Province))?\s+(?:[\w'-]+\s+){0,3}?(?:have\s+|had\s+|will\s+|"
                    r"officially\s+|on\s+\w+\s+)?(?:signed|sign|agreed|cooperat\w*|inked|"
                    r"join\w* hands|pledged|committed|collaborat\w*|twinned|linked)", tail):
                out.add(tuple(sorted((a.name, b.name))))  # type: ignore[arg-type]
    return out


def _province_list(doc: _Doc) -> tuple[ProvinceMention, ...]:
    counts = Counter(m.name for m in doc.mentions)
    out = []
    for name, n in counts.items():
        unit = doc.gazetteer.get(name, doc.era)
        if unit is not None:
            out.append(ProvinceMention(name=unit.name, code=unit.code, era=unit.era, mentions=n,
                                       full_name=unit.full_name, successor=unit.successor))
    return tuple(sorted(out, key=lambda p: (-p.mentions, p.name)))


def extract_english(article: Article, gazetteer: Gazetteer) -> Extraction:
    """Every fact of an English-language article, provinces in their Vietnamese short form."""
    doc = analyse_english(article, gazetteer)
    main_pair = find_main_pair(doc, _COOP_EN)
    officials = extract_officials_en(doc)
    fundings, shared_pairs = extract_fundings_en(doc, main_pair)
    investments = extract_investments_en(doc)
    agreements = extract_agreements_en(doc, main_pair, officials)
    events = extract_events_en(doc, officials, agreements, main_pair)

    pairs = pairs_from_facts(agreements, fundings, investments, events)
    if main_pair and any(_COOP_EN.search(s.text) for s in doc.sentences):
        pairs.add(main_pair)
    pairs |= {p for p in shared_pairs | _stated_pairs_en(doc) if p[0] != p[1]}
    return Extraction(article=article, provinces=_province_list(doc),
                      cooperation_pairs=tuple(sorted(pairs)), officials=tuple(officials),
                      agreements=tuple(agreements), fundings=tuple(fundings),
                      investments=tuple(investments), events=tuple(events))
