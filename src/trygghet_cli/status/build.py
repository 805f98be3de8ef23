"""Build a StatusReport from the model: judge every activity, filter, roll up."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from trygghet_cli.errors import UsageError
from trygghet_cli.model import Model, PledgeSet, Result
from trygghet_cli.status.attainment import Verdict
from trygghet_cli.status.period import select_period
from trygghet_cli.status.report import (
    Filters,
    Gap,
    Group,
    PledgeProgress,
    Rollup,
    StatusReport,
    Summary,
)
from trygghet_cli.status.state import (
    STATUS_ORDER,
    ActivityState,
    Effective,
    activity_state,
    count_statuses,
    done_share,
)


def _check_known(kind: str, wanted: Iterable[str], known: Sequence[str]) -> None:
    for item in wanted:
        if item not in known:
            raise UsageError.say(f"filter.unknown_{kind}", item=item, known=", ".join(known))


def resolve_filters(model: Model, pledge_set: PledgeSet, filters: Filters) -> Filters:
    """Check the filter ids against the data; a pledge may be given by its number ('2')."""
    config = model.config
    _check_known("owner", filters.owners, [f.id for f in config.functions] if config else [])
    _check_known("district", filters.districts, [d.id for d in config.districts] if config else [])
    pledges = [pledge_set.pledge_id(wanted) for wanted in filters.pledges]
    return Filters(filters.owners, filters.districts, filters.statuses, filters.overdue,
                   filters.due_within, tuple(pledges))


def _group(by: Rollup, key: str | None, title: str | None, pledges: tuple[str, ...],
           states: list[ActivityState], gap: Gap | None = None) -> Group:
    counts = count_statuses(states)
    if gap is None and not states:
        gap = Gap.NO_ACTIVITY
    return Group(by, key, title, pledges, tuple(states), counts, done_share(counts), gap)


def _by_area(report_pledges: tuple[PledgeProgress, ...], areas: list[tuple[str, str]]) -> list[Group]:
    groups = []
    for area_id, title in areas:
        serving = [p for p in report_pledges if area_id in p.pledge.areas]
        states = _unique(s for p in serving for s in p.activities)
        gap = Gap.NO_PLEDGE if not serving else None
        groups.append(_group(Rollup.AREA, area_id, title, tuple(p.pledge.id for p in serving),
                             states, gap))
    known = {a for a, _ in areas}
    loose = [p for p in report_pledges if not set(p.pledge.areas) & known]
    if loose:
        states = _unique(s for p in loose for s in p.activities)
        groups.append(_group(Rollup.AREA, None, None, tuple(p.pledge.id for p in loose), states))
    return groups


def problems_of(model: Model, pledge_set: PledgeSet) -> list[tuple[str, str]]:
    """(id, title) of the problems a pledge period answers to: those of the lägesbild it builds
    on (else the latest up to the period's end), then any others its pledges or activities name."""
    from trygghet_cli.situation import select as situations

    named = model.situation(str(pledge_set.raw.get("situation", "")))
    basis = named or situations.latest(model, pledge_set.period.end)
    found = {p.id: p.title for p in basis.problems} if basis else {}
    titles = {p.id: p.title for s in situations.dated(model) for p in s.problems}
    used = [i for p in pledge_set.pledges for i in p.problems]
    used += [i for a in model.activities_for(pledge_set.id) for i in a.problems]
    for ident in used:
        found.setdefault(ident, titles.get(ident, ident))
    return list(found.items())


def reasoned_problems(model: Model) -> set[str]:
    """The problems a lägesbild gives a reason to take no measure for (no_measure_reason)."""
    return {p.id for s in model.situations for p in s.problems if p.no_measure_reason}


def _by_problem(report_pledges: tuple[PledgeProgress, ...], states: list[ActivityState],
                problems: list[tuple[str, str]], reasoned: set[str]) -> list[Group]:
    """Problem -> the pledges that name it -> their activities, and activities that name it
    themselves; a problem nothing addresses is a gap, unless the lägesbild says why not."""
    groups = []
    for problem_id, title in problems:
        serving = [p for p in report_pledges if problem_id in p.pledge.problems]
        members = _unique([*(s for p in serving for s in p.activities),
                           *(s for s in states if problem_id in s.activity.problems)])
        gap = None if serving or members else Gap.REASONED if problem_id in reasoned else Gap.NO_PLEDGE
        groups.append(_group(Rollup.PROBLEM, problem_id, title, tuple(p.pledge.id for p in serving),
                             members, gap))
    known = {p for p, _ in problems}
    tied = {s.id for g in groups for s in g.activities}
    loose = [s for s in states if s.id not in tied and not set(s.activity.problems) & known]
    if loose:
        pledges = tuple(dict.fromkeys(p for s in loose for p in s.activity.pledges))
        groups.append(_group(Rollup.PROBLEM, None, None, pledges, loose))
    return groups


def _unique(states: Iterable[ActivityState]) -> list[ActivityState]:
    seen: dict[str, ActivityState] = {}
    for state in states:
        seen.setdefault(state.id, state)
    return list(seen.values())


def _by_attribute(by: Rollup, states: list[ActivityState], known: list[tuple[str, str]],
                  keep_empty: bool) -> list[Group]:
    """Group by owners or districts; an activity with several appears under each."""
    def values(state: ActivityState) -> list[str]:
        activity = state.activity
        return activity.owners if by is Rollup.OWNER else activity.districts

    groups = []
    for key, title in known:
        members = [s for s in states if key in values(s)]
        if members or keep_empty:
            pledges = tuple(dict.fromkeys(p for s in members for p in s.activity.pledges))
            groups.append(_group(by, key, title, pledges, members))
    rest = [s for s in states if not values(s)]
    if rest:
        pledges = tuple(dict.fromkeys(p for s in rest for p in s.activity.pledges))
        groups.append(_group(by, None, None, pledges, rest))
    return groups


def _by_status(states: list[ActivityState]) -> list[Group]:
    groups = []
    for status in STATUS_ORDER:
        members = [s for s in states if s.effective is status]
        if members:
            pledges = tuple(dict.fromkeys(p for s in members for p in s.activity.pledges))
            groups.append(_group(Rollup.STATUS, status.value, None, pledges, members))
    return groups


def rollup(model: Model, report: StatusReport, by: Rollup) -> tuple[Group, ...]:
    """Group the report's activities by priority area, owner, district or effective status."""
    states = list(report.activities)
    config = model.config
    if by is Rollup.AREA:
        agreements = [model.agreement(i) for i in report.pledge_set.agreement_ids]
        areas = [(a.id, a.title) for ag in agreements if ag is not None for a in ag.areas]
        return tuple(_by_area(report.pledges, areas))
    if by is Rollup.OWNER:
        owners = [(f.id, f.name) for f in config.functions] if config else []
        return tuple(_by_attribute(by, states, owners, keep_empty=False))
    if by is Rollup.DISTRICT:
        districts = [(d.id, d.name) for d in config.districts] if config else []
        return tuple(_by_attribute(by, states, districts, keep_empty=True))
    if by is Rollup.PROBLEM:
        return tuple(_by_problem(report.pledges, states, problems_of(model, report.pledge_set),
                                 reasoned_problems(model)))
    return tuple(_by_status(states))


def _summary(states: list[ActivityState], pledge_set: PledgeSet, as_of: date) -> Summary:
    counts = count_statuses(states)
    verdicts = dict.fromkeys(Verdict, 0)
    for state in states:
        for target in state.targets:
            verdicts[target.verdict] += 1
    period = pledge_set.period
    elapsed = min(max((as_of - period.start).days + 1, 0), period.days)
    # An open period (tills vidare) runs on as_of with no end to count to; a period that is not
    # given has neither start nor end.
    measured = period.given and not period.open
    return Summary(
        activities=sum(1 for s in states if not s.activity.from_pledge), counts=counts,
        done_share=done_share(counts),
        overdue=counts[Effective.OVERDUE],
        past_due_unknown=sum(1 for s in states if s.effective is Effective.UNKNOWN and s.days_past_due
                             and not s.activity.from_pledge),
        targets=sum(verdicts.values()), verdicts=verdicts,
        period_days=period.days if measured else None,
        days_elapsed=elapsed if period.given else None,
        days_left=max((period.end - as_of).days, 0) if measured else None,
        ended=measured and as_of > period.end, started=period.given and as_of >= period.start)


def _names(model: Model) -> dict[str, str]:
    names: dict[str, str] = {}
    if model.config:
        for item in (*model.config.parties, *model.config.districts, *model.config.functions):
            names[item.id] = item.name
    for agreement in model.agreements:
        names.update({a.id: a.title for a in agreement.areas})
    for situation in model.situations:
        names.update({p.id: p.title for p in situation.problems})
    return names


def _municipalities(model: Model, pledge_set: PledgeSet) -> tuple[str, ...]:
    from trygghet_cli.area import municipalities_of

    return tuple(m.name for m in municipalities_of(model, pledge_set))


def _results(model: Model, set_id: str, wanted: Filters, shown: set[str], as_of: date) -> tuple[Result, ...]:
    return tuple(r for lst in model.activity_lists if lst.pledge_set == set_id for r in lst.results
                 if wanted.keeps(r, shown, as_of))


def build_report(model: Model, period: str | None, as_of: date, filters: Filters | None = None,
                 by: Rollup | None = None, today: date | None = None) -> StatusReport:
    """The status of a pledge period (see select_period) on as_of, filtered and rolled up."""
    selected = select_period(model, period, as_of)
    pledge_set = selected.pledge_set
    wanted = resolve_filters(model, pledge_set, filters or Filters())
    names = _names(model)
    titles = model.source_titles()
    judged = [activity_state(a, pledge_set.period, as_of, today, names, titles)
              for a in model.activities_for(pledge_set.id)]
    shown = [s for s in judged if wanted.matches(s, as_of)]
    pledges = []
    for pledge in pledge_set.pledges:
        mine = [s for s in shown if pledge.id in s.activity.pledges]
        if mine or not wanted.active:
            counts = count_statuses(mine)
            pledges.append(PledgeProgress(pledge, tuple(mine), counts, done_share(counts)))
    config = model.config
    agreement = model.agreement(pledge_set.agreement) if pledge_set.agreement else None
    report = StatusReport(
        municipality=config.municipality if config else "", police_area=config.police_area if config else "",
        selected=selected, agreement=agreement, as_of=as_of, filters=wanted, by=by,
        summary=_summary(shown, pledge_set, as_of), pledges=tuple(pledges), groups=(),
        names=names, sources=titles, municipalities=_municipalities(model, pledge_set),
        results=_results(model, pledge_set.id, wanted, {s.id for s in shown}, as_of),
        extends=extended.title if (extended := model.pledge_set(pledge_set.extends or "")) else None)
    if by is None:
        return report
    from dataclasses import replace

    return replace(report, groups=rollup(model, report, by))
