"""``money.html``: fundings and investments as flows from giving to receiving provinces.

One page with a Sankey diagram (giver province on the left, receiver on the right, link width =
đồng, fundings and investments in their own colours), a from-to year range, a province filter,
a choice of fact kinds and of how many flows to draw, a yearly bar chart of money given and
received, and, on clicking a flow (in the diagram or in the list), its facts with amount, years,
purpose and evidence sentences linked to the article pages.

The charts are drawn by plotly.js, the copy bundled in the ``plotly`` wheel, written once to a
shared asset folder beside the pages (:func:`write_plotly_asset`) and loaded with a relative
``<script src>``, so the page works offline from ``file://``. The page's own script and style
are package files (``static/money.*``); the data reaches it as compact JSON (see
:func:`money_data`) and is put into the DOM with ``textContent`` only. A large store's evidence
sentences and article list (3.7 MB of a 6.2 MB page at 10,000 articles) go to a file of their
own in the same folder (:func:`write_money_evidence`), a script that sets a global (a page
opened from ``file://`` may load scripts, not fetch files).

Years: a funding counts in the years the article gives for it; anything else (investments,
fundings without a year) in the publication year of the earliest article reporting it. A fact
given for several years (``trong các năm 2014 và 2016 ... 5 tỷ đồng``) is in a range when any
of its years is, and the bar chart puts its amount on the first of its years inside the range
(the article gives one total, not a split).
"""

from __future__ import annotations

import html
import importlib.util
import re
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import networkx as nx

from . import view_assets as assets
from .views import (
    ViewError,
    _safe_url,
    _script_json,
    _vi_date,
    _vi_number,
    article_filename,
    format_vnd,
)

#: The shared asset file; pages refer to it as ``<prefix>/plotly.min.js``.
PLOTLY_FILE = "plotly.min.js"
#: Folder (relative to the output folder) holding assets shared between the pages.
ASSETS_DIR = "assets"
#: Evidence sentences kept per fact (an often reported fact keeps its first ones).
MAX_EVIDENCE = 5
#: The shared file of the evidence sentences and articles, beside plotly.js.
EVIDENCE_FILE = "money-evidence.js"
#: Evidence (sentences and article list) of more bytes than this leaves the page for
#: :data:`EVIDENCE_FILE`; less stays in the page, which is then one file.
EVIDENCE_INLINE_MAX = 500_000

#: edge label of the giving side -> fact kind code in the page data
_KINDS = {"funding": 0, "investment": 1}
_GIVER_EDGE = {"funding": "hỗ trợ", "investment": "đầu tư"}
_RECEIVER_EDGE = {"funding": "cho", "investment": "tại"}
_STATUS = {"given": "đã trao", "signed": "đã ký", "planned": "dự kiến"}


def plotly_js_path() -> Path:
    """The ``plotly.min.js`` bundled in the ``plotly`` wheel."""
    # found, not imported: importing plotly loads far more than this one file
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.origin:
        raise ViewError("the money view needs the 'plotly' package (pip install plotly)")
    path = Path(spec.origin).parent / "package_data" / PLOTLY_FILE
    if not path.is_file():
        raise ViewError(f"plotly.js not found in the plotly package ({path})")
    return path


def write_plotly_asset(folder: str | Path) -> Path:
    """Copy plotly.js into ``folder`` unless an identical copy is there; return its path."""
    folder = Path(folder)
    source = plotly_js_path()
    target = folder / PLOTLY_FILE
    if target.is_file() and target.stat().st_size == source.stat().st_size \
            and target.read_bytes() == source.read_bytes():
        return target  # unchanged: not rewritten, so its date tells when it last changed
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    except OSError as exc:
        raise ViewError(f"{target}: cannot write plotly.js ({exc.strerror or exc})") from exc
    return target


# --------------------------------------------------------------------------------------------
# Data


def _article_year(evidence: list[Mapping[str, Any]]) -> int | None:
    years = [int(str(e["article_date"])[:4]) for e in evidence
             if re.match(r"^\d{4}", str(e.get("article_date") or ""))]
    return min(years) if years else None


