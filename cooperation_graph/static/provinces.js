// provinces.html: the province network on the map, by era.
(function () {
  var era = CG.initial;
  CG.physics = false;
  function info(id) { return CG.eras[era].info[id]; }
  var slider = document.getElementById('cg-minw'), sliderText = document.getElementById('cg-minw-text');
  function setSlider() {
    var E = CG.eras[era];
    slider.max = String(Math.max(1, E.max_weight)); slider.value = String(E.min_weight);
  }
  // the year range: a link's strength counts what was reported in those years (undated items only
  // when the range is the whole span)
  var yFrom = document.getElementById('cg-from'), yTo = document.getElementById('cg-to');
  function span() { return CG.eras[era].years; }
  function setYears(from, to) {
    var Y = span(); yFrom.disabled = yTo.disabled = !Y;
    if (!Y) { yFrom.value = yTo.value = ''; return; }
    [yFrom, yTo].forEach(function (i) { i.min = String(Y[0]); i.max = String(Y[1]); });
    yFrom.value = String(from != null ? from : Y[0]); yTo.value = String(to != null ? to : Y[1]);
  }
  function inRange(e) {
    var Y = span(), a = Number(yFrom.value), b = Number(yTo.value);
    if (!Y || (a <= Y[0] && b >= Y[1])) return e.w;
    var w = 0;
    (e.y || []).forEach(function (p) { if (p[0] && p[0] >= a && p[0] <= b) w += p[1]; });
    return w;
  }
  function applyMin() {
    var min = Number(slider.value), upd = [], shown = 0, all = 0;
    edges.forEach(function (e) {
      var w = inRange(e), hide = w === 0 || w < min;
      if (w > 0) all++;
      if (!hide) shown++;
      if (!!e.hidden !== hide) upd.push({id: e.id, hidden: hide});
    });
    edges.update(upd);
    sliderText.textContent = min > 0
      ? 'Hiện ' + shown + ' / ' + all + ' liên kết có độ mạnh ≥ ' + min + ' (kéo sang trái để xem thêm).'
      : 'Hiện tất cả ' + all + ' liên kết.';
    var st = document.getElementById('cg-status');
    st.setAttribute('data-from', yFrom.value); st.setAttribute('data-to', yTo.value);
    setStatus(st.getAttribute('data-ready') === '1');
  }
  slider.addEventListener('input', applyMin);
  [yFrom, yTo].forEach(function (i) { i.addEventListener('change', applyMin); });
  function load(newEra) {
    era = newEra;
    nodes.clear(); edges.clear();
    nodes.add(CG.eras[era].nodes);
    edges.add(CG.eras[era].edges);
    setYears(); setSlider(); applyMin();
    titles();
    document.getElementById('cg-details').textContent = '';
    selected = null;
    fitMap(); mapStatus();
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
    if (i.pg) card.appendChild(pageLink(i.pg));
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
  document.getElementById('cg-all-names').addEventListener('change', function () { network.redraw(); });
  network.on('click', function (params) { if (params.nodes.length) details(params.nodes[0]); });
  // the map under the network: graticule, the sea, the country's outline and the borders of
  // the era's units (CG.map: Natural Earth rings, see data/boundaries/README.md), projected as
  // the nodes are (views.py _province_era_data)
  var P = CG.proj, M = CG.map || null, paths = {}, selected = null, hovered = null;
  var ISLANDS = [[15.45, 111.95, 'QĐ. Hoàng Sa (Đà Nẵng)'], [7.85, 114.6, 'QĐ. Trường Sa (Khánh Hòa)']];
  var fixed = [];  // the names the map itself draws (sea, archipelagos), as boxes in page pixels
  function xy(lat, lon) { return {x: (lon - P.lon0) * P.px * P.cos, y: -(lat - P.lat0) * P.px}; }
  function ringsPath(rings, path) {
    rings.forEach(function (r) {
      for (var i = 0; i < r.length; i += 2) {
        var p = xy(r[i + 1] / M.scale, r[i] / M.scale);
        if (i === 0) path.moveTo(p.x, p.y); else path.lineTo(p.x, p.y);
      }
      path.closePath();
    });
    return path;
  }
  function mapPaths(which) {  // built once per era: the era's borders and each unit's shape
    if (!M) return null;
    if (!paths[which]) {
      var units = {}, all = new Path2D(), E = (M.eras || {})[which] || {};
      Object.keys(E).forEach(function (code) {
        units[code] = ringsPath(E[code], new Path2D()); ringsPath(E[code], all);
      });
      paths[which] = {units: units, borders: all, count: Object.keys(E).length};
    }
    if (!paths.outline) {
      paths.outline = ringsPath(M.outline, new Path2D());
      // islets a pixel wide: a dot each, so the archipelagos show at any zoom
      paths.islets = M.outline.filter(function (r) {
        var xs = r.filter(function (_, i) { return i % 2 === 0; }), ys = r.filter(function (_, i) { return i % 2; });
        return Math.max.apply(null, xs) - Math.min.apply(null, xs) < 0.06 * M.scale
          && Math.max.apply(null, ys) - Math.min.apply(null, ys) < 0.06 * M.scale;
      }).map(function (r) { return xy(r[1] / M.scale, r[0] / M.scale); });
    }
    return paths[which];
  }
  function mapBox() {  // the outline's extent (islands included) in network coordinates
    var b = {x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity};
    function add(p) {
      b.x0 = Math.min(b.x0, p.x); b.x1 = Math.max(b.x1, p.x);
      b.y0 = Math.min(b.y0, p.y); b.y1 = Math.max(b.y1, p.y);
    }
    if (M) M.outline.forEach(function (r) {
      for (var i = 0; i < r.length; i += 2) add(xy(r[i + 1] / M.scale, r[i] / M.scale));
    });
    CG.eras[era].nodes.forEach(function (n) { add(n); });
    return b;
  }
  function fitMap() {
    // network.fit() counts the nodes only: fit the whole map, islands and labels included
    var b = mapBox(), box = document.getElementById('mynetwork');
    if (!isFinite(b.x0)) { network.fit({animation: false}); return; }
    var w = box.clientWidth || 800, h = box.clientHeight || 600, pad = 40;
    var scale = Math.min((w - 2 * pad) / Math.max(1, b.x1 - b.x0), (h - 2 * pad) / Math.max(1, b.y1 - b.y0));
    network.moveTo({position: {x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2}, scale: scale, animation: false});
  }
  function mapStatus() {
    var st = document.getElementById('cg-status'), mp = mapPaths(era);
    st.setAttribute('data-map-units', String(mp ? mp.count : 0));
    if (!M) return;
    var b = mapBox(), a = network.canvasToDOM({x: b.x0, y: b.y0}), z = network.canvasToDOM({x: b.x1, y: b.y1});
    // the drawn map's box in the page's pixels, for tests: inside the drawing area?
    st.setAttribute('data-map-box', [a.x, a.y, z.x, z.y].map(Math.round).join(','));
    var box = document.getElementById('mynetwork');
    st.setAttribute('data-map-frame', box.clientWidth + ',' + box.clientHeight);
  }
  network.on('selectNode', function (params) {
    selected = info(params.nodes[0]) ? params.nodes[0] : null; network.redraw();
  });
  network.on('deselectNode', function () { selected = null; network.redraw(); });
  network.on('beforeDrawing', function (ctx) {
    var px = 1 / network.getScale();  // line widths in screen pixels, whatever the zoom
    ctx.save();
    ctx.strokeStyle = 'rgba(80,120,160,0.12)'; ctx.lineWidth = px;
    ctx.fillStyle = 'rgba(80,110,140,0.45)'; ctx.font = '11px sans-serif';
    for (var lat = 8; lat <= 24; lat += 2) {
      var a = xy(lat, 101.5), b = xy(lat, 117);
      ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
      if (lat % 4 === 0) ctx.fillText(lat + '°B', a.x + 2, a.y - 3);
    }
    for (var lon = 102; lon <= 116; lon += 2) {
      var c = xy(24, lon), d = xy(7.5, lon);
      ctx.beginPath(); ctx.moveTo(c.x, c.y); ctx.lineTo(d.x, d.y); ctx.stroke();
      if (lon % 4 === 0) ctx.fillText(lon + '°Đ', d.x + 2, d.y - 3);
    }
    var mp = mapPaths(era);
    if (mp) {
      ctx.fillStyle = '#f4f1e8'; ctx.fill(paths.outline, 'evenodd');
      var sel = selected && info(selected) && mp.units[info(selected).code];
      if (sel) { ctx.fillStyle = 'rgba(31,119,180,0.14)'; ctx.fill(sel, 'evenodd'); }
      ctx.lineJoin = 'round';
      ctx.strokeStyle = 'rgba(120,130,145,0.75)'; ctx.lineWidth = 0.7 * px; ctx.stroke(mp.borders);
      ctx.strokeStyle = 'rgba(70,85,100,0.9)'; ctx.lineWidth = 1.3 * px; ctx.stroke(paths.outline);
      ctx.fillStyle = 'rgba(70,85,100,0.9)';
      paths.islets.forEach(function (o) {
        ctx.beginPath(); ctx.arc(o.x, o.y, 1.6 * px, 0, 2 * Math.PI); ctx.fill();
      });
    }
    ctx.fillStyle = 'rgba(60,110,160,0.35)'; ctx.font = 'italic 20px sans-serif';
    var sea = xy(14.0, 111.0); ctx.textAlign = 'center'; ctx.fillText('Biển Đông', sea.x, sea.y);
    fixed = [fixedBox(ctx, 'Biển Đông', sea, 20)];
    ctx.font = '12px sans-serif'; ctx.fillStyle = 'rgba(40,70,100,0.85)';
    ISLANDS.forEach(function (isl) {
      var o = xy(isl[0], isl[1]);
      if (!mp) {  // no boundary data: a few dots where the archipelagos are
        [[0, -20], [9, -15], [-7, -13], [4, -28]].forEach(function (k) {
          ctx.beginPath(); ctx.arc(o.x + k[0] * px, o.y + k[1] * px, 1.8 * px, 0, 2 * Math.PI); ctx.fill();
        });
      }
      ctx.fillText(isl[2], o.x, o.y);
      fixed.push(fixedBox(ctx, isl[2], o, 12));
    });
    ctx.restore();
  });
  // The provinces' names, placed here rather than by vis-network (which puts each under its dot,
  // over one another in the Red River and Mekong deltas). In order of priority (the hovered
  // province, the selected one, its partners, then the bigger dots: the stronger cooperation)
  // each name takes the first of eight spots around its dot (right, left, above, below, the
  // corners) that is inside the frame, clear of every name already drawn and of the middle of
  // every other dot, preferring a spot that covers the fewest other dots; a name with no free
  // spot is left out (its tooltip still names it; hover or select it to place it first).
  // Placed again at every drawing, so zoom, resize, era, selection and hover all re-place them.
  // Boxes and font sizes are in page pixels: names keep their size whatever the zoom.
  var GAP = 2, HALO = 2;
  function fixedBox(ctx, text, o, size) {  // a centred name drawn in network coordinates
    var w = ctx.measureText(text).width / 2;
    var a = network.canvasToDOM({x: o.x - w, y: o.y - size}), z = network.canvasToDOM({x: o.x + w, y: o.y + 0.3 * size});
    return {x0: a.x, y0: a.y, x1: z.x, y1: z.y};
  }
  function labelFont(n) { return (n.id === selected ? 'bold ' : '') + n.font.size + 'px ' + n.font.face; }
  function overlaps(a, b) {  // with a pixel between them at least
    return a.x0 < b.x1 + 1 && b.x0 < a.x1 + 1 && a.y0 < b.y1 + 1 && b.y0 < a.y1 + 1;
  }
  function coversDot(b, d) {
    var cx = Math.max(b.x0, Math.min(d.x, b.x1)), cy = Math.max(b.y0, Math.min(d.y, b.y1));
    return (cx - d.x) * (cx - d.x) + (cy - d.y) * (cy - d.y) < d.r * d.r;
  }
  function spots(d, w, h) {
    var r = d.r + GAP, c = 0.71 * r;
    return [[d.x + r, d.y - h / 2], [d.x - r - w, d.y - h / 2], [d.x - w / 2, d.y - r - h],
            [d.x - w / 2, d.y + r], [d.x + c, d.y - c - h], [d.x + c, d.y + c],
            [d.x - c - w, d.y - c - h], [d.x - c - w, d.y + c]]
      .map(function (p) { return {x0: p[0], y0: p[1], x1: p[0] + w, y1: p[1] + h}; });
  }
  function placeLabels(ctx) {
    var frame = document.getElementById('mynetwork'), W = frame.clientWidth, H = frame.clientHeight;
    var scale = network.getScale(), all = document.getElementById('cg-all-names').checked, rank = {};
    if (selected) {
      edges.get({filter: function (e) { return !e.hidden && (e.from === selected || e.to === selected); }})
        .forEach(function (e) { rank[e.from === selected ? e.to : e.from] = 1; });
      rank[selected] = 2;
    }
    if (hovered) rank[hovered] = 3;
    var dots = nodes.get().map(function (n) {
      var p = network.canvasToDOM({x: n.x, y: n.y});
      return {n: n, x: p.x, y: p.y, r: (n.size || 4) * scale, rank: rank[n.id] || 0};
    });
    var wanted = dots.filter(function (d) { return all || d.n.active || d.rank; });
    wanted.sort(function (a, b) { return b.rank - a.rank || b.r - a.r || (a.n.name < b.n.name ? -1 : 1); });
    var placed = [];
    wanted.forEach(function (d) {
      ctx.font = labelFont(d.n);
      var w = ctx.measureText(d.n.name).width + 2 * HALO, h = Math.ceil(1.25 * d.n.font.size) + 2 * HALO;
      var best = null, cost = Infinity;
      spots(d, w, h).forEach(function (b, k) {
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > W || b.y1 > H) return;
        if (placed.some(function (p) { return overlaps(b, p); }) || fixed.some(function (p) { return overlaps(b, p); })) return;
        var covered = dots.filter(function (o) { return o !== d && coversDot(b, o); });
        // over the middle of another dot a name reads as that dot's: never there, but for the
        // hovered or selected province's own
        if (d.rank < 2 && covered.some(function (o) { return o.x > b.x0 && o.x < b.x1 && o.y > b.y0 && o.y < b.y1; })) return;
        var c = k / 100 + covered.length;
        if (c < cost) { best = b; cost = c; }
      });
      if (best) { best.n = d.n; placed.push(best); }
    });
    return {placed: placed, wanted: wanted.length, frame: [W, H]};
  }
  function reportLabels(L) {  // for people reading the DOM and for tests (tests/test_views.py)
    var st = document.getElementById('cg-status'), r = function (v) { return Math.round(v * 10) / 10; };
    window.CG_labels = L.placed;
    st.setAttribute('data-labels', String(L.placed.length));
    st.setAttribute('data-labels-wanted', String(L.wanted));
    st.setAttribute('data-labels-era', era);
    st.setAttribute('data-labels-frame', L.frame.join(','));
    st.setAttribute('data-label-boxes', JSON.stringify(L.placed.map(function (b) {
      return [b.n.name, r(b.x0), r(b.y0), r(b.x1), r(b.y1)];
    }).concat(fixed.map(function (b) { return ['', r(b.x0), r(b.y0), r(b.x1), r(b.y1)]; }))));
  }
  network.on('hoverNode', function (params) { hovered = params.node; network.redraw(); });
  network.on('blurNode', function () { hovered = null; network.redraw(); });
  network.on('afterDrawing', function (ctx) {
    ctx.save();
    var L = placeLabels(ctx), ratio = network.canvas.pixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = 'left'; ctx.textBaseline = 'middle'; ctx.lineJoin = 'round';
    ctx.lineWidth = 3; ctx.strokeStyle = '#ffffff';
    L.placed.forEach(function (b) {
      ctx.font = labelFont(b.n); ctx.fillStyle = b.n.font.color;
      ctx.strokeText(b.n.name, b.x0 + HALO, (b.y0 + b.y1) / 2);
      ctx.fillText(b.n.name, b.x0 + HALO, (b.y0 + b.y1) / 2);
    });
    ctx.restore();
    reportLabels(L);
  });
  titles();
  setYears(); setSlider(); applyMin();
  setStatus(false);
  whenLaidOut(function () {
    var wanted = hashParam('era');
    if (wanted && wanted !== era && CG.eras[wanted]) {
      document.querySelectorAll('input[name=cg-era]').forEach(function (r) { r.checked = r.value === wanted; });
      load(wanted);
    }
    var from = hashParam('from'), to = hashParam('to');  // provinces.html#from=2015&to=2019
    if (from || to) {
      setYears(from ? Number(from) : null, to ? Number(to) : null);
      slider.value = '0';  // a chosen range shows all its links
      applyMin();
    }
    var id = hashParam('node');
    if (id && info(id)) { network.selectNodes([id]); selected = id; details(id); }
    fitMap(); mapStatus();
    document.getElementById('cg-status').setAttribute('data-era', era);
    setStatus(true);
  });
})();
