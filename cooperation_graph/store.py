"""Where the graph lives: an embedded Oxigraph store on disk, or any SPARQL 1.1 server.

Both implement :class:`GraphStore`. The unit of writing is a :class:`Unit`: one named graph
(an article, or the gazetteer) plus a small record of it (id, content key, hash of its
triples, source path) kept in the store itself, in the named graph :data:`META_GRAPH`, which
exports leave out. Writing a unit replaces its graph and its record together:

* embedded: new graphs in one call of Oxigraph's bulk loader (one atomic RocksDB ingestion),
  replacements in one SPARQL Update transaction; so a build killed at any point leaves whole
  units only, and the next build resumes where it stopped;
* remote: the record is deleted first and written last, so a unit interrupted half way has no
  record and is rewritten by the next build. With a Graph Store endpoint each graph is
  replaced by one atomic ``PUT``.

A unit whose triples hash to the recorded value is skipped: nothing is written. Units travel
as sorted canonical N-Triples bytes (:func:`make_unit`), which is also what is hashed and
what the stores load, so the writing process never builds Python term objects. The embedded
store also keeps these bytes, compressed, in the record: exports read them instead of
decoding every quad (see :meth:`EmbeddedStore.sorted_triple_chunks`).

Two graphs are bookkeeping, never exported: the records, and the summary (:mod:`summary`),
totals recomputed after every build and removal. Before a write first changes the articles,
the records graph gets a mark that the totals are stale (:func:`mark_totals_stale`); only
recomputing them takes it away, so a reader of the totals can tell when they lag behind
the articles (a build running, or one that was killed): :func:`totals_stale`.
"""

from __future__ import annotations

import base64
import bisect
import dataclasses
import hashlib
import itertools
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pyoxigraph as ox

from . import snapshots
from .errors import CooperationGraphError, StoreError

DEFAULT_STORE = Path("output/store")

#: Bookkeeping terms of the store (not part of the published ontology, never exported).
STORE_NS = "https://w3id.org/coopgraph/store#"
META_GRAPH = ox.NamedNode(STORE_NS + "records")
#: Totals derived from the articles (see :mod:`summary`); a unit, but never exported.
SUMMARY_GRAPH = ox.NamedNode(STORE_NS + "summary")
_ID = ox.NamedNode(STORE_NS + "unitId")
_KIND = ox.NamedNode(STORE_NS + "kind")
_CONTENT_HASH = ox.NamedNode(STORE_NS + "contentHash")
_GRAPH_HASH = ox.NamedNode(STORE_NS + "graphHash")
_SOURCE = ox.NamedNode(STORE_NS + "source")
#: The unit's canonical N-Triples, zlib-compressed, as xsd:base64Binary (embedded store only).
_PAYLOAD = ox.NamedNode(STORE_NS + "payload")
_BASE64 = ox.NamedNode("http://www.w3.org/2001/XMLSchema#base64Binary")
#: The mark that the summary's totals may not follow the articles (in the records graph; all
#: IRIs, which every store keeps as written).
_STALE = (f"<{STORE_NS}totals> <{STORE_NS}state> <{STORE_NS}stale>", META_GRAPH.value)
_RECORD_FIELDS = {_ID.value: "id", _KIND.value: "kind", _CONTENT_HASH.value: "content_hash",
                  _GRAPH_HASH.value: "graph_hash", _SOURCE.value: "source"}

#: Virtuoso rejects an INSERT DATA of more than about 1,000 triples (SP031).
UPDATE_BATCH = 1000
#: Largest bulk-loader call of the embedded store (Oxigraph's loader batch is 1M quads).
BULK_MAX = 500_000
#: A build that writes this many units compacts the embedded store at the end (see
#: :meth:`EmbeddedStore.compact`).
COMPACT_AFTER = 1000
#: Bytes of N-Triples sorted in memory at once by an export (a range of subjects).
EXPORT_CHUNK_BYTES = 64_000_000


# --------------------------------------------------------------------------- data classes


@dataclass(frozen=True)
class Unit:
    """One named graph to write as a whole, with what identifies it.

    The content is ``quads`` or, cheaper to pass between processes and to write,
    ``ntriples``: the graph's triples as sorted canonical N-Triples (see :func:`make_unit`).
    Blank nodes are refused: labels would clash between units loaded separately.
    """

    graph: str
    quads: Sequence[ox.Quad] = ()
    id: str = ""
    content_hash: str = ""
    source: str | None = None
    kind: str = "article"
    graph_hash: str = ""
    ntriples: bytes = b""
    compressed: bytes = b""  # zlib of ``ntriples``, made where the unit is packed (a worker)

    def payload(self) -> bytes:
        """The sorted canonical N-Triples of the unit's graph, one ``\\n``-ended line each."""
        return self.ntriples or canonical_ntriples(_in_graph(self))

    def fingerprint(self) -> str:
        """The recorded hash of the content (computed when not given)."""
        return self.graph_hash or hashlib.sha256(self.payload()).hexdigest()

    def size(self) -> int:
        return len(self.quads) if self.quads else self.ntriples.count(b"\n")

    def packed(self) -> Unit:
        """The same unit carrying only its N-Triples bytes and their hash."""
        if self.ntriples and self.graph_hash and self.compressed:
            return self
        data = self.payload()
        return dataclasses.replace(self, quads=(), ntriples=data,
                                   graph_hash=hashlib.sha256(data).hexdigest(),
                                   compressed=zlib.compress(data, 1))


def make_unit(graph: str, quads: Iterable[ox.Quad], **fields: Any) -> Unit:
    """A packed Unit (bytes and hash): what a worker process should send back; pickling
    pyoxigraph terms costs ~20x more than these bytes."""
    return Unit(graph, list(quads), **fields).packed()


@dataclass(frozen=True)
class UnitRecord:
    """What the store remembers of a unit it holds."""

    graph: str
    id: str = ""
    kind: str = ""
    content_hash: str = ""
    graph_hash: str = ""
    source: str | None = None


