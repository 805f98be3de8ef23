"""Other results (övriga resultat): recorded with `activity result`, shown by status and the
yearly report, exported with the outcomes for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import BUNDLED

RESULT = ("activity", "result", "Nya grannsamverkansgrupper", "--value", "6", "--unit", "grupper",
          "--date", "2024-09", "--district", "centrum", "--source", "src-uppfoljning")


def test_result_is_recorded_as_a_results_entry_of_the_list(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), *RESULT)
    assert result.exit_code == 0, result.output
    text = (minimal_root / "activities" / "2024-2025.yaml").read_text(encoding="utf-8")
    assert text.endswith("results:\n  - text: Nya grannsamverkansgrupper\n    value: 6\n"
                         "    unit: grupper\n    date: 2024-09\n    district: centrum\n"
                         "    source: src-uppfoljning\n")


def test_status_shows_other_results_in_swedish_and_english(run, minimal_root: Path) -> None:
    run("--data", str(minimal_root), *RESULT)
    sv = run("--data", str(minimal_root), "status", "--as-of", "2024-12-31")
    assert "Övriga resultat - Nya grannsamverkansgrupper: 6 grupper (september 2024; Centrum; " \
           "Uppföljning 2024)" in " ".join(sv.stdout.split())
    en = run("--data", str(minimal_root), "status", "--as-of", "2024-12-31", "--lang", "en",
             "--format", "json")
    [entry] = json.loads(en.stdout)["results"]
    assert entry["value"] == 6 and entry["district"] == "centrum"
    assert entry["summary"] == "Nya grannsamverkansgrupper: 6 grupper (September 2024; Centrum; " \
                               "Uppföljning 2024)"
    assert entry["source"] == "src-uppfoljning"  # the id stays in the data


def test_a_result_dated_after_the_as_of_date_is_not_shown_yet(run, minimal_root: Path) -> None:
    run("--data", str(minimal_root), *RESULT)
    early = run("--data", str(minimal_root), "status", "--as-of", "2024-06-30")
    assert "Övriga resultat" not in early.stdout


def test_a_result_with_an_unknown_district_is_an_error_at_its_line(run, minimal_root: Path) -> None:
    path = minimal_root / "activities" / "2024-2025.yaml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "results:\n  - text: Möten\n    district: norrr\n", encoding="utf-8")
    line = before.count("\n") + 3
    result = run("--data", str(minimal_root), "validate", "--format", "json")
    hits = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "TRY307"]
    assert [(h["line"], "'norr'" in h["hint"]) for h in hits] == [(line, True)]


def test_outcome_export_has_one_row_per_outcome_with_window_bound_and_verdict(run,
                                                                              minimal_root: Path) -> None:
    root = str(minimal_root)
    run("--data", root, "activity", "outcome", "a-1", "300", "--from", "2024-02", "--to", "2024-09",
        "--bound", "at_least", "--kind", "interim", "--source", "src-uppfoljning")
    run("--data", root, "activity", "outcome", "a-1", "--verdict", "met", "--source",
        "src-uppfoljning", "--date", "2024-11-30")
    result = run("--data", root, "--lang", "en", "export", "activities", "--table", "outcomes",
                 "--format", "csv")
    lines = result.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("municipality,period,activity,activity title,target,target text")
    assert len(lines) == 4  # the header and three outcomes of a-1
    assert ",300,2024-09-30,2024-02-01,2024-09-30,interim,,at_least,,,,src-uppfoljning," in lines[2]
    assert lines[3].endswith(",,2024-11-30,,,,,,met,,,src-uppfoljning,")


def test_outcome_export_keeps_district_place_and_a_month_only_date(run, minimal_root: Path) -> None:
    root = str(minimal_root)
    run("--data", root, "activity", "outcome", "a-1", "3", "--date", "2024-05", "--district", "centrum",
        "--place", "kring torget", "--kind", "interim", "--source", "src-uppfoljning")
    result = run("--data", root, "--lang", "en", "export", "activities", "--table", "outcomes",
                 "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    new = next(r for r in rows if r["value"] == "3")
    assert (new["date"], new["district"], new["place"]) == ("2024-05", "centrum", "kring torget")


def test_excel_export_has_the_outcomes_and_other_results_as_sheets(run, minimal_root: Path,
                                                                  tmp_path: Path) -> None:
    run("--data", str(minimal_root), *RESULT)
    out = tmp_path / "aktiviteter.xlsx"
    result = run("--data", str(minimal_root), "export", "activities", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["Aktiviteter", "Utfall", "Övriga resultat"]
    outcome = [c.value for c in book["Utfall"][2]]
    assert outcome[:4] == ["Exempelby kommun", "2024-2025", "a-1", "Trygghetsvandringar"]
    assert outcome[9] == 5
    assert [c.value for c in book["Övriga resultat"][2]][:4] == [
        "Exempelby kommun", "2024-2025", "Nya grannsamverkansgrupper", 6]


def test_json_export_carries_each_targets_outcomes(run) -> None:
    result = run("--data", str(BUNDLED), "export", "activities", "--period", "2019", "--format", "json")
    records = {r["id"]: r for r in json.loads(result.stdout)}
    outcomes = records["a2019-05"]["targets"][0]["outcomes"]
    assert [(o["value"], o["period"]) for o in outcomes] == [
        (213, {"start": "2019-01-01", "end": "2019-08-31"}),
        (303, {"start": "2019-01-01", "end": "2019-12-31"})]


def test_yearly_report_lists_other_results_of_the_year(run) -> None:
    result = run("--data", str(BUNDLED), "report", "yearly", "--year", "2021")
    assert ("## Övriga resultat\n\n- Sommarinsatsen Säker sommar upprepades (2021; Sammanfattning av "
            "medborgarlöftet för 2021)") in result.stdout


def _per_district(root: Path) -> None:
    path = root / "activities" / "2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    districts: [centrum]\n", "    districts: [centrum, norr]\n", 1)
    text = text.replace("        unit: trygghetsvandringar\n", "        unit: trygghetsvandringar\n"
                        "        per_district: true\n", 1)
    text = text.replace("            kind: final\n            source: src-uppfoljning",
                        "            kind: final\n            district: centrum\n"
                        "            source: src-uppfoljning", 1)
    path.write_text(text, encoding="utf-8")


def test_a_target_for_each_district_names_the_district_that_is_missing(run, minimal_root: Path) -> None:
    _per_district(minimal_root)
    assert run("--data", str(minimal_root), "validate").exit_code == 0
    sv = run("--data", str(minimal_root), "status", "--as-of", "2024-12-31")
    shown = " ".join(sv.stdout.split())
    assert "1 av 2 områden (Centrum 5; Norr saknas), minst 4 i varje: ej uppnått" in shown
    run("--data", str(minimal_root), "activity", "outcome", "a-1", "4", "--date", "2024-11-30",
        "--kind", "final", "--district", "norr", "--source", "src-uppfoljning")
    en = run("--data", str(minimal_root), "status", "--as-of", "2024-12-31", "--lang", "en")
    assert "2 of 2 districts (Centrum 5, Norr 4), at least 4 in each: met" in " ".join(en.stdout.split())
