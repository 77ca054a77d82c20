"""The README's screenshots, taken from the views of a 2,000-article build.

Usage::

    python bench/screenshots.py [--n 2000] [--workdir output/screenshots] [--out docs/img]

Writes the synthetic corpus of ``bench/make_corpus.py`` (every article says ``synthetic: true``),
builds it into an embedded store (``coopgraph build``), writes the views (``coopgraph view``) and
draws four pages in headless Chromium (Debian's ``chromium``, as in ``bench/first_render.py``),
each saved once it says it has drawn (``#cg-status`` ``data-ready="1"``):

* ``entity.jpg``: ``graph.html#node=…``, the neighbourhood of the most connected province;
* ``network.jpg``: ``provinces.html``, the province network;
* ``money.jpg``: ``money.html``, the Sankey of fundings and investments;
* ``province.jpg``: the page of the same province (``provinces/<name>-<era>.html``).

The corpus and the store stay in ``--workdir`` (git-ignored under ``output/``); a rerun reuses
them. Nothing is fetched: the pages embed their scripts.
"""

from __future__ import annotations

import argparse
import base64
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import first_render  # noqa: E402  (a sibling script, not a package module)

SIZE = (1400, 900)


def shoot(page: str, image: Path, *, timeout: float = 60.0) -> None:
    """Draw ``page`` (a file URL, with its fragment) at :data:`SIZE` and save it as ``image`` (JPEG)."""
    binary = first_render.find_chromium()
    if binary is None:
        raise SystemExit("screenshots: no chromium installed (run .ci/setup-browser.sh)")
    with tempfile.TemporaryDirectory(prefix="cg-shot-") as profile:
        browser = first_render._Browser(binary, profile)
        try:
            target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            browser.call("Emulation.setDeviceMetricsOverride", {"width": SIZE[0], "height": SIZE[1],
                                                                "deviceScaleFactor": 1, "mobile": False},
                         session=session)
            browser.call("Page.enable", session=session)
            browser.call("Page.navigate", {"url": page}, session=session)
            deadline = time.monotonic() + timeout
            while browser.call("Runtime.evaluate", {"expression": first_render.READY, "returnByValue": True},
                               session=session).get("result", {}).get("value") != "ready":
                if time.monotonic() > deadline:
                    raise SystemExit(f"screenshots: {page} not drawn in {timeout:g} s")
                time.sleep(0.1)
            time.sleep(1.0)  # let a laid-out graph settle and fit
            shot = browser.call("Page.captureScreenshot", {"format": "jpeg", "quality": 85}, session=session)
            image.write_bytes(base64.b64decode(shot["data"]))
        finally:
            browser.close()


def _run(*args: str) -> None:
    print("$", " ".join(args), file=sys.stderr)
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)  # (view lists every page it writes)


def _hub(views: Path) -> tuple[str, str] | None:
    """(node IRI, label) of the explorer's most connected province; None when ``graph.html`` is
    drawn whole (a small graph)."""
    data = views / "assets" / "graph-nodes.js"
    if not data.is_file():
        return None
    text = data.read_text(encoding="utf-8")
    nodes = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
    top = nodes["start"]["provinces"][0]
    iri = next(k for k, v in nodes["iri"].items() if v == top)
    return iri, nodes["l"][top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--workdir", type=Path, default=Path("output/screenshots"))
    parser.add_argument("--out", type=Path, default=Path("docs/img"), help="folder for the JPEG files")
    args = parser.parse_args()
    work, out = args.workdir.resolve(), args.out.resolve()
    corpus, store, views = work / f"corpus-{args.n}", work / f"store-{args.n}", work / "views"
    out.mkdir(parents=True, exist_ok=True)
    if not (corpus / "manifest.json").is_file():
        _run(sys.executable, str(HERE / "make_corpus.py"), str(args.n), str(corpus))
    if not (store / "CURRENT").is_file():
        _run(sys.executable, "-m", "cooperation_graph.cli", "build", str(corpus), "--store", str(store))
    _run(sys.executable, "-m", "cooperation_graph.cli", "view", "--store", str(store), "--out", str(views))
    hub = _hub(views)
    pages_of_units = [p for p in sorted((views / "provinces").glob("*.html")) if p.name != "index.html"]
    province = next((p for p in pages_of_units if hub and f"<title>{hub[1]}" in p.read_text(encoding="utf-8")[:2000]),
                    max(pages_of_units, key=lambda p: p.stat().st_size, default=None))
    pages = [("entity.jpg", (views / "graph.html").as_uri() + ("#node=" + hub[0] if hub else "")),
             ("network.jpg", (views / "provinces.html").as_uri()),
             ("money.jpg", (views / "money.html").as_uri())]
    if province is not None:
        pages.append(("province.jpg", province.as_uri()))
    for name, page in pages:
        shoot(page, out / name)
        print(f"{out / name}  ({page.rsplit('/', 1)[-1][:60]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