@dataclass(frozen=True)
class Failed:
    """An input that could not be turned into a unit; a pipeline may yield it to ``build``."""

    source: str
    message: str


@dataclass
class BuildReport:
    """What a build did."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    gated: int = 0  # read, and set aside by the relevance gate (recorded, no graph)
    failed: list[tuple[str, str]] = field(default_factory=list)
    quads_written: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # e.g. articles with no cooperation facts
    summary_seconds: float = 0.0  # recomputing the summary graph's totals at the end
    compact_seconds: float = 0.0  # compacting the store's files after a big build

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        """One line for humans, then one line per failure."""
        gated = f", {self.gated} set aside by the relevance gate" if self.gated else ""
        line = (f"{self.added} added, {self.replaced} replaced{gated}, {self.skipped} unchanged, "
                f"{len(self.failed)} failed; {self.quads_written} quads written in "
                f"{self.seconds:.1f} s")
        if self.summary_seconds:
            line += f"; totals recomputed in {self.summary_seconds:.1f} s"
        if self.compact_seconds:
            line += f"; store compacted in {self.compact_seconds:.1f} s"
        return "\n".join([line] + [f"failed: {src}: {msg}" for src, msg in self.failed])


def canonical_ntriples(quads: Iterable[ox.Quad]) -> bytes:
    """The quads' distinct triples as sorted canonical N-Triples (graph names dropped)."""
    data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES) or b""
    return b"".join(line + b"\n" for line in sorted(set(data.splitlines())))


def graph_hash(quads: Iterable[ox.Quad]) -> str:
    """sha256 of :func:`canonical_ntriples`: equal for equal graphs, whatever the order."""
    return hashlib.sha256(canonical_ntriples(quads)).hexdigest()


def _record_quads(unit: Unit, payload: bool = False) -> list[ox.Quad]:
    g = ox.NamedNode(unit.graph)
    values = [(_ID, unit.id), (_KIND, unit.kind), (_CONTENT_HASH, unit.content_hash),
              (_GRAPH_HASH, unit.fingerprint())]
    if unit.source:
        values.append((_SOURCE, unit.source))
    quads = [ox.Quad(g, p, ox.Literal(v), META_GRAPH) for p, v in values]
    if payload:
        packed = base64.b64encode(unit.compressed or zlib.compress(unit.payload(), 1)).decode("ascii")
        quads.append(ox.Quad(g, _PAYLOAD, ox.Literal(packed, datatype=_BASE64), META_GRAPH))
    return quads


def _records_nquads(units: Iterable[Unit], payload: bool = False) -> bytes:
    return ox.serialize([q for u in units for q in _record_quads(u, payload)],
                        format=ox.RdfFormat.N_QUADS) or b""


def _records_triples(units: Iterable[Unit], payload: bool = False) -> str:
    data = ox.serialize([q.triple for u in units for q in _record_quads(u, payload)],
                        format=ox.RdfFormat.N_TRIPLES) or b""
    return data.decode()


def _in_graph(unit: Unit) -> list[ox.Quad]:
    """The unit's quads, all in the unit's graph (default-graph quads are moved there)."""
    g = ox.NamedNode(unit.graph)
    out = []
    for q in unit.quads:
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            raise StoreError(f"unit {unit.graph}: blank node {q.subject if isinstance(q.subject, ox.BlankNode) else q.object}"
                             " (mint an IRI: blank nodes of separate units would clash)")
        if q.graph_name == g:
            out.append(q)
        elif isinstance(q.graph_name, ox.DefaultGraph):
            out.append(ox.Quad(q.subject, q.predicate, q.object, g))
        else:
            raise StoreError(f"unit {unit.graph}: a quad is in another graph ({q.graph_name})")
    return out


def _records_from_rows(rows: Iterable[tuple[str, str, str]]) -> dict[str, UnitRecord]:
    fields: dict[str, dict[str, str]] = {}
    for g, p, o in rows:
        name = _RECORD_FIELDS.get(p)
        if name:
            fields.setdefault(g, {})[name] = o
    return {g: UnitRecord(graph=g, **f) for g, f in fields.items()}  # type: ignore[arg-type]


def mark_totals_stale(store: Any) -> None:
    """Record in ``store`` that its totals may not follow its articles: called before a write
    first changes them, so that readers see the mark as soon as they could see a new article."""
    triple, graph = _STALE
    store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ {triple} }} }}")


def clear_totals_stale(store: Any) -> None:
    """Take the mark away (once the totals have been recomputed from the articles)."""
    triple, graph = _STALE
    store.update(f"DELETE DATA {{ GRAPH <{graph}> {{ {triple} }} }}")


def totals_stale(store: Any) -> bool:
    """True while the summary's totals may lag behind the articles: a build, removal or update
    is writing, or one was stopped before it recomputed them. ``store`` is anything with
    ``query`` (a pyoxigraph Store too)."""
    triple, graph = _STALE
    return bool(store.query(f"ASK {{ GRAPH <{graph}> {{ {triple} }} }}"))


def _matches(record: UnitRecord, key: str) -> bool:
    if key in (record.graph, record.id):
        return True
    if record.source:
        if record.source == key:
            return True
        try:
            return Path(record.source).resolve() == Path(key).resolve()
        except OSError:
            return False
    return False


# --------------------------------------------------------------------------- interface


