// graph.html: the entity graph.
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
