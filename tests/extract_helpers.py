"""Helpers shared by the extraction tests: run the extractors on a short text, view the facts."""

from __future__ import annotations

from cooperation_graph.extract import extract
from cooperation_graph.gazetteer import load_gazetteer
from cooperation_graph.ingest import make_article


def extract_text(body: str, when: str, title: str):
    """Extract a synthetic article written in the test itself."""
    article = make_article(body, {"title": title, "date": when, "synthetic": "true"})
    return extract(article, load_gazetteer())


def officials(ex):
    return {o.name: (o.titles, o.province) for o in ex.officials}


def fundings(ex):
    return sorted((f.donor, f.recipient, f.amount_vnd, f.status) for f in ex.fundings)
