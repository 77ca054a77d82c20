"""Static CSS, HTML and JavaScript of the views (no data: data reaches the page as JSON).

The scripts run after pyvis's own, whose globals ``network``, ``nodes`` and ``edges`` they use;
they read the page data from ``<script type="application/json" id="cg-data">`` and put text into
the DOM with ``textContent`` only. The status element ``#cg-status`` reports what is drawn
(``data-ready``, ``data-nodes``, ``data-edges``, ``data-physics``) for people and for tests.
"""

#: Fonts with every precomposed Vietnamese letter come first: where the first installed family
#: lacks ``ỗ`` but has ``ô`` and the combining tilde (DejaVu Sans Mono, Debian's monospace),
#: the browser stacks the marks itself and ``hỗ trợ`` shows as ``hô˜ trợ``. The stacks of the
#: pages' CSS are the same (tests/test_fonts.py checks them on the machine's fonts).
FONT_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif'

CSS = """
html, body { margin: 0; height: 100%; font: 14px/1.45 system-ui, -apple-system, "Segoe UI",
  Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #1b2733; }
body { display: flex; overflow: hidden; }
#cg-side { box-sizing: border-box; width: __SIDE__; min-width: 260px; height: 100vh;
  overflow-y: auto; padding: 12px 14px; border-right: 1px solid #d6dde4; background: #f8fafc; }
#cg-side h1 { font-size: 17px; margin: 0 0 6px; }
#cg-side h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #52606d;
  margin: 14px 0 6px; }
.card { flex: 1; min-width: 0; height: 100vh; }
#mynetwork { border: 0 !important; height: 100vh !important; width: 100% !important; }
#loadingBar { left: 0 !important; width: 100% !important; height: 100vh !important; }
.cg-muted { color: #6b7785; font-size: 12px; }
.cg-legend-row { display: flex; align-items: center; gap: 6px; margin: 3px 0; cursor: default; }
.cg-legend-row input { margin: 0; }
.cg-notice { background: #fff4ce; border: 1px solid #e0b400; padding: 6px 8px;
  border-radius: 4px; font-size: 13px; }
#cg-status { font-size: 12px; color: #52606d; margin: 4px 0 8px; }
input[type=search], select { width: 100%; box-sizing: border-box; padding: 5px 6px;
  border: 1px solid #b8c2cc; border-radius: 4px; font: inherit; background: #fff; }
.cg-row2 { display: flex; gap: 6px; } .cg-row2 > * { flex: 1; }
button { font: inherit; padding: 4px 10px; border: 1px solid #b8c2cc; border-radius: 4px;
  background: #fff; cursor: pointer; }
#cg-details { margin-top: 10px; }
#cg-details .cg-card, .cg-tip { background: #fff; border: 1px solid #d6dde4; border-radius: 6px;
  padding: 8px 10px; }
.cg-tip { max-width: 380px; white-space: normal; font: 13px/1.4 system-ui, sans-serif; }
.cg-kind { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.cg-title { font-weight: 600; font-size: 15px; margin: 2px 0 4px; }
.cg-facts { margin: 4px 0; border-collapse: collapse; font-size: 13px; }
.cg-facts td { padding: 1px 8px 1px 0; vertical-align: top; }
.cg-facts td:first-child { color: #6b7785; white-space: nowrap; }
.cg-quote { border-left: 3px solid #c9d3dd; margin: 6px 0 2px; padding: 2px 8px;
  font-style: italic; }
.cg-source { font-size: 12px; color: #52606d; }
.cg-partners { width: 100%; border-collapse: collapse; font-size: 13px; }
.cg-partners td { border-top: 1px solid #e4e9ee; padding: 3px 4px; vertical-align: top; }
.cg-link { color: #1f5fa8; cursor: pointer; text-decoration: underline; }
div.vis-tooltip { padding: 0 !important; border: 0 !important; background: transparent !important;
  box-shadow: 0 2px 10px rgba(0,0,0,.18) !important; white-space: pre-line; }
#cg-article { font-size: 15px; line-height: 1.6; }
#cg-article p { margin: 0 0 .7em; }
#cg-article mark { border-radius: 3px; padding: 0 1px; cursor: pointer; }
mark.cg-ev-official { background: #ffe3c4; } mark.cg-ev-agreement { background: #cdeccd; }
mark.cg-ev-funding { background: #fbeaa5; } mark.cg-ev-investment { background: #e3d7f0; }
mark.cg-ev-event { background: #f8cccc; } mark.cg-ev-province, mark.cg-ev-other
  { background: #d4e6f5; }
mark.cg-active { outline: 2px solid #1b2733; }
.cg-nav { font-size: 13px; margin: 0 0 8px; padding-bottom: 6px; border-bottom: 1px solid #d6dde4; }
.cg-nav a { color: #1f5fa8; }
"""

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
<select id="cg-year"><option value="">Mọi năm</option></select></div>
<p><button type="button" id="cg-reset">Bỏ lọc · Reset</button></p>
<div id="cg-details"><p class="cg-muted">Rê chuột lên một nút để xem nhanh; nhấp để xem chi tiết
và bằng chứng. Hover a node for a summary, click it for details and evidence.</p></div>
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
<h2>Độ mạnh liên kết · Link strength</h2>
<input type="range" id="cg-minw" min="0" max="1" step="1" value="0" style="width:100%">
<div class="cg-muted" id="cg-minw-text"></div>
<div id="cg-details"></div>
</aside>
"""

ARTICLE_SIDE = """<aside id="cg-side">
{nav}<h1>{title}</h1>
<div class="cg-muted">{meta}</div>
<div id="cg-status" data-ready="0">Đang dựng đồ thị…</div>
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

