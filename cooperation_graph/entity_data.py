"""The data of the province and official pages, collected in one pass.

:func:`collect_site` indexes the entity graph
(:func:`~cooperation_graph.projection.rdf_to_networkx`: each fact with the entities in each of
its roles, the provinces officials serve), the two province networks (scores from
:func:`~cooperation_graph.analytics.analyze_network`), and two tables of the store's reading
(:mod:`~cooperation_graph.reading`: each official's posts with the articles they were seen in;
the articles naming each province),
into a :class:`Site` every page is drawn from. Page names (:func:`entity_href`) are stable
ASCII: ``provinces/<name>-<era>.html`` (``can-tho-legacy``), ``officials/<IRI tail>.html``
(``hoang-trung-hai-01-2215b2``).

Eras follow :func:`~cooperation_graph.projection.province_network`: a fact belongs to the unit
of its article's date, and the current era's network rolls the former units up into their
successors.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .analytics import ProvinceScore, analyze_network
from .normalize import fold
from .resolve import slugify

ERAS = ("legacy", "current")
_FACT_KINDS = {"agreement", "funding", "investment", "event"}

# --------------------------------------------------------------------------------------------
# Names of the pages


def province_slug(label: str, era: str) -> str:
    """``Cần Thơ``, ``legacy`` -> ``can-tho-legacy`` (names are unique within an era)."""
    return f"{slugify(label)}-{era}"


def official_slug(iri: str) -> str:
    """The last part of the official's IRI (``hoang-trung-hai-01-2215b2``), ASCII only."""
    tail = re.sub(r"[^0-9a-z-]+", "-", str(iri).rstrip("/").rsplit("/", 1)[-1].lower()).strip("-")
    if not tail or len(tail) > 100:
        tail = tail[:80] + "-" + hashlib.sha256(str(iri).encode()).hexdigest()[:10]
    return tail


def entity_href(attrs: Mapping[str, Any]) -> str | None:
    """The page of a province or official node, relative to the output folder; None for other
    nodes (and provinces without an era)."""
    kind = attrs.get("type")
    if kind == "province" and attrs.get("era") in ERAS and attrs.get("label"):
        return f"provinces/{province_slug(str(attrs['label']), str(attrs['era']))}.html"
    if kind == "official" and attrs.get("iri"):
        return f"officials/{official_slug(str(attrs['iri']))}.html"
    return None


# --------------------------------------------------------------------------------------------
# Data


@dataclass
class Fact:
    """An agreement, funding, investment or event with the entities in each of its roles."""

    iri: str
    kind: str
    attrs: Mapping[str, Any]
    roles: dict[str, list[str]]  # party, signatory, donor, recipient, investor, host, location…
    articles: list[str]
    date: str | None  # ISO: an event's own date, else its first article's
    year: int | None  # money: its first own year, else its first article's

    @functools.cached_property
    def sentence(self) -> str:
        """The first evidence sentence, on one line."""
        evidence = self.attrs.get("evidence") or ()
        return " ".join(str(evidence[0].get("sentence") or "").split()) if evidence else ""


@dataclass
class Post:
    """A post an official was reported in, with the articles that report it."""

    label: str
    unit: str | None  # province IRI; None for a central post
    articles: list[str]
    first: str | None = None  # ISO dates of the first and last article
    last: str | None = None


