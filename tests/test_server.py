"""The SPARQL endpoint and query page: real clients (SPARQLWrapper, urllib, headless Chromium)
against a server running on loopback over the fixture graph."""

from __future__ import annotations

import json
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
from browser import load_page
from fixtures.make_fixture import QUERIES, fixture_quads, load_fixture
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from cooperation_graph.errors import StoreError
from cooperation_graph.store import EmbeddedStore
from cooperation_graph.query import (
    load_query,
    read_expected,
    run_query,
    same_result,
    to_result,
)
from cooperation_graph.server import ServerConfig, negotiate, running_server

from conftest import SAMPLE

TIMEOUT = 3.0
MAX_ROWS = 200
TOKEN = "test-token-42"
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } "
        "GRAPH ?c { ?s3 ?p3 ?o3 } }")


def _make_store(path: Path) -> Path:
    store = ox.Store(str(path))
    load_fixture(store)
    store.flush()
    del store
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return _make_store(tmp_path_factory.mktemp("served") / "store")


@pytest.fixture(scope="module")
def server(store_path: Path):
    config = ServerConfig(store=store_path, port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, max_body=200_000)
    with running_server(config) as srv:
        yield srv


@pytest.fixture(scope="module")
def endpoint(server) -> str:
    return server.url + "sparql"


def _request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
             method: str | None = None, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _form(endpoint: str, fields: dict[str, str], headers: dict[str, str] | None = None):
    body = urllib.parse.urlencode(fields).encode()
    return _request(endpoint, body, {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})


def _wrapper(endpoint: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    sw.setTimeout(30)
    return sw


# --------------------------------------------------------------------------- real client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_equals_saved_result(endpoint: str, method: str):
    query = load_query("pairs")
    data = _wrapper(endpoint, query.text, JSON, method).query().convert()
    result = to_result(ox.parse_query_results(json.dumps(data).encode(), format=ox.QueryResultsFormat.JSON))
    assert same_result(result, read_expected(QUERIES / "pairs.srj"), ordered=True)


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_every_saved_query_over_http_equals_expected(endpoint: str, name: str):
    """The page's examples (parameters bound with VALUES) on the on-disk store, over HTTP."""
    from cooperation_graph.query import bind

    query = load_query(name)
    graph = query.form in ("CONSTRUCT", "DESCRIBE")
    status, _, body = _form(endpoint, {"query": bind(query)},
                            {"Accept": "application/n-triples" if graph else "application/sparql-results+json"})
    assert status == 200, body[:300]
    if graph:
        actual = to_result(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)))
        expected = read_expected(QUERIES / f"{name}.ttl")
    else:
        actual = to_result(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))
        expected = read_expected(QUERIES / f"{name}.srj")
    assert same_result(actual, expected, ordered=True)


def test_sparqlwrapper_xml_csv_and_construct(endpoint: str):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    xml = _wrapper(endpoint, count, XML).query().convert()
    assert xml.getElementsByTagName("literal")[0].firstChild.data == str(len(fixture_quads()))
    csv = _wrapper(endpoint, count, CSV).query().convert()
    assert csv.decode().split() == ["n", str(len(fixture_quads()))]
    graph = _wrapper(endpoint, load_query("network").text, TURTLE).query().convert()
    expected = read_expected(QUERIES / "network.ttl")
    assert len(list(ox.parse(graph, format=ox.RdfFormat.TURTLE))) == len(expected.triples)


def test_sparqlwrapper_ask(endpoint: str):
    data = _wrapper(endpoint, "ASK { GRAPH ?g { ?s a <https://w3id.org/coopgraph/ontology#Funding> } }",
                    JSON).query().convert()
    assert data == {"head": {}, "boolean": True}


def test_syntax_error_is_400_with_position(endpoint: str):
    with pytest.raises(QueryBadFormed, match="line 2, column"):
        _wrapper(endpoint, "SELECT * WHERE {\n  ?s ?p ?o . @ }", JSON).query()


# --------------------------------------------------------------------------- protocol


