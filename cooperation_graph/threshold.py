"""Leave out the facts of a stored graph whose confidence is below a threshold (export, view).

A fact in an article's graph is a node with ``cg:evidence``; its confidence is the highest
``cg:confidence`` of its evidence nodes in that graph. A fact below the threshold goes with
everything that only it held up: its own triples and ``#`` parts (amount, interval), the
triples that point at it, and then, repeatedly, the nodes of that graph nothing else points at
any more (its evidence node, unless another fact of the sentence keeps it; an official's posts
and roles). Articles, provinces, mentions and cooperation pairs stay: pairs carry no
confidence (see :mod:`cooperation_graph.calibration`).

``build --min-confidence`` drops facts before they are stored (:func:`calibration.drop_below`);
this module serves stores built without a threshold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from .vocab import CG, RDF

_EVIDENCE = str(CG.evidence)
_CONFIDENCE = str(CG.confidence)
_TYPE = str(RDF.type)
_ARTICLE = str(CG.Article)


def quads_above(quads: Iterable[ox.Quad], min_confidence: float) -> list[ox.Quad]:
    """The quads without the facts below ``min_confidence`` and what only they held up."""
    by_graph: dict[Any, list[ox.Quad]] = defaultdict(list)
    for q in quads:
        by_graph[q.graph_name].append(q)
    out: list[ox.Quad] = []
    for graph_quads in by_graph.values():
        out.extend(_graph_above(graph_quads, min_confidence))
    return out


def _graph_above(quads: list[ox.Quad], min_confidence: float) -> list[ox.Quad]:
    confidence: dict[ox.NamedNode | ox.BlankNode, float] = {}
    evidence: dict[Any, list[Any]] = defaultdict(list)
    for q in quads:
        if q.predicate.value == _CONFIDENCE and isinstance(q.object, ox.Literal):
            try:
                confidence[q.subject] = float(q.object.value)
            except ValueError:
                confidence[q.subject] = 0.0  # not a number: not a confidence one can trust
        elif q.predicate.value == _EVIDENCE:
            evidence[q.subject].append(q.object)
    dropped = {fact for fact, evs in evidence.items()
               if max(confidence.get(e, 0.0) for e in evs) < min_confidence}
    if not dropped:
        return quads
    prefixes = tuple(f"{f.value}#" for f in dropped if isinstance(f, ox.NamedNode))

    def gone(node: Any) -> bool:
        return node in dropped or (isinstance(node, ox.NamedNode) and node.value.startswith(prefixes))

    kept, orphans = [], set()
    for q in quads:
        if gone(q.subject) or gone(q.object):
            if not gone(q.object) and not isinstance(q.object, ox.Literal):
                orphans.add(q.object)
        else:
            kept.append(q)
    articles = {q.subject for q in kept if q.predicate.value == _TYPE and q.object.value == _ARTICLE}
    while orphans:  # nodes only the dropped facts pointed at, and then what only they pointed at
        held = {q.object for q in kept}
        loose = {n for n in orphans if n not in held and n not in evidence and n not in articles}
        orphans = {q.object for q in kept if q.subject in loose and not isinstance(q.object, ox.Literal)}
        kept = [q for q in kept if q.subject not in loose]
    return kept


class AboveConfidence:
    """A read-only view of a store without its facts below ``min_confidence``: what the
    exports and views read (``query``, ``quads``), with the store's own ``records``.

    The kept quads are held in an in-memory store, so a big store needs memory for its graph.
    """

    def __init__(self, store: Any, min_confidence: float) -> None:
        self.source = store
        self.min_confidence = min_confidence
        quads = store.quads() if hasattr(store, "quads") else store
        self._kept = quads_above(quads, min_confidence)
        self._store = ox.Store()
        self._store.extend(self._kept)

    @property
    def oxigraph(self) -> ox.Store:
        """The in-memory store of the kept quads (read whole by :mod:`reading`)."""
        return self._store

    def query(self, sparql: str) -> Any:
        return self._store.query(sparql)

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._kept)

    def records(self, *args: Any, **kwargs: Any) -> Any:
        return self.source.records(*args, **kwargs) if hasattr(self.source, "records") else {}
