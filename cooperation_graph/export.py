"""Write the graph out for other tools: RDF files, GraphML/GEXF for Gephi, CSV tables.

Every RDF format is written by Oxigraph's own serializer (rdflib's is ~70x slower on big
graphs) from *sorted canonical N-Triples / N-Quads lines*, so the same graph always gives the
same bytes: sorting lines of bytes is far cheaper than sorting term objects, and Oxigraph's
Turtle/TriG writers keep the input order (one ``;`` block per subject, one block per graph).
Graphs with blank nodes are first relabelled by RDFC-1.0 canonicalization.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .errors import StoreError
from .threshold import AboveConfidence
from .vocab import CG, DEFAULT_BASE, FOAF, ORG, PREFIXES, RDF, RDFS, SDO

RDF_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "ttl": (ox.RdfFormat.TURTLE, "graph.ttl"),
    "nt": (ox.RdfFormat.N_TRIPLES, "graph.nt"),
    "nq": (ox.RdfFormat.N_QUADS, "graph.nq"),
    "trig": (ox.RdfFormat.TRIG, "graph.trig"),
    "jsonld": (ox.RdfFormat.JSON_LD, "graph.jsonld"),
}
FORMATS = (*RDF_FORMATS, "graphml", "gexf", "csv")

_RDF_TYPE = str(RDF.type)
_LABELS = (str(RDFS.label), str(SDO.name), str(FOAF.name))
_EVIDENCE = str(CG.evidence)

#: CSV table name -> class IRI: one table per fact type.
CSV_TABLES: dict[str, str] = {
    "articles": str(CG.Article),
    "provinces": str(CG.Province),
    "officials": str(CG.Official),
    "memberships": str(ORG.Membership),
    "cooperations": str(CG.Cooperation),
    "agreements": str(CG.Agreement),
    "fundings": str(CG.Funding),
    "investments": str(CG.Investment),
    "events": str(CG.Event),
}


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes for short names in CSV / GraphML: the vocabularies plus ``id:`` and ``graph:``."""
    return {**PREFIXES, "id": f"{base}id/", "graph": f"{base}graph/"}


#: Prefixes written into Turtle / TriG: the vocabularies only. Our node IRIs have slashes in
#: their local part (``id:funding/K/H``), which Turtle must write as ``id:funding\/K\/H``;
#: full IRIs read better and every parser accepts them.
RDF_PREFIXES = dict(PREFIXES)


# --------------------------------------------------------------------------- canonical lines


def _canonical(quads: list[ox.Quad]) -> list[ox.Quad]:
    """Blank nodes relabelled by RDFC-1.0 so that labels do not depend on load order."""
    if not any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
               for q in quads):
        return quads
    ds = ox.Dataset(quads)
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return list(ds)


