"""An activity's effective status on a date: the written status, or overdue when it is past due."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghet_cli.model import OPEN_END, Activity, Period, Status
from trygghet_cli.status.attainment import Attainment, attainment


class Effective(StrEnum):
    """The status a view shows. OVERDUE is derived, never written in a file."""

    OVERDUE = "overdue"
    DELAYED = "delayed"
    ONGOING = "ongoing"
    PLANNED = "planned"
    UNKNOWN = "unknown"
    DONE = "done"
    CANCELLED = "cancelled"


# Display order: what needs attention first.
STATUS_ORDER: tuple[Effective, ...] = tuple(Effective)
FINISHED = (Status.DONE, Status.CANCELLED)
# Only a status that says the work is not finished can turn into overdue. An activity whose
# status is unknown stays unknown: we do not know that it is not done (days_past_due still
# tells how long ago its due date passed).
CAN_BE_OVERDUE = (Status.PLANNED, Status.ONGOING, Status.DELAYED)


@dataclass(frozen=True, slots=True)
class ActivityState:
    """An activity as judged on as_of.

    `due` is the activity's due date, or the end of the period when it has none
    (`due_is_period_end`). `days_past_due` counts the days after due for an activity that is
    not done or cancelled (0 otherwise); `days_to_due` the days left until due (0 when past).
    """

    activity: Activity
    written: Status
    effective: Effective
    due: date
    due_is_period_end: bool
    days_past_due: int
    days_to_due: int
    targets: tuple[Attainment, ...]
    closed: bool = False  # the period ended before as_of
    due_uncertain: bool = False  # the sources give the due date (or the period's end) only roughly

    @property
    def due_iso(self) -> str | None:
        """The due date for exports; None when there is none (an open period, or none given)."""
        return None if self.due == OPEN_END else self.due.isoformat()

    @property
    def overdue(self) -> bool:
        return self.effective is Effective.OVERDUE

    @property
    def finished(self) -> bool:
        return self.written in FINISHED

    @property
    def id(self) -> str:
        return self.activity.id


def activity_state(activity: Activity, period: Period, as_of: date,
                   today: date | None = None, names: dict[str, str] | None = None,
                   sources: Mapping[str, str] | None = None) -> ActivityState:
    """Judge one activity: effective status, due date, days past or to due, its targets.

    names gives the districts' names, sources the sources' titles (by id) for the words.
    """
    # Without a period of its own or of its set, an activity has no due date (OPEN_END).
    due = activity.due or (period.end if period.given else OPEN_END)
    finished = activity.status in FINISHED
    past = (as_of - due).days
    days_past_due = past if past > 0 and not finished else 0
    effective = Effective(activity.status.value)
    if days_past_due and activity.status in CAN_BE_OVERDUE:
        effective = Effective.OVERDUE
    own = period.narrowed(activity.start, activity.due)
    districts = tuple((d, (names or {}).get(d, d)) for d in activity.districts)
    targets = tuple(attainment(t, period, as_of, own, today, districts, sources)
                    for t in activity.targets)
    return ActivityState(activity, activity.status, effective, due, activity.due is None,
                         days_past_due, max(-past, 0), targets, period.given and as_of > period.end,
                         "due" in activity.uncertain if activity.due else "end" in period.uncertain)


def count_statuses(states: list[ActivityState] | tuple[ActivityState, ...]) -> dict[Effective, int]:
    """How many activities have each effective status, in display order, zeros included (a
    pledge that carries its own targets is not counted: it has no status of its own)."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for state in states:
        if not state.activity.from_pledge:  # a pledge's own targets are no activity to count
            counts[state.effective] += 1
    return counts


def done_share(counts: dict[Effective, int]) -> float | None:
    """Done activities as a share of those not cancelled; None when there are none, or when
    none of them has a status given (that is not '0 % done')."""
    relevant = sum(counts.values()) - counts[Effective.CANCELLED]
    if not relevant or counts.get(Effective.UNKNOWN, 0) == relevant:
        return None
    return counts[Effective.DONE] / relevant
