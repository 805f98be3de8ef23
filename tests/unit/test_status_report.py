"""Choosing the period, building the report, filters and rollups, on the bundled Strängnäs data."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import BUNDLED
from trygghet_cli.errors import UsageError
from trygghet_cli.model import Model
from trygghet_cli.root import repository
from trygghet_cli.status import (
    Effective,
    Filters,
    Gap,
    PeriodChoice,
    Rollup,
    Verdict,
    build_report,
    select_period,
)


@pytest.fixture(scope="module")
def model() -> Model:
    return repository.load_valid(BUNDLED).model


def test_period_containing_as_of_is_chosen(model: Model) -> None:
    chosen = select_period(model, None, date(2020, 5, 1))
    assert (chosen.pledge_set.id, chosen.how) == ("ml-2020", PeriodChoice.CURRENT)


def test_after_every_period_the_latest_is_chosen_and_says_so(model: Model) -> None:
    chosen = select_period(model, None, date(2026, 11, 25))
    assert (chosen.pledge_set.id, chosen.how) == ("ml-2024-2025", PeriodChoice.LATEST_ENDED)


def test_before_every_period_the_first_is_chosen_as_upcoming(model: Model) -> None:
    chosen = select_period(model, None, date(2010, 1, 1))
    assert (chosen.pledge_set.id, chosen.how) == ("ml-2019", PeriodChoice.UPCOMING)


@pytest.mark.parametrize(("name", "expected"), [
    ("2019", "ml-2019"), ("2024-2025", "ml-2024-2025"), ("2024–2025", "ml-2024-2025"),
    ("ml-2022-2023", "ml-2022-2023"), ("2023", "ml-2022-2023"), ("2024-25", "ml-2024-2025"),
])
def test_period_can_be_named_by_label_year_or_id(model: Model, name: str, expected: str) -> None:
    chosen = select_period(model, name, date(2026, 1, 1))
    assert (chosen.pledge_set.id, chosen.how) == (expected, PeriodChoice.REQUESTED)


def test_unknown_period_is_a_usage_error_listing_the_periods(model: Model) -> None:
    with pytest.raises(UsageError) as caught:
        select_period(model, "2031", date(2026, 1, 1))
    assert caught.value.hint is not None and "2024-2025" in caught.value.hint


def test_year_end_2019_shows_the_figures_against_the_targets(model: Model) -> None:
    report = build_report(model, "2019", date(2019, 12, 31))
    targets = {s.id: s.targets[0] for s in report.activities if s.targets}
    assert targets["a2019-01"].verdict is Verdict.MET
    assert (targets["a2019-01"].achieved, targets["a2019-01"].expected) == (20, 8)
    walks = targets["a2019-04"]
    assert walks.sources_disagree
    assert {walks.latest.value, *(o.value for o in walks.disagreeing)} == {4, 5}  # type: ignore[union-attr]
    assert report.summary.counts[Effective.UNKNOWN] == 1


def test_interim_figures_are_shown_before_the_year_end(model: Model) -> None:
    report = build_report(model, "2019", date(2019, 9, 30))
    first = next(s for s in report.activities if s.id == "a2019-01").targets[0]
    assert first.latest is not None and first.latest.value == 16
    assert not first.final


def test_pledge_without_activities_is_shown_as_a_gap(model: Model) -> None:
    report = build_report(model, None, date(2025, 6, 30))
    gaps = [p.pledge.id for p in report.pledges if p.gap is Gap.NO_ACTIVITY]
    assert gaps == ["ml-2024-2025-1", "ml-2024-2025-2", "ml-2024-2025-4", "ml-2024-2025-5",
                    "ml-2024-2025-6"]
    assert report.summary.days_left == 184


def test_by_area_shows_areas_without_pledges_as_gaps(model: Model) -> None:
    report = build_report(model, None, date(2025, 6, 30), by=Rollup.AREA)
    gaps = {g.key: g.gap for g in report.groups}
    assert gaps["so23-barn-unga"] is None
    assert gaps["so23-naringsliv"] is Gap.NO_PLEDGE


def test_by_district_lists_every_district_and_activities_without_one(model: Model) -> None:
    report = build_report(model, "2019", date(2019, 12, 31), by=Rollup.DISTRICT)
    keys = [g.key for g in report.groups]
    assert keys == ["strangnas", "mariefred", "stallarholmen", "aker", None]


def test_filters_keep_only_matching_activities_and_their_pledges(model: Model) -> None:
    report = build_report(model, "2019", date(2019, 12, 31), Filters(districts=("mariefred",)))
    assert [s.id for s in report.activities] == ["a2019-05", "a2019-01", "a2019-02"]
    narrowed = build_report(model, "2019", date(2019, 12, 31), Filters(districts=("mariefred",),
                                                                        pledges=("ml-2019-2",)))
    assert [p.pledge.id for p in narrowed.pledges] == ["ml-2019-2"]


def test_pledge_filter_accepts_the_pledge_number(model: Model) -> None:
    report = build_report(model, "2019", date(2019, 12, 31), Filters(pledges=("1",)))
    assert [p.pledge.id for p in report.pledges] == ["ml-2019-1"]


def test_unknown_owner_filter_is_a_usage_error(model: Model) -> None:
    with pytest.raises(UsageError):
        build_report(model, "2019", date(2019, 12, 31), Filters(owners=("nobody",)))
