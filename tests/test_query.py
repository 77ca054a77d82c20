"""Saved queries against their expected results, parameter binding, formats and the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from fixtures.make_fixture import (
    FIXTURE,
    QUERIES,
    fixture_quads,
    load_fixture,
    write_expected,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from cooperation_graph.cli import main
from cooperation_graph.errors import QueryError
from cooperation_graph.query import (
    Result,
    bind,
    declared_prefixes,
    format_result,
    has_order_by,
    load_query,
    parse_header,
    parse_params,
    query_form,
    read_expected,
    run_query,
    same_result,
    saved_queries,
    uses_service,
)

SAVED = sorted(QUERIES.glob("*.rq"))
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_fixture()


# --------------------------------------------------------------------------- saved queries


def test_at_least_twelve_saved_queries():
    assert len(SAVED) >= 12


def test_fixture_is_up_to_date_with_the_mapping():
    """graph.trig is what make_fixture.py writes today (regenerate it when the mapping changes)."""
    on_disk = ox.Dataset(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG))
    fresh = ox.Dataset(fixture_quads())
    assert sorted(map(str, on_disk)) == sorted(map(str, fresh)), (
        "tests/fixtures/graph.trig is stale: run python tests/fixtures/make_fixture.py --expected "
        "and review the diff of queries/*.srj")


@pytest.mark.parametrize("path", SAVED, ids=[p.stem for p in SAVED])
def test_saved_query_equals_expected_result(path: Path, store: ox.Store, update_golden: bool):
    if update_golden:
        write_expected()
    query = load_query(path)
    expected_path = path.with_suffix(".ttl" if query.form in ("CONSTRUCT", "DESCRIBE") else ".srj")
    assert expected_path.exists(), f"{expected_path.name} missing: run make_fixture.py --expected"
    actual = run_query(store, query)
    expected = read_expected(expected_path)
    assert len(expected) > 0, "an empty expected result tests nothing"
    ordered = has_order_by(query.text)
    assert same_result(actual, expected, ordered=ordered), (
        f"{path.name} differs from {expected_path.name}:\n"
        f"actual:\n{format_result(actual, 'table')}\nexpected:\n{format_result(expected, 'table')}")


@pytest.mark.parametrize("path", SAVED, ids=[p.stem for p in SAVED])
def test_saved_query_header(path: Path):
    query = load_query(path)
    assert query.question_vi and query.question_en, "the opening comment states the question in vi and en"
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", query.question_vi)
    variables = set(re.findall(r"[?$](\w+)", query.text))
    for p in query.params:
        if p.name == "limit":  # sets the query's LIMITs (SPARQL has no variable LIMIT)
            assert p.type == "integer" and re.search(r"\bLIMIT\s+\d+", query.text)
            continue
        assert p.name in variables, f"parameter {p.name} is not a variable of the query"
    assert not uses_service(query.text)


def test_parameters_change_the_answer(store: ox.Store):
    cantho = run_query(store, "received")
    hanoi = run_query(store, "received", {"province": "Hà Nội"})
    socTrang = run_query(store, "received", {"province": "Sóc Trăng"})
    assert len(cantho) == 5 and len(hanoi) == 0
    (row,) = socTrang.dicts()
    assert row["donor"].value == "Cần Thơ" and row["amountVnd"].value == "1000000000"


def test_undef_parameter_means_any(store: ox.Store):
    every = run_query(store, "funding_given", {"status": "UNDEF"})
    given_only = run_query(store, "funding_given")
    planned = run_query(store, "funding_given", {"status": "planned"})
    assert len(every) == len(given_only) + len(planned)
    assert [r["totalVnd"].value for r in planned.dicts()] == ["4000000000"]


def test_date_range_parameters(store: ox.Store):
    result = run_query(store, "events_in_range", {"since": "2025-01-01", "until": "2025-10-01"})
    assert [r["date"].value for r in result.dicts()] == ["2025-09-10", "2025-03-20"]  # newest first


def test_limit_parameter_sets_the_limit_newest_first(store: ox.Store):
    every = run_query(store, "agreements", {"limit": "UNDEF"})
    one = run_query(store, "agreements", {"limit": 1})
    assert len(every) == 3 and not re.search(r"\bLIMIT\s+\d", bind(load_query("agreements"), {"limit": "UNDEF"}))
    assert one.dicts() == every.dicts()[:1]  # the newest agreement
    assert one.dicts()[0]["published"].value.startswith("2025-09-10")
    assert "LIMIT 1\n" in bind(load_query("agreements"), {"limit": 1})


def test_filter_applies_before_the_limit(store: ox.Store):
    """The parameters reach the subquery that cuts to LIMIT (via "# @values"): asking for
    Bạc Liêu with limit 1 gives Bạc Liêu's agreement, not the newest one filtered away."""
    (row,) = run_query(store, "agreements", {"province": "Bạc Liêu", "limit": 1}).dicts()
    assert row["partyB"].value == "Bạc Liêu"
    (inv,) = run_query(store, "investments", {"province": "Cần Thơ", "limit": 1}).dicts()
    assert inv["host"].value == "Cần Thơ"
    events = run_query(store, "events_in_range", {"since": "2019-01-01", "until": "2019-12-31", "limit": 1})
    assert [r["date"].value for r in events.dicts()] == ["2019-10-15"]


