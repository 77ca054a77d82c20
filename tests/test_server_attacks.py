"""Attacks on `coopgraph serve` that must fail: SERVICE and LOAD hidden from the text check
(comments ended by CR, escapes, case, odd whitespace), against a canary listener on loopback
that must never be contacted, and the engine-level network filter beneath the text check."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest
from test_server import TOKEN, _form, _make_store, _request

from cooperation_graph import sandbox
from cooperation_graph.query import uses_service
from cooperation_graph.server import ServerConfig, _run_update, running_server

linux_filter = pytest.mark.skipif(
    subprocess.run([sys.executable, "-c", "from cooperation_graph.sandbox import deny_network as d; "
                    "raise SystemExit(0 if d() else 1)"]).returncode != 0,
    reason="the seccomp network filter needs Linux on x86_64 or aarch64")


class Canary:
    """A TCP listener on loopback that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.contacts = 0
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.contacts += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def canary():
    c = Canary()
    yield c
    c.close()


def service_variants(url: str) -> list[str]:
    """SERVICE written every way SPARQL allows, most of them invisible to a naive reading."""
    body = f"<{url}> {{ ?x ?p ?o }}"
    return [
        f"SELECT * WHERE {{ #\rSERVICE {body} }}",
        f"SELECT * WHERE {{ # a comment\r\nSERVICE {body} }}",
        f"SELECT * WHERE {{ #\r\tservice silent {body} }}",
        f"SELECT * WHERE {{ SeRvIcE {body} }}",
        f"SELECT * WHERE {{\tSERVICE\x0c{body} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE {body} }}",
        f"SELECT * WHERE {{ \\U00000053\\u0045RVICE {body} }}",
        f"SELECT * WHERE {{ ?a ?b ?c . #\r SERVICE {body} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ #\rSERVICE {body} }} }} }}",
        f"ASK {{ #\rSERVICE {body} }}",
        f"CONSTRUCT {{ ?x ?p ?o }} WHERE {{ #\rSERVICE {body} }}",
        f"PREFIX s: <http://x/> SELECT * WHERE {{ OPTIONAL {{ #\rSERVICE {body} }} }}",
    ]


def test_text_check_sees_every_variant():
    for query in service_variants("http://127.0.0.1:1/sparql"):
        assert uses_service(query), repr(query)
    assert not uses_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE')
    assert not uses_service("SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }")


@pytest.fixture(scope="module")
def attack_server(tmp_path_factory):
    path = _make_store(tmp_path_factory.mktemp("attacked") / "store")
    config = ServerConfig(store=path, port=0, timeout=5, update_token=TOKEN, workers=1)
    with running_server(config) as srv:
        yield srv


def test_service_variants_are_refused_and_never_reach_the_canary(attack_server, canary):
    endpoint = attack_server.url + "sparql"
    for query in service_variants(f"http://127.0.0.1:{canary.port}/sparql"):
        status, _, body = _request(endpoint + "?query=" + urllib.parse.quote(query), timeout=10)
        assert status == 400, (query, status, body[:200])
        status, _, _ = _form(endpoint, {"query": query})
        assert status == 400
        status, _, _ = _request(endpoint, query.encode(), {"Content-Type": "application/sparql-query"})
        assert status == 400
    assert canary.contacts == 0


def test_load_variants_are_refused_for_token_holders(attack_server, canary):
    endpoint = attack_server.url + "sparql"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    url = f"http://127.0.0.1:{canary.port}/x.ttl"
    for update in (f"#\rLOAD <{url}>", f"load silent <{url}>", f"\\u004cOAD <{url}>",
                   f"INSERT {{ ?s ?p ?o }} WHERE {{ #\rSERVICE <{url}> {{ ?s ?p ?o }} }}"):
        status, _, body = _form(endpoint, {"update": update}, auth)
        assert status == 400, (update, status, body[:200])
    assert canary.contacts == 0


@linux_filter
def test_workers_cannot_reach_the_network_even_past_the_text_check(attack_server, canary):
    # Straight to a worker, as if the text check had missed it: the engine itself is cut off.
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{canary.port}/sparql> {{ ?s ?p ?o }} }}"
    answer = attack_server.pool.call({"op": "query", "query": query, "format": "json", "limit": 10,
                                      "default_graphs": [], "named_graphs": []}, 10)
    assert answer[0] == "error" and "ermission denied" in answer[2]
    assert canary.contacts == 0


@linux_filter
def test_update_process_cannot_reach_the_network(tmp_path: Path, canary):
    store = _make_store(tmp_path / "store")
    status, message = _run_update(str(store), f"LOAD <http://127.0.0.1:{canary.port}/x.ttl>")
    assert status in (400, 500) and "ermission denied" in message
    assert canary.contacts == 0
    status, message = _run_update(str(store), "INSERT DATA { <http://a/s> <http://a/p> 1 }")
    assert (status, message) == (0, "")


