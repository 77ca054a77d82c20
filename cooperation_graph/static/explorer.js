// graph.html of a large graph: search first, then a node's neighbourhood, expanded hop by hop.
// Data: CG_GRAPH_NODES and CG_GRAPH_LINKS (assets/graph-*.js, loaded before this script) and,
// when a node is opened, assets/graph-detail-K.js (CG_GRAPH_DETAIL); see explorer.py. Nodes are
// numbered best connected first. Text goes into the DOM with textContent only.
(function () {
  var N = window.CG_GRAPH_NODES, A = window.CG_GRAPH_LINKS, MAX = CG.max_drawn;
  var status = document.getElementById('cg-status');
  if (!N || !A) {
    status.textContent = 'Thiếu dữ liệu đồ thị (assets/graph-nodes.js, assets/graph-links.js).';
    status.setAttribute('data-error', 'no data');
    return;
  }
  var ERA = [null, ['legacy', 'trước 1/7/2025'], ['current', 'từ 1/7/2025']];
  var drawn = {}, nDrawn = 0, edgeIds = {}, selected = null;
  var ui = {
    results: document.getElementById('cg-results'), found: document.getElementById('cg-search-result'),
    search: document.getElementById('cg-search'), start: document.getElementById('cg-start'),
    drawn: document.getElementById('cg-drawn'), drawnText: document.getElementById('cg-drawn-text'),
    details: document.getElementById('cg-details')
  };

  // ------------------------------------------------------------------ data
  var chunks = {}, waiting = {};
  window.CG_GRAPH_DETAIL = function (k, entries) {
    chunks[k] = entries;
    (waiting[k] || []).forEach(function (then) { then(); });
    delete waiting[k];
  };
  function detail(i, then) {  // a node's panel, from its detail script (loaded once)
    var k = i % N.chunks;
    if (chunks[k]) { then(chunks[k][String(i)] || null); return; }
    if (!waiting[k]) {
      waiting[k] = [];
      var s = document.createElement('script');
      s.src = CG.detail + k + '.js';
      s.onerror = function () { chunks[k] = {}; window.CG_GRAPH_DETAIL(k, {}); };
      document.head.appendChild(s);
    }
    waiting[k].push(function () { then(chunks[k][String(i)] || null); });
  }
  function kind(i) { return N.types[N.t[i]]; }
  function around(i) {  // [[neighbour, code], ...], best connected first
    var a = A.a[i], out = [];
    for (var k = 0; k < a.length; k += 2) out.push([a[k], a[k + 1]]);
    return out;
  }
  // the year range: facts of other years are not drawn (provinces, officials and undated facts are)
  var yFrom = document.getElementById('cg-from'), yTo = document.getElementById('cg-to');
  function setYears(from, to) {
    var Y = N.years; yFrom.disabled = yTo.disabled = !Y;
    if (!Y) return;
    [yFrom, yTo].forEach(function (el) { el.min = String(Y[0]); el.max = String(Y[1]); });
    yFrom.value = String(from || Y[0]); yTo.value = String(to || Y[1]);
    status.setAttribute('data-from', yFrom.value); status.setAttribute('data-to', yTo.value);
  }
  function inYears(i) {
    if (!N.years || !N.y0 || !N.y0[i]) return true;
    return N.y1[i] >= Number(yFrom.value) && N.y0[i] <= Number(yTo.value);
  }
  function notDrawn(i) {
    var seen = {}, out = [];
    around(i).forEach(function (p) {
      if (!drawn[p[0]] && !seen[p[0]] && inYears(p[0])) { seen[p[0]] = true; out.push(p[0]); }
    });
    return out;
  }
  setYears();
  [yFrom, yTo].forEach(function (el) {
    el.addEventListener('change', function () {
      setYears(Number(yFrom.value), Number(yTo.value));
      if (selected !== null) choose(selected);  // redraw the neighbourhood for the new range
    });
  });

  // ------------------------------------------------------------------ lists
  function tag(i) {
    var e = ERA[N.e[i]];
    return e ? el('span', 'cg-tag cg-tag-' + e[0], e[1]) : null;
  }
  function entry(i) {  // a name to pick, its kind and era, how many neighbours
    var li = el('li'), a = el('span', 'cg-link', N.l[i]);
    a.addEventListener('click', function () { choose(i); });
    li.appendChild(a);
    var t = tag(i); if (t) li.appendChild(t);
    li.appendChild(el('span', 'cg-muted', ' ' + (STYLE[kind(i)] || STYLE.other)[0] + ' · '
      + N.d[i] + ' nút kề'));
    return li;
  }
  function fill(id, list) {
    var box = document.getElementById(id);
    box.textContent = '';
    list.forEach(function (i) { box.appendChild(entry(i)); });
  }
  fill('cg-top-provinces', N.start.provinces);
  fill('cg-new-agreements', N.start.agreements);
  fill('cg-big-fundings', N.start.fundings);
  fill('cg-all-provinces', N.start.all_provinces);
  var folded = null;
  function search(text) {
    var q = fold(String(text || '').trim());
    ui.results.textContent = '';
    if (q.length < 2) { ui.found.textContent = ''; return []; }
    if (!folded) folded = N.l.map(fold);
    var hits = [];
    for (var i = 0; i < folded.length; i++) if (folded[i].indexOf(q) >= 0) hits.push(i);
    ui.found.textContent = hits.length ? hits.length + ' kết quả' + (hits.length > 20 ? ' (20 đầu)' : '')
      : 'Không tìm thấy';
    hits.slice(0, 20).forEach(function (i) { ui.results.appendChild(entry(i)); });
    return hits;
  }
  var typing = null;
  ui.search.addEventListener('input', function () {
    clearTimeout(typing); typing = setTimeout(function () { search(ui.search.value); }, 150);
  });
  ui.search.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    var hits = search(ui.search.value); if (hits.length) choose(hits[0]);
  });

  // ------------------------------------------------------------------ drawing
  function short(t) {
    t = String(t).replace(/\s+/g, ' ').trim();
    return t.length <= 42 ? t : t.slice(0, 41) + '…';
  }
  function color(i) { return (CG.styles[kind(i)] || CG.styles.other)[1]; }
  function add(ids, near) {  // nodes (placed around `near`), and the edges among drawn nodes
    var at = near !== undefined && drawn[near] ? network.getPositions([near])[near] : null;
    var fresh = [], links = [];
    ids.forEach(function (i, k) {
      if (drawn[i]) return;
      drawn[i] = true; nDrawn++;
      var st = CG.styles[kind(i)] || CG.styles.other;
      var n = {id: i, label: short(N.l[i]), shape: st[0], color: st[1],
               size: Math.round(Math.min(10 + 4 * Math.sqrt(N.d[i]), 40))};
      if (at) { n.x = at.x + 90 * Math.cos(k * 2.4); n.y = at.y + 90 * Math.sin(k * 2.4); }
      fresh.push(n);
    });
    nodes.add(fresh);
    ids.forEach(function (i) {
      around(i).forEach(function (p) {
        var j = p[0]; if (!drawn[j]) return;
        var label = p[1] >> 1, into = p[1] & 1;
        var from = into ? j : i, to = into ? i : j, id = from + '>' + to + ':' + label;
        if (edgeIds[id]) return;
        edgeIds[id] = true;
        var e = {id: id, from: from, to: to, title: A.labels[label]};
        if (A.symmetric[label]) {
          e.arrows = {to: {enabled: false}}; e.width = 2.5;
          e.color = {color: '#6a9fcf', highlight: '#1f77b4'};
        }
        links.push(e);
      });
    });
    edges.add(links);
  }
  function layout() {  // lay out in the browser, then stop and zoom to fit
    status.setAttribute('data-ready', '0');
    var finished = false;
    function finish() {
      if (finished) return; finished = true;
      network.setOptions({physics: {enabled: false}});
      network.fit({animation: false});
      network.moveTo({scale: network.getScale() * 0.9, animation: false});
      network.once('afterDrawing', function () {
        status.setAttribute('data-mode', 'graph');
        setStatus(true);
      });
      network.redraw();
    }
    network.once('stabilizationIterationsDone', finish);
    network.once('stabilized', finish);
    network.setOptions({physics: {enabled: true}});
    network.stabilize(CG.iterations || 200);
  }
  function describe() {
    var left = selected === null ? 0 : notDrawn(selected).length;
    ui.drawnText.textContent = nDrawn + ' nút đang vẽ (tối đa ' + MAX + ')'
      + (left ? ' · ' + N.l[selected] + ' còn ' + left + ' nút kề chưa vẽ' : '')
      + '. Nhấp đúp một nút hoặc bấm Mở rộng để vẽ thêm các nút kề của nó.';
  }
  function choose(i) {  // draw i with its neighbours (the best connected first)
    nodes.clear(); edges.clear(); drawn = {}; nDrawn = 0; edgeIds = {};
    selected = i;
    add([i].concat(notDrawn(i).slice(0, MAX - 1)));
    ui.start.hidden = true; ui.drawn.hidden = false;
    status.setAttribute('data-focus', N.l[i]);
    describe(); panel(i); layout();
    network.selectNodes([i]);
  }
  function expand(i) {  // one more hop around a drawn node
    var more = notDrawn(i), room = MAX - nDrawn;
    selected = i;
    if (!more.length || room <= 0) {
      describe();
      ui.drawnText.textContent += room <= 0 ? ' Đã vẽ tối đa ' + MAX + ' nút: chọn lại để vẽ vùng khác.'
        : ' Mọi nút kề đã được vẽ.';
      return;
    }
    add(more.slice(0, room), i);
    describe(); layout();
  }
  function panel(i) {  // a node's details, its page, its neighbours
    ui.details.textContent = '';
    ui.details.appendChild(el('p', 'cg-muted', 'Đang tải chi tiết…'));
    detail(i, function (info) {
      if (selected !== i && !drawn[i]) return;
      ui.details.textContent = '';
      if (info) ui.details.appendChild(factCard(info, true));
      else ui.details.appendChild(el('div', 'cg-title', N.l[i]));
      var near = el('div', 'cg-card'), list = el('ol', 'cg-pick'), all = notDrawn(i).length;
      near.appendChild(el('div', 'cg-kind', 'Nút kề · neighbours (' + N.d[i] + ')'));
      var seen = {};
      around(i).forEach(function (p) {
        if (seen[p[0]] || list.children.length >= 30) return;
        seen[p[0]] = true;
        var li = entry(p[0]);
        li.insertBefore(document.createTextNode((p[1] & 1 ? '← ' : '→ ') + A.labels[p[1] >> 1] + ': '),
                        li.firstChild);
        list.appendChild(li);
      });
      near.appendChild(list);
      if (N.d[i] > 30) near.appendChild(el('div', 'cg-muted', '+ ' + (N.d[i] - 30) + ' nút kề khác'));
      if (all) near.appendChild(el('div', 'cg-muted', all + ' nút kề chưa vẽ'));
      ui.details.appendChild(near);
    });
  }
  document.getElementById('cg-expand').addEventListener('click', function () {
    if (selected !== null) expand(selected);
  });
  document.getElementById('cg-restart').addEventListener('click', function () {
    nodes.clear(); edges.clear(); drawn = {}; nDrawn = 0; edgeIds = {}; selected = null;
    ui.start.hidden = false; ui.drawn.hidden = true; ui.details.textContent = '';
    status.setAttribute('data-mode', 'start'); status.removeAttribute('data-focus');
    setStatus(true);
  });
  network.on('click', function (p) {
    if (p.nodes.length) { selected = p.nodes[0]; describe(); panel(selected); }
  });
  network.on('doubleClick', function (p) { if (p.nodes.length) expand(p.nodes[0]); });
  // hovering a node: it and its neighbours keep their colours, the rest fade
  network.on('hoverNode', function (p) {
    var keep = {}; keep[p.node] = true;
    network.getConnectedNodes(p.node).forEach(function (j) { keep[j] = true; });
    nodes.update(nodes.getIds().map(function (id) {
      return {id: id, color: keep[id] ? color(id) : '#dde3e8'};
    }));
    status.setAttribute('data-highlighted', String(Object.keys(keep).length));
  });
  network.on('blurNode', function () {
    nodes.update(nodes.getIds().map(function (id) { return {id: id, color: color(id)}; }));
    status.removeAttribute('data-highlighted');
  });

  // ------------------------------------------------------------------ start
  status.setAttribute('data-mode', 'start');
  setStatus(true);
  if (hashParam('from') || hashParam('to')) setYears(Number(hashParam('from')), Number(hashParam('to')));
  var iri = hashParam('node'), q = hashParam('q');
  if (iri !== null && N.iri[iri] !== undefined) choose(N.iri[iri]);
  else if (q) { ui.search.value = q; var hits = search(q); if (hits.length) choose(hits[0]); }
})();