@runtime_checkable
class GraphStore(Protocol):
    """What the rest of the package needs from a triple store."""

    def records(self, graphs: Iterable[str] | None = None) -> dict[str, UnitRecord]:
        """Records of the given unit graphs (all units when ``graphs`` is None)."""
        ...

    def write_units(self, units: Sequence[Unit]) -> int:
        """Replace each unit's graph and record; return the number of quads written."""
        ...

    def remove_graphs(self, graphs: Sequence[str]) -> None:
        """Drop these unit graphs and their records."""
        ...

    def query(self, sparql: str) -> Any:
        """Run a SPARQL query: pyoxigraph QuerySolutions, QueryBoolean or an iterator of Triples."""
        ...

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the data (the store's own records left out)."""
        ...

    def close(self) -> None:
        ...


class _StoreBase:
    """Operations written once on top of the primitives of :class:`GraphStore`."""

    def replace_article(self, graph_iri: str, quads: Sequence[ox.Quad], content_hash: str,
                        meta: Mapping[str, str] | None = None) -> bool:
        """Write one article as a unit unless its quads are unchanged; True when written."""
        meta = dict(meta or {})
        unit = Unit(graph_iri, quads, id=meta.get("id", graph_iri), content_hash=content_hash,
                    source=meta.get("source"), kind=meta.get("kind", "article"))
        rec = self.records([graph_iri]).get(graph_iri)  # type: ignore[attr-defined]
        if rec and rec.graph_hash == unit.fingerprint():
            return False
        self.write_units([unit])  # type: ignore[attr-defined]
        return True

    def remove_article(self, key: str | Path) -> list[str]:
        """Take out every unit whose id, graph IRI or source path is ``key``; return their graphs."""
        key = str(key)
        graphs = sorted(g for g, r in self.records().items()  # type: ignore[attr-defined]
                        if r.kind != "summary" and _matches(r, key))
        if not graphs:
            raise StoreError(f"no article with id, graph or path {key!r} in the store")
        mark_totals_stale(self)  # until refresh has run, readers are told the totals lag
        self.remove_graphs(graphs)  # type: ignore[attr-defined]
        from .summary import refresh

        refresh(self)  # the totals follow the articles (and the mark goes)
        return graphs

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts of variable name -> pyoxigraph term (None when unbound)."""
        res = self.query(sparql)  # type: ignore[attr-defined]
        names = [v.value for v in res.variables]
        return [{n: sol[n] for n in names} for sol in res]

    def dump(self, fmt: str = "nq") -> bytes:
        """The data (records left out) in an RDF format; see :mod:`export` for stable output."""
        from .export import serialize_quads

        return serialize_quads(self, fmt)

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- embedded


class EmbeddedStore(_StoreBase):
    """A pyoxigraph Store in a folder (created when missing, unless ``create`` is False)."""

    def __init__(self, path: str | Path = DEFAULT_STORE, *, read_only: bool = False,
                 bulk: bool = True, create: bool = True) -> None:
        self.path = Path(path)
        self.bulk = bulk
        try:
            if (read_only or not create) and not (self.path / "CURRENT").exists():
                raise StoreError(f"no store at {self.path} (build one first: coopgraph build PATH)")
            if read_only:  # works beside a writer: reads its newest snapshot (see snapshots.py)
                self._store, self._release = _open_read_only(self.path)
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
                self._dirty = True  # a writer killed before publishing may have left writes behind
        except PermissionError as exc:
            raise StoreError(f"{exc.filename or self.path}: permission denied (cannot open the store)") from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot open store {self.path}: {storage_problem(exc)}") from exc

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph Store (for fast paths: dump, bulk reads)."""
        return self._store

    def records(self, graphs: Iterable[str] | None = None) -> dict[str, UnitRecord]:
        st = self._store
        fields = [ox.NamedNode(p) for p in _RECORD_FIELDS]  # not the payloads: never decoded here
        if graphs is None:
            quads: Iterable[ox.Quad] = (q for p in fields
                                        for q in st.quads_for_pattern(None, p, None, META_GRAPH))
        else:
            quads = (q for g in graphs for p in fields
                     for q in st.quads_for_pattern(ox.NamedNode(g), p, None, META_GRAPH))
        return _records_from_rows((q.subject.value, q.predicate.value, q.object.value)
                                  for q in quads)

    def content_hashes(self) -> dict[str, str]:
        """Graph -> recorded content hash of every unit: one index scan (the whole records of a
        50 000-article store take five times longer to read)."""
        return {q.subject.value: q.object.value
                for q in self._store.quads_for_pattern(None, _CONTENT_HASH, None, META_GRAPH)}

    def write_units(self, units: Sequence[Unit]) -> int:
        """All units at once: none of them or all of them are written.

        Only new graphs: one call of Oxigraph's bulk loader, about 2x faster than a
        transaction. It writes sorted files for every index and adds them to the database in
        one RocksDB ingestion at the end of the call (one call of less than 1M quads is one
        batch of the loader), so a process killed during the call leaves none of them.
        Replacements: one SPARQL Update (one transaction) that drops and inserts.
        """
        if not units:
            return 0
        if sum(u.size() for u in units) > BULK_MAX and len(units) > 1:
            half = len(units) // 2  # keep each call one loader batch; units stay whole
            return self.write_units(units[:half]) + self.write_units(units[half:])
        payloads = [(u, u.payload()) for u in units]
        records = _records_nquads(units, payload=True)
        replacing = [u.graph for u in units if self._holds(u.graph)]
        try:
            if not replacing:
                # N-Triples -> N-Quads by plain byte replacement: in canonical N-Triples every
                # line ends with " .\n" and no literal holds a raw newline.
                blob = b"".join(data.replace(b" .\n", f" <{u.graph}> .\n".encode())
                                for u, data in payloads) + records
                load = self._store.bulk_load if self.bulk else self._store.load
                load(blob, format=ox.RdfFormat.N_QUADS)
            else:
                # Removal and insertion must share one transaction: one SPARQL Update request.
                ops = [f"DROP SILENT GRAPH <{g}> ;\nDELETE WHERE {{ GRAPH <{META_GRAPH.value}> "
                       f"{{ <{g}> ?p ?o }} }}" for g in replacing]
                body = "\n".join(f"GRAPH <{u.graph}> {{\n{data.decode()}}}" for u, data in payloads)
                body += f"\nGRAPH <{META_GRAPH.value}> {{\n{_records_triples(units, payload=True)}}}"
                ops.append(f"INSERT DATA {{\n{body}\n}}")
                self._store.update(" ;\n".join(ops))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
        self.publish()
        return sum(data.count(b"\n") for _, data in payloads) + records.count(b"\n")

    def patch_unit(self, unit: Unit) -> int | None:
        """Replace a unit the store holds by writing only the triples that changed (one SPARQL
        Update: the lines taken away, the lines added, the record with its new kept N-Triples);
        the number of lines written, or None when it holds no kept N-Triples of it or when more
        than half of them change (then a whole rewrite is cheaper)."""
        old = next(self._store.quads_for_pattern(ox.NamedNode(unit.graph), _PAYLOAD, None, META_GRAPH), None)
        if old is None:
            return None
        before = set(zlib.decompress(base64.b64decode(old.object.value)).splitlines())
        after = set(unit.payload().splitlines())
        gone, new = before - after, after - before
        if len(gone) + len(new) > len(before) // 2:
            return None
        g = unit.graph
        ops = []
        if gone:
            lines = b"".join(x + b"\n" for x in gone).decode()
            ops.append(f"DELETE DATA {{ GRAPH <{g}> {{\n{lines}}} }}")
        ops.append(f"DELETE WHERE {{ GRAPH <{META_GRAPH.value}> {{ <{g}> ?p ?o }} }}")
        body = b"".join(x + b"\n" for x in new).decode()
        ops.append(f"INSERT DATA {{ GRAPH <{g}> {{\n{body}}}\n"
                   f"GRAPH <{META_GRAPH.value}> {{\n{_records_triples([unit], payload=True)}}} }}")
        try:
            self._store.update(" ;\n".join(ops))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
        self.publish()
        return len(gone) + len(new)

    def compact(self) -> None:
        """Merge the store's files (RocksDB full compaction).

        Every bulk load adds sorted files that a lookup must each consult, and only a process
        that keeps the store open for writing compacts them in the background: queries (which
        open it read-only) never do. After 10 000 articles a compaction takes 4 s and makes
        the saved queries 1.2–1.8× faster (50 000 articles: 27 s, up to 5×)."""
        try:
            self._store.optimize()
        except OSError as exc:
            raise StoreError(f"cannot compact store {self.path}: {exc}") from exc
        self.publish()

    def publish(self) -> None:
        """Make what was written visible to readers: a new snapshot (see :mod:`snapshots`)."""
        try:
            snapshots.publish(self._store, self.path)
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
        self._dirty = False

    def _holds(self, graph: str) -> bool:
        g = ox.NamedNode(graph)
        return self._store.contains_named_graph(g) or next(
            self._store.quads_for_pattern(g, None, None, META_GRAPH), None) is not None

    def remove_graphs(self, graphs: Sequence[str]) -> None:
        ops = [f"DROP SILENT GRAPH <{g}> ;\nDELETE WHERE {{ GRAPH <{META_GRAPH.value}> "
               f"{{ <{g}> ?p ?o }} }}" for g in graphs]
        if ops:
            try:
                self._store.update(" ;\n".join(ops))
            except OSError as exc:
                raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
            self._dirty = True

    def query(self, sparql: str) -> Any:
        return self._store.query(sparql)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (one transaction)."""
        self._store.update(sparql)
        self._dirty = True

    def quads(self) -> Iterator[ox.Quad]:
        return (q for q in self._store.quads_for_pattern(None, None, None, None)
                if q.graph_name not in _NOT_DATA)

    def dump_lines(self) -> tuple[list[bytes], list[bytes], bool]:
        """N-Quads lines of the named graphs, N-Triples lines of the default graph (records
        left out), and whether there may be blank nodes; dumped by Oxigraph itself, with no
        Python object per quad (see :func:`export.data_lines`)."""
        bookkeeping = tuple(b" " + str(g).encode() + b" ." for g in _NOT_DATA)
        default_data = self._store.dump(format=ox.RdfFormat.N_TRIPLES,
                                        from_graph=ox.DefaultGraph()) or b""
        default = default_data.splitlines()
        skip = set(default)
        data = self._store.dump(format=ox.RdfFormat.N_QUADS) or b""
        named = [line for line in data.splitlines()
                 if not line.endswith(bookkeeping) and line not in skip]
        return named, default, b"_:" in data

    def sorted_triple_chunks(self, chunk_bytes: int | None = None) -> Iterator[list[bytes]] | None:
        """Every data triple (records and summary left out) as sorted, distinct canonical
        N-Triples lines, in chunks of whole subjects that come in order: their concatenation is
        the whole sorted set. None when there may be blank nodes (they need relabelling).

        Decoding quads off disk costs ~6 µs each (Oxigraph reads every term's text from
        RocksDB), so each unit's canonical N-Triples are kept compressed in its record when it
        is written (:data:`_PAYLOAD`) and read back here, one unit at a time. A big store is
        sorted in subject ranges (boundaries sampled from the first units) through temporary
        files, so memory holds one range, not the whole graph (50 000 articles: 0.7 GB, 5.8 GB
        when it was sorted whole).
        Graphs without kept N-Triples (an older store, or changed by a SPARQL Update) are
        dumped, in two threads (Oxigraph releases the GIL while it dumps).
        """
        graphs = set(self.graphs())
        # the graph names only: iterating the quads would decode every payload here as well
        kept = [row["g"].value for row in self._store.query(
            f"SELECT ?g WHERE {{ GRAPH <{META_GRAPH.value}> {{ ?g <{_PAYLOAD.value}> ?p }} }}")
            if row["g"].value in graphs]
        missing = sorted(graphs - set(kept))
        parts = [missing[i::2] for i in range(2)] if len(missing) > 100 else [missing]
        parts.append([None])  # the default graph
        dumped: list[list[bytes]] = []
        with ThreadPoolExecutor(len(parts)) as pool:
            for data in pool.map(self._dump_graphs, parts):
                if b"_:" in data:
                    return None
                dumped.append(sorted(data.splitlines()))
        return _sorted_chunks(self._kept_runs(kept), dumped, len(kept), chunk_bytes or EXPORT_CHUNK_BYTES)

    def _kept_runs(self, graphs: list[str]) -> Iterator[list[bytes]]:
        """The kept N-Triples of these graphs, one sorted list of lines per graph."""
        for g in graphs:
            for q in self._store.quads_for_pattern(ox.NamedNode(g), _PAYLOAD, None, META_GRAPH):
                yield zlib.decompress(base64.b64decode(q.object.value)).splitlines()

    def _dump_graphs(self, graphs: Sequence[str | None]) -> bytes:
        return b"".join(self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=(
            ox.NamedNode(g) if g else ox.DefaultGraph())) or b"" for g in graphs)

    def drop_payloads(self) -> None:
        """Forget the kept N-Triples (after graphs were changed by a SPARQL Update)."""
        self._store.update(f"DELETE WHERE {{ GRAPH <{META_GRAPH.value}> {{ ?g <{_PAYLOAD.value}> ?p }} }}")
        self._dirty = True

    def graphs(self) -> list[str]:
        """Names of the data graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g not in _NOT_DATA)

    def __len__(self) -> int:
        return sum(1 for _ in self.quads())

    def close(self) -> None:
        """Flush and release the folder's lock (closing twice is harmless)."""
        if self.__dict__.get("_dirty") and "_store" in self.__dict__:
            self.publish()
        store = self.__dict__.pop("_store", None)
        if store is not None:
            try:
                store.flush()
            except (OSError, RuntimeError):  # read-only stores cannot flush
                pass
        self.__dict__.pop("_release", snapshots.release_nothing)()


