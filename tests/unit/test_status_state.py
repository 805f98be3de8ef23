"""Derived activity state: overdue, due date defaults, unknown status kept as unknown."""

from __future__ import annotations

from datetime import date

from tests.unit.status_helpers import YEAR_2024, activity
from trygghet_cli.status import Effective, activity_state, count_statuses, done_share


def test_overdue_activity_is_flagged_even_if_file_says_ongoing() -> None:
    state = activity_state(activity("ongoing", due="2024-06-30"), YEAR_2024, date(2024, 7, 12))
    assert state.effective is Effective.OVERDUE
    assert state.overdue
    assert state.days_past_due == 12
    assert state.written.value == "ongoing"


def test_planned_and_delayed_activities_past_due_are_overdue_too() -> None:
    for status in ("planned", "delayed"):
        state = activity_state(activity(status, due="2024-06-30"), YEAR_2024, date(2024, 7, 1))
        assert state.overdue


def test_done_and_cancelled_activities_are_never_overdue() -> None:
    for status in ("done", "cancelled"):
        state = activity_state(activity(status, due="2024-06-30"), YEAR_2024, date(2024, 9, 1))
        assert state.effective.value == status
        assert state.days_past_due == 0


def test_activity_due_today_is_not_overdue() -> None:
    state = activity_state(activity("ongoing", due="2024-06-30"), YEAR_2024, date(2024, 6, 30))
    assert not state.overdue
    assert state.days_to_due == 0


def test_due_date_defaults_to_the_end_of_the_period() -> None:
    state = activity_state(activity("ongoing"), YEAR_2024, date(2024, 12, 1))
    assert state.due == date(2024, 12, 31)
    assert state.due_is_period_end
    assert state.days_to_due == 30


def test_unknown_status_past_due_stays_unknown_but_counts_the_days() -> None:
    state = activity_state(activity("unknown"), YEAR_2024, date(2025, 1, 10))
    assert state.effective is Effective.UNKNOWN
    assert not state.overdue
    assert state.days_past_due == 10


def test_status_counts_are_in_display_order_and_done_share_leaves_out_cancelled() -> None:
    states = [activity_state(activity(s, id=f"a-{i}"), YEAR_2024, date(2024, 6, 1))
              for i, s in enumerate(["done", "done", "ongoing", "cancelled"])]
    counts = count_statuses(states)
    assert list(counts)[0] is Effective.OVERDUE
    assert counts[Effective.DONE] == 2
    assert done_share(counts) == 2 / 3
    assert done_share(count_statuses([])) is None
