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


# ------------------------------------------------------------------ memory watch (CI)
#: Below this much available memory a test's start is reported on stderr with the largest
#: processes, so that a run the kernel kills for want of memory says where it was.
LOW_MEMORY_KB = 3 * 1024 * 1024


def _available_kb() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def pytest_runtest_logstart(nodeid: str, location) -> None:
    available = _available_kb()
    if available is None or available >= LOW_MEMORY_KB:
        return
    import subprocess
    import sys

    top = subprocess.run(["ps", "-eo", "rss,pid,ppid,etime,args", "--sort=-rss"],
                         capture_output=True, text=True, check=False).stdout.splitlines()[:8]
    print(f"\n[low memory: {available // 1024} MB available at {nodeid}]", *top,
          sep="\n  ", file=sys.stderr, flush=True)
    if not _DUMPED:  # once: what every thread of this process is doing (a runaway one shows)
        import faulthandler

        _DUMPED.append(nodeid)
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)


_DUMPED: list[str] = []
