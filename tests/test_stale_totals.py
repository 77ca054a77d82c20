"""Totals that lag behind the articles are never silently wrong (issue 12).

The totals that ``pairs``, ``connected``, ``rollup_current`` and ``funding_given`` read (the
summary graph) are recomputed at the end of a build or removal. A write marks them stale
before it changes any article and only recomputing them takes the mark away, so a build
killed in between, or one still running, leaves a mark that every reader of the totals
reports: ``coopgraph query`` on stderr, ``coopgraph serve`` with ``X-Totals-Stale: true``
and a notice on its query page. ``coopgraph totals`` recomputes them without a build.
"""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from browser import load_page
from click.testing import CliRunner
from fixtures.make_fixture import extractions
from servers import oxigraph_server  # noqa: F401 - pytest fixture

from cooperation_graph import summary
from cooperation_graph.cli import main
from cooperation_graph.query import query_store
from cooperation_graph.server import ServerConfig, running_server
from cooperation_graph.store import (
    SUMMARY_GRAPH,
    EmbeddedStore,
    build_articles,
    clear_totals_stale,
    totals_stale,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"  # one article: Hà Nội and Cần Thơ
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

#: `coopgraph build` killed with SIGKILL once its articles are in, as it starts the totals.
KILLED_BUILD = """
import os, signal, sys
from cooperation_graph import pipeline, summary
summary.refresh = lambda store, *delta: os.kill(os.getpid(), signal.SIGKILL)
pipeline.build([sys.argv[1]], sys.argv[2], workers=1)
"""


def coopgraph(*args: str):
    """Run the CLI; the result has ``stdout`` and ``stderr`` apart."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def summary_graph(store: EmbeddedStore) -> set[str]:
    return {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, SUMMARY_GRAPH)}


def recomputed(store) -> set[str]:
    return {str(q) for q in summary.summary_quads(summary.read_facts(store))}


class Killed(Exception):
    """A write stopped where a process could be killed."""


def _stop_totals(monkeypatch) -> None:
    """Make the totals step fail as a process killed there would (articles already written)."""
    def killed(store, *delta):
        raise Killed("killed before the totals")
    monkeypatch.setattr(summary, "refresh", killed)


# --------------------------------------------------------------------------- the CLI


def test_a_build_killed_before_its_totals_warns_until_they_are_recomputed(tmp_path: Path):
    store = tmp_path / "store"
    done = subprocess.run([sys.executable, "-c", KILLED_BUILD, str(SAMPLES), str(store)],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == -9, done.stderr.decode()[-2000:]
    assert int(query_store(store, COUNT, fmt="csv").split()[1]) > 0  # the article is in

    stale = coopgraph("query", "pairs", "--store", store, "--format", "csv")
    assert stale.exit_code == 0
    assert stale.stdout.strip().count("\n") == 0  # a header, no pair: the totals were never made
    (warning,) = stale.stderr.splitlines()
    assert warning.startswith("warning: ") and "coopgraph totals" in warning
    assert coopgraph("query", COUNT, "--store", store).stderr == ""  # reads no totals: no warning

    fixed = coopgraph("totals", "--store", store)
    assert fixed.exit_code == 0 and "no longer marked stale" in fixed.stderr
    after = coopgraph("query", "pairs", "--store", store, "--format", "csv")
    assert after.stderr == ""
    assert "Hà Nội,Cần Thơ,legacy,1," in after.stdout
    again = coopgraph("totals", "--store", store)
    assert "up to date" in again.stderr


def test_a_normal_build_leaves_no_warning(tmp_path: Path):
    store = tmp_path / "store"
    assert coopgraph("build", SAMPLES, "--store", store, "--workers", "1").exit_code == 0
    answer = coopgraph("query", "pairs", "--store", store)
    assert answer.stderr == "" and "Cần Thơ" in answer.stdout
    assert "up to date" in coopgraph("totals", "--store", store).stderr


def test_totals_refuses_a_missing_store(tmp_path: Path):
    result = CliRunner().invoke(main, ["totals", "--store", str(tmp_path / "typo")])
    assert result.exit_code != 0 and "no store" in result.output
    assert not (tmp_path / "typo").exists()


# --------------------------------------------------------------------------- the library


def test_the_mark_is_there_before_the_first_article_goes_in(tmp_path: Path, monkeypatch):
    """Readers during a build see the mark as soon as they could see a new article."""
    seen: list[tuple[str, bool]] = []
    write = EmbeddedStore.write_units

    def spy(self, units):
        seen.extend((u.kind, totals_stale(self)) for u in units)
        return write(self, units)

    monkeypatch.setattr(EmbeddedStore, "write_units", spy)
    with EmbeddedStore(tmp_path / "store") as store:
        build_articles(extractions()[:3], store, batch_size=1)
        assert not totals_stale(store)  # and the totals took it away
    assert [kind for kind, _ in seen] == ["gazetteer", "article", "article", "article", "summary"]
    assert all(stale for _, stale in seen)


def test_an_incremental_build_stopped_before_its_totals(tmp_path: Path, monkeypatch):
    exs = extractions()
    path = tmp_path / "store"
    with EmbeddedStore(path) as store:
        build_articles(exs[:4], store)
        old = summary_graph(store)
        assert not totals_stale(store)
    warnings: list[str] = []
    assert "Cà Mau" not in query_store(path, "pairs", warn=warnings.append) and not warnings

    with monkeypatch.context() as patch:
        _stop_totals(patch)
        with EmbeddedStore(path) as store, pytest.raises(Killed):
            build_articles(exs, store)
    with EmbeddedStore(path) as store:
        assert len([r for r in store.records().values() if r.kind == "article"]) == 5
        assert summary_graph(store) == old != recomputed(store)  # the old totals beside a new article
        assert totals_stale(store)
    for name in ("pairs", "connected", "rollup_current", "funding_given"):
        warnings.clear()
        query_store(path, name, warn=warnings.append)
        assert len(warnings) == 1, name

    with EmbeddedStore(path) as store:  # the next build resumes: nothing new, totals recomputed
        report = build_articles(exs, store)
        assert (report.added, report.replaced, report.skipped) == (0, 0, 5)
        assert summary_graph(store) == recomputed(store) != old
        assert not totals_stale(store)
    warnings.clear()
    assert "Cà Mau" in query_store(path, "pairs", warn=warnings.append) and not warnings


def test_a_removal_stopped_before_its_totals(tmp_path: Path, monkeypatch):
    with EmbeddedStore(tmp_path / "store") as store:
        build_articles(extractions(), store)
        first = extractions()[0].article.id
        with monkeypatch.context() as patch:
            _stop_totals(patch)
            with pytest.raises(Killed):
                store.remove_article(first)
        assert totals_stale(store)
        summary.refresh(store)
        assert not totals_stale(store) and summary_graph(store) == recomputed(store)
        store.remove_article(extractions()[1].article.id)  # uninterrupted: no mark left
        assert not totals_stale(store)


def test_a_remote_store_is_marked_too(oxigraph_server):
    from cooperation_graph.store import RemoteStore

    server = oxigraph_server
    store = RemoteStore(server.url, **server.options, timeout=30)
    try:
        with pytest.MonkeyPatch.context() as patch:
            _stop_totals(patch)
            with pytest.raises(Killed):
                build_articles(extractions()[:2], store)
        assert totals_stale(store)
        warnings: list[str] = []
        query_store(server.url, "pairs", warn=warnings.append, **server.options)
        assert len(warnings) == 1
        build_articles(extractions()[:2], store)  # resumes, recomputes, takes the mark away
        assert not totals_stale(store)
        warnings.clear()
        assert "Hà Nội" in query_store(server.url, "pairs", warn=warnings.append, **server.options) and not warnings
    finally:  # the server is shared by the session: leave it empty
        clear_totals_stale(store)
        store.remove_graphs(sorted(store.records()))


# --------------------------------------------------------------------------- the server


def _post_query(url: str, query: str) -> tuple[int, dict[str, str], bytes]:
    body = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url + "sparql", body, {
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return resp.status, dict(resp.headers), resp.read()


@pytest.fixture
def stale_store(tmp_path: Path, monkeypatch) -> Path:
    """A store whose last build stopped before its totals (one new article beside old totals)."""
    path = tmp_path / "store"
    exs = extractions()
    with EmbeddedStore(path) as store:
        build_articles(exs[:4], store)
        with monkeypatch.context() as patch:
            _stop_totals(patch)
            with pytest.raises(Killed):
                build_articles(exs, store)
        assert totals_stale(store)
    return path


def test_served_answers_say_when_the_totals_are_stale(stale_store: Path):
    pairs = (ROOT / "queries" / "pairs.rq").read_text(encoding="utf-8")
    with running_server(ServerConfig(store=stale_store, port=0, workers=1)) as srv:
        status, headers, body = _post_query(srv.url, pairs)
        assert status == 200 and headers.get("X-Totals-Stale") == "true"
        assert "Cần Thơ" in body.decode()  # answered all the same
        _, headers, _ = _post_query(srv.url, COUNT)
        assert "X-Totals-Stale" not in headers  # reads no totals

        with EmbeddedStore(stale_store) as store:  # `coopgraph totals` beside the server
            summary.refresh(store)
        _, headers, _ = _post_query(srv.url, pairs)
        assert "X-Totals-Stale" not in headers


def test_the_query_page_shows_a_notice_when_the_totals_are_stale(stale_store: Path):
    with running_server(ServerConfig(store=stale_store, port=0, workers=1)) as srv:
        page = load_page(srv.url + "?run=pairs", budget_ms=15000)
        assert 'data-state="done"' in page.dom.split("<body", 1)[1].split(">", 1)[0]
        assert page.attr("stale", "hidden") is None, page.dom[-2000:]
        assert "recompute them" in (page.text("stale") or "") and "<code>coopgraph totals</code>" in page.dom
        with EmbeddedStore(stale_store) as store:
            summary.refresh(store)
        page = load_page(srv.url + "?run=pairs", budget_ms=15000)
        assert page.attr("stale", "hidden") is not None


def test_a_served_update_leaves_no_mark(stale_store: Path):
    token = "s3cret"
    with running_server(ServerConfig(store=stale_store, port=0, workers=1, update_token=token)) as srv:
        def update(text: str) -> int:
            req = urllib.request.Request(srv.url + "sparql", text.encode(), {
                "Content-Type": "application/sparql-update", "Authorization": f"Bearer {token}"})
            try:
                with urllib.request.urlopen(req, timeout=60) as resp:
                    return resp.status
            except urllib.error.HTTPError as err:
                return err.code

        assert update("INSERT DATA { GRAPH <http://e/g> { <http://e/s> <http://e/p> 1 } }") == 204
        with EmbeddedStore(stale_store, read_only=True) as store:
            assert not totals_stale(store)  # the update recomputed the totals
        assert update("INSERT DATA { nonsense") == 400
        with EmbeddedStore(stale_store, read_only=True) as store:
            assert not totals_stale(store)  # a refused update leaves no mark behind
