"""Rules about dates and statuses that a schema cannot express."""

from __future__ import annotations

from datetime import date, timedelta

from trygghet_cli.findings import Finding, make
from trygghet_cli.i18n import label
from trygghet_cli.model import (
    Activity,
    Agreement,
    Model,
    Period,
    PledgeSet,
    Ref,
    Status,
    Target,
    TargetKind,
    parse_partial,
    pledge_actions,
)
from trygghet_cli.validate import outcomes

_SV_FIELD = {"start": "startdatum", "due": "slutdatum"}
COUNTED = (TargetKind.AT_LEAST, TargetKind.EXACTLY, TargetKind.RANGE)


def _partial_dates(model: Model) -> list[Finding]:
    """TRY205 for YYYY-MM-DD patterns that name no real day (2024-02-30)."""
    findings = []
    # (text, where it stands); the location is looked up only for a bad date.
    checks: list[tuple[str | None, Ref, tuple[str, ...]]] = []
    for pledge_set in model.pledge_sets:
        signed = pledge_set.signed or {}
        checks.append((signed.get("date"), pledge_set.ref, ("signed", "date")))
    for agreement in model.agreements:
        signed = agreement.signed or {}
        checks.append((signed.get("date"), agreement.ref, ("signed", "date")))
    for activity in model.all_activities():
        checks.append((activity.completed, activity.ref, ("completed",)))
    for pledge_set in model.pledge_sets:
        stated = [pledge_set.stated, *(p.stated for p in pledge_set.pledges)]
        checks.extend((s.date, s.ref, ("date",)) for s in stated if s is not None)
    checks.extend(_situation_dates(model))
    for text, ref, sub in checks:
        if text is not None and parse_partial(text) is None:
            findings.append(make("TRY205", ref.where(*sub), f"'{text}' is not a real date",
                                 "check the day of the month", sv=f"'{text}' är inte ett verkligt datum",
                                 sv_hint="kontrollera dagen i månaden"))
    return findings


def _situation_dates(model: Model) -> list[tuple[str | None, Ref, tuple[str, ...]]]:
    """The partial dates of lägesbilder, their information and indicator values; and of plan
    decisions and council reports."""
    found: list[tuple[str | None, Ref, tuple[str, ...]]] = []
    for situation in model.situations:
        found.append((situation.when.text, situation.ref, ("date",)))
        found.extend((i.when.text if i.when else None, i.ref, ("date",)) for i in situation.information)
        found.extend((v.when.text, v.ref, ("date",)) for ind in situation.indicators for v in ind.values)
    plans: list[Agreement | PledgeSet] = [*model.agreements, *model.pledge_sets]
    for plan in plans:
        found.append(((plan.raw.get("decision") or {}).get("date"), plan.ref, ("decision", "date")))
    if model.config:
        found.extend((r["date"], model.config.ref, ("council_reports", str(i)))
                     for i, r in enumerate(model.config.council_reports))
    return found


def _periods(model: Model) -> list[Finding]:
    findings = []
    items: list[Agreement | PledgeSet] = [*model.agreements, *model.pledge_sets]
    for item in items:
        if item.period.given and item.period.end < item.period.start:
            findings.append(make("TRY401", item.ref.where("period", "end"),
                                 f"{item.id}: period ends {item.period.end} before it starts "
                                 f"{item.period.start}", "swap or correct the dates",
                                 sv=f"{item.id}: perioden slutar {item.period.end} innan den börjar "
                                 f"{item.period.start}", sv_hint="byt plats på eller rätta datumen"))
    for pledge_set in model.pledge_sets:
        findings.extend(_inside_agreement(model, pledge_set))
        findings.extend(_period_contradictions(model, pledge_set))
    return findings


def _period_contradictions(model: Model, pledge_set: PledgeSet) -> list[Finding]:
    """TRY413: a period with both an end and 'until', or a set that extends itself or a set
    that starts after it (an unknown set is TRY305)."""
    findings = []
    raw = pledge_set.raw.get("period") or {}
    if "end" in raw and "until" in raw:
        findings.append(make("TRY413", pledge_set.ref.where("period", "until", key=True),
                             f"{pledge_set.id}: the period gives both an end ({raw['end']}) and "
                             f"'until: {raw['until']}'",
                             "keep 'end:' when the source gives the last day, 'until:' when it "
                             "does not",
                             sv=f"{pledge_set.id}: perioden anger både slut ({raw['end']}) och "
                             f"'until: {raw['until']}'",
                             sv_hint="behåll 'end:' om källan anger sista dagen, 'until:' om den "
                             "inte gör det"))
    extended = model.pledge_set(pledge_set.extends) if pledge_set.extends else None
    if extended is pledge_set or (extended is not None and extended.period.given
                                  and pledge_set.period.given
                                  and extended.period.start > pledge_set.period.start):
        findings.append(make("TRY413", pledge_set.ref.where("extends"),
                             f"{pledge_set.id}: extends '{pledge_set.extends}', which is not an "
                             "earlier pledge set",
                             "name the earlier set whose pledges this one extends",
                             sv=f"{pledge_set.id}: förlänger '{pledge_set.extends}', som inte är "
                             "tidigare medborgarlöften",
                             sv_hint="ange de tidigare medborgarlöften som den här förlänger"))
    return findings


