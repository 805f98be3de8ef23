"""The figure so far of a numeric target: which outcomes count, and how they add up.

Every numeric outcome covers a window: its own `period:`, or everything from the start of the
activity (or the pledge period) up to its date. A window that holds another one is a running
total that replaces it (213 by 31 August, then 303 for the year); windows that do not meet are
separate stretches (tertials, quarters) and add up. Windows that partly overlap cannot be
added; validation reports them, and here only the latest one counts. A final figure replaces
interim ones whose windows it meets.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from trygghet_cli.model import Bound, Outcome, Period


def number(value: float | int | str | None) -> float | None:
    """The outcome value as a number, or None when it is given in words (or not at all)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    return float(value)


@dataclass(frozen=True, slots=True)
class Figure:
    """The figure so far: the outcomes that make it up and what they allow.

    `low` and `high` are the least and the most the true figure can be: both equal `value`
    for an exact figure; a bound (over 300, at most 5) opens one side to infinity.
    """

    parts: tuple[Outcome, ...]
    windows: tuple[Period, ...]
    value: float
    low: float
    high: float
    start: date  # where windows that are not given start: the activity's or the period's start
    complete: bool = False  # every place's latest figure is final

    @property
    def latest(self) -> Outcome:
        return self.parts[-1]

    @property
    def days(self) -> int:
        """Days the windows cover, each day once (figures for several places share days)."""
        total, reach = 0, date.min
        for window in sorted(self.windows, key=lambda w: w.start):
            start = max(window.start, reach)
            if window.end >= start:
                total += (window.end - start).days + 1
                reach = window.end + timedelta(days=1)
        return total

    @property
    def span(self) -> Period:
        return Period(self.windows[0].start, self.windows[-1].end)

    @property
    def final(self) -> bool:
        return self.complete

    @property
    def approximate(self) -> bool:
        return any(o.approximate for o in self.parts)

    @property
    def bound(self) -> Bound | None:
        """The bound of the sum: a side is open when any part is open on it."""
        if math.isinf(self.high) and not math.isinf(self.low):
            return Bound.AT_LEAST
        if math.isinf(self.low) and not math.isinf(self.high):
            return Bound.AT_MOST
        return None


def window(outcome: Outcome, start: date) -> Period:
    """The window an outcome covers: its own, else from start up to its date. An undated figure
    covers an unknown stretch: it stands at start, so that any dated figure holds it."""
    if outcome.window is None and outcome.undated:
        return Period(start, start)
    return outcome.window or Period(min(start, outcome.date), outcome.date)


def meet(a: Period, b: Period) -> bool:
    return a.start <= b.end and b.start <= a.end


def partly_overlap(a: Period, b: Period) -> bool:
    """True when two windows share days but neither holds the other."""
    return meet(a, b) and not a.within(b) and not b.within(a)


def _interval(outcome: Outcome, value: float) -> tuple[float, float]:
    if outcome.bound is Bound.AT_LEAST:
        return value, math.inf
    if outcome.bound is Bound.AT_MOST:
        return -math.inf, value
    return value, value


def _pool(numeric: list[Outcome], start: date) -> list[Outcome]:
    """Finals, and interim figures for windows no final figure touches."""
    finals = [o for o in numeric if o.kind == "final"]
    return finals + [o for o in numeric if o.kind != "final"
                     and not any(meet(window(o, start), window(f, start)) for f in finals)]


def _outermost(pool: list[Outcome], start: date) -> list[Outcome]:
    """The outcomes whose windows no other window holds; for equal windows the later one."""
    chosen: dict[tuple[date, date], Outcome] = {}
    for outcome in pool:
        mine = window(outcome, start)
        if any(mine.within(window(o, start)) and window(o, start) != mine for o in pool):
            continue
        key = (mine.start, mine.end)
        best = chosen.get(key)
        if best is None or outcome.date >= best.date:
            chosen[key] = outcome
    return sorted(chosen.values(), key=lambda o: window(o, start).start)


def figure(outcomes: Sequence[Outcome], start: date) -> Figure | None:
    """The figure so far from the numeric outcomes (in file order); None when there is none.

    Figures for different districts or places ("3 kring Andra Långgatan + 2 i Slottsskogen")
    are made separately and add up.
    """
    groups: dict[tuple[str | None, str | None], list[Outcome]] = {}
    for outcome in outcomes:
        if number(outcome.value) is not None:
            groups.setdefault((outcome.district, outcome.place), []).append(outcome)
    made = [f for f in (_one_place(g, start) for g in groups.values()) if f is not None]
    if len(made) < 2:
        return made[0] if made else None
    pairs = sorted(((w, o) for f in made for w, o in zip(f.windows, f.parts, strict=True)),
                   key=lambda p: p[0].start)
    return Figure(tuple(o for _, o in pairs), tuple(w for w, _ in pairs), sum(f.value for f in made),
                  sum(f.low for f in made), sum(f.high for f in made), start,
                  all(f.complete for f in made))


def _one_place(numeric: list[Outcome], start: date) -> Figure | None:
    if not numeric:
        return None
    parts = _outermost(_pool(numeric, start), start)
    windows = [window(o, start) for o in parts]
    if any(partly_overlap(a, b) for i, a in enumerate(windows) for b in windows[i + 1:]):
        parts = [max(parts, key=lambda o: window(o, start).end)]
        windows = [window(parts[0], start)]
    values = [number(o.value) or 0.0 for o in parts]
    bounds = [_interval(o, v) for o, v in zip(parts, values, strict=True)]
    return Figure(tuple(parts), tuple(windows), sum(values), sum(b[0] for b in bounds),
                  sum(b[1] for b in bounds), start, parts[-1].kind == "final")