@linux_filter
def test_filter_keeps_local_pipes_working():
    code = ("import socket; from cooperation_graph.sandbox import deny_network, network_denied\n"
            "assert deny_network() and network_denied()\n"
            "a, b = socket.socketpair(); a.send(b'ok'); print(b.recv(2).decode())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_this_process_is_not_filtered():
    assert not sandbox.network_denied()


def test_a_form_without_query_or_update_is_400(attack_server):
    status, _, body = _form(attack_server.url + "sparql", {"format": "json"})
    assert status == 400 and b"query" in body


# --------------------------------------------------------------------------- resource limits

CROSS_CONCAT = ("SELECT (GROUP_CONCAT(CONCAT(STR(?a), STR(?b)); separator=',') AS ?all) "
                "WHERE { GRAPH ?g { ?a ?p ?o } GRAPH ?h { ?b ?q ?r } }")


@pytest.fixture(scope="module")
def tight_server(tmp_path_factory):
    path = _make_store(tmp_path_factory.mktemp("tight") / "store")
    config = ServerConfig(store=path, port=0, timeout=20, workers=1, max_bytes=20_000,
                          max_memory=400_000_000, socket_timeout=1.0, allowed_hosts=("coop.example",))
    with running_server(config) as srv:
        yield srv


def _raw(server, data: bytes, wait: float = 10.0) -> bytes:
    """Send raw bytes to the server and read what comes back until it closes or goes quiet."""
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=wait) as s:
        s.sendall(data)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except TimeoutError:
            pass
    return out


def test_answers_are_cut_to_the_byte_limit(tight_server):
    endpoint = tight_server.url + "sparql"
    status, headers, body = _form(endpoint, {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert status == 200 and len(body) <= 20_000 and headers.get("X-Result-Truncated") == "true"
    rows = len(__import__("json").loads(body)["results"]["bindings"])
    assert 0 < rows == int(headers["X-Result-Rows"])
    status, _, body = _form(endpoint, {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3"})
    assert status == 200 and len(__import__("json").loads(body)["results"]["bindings"]) == 3


def test_one_row_over_the_byte_limit_is_400(tight_server):
    query = ("SELECT (GROUP_CONCAT(STR(?s); separator=',') AS ?all) WHERE { GRAPH ?g { ?s ?p ?o } }")
    status, _, body = _form(tight_server.url + "sparql", {"query": query})
    assert status == 400 and b"over the limit" in body


def test_a_query_that_eats_memory_is_stopped_and_the_server_recovers(tight_server):
    endpoint = tight_server.url + "sparql"
    status, _, body = _form(endpoint, {"query": CROSS_CONCAT})
    assert status == 503 and b"MB" in body, body[:200]
    status, _, body = _form(endpoint, {"query": "ASK { GRAPH ?g { ?s ?p ?o } }"})
    assert status == 200 and b"true" in body


def test_body_shorter_than_content_length_times_out_and_frees_the_thread(tight_server):
    started = __import__("time").monotonic()
    reply = _raw(tight_server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               b"Content-Type: application/sparql-query\r\nContent-Length: 500\r\n\r\nASK {")
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert __import__("time").monotonic() - started < 8


@pytest.mark.parametrize("length", [b"-5", b"abc", b"+3", b" 1e3"])
def test_bad_content_length_is_400(tight_server, length):
    reply = _raw(tight_server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               b"Content-Type: application/sparql-query\r\nContent-Length: " + length + b"\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 400") and b"Content-Length" in reply, reply[:300]


def test_other_host_names_get_421(tight_server):
    port = tight_server.server_address[1]
    for host, expected in ((f"attacker.example:{port}", 421), (f"127.0.0.1:{port}", 200),
                           (f"localhost:{port}", 200), (f"[::1]:{port}", 200), ("COOP.example", 200),
                           (f"127.0.0.1.attacker.example:{port}", 421)):
        status, _, body = _request(tight_server.url + "health", headers={"Host": host})
        assert status == expected, (host, status, body)


def test_pages_carry_a_content_security_policy_and_refuse_framing(tight_server):
    status, headers, _ = _request(tight_server.url)
    assert status == 200 and headers["X-Frame-Options"] == "DENY"
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp


@pytest.mark.parametrize("path", ["static/" + "a" * 300, "static/" + "%C3%A9" * 200 + ".js"])
def test_long_asset_names_are_404(tight_server, path):
    assert _request(tight_server.url + path)[0] == 404


def test_bad_default_graph_uri_is_400(tight_server):
    q = urllib.parse.quote("ASK { ?s ?p ?o }")
    status, _, body = _request(tight_server.url + f"sparql?query={q}&default-graph-uri=not%20an%20iri")
    assert status == 400 and b"default-graph-uri" in body