def _iso(period: Period) -> str:
    """'2024-01-01..2025-12-31', or '2024-01-01..' for a period in force until further notice."""
    return f"{period.start}.." if period.open else f"{period.start}..{period.end}"


def _covered(period: Period, spans: list[Period]) -> bool:
    """Whether the spans together cover every day of the period."""
    reach = period.start
    for span in sorted(spans, key=lambda s: s.start):
        if span.start > reach:
            break
        reach = max(reach, span.end + timedelta(days=1))
    return reach > period.end


def _inside_agreement(model: Model, pledge_set: PledgeSet) -> list[Finding]:
    """TRY406 when the pledge period is not covered by the agreements it builds on."""
    agreements = [a for a in (model.agreement(i) for i in pledge_set.agreement_ids) if a is not None]
    period = pledge_set.period
    if not period.given:
        return []
    # An open period (tills vidare) runs past any agreement: only its start must be covered.
    wanted = Period(period.start, period.start) if period.open else period
    if not agreements or _covered(wanted, [a.period for a in agreements]):
        return []
    names = ", ".join(f"{a.id} ({a.period.start}..{a.period.end})" for a in agreements)
    return [make("TRY406", pledge_set.ref.where("period"),
                 f"{pledge_set.id}: period {_iso(pledge_set.period)} is "
                 f"not covered by its agreements: {names}",
                 "correct the period, or name every agreement it spans under 'agreements:'",
                 sv=f"{pledge_set.id}: perioden {_iso(pledge_set.period)} "
                 f"täcks inte av dess överenskommelser: {names}",
                 sv_hint="rätta perioden, eller ange varje överenskommelse den spänner över under "
                 "'agreements:'")]


def _completed_before_start(activity: Activity) -> list[Finding]:
    """A completion date wholly before the start date (`set-status done --date` with a typo)."""
    if not activity.start or not activity.completed:
        return []
    completed = parse_partial(activity.completed)
    if completed is None or completed.last >= activity.start:
        return []
    return [make("TRY410", activity.ref.where("completed"),
                 f"{activity.id}: completed {activity.completed} is before start {activity.start}",
                 "correct the completion date (or the start date)",
                 sv=f"{activity.id}: klardatum {activity.completed} ligger före startdatum {activity.start}",
                 sv_hint="rätta datumet för när den blev klar (eller startdatumet)")]


def _completed_in_future(activity: Activity, today: date) -> list[Finding]:
    """TRY522 for a done activity whose completion date has not come (2042 for 2024): a
    warning, since the file stays readable, but status counts it done from a day not yet here."""
    completed = parse_partial(activity.completed) if activity.completed else None
    if activity.status is not Status.DONE or completed is None or completed.first <= today:
        return []
    return [make("TRY522", activity.ref.where("completed"),
                 f"{activity.id}: done, but completed {activity.completed} is after today ({today})",
                 "write the day it was completed; a done activity cannot be completed in the future",
                 sv=f"{activity.id}: klar, men klardatum {activity.completed} ligger efter i dag "
                 f"({today})",
                 sv_hint="skriv dagen då den blev klar; en klar aktivitet kan inte bli klar i framtiden")]


