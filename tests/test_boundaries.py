"""The province boundaries (data/boundaries/provinces.json) and the map layer of provinces.html."""

from __future__ import annotations

import json
import math
import re

import pytest
from graph_fixtures import sample_extraction

from cooperation_graph.boundaries import load_boundaries, map_layer, point_in_rings
from cooperation_graph.gazetteer import load_gazetteer
from cooperation_graph.mapping import extraction_to_quads, gazetteer_quads
from cooperation_graph.projection import province_network
from cooperation_graph.views import render_province_network

ERAS = ("legacy", "current")


def km_to_rings(lon: float, lat: float, rings: list[list[int]], scale: int) -> float:
    """Distance in km from (lon, lat) to the nearest edge of ``rings`` (flat-earth, fine for
    a few km)."""
    kx, ky = 111.32 * math.cos(math.radians(lat)) / scale, 110.57 / scale
    px, py = lon * scale, lat * scale
    best = math.inf
    for ring in rings:
        n = len(ring) // 2
        for i in range(n):
            ax, ay = ring[2 * i], ring[2 * i + 1]
            bx, by = ring[2 * ((i + 1) % n)], ring[2 * ((i + 1) % n) + 1]
            dx, dy = (bx - ax) * kx, (by - ay) * ky
            qx, qy = (px - ax) * kx, (py - ay) * ky
            t = max(0.0, min(1.0, (qx * dx + qy * dy) / ((dx * dx + dy * dy) or 1.0)))
            best = min(best, math.hypot(qx - t * dx, qy - t * dy))
    return best


def test_every_unit_of_each_era_once():
    data = load_boundaries()
    gazetteer = load_gazetteer()
    for era in ERAS:
        units = data["eras"][era]
        expected = {p.code: p.name for p in gazetteer.era(era)}
        assert {code: u["name"] for code, u in units.items()} == expected
        assert len(units) == (63 if era == "legacy" else 34)
        for code, unit in units.items():
            assert unit["rings"], code
            assert all(len(r) >= 6 and len(r) % 2 == 0 for r in unit["rings"]), code


def test_coordinates_fall_inside_their_units():
    """Natural Earth is coarse: most centres lie inside, the rest within a few km."""
    data, scale = load_boundaries(), load_boundaries()["scale"]
    for era in ERAS:
        outside = {}
        for p in load_gazetteer().era(era):
            rings = data["eras"][era][p.code]["rings"]
            if not point_in_rings(p.lon, p.lat, rings, scale):
                outside[p.name] = round(km_to_rings(p.lon, p.lat, rings, scale), 1)
        assert len(outside) <= 2, outside
        assert all(km <= 15 for km in outside.values()), outside


def test_merged_units_are_their_members_union():
    """A 2025 unit covers its legacy members: each member's centre is inside its successor."""
    data, scale = load_boundaries(), load_boundaries()["scale"]
    current = {p.name: p.code for p in load_gazetteer().era("current")}
    misses = [p.name for p in load_gazetteer().era("legacy")
              if not point_in_rings(p.lon, p.lat,
                                    data["eras"]["current"][current[p.successor]]["rings"], scale)
              and point_in_rings(p.lon, p.lat, data["eras"]["legacy"][p.code]["rings"], scale)]
    assert misses == []


@pytest.mark.parametrize("name, lon, lat", [
    ("Đà Nẵng", 112.3, 16.5),  # Quần đảo Hoàng Sa
    ("Khánh Hòa", 114.0, 10.0),  # Quần đảo Trường Sa
])
def test_archipelagos_belong_to_their_units(name, lon, lat):
    data, scale = load_boundaries(), load_boundaries()["scale"]
    for era in ERAS:
        unit = next(u for u in data["eras"][era].values() if u["name"] == name)
        near = [r for r in unit["rings"]
                if abs(r[0] / scale - lon) < 2.0 and abs(r[1] / scale - lat) < 2.0]
        assert len(near) >= 3, (era, name)


def test_small_enough_to_ship():
    from cooperation_graph.boundaries import BOUNDARIES_PATH

    assert BOUNDARIES_PATH.stat().st_size < 400_000
    assert set(map_layer(ERAS)["eras"]) == set(ERAS)


def test_province_page_draws_the_boundaries_under_its_nodes():
    quads = extraction_to_quads(sample_extraction()) + gazetteer_quads()
    page = render_province_network({era: province_network(quads, era) for era in ERAS})
    data = json.loads(re.search(r'<script type="application/json" id="cg-data">(.*?)</script>',
                                page, re.S)[1])
    layer, proj = data["map"], data["proj"]
    assert layer["outline"] and set(layer["eras"]) == set(ERAS)
    assert "beforeDrawing" in page and "Path2D" in page
    assert not re.search(r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page,
                         re.I)
    assert len(page.encode("utf-8")) < 5_000_000
    scale = layer["scale"]
    for era in ERAS:
        inside = 0
        nodes = data["eras"][era]["nodes"]
        for node in nodes:
            # the page's own projection, inverted: the node's lon/lat
            lat = proj["lat0"] - node["y"] / proj["px"]
            lon = proj["lon0"] + node["x"] / (proj["px"] * proj["cos"])
            rings = layer["eras"][era][data["eras"][era]["info"][node["id"]]["code"]]
            if point_in_rings(lon, lat, rings, scale):
                inside += 1
            else:
                assert km_to_rings(lon, lat, rings, scale) < 15, node["name"]
        assert inside >= len(nodes) - 2, era
