"""The status as CSV: one row per activity and target (an activity without targets gets one row)."""

from __future__ import annotations

import csv
import io

from trygghet_cli.i18n import format_number
from trygghet_cli.output.csv_cells import inert
from trygghet_cli.status import ActivityState, Attainment, StatusReport, words

COLUMNS = [
    "pledge_set", "pledges", "activity", "title", "owners", "districts", "status",
    "effective_status", "status_text", "due", "due_is_period_end", "days_past_due", "target",
    "target_kind", "target_text", "target_value", "unit", "outcome_value", "outcome_date",
    "outcome_kind", "approximate", "sources_disagree", "verdict", "attainment",
]


def _target_cells(att: Attainment | None, lang: str) -> list[object]:
    if att is None:
        return [""] * 12
    latest = att.latest
    return [att.target.id, att.target.kind.value, att.target.text,
            "" if att.target.value is None else format_number(att.target.value, "en"),
            att.target.unit or "", "" if latest is None else latest.value,
            "" if latest is None else latest.date.isoformat(),
            "" if latest is None else latest.kind or "", str(att.approximate).lower(),
            str(att.sources_disagree).lower(), att.verdict.value, words.attainment_text(att, lang)]


def _rows(report: StatusReport, state: ActivityState, lang: str) -> list[list[object]]:
    activity = state.activity
    base: list[object] = [
        report.pledge_set.id, ";".join(activity.pledges), activity.id, activity.title,
        ";".join(activity.owners), ";".join(activity.districts), activity.status.value,
        state.effective.value, words.state_text(state, lang), state.due.isoformat(),
        str(state.due_is_period_end).lower(), state.days_past_due,
    ]
    targets: list[Attainment | None] = list(state.targets) or [None]
    return [[*base, *_target_cells(att, lang)] for att in targets]


def render(report: StatusReport, lang: str) -> str:
    """CSV with a header row; machine columns in English, *_text and attainment in lang."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for state in report.activities:
        writer.writerows([inert(c) for c in row] for row in _rows(report, state, lang))
    return buffer.getvalue().rstrip("\n")
