"""Headless Chromium for tests: load a page, read its DOM and console, take a screenshot.

Uses Debian's ``chromium`` (``.ci/setup-browser.sh`` installs it) through its command line only:
``--dump-dom`` after a virtual-time budget (timers and animation frames run fast, so a page that
lays out a graph finishes), console output from ``--enable-logging=stderr``. Nothing is fetched:
the flags turn off every background request Chromium makes on its own.

    page = load_page(path)           # PageResult(dom, console)
    page.attr("cg-status", "data-nodes")
    screenshot(path, out_png)
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)
_CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\]?\s*\"(?P<msg>.*)\", source: (?P<src>.*)$")


def find_chromium() -> str | None:
    """Path of a Chromium binary, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def require_chromium() -> str:
    """The Chromium binary; skip the test without one, but fail in CI (CI=true)."""
    path = find_chromium()
    if path:
        return path
    message = "headless Chromium not installed (run .ci/setup-browser.sh)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class PageResult:
    dom: str
    console: list[str]  # every console message the page produced ("message @ source")

    def attr(self, element_id: str, name: str) -> str | None:
        """An attribute of the element with ``id=element_id`` in the final DOM."""
        finder = _AttrFinder(element_id, name)
        finder.feed(self.dom)
        return finder.value

    def text(self, element_id: str) -> str | None:
        """The text of the element with ``id=element_id`` (first text node only)."""
        match = re.search(rf'id="{re.escape(element_id)}"[^>]*>([^<]*)<', self.dom)
        return match.group(1) if match else None


class _AttrFinder(HTMLParser):
    def __init__(self, element_id: str, name: str) -> None:
        super().__init__()
        self.element_id, self.name, self.value = element_id, name, None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id") == self.element_id and self.value is None:
            self.value = found.get(self.name)


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Chromium in a process group of its own, the whole group killed when it is done or out of
    time: its renderer and zygote processes never outlive the test."""
    chromium = require_chromium()
    with tempfile.TemporaryDirectory(prefix="cg-chromium-", ignore_cleanup_errors=True) as profile:
        proc = subprocess.Popen([chromium, *FLAGS, f"--user-data-dir={profile}", *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            if proc.returncode is None:
                out, err = proc.communicate()
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _url(page: str | Path) -> str:
    text = str(page)
    return text if re.match(r"^[a-z]+://", text) else Path(text).resolve().as_uri()


def load_page(page: str | Path, *, budget_ms: int = 20000, timeout: float = 120,
              size: tuple[int, int] = (1400, 900)) -> PageResult:
    """Load ``page`` (a file path or URL), let it run ``budget_ms`` of virtual time, read it."""
    proc = _run(
        ["--enable-logging=stderr", "--v=0", f"--window-size={size[0]},{size[1]}",
         f"--virtual-time-budget={budget_ms}", "--dump-dom", _url(page)],
        timeout,
    )
    console = []
    for line in proc.stderr.splitlines():
        match = _CONSOLE.search(line)
        if match:
            console.append(f"{match['msg']} @ {match['src']}")
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise AssertionError(f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return PageResult(dom=proc.stdout, console=console)


def screenshot(page: str | Path, out: str | Path, *, budget_ms: int = 20000,
               size: tuple[int, int] = (1400, 900), timeout: float = 120) -> Path:
    """Write a PNG of ``page`` after ``budget_ms`` of virtual time."""
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    proc = _run(
        [f"--window-size={size[0]},{size[1]}", f"--virtual-time-budget={budget_ms}",
         f"--screenshot={out}", _url(page)],
        timeout,
    )
    if not out.exists() or out.stat().st_size == 0:
        raise AssertionError(f"no screenshot written ({proc.returncode}): {proc.stderr[-2000:]}")
    return out
