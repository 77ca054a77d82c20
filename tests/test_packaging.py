"""A wheel carries what the package reads from ``data/`` and ``queries/`` (see setup.py), so
that ``pip install`` without ``-e`` gives a working ``coopgraph``."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # pip builds in an isolated environment with the setuptools pyproject.toml asks for
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                           "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (path,) = out.glob("cooperation_graph-*.whl")
    return path


def test_wheel_carries_ontology_shapes_table_and_saved_queries(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("ontology.ttl", "shapes.ttl", "wikidata_provinces.csv", "calibration.json",
                 "boundaries/provinces.json"):
        assert f"cooperation_graph/_data/{name}" in names
    shipped = {n.rsplit("/", 1)[1] for n in names if n.startswith("cooperation_graph/_data/queries/")}
    assert shipped == {p.name for p in (ROOT / "queries").glob("*.rq")}


def test_installed_package_reads_its_own_copies(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import cooperation_graph, pathlib\n"
        f"assert pathlib.Path(cooperation_graph.__file__).is_relative_to({str(site)!r})\n"
        "from cooperation_graph.mapping import DATA_DIR, load_wikidata_ids\n"
        "from cooperation_graph.validate import load_shapes, load_ontology\n"
        "from cooperation_graph.query import saved_queries\n"
        "assert DATA_DIR.name == '_data', DATA_DIR\n"
        "assert len(load_shapes()) > 0 and len(load_ontology()) > 0\n"
        "from cooperation_graph.calibration import TABLE_PATH, load_table\n"
        "assert TABLE_PATH.parent.name == '_data' and load_table()['types'], TABLE_PATH\n"
        "from cooperation_graph.boundaries import BOUNDARIES_PATH, load_boundaries\n"
        "assert BOUNDARIES_PATH.parent.parent.name == '_data', BOUNDARIES_PATH\n"
        "assert len(load_boundaries()['eras']['current']) == 34\n"
        "print(len(saved_queries()), len(load_wikidata_ids()))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    queries, links = map(int, proc.stdout.split())
    assert queries == len(list((ROOT / "queries").glob("*.rq"))) and links > 0
