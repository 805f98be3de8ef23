"""Choose what a report covers: an agreement, a pledge set or the pledge sets of a year."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from trygghet_cli.errors import UsageError
from trygghet_cli.model import Agreement, Model, Period, PledgeSet

T = TypeVar("T", Agreement, PledgeSet)


def _normal(text: str) -> str:
    return text.strip().lower().replace("–", "-").replace("—", "-")


def _matches(wanted: str, item_id: str, period: Period) -> bool:
    key = _normal(wanted)
    return key in {_normal(item_id), _normal(period.label())}


def _by_date(items: list[T], day: date) -> T | None:
    """The item whose period holds day (the latest to start, when several do),
    else the latest that started before it, else the first."""
    ordered = sorted(items, key=lambda item: (item.period.start, item.id))
    holding = [item for item in ordered if item.period.contains(day)]
    if holding:
        return holding[-1]
    started = [item for item in ordered if item.period.start <= day]
    if started:
        return started[-1]
    return ordered[0] if ordered else None


def _overlapping_year(items: list[T], year: int) -> list[T]:
    span = Period(date(year, 1, 1), date(year, 12, 31))
    return [i for i in items if i.period.start <= span.end and span.start <= i.period.end]


def _unknown(what: str, wanted: str, choices: list[str]) -> UsageError:
    return UsageError.say(f"select.no_{what}", wanted=wanted, choices=", ".join(choices) or "–")


def pledge_set(model: Model, period: str | None, year: int | None, as_of: date) -> PledgeSet:
    """The pledge set named by --period or --year, else the one in force on as_of
    (the status command's choice, so both commands agree)."""
    from trygghet_cli.status import select_period

    wanted = period if period is not None else (str(year) if year is not None else None)
    return select_period(model, wanted, as_of).pledge_set


def default_year(model: Model, as_of: date) -> int:
    """The latest year up to as_of's that any pledge set covers (the first one if none has begun)."""
    years = _years(model, as_of)
    if not years:
        raise UsageError.say("period.no_pledges")
    earlier = [y for y in years if y <= as_of.year]
    return max(earlier) if earlier else min(years)


def _years(model: Model, as_of: date) -> set[int]:
    """The years the pledge sets run in: an open one's up to as_of's, one of no period none."""
    return {y for s in model.pledge_sets for y in range(s.period.start.year, s.period.last_year(as_of) + 1)}


def pledge_sets_of_year(model: Model, year: int, as_of: date) -> list[PledgeSet]:
    """Every pledge set whose period overlaps the calendar year, oldest first (an open one in
    every year from its start; one whose source gives no period in none)."""
    found = sorted(_overlapping_year(model.pledge_sets, year), key=lambda s: (s.period.start, s.id))
    if not found:
        raise _unknown("year", str(year), [str(y) for y in sorted(_years(model, as_of))])
    return found


def agreement(model: Model, period: str | None, year: int | None, as_of: date) -> Agreement:
    """The agreement named by --period (its id or label, or a pledge set's), else the one in force
    in --year or on as_of."""
    agreements = model.agreements
    if period is not None:
        found = [a for a in agreements if _matches(period, a.id, a.period)]
        sets = [s for s in model.pledge_sets if _matches(period, s.id, s.period) and s.agreement]
        found += [a for s in sets for a in agreements if a.id == s.agreement]
        if not found:
            raise _unknown("agreement", period, [a.period.label() for a in agreements])
        return found[0]
    day = date(year, 12, 31) if year is not None else as_of
    chosen = _by_date(agreements, day)
    if chosen is None:
        raise UsageError.say("select.no_agreements")
    return chosen