_NOT_DATA = (META_GRAPH, SUMMARY_GRAPH)

#: Attempts of a read on a read-only handle whose files a writer compacted away (see
#: :func:`read_retrying`), and the first pause between them (doubled each time).
READ_ATTEMPTS = 7
READ_PAUSE = 0.05


def is_vanished_files(exc: BaseException) -> bool:
    """True for RocksDB's complaint that files of its snapshot are gone: a read-only handle
    opened before a writer (``coopgraph build``) compacted them. Reopening sees the new files."""
    text = str(exc)
    return isinstance(exc, (OSError, RuntimeError)) and ("Corruption" in text or "No such file" in text)


def storage_problem(exc: BaseException) -> str:
    """One line saying what is wrong with a store that cannot be read."""
    text = " ".join(str(exc).split())
    if is_vanished_files(exc):
        return (f"its files are damaged or missing ({text[:200]}); if no build was running, "
                "build again into a new folder")
    lock = " (is another coopgraph process, e.g. `serve`, using it?)" if "lock" in text.lower() else ""
    return f"{text[:300]}{lock}"


def _open_read_only(path: Path) -> tuple[ox.Store, Callable[[], None]]:
    """A read-only handle on the store's newest snapshot, and what releases the snapshot when
    the handle is closed; retried while a writer is replacing the files it would open."""
    pause = READ_PAUSE
    for attempt in range(READ_ATTEMPTS):
        folder, release = snapshots.pin(path)
        try:
            return ox.Store.read_only(str(folder)), release
        except (OSError, RuntimeError) as exc:
            release()
            if attempt == READ_ATTEMPTS - 1 or not is_vanished_files(exc) or isinstance(exc, PermissionError):
                raise
        time.sleep(pause)
        pause *= 2
    raise AssertionError("unreachable")


