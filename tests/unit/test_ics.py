"""The iCalendar writer: escaping and folding by RFC 5545, and a calendar icalendar can read."""

from __future__ import annotations

import icalendar

from tests.conftest import BUNDLED
from trygghet_cli.interchange import exporting, ics, rows
from trygghet_cli.root import repository


def _calendar(period: str | None = None) -> bytes:
    model = repository.load_valid(BUNDLED).model
    return exporting.export(model, BUNDLED, period, "ics", "sv")


def test_text_escaping_covers_backslash_semicolon_comma_and_newline() -> None:
    assert ics.escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_characters() -> None:
    line = "DESCRIPTION:" + "åäö" * 60
    folded = ics.fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part.removeprefix(" ") for part in parts) == line


def test_bundled_calendar_has_one_event_per_activity_with_stable_uids() -> None:
    model = repository.load_valid(BUNDLED).model
    first, second = _calendar(), _calendar()
    assert first == second
    parsed = icalendar.Calendar.from_ical(first)
    events = list(parsed.walk("VEVENT"))
    activities = rows.activities(exporting.select(model, BUNDLED, None))
    assert len(events) == len(activities) == len(model.all_activities()) == 21
    uids = [str(e["UID"]) for e in events]
    assert uids == [f"{a.id}@0486.trygghet" for _, a in activities]
    assert len(set(uids)) == len(uids)


def test_every_line_ends_in_crlf_and_fits_75_octets() -> None:
    text = _calendar().decode("utf-8")
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)


def test_an_activity_without_due_date_sits_on_the_period_end_and_says_so() -> None:
    parsed = icalendar.Calendar.from_ical(_calendar("2019"))
    event = next(e for e in parsed.walk("VEVENT") if str(e["UID"]).startswith("a2019-01@"))
    assert event.decoded("DTSTART").isoformat() == "2019-12-31"
    assert event.decoded("DTEND").isoformat() == "2020-01-01"
    assert "Inget slutdatum angivet" in str(event["DESCRIPTION"])
    assert "31 december 2019" in str(event["DESCRIPTION"])


def test_an_activity_with_a_due_date_sits_on_it(minimal_root) -> None:
    model = repository.load_valid(minimal_root).model
    parsed = icalendar.Calendar.from_ical(exporting.export(model, minimal_root, None, "ics", "en"))
    event = next(e for e in parsed.walk("VEVENT") if str(e["UID"]) == "a-2@0999.trygghet")
    assert event.decoded("DTSTART").isoformat() == "2025-06-30"
    assert str(event["SUMMARY"]) == "Hastighetskontroller"
    assert "No due date" not in str(event["DESCRIPTION"])
    assert event.decoded("DTSTAMP").isoformat().startswith("2024-01-01")
