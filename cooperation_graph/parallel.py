"""Work shared between this process and one forked helper, for ``coopgraph view`` on a big
store (two cores: 10,000 articles' views in about half the time).

A helper is forked, not spawned: it starts at once and shares, without copying, what this
process holds (the store's reading, the entity graph); it only reads files and writes pages,
never the store. Its answer comes back pickled through a pipe. A helper that fails or dies
is not trusted: what it was given is done again here. Where forking is not possible (not
Linux, one core) or not worth it, everything is done here, in order, when asked for.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any


def can_fork() -> bool:
    """True on a machine with a spare core whose Python can fork."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


class InChild:
    """``work()`` in a forked helper when ``parallel`` (and :func:`can_fork`), else here when
    :meth:`result` is first asked for."""

    def __init__(self, work: Callable[[], Any], *, parallel: bool) -> None:
        self.work = work
        self.forked = parallel and can_fork()
        self._process: Any = None
        self._done = False
        self._value: Any = None
        if self.forked:
            context = multiprocessing.get_context("fork")
            self._answer, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(work, send), daemon=True)
            self._process.start()
            send.close()

    def result(self) -> Any:
        """What ``work()`` returned (in the helper, or here)."""
        if self._done:
            return self._value
        status, value = "here", None
        if self._process is not None:
            try:
                status, value = self._answer.recv()
            except (EOFError, OSError):
                status = "lost"
            finally:
                self._answer.close()
                self._process.join()
        self._value = value if status == "ok" else self.work()
        self._done = True
        return self._value


def _run(work: Callable[[], Any], send: Any) -> None:  # pragma: no cover - in the helper
    try:
        answer = ("ok", work())
    except BaseException as exc:  # noqa: BLE001 - told to the parent, which does it again
        answer = ("error", repr(exc))
    send.send(answer)
    send.close()


class SharedJobs:
    """Jobs taken in turn, from the start by a forked helper and, once :meth:`finish` is
    called (when this process is done with its own work), by this process too: both cores
    stay busy to the end whatever each job costs."""

    def __init__(self, jobs: Sequence[Callable[[], Any]], *, parallel: bool) -> None:
        self.jobs = jobs
        forked = parallel and can_fork()
        self._next: Any = (multiprocessing.get_context("fork").Value("q", 0) if forked
                           else _Counter())
        self._helper = InChild(self._take_all, parallel=forked)

    def _take_all(self) -> dict[int, Any]:
        done: dict[int, Any] = {}
        while True:
            with self._next.get_lock():
                i = self._next.value
                self._next.value = i + 1
            if i >= len(self.jobs):
                return done
            done[i] = self.jobs[i]()

    def finish(self) -> list[Any]:
        """Every job's result, in the order of the jobs."""
        done = self._take_all() if self._helper.forked else {}
        done.update(self._helper.result())
        for i in range(len(self.jobs)):
            if i not in done:  # taken by a helper that failed
                done[i] = self.jobs[i]()
        return [done[i] for i in range(len(self.jobs))]


class _Counter:
    """The counter of one process, with the interface of ``multiprocessing.Value``."""

    def __init__(self) -> None:
        self.value = 0

    def get_lock(self) -> contextlib.nullcontext[None]:
        return contextlib.nullcontext()


__all__ = ["InChild", "SharedJobs", "can_fork"]