def _activity(activity: Activity, period: Period | None) -> list[Finding]:
    findings = []
    ref = activity.ref
    if period is not None:
        for field, day in (("start", activity.start), ("due", activity.due)):
            if day is not None and not period.contains(day):
                findings.append(make("TRY402", ref.where(field),
                                     f"{activity.id}: {field} {day} is outside the period "
                                     f"{_iso(period)}",
                                     "move the date into the period, or the activity to the "
                                     "list of the right period",
                                     sv=f"{activity.id}: {_SV_FIELD[field]} {day} ligger utanför "
                                     f"perioden {_iso(period)}",
                                     sv_hint="flytta datumet in i perioden, eller aktiviteten till "
                                     "listan för rätt period"))
        for target in activity.targets:
            for outcome in target.outcomes:
                if outcome.date != date.min and not period.contains(outcome.date):
                    findings.append(make("TRY407", outcome.ref.where("date"),
                                         f"{activity.id}: outcome date {outcome.date} is outside "
                                         f"the period {_iso(period)}",
                                         "use the date the figure refers to, not the date it "
                                         "was published",
                                         sv=f"{activity.id}: utfallets datum {outcome.date} ligger "
                                         f"utanför perioden {_iso(period)}",
                                         sv_hint="ange datumet som siffran avser, inte när den "
                                         "publicerades"))
    if activity.start and activity.due and activity.due < activity.start:
        findings.append(make("TRY403", ref.where("due"),
                             f"{activity.id}: due {activity.due} is before start {activity.start}",
                             "correct one of the dates",
                             sv=f"{activity.id}: slutdatum {activity.due} ligger före startdatum "
                             f"{activity.start}", sv_hint="rätta ett av datumen"))
    findings.extend(_completed_before_start(activity))
    if activity.status is Status.DONE and not activity.completed:
        findings.append(make("TRY404", ref.where("status"),
                             f"{activity.id}: status is done but there is no completion date",
                             "add 'completed: YYYY-MM-DD' (or YYYY-MM, or YYYY when only the year "
                             "is known)",
                             sv=f"{activity.id}: status är klar men datum för när den blev klar saknas",
                             sv_hint="lägg till 'completed: ÅÅÅÅ-MM-DD' (eller ÅÅÅÅ-MM, eller ÅÅÅÅ "
                             "när bara året är känt)"))
    if activity.status in (Status.DELAYED, Status.CANCELLED) and not activity.reason:
        findings.append(make("TRY405", ref.where("status"),
                             f"{activity.id}: status {activity.status.value} needs a reason",
                             "add 'reason: ...' saying why",
                             sv=f"{activity.id}: statusen {label(f'status.{activity.status.value}', 'sv')} "
                             "kräver en orsak",
                             sv_hint="lägg till 'reason: ...' som säger varför"))
    return findings


def _targets(activity: Activity) -> list[Finding]:
    """TRY408 for targets missing the fields their kind needs."""
    needs = {"at_least": ["value"], "exactly": ["value"], "rate": ["value", "per"],
             "change": ["baseline", "direction"], "qualitative": [], "range": ["value", "max"],
             "level": ["value"]}
    findings = _shapes(activity) + _parts(activity)
    for target in activity.targets:
        if target.indicator and target.outcomes:
            findings.append(make("TRY408", target.ref.where("outcomes"),
                                 f"{activity.id}: target '{target.id}' takes its outcomes from "
                                 "an indicator and has outcomes of its own",
                                 "remove 'outcomes:' (the indicator's values are the outcomes), "
                                 "or remove 'indicator:'",
                                 sv=f"{activity.id}: målet '{target.id}' får sina utfall från en "
                                 "indikator men har också egna utfall",
                                 sv_hint="ta bort 'outcomes:' (indikatorns värden är utfallen) "
                                 "eller ta bort 'indicator:'"))
        for field in needs[target.kind.value]:
            if getattr(target, field) is None:
                findings.append(make("TRY408", target.ref.where("kind"),
                                     f"{activity.id}: target '{target.id}' of kind "
                                     f"{target.kind.value} needs '{field}'",
                                     f"add '{field}:' to the target",
                                     sv=f"{activity.id}: målet '{target.id}' av typen "
                                     f"{target.kind.value} behöver '{field}'",
                                     sv_hint=f"lägg till '{field}:' i målet"))
    return findings


def _misfit(activity: Activity, target: Target, field: str, en: str, sv: str, hint: str,
            sv_hint: str) -> Finding:
    return make("TRY408", target.ref.where(field), f"{activity.id}: target '{target.id}' {en}", hint,
                sv=f"{activity.id}: målet '{target.id}' {sv}", sv_hint=sv_hint)


