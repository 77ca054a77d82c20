"""Dates as English reporting writes them: ``on Thursday (April 18)``, ``April 18, 2024``."""

from __future__ import annotations

import re
from datetime import date, timedelta

# --- dates ------------------------------------------------------------------------------------

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MON = (r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
        r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DATE_EN = re.compile(
    rf"(?<![\w]){_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?:\s*[-–]\s*\d{{1,2}})?"
    rf"(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?"
    rf"|(?<![\w])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|"
    rf"Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|"
    rf"Dec(?:ember)?)(?![a-z])(?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?P<rel>[Oo]n|[Ll]ast)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                      r"(?!\s*\(?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
_RELATIVE_DAY = re.compile(r"\b(?:yesterday|today|this (?:morning|afternoon|evening))\b", re.IGNORECASE)
_ANNIV_EN = re.compile(r"\([^()]*\b(?:19|20)\d{2}\s*[-–]\s*[^()]*\b(?:19|20)\d{2}\s*\)")


_FUTURE = re.compile(r"\b(?:will|shall|scheduled|to be held|is set to|are set to|plans? to|next)\b",
                     re.IGNORECASE)


def _resolve(day: int, month: int, year: str | None, published: date | None) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        if published is None:
            return None
        when = date(published.year, month, day)
    except ValueError:
        return None
    if when > published + timedelta(days=31):
        when = when.replace(year=published.year - 1)
    return when


def find_date_en(text: str, published: date | None, anchor: date | None = None) -> tuple[date | None, float]:
    """The first event date in a sentence, and how sure we are of it. An undated page's ``anchor``
    (a full date the article gives elsewhere) gives a day and month without a year their year."""
    for d, month, y, _ in _day_months(text):
        when = _resolve(d, month, y, published or anchor)
        if when:
            return when, 0.85
    if published is not None:
        wd = _WEEKDAY.search(text)
        if wd:
            day = _WEEKDAYS.index(wd["wd"].lower())
            if wd["rel"].lower() == "on" and _FUTURE.search(text):
                ahead = (day - published.weekday()) % 7  # "will sign on Monday": the coming one
                return published + timedelta(days=ahead), 0.5
            back = (published.weekday() - day) % 7
            if wd["rel"].lower() == "last" and back == 0:
                back = 7
            return published - timedelta(days=back), 0.6
        rel = _RELATIVE_DAY.search(text)
        if rel:
            return published - timedelta(days=1 if rel.group().lower() == "yesterday" else 0), 0.6
    return None, 0.0


def anchor_date(text: str) -> date | None:
    """The first full date (day, month and year) an article gives: ``on November 26, 2025``,
    ``before May 1, 2025`` (with its year, "May" is no verb)."""
    return next((when for d, month, y, _ in _day_months(text) if y and (when := _resolve(d, month, y, None))), None)


# A year the sentence itself names ("took place on April 13, within the framework of VITM - Hanoi
# 2023"), when it names one and not as a span or a target ("the 2021-2025 plan", "by 2030").
_SENTENCE_YEAR = re.compile(r"(?<![\w–-])(?<!by )(?<!through )(?<!until )(?<!to )(?<!before )(?<!after )"
                            r"(?P<y>(?:19|20)\d{2})(?![\w–-])")


def sentence_year(text: str) -> date | None:
    years = {m["y"] for m in _SENTENCE_YEAR.finditer(_ANNIV_EN.sub(" ", text))}
    if len(years) != 1 or re.search(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}", text):
        return None
    return date(int(years.pop()), 12, 31)


def _day_months(text: str):
    """(day, month, year or None, the text before it) of each date the text writes, anniversaries
    left out."""
    text = _ANNIV_EN.sub(lambda m: " " * len(m.group()), text)
    for m in _DATE_EN.finditer(text):
        mon, d, y = (m["mon"], m["d"], m["y"]) if m["mon"] else (m["mon2"], m["d2"], m["y2"])
        if mon == "May" and not y and not re.search(r"\bon\s+(?:\w+\s+\(?\s*)?$", text[:m.start()]):
            continue  # "May 5" is a date only after "on": "may" is also a verb
        yield int(d), _MONTHS[mon[:3].lower()], y, text[:m.start()]
