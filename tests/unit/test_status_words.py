"""Status values in words (sv and en), the table's word wrap, and Markdown escaping."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.status_helpers import YEAR_2024, activity, outcome, target
from trygghet_cli.status import activity_state, attainment
from trygghet_cli.status.as_markdown import md_escape
from trygghet_cli.status.as_text import _wrap
from trygghet_cli.status.words import attainment_text, state_text

END = date(2024, 12, 31)


def _text(t, lang: str = "sv", as_of: date = END) -> str:  # noqa: ANN001
    return attainment_text(attainment(t, YEAR_2024, as_of), lang)


def test_at_least_reads_as_figure_of_at_least_target_and_verdict() -> None:
    t = target("at_least", 8, [outcome(20, "2024-12-31")])
    assert _text(t) == "20 av minst 8: uppnått"
    assert _text(t, "en") == "20 of at least 8: met"


def test_interim_outcome_is_marked_with_its_date() -> None:
    t = target("at_least", 8, [outcome(3, "2024-08-31", "interim")])
    assert _text(t) == "3 av minst 8: efter plan [delrapport 31 aug 2024] [väntat hittills 5,3]"
    assert _text(t, "en") == "3 of at least 8: behind [interim, 31 Aug 2024] [due so far 5.3]"


def test_approximate_outcome_is_marked_and_its_verdict_says_so() -> None:
    t = target("exactly", 2, [outcome(2, "2024-12-31", approximate=True)])
    assert _text(t) == "ca 2 av exakt 2: uppnått (ungefärligt utfall)"
    assert _text(t, "en") == "about 2 of exactly 2: met (approximate outcome)"


def test_disagreeing_sources_are_named_beside_the_judged_figure() -> None:
    t = target("at_least", 4, [outcome(5, "2024-12-17", source="news"),
                               outcome(4, "2024-12-31", source="follow-up")])
    assert _text(t, "en") == "4 of at least 4: met [sources disagree: 5 (news, 17 Dec 2024)]"


def test_rate_reads_as_the_rate_over_the_days_up_to_the_outcome_date() -> None:
    t = target("rate", 1, [outcome(10, "2024-03-10", "interim")], per="week")
    assert _text(t, "en") == ("10 in 70 days (1 Jan–10 Mar 2024) = 1 per week, target at least 1 "
                              "per week: on track [interim, 10 Mar 2024]")


def test_qualitative_target_shows_its_text_and_outcome_without_a_verdict() -> None:
    t = target("qualitative", None, [outcome("held as planned", "2024-12-31")])
    assert _text(t, "en") == "test target (qualitative target): held as planned"


def test_change_target_shows_the_change_against_the_baseline() -> None:
    t = target("change", 10, [outcome(85, "2024-12-31")], baseline={"year": 2023, "value": 100},
               direction="decrease", change_unit="percent")
    assert _text(t) == "85 mot 100 år 2023 (−15 %); mål: minska med 10 %: uppnått"
    assert _text(t, "en") == "85 vs 100 in 2023 (−15%); target: decrease by 10%: met"


def test_overdue_state_says_why() -> None:
    state = activity_state(activity("ongoing", due="2024-06-30"), YEAR_2024, date(2024, 7, 12))
    assert state_text(state, "sv") == "passerat slutdatum för 12 dagar sedan: pågår"
    assert state_text(state, "en") == "overdue by 12 days: ongoing"


@given(st.text(alphabet="ab é", max_size=200), st.integers(min_value=8, max_value=100))
def test_wrapped_lines_fit_the_width_and_keep_every_character(text: str, width: int) -> None:
    lines = _wrap(text, width, "  ")
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_markdown_escaping_neutralises_markup_links_html_and_pipes() -> None:
    assert md_escape("a|b *c* [d](e) <script>") == "a\\|b \\*c\\* \\[d\\](e) \\<script\\>"


def test_colour_adds_only_ansi_codes_to_the_same_text() -> None:
    import re

    from tests.conftest import BUNDLED
    from trygghet_cli.root import repository
    from trygghet_cli.status import as_text, build_report

    report = build_report(repository.load_valid(BUNDLED).model, "2019", END.replace(year=2019))
    plain = as_text.render(report, "sv", color=False)
    coloured = as_text.render(report, "sv", color=True)
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_target_without_outcome_reads_as_the_target_alone() -> None:
    assert _text(target("exactly", 2)) == "exakt 2: inget utfall"
    assert _text(target("at_least", 4), "en") == "at least 4: no outcome"
    assert _text(target("rate", 1, per="week"), "en") == "at least 1 per week: no outcome"