@dataclass
class Site:
    """What every province and official page is drawn from."""

    provinces: dict[str, dict[str, Any]]  # IRI -> network node attributes (label, code, era...)
    officials: dict[str, Mapping[str, Any]]  # IRI -> entity graph node attributes
    articles: dict[str, Mapping[str, Any]]  # id -> record (title, date, url, source)
    networks: Mapping[str, nx.Graph]
    article_pages: bool = True
    facts_of: dict[str, list[Fact]] = field(default_factory=lambda: defaultdict(list))
    serving: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    posts: dict[str, list[Post]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    scores: dict[str, ProvinceScore] = field(default_factory=dict)
    #: rank by weighted degree, rank by betweenness, units in the era
    ranks: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    in_graph: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)  # twins get (cũ) / (mới)
    by_label: dict[tuple[str, str], str] = field(default_factory=dict)  # (era, label) -> IRI
    # made on first use and shared by every page
    links: dict[tuple[str, str, bool], str] = field(default_factory=dict, repr=False)
    paths: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    _keys: dict[str, str] = field(default_factory=dict, repr=False)
    _official_articles: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _named: dict[str, tuple[set[str], set[str]]] | None = field(default=None, repr=False)

    def province_articles(self, iri: str) -> list[str]:
        """Articles naming the province or stating one of its facts, newest first."""
        found = set(self.mentions.get(iri, {}))
        for fact in self.facts_of.get(iri, ()):
            found.update(fact.articles)
        return self._newest(found)

    def official_articles(self, iri: str) -> list[str]:
        """Articles stating the official or one of their posts, newest first."""
        found = set(self.officials[iri].get("articles") or ())
        for post in self.posts.get(iri, ()):
            found.update(post.articles)
        return self._newest(found)

    def named_in(self, article_id: str) -> tuple[list[str], list[str]]:
        """Provinces and officials an article names (for its page), by name."""
        if self._named is None:  # article -> entities, inverted once for all the article pages
            index: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
            for p, arts in self.mentions.items():
                for a in arts:
                    index[a][0].add(p)
            for o in self.officials:
                for a in self.official_articles_set(o):
                    index[a][1].add(o)
            self._named = index
        provinces, officials = self._named.get(article_id, (set(), set()))
        return sorted(provinces, key=self.key), sorted(officials, key=self.key)

    def key(self, iri: str) -> str:
        """A province's or official's name as a sort key (Vietnamese letters folded)."""
        if iri not in self._keys:
            name = self.labels.get(iri) or self.officials.get(iri, {}).get("label") or iri
            self._keys[iri] = fold(str(name))
        return self._keys[iri]

    def served_by(self, iri: str) -> list[str]:
        """The units an official serves, the former ones first."""
        units = [p for p, people in self.serving.items() if iri in people]
        return sorted(units, key=lambda p: (self.provinces.get(p, {}).get("era") != "legacy",
                                            self.key(p)))

    def official_articles_set(self, iri: str) -> set[str]:
        if iri not in self._official_articles:
            self._official_articles[iri] = set(self.official_articles(iri))
        return self._official_articles[iri]

    def _newest(self, ids: Iterable[str]) -> list[str]:
        return sorted(ids, key=lambda a: (str(self.articles.get(a, {}).get("date") or ""), a),
                      reverse=True)


@functools.lru_cache(maxsize=256)
def _local(predicate: str) -> str:
    return re.split(r"[#/]", str(predicate))[-1]


