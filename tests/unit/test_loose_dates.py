"""How a date cell of an activity list is read: a day, or a week, month, season or year and
its first day (interchange/loosedates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from trygghet_cli.interchange import loosedates
from trygghet_cli.model import Period

PERIOD = Period(date(2024, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(("text", "kind", "first"), [
    ("2024-03-18", "day", date(2024, 3, 18)),
    ("2024-3-8", "day", date(2024, 3, 8)),
    ("2024-03-18 00:00:00", "day", date(2024, 3, 18)),
    ("18 mars 2024", "day", date(2024, 3, 18)),
    ("v. 12", "week", date(2024, 3, 18)),  # the first week 12 in the period
    ("v12", "week", date(2024, 3, 18)),
    ("Vecka 12 2025", "week", date(2025, 3, 17)),
    ("2025 v. 2", "week", date(2025, 1, 6)),
    ("2024-09", "month", date(2024, 9, 1)),
    ("september 2024", "month", date(2024, 9, 1)),
    ("Sep. 2024", "month", date(2024, 9, 1)),
    ("hösten 2024", "season", date(2024, 9, 1)),
    ("Våren 2025", "season", date(2025, 3, 1)),
    ("HT 2024", "season", date(2024, 8, 1)),
    ("vt25", "season", date(2025, 1, 1)),
    ("2025", "year", date(2025, 1, 1)),
])
def test_a_cell_is_read_as_what_it_names(text: str, kind: str, first: date) -> None:
    assert loosedates.read(text, PERIOD) == loosedates.Read(kind, first)


@pytest.mark.parametrize("text", ["31/5", "2024-02-30", "v. 60", "snart", "2024-13", "Q3"])
def test_what_is_no_date_is_said_to_be_none(text: str) -> None:
    assert loosedates.read(text, PERIOD).kind is None


def test_a_month_or_year_is_written_as_the_data_writes_a_partial_date() -> None:
    assert loosedates.month_text("maj 2024") == "2024-05"
    assert loosedates.month_text("2024") == "2024"
    assert loosedates.month_text("v. 12") is None
