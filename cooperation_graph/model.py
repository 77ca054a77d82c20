"""The small typed data model every stage shares: an article and the facts found in it.

Facts refer to provinces by their common short name (``Hà Nội``, ``Hồ Chí Minh``); the
``provinces`` list of an :class:`Extraction` says which unit (code, era) each name is.
``to_dict`` gives the JSON contract documented in the README.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

Era = Literal["legacy", "current"]  # the 63 units before 2025-07-01, the 34 after


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and its character offsets into ``Article.text``.

    ``confidence`` is the calibrated probability that the fact is right (see
    :mod:`cooperation_graph.calibration`); ``raw_confidence`` is the extractor's own score it was
    read from (None where no calibration was applied)."""

    sentence: str
    start: int
    end: int
    confidence: float
    raw_confidence: float | None = None


@dataclass(frozen=True)
class Article:
    """One news article, its text normalized (NFC, unified tone marks) and boilerplate removed."""

    id: str
    title: str
    text: str
    date: datetime | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    section: str | None = None
    path: str | None = None
    synthetic: bool = False
    content_hash: str = ""
    removed: tuple[str, ...] = ()  # boilerplate blocks taken out of the text, for inspection
    month: str | None = None  # "YYYY-MM" when the page gives its month but not its day

    @property
    def reference_day(self) -> date | None:
        """The day dates without a year are read against: the page's date, else the last day
        of the month the page gives (``Ngày 1/8`` on a page of 2025-08 is 2025-08-01)."""
        if self.date:
            return self.date.date()
        if self.month:
            year, month = map(int, self.month.split("-"))
            return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.date().isoformat() if self.date else None,
            "datetime": self.date.isoformat() if self.date else None,
            **({"month": self.month} if self.month else {}),
            "source": self.source,
            "authors": list(self.authors),
            "url": self.url,
            "section": self.section,
            "path": self.path,
            "synthetic": self.synthetic,
            "content_hash": self.content_hash,
            "text": self.text,
        }


@dataclass(frozen=True)
class ProvinceMention:
    """A province or centrally-run city named in the article, as the unit of the article's era."""

    name: str  # common short form: "Hà Nội", "Hồ Chí Minh"
    code: str  # official two-digit code of that unit
    era: Era
    mentions: int
    full_name: str = ""  # "Thành phố Hà Nội"
    successor: str | None = None  # for a legacy unit: short name of the 2025 unit it merged into


@dataclass(frozen=True)
class Official:
    """A named person holding one or more posts; a title with no name is not an Official."""

    name: str
    titles: tuple[str, ...]
    province: str | None  # None for central posts only
    evidence: Evidence


@dataclass(frozen=True)
class Agreement:
    parties: tuple[str, ...]
    kind: str  # "biên bản hợp tác", "chương trình hợp tác", ...
    n_contents: int | None
    fields: tuple[str, ...]
    period: str | None  # "2023-2025"
    status: Literal["signed", "planned"]
    signatories: tuple[str, ...]  # names, or posts where no name is given
    evidence: Evidence


@dataclass(frozen=True)
class Funding:
    amount_vnd: int
    qualifier: str | None  # trên / hơn / gần / khoảng
    donor: str | None
    recipient: str | None
    purpose: str | None
    year: int | None
    status: Literal["given", "planned"]
    evidence: Evidence
    years: tuple[int, ...] = ()


@dataclass(frozen=True)
class Investment:
    investor_province: str | None
    host_province: str | None
    projects: int | None
    capital_vnd: int | None
    qualifier: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Participant:
    name: str
    role: Literal["chair", "attendee"]


@dataclass(frozen=True)
class Event:
    kind: str  # "hội nghị", "lễ ký kết", "hội thảo", "buổi làm việc", ...
    date: date | None
    place: str | None  # province short name where it was held
    organisers: tuple[str, ...]
    participants: tuple[Participant, ...]
    evidence: Evidence


@dataclass(frozen=True)
class ForeignPartner:
    """A foreign country, state, province or city named as a party with Vietnamese provinces
    (``Thỏa thuận hợp tác giữa bang Virginia với ... Hà Nội``, ``tỉnh Lào Cai và tỉnh Brest``):
    a node of its own; the Vietnamese provinces are its partners, not each other's."""

    name: str
    country: str | None  # the country named with it, or the name itself when it is a country
    partners: tuple[str, ...]  # Vietnamese provinces named acting with it
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    provinces: tuple[ProvinceMention, ...] = ()
    cooperation_pairs: tuple[tuple[str, str], ...] = ()
    officials: tuple[Official, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    fundings: tuple[Funding, ...] = ()
    investments: tuple[Investment, ...] = ()
    events: tuple[Event, ...] = ()
    foreign_partners: tuple[ForeignPartner, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def province(self, name: str | None) -> ProvinceMention | None:
        """The mention record of a province name used in this extraction's facts."""
        return next((p for p in self.provinces if p.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (see README, "JSON contract")."""

        def facts(items: tuple[Any, ...]) -> list[dict[str, Any]]:
            return [_jsonable(asdict(item)) for item in items]

        return {
            "article": self.article.to_dict(),
            "provinces": facts(self.provinces),
            "cooperation_pairs": [list(p) for p in self.cooperation_pairs],
            "officials": facts(self.officials),
            "agreements": facts(self.agreements),
            "fundings": facts(self.fundings),
            "investments": facts(self.investments),
            "events": facts(self.events),
            "foreign_partners": facts(self.foreign_partners),
            "warnings": list(self.warnings),
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
