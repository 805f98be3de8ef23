"""Dates given on the command line."""

from __future__ import annotations

from datetime import date

from trygghet_cli.errors import UsageError

# The days --as-of may name: far from date's own limits (years 1 and 9999), which a report's
# arithmetic around the day would cross.
FIRST, LAST = date(1900, 1, 1), date(2199, 12, 31)


def as_of_date(text: str | None) -> date:
    """--as-of as a date (today when not given); anything else is a usage error."""
    if text is None:
        return date.today()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError.say("cli.bad_as_of", text=text) from None
    if not FIRST <= day <= LAST:  # reports count years and months back and ahead of it
        raise UsageError.say("cli.as_of_range", text=text, first=FIRST.isoformat(),
                             last=LAST.isoformat())
    return day
