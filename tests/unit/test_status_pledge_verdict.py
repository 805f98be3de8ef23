"""A pledge's plain verdict (status/pledge_verdict) from the activity states `status` judges."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.status_helpers import YEAR_2024, activity, outcome, target
from trygghet_cli.status import activity_state
from trygghet_cli.status.pledge_verdict import PledgeVerdict, pledge_verdict

MID = date(2024, 6, 30)
AFTER = date(2025, 3, 1)


def _verdict(as_of: date, *activities) -> PledgeVerdict:  # noqa: ANN001
    states = [activity_state(a, YEAR_2024, as_of) for a in activities]
    return pledge_verdict(states, started=as_of >= YEAR_2024.start, ended=as_of > YEAR_2024.end)


@pytest.mark.parametrize(("as_of", "statuses", "expected"), [
    (MID, ["done", "done"], PledgeVerdict.KEPT),
    (MID, ["done", "cancelled"], PledgeVerdict.KEPT),
    (MID, ["ongoing", "planned"], PledgeVerdict.ON_TRACK),
    (MID, ["planned", "planned"], PledgeVerdict.NOT_STARTED),
    (MID, ["ongoing", "delayed"], PledgeVerdict.BEHIND),
    (MID, ["unknown", "unknown"], PledgeVerdict.NOT_JUDGED),
    (MID, [], PledgeVerdict.NOT_JUDGED),
    (AFTER, ["done", "ongoing"], PledgeVerdict.NOT_KEPT),
    (AFTER, ["done", "unknown"], PledgeVerdict.NOT_JUDGED),
    (AFTER, ["done"], PledgeVerdict.KEPT),
    (date(2023, 12, 1), ["done"], PledgeVerdict.NOT_STARTED),
])
def test_verdict_follows_the_activity_states(as_of, statuses, expected) -> None:
    acts = [activity(s, id=f"a-{i}", completed="2024-05-01" if s == "done" else None)
            for i, s in enumerate(statuses)]
    assert _verdict(as_of, *acts) is expected


def test_an_activity_past_its_own_due_date_makes_the_pledge_behind() -> None:
    late = activity("ongoing", due="2024-03-31")
    assert _verdict(MID, late, activity("done", id="a-2")) is PledgeVerdict.BEHIND


def test_unknown_status_is_judged_from_targets_that_are_met() -> None:
    met = target("at_least", 8, [outcome(20, "2024-12-31")])
    assert _verdict(AFTER, activity("unknown", targets=[met])) is PledgeVerdict.KEPT


def test_a_missed_final_target_means_not_kept_even_when_the_activity_is_done() -> None:
    missed = target("at_least", 8, [outcome(3, "2024-12-31")])
    done = activity("done", completed="2024-12-01", targets=[missed])
    assert _verdict(AFTER, done) is PledgeVerdict.NOT_KEPT
