"""The lägesbild report: the kartläggning as charts with tables, the other information, the
analysis, the problems and what addresses them, and a word on every district."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trygghet_cli import i18n
from trygghet_cli.area import districts_of, own_districts
from trygghet_cli.errors import UsageError
from trygghet_cli.model import Activity, Target
from trygghet_cli.render import views
from trygghet_cli.render.context import ViewContext, text
from trygghet_cli.situation import Indicator, IndicatorValue, Problem, Situation
from trygghet_cli.situation import select as situations
from trygghet_cli.situation.targets import level

if TYPE_CHECKING:
    from trygghet_cli.render import Built, Request

View = dict[str, Any]


def choose(ctx: ViewContext, wanted: str | None, year: int | None) -> Situation:
    """The lägesbild named by --period (its id, file name or date), the latest of --year, or
    the latest on as_of (the oldest when none is that old)."""
    every = situations.dated(ctx.model)
    if not every:
        raise UsageError.say("lagesbild.none")
    if wanted is not None:
        key = wanted.strip().lower()
        found = [s for s in every if key in {s.id, s.when.text, s.ref.file.path.rsplit("/", 1)[-1]
                                             .removesuffix(".yaml").removesuffix(".yml")}]
        if not found:
            raise UsageError.say("lagesbild.no_such", wanted=wanted, ids=", ".join(s.id for s in every))
        return found[-1]
    if year is not None:
        found = [s for s in every if s.when.first.year == year]
        if not found:
            raise UsageError.say("lagesbild.no_year", year=year,
                                 years=", ".join(sorted({str(s.when.first.year) for s in every})))
        return found[-1]
    return situations.latest(ctx.model, ctx.as_of) or every[0]


def _number(ctx: ViewContext, value: float, decimals: int = 0) -> str:
    """A value as entered: with the indicator's decimals when it has any."""
    if decimals:
        return i18n.format_fixed(value, ctx.lang, decimals)
    return i18n.format_number(value, ctx.lang)


def _targets_on(ctx: ViewContext, indicator: Indicator, district: str | None) -> list[Target]:
    return [t for a in ctx.model.all_activities() if ctx.visible(a) for t in a.targets
            if t.indicator and t.indicator["id"] == indicator.id
            and t.indicator.get("district") == district]


def _series(ctx: ViewContext, indicator: Indicator, district: str | None, ident: str) -> View:
    values = indicator.series(district)
    where = ctx.name(district) if district else ctx.t("lb.whole")
    targets = _targets_on(ctx, indicator, district)
    aim = next(((t, level(t)) for t in targets if level(t) is not None), None)
    places = indicator.decimals
    points = [{"label": ctx.partial(v.when.text), "value": v.value, "text": _cell(ctx, v, places)}
              for v in values]
    chart = {"id": ident, "title": f"{indicator.name}: {where}",
             "desc": ctx.t("lb.chart_desc", name=indicator.name, where=where, unit=indicator.unit,
                           values=ctx.listed([f"{p['label']}: {p['text']}" for p in points])),
             "points": points, "low_label": "0",
             "goal": ({"value": aim[1], "label": ctx.t("lb.goal", value=_number(ctx, aim[1] or 0))}
                      if aim else None)}
    return {"where": where, "chart": chart, "targets": [t.text for t in targets]}


def _cell(ctx: ViewContext, value: IndicatorValue, places: int) -> str:
    """'27', '27 *' (approximate), 'minst 50' ("mer än hälften"), 'högst 5' ("under 5 %")."""
    from trygghet_cli.status.verdict_words import qualified

    shown = qualified(_number(ctx, value.value, places), value.bound, False, ctx.lang)
    return shown + (" *" if value.approximate else "")


