"""One plain verdict per pledge, from the same activity states and target verdicts `status` shows.

A citizen asks of each pledge only: was it kept, is it on its way, is it late? The verdict
answers from what the status layer already judged, and never claims more than the data says:

- KEPT: every activity that was not cancelled is done (or, its status unknown, every target
  of it is met), and no target is behind or missed.
- NOT_KEPT: the period has ended and an activity was left unfinished past its due date, or a
  final target was missed.
- BEHIND: the period runs, and an activity is overdue or delayed, or a target is behind or missed.
- ON_TRACK: the period runs, and an activity is under way or done, with nothing late.
- NOT_STARTED: the period has not begun, or every activity is still planned and none is late.
- NOT_JUDGED: no activity or only activities whose status is unknown: unknown stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from trygghet_cli.model import Pledge, PledgeSet, Stated
from trygghet_cli.status.attainment import Verdict
from trygghet_cli.status.state import ActivityState, Effective

MET = (Verdict.MET, Verdict.EXCEEDED)
MISSED = (Verdict.NOT_MET, Verdict.BEHIND, Verdict.PARTLY_MET)


class PledgeVerdict(StrEnum):
    """A pledge's verdict; views translate it ("hållet" / "kept")."""

    KEPT = "kept"
    NOT_KEPT = "not_kept"
    BEHIND = "behind"
    ON_TRACK = "on_track"
    NOT_STARTED = "not_started"
    NOT_JUDGED = "not_judged"


def _done(state: ActivityState) -> bool:
    """Done as written, or judged from its targets when the status is unknown."""
    if state.effective is Effective.DONE:
        return True
    return (state.effective is Effective.UNKNOWN and bool(state.targets)
            and all(t.verdict in MET for t in state.targets))


def _late(states: list[ActivityState]) -> bool:
    return any(s.effective in (Effective.OVERDUE, Effective.DELAYED) for s in states)


def pledge_verdict(states: Iterable[ActivityState], *, started: bool, ended: bool) -> PledgeVerdict:
    """The verdict of one pledge from its activities' states on the day they were judged."""
    mine = [s for s in states if s.effective is not Effective.CANCELLED]
    if not started:
        return PledgeVerdict.NOT_STARTED
    targets = [t for s in mine for t in s.targets]
    missed = any(t.verdict in MISSED for t in targets)
    if mine and all(_done(s) for s in mine) and not missed:
        return PledgeVerdict.KEPT
    if ended:
        final_miss = any(t.verdict is Verdict.NOT_MET for t in targets)
        return PledgeVerdict.NOT_KEPT if final_miss or _late(mine) else PledgeVerdict.NOT_JUDGED
    if _late(mine) or missed:
        return PledgeVerdict.BEHIND
    if any(s.effective in (Effective.ONGOING, Effective.DONE) or _done(s) for s in mine):
        return PledgeVerdict.ON_TRACK
    if mine and all(s.effective is Effective.PLANNED for s in mine):
        return PledgeVerdict.NOT_STARTED
    return PledgeVerdict.NOT_JUDGED


FROM_SOURCE = {"met": PledgeVerdict.KEPT, "not_met": PledgeVerdict.NOT_KEPT,
               "on_track": PledgeVerdict.ON_TRACK}


def with_stated(verdict: PledgeVerdict, stated: Stated | None) -> tuple[PledgeVerdict, bool]:
    """The verdict, or where the data cannot judge the pledge the one a source states for it
    (or for its whole set: "Löften som vi har hållit"); True when it is the source's."""
    if verdict is not PledgeVerdict.NOT_JUDGED or stated is None or stated.verdict is None:
        return verdict, False
    said = FROM_SOURCE.get(stated.verdict.value)
    return (said, True) if said is not None else (verdict, False)


def of_pledge(states: Iterable[ActivityState], pledge: Pledge, pledge_set: PledgeSet, *, started: bool,
              ended: bool) -> tuple[PledgeVerdict, bool]:
    """A pledge's verdict as the citizen page and `status` show it: judged from its activities,
    or where they cannot judge it, what a source states of it or of its whole set. Pledges
    given without a period are judged by what their activities and targets show, never as
    'not started' by a start nobody gives."""
    started = started or not pledge_set.period.given
    return with_stated(pledge_verdict(states, started=started, ended=ended),
                       pledge.stated or pledge_set.stated)