def _split(quads: Iterable[ox.Quad]) -> tuple[list[bytes], list[bytes]]:
    """Canonical N-Quads lines of the named graphs, and N-Triples lines of the default graph."""
    quads = _canonical(list(quads))
    named = [q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)]
    default = [q.triple for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    return ((ox.serialize(named, format=ox.RdfFormat.N_QUADS) or b"").splitlines(),
            (ox.serialize(default, format=ox.RdfFormat.N_TRIPLES) or b"").splitlines())


def data_lines(source: Any) -> tuple[list[bytes], list[bytes]]:
    """``(named, default)``: N-Quads lines of the named graphs, N-Triples lines of the default
    graph, canonical (blank nodes relabelled), the store's records left out.

    ``source`` is a store or an iterable of quads. The embedded store is dumped by Oxigraph
    itself (no Python object per quad): about 3x faster than iterating its quads.
    """
    if hasattr(source, "dump_lines"):
        named, default, maybe_blank = source.dump_lines()
        if not maybe_blank:
            return named, default
        return _split(ox.parse(b"\n".join(named + [b""]), format=ox.RdfFormat.N_QUADS))
    quads = source.quads() if hasattr(source, "quads") else source
    return _split(quads)


def _graph_of(line: bytes) -> bytes:
    # "<s> <p> o <g> ." -- a graph IRI has no space; literals are left of it
    return line.rsplit(b" ", 2)[1]


def _triple_of(line: bytes) -> bytes:
    return line.rsplit(b" ", 2)[0] + b" ."


def triple_chunks(source: Any) -> Iterable[list[bytes]]:
    """The distinct triples of all graphs as sorted canonical N-Triples lines, in chunks of
    whole subjects that come in order (the embedded store sorts a big graph range by range;
    anything else gives one chunk)."""
    chunks = source.sorted_triple_chunks() if hasattr(source, "sorted_triple_chunks") else None
    if chunks is not None:  # the embedded store: from the N-Triples kept at build time
        return chunks
    named, default = data_lines(source)
    return [sorted({_triple_of(line) for line in named}.union(default))]


def write_triples(source: Any, fmt: str, out: IO[bytes]) -> None:
    """Write the merged graphs as N-Triples (``nt``) or Turtle (``ttl``), chunk by chunk: a
    chunk holds whole subjects, so the pieces join into the Turtle of the whole."""
    for i, lines in enumerate(triple_chunks(source)):
        data = b"".join(line + b"\n" for line in lines)
        out.write(data if fmt == "nt" else _turtle(data, header=i == 0))


def sorted_ntriples(source: Any) -> bytes:
    """The distinct triples of all graphs as sorted canonical N-Triples."""
    buf = io.BytesIO()
    write_triples(source, "nt", buf)
    return buf.getvalue()


def sorted_nquads(source: Any) -> bytes:
    """Canonical N-Quads sorted by graph (default graph first), then by triple."""
    named, default = data_lines(source)
    lines = sorted(set(default)) + sorted(set(named), key=lambda line: (_graph_of(line), line))
    return b"".join(line + b"\n" for line in lines)


def serialize_quads(source: Any, fmt: str, *, base: str = DEFAULT_BASE) -> bytes:
    """Stable bytes of a store's (or quads') data in an RDF format; ttl and nt merge the graphs."""
    if fmt not in RDF_FORMATS:
        raise StoreError(f"unknown RDF format {fmt!r} (use one of {', '.join(RDF_FORMATS)})")
    rdf_format = RDF_FORMATS[fmt][0]
    if fmt in ("nt", "ttl"):
        buf = io.BytesIO()
        write_triples(source, fmt, buf)
        return buf.getvalue()
    if fmt == "nq":
        return sorted_nquads(source)
    parsed = ox.parse(sorted_nquads(source), format=ox.RdfFormat.N_QUADS)
    if fmt == "trig":
        return ox.serialize(parsed, format=rdf_format, prefixes=RDF_PREFIXES) or b""
    return ox.serialize(parsed, format=rdf_format) or b""


def _turtle(ntriples: bytes, *, header: bool) -> bytes:
    """Turtle of sorted N-Triples lines; ``header=False`` leaves out the ``@prefix`` lines (a
    later chunk of the same file)."""
    ttl = ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES),
                       format=ox.RdfFormat.TURTLE, prefixes=RDF_PREFIXES) or b""
    if header:
        return ttl
    lines = ttl.split(b"\n")
    start = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(lines[start:])


# --------------------------------------------------------------------------- networkx


def _short(iri: str, pfx: Mapping[str, str]) -> str:
    best = ""
    for name, ns in pfx.items():
        if iri.startswith(ns) and len(ns) > len(pfx.get(best, "")):
            best = name
    return f"{best}:{iri[len(pfx[best]):]}" if best else iri


_SCALARS = (str, int, float, bool)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


