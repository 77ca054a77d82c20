"""Network analytics of the province network: who is central, who works with whom.

Computed with networkx on :func:`~cooperation_graph.projection.province_network` (one era's
provinces, optionally only the cooperation of a range of years), never on hand-written queries,
so the numbers are those of the graph the views draw:

* ``degree`` -- how many provinces a province has a link with;
* ``weighted_degree`` -- the sum of its links' weights, where a link's weight is
  :data:`WEIGHT_RULE` (the rule of the province map and of ``queries/pairs.rq``'s counts);
* ``betweenness`` -- networkx's normalized betweenness centrality, a link's length being
  ``1 / weight`` (a strong link is a short one, so paths run along strong cooperation);
* ``community`` -- networkx's Louvain communities on the weights with a fixed seed (same
  store, same answer), numbered 1, 2, ... from the largest; a province with no link is in none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .errors import QueryError
from .projection import province_network

WEIGHT_RULE = ("articles reporting the pair + its agreements + fundings + investments "
               "between the two")
#: Louvain's seed: fixed, so a store always gives the same communities.
SEED = 42
_DISTANCE = "_distance"


@dataclass(frozen=True)
class ProvinceScore:
    """One province's place in the network."""

    province: str
    iri: str
    degree: int
    weighted_degree: float
    betweenness: float
    community: int | None


@dataclass(frozen=True)
class Analysis:
    """The scores of one era's network (strongest provinces first) and what they were made of."""

    era: str
    years: tuple[int | None, int | None]
    links: int
    modularity: float | None
    scores: list[ProvinceScore] = field(default_factory=list)

    @property
    def communities(self) -> dict[int, list[str]]:
        """Community number -> its provinces' labels."""
        found: dict[int, list[str]] = {}
        for score in self.scores:
            if score.community is not None:
                found.setdefault(score.community, []).append(score.province)
        return {k: sorted(v) for k, v in sorted(found.items())}


def analyze_network(P: nx.Graph, *, seed: int = SEED) -> list[ProvinceScore]:
    """Degree, weighted degree, betweenness and community of every province of ``P``."""
    distances = P.copy()
    for _, _, attrs in distances.edges(data=True):
        attrs[_DISTANCE] = 1.0 / attrs["weight"] if attrs.get("weight") else float("inf")
    betweenness = nx.betweenness_centrality(distances, weight=_DISTANCE, normalized=True)
    community_of = {}
    for number, members in enumerate(_communities(P, seed), start=1):
        for node in members:
            community_of[node] = number
    scores = [
        ProvinceScore(
            province=str(P.nodes[node].get("label") or node), iri=str(node),
            degree=int(P.degree(node)), weighted_degree=float(P.degree(node, weight="weight")),
            betweenness=float(betweenness[node]), community=community_of.get(node))
        for node in P.nodes
    ]
    return sorted(scores, key=lambda s: (-s.weighted_degree, -s.betweenness, s.province))


def _communities(P: nx.Graph, seed: int) -> list[set[Any]]:
    """Louvain's communities of the linked provinces, largest first (ties by smallest label)."""
    if P.number_of_edges() == 0:
        return []
    found = [c for c in nx.community.louvain_communities(P, weight="weight", seed=seed)
             if any(P.degree(n) for n in c)]  # a province with no link is no community
    return sorted(found, key=lambda c: (-len(c), min(str(P.nodes[n].get("label")) for n in c)))


def analyze(source: Any, era: str = "legacy", years: tuple[int | None, int | None] = (None, None),
            *, seed: int = SEED) -> Analysis:
    """Project ``source`` (a store, its folder or quads) to one era's province network, in the
    ``years`` range (inclusive; None: unbounded), and score its provinces."""
    first, last = years
    if first is not None and last is not None and first > last:
        raise QueryError(f"empty year range: from {first} to {last}")
    P = province_network(source, era=era, years=years)
    scores = analyze_network(P, seed=seed)
    modularity = None
    if P.number_of_edges():
        found = _communities(P, seed)
        isolated = [{n} for n in P.nodes if not P.degree(n)]
        modularity = float(nx.community.modularity(P, found + isolated, weight="weight"))
    return Analysis(era=era, years=(first, last), links=P.number_of_edges(),
                    modularity=modularity, scores=scores)


COLUMNS = ("province", "degree", "weighted_degree", "betweenness", "community")


def _cells(score: ProvinceScore, *, exact: bool) -> list[str]:
    """CSV keeps every digit of betweenness (for other tools); the table rounds it."""
    weighted = score.weighted_degree
    return [score.province, str(score.degree),
            str(int(weighted)) if weighted == int(weighted) else repr(weighted),
            repr(score.betweenness) if exact else f"{score.betweenness:.4f}",
            "" if score.community is None else str(score.community)]


def format_analysis(analysis: Analysis, fmt: str = "table") -> str:
    """The scores as an aligned text table or as CSV (one row per province, strongest first)."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(_cells(s, exact=True) for s in analysis.scores)
        return out.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}: use 'table' or 'csv'")
    header = ["province", "degree", "weighted degree", "betweenness", "community"]
    rows = [[c or "–" for c in _cells(s, exact=False)] for s in analysis.scores]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        return "  ".join([first, *rest]).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)]) + "\n"


def describe(analysis: Analysis) -> str:
    """One line saying what was measured: era, years, size, communities, the weight rule."""
    first, last = analysis.years
    span = ("all years" if first is None and last is None
            else f"years {first if first is not None else '…'}–{last if last is not None else '…'}")
    units = "63 former units" if analysis.era == "legacy" else "34 current units"
    parts = [f"{analysis.era} era ({units}), {span}: {analysis.links} links",
             f"{len(analysis.communities)} communities"]
    if analysis.modularity is not None:
        parts[-1] += f" (modularity {analysis.modularity:.3f})"
    return "; ".join(parts) + f"; weight = {WEIGHT_RULE}"


__all__ = ["COLUMNS", "SEED", "WEIGHT_RULE", "Analysis", "ProvinceScore", "analyze",
           "analyze_network", "describe", "format_analysis"]