def _province_labels(G: nx.MultiDiGraph, nodes: set[Any]) -> dict[Any, str]:
    """Display labels; an old and a new unit of one name get ``(cũ)`` / ``(mới)``."""
    names = Counter(str(G.nodes[n].get("label") or n) for n in nodes)
    labels = {}
    for node in nodes:
        label = str(G.nodes[node].get("label") or node)
        if names[label] > 1:
            era = G.nodes[node].get("era")
            label += {"legacy": " (cũ)", "current": " (mới)"}.get(str(era), "")
        labels[node] = label
    return labels


def money_data(G: nx.MultiDiGraph, *, article_pages: bool = False) -> dict[str, Any]:
    """The page data from an entity graph (:func:`~cooperation_graph.projection.rdf_to_networkx`).

    Compact lists, not objects (a 10,000-article build has thousands of facts)::

        p: province labels                     s: evidence sentences
        a: articles [title, dd/mm/yyyy, href]  (href: the article page with ``article_pages``,
                                                else the source URL if http(s), else "")
        f: facts [kind (0 funding, 1 investment), giver, receiver (indexes into p),
                  amount in đồng or null, qualifier, years, own years (1) or the article's (0),
                  purpose, status, [[sentence, article], ...] (indexes into s and a)]
        years: [first, last] over all facts (null when none has a year)
        skipped: facts without a giver or a receiver province (not drawn)
    """
    facts: list[tuple[Any, ...]] = []
    skipped = 0
    for node, attrs in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        kind = attrs.get("type")
        if kind not in _KINDS:
            continue
        givers = sorted(u for u, _, d in G.in_edges(node, data=True)
                        if d.get("label") == _GIVER_EDGE[kind]
                        and G.nodes[u].get("type") == "province")
        receivers = sorted(v for _, v, d in G.out_edges(node, data=True)
                           if d.get("label") == _RECEIVER_EDGE[kind]
                           and G.nodes[v].get("type") == "province")
        if not givers or not receivers:
            skipped += 1
            continue
        # the model states one giver and one receiver per fact; should a store hold more,
        # each pair carries the fact (its amount is then counted on each pair)
        for giver in givers:
            for receiver in receivers:
                facts.append((kind, giver, receiver, node, attrs))
    provinces = sorted({f[1] for f in facts} | {f[2] for f in facts}, key=str)
    labels = _province_labels(G, set(provinces))
    provinces.sort(key=lambda n: (labels[n].casefold(), str(n)))
    p_index = {node: i for i, node in enumerate(provinces)}
    sentences: dict[str, int] = {}
    articles: dict[str, int] = {}
    article_rows: list[list[str]] = []
    rows: list[list[Any]] = []
    all_years: list[int] = []
    for kind, giver, receiver, _node, attrs in facts:
        evidence = list(attrs.get("evidence") or ())
        own = sorted({int(y) for y in attrs.get("years") or () if str(y).lstrip("-").isdigit()})
        years = own or ([y] if (y := _article_year(evidence)) is not None else [])
        all_years += years
        ev_rows = []
        for ev in evidence[:MAX_EVIDENCE]:
            sentence = " ".join(str(ev.get("sentence") or "").split())
            if not sentence:
                continue
            key = str(ev.get("article_id") or ev.get("article_title") or "")
            if key not in articles:
                href = ""
                if article_pages and ev.get("article_id"):
                    href = "articles/" + article_filename(str(ev["article_id"]))
                else:
                    href = _safe_url(ev.get("article_url")) or ""
                articles[key] = len(article_rows)
                article_rows.append([str(ev.get("article_title") or ev.get("article_id") or ""),
                                     _vi_date(ev.get("article_date")) or "", href])
            ev_rows.append([sentences.setdefault(sentence, len(sentences)), articles[key]])
        amount = attrs.get("amount_vnd")
        status = attrs.get("status")
        rows.append([
            _KINDS[kind], p_index[giver], p_index[receiver],
            int(amount) if amount is not None else None,
            str(attrs.get("qualifier") or ""), years, 1 if own else 0,
            " ".join(str(attrs.get("purpose") or "").split()),
            _STATUS.get(str(status), str(status or "")), ev_rows,
        ])
    # largest first, so the page's lists start with what matters
    rows.sort(key=lambda r: (-(r[3] or 0), r[0], r[1], r[2], r[5]))
    return {
        "view": "money",
        "p": [labels[n] for n in provinces],
        "a": article_rows,
        "s": list(sentences),
        "f": rows,
        "years": [min(all_years), max(all_years)] if all_years else None,
        "skipped": skipped,
    }


