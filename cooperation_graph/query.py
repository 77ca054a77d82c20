"""Run SPARQL queries, saved or inline, with typed parameters, and format their results.

A saved query is a ``queries/NAME.rq`` file whose opening comment states the question and
declares its parameters::

    # vi: Tỉnh nào nhận hỗ trợ từ đâu, để làm gì?
    # en: What did a given province receive, from whom, for what?
    # @param province: string = "Cần Thơ" -- the receiving province (short name)
    # @param since: date = UNDEF -- only fundings dated on or after this day

Each parameter ``NAME`` is the query variable ``?NAME``. A value is bound as an RDF term
(never pasted into the query text as raw text) by a ``VALUES`` block placed first in the
outermost ``WHERE`` group, so it restricts every pattern and ``FILTER`` of that group and
works the same on any SPARQL 1.1 store. (Oxigraph's own ``substitutions`` would reach
nested groups too, but only accept projected variables.) Saved queries therefore use their
parameters at the top level of the WHERE clause. ``UNDEF`` (as a default, or as the value given)
leaves the variable unbound ("any"). One exception: an ``integer`` parameter named ``limit``
sets the number after every ``LIMIT`` keyword (``UNDEF`` removes the clauses), since
SPARQL has no variable ``LIMIT``; listing queries use it to return the newest rows first.
The same ``VALUES`` block also goes right after every ``# @values`` comment line: a listing
query puts one first in the subquery that filters and cuts to ``LIMIT`` before the (costly)
attributes of the remaining rows are looked up, since a subquery does not see the outer one.

Results come back as a :class:`Result` and are written as an aligned text table, CSV, TSV,
SPARQL 1.1 JSON or XML results; ``CONSTRUCT``/``DESCRIBE`` give Turtle, N-Triples or JSON-LD.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from typing import Literal as TLiteral
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

from .errors import QueryError

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: Where saved queries live: the repository's ``queries/`` folder (a checkout), the copies a
#: wheel carries (see ``setup.py``), then ``./queries``.
QUERY_DIRS: tuple[Path, ...] = (Path(__file__).resolve().parent.parent / "queries",
                                Path(__file__).resolve().parent / "_data" / "queries", Path("queries"))

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")

# ---------------------------------------------------------------------------------------------
# Lexing: just enough of SPARQL to find keywords, braces and comments outside strings and IRIs.

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)  # SPARQL ends a comment at either (Oxigraph does)
  | (?P<string>\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"
              | '''(?:[^'\\]|\\.|'(?!''))*'''
              | \"(?:[^\"\\\n\r]|\\.)*\"
              | '(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][^\s(){}\[\],;.<>=!|&+*/^"'\#]+)
  | (?P<word>[^\s(){}\[\],;<>=!|&+*/^"'?$\#]+)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_QUERY_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(text: str) -> list[_Token]:
    """Significant tokens (no whitespace, no comments) of a SPARQL text."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            out.append(_Token(kind, m.group(), m.start()))
    return out


def _words(text: str) -> list[str]:
    # \u escapes are legal anywhere in SPARQL text: decode them first so none hides a keyword.
    decoded = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    return [t.text.upper() for t in _tokens(decoded) if t.kind == "word"]


def uses_service(text: str) -> bool:
    """True if the query text contains a ``SERVICE`` clause (a request to another endpoint)."""
    return "SERVICE" in _words(text)