def read_retrying(path: str | Path, read: Callable[[EmbeddedStore], Any]) -> Any:
    """``read(store)`` on a fresh read-only handle of the store at ``path``; when the files of
    its snapshot vanish under it (a build compacting them), the store is reopened and the read
    run again, up to :data:`READ_ATTEMPTS` times. ``read`` must finish its reading (no lazy
    results) before it returns. Fails with a one-line StoreError, never a storage traceback."""
    pause = READ_PAUSE
    for attempt in range(READ_ATTEMPTS):
        try:
            store = EmbeddedStore(path, read_only=True)
        except StoreError as exc:  # even opening can meet files a compaction just removed
            if exc.__cause__ is None or not is_vanished_files(exc.__cause__) or attempt == READ_ATTEMPTS - 1:
                raise
            time.sleep(pause)
            pause *= 2
            continue
        try:
            return read(store)
        except (OSError, RuntimeError, CooperationGraphError) as exc:
            # a package error (e.g. QueryError) may carry the storage error as its cause
            cause = exc.__cause__ if isinstance(exc, CooperationGraphError) else exc
            if cause is None or not is_vanished_files(cause) or isinstance(cause, PermissionError):
                raise
            if attempt == READ_ATTEMPTS - 1:
                raise StoreError(f"cannot read store {path}: {storage_problem(cause)}") from exc
        finally:
            store.close()
        time.sleep(pause)
        pause *= 2
    raise AssertionError("unreachable")


