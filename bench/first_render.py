"""How long a page takes to draw in headless Chromium (Debian's ``chromium``), in real time.

Chromium is driven through the DevTools protocol over a pipe (``--remote-debugging-pipe``:
commands on fd 3, answers on fd 4, JSON messages ended by a NUL byte), so nothing but the
standard library is needed and no port is opened. The clock starts when the page is asked for
and stops when it says it has drawn: ``#cg-status`` with ``data-ready="1"`` (graph, map,
money and article pages); for a pyvis page, when its loading bar is gone (its layout is done);
else the load event. Nothing is fetched: the
flags turn off every background request Chromium makes on its own.

    seconds = first_render(Path("output/graph.html"))     # float, or raises RenderError
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

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
    "--window-size=1400,900",
)
READY = ("(function () { var s = document.getElementById('cg-status');"
         " if (s) return s.getAttribute('data-ready') === '1' ? 'ready' : 'drawing';"
         " if (document.readyState !== 'complete') return 'loading';"
         # pyvis's own page: its loading bar goes when the layout is done (over 100 nodes)
         " var bar = document.getElementById('loadingBar');"
         " if (bar && bar.style.display !== 'none') return 'drawing';"
         " return 'ready'; })()")


_BASH = shutil.which("bash") or "/bin/bash"


class RenderError(Exception):
    """No browser, or the page did not draw in time."""


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class _Browser:
    def __init__(self, binary: str, profile: str) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # the browser's ends well above 4, so that moving them onto 3 and 4 clobbers nothing
        to_browser_r, from_browser_w = (_high(fd) for fd in (to_browser_r, from_browser_w))

        # bash (sh takes one-digit fds only) puts the pipes on the protocol's fds 3 and 4,
        # then becomes the browser
        r, w = to_browser_r, from_browser_w
        self.process = subprocess.Popen(
            [_BASH, "-c", f'exec "$0" "$@" 3<&{r} 4>&{w} {r}<&- {w}>&-', binary, *FLAGS,
             "--remote-debugging-pipe", f"--user-data-dir={profile}"],
            pass_fds=(r, w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._id = 0

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None, timeout: float = 30.0) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buffer:
                raw, _, self._buffer = self._buffer.partition(b"\0")
                answer = json.loads(raw)
                if answer.get("id") == self._id:
                    if "error" in answer:
                        raise RenderError(f"{method}: {answer['error'].get('message')}")
                    return answer.get("result", {})
            if time.monotonic() > deadline:
                raise RenderError(f"{method}: no answer in {timeout:g} s")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RenderError("the browser closed")
            self._buffer += chunk

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (RenderError, OSError):
            pass
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


def _high(fd: int) -> int:
    import fcntl

    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


def first_render(page: str | Path, *, timeout: float = 60.0, poll: float = 0.02) -> float:
    """Seconds from asking for ``page`` (a file or URL) until it has drawn."""
    binary = find_chromium()
    if binary is None:
        raise RenderError("no chromium installed")
    url = str(page) if "://" in str(page) else Path(page).resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="cg-render-") as profile:
        browser = _Browser(binary, profile)
        try:
            target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.call("Target.attachToTarget",
                                   {"targetId": target, "flatten": True})["sessionId"]
            browser.call("Page.enable", session=session)
            start = time.perf_counter()
            browser.call("Page.navigate", {"url": url}, session=session)
            while True:
                state = browser.call("Runtime.evaluate", {"expression": READY,
                                                          "returnByValue": True},
                                     session=session).get("result", {}).get("value")
                elapsed = time.perf_counter() - start
                if state == "ready":
                    return elapsed
                if elapsed > timeout:
                    raise RenderError(f"not drawn in {timeout:g} s")
                time.sleep(poll)
        finally:
            browser.close()


if __name__ == "__main__":  # python bench/first_render.py PAGE...
    import sys

    for arg in sys.argv[1:]:
        try:
            print(f"{first_render(arg):.2f} s  {arg}")
        except RenderError as exc:
            print(f"n/a: {exc}  {arg}")
