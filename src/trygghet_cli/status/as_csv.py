"""The status as CSV: one row per activity and target (an activity without targets gets one row)."""

from __future__ import annotations

from trygghet_cli.i18n import format_number, has_label, label
from trygghet_cli.output import csv_cells
from trygghet_cli.status import ActivityState, Attainment, StatusReport, words

COLUMNS = [
    "pledge_set", "pledges", "activity", "title", "owners", "districts", "status",
    "effective_status", "status_text", "due", "due_is_period_end", "days_past_due", "target",
    "target_kind", "target_text", "target_value", "unit", "outcome_value", "outcome_date",
    "outcome_kind", "approximate", "sources_disagree", "verdict", "attainment", "as_of",
]


def _word(kind: str, code: str, lang: str) -> str:
    """A machine code as the Swedish file shows it (the English file keeps the code)."""
    if lang == "en" or not code:
        return code
    if kind == "kind":
        from trygghet_cli.interchange.columns import KINDS, word

        return word(KINDS, code, lang) if code in KINDS else code
    key = {"status": f"status.{code}", "verdict": f"verdict.{code}", "outcome": f"report.outcome.{code}",
           "bool": f"report.{'yes' if code == 'true' else 'no'}"}[kind]
    return label(key, lang) if has_label(key) else code


def _target_cells(att: Attainment | None, lang: str) -> list[object]:
    if att is None:
        return [""] * 12
    latest = att.latest
    return [att.target.id, _word("kind", att.target.kind.value, lang), att.target.text,
            "" if att.target.value is None else format_number(att.target.value, lang),
            att.target.unit or "", "" if latest is None else _value(latest.value, lang),
            "" if latest is None or latest.undated else latest.date.isoformat(),
            "" if latest is None else _word("outcome", latest.kind or "", lang),
            _word("bool", str(att.approximate).lower(), lang),
            _word("bool", str(att.sources_disagree).lower(), lang),
            _word("verdict", att.verdict.value, lang), words.attainment_text(att, lang)]


def _value(value: object, lang: str) -> object:
    """An outcome's figure with the language's decimal mark (Swedish Excel reads 1,5 as a number)."""
    if lang == "en" or not isinstance(value, float):
        return value
    return str(value).replace(".", ",")


def _rows(report: StatusReport, state: ActivityState, lang: str) -> list[list[object]]:
    activity = state.activity
    base: list[object] = [
        report.pledge_set.id, ";".join(activity.pledges), activity.id, activity.title,
        ";".join(activity.owners), ";".join(activity.districts),
        _word("status", activity.status.value, lang), _word("status", state.effective.value, lang),
        words.state_text(state, lang), state.due_iso or "",
        _word("bool", str(state.due_is_period_end).lower(), lang), state.days_past_due,
    ]
    targets: list[Attainment | None] = list(state.targets) or [None]
    return [[*base, *_target_cells(att, lang), report.as_of.isoformat()] for att in targets]


def headers(lang: str) -> list[str]:
    """The header row: the English column names, or their Swedish names."""
    return COLUMNS if lang == "en" else [label(f"status.csv.{name}", lang) for name in COLUMNS]


def render(report: StatusReport, lang: str, delimiter: str | None = None) -> str:
    """CSV for a spreadsheet in the language (csv_cells.table): headers in the language,
    codes (status, verdict) as they are, status_text and attainment in words."""
    rows = (row for state in report.activities for row in _rows(report, state, lang))
    return csv_cells.table(headers(lang), rows, lang, delimiter, "\n").rstrip("\n")