def _sorted_chunks(runs: Iterator[list[bytes]], extra: list[list[bytes]], n_runs: int,
                   chunk_bytes: int) -> Iterator[list[bytes]]:
    """Sorted, distinct lines of all ``runs`` (each sorted) and ``extra``, in subject ranges.

    The first runs (up to 200) are read to sample subjects and estimate the size; when the
    whole fits in ``chunk_bytes`` it is sorted in memory, else every run is cut at the range
    boundaries (a bisect per boundary: runs are sorted) and the pieces appended to one
    temporary file per range, each then sorted on its own.
    """
    sample = list(itertools.islice(runs, 200)) + extra
    size = sum(len(line) + 1 for run in sample for line in run)
    estimate = size * max(1, n_runs) / max(1, min(n_runs, 200)) if n_runs else size
    pieces = int(estimate // chunk_bytes) + 1
    if pieces == 1:
        lines = [line for run in itertools.chain(sample, runs) for line in run]
        yield _distinct_sorted(lines)
        return
    subjects = sorted({line[:line.find(b"> ") + 2] for run in sample for line in run[::7]})
    bounds = sorted({subjects[len(subjects) * k // pieces] for k in range(1, pieces)})
    with tempfile.TemporaryDirectory(prefix="coopgraph-export-") as tmp:
        files = [open(Path(tmp) / f"{k}.nt", "wb") for k in range(len(bounds) + 1)]  # noqa: SIM115
        try:
            for run in itertools.chain(sample, runs):
                cuts = [0, *(bisect.bisect_left(run, b) for b in bounds), len(run)]
                for k, (a, b) in enumerate(itertools.pairwise(cuts)):
                    if b > a:
                        files[k].write(b"\n".join(run[a:b]) + b"\n")
        finally:
            for f in files:
                f.close()
        for k in range(len(files)):
            yield _distinct_sorted((Path(tmp) / f"{k}.nt").read_bytes().splitlines())


def _distinct_sorted(lines: list[bytes]) -> list[bytes]:
    lines.sort()
    return [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]


# --------------------------------------------------------------------------- remote


_PROLOGUE = re.compile(r"^(?:\s+|#[^\n]*\n?|(?:PREFIX\s+[^:\s]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*",
                       re.IGNORECASE)


_GRAPH_TYPES = [("turtle", ox.RdfFormat.TURTLE), ("rdf+xml", ox.RdfFormat.RDF_XML),
                ("ld+json", ox.RdfFormat.JSON_LD), ("n-quads", ox.RdfFormat.N_QUADS)]
_RESULT_TYPES = [("xml", ox.QueryResultsFormat.XML), ("tab-separated", ox.QueryResultsFormat.TSV)]


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue."""
    rest = sparql[_PROLOGUE.match(sparql).end():]  # type: ignore[union-attr]
    word = re.match(r"[A-Za-z]+", rest)
    return word.group(0).upper() if word else ""


class RemoteStore(_StoreBase):
    """A SPARQL 1.1 Protocol + Update server, with the Graph Store Protocol where given.

    ``url`` is the query endpoint. For the Oxigraph server layout (``/query``) the update and
    Graph Store endpoints are ``/update`` and ``/store``; elsewhere (Virtuoso ``/sparql``,
    Fuseki ``/ds/sparql`` + ``update_url``) updates go to ``url`` unless ``update_url`` is
    given, and a Graph Store is used only when ``gsp_url`` is given (Virtuoso:
    ``/sparql-graph-crud-auth`` with digest auth; see the note in ``__init__``).
    ``auth`` is ``"digest"`` (Virtuoso) or ``"basic"``.
    """

    def __init__(self, url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                 user: str | None = None, password: str | None = None, auth: str = "digest",
                 timeout: float = 60.0, use_gsp: bool | None = None) -> None:
        parts = urllib.parse.urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        path = parts.path.rstrip("/") or "/query"  # a bare server address: Oxigraph's layout
        self.url = root + path + (f"?{parts.query}" if parts.query else "")
        if path.endswith("/query"):  # Oxigraph server layout
            prefix = root + path[: -len("/query")]
            self.update_url = update_url or prefix + "/update"
            self.gsp_url = gsp_url or prefix + "/store"
        else:  # Virtuoso and most others: one endpoint for both
            # No Graph Store by default: Virtuoso's RDF loaders (behind its Graph Store, e.g.
            # /sparql-graph-crud-auth) store an xsd:integer above 2^31 as xsd:decimal, while
            # SPARQL Update keeps it.
            self.update_url = update_url or self.url
            self.gsp_url = gsp_url
        self.graph_param = "graph-uri" if self.gsp_url and "sparql-graph-crud" in self.gsp_url else "graph"
        self.use_gsp = bool(self.gsp_url) if use_gsp is None else use_gsp and bool(self.gsp_url)
        self.timeout = timeout
        handlers: list[urllib.request.BaseHandler] = []
        if user is not None:
            pm = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            pm.add_password(None, root, user, password or "")
            if auth == "basic":
                handlers.append(urllib.request.HTTPBasicAuthHandler(pm))
            elif auth == "digest":
                handlers.append(urllib.request.HTTPDigestAuthHandler(pm))
            else:
                raise StoreError(f"unknown auth scheme {auth!r} (use digest or basic)")
        self._opener = urllib.request.build_opener(*handlers)

    # -- HTTP
    def _request(self, method: str, url: str, *, data: bytes | None = None,
                 headers: Mapping[str, str] | None = None) -> tuple[bytes, str]:
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace").strip().replace("\n", " ")
            raise StoreError(f"{method} {url}: HTTP {exc.code}: {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{method} {url}: {getattr(exc, 'reason', exc)}") from exc

    def _form(self, url: str, fields: Mapping[str, str], accept: str | None = None) -> tuple[bytes, str]:
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        return self._request("POST", url, data=urllib.parse.urlencode(fields).encode("utf-8"),
                             headers=headers)

    # -- SPARQL
    def query(self, sparql: str) -> Any:
        """Form POST with an explicit Accept (Virtuoso hangs on a raw-body query and may pick
        another format when none is asked for); answers parsed by Oxigraph into its types."""
        if query_form(sparql) in ("CONSTRUCT", "DESCRIBE"):
            body, ctype = self._form(self.url, {"query": sparql},
                                     "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8")
            fmt = next((f for key, f in _GRAPH_TYPES if key in ctype), ox.RdfFormat.N_TRIPLES)
            try:
                return iter(list(ox.parse(body, format=fmt)))
            except SyntaxError as exc:
                raise StoreError(f"{self.url}: unreadable {ctype or 'graph'} answer: {exc}") from exc
        body, ctype = self._form(self.url, {"query": sparql}, "application/sparql-results+json")
        fmt = next((f for key, f in _RESULT_TYPES if key in ctype), ox.QueryResultsFormat.JSON)
        try:
            return ox.parse_query_results(body, format=fmt)
        except SyntaxError as exc:
            raise StoreError(f"{self.url}: unreadable {ctype or 'results'} answer: {exc}") from exc

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update on the server."""
        self._form(self.update_url, {"update": sparql})

    # -- records
    def records(self, graphs: Iterable[str] | None = None) -> dict[str, UnitRecord]:
        meta = META_GRAPH.value
        rows: list[tuple[str, str, str]] = []
        if graphs is not None:
            gs = list(graphs)
            for i in range(0, len(gs), 200):
                values = " ".join(f"<{g}>" for g in gs[i:i + 200])
                res = self.query(f"SELECT ?g ?p ?o WHERE {{ VALUES ?g {{ {values} }} "
                                 f"GRAPH <{meta}> {{ ?g ?p ?o }} }}")
                rows += [(s["g"].value, s["p"].value, s["o"].value) for s in res]
            return _records_from_rows(rows)
        # All records, by keyset pages (servers cap result sizes, e.g. Virtuoso at 10,000 rows).
        last = ""
        while True:
            flt = f'FILTER(STR(?g) > "{_escape(last)}")' if last else ""
            res = self.query(f"SELECT ?g ?p ?o WHERE {{ GRAPH <{meta}> {{ ?g ?p ?o }} {flt} }} "
                             f"ORDER BY ?g LIMIT 2000")
            page = [(s["g"].value, s["p"].value, s["o"].value) for s in res]
            if not page:
                break
            # the last graph may be cut off by LIMIT: drop it and start the next page from it
            cut = page[-1][0]
            keep = [r for r in page if r[0] != cut] if len(page) == 2000 else page
            if not keep:  # one unit with 2,000 record triples: cannot happen with our records
                keep = page
            rows += keep
            if len(page) < 2000:
                break
            last = keep[-1][0]
        return _records_from_rows(rows)

    # -- writes
    def _insert_lines(self, graph: str, lines: list[bytes]) -> None:
        """INSERT DATA in requests of at most UPDATE_BATCH triples (Virtuoso's limit)."""
        for i in range(0, len(lines), UPDATE_BATCH):
            body = b"\n".join(lines[i:i + UPDATE_BATCH]).decode()
            self.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")

    def _drop_records(self, graphs: Sequence[str]) -> None:
        meta = META_GRAPH.value
        for i in range(0, len(graphs), 100):
            self.update(" ;\n".join(f"DELETE WHERE {{ GRAPH <{meta}> {{ <{g}> ?p ?o }} }}"
                                    for g in graphs[i:i + 100]))

    def write_units(self, units: Sequence[Unit]) -> int:
        """Record out, graphs replaced, records in: an interrupted unit has no record."""
        if not units:
            return 0
        graphs = [u.graph for u in units]
        self._drop_records(graphs)
        written = 0
        if not self.use_gsp:
            for i in range(0, len(graphs), 100):
                self.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + 100]))
        for unit in units:
            data = unit.payload()
            written += data.count(b"\n")
            if self.use_gsp:  # one atomic replacement per graph
                self._request("PUT", self._gsp(unit.graph), data=data,  # N-Triples is Turtle
                              headers={"Content-Type": "text/turtle; charset=utf-8"})
            else:
                self._insert_lines(unit.graph, data.splitlines())
        records = _records_triples(units).encode().splitlines()
        self._insert_lines(META_GRAPH.value, records)
        return written + len(records)

    def _gsp(self, graph: str) -> str:
        return f"{self.gsp_url}?{urllib.parse.urlencode({self.graph_param: graph})}"

    def remove_graphs(self, graphs: Sequence[str]) -> None:
        self._drop_records(list(graphs))
        for i in range(0, len(graphs), 100):
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i:i + 100]))

    # -- reads
    def graphs(self) -> list[str]:
        """The unit graphs this store recorded (servers hold system graphs we must not touch)."""
        return sorted(g for g in self.records() if g != SUMMARY_GRAPH.value)

    def quads(self) -> Iterator[ox.Quad]:
        for g in self.graphs():
            node = ox.NamedNode(g)
            for t in self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"):
                yield ox.Quad(t.subject, t.predicate, t.object, node)

    def close(self) -> None:
        pass


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


