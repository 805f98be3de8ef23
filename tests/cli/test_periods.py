"""Pledge periods as real sources give them (#25): 'från 2024, tills vidare', 'tills nya löften
beslutas', a set that extends the previous one, and a set known without any period. The
fixture tests/fixtures/periods holds one of each; every view says the period as the source
does, and nothing places a set without a period in a year by guess."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PERIODS = FIXTURES / "periods"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def periods(tmp_path: Path) -> Path:
    root = tmp_path / "periods"
    shutil.copytree(PERIODS, root)
    return root


def _findings(run, root: Path) -> list[dict[str, object]]:
    result = run("--data", str(root), "validate", "--format", "json")
    return json.loads(result.stdout)["findings"]


def test_every_way_a_source_gives_a_period_validates_without_a_finding(run) -> None:
    assert _findings(run, PERIODS) == []


def test_status_says_the_period_as_the_source_gives_it_in_swedish_and_english(run) -> None:
    def status(*args: str) -> str:
        result = run("--data", str(PERIODS), *args)
        assert result.exit_code == 0, result.output
        return _flat(result.stdout)

    assert "Period från 1 januari 2024, tills vidare, pågår" in status("status", "--as-of", "2030-06-30")
    assert "Period from 1 January 2024, until further notice, running" in status(
        "--lang", "en", "status", "--as-of", "2030-06-30")
    # 'tills nya löften beslutas' ends the day before the next set starts
    assert ("Period 1 januari 2021 – 31 december 2021 (tills nya löften beslutades), avslutad"
            in status("status", "--period", "ml-2021", "--as-of", "2024-06-30"))
    assert ("Period 1 January 2022 – 31 December 2022, extends Medborgarlöften 2021, ended"
            in status("--lang", "en", "status", "--period", "ml-2022", "--as-of", "2024-06-30"))
    undated = status("status", "--period", "ml-utan-period", "--as-of", "2024-06-30")
    assert "Läget för medborgarlöftet, per 30 juni 2024 Period anges inte" in undated
    assert "Mål: 12 av minst 10: uppnått" in undated
    assert "Mål: 2 av minst 4: kan inte bedömas: okänt tidsfönster" in undated
    assert "Mål: 12, minst 1 per vecka: kan inte bedömas: okänt tidsfönster" in undated
    # an activity with a start of its own has a window for its rate
    assert "= 1,07 per vecka, mål minst 1 per vecka: i fas" in undated


def test_until_next_stays_open_while_there_is_no_next_set(run, periods) -> None:
    for name in ("2022.yaml", "2024.yaml"):
        (periods / "pledges" / name).unlink()
    (periods / "activities" / "2024.yaml").unlink()
    assert _findings(run, periods) == []
    out = _flat(run("--data", str(periods), "status", "--as-of", "2026-03-01").stdout)
    assert "Period från 1 januari 2021 tills nya löften beslutas, pågår" in out


def test_a_set_without_a_period_is_never_placed_in_a_year(run) -> None:
    """Neither chosen for a date, nor in a yearly report, nor on the site's year pages."""
    for as_of in ("2019-06-30", "2023-06-30", "2031-06-30"):
        status = json.loads(run("--data", str(PERIODS), "status", "--as-of", as_of, "--format",
                                "json").stdout)
        assert status["period"]["pledge_set"] != "ml-utan-period"
    yearly = run("--data", str(PERIODS), "report", "yearly", "--year", "2024", "--format", "md",
                 "--as-of", "2024-12-31").stdout
    assert "Medborgarlöften från 2024" in yearly and "skolvägar" not in yearly
    body = json.loads(run("--data", str(PERIODS), "status", "--period", "ml-utan-period",
                          "--as-of", "2024-06-30", "--format", "json").stdout)
    assert (body["period"]["start"], body["period"]["end"], body["period"]["label"]) == (
        None, None, "period anges inte")


def test_a_root_whose_only_set_has_no_period_shows_it_and_says_why(run, periods) -> None:
    for name in ("2021.yaml", "2022.yaml", "2024.yaml"):
        (periods / "pledges" / name).unlink()
    (periods / "activities" / "2024.yaml").unlink()
    result = run("--data", str(periods), "status", "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    assert "Inga medborgarlöften anger sin period; visar Medborgarlöften om skolvägar." in _flat(
        result.stdout)
    site = run("--data", str(periods), "site", "-o", str(periods.parent / "site"), "--as-of",
               "2024-06-30")
    assert site.exit_code == 0, site.output
    front = (periods.parent / "site" / "index.html").read_text(encoding="utf-8")
    assert "Vilken period löftena gäller anges inte." in front
    assert "inte påbörjat" not in front  # not 'not started' by a start nobody gives
    council = run("--data", str(periods), "report", "council", "--period", "ml-utan-period")
    assert council.exit_code == 2
    assert "'ml-utan-period' anger ingen period, så rapporten har inget tidsfönster" in council.output


