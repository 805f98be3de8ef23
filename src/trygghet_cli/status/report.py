"""The status of one pledge period as a value: header figures, pledges, groups. Views render it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from trygghet_cli.model import Agreement, Pledge, PledgeSet, Result
from trygghet_cli.status.attainment import Attainment, Verdict
from trygghet_cli.status.period import SelectedPeriod
from trygghet_cli.status.state import ActivityState, Effective


class Rollup(StrEnum):
    """What --by groups the activities by."""

    AREA = "area"
    OWNER = "owner"
    DISTRICT = "district"
    STATUS = "status"
    PROBLEM = "problem"


class Gap(StrEnum):
    NO_PLEDGE = "no_pledge"  # a priority area no pledge serves
    NO_ACTIVITY = "no_activity"  # a group (area, district, pledge) with no activity
    REASONED = "no_measure_reason"  # a problem the lägesbild gives a reason to take no measure for


@dataclass(frozen=True, slots=True)
class Filters:
    """Which activities to show. Empty tuples mean no restriction; all given filters must hold."""

    owners: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    statuses: tuple[Effective, ...] = ()
    overdue: bool = False
    due_within: int | None = None  # days from as_of; unfinished activities due in that window
    pledges: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.owners or self.districts or self.statuses or self.overdue
                    or self.due_within is not None or self.pledges)

    def matches(self, state: ActivityState, as_of: date) -> bool:
        activity = state.activity
        checks = (
            not self.owners or any(o in self.owners for o in activity.owners),
            not self.districts or any(d in self.districts for d in activity.districts),
            not self.statuses or state.effective in self.statuses,
            not self.overdue or state.overdue,
            self.due_within is None or (not state.finished and as_of <= state.due
                                        and state.days_to_due <= self.due_within),
            not self.pledges or any(p in self.pledges for p in activity.pledges),
        )
        return all(checks)

    def keeps(self, result: Result, shown: set[str], as_of: date) -> bool:
        """Whether a result (övrigt resultat) is shown: one of a shown activity, or, with only
        pledge and district filters, one of those; never one dated after as_of."""
        last = result.last_day
        if last is not None and last > as_of and (result.window is None or result.window.start > as_of):
            return False
        if not self.active:
            return True
        if result.activity is not None:
            return result.activity in shown
        if self.owners or self.statuses or self.overdue or self.due_within is not None:
            return False
        return ((not self.pledges or result.pledge in self.pledges)
                and (not self.districts or result.district in self.districts))


@dataclass(frozen=True, slots=True)
class PledgeProgress:
    """One pledge with its (filtered) activities; targets live on each ActivityState."""

    pledge: Pledge
    activities: tuple[ActivityState, ...]
    counts: dict[Effective, int]
    done_share: float | None

    @property
    def targets(self) -> tuple[Attainment, ...]:
        return tuple(t for state in self.activities for t in state.targets)

    @property
    def gap(self) -> Gap | None:
        return None if self.activities else Gap.NO_ACTIVITY


@dataclass(frozen=True, slots=True)
class Group:
    """One row of a --by rollup. key is None for 'not given' (no area, owner or district)."""

    by: Rollup
    key: str | None
    title: str | None
    pledges: tuple[str, ...]
    activities: tuple[ActivityState, ...]
    counts: dict[Effective, int]
    done_share: float | None
    gap: Gap | None

    @property
    def targets(self) -> tuple[Attainment, ...]:
        return tuple(t for state in self.activities for t in state.targets)


@dataclass(frozen=True, slots=True)
class Summary:
    """Header figures of a status report (over the filtered activities)."""

    activities: int
    counts: dict[Effective, int]
    done_share: float | None
    overdue: int
    past_due_unknown: int  # status unknown and past due: cannot be called overdue
    targets: int
    verdicts: dict[Verdict, int]
    period_days: int | None  # None for a period that is open or not given
    days_elapsed: int | None
    days_left: int | None
    ended: bool
    started: bool


@dataclass(frozen=True, slots=True)
class StatusReport:
    """Everything a status view shows, judged on as_of. Pure data: no text in any language."""

    municipality: str
    police_area: str
    selected: SelectedPeriod
    agreement: Agreement | None
    as_of: date
    filters: Filters
    by: Rollup | None
    summary: Summary
    pledges: tuple[PledgeProgress, ...]
    groups: tuple[Group, ...]
    names: dict[str, str] = field(default_factory=dict)  # function, district, party, area ids
    sources: dict[str, str] = field(default_factory=dict)  # source titles by id
    municipalities: tuple[str, ...] = ()  # the pledge set's municipalities, when the root has several
    results: tuple[Result, ...] = ()  # övriga resultat of the period that the filters let through
    extends: str | None = None  # the title of the pledge set this one extends

    def municipality_text(self, lang: str) -> str:
        """The municipality, or the municipalities of a joint pledge set as a list ('A och B')."""
        from trygghet_cli.i18n import join_list

        return join_list(list(self.municipalities), lang) if self.municipalities else self.municipality

    @property
    def pledge_set(self) -> PledgeSet:
        return self.selected.pledge_set

    @property
    def activities(self) -> tuple[ActivityState, ...]:
        """Each shown activity once, in pledge order."""
        seen: dict[str, ActivityState] = {}
        for progress in self.pledges:
            for state in progress.activities:
                seen.setdefault(state.id, state)
        return tuple(seen.values())

    @property
    def overdue(self) -> tuple[ActivityState, ...]:
        return tuple(s for s in self.activities if s.overdue)
