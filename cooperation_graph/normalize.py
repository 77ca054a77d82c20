"""Vietnamese text normalization: NFC, one tone-mark placement, folded keys for matching.

Old-style spelling puts the tone mark on the second vowel of an open ``oa``/``oe``/``uy``
(``Hoà``, ``Thuỷ``, ``Uỷ``); news text today mostly writes ``Hòa``, ``Thủy``, ``Ủy``. We rewrite
the old placement to the modern one so that both spellings match and print the same.
"""

from __future__ import annotations

import re
import unicodedata

# Combining tone marks (after NFD): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"
# An open syllable ending in oa / oe / uy whose tone sits on the last vowel, in NFD form.
# Not after q (``quý`` keeps its mark on y) and not followed by another letter (``hoàn``).
_OLD_PLACEMENT = re.compile(
    rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![\u0302\u0306\u031b])(?![^\W\d_])"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def unify_tone_marks(text: str) -> str:
    """Move tone marks of open ``oa``/``oe``/``uy`` to the modern position (``Hoà`` -> ``Hòa``)."""
    decomposed = unicodedata.normalize("NFD", text)
    fixed = _OLD_PLACEMENT.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", fixed)


def normalize_text(text: str) -> str:
    """NFC, modern tone marks, unified spaces and line ends; idempotent and NFC/NFD-blind."""
    text = unify_tone_marks(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\u00ad", "")
    # "Lâm Ðồng", "HÐND": the eth (U+00D0/U+00F0) of pages converted from old encodings is Đ/đ
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def fold(text: str) -> str:
    """A matching key: normalized, lower case, tone marks and diacritics removed, đ -> d."""
    base = unicodedata.normalize("NFD", normalize_text(text).lower())
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", base.replace("đ", "d")).strip()


def name_key(text: str) -> str:
    """A key for names that keeps diacritics (``Hùng`` and ``Hưng`` differ) but not case."""
    return re.sub(r"\s+", " ", normalize_text(text)).strip().casefold()
