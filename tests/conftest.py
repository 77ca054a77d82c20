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


# ------------------------------------------------------------------ memory watch
#: A test run that outgrows this (resident memory of the pytest process, or too little memory
#: left on the machine) is stopped with a report, instead of being killed by the kernel without
#: a word: which test was running, the largest processes, and every thread's stack.
RUNAWAY_RSS_KB = 8 * 1024 * 1024
LOW_MEMORY_KB = 1024 * 1024
_current: list[str] = ["(collecting)"]


def _meminfo(path: str, key: str) -> int | None:
    try:
        with open(path, encoding="ascii") as info:
            for line in info:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _watch(config: pytest.Config, interval: float = 0.25) -> None:
    import faulthandler
    import os
    import subprocess
    import sys
    import time

    while True:
        time.sleep(interval)
        rss = _meminfo("/proc/self/status", "VmRSS:") or 0
        available = _meminfo("/proc/meminfo", "MemAvailable:")
        if rss < RUNAWAY_RSS_KB and (available is None or available >= LOW_MEMORY_KB):
            continue
        capture = config.pluginmanager.getplugin("capturemanager")
        if capture is not None:  # the report goes to the terminal, not to a test's captured output
            capture.suspend_global_capture(in_=False)
        top = subprocess.run(["ps", "-eo", "rss,pid,ppid,etime,args", "--sort=-rss"],
                             capture_output=True, text=True, check=False).stdout.splitlines()[:8]
        print(f"\n[memory runaway: pytest process at {rss // 1024} MB, {(available or 0) // 1024} MB "
              f"left, during {_current[0]}; stopping the run]", *top, sep="\n  ", file=sys.stderr, flush=True)
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        print(f"[memory runaway during {_current[0]}: see the stacks above]", file=sys.stderr, flush=True)
        os._exit(3)


def pytest_configure(config: pytest.Config) -> None:
    import threading

    if Path("/proc/self/status").exists():
        threading.Thread(target=_watch, args=(config,), name="memory-watch", daemon=True).start()


def pytest_runtest_logstart(nodeid: str, location) -> None:
    _current[0] = nodeid
