"""``coopgraph serve``: a SPARQL 1.1 Protocol endpoint, a query page and the HTML views.

Safe by default:

* binds 127.0.0.1;
* read-only: SPARQL Update is refused (403) unless the server was started with an update
  token and the request carries it (``Authorization: Bearer TOKEN``);
* ``SERVICE`` (and ``LOAD``) are refused (400): the server never fetches arbitrary URLs. The
  request text is read for them, and beneath that the processes that run queries and updates
  cannot open internet sockets at all (``sandbox.deny_network``, a seccomp filter on Linux), so
  no reading of the text that differs from the engine's can reach another server;
* every query runs in a worker *process* holding its own read-only handle on the store; a
  query past the time limit has its worker killed (503) and a new one started, so a runaway
  query stops using CPU instead of finishing in the background;
* results longer than the row limit, or than the byte limit once written, are cut, with
  ``X-Result-Truncated: true``; a worker whose memory passes the limit is killed (503) and
  replaced; request bodies over the size limit get 413, a body that does not arrive in time 408;
* only requests naming this server in their ``Host`` header are answered (421 otherwise), so a
  web page cannot reach the loopback server through DNS rebinding; pages carry a
  Content-Security-Policy and may not be framed (``X-Frame-Options: DENY``).

Routes: ``/`` query page, ``/sparql`` (GET, POST form, POST ``application/sparql-query`` or
``application/sparql-update``), ``/view/`` (links to the views), ``/view/graph`` and
``/view/provinces``, ``/view/money`` (the views; also as ``graph.html``, ``provinces.html``,
``money.html``; the money page's plotly.js at ``/view/assets/plotly.min.js``),
``/view/provinces/<slug>.html``, ``/view/officials/<slug>.html``, ``/view/articles/<id>.html``
and the ``index.html`` of each (the pages :mod:`~cooperation_graph.entity_pages` draws, named
as ``coopgraph view`` writes them, so the links between all pages work here too),
``/queries.json`` (the saved queries), ``/static/...`` (page assets), ``/health``.

A query that reads the summary's totals while the store marks them stale (a build running,
or one interrupted: :func:`store.totals_stale`) is answered with ``X-Totals-Stale: true``,
and the query page shows a notice.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .errors import CooperationGraphError, QueryError, StoreError
from .sandbox import deny_network
from .query import (
    _words,
    bind,
    format_graph,
    format_result,
    query_form,
    reads_summary,
    saved_queries,
    syntax_error,
    to_result,
    uses_service,
)
from . import snapshots
from .store import (READ_ATTEMPTS, READ_PAUSE, _open_read_only, is_vanished_files, storage_problem,
                    totals_stale)

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878

#: media type -> our format name; the first of each kind is the default.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
}
CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}


@dataclass
class ServerConfig:
    """How to serve: where the store is, where to listen, and the safety limits."""

    store: str | Path = "output/store"
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    timeout: float = 30.0  # seconds per query
    max_rows: int = 10_000  # rows (or triples) per result
    max_body: int = 1_000_000  # bytes per request body
    workers: int = 2
    update_token: str | None = None
    view_timeout: float = 120.0
    max_bytes: int = 50_000_000  # bytes per answer; longer ones are cut by rows
    max_memory: int = 2_000_000_000  # bytes of resident memory per worker before it is killed
    allowed_hosts: tuple[str, ...] = ()  # Host header names accepted beside the listening address
    socket_timeout: float = 30.0  # seconds a client may take to send its request


def _rss(pid: int) -> int:
    """Resident memory of a process in bytes (0 where /proc is not there)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


# --------------------------------------------------------------------------------------------
# Worker processes


def _store_version(path: str) -> tuple[str, int, int]:
    """Changes whenever a writer (e.g. ``coopgraph build``) publishes a snapshot, or (a store
    without snapshots) adds or appends to store files."""
    snapshot = snapshots.newest(path)
    try:
        with os.scandir(path) as entries:
            newest = max((e.stat().st_mtime_ns for e in entries if e.is_file()), default=0)
        return (snapshot.name if snapshot else "", os.stat(path).st_mtime_ns, newest)
    except OSError:
        return ("", 0, 0)


