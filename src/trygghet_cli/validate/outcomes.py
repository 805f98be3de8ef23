"""Rules about outcomes that a schema cannot express: windows, stated verdicts, future dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from trygghet_cli.findings import Finding, make
from trygghet_cli.model import Activity, Outcome, Period, StatedVerdict, Target, TargetKind, parse_partial
from trygghet_cli.status.attainment import Verdict, attainment
from trygghet_cli.status.figures import number, partly_overlap, window

SUMMED = (TargetKind.AT_LEAST, TargetKind.EXACTLY, TargetKind.RATE, TargetKind.RANGE)
CONTRADICTS = {StatedVerdict.MET: (Verdict.NOT_MET,),
               StatedVerdict.NOT_MET: (Verdict.MET, Verdict.EXCEEDED)}
_SV_VERDICT = {"met": "uppnått", "partly_met": "delvis uppnått", "not_met": "ej uppnått"}
_SV_JUDGED = {Verdict.MET: "uppnått", Verdict.EXCEEDED: "överskridet", Verdict.NOT_MET: "ej uppnått"}


def _raw(outcome: Outcome) -> dict[str, Any]:
    """The outcome as written in its file."""
    raw: Any = outcome.ref.file.data
    for key in outcome.ref.path:
        raw = raw[key]
    return raw if isinstance(raw, dict) else {}


def _window_dates(activity: Activity, outcome: Outcome) -> list[Finding]:
    day = _raw(outcome).get("date")
    if day and parse_partial(day) is None:
        return [make("TRY205", outcome.ref.where("date"), f"'{day}' is not a real date",
                     "check the day of the month", sv=f"'{day}' är inte ett verkligt datum",
                     sv_hint="kontrollera dagen i månaden")]
    span = _raw(outcome).get("period")
    if not span:
        return []
    findings = []
    for key in ("start", "end"):
        if parse_partial(span[key]) is None:
            findings.append(make("TRY205", outcome.ref.where("period", key),
                                 f"'{span[key]}' is not a real date", "check the day of the month",
                                 sv=f"'{span[key]}' är inte ett verkligt datum",
                                 sv_hint="kontrollera dagen i månaden"))
    if not findings and outcome.window is not None and outcome.window.end < outcome.window.start:
        findings.append(make("TRY401", outcome.ref.where("period", "end"),
                             f"{activity.id}: the outcome's window ends {span['end']} before it "
                             f"starts {span['start']}", "swap or correct the dates",
                             sv=f"{activity.id}: utfallets period slutar {span['end']} innan den "
                             f"börjar {span['start']}", sv_hint="byt plats på eller rätta datumen"))
    return findings


def _overlaps(activity: Activity, target: Target, start: date) -> list[Finding]:
    """TRY420 for two figures of the same kind whose windows partly overlap: they cannot add up."""
    if target.kind not in SUMMED:
        return []
    numeric = [o for o in target.outcomes if number(o.value) is not None and o.date != date.min]
    findings = []
    for i, first in enumerate(numeric):
        for second in numeric[i + 1:]:
            a, b = window(first, start), window(second, start)
            if first.kind == second.kind and partly_overlap(a, b):
                findings.append(_overlap(activity, target, first, second, a, b))
    return findings


def _overlap(activity: Activity, target: Target, first: Outcome, second: Outcome, a: Period,
             b: Period) -> Finding:
    line = first.ref.where().line
    spans = f"{a.start}..{a.end} and {b.start}..{b.end}"
    sv_spans = f"{a.start}..{a.end} och {b.start}..{b.end}"
    return make("TRY420", second.ref.where("period" if second.window else "date", key=True),
                f"{activity.id}: target '{target.id}': the outcomes on line {line} and here cover "
                f"windows that partly overlap ({spans}), so they cannot be added up",
                "give windows that do not overlap (tertials, quarters), or one that holds the "
                "other (a running total)",
                sv=f"{activity.id}: målet '{target.id}': utfallen på rad {line} och här avser "
                f"perioder som delvis överlappar ({sv_spans}) och kan inte läggas ihop",
                sv_hint="ange perioder som inte överlappar (tertial, kvartal), eller en som rymmer "
                "den andra (en löpande summa)")


def _stated(activity: Activity, target: Target, outcome: Outcome, period: Period,
            own: Period) -> list[Finding]:
    """TRY520 when a verdict stated by a source contradicts the figures known on its date."""
    if outcome.verdict not in CONTRADICTS or target.kind is TargetKind.QUALITATIVE:
        return []
    figures = [replace(o, verdict=None) for o in target.outcomes
               if number(o.value) is not None and o.date <= outcome.date]
    if not figures:
        return []
    judged = attainment(replace(target, outcomes=figures), period, outcome.date, own).verdict
    if judged not in CONTRADICTS[outcome.verdict]:
        return []
    stated = outcome.verdict.value
    return [make("TRY520", outcome.ref.where("verdict"),
                 f"{activity.id}: target '{target.id}': the source says {stated.replace('_', ' ')}, "
                 f"but the figures say {judged.value.replace('_', ' ')}",
                 "check the figure and the source's words; keep the verdict only if the source "
                 "judges something the figure does not show",
                 sv=f"{activity.id}: målet '{target.id}': källan säger {_SV_VERDICT[stated]}, men "
                 f"siffrorna säger {_SV_JUDGED[judged]}",
                 sv_hint="kontrollera siffran och källans ord; behåll bedömningen bara om källan "
                 "bedömer något som siffran inte visar")]


def _future(activity: Activity, outcome: Outcome, today: date) -> list[Finding]:
    """TRY521 for an outcome dated after today: status does not count it until then."""
    if outcome.date <= today:
        return []
    field = "date" if "date" in _raw(outcome) else "period"
    return [make("TRY521", outcome.ref.where(field),
                 f"{activity.id}: outcome dated {outcome.date}, after today ({today}); status does "
                 "not count it until then",
                 "use the date the figure refers to, which cannot be in the future",
                 sv=f"{activity.id}: utfallet är daterat {outcome.date}, efter i dag ({today}); "
                 "status räknar det inte förrän då",
                 sv_hint="ange datumet som siffran avser; det kan inte ligga i framtiden")]


def check_activity(activity: Activity, period: Period | None, today: date) -> list[Finding]:
    """Every outcome rule for one activity; period is None when its pledge set is unknown."""
    findings: list[Finding] = []
    start = activity.start or (period.start if period else date.min)
    for target in activity.targets:
        for outcome in target.outcomes:
            findings.extend(_window_dates(activity, outcome))
            findings.extend(_future(activity, outcome, today))
            if period is not None:
                own = Period(start, activity.due or period.end)
                findings.extend(_stated(activity, target, outcome, period, own))
        findings.extend(_overlaps(activity, target, start))
    return findings