def test_raw_post_body_and_form_post(endpoint: str):
    q = "SELECT ?x WHERE { VALUES ?x { 'Cần Thơ' } }"
    status, _, body = _request(endpoint, q.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["x"]["value"] == "Cần Thơ"
    status, _, body = _form(endpoint, {"query": q}, {"Accept": "text/tab-separated-values"})
    assert status == 200 and body.decode() == '?x\n"Cần Thơ"\n'


@pytest.mark.parametrize("accept,ctype", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values;q=0.9, text/csv;q=0.5", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
])
def test_content_negotiation_for_results(endpoint: str, accept: str, ctype: str):
    status, headers, _ = _form(endpoint, {"query": "SELECT * WHERE { }"}, {"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(ctype)


@pytest.mark.parametrize("accept,fmt", [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
])
def test_content_negotiation_for_graphs(endpoint: str, accept: str, fmt: ox.RdfFormat):
    status, headers, body = _form(endpoint, {"query": load_query("network").text}, {"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert len(list(ox.parse(body, format=fmt))) == len(read_expected(QUERIES / "network.ttl").triples)


def test_unacceptable_type_is_406(endpoint: str):
    status, _, _ = _form(endpoint, {"query": "SELECT * WHERE { }"}, {"Accept": "image/png"})
    assert status == 406


def test_negotiate_prefers_quality_then_our_order():
    assert negotiate("text/csv;q=0.2, application/sparql-results+xml", graph=False) == "xml"
    assert negotiate(None, graph=True) == "turtle"
    assert negotiate("text/tab-separated-values;q=0.5, text/*;q=0.1", graph=False) == "tsv"
    assert negotiate("text/html", graph=False, override="tsv") == "tsv"


def test_bad_requests(endpoint: str, server):
    assert _request(endpoint)[0] == 400  # no query
    assert _request(server.url + "nothing")[0] == 404
    assert _request(endpoint, b"x", {"Content-Type": "text/plain"})[0] == 415
    assert _request(endpoint, method="DELETE")[0] == 405
    status, _, _ = _request(endpoint + "?update=" + urllib.parse.quote("CLEAR ALL"))
    assert status == 405
    status, _, _ = _form(endpoint, {"query": "INSERT DATA { <http://a> <http://b> <http://c> }"})
    assert status == 400


def test_oversized_request_is_413(endpoint: str):
    big = "SELECT * WHERE { } #" + "x" * 300_000
    status, _, body = _request(endpoint, big.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"limit" in body


def test_long_results_are_cut_with_a_header(endpoint: str):
    status, headers, body = _form(endpoint, {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert status == 200 and headers.get("X-Result-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    status, headers, _ = _form(endpoint, {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5"})
    assert "X-Result-Truncated" not in headers


def test_dataset_parameters(endpoint: str):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    url = endpoint + "?" + urllib.parse.urlencode({"query": q, "default-graph-uri": "https://w3id.org/coopgraph/graph/gazetteer"})
    status, _, body = _request(url)
    gazetteer = sum(1 for quad in fixture_quads() if quad.graph_name.value.endswith("/gazetteer"))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(gazetteer)


# --------------------------------------------------------------------------- safety


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://example.org/> { ?s ?p ?o } }",
])
def test_service_is_refused(endpoint: str, query: str):
    status, _, body = _form(endpoint, {"query": query})
    assert status == 400 and b"SERVICE" in body


def test_update_is_refused_without_token_configured(endpoint: str):
    status, _, body = _form(endpoint, {"update": "INSERT DATA { GRAPH <http://g> { <http://a> <http://b> 1 } }"},
                            {"Authorization": f"Bearer {TOKEN}"})
    assert status == 403 and b"disabled" in body


def test_slow_query_hits_the_time_limit_and_the_server_recovers(endpoint: str):
    started = time.monotonic()
    status, _, body = _form(endpoint, {"query": SLOW})
    took = time.monotonic() - started
    assert status == 503 and b"time limit" in body
    assert TIMEOUT - 0.1 <= took < TIMEOUT + 5
    for _ in range(3):  # the killed worker is replaced: the endpoint keeps answering
        assert _form(endpoint, {"query": "ASK { }"})[0] == 200


def test_fifty_concurrent_queries_answer_correctly(endpoint: str, store_path: Path):
    def ask(i: int) -> tuple[int, int, str]:
        q = (f"SELECT ?i (COUNT(?s) AS ?n) WHERE {{ VALUES ?i {{ {i} }} "
             f"GRAPH ?g {{ ?s a <https://w3id.org/coopgraph/ontology#Province> }} }} GROUP BY ?i")
        status, _, body = _form(endpoint, {"query": q})
        row = json.loads(body)["results"]["bindings"][0] if status == 200 else {}
        return status, int(row.get("i", {}).get("value", -1)), row.get("n", {}).get("value", "")

    provinces = str(sum(1 for q in fixture_quads() if q.object.value.endswith("#Province")
                        and q.predicate.value.endswith("#type")))
    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(ask, range(50)))
    assert answers == [(200, i, provinces) for i in range(50)]


@pytest.fixture(scope="module")
def update_server(tmp_path_factory):
    path = _make_store(tmp_path_factory.mktemp("writable") / "store")
    config = ServerConfig(store=path, port=0, timeout=TIMEOUT, update_token=TOKEN, workers=1)
    with running_server(config) as srv:
        yield srv


def test_update_needs_the_right_bearer_token(update_server):
    endpoint = update_server.url + "sparql"
    insert = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 42 } }"
    check = "SELECT ?o WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }"
    assert _form(endpoint, {"update": insert})[0] == 401
    assert _form(endpoint, {"update": insert}, {"Authorization": "Bearer wrong"})[0] == 403
    assert json.loads(_form(endpoint, {"query": check})[2])["results"]["bindings"] == []
    status, _, _ = _request(endpoint, insert.encode(), {"Content-Type": "application/sparql-update",
                                                        "Authorization": f"Bearer {TOKEN}"})
    assert status == 204
    (row,) = json.loads(_form(endpoint, {"query": check})[2])["results"]["bindings"]
    assert row["o"]["value"] == "42"
    status, _, body = _form(endpoint, {"update": "LOAD <http://127.0.0.1:9/x.ttl>"},
                            {"Authorization": f"Bearer {TOKEN}"})
    assert status == 400 and b"LOAD" in body


def test_a_build_while_serving_becomes_visible(update_server):
    endpoint = update_server.url + "sparql"
    check = "ASK { GRAPH <http://example.org/built> { ?s ?p ?o } }"
    assert json.loads(_form(endpoint, {"query": check})[2])["boolean"] is False
    writer = EmbeddedStore(update_server.config.store)  # what `coopgraph build` does meanwhile
    writer.update('INSERT DATA { GRAPH <http://example.org/built> { '
                  '<http://example.org/s> <http://example.org/p> "new" } }')
    writer.close()  # the write is published: readers see it
    assert json.loads(_form(endpoint, {"query": check})[2])["boolean"] is True


def test_missing_store_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreError, match="no store at"), running_server(ServerConfig(store=tmp_path / "none", port=0)):
        pass