# --------------------------------------------------------------------------- opening


def open_store(spec: str | Path | GraphStore | None = None, **options: Any) -> Any:
    """An :class:`EmbeddedStore` for a folder, a :class:`RemoteStore` for an http(s) URL.

    A store object is returned as is; ``read_only`` opens a folder without taking its lock;
    ``create=False`` refuses a folder that holds no store yet (instead of making one); the other ``options`` go to the RemoteStore (auth, endpoints, timeout).
    """
    if spec is None:
        spec = DEFAULT_STORE
    if not isinstance(spec, (str, Path)):
        return spec
    text = str(spec)
    read_only = bool(options.pop("read_only", False))
    create = bool(options.pop("create", True))
    if re.match(r"https?://", text):
        return RemoteStore(text, **{k: v for k, v in options.items() if v is not None})
    return EmbeddedStore(text, read_only=read_only, create=create)


# --------------------------------------------------------------------------- building


def build_units(units: Iterable[Unit | Failed], store: Any, *, batch_size: int = 500,
                progress: Callable[[int], None] | None = None,
                before_write: Callable[[], None] | None = None, delta: Any = None) -> BuildReport:
    """Write units in batches (one transaction each on the embedded store), skipping unchanged;
    ``before_write()`` is called before each batch that changes the store; ``delta`` (a
    :class:`summary.Delta`) reads the totals' share of the graphs replaced and written."""
    report = BuildReport()
    start = time.perf_counter()
    batch: list[Unit] = []

    def flush() -> None:
        if not batch:
            return
        known = store.records([u.graph for u in batch])
        todo: dict[str, Unit] = {}
        for u in batch:
            rec = known.get(u.graph)
            if rec and rec.graph_hash == u.fingerprint() and u.graph not in todo:
                report.skipped += 1
                continue
            if u.graph in todo:  # the same article twice in one build: the last one wins
                report.skipped += 1
            elif u.kind == "gated":
                report.gated += 1
            elif rec:
                report.replaced += 1
            else:
                report.added += 1
            todo[u.graph] = u
        if todo and before_write:
            before_write()
        if delta is not None:
            delta.before([g for g in todo if known.get(g) and known[g].kind == "article"],
                         [g for g, u in todo.items() if u.kind == "article"])
        report.quads_written += store.write_units(list(todo.values()))
        if delta is not None:
            delta.after([g for g, u in todo.items() if u.kind == "article"])
        if progress:
            progress(len(batch))
        batch.clear()

    for item in units:
        if isinstance(item, Failed):
            report.failed.append((item.source, item.message))
            if progress:
                progress(1)
            continue
        item = item.packed()  # serialize and hash once
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    report.seconds = time.perf_counter() - start
    return report


