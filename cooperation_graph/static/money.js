// money.html: Sankey of fundings and investments between provinces, a yearly bar chart, and
// the facts behind each flow. Data: <script id="cg-data"> (see money_view.money_data); drawn by
// plotly.js from the shared assets folder. Text from articles goes into the DOM with
// textContent only; links only to the article pages written beside this page or to http(s).
(function () {
  'use strict';
  var CG = JSON.parse(document.getElementById('cg-data').textContent);
  // the evidence sentences and articles: in the page data, or (a large store) in
  // assets/money-evidence.js, which sets CG_MONEY_EVIDENCE
  var EV = window.CG_MONEY_EVIDENCE || {s: CG.s || [], a: CG.a || []};
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
  var KIND = [
    {name: 'Hỗ trợ kinh phí', short: 'hỗ trợ', link: 'rgba(201,160,0,0.5)', solid: '#c9a000'},
    {name: 'Đầu tư', short: 'đầu tư', link: 'rgba(148,103,189,0.5)', solid: '#9467bd'}
  ];
  var SIDE = [{name: 'Cho đi · given', color: '#e07b39'}, {name: 'Nhận · received', color: '#2a9d8f'}];
  var status = document.getElementById('cg-status');
  var ui = {
    from: document.getElementById('cg-from'), to: document.getElementById('cg-to'),
    province: document.getElementById('cg-province'), top: document.getElementById('cg-top'),
    kinds: Array.prototype.slice.call(document.querySelectorAll('.cg-kind-box')),
    flows: document.getElementById('cg-flows'), details: document.getElementById('cg-details')
  };
  var YEARS = CG.years || null;
  var state = {from: YEARS ? YEARS[0] : null, to: YEARS ? YEARS[1] : null, province: -1,
               kinds: [true, true], top: 60};
  var drawn = [];   // the flows in the Sankey, in its link order
  var flowsNow = [];  // every flow the filters keep
  var draws = 0;

  // ------------------------------------------------------------------ formatting
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function viNum(n) {  // 33600 -> 33.600; 1.5 -> 1,5 (Vietnamese separators, as the other views)
    var parts = String(Math.abs(n)).split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (n < 0 ? '-' : '') + whole + (parts[1] ? ',' + parts[1] : '');
  }
  function vnd(amount, qualifier) {  // as views.format_vnd: "3 tỷ đồng", "1,235 tỷ đồng (1.234.567.890 đồng)"
    if (amount === null || amount === undefined) return 'không rõ số tiền';
    var text = null, units = [['tỷ', 1e9], ['triệu', 1e6]];
    for (var i = 0; i < units.length; i++) {
      var size = units[i][1];
      if (Math.abs(amount) >= size) {
        var shown = Math.round(amount / size * 1000) / 1000;
        text = viNum(shown) + ' ' + units[i][0] + ' đồng';
        if (Math.round(shown * size) !== amount) text += ' (' + viNum(amount) + ' đồng)';
        break;
      }
    }
    if (text === null) text = viNum(amount) + ' đồng';
    return qualifier ? qualifier + ' ' + text : text;
  }
  function safeHref(href) {
    if (/^articles\/[0-9A-Za-z._-]+\.html$/.test(href)) return href;
    if (/^https?:\/\/[^\s"'<>]+$/i.test(href)) return href;
    return null;
  }

  // ------------------------------------------------------------------ filtering
  function fullRange() { return !YEARS || (state.from <= YEARS[0] && state.to >= YEARS[1]); }
  function yearIn(f) {  // the first of the fact's years inside the range (null: none)
    var ys = f[5];
    for (var i = 0; i < ys.length; i++) if (ys[i] >= state.from && ys[i] <= state.to) return ys[i];
    return null;
  }
  function keeps(f) {
    if (!state.kinds[f[0]]) return false;
    if (state.province >= 0 && f[1] !== state.province && f[2] !== state.province) return false;
    return f[5].length ? yearIn(f) !== null : fullRange();
  }
  function selectedFacts() {
    var out = [];
    for (var i = 0; i < CG.f.length; i++) if (keeps(CG.f[i])) out.push(i);
    return out;
  }
  function flowsOf(facts) {
    var by = {}, list = [];
    facts.forEach(function (i) {
      var f = CG.f[i], key = f[1] + '|' + f[2] + '|' + f[0];
      if (!by[key]) { by[key] = {g: f[1], r: f[2], k: f[0], value: 0, facts: []}; list.push(by[key]); }
      by[key].value += f[3] || 0;
      by[key].facts.push(i);
    });
    list.sort(function (a, b) { return b.value - a.value || b.facts.length - a.facts.length; });
    return list;
  }
  function flowName(fl) { return CG.p[fl.g] + ' → ' + CG.p[fl.r]; }

  // ------------------------------------------------------------------ details
  function showFacts(title, facts) {
    var box = ui.details;
    box.textContent = '';
    var card = el('div', 'cg-card');
    card.appendChild(el('div', 'cg-title', title));
    var total = 0, unknown = 0;
    facts.forEach(function (i) { if (CG.f[i][3] === null) unknown++; else total += CG.f[i][3]; });
    card.appendChild(el('div', 'cg-muted', facts.length + ' khoản · ' + vnd(total) +
      (unknown ? ' · ' + unknown + ' khoản không rõ số tiền' : '')));
    facts.slice().sort(function (a, b) {
      return (CG.f[a][5][0] || 0) - (CG.f[b][5][0] || 0) || (CG.f[b][3] || 0) - (CG.f[a][3] || 0);
    }).forEach(function (i) { card.appendChild(factCard(CG.f[i])); });
    box.appendChild(card);
    box.scrollIntoView({block: 'nearest'});
  }
  function factCard(f) {
    var div = el('div', 'cg-fact');
    var head = el('div', 'cg-kind', KIND[f[0]].name);
    head.style.color = KIND[f[0]].solid;
    div.appendChild(head);
    var amount = el('div', 'cg-amount', vnd(f[3], f[4]));
    div.appendChild(amount);
    var table = el('table', 'cg-facts');
    function row(name, value) {
      if (value === null || value === undefined || value === '') return;
      var tr = el('tr');
      tr.appendChild(el('td', null, name));
      tr.appendChild(el('td', null, value));
      table.appendChild(tr);
    }
    row('Từ → đến', CG.p[f[1]] + ' → ' + CG.p[f[2]]);
    if (f[3] !== null) row('Số tiền', viNum(f[3]) + ' đồng');
    row(f[6] ? 'Năm' : 'Năm (đăng bài)', f[5].join(', '));
    row('Mục đích', f[7]);
    row('Trạng thái', f[8]);
    div.appendChild(table);
    f[9].forEach(function (ev) {
      div.appendChild(el('div', 'cg-quote', EV.s[ev[0]]));
      var art = EV.a[ev[1]] || ['', '', ''], src = el('div', 'cg-source');
      src.appendChild(document.createTextNode([art[0], art[1]].filter(Boolean).join(' · ') + ' '));
      var href = safeHref(art[2]);
      if (href) {
        var a = el('a', null, /^articles\//.test(href) ? 'xem trong bài' : 'bài gốc');
        a.href = href;
        if (!/^articles\//.test(href)) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
        src.appendChild(a);
      }
      div.appendChild(src);
    });
    return div;
  }
  function showFlow(fl) {
    showFacts(flowName(fl) + ' · ' + KIND[fl.k].short, fl.facts);
  }

  // ------------------------------------------------------------------ charts
  function layoutBase(extra) {
    var base = {font: {family: FONT, size: 12, color: '#1b2733'}, separators: ',.',
                margin: {l: 60, r: 20, t: 40, b: 40}, paper_bgcolor: '#fff'};
    for (var k in extra) base[k] = extra[k];
    return base;
  }
  var CONFIG = {displaylogo: false, responsive: true,
                modeBarButtonsToRemove: ['lasso2d', 'select2d'],
                toImageButtonOptions: {filename: 'dong-tien'}};

  function drawSankey(flows) {
    var positive = flows.filter(function (fl) { return fl.value > 0; });
    drawn = state.top > 0 ? positive.slice(0, state.top) : positive;
    var index = {}, labels = [], custom = [];
    function node(side, p) {
      var key = side + p;
      if (!(key in index)) { index[key] = labels.length; labels.push(CG.p[p]); custom.push(side + p); }
      return index[key];
    }
    var link = {source: [], target: [], value: [], color: [], label: [], customdata: [],
                hovertemplate: '%{label}<extra></extra>'};
    drawn.forEach(function (fl, i) {
      link.source.push(node('g', fl.g));
      link.target.push(node('r', fl.r));
      link.value.push(fl.value);
      link.color.push(KIND[fl.k].link);
      link.label.push(flowName(fl) + '<br>' + KIND[fl.k].name + ': ' + vnd(fl.value) + ' · ' +
                      fl.facts.length + ' khoản');
      link.customdata.push(i);
    });
    var div = document.getElementById('cg-sankey');
    var height = Math.max(360, Math.min(3000, 26 * Math.max(1, labels.length / 2) + 80));
    div.style.height = height + 'px';
    var title = 'Dòng tiền · Money flows' + (YEARS ? ' ' + state.from + '–' + state.to : '') +
      (state.province >= 0 ? ' · ' + CG.p[state.province] : '');
    var layout = layoutBase({title: {text: title, x: 0.01, font: {size: 15}}, height: height,
                             margin: {l: 20, r: 20, t: 44, b: 16}});
    if (!drawn.length) {
      layout.annotations = [{text: 'Không có dòng tiền nào có số tiền trong phạm vi này · ' +
                             'no flows with an amount here', showarrow: false,
                             xref: 'paper', yref: 'paper', x: 0.5, y: 0.5}];
      layout.xaxis = {visible: false}; layout.yaxis = {visible: false};
      return Plotly.react(div, [], layout, CONFIG);
    }
    var trace = {type: 'sankey', orientation: 'h', arrangement: 'snap',
                 node: {label: labels, customdata: custom, pad: 12, thickness: 16,
                        color: '#1f77b4', line: {color: '#fff', width: 0.5},
                        hovertemplate: '%{label}<br>%{value:,.0f} đồng<extra></extra>'},
                 link: link};
    return Plotly.react(div, [trace], layout, CONFIG);
  }

  function drawYears(facts) {
    var div = document.getElementById('cg-years');
    var years = [];
    if (YEARS) for (var y = state.from; y <= state.to; y++) years.push(y);
    var series = state.province >= 0 ? SIDE.map(function (s) { return {s: s, v: {}, n: {}}; })
                                     : KIND.map(function (k) { return {s: k, v: {}, n: {}}; });
    facts.forEach(function (i) {
      var f = CG.f[i], year = yearIn(f);
      if (year === null || f[3] === null) return;
      var targets = state.province >= 0
        ? [f[1] === state.province ? 0 : -1, f[2] === state.province ? 1 : -1] : [f[0]];
      targets.forEach(function (t) {
        if (t < 0) return;
        series[t].v[year] = (series[t].v[year] || 0) + f[3];
        series[t].n[year] = (series[t].n[year] || 0) + 1;
      });
    });
    var traces = series.map(function (se, t) {
      return {type: 'bar', name: se.s.name, meta: t, marker: {color: se.s.solid || se.s.color},
              x: years.map(String), y: years.map(function (yr) { return (se.v[yr] || 0) / 1e9; }),
              customdata: years.map(function (yr) {
                return vnd(se.v[yr] || 0) + ' · ' + (se.n[yr] || 0) + ' khoản'; }),
              hovertemplate: '%{x}: %{customdata}<extra>%{fullData.name}</extra>'};
    });
    var who = state.province >= 0 ? CG.p[state.province] + ': cho đi và nhận về'
                                  : 'mọi tỉnh (tiền cho đi = tiền nhận về)';
    var layout = layoutBase({title: {text: 'Theo năm · By year — ' + who, x: 0.01, font: {size: 14}},
                             barmode: state.province >= 0 ? 'group' : 'stack',
                             xaxis: {type: 'category', title: {text: ''}},
                             yaxis: {title: {text: 'tỷ đồng'}, rangemode: 'tozero', tickformat: ',~f'},
                             legend: {orientation: 'h', y: 1.12, x: 1, xanchor: 'right'}});
    return Plotly.react(div, traces, layout, CONFIG).then(function () { return years.length; });
  }

  // ------------------------------------------------------------------ controls
  function fillControls() {
    [ui.from, ui.to].forEach(function (sel) {
      sel.textContent = '';
      if (!YEARS) { sel.appendChild(el('option', null, '—')); sel.disabled = true; return; }
      for (var y = YEARS[0]; y <= YEARS[1]; y++) {
        var o = el('option', null, y); o.value = y; sel.appendChild(o);
      }
    });
    var order = CG.p.map(function (_, i) { return i; });
    order.forEach(function (i) {
      var o = el('option', null, CG.p[i]); o.value = i; ui.province.appendChild(o);
    });
  }
  function syncControls() {
    if (YEARS) { ui.from.value = state.from; ui.to.value = state.to; }
    ui.province.value = state.province >= 0 ? String(state.province) : '';
    ui.kinds.forEach(function (box) { box.checked = state.kinds[+box.value]; });
    ui.top.value = String(state.top);
  }
  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (YEARS) {
      var from = parseInt(params.get('from'), 10), to = parseInt(params.get('to'), 10);
      if (!isNaN(from)) state.from = Math.max(YEARS[0], Math.min(YEARS[1], from));
      if (!isNaN(to)) state.to = Math.max(YEARS[0], Math.min(YEARS[1], to));
      if (state.from > state.to) { var t = state.from; state.from = state.to; state.to = t; }
    }
    if (params.has('province')) state.province = CG.p.indexOf(params.get('province'));
    if (params.has('kind')) {
      var kinds = params.get('kind').split(',');
      state.kinds = [kinds.indexOf('funding') >= 0, kinds.indexOf('investment') >= 0];
    }
    var top = parseInt(params.get('top'), 10);
    if (!isNaN(top) && top >= 0) state.top = top;
  }
  function writeHash() {
    var parts = [];
    if (YEARS && !fullRange()) parts.push('from=' + state.from, 'to=' + state.to);
    if (state.province >= 0) parts.push('province=' + encodeURIComponent(CG.p[state.province]));
    if (!(state.kinds[0] && state.kinds[1])) {
      parts.push('kind=' + ['funding', 'investment'].filter(function (_, k) { return state.kinds[k]; }).join(','));
    }
    if (state.top !== 60) parts.push('top=' + state.top);
    var hash = parts.length ? '#' + parts.join('&') : ' ';
    try { history.replaceState(null, '', hash === ' ' ? location.pathname + location.search : hash); }
    catch (e) { /* some file:// setups refuse; the page works without */ }
  }
  function fromControls(changed) {
    if (YEARS) {
      state.from = parseInt(ui.from.value, 10); state.to = parseInt(ui.to.value, 10);
      if (state.from > state.to) {  // keep the range valid: move the other end
        if (changed === ui.from) state.to = state.from; else state.from = state.to;
      }
    }
    state.province = ui.province.value === '' ? -1 : parseInt(ui.province.value, 10);
    ui.kinds.forEach(function (box) { state.kinds[+box.value] = box.checked; });
    state.top = parseInt(ui.top.value, 10) || 0;
    syncControls();
    writeHash();
    draw();
  }

  function listFlows() {
    ui.flows.textContent = '';
    flowsNow.slice(0, 15).forEach(function (fl) {
      var li = el('li', null, flowName(fl) + ' · ' + KIND[fl.k].short + ' · ' +
                  (fl.value ? vnd(fl.value) : 'không rõ số tiền') + ' (' + fl.facts.length + ')');
      li.tabIndex = 0;
      li.addEventListener('click', function () { showFlow(fl); });
      li.addEventListener('keydown', function (e) { if (e.key === 'Enter') showFlow(fl); });
      ui.flows.appendChild(li);
    });
    if (!flowsNow.length) ui.flows.appendChild(el('li', 'cg-muted', 'Không có · none'));
  }

  function draw() {
    status.setAttribute('data-ready', '0');
    var facts = selectedFacts();
    flowsNow = flowsOf(facts);
    listFlows();
    Promise.all([drawSankey(flowsNow), drawYears(facts)]).then(function (done) {
      draws++;
      var unknown = facts.filter(function (i) { return CG.f[i][3] === null; }).length;
      status.textContent = 'Đang hiện ' + drawn.length + ' trong ' + flowsNow.length +
        ' dòng tiền, ' + facts.length + ' khoản' + (YEARS ? ' · ' + state.from + '–' + state.to : '') +
        (unknown ? ' · ' + unknown + ' khoản không rõ số tiền (không vẽ)' : '') +
        (CG.skipped ? ' · ' + CG.skipped + ' khoản thiếu bên cho hoặc nhận' : '');
      var attrs = {'data-links': drawn.length, 'data-flows': flowsNow.length,
                   'data-facts': facts.length, 'data-from': YEARS ? state.from : '',
                   'data-to': YEARS ? state.to : '', 'data-years': done[1],
                   'data-province': state.province >= 0 ? CG.p[state.province] : '',
                   'data-draws': draws, 'data-ready': '1'};
      for (var k in attrs) status.setAttribute(k, attrs[k]);
    }).catch(function (err) {
      status.textContent = 'Lỗi khi vẽ: ' + err;
      status.setAttribute('data-error', String(err));
    });
  }

  // ------------------------------------------------------------------ start
  if (typeof Plotly === 'undefined') {
    status.textContent = 'Không tải được plotly.min.js: hãy giữ thư mục assets/ bên cạnh trang ' +
      'này. plotly.js did not load: keep the assets/ folder beside this page.';
    status.setAttribute('data-error', 'plotly');
    return;
  }
  fillControls();
  readHash();
  syncControls();
  [ui.from, ui.to, ui.province, ui.top].concat(ui.kinds).forEach(function (c) {
    c.addEventListener('change', function () { fromControls(c); });
  });
  document.getElementById('cg-reset').addEventListener('click', function () {
    state = {from: YEARS ? YEARS[0] : null, to: YEARS ? YEARS[1] : null, province: -1,
             kinds: [true, true], top: 60};
    syncControls(); writeHash(); draw();
  });
  window.addEventListener('hashchange', function () { readHash(); syncControls(); draw(); });
  draw();
  document.getElementById('cg-sankey').on('plotly_click', function (ev) {
    var pt = ev && ev.points && ev.points[0];
    if (!pt) return;
    if (typeof pt.customdata === 'number' && drawn[pt.customdata]) {
      showFlow(drawn[pt.customdata]);
    } else if (typeof pt.customdata === 'string') {  // a node: every fact given or received
      var side = pt.customdata[0], p = parseInt(pt.customdata.slice(1), 10), facts = [];
      drawn.forEach(function (fl) {
        if ((side === 'g' ? fl.g : fl.r) === p) facts = facts.concat(fl.facts);
      });
      showFacts(CG.p[p] + (side === 'g' ? ' cho đi · given' : ' nhận về · received'), facts);
    }
  });
  document.getElementById('cg-years').on('plotly_click', function (ev) {
    var pt = ev && ev.points && ev.points[0];
    if (!pt) return;
    var year = parseInt(pt.x, 10), t = pt.data.meta;
    var facts = selectedFacts().filter(function (i) {
      var f = CG.f[i];
      if (yearIn(f) !== year || f[3] === null) return false;
      if (state.province < 0) return f[0] === t;
      return t === 0 ? f[1] === state.province : f[2] === state.province;
    });
    showFacts(year + ' · ' + pt.data.name, facts);
  });
})();
