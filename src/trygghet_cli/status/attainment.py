"""How far a target is reached, judged on its latest outcome as of a date.

The latest outcome is the latest final one if there is any, else the latest interim one;
outcomes dated after as_of are not known yet and are ignored. Two outcomes from different
sources that give different values for the same figure (two finals, or two outcomes on the
latest date) disagree: the latest is judged and the others are reported beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghet_cli.model import Outcome, Period, Target, TargetKind

DAYS_PER = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}


class Verdict(StrEnum):
    """The judgement of a target; views translate it ("uppnått" / "met")."""

    MET = "met"
    EXCEEDED = "exceeded"  # an `exactly` target overshot
    NOT_MET = "not_met"  # a final figure below the target
    ON_TRACK = "on_track"  # an interim figure at or above what is due so far (rate, change)
    BEHIND = "behind"  # an interim figure below the target or what is due so far
    REPORTED = "reported"  # a qualitative target with an outcome
    NOT_JUDGED = "not_judged"  # a number was needed but the outcome is words, or no baseline value
    NO_OUTCOME = "no_outcome"


@dataclass(frozen=True, slots=True)
class Attainment:
    """One target against its latest outcome.

    `expected` is the figure to compare with: the target value (at_least, exactly), the
    count due by the outcome's date (rate: value per unit times the days elapsed), or the
    required change (change). `achieved` is the outcome value, or for change targets the
    change against the baseline (in percent when change_unit is percent). `ratio` is
    achieved / expected (None when not computable); views draw bars from it.
    """

    target: Target
    verdict: Verdict
    latest: Outcome | None
    achieved: float | None
    expected: float | None
    ratio: float | None
    final: bool
    approximate: bool
    elapsed_days: int | None  # rate targets: days of the period up to the outcome's date
    disagreeing: tuple[Outcome, ...]  # other sources' differing values for the same figure
    also: tuple[Outcome, ...]  # further values the same source gave for the same date

    @property
    def kind(self) -> TargetKind:
        return self.target.kind

    @property
    def sources_disagree(self) -> bool:
        return bool(self.disagreeing)


def number(value: float | int | str | None) -> float | None:
    """The outcome value as a number, or None when it is given in words."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    return float(value)


def known_outcomes(target: Target, as_of: date) -> list[Outcome]:
    """Outcomes measured on or before as_of, in file order."""
    return [o for o in target.outcomes if o.date <= as_of]


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
    differing = [o for o in _same_figure(latest, outcomes) if o.value != latest.value]
    same_source = [o for o in differing if o.source is not None and o.source == latest.source
                   and o.date == latest.date]
    disagreeing = [o for o in differing if o not in same_source]
    return tuple(disagreeing), tuple(same_source)


def _elapsed(period: Period, day: date) -> int:
    end = min(day, period.end)
    return max((end - period.start).days + 1, 0)


def _change(target: Target, value: float) -> float | None:
    base = number((target.baseline or {}).get("value"))
    if base is None:
        return None
    delta = value - base
    if target.change_unit == "percent":
        if base == 0:
            return None
        delta = delta / base * 100
    return delta if target.direction != "decrease" else -delta


def _expected(target: Target, period: Period, latest: Outcome) -> tuple[float | None, int | None]:
    if target.kind is TargetKind.RATE and target.value is not None:
        days = _elapsed(period, latest.date)
        return target.value * days / DAYS_PER.get(target.per or "day", 1.0), days
    return target.value, None


def _judge(target: Target, achieved: float, expected: float | None, final: bool) -> Verdict:
    kind = target.kind
    if kind is TargetKind.CHANGE and expected is None:
        reached = achieved > 0
    elif expected is None:
        return Verdict.NOT_JUDGED
    elif kind is TargetKind.EXACTLY:
        if achieved > expected:
            return Verdict.EXCEEDED
        reached = achieved == expected
    else:
        reached = achieved >= expected
    if reached:
        return Verdict.ON_TRACK if not final and kind in (TargetKind.RATE, TargetKind.CHANGE) else Verdict.MET
    return Verdict.NOT_MET if final else Verdict.BEHIND


def attainment(target: Target, period: Period, as_of: date) -> Attainment:
    """Judge one target on what was known on as_of."""
    outcomes = known_outcomes(target, as_of)
    latest = latest_outcome(outcomes)
    if latest is None:
        return Attainment(target, Verdict.NO_OUTCOME, None, None, target.value, None, False,
                          False, None, (), ())
    disagreeing, also = _split_others(latest, outcomes)
    final = latest.kind == "final"
    value = number(latest.value)
    expected, elapsed = _expected(target, period, latest)
    achieved = value
    if target.kind is TargetKind.CHANGE and value is not None:
        achieved = _change(target, value)
    if target.kind is TargetKind.QUALITATIVE:
        verdict = Verdict.REPORTED
    elif achieved is None:
        verdict = Verdict.NOT_JUDGED
    else:
        verdict = _judge(target, achieved, expected, final)
    ratio = achieved / expected if achieved is not None and expected else None
    if target.kind is TargetKind.QUALITATIVE:
        ratio = None
    return Attainment(target, verdict, latest, achieved, expected, ratio, final,
                      latest.approximate, elapsed, disagreeing, also)
