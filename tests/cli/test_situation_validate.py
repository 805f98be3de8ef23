"""Lägesbilder in situation/: loaded, checked and linked like the other kinds of file."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, FIXTURES
from trygghet_cli.root import repository
from trygghet_cli.situation import select

EXEMPELBY = FIXTURES / "exempelby"


@pytest.fixture
def exempelby(tmp_path: Path) -> Path:
    root = tmp_path / "exempelby"
    shutil.copytree(EXEMPELBY, root)
    return root


def _findings(run, root: Path) -> list[dict]:
    result = run("--data", str(root), "validate", "--format", "json")
    return json.loads(result.stdout)["findings"]


def test_the_test_municipality_with_five_years_of_indicators_is_valid(run) -> None:
    result = run("--data", str(EXEMPELBY), "validate", "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["summary"]["errors"] == 0
    assert any(f.endswith("situation/2024-10.yaml") for f in body["files"])


def test_bundled_lagesbilder_are_read_with_their_problems() -> None:
    model = repository.load_valid(BUNDLED).model
    assert [s.id for s in select.dated(model)] == ["lb-2019", "lb-2020", "lb-2021", "lb-2022",
                                                    "lb-2024"]
    latest = select.latest(model, date(2023, 6, 1))
    assert latest is not None and latest.id == "lb-2022"
    assert {p.title for p in latest.problems} >= {"Våld i nära relation"}


def test_every_district_gets_the_latest_lagesbilds_word_or_none() -> None:
    model = repository.load_valid(EXEMPELBY).model
    pictures = {p.district: p for p in select.by_district(model)}
    assert list(pictures) == ["centrum", "norr", "hamnen", "skogen"]
    assert pictures["hamnen"].situation is not None
    assert pictures["hamnen"].situation.id == "lb-2024-10"
    assert pictures["hamnen"].section is not None
    assert "femte året" in pictures["hamnen"].section.summary
    assert pictures["skogen"].section is None


def test_a_problem_id_may_recur_in_a_later_lagesbild_but_not_twice_in_one(run, exempelby) -> None:
    path = exempelby / "situation" / "2024-10.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: p-est-unga", "  - id: p-otrygghet-centrum"), encoding="utf-8")
    hits = [f for f in _findings(run, exempelby) if f["code"] == "TRY301"]
    assert len(hits) == 1
    assert hits[0]["path"].endswith("situation/2024-10.yaml")
    assert "problem id 'p-otrygghet-centrum' is already used in this lägesbild" in hits[0]["message"]


def test_a_problem_names_only_indicators_of_its_own_lagesbild(run, exempelby) -> None:
    path = exempelby / "situation" / "2023-10.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("indicators: [ind-skadegorelse]",
                                 "indicators: [ind-skadegorelse, ind-cykelstolder]"), encoding="utf-8")
    hits = [f for f in _findings(run, exempelby) if f["code"] == "TRY316"]
    assert [h["message"] for h in hits] == ["unknown indicator 'ind-cykelstolder'"]


def test_an_activity_tied_to_no_problem_and_no_area_is_warned_about(run, exempelby) -> None:
    path = exempelby / "activities" / "2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    problems: [p-trafik-skogen]\n", ""), encoding="utf-8")
    hits = [f for f in _findings(run, exempelby) if f["code"] == "TRY508"]
    assert [(Path(h["path"]).name, h["line"]) for h in hits] == [("2024-2025.yaml", 43)]
    assert "a-3" in hits[0]["message"]


def test_a_problem_with_a_stated_reason_needs_no_measure(run) -> None:
    codes = [(f["code"], f["message"]) for f in _findings(run, EXEMPELBY)]
    assert not [c for c in codes if c[0] == "TRY507"]


def test_bundled_data_flags_the_activities_tied_to_nothing(run) -> None:
    hits = [f for f in _findings(run, BUNDLED) if f["code"] in ("TRY507", "TRY508")]
    assert {(h["code"], Path(h["path"]).name) for h in hits} == {("TRY508", "2022-2023.yaml")}


def test_a_target_on_an_indicator_is_judged_on_the_indicators_values(run) -> None:
    result = run("--data", str(EXEMPELBY), "status", "--as-of", "2025-06-30", "--format", "json")
    assert result.exit_code == 0, result.output
    activity = next(a for a in json.loads(result.stdout)["activities"] if a["id"] == "a-1")
    [target] = activity["targets"]
    # Centrum: 30 % in 2023 (the baseline), 27 % in 2024: 3 points down of the 5 promised.
    assert (target["verdict"], target["achieved"], target["final"]) == ("behind", 3.0, False)
    assert target["latest"]["date"] == "2024-12-31"


def test_an_indicator_target_has_no_outcome_before_the_indicator_has_a_value_in_the_period(
        run) -> None:
    result = run("--data", str(EXEMPELBY), "status", "--as-of", "2024-06-30", "--format", "json")
    activity = next(a for a in json.loads(result.stdout)["activities"] if a["id"] == "a-1")
    assert activity["targets"][0]["verdict"] == "no_outcome"


def test_status_by_problem_rolls_up_from_the_lagesbild_to_activities(run, exempelby) -> None:
    result = run("--data", str(exempelby), "status", "--by", "problem", "--as-of", "2025-06-30",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    groups = {g["key"]: g for g in json.loads(result.stdout)["groups"]}
    assert list(groups) == ["p-otrygghet-centrum", "p-skadegorelse-hamnen", "p-trafik-skogen"]
    assert groups["p-otrygghet-centrum"]["activities"] == ["a-1"]
    assert groups["p-skadegorelse-hamnen"]["pledges"] == ["ml-2"]
    assert groups["p-trafik-skogen"]["activities"] == ["a-3"]


def test_status_by_problem_shows_a_problem_nothing_addresses_as_a_gap(run, exempelby) -> None:
    pledges = exempelby / "pledges" / "2024-2025.yaml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace(
        "    problems: [p-skadegorelse-hamnen]\n", ""), encoding="utf-8")
    result = run("--data", str(exempelby), "status", "--by", "problem", "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    assert "p-skadegorelse-hamnen  Ökande skadegörelse i Hamnen" in result.stdout
    assert "LUCKA: inget löfte" in result.stdout
    assert "Inte kopplat till något problem i lägesbilden" in result.stdout


def test_diff_of_two_lagesbilder_shows_new_problems_and_indicators_moving(run) -> None:
    result = run("--data", str(EXEMPELBY), "diff", "situation", "2023-10", "2024-10", "--format", "json")
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)["changes"]
    added = {(c["entity"], c["new_id"]) for c in changes if c["change"] == "added"}
    assert added == {("problem", "p-trafik-skogen"), ("problem", "p-est-unga")}
    harbour = next(c for c in changes if c["new_id"] == "ind-skadegorelse")
    moved = {f["field"]: (f["old"], f["new"]) for f in harbour["fields"]}
    assert moved["latest.hamnen"] == ("1620 (2023)", "1700 (2024)")
    assert moved["latest.centrum"] == ("1700 (2023)", "1610 (2024)")


def test_diff_of_lagesbilder_names_the_unknown_one(run) -> None:
    result = run("--data", str(EXEMPELBY), "diff", "situation", "2023-10", "2031")
    assert result.exit_code == 2
    assert "2031" in result.output
