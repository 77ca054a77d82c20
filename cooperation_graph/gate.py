"""The relevance gate: can an article hold a cooperation fact at all?

A cheap first pass, run before extraction: an article can state a relation only when it names
two parties (two Vietnamese provinces, or a province and a foreign state, province or city)
and uses a relation cue (cooperate, sign, support, give, visit, invest, meet ...) near them.
An article that cannot is recorded as read without being extracted: on an ordinary news stream
that is most articles, at a few per cent of the cost of reading them in full
(``docs/relevance.md`` has the figures, and what the gate costs on the real evaluation set).

The test is deliberately generous: every name the extractors could read as a province counts
(names inside other names included), in Vietnamese and in English, with and without
diacritics. It may let through articles that give no fact; it must not stop one that does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .extract.english.text import ENGLISH_ALIASES, fold_same_length
from .extract.text import FOREIGN
from .gazetteer import Gazetteer, _trie_regex
from .model import Article
from .normalize import fold

VERSION = "1"  # part of a gated article's build key: a new gate re-reads what the old one left

# How far apart the two parties and the cue may be: a stretch of a few sentences.
WINDOW = 1000

# Relation cues, Vietnamese and English (matched as whole words, lower case or capitalised).
CUES = (
    "hợp tác", "ký kết", "ký", "liên kết", "phối hợp", "kết nghĩa", "hỗ trợ", "giúp", "giúp đỡ",
    "ủng hộ", "trao", "tặng", "thăm", "làm việc", "đầu tư", "hội nghị", "hội đàm", "hội thảo",
    "tọa đàm", "diễn đàn", "đoàn công tác", "chia sẻ", "cứu trợ", "tiếp nhận", "bàn giao",
    "xúc tiến", "thỏa thuận", "ghi nhớ", "liên doanh",
    "cooperate", "cooperated", "cooperation", "co-operation", "partner", "partners", "partnership",
    "agreement", "agreed", "sign", "signed", "signing", "support", "supported", "supports",
    "assist", "assistance", "aid", "donate", "donated", "donation", "donations", "present",
    "presented", "handed", "visit", "visited", "visiting", "invest", "invested", "investment",
    "investments", "twin", "twinning", "relief", "conference", "meeting", "talks", "memorandum", "MoU",
)


def _cue_pattern() -> re.Pattern[str]:
    words = {w for cue in CUES for w in (cue, cue[:1].upper() + cue[1:])}
    return re.compile(rf"(?<![\w])(?:{_trie_regex(tuple(words))})(?![\w])")


_CUE = _cue_pattern()


@lru_cache(maxsize=4)
def _parties(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern over the folded text (no diacritics, lower case) for every province name
    of both eras and the English spellings, and the canonical name of each folded alias."""
    by_key: dict[str, str] = {}
    names = list(gazetteer.aliases.items())
    names += [(alias, short) for short, extras in ENGLISH_ALIASES.items() for alias in extras]
    for alias, short in names:
        key = fold(alias)
        for variant in (key, re.sub(r"\s*[-–]\s*", " ", key), re.sub(r"\s*[-–]\s*", "-", key)):
            if len(variant) >= 3:
                by_key.setdefault(variant, short)
    return re.compile(rf"(?<![a-z0-9])(?:{_trie_regex(tuple(by_key))})(?![a-z0-9])"), by_key


def may_hold_relation(article: Article, gazetteer: Gazetteer) -> bool:
    """True when two parties and a relation cue stand within one stretch of the text."""
    text = (article.title or "") + "\n" + article.text
    folded = fold_same_length(text)  # offsets shared with ``text``
    pattern, by_key = _parties(gazetteer)
    parties = [(m.start(), by_key.get(_SPACES.sub(" ", m.group()), m.group()))
               for m in pattern.finditer(folded)]
    if not parties:
        return False
    if len({name for _, name in parties}) < 2:  # a foreign party is the other one
        parties += [(m.start(), "foreign:" + m.group()) for m in FOREIGN.finditer(text)]
        if len({name for _, name in parties}) < 2:
            return False
    parties.sort()
    cues = _Cues(text)
    # Two different parties within WINDOW of each other, and a cue within that stretch.
    first = 0
    for i, (at, name) in enumerate(parties):
        while parties[first][0] < at - WINDOW:
            first += 1
        if any(other != name for _, other in parties[first:i]):
            if cues.any_between(parties[first][0] - WINDOW // 2, at + WINDOW // 2):
                return True
    return False


_SPACES = re.compile(r"\s+")


class _Cues:
    """The starts of the relation cues in a text, read only as far as asked: an article that
    passes usually does so in its first stretches, and the rest of it need not be scanned."""

    def __init__(self, text: str) -> None:
        self._matches = _CUE.finditer(text)
        self._starts: list[int] = []  # in order: finditer goes left to right
        self._more = True

    def any_between(self, lo: int, hi: int) -> bool:
        starts = self._starts
        while self._more and (not starts or starts[-1] <= hi):
            match = next(self._matches, None)
            if match is None:
                self._more = False
            else:
                starts.append(match.start())
        k = bisect_left(starts, lo)
        return k < len(starts) and starts[k] <= hi
