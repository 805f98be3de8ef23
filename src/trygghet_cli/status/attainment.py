"""How far a target is reached, judged on what was known on a date.

The figure so far comes from the numeric outcomes (see figures.py: running totals replace
what they hold, separate windows add up). Outcomes dated after as_of are not known yet and are
not counted, but are reported. When the latest outcome is words or a verdict stated by a
source, and no figure is as recent, that outcome is what is shown: a stated verdict as the
source's verdict, words as "cannot be judged". Two outcomes from different sources that give
different values for the same figure disagree: the judged one is reported with the others.

A bound ("over 300") or an approximate figure is never judged more favourably than the number
itself allows: a lower bound below the target cannot be judged, an approximate figure that
reaches it is met and marked approximate.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from trygghet_cli.model import Bound, Outcome, Period, StatedVerdict, Target, TargetKind
from trygghet_cli.status.figures import Figure, figure, number

__all__ = ["DAYS_PER", "Attainment", "Verdict", "attainment", "latest_outcome", "number"]

DAYS_PER = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}
COUNTS = (TargetKind.AT_LEAST, TargetKind.EXACTLY, TargetKind.RANGE)


class Verdict(StrEnum):
    """The judgement of a target; views translate it ("uppnått" / "met")."""

    MET = "met"
    EXCEEDED = "exceeded"  # an `exactly` target overshot
    PARTLY_MET = "partly_met"  # only as stated by a source
    NOT_MET = "not_met"  # a final figure below the target
    ON_TRACK = "on_track"  # an interim figure at or above what is due so far
    BEHIND = "behind"  # an interim figure below what is due so far
    IN_PROGRESS = "in_progress"  # an interim figure with no pace to judge it against
    REPORTED = "reported"  # a qualitative target with an outcome
    NOT_JUDGED = "not_judged"  # words, a bound that leaves it open, or no baseline value
    NO_OUTCOME = "no_outcome"


@dataclass(frozen=True, slots=True)
class Attainment:
    """One target against its figure so far.

    `expected` is the figure to compare with: the target value (at_least, exactly), the count
    due over the days measured (rate), or the required change (change). `achieved` is the
    figure (summed over separate windows), or for change targets the change against the
    baseline. `ratio` is achieved / expected (None when not computable); views draw bars from
    it. `due_so_far` is what an interim count should have reached by the share `due_share` of
    the activity's own window. `stated` is the outcome whose verdict a source states, when that
    verdict is what is shown; `later` counts outcomes dated in the future (after today and as_of).
    """

    target: Target
    verdict: Verdict
    latest: Outcome | None
    achieved: float | None
    expected: float | None
    ratio: float | None
    final: bool
    approximate: bool
    elapsed_days: int | None  # rate targets: the days the figure covers
    disagreeing: tuple[Outcome, ...]  # other sources' differing values for the same figure
    also: tuple[Outcome, ...]  # further values the same source gave for the same date
    figure: Figure | None = None
    stated: Outcome | None = None
    due_share: float | None = None
    due_so_far: float | None = None
    later: int = 0
    by_district: tuple[tuple[str, Attainment | None], ...] = ()  # per-district targets: name, judged
    titles: tuple[tuple[str, str], ...] = ()  # (id, title) of the sources the words cite
    unknown_window: bool = False  # the figure is undated: a rate or a pace cannot be judged
    conditional: bool = False  # short of a target given under a condition: cannot be judged

    def source_name(self, source_id: str | None) -> str:
        """A cited source's title; its id when the root does not define it."""
        return dict(self.titles).get(source_id or "", source_id or "?")

    @property
    def kind(self) -> TargetKind:
        return self.target.kind

    @property
    def sources_disagree(self) -> bool:
        return bool(self.disagreeing)

    @property
    def bound(self) -> Bound | None:
        return self.figure.bound if self.figure is not None and self.latest in self.figure.parts else None


def known_outcomes(target: Target, as_of: date) -> list[Outcome]:
    """Outcomes measured on or before as_of, in file order."""
    return [o for o in target.outcomes if o.date <= as_of and o.known_on <= as_of]


