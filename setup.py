"""Build hook: the wheel carries the files the package reads from the repository's ``data/``
and ``queries/`` folders (ontology, shapes, Wikidata table, calibration table, province
boundaries, saved queries), under ``cooperation_graph/_data/``. An editable install reads the
repository's own files."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: source (relative to the repository) -> place inside ``cooperation_graph/_data/``
SHIPPED = {
    **{f"data/{name}": name for name in ("ontology.ttl", "shapes.ttl", "wikidata_provinces.csv",
                                         "calibration.json")},
    "data/boundaries/provinces.json": "boundaries/provinces.json",
    **{f"queries/{p.name}": f"queries/{p.name}" for p in sorted((ROOT / "queries").glob("*.rq"))},
}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "cooperation_graph" / "_data"
        for source, name in SHIPPED.items():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / source, target / name)


setup(cmdclass={"build_py": BuildWithData})