def query_form(text: str) -> str:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE``, ``ASK``, or ``UPDATE`` for an update request."""
    for word in _words(text):
        if word in _QUERY_FORMS:
            return word
        if word in _UPDATE_WORDS:
            return "UPDATE"
    raise QueryError("not a SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK found")


def has_order_by(text: str) -> bool:
    """True if the query sorts its results (then their order is part of the expected result)."""
    words = _words(text)
    return any(a == "ORDER" and b == "BY" for a, b in itertools.pairwise(words))


def declared_prefixes(text: str) -> dict[str, str]:
    """The ``PREFIX p: <iri>`` declarations of a query."""
    toks = _tokens(text)
    out = {}
    for a, b, c in zip(toks, toks[1:], toks[2:]):
        if a.kind == "word" and a.text.upper() == "PREFIX" and b.text.endswith(":") and c.kind == "iri":
            out[b.text[:-1]] = c.text[1:-1]
    return out


def _where_brace(text: str) -> int:
    """Offset of the ``{`` opening the outermost WHERE group."""
    toks = _tokens(text)
    i = next((k for k, t in enumerate(toks) if t.kind == "word" and t.text.upper() in _QUERY_FORMS), None)
    if i is None:
        raise QueryError("not a SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK found")
    if toks[i].text.upper() == "CONSTRUCT":
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.text == "{":
            i = _skip_group(toks, i + 1)
        elif nxt is not None and nxt.text.upper() == "WHERE":
            raise QueryError("parameters need the long form CONSTRUCT { template } WHERE { pattern }")
    depth = 0
    for tok in toks[i + 1 :]:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif tok.text == "{" and depth == 0:
            return tok.start
    raise QueryError("the query has no WHERE { ... } group")


def _skip_group(toks: list[_Token], i: int) -> int:
    depth = 0
    for k in range(i, len(toks)):
        if toks[k].text == "{":
            depth += 1
        elif toks[k].text == "}":
            depth -= 1
            if depth == 0:
                return k
    raise QueryError("unbalanced braces in the CONSTRUCT template")


# ---------------------------------------------------------------------------------------------
# Parameters

ParamType = TLiteral["string", "integer", "decimal", "date", "boolean", "iri"]
_PARAM_TYPES = ("string", "integer", "decimal", "date", "boolean", "iri")
_PARAM_LINE = re.compile(
    r"^#\s*@param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>\w+)"
    r"(?:\s*=\s*(?P<default>\"(?:[^\"\\]|\\.)*\"|<[^>]*>|\S+))?"
    r"(?:\s*(?:--|—)\s*(?P<doc>.*))?\s*$"
)
UNDEF = "UNDEF"


@dataclass(frozen=True)
class Param:
    """A declared query parameter: bound to the variable ``?name``."""

    name: str
    type: str
    default: str | None = None  # text as written after "=", None when required
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class SavedQuery:
    """A query text with its question (Vietnamese, English) and declared parameters."""

    name: str
    text: str
    params: tuple[Param, ...] = ()
    question_vi: str = ""
    question_en: str = ""
    path: Path | None = None

    @property
    def form(self) -> str:
        return query_form(self.text)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"unknown parameter {name!r} for query {self.name!r} (parameters: {known})")


def parse_header(name: str, text: str, path: Path | None = None) -> SavedQuery:
    """Read the question and ``@param`` declarations from the comment lines opening a query."""
    params: list[Param] = []
    vi = en = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        if re.match(r"^#\s*@param\b", line):
            m = _PARAM_LINE.match(line)
            if not m or m["type"] not in _PARAM_TYPES:
                raise QueryError(
                    f"{path or name}: bad parameter declaration {line!r} "
                    f"(expected '# @param NAME: TYPE [= DEFAULT] [-- doc]', TYPE one of {', '.join(_PARAM_TYPES)})"
                )
            p = Param(m["name"], m["type"], m["default"], (m["doc"] or "").strip())
            if p.default is not None and p.default != UNDEF:
                _term(p, _default_text(p.default), {})  # a bad default fails here, not at run time
            params.append(p)
        elif (m := re.match(r"^#\s*vi:\s*(.*)$", line)) and not vi:
            vi = m[1].strip()
        elif (m := re.match(r"^#\s*en:\s*(.*)$", line)) and not en:
            en = m[1].strip()
    return SavedQuery(name, text, tuple(params), vi, en, path)


def _default_text(default: str) -> str:
    if default.startswith('"'):
        return json.loads(default)
    if default.startswith("<") and default.endswith(">"):
        return default[1:-1]
    return default


def _term(param: Param, value: Any, prefixes: Mapping[str, str]) -> Term:
    """The RDF term for a parameter value given as text (CLI, defaults) or a Python value."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    t = param.type
    text = str(value).strip() if not isinstance(value, str) else value
    try:
        if t == "string":
            return ox.Literal(text)
        if t == "integer":
            return ox.Literal(str(int(text)), datatype=ox.NamedNode(XSD + "integer"))
        if t == "decimal":
            return ox.Literal(str(Decimal(text.replace(",", ""))), datatype=ox.NamedNode(XSD + "decimal"))
        if t == "date":
            return ox.Literal(date.fromisoformat(text.strip()).isoformat(), datatype=ox.NamedNode(XSD + "date"))
        if t == "boolean":
            low = text.strip().lower()
            if low not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(text)
            return ox.Literal("true" if low in ("true", "1", "yes") else "false", datatype=ox.NamedNode(XSD + "boolean"))
        if t == "iri":
            iri = text.strip()
            if iri.startswith("<") and iri.endswith(">"):
                iri = iri[1:-1]
            elif ":" in iri and iri.split(":", 1)[0] in prefixes:
                pre, local = iri.split(":", 1)
                iri = prefixes[pre] + local
            return ox.NamedNode(iri)
    except (ValueError, InvalidOperation) as exc:
        raise QueryError(f"parameter {param.name!r}: {value!r} is not a valid {t}") from exc
    raise QueryError(f"parameter {param.name!r}: unknown type {t!r}")  # pragma: no cover


def _values_term(term: Term | None) -> str:
    # str() of a pyoxigraph term is its N-Triples form, with quotes and backslashes escaped.
    return "UNDEF" if term is None else str(term)


def bind_terms(query: SavedQuery, params: Mapping[str, Any] | None = None) -> dict[str, Term | None]:
    """Every declared parameter's RDF term (given value, else its default; None = unbound).

    Raises QueryError for an unknown parameter, a missing required one, or a bad value.
    """
    params = dict(params or {})
    for name in params:
        query.param(name)  # unknown -> QueryError
    prefixes = declared_prefixes(query.text) if query.params else {}
    out: dict[str, Term | None] = {}
    for p in query.params:
        if p.name in params and params[p.name] == UNDEF:
            out[p.name] = None  # explicitly "any"
        elif p.name in params and params[p.name] is not None:
            out[p.name] = _term(p, params[p.name], prefixes)
        elif p.default is None:
            raise QueryError(f"query {query.name!r} needs parameter {p.name!r} ({p.type}): use --param {p.name}=VALUE")
        elif p.default == UNDEF:
            out[p.name] = None
        else:
            out[p.name] = _term(p, _default_text(p.default), prefixes)
    return out


def bind(query: SavedQuery, params: Mapping[str, Any] | None = None) -> str:
    """The query text with every declared parameter bound by a ``VALUES`` block placed first
    in the outermost WHERE group (what is sent to a remote SPARQL endpoint)."""
    terms = bind_terms(query, params)
    text = query.text
    if LIMIT_PARAM in terms and _is_limit_param(query.param(LIMIT_PARAM)):
        text = _set_limit(query, terms.pop(LIMIT_PARAM))
    if not terms:
        return text
    names = " ".join("?" + name for name in terms)
    values = " ".join(_values_term(t) for t in terms.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    # Also after each "# @values" comment: a subquery that filters before its LIMIT.
    for at in sorted(_values_marks(text), reverse=True):
        text = text[:at] + "\n" + block + text[at:]
    at = _where_brace(text) + 1
    return text[:at] + block + text[at:]


_VALUES_MARK = re.compile(r"#\s*@values\b")


def _values_marks(text: str) -> list[int]:
    """Offsets just after the ``# @values`` comment lines of a query text."""
    return [m.end() for m in _TOKEN.finditer(text)
            if m.lastgroup == "comment" and _VALUES_MARK.match(m.group())]


#: An integer parameter of this name sets the query's ``LIMIT`` (SPARQL has no variable LIMIT).
LIMIT_PARAM = "limit"


def _is_limit_param(param: Param) -> bool:
    return param.name == LIMIT_PARAM and param.type == "integer"


def _set_limit(query: SavedQuery, term: Term | None) -> str:
    """The query text with the number after every ``LIMIT`` replaced by ``term``'s value
    (``UNDEF``: the ``LIMIT`` clauses removed, i.e. every row). A listing may cut twice with
    the same number (the newest N articles, then the newest N facts in them)."""
    toks = _tokens(query.text)
    at = [k for k, t in enumerate(toks) if t.kind == "word" and t.text.upper() == "LIMIT"]
    if not at or any(k + 1 >= len(toks) or not toks[k + 1].text.isdigit() for k in at):
        raise QueryError(f"query {query.name!r}: a 'limit' parameter needs 'LIMIT <number>' in the query")
    value = None
    if term is not None:
        value = int(term.value) if isinstance(term, ox.Literal) else -1
        if value < 0:
            raise QueryError(f"parameter {LIMIT_PARAM!r}: {term} is not a number of rows (0 or more)")
    text = query.text
    for k in reversed(at):  # from the end, so that earlier offsets stay valid
        kw, num = toks[k], toks[k + 1]
        if value is None:
            text = text[: kw.start] + text[num.start + len(num.text):]
        else:
            text = text[: num.start] + str(value) + text[num.start + len(num.text):]
    return text


# ---------------------------------------------------------------------------------------------
# Loading


def saved_queries(directory: Path | None = None) -> list[SavedQuery]:
    """Every saved query (``*.rq``) of the queries folder, sorted by name."""
    folder = directory or next((d for d in QUERY_DIRS if d.is_dir()), None)
    if folder is None:
        return []
    return [parse_header(p.stem, p.read_text(encoding="utf-8"), p) for p in sorted(folder.glob("*.rq"))]


def load_query(spec: str | Path) -> SavedQuery:
    """A query from a file path, a saved query name (``pairs``) or an inline query text."""
    text = str(spec)
    looks_inline = isinstance(spec, str) and ("{" in text or "\n" in text)
    if not looks_inline:
        path = Path(text)
        if path.is_file():
            try:
                return parse_header(path.stem, path.read_text(encoding="utf-8"), path)
            except (OSError, UnicodeDecodeError) as exc:
                raise QueryError(f"{path}: cannot read query file ({exc})") from exc
        for folder in QUERY_DIRS:
            candidate = folder / (text if text.endswith(".rq") else text + ".rq")
            if candidate.is_file():
                return parse_header(candidate.stem, candidate.read_text(encoding="utf-8"), candidate)
        known = ", ".join(q.name for q in saved_queries()) or "none found"
        raise QueryError(f"no query file or saved query named {text!r} (saved queries: {known})")
    return parse_header("inline", text)


# ---------------------------------------------------------------------------------------------
# Running


@dataclass(frozen=True)
class Result:
    """The outcome of a query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: TLiteral["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()
    truncated: bool = False  # more rows/triples existed than the limit allowed
    prefixes: dict[str, str] = field(default_factory=dict, compare=False)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples) if self.kind == "graph" else 1

    def dicts(self) -> list[dict[str, Term]]:
        """Rows as ``{variable: term}`` without the unbound ones."""
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]


_SYNTAX_POS = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def syntax_error(exc: Exception, label: str = "query") -> QueryError:
    """A one-line QueryError naming line and column from an Oxigraph SyntaxError message."""
    msg = " ".join(str(exc).split())
    m = _SYNTAX_POS.search(msg)
    if m:
        detail = m[3].strip()
        if len(detail) > 160:  # Oxigraph lists every expected token: keep the first few
            detail = detail[:160].rsplit(",", 1)[0] + ", …"
        return QueryError(f"{label}: syntax error at line {m[1]}, column {m[2]}: {detail}")
    return QueryError(f"{label}: syntax error: {msg[:200]}")


def check_syntax(text: str, label: str = "query") -> None:
    """Raise QueryError with line and column if ``text`` is not a valid SPARQL query."""
    if uses_service(text):
        # Parsing alone never contacts the service, but evaluation on an empty store could.
        text = re.sub(r"(?i)\bSERVICE\b", "GRAPH", text)
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        raise syntax_error(exc, label) from exc
    except (OSError, ValueError, TypeError, RuntimeError):  # evaluation on an empty store
        pass


def run_query(
    store: Any,
    query: SavedQuery | str | Path,
    params: Mapping[str, Any] | None = None,
    *,
    limit: int | None = None,
    allow_service: bool = True,
) -> Result:
    """Bind ``params`` into ``query`` and run it on ``store`` (a pyoxigraph Store or a
    store object with a ``query(sparql)`` method); keep at most ``limit`` rows."""
    saved = query if isinstance(query, SavedQuery) else load_query(query)
    if not allow_service and uses_service(saved.text):
        raise QueryError("SERVICE (federated query to another endpoint) is not allowed here")
    label = str(saved.path) if saved.path else "query"
    try:
        raw = store.query(bind(saved, params))
    except SyntaxError as exc:
        check_syntax(saved.text, label)  # position in the text as written, not as bound
        raise syntax_error(exc, label) from exc
    except QueryError:
        raise
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise QueryError(f"{label}: query failed: {exc}") from exc
    prefixes = declared_prefixes(saved.text)
    try:
        return to_result(raw, limit=limit, prefixes=prefixes)
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"{label}: query failed: {exc}") from exc


def to_result(raw: Any, *, limit: int | None = None, prefixes: Mapping[str, str] | None = None) -> Result:
    """A Result from what a store returned: pyoxigraph solutions/boolean/triples, or a Result."""
    prefixes = dict(prefixes or {})
    if isinstance(raw, Result):
        return raw
    if isinstance(raw, (bool, ox.QueryBoolean)):
        return Result("ask", boolean=bool(raw), prefixes=prefixes)
    if isinstance(raw, ox.QuerySolutions):
        variables = tuple(v.value for v in raw.variables)
        rows, truncated = _take(((sol[v] for v in variables) for sol in raw), limit)
        return Result("select", variables, tuple(tuple(r) for r in rows), truncated=truncated, prefixes=prefixes)
    if isinstance(raw, (ox.QueryTriples, Iterable)):
        items, truncated = _take(iter(raw), limit)
        triples = tuple(t.triple if isinstance(t, ox.Quad) else t if isinstance(t, ox.Triple) else ox.Triple(*t)
                        for t in items)
        return Result("graph", triples=triples, truncated=truncated, prefixes=prefixes)
    raise QueryError(f"unexpected query result of type {type(raw).__name__}")


def _take(items: Iterable[Any], limit: int | None) -> tuple[list[Any], bool]:
    out = []
    for item in items:
        if limit is not None and len(out) >= limit:
            return out, True
        out.append(item if isinstance(item, (ox.Triple, ox.Quad)) else tuple(item))
    return out, False


def describe_saved() -> str:
    """The saved queries, one block each: name, questions, parameters (for ``--list``)."""
    lines = []
    for q in saved_queries():
        lines.append(f"{q.name}")
        lines += [f"    {text}" for text in (q.question_vi, q.question_en) if text]
        for p in q.params:
            default = "required" if p.required else f"default {p.default}"
            lines.append(f"    --param {p.name}=<{p.type}>  ({default}){'  ' + p.doc if p.doc else ''}")
    return "\n".join(lines) + "\n" if lines else "no saved queries found\n"


def parse_params(items: Iterable[str]) -> dict[str, str]:
    """``["province=Cần Thơ", "year=2019"]`` -> ``{"province": "Cần Thơ", "year": "2019"}``."""
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"bad parameter {item!r}: use NAME=VALUE")
        out[name.strip()] = value
    return out


#: What a reader of the summary's totals says when the store marks them stale.
STALE_TOTALS = ("the totals this query reads (st:summary) may not match the articles: a build, "
                "removal or update is running or was interrupted; when none is running, "
                "recompute them with `coopgraph totals` (or build again)")


def reads_summary(text: str) -> bool:
    """True when a query names the store's own namespace (``st:``), as those that read the
    summary's totals do (``pairs``, ``connected``, ``rollup_current``, ``funding_given``)."""
    from .store import STORE_NS

    return STORE_NS in text


def query_store(
    store_spec: Any,
    query: str | Path,
    params: Mapping[str, Any] | None = None,
    fmt: str = "table",
    *,
    limit: int | None = None,
    warn: Callable[[str], None] | None = None,
    **server_options: Any,
) -> str:
    """Open a store (a folder, read-only, or a SPARQL endpoint URL), run a query, format it.

    A query that reads the summary's totals while the store marks them stale gets its
    answer, and :data:`STALE_TOTALS` goes to ``warn``. ``server_options`` (``user``,
    ``password``, ``auth``, ``timeout``) go to the endpoint's client
    (:class:`~cooperation_graph.store.RemoteStore`); a folder ignores them."""
    from .store import open_store, read_retrying, totals_stale

    saved = load_query(query)  # a missing file or a bad parameter fails before the store opens
    bind(saved, params)
    if fmt not in RESULT_FORMATS + GRAPH_FORMATS:
        raise QueryError(f"unknown format {fmt!r} (use one of {', '.join(RESULT_FORMATS + GRAPH_FORMATS)})")
    remote = isinstance(store_spec, str) and re.match(r"https?://", store_spec)
    if not remote and isinstance(store_spec, (str, Path)) and not Path(store_spec).is_dir():
        raise QueryError(f"no store at {store_spec}: build one first (coopgraph build ...) or pass --store")
    check = reads_summary(saved.text)

    def read(store: Any) -> tuple[str, bool]:
        # the mark is read from the same handle (the same snapshot) as the answer
        text = format_result(run_query(store, saved, params, limit=limit), fmt)
        return text, check and totals_stale(store)

    if not remote and isinstance(store_spec, (str, Path)):
        # formatted inside: results are read lazily, and a build may compact the files away
        # under a read-only handle; the read is then run again on a fresh one
        text, stale = read_retrying(store_spec, read)
    else:
        text, stale = _read_closing(open_store(store_spec, **server_options), read)
    if stale and warn is not None:
        warn(STALE_TOTALS)
    return text


def _read_closing(store: Any, read: Callable[[Any], Any]) -> Any:
    """``read(store)``, then close the store."""
    try:
        return read(store)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            try:
                close()
            except (OSError, RuntimeError):  # flushing a read-only handle is refused: nothing to do
                pass


# ---------------------------------------------------------------------------------------------
# Formatting


def format_result(result: Result, fmt: str = "table") -> str:
    """The result as text: table, csv, tsv, json, xml; graphs as turtle, ntriples or jsonld
    (a graph asked for in a table format comes as Turtle)."""
    if result.kind == "graph":
        return format_graph(result, fmt if fmt in GRAPH_FORMATS else "turtle")
    writers = {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}
    if fmt not in writers:
        raise QueryError(f"unknown result format {fmt!r} (use one of {', '.join(RESULT_FORMATS)})")
    return writers[fmt](result)


def format_graph(result: Result, fmt: str = "turtle") -> str:
    """The triples of a CONSTRUCT/DESCRIBE result as Turtle, N-Triples or JSON-LD."""
    formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
    if fmt not in formats:
        raise QueryError(f"unknown graph format {fmt!r} (use one of {', '.join(GRAPH_FORMATS)})")
    prefixes = result.prefixes if fmt != "ntriples" else None
    data = ox.serialize(list(result.triples), format=formats[fmt], prefixes=prefixes or None)
    return data.decode("utf-8")


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {"subject": _json_term(term.subject), "predicate": _json_term(term.predicate), "object": _json_term(term.object)},
        }
    raise QueryError(f"cannot write term {term!r}")  # pragma: no cover


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON, one solution per line (diffs well, still plain JSON)."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    rows = [
        json.dumps({v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}, ensure_ascii=False)
        for row in result.rows
    ]
    head = json.dumps({"vars": list(result.variables)}, ensure_ascii=False)
    body = ",\n    ".join(rows)
    return f'{{\n  "head": {head},\n  "results": {{"bindings": [\n    {body}\n  ]}}\n}}\n' if rows else (
        f'{{\n  "head": {head},\n  "results": {{"bindings": []}}\n}}\n')


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{xml_escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{xml_escape(term.value)}</literal>"
        return f"<literal>{xml_escape(term.value)}</literal>"
    return f"<literal>{xml_escape(str(term))}</literal>"


def to_xml(result: Result) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "  <head>"]
    out += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
    out.append("  </head>")
    if result.kind == "ask":
        out.append(f"  <boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("  <results>")
        for row in result.rows:
            out.append("    <result>")
            out += [
                f"      <binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(result.variables, row)
                if t is not None
            ]
            out.append("    </result>")
        out.append("  </results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _plain(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def to_csv(result: Result) -> str:
    """SPARQL 1.1 CSV results: plain values, CRLF line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_plain(t) for t in row])
    return buf.getvalue()


def _tsv_term(term: Term | None) -> str:
    if term is None:
        return ""
    # N-Triples form; a tab or newline inside a literal must not break the row.
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 TSV results: terms in their Turtle/N-Triples form."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _table_prefixes(declared: Mapping[str, str]) -> dict[str, str]:
    """Our namespaces (``cg:``, ``id:``, ``schema:``, ...) and the query's own, which win."""
    from .vocab import DEFAULT_BASE, PREFIXES

    known = {**PREFIXES, "id": DEFAULT_BASE + "id/", "graph": DEFAULT_BASE + "graph/",
             "st": DEFAULT_BASE + "store#"}
    taken = set(declared.values())
    return {**{p: ns for p, ns in known.items() if ns not in taken}, **declared}


#: a column of money: thousands grouped in tables (``totalVnd``, ``amountVnd``, ``capitalVnd``)
_AMOUNT_COLUMN = re.compile(r"vnd|amount|capital", re.IGNORECASE)
_NUMBER_TYPES = {XSD + t for t in ("integer", "decimal", "long", "int", "nonNegativeInteger")}


def _amount_column(name: str, terms: Iterable[Term | None]) -> bool:
    """Named as money, or holding xsd:decimal values (how amounts are typed)."""
    if _AMOUNT_COLUMN.search(name):
        return True
    return any(isinstance(t, ox.Literal) and t.datatype.value == XSD + "decimal" for t in terms)


def _grouped(term: Term | None) -> str | None:
    """An integer-valued number as the views write it, ``14.500.000.000``; else None."""
    if not isinstance(term, ox.Literal) or term.datatype.value not in _NUMBER_TYPES:
        return None
    try:
        value = Decimal(term.value)
    except InvalidOperation:
        return None
    if not value.is_finite() or value != value.to_integral_value():
        return None
    return f"{int(value):,}".replace(",", ".")


def _short(term: Term | None, prefixes: Mapping[str, str]) -> str:
    if isinstance(term, ox.NamedNode):
        best = max(((p, ns) for p, ns in prefixes.items() if term.value.startswith(ns)), key=lambda x: len(x[1]), default=None)
        if best:
            return f"{best[0]}:{term.value[len(best[1]):]}"
        return f"<{term.value}>"
    return _plain(term).replace("\n", " ")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def to_table(result: Result, max_width: int = 60) -> str:
    """An aligned text table for people: IRIs shortened with the query's prefixes and ours,
    whole amounts of money grouped by thousands (``14.500.000.000``) and right-aligned."""
    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    prefixes = _table_prefixes(result.prefixes)
    money = [_amount_column(v, (row[i] for row in result.rows))
             for i, v in enumerate(result.variables)]
    cells = [[(money[i] and _grouped(t)) or _short(t, prefixes) for i, t in enumerate(row)]
             for row in result.rows]
    cells = [[c if _width(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    header = list(result.variables)
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(" " * (w - _width(v)) + v if right else v + " " * (w - _width(v))
                         for v, w, right in zip(values, widths, money)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    n = len(result.rows)
    out.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Comparing results (saved-query tests, benchmarks)


def read_expected(path: Path) -> Result:
    """An expected result file: ``.srj`` (SPARQL JSON results) or ``.ttl`` (a graph)."""
    if path.suffix == ".ttl":
        triples = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        return Result("graph", triples=tuple(triples))
    parsed = ox.parse_query_results(path=str(path), format=ox.QueryResultsFormat.JSON)
    return to_result(parsed)


def same_result(actual: Result, expected: Result, *, ordered: bool) -> bool:
    """Equal results: same variables and rows (as a multiset unless ``ordered``), or same graph."""
    if actual.kind != expected.kind:
        return False
    if actual.kind == "ask":
        return actual.boolean == expected.boolean
    if actual.kind == "graph":
        a = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in actual.triples)
        e = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in expected.triples)
        a.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        e.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        return sorted(map(str, a)) == sorted(map(str, e))
    if set(actual.variables) != set(expected.variables):
        return False
    order = [expected.variables.index(v) for v in actual.variables]

    def norm(res: Result, idx: list[int] | None) -> list[tuple[str, ...]]:
        rows = [tuple(str(r[i]) if r[i] is not None else "" for i in (idx or range(len(r)))) for r in res.rows]
        return rows if ordered else sorted(rows)

    return norm(actual, None) == norm(expected, order)
