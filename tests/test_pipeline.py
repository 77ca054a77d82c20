"""The build pipeline's bookkeeping: pieces of big .jsonl files, progress in bytes and articles,
and the phases it announces. The articles are synthetic."""

from __future__ import annotations

import json
from pathlib import Path

from cooperation_graph import pipeline
from cooperation_graph.store import open_store


def _corpus(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "stream.jsonl"
    rows = []
    for i in range(n):
        text = (f"Ngày 3/5, tỉnh Nghệ An trao {i + 1} tỷ đồng hỗ trợ tỉnh Hà Tĩnh khắc phục hậu quả lũ."
                if i % 4 == 0 else f"Giá lúa tại An Giang hôm nay tăng {i} đồng mỗi ký.")
        rows.append(json.dumps({"id": f"s{i}", "title": f"Tin {i}", "date": "2021-05-04", "text": text,
                                "synthetic": True}, ensure_ascii=False))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_one_big_jsonl_is_built_in_pieces_by_the_pool_with_progress_in_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "JSONL_PIECE", 2_000)
    path = _corpus(tmp_path, 120)
    seen: list[tuple[int, int]] = []
    phases: list[str] = []
    store = open_store(tmp_path / "store")
    try:
        report = pipeline.build([path], store, workers=2, progress=lambda b, n: seen.append((b, n)),
                                phase=phases.append)
    finally:
        store.close()
    assert len(seen) > 5  # one call per piece, not one for the file
    assert sum(b for b, _ in seen) == path.stat().st_size
    assert [n for _, n in seen] == sorted(n for _, n in seen) and seen[-1][1] == 120
    assert report.added == 30 and report.gated == 90 and not report.failed
    assert phases == ["totals"]


def test_total_bytes_counts_the_files_a_run_reads(tmp_path):
    path = _corpus(tmp_path, 3)
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert pipeline.total_bytes([tmp_path]) == path.stat().st_size


def test_a_build_on_a_dask_cluster_writes_the_same_graphs_as_a_local_one(tmp_path, monkeypatch):
    distributed = __import__("pytest").importorskip("distributed")
    monkeypatch.setattr(pipeline, "JSONL_PIECE", 2_000)
    path = _corpus(tmp_path, 40)

    def dump(store_dir: Path, **options) -> tuple[bytes, object]:
        store = open_store(store_dir)
        try:
            report = pipeline.build([path], store, **options)
            return b"".join(sorted(store.dump("nq").splitlines(keepends=True))), report
        finally:
            store.close()

    local, local_report = dump(tmp_path / "local", workers=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        remote, remote_report = dump(tmp_path / "cluster", scheduler=client)
        again, again_report = dump(tmp_path / "cluster", scheduler=cluster.scheduler_address)
    assert remote == local and remote_report.added == local_report.added == 10
    assert again_report.skipped == 40 and again_report.added == 0  # the store's keys reach the workers