def latest_outcome(outcomes: list[Outcome]) -> Outcome | None:
    """The latest final outcome, else the latest interim one; ties go to the later in the file."""
    finals = [o for o in outcomes if o.kind == "final"]
    pool = finals or outcomes
    best: Outcome | None = None
    for outcome in pool:
        if best is None or outcome.date >= best.date:
            best = outcome
    return best


def _same_figure(latest: Outcome, outcomes: list[Outcome]) -> list[Outcome]:
    if latest.kind == "final":
        return [o for o in outcomes if o.kind == "final" and o is not latest]
    return [o for o in outcomes if o.date == latest.date and o.kind == latest.kind and o is not latest]


Outcomes = tuple[Outcome, ...]


def _split_others(latest: Outcome, outcomes: list[Outcome]) -> tuple[Outcomes, Outcomes]:
    """(disagreeing, also): differing values from other sources, and from the same source."""
    differing = [o for o in _same_figure(latest, outcomes)
                 if o.value != latest.value and o.value is not None]
    same_source = [o for o in differing if o.source is not None and o.source == latest.source
                   and o.date == latest.date]
    disagreeing = [o for o in differing if o not in same_source]
    return tuple(disagreeing), tuple(same_source)


def _elapsed(window: Period, day: date) -> int:
    end = min(day, window.end)
    return max((end - window.start).days + 1, 0)


def _change(target: Target, value: float) -> float | None:
    base = number((target.baseline or {}).get("value"))
    if base is None or math.isinf(value):
        return None if base is None else value if target.direction != "decrease" else -value
    delta = value - base
    if target.change_unit == "percent":
        if base == 0:
            return None
        delta = delta / base * 100
    return delta if target.direction != "decrease" else -delta


def _achieved(target: Target, fig: Figure) -> tuple[float | None, float, float]:
    """(achieved, least, most): the figure, or for change targets the change, with its range."""
    if target.kind is not TargetKind.CHANGE:
        return fig.value, fig.low, fig.high
    achieved = _change(target, fig.value)
    low, high = _change(target, fig.low), _change(target, fig.high)
    if achieved is None or low is None or high is None:
        return None, -math.inf, math.inf
    return achieved, min(low, high), max(low, high)


def _units(days: int, per: str) -> float:
    """How many days, weeks, months or years a stretch covers; whole calendar months and years
    count whole (731 days are two years, not 2.001)."""
    units = days / DAYS_PER.get(per, 1.0)
    if per in ("month", "year") and round(units) >= 1 and abs(units - round(units)) < 0.01 * round(units):
        return float(round(units))
    return units


def _expected(target: Target, fig: Figure) -> float | None:
    if target.kind is TargetKind.RATE and target.value is not None:
        return target.value * _units(fig.days, target.per or "day") / (target.every or 1)
    return target.value


def _share(activity_window: Period, day: date) -> float | None:
    """The share of the activity's own window passed by day; None when nothing is due yet."""
    if activity_window.open or not activity_window.given:  # no end: nothing to pace against
        return None
    passed = _elapsed(activity_window, day)
    return passed / activity_window.days if passed > 0 and activity_window.days > 0 else None


def _reached(kind: TargetKind, low: float, high: float, expected: float | None) -> bool | None:
    """True, False, or None when a bound leaves it open."""
    if expected is None:  # a change target without a size: any change in the right direction
        return True if low > 0 else False if high <= 0 else None
    if low >= expected:
        return True
    return False if high < expected else None


def _interim(kind: TargetKind, low: float, high: float, expected: float,
             share: float | None) -> tuple[Verdict, float | None]:
    """An interim count short of the target: against what is due by the share of the window."""
    if share is None:
        return Verdict.IN_PROGRESS, None
    due = expected * share
    if low >= due:
        return Verdict.ON_TRACK, due
    return (Verdict.BEHIND if high < due else Verdict.IN_PROGRESS), due


def _range(target: Target, low: float, high: float, expected: float) -> Verdict | None:
    """A range target ("tre till fyra gånger"): above its top exceeded, inside it met; None
    below it (judged as a count against its lower end)."""
    top = target.max if target.max is not None else expected
    if low > top:
        return Verdict.EXCEEDED
    if low >= expected:
        return Verdict.MET if high <= top else Verdict.NOT_JUDGED
    return None


