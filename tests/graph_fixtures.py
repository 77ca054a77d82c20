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
                      ("xây dựng Đảng, hệ thống chính trị", "kinh tế - xã hội, an ninh - quốc phòng"),
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
                  (Participant("Hoàng Trung Hải", "chair"), Participant("Trần Quốc Trung", "chair")),
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
    )


__all__ = ["SAMPLE_TEXT", "evidence", "sample_article", "sample_extraction",
           "current_era_extraction", "replace"]
