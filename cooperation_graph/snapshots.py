"""Read-only snapshots of an embedded store: what readers open while a writer works.

Oxigraph calls a read-only handle opened beside a writing process undefined behaviour, and it
is: a query on such a handle, while a build compacted files away under it, was seen looping
inside the engine and allocating until the machine ran out of memory (24 GB in three minutes).
So readers never open the folder a writer writes. Every write of :class:`store.EmbeddedStore`
ends by publishing a snapshot, a RocksDB checkpoint of the store (hard links to its immutable
files: milliseconds, no copy) under ``<store>/snapshots/<time>``; readers open the newest one.
A snapshot never changes after it is published, so a read-only handle on it is well defined,
and it is a consistent point in the writer's sequence of writes (a build's stale-totals mark
is in every snapshot that holds its new articles).

A reader holds a shared lock on the snapshot it reads (``READERS`` inside it) for as long as
its handle is open; a writer deletes older snapshots only when it can take that lock
exclusively, so no file is ever deleted under a reader. A store without snapshots (built by an
earlier version) is read in place, as before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; readers pin nothing and writers keep two snapshots
    fcntl = None  # type: ignore[assignment]

SNAPSHOTS = "snapshots"
READERS = "READERS"


def newest(path: str | Path) -> Path | None:
    """The newest published snapshot of the store at ``path``, or None."""
    try:
        names = [e.name for e in os.scandir(Path(path) / SNAPSHOTS) if e.is_dir() and e.name.isdigit()]
    except OSError:
        return None
    return Path(path) / SNAPSHOTS / max(names) if names else None


def publish(store: Any, path: str | Path) -> Path:
    """Checkpoint ``store`` (an open read-write ``pyoxigraph.Store`` at ``path``) as the newest
    snapshot, then delete the older snapshots no reader holds."""
    root = Path(path) / SNAPSHOTS
    root.mkdir(exist_ok=True)
    name = f"{time.time_ns():020d}"
    building = root / f".{name}.tmp"
    store.backup(str(building))  # RocksDB checkpoint: flushes, then hard-links the files
    (building / READERS).touch()
    target = root / name
    os.rename(building, target)  # readers only ever see a whole snapshot
    prune(root, keep=target)
    return target


def prune(root: Path, keep: Path) -> None:
    """Delete every snapshot but ``keep`` that no reader holds, and leftovers of killed writers."""
    entries = sorted(os.scandir(root), key=lambda e: e.name)
    if fcntl is None:  # no locks to ask: keep the newest but one as well, for readers opened just before
        entries = [e for e in entries if not e.name.isdigit()] + [e for e in entries if e.name.isdigit()][:-2]
    for entry in entries:
        if entry.path == str(keep) or not entry.is_dir():
            continue
        if not entry.name.isdigit():  # a checkpoint or a deletion a killed writer left half done
            shutil.rmtree(entry.path, ignore_errors=True)
            continue
        if fcntl is None:
            shutil.rmtree(entry.path, ignore_errors=True)
            continue
        try:
            fd = os.open(os.path.join(entry.path, READERS), os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # a reader has it open: the next write tries again
            os.close(fd)
            continue
        try:
            trash = os.path.join(root, f".{entry.name}.trash")
            os.rename(entry.path, trash)  # gone for readers at once, then deleted at leisure
            shutil.rmtree(trash, ignore_errors=True)
        finally:
            os.close(fd)


def pin(path: str | Path) -> tuple[Path, Callable[[], None]]:
    """The folder a reader should open for the store at ``path`` (its newest snapshot, or the
    store itself when it has none), and the function that releases it once the handle closes."""
    for _ in range(20):
        snapshot = newest(path)
        if snapshot is None:
            return Path(path), release_nothing
        if fcntl is None:
            return snapshot, release_nothing
        try:
            fd = os.open(snapshot / READERS, os.O_RDONLY)
        except OSError:  # deleted between listing and opening: take the next newest
            continue
        fcntl.flock(fd, fcntl.LOCK_SH)
        if snapshot.is_dir():  # still there now that we hold it: the writer will leave it be
            return snapshot, lambda: _close(fd)
        os.close(fd)
    return Path(path), release_nothing


def _close(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


def release_nothing() -> None:
    return None
