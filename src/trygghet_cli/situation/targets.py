"""Targets judged on an indicator: the indicator's values become the target's outcomes."""

from __future__ import annotations

from trygghet_cli.model import Model, Outcome, Period, Target, parse_partial
from trygghet_cli.situation import Indicator, Situation


def latest_indicator(situations: list[Situation], ident: str) -> Indicator | None:
    """The indicator with this id in the newest lägesbild that has it."""
    dated = [s for s in situations if parse_partial(s.when.text) is not None]
    for situation in sorted(dated, key=lambda s: s.day, reverse=True):
        found = situation.indicator(ident)
        if found is not None:
            return found
    return None


def outcomes(target: Target, indicator: Indicator, period: Period) -> list[Outcome]:
    """The indicator's values for the target's district inside the period, as outcomes.

    A value is final when it is for the period's last stretch (its year, month or day ends
    on or after the period's end), interim otherwise; values outside the period are not
    outcomes of this period (the starting point is the target's baseline)."""
    district = (target.indicator or {}).get("district")
    found = []
    for value in indicator.values:
        # An impossible date (validate reports it) is skipped, not allowed to crash the load.
        if value.district != district or parse_partial(value.when.text) is None:
            continue
        day = value.when.last
        if value.when.first > period.end or day < period.start:
            continue
        kind = "final" if day >= period.end else "interim"
        found.append(Outcome(value.value, min(day, period.end), kind, value.approximate,
                             value.source or indicator.source, value.note, value.ref,
                             bound=value.bound, occasion=value.measured_at))
    return sorted(found, key=lambda o: o.date)


def link(model: Model) -> None:
    """Give every target that names an indicator that indicator's values as its outcomes.

    Runs after the checks, on a model whose references are known; a target whose indicator
    is unknown keeps no outcomes (validate has reported it)."""
    if not model.situations:
        return
    for pledge_set in model.pledge_sets:
        for activity in model.activities_for(pledge_set.id):
            for target in activity.targets:
                if not target.indicator:
                    continue
                indicator = latest_indicator(model.situations, target.indicator["id"])
                if indicator is not None:
                    target.outcomes = outcomes(target, indicator, pledge_set.period)


def level(target: Target) -> float | None:
    """The indicator value the target aims at: for a change target its baseline moved by the
    promised change, else its value; None when the target does not say."""
    if target.kind.value != "change":
        return target.value
    base = (target.baseline or {}).get("value")
    if target.value is None or not isinstance(base, int | float) or isinstance(base, bool):
        return None
    change = target.value if target.change_unit != "percent" else float(base) * target.value / 100
    return float(base) - change if target.direction == "decrease" else float(base) + change
