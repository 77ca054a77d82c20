"""Properties of `coopgraph serve` under arbitrary requests (hypothesis, issue 12).

Whatever a client sends — any method, any path under /sparql, /view and /static, any query
string or form body (Unicode, percent-encoded lone surrogates and raw bytes), any
Content-Type, a Content-Length that is missing, negative, huge, garbage or wrong — the server
answers with a status (4xx for a malformed request, 2xx for a valid query, 501 only for a
method HTTP servers do not implement), never a 500, never a Python traceback in its stderr,
and it still answers a good query afterwards.

The server is the real command (``python -m cooperation_graph.cli serve``) in its own
process with its stderr in a file, so a traceback from any thread or query worker shows up.
Requests go over a raw socket: the client half-closes after sending, so a Content-Length
longer than the body gets its 400 at once instead of waiting for the socket timeout.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from servers import free_port
from test_server import _make_store

ROOT = Path(__file__).resolve().parent.parent
#: Methods the handler implements; http.server answers any other with 501.
KNOWN = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH")
GOOD = "ASK { GRAPH ?g { ?s ?p ?o } }"
PROPERTY = settings(max_examples=120, deadline=5000, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


class Served:
    """A `coopgraph serve` process on loopback and the file its stderr goes to."""

    def __init__(self, store: Path, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cooperation_graph.cli", "serve", "--store", str(store),
             "--port", str(self.port), "--workers", "2", "--timeout", "10"],
            stdout=subprocess.PIPE, stderr=log.open("wb"), text=True, cwd=ROOT)
        line = self.proc.stdout.readline()
        assert f":{self.port}/sparql" in line, log.read_text(errors="replace")

    def exchange(self, request: bytes, wait: float = 15.0) -> tuple[int, bytes]:
        """Send raw bytes, half-close, read the answer; (status, whole reply), status 0 if none."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=wait) as s:
            s.sendall(request)
            s.shutdown(socket.SHUT_WR)
            reply = b""
            try:
                while chunk := s.recv(65536):
                    reply += chunk
            except (TimeoutError, ConnectionResetError):
                pass
        head = reply.split(b"\r\n", 1)[0].split(b" ")
        status = int(head[1]) if len(head) > 1 and head[0].startswith(b"HTTP/") and head[1].isdigit() else 0
        return status, reply

    def request(self, method: str, target: str, headers: dict[str, str] | None = None,
                body: bytes = b"", length: str | None = "exact") -> tuple[int, bytes]:
        lines = [f"{method} {target} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", "Connection: close"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if length == "exact":
            lines.append(f"Content-Length: {len(body)}")
        elif length is not None:
            lines.append(f"Content-Length: {length}")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")  # raw bytes: http.server reads latin-1
        return self.exchange(head + body)

    def clean(self) -> None:
        """Still running, and no traceback in its stderr so far."""
        assert self.proc.poll() is None, "the server died"
        text = self.log.read_text(errors="replace")
        assert "Traceback" not in text, text[-3000:]

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("properties")
    server = Served(_make_store(folder / "store"), folder / "serve.err")
    yield server
    server.stop()


def _allowed(method: str, status: int) -> bool:
    """A client's malformed request: a 4xx; an unknown method: 501; never a 500."""
    if method not in KNOWN:
        return status in (400, 501)  # 400 when the request line itself is malformed
    return 200 <= status < 500


# --------------------------------------------------------------------------- strategies

def _encode(value: str | bytes) -> str:
    """Percent-encoded; text may hold lone surrogates (encoded as the bytes they would be)."""
    if isinstance(value, bytes):
        return urllib.parse.quote_from_bytes(value, safe="")
    return urllib.parse.quote(value, safe="", errors="surrogatepass")


anything = st.text(max_size=60) | st.binary(max_size=40)  # st.text includes lone surrogates
names = st.sampled_from(["query", "update", "format", "output", "default-graph-uri", "named-graph-uri"]) | anything
queries = st.sampled_from([GOOD, "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "ASK {", "SELECT", "CONSTRUCT WHERE { ?s ?p ?o }",
                           "INSERT DATA { <a:b> <a:c> 1 }", "DESCRIBE <http://x>", "SELECT ?x WHERE { BIND(1/0 AS ?x) }"])
values = queries | anything
pairs = st.lists(st.tuples(names, values), max_size=5)
methods = st.sampled_from(KNOWN) | st.sampled_from(["OPTIONS", "TRACE", "PROPFIND"]) | st.from_regex(r"\A[A-Z]{1,10}\Z")
routes = st.sampled_from(["/sparql", "/query", "/sparql/", "/view/", "/view/graph", "/view/provinces.html",
                          "/view/index.html", "/view/money", "/static/", "/static/query.js", "/", "/health", "/queries.json"])
# origin-form, absolute-form (valid or not for urlsplit) and a doubled slash before the path
prefixes = st.sampled_from(["", "", "", "http://127.0.0.1", "http://[", "http://[::1", "http://a\u2100", "/", "//["])
content_types = st.sampled_from(["application/x-www-form-urlencoded", "application/sparql-query",
                                 "application/sparql-update", "application/x-www-form-urlencoded; charset=latin1",
                                 "text/plain", "", None]) | st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF),
                                                                    max_size=30)
