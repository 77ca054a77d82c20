"""Hand-made extractions for the graph tests: the sample article's facts, exactly as issue 2 lists.

Built here rather than by running the extractors, so the graph tests do not move when the
extractors change; offsets are found in the normalized sample text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from cooperation_graph.model import (
    Agreement, Article, Event, Evidence, Extraction, Funding, Investment, Official, Participant,
    ProvinceMention,
)
from cooperation_graph.normalize import normalize_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "tttd-2019-08-23-ha-noi-can-tho.txt"
SAMPLE_TEXT = normalize_text(SAMPLE.read_text(encoding="utf-8"))


def evidence(fragment: str, confidence: float = 0.9, text: str = SAMPLE_TEXT) -> Evidence:
    """Evidence for the sentence of ``text`` that contains ``fragment``."""
    at = text.index(fragment)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    stop, newline = text.find(". ", at), text.find("\n", at)
    if stop != -1 and (newline == -1 or stop < newline):
        end = stop + 1  # keep the full stop
    else:
        end = newline if newline != -1 else len(text)
    return Evidence(sentence=text[start:end], start=start, end=end, confidence=confidence)


def sample_article() -> Article:
    return Article(
        id="tttd-2019-08-23-ha-noi-can-tho",
        title="Hà Nội - Cần Thơ: Đẩy mạnh hợp tác, phát triển toàn diện trong giai đoạn mới",
        text=SAMPLE_TEXT,
        date=datetime(2019, 8, 23, 12, 44),
        source="Tuổi trẻ Thủ đô",
        authors=("Tú Linh",),
        url=None,
        section="Thời sự",
        content_hash="0f" * 32,
    )


def sample_extraction() -> Extraction:
    chairs = evidence("chủ trì hội nghị")
    return Extraction(
        article=sample_article(),
        provinces=(
            ProvinceMention("Hà Nội", "01", "legacy", 20, "Thành phố Hà Nội", "Hà Nội"),
            ProvinceMention("Cần Thơ", "92", "legacy", 18, "Thành phố Cần Thơ", "Cần Thơ"),
        ),
        cooperation_pairs=(("Hà Nội", "Cần Thơ"),),
        officials=(
            Official("Hoàng Trung Hải",
                     ("Ủy viên Bộ Chính trị", "Bí thư Thành ủy", "Trưởng đoàn đại biểu Quốc hội"),
                     "Hà Nội", chairs),
            Official("Trần Quốc Trung",
                     ("Ủy viên Trung ương Đảng", "Bí thư Thành ủy",
                      "Trưởng đoàn đại biểu Quốc hội"),
                     "Cần Thơ", chairs),
        ),
        agreements=(
            Agreement(("Hà Nội", "Cần Thơ"), "biên bản hợp tác", 11,
                      ("xây dựng Đảng, hệ thống chính trị",
                       "kinh tế - xã hội, an ninh - quốc phòng"),
                      None, "planned", ("hai Phó Bí thư Thường trực Thành ủy",),
                      evidence("ký biên bản hợp tác", 0.8)),
        ),
        fundings=(
            Funding(5_000_000_000, None, "Hà Nội", "Cần Thơ", "nhà tình nghĩa", 2012, "given",
                    evidence("nhà tình nghĩa")),
            Funding(5_000_000_000, None, "Hà Nội", "Cần Thơ",
                    "quỹ an sinh xã hội, xóa đói giảm nghèo", 2016, "given",
                    evidence("Trong các năm 2014"), years=(2014, 2016)),
            Funding(3_000_000_000, None, "Hà Nội", "Cần Thơ", "Quỹ An sinh xã hội", 2019, "given",
                    evidence("Đoàn công tác đã trao tặng")),
        ),
        investments=(
            Investment("Hà Nội", "Cần Thơ", 18, 33_600_000_000_000, "trên",
                       evidence("đầu tư 18 dự án")),
        ),
        events=(
            Event("hội nghị", date(2019, 8, 23), "Cần Thơ", ("Hà Nội", "Cần Thơ"),
                  (Participant("Hoàng Trung Hải", "chair"),
                   Participant("Trần Quốc Trung", "chair")),
                  evidence("tổ chức Hội nghị hợp tác")),
        ),
    )


def current_era_extraction() -> Extraction:
    """A 2025 article naming the merged Cần Thơ and the same secretary (resolution tests)."""
    text = "Ngày 5/9/2025, Bí thư Thành ủy Cần Thơ Trần Quốc Trung làm việc với TP Hà Nội."
    art = Article(id="synthetic-2025-can-tho", title="Cần Thơ làm việc với Hà Nội", text=text,
                  date=datetime(2025, 9, 5, 8, 0), url="https://example.org/2025/can-tho",
                  synthetic=True)
    ev = evidence("Trần Quốc Trung", text=text)
    return Extraction(
        article=art,
        provinces=(ProvinceMention("Cần Thơ", "92", "current", 1, "Thành phố Cần Thơ"),
                   ProvinceMention("Hà Nội", "01", "current", 1, "Thành phố Hà Nội")),
        cooperation_pairs=(("Cần Thơ", "Hà Nội"),),
        officials=(Official("Trần Quốc Trung", ("Bí thư Thành ủy",), "Cần Thơ", ev),),
        agreements=(Agreement(("Cần Thơ", "Hà Nội"), "chương trình hợp tác", None, (),
                              "2025-2030", "signed", ("Trần Quốc Trung",), ev),),
    )


__all__ = ["SAMPLE_TEXT", "evidence", "sample_article", "sample_extraction",
           "current_era_extraction", "replace"]


# --------------------------------------------------------------------------- graph comparison

def _nt(triples) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(" ".join(t.n3() for t in triple) + " ." for triple in triples)


def graph_diff_text(expected, actual, limit: int = 40) -> str:  # type: ignore[no-untyped-def]
    """Readable difference of two rdflib graphs: counts in both, lines only left / only right."""
    from rdflib.compare import graph_diff, to_isomorphic

    both, left, right = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"in both: {len(both)}, only expected: {len(left)}, only actual: {len(right)}"]
    for label, part in (("only expected", left), ("only actual", right)):
        rows = _nt(part)
        lines += [f"--- {label}:"] + [f"  {r}" for r in rows[:limit]]
        if len(rows) > limit:
            lines.append(f"  ... {len(rows) - limit} more")
    return "\n".join(lines)


def assert_isomorphic(expected, actual) -> None:  # type: ignore[no-untyped-def]
    """Fail with a readable diff unless two rdflib graphs are isomorphic."""
    from rdflib.compare import isomorphic

    if not isomorphic(expected, actual):
        raise AssertionError("graphs differ\n" + graph_diff_text(expected, actual))


def assert_datasets_isomorphic(expected, actual) -> None:  # type: ignore[no-untyped-def]
    """Same named graphs, each isomorphic (readable diff per differing graph)."""
    import rdflib

    def graphs(ds):  # type: ignore[no-untyped-def]
        out = {}
        contexts = ds.graphs() if hasattr(ds, "graphs") else ds.contexts()
        for ctx in contexts:
            if len(ctx):
                g = rdflib.Graph()
                for t in ctx:
                    g.add(t)
                out[str(ctx.identifier)] = g
        return out

    left, right = graphs(expected), graphs(actual)
    assert sorted(left) == sorted(right), f"named graphs differ: {sorted(left)} != {sorted(right)}"
    for name in sorted(left):
        try:
            assert_isomorphic(left[name], right[name])
        except AssertionError as exc:
            raise AssertionError(f"graph <{name}>: {exc}") from None
