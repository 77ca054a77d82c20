"""Check a graph against ``data/shapes.ttl`` (pyshacl) and report violations readably.

Shapes are checked on the **union** of the graphs given (gazetteer + article graphs), because
provinces, people and posts are shared between graphs. ``validate_quads`` adds the gazetteer
graph by default so a single article's quads can be checked on their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import RDF, SH

from .errors import CooperationGraphError
from .mapping import DATA_DIR, gazetteer_graph_iri, gazetteer_quads, quads_to_rdflib_graph
from .vocab import DEFAULT_BASE, bind_prefixes

ONTOLOGY_PATH = DATA_DIR / "ontology.ttl"
SHAPES_PATH = DATA_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong."""

    focus: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None
    shape: str | None = None

    def line(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a SHACL run; ``text()`` is what the CLI prints."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def text(self) -> str:
        if self.conforms:
            return f"valid: {self.triples} triples conform to the shapes"
        lines = [f"invalid: {len(self.violations)} violation(s) in {self.triples} triples"]
        lines += [f"  {v.line()}" for v in self.violations]
        return "\n".join(lines)


@lru_cache(maxsize=1)
def _parsed(path: Path) -> rdflib.Graph:
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except (OSError, SyntaxError) as exc:  # rdflib raises BadSyntax, a SyntaxError
        raise CooperationGraphError(f"{path}: cannot read: {exc}") from exc


def load_ontology() -> rdflib.Graph:
    """``data/ontology.ttl`` (parsed once; do not modify the returned graph)."""
    return _parsed(ONTOLOGY_PATH)


def load_shapes() -> rdflib.Graph:
    """``data/shapes.ttl`` (parsed once; do not modify the returned graph)."""
    return _parsed(SHAPES_PATH)


def _union(data: rdflib.Graph) -> rdflib.Graph:
    if isinstance(data, (rdflib.Dataset, rdflib.ConjunctiveGraph)):
        union = rdflib.Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return data


def validate_graph(data: rdflib.Graph, *, base: str = DEFAULT_BASE) -> ValidationReport:
    """SHACL-validate an rdflib Graph or Dataset (as the union of its graphs)."""
    graph = _union(data)
    conforms, results, _ = shacl_validate(
        graph, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="none",
        advanced=True, allow_warnings=True,
    )
    names = bind_prefixes(rdflib.Graph())
    names.bind("id", f"{base}id/")

    def short(node: rdflib.term.Node | None) -> str | None:
        if node is None:
            return None
        if isinstance(node, rdflib.URIRef):
            return node.n3(names.namespace_manager)
        if isinstance(node, rdflib.Literal):
            return node.n3(names.namespace_manager)
        return "[]"  # blank node: an anonymous shape or path

    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(p: rdflib.URIRef) -> rdflib.term.Node | None:
            return results.value(result, p)

        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = one(SH.resultSeverity)
        violations.append(Violation(
            focus=short(one(SH.focusNode)) or "?",
            path=short(one(SH.resultPath)),
            message="; ".join(messages) or "constraint not met",
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            value=short(one(SH.value)),
            shape=short(one(SH.sourceShape)),
        ))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(conforms=bool(conforms), violations=tuple(violations),
                            triples=len(graph))


def validate_quads(
    quads: Iterable[ox.Quad], *, with_gazetteer: bool | None = None, base: str = DEFAULT_BASE
) -> ValidationReport:
    """SHACL-validate quads (one article's, or a whole store's).

    The gazetteer graph is added unless ``with_gazetteer`` is False or the quads already hold
    it (``None``, the default, decides by looking).
    """
    quads = list(quads)
    if with_gazetteer is None:
        gazetteer = gazetteer_graph_iri(base)
        with_gazetteer = not any(
            isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == gazetteer
            for q in quads)
    if with_gazetteer:
        quads += gazetteer_quads(base)
    return validate_graph(quads_to_rdflib_graph(quads), base=base)


def validate_graphs(
    graphs: Iterable[Iterable[ox.Quad]], *, batch_quads: int = 50_000, base: str = DEFAULT_BASE
) -> ValidationReport:
    """SHACL-validate many named graphs in bounded memory, a batch of whole graphs at a time.

    Each batch is checked with the gazetteer graph added. For graphs made by the mapping this
    gives the verdict of one run over the union: nodes shared between articles (people,
    posts, memberships) get the same values from every article, so no constraint spans
    batches. Violations repeated by several batches are reported once.
    """
    gazetteer = gazetteer_graph_iri(base)
    violations: set[Violation] = set()
    triples = 0
    batch: list[ox.Quad] = []

    def flush() -> None:
        nonlocal triples
        if not batch:
            return
        report = validate_quads(batch, with_gazetteer=True, base=base)
        violations.update(report.violations)
        triples += report.triples
        batch.clear()

    for graph in graphs:
        quads = [q for q in graph if not (isinstance(q.graph_name, ox.NamedNode)
                                          and q.graph_name.value == gazetteer)]
        batch.extend(quads)
        if len(batch) >= batch_quads:
            flush()
    flush()
    ordered = sorted(violations, key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(conforms=not any(v.severity == "Violation" for v in ordered),
                            violations=tuple(ordered), triples=triples)
