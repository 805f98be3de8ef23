"""`trygghet export activities`: CSV, Excel, JSON and iCalendar from the bundled data."""

from __future__ import annotations

import csv
import io
import json

import icalendar
from openpyxl import load_workbook

from tests.conftest import BUNDLED


def _export(run, *args: str):
    return run("--data", str(BUNDLED), "export", "activities", *args)


def test_csv_has_swedish_headers_and_one_row_per_activity(run) -> None:
    result = _export(run, "--period", "2019", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\ufeffkommun;period;id;titel;")
    table = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff")), delimiter=";"))
    assert len(table) == 7
    first = table[0]
    assert first["id"] == "a2019-01" and first["status"] == "klar" and first["målvärde"] == "8"
    assert first["kommundelar"] == "strangnas; mariefred; stallarholmen; aker"
    assert {row["kommun"] for row in table} == {"Strängnäs kommun"}


def test_english_headers_and_words_with_lang_en(run) -> None:
    result = run("--data", str(BUNDLED), "--lang", "en", "export", "activities", "--period",
                 "2019", "--format", "csv")
    assert result.stdout.startswith("municipality,period,id,title,")  # no BOM: ',' as English Excel splits
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert table[0]["title"] and table[0]["status"] == "done" and table[0]["target kind"] == "at least"
    assert table[0]["municipality"] == "Strängnäs kommun"


def test_json_lists_every_activity_of_every_period(run) -> None:
    result = _export(run, "--format", "json")
    records = json.loads(result.stdout)
    assert len(records) == 21
    assert {r["period"] for r in records} == {"2019", "2020", "2021", "2022-2023", "2024-2025"}
    target = records[0]["targets"][0]
    assert {k: v for k, v in target.items() if k != "outcomes"} == {
        "id": "t1", "kind": "at_least", "value": 8, "text": "Minst 8 nya grannsamverkansområden",
        "unit": "nya grannsamverkansområden", "per": None}
    assert [o["value"] for o in target["outcomes"]] == [16, 20]


def test_xlsx_is_written_to_a_file_with_the_same_rows_as_csv(run, tmp_path) -> None:
    target = tmp_path / "aktiviteter.xlsx"
    assert _export(run, "--period", "2020", "--format", "xlsx", "-o", str(target)).exit_code == 0
    sheet = load_workbook(target).active
    values = [[("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True)]
    text = _export(run, "--period", "2020", "--format", "csv").stdout.removeprefix("\ufeff")
    assert values == list(csv.reader(io.StringIO(text), delimiter=";"))


def test_xlsx_output_is_reproducible(run, tmp_path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    _export(run, "--format", "xlsx", "-o", str(first))
    _export(run, "--format", "xlsx", "-o", str(second))
    assert load_workbook(first).properties.created == load_workbook(second).properties.created


def test_xlsx_to_stdout_is_a_usage_error(run) -> None:
    result = _export(run, "--format", "xlsx")
    assert result.exit_code == 2
    assert "-o" in result.stderr


def test_unknown_period_is_a_usage_error_naming_the_known_ones(run) -> None:
    result = _export(run, "--period", "1999", "--format", "csv")
    assert result.exit_code == 2
    assert "2024-2025" in result.stderr


def test_period_may_be_named_by_pledge_set_id(run) -> None:
    by_key = _export(run, "--period", "2024-2025", "--format", "json").stdout
    by_id = _export(run, "--period", "ml-2024-2025", "--format", "json").stdout
    assert by_key == by_id and json.loads(by_key)


def test_ics_file_parses_with_one_event_per_activity(run, tmp_path) -> None:
    target = tmp_path / "slutdatum.ics"
    assert _export(run, "--format", "ics", "-o", str(target)).exit_code == 0
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 21


def test_export_writes_no_progress_bar_when_stderr_is_not_a_terminal(run) -> None:
    result = _export(run, "--format", "json")
    assert result.stderr == ""


def test_text_that_looks_like_a_formula_stays_text_in_xlsx(run, minimal_root, tmp_path) -> None:
    activities = minimal_root / "activities" / "2024-2025.yaml"
    activities.write_text(activities.read_text(encoding="utf-8").replace(
        "title: Hastighetskontroller", "title: \"=HYPERLINK(\\\"http://example.org\\\")\""),
        encoding="utf-8")
    target = tmp_path / "a.xlsx"
    result = run("--data", str(minimal_root), "export", "activities", "--format", "xlsx", "-o", str(target))
    assert result.exit_code == 0, result.output
    cell = load_workbook(target).active["D3"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://example.org")'
    before = activities.read_bytes()
    imported = run("--data", str(minimal_root), "import", "activities", str(target), "--period", "2024-2025")
    assert imported.exit_code == 0, imported.output
    assert activities.read_bytes() == before


def test_public_export_is_refused_when_public_text_looks_like_personal_data(run, minimal_root) -> None:
    activities = minimal_root / "activities" / "2024-2025.yaml"
    activities.write_text(activities.read_text(encoding="utf-8").replace(
        "title: Hastighetskontroller", "title: Ring 070-123 45 67"), encoding="utf-8")
    public = run("--data", str(minimal_root), "export", "activities", "--format", "ics")
    assert public.exit_code == 1
    assert "TRY506" in public.stderr and public.stdout == ""
    internal = run("--data", str(minimal_root), "export", "activities", "--format", "ics",
                   "--audience", "internal")
    assert internal.exit_code == 0 and "Ring 070" in internal.stdout