lengths = st.sampled_from(["exact", "exact", None, "-1", "-99999", "99999999999999999999", "1e3", "+5", " 7",
                           "0x10", "", "longer", "shorter"])


def _target(prefix: str, route: str, extra: str | bytes, params: list[tuple[str | bytes, str | bytes]]) -> str:
    path = route + (_encode(extra) if route.endswith("/") else "")
    query = "&".join(f"{_encode(k)}={_encode(v)}" for k, v in params)
    return prefix + path + ("?" + query if params else "")


def _length(mode: str | None, body: bytes) -> str | None:
    if mode == "longer":
        return str(len(body) + 5)  # the client then closes: the body never comes
    if mode == "shorter":
        return str(max(0, len(body) - 3))
    return mode


# --------------------------------------------------------------------------- properties

@PROPERTY
@given(method=methods, prefix=prefixes, route=routes, extra=anything, params=pairs)
@example(method="GET", prefix="http://[", route="/sparql", extra="", params=[("query", GOOD)])
def test_any_request_target_gets_a_client_status(served, method, prefix, route, extra, params):
    status, reply = served.request(method, _target(prefix, route, extra, params))
    assert _allowed(method, status), (method, status, reply[:300])
    served.clean()


@PROPERTY
@given(method=st.sampled_from(["POST", "POST", "PUT", "GET"]), route=st.sampled_from(["/sparql", "/query", "/view/"]),
       ctype=content_types, fields=pairs, raw=st.none() | anything, length=lengths)
def test_any_body_gets_a_client_status(served, method, route, ctype, fields, raw, length):
    if raw is None:
        body = "&".join(f"{_encode(k)}={_encode(v)}" for k, v in fields).encode("ascii")
    else:
        body = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    headers = {} if ctype is None else {"Content-Type": ctype}
    status, reply = served.request(method, route, headers, body, _length(length, body))
    assert _allowed(method, status), (method, ctype, length, status, reply[:300])
    served.clean()


def _sparql_string(text: str) -> str:
    """``text`` as a SPARQL string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


plain = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)  # what a valid query can hold
valid = st.one_of(
    plain.map(lambda t: f"ASK {{ GRAPH ?g {{ ?s ?p {_sparql_string(t)} }} }}"),
    plain.map(lambda t: f"SELECT ?x WHERE {{ BIND({_sparql_string(t)} AS ?x) }}"),
    st.integers(0, 50).map(lambda n: f"SELECT * WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT {n}"),
    st.integers(0, 5).map(lambda n: f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT {n}"),
    plain.map(lambda t: f"SELECT * WHERE {{ ?s ?p ?o }} # {t}".replace("\r", " ").replace("\n", " ")),
)
ways = st.sampled_from(["get", "form", "direct"])
accepts = st.sampled_from([None, "*/*", "application/sparql-results+json", "text/csv, */*;q=0.1",
                           "text/turtle, application/sparql-results+xml;q=0.9, */*;q=0.1"])


@PROPERTY
@given(query=valid, way=ways, accept=accepts, junk=st.lists(st.tuples(st.text(max_size=10).filter(
    lambda k: k not in ("query", "update", "format", "output", "default-graph-uri", "named-graph-uri")), anything),
    max_size=3))
def test_valid_queries_are_answered(served, query, way, accept, junk):
    """A valid query, sent any protocol way beside unknown parameters, is answered 200."""
    headers = {"Accept": accept} if accept else {}
    if way == "get":
        status, reply = served.request("GET", _target("", "/sparql", "", [("query", query), *junk]), headers)
    elif way == "form":
        body = "&".join(f"{_encode(k)}={_encode(v)}" for k, v in [("query", query), *junk]).encode("ascii")
        status, reply = served.request("POST", "/sparql", {**headers, "Content-Type": "application/x-www-form-urlencoded"},
                                       body)
    else:
        status, reply = served.request("POST", _target("", "/sparql", "", junk),
                                       {**headers, "Content-Type": "application/sparql-query"}, query.encode("utf-8"))
    # an Accept header offering no type for this kind of answer may be refused with 406
    assert status == 200 or (status == 406 and accept and "*/*" not in accept), (query, way, status, reply[:300])
    served.clean()


def test_the_server_still_answers_afterwards(served):
    """Runs after the properties above (file order): the same process answers a good query."""
    status, reply = served.request("GET", "/sparql?query=" + urllib.parse.quote(GOOD),
                                   {"Accept": "application/sparql-results+json"})
    assert status == 200, reply[:300]
    assert json.loads(reply.split(b"\r\n\r\n", 1)[1])["boolean"] is True
    served.clean()