def test_values_marker_and_limit_binding():
    q = parse_header("m", '# @param x: string = "a"\n# @param limit: integer = 5\n'
                          "SELECT ?x WHERE { { SELECT ?x WHERE {\n  # @values\n  FILTER(BOUND(?x)) } LIMIT 5 } }")
    text = bind(q, {"x": "b", "limit": 2})
    assert text.count('VALUES (?x) { ("b") }') == 2 and "LIMIT 2 }" in text
    assert "?limit" not in text
    ox.Store().query(text)  # still valid SPARQL
    with pytest.raises(QueryError, match="LIMIT"):
        bind(parse_header("n", "# @param limit: integer = 5\nSELECT * WHERE { }"))
    with pytest.raises(QueryError, match="limit"):
        bind(q, {"limit": -1})


def test_iri_parameter_accepts_prefixed_name(store: ox.Store):
    person = "https://w3id.org/coopgraph/id/person/"
    (iri,) = {q.subject.value for q in store.quads_for_pattern(None, None, ox.Literal("Lữ Văn Hùng"), None)}
    short = "id:" + iri[len("https://w3id.org/coopgraph/id/"):]
    a = run_query(store, "provenance", {"entity": short})
    b = run_query(store, "provenance", {"entity": f"<{iri}>"})
    assert iri.startswith(person) and len(a) >= 3 and same_result(a, b, ordered=True)


# --------------------------------------------------------------------------- binding


def _echo(value: object, type_: str = "string") -> ox.Literal | ox.NamedNode:
    q = parse_header("echo", f"# @param x: {type_}\nSELECT ?x WHERE {{ }}")
    result = run_query(ox.Store(), q, {"x": value})
    (row,) = result.rows
    return row[0]


@pytest.mark.parametrize("nasty", [
    'a" } ; DROP ALL ; SELECT * { "',
    "line\nbreak and 'quotes' \\ backslash",
    '"""triple""" # not a comment',
    "Cần Thơ\t<http://x> ?y $z {}",
])
def test_string_values_are_bound_as_literals_not_pasted(nasty: str):
    assert _echo(nasty) == ox.Literal(nasty)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_string_round_trips(text: str):
    assert _echo(text).value == text


def test_typed_parameters():
    assert _echo("2019", "integer") == ox.Literal("2019", datatype=ox.NamedNode(XSD + "integer"))
    assert _echo("2019-08-23", "date") == ox.Literal("2019-08-23", datatype=ox.NamedNode(XSD + "date"))
    assert _echo("1,5", "decimal").value == "15"
    assert _echo("yes", "boolean") == ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))
    assert _echo("http://example.org/a", "iri") == ox.NamedNode("http://example.org/a")


@pytest.mark.parametrize("type_,value", [
    ("integer", "12a"), ("date", "2019-13-01"), ("boolean", "maybe"), ("iri", "not an iri"),
    ("decimal", "x"),
])
def test_bad_values_are_query_errors(type_: str, value: str):
    with pytest.raises(QueryError, match="parameter 'x'"):
        _echo(value, type_)


def test_unknown_and_missing_parameters():
    q = parse_header("q", "# @param need: string\nSELECT ?need WHERE { }")
    with pytest.raises(QueryError, match="unknown parameter 'other'.*parameters: need"):
        bind(q, {"other": "x"})
    with pytest.raises(QueryError, match="needs parameter 'need'"):
        bind(q)


