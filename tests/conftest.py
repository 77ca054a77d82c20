"""Shared fixtures. ``pytest --update-golden`` rewrites golden files on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "tttd-2019-08-23-ha-noi-can-tho.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite golden files from the current output instead of comparing.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def gazetteer():
    from cooperation_graph.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def sample_extraction():
    from cooperation_graph.pipeline import extract_path

    (ex,) = list(extract_path(SAMPLE))
    return ex
