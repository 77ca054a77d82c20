"""Which official mentions are the same person, within and across articles.

Rule (simple and deterministic, so it can name IRIs):

* Two mentions are the same person when their **names** are equal after normalization (NFC,
  modern tone-mark placement, case and spacing folded; diacritics kept, so ``Hùng`` and
  ``Hưng`` differ), they serve the **same province lineage** (the code of the 2025 unit the
  province is or became part of: a 2019 Cần Thơ or Hậu Giang official and a 2025 Cần Thơ
  official share lineage 92, because officials of merged provinces go on serving the merged
  one; a central post is its own scope ``tw``), and their article dates are **compatible**:
  sorted by date, consecutive sightings are at most :data:`MAX_GAP_YEARS` apart.
* Known limit: two namesakes serving two legacy provinces that later merged (say Sóc Trăng
  and Hậu Giang) share a lineage and are taken for one person.
* Titles never enter the key: ``Bí thư Thành ủy`` and ``Bí thư`` or ``BT`` do not split a
  person; the same name in two provinces gives two people.
* The first (earliest) cluster of a key gets the plain key; a later cluster separated by a gap
  gets ``-2``, ``-3``... So a person's IRI never depends on other articles unless a namesake
  in the same province appears more than :data:`MAX_GAP_YEARS` apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from .gazetteer import load_gazetteer
from .model import Extraction, ProvinceMention
from .normalize import fold, name_key

# Three 5-year terms (nhiệm kỳ): an official in office is reported at least once a term in a
# corpus of any size, so namesakes in one province seen more than three terms apart are taken
# for two people. Sparse corpora make long gaps common, hence not one term.
MAX_GAP_YEARS = 15
CENTRAL_SCOPE = "tw"  # "trung ương": posts of the central state and party

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII slug of Vietnamese text: ``Hoàng Trung Hải`` -> ``hoang-trung-hai``."""
    return _NON_SLUG.sub("-", fold(text)).strip("-") or "x"


@lru_cache(maxsize=1)
def _successor_codes() -> dict[str, str]:
    gaz = load_gazetteer()
    current = {p.name: p.code for p in gaz.era("current")}
    return {p.code: current.get(p.successor or "", p.code) for p in gaz.era("legacy")}


def lineage_code(era: str, code: str) -> str:
    """The code of the 2025 unit a province is (current) or became part of (legacy)."""
    return code if era == "current" else _successor_codes().get(code, code)


def mention_lineage(unit: ProvinceMention | None) -> str | None:
    """:func:`lineage_code` of a province mention; None (central) when there is none."""
    return lineage_code(unit.era, unit.code) if unit is not None else None


def official_key(name: str, province_code: str | None) -> str:
    """The person key of ``name`` serving province lineage ``province_code`` (None: central).

    ``hoang-trung-hai-01-3f9a2c``: a readable slug, the scope, and a short hash of the
    normalized name, since folding to ASCII alone would merge ``Hà`` and ``Hạ``.
    """
    digest = hashlib.sha256(name_key(name).encode("utf-8")).hexdigest()[:6]
    return f"{slugify(name)}-{province_code or CENTRAL_SCOPE}-{digest}"


def _when(extraction: Extraction) -> datetime | None:
    when = extraction.article.date
    # Compare naive and aware dates alike: the day is what matters here.
    return when.replace(tzinfo=None) if when is not None else None


def resolve_officials(
    extractions: Iterable[Extraction], *, max_gap_years: int = MAX_GAP_YEARS
) -> dict[tuple[str, str], str]:
    """Map ``(article id, official name as written)`` to a person key, across all articles."""
    # key -> [(date or None, article id, name)]
    sightings: dict[str, list[tuple[datetime | None, str, str]]] = defaultdict(list)
    for ex in extractions:
        for off in ex.officials:
            unit = ex.province(off.province)
            key = official_key(off.name, mention_lineage(unit))
            sightings[key].append((_when(ex), ex.article.id, off.name))

    resolved: dict[tuple[str, str], str] = {}
    max_gap_days = max_gap_years * 365.25
    for key, seen in sightings.items():
        # Undated sightings join the first cluster: nothing says they are someone else.
        dated = sorted((s for s in seen if s[0] is not None), key=lambda s: (s[0], s[1], s[2]))
        cluster, previous = 1, None
        for when, article_id, name in dated:
            assert when is not None
            if previous is not None and (when - previous).days > max_gap_days:
                cluster += 1
            previous = when
            resolved[(article_id, name)] = key if cluster == 1 else f"{key}-{cluster}"
        for when, article_id, name in seen:
            if when is None:
                resolved[(article_id, name)] = key
    return resolved
