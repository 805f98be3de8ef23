"""Public views: plain values only, the right selection, internal parts only for internal readers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.conftest import BUNDLED
from trygghet_cli.model import Model
from trygghet_cli.render import KINDS, Request, build, render
from trygghet_cli.root import repository

PLAIN = (str, int, float, bool, type(None))


@pytest.fixture(scope="module")
def model() -> Model:
    return repository.load_valid(BUNDLED).model


def _walk(value: Any, path: str = "") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), path
            _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{path}[{index}]")
    else:
        assert isinstance(value, PLAIN), f"{path} is a {type(value).__name__}"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("audience", ["public", "internal"])
def test_views_hold_only_plain_dicts_lists_strings_and_numbers(model, kind, audience) -> None:
    view = build(model, Request(kind, "html", "sv", date(2019, 9, 15), audience=audience, year=2019,
                                period=None)).view
    _walk(view)


def _bundled_choices() -> list[tuple[str, str | None, int | None]]:
    periods = ["2019", "2020", "2021", "2022-2023", "2024-2025"]
    return ([("yearly", None, year) for year in range(2019, 2026)]
            + [(kind, period, None) for kind in ("pledges", "status") for period in periods]
            + [("agreement", period, None) for period in ("2020-2023", "2023-2026")])


@pytest.mark.parametrize(("kind", "period", "year"), _bundled_choices(), ids=str)
def test_every_bundled_period_renders_in_both_formats_and_languages(model, kind, period, year) -> None:
    for fmt in ("md", "html"):
        for lang in ("sv", "en"):
            text = render(model, Request(kind, fmt, lang, date(2026, 1, 15), True, period=period, year=year))
            assert "Strängnäs" in text
            assert text.endswith("\n") and not text.endswith("\n\n")


def test_yearly_covers_every_pledge_set_of_the_year(model) -> None:
    view = build(model, Request("yearly", "md", "sv", date(2026, 1, 1), year=2023)).view
    assert [s["title"] for s in view["sets"]] == ["Medborgarlöften 2022–2023"]
    assert view["meta"]["as_of"] == ""  # no date shown unless --as-of was given


def test_yearly_judges_on_the_last_day_of_the_year(model) -> None:
    view = build(model, Request("yearly", "md", "en", date(2026, 1, 1), True, year=2019)).view
    assert view["meta"]["as_of"] == "31 December 2019"
    results = {f["target"]: f["result"] for f in view["figures"]}
    assert results["Minst 8 nya grannsamverkansområden"] == "20 of at least 8: met"


def test_yearly_within_the_year_uses_only_what_was_known_then(model) -> None:
    view = build(model, Request("yearly", "md", "en", date(2019, 9, 1), True, year=2019)).view
    results = {f["target"]: f["result"] for f in view["figures"]}
    assert results["Minst 8 nya grannsamverkansområden"].startswith("16 of at least 8: met")


def test_agreement_of_a_year_in_two_agreements_is_the_later_one(model) -> None:
    view = build(model, Request("agreement", "md", "sv", date(2026, 1, 1), year=2023)).view
    assert view["agreement"]["id"] == "so-2023-2026"
    assert view["responsible_unknown"] == len(view["areas"]) == 6


def test_pledges_page_says_who_promises_each_pledge(model) -> None:
    view = build(model, Request("pledges", "md", "sv", date(2026, 1, 1), period="2022-2023")).view
    promised = [p["promised_by"] for p in view["pledges"]]
    assert promised == [[True, True]] * 6 + [[False, True], [True, True]]


def test_status_notes_why_a_period_was_chosen_and_its_date_even_without_as_of(model) -> None:
    for given in (True, False):  # a meeting report always says the date it is as of
        view = build(model, Request("status", "md", "en", date(2026, 11, 25), given)).view
        assert view["choice_note"].startswith("No pledge period covers 25 November 2026")
        assert view["meta"]["as_of"] == "25 November 2026"
    pledges = build(model, Request("pledges", "md", "en", date(2026, 11, 25), False)).view
    assert pledges["meta"]["as_of"] == ""


def test_yearly_without_a_year_takes_the_latest_year_with_pledges(model) -> None:
    view = build(model, Request("yearly", "md", "sv", date(2026, 11, 25))).view
    assert view["year"] == 2025
    early = build(model, Request("yearly", "md", "sv", date(2010, 1, 1))).view
    assert early["year"] == 2019


def test_yearly_counts_an_activity_serving_two_pledges_once(minimal_root) -> None:
    path = minimal_root / "activities" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("pledges: [ml-2]", "pledges: [ml-1, ml-2]"),
                    encoding="utf-8")
    small = repository.load_valid(minimal_root).model
    view = build(small, Request("yearly", "md", "en", date(2024, 12, 31), True, year=2024)).view
    assert [a["title"] for a in view["not_done"]] == ["Hastighetskontroller"]
    assert len(view["figures"]) == 2
    assert [len(p["activities"]) for p in view["sets"][0]["pledges"]] == [2, 1]


@pytest.mark.parametrize(("bar_end", "value"), [(300.0, "19 av 20"), (395.0, "8"), (402.0, "100 %"),
                                                 (250.0, "4"), (500.0, "30 av minst 8")])
def test_a_value_label_never_runs_across_the_target_line(bar_end, value) -> None:
    from trygghet_cli.render.charts import CHAR_WIDTH, value_x

    goal = 400.0
    start = value_x(bar_end, value, goal)
    end = start + CHAR_WIDTH * len(value)
    assert end <= goal - 2 or start >= goal + 6
    assert start >= bar_end
