"""The benchmark stays runnable: the corpus generator's promises, and a 100-article run of
``bench/run.py`` end to end that must print a table of figures (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec.loader.exec_module(module)
    return module


make_corpus = _load("make_corpus")


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return list(make_corpus.iter_articles(300, seed=7))


def test_corpus_is_deterministic_and_seeded(tmp_path: Path) -> None:
    a = make_corpus.write_corpus(40, tmp_path / "a", seed=3)
    b = make_corpus.write_corpus(40, tmp_path / "b", seed=3)
    c = make_corpus.write_corpus(40, tmp_path / "c", seed=4)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert a[0].read_bytes() != c[0].read_bytes()
    manifest = make_corpus.read_manifest(tmp_path / "a")
    assert manifest["articles"] == 40 and manifest["seed"] == 3


def test_articles_have_the_ingest_keys_and_realistic_size(articles: list[dict]) -> None:
    ids = set()
    for art in articles:
        assert set(art) == {"id", "url", "title", "date", "text", "source", "synthetic"}
        assert art["synthetic"] is True
        datetime.fromisoformat(art["date"])
        size = len(art["text"].encode()) + len(art["title"].encode())
        assert 2_000 <= size <= 11_000, (art["id"], size)
        ids.add(art["id"])
    assert len(ids) == len(articles)


def test_provinces_follow_the_era_of_the_article(articles: list[dict]) -> None:
    legacy, current = make_corpus.load_units()
    assert len(legacy) == 63 and len(current) == 34
    gone = {u.name for u in legacy} - {u.name for u in current}
    after = [a for a in articles if date.fromisoformat(a["date"][:10]) >= make_corpus.MERGER_DATE]
    before = [a for a in articles if date.fromisoformat(a["date"][:10]) < make_corpus.MERGER_DATE]
    assert after and before
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(gone))) + r")\b")
    # names of people may touch a province name ("tỉnh Ninh Bình Dương Thị Thảo"): take them out
    world = make_corpus.World(7)
    names = re.compile("|".join(re.escape(p.name) for g in world.officials.values() for p in g))
    assert not [a["id"] for a in after if pattern.search(names.sub("#", a["title"] + "\n" + a["text"]))]
    assert sum(bool(pattern.search(a["text"])) for a in before) > len(before) // 2


def test_officials_are_reused_and_their_titles_change(articles: list[dict]) -> None:
    world = make_corpus.World(7)
    people = [p for group in world.officials.values() for p in group]
    seen = [sum(p.name in a["text"] for a in articles) for p in people]
    assert sum(n >= 2 for n in seen) >= 20  # the same people come back in other articles
    assert any(len(p.career) > 1 and p.titles(2013) != p.titles(2026) for p in people)


def test_corpus_carries_the_patterns(articles: list[dict]) -> None:
    text = "\n".join(a["text"] for a in articles)
    for marker in ("Bài liên quan", "Đọc thêm", ", Ảnh ", "mỗi tỉnh", "Trong đó,", "dự kiến hỗ trợ",
                   "Về phía", "dự án", "lĩnh vực:", "nội dung", "Sáng", "làm trưởng đoàn", "Uỷ"):
        assert marker in text, marker
    # a photo caption repeats a sentence on the next line
    assert any(re.search(r"^(.{40,})\n\1$", a["text"], re.M) for a in articles)


def test_big_articles_are_one_and_two_megabytes(tmp_path: Path) -> None:
    paths = make_corpus.write_big(tmp_path, seed=0)
    one = json.loads(paths["big-1mb"].read_text(encoding="utf-8"))["text"]
    two = json.loads(paths["big-2mb"].read_text(encoding="utf-8"))["text"]
    assert 1_000_000 <= len(one.encode()) < 1_100_000
    assert 2_000_000 <= len(two.encode()) < 2_100_000
    assert two.startswith(one)  # the same material, continued


def _has_pipeline_build() -> bool:
    try:
        from cooperation_graph import pipeline
    except ImportError:
        return False
    return hasattr(pipeline, "build")


def test_bench_smoke_run_prints_figures(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "100", "--workdir", str(tmp_path / "work"),
         "--doc", str(doc), "--quick"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| ") and not line.startswith("| step")]
    table = {tuple(c.strip() for c in line.strip("|").split(" | ")[:2]): line for line in rows}
    steps = {step for step, _ in table}
    assert {"corpus", "extract", "ingest", "query", "export", "view", "big article"} <= steps, proc.stdout
    for line in rows:  # every row has a figure or says why not
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        assert re.search(r"\d", cells[2]) or cells[2].startswith("n/a: "), line
    assert any(step == "corpus" and "100 in 1 shard" in line for (step, _), line in table.items())
    if _has_pipeline_build():
        ingest = [line for (step, _), line in table.items() if step == "ingest"]
        assert any("articles/s" in line and "n/a" not in line for line in ingest), proc.stdout
        assert any("peak RSS" in line for line in ingest)
        if list((ROOT / "queries").glob("*.rq")):
            assert any(re.search(r"\| \d+(\.\d+)? (ms|s) \|", table[key]) for key in table if key[0] == "query")
    assert re.search(r"\d+ PASS, \d+ MISS, \d+ n/a", proc.stdout)
    text = doc.read_text(encoding="utf-8")
    assert "<!-- bench-run n=100 -->" in text and "CPU(s)" in text and "| corpus |" in text


def test_screenshots_script_draws_the_four_views(tmp_path: Path) -> None:
    from browser import require_chromium

    require_chromium()  # skips without a browser, fails in CI
    out = tmp_path / "img"
    run = subprocess.run([sys.executable, str(BENCH / "screenshots.py"), "--n", "60",
                          "--workdir", str(tmp_path / "work"), "--out", str(out)],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    for name in ("entity.jpg", "network.jpg", "money.jpg", "province.jpg"):
        data = (out / name).read_bytes()
        assert data[:3] == b"\xff\xd8\xff" and len(data) > 20_000, name  # a JPEG with something drawn
        # the frame's size, from the JPEG's start-of-frame marker
        sof = next(i for i in range(len(data) - 9) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC2))
        assert (int.from_bytes(data[sof + 7:sof + 9], "big"), int.from_bytes(data[sof + 5:sof + 7], "big")) \
            == (1400, 900), name