def _indicator(ctx: ViewContext, indicator: Indicator, number: int) -> View:
    dates = sorted({v.when.text for v in indicator.values})
    rows = []
    places = indicator.decimals
    for district in indicator.districts():
        by_date = {v.when.text: v for v in indicator.values if v.district == district}
        rows.append({"where": ctx.name(district) if district else ctx.t("lb.whole"),
                     "cells": [_cell(ctx, by_date[d], places) if d in by_date else "—"
                               for d in dates]})
    notes = [f"{ctx.partial(v.when.text)}: {'; '.join(filter(None, [v.measured_at, v.note]))}"
             for v in indicator.values if v.note or v.measured_at]
    source = ctx.sources([indicator.source]) if indicator.source else []
    return {
        "id": f"ind-{number}", "name": indicator.name, "unit": indicator.unit,
        "description": text(indicator.description),
        "better": ctx.t(f"lb.better.{indicator.better}") if indicator.better else "",
        "source": source[0] if source else None, "dates": [ctx.partial(d) for d in dates],
        "rows": rows, "notes": notes,
        "series": [_series(ctx, indicator, d, f"ind-{number}-{index}")
                   for index, d in enumerate(indicator.districts(), start=1)],
    }


def _measures(ctx: ViewContext, problem: Problem) -> list[str]:
    found = [f"{p.text} ({s.title})" for s in ctx.model.pledge_sets for p in s.pledges
             if problem.id in p.problems]
    acts: list[Activity] = [a for a in ctx.model.all_activities() if problem.id in a.problems
                            and ctx.visible(a)]
    return found + [a.title for a in acts]


def _problem(ctx: ViewContext, problem: Problem, situation: Situation) -> View:
    names = {i.id: i.name for i in situation.indicators}
    return {"title": problem.title, "description": text(problem.description),
            "districts": ctx.names(problem.districts),
            "indicators": [names.get(i, i) for i in problem.indicators],
            "measures": _measures(ctx, problem), "reason": text(problem.no_measure_reason)}


def _information(ctx: ViewContext, situation: Situation) -> list[View]:
    return [{"kind": ctx.t(f"lb.info.{item.kind}") if item.kind else "", "title": item.title,
             "date": ctx.partial(item.when.text) if item.when else "",
             "districts": ctx.names(item.districts), "summary": text(item.summary)}
            for item in situation.information]


def _districts(ctx: ViewContext, situation: Situation) -> list[View]:
    """The lägesbild's word on each district of its municipalities: all of the municipality
    shown, and of a joint lägesbild's other municipalities those it says something about."""
    own = {d.id for d in own_districts(ctx.model)}
    found = []
    for district in districts_of(ctx.model, situation):
        section = situation.section(district.id)
        problems = [p.title for p in situation.problems if district.id in p.districts]
        if district.id in own or section or problems:
            found.append({"name": district.name, "summary": section.summary if section else "",
                          "problems": problems})
    return found


def cited(situation: Situation) -> list[str]:
    """The source ids a lägesbild cites anywhere, in order."""
    ids = list(situation.sources)
    ids += [i.source for i in situation.indicators if i.source]
    ids += [v.source for i in situation.indicators for v in i.values if v.source]
    ids += [s for item in situation.information for s in item.sources]
    ids += [s for p in situation.problems for s in p.sources]
    ids += [s for d in situation.districts for s in d.sources]
    return ids


def view(ctx: ViewContext, situation: Situation) -> View:
    """The public view of one lägesbild."""
    return {
        # The footer names the cooperation: the compilers and the root's own parties.
        "meta": views.meta(ctx, "lagesbild", situation.title, ctx.partial(situation.when.text), [],
                           party_ids=list(situation.compiled_by)),
        "situation": {
            "id": situation.id, "date": ctx.partial(situation.when.text),
            "compiled_by": ctx.names(situation.compiled_by), "occasion": text(situation.occasion),
            "mapping": text(situation.mapping_summary), "analysis": text(situation.analysis),
            "notes": text(situation.notes),
        },
        "indicators": [_indicator(ctx, i, n) for n, i in enumerate(situation.indicators, start=1)],
        "information": _information(ctx, situation),
        "problems": [_problem(ctx, p, situation) for p in situation.problems],
        "districts": _districts(ctx, situation),
        "sources": ctx.sources(cited(situation)),
    }


def lagesbild_built(ctx: ViewContext, req: Request) -> Built:
    from trygghet_cli.render import Built

    situation = choose(ctx, req.period, req.year)
    files = [situation.ref.file, *[s.ref.file for s in ctx.model.pledge_sets],
             *[lst.ref.file for lst in ctx.model.activity_lists]]
    return Built(view(ctx, situation), files)
