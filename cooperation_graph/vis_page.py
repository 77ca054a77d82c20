"""The page around a vis-network drawing: one template (``static/vis_page.html``), no pyvis
rendering.

A page is the side panel, an empty ``#mynetwork``, vis-network, the page data as JSON in
``<script type="application/json" id="cg-data">`` and one script: the shared code
(``views_common.js``), the drawing (``vis_draw.js``: ``CG.vis`` -> the globals ``nodes``,
``edges``, ``network``) and the page's own script. vis-network's files come from the pyvis
wheel. A standalone page embeds everything (~700 KB); the thousands of article pages link one
shared copy instead (:func:`write_shared_assets`), which also holds their CSS and script, so an
article page carries only its own text and data (the template is filled by plain string
replacement: 10,000 pages in a few seconds).
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pyvis.network import Network

from . import view_assets as assets
from .errors import CooperationGraphError

_VIS_DIR = Path(Network.__init__.__code__.co_filename).parent / "templates" / "lib" / "vis-9.1.2"
VIS_FILES = ("vis-network.min.js", "vis-network.css")
#: page kind -> (its script file, the width of its side panel)
PAGE_KINDS = {
    "entity": ("entity.js", "340px"),
    "provinces": ("provinces.js", "340px"),
    "article": ("article.js", "min(52vw, 760px)"),
    "explorer": ("explorer.js", "360px"),
}
_REMOTE = re.compile(r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


class PageError(CooperationGraphError):
    """A vis-network page cannot be assembled."""


@functools.lru_cache(maxsize=2)
def vis_file(name: str) -> str:
    """vis-network's JS or CSS from the pyvis wheel."""
    return (_VIS_DIR / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=8)
def page_css(kind: str) -> str:
    """Our CSS of a page kind (its side panel's width filled in)."""
    return assets.CSS.replace("__SIDE__", PAGE_KINDS[kind][1])


@functools.lru_cache(maxsize=8)
def page_script(kind: str) -> str:
    """The one script of a page kind: shared code, drawing, the page's own code."""
    return "\n".join((assets.COMMON_JS, assets.static_text("vis_draw.js"),
                      assets.static_text(PAGE_KINDS[kind][0])))


def shared_names(kind: str) -> tuple[str, str]:
    """File names of a page kind's CSS and script in the shared folder."""
    return f"{kind}-page.css", f"{kind}-page.js"


def write_shared_assets(folder: str | Path, kinds: tuple[str, ...] = ("article",)) -> Path:
    """Write vis-network's JS and CSS and the CSS and script of each page kind into
    ``folder``, for pages that link them (files already there and unchanged are left)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {name: vis_file(name) for name in VIS_FILES}
    for kind in kinds:
        css, js = shared_names(kind)
        files[css], files[js] = page_css(kind), page_script(kind)
    for name, text in files.items():
        data = text.encode("utf-8")
        target = folder / name
        try:
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
        except OSError as exc:
            raise PageError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    return folder


def _inline(text: str, tag: str) -> str:
    # a script may not hold "</script" (nor a style "</style"): the page would end there
    if f"</{tag}" in text.lower():
        raise PageError(f"internal error: an embedded {tag} holds </{tag}>")
    return f"<{tag}>{text}</{tag}>"


@functools.lru_cache(maxsize=16)
def _frame(kind: str, shared: str | None) -> tuple[str, str, str]:
    """The styles, vis-network and the page's script, embedded or linked."""
    if shared:
        prefix = html.escape(shared.rstrip("/"), quote=True)
        css, js = shared_names(kind)
        styles = (f'<link rel="stylesheet" href="{prefix}/{VIS_FILES[1]}">\n'
                  f'<link rel="stylesheet" href="{prefix}/{css}">')
        vis = f'<script src="{prefix}/{VIS_FILES[0]}"></script>'
        script = f'<script src="{prefix}/{js}"></script>'
    else:
        styles = _inline(vis_file(VIS_FILES[1]), "style") + "\n" + _inline(page_css(kind), "style")
        vis = _inline(vis_file(VIS_FILES[0]), "script")
        script = _inline(page_script(kind), "script")
    # what the page loads is all here (the side panel's HTML is escaped, the data is JSON)
    if any(_REMOTE.search(part) for part in (styles, vis, script)):
        raise PageError("internal error: a remote script or stylesheet in the page")
    return styles, vis, script


def assemble(kind: str, *, title: str, side_html: str, data: Mapping[str, Any],
             shared: str | None = None, data_scripts: tuple[str, ...] = ()) -> str:
    """The page of a kind of :data:`PAGE_KINDS`: ``data`` (with ``vis``: nodes, edges,
    options) goes into ``#cg-data``; ``shared``: the relative URL of a folder
    :func:`write_shared_assets` wrote, to link instead of embedding ~700 KB;
    ``data_scripts``: relative URLs of scripts holding more data, loaded before the page's
    (a page opened from ``file://`` may load scripts, not fetch files)."""
    styles, vis, script = _frame(kind, shared)
    for src in data_scripts:
        if re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", src, re.IGNORECASE):
            raise PageError(f"a data script must be linked by a relative path, not {src!r}")
        vis += f'\n<script src="{html.escape(src, quote=True)}"></script>'
    parts = {"TITLE": html.escape(title), "STYLES": styles, "SIDE": side_html, "VIS": vis,
             "DATA": script_json(dict(data)), "SCRIPT": script}
    # one pass, so nothing inserted (article text in SIDE or DATA) is searched for placeholders
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m[1]], _template())


def script_json(value: Any, *, compact: bool = False) -> str:
    """JSON safe to put inside a ``<script>`` element: no ``</script>``, no HTML comment
    (``compact``: without spaces after separators)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str,
                      separators=(",", ":") if compact else None)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@functools.lru_cache(maxsize=1)
def _template() -> str:
    return assets.static_text("vis_page.html")


__all__ = ["PAGE_KINDS", "VIS_FILES", "PageError", "assemble", "script_json", "vis_file",
           "write_shared_assets"]
