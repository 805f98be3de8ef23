"""The report to the council (rapport till kommunstyrelsen/kommunfullmäktige) for a date range:
what the lägesbild showed, what was done, targets and indicators against plan, what changed
in the activity lists and why, and what remains."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from trygghet_cli import i18n
from trygghet_cli import law as law_check
from trygghet_cli.law import show as law_show
from trygghet_cli.model import Activity, Period, PledgeSet, parse_partial
from trygghet_cli.render import outcomes, select, views
from trygghet_cli.render.context import ViewContext, text
from trygghet_cli.render.lagesbild import cited
from trygghet_cli.situation import Indicator, Situation
from trygghet_cli.situation import select as situations
from trygghet_cli.status import ActivityState, Effective, activity_state, words

if TYPE_CHECKING:
    from trygghet_cli.render import Built, Request

View = dict[str, Any]
OPEN = (Effective.PLANNED, Effective.ONGOING, Effective.DELAYED, Effective.OVERDUE, Effective.UNKNOWN)


def span(ctx: ViewContext, req: Request) -> Period:
    """--year's calendar year, --period's pledge period, else the twelve months up to as_of."""
    if req.year is not None:
        return Period(date(req.year, 1, 1), date(req.year, 12, 31))
    if req.period is not None:
        chosen = select.pledge_set(ctx.model, req.period, None, ctx.as_of)
        if not chosen.period.given:
            from trygghet_cli.errors import UsageError

            raise UsageError.say("council.no_period", set=chosen.id)
        # An open period (tills vidare) is reported up to as_of.
        return Period(chosen.period.start, min(chosen.period.end, ctx.as_of))
    return Period(ctx.as_of - timedelta(days=364), ctx.as_of)


def _overlaps(period: Period, span_: Period) -> bool:
    return period.start <= span_.end and span_.start <= period.end


def _in_span(text_date: str | None, span_: Period) -> bool:
    found = parse_partial(text_date) if text_date else None
    return found is not None and found.first <= span_.end and span_.start <= found.last


def _change(ctx: ViewContext, indicator: Indicator, district: str | None, span_: Period) -> View | None:
    values = [v for v in indicator.series(district) if v.when.first <= span_.end]
    if not values:
        return None
    latest = values[-1]
    before = values[-2] if len(values) > 1 else None
    places = indicator.decimals

    def shown(value: float) -> str:
        return i18n.format_fixed(value, ctx.lang, places) if places else i18n.format_number(value, ctx.lang)

    # A trend word only where the values differ at the precision they were entered with.
    if before is None:
        trend = ctx.t("council.trend.single")
    elif round(latest.value, places) == round(before.value, places):
        trend = ctx.t("council.trend.same")
    else:
        trend = ctx.t("council.trend.up" if latest.value > before.value else "council.trend.down")
    return {"indicator": indicator.name, "unit": indicator.unit,
            "where": ctx.name(district) if district else ctx.t("lb.whole"),
            "before": f"{shown(before.value)} ({ctx.partial(before.when.text)})" if before else "—",
            "latest": f"{shown(latest.value)} ({ctx.partial(latest.when.text)})",
            "trend": trend}


def _shown(ctx: ViewContext, span_: Period) -> list[Situation]:
    """The lägesbilder dated in the range, else the one in force at its end."""
    shown = [s for s in situations.dated(ctx.model, span_.end) if s.when.last >= span_.start]
    current = situations.latest(ctx.model, span_.end)
    return shown or ([current] if current is not None else [])


def _situations(ctx: ViewContext, span_: Period) -> tuple[list[View], list[View], Situation | None]:
    shown = _shown(ctx, span_)
    current = situations.latest(ctx.model, span_.end)
    blocks = [{"title": s.title, "date": ctx.partial(s.when.text), "mapping": text(s.mapping_summary),
               "analysis": text(s.analysis), "problems": [p.title for p in s.problems]} for s in shown]
    changes = [] if current is None else [
        c for i in current.indicators for d in i.districts()
        if (c := _change(ctx, i, d, span_)) is not None]
    return blocks, changes, current


def _states(ctx: ViewContext, sets: list[PledgeSet], day: date) -> list[tuple[PledgeSet, ActivityState]]:
    return [(s, activity_state(a, s.period, day)) for s in sets
            for a in ctx.model.activities_for(s.id) if ctx.visible(a)]


def _changed(ctx: ViewContext, activity: Activity, state: ActivityState, span_: Period) -> View | None:
    """An activity that changed the list in the range: new, cancelled or delayed (with why)."""
    if state.effective in (Effective.CANCELLED, Effective.DELAYED):
        why = text(activity.reason) or text(activity.status_note) or ctx.t("report.yearly.no_reason")
        return {"title": activity.title, "change": words.status_name(state.effective, ctx.lang), "why": why}
    if activity.start is not None and span_.contains(activity.start):
        key = "council.carried" if activity.predecessor else "council.new"
        return {"title": activity.title, "change": ctx.t(key), "why": text(activity.status_note)}
    return None


def _revisions(ctx: ViewContext, sets: list[PledgeSet], span_: Period) -> list[str]:
    ids = {s.id for s in sets}
    from trygghet_cli.status.words import list_named

    return [ctx.t("council.revised", title=list_named(lst, ctx.model, ctx.lang),
                  date=ctx.partial(lst.revised))
            for lst in ctx.model.activity_lists
            if lst.pledge_set in ids and _in_span(lst.revised, span_)]


def _law(ctx: ViewContext, day: date) -> list[View]:
    result = law_check.check(ctx.model, day)
    return [{"title": ctx.t(r.key), "verdict": ctx.t(f"law.verdict.{r.verdict.value}"),
             "verdict_key": r.verdict.value, "why": law_show.reason(r, ctx.lang)}
            for r in result.requirements]


def council_built(ctx: ViewContext, req: Request) -> Built:
    from dataclasses import replace

    from trygghet_cli.render import Built

    span_ = span(ctx, req)
    day = min(ctx.as_of, span_.end)
    ctx = replace(ctx, as_of=day)
    sets = sorted((s for s in ctx.model.pledge_sets if _overlaps(s.period, span_)),
                  key=lambda s: (s.period.start, s.id))
    states = _states(ctx, sets, day)
    blocks, changes, current = _situations(ctx, span_)
    judged = [att for _, s in states for att in s.targets]
    label = f"{ctx.date(span_.start)} – {ctx.date(span_.end)}"
    view = {
        "meta": views.meta(ctx, "council", ctx.t("council.title", span=label), label, list(sets), False),
        "span": label, "sets": [s.title for s in sets],
        "situations": blocks, "indicator_changes": changes,
        "done": [{"title": s.activity.title, "set": p.title,
                  "completed": ctx.partial(s.activity.completed), "internal_notes": _notes(ctx, s)}
                 for p, s in states if s.effective is Effective.DONE
                 and _in_span(s.activity.completed, span_)],
        "figures": [outcomes.figure_view(ctx, att) for att in judged],
        "changed": [c for _, s in states if (c := _changed(ctx, s.activity, s, span_)) is not None],
        "revisions": _revisions(ctx, sets, span_),
        "remaining": [{"title": s.activity.title, "status": words.status_name(s.effective, ctx.lang),
                       "due": i18n.format_uncertain(s.due, s.due_uncertain, ctx.lang),
                       "internal_notes": _notes(ctx, s)}
                      for _, s in states if s.effective in OPEN and not s.activity.from_pledge],
        "open_problems": [] if current is None else [
            p.title for p in current.problems if not p.no_measure_reason and not _addressed(ctx, p.id)],
        "law": _law(ctx, day),
        "sources": ctx.sources([c for s in _shown(ctx, span_) for c in cited(s)]
                               + [str(c) for s in sets for c in s.raw.get("sources", [])]),
    }
    files = [*[s.ref.file for s in ctx.model.situations], *[s.ref.file for s in sets],
             *[lst.ref.file for lst in ctx.model.activity_lists if lst.pledge_set in {s.id for s in sets}]]
    return Built(view, files)


def _notes(ctx: ViewContext, state: ActivityState) -> str:
    """The internal notes, for the internal audience only."""
    return text(state.activity.internal_notes) if ctx.internal else ""


def _addressed(ctx: ViewContext, problem_id: str) -> bool:
    return (any(problem_id in p.problems for s in ctx.model.pledge_sets for p in s.pledges)
            or any(problem_id in a.problems for a in ctx.model.all_activities()))
