"""Việt Nam's province boundaries of both eras, for the province map.

``data/boundaries/provinces.json`` (Natural Earth, public domain; made by
``data/boundaries/make_boundaries.py``, see the README beside it): per era, per gazetteer code,
the unit's rings as flat integer lists ``[lon0, lat0, lon1, lat1, ...]`` in degrees × ``scale``,
plus the country's outline. Read from the repository's ``data/`` in a checkout, else from the
copy a wheel carries (``setup.py``).
"""

from __future__ import annotations

import functools
import json
from typing import Any

from . import DATA_DIR
from .errors import CooperationGraphError

BOUNDARIES_PATH = DATA_DIR / "boundaries" / "provinces.json"


class BoundaryError(CooperationGraphError):
    """The boundary data is missing or malformed."""


@functools.lru_cache(maxsize=1)
def load_boundaries() -> dict[str, Any]:
    """The boundary data (parsed once; do not modify it)."""
    try:
        data = json.loads(BOUNDARIES_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BoundaryError(f"{BOUNDARIES_PATH}: cannot read the boundary data ({exc})") from exc
    if not isinstance(data, dict) or not {"scale", "outline", "eras"} <= set(data):
        raise BoundaryError(f"{BOUNDARIES_PATH}: not boundary data (scale, outline, eras)")
    return data


def map_layer(eras: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """What the province map draws under the network: the outline and, per era in ``eras``,
    each unit's rings (keyed by the unit's code)."""
    data = load_boundaries()
    return {
        "scale": data["scale"],
        "outline": data["outline"],
        "eras": {era: {code: unit["rings"] for code, unit in data["eras"][era].items()}
                 for era in eras if era in data["eras"]},
    }


def point_in_rings(lon: float, lat: float, rings: list[list[int]], scale: int) -> bool:
    """Whether (lon, lat) lies inside ``rings`` by the even-odd rule (pure Python)."""
    x, y = lon * scale, lat * scale
    inside = False
    for ring in rings:
        n = len(ring) // 2
        for i in range(n):
            x1, y1 = ring[2 * i], ring[2 * i + 1]
            x2, y2 = ring[2 * ((i + 1) % n)], ring[2 * ((i + 1) % n) + 1]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside
