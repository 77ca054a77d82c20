"""The relevance gate: can an article hold a cooperation fact at all?

A cheap first pass, run before extraction: an article can state a relation only when it names
two parties (two Vietnamese provinces, or a province and a foreign party) close together, in one
sentence or two neighbouring ones, with a relation cue (cooperate, sign, support, give, visit,
invest, meet ...) in that stretch. An article that cannot is recorded as read without being
extracted: on an ordinary news stream that is most articles (``docs/relevance.md`` has the
figures, and what the gate costs on the real evaluation set).

The parties are the provinces as the extractor itself reads them (its own mention finders, so
that a name inside another name — a road, a company, a newspaper, a person, ``Thái Bình
Dương`` — does not count), and its own sentences. The test is generous where the extractor
reaches further: an article that introduces the sides of a meeting (``Về phía tỉnh X ... Về
phía tỉnh Y``) needs its two parties anywhere. It may let through articles that give no fact;
it must not stop one that does.

Most articles are set aside by a first scan that costs a fraction of reading them: no line
that names two provinces (the extractor's name pattern, before it leaves any out), or one beside
a foreign party, near a cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .extract.english import is_english
from .extract.english.text import analyse_english
from .extract.text import LOWER, UPPER, find_provinces, names_foreign, split_sentences
from .gazetteer import Gazetteer, _trie_regex
from .model import Article

VERSION = "3"  # part of a gated article's build key: a new gate re-reads what the old one left

# A stretch is one sentence and its neighbour: a party may be named in the sentence before the
# one that states the relation ("Đoàn công tác tỉnh X ... . Tại buổi làm việc, Y ...").

# Relation cues, Vietnamese and English (matched as whole words, lower case or capitalised). A
# cue must stand in the stretch that names the two parties, so the list is broad: a meeting, a
# delegation, a ceremony, an exchange count as well as the relation itself.
CUES = (
    "hợp tác", "ký kết", "ký", "liên kết", "phối hợp", "kết nghĩa", "hỗ trợ", "giúp", "giúp đỡ",
    "ủng hộ", "trao", "tặng", "thăm", "làm việc", "đầu tư", "hội nghị", "hội đàm", "hội thảo",
    "tọa đàm", "diễn đàn", "đoàn công tác", "chia sẻ", "cứu trợ", "tiếp nhận", "bàn giao",
    "xúc tiến", "thỏa thuận", "ghi nhớ", "liên doanh", "tham gia", "khai mạc", "lễ", "đoàn",
    "trao đổi", "kết nối", "hữu nghị", "đón", "tiếp", "giao lưu", "hội chợ", "liên hoan", "ngày hội",
    "tuần văn hóa", "phân bổ", "chương trình", "dành cho",
    "cooperate", "cooperated", "cooperation", "co-operation", "partner", "partners", "partnership",
    "agreement", "agreed", "sign", "signed", "signing", "support", "supported", "supports",
    "assist", "assistance", "aid", "donate", "donated", "donation", "donations", "present",
    "presented", "handed", "visit", "visited", "visiting", "invest", "invested", "investment",
    "investments", "twin", "twinned", "twinning", "sister", "friendship", "relief", "conference",
    "meeting", "talks", "memorandum", "MoU", "working", "working session", "delegation",
    "delegations", "exchange", "exchanged", "collaborate", "collaborated", "collaboration", "coordinate",
    "coordinated", "coordinates", "coordination", "connect", "connected", "connecting", "connectivity", "link",
    "linked", "links", "linkage", "linking", "tie-up", "joined hands", "jointly", "co-organised", "co-organized",
    "met", "received", "hosted", "attending", "attended", "conclusions", "task force", "minutes", "pledged",
    "contributed", "allocated", "disburse", "disbursed", "allotted", "granted", "provided", "offered", "sent",
    "transferred", "programme", "program", "forum", "festival", "fair",
)


def _cue_pattern() -> re.Pattern[str]:
    words = {w for cue in CUES for w in (cue, cue[:1].upper() + cue[1:])}
    return re.compile(rf"(?<![\w])(?:{_trie_regex(tuple(words))})(?![\w])")


_CUE = _cue_pattern()
# The sides of one meeting introduced one by one: the extractor pairs them wherever they stand.
_SIDES = re.compile(r"[Vv]ề phía")
# A foreign party acting with a province: the extractor's cues for foreign partners (its
# ``_FOREIGN_CUE``), in lower case or capitalised, "sign" and "partner" in any word.
_FOREIGN_CUE = re.compile(_trie_regex(tuple({w for cue in (
    "hợp tác", "ký kết", "thỏa thuận", "ghi nhớ", "kết nghĩa", "hội đàm", "làm việc với", "hội kiến",
    "tiếp đoàn", "tiếp Đại sứ", "cooperat", "co-operat", "sign", "memorandum", "MoU", "twin", "partner")
    for w in (cue, cue[:1].upper() + cue[1:], cue.upper())})))
# Where a sentence may end, among the places where the extractor ends one (``split_sentences``):
# after a word of lower-case letters only (three or more: no abbreviation such as "TP.", "Tp.",
# "ThS.", "vs." or "Assoc.") and before a capital. Its sentences are never shorter than the
# extractor's, so two of them hold any two of the extractor's.
_CUT = re.compile(rf"\n|[.!?]\s+(?=[{UPPER}])")
_LOWER_WORD = re.compile(rf"(?:^|[\s(\"“])[{LOWER}]{{3,4}}$|[{LOWER}]{{5}}$")  # (the five characters before the stop)


def may_hold_relation(article: Article, gazetteer: Gazetteer) -> bool:
    """True when two parties and a relation cue stand within one stretch of the text."""
    text = article.text
    if is_english(text):
        mentions = [(m.start, m.name) for m in analyse_english(article, gazetteer).mentions]
        # (its sentences join some of split_sentences' after abbreviations: the coarse ones hold them)
        return _stated_near(text, mentions, [(0, len(text))], _coarse_sentences)
    if article.title and not text.startswith(article.title):
        text = f"{article.title}\n{text}"  # (make_article puts the title first; others may not)
    # 1. The names the extractor's pattern finds, before it leaves names inside other names out,
    # and the lines around them that could hold a stretch (a sentence never spans two lines).
    aliases = gazetteer.aliases
    found = [(m.start(), aliases.get(m.group(), m.group())) for m in gazetteer.names_pattern().finditer(text)]
    if not found:
        return False
    spans = _spans(text, found)
    if not spans:
        return False
    # 2. Sentences cut where the extractor cuts (at a few of those places): cheap, and generous;
    # 3. the extractor's own mentions (names inside other names left out); 4. its own sentences.
    if not _stated_near(text, found, spans, _coarse_sentences):
        return False
    mentions = [(m.start, m.name) for m in find_provinces(text, gazetteer)]
    return _stated_near(text, mentions, spans, _coarse_sentences) and _stated_near(text, mentions, spans)


def _spans(text: str, found: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """The stretches of lines that could state a relation: around each line that names a
    province, the line before it to the line after it, naming two parties (or a foreign one)
    with a cue; the whole text when it introduces the sides of a meeting."""
    if len({name for _, name in found}) >= 2 and _SIDES.search(text) and _CUE.search(text):
        return [(0, len(text))]
    by_line: dict[int, set[str]] = {}
    for at, name in found:
        by_line.setdefault(text.rfind("\n", 0, at) + 1, set()).add(name)
    lines = sorted(by_line)
    out = []
    for k, line in enumerate(lines):
        lo = text.rfind("\n", 0, max(line - 1, 0)) + 1
        hi = text.find("\n", line)
        hi = len(text) if hi < 0 else text.find("\n", hi + 1)
        hi = len(text) if hi < 0 else hi
        names = set(by_line[line])
        if k and lines[k - 1] >= lo:
            names |= by_line[lines[k - 1]]
        if k + 1 < len(lines) and lines[k + 1] < hi:
            names |= by_line[lines[k + 1]]
        if len(names) >= 2 and _CUE.search(text, lo, hi) or _foreign_party(text, lo, hi):
            out.append((lo, hi))
    return out


def _foreign_party(text: str, lo: int, hi: int) -> bool:
    """A foreign party and a cue for one in text[lo:hi]."""
    return _FOREIGN_CUE.search(text, lo, hi) is not None and names_foreign(text[lo:hi])


def _sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The extractor's sentences in text[lo:hi] (whole lines)."""
    return [(lo + s.start, lo + s.end) for s in split_sentences(text[lo:hi])]


