"""Which official mentions are the same person, within and across articles.

Rule (simple and deterministic, so it can name IRIs):

* Two mentions are the same person when their **names** are equal after normalization (NFC,
  modern tone-mark placement, case and spacing folded; diacritics kept, so ``Hùng`` and
  ``Hưng`` differ), they serve the **same province** (by official code: a legacy unit and the
  2025 unit that kept its code, e.g. Cần Thơ 92, count as the same; a central post is its own
  scope), and their article dates are **compatible**: sorted by date, consecutive sightings are
  at most :data:`MAX_GAP_YEARS` apart.
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

from .model import Extraction
from .normalize import fold, name_key

MAX_GAP_YEARS = 10
CENTRAL_SCOPE = "tw"  # "trung ương": posts of the central state and party

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII slug of Vietnamese text: ``Hoàng Trung Hải`` -> ``hoang-trung-hai``."""
    return _NON_SLUG.sub("-", fold(text)).strip("-") or "x"


def official_key(name: str, province_code: str | None) -> str:
    """The person key of ``name`` serving the province with that code (None: central).

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
            key = official_key(off.name, unit.code if unit else None)
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
