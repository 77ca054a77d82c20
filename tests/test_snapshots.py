"""Readers read published snapshots, never the folder a writer writes (snapshots.py)."""

from __future__ import annotations

from cooperation_graph import snapshots
from cooperation_graph.query import query_store
from cooperation_graph.store import EmbeddedStore

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _insert(store: EmbeddedStore, n: int) -> None:
    store.update(f'INSERT DATA {{ GRAPH <http://e/g{n}> {{ <http://e/s> <http://e/p> "{n}" }} }}')


def _count(path) -> int:
    return int(query_store(path, COUNT, fmt="csv").split()[1])


def test_readers_see_what_was_published_not_what_is_half_written(tmp_path):
    path = tmp_path / "store"
    writer = EmbeddedStore(path)
    _insert(writer, 1)
    writer.publish()
    _insert(writer, 2)  # written, not yet published: a build between two batches
    assert _count(path) == 1
    writer.close()  # closing publishes
    assert _count(path) == 2
    assert [p.name for p in (path / snapshots.SNAPSHOTS).iterdir()] == [snapshots.newest(path).name]


def test_a_snapshot_a_reader_holds_is_kept_until_it_is_let_go(tmp_path):
    path = tmp_path / "store"
    writer = EmbeddedStore(path)
    _insert(writer, 1)
    writer.publish()
    reader = EmbeddedStore(path, read_only=True)  # holds the snapshot with one graph
    held = snapshots.newest(path)
    _insert(writer, 2)
    writer.publish()
    assert held.is_dir() and snapshots.newest(path) != held  # not deleted under the reader
    assert sum(1 for _ in reader.quads()) == 1  # and still reads as it was
    reader.close()
    _insert(writer, 3)
    writer.publish()
    assert not held.exists()  # let go: the next publication deletes it
    assert len(list((path / snapshots.SNAPSHOTS).iterdir())) == 1
    writer.close()
    assert _count(path) == 3


def test_a_store_without_snapshots_is_read_in_place_and_gets_one_from_its_next_writer(tmp_path):
    import pyoxigraph as ox

    path = tmp_path / "store"
    old = ox.Store(str(path))  # a store written by an earlier version, without snapshots
    old.update('INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> "x" } }')
    old.flush()
    del old
    assert snapshots.newest(path) is None and _count(path) == 1
    EmbeddedStore(path).close()  # any writer's session ends with one
    assert snapshots.newest(path) is not None and _count(path) == 1


def test_leftovers_of_a_killed_writer_are_cleared_by_the_next_one(tmp_path):
    path = tmp_path / "store"
    EmbeddedStore(path).close()
    half = path / snapshots.SNAPSHOTS / ".00000000000000000001.tmp"
    half.mkdir()  # a checkpoint a killed writer did not finish
    assert snapshots.newest(path) != half
    writer = EmbeddedStore(path)
    _insert(writer, 1)
    writer.close()
    assert not half.exists() and _count(path) == 1


def test_without_advisory_locks_writers_keep_the_two_newest(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshots, "fcntl", None)  # as on Windows
    path = tmp_path / "store"
    writer = EmbeddedStore(path)
    for n in range(4):
        _insert(writer, n)
        writer.publish()
    assert len(list((path / snapshots.SNAPSHOTS).iterdir())) == 2
    writer.close()
    assert _count(path) == 4