def _judge(target: Target, low: float, high: float, expected: float | None, final: bool,
           share: float | None) -> tuple[Verdict, float | None]:
    kind = target.kind
    if kind is TargetKind.RANGE and expected is not None:
        ranged = _range(target, low, high, expected)
        if ranged is not None:
            return ranged, None
    if kind is TargetKind.EXACTLY and expected is not None:
        if low > expected:
            return Verdict.EXCEEDED, None
        if low == high == expected:
            return Verdict.MET, None
    reached = _reached(kind, low, high, expected)
    if kind is TargetKind.EXACTLY and reached:
        reached = None  # a lower bound at the target: exactly it, or more
    if reached:
        return (Verdict.MET if final or kind in COUNTS else Verdict.ON_TRACK), None
    if final:
        return (Verdict.NOT_MET if reached is False else Verdict.NOT_JUDGED), None
    if kind in COUNTS and expected is not None:
        return _interim(kind, low, high, expected, share)
    return (Verdict.BEHIND if reached is False else Verdict.IN_PROGRESS), None


STATED = {StatedVerdict.MET: Verdict.MET, StatedVerdict.PARTLY_MET: Verdict.PARTLY_MET,
          StatedVerdict.NOT_MET: Verdict.NOT_MET, StatedVerdict.ON_TRACK: Verdict.ON_TRACK}


def _without_figure(target: Target, latest: Outcome, known: list[Outcome], later: int) -> Attainment:
    """The latest outcome is words or a stated verdict, and no figure is as recent."""
    disagreeing, also = _split_others(latest, known)
    if latest.verdict is not None:
        verdict, stated = STATED[latest.verdict], latest
    else:
        verdict = Verdict.REPORTED if target.kind is TargetKind.QUALITATIVE else Verdict.NOT_JUDGED
        stated = None
    return Attainment(target, verdict, latest, None, target.value, None, latest.kind == "final",
                      latest.approximate, None, disagreeing, also, None, stated, later=later)


def _governs(latest: Outcome, fig: Figure | None) -> bool:
    """True when the latest outcome has no number and outranks the figure so far."""
    if number(latest.value) is not None:
        return False
    if fig is None or (latest.kind == "final" and not fig.final):
        return True
    return latest.kind == fig.latest.kind and latest.date > fig.latest.date


def attainment(target: Target, period: Period, as_of: date,
               activity_window: Period | None = None, today: date | None = None,
               districts: tuple[tuple[str, str], ...] = (),
               sources: Mapping[str, str] | None = None) -> Attainment:
    """Judge one target on what was known on as_of.

    activity_window is the activity's own stretch (its start, else the period's, to its due
    date, else the period's end): implicit outcome windows start there, and interim counts are
    paced over it. Outcomes dated after today (when given) and as_of are counted in `later`.
    districts are the activity's (id, name): a per-district target is judged in each.
    sources maps source ids to titles: a stated verdict is shown with its source's title.
    """
    judged = _conditional(_attainment(target, period, as_of, activity_window, today, districts))
    cited = [o.source for o in (judged.stated, *judged.disagreeing) if o is not None and o.source]
    titles = tuple((c, sources[c]) for c in dict.fromkeys(cited) if sources and c in sources)
    return replace(judged, titles=titles) if titles else judged


def _conditional(judged: Attainment) -> Attainment:
    """A target given under a condition ("om underrättelseläget medger") that a figure falls
    short of cannot be judged: the condition may not have held."""
    if judged.target.condition and judged.verdict in (Verdict.NOT_MET, Verdict.BEHIND):
        return replace(judged, verdict=Verdict.NOT_JUDGED, conditional=True)
    return judged


