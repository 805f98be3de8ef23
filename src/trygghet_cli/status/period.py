"""Which pledge period to show: the one containing as_of, one asked for, or a sensible fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghet_cli.errors import DataError, UsageError
from trygghet_cli.model import Model, Period, PledgeSet


class PeriodChoice(StrEnum):
    """How the pledge set was chosen, so views can say so."""

    REQUESTED = "requested"  # named with --period
    CURRENT = "current"  # its period contains as_of
    LATEST_ENDED = "latest_ended"  # no period contains as_of; the latest one that ended before it
    UPCOMING = "upcoming"  # as_of is before every period; the first one
    NOT_GIVEN = "not_given"  # no set gives a period; the first of them (never placed by guess)


@dataclass(frozen=True, slots=True)
class SelectedPeriod:
    """The pledge set a status is judged on, and why it was chosen."""

    pledge_set: PledgeSet
    how: PeriodChoice
    others: tuple[PledgeSet, ...] = ()  # other sets that also hold as_of (overlapping, TRY509)

    @property
    def period(self) -> Period:
        return self.pledge_set.period


def period_names(pledge_set: PledgeSet) -> set[str]:
    """Names a user may type for a pledge set: its id, '2019', '2024-2025', '2024–2025'."""
    period = pledge_set.period
    if not period.given:
        return {pledge_set.id}
    label = period.label()
    if period.open:
        return {pledge_set.id, label, f"{period.start.year}-"}
    return {pledge_set.id, label, label.replace("–", "-"),
            f"{period.start.year}-{str(period.end.year)[2:]}"}


def _by_name(sets: list[PledgeSet], name: str) -> PledgeSet:
    wanted = name.strip().replace("–", "-")
    named = [s for s in sets if wanted in period_names(s)]
    if not named and re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", wanted):
        day = date.fromisoformat(wanted) if len(wanted) == 10 else None
        year = int(wanted[:4])
        named = [s for s in sets if (s.period.contains(day) if day else
                                     s.period.start.year <= year <= s.period.end.year)]
    if len(named) == 1:
        return named[0]
    choices = ", ".join(sorted({s.period.label().replace("–", "-") if s.period.given else s.id
                                for s in sets}))
    if not named:
        raise UsageError.say("period.none", name=name, choices=choices)
    ids = ", ".join(s.id for s in named)
    raise UsageError.say("period.several", name=name, ids=ids)


def select_period(model: Model, period: str | None, as_of: date) -> SelectedPeriod:
    """The pledge set to judge: --period if given, else the one containing as_of, else the
    latest that ended before as_of, else (as_of before all of them) the first."""
    sets = sorted(model.pledge_sets, key=lambda s: (s.period.start, s.period.end, s.id))
    if not sets:
        raise DataError.say("period.no_pledges")
    if period is not None:
        return SelectedPeriod(_by_name(sets, period), PeriodChoice.REQUESTED)
    # A set whose source gives no period holds no date: it is shown when asked for by name, or
    # when no set gives a period.
    if not any(s.period.given for s in sets):
        return SelectedPeriod(sets[0], PeriodChoice.NOT_GIVEN, tuple(sets[1:]))
    sets = [s for s in sets if s.period.given]
    current = [s for s in sets if s.period.contains(as_of)]
    if current:
        # Overlapping sets (validation warns): the one that started last, naming the others.
        return SelectedPeriod(current[-1], PeriodChoice.CURRENT, tuple(current[:-1]))
    ended = [s for s in sets if s.period.end < as_of]
    if ended:
        return SelectedPeriod(max(ended, key=lambda s: (s.period.end, s.period.start)),
                              PeriodChoice.LATEST_ENDED)
    return SelectedPeriod(sets[0], PeriodChoice.UPCOMING)
