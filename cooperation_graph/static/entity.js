// graph.html: the entity graph.
(function () {
  setTooltips();
  var names = document.getElementById('cg-names');
  var labels = {};
  Object.keys(CG.info).forEach(function (id) { labels[CG.info[id].l] = true; });
  Object.keys(labels).sort().forEach(function (l) { var o = el('option'); o.value = l; names.appendChild(o); });
  var psel = document.getElementById('cg-province');
  CG.provinces.forEach(function (p) { var o = el('option', null, p); o.value = p; psel.appendChild(o); });
  // years: from (cg-year) and to (cg-year-to); one of them alone is that year on, or up to it
  var ysel = document.getElementById('cg-year'), ysel2 = document.getElementById('cg-year-to');
  CG.years.forEach(function (y) {
    [ysel, ysel2].forEach(function (s) { var o = el('option', null, y); o.value = String(y); s.appendChild(o); });
  });
  function apply() {
    var types = {};
    document.querySelectorAll('.cg-type').forEach(function (c) { types[c.value] = c.checked; });
    var p = psel.value, a = ysel.value ? Number(ysel.value) : null, b = ysel2.value ? Number(ysel2.value) : null;
    var upd = [];
    nodes.forEach(function (n) {
      var i = CG.info[n.id] || {t: 'other', p: [], y: []};
      var inYears = (a === null && b === null) || i.y.some(function (y) {
        return (a === null || y >= a) && (b === null || y <= b);
      });
      var show = types[i.t] !== false && (!p || i.p.indexOf(p) >= 0) && inYears;
      if (!!n.hidden === show) upd.push({id: n.id, hidden: !show});
    });
    nodes.update(upd);
    setStatus(true);
  }
  document.querySelectorAll('.cg-type').forEach(function (c) { c.addEventListener('change', apply); });
  psel.addEventListener('change', apply); ysel.addEventListener('change', apply); ysel2.addEventListener('change', apply);
  document.getElementById('cg-reset').addEventListener('click', function () {
    document.querySelectorAll('.cg-type').forEach(function (c) { c.checked = true; });
    psel.value = ''; ysel.value = ''; ysel2.value = ''; apply(); network.unselectAll(); network.fit();
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
    // (#year=2012: that year; #from=2010&to=2014: a range)
    var types = hashParam('type'), p = hashParam('province'), y = hashParam('year'), q = hashParam('q');
    var from = hashParam('from'), to = hashParam('to');
    if (types) {
      var want = types.split(',');
      document.querySelectorAll('.cg-type').forEach(function (c) { c.checked = want.indexOf(c.value) >= 0; });
    }
    if (p !== null) psel.value = p;
    if (y !== null) { ysel.value = y; ysel2.value = y; }
    if (from !== null) ysel.value = from;
    if (to !== null) ysel2.value = to;
    if (types || p !== null || y !== null || from !== null || to !== null) apply();
    if (q) { search.value = q; find(); }
  }
  setStatus(false);
  whenLaidOut(function () { filtersFromHash(); openFromHash(); setStatus(true); });
})();
