"""Activities' due dates as an iCalendar file (RFC 5545), written by hand and reproducibly.

Each activity becomes one all-day VEVENT on its due date, or on the last day of its pledge
period when it has none (the DESCRIPTION says so). UIDs are `<activity id>@<kommunkod>.trygghet`
so a calendar updates events instead of duplicating them; DTSTAMP comes from the data (the
list's revision date, else the period start), so the same data gives the same bytes.
"""

from __future__ import annotations

from datetime import date, timedelta

from trygghet_cli import __version__
from trygghet_cli.i18n import format_date, label
from trygghet_cli.interchange import columns as cols
from trygghet_cli.interchange.periods import PeriodTarget
from trygghet_cli.interchange.rows import activities
from trygghet_cli.model import Activity, Config, PartialDate, Status

LINE_OCTETS = 75


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _stamp(target: PeriodTarget) -> str:
    revised = target.activity_list.revised if target.activity_list else None
    period = target.pledge_set.period
    day = PartialDate(revised).first if revised else period.start if period.given else date(1970, 1, 1)
    return f"{day:%Y%m%d}T000000Z"


def _description(activity: Activity, target: PeriodTarget, config: Config, lang: str) -> str:
    functions = {f.id: f.name for f in config.functions}
    lines = [activity.description] if activity.description else []
    if activity.status is not Status.UNKNOWN:
        lines.append(f"{label('ics.status', lang)}: {cols.word(cols.STATUSES, activity.status, lang)}")
    if activity.owners:
        owners = ", ".join(functions.get(o, o) for o in activity.owners)
        lines.append(f"{label('ics.owners', lang)}: {owners}")
    lines.append(f"{label('ics.pledges', lang)}: {', '.join(activity.pledges)}")
    if activity.due is None:
        end = format_date(target.pledge_set.period.end, lang)
        lines.append(label("ics.no_due", lang, end=end))
    return "\n".join(lines)


def _event(activity: Activity, target: PeriodTarget, config: Config, lang: str) -> list[str]:
    day: date = activity.due or target.pledge_set.period.end
    status = {Status.CANCELLED: "CANCELLED", Status.PLANNED: "TENTATIVE"}.get(activity.status, "CONFIRMED")
    return [
        "BEGIN:VEVENT",
        f"UID:{activity.id}@{config.code}.trygghet",
        f"DTSTAMP:{_stamp(target)}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(activity.title)}",
        f"DESCRIPTION:{escape(_description(activity, target, config, lang))}",
        f"STATUS:{status}",
        f"CLASS:{'PRIVATE' if activity.visibility == 'internal' else 'PUBLIC'}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar(periods: list[PeriodTarget], config: Config, lang: str, internal: bool = True) -> str:
    """The VCALENDAR text, CRLF line endings, one VEVENT per activity of the periods."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//trygghet//trygghet {__version__}//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(label('ics.name', lang, municipality=config.municipality))}",
    ]
    for target, activity in activities(periods, internal):
        period = target.pledge_set.period
        if activity.due is None and (period.open or not period.given):
            continue  # no due date, and no end of the period to fall due on
        lines.extend(_event(activity, target, config, lang))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