def test_bad_declaration_is_reported():
    with pytest.raises(QueryError, match="bad parameter declaration"):
        parse_header("q", "# @param x: colour = red\nSELECT * { }")
    with pytest.raises(QueryError, match="not a valid date"):
        parse_header("q", "# @param x: date = 2019-02-30\nSELECT * { }")


def test_values_go_into_the_where_clause_not_the_construct_template():
    q = parse_header("c", '# @param x: string = "v"\n'
                          "CONSTRUCT { <http://a> <http://b> ?x } WHERE { OPTIONAL { ?s ?p ?o } }")
    text = bind(q)
    assert text.index("VALUES") > text.index("WHERE")
    (triple,) = run_query(ox.Store(), q).triples
    assert triple.object == ox.Literal("v")


def test_braces_in_strings_comments_and_iris_do_not_confuse_binding():
    text = ('# @param x: string = "v"\n'
            'PREFIX e: <http://e/odd#>\n'
            'SELECT ?x ?y # { not a group\n'
            'WHERE { BIND("}{" AS ?y) }')
    (row,) = run_query(ox.Store(), parse_header("q", text)).rows
    assert [t.value for t in row] == ["v", "}{"]


# --------------------------------------------------------------------------- errors, loading


def test_syntax_error_has_line_and_column():
    with pytest.raises(QueryError, match=r"syntax error at line 3, column \d+"):
        run_query(ox.Store(), "SELECT *\nWHERE {\n  ?s ?p ?o . @ }")


def test_syntax_error_position_is_in_the_text_as_written():
    text = '# @param x: string = "a long value that shifts columns"\nSELECT * WHERE { ?s ?p ?o . @ }'
    with pytest.raises(QueryError, match=r"line 2, column (2[0-9]|3[0-9])\b"):
        run_query(ox.Store(), parse_header("q", text))


def test_load_query_by_name_path_and_text(tmp_path: Path):
    assert load_query("pairs").path == QUERIES / "pairs.rq"
    assert load_query(str(QUERIES / "pairs.rq")).name == "pairs"
    assert load_query(QUERIES / "pairs.rq").name == "pairs"
    assert load_query("SELECT * WHERE { ?s ?p ?o }").name == "inline"
    with pytest.raises(QueryError, match="no query file or saved query named 'nope'.*pairs"):
        load_query("nope")
    with pytest.raises(QueryError, match="no query file"):
        load_query(tmp_path / "missing.rq")


def test_query_form_and_service_detection():
    assert query_form("PREFIX a: <http://x#>\n# SELECT\nconstruct { } where { }") == "CONSTRUCT"
    assert query_form("INSERT DATA { <a> <b> <c> }") == "UPDATE"
    assert uses_service("select * { service <http://x> { ?s ?p ?o } }")
    assert uses_service("SELECT * { \\u0053ERVICE <http://x> { ?s ?p ?o } }")
    assert not uses_service('SELECT * { ?s <http://e/SERVICE> "SERVICE" } # SERVICE')
    assert declared_prefixes("PREFIX cg: <https://w3id.org/coopgraph/ontology#>\nSELECT * {}") == {
        "cg": "https://w3id.org/coopgraph/ontology#"}


def test_parse_params():
    assert parse_params(["province=Cần Thơ", "q=a=b"]) == {"province": "Cần Thơ", "q": "a=b"}
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_params(["province"])


# --------------------------------------------------------------------------- formats


@pytest.fixture(scope="module")
def tricky() -> Result:
    store = ox.Store()
    s = ox.NamedNode("http://e/a")
    store.add(ox.Quad(s, ox.NamedNode("http://e/name"), ox.Literal('Cần "Thơ", tab\there\nnew line')))
    store.add(ox.Quad(s, ox.NamedNode("http://e/n"), ox.Literal("5", datatype=ox.NamedNode(XSD + "integer"))))
    store.add(ox.Quad(s, ox.NamedNode("http://e/label"), ox.Literal("Hà Nội", language="vi")))
    return run_query(store, "SELECT ?s ?name ?n ?label ?none WHERE { ?s <http://e/name> ?name ; <http://e/n> ?n ;"
                            " <http://e/label> ?label OPTIONAL { ?s <http://e/x> ?none } }")


