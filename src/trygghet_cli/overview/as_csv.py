"""The overview as CSV: one row per municipality, English column names, numbers as numbers."""

from __future__ import annotations

import csv
import io

from trygghet_cli.output.csv_cells import inert
from trygghet_cli.overview import STATUSES, Row

COLUMNS = ["root", "municipality", "code", "county", "police_area", "errors", "agreement",
           "agreement_start", "agreement_end", "pledge_set", "period_start", "period_end",
           "period_choice", "activities", *(f"status_{s}" for s in STATUSES), "done_share",
           "overdue", "targets", "targets_met", "situation", "law_met", "law_requirements", "changed"]


def _text(value: object) -> str:
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return str(inert(text)) if isinstance(value, str) else text


def record(row: Row) -> dict[str, object]:
    """The row's machine values by column (also the JSON record)."""
    values: dict[str, object] = {
        "root": row.root, "municipality": row.municipality, "code": row.code, "county": row.county,
        "police_area": row.police_area, "errors": row.errors, "agreement": row.agreement,
        "agreement_start": row.agreement_start, "agreement_end": row.agreement_end,
        "pledge_set": row.pledge_set, "period_start": row.period_start,
        "period_end": row.period_end, "period_choice": row.period_choice,
        "activities": row.activities if row.has_status else None}
    values.update({f"status_{s}": row.statuses.get(s, 0) if row.has_status else None
                   for s in STATUSES})
    values.update({
        "done_share": None if row.done_share is None else round(row.done_share, 4),
        "overdue": row.overdue if row.has_status else None,
        "targets": row.targets if row.has_status else None,
        "targets_met": row.targets_met if row.has_status else None,
        "situation": row.situation, "law_met": row.law_met,
        "law_requirements": row.law_requirements, "changed": row.changed})
    return values


def render(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        values = record(row)
        writer.writerow([_text(values[c]) for c in COLUMNS])
    return buffer.getvalue().rstrip("\n")
