"""The status as JSON (stable shape, documented in the README) and as plain data for templates."""

from __future__ import annotations

import json
from typing import Any

from trygghet_cli import __version__
from trygghet_cli.model import Outcome, Result, Stated
from trygghet_cli.status import ActivityState, Attainment, Effective, Group, StatusReport, words
from trygghet_cli.status.result_words import result_text
from trygghet_cli.status.stated_words import stated_text

STATUS_JSON_VERSION = 1


def _outcome(outcome: Outcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    window = outcome.window
    return {"value": outcome.value, "date": None if outcome.undated else outcome.date.isoformat(),
            "kind": outcome.kind,
            "approximate": outcome.approximate, "source": outcome.source, "note": outcome.note,
            "period": {"start": window.start.isoformat(), "end": window.end.isoformat()} if window else None,
            "bound": outcome.bound.value if outcome.bound else None,
            "verdict": outcome.verdict.value if outcome.verdict else None,
            **({"dated_by_source": outcome.source_date} if outcome.source_date else {})}


def _ratio(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def target_data(att: Attainment, lang: str) -> dict[str, Any]:
    target = att.target
    return {
        "id": target.id, "kind": target.kind.value, "text": target.text, "value": target.value,
        "unit": target.unit, "per": target.per, "baseline": target.baseline,
        "direction": target.direction, "change_unit": target.change_unit,
        "verdict": att.verdict.value, "final": att.final, "approximate": att.approximate,
        "achieved": _ratio(att.achieved), "expected": _ratio(att.expected), "ratio": _ratio(att.ratio),
        "elapsed_days": att.elapsed_days, "sources_disagree": att.sources_disagree,
        "latest": _outcome(att.latest), "disagreeing": [_outcome(o) for o in att.disagreeing],
        "parts": [_outcome(o) for o in att.figure.parts] if att.figure and len(att.figure.parts) > 1 else [],
        "stated": att.stated is not None, "due_so_far": _ratio(att.due_so_far),
        "also": [_outcome(o) for o in att.also], "summary": words.attainment_text(att, lang),
    }


def activity_data(state: ActivityState, lang: str) -> dict[str, Any]:
    activity = state.activity
    return {
        "id": activity.id, "title": activity.title, "pledges": activity.pledges,
        "owners": activity.owners, "districts": activity.districts, "parties": activity.parties,
        "visibility": activity.visibility, "status": activity.status.value,
        "effective_status": state.effective.value, "overdue": state.overdue,
        "status_text": words.state_text(state, lang), "due": state.due_iso,
        "due_is_period_end": state.due_is_period_end, "due_uncertain": state.due_uncertain,
        "days_past_due": state.days_past_due,
        "days_to_due": state.days_to_due if state.due_iso else None,
        "completed": activity.completed, "reason": activity.reason,
        "targets": [target_data(t, lang) for t in state.targets],
        # Only on a pledge that carries its own targets (a flat pledge list), shown as its action.
        **({"pledge_itself": True} if activity.from_pledge else {}),
        **({"partners": activity.partners} if activity.partners else {}),
    }


def _statuses(counts: dict[Effective, int]) -> dict[str, int]:
    return {status.value: n for status, n in counts.items()}


def _group(group: Group) -> dict[str, Any]:
    return {"by": group.by.value, "key": group.key, "title": group.title, "pledges": list(group.pledges),
            "activities": [s.id for s in group.activities], "statuses": _statuses(group.counts),
            "done_share": _ratio(group.done_share), "gap": group.gap.value if group.gap else None}


def _summary(report: StatusReport) -> dict[str, Any]:
    s = report.summary
    return {"activities": s.activities, "statuses": _statuses(s.counts), "done_share": _ratio(s.done_share),
            "overdue": s.overdue, "past_due_unknown": s.past_due_unknown, "targets": s.targets,
            "verdicts": {v.value: n for v, n in s.verdicts.items()}, "period_days": s.period_days,
            "days_elapsed": s.days_elapsed, "days_left": s.days_left, "ended": s.ended,
            "started": s.started}


def _filters(report: StatusReport) -> dict[str, Any]:
    f = report.filters
    return {"owners": list(f.owners), "districts": list(f.districts),
            "statuses": [s.value for s in f.statuses], "overdue": f.overdue,
            "due_within": f.due_within, "pledges": list(f.pledges)}


def _stated(stated: Stated | None, whole: str, lang: str, sources: dict[str, str]) -> dict[str, Any]:
    """{"stated": ...} for a pledge or set a source gives a verdict or status for; else {} (the
    key appears only where the data has it, so earlier output keeps its shape)."""
    if stated is None:
        return {}
    return {"stated": {"verdict": stated.verdict.value if stated.verdict else None,
                       "status": list(stated.statuses), "text": stated.text, "date": stated.date,
                       "source": stated.source, "summary": stated_text(stated, whole, lang, sources)}}


def to_data(report: StatusReport, lang: str) -> dict[str, Any]:
    """The whole report as plain JSON-ready data (the shape `--format json` prints)."""
    pledge_set = report.pledge_set
    period = pledge_set.period
    return {
        "version": STATUS_JSON_VERSION,
        "tool": {"name": "trygghet", "version": __version__},
        "language": lang,
        "municipality": report.municipality_text(lang),
        "police_area": report.police_area,
        "as_of": report.as_of.isoformat(),
        "period": {"pledge_set": pledge_set.id, "title": pledge_set.title, "label": period.label(lang),
                   "start": period.bounds[0], "end": period.bounds[1],
                   "uncertain": list(period.uncertain), "agreement": pledge_set.agreement,
                   **({"until": period.until} if period.until else {}),
                   **({"extends": pledge_set.extends} if pledge_set.extends else {}),
                   "chosen": report.selected.how.value,
                   "also_in_force": [s.id for s in report.selected.others],
                   "note": words.choice_note(report, lang),
                   **_stated(pledge_set.stated, "set", lang, report.sources)},
        "filters": _filters(report),
        "by": report.by.value if report.by else None,
        "summary": _summary(report),
        "pledges": [{"id": p.pledge.id, "text": p.pledge.text, "areas": p.pledge.areas,
                     "activities": [s.id for s in p.activities], "statuses": _statuses(p.counts),
                     "done_share": _ratio(p.done_share), "gap": p.gap.value if p.gap else None,
                     **_verdict(report, p.pledge.id),
                     **_stated(p.pledge.stated, "pledge", lang, report.sources)}
                    for p in report.pledges],
        "activities": [activity_data(s, lang) for s in report.activities],
        "groups": [_group(g) for g in report.groups],
        "results": [result_data(r, lang, report.names, report.sources) for r in report.results],
    }


def _verdict(report: StatusReport, pledge_id: str) -> dict[str, Any]:
    """The pledge's verdict as the citizen page shows it (absent under filters)."""
    found = words.pledge_verdict_of(report, pledge_id)
    return {} if found is None else {"verdict": found[0], "verdict_from_source": found[1]}


def result_data(result: Result, lang: str, names: dict[str, str] | None = None,
                sources: dict[str, str] | None = None) -> dict[str, Any]:
    """One övrigt resultat as JSON-ready data, with its line in the language as `summary`."""
    window = result.window
    return {"text": result.text, "value": result.value, "unit": result.unit,
            "approximate": result.approximate, "bound": result.bound.value if result.bound else None,
            "date": result.when,
            "period": {"start": window.start.isoformat(), "end": window.end.isoformat()} if window else None,
            "district": result.district, "pledge": result.pledge, "activity": result.activity,
            "source": result.source, "note": result.note,
            "summary": result_text(result, lang, names, sources)}


def render(report: StatusReport, lang: str) -> str:
    return json.dumps(to_data(report, lang), ensure_ascii=False, indent=2)
