"""Real records as they are (#25): a flat pledge list, parties named once, undated figures.

The fixture tests/fixtures/flat is a pledge list as most municipalities publish one: the
pledges are the actions and carry their own targets, the parties are named once for the whole
set, and the follow-up page gives its figures without a date.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

FLAT = FIXTURES / "flat"


@pytest.fixture
def flat(tmp_path: Path) -> Path:
    root = tmp_path / "flat"
    shutil.copytree(FLAT, root)
    return root


def _findings(run, root: Path) -> list[dict[str, object]]:
    result = run("--data", str(root), "validate", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["findings"]


def test_a_flat_pledge_list_warns_only_about_the_pledge_with_nothing_to_follow_up(run) -> None:
    findings = _findings(run, FLAT)
    assert [(f["code"], f["line"]) for f in findings] == [("TRY502", 33)]
    assert "ml-3" in str(findings[0]["message"])


def test_the_warning_says_a_target_on_the_pledge_itself_will_do(run) -> None:
    result = run("--data", str(FLAT), "validate", "--verbose")
    assert "har varken aktivitet eller mål" in result.stdout
    assert "dess mål under 'targets:'" in result.stdout


def test_an_activity_of_a_pledge_with_its_own_target_needs_no_target(run) -> None:
    assert "TRY501" not in {f["code"] for f in _findings(run, FLAT)}


def test_an_activity_without_target_still_warns_where_its_pledge_has_none(run, flat) -> None:
    path = flat / "activities" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[ml-1]", "[ml-3]"), encoding="utf-8")
    codes = [f["code"] for f in _findings(run, flat)]
    assert codes == ["TRY501"]


def test_untied_activities_are_not_flagged_where_there_is_nothing_to_tie_them_to(run, flat) -> None:
    assert "TRY508" not in {f["code"] for f in _findings(run, flat)}
    shutil.copytree(FIXTURES / "minimal" / "agreements", flat / "agreements")
    path = flat / "pledges" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "parties: [kommun, polis]\n", "parties: [kommun, polis]\nagreement: so-2024-2027\n", 1),
        encoding="utf-8")
    untied = sorted(str(f["message"]) for f in _findings(run, flat) if f["code"] == "TRY508")
    assert untied == ["activity 'a-1' is tied to no problem and, through its pledges, to no priority area",
                      "pledge 'ml-1' carries targets but is tied to no problem and no priority area",
                      "pledge 'ml-2' carries targets but is tied to no problem and no priority area"]


def test_status_judges_a_pledges_own_targets_under_the_pledge(run) -> None:
    result = run("--data", str(FLAT), "status", "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert ("ml-1  Vi kommer att genomföra minst två trygghetsvandringar.\n"
            "Bedömning: pågår enligt plan\n"
            "  Mål: 3 av minst 2: uppnått [utan datum]\n") in out
    assert "  Mål: 62, minst 1 per vecka: kan inte bedömas: okänt tidsfönster" in out
    assert "Aktiviteter 1: okänd 1" in out  # the pledges are not counted as activities


def test_status_in_english_and_as_json(run) -> None:
    result = run("--data", str(FLAT), "--lang", "en", "status", "--as-of", "2025-12-31")
    assert "62, at least 1 per week: cannot be judged: unknown time window" in result.stdout
    body = json.loads(run("--data", str(FLAT), "status", "--as-of", "2025-12-31", "--format",
                          "json").stdout)
    own = [a for a in body["activities"] if a.get("pledge_itself")]
    assert [(a["id"], a["parties"]) for a in own] == [("ml-1", ["kommun", "polis"]),
                                                       ("ml-2", ["polis"])]
    assert own[0]["targets"][0]["latest"]["date"] is None


def test_parties_named_once_for_the_set_are_each_pledges_and_activitys(run) -> None:
    body = json.loads(run("--data", str(FLAT), "status", "--as-of", "2025-12-31", "--format",
                          "json").stdout)
    activity = next(a for a in body["activities"] if a["id"] == "a-1")
    assert activity["parties"] == ["kommun", "polis"]


def test_parties_nobody_names_are_said_to_be_not_stated(run, flat) -> None:
    path = flat / "pledges" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("parties: [kommun, polis]\n", ""),
                    encoding="utf-8")
    assert [f["code"] for f in _findings(run, flat)] == ["TRY502"]
    result = run("--data", str(flat), "report", "pledges", "--format", "md", "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.output
    assert "**Lovas av:** anges inte" in result.stdout
    assert "**Lovas av:** Polisen" in result.stdout


def test_reports_show_the_pledge_itself_with_its_targets(run) -> None:
    result = run("--data", str(FLAT), "report", "yearly", "--year", "2025", "--format", "md",
                 "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.output
    assert "#### Löftet självt, med egna mål" in result.stdout
    assert "| minst två trygghetsvandringar | 3 av minst 2: uppnått \\[utan datum\\] |" in result.stdout


def test_the_outcome_export_holds_the_pledges_own_outcomes_without_a_date(run) -> None:
    result = run("--data", str(FLAT), "export", "activities", "--table", "outcomes", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = [(r["activity"], r["target"], r["value"], r["date"]) for r in json.loads(result.stdout)]
    assert rows == [("ml-1", "t1", 3, None), ("ml-2", "t1", 62, None)]


def test_a_pledge_target_with_a_wrong_shape_is_reported_at_its_line(run, flat) -> None:
    path = flat / "pledges" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("        per: week\n", ""), encoding="utf-8")
    result = run("--data", str(flat), "validate", "--format", "json")
    assert result.exit_code == 1
    [error] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "TRY408"]
    assert (error["path"].endswith("pledges/2024-2025.yaml"), error["line"]) == (True, 26)


def test_the_yearly_report_counts_activities_and_says_the_pledges_own_targets_apart(run) -> None:
    """Two pledges carry their own targets, one activity is listed: the report counts one
    activity, not three, and gives the own targets' verdicts instead."""
    sv = run("--data", str(FLAT), "report", "yearly", "--year", "2025", "--format", "md",
             "--as-of", "2025-12-31").stdout
    assert ("1 januari 2024 – 31 december 2025 · Ingen status anges för aktiviteten. "
            "Löftenas egna mål: uppnått 1, kan inte bedömas 1.") in sv
    assert "Ingen status anges för aktiviteten. Löftets egna mål: uppnått 1." in sv
    assert "aktiviteterna" not in sv
    # a pledge has no status to give: it is not listed as an activity whose status is unknown
    unknown = sv[sv.index("## Status inte angiven"):]
    assert "Trygghetsvandringar i centrum" in unknown and "Vi kommer att genomföra" not in unknown
    en = run("--data", str(FLAT), "--lang", "en", "report", "yearly", "--year", "2025", "--format",
             "html", "--as-of", "2025-12-31").stdout
    assert "The pledges&#39; own targets: met 1, cannot be judged 1." in en
