"""Judged activities and targets (from status/) as plain view dicts, and the chart data for them."""

from __future__ import annotations

from typing import Any

from trygghet_cli import i18n
from trygghet_cli.model import Outcome, TargetKind
from trygghet_cli.render.context import ViewContext, shown_title, text
from trygghet_cli.status import (
    ActivityState,
    Attainment,
    Effective,
    Verdict,
    count_statuses,
    done_share,
    words,
)

View = dict[str, Any]
GOOD = (Verdict.MET, Verdict.ON_TRACK, Verdict.EXCEEDED)
BAD = (Verdict.NOT_MET, Verdict.BEHIND)


def number(ctx: ViewContext, value: float | None) -> str:
    return "" if value is None else i18n.format_number(value, ctx.lang)


def percent(ctx: ViewContext, share: float | None) -> str:
    return "" if share is None else i18n.format_percent(share, ctx.lang)


def outcome_view(ctx: ViewContext, outcome: Outcome) -> View:
    source = ctx.sources([outcome.source]) if outcome.source else []
    return {
        "value": words.outcome_value(outcome, ctx.lang),
        "date": (ctx.t("outcome.by_source", date=ctx.partial(outcome.source_date))
                 if outcome.undated and outcome.source_date else ctx.t("outcome.undated")
                 if outcome.undated else ctx.date(outcome.date)),
        "kind": ctx.t(f"report.outcome.{outcome.kind or 'unknown'}"),
        "note": text(outcome.note),
        "source": source[0]["title"] if source else "", "source_url": source[0]["url"] if source else "",
    }


def verdict_key(att: Attainment) -> str:
    """The badge style of a verdict: met, not_met, disagree or a neutral one."""
    if att.verdict in GOOD:
        return "met"
    if att.verdict in BAD:
        return "not_met"
    return "no_outcome" if att.verdict is Verdict.NO_OUTCOME else "qualitative"


def target_view(ctx: ViewContext, att: Attainment) -> View:
    """A target, its judged outcome, the verdict, and the sources that disagree with it."""
    target = att.target
    expected = ""
    if target.kind is TargetKind.RATE and att.expected is not None:
        expected = ctx.t("report.expected_so_far", value=number(ctx, att.expected))
    return {
        "text": target.text, "kind": ctx.t(f"report.target_kind.{target.kind.value}"),
        "verdict": words.verdict_name(att.verdict, ctx.lang), "verdict_key": verdict_key(att),
        "outcome": outcome_view(ctx, att.latest) if att.latest else None,
        "expected": expected, "ratio": att.ratio,
        "disagreeing": [outcome_view(ctx, o) for o in (*att.disagreeing, *att.also)],
        "interim": [outcome_view(ctx, o) for o in target.outcomes
                    if o is not att.latest and o not in att.disagreeing and o not in att.also
                    and o.date <= ctx.as_of],
    }


def figure_view(ctx: ViewContext, att: Attainment) -> View:
    """One line of an overview table: the target, the judged figure and the verdict."""
    return {"target": att.target.text, "result": words.attainment_text(att, ctx.lang),
            "verdict_key": verdict_key(att)}


def state_view(ctx: ViewContext, state: ActivityState) -> View:
    """An activity as judged on a date: effective status and why, due date, targets."""
    activity = state.activity
    view: View = {
        "id": activity.id, "title": shown_title(ctx, activity), "description": text(activity.description),
        "owners": ctx.names(activity.owners or activity.parties),
        "districts": ctx.names(activity.districts),
        "status": words.status_name(state.effective, ctx.lang), "status_key": state.effective.value,
        "why": words.state_text(state, ctx.lang) if state.days_past_due else "",
        "due": ctx.about(activity.due, "due" in activity.uncertain),
        "completed": ctx.partial(activity.completed),
        "reason": text(activity.reason), "status_note": text(activity.status_note),
        "internal": activity.visibility == "internal", "partners": list(activity.partners),
        "targets": [target_view(ctx, t) for t in state.targets],
    }
    if ctx.internal:
        view["internal_notes"] = text(activity.internal_notes)
    return view


def _share(ctx: ViewContext, counts: dict[Effective, int]) -> str:
    """The share done, saying how many have no status given; '' when none has one (an unknown
    status is not 'not done')."""
    unknown = counts.get(Effective.UNKNOWN, 0)
    shown = percent(ctx, done_share(counts))
    if unknown and shown:
        return f"{shown} ({i18n.plural('report.status.unknown_count', ctx.lang, unknown)})"
    return shown


def counts_view(ctx: ViewContext, states: list[ActivityState]) -> View:
    """Activities per effective status (non-zero only), the share done and the overdue count."""
    counts = count_statuses(states)
    return {
        "total": sum(1 for s in states if not s.activity.from_pledge),
        "done_share": _share(ctx, counts),
        "overdue": counts[Effective.OVERDUE],
        "by_status": [{"key": k.value, "label": ctx.t(f"status.{k.value}"), "count": n}
                      for k, n in counts.items() if n],
    }


def status_chart(ctx: ViewContext, rows: list[tuple[str, list[ActivityState]]], ident: str) -> View:
    """Chart data: one stacked bar of effective statuses per labelled row."""
    chart_rows = []
    used: dict[str, str] = {}
    for label, states in rows:
        counts = count_statuses(states)
        segments = [{"key": k.value, "value": n} for k, n in counts.items() if n]
        used.update({k.value: ctx.t(f"status.{k.value}") for k, n in counts.items() if n})
        chart_rows.append({"label": label, "segments": segments})
    desc = "; ".join(f"{label}: " + ", ".join(f"{n} {ctx.t('status.' + k.value)}"
                                             for k, n in count_statuses(states).items() if n)
                     for label, states in rows)
    return {"id": ident, "title": ctx.t("report.chart.status_title"), "desc": desc or ctx.t("report.none"),
            "rows": chart_rows, "legend": [{"key": k, "label": v} for k, v in used.items()]}


def attainment_chart(ctx: ViewContext, targets: list[tuple[str, Attainment]], ident: str) -> View | None:
    """Chart data: numeric targets as a share of what was promised; None when there are none."""
    rows = []
    for label, att in targets:
        if att.ratio is None or att.achieved is None or att.expected is None:
            continue
        value = f"{number(ctx, att.achieved)} / {number(ctx, att.expected)}"
        rows.append({"label": label, "ratio": att.ratio, "value": value, "key": verdict_key(att)})
    if not rows:
        return None
    desc = "; ".join(f"{r['label']}: {r['value']}" for r in rows)
    return {"id": ident, "title": ctx.t("report.chart.attainment_title"), "desc": desc,
            "rows": rows, "goal_label": ctx.t("report.chart.goal")}