# --------------------------------------------------------------------------- page


def test_page_lists_saved_queries_and_loads_nothing_from_outside(server):
    status, headers, body = _request(server.url)
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    for name in ("pairs", "received", "rollup_current"):
        assert f'"name": "{name}"' in page
    for tag in ("src=", "href="):
        for value in page.split(tag)[1:]:
            assert not value.lstrip("\"'").startswith(("http:", "https:", "//")), value[:60]
    for asset in ("query.js", "query.css"):
        status, _, data = _request(server.url + "static/" + asset)
        assert status == 200 and b"http://" not in data.replace(b"http://' + ", b"")
    assert _request(server.url + "static/../server.py")[0] == 404


def test_examples_are_bound_to_their_defaults(server):
    _, _, body = _request(server.url + "queries.json")
    examples = {e["name"]: e for e in json.loads(body)}
    assert 'VALUES (?province) { ("Cần Thơ") }' in examples["received"]["query"]
    store = load_fixture()
    for name, example in examples.items():  # what the page runs is what the saved query answers
        assert len(run_query(store, example["query"])) == len(run_query(store, name)), name


def test_views_are_served(server):
    pytest.importorskip("cooperation_graph.views")
    pytest.importorskip("cooperation_graph.projection")
    for name in ("provinces", "graph", "money"):
        status, headers, body = _request(server.url + f"view/{name}", timeout=120)
        assert status == 200, body[:300]
        assert headers["Content-Type"].startswith("text/html") and b"<html" in body.lower()
    assert _request(server.url + "view/nothing")[0] == 404