COMMON_JS = r"""
var CG = JSON.parse(document.getElementById('cg-data').textContent);
var STYLE = {
  province: ['Tỉnh, thành phố', '#1f77b4'], official: ['Cán bộ lãnh đạo', '#ff7f0e'],
  agreement: ['Thỏa thuận hợp tác', '#2ca02c'], funding: ['Hỗ trợ kinh phí', '#a88600'],
  investment: ['Đầu tư', '#9467bd'], event: ['Sự kiện', '#d62728'], other: ['Khác', '#7f7f7f']
};
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function fold(s) {
  return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd')
    .replace(/Đ/g, 'D').toLowerCase();
}
function safeLink(url, text) {
  var a = el('a', null, text);
  if (/^https?:\/\//i.test(url || '')) { a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer'; }
  return a;
}
function factCard(info, full) {
  var box = el('div', full ? 'cg-card' : 'cg-tip');
  var st = STYLE[info.t] || STYLE.other;
  var kind = el('div', 'cg-kind', st[0]); kind.style.color = st[1]; box.appendChild(kind);
  box.appendChild(el('div', 'cg-title', info.l));
  var rows = [];
  if (info.posts && info.posts.length) rows.push(['Chức vụ', info.posts.join('; ')]);
  (info.f || []).forEach(function (r) { rows.push(r); });
  if (rows.length) {
    var tbl = el('table', 'cg-facts');
    rows.forEach(function (r) {
      var tr = el('tr'); tr.appendChild(el('td', null, r[0])); tr.appendChild(el('td', null, r[1]));
      tbl.appendChild(tr);
    });
    box.appendChild(tbl);
  }
  var evs = info.ev || [];
  evs.slice(0, full ? evs.length : 1).forEach(function (ev) {
    var s = ev.s || '';
    if (!full && s.length > 280) s = s.slice(0, 279) + '…';
    if (s) box.appendChild(el('div', 'cg-quote', '“' + s + '”'));
    var src = el('div', 'cg-source');
    src.appendChild(document.createTextNode('— '));
    if (full && ev.u) src.appendChild(safeLink(ev.u, ev.a || ev.u));
    else src.appendChild(document.createTextNode(ev.a || ''));
    var tail = [];
    if (ev.d) tail.push(ev.d);
    if (typeof ev.c === 'number') tail.push('độ tin cậy ' + ev.c.toFixed(2));
    if (tail.length) src.appendChild(document.createTextNode(', ' + tail.join(', ')));
    if (full && ev.v) {
      src.appendChild(document.createTextNode(' · '));
      var a = el('a', null, 'xem trong bài'); a.href = ev.v; src.appendChild(a);
    }
    box.appendChild(src);
  });
  if (!full && evs.length > 1) box.appendChild(el('div', 'cg-muted', '+ ' + (evs.length - 1) + ' bằng chứng khác'));
  if (!full) box.appendChild(el('div', 'cg-muted', 'Nhấp để xem chi tiết'));
  return box;
}
function setStatus(ready) {
  var st = document.getElementById('cg-status');
  var shownNodes = nodes.get({filter: function (n) { return !n.hidden; }});
  var shown = {}; shownNodes.forEach(function (n) { shown[n.id] = true; });
  var shownEdges = edges.get({filter: function (e) { return shown[e.from] && shown[e.to] && !e.hidden; }});
  st.textContent = shownNodes.length + ' / ' + nodes.length + ' nút · ' + shownEdges.length + ' / '
    + edges.length + ' cạnh';
  st.setAttribute('data-nodes', String(network.body.data.nodes.length));
  st.setAttribute('data-edges', String(network.body.data.edges.length));
  st.setAttribute('data-visible-nodes', String(shownNodes.length));
  st.setAttribute('data-visible-edges', String(shownEdges.length));
  if (ready) {
    st.setAttribute('data-drawn-nodes', String(network.body.nodeIndices.length));
    st.setAttribute('data-drawn-edges', String(network.body.edgeIndices.length));
    st.setAttribute('data-physics', network.physics.options.enabled ? 'on' : 'off');
    st.setAttribute('data-ready', '1');
  }
}
function whenLaidOut(done) {
  // physics on: wait for stabilization, then freeze the layout so the page stops computing
  if (CG.physics) {
    var finished = false;
    var finish = function () {
      if (finished) return; finished = true;
      network.setOptions({physics: {enabled: false}});
      network.fit({animation: false});
      // fit() counts the shapes, not their labels: leave room for the labels at the edges
      network.moveTo({scale: network.getScale() * 0.88, animation: false});
      network.once('afterDrawing', done); network.redraw();
    };
    network.once('stabilizationIterationsDone', finish);
    network.once('stabilized', finish);
  } else {
    network.once('afterDrawing', done); network.redraw();
  }
}
function setTooltips() {
  var upd = [];
  nodes.forEach(function (n) { var i = CG.info[n.id]; if (i) upd.push({id: n.id, title: factCard(i, false)}); });
  nodes.update(upd);
}
function showDetails(id) {
  var box = document.getElementById('cg-details');
  box.textContent = '';
  var info = CG.info[id];
  if (!info) return;
  box.appendChild(factCard(info, true));
  var links = el('div', 'cg-card');
  links.appendChild(el('div', 'cg-kind', 'Liên kết · links'));
  network.getConnectedEdges(id).forEach(function (eid) {
    var e = edges.get(eid); if (!e) return;
    var other = e.from === id ? e.to : e.from;
    var oi = CG.info[other]; if (!oi) return;
    var row = el('div');
    row.appendChild(document.createTextNode(e.from === id ? '→ ' + (e.title || '') + ' → ' : '← ' + (e.title || '') + ' ← '));
    var a = el('span', 'cg-link', oi.l);
    a.addEventListener('click', function () { focusNode(other); });
    row.appendChild(a); links.appendChild(row);
  });
  box.appendChild(links);
}
function hashParam(name) {
  // deep links: graph.html#node=<IRI>, provinces.html#era=current
  var m = new RegExp('[#&]' + name + '=([^&]*)').exec(location.hash);
  return m ? decodeURIComponent(m[1]) : null;
}
function openFromHash() {
  var id = hashParam('node');
  if (id && CG.info[id]) { network.selectNodes([id]); showDetails(id); }
}
function focusNode(id) {
  network.selectNodes([id]);
  network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
  showDetails(id);
}
"""