def _attainment(target: Target, period: Period, as_of: date, activity_window: Period | None,
                today: date | None, districts: tuple[tuple[str, str], ...]) -> Attainment:
    own = activity_window or period
    known = known_outcomes(target, as_of)
    later = sum(1 for o in target.outcomes if today is not None and o.date > max(as_of, today))
    latest = latest_outcome(known)
    if latest is None:
        return Attainment(target, Verdict.NO_OUTCOME, None, None, target.value, None, False,
                          False, None, (), (), later=later)
    if target.per_district and districts and target.kind in COUNTS:
        return _per_group(target, known, own, districts, lambda o: o.district, later)
    if target.seasons and target.kind in COUNTS:
        return _per_group(target, known, own, _season_groups(target, period, as_of, known),
                          lambda o: _season_key(o, period), later)
    if target.kind is TargetKind.LEVEL:
        return _level(target, known, own, later)
    fig = figure(known, own.start)
    if fig is None or target.kind is TargetKind.QUALITATIVE or _governs(latest, fig):
        if target.kind is TargetKind.QUALITATIVE and latest.verdict is None:
            return _qualitative(target, latest, known, fig, later)
        return _without_figure(target, latest, known, later)
    return (_unplaced(target, fig, known, own, later) or _undated(target, fig, known, own, later)
            or _judged(target, fig, known, own, later))


def _unplaced(target: Target, fig: Figure, known: list[Outcome], own: Period,
              later: int) -> Attainment | None:
    """A figure in a pledge set whose source gives no period (and an activity with no start of
    its own): a count is judged on the number alone, as an undated one is; a rate needs the
    windows of its outcomes. Otherwise "kan inte bedömas: okänt tidsfönster"."""
    if own.given:
        return None
    if target.kind is TargetKind.RATE and all(o.window is not None for o in fig.parts):
        return _judged(target, fig, known, own, later)
    return _undated(target, fig, known, own, later, unplaced=True)


def _qualitative(target: Target, latest: Outcome, known: list[Outcome], fig: Figure | None,
                 later: int) -> Attainment:
    shown = fig.latest if fig is not None and number(latest.value) is not None else latest
    disagreeing, also = _split_others(shown, known)
    return Attainment(target, Verdict.REPORTED, shown, number(shown.value), None, None,
                      shown.kind == "final",
                      shown.approximate, None, disagreeing, also,
                      fig if fig is not None and shown in fig.parts else None, later=later)


def _undated(target: Target, fig: Figure, known: list[Outcome], own: Period,
             later: int, unplaced: bool = False) -> Attainment | None:
    """A figure from an undated outcome ("62 kontroller" on an undated page): a count is judged
    on the number alone; a rate, or a count short of the target that is not final, needs the
    time it covers, which nobody knows: "kan inte bedömas: okänt tidsfönster"."""
    if not unplaced and not any(o.undated for o in fig.parts):
        return None
    if target.kind is not TargetKind.RATE:
        judged = _judged(target, fig, known, own, later, paced=False)
        if judged.verdict not in (Verdict.IN_PROGRESS, Verdict.BEHIND, Verdict.ON_TRACK):
            return judged
        return replace(judged, verdict=Verdict.NOT_JUDGED, unknown_window=True)
    disagreeing, also = _split_others(fig.latest, known)
    return Attainment(target, Verdict.NOT_JUDGED, fig.latest, fig.value, None, None, fig.final,
                      fig.approximate, None, disagreeing, also, None, later=later,
                      unknown_window=True)


def _judged(target: Target, fig: Figure, known: list[Outcome], own: Period, later: int,
            paced: bool = True) -> Attainment:
    latest = fig.latest
    disagreeing, also = _split_others(latest, [o for o in known if o is latest or o not in fig.parts])
    expected = _expected(target, fig)
    achieved, low, high = _achieved(target, fig)
    share = _share(own, latest.date) if not fig.final and paced else None
    if achieved is None:
        verdict, due = Verdict.NOT_JUDGED, None
    else:
        verdict, due = _judge(target, low, high, expected, fig.final, share)
    ratio = achieved / expected if achieved is not None and expected else None
    elapsed = fig.days if target.kind is TargetKind.RATE else None
    return Attainment(target, verdict, latest, achieved, expected, ratio, fig.final,
                      fig.approximate, elapsed, disagreeing, also, fig, None,
                      share if due is not None else None, due, later)


def _season_groups(target: Target, period: Period, as_of: date,
                   known: list[Outcome]) -> tuple[tuple[str, str], ...]:
    """(key, key) for each season of each year of the period: 'spring:2024'; the words name it.
    An open period's years run to as_of's; without a period, the years the outcomes name."""
    years: Iterable[int] = range(period.start.year, period.last_year(as_of) + 1) if period.given \
        else sorted({o.date.year for o in known if o.season is not None and not o.undated})
    return tuple((f"{s}:{y}", f"{s}:{y}") for y in years for s in target.seasons)


