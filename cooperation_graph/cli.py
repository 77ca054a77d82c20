"""The `coopgraph` command: thin wrappers that parse options, call one library function each,
and turn the package's own errors into one-line messages with a non-zero exit."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import CooperationGraphError

DEFAULT_STORE = Path("output/store")


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # noqa: D401 - click API
        try:
            return super().invoke(ctx)
        except CooperationGraphError as exc:
            raise click.ClickException(str(exc)) from exc
        except RuntimeError as exc:  # the store's files went bad while it was being read
            from .store import is_vanished_files, storage_problem

            if not is_vanished_files(exc):
                raise
            raise click.ClickException(f"cannot read the store: {storage_problem(exc)}") from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coopgraph")
def main() -> None:
    """Turn Vietnamese news about cooperation between provinces into an RDF knowledge graph.

    \b
    Typical run on the bundled sample:
      coopgraph extract data/samples --format table
      coopgraph build data/samples
      coopgraph query queries/pairs.rq
      coopgraph view
    """


# === extract (foundation) ===

@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json",
              show_default=True, help="json: one JSON object per article per line; table: for a person.")
@click.option("--indent", type=int, default=None, help="Pretty-print JSON with this indent.")
@click.option("--with-text/--no-text", default=False, show_default=True,
              help="Include the normalized article text (evidence offsets point into it).")
@click.option("--workers", type=int, default=None, help="Parallel processes (default: CPU count).")
@click.option("--max-size", type=float, default=5.0, show_default=True,
              help="Largest article file to read, in MB.")
def extract(paths: tuple[Path, ...], fmt: str, indent: int | None, with_text: bool,
            workers: int | None, max_size: float) -> None:
    """Extract the cooperation facts of articles, with their evidence.

    PATHS are .txt, .html/.htm or .jsonl files, or directories (read recursively).
    A file, a .jsonl line (FILE:LINE) or a folder that cannot be read is reported on
    stderr, one line each, and the run goes on; the exit code is non-zero only when
    nothing could be read.

    \b
    Example:
      coopgraph extract data/samples/tttd-2019-08-23-ha-noi-can-tho.txt --format table
      coopgraph extract data/samples --format json > output/facts.jsonl
    """
    import json

    from . import pipeline
    from .report import format_table

    report = pipeline.RunReport()
    n_files = sum(1 for _ in pipeline.iter_paths(list(paths)))
    with _progress(n_files, "Extracting") as bar:
        for ex in pipeline.iter_extractions(paths, report, workers=workers or pipeline.default_workers(),
                                            max_bytes=int(max_size * 1e6), progress=bar.update):
            if fmt == "table":
                click.echo(format_table(ex))
            else:
                data = ex.to_dict()
                if not with_text:
                    data["article"].pop("text")
                click.echo(json.dumps(data, ensure_ascii=False, indent=indent))
    _finish(report)


def _progress(total: int, label: str, unit: str | None = None):
    """A progress bar on stderr for long runs; silent for a single file or a non-terminal.
    With ``unit`` the bar counts bytes and shows how many of ``unit`` are done
    (``bar.update(n_bytes, n_done)``), with the time left."""
    show = total > 1 and sys.stderr.isatty()
    shown = (lambda n: f"{n:,} {unit}".replace(",", " ") if n is not None else "") if unit else None
    return click.progressbar(length=total, label=label, file=sys.stderr if show else _Null(),
                             item_show_func=shown, show_eta=True)


def _say(line: str) -> None:
    """A line about what a long run is doing now, on a terminal only (logs stay clean)."""
    if sys.stderr.isatty():
        click.echo(line, err=True)


class _Null:
    def write(self, *_: object) -> None: ...
    def flush(self) -> None: ...
    def isatty(self) -> bool:
        return False


def _finish(report) -> None:
    from . import pipeline

    for line in report.errors:
        click.echo(f"error: {line}", err=True)
    for line in report.warnings:
        click.echo(f"note: {line}", err=True)
    if report.files > 1 or report.errors:
        click.echo(report.summary(), err=True)
    pipeline.check_any(report)

# === build / remove / export / validate (store) ===

def _store_options(func):
    """--store and the options of a remote SPARQL server (ignored for a folder)."""
    options = [
        click.option("--store", "store_spec", default=str(DEFAULT_STORE), show_default=True,
                     envvar="COOPGRAPH_STORE",
                     help="A folder (embedded Oxigraph) or the http(s) URL of a SPARQL endpoint."),
        click.option("--update-url", default=None,
                     help="SPARQL Update endpoint (default: /update for an Oxigraph server, "
                          "else the --store URL)."),
        click.option("--graph-store-url", default=None,
                     help="Graph Store Protocol endpoint: one atomic PUT per article (default: "
                          "/store for an Oxigraph server, none elsewhere)."),
        click.option("--user", default=None, envvar="COOPGRAPH_STORE_USER", help="Server user."),
        click.option("--password", default=None, envvar="COOPGRAPH_STORE_PASSWORD",
                     help="Server password (better: env COOPGRAPH_STORE_PASSWORD)."),
        click.option("--auth", type=click.Choice(["digest", "basic"]), default="digest",
                     show_default=True, help="HTTP auth scheme for --user."),
        click.option("--timeout", type=float, default=60.0, show_default=True,
                     help="Seconds to wait for the server on each request."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


#: what _store_options offers only for writing
_WRITE_OPTIONS = ("update_url", "graph_store_url")


def _read_store_options(func):
    """_store_options for a command that only reads: no --update-url, --graph-store-url."""
    func = _store_options(func)
    func.__click_params__ = [p for p in func.__click_params__ if p.name not in _WRITE_OPTIONS]
    return func


def _open(store_spec: str, update_url: str | None = None, graph_store_url: str | None = None,
          user: str | None = None, password: str | None = None, auth: str = "digest",
          timeout: float = 60.0, read_only: bool = False, create: bool = True):
    from .store import open_store

    return open_store(store_spec, update_url=update_url, gsp_url=graph_store_url, user=user,
                      password=password, auth=auth, timeout=timeout, read_only=read_only,
                      create=create)


def _min_confidence(what: str):
    """--min-confidence: leave out facts whose calibrated confidence is below it."""
    return click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
                        metavar="FLOAT", help=f"Leave out facts whose calibrated confidence (the "
                        f"precision measured for such facts) is below FLOAT: {what}. Cooperation "
                        "pairs carry no confidence and stay (docs/calibration.md).")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
@_store_options
@click.option("--workers", type=int, default=None, help="Parallel processes (default: CPU count).")
@click.option("--max-size", type=float, default=5.0, show_default=True,
              help="Largest article file to read, in MB.")
@_min_confidence("they are not stored, so a later export or view cannot show them; build "
                 "again without it to get them back")
@click.option("--gate/--no-gate", default=True, show_default=True,
              help="The relevance gate: an article that does not name two parties (provinces, or a "
                   "province and a foreign party) near a relation cue (hợp tác, ký kết, hỗ trợ, trao, "
                   "thăm, đầu tư, ...) is recorded as read and not extracted, so it gives no facts, "
                   "officials included. --no-gate reads every article in full.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A Dask distributed scheduler (tcp://HOST:8786): its workers read, gate, extract "
                   "and map, and this process writes (needs `pip install 'cooperation-graph[dask]'` "
                   "and the input paths on storage every worker sees; docs/distributed.md).")
def build(paths: tuple[Path, ...], workers: int | None, max_size: float,
          min_confidence: float | None, gate: bool, scheduler: str | None, **store_options) -> None:
    """Extract articles and write their graphs into the store, one named graph per article.

    Unchanged articles are skipped, changed ones replace their graph; a file, a .jsonl
    line (FILE:LINE) or a folder that cannot be read is reported, one line each, and the
    others go in. A build that is
    interrupted leaves only whole articles and the next build resumes. At the end the
    totals that aggregate queries read (pairs, connected, rollup_current, funding_given) are
    recomputed into the store's summary graph (~1 s per 10 000 articles), and a build of
    1,000 articles or more compacts the embedded store (~4 s per 10 000 articles), which
    makes queries faster. Until the totals are recomputed the store marks them stale, and
    queries that read them warn (`coopgraph totals` recomputes them after an interrupted
    build).

    A --store URL is a separate SPARQL server that accepts updates: an Oxigraph server
    (`oxigraph serve --location DIR --bind 127.0.0.1:7879`, from `pip install oxigraph`)
    or Virtuoso. `coopgraph serve` (port 7878) is not one: build into the store folder
    it serves, and it shows the new articles.

    \b
    Example:
      coopgraph build data/samples
      coopgraph build corpus/ --store http://127.0.0.1:7879   # an Oxigraph server
      coopgraph build corpus/ --store http://127.0.0.1:8890/sparql --user dba   # Virtuoso
      coopgraph build data/samples --min-confidence 0.9
      coopgraph build /shared/corpus --scheduler tcp://10.0.0.5:8786   # a Dask cluster
    """
    from . import pipeline

    with _open(**store_options) as store, \
            _progress(pipeline.total_bytes(paths), "extract and write", "articles") as bar:
        report = pipeline.build(list(paths), store, workers=workers, progress=bar.update,
                                max_bytes=int(max_size * 1e6), min_confidence=min_confidence,
                                gate=gate, phase=lambda name: _say(f"\n{_PHASES[name]}"),
                                scheduler=scheduler)
    _report_build(report, store_options)


_PHASES = {"totals": "totals: recomputing what aggregate queries read (~1 s per 10 000 articles)",
           "compaction": "compaction: compacting the store's files (~4 s per 10 000 articles)"}


def _report_build(report, store_options) -> None:
    """A build's notes, shape check, then its summary and errors last, on stderr; exit non-zero
    when nothing went in."""
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    if report.added + report.replaced:
        _check_shapes(store_options)
    click.echo(report.summary().replace("failed: ", "error: "), err=True)
    if report.failed and not (report.added or report.replaced or report.skipped):
        raise click.ClickException("nothing could be built: every input failed")


def _check_shapes(store_options) -> None:
    """A build that leaves an invalid graph says so (SHACL over the store, small stores only:
    on a big one it takes minutes, so `coopgraph validate` is left to the user)."""
    from .store import count_articles
    from .validate import validate_quads

    with _open(**store_options, read_only=True) as store:
        n = count_articles(store, 500)
        if n > 500:  # SHACL costs ~50 ms an article
            click.echo("shapes: not checked on a store this size; run `coopgraph validate`", err=True)
            return
        _say(f"shapes: checking the {n} article graph(s) against data/shapes.ttl (~50 ms each)")
        report = validate_quads(store.quads())
    if not report.conforms:
        click.echo("warning: the graph does not conform to data/shapes.ttl:", err=True)
        click.echo(report.text(), err=True)


# === fetch (web) ===

def _fetch_store_options(func):
    """_store_options whose --timeout also bounds each request to a web server."""
    func = _store_options(func)
    for param in func.__click_params__:
        if param.name == "timeout":
            param.default = 30.0
            param.help = ("Seconds to wait for a web server (and a --store server) to answer "
                          "or to send more.")
    return func


@main.command("fetch")
@click.argument("urls", nargs=-1)
@click.option("--from-file", "url_files", multiple=True, type=click.File("r", encoding="utf-8"),
              metavar="FILE", help="Fetch the URLs of FILE, one a line (# comments and blank lines "
              "skipped; - reads stdin). Repeatable.")
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="Fetch the pages an RSS, Atom or JSON feed lists (or the feeds a web page "
                   "links). Repeatable.")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL",
              help="Fetch the pages a sitemap lists, nested sitemaps included; a site's URL "
                   "reads the sitemaps its robots.txt names, else /sitemap.xml. Repeatable.")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output/cache/html"), show_default=True,
              help="Folder of the downloaded pages, one file per URL (CACHE/HOST/SLUG-HASH.html "
                   "beside its .fetch.json).")
@click.option("--refresh", is_flag=True,
              help="Ask again for the URLs already cached, conditionally (If-None-Match, "
                   "If-Modified-Since): a page not modified is kept.")
@click.option("--rate", type=click.FloatRange(0), default=1.0, show_default=True, metavar="SECONDS",
              help="Seconds between two requests to the same host (a longer robots.txt "
                   "Crawl-delay wins, up to 60 s).")
@click.option("--retries", type=click.IntRange(0), default=2, show_default=True, metavar="N",
              help="Further tries after a 429, a 5xx, a timeout or a dropped connection.")
@click.option("--backoff", type=click.FloatRange(0), default=1.0, show_default=True,
              metavar="SECONDS", help="Pause before the first retry, doubled at each one "
              "(a Retry-After header wins, up to 60 s).")
@click.option("--max-size", type=float, default=5.0, show_default=True,
              help="Largest page to download and read, in MB.")
@click.option("--no-build", is_flag=True,
              help="Only download: print the cached pages' paths on stdout, build nothing.")
@click.option("--workers", type=int, default=None, help="Parallel processes for the build "
              "(default: CPU count).")
@_min_confidence("they are not stored")
@click.option("--gate/--no-gate", default=True, show_default=True,
              help="The relevance gate of `build` (see `coopgraph build --help`).")
@_fetch_store_options
def fetch_cmd(urls: tuple[str, ...], url_files, feeds: tuple[str, ...], sitemaps: tuple[str, ...],
              cache: Path, refresh: bool, rate: float, retries: int, backoff: float,
              max_size: float, no_build: bool, workers: int | None, min_confidence: float | None,
              gate: bool, **store_options) -> None:
    """Download news pages from the web into a cache, then build them into the store.

    Politely: robots.txt is obeyed, two requests to one host are --rate seconds
    apart, what may pass (429, 5xx, a timeout) is retried --retries times with
    backoff, and the User-Agent names the project. Each page is kept under --cache,
    keyed by its URL: a rerun does not download it again (unless --refresh, which
    asks conditionally). The article's url in the graph is the address the page was
    served from (after redirects), not its canonical link. A URL that fails (404,
    500 after retries, redirect loop, too large, timeout, disallowed by robots.txt,
    not HTML) is one line on stderr and the run goes on; the exit code is non-zero
    only when nothing could be fetched or built. The build is that of `coopgraph
    build` (unchanged articles skipped, the relevance gate, --store, --min-confidence).

    \b
    Example:
      coopgraph fetch https://example.vn/tin-tuc/ha-noi-can-tho-hop-tac.html
      coopgraph fetch --from-file urls.txt --rate 2
      coopgraph fetch --feed https://example.vn/rss/thoi-su.rss
      coopgraph fetch --sitemap https://example.vn/sitemap.xml --no-build
      coopgraph fetch --from-file urls.txt --refresh --store http://127.0.0.1:7879
      coopgraph build output/cache/html   # build the whole cache again
    """
    from . import fetch as fx
    from . import pipeline

    listed = [url for handle in url_files for url in fx.read_url_list(handle.read())]
    if not (urls or listed or feeds or sitemaps):
        raise click.UsageError("give URLs, --from-file FILE, --feed URL or --sitemap URL")
    options = fx.FetchOptions(cache=cache, rate=rate, retries=retries, backoff=backoff,
                              timeout=store_options["timeout"], max_bytes=int(max_size * 1e6),
                              refresh=refresh)
    fetcher = fx.Fetcher(options)
    targets, problems = fx.collect_urls(fetcher, [*urls, *listed], feeds=feeds, sitemaps=sitemaps)
    with _progress(len(targets), "Fetching") as bar:
        fetched = fx.fetch_pages(fetcher, targets, problems=problems, progress=bar.update)
    for line in fetched.errors:
        click.echo(f"error: {line}", err=True)
    click.echo(fetched.summary(), err=True)
    pages = fetched.pages
    if not pages:
        raise click.ClickException("nothing could be fetched" + (": every URL failed" if targets
                                                                else ": no pages found"))
    if no_build:
        for page in pages:
            click.echo(str(page))
        return
    with _open(**store_options) as store, \
            _progress(pipeline.total_bytes(pages), "extract and write", "articles") as bar:
        report = pipeline.build(pages, store, workers=workers, progress=bar.update,
                                max_bytes=options.max_bytes, min_confidence=min_confidence,
                                phase=lambda name: _say(f"\n{_PHASES[name]}"), gate=gate)
    _report_build(report, store_options)


@main.command()
@click.argument("keys", nargs=-1, required=True)
@_store_options
def remove(keys: tuple[str, ...], **store_options) -> None:
    """Take articles out of the store, by article id, source path or graph IRI.

    \b
    Example:
      coopgraph remove data/samples/tttd-2019-08-23-ha-noi-can-tho.txt
    """
    with _open(**store_options, create=False) as store:  # a mistyped --store is no new store
        for key in keys:
            for graph in store.remove_article(key):
                click.echo(f"removed {graph}", err=True)


@main.command()
@_store_options
def totals(**store_options) -> None:
    """Recompute the totals that aggregate queries read, without building.

    The totals (the store's summary graph, read by the saved queries pairs, connected,
    rollup_current and funding_given) are recomputed at the end of every build and
    removal. One that was interrupted leaves them marked stale, and `coopgraph query`
    and `coopgraph serve` say so; this recomputes them from the articles the store
    holds (~1 s per 10 000 articles) and takes the mark away.

    \b
    Example:
      coopgraph totals
      coopgraph totals --store http://127.0.0.1:7879   # an Oxigraph server
    """
    from .store import totals_stale
    from .summary import refresh

    with _open(**store_options, create=False) as store:  # a mistyped --store is no new store
        stale = totals_stale(store)
        written = refresh(store)
    if stale or written:
        mark = "; they are no longer marked stale" if stale else ""
        click.echo(f"totals recomputed: {written} quads written{mark}", err=True)
    else:
        click.echo("totals were up to date: nothing written", err=True)


@main.command("export")
@click.option("--format", "formats", multiple=True, required=True,
              type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv"]),
              help="Output format; repeat for several.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder to write into.")
@_read_store_options
@_min_confidence("they are not exported")
def export_command(formats: tuple[str, ...], out_dir: Path, min_confidence: float | None,
                   **store_options) -> None:
    """Write the graph as RDF (stable bytes), GraphML/GEXF for Gephi, or CSV tables.

    ttl and nt merge all graphs; nq, trig and jsonld keep one named graph per article;
    graphml and gexf write the entity graph with plain attribute values, lists and the
    evidence (sentence, offsets, confidence, article) as JSON text; csv writes one table
    per fact type into OUT/csv/.

    \b
    Example:
      coopgraph export --format ttl
      coopgraph export --format trig --format gexf --out output/
      coopgraph export --format csv --min-confidence 0.9
    """
    from .export import export
    from .threshold import AboveConfidence

    import time

    with _open(**store_options, read_only=True) as store:
        if min_confidence is not None:  # filtered once for all the formats asked
            store = AboveConfidence(store, min_confidence)
        for fmt in formats:
            _say(f"export: writing {fmt} (~6 s per 10 000 articles for RDF)")
            start = time.perf_counter()
            click.echo(str(export(store, fmt, out_dir)))
            _say(f"export: {fmt} written in {time.perf_counter() - start:.1f} s")


@main.command()
@_read_store_options
def validate(**store_options) -> None:
    """Check the graph in the store against the SHACL shapes; exit 1 on violations.

    \b
    Example:
      coopgraph validate
    """
    from .validate import validate_quads

    with _open(**store_options, read_only=True) as store:
        n = sum(1 for r in store.records().values() if r.kind == "article") if hasattr(store, "records") else 0
        _say(f"shapes: checking {n} article graph(s) against data/shapes.ttl "
             f"(~50 ms each: about {max(1, round(n * 0.05))} s)")
        report = validate_quads(store.quads())
    click.echo(report.text())
    if not report.conforms:
        sys.exit(1)


# === query / serve (SPARQL) ===

@main.command("query")
@click.argument("query", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter declared in the query's '# @param' lines (repeatable).")
@click.option("--format", "-f", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"]),
              help="Result format (json = SPARQL 1.1 JSON results); CONSTRUCT/DESCRIBE give Turtle "
                   "unless ntriples or jsonld is asked.")
@_read_store_options
@click.option("--limit", type=int, default=None, help="Keep at most this many rows.")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and their parameters.")
def query_cmd(query: str | None, params: tuple[str, ...], fmt: str, store_spec: str,
              limit: int | None, list_saved: bool, **server_options) -> None:
    """Run a saved query (queries/NAME.rq), a .rq file or an inline SPARQL query.

    A store folder is opened read-only; --user/--password/--auth/--timeout are for a
    SPARQL endpoint URL, as in the other commands. The table format groups whole
    amounts of money by thousands (14.500.000.000) and shortens IRIs (id:province/...);
    csv, tsv, json and xml keep the raw values.

    \b
    Example:
      coopgraph query pairs
      coopgraph query queries/received.rq --param province="Cần Thơ" --format csv
      coopgraph query 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
      coopgraph query network --format ntriples --store http://127.0.0.1:7878/sparql
      coopgraph query pairs --store http://127.0.0.1:8890/sparql --user dba
      coopgraph query --list
    """
    from . import query as q

    if list_saved:
        click.echo(q.describe_saved(), nl=False)
        return
    if not query:
        raise click.UsageError("give a query (saved name, .rq file or SPARQL text), or --list")
    click.echo(q.query_store(store_spec, query, q.parse_params(params), fmt, limit=limit,
                             warn=lambda message: click.echo(f"warning: {message}", err=True),
                             **server_options), nl=False)


@main.command("serve")
@click.option("--store", "store_spec", default=str(DEFAULT_STORE), show_default=True,
              envvar="COOPGRAPH_STORE", help="The store folder to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (other than loopback exposes the store to the network).")
@click.option("--port", default=7878, show_default=True, type=int, help="TCP port.")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds allowed per query.")
@click.option("--max-rows", default=10_000, show_default=True, type=int,
              help="Rows (or triples) per result; longer results are cut (X-Result-Truncated).")
@click.option("--workers", default=2, show_default=True, type=int, help="Query worker processes.")
@click.option("--max-bytes", default=50, show_default=True, type=click.IntRange(1), metavar="MB",
              help="Megabytes per answer; longer answers are cut by rows (X-Result-Truncated).")
@click.option("--max-memory", default=2000, show_default=True, type=click.IntRange(100), metavar="MB",
              help="Resident megabytes a query worker may use; past it the query is stopped (503).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (repeatable). Other names get 421, "
                   "which keeps web pages from reaching the server by DNS rebinding.")
@click.option("--allow-update", "update_token", default=None, envvar="COOPGRAPH_UPDATE_TOKEN", metavar="TOKEN",
              help="Accept SPARQL Update from requests with 'Authorization: Bearer TOKEN' "
                   "(better: env COOPGRAPH_UPDATE_TOKEN). Off by default.")
def serve_cmd(store_spec: str, host: str, port: int, timeout: float, max_rows: int, workers: int,
              max_bytes: int, max_memory: int, allow_hosts: tuple[str, ...], update_token: str | None) -> None:
    """Serve the store: SPARQL 1.1 endpoint at /sparql, query page at /, views at /view/...

    \b
    Example:
      coopgraph serve
      coopgraph serve --store output/store --port 8080 --timeout 10
      COOPGRAPH_UPDATE_TOKEN=s3cret coopgraph serve
    """
    from .server import ServerConfig, serve

    serve(ServerConfig(store=store_spec, host=host, port=port, timeout=timeout, max_rows=max_rows,
                       workers=workers, update_token=update_token, max_bytes=max_bytes * 1_000_000,
                       max_memory=max_memory * 1_000_000, allowed_hosts=allow_hosts))


# === analyze (network analytics) ===

@main.command("analyze")
@_read_store_options
@click.option("--era", type=click.Choice(["legacy", "current"]), default="legacy",
              show_default=True, help="legacy: the 63 units before 2025-07-01; current: the 34 "
              "after (former units rolled up into their successors).")
@click.option("--from", "first", type=int, default=None, metavar="YEAR",
              help="Count only what happened in YEAR or later.")
@click.option("--to", "last", type=int, default=None, metavar="YEAR",
              help="Count only what happened in YEAR or earlier.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table",
              show_default=True, help="table: aligned, for a person; csv: every digit, for a program.")
def analyze_cmd(era: str, first: int | None, last: int | None, fmt: str, **store_options) -> None:
    """Centrality and communities of the province network (networkx), one row per province.

    Columns: degree (partners), weighted degree (sum of link weights), betweenness
    (normalized, a link's length being 1/weight) and community (Louvain on the
    weights, fixed seed; numbered from the largest; none for a province without links).
    A link's weight is the number of articles reporting the pair plus its agreements,
    fundings and investments, as on the province map. --from/--to count a funding or
    investment by its own years where the article gives them, everything else by the
    article's publication year. Rows are strongest first; a summary line goes to stderr.

    \b
    Example:
      coopgraph analyze
      coopgraph analyze --era current --format csv > provinces.csv
      coopgraph analyze --from 2015 --to 2019
      coopgraph analyze --store http://127.0.0.1:8890/sparql --user dba
    """
    from .analytics import analyze, describe, format_analysis

    with _open(**store_options, read_only=True, create=False) as store:
        result = analyze(store, era=era, years=(first, last))
    click.echo(describe(result), err=True)
    click.echo(format_analysis(result, fmt), nl=False)


# === view (HTML views) ===

@main.command()
@_read_store_options
@click.option("--out", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for index.html, graph.html, provinces.html, money.html, assets/, "
                   "provinces/, officials/ and articles/.")
@click.option("--article", "article_id", default=None,
              help="Write only this article's view (its id, as `coopgraph extract` shows it).")
@click.option("--max-nodes", type=int, default=1500, show_default=True,
              help="A graph.html drawn whole keeps at most this many best-connected nodes, with a "
                   "notice (a graph of more than 300 nodes opens on a search instead).")
@_min_confidence("they are not shown")
@click.option("--open", "open_browser", is_flag=True,
              help="Open index.html (with --article: the article's page) in the web browser.")
def view(out_dir: Path, article_id: str | None, max_nodes: int, min_confidence: float | None,
         open_browser: bool, **store_options) -> None:
    """Write the interactive HTML views of the graph (offline, one file each).

    index.html: links to every view; graph.html: officials, provinces, agreements,
    fundings, investments and events with search and filters; provinces.html: the
    provinces on a map of Viet Nam, old 63 or new 34 units; money.html: fundings and
    investments as flows between provinces, by year range and province (its plotly.js is
    written once to assets/); provinces/<name>-<era>.html and officials/<name>.html: one
    page per province (partners, money by year, agreements, events, officials, articles,
    network scores) and per official (posts over time, events, provinces, articles);
    articles/<id>.html: one article's text with its evidence beside its graph. Every page
    links back to index.html.

    \b
    Example:
      coopgraph build data/samples
      coopgraph view
      coopgraph view --store output/store --out output
      coopgraph view --article tttd-2019-08-23-ha-noi-can-tho
      coopgraph view --min-confidence 0.9
      coopgraph view --open
    """
    from .views import write_views

    spec = store_options["store_spec"]
    store = _open(**store_options) if spec.startswith(("http://", "https://")) else spec
    written = write_views(store, out_dir, max_nodes=max_nodes, article=article_id,
                          min_confidence=min_confidence)
    for path in written:
        click.echo(str(path))
    if open_browser and written:
        import webbrowser

        first = written[0]  # index.html, or the one article's page
        if not webbrowser.open(first.resolve().as_uri()):
            click.echo(f"note: no web browser found; open {first} yourself", err=True)


# === eval (accuracy) ===


@main.command("eval")
@click.argument("eval_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--show-errors", is_flag=True, help="List the misses and extras of each article.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Floors file (default: EVAL_DIR/baseline.json).")
@click.option("--check", is_flag=True, help="Exit non-zero when a score is below its floor.")
@click.option("--update-baseline", is_flag=True, help="Raise the floors to the current scores.")
@click.option("--texts", "texts_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the articles (<id>.txt) when the set keeps only gold and recipes "
                   "(data/eval-real: third-party texts are re-created, never committed).")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None,
              help="Score only the ids EVAL_DIR/splits.json lists under this name.")
@click.option("--calibrate", "calibrate_to", is_flag=False, flag_value="data/calibration.json",
              default=None, metavar="[FILE]", type=click.Path(dir_okay=False, path_type=Path),
              help="Fit the confidence calibration on this set and write it (default FILE: "
                   "data/calibration.json, what extraction reads); prints the reliability table.")
@click.option("--gate", is_flag=True,
              help="Put the relevance gate of `build` before extraction (what it costs: an article "
                   "it sets aside gives no facts).")
def eval_command(eval_dir: Path, fmt: str, show_errors: bool, baseline: Path | None,
                 check: bool, update_baseline: bool, texts_dir: Path | None, split: str | None,
                 calibrate_to: Path | None, gate: bool) -> None:
    """Score extraction against the gold facts of an evaluation folder.

    Prints precision, recall and F1 per fact type and micro-F1, and how well the
    confidences are calibrated on this set (expected calibration error per type; of
    the facts given 0.9 or more, how many are right). Floors in
    baseline.json may only go up. data/eval holds team-written articles beside
    their gold (a regression floor); data/eval-real holds gold for real
    articles whose texts are re-created into a git-ignored folder
    (data/eval-real/README.md).

    \b
    Example:
      coopgraph eval data/eval --show-errors
      coopgraph eval data/eval --format json > eval.json
      coopgraph eval data/eval --check
      coopgraph eval data/eval-real --texts data/eval-real/texts --split dev
      coopgraph eval data/eval-real --texts data/eval-real/texts --split dev --calibrate
      coopgraph eval data/eval-real --texts data/eval-real/texts --split dev --gate
    """
    import json

    from . import calibration as cal
    from . import evaluate as ev

    report = ev.evaluate(eval_dir, texts_dir=texts_dir, split=split, gate=gate)
    table = cal.load_table()
    if calibrate_to is not None:
        pairs = report.scores.get("pairs", ev.Score())
        table = cal.make_table(report.judged, source=str(eval_dir), split=split,
                               articles=len(report.articles), pairs=(pairs.tp + pairs.fp, pairs.tp))
        if calibrate_to.resolve() == Path("data/calibration.json").resolve():
            calibrate_to = cal.TABLE_PATH  # the file extraction reads, wherever the package runs
        cal.write_table(table, calibrate_to)
    measured = cal.measure(report.judged, table)
    if fmt == "json":
        data = report.to_dict()
        data["calibration"] = {name: c.to_dict() for name, c in measured.items()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(report.text(show_errors=show_errors))
        click.echo("")
        if calibrate_to is not None:
            click.echo(cal.reliability_text(table))
            click.echo("")
        click.echo(cal.measure_text(measured))
    if calibrate_to is not None:
        click.echo(f"calibration table written: {calibrate_to}", err=True)
    floors_path = baseline or eval_dir / ev.BASELINE_NAME
    if update_baseline:
        ev.update_baseline(report, floors_path)
        click.echo(f"floors raised where scores went up: {floors_path}", err=True)
    if check and floors_path.is_file():
        failed = ev.regressions(report, ev.load_baseline(floors_path))
        if failed:
            raise click.ClickException("below floor: " + "; ".join(failed))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