ENTITY_JS = r"""
(function () {
  setTooltips();
  var names = document.getElementById('cg-names');
  var labels = {};
  Object.keys(CG.info).forEach(function (id) { labels[CG.info[id].l] = true; });
  Object.keys(labels).sort().forEach(function (l) { var o = el('option'); o.value = l; names.appendChild(o); });
  var psel = document.getElementById('cg-province');
  CG.provinces.forEach(function (p) { var o = el('option', null, p); o.value = p; psel.appendChild(o); });
  var ysel = document.getElementById('cg-year');
  CG.years.forEach(function (y) { var o = el('option', null, y); o.value = String(y); ysel.appendChild(o); });
  function apply() {
    var types = {};
    document.querySelectorAll('.cg-type').forEach(function (c) { types[c.value] = c.checked; });
    var p = psel.value, y = ysel.value, upd = [];
    nodes.forEach(function (n) {
      var i = CG.info[n.id] || {t: 'other', p: [], y: []};
      var show = types[i.t] !== false && (!p || i.p.indexOf(p) >= 0)
        && (!y || i.y.indexOf(Number(y)) >= 0);
      if (!!n.hidden === show) upd.push({id: n.id, hidden: !show});
    });
    nodes.update(upd);
    setStatus(true);
  }
  document.querySelectorAll('.cg-type').forEach(function (c) { c.addEventListener('change', apply); });
  psel.addEventListener('change', apply); ysel.addEventListener('change', apply);
  document.getElementById('cg-reset').addEventListener('click', function () {
    document.querySelectorAll('.cg-type').forEach(function (c) { c.checked = true; });
    psel.value = ''; ysel.value = ''; apply(); network.unselectAll(); network.fit();
  });
  var search = document.getElementById('cg-search'), result = document.getElementById('cg-search-result');
  function find() {
    var q = fold(search.value.trim());
    if (!q) { result.textContent = ''; return; }
    var hits = Object.keys(CG.info).filter(function (id) { return fold(CG.info[id].l).indexOf(q) >= 0; });
    result.textContent = hits.length ? hits.length + ' kết quả' : 'Không tìm thấy';
    var visible = hits.filter(function (id) { var n = nodes.get(id); return n && !n.hidden; });
    if (visible.length) { focusNode(visible[0]); network.selectNodes(visible); }
    else if (hits.length) result.textContent += ' (đang bị lọc ẩn)';
  }
  search.addEventListener('change', find);
  search.addEventListener('keydown', function (e) { if (e.key === 'Enter') find(); });
  network.on('click', function (params) { if (params.nodes.length) showDetails(params.nodes[0]); });
  function filtersFromHash() {
    // shareable filters: graph.html#type=funding,province&province=Hà Nội&year=2012&q=Hải
    var types = hashParam('type'), p = hashParam('province'), y = hashParam('year'), q = hashParam('q');
    if (types) {
      var want = types.split(',');
      document.querySelectorAll('.cg-type').forEach(function (c) { c.checked = want.indexOf(c.value) >= 0; });
    }
    if (p !== null) psel.value = p;
    if (y !== null) ysel.value = y;
    if (types || p !== null || y !== null) apply();
    if (q) { search.value = q; find(); }
  }
  setStatus(false);
  whenLaidOut(function () { filtersFromHash(); openFromHash(); setStatus(true); });
})();
"""