def _coarse_sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences in text[lo:hi] that each hold one or more of the extractor's (``_CUT``)."""
    cuts = [lo]
    for m in _CUT.finditer(text, lo, hi):
        at = m.start()
        if text[at] == "\n" or _LOWER_WORD.search(text[max(at - 5, lo):at]):
            cuts.append(m.end())
    cuts.append(hi)
    return list(zip(cuts, cuts[1:]))


def _stated_near(text: str, mentions: list[tuple[int, str]], spans: list[tuple[int, int]],
                 sentences_of=_sentences) -> bool:
    """Two parties named in one sentence or two neighbouring ones of ``spans`` (whole lines),
    with a cue there; or a province with a foreign party and a cue."""
    if len({name for _, name in mentions}) >= 2 and spans == [(0, len(text))] and _SIDES.search(text):
        return True
    mentions = sorted(mentions)
    for lo, hi in spans:
        sentences = sentences_of(text, lo, hi)
        ends = [b for _, b in sentences]
        named: dict[int, set[str]] = {}
        for at, name in mentions[bisect_left(mentions, (lo, "")):bisect_left(mentions, (hi, ""))]:
            named.setdefault(min(bisect_right(ends, at), len(sentences) - 1), set()).add(name)
        for i in sorted(named):
            for first, last in ((max(i - 1, 0), i), (i, min(i + 1, len(sentences) - 1))):
                names = named.get(first, set()) | named.get(last, set())
                a, b = sentences[first][0], sentences[last][1]
                if len(names) >= 2 and _CUE.search(text, a, b) or _foreign_party(text, a, b):
                    return True
    return False


def prepare(gazetteer: Gazetteer) -> None:
    """Compile what the gate uses (before worker processes fork, so that they share it)."""
    from .normalize import normalize_text

    gazetteer.names_pattern()
    normalize_text("Hoà")
    find_provinces("Hà Nội và Đà Nẵng", gazetteer)