def collect_site(G: nx.MultiDiGraph, networks: Mapping[str, nx.Graph], source: Any,
                 records: Iterable[Mapping[str, Any]], *, article_pages: bool = True) -> Site:
    """Index everything the pages show: one pass over ``G``'s edges, the networks' scores, and
    two tables of ``source`` (a store, or better the
    :func:`~cooperation_graph.projection.read_source` ``G`` was projected from)."""
    from .reading import reading_of

    articles = {str(r["id"]): r for r in records}
    provinces: dict[str, dict[str, Any]] = {}
    for era in ERAS:
        for node, attrs in (networks.get(era) or nx.Graph()).nodes(data=True):
            provinces[str(node)] = dict(attrs, type="province", iri=str(node))
    for node, attrs in G.nodes(data=True):  # a unit in facts but not on the map (no coordinates)
        if attrs.get("type") == "province" and str(node) not in provinces and attrs.get("era"):
            provinces[str(node)] = dict(attrs, merged_with=[], formed_from=[])
    officials = {str(n): a for n, a in G.nodes(data=True) if a.get("type") == "official"}
    site = Site(provinces=provinces, officials=officials, articles=articles,
                networks=networks, article_pages=article_pages)
    names = defaultdict(set)
    for iri, attrs in provinces.items():
        names[str(attrs.get("label"))].add(attrs.get("era"))
        site.by_label[(str(attrs.get("era")), str(attrs.get("label")))] = iri
    for iri, attrs in provinces.items():
        label = str(attrs.get("label"))
        twin = len(names[label]) > 1
        site.labels[iri] = label + ({"legacy": " (cũ)", "current": " (mới)"}.get(
            str(attrs.get("era")), "") if twin else "")
    site.in_graph = {str(n) for n, a in G.nodes(data=True) if a.get("type") == "province"}

    # the one pass over the entity graph: each fact with the entities in its roles
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for u, v, attrs in G.edges(data=True):
        role = _local(attrs.get("predicate") or "")
        tu, tv = G.nodes[u].get("type"), G.nodes[v].get("type")
        if role == "serves" and tu == "official" and tv == "province":
            site.serving[str(v)].add(str(u))
        elif tu in _FACT_KINDS and tv not in _FACT_KINDS:
            roles[str(u)][role].append(str(v))
        elif tv in _FACT_KINDS and tu not in _FACT_KINDS:
            roles[str(v)][role].append(str(u))

    def first_date(ids: Iterable[str]) -> str | None:
        dates = sorted(str(articles[a]["date"]) for a in ids if a in articles
                       and articles[a].get("date"))
        return dates[0] if dates else None

    for node, attrs in G.nodes(data=True):
        kind = attrs.get("type")
        if kind not in _FACT_KINDS:
            continue
        arts = [str(a) for a in attrs.get("articles") or ()]
        when = attrs.get("date") if kind == "event" and attrs.get("date") else first_date(arts)
        own = [int(y) for y in attrs.get("years") or () if str(y).lstrip("-").isdigit()]
        year = min(own) if own else (int(str(when)[:4]) if when and str(when)[:4].isdigit()
                                     else None)
        fact = Fact(iri=str(node), kind=str(kind), attrs=attrs,
                    roles={k: sorted(set(v)) for k, v in roles.get(str(node), {}).items()},
                    articles=arts, date=str(when) if when else None, year=year)
        for entity in {e for members in fact.roles.values() for e in members}:
            site.facts_of[entity].append(fact)

    src = reading_of(source)
    by_graph = {str(r.get("graph")): str(r["id"]) for r in articles.values() if r.get("graph")}
    for (person, _post, label, unit), graphs in src.table("posts_seen").items():
        if person not in officials:
            continue
        seen = sorted({by_graph[g] for g in graphs if g in by_graph})
        dates = sorted(str(articles[a]["date"]) for a in seen if articles[a].get("date"))
        site.posts[person].append(Post(
            label=label, unit=unit or None,
            articles=seen, first=dates[0] if dates else None, last=dates[-1] if dates else None))
    for items in site.posts.values():
        items.sort(key=lambda p: (p.first or "9999", p.label))
    for province, found in src.table("mentions").items():
        counts = site.mentions[province]
        for graph, n in found:
            if graph in by_graph:
                counts[by_graph[graph]] = int(n) if n.isdigit() else 1

    for era in ERAS:
        P = networks.get(era)
        if P is None or not len(P):
            continue
        scores = analyze_network(P)
        for score in scores:  # ties share a rank: 1 + how many score strictly higher
            site.scores[score.iri] = score
            site.ranks[score.iri] = (
                1 + sum(1 for s in scores if s.weighted_degree > score.weighted_degree),
                1 + sum(1 for s in scores if s.betweenness > score.betweenness), len(scores))
    return site


__all__ = ["ERAS", "Fact", "Post", "Site", "collect_site", "entity_href", "official_slug",
           "province_slug"]
