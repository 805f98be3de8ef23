"""Activities as flat rows (for CSV and Excel) and as plain records (for JSON)."""

from __future__ import annotations

from typing import Any

from trygghet_cli.interchange import columns as cols
from trygghet_cli.interchange.periods import PeriodTarget
from trygghet_cli.model import Activity, Outcome, Status, Target

EXPORT_KEYS = ("municipality", "period", "id", "title", "description", "pledges", "owners", "parties",
               "districts", "places", "start", "due", "status", "completed", "reason", "status_note",
               "visibility", *cols.TARGET_KEYS)
LIST_SEPARATOR = "; "


def number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _targets(targets: list[Target], lang: str) -> dict[str, str]:
    def joined(values: list[str]) -> str:
        return "\n".join(values) if any(values) else ""

    return {
        "target": joined([t.text for t in targets]),
        "target_kind": joined([cols.word(cols.KINDS, t.kind.value, lang) for t in targets]),
        "target_value": joined([number(t.value) for t in targets]),
        "target_unit": joined([t.unit or "" for t in targets]),
        "target_per": joined([cols.word(cols.PERS, t.per, lang) if t.per else "" for t in targets]),
    }


def _json_number(value: float | None) -> int | float | None:
    return int(value) if value is not None and float(value).is_integer() else value


def row(activity: Activity, period: PeriodTarget, lang: str) -> dict[str, str]:
    """One activity as text cells, keyed by column key; lists joined with '; '."""
    status = "" if activity.status is Status.UNKNOWN else cols.word(
        cols.STATUSES, activity.status.value, lang)
    cells = {
        "municipality": period.municipality, "period": period.key, "id": activity.id,
        "title": activity.title,
        "description": activity.description or "",
        **{key: LIST_SEPARATOR.join(getattr(activity, key)) for key in cols.LIST_KEYS},
        "start": activity.start.isoformat() if activity.start else "",
        "due": activity.due.isoformat() if activity.due else "",
        "status": status, "completed": activity.completed or "", "reason": activity.reason or "",
        "status_note": activity.status_note or "",
        "visibility": cols.word(cols.VISIBILITIES, activity.visibility, lang),
        **_targets(activity.targets, lang),
    }
    return {key: cells[key] for key in EXPORT_KEYS}


def _outcome(outcome: Outcome) -> dict[str, Any]:
    window = outcome.window
    value = outcome.value
    return {"value": _json_number(value) if isinstance(value, float) else value,
            "date": None if outcome.undated else outcome.date.isoformat(),
            "period": {"start": window.start.isoformat(), "end": window.end.isoformat()} if window else None,
            "kind": outcome.kind, "approximate": outcome.approximate,
            "bound": outcome.bound.value if outcome.bound else None,
            "verdict": outcome.verdict.value if outcome.verdict else None,
            "source": outcome.source, "note": outcome.note}


def record(activity: Activity, period: PeriodTarget) -> dict[str, Any]:
    """One activity as a JSON record with canonical keys and values (lists stay lists)."""
    return {
        "municipality": period.municipality, "period": period.key, "id": activity.id, "title": activity.title,
        "description": activity.description,
        **{key: list(getattr(activity, key)) for key in cols.LIST_KEYS},
        "start": activity.start.isoformat() if activity.start else None,
        "due": activity.due.isoformat() if activity.due else None,
        "status": None if activity.status is Status.UNKNOWN else activity.status.value,
        "completed": activity.completed, "reason": activity.reason,
        "status_note": activity.status_note, "visibility": activity.visibility,
        "targets": [{"id": t.id, "kind": t.kind.value, "text": t.text, "value": _json_number(t.value),
                     "unit": t.unit, "per": t.per, "outcomes": [_outcome(o) for o in t.outcomes]}
                    for t in activity.targets],
    }


def activities(periods: list[PeriodTarget], internal: bool = True) -> list[tuple[PeriodTarget, Activity]]:
    """(period, activity) for every activity of the periods, in file order; without
    internal activities unless `internal`."""
    return [(p, a) for p in periods if p.activity_list for a in p.activity_list.activities
            if internal or a.visibility != "internal"]
