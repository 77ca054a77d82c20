"""Vietnamese text normalization: NFC, one tone-mark placement, folded keys for matching.

Old-style spelling puts the tone mark on the second vowel of an open ``oa``/``oe``/``uy``
(``Hoà``, ``Thuỷ``, ``Uỷ``); news text today mostly writes ``Hòa``, ``Thủy``, ``Ủy``. We rewrite
the old placement to the modern one so that both spellings match and print the same.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks (after NFD): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
# An open syllable ending in oa / oe / uy whose tone sits on the last vowel, in NFD form.
# Not after q (``quý`` keeps its mark on y) and not followed by another letter (``hoàn``).
_OLD_PLACEMENT = re.compile(
    rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![\u0302\u0306\u031b])(?![^\W\d_])"
)
# Runs of spaces to write as one " ": two or more, or one that is not " " (a single " ", by far
# the most common, is left as it is rather than replaced by itself).
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")
# An old placement as NFC text writes it: plain o/u (not after q), then a/e/y carrying one tone
# mark and nothing else (one precomposed character), and what follows (looked at, not taken).
_OLD_PLACEMENT_NFC = re.compile("(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?=(.?))", re.DOTALL)
_LETTER = re.compile(r"[^\W\d_]")


def unify_tone_marks(text: str) -> str:
    """Move tone marks of open ``oa``/``oe``/``uy`` to the modern position (``Hoà`` -> ``Hòa``)."""
    if text.isascii():
        return text
    if unicodedata.is_normalized("NFC", text) and not _reordering().search(text):
        return _unify_nfc(text)
    return _unify_decomposed(text)


def _unify_decomposed(text: str) -> str:
    """The rule itself, on the decomposed text (any text; decomposing and composing all of it
    is most of the cost of reading an article)."""
    decomposed = unicodedata.normalize("NFD", text)
    fixed = _OLD_PLACEMENT.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", fixed)


def _unify_nfc(text: str) -> str:
    """The same on NFC text in which no mark can move when it is decomposed (see
    :func:`_reordering`): its decomposition is then each character's in turn, so only the pairs
    of ``_OLD_PLACEMENT_NFC`` can match, and each is rewritten alone."""
    out: list[str] = []
    done = 0
    for m in _OLD_PLACEMENT_NFC.finditer(text):
        after = m.group(3)
        if after and _LETTER.match(unicodedata.normalize("NFD", after)):
            continue  # "hoàn": a closed syllable keeps its mark where it is
        out += (text[done:m.start()], _moved(m.group(1) + m.group(2)))
        done = m.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


@lru_cache(maxsize=None)
def _moved(pair: str) -> str:
    return _unify_decomposed(pair)


@lru_cache(maxsize=1)
def _reordering() -> re.Pattern[str]:
    """Characters whose decomposition opens with a combining mark (combining class > 0): next to
    a precomposed letter, decomposing reorders the marks, so that text takes the full way; and,
    to keep the class small (a bitmap), every character beyond the BMP."""
    found = [chr(cp) for cp in range(0x10000)
             if unicodedata.combining(unicodedata.normalize("NFD", chr(cp))[0])]
    return re.compile("[" + re.escape("".join(found)) + "\U00010000-\U0010ffff]")


def normalize_text(text: str) -> str:
    """NFC, modern tone marks, unified spaces and line ends; idempotent and NFC/NFD-blind."""
    text = unify_tone_marks(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\u00ad", "")
    # "Lâm Ðồng", "HÐND": the eth (U+00D0/U+00F0) of pages converted from old encodings is Đ/đ
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n"))


def fold(text: str) -> str:
    """A matching key: normalized, lower case, tone marks and diacritics removed, đ -> d."""
    base = unicodedata.normalize("NFD", normalize_text(text).lower())
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", base.replace("đ", "d")).strip()


def name_key(text: str) -> str:
    """A key for names that keeps diacritics (``Hùng`` and ``Hưng`` differ) but not case."""
    return re.sub(r"\s+", " ", normalize_text(text)).strip().casefold()