def _shapes(activity: Activity) -> list[Finding]:
    """TRY408 for the shapes of #25 given to a kind they do not fit."""
    findings = []
    for target in activity.targets:
        kind = target.kind
        if target.max is not None and target.value is not None and target.max < target.value:
            findings.append(_misfit(activity, target, "max", "ends below where it starts",
                                    "slutar under där det börjar", "make 'max' at least 'value'",
                                    "ange 'max' minst lika stort som 'value'"))
        if target.every is not None and kind is not TargetKind.RATE:
            findings.append(_misfit(activity, target, "every", "has 'every' but is not a rate",
                                    "har 'every' men är inte en takt", "use 'kind: rate' with 'per'",
                                    "använd 'kind: rate' med 'per'"))
        if target.seasons and kind not in COUNTED:
            findings.append(_misfit(activity, target, "seasons", f"of kind {kind.value} cannot "
                                    "apply to each season", f"av typen {kind.value} kan inte gälla "
                                    "varje årstid", "use at_least, exactly or range",
                                    "använd at_least, exactly eller range"))
        for outcome in target.outcomes:
            if target.seasons and outcome.season not in target.seasons:
                findings.append(make(
                    "TRY408", outcome.ref.where("season" if outcome.season else "value", key=True),
                    f"{activity.id}: target '{target.id}' is for {', '.join(target.seasons)}; the "
                    "outcome names none of them", "give the outcome 'season:' with one of the target's",
                    sv=f"{activity.id}: målet '{target.id}' gäller {', '.join(target.seasons)}; "
                    "utfallet anger ingen av dem",
                    sv_hint="ge utfallet 'season:' med en av målets årstider"))
    return findings


def _parts(activity: Activity) -> list[Finding]:
    """TRY319 for a 'part_of' that names no other target of the activity (or pledge); TRY412
    for a part whose value is larger than its whole's ("70, varav 80")."""
    by_id = {t.id: t for t in activity.targets}
    findings = []
    for target in activity.targets:
        whole = by_id.get(target.part_of) if target.part_of else None
        if target.part_of and (whole is None or whole is target):
            findings.append(make(
                "TRY319", target.ref.where("part_of"),
                f"{activity.id}: target '{target.id}' is part of '{target.part_of}', which is no "
                "other target here", f"use one of: {', '.join(i for i in by_id if i != target.id)}",
                sv=f"{activity.id}: målet '{target.id}' är del av '{target.part_of}', som inte är "
                "ett annat mål här",
                sv_hint=f"använd något av: {', '.join(i for i in by_id if i != target.id)}"))
        elif (whole is not None and target.value is not None and whole.value is not None
              and target.kind in COUNTED and whole.kind in COUNTED and target.value > whole.value):
            findings.append(make(
                "TRY412", target.ref.where("value"),
                f"{activity.id}: target '{target.id}' ({target.value:g}) is part of "
                f"'{whole.id}' ({whole.value:g}) but larger than it",
                "check both values: a part cannot be more than the whole",
                sv=f"{activity.id}: målet '{target.id}' ({target.value:g}) är del av '{whole.id}' "
                f"({whole.value:g}) men större än det",
                sv_hint="kontrollera båda värdena: en del kan inte vara mer än helheten"))
    return findings


def _predecessor_cycles(model: Model) -> list[Finding]:
    """TRY409 once per cycle of 'predecessor' links, so later walks along them cannot loop."""
    by_id = {activity.id: activity for activity in model.all_activities()}
    in_reported_cycle: set[str] = set()
    findings = []
    for activity in model.all_activities():
        chain: list[str] = []
        current: Activity | None = activity
        while current is not None and current.id not in chain:
            chain.append(current.id)
            current = by_id.get(current.predecessor) if current.predecessor else None
        if current is activity and activity.id not in in_reported_cycle:
            in_reported_cycle.update(chain)
            findings.append(make("TRY409", activity.ref.where("predecessor"),
                                 f"{activity.id}: predecessors form a cycle: "
                                 f"{' -> '.join([*chain, activity.id])}",
                                 "an activity cannot follow itself; remove or correct one "
                                 "'predecessor:'",
                                 sv=f"{activity.id}: föregångarna bildar en cirkel: "
                                 f"{' -> '.join([*chain, activity.id])}",
                                 sv_hint="en aktivitet kan inte följa på sig själv; ta bort eller "
                                 "rätta en 'predecessor:'"))
    return findings


def check(model: Model, today: date | None = None) -> list[Finding]:
    """Every rule; today (default: the real date) is when an outcome counts as dated in the future."""
    day = today or date.today()
    findings = _partial_dates(model) + _periods(model) + _predecessor_cycles(model)
    for activity_list in model.activity_lists:
        pledge_set = model.pledge_set(activity_list.pledge_set)
        # A set whose source gives no period: no date can lie outside it.
        period = pledge_set.period if pledge_set and pledge_set.period.given else None
        for activity in activity_list.activities:
            findings.extend(_activity(activity, period))
            findings.extend(_completed_in_future(activity, day))
            findings.extend(_targets(activity))
            findings.extend(outcomes.check_activity(activity, period, day))
    for pledge_set in model.pledge_sets:
        given = pledge_set.period if pledge_set.period.given else None
        for action in pledge_actions(pledge_set):
            findings.extend(_activity(action, given))
            findings.extend(_targets(action))
            findings.extend(outcomes.check_activity(action, given, day))
    return findings
