"""Build ``provinces.json``: Việt Nam's provinces of both eras, simplified, for the province map.

Dev-time only (needs ``shapely``: ``pip install -e '.[geo]'``); the package reads the JSON it
writes. Inputs (see ``README.md`` in this folder for where they come from):

- ``ne_10m_admin_1_states_provinces.topo.json[.gz]``: Natural Earth 1:10m admin-1 as TopoJSON,
  of which the 63 ``VN-*`` units are taken and matched to the gazetteer's legacy units;
- ``ne_10m_admin_0_disputed_areas.geojson``: Natural Earth's Paracel and Spratly polygons, drawn
  as parts of Đà Nẵng (Hoàng Sa) and Khánh Hòa (Trường Sa).

The 34 units of 2025-07-01 merged whole legacy provinces, so each is the union of its members
(the gazetteer knows every legacy unit's successor). Polygons are simplified as one coverage,
so neighbours keep one shared border, and written as rings of integer thousandths of a degree.

    python data/boundaries/make_boundaries.py --admin1 ADMIN1.topo.json.gz \
        --disputed DISPUTED.geojson [--out data/boundaries/provinces.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from cooperation_graph.gazetteer import load_gazetteer

HERE = Path(__file__).resolve().parent
SCALE = 1000  # coordinates are written as integers: degrees * SCALE (about 100 m)
TOLERANCE = 0.012  # degrees (about 1.3 km; under one pixel of the map at 1400 x 1000)
#: Natural Earth's names that are not the province's (the ISO 3166-2 code is right)
NAME_BY_ISO = {"VN-39": "Đồng Nai", "VN-53": "Bắc Kạn", "VN-66": "Hưng Yên"}
#: the archipelagos and the unit each belongs to: Natural Earth name -> gazetteer short name
ISLANDS = {"Paracel Islands": "Đà Nẵng", "Spratly Islands": "Khánh Hòa"}


def fold(name: str) -> str:
    """A name without marks, case, spaces or the word 'city': 'Hồ Chí Minh city' -> 'hochiminh'."""
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z]", "", re.sub(r"\bcity\b", "", text))


def read_json(path: Path) -> dict:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def topojson_features(topo: dict) -> list[tuple[dict, Polygon | MultiPolygon]]:
    """Every (properties, geometry) of a quantized or plain TopoJSON file."""
    kx, ky = topo.get("transform", {}).get("scale", (1, 1))
    dx, dy = topo.get("transform", {}).get("translate", (0, 0))
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for px, py in arc:
            x, y = (x + px, y + py) if "transform" in topo else (px, py)
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indices:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    out = []
    for obj in topo["objects"].values():
        for geom in obj["geometries"]:
            if geom["type"] == "Polygon":
                polys = [geom["arcs"]]
            elif geom["type"] == "MultiPolygon":
                polys = geom["arcs"]
            else:
                continue
            parts = [Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polys]
            out.append((geom.get("properties", {}), shapely.make_valid(MultiPolygon(parts))))
    return out


def vietnam_units(admin1: dict) -> dict[str, shapely.Geometry]:
    """Legacy gazetteer code -> polygon, every one of the 63 matched exactly once."""
    legacy = {fold(p.name): p.code for p in load_gazetteer().era("legacy")}
    legacy[fold("Thừa Thiên Huế")] = legacy[fold("Huế")]
    units: dict[str, shapely.Geometry] = {}
    for props, geom in topojson_features(admin1):
        iso = props.get("iso_3166_2", "")
        if not iso.startswith("VN-"):
            continue
        code = legacy.get(fold(NAME_BY_ISO.get(iso, props.get("name", ""))))
        if code is None:
            sys.exit(f"no gazetteer unit for {iso} {props.get('name')!r}")
        if code in units:
            sys.exit(f"{iso} {props.get('name')!r}: unit {code} matched twice")
        units[code] = geom
    missing = set(legacy.values()) - set(units)
    if missing:
        sys.exit(f"legacy units without a polygon: {sorted(missing)}")
    return units


def islands(disputed: dict) -> dict[str, shapely.Geometry]:
    """Gazetteer short name -> the archipelago drawn as a part of that unit."""
    found = {}
    for feature in disputed["features"]:
        name = feature["properties"].get("name_long") or feature["properties"].get("NAME_LONG")
        if name in ISLANDS:
            found[ISLANDS[name]] = shapely.make_valid(shape(feature["geometry"]))
    if set(found) != set(ISLANDS.values()):
        sys.exit(f"archipelagos not found: {sorted(set(ISLANDS.values()) - set(found))}")
    return found


def polygons(geom: shapely.Geometry) -> list[Polygon]:
    """The polygons of a geometry, collections unpacked, lines and points dropped."""
    geom = shapely.make_valid(geom)
    if isinstance(geom, Polygon):
        return [geom]
    return [p for part in getattr(geom, "geoms", []) for p in polygons(part)]


def rings(geom: shapely.Geometry, min_area: float = 0.0) -> list[list[int]]:
    """Flat integer rings ``[x0, y0, x1, y1, ...]`` (exteriors and holes; drawn even-odd)."""
    out = []
    for poly in polygons(geom):
        if poly.area < min_area:
            continue
        for ring in (poly.exterior, *poly.interiors):
            flat: list[int] = []
            for x, y in ring.coords[:-1]:
                p = [round(x * SCALE), round(y * SCALE)]
                if flat[-2:] != p:
                    flat.extend(p)
            if len(flat) >= 6:
                out.append(flat)
    return out


def build(admin1: dict, disputed: dict, tolerance: float = TOLERANCE) -> dict:
    """The boundary data of both eras."""
    gazetteer = load_gazetteer()
    units = vietnam_units(admin1)
    codes = sorted(units)
    # one coverage, simplified together: a border shared by two units stays one line
    simple = shapely.coverage_simplify([MultiPolygon(polygons(units[c])) for c in codes],
                                       tolerance)
    legacy_geom = {c: shapely.make_valid(g) for c, g in zip(codes, simple)}
    by_name = {p.name: p.code for p in gazetteer.era("legacy")}
    for unit, geom in islands(disputed).items():
        small = shapely.simplify(geom, tolerance / 6)  # islets: keep them, they are tiny
        legacy_geom[by_name[unit]] = shapely.union(legacy_geom[by_name[unit]], small)
    current_code = {p.name: p.code for p in gazetteer.era("current")}
    members: dict[str, list[str]] = {}
    for p in gazetteer.era("legacy"):
        members.setdefault(current_code[p.successor], []).append(p.code)
    eras = {
        "legacy": {p.code: {"name": p.name, "rings": rings(legacy_geom[p.code])}
                   for p in gazetteer.era("legacy")},
        "current": {p.code: {"name": p.name, "rings": rings(shapely.union_all(
            [legacy_geom[c] for c in members[p.code]], grid_size=1 / SCALE))}
            for p in gazetteer.era("current")},
    }
    outline = shapely.union_all(list(legacy_geom.values()), grid_size=1 / SCALE)
    return {
        "about": "Việt Nam's provinces before (legacy, 63) and after (current, 34) 2025-07-01; "
                 "rings of [lon, lat] * scale, flattened; made with Natural Earth "
                 "(see data/boundaries/README.md)",
        "scale": SCALE,
        "outline": rings(outline),
        "eras": eras,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--admin1", type=Path, required=True)
    parser.add_argument("--disputed", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=HERE / "provinces.json")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    args = parser.parse_args(argv)
    data = build(read_json(args.admin1), read_json(args.disputed), args.tolerance)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for era in data["eras"].values() for u in era.values()
                 for r in u["rings"])
    print(f"{args.out}: {len(text):,} bytes, {points:,} points")


if __name__ == "__main__":
    main()
