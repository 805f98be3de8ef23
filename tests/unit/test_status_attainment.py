"""Attainment of each target kind, interim versus final, approximate and disagreeing outcomes."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.status_helpers import YEAR_2024, outcome, target
from trygghet_cli.status import Verdict, attainment

END = date(2024, 12, 31)


def test_at_least_target_is_met_when_the_final_figure_reaches_it() -> None:
    result = attainment(target("at_least", 8, [outcome(20, "2024-12-31")]), YEAR_2024, END)
    assert result.verdict is Verdict.MET
    assert (result.achieved, result.expected, result.ratio) == (20, 8, 2.5)
    assert result.final


def test_at_least_target_below_at_year_end_is_not_met() -> None:
    result = attainment(target("at_least", 8, [outcome(5, "2024-12-31")]), YEAR_2024, END)
    assert result.verdict is Verdict.NOT_MET


def test_at_least_interim_figure_below_target_is_behind_not_failed() -> None:
    result = attainment(target("at_least", 8, [outcome(3, "2024-06-30", "interim")]), YEAR_2024, END)
    assert result.verdict is Verdict.BEHIND
    assert not result.final


def test_exactly_target_equal_is_met_and_above_is_exceeded() -> None:
    assert attainment(target("exactly", 2, [outcome(2, "2024-12-31")]), YEAR_2024, END).verdict \
        is Verdict.MET
    assert attainment(target("exactly", 2, [outcome(3, "2024-12-31")]), YEAR_2024, END).verdict \
        is Verdict.EXCEEDED
    assert attainment(target("exactly", 2, [outcome(1, "2024-12-31")]), YEAR_2024, END).verdict \
        is Verdict.NOT_MET


def test_rate_target_is_judged_against_the_days_elapsed_by_the_outcome_date() -> None:
    # 1 per week; 2024-03-10 is day 70 of the year, so 10 are due by then.
    on_track = attainment(target("rate", 1, [outcome(10, "2024-03-10", "interim")], per="week"),
                          YEAR_2024, END)
    assert on_track.verdict is Verdict.ON_TRACK
    assert on_track.elapsed_days == 70
    assert on_track.expected == pytest.approx(10)
    behind = attainment(target("rate", 1, [outcome(6, "2024-03-10", "interim")], per="week"),
                        YEAR_2024, END)
    assert behind.verdict is Verdict.BEHIND
    assert behind.ratio == pytest.approx(0.6)


def test_rate_target_final_figure_is_met_or_not_met_over_the_whole_period() -> None:
    met = attainment(target("rate", 1, [outcome(366, "2024-12-31")], per="day"), YEAR_2024, END)
    assert met.verdict is Verdict.MET
    missed = attainment(target("rate", 2, [outcome(20, "2024-12-31")], per="month"), YEAR_2024, END)
    assert missed.verdict is Verdict.NOT_MET


def test_qualitative_target_reports_its_outcome_without_a_judgement() -> None:
    result = attainment(target("qualitative", None, [outcome("träffats enligt plan", "2024-12-31")]),
                        YEAR_2024, END)
    assert result.verdict is Verdict.REPORTED
    assert result.latest is not None and result.latest.value == "träffats enligt plan"
    assert result.ratio is None


def test_change_target_counts_the_change_against_the_baseline_in_its_direction() -> None:
    down = target("change", 10, [outcome(85, "2024-12-31")], baseline={"year": 2023, "value": 100},
                  direction="decrease", change_unit="percent")
    result = attainment(down, YEAR_2024, END)
    assert result.verdict is Verdict.MET
    assert result.achieved == pytest.approx(15)
    up = target("change", 5, [outcome(103, "2024-12-31")], baseline={"year": 2023, "value": 100},
                direction="increase", change_unit="absolute")
    assert attainment(up, YEAR_2024, END).verdict is Verdict.NOT_MET


def test_change_target_interim_progress_is_on_track_or_behind() -> None:
    base = {"year": 2023, "value": 40}
    ahead = target("change", 5, [outcome(30, "2024-06-30", "interim")], baseline=base,
                   direction="decrease", change_unit="absolute")
    assert attainment(ahead, YEAR_2024, END).verdict is Verdict.ON_TRACK
    wrong_way = target("change", 5, [outcome(45, "2024-06-30", "interim")], baseline=base,
                       direction="decrease", change_unit="absolute")
    assert attainment(wrong_way, YEAR_2024, END).verdict is Verdict.BEHIND


def test_change_target_without_a_baseline_value_cannot_be_judged() -> None:
    result = attainment(target("change", 10, [outcome(85, "2024-12-31")], baseline={"year": 2023},
                               direction="decrease"), YEAR_2024, END)
    assert result.verdict is Verdict.NOT_JUDGED


def test_numeric_target_with_an_outcome_in_words_cannot_be_judged() -> None:
    result = attainment(target("at_least", 2, [outcome("genomförd (antal ej angivet)", "2024-12-31")]),
                        YEAR_2024, END)
    assert result.verdict is Verdict.NOT_JUDGED
    assert result.achieved is None


def test_target_without_outcomes_has_no_outcome() -> None:
    result = attainment(target("at_least", 4), YEAR_2024, END)
    assert result.verdict is Verdict.NO_OUTCOME
    assert result.latest is None


def test_final_outcome_wins_over_a_later_interim_one() -> None:
    result = attainment(target("at_least", 8, [outcome(20, "2024-10-31", "final"),
                                               outcome(25, "2024-11-30", "interim")]),
                        YEAR_2024, END)
    assert result.latest is not None and result.latest.value == 20
    assert result.final


def test_latest_interim_outcome_is_used_when_there_is_no_final_one() -> None:
    result = attainment(target("at_least", 8, [outcome(3, "2024-04-30", "interim"),
                                               outcome(16, "2024-08-31", "interim")]),
                        YEAR_2024, END)
    assert result.latest is not None and result.latest.value == 16
    assert result.verdict is Verdict.MET


def test_outcomes_after_as_of_are_not_known_yet() -> None:
    t = target("at_least", 8, [outcome(16, "2024-08-31", "interim"), outcome(20, "2024-12-31")])
    before = attainment(t, YEAR_2024, date(2024, 9, 1))
    assert before.latest is not None and before.latest.value == 16
    assert not before.final


def test_approximate_latest_outcome_is_flagged() -> None:
    result = attainment(target("at_least", 8, [outcome(10, "2024-12-31", approximate=True)]),
                        YEAR_2024, END)
    assert result.approximate
    assert result.verdict is Verdict.MET


def test_two_final_figures_from_different_sources_disagree() -> None:
    t = target("at_least", 4, [outcome(5, "2024-12-17", source="news"),
                               outcome(4, "2024-12-31", source="follow-up")])
    result = attainment(t, YEAR_2024, END)
    assert result.sources_disagree
    assert result.latest is not None and result.latest.value == 4
    assert [o.value for o in result.disagreeing] == [5]


def test_two_interim_figures_on_the_same_date_from_different_sources_disagree() -> None:
    t = target("at_least", 4, [outcome(2, "2024-06-30", "interim", source="a"),
                               outcome(3, "2024-06-30", "interim", source="b")])
    assert attainment(t, YEAR_2024, END).sources_disagree


def test_several_statements_from_one_source_on_one_date_are_not_a_disagreement() -> None:
    t = target("qualitative", None, [outcome("4 möten i varje kommundel", "2024-12-31", source="s"),
                                     outcome("EST-möten varje vecka", "2024-12-31", source="s")])
    result = attainment(t, YEAR_2024, END)
    assert not result.sources_disagree
    assert [o.value for o in result.also] == ["4 möten i varje kommundel"]


def test_equal_figures_from_two_sources_do_not_disagree() -> None:
    t = target("at_least", 4, [outcome(4, "2024-12-17", source="a"), outcome(4, "2024-12-31", source="b")])
    assert not attainment(t, YEAR_2024, END).sources_disagree
