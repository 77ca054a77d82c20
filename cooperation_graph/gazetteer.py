"""Provinces and centrally-run cities, before and after the 2025-07-01 merger.

The units, codes, coordinates and the old -> new mapping come from the ``vietnamadminunits``
package (its bundled SQLite dataset and converter table), not from a hand-typed list. What we add
is how news text names them: ``TP.HCM``, ``TPHCM``, ``Thủ đô``, ``Thừa Thiên Huế``, ``Sài Gòn``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources

from .model import Era
from .normalize import normalize_text

MERGER_DATE = date(2025, 7, 1)

# Names news text uses besides "<type> <short name>": short name -> extra spellings.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "Hồ Chí Minh": ("TP.HCM", "TP. HCM", "TPHCM", "TP HCM", "Tp.HCM", "Tp HCM", "HCM", "Sài Gòn",
                    "TP. Hồ Chí Minh", "Tp. Hồ Chí Minh"),
    "Huế": ("Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên – Huế", "Thừa Thiên-Huế", "TT-Huế"),
    "Bà Rịa - Vũng Tàu": ("Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "BR-VT"),
    "Đắk Lắk": ("Đăk Lăk", "Đắc Lắc"),
    "Đắk Nông": ("Đăk Nông", "Đắc Nông"),
    "Hà Nội": ("Thủ đô Hà Nội",),
    "Bắc Kạn": ("Bắc Cạn",),  # the older spelling, still common
    "Kon Tum": ("Kontum",),
}


@dataclass(frozen=True)
class Province:
    """One administrative unit of one era."""

    name: str  # short, as news writes it: "Hà Nội", "Hồ Chí Minh"
    full_name: str  # "Thành phố Hà Nội", "Tỉnh Cần Thơ"
    code: str
    era: Era
    kind: str  # "thành phố" (centrally-run city) or "tỉnh"
    lat: float | None
    lon: float | None
    successor: str | None = None  # legacy only: short name of the 2025 unit it became part of

    @property
    def key(self) -> str:
        return f"{self.era}/{self.code}"


def era_of(when: date | datetime | None) -> Era:
    """The era of the administrative map an article dated ``when`` uses."""
    if when is None:
        return "current"
    day = when.date() if isinstance(when, datetime) else when
    return "legacy" if day < MERGER_DATE else "current"


# Words only the 2025 map's reporting uses: "(cũ)" after a former unit, "sau sáp nhập", "34 tỉnh".
_NEW_MAP = re.compile(r"\((?:cũ|mới)\)|\b(?:sau|trước) (?:khi )?(?:sáp nhập|hợp nhất)|\btrước đây\b|"
                      r"\b34 tỉnh|\bchính quyền địa phương 2 cấp\b|\b(?:former|newly merged)\b", re.IGNORECASE)


def era_of_names(when: date | datetime | None, names, gazetteer: "Gazetteer", text: str = "") -> Era:
    """The era of an article: by its date; an undated one is on the old map, unless it speaks
    the new map's language (``Phú Yên (cũ)``, ``sau sáp nhập``) and names no unit the 2025 map
    abolished."""
    if when is not None:
        return era_of(when)
    for name in names:
        unit = gazetteer.get(name, "current")
        if unit is not None and unit.era == "legacy":
            return "legacy" if not _NEW_MAP.search(text) else "current"
    return "current" if _NEW_MAP.search(text) else "legacy"


class Gazetteer:
    """Read-only lookups over both eras' provinces."""

    def __init__(self, provinces: list[Province]) -> None:
        self.provinces = tuple(provinces)
        self._by_era_name = {(p.era, p.name): p for p in provinces}
        # alias text -> short name (same short name in both eras, resolved by era at lookup)
        aliases: dict[str, str] = {}
        for p in provinces:
            aliases.setdefault(p.name, p.name)
            for extra in EXTRA_ALIASES.get(p.name, ()):
                aliases.setdefault(normalize_text(extra), p.name)
        self.aliases = aliases

    def get(self, name: str, era: Era) -> Province | None:
        """The unit called ``name`` (short name or alias) in ``era``, else in the other era."""
        short = self.aliases.get(normalize_text(name))
        if short is None:
            return None
        other: Era = "current" if era == "legacy" else "legacy"
        return self._by_era_name.get((era, short)) or self._by_era_name.get((other, short))

    def era(self, era: Era) -> list[Province]:
        return [p for p in self.provinces if p.era == era]

    def names_pattern(self) -> re.Pattern[str]:
        """One regex matching any alias, longest first, on word boundaries."""
        return _names_pattern(tuple(sorted(self.aliases, key=len, reverse=True)))


