"""Golden files: each article under tests/golden/extract/ beside the JSON it must give, and the
user's sample article beside tests/golden/extract/sample.json. ``--update-golden`` rewrites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cooperation_graph.pipeline import extract_path

from conftest import SAMPLE

GOLDEN = Path(__file__).parent / "golden" / "extract"
CASES = [(SAMPLE, GOLDEN / "sample.json")] + [
    (p, p.with_suffix(".json")) for p in sorted(GOLDEN.iterdir()) if p.suffix in (".txt", ".html")]


def as_json(path: Path) -> dict:
    (ex,) = list(extract_path(path))
    data = ex.to_dict()
    data["article"].pop("path")  # depends on where the checkout is
    return data


@pytest.mark.parametrize("article,expected", CASES, ids=[c[0].stem for c in CASES])
def test_golden(article: Path, expected: Path, update_golden: bool):
    got = as_json(article)
    if update_golden or not expected.exists():
        expected.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{expected.name} was missing and has been written: check it, then rerun")
    assert got == json.loads(expected.read_text(encoding="utf-8"))