@pytest.mark.parametrize("fmt,parser", [
    ("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV),
])
def test_result_formats_round_trip(tricky: Result, fmt: str, parser: ox.QueryResultsFormat):
    text = format_result(tricky, fmt)
    back = Result("select", tricky.variables, tuple(
        tuple(sol[v] for v in tricky.variables) for sol in ox.parse_query_results(text.encode(), format=parser)))
    assert same_result(back, tricky, ordered=True)


def test_csv_follows_the_spec(tricky: Result):
    text = format_result(tricky, "csv")
    assert text.startswith("s,name,n,label,none\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["http://e/a", 'Cần "Thơ", tab\there\nnew line', "5", "Hà Nội", ""]


def test_json_is_sparql_results_json(tricky: Result):
    doc = json.loads(format_result(tricky, "json"))
    (b,) = doc["results"]["bindings"]
    assert doc["head"]["vars"] == ["s", "name", "n", "label", "none"]
    assert b["label"] == {"type": "literal", "value": "Hà Nội", "xml:lang": "vi"}
    assert b["n"]["datatype"] == XSD + "integer" and "datatype" not in b["name"] and "none" not in b


def test_table_is_aligned_and_counts_rows(store: ox.Store):
    text = format_result(run_query(store, "connected"), "table")
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["province", "era", "degree"] and lines[-1] == "(8 rows)"
    assert "id:" not in lines[2] or "<https://" not in lines[2]


def test_construct_gives_turtle_that_parses(store: ox.Store):
    result = run_query(store, "network")
    for fmt, rdf in (("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES),
                     ("jsonld", ox.RdfFormat.JSON_LD)):
        text = format_result(result, fmt)
        assert len(list(ox.parse(text.encode(), format=rdf))) == len(result.triples)
    assert format_result(result, "table").startswith("@prefix")


def test_ask():
    result = run_query(ox.Store(), "ASK { }")
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(result, "table") == "yes\n"


# --------------------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "store"
    store = ox.Store(str(path))
    load_fixture(store)
    store.flush()
    del store
    return path


def test_cli_query_saved_with_param(disk_store: Path):
    out = CliRunner().invoke(main, ["query", "received", "--store", str(disk_store),
                                    "--param", "province=Sóc Trăng", "--format", "json"])
    assert out.exit_code == 0, out.output
    (b,) = json.loads(out.output)["results"]["bindings"]
    assert b["donor"]["value"] == "Cần Thơ"


def test_cli_query_inline_csv_and_construct(disk_store: Path):
    runner = CliRunner()
    out = runner.invoke(main, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                               "--store", str(disk_store), "-f", "csv"])
    assert out.exit_code == 0 and out.output.split() == ["n", str(len(fixture_quads()))]
    out = runner.invoke(main, ["query", str(QUERIES / "network.rq"), "--store", str(disk_store)])
    assert out.exit_code == 0 and "cg:cooperatesWith" in out.output


@pytest.mark.parametrize("args,message", [
    (["received", "--param", "provinc=Hà Nội"], "unknown parameter 'provinc'"),
    (["received", "--param", "province"], "NAME=VALUE"),
    (["nothere"], "no query file or saved query named 'nothere'"),
    (["SELECT * WHERE {\n ?s ?p ?o . @ }"], "syntax error at line 2, column"),
    (["events_in_range", "-p", "since=2019-02-30"], "not a valid date"),
])
def test_cli_query_errors_are_one_line(disk_store: Path, args: list[str], message: str):
    out = CliRunner().invoke(main, ["query", *args, "--store", str(disk_store)])
    assert out.exit_code != 0 and message in out.output
    assert "Traceback" not in out.output


def test_cli_query_missing_store(tmp_path: Path):
    out = CliRunner().invoke(main, ["query", "pairs", "--store", str(tmp_path / "none")])
    assert out.exit_code != 0 and "no store at" in out.output


def test_cli_query_list():
    out = CliRunner().invoke(main, ["query", "--list"])
    assert out.exit_code == 0
    for q in saved_queries():
        assert q.name in out.output and q.question_en in out.output


@pytest.mark.parametrize("command", ["query", "serve"])
def test_cli_help_has_example(command: str):
    out = CliRunner().invoke(main, [command, "--help"])
    assert out.exit_code == 0 and "Example:" in out.output


# --------------------------------------------------------------------------- for a newcomer


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> Path:
    """The bundled sample (data/samples) built as a user would."""
    store = tmp_path_factory.mktemp("sample") / "store"
    out = CliRunner().invoke(main, ["build", str(QUERIES.parent / "data" / "samples"),
                                    "--store", str(store), "--workers", "1"])
    assert out.exit_code == 0, out.output
    return store


@pytest.mark.parametrize("path", SAVED, ids=[p.stem for p in SAVED])
def test_saved_query_defaults_answer_on_the_bundled_sample(path: Path, sample_build: Path):
    """A newcomer's first `coopgraph query NAME` after `build data/samples` finds something."""
    out = CliRunner().invoke(main, ["query", path.stem, "--store", str(sample_build), "-f", "csv"])
    assert out.exit_code == 0, out.output
    assert len(out.output.strip().splitlines()) >= 2, f"{path.name}: no rows with its defaults"


def test_table_groups_amounts_and_shortens_iris_other_formats_stay_raw(sample_build: Path):
    runner = CliRunner()
    args = ["query", "funding_given", "--param", "province=Hà Nội", "--store", str(sample_build)]
    table = runner.invoke(main, args).output
    assert "5.000.000.000" in table and "5000000000" not in table
    assert "id:province/legacy/01" in table and "<https://w3id.org/coopgraph/id/" not in table
    assert " 2014 " in table  # a year is no amount
    header, rule, first = table.splitlines()[:3]
    column = header.index("totalVnd")  # amounts are right-aligned under their header's end
    assert first[column + len("totalVnd") - 1] == "0"
    for fmt in ("csv", "tsv", "json", "xml"):
        raw = runner.invoke(main, [*args, "-f", fmt]).output
        assert "5000000000" in raw and "5.000.000.000" not in raw, fmt
    inline = runner.invoke(main, ["query", "SELECT ?amount (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m "
                                           "<https://schema.org/value> ?amount } } GROUP BY ?amount "
                                           "ORDER BY ?amount LIMIT 1", "--store", str(sample_build)]).output
    assert "3.000.000.000" in inline  # a column named as money, in an inline query too


def test_cli_query_user_and_password_reach_a_remote_endpoint():
    """--user/--password/--auth work for query as for the other commands (HTTP Basic here)."""
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    answer = json.dumps({"head": {"vars": ["totalVnd"]}, "results": {"bindings": [
        {"totalVnd": {"type": "literal", "value": "14500000000", "datatype": XSD + "integer"}}]}}).encode()
    good = "Basic " + base64.b64encode(b"reader:s3cret").decode()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server API
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.headers.get("Authorization") != good:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    query = "SELECT (SUM(?v) AS ?totalVnd) WHERE { ?s ?p ?v }"
    try:
        runner = CliRunner()
        out = runner.invoke(main, ["query", query, "--store", url, "--user", "reader",
                                   "--password", "s3cret", "--auth", "basic", "--timeout", "5"])
        assert out.exit_code == 0, out.output
        assert "14.500.000.000" in out.output
        out = runner.invoke(main, ["query", query, "--store", url, "--user", "reader",
                                   "--auth", "basic", "--timeout", "5"],
                            env={"COOPGRAPH_STORE_PASSWORD": "s3cret"})
        assert out.exit_code == 0 and "14.500.000.000" in out.output
        out = runner.invoke(main, ["query", query, "--store", url, "--timeout", "5"])
        assert out.exit_code == 1 and "401" in out.output and "Traceback" not in out.output
    finally:
        server.shutdown()
        server.server_close()


def test_build_help_says_a_remote_store_is_a_separate_server():
    text = " ".join(CliRunner().invoke(main, ["build", "--help"]).output.split())
    assert "separate SPARQL server" in text and "oxigraph serve" in text
    assert "coopgraph serve` (port 7878) is not one" in text


def test_table_groups_only_whole_amounts():
    """Virtuoso may hand an amount back as xsd:decimal: still money; a fraction stays as is."""
    dec, integer = ox.NamedNode(XSD + "decimal"), ox.NamedNode(XSD + "integer")
    result = Result("select", ("v", "year", "amountVnd"), (
        (ox.Literal("14500000000.0", datatype=dec), ox.Literal("2019", datatype=integer),
         ox.Literal("1234.5", datatype=dec)),
        (ox.Literal("750", datatype=dec), ox.Literal("2020", datatype=integer),
         ox.Literal("2000000", datatype=integer)),
    ))
    rows = format_result(result, "table").splitlines()[2:4]
    assert rows[0].split() == ["14.500.000.000", "2019", "1234.5"]
    assert rows[1].split() == ["750", "2020", "2.000.000"]
