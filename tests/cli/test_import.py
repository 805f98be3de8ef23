"""`trygghet import activities`: CSV and Excel in, valid YAML out, bad rows named by number."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from tests.conftest import BUNDLED

HEADERS = ["kommun", "period", "id", "titel", "beskrivning", "löften", "ansvariga", "parter",
           "kommundelar", "platser", "start", "slutdatum", "status", "slutförd", "orsak", "statuskommentar",
           "synlighet", "mål", "måltyp", "målvärde", "målenhet", "mål per"]
ROWS = [
    ["Exempelby kommun",
     "2024-2025", "a-10", "Nattvandringar", "Vuxna vandrar fredagar, med ungdomar; i centrum",
     "ml-1", "trygghetssamordnare", "kommun", "centrum; norr", "Torget; Stationen", "2024-03-01",
     "2025-05-31", "pågår", "", "", "", "offentlig", "minst 30 kvällar\nvarje fredag",
     "minst\ntakt", "30\n1", "kvällar\nkväll", "\nvecka"],
    ["Exempelby kommun",
     "2024-2025", "a-11", "Hastighetsmätning", "", "ml-2", "kommunpolis", "polis", "", "", "",
     "2025-09-30", "inställd", "", "Mätutrustningen saknas", "", "intern", "", "", "", "", ""],
    ["Exempelby kommun",
     "2024-2025", "a-12", "Trygghetsenkät", "", "ml-1; ml-2", "trygghetssamordnare; kommunpolis",
     "kommun; polis", "", "", "2024-01-15", "2024-06-30", "klar", "2024-06", "", "Klar i juni",
     "offentlig", "en enkät", "kvalitativt", "", "", ""],
]


def _write_csv(path: Path, headers: list[str], rows: list[list[str]], delimiter: str = ",") -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([headers, *rows])
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def _rows(text: str) -> list[list[str]]:
    """The rows of a CSV export: Swedish has a BOM and ';', English ','."""
    delimiter = ";" if text.startswith("\ufeff") else ","
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def _import(run, root: Path, *args: str):
    return run("--data", str(root), "import", "activities", *args)


def test_csv_imported_and_exported_again_gives_the_same_rows(run, minimal_root, tmp_path) -> None:
    (minimal_root / "activities" / "2024-2025.yaml").unlink()
    table = tmp_path / "aktiviteter.csv"
    _write_csv(table, HEADERS, ROWS)
    result = _import(run, minimal_root, str(table), "--period", "2024-2025")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("2024-2025.yaml: 3 aktiviteter tillagda, 0 ändrade\n")
    assert run("--data", str(minimal_root), "validate").exit_code == 0
    exported = run("--data", str(minimal_root), "export", "activities", "--period", "2024-2025",
                   "--format", "csv", "--audience", "internal")
    assert _rows(exported.stdout) == [HEADERS, *ROWS]
    public = run("--data", str(minimal_root), "export", "activities", "--period", "2024-2025",
                 "--format", "csv")
    assert _rows(public.stdout) == [HEADERS, ROWS[0], ROWS[2]]  # a-11 is internal


def test_exporting_and_importing_the_bundled_data_changes_no_file(run, bundled_copy, tmp_path) -> None:
    for period in ("2019", "2020", "2021", "2022-2023", "2024-2025"):
        for fmt in ("csv", "xlsx"):
            table = tmp_path / f"{period}.{fmt}"
            run("--data", str(bundled_copy), "export", "activities", "--period", period,
                "--format", fmt, "-o", str(table))
            result = _import(run, bundled_copy, str(table), "--period", period)
            assert result.exit_code == 0, result.output
    for original in BUNDLED.rglob("*.yaml"):
        copy = bundled_copy / original.relative_to(BUNDLED)
        assert copy.read_bytes() == original.read_bytes(), original


def _workbook(path: Path, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Aktivitetslista"
    sheet.append(["Titel", "Löfte", "Ansvarig", "Kommundel", "Startdatum", "Slutdatum", "Status",
                  "Mål", "Målvärde", "Orsak"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_xlsx_with_swedish_headers_is_imported_with_real_dates(run, minimal_root, tmp_path) -> None:
    table = tmp_path / "aktiviteter.xlsx"
    _workbook(table, [
        ["Nattvandring", 1, "Trygghetssamordnare", "Norr", datetime(2024, 4, 1), date(2025, 5, 31),
         "Planerad", "minst 10 kvällar", 10, None],
        ["Föreläsning om bedrägerier", "Löfte 2", "Kommunpolis", None, None, "2025-03-01", "Pågår",
         None, None, None],
    ])
    result = _import(run, minimal_root, str(table), "--period", "ml-2024-2025")
    assert result.exit_code == 0, result.output
    text = (minimal_root / "activities" / "2024-2025.yaml").read_text(encoding="utf-8")
    assert "  - id: a-3\n    title: Nattvandring\n" in text  # the list's own numbering, as activity new
    assert "    start: 2024-04-01\n    due: 2025-05-31\n    status: planned\n" in text
    assert ("      - id: t1\n        kind: at_least\n        text: minst 10 kvällar\n"
            "        value: 10\n") in text
    assert "    parties: [polis]\n" in text  # from the owner's party, in the file's flow style
    assert run("--data", str(minimal_root), "validate").exit_code == 0


def test_xlsx_bad_rows_are_reported_by_row_number_and_nothing_is_written(run, minimal_root,
                                                                         tmp_path) -> None:
    table = tmp_path / "aktiviteter.xlsx"
    _workbook(table, [
        ["Nattvandring", 1, "Trygghetssamordnare", "Norr", None, date(2025, 5, 31), "Planerad",
         None, None, None],
        [None, None, None, None, None, None, None, None, None, None],
        ["Cykelstölder", 7, "Brandchef", "Söder", None, "31/5", "Kanske", None, None, None],
    ])
    before = (minimal_root / "activities" / "2024-2025.yaml").read_bytes()
    result = _import(run, minimal_root, str(table), "--period", "2024-2025")
    assert result.exit_code == 1
    problems = [line.split(".xlsx: ", 1)[1] for line in result.stderr.splitlines() if ": rad " in line]
    assert problems == [
        "rad 4, kolumn Löfte: '7' är inget löfte i perioden (där finns 1 (ml-1), 2 (ml-2)): "
        "skriv löftets nummer eller id",
        "rad 4, kolumn Ansvarig: 'Brandchef' är ingen funktion i trygghet.yaml (där finns "
        "Trygghetssamordnare, Kommunpolis): skriv någon av dem, eller lägg till den under "
        "functions: i trygghet.yaml",
        "rad 4, kolumn Kommundel: 'Söder' är ingen kommundel i trygghet.yaml (där finns Centrum, "
        "Norr): skriv någon av dem, eller lägg till den under districts: i trygghet.yaml",
        "rad 4, kolumn Slutdatum: '31/5' är inget datum: skriv dagen som 2026-03-16",
        "rad 4, kolumn Status: 'Kanske' är ingen status: skriv någon av planerad, pågår, klar, "
        "försenad, inställd"]
    assert "ingenting skrevs" in result.stderr
    assert (minimal_root / "activities" / "2024-2025.yaml").read_bytes() == before


def test_rows_that_would_make_the_data_invalid_are_reported_and_nothing_written(run, minimal_root,
                                                                               tmp_path) -> None:
    table = tmp_path / "a.csv"
    _write_csv(table, ["Titel", "Löfte", "Part", "Status"],
               [["Skolbesök", "ml-1", "kommun", "planerad"], ["Föreläsning", "ml-2", "polis", "inställd"]],
               delimiter=";")
    before = (minimal_root / "activities" / "2024-2025.yaml").read_bytes()
    result = _import(run, minimal_root, str(table), "--period", "2024-2025")
    assert result.exit_code == 1
    # the cell the problem is in, found from the line of the checked list
    assert "rad 3, kolumn Status: a-4: statusen inställd kräver en orsak" in result.stderr
    # the hint speaks of the sheet's columns, not of the data file's keys
    assert "(lägg till en kolumn 'orsak' och skriv varför där)" in result.stderr
    assert "reason:" not in result.stderr
    assert (minimal_root / "activities" / "2024-2025.yaml").read_bytes() == before


def test_a_missing_reason_is_asked_for_in_the_sheets_own_column(run, minimal_root, tmp_path) -> None:
    table = tmp_path / "a.csv"
    _write_csv(table, ["Titel", "Löfte", "Part", "Status", "Anledning"],
               [["Föreläsning", "ml-2", "polis", "Inställd", ""]], delimiter=";")
    result = _import(run, minimal_root, "--lang", "en", str(table), "--period", "2024-2025")
    assert result.exit_code == 1
    assert "status cancelled needs a reason (say why in the column 'Anledning')" in result.stderr


def test_rows_with_a_known_id_update_the_activity_and_keep_its_outcomes(run, minimal_root,
                                                                      tmp_path) -> None:
    table = tmp_path / "a.csv"
    _write_csv(table, ["id", "title", "status", "target", "target value"],
               [["a-1", "Trygghetsvandringar i centrum", "done", "minst 5 trygghetsvandringar", "5"]])
    result = _import(run, minimal_root, str(table), "--period", "2024-2025")
    assert result.exit_code == 0, result.output
    text = (minimal_root / "activities" / "2024-2025.yaml").read_text(encoding="utf-8")
    assert "title: Trygghetsvandringar i centrum" in text
    assert "text: minst 5 trygghetsvandringar" in text and "value: 5\n" in text
    assert "source: src-uppfoljning" in text  # the outcome stays
    assert text.startswith("# Activities for the pledges 2024–2025.\n")  # comments stay


def test_dry_run_shows_the_change_and_writes_nothing(run, minimal_root, tmp_path) -> None:
    table = tmp_path / "a.csv"
    _write_csv(table, ["id", "titel"], [["a-2", "Hastighetskontroller vid skolor"]])
    before = (minimal_root / "activities" / "2024-2025.yaml").read_bytes()
    result = _import(run, minimal_root, str(table), "--period", "2024-2025", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "+    title: Hastighetskontroller vid skolor" in result.stdout
    assert (minimal_root / "activities" / "2024-2025.yaml").read_bytes() == before


def test_a_mapping_file_names_other_headers_and_status_words(run, minimal_root, tmp_path) -> None:
    mapping = tmp_path / "kolumner.yaml"
    mapping.write_text("columns:\n  Vad görs: title\n  Löftesnummer: pledges\n  Vem: owners\n"
                       "status:\n  Gul: ongoing\nsheet: Aktivitetslista\n", encoding="utf-8")
    table = tmp_path / "a.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "Aktivitetslista"
    sheet.append(["Vad görs", "Löftesnummer", "Vem", "Status", "Övrigt"])
    sheet.append(["Nattvandring", 1, "trygghetssamordnare", "Gul", "x"])
    book.save(table)
    result = _import(run, minimal_root, str(table), "--period", "2024-2025", "--mapping", str(mapping))
    assert result.exit_code == 0, result.output
    assert "Övrigt" in result.stderr  # an ignored column is named
    text = (minimal_root / "activities" / "2024-2025.yaml").read_text(encoding="utf-8")
    assert "title: Nattvandring" in text and "status: ongoing" in text


def test_a_table_without_title_column_is_a_usage_error(run, minimal_root, tmp_path) -> None:
    table = tmp_path / "a.csv"
    _write_csv(table, ["foo", "bar"], [["1", "2"]])
    result = _import(run, minimal_root, str(table), "--period", "2024-2025")
    assert result.exit_code == 2
    assert "foo, bar" in result.stderr


def test_the_same_id_on_two_rows_is_reported(run, minimal_root, tmp_path) -> None:
    table = tmp_path / "a.csv"
    _write_csv(table, ["id", "titel", "löfte", "part"],
               [["a-9", "Ett", "ml-1", "kommun"], ["a-9", "Två", "ml-1", "kommun"]])
    result = _import(run, minimal_root, str(table), "--period", "2024-2025")
    assert result.exit_code == 1
    assert "rad 3, kolumn id: a-9 står också på rad 2: skriv varje aktivitet på en rad" in result.stderr


def test_an_id_used_elsewhere_in_the_data_root_is_refused(run, minimal_root, tmp_path) -> None:
    table = tmp_path / "a.csv"
    _write_csv(table, ["id", "titel", "löfte", "part"], [["ml-1", "Krock", "ml-1", "kommun"]])
    result = _import(run, minimal_root, str(table), "--period", "2024-2025")
    assert result.exit_code == 1
    assert ("rad 2, kolumn id: id:t ml-1 används redan i datamappen: lämna cellen tom så väljs ett "
            "nytt id") in result.stderr


def test_a_file_of_another_kind_is_refused(run, minimal_root, tmp_path) -> None:
    table = tmp_path / "a.ods"
    table.write_bytes(b"x")
    assert _import(run, minimal_root, str(table), "--period", "2024-2025").exit_code == 2



def test_import_never_edits_the_bundled_data_by_accident(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)  # in CI the fallback itself is refused: test_data_root.py
    table = tmp_path / "a.csv"
    _write_csv(table, ["id", "titel"], [["a2024-01", "Ändrad"]])
    result = run("import", "activities", str(table), "--period", "2024-2025")
    assert result.exit_code == 2
    assert "inbyggda exempeldata" in result.stderr


def test_a_bom_in_the_activity_file_is_kept(run, minimal_root, tmp_path) -> None:
    target = minimal_root / "activities" / "2024-2025.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes())
    table = tmp_path / "a.csv"
    _write_csv(table, ["id", "titel"], [["a-2", "Hastighetskontroller vid skolor"]])
    assert _import(run, minimal_root, str(table), "--period", "2024-2025").exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf# Activities")
    assert b"title: Hastighetskontroller vid skolor" in target.read_bytes()


def test_rows_of_another_period_are_named_once_each(run, bundled_copy, tmp_path) -> None:
    table = tmp_path / "alla.csv"
    run("--data", str(bundled_copy), "export", "activities", "--format", "csv", "-o", str(table))
    result = _import(run, bundled_copy, str(table), "--period", "2019")
    assert result.exit_code == 1
    problems = [line for line in result.stderr.splitlines() if ": rad " in line]
    assert len(problems) == 21 - 7
    assert all("kolumn period: " in p and "' är inte perioden som importeras ('2019'): importera raden "
               "med --period " in p for p in problems), problems