PROVINCE_JS = r"""
(function () {
  var era = CG.initial;
  CG.physics = false;
  function info(id) { return CG.eras[era].info[id]; }
  var slider = document.getElementById('cg-minw'), sliderText = document.getElementById('cg-minw-text');
  function setSlider() {
    var E = CG.eras[era];
    slider.max = String(Math.max(1, E.max_weight)); slider.value = String(E.min_weight);
  }
  function applyMin() {
    var min = Number(slider.value), all = CG.eras[era].edges.length, upd = [], shown = 0;
    edges.forEach(function (e) {
      var hide = e.w < min; if (!hide) shown++;
      if (!!e.hidden !== hide) upd.push({id: e.id, hidden: hide});
    });
    edges.update(upd);
    sliderText.textContent = min > 0
      ? 'Hiện ' + shown + ' / ' + all + ' liên kết có độ mạnh ≥ ' + min + ' (kéo sang trái để xem thêm).'
      : 'Hiện tất cả ' + all + ' liên kết.';
    setStatus(document.getElementById('cg-status').getAttribute('data-ready') === '1');
  }
  slider.addEventListener('input', applyMin);
  function load(newEra) {
    era = newEra;
    var showAll = document.getElementById('cg-all-names').checked;
    nodes.clear(); edges.clear();
    nodes.add(CG.eras[era].nodes.map(function (n) {
      var c = Object.assign({}, n); if (showAll) c.label = n.name; return c;
    }));
    edges.add(CG.eras[era].edges);
    setSlider(); applyMin();
    titles();
    document.getElementById('cg-details').textContent = '';
    network.fit();
    setStatus(true);
  }
  function titles() {
    var upd = [];
    nodes.forEach(function (n) {
      var i = info(n.id); if (!i) return;
      var t = i.l + (i.code ? ' (mã ' + i.code + ')' : '');
      if (i.partners.length) t += '\n' + i.partners.length + ' đối tác';
      if (i.change) t += '\n' + i.change;
      upd.push({id: n.id, title: t});
    });
    nodes.update(upd);
  }
  function details(id) {
    var i = info(id), box = document.getElementById('cg-details');
    box.textContent = '';
    if (!i) return;
    var card = el('div', 'cg-card');
    card.appendChild(el('div', 'cg-title', i.l));
    var meta = [];
    if (i.code) meta.push('mã ' + i.code);
    if (i.change) meta.push(i.change);
    if (meta.length) card.appendChild(el('div', 'cg-muted', meta.join(' · ')));
    var tbl = el('table', 'cg-facts');
    [['Đối tác', String(i.partners.length)]].concat(i.totals).forEach(function (r) {
      var tr = el('tr'); tr.appendChild(el('td', null, r[0])); tr.appendChild(el('td', null, r[1])); tbl.appendChild(tr);
    });
    card.appendChild(tbl);
    if (i.partners.length) {
      card.appendChild(el('div', 'cg-kind', 'Đối tác · partners'));
      var pt = el('table', 'cg-partners');
      i.partners.forEach(function (p) {
        var tr = el('tr'); tr.appendChild(el('td', null, p.n)); tr.appendChild(el('td', null, p.text)); pt.appendChild(tr);
      });
      card.appendChild(pt);
    } else {
      card.appendChild(el('p', 'cg-muted', 'Chưa có hợp tác nào trong dữ liệu.'));
    }
    box.appendChild(card);
  }
  document.querySelectorAll('input[name=cg-era]').forEach(function (r) {
    r.addEventListener('change', function () { if (r.checked) load(r.value); });
  });
  document.getElementById('cg-all-names').addEventListener('change', function () {
    var keep = slider.value; load(era); slider.value = keep; applyMin();
  });
  network.on('click', function (params) { if (params.nodes.length) details(params.nodes[0]); });
  // a light map underlay: graticule, the sea, and the Hoang Sa / Truong Sa archipelagos
  var P = CG.proj;
  function xy(lat, lon) { return {x: (lon - P.lon0) * P.px * P.cos, y: -(lat - P.lat0) * P.px}; }
  network.on('beforeDrawing', function (ctx) {
    ctx.save();
    ctx.strokeStyle = 'rgba(80,120,160,0.12)'; ctx.lineWidth = 1;
    ctx.fillStyle = 'rgba(80,110,140,0.45)'; ctx.font = '11px sans-serif';
    for (var lat = 8; lat <= 24; lat += 2) {
      var a = xy(lat, 101.5), b = xy(lat, 115);
      ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
      if (lat % 4 === 0) ctx.fillText(lat + '°B', a.x + 2, a.y - 3);
    }
    for (var lon = 102; lon <= 114; lon += 2) {
      var c = xy(24, lon), d = xy(7.5, lon);
      ctx.beginPath(); ctx.moveTo(c.x, c.y); ctx.lineTo(d.x, d.y); ctx.stroke();
      if (lon % 4 === 0) ctx.fillText(lon + '°Đ', d.x + 2, d.y - 3);
    }
    ctx.fillStyle = 'rgba(60,110,160,0.35)'; ctx.font = 'italic 20px sans-serif';
    var sea = xy(14.5, 110.6); ctx.textAlign = 'center'; ctx.fillText('Biển Đông', sea.x, sea.y);
    ctx.font = '12px sans-serif'; ctx.fillStyle = 'rgba(40,70,100,0.8)';
    [[16.5, 112.0, 'QĐ. Hoàng Sa (Đà Nẵng)'], [9.6, 113.4, 'QĐ. Trường Sa (Khánh Hòa)']].forEach(function (isl) {
      var o = xy(isl[0], isl[1]);
      [[0, 0], [9, 5], [-7, 7], [4, -8], [-10, -3]].forEach(function (k) {
        ctx.beginPath(); ctx.arc(o.x + k[0], o.y + k[1], 1.8, 0, 2 * Math.PI); ctx.fill();
      });
      ctx.fillText(isl[2], o.x, o.y + 24);
    });
    ctx.restore();
  });
  titles();
  setSlider(); applyMin();
  setStatus(false);
  whenLaidOut(function () {
    var wanted = hashParam('era');
    if (wanted && wanted !== era && CG.eras[wanted]) {
      document.querySelectorAll('input[name=cg-era]').forEach(function (r) { r.checked = r.value === wanted; });
      load(wanted);
    }
    var id = hashParam('node');
    if (id && info(id)) { network.selectNodes([id]); details(id); }
    document.getElementById('cg-status').setAttribute('data-era', era);
    setStatus(true);
  });
})();
"""

ARTICLE_JS = r"""
(function () {
  setTooltips();
  var marks = document.querySelectorAll('#cg-article mark');
  function marksOf(index) {
    return Array.prototype.filter.call(marks, function (m) {
      return (' ' + m.getAttribute('data-facts') + ' ').indexOf(' ' + index + ' ') >= 0;
    });
  }
  function clear() { marks.forEach(function (m) { m.classList.remove('cg-active'); }); }
  network.on('click', function (params) {
    clear();
    if (!params.nodes.length) return;
    var id = params.nodes[0];
    showDetails(id);
    var ms = marksOf(CG.order.indexOf(id));
    ms.forEach(function (m) { m.classList.add('cg-active'); });
    if (ms.length) ms[0].scrollIntoView({block: 'center'});
  });
  marks.forEach(function (m) {
    m.addEventListener('click', function () {
      clear(); m.classList.add('cg-active');
      var ids = m.getAttribute('data-facts').split(' ').map(function (k) { return CG.order[Number(k)]; });
      network.selectNodes(ids.filter(function (x) { return x !== undefined; }));
      if (ids.length) showDetails(ids[0]);
    });
  });
  setStatus(false);
  whenLaidOut(function () { openFromHash(); setStatus(true); });
})();
"""
