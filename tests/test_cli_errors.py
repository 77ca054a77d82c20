"""Bad input and broken stores meet one clear line each, and nothing good is lost (issue 12)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cooperation_graph.cli import main

from conftest import SAMPLE

GOOD_TEXT = SAMPLE.read_text(encoding="utf-8").split("---", 2)[-1] if SAMPLE.read_text(
    encoding="utf-8").startswith("---") else SAMPLE.read_text(encoding="utf-8")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _mixed_jsonl(tmp_path: Path) -> Path:
    """Five lines: good, "url": 123, "authors": [1, null], a title object, a lone surrogate, good."""
    good = {"title": "Hà Nội - Cần Thơ hợp tác", "text": GOOD_TEXT}
    lines = [json.dumps({"id": "one", **good}, ensure_ascii=False),
             json.dumps({"id": "two", **good, "url": 123}, ensure_ascii=False),
             json.dumps({"id": "three", **good, "authors": [1, None]}, ensure_ascii=False),
             json.dumps({"id": "four", **good, "title": {"vi": "x"}}, ensure_ascii=False),
             json.dumps({"id": "five", **good})[:-1] + ', "section": "\\udc00"}',
             json.dumps({"id": "six", **good, "title": "Cần Thơ - Hà Nội hợp tác"}, ensure_ascii=False)]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error: ")]


def test_extract_reports_each_bad_line_and_keeps_the_others(tmp_path):
    path = _mixed_jsonl(tmp_path)
    result = run("extract", str(path), "--workers", "1")
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["one", "six"]
    assert _error_lines(result.stderr) == [
        f"error: {path}:2: 'url' must be a string, not a number (123)",
        f"error: {path}:3: 'authors' must hold strings only, not a number (1)",
        f"error: {path}:4: 'title' must be a string, not an object ({{\"vi\": \"x\"}})",
        f"error: {path}:5: 'section' holds a lone surrogate (\\udc00 at character 0), which is not a character",
    ]
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.stderr.splitlines()[-1] == "2 article(s) from 1 of 1 file(s), 4 bad line(s) or article(s) left out"


def test_build_reports_each_bad_line_and_stores_the_others(tmp_path):
    path = _mixed_jsonl(tmp_path)
    store = tmp_path / "store"
    result = run("build", str(path), "--store", str(store), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    errors = _error_lines(result.stderr)
    assert [e.split(": ")[1] for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    summary = next(line for line in result.stderr.splitlines() if " added, " in line)
    assert summary.startswith("2 added, 0 replaced, 0 unchanged, 4 failed;")
    listed = run("query", "SELECT ?id WHERE { GRAPH <https://w3id.org/coopgraph/store#records> "
                 "{ ?g <https://w3id.org/coopgraph/store#unitId> ?id } } ORDER BY ?id",
                 "--store", str(store), "--format", "csv")
    assert listed.stdout.split() == ["id", "gazetteer", "one", "six", "summary"]


def test_build_has_the_max_size_its_message_names(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(GOOD_TEXT + "\n" + "Hà Nội hợp tác với Cần Thơ. " * 40_000, encoding="utf-8")  # ~1.2 MB
    store = tmp_path / "store"
    refused = run("build", str(big), "--store", str(store), "--workers", "1", "--max-size", "0.5")
    assert "over the 0 MB limit" in refused.output or "limit for one article (raise it with --max-size)" in refused.output
    assert refused.exit_code != 0
    taken = run("build", str(big), "--store", str(store), "--workers", "1", "--max-size", "2")
    assert taken.exit_code == 0, taken.output
    assert "1 added" in taken.stderr


def test_an_unreadable_file_named_on_the_command_line_does_not_stop_the_run(tmp_path, monkeypatch):
    import os

    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    real_access, real_read = os.access, Path.read_bytes

    def access(path, mode, *args, **kwargs):  # as a user without the right to read it
        return False if str(path) == str(locked) else real_access(path, mode, *args, **kwargs)

    def read_bytes(self):
        if str(self) == str(locked):
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run("extract", str(locked), str(SAMPLE), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert f"error: {locked}: permission denied" in result.stderr
    assert len(result.stdout.splitlines()) == 1  # the sample's article
    built = run("build", str(locked), str(SAMPLE), "--store", str(tmp_path / "store"), "--workers", "1")
    assert built.exit_code == 0, built.output
    assert f"error: {locked}: permission denied" in built.stderr and "1 added" in built.stderr


def test_remove_with_a_mistyped_store_creates_nothing(tmp_path):
    typo = tmp_path / "stroe"
    result = run("remove", "some-article", "--store", str(typo))
    assert result.exit_code != 0
    assert result.output.strip() == f"Error: no store at {typo} (build one first: coopgraph build PATH)"
    assert not typo.exists()


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("built") / "store"
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "--store", str(store), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return store


@pytest.mark.parametrize("damage", ["missing", "garbled"])
def test_a_damaged_store_is_one_line_in_query_export_and_build(tmp_path, built_store, monkeypatch, damage):
    monkeypatch.setattr("cooperation_graph.store.READ_PAUSE", 0.001)
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    tables = sorted(store.rglob("*.sst"))  # the store's files and its readers' snapshot of them
    assert tables
    for sst in tables:
        if damage == "missing":
            sst.unlink()
        else:
            with open(sst, "r+b") as f:
                f.seek(0, 2)
                f.write(b"\0" * 100)
    for args in (["query", "pairs"], ["export", "--format", "nt", "--out", str(tmp_path / "out")],
                 ["build", str(SAMPLE), "--workers", "1"], ["validate"]):
        result = run(*args, "--store", str(store))
        assert result.exit_code != 0, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        (line,) = result.output.strip().splitlines()
        assert line.startswith(f"Error: cannot open store {store}: its files are damaged or missing"), line


def test_an_unreadable_store_is_one_line(tmp_path, built_store, monkeypatch):
    import pyoxigraph as ox

    def refused(path):  # as a user without the right to read the folder
        raise PermissionError(13, "Permission denied", str(Path(path) / "CURRENT"))

    monkeypatch.setattr(ox.Store, "read_only", staticmethod(refused))
    result = run("query", "pairs", "--store", str(built_store))
    assert result.exit_code != 0 and result.exception is None or isinstance(result.exception, SystemExit)
    line = result.output.strip()
    assert line.startswith(f"Error: {built_store}") and line.endswith("CURRENT: permission denied (cannot open the store)")
