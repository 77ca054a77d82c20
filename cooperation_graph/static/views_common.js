// Shared by the graph views: page data (#cg-data), styles, the side panel, tooltips and #cg-status.
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
function pageLink(href) {
  // a province's or official's own page (a relative path the Python side made)
  var p = el('div', 'cg-page-link'), a = el('a', null, 'Trang riêng · own page →');
  a.href = href; p.appendChild(a);
  return p;
}
function factCard(info, full) {
  var box = el('div', full ? 'cg-card' : 'cg-tip');
  var st = STYLE[info.t] || STYLE.other;
  var kind = el('div', 'cg-kind', st[0]); kind.style.color = st[1]; box.appendChild(kind);
  box.appendChild(el('div', 'cg-title', info.l));
  if (full && info.pg) box.appendChild(pageLink(info.pg));
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
  var more = (info.more || 0) + (full ? 0 : Math.max(0, evs.length - 1));
  if (more) {
    var rest = el('div', 'cg-muted', '+ ' + more + ' bằng chứng khác');
    if (full && info.pg) {  // all of them are on the entity's own page
      rest.appendChild(document.createTextNode(' · '));
      var a = el('a', null, 'xem trang riêng'); a.href = info.pg; rest.appendChild(a);
    }
    box.appendChild(rest);
  }
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
  if (id && !CG.info[id] && CG.order) {  // an article page numbers its nodes: CG.order[k]
    var k = CG.order.indexOf(id); if (k >= 0) id = k;
  }
  if (id !== null && CG.info[id]) { network.selectNodes([id]); showDetails(id); }
}
function focusNode(id) {
  network.selectNodes([id]);
  network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
  showDetails(id);
}