def test_view_index_is_served_and_its_links_resolve(server):
    """/view/ and /view/index.html list the views; their relative links (the names `coopgraph
    view` writes) and each view's link back all answer here."""
    import re
    import urllib.parse

    pytest.importorskip("cooperation_graph.views")
    for path in ("view/", "view/index.html"):
        status, headers, body = _request(server.url + path, timeout=120)
        assert status == 200 and headers["Content-Type"].startswith("text/html"), body[:300]
        links = re.findall(r'<a href="([^"]+)"', body.decode("utf-8"))
        assert {"graph.html", "provinces.html", "money.html", "articles/index.html",
                "provinces/index.html", "officials/index.html"} <= set(links)  # all served
        for link in links:
            assert _request(urllib.parse.urljoin(server.url + path, link), timeout=120)[0] == 200
    for name in ("graph", "provinces.html", "money.html"):
        _, _, body = _request(server.url + f"view/{name}", timeout=120)
        back = re.findall(r'<a href="([^"]+)">Trang chính', body.decode("utf-8"))
        assert back and _request(urllib.parse.urljoin(server.url + f"view/{name}", back[0]))[0] == 200
    assert b'href="/view/"' in _request(server.url)[2]


@pytest.mark.parametrize("name", ["graph", "provinces", "money"])
def test_served_views_run_under_their_content_security_policy(server, name):
    pytest.importorskip("cooperation_graph.views")
    status, headers, _ = _request(server.url + f"view/{name}", timeout=120)
    assert status == 200 and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    page = load_page(server.url + f"view/{name}", budget_ms=15000)
    assert page.attr("cg-status", "data-ready") == "1", page.console
    assert page.console == [], page.console  # a CSP violation is reported on the console


def test_served_money_page_draws_the_stores_fundings_with_the_served_plotly(server):
    """/view/money loads plotly.js from /view/assets/ (its relative link) and draws the sample's
    flows; no other asset name is served there."""
    import re
    import urllib.parse

    money_view = pytest.importorskip("cooperation_graph.money_view")
    _, _, body = _request(server.url + "view/money.html", timeout=120)
    (src,) = re.findall(r'<script src="([^"]+)"', body.decode("utf-8"))
    status, headers, js = _request(urllib.parse.urljoin(server.url + "view/money.html", src), timeout=60)
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert js == money_view.plotly_js_path().read_bytes()
    for bad in ("view/assets/other.js", "view/assets/../../health", "view/assets/"):
        assert _request(server.url + bad)[0] == 404, bad
    page = load_page(server.url + "view/money", budget_ms=20000)
    assert page.attr("cg-status", "data-ready") == "1", page.console
    assert int(page.attr("cg-status", "data-facts")) >= 4  # 3 fundings and the investment


def test_browser_runs_an_example_and_shows_the_table(server):
    page = load_page(server.url + "?run=pairs", budget_ms=15000)
    expected = read_expected(QUERIES / "pairs.srj")
    assert page.attr("results", "hidden") is None, page.dom[-2000:]
    assert page.dom.count("<tr>") == len(expected.rows) + 1  # header + rows
    body_state = page.dom.split("<body", 1)[1].split(">", 1)[0]
    assert 'data-state="done"' in body_state and f'data-rows="{len(expected.rows)}"' in body_state
    assert "Hồ Chí Minh" in page.dom and "Sóc Trăng" in page.dom
    assert not [c for c in page.console if "error" in c.lower()], page.console


def test_browser_shows_errors(server):
    query = urllib.parse.quote("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }")
    page = load_page(server.url + f"?query={query}&run=1", budget_ms=10000)
    assert page.attr("error", "hidden") is None and "SERVICE" in (page.text("error") or "")