@pytest.mark.parametrize(("lang", "fmt", "wanted"), [
    ("sv", "md", "- **Period:** från 1 januari 2024, tills vidare"),
    ("en", "md", "- **Period:** from 1 January 2024, until further notice"),
    ("sv", "html", "från 1 januari 2024, tills vidare"),
])
def test_the_pledge_report_says_an_open_period(run, lang, fmt, wanted) -> None:
    result = run("--data", str(PERIODS), "--lang", lang, "report", "pledges", "--format", fmt,
                 "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    assert wanted in result.stdout
    assert "9999" not in result.stdout


def test_reports_say_an_extension_and_a_missing_period(run) -> None:
    extended = run("--data", str(PERIODS), "report", "pledges", "--period", "ml-2022", "--format",
                   "html", "--as-of", "2024-06-30").stdout
    assert "1 januari 2022 – 31 december 2022, förlänger Medborgarlöften 2021" in extended
    undated = run("--data", str(PERIODS), "--lang", "en", "report", "status", "--period",
                  "ml-utan-period", "--format", "md", "--as-of", "2024-06-30").stdout
    assert "Period not given." in undated
    assert "0001" not in undated and "9999" not in undated


def test_the_site_and_its_open_data_give_no_invented_dates(run, tmp_path) -> None:
    out = tmp_path / "site"
    result = run("--data", str(PERIODS), "site", "-o", str(out), "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    front = (out / "index.html").read_text(encoding="utf-8")
    assert "Löftena gäller från 1 januari 2024, tills vidare." in front
    for page in out.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".csv", ".json", ".jsonld", ".xml"):
            text = page.read_text(encoding="utf-8")
            assert "9999" not in text and "0001-01-01" not in text, page.name
    with (out / "oppna-data" / "pledges.csv").open(encoding="utf-8") as handle:
        rows = {r["pledge_set_id"]: r for r in csv.DictReader(handle)}
    assert (rows["ml-2024"]["period_end"], rows["ml-2024"]["period_until"]) == ("", "open")
    assert (rows["ml-utan-period"]["period_start"], rows["ml-2022"]["extends"]) == ("", "ml-2021")
    assert rows["ml-2021"]["period_end"] == "2021-12-31"


def test_exports_diff_and_overview_say_the_period(run) -> None:
    ics = run("--data", str(PERIODS), "export", "activities", "--format", "ics").stdout
    assert "UID:a-2@" in ics and "UID:a-1@" not in ics  # a-1 has no due date and no period end
    diff = _flat(run("--data", str(PERIODS), "diff", "pledges", "ml-2021", "ml-2022").stdout)
    assert "period, tills: next → —" in diff and "förlänger: — → ml-2021" in diff
    overview = run("--data", str(PERIODS), "overview", "--as-of", "2024-06-30", "--format",
                   "json").stdout
    [row] = json.loads(overview)["municipalities"]
    assert (row["period_start"], row["period_end"]) == ("2024-01-01", None)
    assert "från 2024" in run("--data", str(PERIODS), "overview", "--as-of", "2024-06-30").stdout


def _replace(root: Path, name: str, old: str, new: str) -> None:
    path = root / "pledges" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_period_with_both_an_end_and_until_is_an_error_at_its_line(run, periods) -> None:
    _replace(periods, "2021.yaml", "  until: next\n", "  end: 2021-12-31\n  until: next\n")
    [error] = _findings(run, periods)
    assert (error["code"], error["line"], error["column"]) == ("TRY413", 7, 3)
    assert error["message"] == "ml-2021: the period gives both an end (2021-12-31) and 'until: next'"


def test_extending_a_set_that_does_not_exist_names_the_ones_that_do(run, periods) -> None:
    _replace(periods, "2022.yaml", "extends: ml-2021", "extends: ml-2011")
    [error] = _findings(run, periods)
    assert (error["code"], error["line"], error["column"]) == ("TRY305", 7, 10)
    assert error["message"] == "unknown pledge set 'ml-2011'"
    assert "'ml-2021'" in str(error["hint"])


def test_extending_a_later_set_is_an_error(run, periods) -> None:
    _replace(periods, "2022.yaml", "extends: ml-2021", "extends: ml-2024")
    assert [f["code"] for f in _findings(run, periods)] == ["TRY413"]


def test_a_period_with_a_start_only_stays_the_error_it_was(run, periods) -> None:
    """Neither an end nor 'until': the same missing key as before the new forms existed."""
    _replace(periods, "2024.yaml", "  until: open\n", "")
    [error] = [f for f in _findings(run, periods) if f["severity"] == "error"]
    assert (error["code"], error["line"]) == ("TRY202", 5)
    assert "'end'" in str(error["message"])


def test_the_next_period_after_one_in_force_until_further_notice_needs_its_dates(run, periods) -> None:
    result = run("--data", str(periods), "new", "period", "--dry-run")
    assert result.exit_code == 2
    assert "'ml-2024' har inget slutdatum" in result.output
    dated = run("--data", str(periods), "new", "period", "--start", "2026-01-01", "--end",
                "2027-12-31", "--dry-run")
    assert dated.exit_code == 0, dated.output
    assert "+  end: 2027-12-31" in dated.stdout