def _reopen(store_path: str, release: Any) -> tuple[Any, Any]:
    """A handle on the newest snapshot; the one it replaces is let go (``release``)."""
    opened = _open_read_only(Path(store_path))
    release()
    return opened


def _worker_main(conn: Any, store_path: str) -> None:  # pragma: no cover - runs in a child
    """Serve query requests from ``conn`` on a read-only handle of the store.

    The handle reads the store's newest snapshot (:mod:`snapshots`) and is reopened when a
    writer publishes a newer one (a build run while the server is up becomes visible). If
    files vanish under it all the same (a store without snapshots, being compacted), the store
    is reopened and the request run again (a few times, with growing pauses). A view's answer
    ends with the store version it was read from, which is what the parent keys its cache on.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent stops us
    sandboxed = deny_network()  # whatever the engine parses, it cannot reach another server
    try:
        store, release = _open_read_only(Path(store_path))
    except (OSError, RuntimeError) as exc:
        conn.send(("fatal", 500, f"cannot open store {store_path}: {storage_problem(exc)}"))
        return
    version = _store_version(store_path)
    conn.send(("ready", sandboxed))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        now = _store_version(store_path)
        if now != version:
            try:
                (store, release), version = _reopen(store_path, release), now
            except (OSError, RuntimeError):
                pass  # a writer is half way: keep the old snapshot for now
        pause = READ_PAUSE
        for attempt in range(READ_ATTEMPTS):
            try:
                answer = _handle(store, msg)
            except Exception as exc:  # noqa: BLE001 - the parent gets a 500 with the reason
                if is_vanished_files(exc) and attempt < READ_ATTEMPTS - 1:
                    time.sleep(pause)  # a build is compacting: read again from its new files
                    pause *= 2
                    try:
                        (store, release), version = _reopen(store_path, release), _store_version(store_path)
                    except (OSError, RuntimeError):
                        pass
                    continue
                answer = ("error", 500, f"{type(exc).__name__}: {exc}")
            break
        if msg["op"] == "view" and answer[0] == "ok":
            answer = (*answer, version)
        conn.send(answer)


def _handle(store: Any, msg: dict[str, Any]) -> tuple[Any, ...]:  # pragma: no cover - child
    import pyoxigraph as ox

    if msg["op"] == "view":
        return _render_view(store, msg["name"])
    kwargs: dict[str, Any] = {}
    try:
        if msg.get("default_graphs"):
            kwargs["default_graph"] = [ox.NamedNode(g) for g in msg["default_graphs"]]
        if msg.get("named_graphs"):
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in msg["named_graphs"]]
    except ValueError as exc:
        return ("error", 400, f"bad default-graph-uri or named-graph-uri: {exc}")
    try:
        raw = store.query(msg["query"], **kwargs)
        result = to_result(raw, limit=msg["limit"])
    except SyntaxError as exc:
        return ("error", 400, str(syntax_error(exc)))
    except ValueError as exc:
        return ("error", 400, f"bad request: {exc}")
    except OSError as exc:
        if is_vanished_files(exc):
            raise  # retried on a fresh handle by the worker loop
        return ("error", 500, f"query failed: {exc}")
    fmt = msg["format"]
    graph = result.kind == "graph"
    if graph:
        fmt = fmt if fmt in ("turtle", "ntriples", "jsonld") else "turtle"
    else:
        fmt = fmt if fmt in ("json", "xml", "csv", "tsv") else "json"
    body, result = _within_bytes(result, fmt, msg.get("max_bytes"))
    if body is None:
        return ("error", 400, f"the answer is over the limit of {msg['max_bytes']} bytes even with one "
                              "row: select less (e.g. SUBSTR of long values)")
    stale = reads_summary(msg["query"]) and totals_stale(store)  # same handle, same snapshot
    return ("ok", body, CONTENT_TYPES[fmt], result.truncated, len(result), stale)


def _within_bytes(result: Any, fmt: str, limit: int | None) -> tuple[bytes | None, Any]:
    """The written answer, cut by rows (or triples) to at most ``limit`` bytes."""
    from dataclasses import replace

    def write(r: Any) -> bytes:
        text = format_graph(r, fmt) if r.kind == "graph" else format_result(r, fmt)
        return text.encode("utf-8")

    body = write(result)
    if not limit or len(body) <= limit:
        return body, result
    field = "triples" if result.kind == "graph" else "rows"
    items = getattr(result, field)
    lo, hi, best = 1, len(items) - 1, None  # the most rows that fit
    while lo <= hi:
        mid = (lo + hi) // 2
        cut = replace(result, **{field: items[:mid]}, truncated=True)
        written = write(cut)
        if len(written) <= limit:
            best, lo = (written, cut), mid + 1
        else:
            hi = mid - 1
    return best if best else (None, result)


def _render_view(store: Any, name: str) -> tuple[Any, ...]:  # pragma: no cover - child
    try:
        from . import projection, views
    except ImportError as exc:
        return ("error", 404, f"views are not available: {exc}")
    nav = views.page_nav("", articles=True, money=True)  # relative: /view/graph.html -> /view/index.html
    if "/" in name:  # provinces/<slug>.html, officials/..., articles/... (all from one site)
        from .entity_pages import served_page
        found = served_page(store, name)
        if found is None:
            return ("error", 404, f"no page {name[:100]!r}")
        return ("ok", found.encode("utf-8"), "text/html", False, 0)
    if name == "index":
        page = views.render_index(money="", provinces="", officials="",
                                  articles=len(projection.article_records(store)))
    elif name == "money":
        from .money_view import money_data, render_money_view
        page = render_money_view(money_data(projection.rdf_to_networkx(store), article_pages=True), nav=nav)
    elif name == "graph":
        page = views.render_entity_graph(projection.rdf_to_networkx(store), nav=nav, article_links=True,
                                         entity_pages="")
    elif name == "provinces":
        page = views.render_province_network(projection.province_networks(store), nav=nav, entity_pages="")
    else:
        return ("error", 404, f"no view named {name!r}")
    return ("ok", page.encode("utf-8"), "text/html", False, 0)


def _child_env() -> dict[str, str]:
    """The environment of a child ``python -m cooperation_graph.server``: this package importable."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _run_update(store_path: str, text: str) -> tuple[int, str]:
    """Run a SPARQL Update in a child kept off the network; (0, "") or (HTTP status, reason)."""
    env = _child_env()
    done = subprocess.run([sys.executable, "-m", "cooperation_graph.server", "--update", store_path],
                          input=text.encode("utf-8"), capture_output=True, env=env, check=False)
    if done.returncode == 0:
        return 0, ""
    message = done.stderr.decode("utf-8", "replace").strip().splitlines()
    reason = message[-1] if message else f"update process ended with code {done.returncode}"
    return (400 if done.returncode == 2 else 500), reason


