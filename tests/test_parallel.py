"""Work shared with a forked helper (``coopgraph view`` on a big store) gives the same pages as
work done in one process, and survives a helper that fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from graph_fixtures import SAMPLE as SAMPLE_PATH

from cooperation_graph import views
from cooperation_graph.parallel import InChild, SharedJobs, can_fork
from cooperation_graph.pipeline import extract_path
from cooperation_graph.store import build_paths, open_store

needs_fork = pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@needs_fork
def test_shared_work_writes_the_same_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "in" / SAMPLE_PATH.name
    source.parent.mkdir()
    source.write_text(SAMPLE_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    store = open_store(tmp_path / "store")
    build_paths([source], store, extract_path)
    store.close()
    alone = views.write_views(tmp_path / "store", tmp_path / "alone")
    monkeypatch.setattr(views, "PARALLEL_ARTICLES", 0)
    monkeypatch.setattr(views, "ARTICLE_CHUNK", 1)
    shared = views.write_views(tmp_path / "store", tmp_path / "shared")
    assert [p.relative_to(tmp_path / "alone") for p in alone] == [
        p.relative_to(tmp_path / "shared") for p in shared]
    assert tree(tmp_path / "alone") == tree(tmp_path / "shared")
    page = (tmp_path / "shared" / "articles" / (source.stem + ".html")).read_text("utf-8")
    assert "Toàn văn không có" not in page  # the text the helper read came back


@needs_fork
def test_a_failed_helper_leaves_nothing_undone() -> None:
    parent = os.getpid()

    def job(i: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the helper breaks")
        return i * i

    jobs = [lambda i=i: job(i) for i in range(50)]
    assert SharedJobs(jobs, parallel=True).finish() == [i * i for i in range(50)]
    assert InChild(lambda: job(7), parallel=True).result() == 49


def test_without_a_helper_everything_is_done_here() -> None:
    calls: list[int] = []
    jobs = [lambda i=i: calls.append(i) or i for i in range(5)]
    sharing = SharedJobs(jobs, parallel=False)
    assert calls == []  # nothing before it is asked for
    assert sharing.finish() == [0, 1, 2, 3, 4] and calls == [0, 1, 2, 3, 4]