def _attribute(value: Any) -> Any:
    """One attribute as Gephi and other tools can read it: a plain value (dates as ISO text),
    or JSON for anything else -- lists (``articles``, ``posts``) and nested data
    (``evidence``: a list of dicts) -- never a Python repr."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (date, datetime, Decimal)):
        return _json_default(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)


def _writable(graph: Any) -> Any:
    """A copy GraphML/GEXF can write (no None, lists and nested values as JSON), nodes and
    edges sorted so the same graph gives the same file."""

    def clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
        return {str(k): _attribute(v) for k, v in attrs.items() if v is not None}

    copy = graph.__class__()
    copy.add_nodes_from(sorted(((n, clean(a)) for n, a in graph.nodes(data=True)),
                               key=lambda item: str(item[0])))
    if graph.is_multigraph():
        edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
        copy.add_edges_from((u, v, k, clean(a)) for u, v, k, a in edges)
    else:
        edges = sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
        copy.add_edges_from((u, v, clean(a)) for u, v, a in edges)
    return copy



# --------------------------------------------------------------------------- CSV


_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _value(term: Any) -> str:
    """The lexical form; booleans canonical (Virtuoso's SELECT results say 0/1)."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.datatype.value == _BOOLEAN:
        return {"1": "true", "0": "false"}.get(term.value, term.value)
    return term.value


def csv_tables(store: Any, *, base: str = DEFAULT_BASE) -> dict[str, str]:
    """CSV text per fact type: one row per node of the class, one column per property.

    Objects that belong to the node (``#amount``-style IRIs, evidence) are flattened into
    ``property.subproperty`` columns; objects with a label get an extra ``property_label``
    column. Multiple values are joined with `` | ``; rows and columns are sorted.
    """
    pfx = prefixes(base)
    label_rows = store.query(
        "SELECT ?s ?l WHERE { GRAPH ?g { ?s <%s> ?l } FILTER(LANG(?l) = 'vi' || LANG(?l) = '') }"
        % _LABELS[0])
    label_of: dict[str, str] = {}
    for sol in label_rows:
        s, lbl = sol["s"].value, sol["l"].value
        if s not in label_of or lbl < label_of[s]:
            label_of[s] = lbl
    tables: dict[str, str] = {}
    for name, cls in CSV_TABLES.items():
        res = store.query(
            f"SELECT ?s ?g ?p ?o ?q ?v WHERE {{ GRAPH ?g {{ ?s a <{cls}> ; ?p ?o . "
            f"OPTIONAL {{ ?o ?q ?v FILTER(isIRI(?o) && (STRSTARTS(STR(?o), CONCAT(STR(?s), '#')) "
            f"|| ?p = <{_EVIDENCE}>)) }} }} }}")
        rows: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for sol in res:
            s, p, o = sol["s"].value, _short(sol["p"].value, pfx), sol["o"]
            row = rows[s]
            row["graph"].add(_value(sol["g"]))
            if sol["p"].value == _RDF_TYPE:
                row["type"].add(_short(o.value, pfx))
                continue
            col = p.split(":", 1)[-1]
            if sol["q"] is not None:
                if sol["q"].value != _RDF_TYPE:
                    row[f"{col}.{_short(sol['q'].value, pfx).split(':', 1)[-1]}"].add(
                        _value(sol["v"]))
                continue
            row[col].add(_value(o))
            if isinstance(o, ox.NamedNode):  # "iri\tlabel": labels sort in the order of the IRIs
                row[f"{col}_label"].add(f"{o.value}\t{label_of.get(o.value, '')}")
        labelled = {c for r in rows.values() for c, vs in r.items()
                    if c.endswith("_label") and any(not v.endswith("\t") for v in vs)}
        for r in rows.values():
            for c in [c for c in r if c.endswith("_label")]:
                if c in labelled:
                    r[c] = [v.split("\t", 1)[1] for v in sorted(r[c])]  # type: ignore[assignment]
                else:
                    del r[c]
        columns = sorted({c for r in rows.values() for c in r} - {"graph", "type"})
        header = ["iri", "type", *columns, "graph"]
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        for s in sorted(rows):
            r = rows[s]
            writer.writerow([s] + [" | ".join(r[c] if isinstance(r.get(c), list) else sorted(r.get(c, ())))
                                   for c in header[1:]])
        tables[name] = buf.getvalue()
    return tables


# --------------------------------------------------------------------------- entry point


def export(store: Any, fmt: str, out_dir: str | Path = "output", *,
           base: str = DEFAULT_BASE, min_confidence: float | None = None) -> Path:
    """Write the store's data in ``fmt`` under ``out_dir``; return the file (folder for csv).

    With ``min_confidence`` the facts below it are left out (see :mod:`threshold`)."""
    fmt = fmt.lower().lstrip(".")
    fmt = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json-ld": "jsonld"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    if min_confidence is not None and not isinstance(store, AboveConfidence):
        store = AboveConfidence(store, min_confidence)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        folder = out / "csv"
        folder.mkdir(exist_ok=True)
        for name, text in csv_tables(store, base=base).items():
            (folder / f"{name}.csv").write_text(text, encoding="utf-8")
        return folder
    if fmt in RDF_FORMATS:
        path = out / RDF_FORMATS[fmt][1]
        if fmt in ("ttl", "nt"):  # written range by range: a big graph is never whole in memory
            with path.open("wb") as fh:
                write_triples(store, fmt, fh)
        else:
            path.write_bytes(serialize_quads(store, fmt, base=base))
        return path
    import networkx as nx

    from .projection import rdf_to_networkx

    graph = _writable(rdf_to_networkx(store))
    path = out / f"graph.{fmt}"
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    else:
        nx.write_gexf(graph, path)
    return path
