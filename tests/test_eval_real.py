"""The real-text evaluation set (data/eval-real): recipes and gold are in the repository, the
third-party texts are not. Its consistency is checked everywhere; the dev split is scored
against its floors only where the texts were re-created (data/eval-real/README.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cooperation_graph import evaluate as ev
from cooperation_graph.errors import InputError

REAL = Path(__file__).resolve().parent.parent / "data" / "eval-real"
TEXTS = REAL / "texts"


def _sources() -> list[dict]:
    return [json.loads(line) for line in (REAL / "sources.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_every_source_has_a_recipe_gold_and_a_split():
    sources = _sources()
    ids = [s["id"] for s in sources]
    assert len(ids) == len(set(ids)) >= 150
    for s in sources:
        assert s["corpus"] == "pages" and s["query"] and s["rank"] >= 1 and s["url"].startswith("http")
        assert re.fullmatch(r"[0-9a-f]{64}", s["sha256"])
    splits = json.loads((REAL / "splits.json").read_text(encoding="utf-8"))
    dev, test = set(splits["dev"]), set(splits["test"])
    assert not dev & test and dev | test == set(ids)
    assert 0.28 <= len(test) / len(ids) <= 0.38
    gold = {p.name[: -len(ev.GOLD_SUFFIX)] for p in (REAL / "gold").glob("*" + ev.GOLD_SUFFIX)}
    assert gold == set(ids)


def test_gold_fits_the_model_and_keeps_no_article_text():
    for path in sorted((REAL / "gold").glob("*" + ev.GOLD_SUFFIX)):
        gold = ev.load_gold(path)
        assert gold["article"]["synthetic"] is False
        assert "text" not in gold["article"]
        ev.gold_to_extraction(gold)  # raises when a fact does not fit the model


def test_a_missing_texts_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="re-create the texts"):
        ev.evaluate(REAL, texts_dir=tmp_path / "nothing", split="dev")


@pytest.mark.skipif(not TEXTS.is_dir(), reason="real texts not re-created (data/eval-real/README.md)")
def test_real_dev_split_stays_above_its_floors():
    report = ev.evaluate(REAL, texts_dir=TEXTS, split="dev")
    failed = ev.regressions(report, ev.load_baseline(REAL / "baseline-dev.json"))
    assert not failed, "\n".join(failed)