def content_hashes(store: Any) -> dict[str, str]:
    """Graph -> content hash of every unit the store records (what a build compares its inputs with)."""
    fast = getattr(store, "content_hashes", None)
    if fast is not None:
        return fast()
    return {g: r.content_hash for g, r in store.records().items() if r.kind in ("article", "gated")}


def count_articles(store: Any, limit: int) -> int:
    """How many article graphs the store records, counted up to ``limit + 1`` (enough to say "more
    than ``limit``" without reading 50 000 records)."""
    raw = getattr(store, "oxigraph", None)
    if raw is None:
        return sum(1 for r in store.records().values() if r.kind == "article")
    n = 0
    for _ in raw.quads_for_pattern(None, _KIND, ox.Literal("article"), META_GRAPH):
        n += 1
        if n > limit:
            break
    return n


def content_key(article: Any) -> str:
    """What the store records as an article's content hash: the text's hash and the version
    of this package (a new version may extract more from the same text)."""
    from . import __version__

    return f"{article.content_hash}@{__version__}"


def unchanged_articles(store: Any, articles: Iterable[Any], base: str | None = None) -> set[str]:
    """Ids of the articles whose recorded content key is theirs: a pipeline may skip
    extracting them (count them as skipped); the others go through ``build_articles``."""
    from . import mapping

    kwargs = {"base": base} if base else {}
    by_graph = {mapping.article_graph_iri(a, **kwargs): a for a in articles}
    records = open_store(store).records(list(by_graph))
    return {a.id for g, a in by_graph.items()
            if g in records and records[g].content_hash == content_key(a) and a.content_hash}


def extraction_unit(extraction: Any, base: str | None = None, **mapping_options: Any) -> Unit:
    """The packed unit of one article (its named graph from :func:`mapping.extraction_to_quads`,
    made as N-Triples by :func:`mapping.extraction_ntriples`); cheap to return from a worker."""
    from . import mapping

    kwargs = {"base": base} if base else {}
    article = extraction.article
    data = mapping.extraction_ntriples(extraction, **kwargs, **mapping_options)
    return Unit(mapping.article_graph_iri(article, **kwargs), id=article.id,
                content_hash=content_key(article), source=article.path, kind="article",
                ntriples=data).packed()


def reference_units(base: str | None = None) -> list[Unit]:
    """The gazetteer graph as a unit (rewritten only when the gazetteer changes)."""
    from . import mapping

    kwargs = {"base": base} if base else {}
    graph = mapping.gazetteer_graph_iri(**kwargs)
    return [Unit(graph, id="gazetteer", kind="gazetteer",
                 ntriples=mapping.gazetteer_ntriples(**kwargs)).packed()]


def build_articles(extractions: Iterable[Any], store: Any, *, base: str | None = None,
                   batch_size: int = 500, progress: Callable[[int], None] | None = None,
                   with_gazetteer: bool = True, phase: Callable[[str], None] | None = None) -> BuildReport:
    """Map each Extraction to its unit and write the units into ``store``.

    Items may also be :class:`Failed` (reported) or ready :class:`Unit` s: mapping costs a
    few ms per article, so a parallel pipeline may call :func:`extraction_unit` in its
    workers (a Unit pickles) and pass the units here.

    Unchanged articles are skipped; changed ones replace their named graph; a mapping error
    fails that article only. The gazetteer graph is written first when it changed. Before the
    first write the totals are marked stale; recomputing them at the end takes the mark away
    (a build stopped earlier left it: then they are recomputed even if nothing changed).
    """
    store = open_store(store)
    stale = [totals_stale(store)]

    def before_write() -> None:  # readers must not see a new article beside unmarked old totals
        if not stale[0]:
            mark_totals_stale(store)
            stale[0] = True

    written = 0
    if with_gazetteer:  # bookkeeping graph, not counted as an article
        written = build_units(reference_units(base), store, before_write=before_write).quads_written
    from .summary import Delta, refresh

    # a build killed earlier, or a new gazetteer (the 2025 units of the totals), recomputes them all
    delta = Delta(store) if not stale[0] and not written else None

    def units() -> Iterator[Unit | Failed]:
        for ex in extractions:
            if isinstance(ex, (Failed, Unit)):  # a Unit was mapped already (e.g. in a worker)
                yield ex
                continue
            try:
                yield extraction_unit(ex, base)
            except (CooperationGraphError, ValueError, TypeError, KeyError) as exc:
                src = getattr(ex.article, "path", None) or getattr(ex.article, "id", "?")
                yield Failed(str(src), f"cannot map to RDF: {exc}")

    report = build_units(units(), store, batch_size=batch_size, progress=progress,
                         before_write=before_write, delta=delta)
    report.quads_written += written
    if stale[0] or SUMMARY_GRAPH.value not in store.records([SUMMARY_GRAPH.value]):
        if phase:
            phase("totals")
        start = time.perf_counter()
        report.quads_written += refresh(store, delta)
        report.summary_seconds = time.perf_counter() - start
    if report.added + report.replaced >= COMPACT_AFTER and hasattr(store, "compact"):
        if phase:
            phase("compaction")
        start = time.perf_counter()
        store.compact()
        report.compact_seconds = time.perf_counter() - start
    elif getattr(store, "_dirty", False):
        store.publish()  # the totals' mark taken away: readers see the build done
    return report


def build_paths(paths: Iterable[str | Path], store: Any,
                extract_fn: Callable[[Path], Iterable[Any]], *, base: str | None = None,
                batch_size: int = 500, progress: Callable[[int], None] | None = None) -> BuildReport:
    """Extract every file with ``extract_fn(path)`` and build the results into ``store``.

    A file whose extraction raises a package error is reported as failed; the rest go on.
    """

    def extractions() -> Iterator[Any]:
        for path in paths:
            try:
                yield from extract_fn(Path(path))
            except CooperationGraphError as exc:
                yield Failed(str(path), str(exc))

    return build_articles(extractions(), store, base=base, batch_size=batch_size,
                          progress=progress)
