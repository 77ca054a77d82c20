"""Real SPARQL servers on loopback for the store tests (no mocks), and synthetic data.

``oxigraph_server`` runs the Oxigraph server from the PyPI package ``oxigraph``;
``virtuoso_server`` runs Debian's ``virtuoso-opensource`` with a private database folder
(recipe and pitfalls: FINDINGS.md). A missing program skips the tests locally and FAILS them
when ``CI=true``: ``.ci/setup-servers.sh`` installs both.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")


def missing(what: str) -> None:
    """Skip locally, fail in CI: CI must really run the server tests."""
    if IN_CI:
        pytest.fail(f"{what} is missing in CI (run .ci/setup-servers.sh)")
    pytest.skip(f"{what} not installed (see .ci/setup-servers.sh)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, timeout: float, log: Path | None = None) -> None:
    """Poll ``url`` until it answers 200, the process dies, or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"server exited with {proc.returncode}: {tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {url} not ready after {timeout} s")


@dataclass
class Server:
    name: str
    url: str  # query endpoint, what --store takes
    options: dict  # extra RemoteStore options (auth)
    proc: subprocess.Popen

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def oxigraph_program() -> str | None:
    """The ``oxigraph`` program of the venv, or on PATH."""
    venv = Path(sys.executable).with_name("oxigraph")
    return str(venv) if venv.exists() else shutil.which("oxigraph")


def start_oxigraph(folder: Path) -> Server:
    program = oxigraph_program()
    if not program:
        missing("the Oxigraph server (pip install oxigraph)")
    port = free_port()
    log = folder / "oxigraph.log"
    proc = subprocess.Popen([program, "serve", "--location", str(folder / "db"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_http(url + "?query=" + urllib.parse.quote("ASK {}"), proc, 30, log)
    except RuntimeError:
        proc.kill()
        raise
    return Server("oxigraph", url, {}, proc)


def virtuoso_ini(folder: Path, sql_port: int, http_port: int) -> Path:
    """A copy of Debian's virtuoso.ini with its database in ``folder`` and loopback ports."""
    text = VIRTUOSO_INI.read_text()
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    out, section = [], ""
    for line in text.splitlines():
        m = re.match(r"\s*\[(\w[^\]]*)\]", line)
        if m:
            section = m.group(1)
        if re.match(r"\s*ServerPort\s*=", line):
            port = sql_port if section == "Parameters" else http_port
            line = f"ServerPort = 127.0.0.1:{port}"
        elif re.match(r"\s*ResultSetMaxRows\s*=", line):
            line = "ResultSetMaxRows = 10000"  # Debian's default; the store pages below it
        out.append(line)
    path = folder / "virtuoso.ini"
    path.write_text("\n".join(out) + "\n")
    return path


def start_virtuoso(folder: Path) -> Server:
    program, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not (program and isql and VIRTUOSO_INI.exists()):
        missing("Virtuoso (apt-get install virtuoso-opensource)")
    sql_port, http_port = free_port(), free_port()
    ini = virtuoso_ini(folder, sql_port, http_port)
    log = folder / "virtuoso.out"
    proc = subprocess.Popen([program, "+foreground", "+configfile", str(ini)], cwd=folder,
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        wait_http(url + "?query=" + urllib.parse.quote("ASK {}"), proc, 90, folder / "virtuoso.log")
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                        "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";"],
                       check=True, capture_output=True, timeout=60)
    except (RuntimeError, subprocess.SubprocessError):
        proc.kill()
        raise
    return Server("virtuoso", url, {"user": "dba", "password": "dba", "auth": "digest"}, proc)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory) -> Iterator[Server]:
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory) -> Iterator[Server]:
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


# --------------------------------------------------------------------------- synthetic data

BASE = "https://example.org/coop/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def article_graph(i: int) -> str:
    return f"{BASE}graph/article/{i}"


def article_quads(i: int, n: int = 50, version: int = 0) -> list[ox.Quad]:
    """About ``n`` quads shaped like one article's, in its named graph; ``version`` changes them."""
    g = ox.NamedNode(article_graph(i))
    art = ox.NamedNode(f"{BASE}id/article/{i}")
    quads = [ox.Quad(art, RDF_TYPE, ox.NamedNode("https://w3id.org/coopgraph/ontology#Article"), g),
             ox.Quad(art, ox.NamedNode("https://schema.org/headline"),
                     ox.Literal(f"Hà Nội – Cần Thơ hợp tác \"{i}\" v{version}"), g)]
    for k in range(n - 2):
        s = ox.NamedNode(f"{BASE}id/funding/{i}/{k // 6}")
        p = ox.NamedNode(f"https://w3id.org/coopgraph/ontology#p{k % 6}")
        if k % 3 == 0:
            o: ox.NamedNode | ox.Literal = ox.Literal(str(k * 1000 + version),
                                                      datatype=ox.NamedNode(XSD + "integer"))
        elif k % 3 == 1:
            o = ox.NamedNode(f"{BASE}id/province/legacy/{k % 63:02d}")
        else:
            o = ox.Literal(f"Câu bằng chứng số {k}\nđã hỗ trợ 5 tỷ đồng", language="vi")
        quads.append(ox.Quad(s, p, o, g))
    return quads
