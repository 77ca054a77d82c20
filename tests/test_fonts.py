"""Every font stack the pages use renders Vietnamese on this machine's fonts.

A browser draws a letter with the first installed family of the stack; only where that family
lacks the letter *and* its parts does it fall back. DejaVu Sans Mono (Debian's monospace) has
``ô`` and the combining tilde but not ``ỗ``, so ``hỗ trợ`` came out as ``hô˜ trợ`` in the query
editor. The check: the first family of each stack that fontconfig knows (generic names resolved
as Chromium resolves them on Linux) has every precomposed Vietnamese letter.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import unicodedata
from importlib import resources

import pytest

from cooperation_graph import view_assets

VIETNAMESE = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
LETTERS = VIETNAMESE + VIETNAMESE.upper()
GENERIC = {"system-ui": "sans-serif", "sans-serif": "sans-serif", "serif": "serif",
           "monospace": "monospace"}
NOT_ON_LINUX = {"-apple-system", "blinkmacsystemfont", "ui-monospace", "ui-sans-serif", "inherit"}


def _fontconfig() -> None:
    if shutil.which("fc-list") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("fontconfig (fc-list) not installed: run .ci/setup-browser.sh")
        pytest.skip("fontconfig (fc-list) not installed")


def installed_families() -> set[str]:
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    return {name.strip().lower() for line in out.splitlines() for name in line.split(",")}


def families(stack: str) -> list[str]:
    """``13px/1.4 "Noto Sans", sans-serif`` -> ["Noto Sans", "sans-serif"]."""
    names = [part.strip().strip("'\"") for part in stack.split(",")]
    first = names[0].split()  # the shorthand's style, size and line height come before the family
    while len(first) > 1 and (re.match(r"^[\d.]+(px|em|rem|%)", first[0]) or first[0] in ("italic", "bold")):
        first = first[1:]
    names[0] = " ".join(first).strip("'\"")
    return [n for n in names if n]


def first_installed(stack: str, installed: set[str]) -> str:
    for name in families(stack):
        key = name.lower()
        if key in NOT_ON_LINUX:
            continue
        if key in GENERIC:
            out = subprocess.run(["fc-match", GENERIC[key], "family"], capture_output=True, text=True,
                                 check=True).stdout
            return out.split(",")[0].strip()
        if key in installed:
            return name
    raise AssertionError(f"no family of {stack!r} is installed")


def has_every_letter(family: str) -> bool:
    charset = " ".join(f"{ord(c):x}" for c in sorted(set(LETTERS)))
    out = subprocess.run(["fc-list", f"{family}:charset={charset}", "family"], capture_output=True,
                         text=True, check=True).stdout
    return any(family.lower() in (n.strip().lower() for n in line.split(","))
               for line in out.splitlines())


def stacks() -> dict[str, str]:
    """Every font stack in the package's pages: CSS ``font``/``font-family``, canvas ``ctx.font``,
    money.js's FONT and the graph labels' face."""
    texts = {f"static/{f.name}": f.read_text(encoding="utf-8")
             for f in resources.files("cooperation_graph").joinpath("static").iterdir()
             if f.name.endswith((".css", ".html", ".js"))}
    texts["view_assets.py"] = resources.files("cooperation_graph").joinpath("view_assets.py").read_text(
        encoding="utf-8")
    found = {}
    for where, text in texts.items():
        for m in re.finditer(r"\bfont(?:-family)?\s*:\s*([^;{}]+?)\s*[;}]", text):
            value = " ".join(m.group(1).split())
            if "," in value or re.search(r"\b(sans-serif|monospace|serif)\b", value):
                found[f"{where}: {value}"] = value
        for m in re.finditer(r"(?:\.font|FONT)\s*=\s*'([^']+)'", text):
            found[f"{where}: {m.group(1)}"] = m.group(1)
    found["graph labels"] = view_assets.FONT_SANS
    return found


def test_the_stacks_are_found():
    found = stacks()
    assert sum(k.startswith("static/query.css") for k in found) == 2  # the page and its editor
    assert any(k.startswith("static/money.js") for k in found)
    assert any(k.startswith("static/views.css") for k in found)  # the views' pages
    assert sum(k.startswith("static/provinces.js") for k in found) == 3  # the map's canvas labels


@pytest.mark.parametrize("where", sorted(stacks()))
def test_each_stack_renders_vietnamese_here(where):
    _fontconfig()
    family = first_installed(stacks()[where], installed_families())
    assert has_every_letter(family), f"{where}: {family} lacks Vietnamese letters"


def test_the_check_catches_debians_monospace():
    _fontconfig()
    if "dejavu sans mono" not in installed_families():
        pytest.skip("DejaVu Sans Mono not installed")
    assert first_installed('13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace',
                           installed_families()) == "DejaVu Sans Mono"
    assert not has_every_letter("DejaVu Sans Mono")  # the font of the old editor


def test_graph_labels_use_the_pages_stack():
    from cooperation_graph import views
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("a", label="Hỗ trợ", kind="province")
    page = views.render_entity_graph(G)
    assert json.dumps(view_assets.FONT_SANS)[1:-1] in page
    assert unicodedata.is_normalized("NFC", LETTERS)


PROBE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<link rel="stylesheet" href="query.css"><style>%(views_css)s</style></head><body>
<textarea id="query">hỗ trợ</textarea><div id="out"></div>
<script>
// How far the ink of a stacked letter (ỗ) reaches right of its base (ô), drawn at 60px with a
// stack: 0 when the marks are stacked, about half a letter when the tilde is drawn beside it.
function inkRight(family, text) {
  var cv = document.createElement('canvas'); cv.width = 300; cv.height = 160;
  var c = cv.getContext('2d'); c.font = '60px ' + family; c.textBaseline = 'top';
  c.fillText(text, 10, 40);
  var d = c.getImageData(0, 0, 300, 160).data;
  for (var x = 299; x >= 0; x--) for (var y = 0; y < 160; y++) if (d[(y * 300 + x) * 4 + 3] > 64) return x;
  return -1;
}
var stacks = {editor: getComputedStyle(document.getElementById('query')).fontFamily,
              page: getComputedStyle(document.body).fontFamily, labels: %(labels)s,
              old_editor: 'ui-monospace, "DejaVu Sans Mono", monospace'};
var pairs = [['ỗ', 'ô'], ['ễ', 'ê'], ['ẫ', 'â'], ['ẵ', 'ă'], ['ề', 'ê'], ['ẳ', 'ă'], ['ỡ', 'ơ'], ['ữ', 'ư']];
var out = {};
for (var k in stacks) out[k] = pairs.map(function (p) { return inkRight(stacks[k], p[0]) - inkRight(stacks[k], p[1]); });
document.getElementById('out').setAttribute('data-r', JSON.stringify(out));
</script></body></html>"""


def test_stacked_marks_are_drawn_stacked_in_chromium(tmp_path):
    """In the browser: the query editor, the views' pages and the graph labels draw ``ỗ`` with
    the tilde on top of ``ô`` (the old editor stack, as a control, draws it beside)."""
    import html as html_lib

    from browser import load_page

    static = resources.files("cooperation_graph").joinpath("static")
    (tmp_path / "query.css").write_bytes(static.joinpath("query.css").read_bytes())
    page = tmp_path / "probe.html"
    page.write_text(PROBE % {"views_css": view_assets.CSS, "labels": json.dumps(view_assets.FONT_SANS)},
                    encoding="utf-8")
    result = load_page(page, budget_ms=2000)
    (raw,) = re.findall(r'data-r="([^"]*)"', result.dom)
    offsets = json.loads(html_lib.unescape(raw))
    for where in ("editor", "page", "labels"):
        assert max(offsets[where]) <= 3, (where, offsets)
    if "dejavu sans mono" in installed_families():
        assert max(offsets["old_editor"]) > 15, offsets  # the probe sees the bug it guards against
