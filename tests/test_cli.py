"""The command line as a person meets it: help, JSON/table output, bad input, exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cooperation_graph.cli import main

from conftest import SAMPLE


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_explains_itself_with_an_example(name):
    result = invoke(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output, f"coopgraph {name} --help has no Example block"


def test_extract_json_is_one_object_per_article():
    result = invoke("extract", str(SAMPLE), "--format", "json", "--workers", "1")
    assert result.exit_code == 0
    (line,) = [ln for ln in result.output.splitlines() if ln.strip()]
    data = json.loads(line)
    assert set(data) >= {"article", "provinces", "cooperation_pairs", "officials", "agreements",
                         "fundings", "investments", "events"}
    assert data["article"]["date"] == "2019-08-23"
    assert "text" not in data["article"]


def test_extract_table_for_a_person():
    result = invoke("extract", str(SAMPLE), "--format", "table", "--workers", "1")
    assert result.exit_code == 0
    assert "Hà Nội → Cần Thơ: trên 33.600 tỷ đồng" not in result.output  # investment, not funding
    assert "Hà Nội → Cần Thơ: 18 dự án, trên 33.600 tỷ đồng" in result.output
    assert "Hà Nội → Cần Thơ: 3 tỷ đồng (2019, given)" in result.output


def test_a_folder_with_bad_files_goes_on_and_summarises(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 0
    out = result.output  # stdout and stderr together
    assert f"error: {tmp_path / 'empty.txt'}: empty file" in out
    assert f"error: {tmp_path / 'bin.txt'}: binary file, not text" in out
    assert "1 article(s) from 1 of 3 file(s), 2 file(s) failed" in out


def test_nothing_readable_exits_non_zero(tmp_path):
    bad = tmp_path / "a.pdf"
    bad.write_bytes(b"%PDF")
    result = CliRunner().invoke(main, ["extract", str(bad)])
    assert result.exit_code != 0
    assert "unsupported file type '.pdf'" in result.output
