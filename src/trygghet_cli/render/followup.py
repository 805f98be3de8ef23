"""Views that need derived state (from status/): the meeting report and the yearly summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from trygghet_cli.model import Activity, Model, Period, PledgeSet, parse_partial
from trygghet_cli.render import outcomes, select, views
from trygghet_cli.render.context import ViewContext, activity_sources, stated_line, text
from trygghet_cli.status import ActivityState, Effective, Verdict, activity_state, build_report, words

if TYPE_CHECKING:
    from trygghet_cli.loading import Document
    from trygghet_cli.render import Built, Request

View = dict[str, Any]
MISSING = (Verdict.NO_OUTCOME, Verdict.NOT_MET)
# An activity whose status is not given is neither done nor not done: it has its own heading,
# judged by its targets (real follow-ups often record outcomes, not each activity's status).
NOT_DONE = (Effective.OVERDUE, Effective.DELAYED, Effective.CANCELLED, Effective.ONGOING,
            Effective.PLANNED)


def _files(model: Model, sets: list[PledgeSet]) -> list[Document]:
    files = [s.ref.file for s in sets]
    ids = {s.id for s in sets}
    files += [lst.ref.file for lst in model.activity_lists if lst.pledge_set in ids]
    files += [a.ref.file for s in sets if s.agreement for a in model.agreements if a.id == s.agreement]
    return files


def _area_titles(ctx: ViewContext, pledge_set: PledgeSet, area_ids: list[str]) -> list[str]:
    found = ctx.model.agreement(pledge_set.agreement) if pledge_set.agreement else None
    titles = {a.id: a.title for a in found.areas} if found else {}
    return [titles.get(a, a) for a in area_ids]


def _pledge_label(ctx: ViewContext, number: int) -> str:
    return ctx.t("report.pledges.pledge_n", n=number)


def status_built(ctx: ViewContext, req: Request) -> Built:
    """The meeting report: the status of one pledge period on as_of."""
    from trygghet_cli.render import Built

    wanted = req.period if req.period is not None else (str(req.year) if req.year is not None else None)
    report = build_report(ctx.model, wanted, ctx.as_of)
    chosen = report.pledge_set
    visible = [s for s in report.activities if ctx.visible(s.activity)]
    pledges = []
    chart_rows: list[tuple[str, list[ActivityState]]] = []
    judged = []
    for number, progress in enumerate(report.pledges, start=1):
        states = [s for s in progress.activities if ctx.visible(s.activity)]
        chart_rows.append((_pledge_label(ctx, number), states))
        judged += [(t.target.text, t) for s in states for t in s.targets]
        pledges.append({
            "number": number, "text": progress.pledge.text, "group": text(progress.pledge.group),
            "areas": _area_titles(ctx, chosen, progress.pledge.areas),
            "counts": outcomes.counts_view(ctx, states),
            "activities": [outcomes.state_view(ctx, s) for s in states],
        })
    verdicts = {v: 0 for v in Verdict}
    for _, att in judged:
        verdicts[att.verdict] += 1
    view = {
        "meta": views.meta(ctx, "status", chosen.title, chosen.period.label(ctx.lang), [chosen], dated=True),
        "set": {"title": chosen.title, "period": ctx.set_period(chosen)},
        "period_state": words.period_text(report, ctx.lang),
        "choice_note": words.choice_note(report, ctx.lang) or "",
        "counts": outcomes.counts_view(ctx, visible),
        "targets": [{"key": v.value, "label": words.verdict_name(v, ctx.lang), "count": n}
                    for v, n in verdicts.items() if n],
        "overdue": [outcomes.state_view(ctx, s) for s in visible if s.overdue],
        "pledges": pledges,
        "status_chart": outcomes.status_chart(ctx, chart_rows, "chart-status"),
        "attainment_chart": outcomes.attainment_chart(ctx, judged, "chart-attainment"),
        "sources": ctx.sources(_cited(ctx, chosen)),
    }
    return Built(view, _files(ctx.model, [chosen]))


def _year_activity(activity: Activity, period: Period, year: int) -> bool:
    """Whether an activity ran in the year: from its start (else the period's) to its completion
    (else its due date, else the period's end)."""
    first = activity.start or period.start
    completed = parse_partial(activity.completed) if activity.completed else None
    last = completed.last if completed else (activity.due or period.end)
    return first.year <= year <= max(last, first).year


def _not_done(ctx: ViewContext, state: ActivityState) -> View:
    activity = state.activity
    why = text(activity.reason) or text(activity.status_note) or ctx.t("report.yearly.no_reason")
    return {"title": activity.title, "status": words.status_name(state.effective, ctx.lang),
            "status_key": state.effective.value, "why": why}


def _unknown(ctx: ViewContext, state: ActivityState) -> View:
    """An activity with no status given, and what its targets show."""
    judged = [words.verdict_name(t.verdict, ctx.lang) for t in state.targets]
    return {"title": state.activity.title,
            "targets": ", ".join(dict.fromkeys(judged)) or ctx.t("report.yearly.unknown_no_targets")}


def done_text(ctx: ViewContext, states: list[ActivityState], whole: str = "set") -> str:
    """'1 av 2 aktiviteter klara.', saying how many have no status given rather than counting
    them as not done. A pledge that carries its own targets is no activity: its targets'
    verdicts are said instead ('Löftenas egna mål: uppnått 1, kan inte bedömas 1.')."""
    listed = [s for s in states if not s.activity.from_pledge]
    own = [s for s in states if s.activity.from_pledge]
    parts = [_activities_done(ctx, listed)] if listed or not own else []
    if own:
        verdicts = {v: 0 for v in Verdict}
        for state in own:
            for judged in state.targets:
                verdicts[judged.verdict] += 1
        parts.append(ctx.t(f"report.yearly.own_targets.{whole}",
                           verdicts=words.verdicts_text(verdicts, ctx.lang)))
    return " ".join(parts)


def _activities_done(ctx: ViewContext, states: list[ActivityState]) -> str:
    from trygghet_cli import i18n

    unknown = sum(1 for s in states if s.effective is Effective.UNKNOWN)
    if states and unknown == len(states):
        return i18n.plural("report.yearly.all_unknown", ctx.lang, unknown)
    done = sum(1 for s in states if s.effective is Effective.DONE)
    shown = i18n.plural("report.yearly.done_of", ctx.lang, len(states), done=done)
    return f"{shown} {i18n.plural('report.yearly.unknown_of', ctx.lang, unknown)}" if unknown else shown


def _year_states(ctx: ViewContext, pledge_set: PledgeSet, year: int) -> list[ActivityState]:
    """The shown activities of a pledge set that ran in the year, judged on ctx.as_of."""
    titles = ctx.model.source_titles()
    return [activity_state(a, pledge_set.period, ctx.as_of, None, {d: ctx.name(d) for d in a.districts},
                           titles)
            for a in ctx.model.activities_for(pledge_set.id)
            if ctx.visible(a) and _year_activity(a, pledge_set.period, year)]


def _year_pledges(ctx: ViewContext, pledge_set: PledgeSet, states: list[ActivityState]) -> list[View]:
    pledges = []
    for number, pledge in enumerate(pledge_set.pledges, start=1):
        mine = [s for s in states if pledge.id in s.activity.pledges]
        pledges.append({
            "number": number, "text": pledge.text, "group": text(pledge.group),
            "areas": _area_titles(ctx, pledge_set, pledge.areas),
            "done_text": done_text(ctx, mine, "pledge"),
            "activities": [outcomes.state_view(ctx, s) for s in mine],
            "activity_count": sum(1 for s in mine if not s.activity.from_pledge),
            "stated": stated_line(ctx, pledge.stated, "pledge"),
        })
    return pledges


def yearly_built(ctx: ViewContext, req: Request) -> Built:
    """The yearly summary: per pledge what was done in the year, outcomes against targets,
    what was not done and why, and the priority areas served."""
    from trygghet_cli.render import Built

    year = req.year if req.year is not None else select.default_year(ctx.model, ctx.as_of)
    sets = select.pledge_sets_of_year(ctx.model, year, ctx.as_of)
    # A year not yet ended is reported as it stands, and says so with the date (always: the
    # figures change until the year is over).
    preliminary = ctx.as_of < date(year, 12, 31)
    ctx = replace(ctx, as_of=min(ctx.as_of, date(year, 12, 31)))
    blocks, states = [], []
    for pledge_set in sets:
        mine = _year_states(ctx, pledge_set, year)
        states += mine
        blocks.append({"title": pledge_set.title, "period": ctx.set_period(pledge_set),
                       "pledges": _year_pledges(ctx, pledge_set, mine),
                       "counts": outcomes.counts_view(ctx, mine), "done_text": done_text(ctx, mine),
                       "notes": text(pledge_set.raw.get("notes"))})
    judged = [(t.target.text, t) for s in states for t in s.targets]
    listed = [s for s in states if not s.activity.from_pledge]
    meta = views.meta(ctx, "yearly", ctx.t("report.yearly.title", year=year), str(year),
                      list(sets), False)
    if preliminary:
        meta.update(as_of="", preliminary=ctx.t("report.preliminary", date=ctx.date(ctx.as_of)))
    view = {
        "meta": meta,
        "year": year, "sets": blocks, "intro_parties": _intro_parties(ctx, sets),
        "not_done": [_not_done(ctx, s) for s in states if s.effective in NOT_DONE],
        # A pledge that carries its own targets has no status to give: it is no activity here.
        "unknown": [_unknown(ctx, s) for s in states
                    if s.effective is Effective.UNKNOWN and not s.activity.from_pledge],
        "all_done": bool(listed) and all(s.effective is not Effective.UNKNOWN for s in listed),
        "missing": [{"activity": s.activity.title, "target": t.target.text,
                     "verdict": words.verdict_name(t.verdict, ctx.lang)}
                    for s in states for t in s.targets if t.verdict in MISSING],
        "figures": [outcomes.figure_view(ctx, att) for _, att in judged],
        "results": _year_results(ctx, sets, year),
        "attainment_chart": outcomes.attainment_chart(ctx, judged, "chart-attainment"),
        "sources": ctx.sources([s for b in sets for s in _cited(ctx, b)]),
    }
    return Built(view, _files(ctx.model, sets))


def _year_results(ctx: ViewContext, sets: list[PledgeSet], year: int) -> list[str]:
    """Övriga resultat of the year's pledge sets: those of the year, or of no known date."""
    from trygghet_cli.status.result_words import result_text

    ids = {s.id for s in sets}
    titles = ctx.model.source_titles()
    found = []
    for activity_list in ctx.model.activity_lists:
        for result in activity_list.results if activity_list.pledge_set in ids else []:
            window, last = result.window, result.last_day
            in_year = (window.start.year <= year <= window.end.year) if window else (
                last is None or last.year == year)
            names = {result.district: ctx.name(result.district)} if result.district else None
            if in_year:
                found.append(result_text(result, ctx.lang, names, titles))
    return found


def _intro_parties(ctx: ViewContext, sets: list[PledgeSet]) -> str:
    """The parties of the year's pledges as a list, or '' when they are just one municipality
    and the police (the intro then says so in plain words)."""
    from trygghet_cli.area import only_municipality_and_police

    ids = list(dict.fromkeys(str(p) for s in sets for p in s.raw.get("parties", [])))
    if not ids or only_municipality_and_police(ctx.model, ids):
        return ""
    return ctx.listed(ctx.names(ids))


def _cited(ctx: ViewContext, pledge_set: PledgeSet) -> list[str]:
    """The sources of a pledge set, its shown activities and their outcomes."""
    cited = [str(s) for s in pledge_set.raw.get("sources", [])]
    for activity in ctx.model.activities_for(pledge_set.id):
        if ctx.visible(activity):
            cited += activity_sources(activity)
            cited += [o.source for t in activity.targets for o in t.outcomes if o.source]
    return cited
