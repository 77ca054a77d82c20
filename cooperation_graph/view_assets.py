"""The views' CSS, HTML and JavaScript (no data: data reaches the page as JSON).

The CSS and scripts are files under ``cooperation_graph/static/`` (``views.css``,
``views_common.js``, ``vis_draw.js``, ``entity.js``, ``provinces.js``, ``article.js``,
``explorer.js``; :mod:`cooperation_graph.vis_page` puts them together); the small HTML fragments
stay below.

The page scripts run after ``vis_draw.js``, whose globals ``network``, ``nodes`` and ``edges``
they use; they read the page data from ``<script type="application/json" id="cg-data">`` and put
text into the DOM with ``textContent`` only. The status element ``#cg-status`` reports what is
drawn (``data-ready``, ``data-nodes``, ``data-edges``, ``data-physics``; on the province map
also the names it placed, ``data-labels`` and their boxes ``data-label-boxes``) for people and
for tests.
"""

from importlib import resources


def static_text(name: str) -> str:
    """The text of ``cooperation_graph/static/<name>``."""
    return (resources.files("cooperation_graph") / "static" / name).read_text(encoding="utf-8")


#: Fonts with every precomposed Vietnamese letter come first: where the first installed family
#: lacks ``ỗ`` but has ``ô`` and the combining tilde (DejaVu Sans Mono, Debian's monospace),
#: the browser stacks the marks itself and ``hỗ trợ`` shows as ``hô˜ trợ``. The stacks of the
#: pages' CSS are the same (tests/test_fonts.py checks them on the machine's fonts).
FONT_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif'

CSS = static_text("views.css")

#: links between the pages `coopgraph view` writes; ``{home}`` leads up to the output folder
NAV_HTML = """<nav class="cg-nav" id="cg-nav"><a href="{home}index.html">Trang chính</a> ·
<a href="{home}graph.html">Đồ thị</a> · <a href="{home}provinces.html">Mạng lưới tỉnh</a>{money}{articles}</nav>
"""
NAV_ARTICLES = ' · <a href="{home}articles/index.html">Bài báo</a>'
NAV_MONEY = ' · <a href="{home}money.html">Dòng tiền</a>'

ENTITY_SIDE = """<aside id="cg-side">
{nav}<h1>{title}</h1>
<div id="cg-status" data-ready="0">Đang dựng đồ thị…</div>
{notice}{empty}
<h2>Tìm · Search</h2>
<input type="search" id="cg-search" list="cg-names" placeholder="Tên người, tỉnh, thỏa thuận…"
 autocomplete="off"><datalist id="cg-names"></datalist>
<div class="cg-muted" id="cg-search-result"></div>
<h2>Loại · Type</h2>
{legend}
<h2>Lọc · Filter</h2>
<div class="cg-row2"><select id="cg-province"><option value="">Mọi tỉnh, thành</option></select>
<select id="cg-year" title="từ năm · from"><option value="">Từ năm…</option></select>
<select id="cg-year-to" title="đến năm · to"><option value="">đến năm…</option></select></div>
<p><button type="button" id="cg-reset">Bỏ lọc · Reset</button></p>
<div id="cg-details"><p class="cg-muted">Rê chuột lên một nút để xem nhanh; nhấp để xem chi tiết
và bằng chứng. Hover a node for a summary, click it for details and evidence.</p></div>
</aside>
"""

EXPLORER_SIDE = """<aside id="cg-side">
{nav}<h1>{title}</h1>
<div id="cg-status" data-ready="0">Đang tải đồ thị…</div>
<p class="cg-muted">{nodes} nút, {edges} cạnh: quá nhiều để vẽ cùng lúc. Tìm hoặc chọn một tỉnh,
cán bộ, thỏa thuận, khoản hỗ trợ… để vẽ nó cùng các nút kề; mở rộng từng bước (tối đa {max} nút).
Too many nodes to draw at once: choose one to draw it with its neighbours, then expand.</p>
<h2>Tìm · Search</h2>
<input type="search" id="cg-search" placeholder="Tên người, tỉnh, thỏa thuận…" autocomplete="off">
<div class="cg-legend-row">Năm · years: từ <input type="number" id="cg-from" style="width:5.5em"> đến
 <input type="number" id="cg-to" style="width:5.5em"></div>
<div class="cg-muted" id="cg-search-result"></div>
<ol class="cg-pick" id="cg-results"></ol>
<div id="cg-drawn" hidden>
<p class="cg-row2"><button type="button" id="cg-expand">Mở rộng · expand</button>
<button type="button" id="cg-restart">Về đầu · start</button></p>
<div class="cg-muted" id="cg-drawn-text"></div>
</div>
<div id="cg-details"></div>
<div id="cg-start">
<h2>Tỉnh, thành liên kết nhiều nhất · Most connected</h2><ol class="cg-pick" id="cg-top-provinces"></ol>
<h2>Thỏa thuận mới nhất · Newest agreements</h2><ol class="cg-pick" id="cg-new-agreements"></ol>
<h2>Khoản hỗ trợ lớn nhất · Largest fundings</h2><ol class="cg-pick" id="cg-big-fundings"></ol>
<h2>Mọi tỉnh, thành · All provinces ({n_provinces})</h2><ul class="cg-pick" id="cg-all-provinces"></ul>
</div>
</aside>
"""

PROVINCE_SIDE = """<aside id="cg-side">
{nav}<h1>{title}</h1>
<div id="cg-status" data-ready="0">Đang vẽ bản đồ…</div>
<h2>Đơn vị hành chính · Units</h2>
{switch}
<p class="cg-muted">Vị trí theo tọa độ của tỉnh, thành (kinh độ, vĩ độ). Độ dày cạnh theo mức
hợp tác (thỏa thuận, khoản hỗ trợ, đầu tư, bài báo). Nhấp một tỉnh để xem đối tác và tổng số.</p>
<label class="cg-legend-row"><input type="checkbox" id="cg-all-names"> Hiện tên mọi tỉnh,
 thành</label>
<h2>Thời gian · Years</h2>
<div class="cg-legend-row">Từ <input type="number" id="cg-from" style="width:5.5em"> đến
 <input type="number" id="cg-to" style="width:5.5em"></div>
<div class="cg-muted" id="cg-years-text">Mỗi bài báo, thỏa thuận, khoản tiền được tính một lần,
 vào năm của nó (khoản tiền: năm đầu tiên bài báo nêu).</div>
<h2>Độ mạnh liên kết · Link strength</h2>
<input type="range" id="cg-minw" min="0" max="1" step="1" value="0" style="width:100%">
<div class="cg-muted" id="cg-minw-text"></div>
<div id="cg-details"></div>
</aside>
"""

ARTICLE_SIDE = """<aside id="cg-side">
{nav}<h1>{title}</h1>
<div class="cg-muted">{meta}</div>
{named}<div id="cg-status" data-ready="0">Đang dựng đồ thị…</div>
<div>{legend}</div>
<div id="cg-details"></div>
<div id="cg-article">{body}</div>
</aside>
"""

INDEX_HTML = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Bài báo · Articles</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:900px;color:#1b2733}}
.cg-muted{{color:#6b7785;font-size:13px}}</style></head>
<body><h1>Bài báo ({n})</h1><p><a href="../index.html">Trang chính</a> ·
<a href="../graph.html">Đồ thị</a> · <a href="../provinces.html">Mạng lưới tỉnh, thành</a> ·
<a href="../money.html">Dòng tiền</a></p><ul>
{rows}
</ul></body></html>
"""

COMMON_JS = static_text("views_common.js")