@lru_cache(maxsize=None)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # A trie-shaped alternation: Python's regex engine then tries one branch per character
    # instead of every name at every position (several times faster on long texts).
    return re.compile(rf"(?<![\w])(?:{_trie_regex(names)})(?![\w])")  # "TP.Cần Thơ" too


def _trie_regex(words: tuple[str, ...]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in re.sub(r"\s+", " ", word):
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + render(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return render(trie)


def _kind(full_name: str) -> str:
    return "thành phố" if full_name.lower().startswith("thành phố") else "tỉnh"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from the vietnamadminunits dataset (cached)."""
    data = resources.files("vietnamadminunits") / "data"
    with resources.as_file(data / "dataset.db") as db_path:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            rows = {
                era: con.execute(
                    "SELECT province, provinceShort, provinceCode, MIN(provinceLat), "
                    f"MIN(provinceLon), provinceKey FROM {table} GROUP BY provinceCode"
                ).fetchall()
                for era, table in (("legacy", "admin_units_legacy"), ("current", "admin_units"))
            }
        finally:
            con.close()
    merger = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    new_by_old_key = {old: new for new, olds in merger["DICT_PROVINCE"].items() for old in olds}
    current_by_key = {row[5]: normalize_text(row[1]) for row in rows["current"]}

    provinces: list[Province] = []
    for era, era_rows in rows.items():
        for full, short, code, lat, lon, key in era_rows:
            successor = current_by_key.get(new_by_old_key.get(key, "")) if era == "legacy" else None
            provinces.append(Province(
                name=normalize_text(short), full_name=normalize_text(full), code=code,
                era=era, kind=_kind(full), lat=lat, lon=lon, successor=successor))
    return Gazetteer(provinces)


@lru_cache(maxsize=1)
def local_units() -> dict[str, dict[str, str]]:
    """Short names of local units -> the province they are in, keeping only names that are
    unique in their set: ``district`` (the 63-province era's districts), ``legacy`` (its
    districts and wards together) and ``current`` (the 34-province era's wards)."""
    data = resources.files("vietnamadminunits") / "data"
    with resources.as_file(data / "dataset.db") as db_path:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            queries = {
                "district": "SELECT districtShort, provinceShort FROM admin_units_legacy",
                "legacy": "SELECT districtShort, provinceShort FROM admin_units_legacy "
                          "UNION SELECT wardShort, provinceShort FROM admin_units_legacy",
                "current": "SELECT wardShort, provinceShort FROM admin_units",
            }
            out: dict[str, dict[str, str]] = {}
            for key, sql in queries.items():
                seen: dict[str, set[str]] = {}
                for name, province in con.execute(sql):
                    if name:
                        seen.setdefault(normalize_text(name), set()).add(normalize_text(province))
                out[key] = {n: next(iter(p)) for n, p in seen.items() if len(p) == 1}
        finally:
            con.close()
    return out


_DISTRICT_LEVEL = ("huyện", "quận", "thị xã", "thành phố", "tp", "huyện ủy", "quận ủy", "thị ủy")


def province_of_local_unit(level: str, name: str, era: str) -> str | None:
    """The province a district or ward is in, as the article's era knows it: ``huyện Lạc Sơn``
    in 2023 is in Hòa Bình (the 2025 map puts a commune of that name in Phú Thọ). An older
    name in a current article falls back to the old map (``huyện Mai Châu (cũ)``)."""
    units = local_units()
    district = level.lower().rstrip(".") in _DISTRICT_LEVEL
    if era == "legacy":
        return (units["district"].get(name) if district else None) or units["legacy"].get(name)
    return units["current"].get(name) or units["district"].get(name) or units["legacy"].get(name)