def evidence_script(data: Mapping[str, Any]) -> str:
    """The script of :data:`EVIDENCE_FILE`: ``s`` and ``a`` of :func:`money_data` as the
    global ``CG_MONEY_EVIDENCE``."""
    evidence = {"s": data["s"], "a": data["a"]}
    return ("// coopgraph view: the evidence sentences and articles of money.html\n"
            f"window.CG_MONEY_EVIDENCE = {_script_json(evidence, compact=True)};\n")


def write_money_evidence(data: Mapping[str, Any], folder: str | Path) -> Path | None:
    """Write :func:`evidence_script` to ``folder`` when the evidence is larger than
    :data:`EVIDENCE_INLINE_MAX` (else remove a copy an earlier run left); its path, or None
    when the page keeps its evidence."""
    target = Path(folder) / EVIDENCE_FILE
    script = evidence_script(data)
    try:
        if len(script.encode("utf-8")) <= EVIDENCE_INLINE_MAX:
            target.unlink(missing_ok=True)
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(script, encoding="utf-8")
    except OSError as exc:
        raise ViewError(f"{target}: cannot write the evidence ({exc.strerror or exc})") from exc
    return target


def money_summary(data: Mapping[str, Any]) -> dict[str, int]:
    """Counts and totals for the index page: fundings, investments and their đồng."""
    out = {"fundings": 0, "investments": 0, "funding_vnd": 0, "investment_vnd": 0}
    for row in data["f"]:
        kind = "funding" if row[0] == 0 else "investment"
        out[kind + "s"] += 1
        out[kind + "_vnd"] += row[3] or 0
    return out


def describe_money(summary: Mapping[str, int]) -> str:
    """``3 khoản hỗ trợ (13 tỷ đồng), 1 khoản đầu tư (…)`` for the index page."""
    parts = []
    for kind, name in (("funding", "hỗ trợ"), ("investment", "đầu tư")):
        n = summary.get(kind + "s", 0)
        total = summary.get(kind + "_vnd", 0)
        parts.append(f"{_vi_number(Decimal(n))} khoản {name}"
                     + (f" ({format_vnd(total)})" if total else ""))
    return ", ".join(parts)


# --------------------------------------------------------------------------------------------
# Page


def render_money_view(
    data: Mapping[str, Any],
    *,
    nav: str = "",
    assets_prefix: str = ASSETS_DIR,
    title: str = "Dòng tiền giữa các tỉnh, thành",
    evidence_src: str | None = None,
) -> str:
    """The page for :func:`money_data`; plotly.js is loaded from ``<assets_prefix>/plotly.min.js``
    (a relative URL, see :func:`write_plotly_asset`); ``nav``: see :func:`views.page_nav`;
    ``evidence_src``: the relative URL of the :func:`write_money_evidence` file to load the
    evidence from (else it is in the page)."""
    for prefix in (assets_prefix, evidence_src or ""):
        if re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", prefix, re.IGNORECASE):
            raise ViewError(f"assets must be linked by a relative path, not {prefix!r}")
    evidence = ""
    if evidence_src:
        data = {k: v for k, v in data.items() if k not in ("s", "a")}
        evidence = f'<script src="{html.escape(evidence_src, quote=True)}"></script>\n'

    notice = ""
    if not data.get("f"):
        notice = ('<p class="cg-notice" id="cg-empty">Kho chưa có khoản hỗ trợ hay đầu tư nào '
                  "giữa hai tỉnh, thành. No fundings or investments between provinces yet.</p>")
    parts = {
        "TITLE": html.escape(title),
        "CSS": assets.CSS.replace("__SIDE__", "360px") + assets.static_text("money.css"),
        "NAV": nav,
        "NOTICE": notice,
        "PLOTLY": html.escape(f"{assets_prefix.rstrip('/')}/{PLOTLY_FILE}", quote=True),
        "EVIDENCE": evidence,
        "DATA": _script_json(dict(data)),
        "SCRIPT": assets.static_text("money.js"),
    }
    # one pass, so nothing inserted (article text in DATA) is itself searched for placeholders
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m[1]], assets.static_text("money.html"))


__all__ = [
    "ASSETS_DIR",
    "EVIDENCE_FILE",
    "PLOTLY_FILE",
    "describe_money",
    "evidence_script",
    "money_data",
    "money_summary",
    "plotly_js_path",
    "render_money_view",
    "write_money_evidence",
    "write_plotly_asset",
]
