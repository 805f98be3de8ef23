"""Dates as people write them in an activity list: a day, or a week, month, season or year.

`read("v. 12", period)` says what the text is and its first day. A day is a day; the others
are not, and an import names them per cell, or with `--loose-dates` takes the first day and
marks the date uncertain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from trygghet_cli.model import Period

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "mars": 3,
    "mar": 3, "march": 3, "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "jun": 6,
    "june": 6, "juli": 7, "jul": 7, "july": 7, "augusti": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# The first month of a season as the calendar has it (vår mars–maj, sommar juni–augusti,
# höst september–november, vinter december–februari), and of the school terms (vt, ht).
SEASONS = {
    "våren": 3, "vår": 3, "sommaren": 6, "sommar": 6, "hösten": 9, "höst": 9, "vintern": 12,
    "vinter": 12, "spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12,
    "vt": 1, "vårterminen": 1, "ht": 8, "höstterminen": 8,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?")
_LONG_DAY = re.compile(rf"(\d{{1,2}})\s*({_MONTH_NAMES})\.?\s+(\d{{4}})")
_WEEK = re.compile(r"(?:(\d{4})\s*,?\s*)?(?:v|v\.|vecka|vn|week|w)\s*\.?\s*(\d{1,2})(?:\s*[,/-]?\s*(\d{4}))?")
_MONTH = re.compile(rf"(\d{{4}})-(\d{{1,2}})|({_MONTH_NAMES})\.?\s+(\d{{4}})")
_SEASON = re.compile(r"(" + "|".join(sorted(SEASONS, key=len, reverse=True)) + r")\s*(\d{4}|\d{2})")
_YEAR = re.compile(r"(?:år\s*)?(\d{4})")


@dataclass(frozen=True, slots=True)
class Read:
    """What a date cell holds ('day', 'week', 'month', 'season', 'year', or None for not a
    date) and its first day."""

    kind: str | None
    first: date | None = None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week(number: int, year: int | None, period: Period | None) -> date | None:
    """The Monday of ISO week `number`: in the year given, or the first one in the period."""
    years = [year] if year else list(range(period.start.year, period.end.year + 1)) if period else []
    for candidate in years:
        try:
            monday = date.fromisocalendar(candidate, number, 1)
        except ValueError:
            continue
        if year or period is None or period.start <= monday <= period.end or candidate == years[-1]:
            return monday
    return None


def read(value: str, period: Period | None = None) -> Read:
    """What kind of date the text is, and its first day."""
    text = " ".join(value.strip().casefold().split())
    if match := _DAY.fullmatch(text):
        day = _safe(int(match[1]), int(match[2]), int(match[3]))
        return Read("day", day) if day else Read(None)
    if match := _LONG_DAY.fullmatch(text):
        day = _safe(int(match[3]), MONTHS[match[2]], int(match[1]))
        return Read("day", day) if day else Read(None)
    if match := _WEEK.fullmatch(text):
        year = match[1] or match[3]
        monday = _week(int(match[2]), int(year) if year else None, period)
        return Read("week", monday) if monday else Read(None)
    if match := _MONTH.fullmatch(text):
        year, month = (int(match[1]), int(match[2])) if match[1] else (int(match[4]), MONTHS[match[3]])
        first = _safe(year, month, 1)
        return Read("month", first) if first else Read(None)
    if match := _SEASON.fullmatch(text):
        year = int(match[2]) if len(match[2]) == 4 else 2000 + int(match[2])
        return Read("season", date(year, SEASONS[match[1]], 1))
    if match := _YEAR.fullmatch(text):
        return Read("year", date(int(match[1]), 1, 1))
    return Read(None)


def month_text(value: str) -> str | None:
    """'maj 2026' or '2026-5' as the data writes a month (2026-05); a year as itself."""
    found = read(value)
    if found.first is None:
        return None
    if found.kind == "month":
        return found.first.isoformat()[:7]
    if found.kind == "year":
        return str(found.first.year)
    return None