def _season_key(outcome: Outcome, period: Period) -> str | None:
    """The season and year an outcome is for; an undated one counts only in a one-year period."""
    if outcome.season is None:
        return None
    if outcome.undated:
        return f"{outcome.season}:{period.start.year}" if period.start.year == period.end.year else None
    return f"{outcome.season}:{outcome.date.year}"


def _level(target: Target, known: list[Outcome], own: Period, later: int) -> Attainment:
    """A level held ("minst två områdespoliser"): the latest figure is the level, figures are
    not added up, and no pace applies."""
    numeric = [o for o in known if number(o.value) is not None]
    latest = latest_outcome(numeric)
    if latest is None:
        return _without_figure(target, latest_outcome(known) or known[-1], known, later)
    fig = figure([latest], own.start)
    assert fig is not None  # one numeric outcome makes a figure
    value = target.value
    verdict = Verdict.NOT_JUDGED
    if value is not None and fig.low >= value:
        verdict = Verdict.MET
    elif value is not None and fig.high < value:
        verdict = Verdict.NOT_MET
    disagreeing, also = _split_others(latest, [o for o in known if o.date == latest.date])
    return Attainment(target, verdict, latest, fig.value, value, fig.value / value if value else None,
                      True, fig.approximate, None, disagreeing, also, fig, later=later)


def _per_group(target: Target, known: list[Outcome], own: Period, groups: tuple[tuple[str, str], ...],
               key: Callable[[Outcome], str | None], later: int) -> Attainment:
    """A target for each district or season: met only when every one meets it."""
    judged: list[tuple[str, Attainment | None]] = []
    for ident, name in groups:
        mine = [o for o in known if key(o) == ident]
        fig = figure(mine, own.start)
        judged.append((name, None if fig is None else
                       _unplaced(target, fig, mine, own, 0) or _judged(target, fig, mine, own, 0)))
    verdicts = [a.verdict if a is not None else Verdict.NO_OUTCOME for _, a in judged]
    final = any(a is not None and a.final for _, a in judged)
    met = sum(1 for v in verdicts if v in (Verdict.MET, Verdict.EXCEEDED))
    latest = latest_outcome([o for o in known if key(o) in {i for i, _ in groups}]) if groups else None
    verdict = _combined(verdicts, final) if groups else Verdict.NOT_JUDGED
    # Without a period nobody knows which districts' or seasons' time is left: only a verdict
    # that needs no time stands ("uppnått" in every one; "ej uppnått" in a final figure).
    unknown = not own.given and (bool(target.seasons) or verdict in (
        Verdict.ON_TRACK, Verdict.BEHIND, Verdict.IN_PROGRESS, Verdict.NOT_JUDGED))
    if unknown and verdict is not Verdict.NOT_MET:
        verdict = Verdict.NOT_JUDGED
    return Attainment(target, verdict, latest or latest_outcome(known), float(met), float(len(groups)),
                      met / len(groups) if groups else None, final,
                      any(a is not None and a.approximate for _, a in judged),
                      None, (), (), None, None, later=later, by_district=tuple(judged),
                      unknown_window=unknown and verdict is Verdict.NOT_JUDGED)


def _combined(verdicts: list[Verdict], final: bool) -> Verdict:
    if all(v in (Verdict.MET, Verdict.EXCEEDED) for v in verdicts):
        return Verdict.EXCEEDED if Verdict.EXCEEDED in verdicts else Verdict.MET
    if final:
        if any(v in (Verdict.NOT_MET, Verdict.NO_OUTCOME, Verdict.BEHIND, Verdict.IN_PROGRESS)
               for v in verdicts):
            return Verdict.NOT_MET
        return Verdict.NOT_JUDGED
    if Verdict.BEHIND in verdicts:
        return Verdict.BEHIND
    return Verdict.ON_TRACK if all(v is not Verdict.NO_OUTCOME for v in verdicts) else Verdict.IN_PROGRESS
