"""Language detection, provinces written in English, and the document's sentences."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from ...gazetteer import Gazetteer, era_of_names
from ...model import (
    Article,
    Era,
    Evidence,
)
from ...normalize import fold
from ..text import LOWER, Sentence, split_sentences

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
    if any(x.name == "Hà Nội" for x in out):  # "between the capital city and Hòa Bình Province" in a Hanoi story
        out += [_Mention("Hà Nội", c.start(), c.end()) for c in _THE_CAPITAL.finditer(text, 0, end)]
        out.sort(key=lambda x: x.start)
    return out


_THE_CAPITAL = re.compile(r"\b[Tt]he (?:capital city|capital|country['’]s capital|nation['’]s capital|Vietnamese capital)\b"
                          r"(?!\s+(?:city\s+)?of\b)(?!['’])")



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
    mentions = find_english_provinces(text, folded, gazetteer, end)
    era = era_of_names(article.reference_day, (m.name for m in mentions), gazetteer, text)
    return _Doc(article, gazetteer, era, text, folded, end, _sentences(text, end), mentions, article.reference_day)