def test_coopgraph_serve_command(store_path: Path, tmp_path: Path):
    """The CLI wiring: `coopgraph serve` answers, and SIGTERM stops it and its workers."""
    import signal
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    proc = subprocess.Popen([sys.executable, "-m", "cooperation_graph.cli", "serve", "--store", str(copy),
                             "--port", str(port), "--workers", "1"], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/sparql" in line
        status, _, body = _form(f"http://127.0.0.1:{port}/sparql", {"query": "ASK { GRAPH ?g { ?s ?p ?o } }"})
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0


@pytest.mark.parametrize("name", ["received", "network"])
def test_coopgraph_query_against_the_endpoint(endpoint: str, name: str):
    """`coopgraph query --store URL`: the remote path (VALUES binding over HTTP) agrees too."""
    from cooperation_graph.query import query_store

    query = load_query(name)
    graph = query.form == "CONSTRUCT"
    text = query_store(endpoint, name, {}, "ntriples" if graph else "json")
    if graph:
        actual = to_result(list(ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES)))
        expected = read_expected(QUERIES / f"{name}.ttl")
    else:
        actual = to_result(ox.parse_query_results(text.encode(), format=ox.QueryResultsFormat.JSON))
        expected = read_expected(QUERIES / f"{name}.srj")
    assert same_result(actual, expected, ordered=True)


def test_update_drops_kept_ntriples_and_refreshes_the_summary(tmp_path: Path):
    """What a build derives from the article graphs follows a SPARQL Update of them."""
    from cooperation_graph.export import serialize_quads
    from cooperation_graph.store import SUMMARY_GRAPH, EmbeddedStore, build_articles
    from cooperation_graph.summary import read_facts, summary_quads

    from graph_fixtures import sample_extraction

    st = EmbeddedStore(tmp_path / "s")
    build_articles([sample_extraction()], st)
    graph = next(g for g in st.graphs() if "/article/" in g)
    assert b"cooperatesWith" in serialize_quads(st, "nt")
    st.close()
    config = ServerConfig(store=tmp_path / "s", port=0, timeout=TIMEOUT, update_token=TOKEN, workers=1)
    drop = (f"DELETE WHERE {{ GRAPH <{graph}> "
            "{ ?a <https://w3id.org/coopgraph/ontology#cooperatesWith> ?b } }")
    with running_server(config) as srv:
        status, _, _ = _request(srv.url + "sparql", drop.encode(), {
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 204
    st = EmbeddedStore(tmp_path / "s")
    assert b"cooperatesWith" not in serialize_quads(st, "nt")  # not the kept, stale N-Triples
    in_store = set(st.oxigraph.quads_for_pattern(None, None, None, SUMMARY_GRAPH))
    assert in_store == set(summary_quads(read_facts(st)))
    assert not any(q.object.value.endswith("#PairTotals") for q in in_store)  # no pair left
    st.close()


def test_served_views_follow_the_store_after_a_build(tmp_path: Path):
    """A view drawn before a build is not served after it: the page shows what the store holds now."""
    pytest.importorskip("cooperation_graph.views")
    from click.testing import CliRunner

    from cooperation_graph.cli import main

    golden = Path(__file__).parent / "golden" / "extract"
    store = tmp_path / "store"

    def build(path: Path) -> None:
        result = CliRunner().invoke(main, ["build", str(path), "--store", str(store), "--workers", "1"])
        assert result.exit_code == 0, result.output

    build(golden / "synthetic-2016-son-la-ha-noi.txt")
    config = ServerConfig(store=store, port=0, timeout=TIMEOUT, workers=1)
    with running_server(config) as srv:
        status, _, before = _request(srv.url + "view/graph", timeout=120)
        assert status == 200 and "Hoàng Trung Hải".encode() not in before
        assert _request(srv.url + "view/graph", timeout=120)[2] == before  # unchanged store: same page
        build(SAMPLE)  # what `coopgraph build` does while the server is up
        status, _, after = _request(srv.url + "view/graph", timeout=120)
        assert status == 200 and "Hoàng Trung Hải".encode() in after
