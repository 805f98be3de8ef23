"""A timeline per pledge in sentences: what was decided, done and reported, dated, from the
data (signing, the period, activities begun and completed, outcomes reported) and from its git
history (activities added, cancelled, delayed, when the data gives no date of its own).

A fact the data dates itself is told once, on the data's date: the history's "blev klar" of an
activity with a completion date is left out, and identical history lines are told once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from trygghet_cli import i18n
from trygghet_cli.model import Activity, PledgeSet, parse_partial
from trygghet_cli.render.context import ViewContext, text
from trygghet_cli.site.history import History, short
from trygghet_cli.status.verdict_words import outcome_value

View = dict[str, Any]
Line = tuple[date, str, str]  # sort day, the date as shown, the sentence


def _partial(ctx: ViewContext, value: str | None) -> tuple[date, str] | None:
    found = parse_partial(value) if value else None
    # a date known only to the month or year is placed at its end: by then it had happened
    return (found.last, ctx.partial(value)) if found else None


def _activity_lines(ctx: ViewContext, activity: Activity) -> list[Line]:
    lines: list[Line] = []
    if activity.start and activity.start <= ctx.as_of:
        lines.append((activity.start, ctx.about(activity.start, "start" in activity.uncertain),
                      ctx.t("site.timeline.activity_start", title=activity.title)))
    done = _partial(ctx, activity.completed) if activity.status.value == "done" else None
    if done and done[0] <= ctx.as_of:
        lines.append((done[0], done[1], ctx.t("site.timeline.activity_done", title=activity.title)))
    for target in activity.targets:
        for outcome in target.outcomes:
            if outcome.date > ctx.as_of:
                continue
            shown = ctx.partial(outcome.date_text) if outcome.date_text else ctx.date(outcome.date)
            value = outcome_value(outcome, ctx.lang)
            unit = f" {target.unit}" if target.unit and not isinstance(outcome.value, str) else ""
            key = "site.timeline.outcome_of" if len(activity.targets) > 1 else "site.timeline.outcome"
            lines.append((outcome.date, shown, ctx.t(key, title=activity.title, value=value + unit,
                                                     target=" ".join(target.text.split()))))
    return lines


def _set_lines(ctx: ViewContext, pledge_set: PledgeSet) -> list[Line]:
    period = pledge_set.period
    lines: list[Line] = []
    signed = _partial(ctx, text((pledge_set.signed or {}).get("date")))
    if signed and signed[0] <= ctx.as_of:
        lines.append((signed[0], signed[1], ctx.t("site.timeline.signed")))
    if period.given and period.start <= ctx.as_of:
        lines.append((period.start, ctx.date(period.start), ctx.t("site.timeline.start")))
    if period.given and period.end < ctx.as_of:
        lines.append((period.end, ctx.date(period.end), ctx.t("site.timeline.end")))
    return lines


def _history_lines(ctx: ViewContext, history: History, groups: set[str], pledge_id: str,
                   dated: dict[str, str], serves: dict[str, list[str]]) -> list[Line]:
    """The history's events about this pledge's activities, each sentence once (earliest)."""
    lines: list[Line] = []
    for rev in reversed(history.revisions):
        day = rev.when.date()
        if day > ctx.as_of:
            continue
        for event in rev.events:
            pledges = serves.get(event.subject, [event.pledge] if event.pledge else [])
            if event.group not in groups or event.kind != "activity" or pledge_id not in pledges:
                continue
            if event.subject in dated and event.text == dated[event.subject]:
                continue  # the data's own completion date tells it
            lines.append((day, ctx.date(day), event.text[:1].upper() + event.text[1:] + "."))
    return lines


def timelines(ctx: ViewContext, pledge_set: PledgeSet, history: History) -> list[View]:
    """Each pledge of the set with its dated sentences, oldest first, without repeats."""
    activities = [a for a in ctx.model.activities_for(pledge_set.id) if ctx.visible(a)]
    serves = {a.id: a.pledges for a in activities}
    dated = {a.id: i18n.label("site.history.became.done", ctx.lang, title=short(a.title))
             for a in activities if a.completed}
    groups = {pledge_set.id, *(lst.id for lst in ctx.model.activity_lists if lst.pledge_set == pledge_set.id)}
    found = []
    for number, pledge in enumerate(pledge_set.pledges, start=1):
        lines = _set_lines(ctx, pledge_set)
        for activity in (a for a in activities if pledge.id in a.pledges):
            lines += _activity_lines(ctx, activity)
        lines += _history_lines(ctx, history, groups, pledge.id, dated, serves)
        seen: set[str] = set()
        told = []
        ending = ctx.t("site.timeline.end")
        for day, shown, sentence in sorted(lines, key=lambda line: (line[0], line[2] == ending)):
            if sentence not in seen:
                seen.add(sentence)
                told.append({"date": shown, "iso": day.isoformat(), "text": sentence})
        found.append({"number": number, "lines": told})
    return found