def _update_main(store_path: str) -> int:  # pragma: no cover - runs in a child
    """Apply the update read from stdin, drop kept N-Triples and refresh the summary."""
    from .store import EmbeddedStore, mark_totals_stale
    from .summary import refresh

    deny_network()  # LOAD <http://...> or SERVICE inside an update cannot reach anything
    text = sys.stdin.buffer.read().decode("utf-8")
    try:
        store = EmbeddedStore(store_path)
        try:
            mark_totals_stale(store)  # readers are told until the totals follow the update
            try:
                store.update(text)
                store.drop_payloads()  # what a build derives from the graphs must follow them
            finally:
                refresh(store)  # also after a refused update: the mark must not stay
        finally:
            store.close()
    except SyntaxError as exc:
        print(syntax_error(exc, "update"), file=sys.stderr)
        return 2
    except (OSError, StoreError) as exc:
        print(f"update failed: {exc}", file=sys.stderr)
        return 1
    return 0


class _Worker:
    """One worker process (``python -m cooperation_graph.server --worker``) over a socket pair.

    A fresh interpreter rather than multiprocessing's spawn: it does not re-import the
    caller's main module, so ``serve()`` works from any script.
    """

    def __init__(self, store_path: str) -> None:
        parent, child = socket.socketpair()
        env = _child_env()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cooperation_graph.server", "--worker", str(child.fileno()), store_path],
            pass_fds=(child.fileno(),), env=env, stdin=subprocess.DEVNULL,
        )
        child.close()
        self.conn = Connection(parent.detach())

    def wait_ready(self, timeout: float = 60.0) -> None:
        try:
            ready = self.conn.poll(timeout)
            msg = self.conn.recv() if ready else None
        except (EOFError, OSError):
            msg = None
        if not msg or msg[0] != "ready":
            self.kill()
            reason = msg[2] if msg and len(msg) > 2 else "it did not start"
            raise StoreError(f"query worker failed: {reason}")
        self.sandboxed = bool(msg[1]) if len(msg) > 1 else False
        if not self.sandboxed:
            log.warning("query worker runs without the network filter (not Linux x86_64/aarch64): "
                        "SERVICE is refused by reading the query only")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            pass
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
            self.process.wait(2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


class QueryPool:
    """Worker processes that run queries with a time limit; killed and replaced on timeout."""

    def __init__(self, store_path: str | Path, size: int = 2, max_memory: int = 0) -> None:
        self.store_path = str(store_path)
        self.size = max(1, size)
        self.max_memory = max_memory
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()  # held while updating: no query runs meanwhile
        self._closed = False
        workers = [_Worker(self.store_path) for _ in range(self.size)]
        for w in workers:
            w.wait_ready()
            self._idle.put(w)

    def call(self, msg: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        """Send one request to an idle worker; ("timeout",) when it takes too long,
        ("memory", bytes) when the worker's resident memory passes the limit."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return ("busy",)
        try:
            worker.conn.send(msg)
            while True:
                left = deadline - time.monotonic()
                if worker.conn.poll(max(0.0, min(left, 0.05))):
                    answer = worker.conn.recv()
                    self._idle.put(worker)
                    worker = None
                    return answer
                if left <= 0:
                    return ("timeout",)
                used = _rss(worker.process.pid) if self.max_memory else 0
                if used > self.max_memory:
                    return ("memory", used)
        except (EOFError, OSError, BrokenPipeError) as exc:
            return ("error", 500, f"query worker died: {exc}")
        finally:
            if worker is not None:  # timed out or died: replace it without blocking the reply
                threading.Thread(target=self._replace, args=(worker,), daemon=True).start()

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        if self._closed:
            return
        new = _Worker(self.store_path)
        try:
            new.wait_ready()
        except StoreError as exc:
            log.error("cannot restart a query worker: %s", exc)
            return
        self._idle.put(new)

    @contextmanager
    def exclusive(self, wait: float = 60.0) -> Iterator[None]:
        """Stop every worker (waiting for running queries), yield, then start fresh ones.

        Read-only handles see the store as it was when opened, so they are reopened after a
        write; and no reader is open while the writer runs.
        """
        with self._lock:
            stopped = []
            deadline = time.monotonic() + wait
            try:
                while len(stopped) < self.size:
                    stopped.append(self._idle.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                for w in stopped:
                    self._idle.put(w)
                raise StoreError("store is busy: running queries did not finish in time")
            for w in stopped:
                w.stop()
            try:
                yield
            finally:
                fresh = [_Worker(self.store_path) for _ in range(self.size)]
                for w in fresh:
                    w.wait_ready()
                    self._idle.put(w)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                break


# --------------------------------------------------------------------------------------------
# HTTP


class HttpError(Exception):
    """An error answered with an HTTP status and a one-line text message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _parse_accept(header: str | None) -> list[tuple[str, float]]:
    out = []
    for part in (header or "").split(","):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        out.append((bits[0].lower(), q))
    return out


def negotiate(accept: str | None, graph: bool, override: str | None = None) -> str:
    """Our format name for a request: ``format=`` parameter first, then the Accept header."""
    table = GRAPH_TYPES if graph else RESULT_TYPES
    names = list(dict.fromkeys(table.values()))
    if override:
        o = override.strip().lower()
        if o in names:
            return o
        if o in table:
            return table[o]
        raise HttpError(406, f"format {override!r} is not available for this query (use {', '.join(names)})")
    prefs = _parse_accept(accept)
    if not prefs:
        return names[0]
    best, best_q = None, 0.0
    for media, fmt in table.items():
        q = max((q for m, q in prefs if m == media or m == "*/*" or (m.endswith("/*") and media.startswith(m[:-1]))),
                default=0.0)
        if q > best_q:
            best, best_q = fmt, q
    if best is None:
        raise HttpError(406, f"none of the accepted types is available (offered: {', '.join(table)})")
    return best


#: The query page loads only its own script and style; nothing may frame any page.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
#: The views embed their scripts and styles inline (no network), but reach nothing outside.
VIEWS = ("index", "graph", "provinces", "money")
#: The pages below the views: one per province, official and article (and an index of each).
PAGE_NAME = re.compile(r"(?:provinces|officials|articles)/[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.html")
#: Pages kept drawn at most (the views and the pages last asked for).
MAX_CACHED_VIEWS = 64
VIEW_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; "
            "font-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
WILDCARD = ("0.0.0.0", "::", "")


def _host_name(header: str) -> str:
    """The name in a Host header, without its port and brackets, lower case."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1:h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def allowed_hosts(config: ServerConfig) -> frozenset[str] | None:
    """The Host header names the server answers to; None = any (a wildcard address, no list)."""
    names = {_host_name(h) for h in config.allowed_hosts}
    host = config.host.strip("[]").lower()
    if host in WILDCARD:
        return frozenset(names) if names else None
    names.add(host)
    if host in LOOPBACK or host.startswith("127."):
        names.update(LOOPBACK)
    return frozenset(names)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the configuration, the worker pool and cached views."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default listen backlog of 5 resets bursts of connections

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        path = Path(config.store)
        if not path.is_dir():
            raise StoreError(f"no store at {path}: build one first (coopgraph build ...)")
        self.hosts = allowed_hosts(config)
        self.pool = QueryPool(path, config.workers, config.max_memory)
        self.views: dict[str, tuple[Any, bytes]] = {}  # name -> (store version, page)
        self.views_lock = threading.Lock()
        try:
            super().__init__((config.host, config.port), SparqlHandler)
        except OSError as exc:
            self.pool.close()
            raise StoreError(f"cannot listen on {config.host}:{config.port}: {exc}") from exc

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "coopgraph"

    def setup(self) -> None:
        self.timeout = self.server.config.socket_timeout  # a client that stops sending loses its thread
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)

    # -- plumbing

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype if "charset" in ctype or ctype.startswith("image/")
                         else f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cache-Control", "no-store")
        if ctype.startswith("text/html") and "Content-Security-Policy" not in (headers or {}):
            self.send_header("Content-Security-Policy", PAGE_CSP)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, err: HttpError) -> None:
        self._send(err.status, (err.message + "\n").encode("utf-8"), "text/plain", err.headers)

    def _target(self) -> urllib.parse.SplitResult:
        """The request target split; one urlsplit refuses (an absolute-form ``http://[x/``) is 400."""
        try:
            return urllib.parse.urlsplit(self.path)
        except ValueError as exc:
            self.close_connection = True
            raise HttpError(400, f"bad request target: {exc}") from None

    def _params(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(self._target().query, keep_blank_values=True)

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                raise HttpError(411, "chunked bodies are not supported: send Content-Length")
            return b""
        try:
            n = int(length)
        except ValueError:
            n = -1
        if n < 0 or not length.strip().isdigit():
            self.close_connection = True
            raise HttpError(400, f"bad Content-Length {length!r}")
        if n > self.server.config.max_body:
            self.close_connection = True
            raise HttpError(413, f"request body of {n} bytes is over the limit of {self.server.config.max_body}")
        try:
            body = self.rfile.read(n)
        except TimeoutError:
            self.close_connection = True
            raise HttpError(408, f"the request body did not arrive within {self.server.config.socket_timeout:g} s "
                                 f"(Content-Length {n})") from None
        if len(body) < n:
            self.close_connection = True
            raise HttpError(400, f"request body shorter ({len(body)} bytes) than its Content-Length ({n})")
        return body

    def _check_host(self) -> None:
        hosts = self.server.hosts
        header = self.headers.get("Host")
        if hosts is None or header is None:  # a wildcard address, or an HTTP/1.0 client without Host
            return
        if _host_name(header) not in hosts:
            self.close_connection = True
            raise HttpError(421, f"this server does not answer to Host {header[:100]!r} "
                                 "(start it with --allow-host NAME to add a name)")

    def _dispatch(self) -> None:
        try:
            self._check_host()
            route = self._target().path
            if route in ("/sparql", "/query"):
                self._sparql()
            elif self.command not in ("GET", "HEAD"):
                raise HttpError(405, f"{self.command} is not allowed on {route}", {"Allow": "GET, HEAD"})
            elif route in ("/", "/index.html"):
                self._page()
            elif route == "/queries.json":
                self._send(200, json.dumps(_examples(), ensure_ascii=False).encode("utf-8"), "application/json")
            elif route.startswith("/view/"):
                self._view(route[len("/view/"):])
            elif route.startswith("/static/"):
                self._static(route[len("/static/"):])
            elif route == "/health":
                self._send(200, b"ok\n", "text/plain")
            else:
                raise HttpError(404, f"nothing at {route}")
        except HttpError as err:
            self._error(err)
        except (StoreError, QueryError) as exc:
            self._error(HttpError(500, str(exc)))
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = _dispatch

    # -- SPARQL protocol

    def _sparql(self) -> None:
        params = self._params()
        if self.command in ("GET", "HEAD"):
            if "update" in params:
                raise HttpError(405, "SPARQL Update needs POST", {"Allow": "POST"})
            if "query" not in params:
                raise HttpError(400, "missing 'query' parameter")
        elif self.command == "POST":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._body()
            if ctype == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                for k, v in form.items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                params["query"] = [body.decode("utf-8", "replace")]
            elif ctype == "application/sparql-update":
                params["update"] = [body.decode("utf-8", "replace")]
            else:
                raise HttpError(415, f"unsupported Content-Type {ctype!r}: use application/x-www-form-urlencoded, "
                                     "application/sparql-query or application/sparql-update")
        else:
            raise HttpError(405, f"{self.command} is not allowed on /sparql", {"Allow": "GET, HEAD, POST"})
        if "query" in params and "update" in params:
            raise HttpError(400, "give either 'query' or 'update', not both")
        if "update" in params:
            self._update(params["update"][0], params)
        elif "query" in params:
            self._query(params["query"][0], params)
        else:
            raise HttpError(400, "no 'query' (or 'update') parameter in the request")

    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        cfg = self.server.config
        if len(params.get("query", [])) > 1:
            raise HttpError(400, "more than one 'query' parameter")
        if uses_service(text):
            raise HttpError(400, "SERVICE is not allowed on this endpoint (no requests to other servers)")
        try:
            form = query_form(text)
        except QueryError as exc:
            raise HttpError(400, str(exc)) from None
        if form == "UPDATE":
            raise HttpError(400, "this is an update: send it as 'update' with POST")
        fmt = negotiate(self.headers.get("Accept"), form in ("CONSTRUCT", "DESCRIBE"),
                        (params.get("format") or params.get("output") or [None])[0])
        msg = {"op": "query", "query": text, "format": fmt, "limit": cfg.max_rows, "max_bytes": cfg.max_bytes,
               "default_graphs": params.get("default-graph-uri", []),
               "named_graphs": params.get("named-graph-uri", [])}
        started = time.monotonic()
        answer = self.server.pool.call(msg, cfg.timeout)
        # a query reading the summary's totals while the store marks them stale (a build
        # running or interrupted) is answered, and says so
        stale = answer[0] == "ok" and len(answer) > 5 and answer[5]
        self._answer(answer, started, f"query exceeded the time limit of {cfg.timeout:g} s",
                     {"X-Totals-Stale": "true"} if stale else None)

    def _answer(self, answer: tuple[Any, ...], started: float, timeout_message: str,
                extra: dict[str, str] | None = None) -> None:
        kind = answer[0]
        if kind == "timeout":
            raise HttpError(503, timeout_message, {"Retry-After": "10"})
        if kind == "busy":
            raise HttpError(503, "server busy: all query workers stayed occupied", {"Retry-After": "5"})
        if kind == "memory":
            raise HttpError(503, f"query stopped: its worker used {answer[1] // 1_000_000} MB, over the limit of "
                                 f"{self.server.config.max_memory // 1_000_000} MB", {"Retry-After": "10"})
        if kind == "error":
            raise HttpError(answer[1], answer[2])
        if kind != "ok":
            raise HttpError(500, f"unexpected worker answer {kind!r}")
        _, body, ctype, truncated, count = answer[:5]
        headers = {"X-Query-Time-Ms": f"{(time.monotonic() - started) * 1000:.1f}", **(extra or {})}
        if truncated:
            headers["X-Result-Truncated"] = "true"
            headers["X-Result-Limit"] = str(self.server.config.max_rows)
            headers["X-Result-Rows"] = str(count)
        self._send(200, body, ctype, headers)

    def _update(self, text: str, params: dict[str, list[str]]) -> None:
        cfg = self.server.config
        if not cfg.update_token:
            raise HttpError(403, "updates are disabled on this server (start it with --allow-update TOKEN)")
        auth = self.headers.get("Authorization") or ""
        if not auth.lower().startswith("bearer "):
            raise HttpError(401, "updates need 'Authorization: Bearer TOKEN'", {"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(auth[7:].strip().encode(), cfg.update_token.encode()):
            raise HttpError(403, "wrong update token")
        words = set(_words(text))
        if "SERVICE" in words or "LOAD" in words:
            raise HttpError(400, "SERVICE and LOAD are not allowed on this endpoint (no requests to other servers)")
        try:
            with self.server.pool.exclusive():
                status, message = _run_update(str(cfg.store), text)
        except StoreError as exc:
            raise HttpError(503, str(exc), {"Retry-After": "10"}) from None
        if status:
            raise HttpError(status, message)
        with self.server.views_lock:
            self.server.views.clear()
        self._send(204, b"", "text/plain")

    # -- pages

    def _page(self) -> None:
        template = _asset("query.html").decode("utf-8")
        examples = _examples()
        page = (template.replace("{{EXAMPLES}}", json.dumps(examples, ensure_ascii=False).replace("</", "<\\/"))
                .replace("{{VIEWS}}", _views_links())
                .replace("{{LIMIT}}", str(self.server.config.max_rows)))
        self._send(200, page.encode("utf-8"), "text/html")

    def _static(self, name: str) -> None:
        if "/" in name or name.startswith(".") or not name:
            raise HttpError(404, "no such asset")
        try:
            data = _asset(name)
        except OSError:  # not there, or a name too long for the file system
            raise HttpError(404, f"no asset {name[:80]}") from None
        ctype = {"js": "text/javascript", "css": "text/css", "html": "text/html"}.get(name.rsplit(".", 1)[-1],
                                                                                     "application/octet-stream")
        self._send(200, data, ctype)

    def _view(self, name: str) -> None:
        # /view/, /view/index.html, /view/graph(.html): the names `coopgraph view` writes, so
        # the pages' relative links between each other work here too
        if name.startswith("assets/"):
            self._plotly(name[len("assets/"):])
            return
        if "/" in name:  # a page of provinces/, officials/ or articles/, as `coopgraph view` names it
            name += "index.html" if name.endswith("/") else ""
            if not PAGE_NAME.fullmatch(name):
                raise HttpError(404, f"no page {name[:100]!r}")
        else:
            name = {"": "index", "index.html": "index"}.get(name, name.removesuffix(".html"))
            if name not in VIEWS:
                raise HttpError(404, f"no view named {name!r} (views: {', '.join(VIEWS)})")
        cfg = self.server.config
        # a view is kept only while the store holds what it was drawn from: a build or an
        # update while serving changes the store's version, and the view is drawn again
        now = _store_version(str(cfg.store))
        with self.server.views_lock:
            version, cached = self.server.views.get(name, (None, None))
        if cached is None or version != now:
            started = time.monotonic()
            answer = self.server.pool.call({"op": "view", "name": name}, cfg.view_timeout)
            if answer[0] == "ok":
                answer, drawn_from = answer[:5], answer[5]
                with self.server.views_lock:
                    if len(self.server.views) >= MAX_CACHED_VIEWS:  # thousands of pages: keep the last ones
                        self.server.views.pop(next((n for n in self.server.views if n not in VIEWS), ""), None)
                    self.server.views[name] = (drawn_from, answer[1])
            self._answer(answer, started, f"the {name} view took longer than {cfg.view_timeout:g} s",
                         {"Content-Security-Policy": VIEW_CSP})
            return
        self._send(200, cached, "text/html", {"Content-Security-Policy": VIEW_CSP})

    def _plotly(self, name: str) -> None:
        # the one asset the money page loads by URL (4.8 MB; the other views embed theirs)
        try:
            from .money_view import PLOTLY_FILE, plotly_js_path
            if name != PLOTLY_FILE:
                raise HttpError(404, f"no asset {name[:80]}")
            data = plotly_js_path().read_bytes()
        except ImportError as exc:
            raise HttpError(404, f"views are not available: {exc}") from None
        except CooperationGraphError as exc:  # plotly is not installed
            raise HttpError(404, str(exc)) from None
        self._send(200, data, "text/javascript")


def _asset(name: str) -> bytes:
    return (resources.files("cooperation_graph") / "static" / name).read_bytes()


def _views_available() -> bool:
    try:
        from . import projection, views  # noqa: F401
    except ImportError:
        return False
    return True


def _views_links() -> str:
    if not _views_available():
        return ""
    return ('<a href="/view/">Các trang · views</a> '
            '<a href="/view/graph">Đồ thị thực thể · entity graph</a> '
            '<a href="/view/provinces">Mạng lưới tỉnh · province network</a> '
            '<a href="/view/money">Dòng tiền · money flows</a> '
            '<a href="/view/provinces/">Từng tỉnh, thành · province pages</a> '
            '<a href="/view/officials/">Cán bộ · officials</a>')


def _examples() -> list[dict[str, Any]]:
    """The saved queries for the page, each with its parameters bound to their defaults."""
    out = []
    for q in saved_queries():
        try:
            text = bind(q) if all(not p.required for p in q.params) else q.text
        except QueryError:
            text = q.text
        out.append({"name": q.name, "vi": q.question_vi, "en": q.question_en, "query": text,
                    "params": [{"name": p.name, "type": p.type, "default": p.default, "doc": p.doc} for p in q.params]})
    return out


# --------------------------------------------------------------------------------------------
# Running


def make_server(config: ServerConfig) -> SparqlServer:
    """A ready server (workers started, socket bound); call ``serve_forever`` on it."""
    return SparqlServer(config)


def serve(config: ServerConfig) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(config)
    print(f"coopgraph: SPARQL endpoint {server.url}sparql, query page {server.url}", flush=True)
    if config.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"coopgraph: warning: listening on {config.host}, reachable from other machines", flush=True)
    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)  # a service manager's stop: close the workers too
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@contextmanager
def running_server(config: ServerConfig) -> Iterator[SparqlServer]:
    """A server answering in a background thread, shut down on exit (for tests and tools)."""
    server = make_server(config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


__all__ = ["QueryPool", "ServerConfig", "SparqlServer", "make_server", "negotiate", "running_server", "serve"]



if __name__ == "__main__":  # the worker process: python -m cooperation_graph.server --worker FD STORE
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        _worker_main(Connection(int(sys.argv[2])), sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "--update":
        sys.exit(_update_main(sys.argv[2]))
    else:
        sys.exit("this module runs as a query worker of `coopgraph serve`; run `coopgraph serve` instead")
