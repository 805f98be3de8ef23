"""Dates given on the command line."""

from __future__ import annotations

from datetime import date

from trygghet_cli.errors import UsageError


def as_of_date(text: str | None) -> date:
    """--as-of as a date (today when not given); anything else is a usage error."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError.say("cli.bad_as_of", text=text) from None
