// The query page: pick a saved question or write SPARQL, run it on /sparql, show a table.
// No libraries, no network other than this server.
(function () {
  "use strict";
  var examples = JSON.parse(document.getElementById("examples-data").textContent || "[]");
  var $ = function (id) { return document.getElementById(id); };
  var select = $("example"), textarea = $("query"), runButton = $("run");
  var NUMERIC = /#(integer|decimal|double|float|long|int)$/;

  examples.forEach(function (ex) {
    var opt = document.createElement("option");
    opt.value = ex.name;
    opt.textContent = ex.name + " — " + (ex.vi || ex.en);
    select.appendChild(opt);
  });

  function showExample(name) {
    var ex = examples.filter(function (e) { return e.name === name; })[0];
    $("question").textContent = ex ? (ex.vi + (ex.en ? " · " + ex.en : "")) : "";
    var params = $("params");
    params.textContent = "";
    if (!ex) { return; }
    ex.params.forEach(function (p) {
      var li = document.createElement("li");
      li.textContent = "?" + p.name + " (" + p.type + ") = " + (p.default === null ? "bắt buộc · required" : p.default) +
        (p.doc ? " — " + p.doc : "") + "  [VALUES ở đầu WHERE · edit the VALUES line]";
      params.appendChild(li);
    });
    textarea.value = ex.query;
    updateDownloads();
  }

  function prefixesOf(text) {
    var out = [], re = /PREFIX\s+([\w-]*):\s*<([^>]*)>/gi, m;
    while ((m = re.exec(text))) { out.push([m[1], m[2]]); }
    out.sort(function (a, b) { return b[1].length - a[1].length; });
    return out;
  }

  function shorten(iri, prefixes) {
    for (var i = 0; i < prefixes.length; i++) {
      if (iri.indexOf(prefixes[i][1]) === 0) { return prefixes[i][0] + ":" + iri.slice(prefixes[i][1].length); }
    }
    return iri;
  }

  function cell(term, prefixes) {
    var td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      var a = document.createElement("a");
      a.href = term.value;
      a.textContent = shorten(term.value, prefixes);
      a.title = term.value;
      a.rel = "noopener noreferrer";
      if (!/^https?:/i.test(term.value)) { a.removeAttribute("href"); }
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) { td.title = "@" + term["xml:lang"]; }
      if (term.datatype) {
        td.title = term.datatype;
        if (NUMERIC.test(term.datatype)) { td.className = "num"; }
      }
    }
    return td;
  }

  function reset() {
    $("error").hidden = true;
    $("stale").hidden = true;
    $("graph").hidden = true;
    $("results").hidden = true;
    $("results").tHead.textContent = "";
    $("results").tBodies[0].textContent = "";
  }

  function fail(message) {
    $("error").textContent = message;
    $("error").hidden = false;
    $("status").textContent = "";
    document.body.dataset.state = "error";
  }

  function render(data, prefixes, truncated, ms) {
    var table = $("results");
    if (typeof data.boolean === "boolean") {
      $("status").textContent = "ASK: " + (data.boolean ? "có · yes" : "không · no") + " (" + ms + " ms)";
      document.body.dataset.state = "done";
      document.body.dataset.rows = "0";
      return;
    }
    var vars = data.head.vars, rows = data.results.bindings;
    var tr = document.createElement("tr");
    vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; tr.appendChild(th); });
    table.tHead.appendChild(tr);
    var body = table.tBodies[0];
    rows.forEach(function (row) {
      var r = document.createElement("tr");
      vars.forEach(function (v) { r.appendChild(cell(row[v], prefixes)); });
      body.appendChild(r);
    });
    table.hidden = false;
    $("status").textContent = rows.length + " dòng · rows, " + ms + " ms" +
      (truncated ? " — đã cắt bớt · truncated at the row limit" : "");
    document.body.dataset.rows = String(rows.length);
    document.body.dataset.state = "done";
  }

  function run() {
    var text = textarea.value;
    reset();
    runButton.disabled = true;
    document.body.dataset.state = "running";
    $("status").textContent = "Đang chạy… · running…";
    var started = Date.now();
    fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9"
      },
      body: new URLSearchParams({ query: text }).toString()
    }).then(function (resp) {
      var ctype = resp.headers.get("Content-Type") || "";
      var truncated = resp.headers.get("X-Result-Truncated") === "true";
      $("stale").hidden = resp.headers.get("X-Totals-Stale") !== "true";  // see server.py
      return resp.text().then(function (body) {
        var ms = Date.now() - started;
        if (!resp.ok) { fail(resp.status + " " + resp.statusText + ": " + body); return; }
        if (ctype.indexOf("json") >= 0) {
          render(JSON.parse(body), prefixesOf(text), truncated, ms);
        } else {
          $("graph").textContent = body;
          $("graph").hidden = false;
          $("status").textContent = "Đồ thị · graph (" + ms + " ms)" + (truncated ? " — truncated" : "");
          document.body.dataset.state = "done";
        }
      });
    }).catch(function (err) { fail(String(err)); })
      .then(function () { runButton.disabled = false; });
  }

  function updateDownloads() {
    ["csv", "tsv", "json"].forEach(function (fmt) {
      $("dl-" + fmt).href = "/sparql?format=" + fmt + "&query=" + encodeURIComponent(textarea.value);
    });
  }

  select.addEventListener("change", function () { showExample(select.value); });
  runButton.addEventListener("click", run);
  textarea.addEventListener("input", updateDownloads);
  textarea.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });

  // ?example=NAME selects a saved question, ?query=TEXT fills the editor, ?run=1 (or ?run=NAME) runs it.
  var params = new URLSearchParams(window.location.search);
  var wanted = params.get("example") || (params.get("run") && params.get("run") !== "1" ? params.get("run") : null);
  if (wanted === "example" && examples.length) { wanted = examples[0].name; }
  if (wanted) { select.value = wanted; showExample(wanted); }
  if (params.get("query")) { textarea.value = params.get("query"); }
  updateDownloads();
  if (params.get("run")) { run(); }
})();
