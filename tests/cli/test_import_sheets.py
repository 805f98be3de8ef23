"""Lists as municipalities keep them come in: real-looking sheets of different shapes, made
here with openpyxl or as CSV text, imported with the expected result and Swedish messages only.

The first sheet is the one issue 23 describes: a title row and a "Reviderad …" row above the
headers, the pledge column merged over the rows of its activities, parties written
"Kommunen, Polisen, Vretbyhem", owners in the definite form, dates as weeks, months and
seasons, statuses like "Klar ✔", a "Kommentar" column and no ids.
"""

from __future__ import annotations

import csv
import difflib
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.cli.test_swedish_messages import _english_words

ACTIVITIES = Path("activities") / "2024-2025.yaml"


@pytest.fixture
def root(minimal_root: Path) -> Path:
    """The minimal root with a third party and a function the lists name."""
    config = minimal_root / "trygghet.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("    kind: polis\n", "    kind: polis\n  - id: vretbyhem\n    name: Vretbyhem\n"
                        "    kind: foretag\n", 1)
    text = text.replace("    party: polis\n", "    party: polis\n  - id: faltgrupp\n    name: Fältgrupp\n"
                        "    party: kommun\n", 1)
    config.write_text(text, encoding="utf-8")
    return minimal_root


def _book(path: Path, rows: list[list[Any]], merged: tuple[str, ...] = (),
          title: str = "Aktiviteter") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[str]], delimiter: str = ";") -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return path


def _import(run: Any, root: Path, table: Path, *args: str) -> Any:
    return run("--data", str(root), "import", "activities", str(table), "--period", "2024-2025", *args)


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _swedish_only(result: Any) -> None:
    assert "Traceback" not in result.output
    for line in result.stderr.splitlines():
        assert _english_words(line.split(".xlsx: ")[-1].split(".csv: ")[-1]) == [], line


def _activity(root: Path, title: str) -> str:
    """The lines of the activity with the title in the list, as written."""
    text = (root / ACTIVITIES).read_text(encoding="utf-8")
    start = text.index(f"    title: {title}\n")
    start = text.rindex("  - id: ", 0, start)
    end = text.find("\n  - id: ", start + 1)
    return text[start:] if end < 0 else text[start:end + 1]


ISSUE_HEADERS = ["Löfte", "Aktivitet", "Beskrivning", "Parter", "Ansvarig", "Kommundel", "Start",
                 "Klart senast", "Status", "Genomförd", "Kommentar"]


def _issue_sheet(path: Path) -> Path:
    return _book(path, [
        ["Aktivitetsplan medborgarlöften Exempelby 2024–2025"],
        ["Reviderad 2024-05-02 av trygghetssamordnaren"],
        ISSUE_HEADERS,
        ["Löfte 1", "Nattvandringar", "Vuxna vandrar fredagar", "Kommunen, Polisen, Vretbyhem",
         "Trygghetssamordnaren", "Centrum och Norr", "v. 12", date(2025, 5, 31), "Pågår", None,
         "Vretbyhem bjuder på fika"],
        [None, "Trygghetsvandring i Norr", "Med boende", "Kommunen; Polisen", "Fältgruppen",
         "Norr", "hösten 2024", "2024-12-31", "Planerad", None, None],
        [None, "Föräldramöte om droger", None, "Kommunen", "Trygghetssamordnaren\nKommunpolisen",
         "Centrum", "2024-09", "2024-10-31", "Pågår", None, None],
        ["Löfte 2", "Hastighetskontroller", None, "Polisen", "Kommunpolisen", None, None, None,
         "Klar ✔", "maj 2024", "Klart i maj"],
    ], merged=("A1:K1", "A4:A6"), title="Aktiviteter 2024")


def test_the_issues_sheet_names_each_week_month_and_season_by_its_cell(run, root, tmp_path) -> None:
    before = (root / ACTIVITIES).read_bytes()
    result = _import(run, root, _issue_sheet(tmp_path / "lista.xlsx"))
    assert result.exit_code == 1, result.output
    problems = [line.split("lista.xlsx: ")[1] for line in result.stderr.splitlines() if ": rad " in line]
    assert problems == [
        "rad 7: inget id; titeln stämmer med aktiviteten a-2, som uppdateras",
        "rad 4, kolumn Start: 'v. 12' är en vecka, inte en dag: skriv dagen, till exempel "
        "2024-03-18 (veckans måndag), eller importera med --loose-dates så blir det veckans första "
        "dag, markerad som osäker",
        "rad 5, kolumn Start: 'hösten 2024' är en årstid, inte en dag: skriv dagen, till exempel "
        "2024-09-01, eller importera med --loose-dates så blir det årstidens första dag, markerad "
        "som osäker",
        "rad 6, kolumn Start: '2024-09' är en månad, inte en dag: skriv dagen, till exempel "
        "2024-09-01, eller importera med --loose-dates så blir det månadens första dag, markerad "
        "som osäker",
    ]
    assert "rubrikerna står på rad 3; raderna ovanför lästes inte" in result.stderr
    assert "3 problem; ingenting skrevs" in result.stderr
    _swedish_only(result)
    assert (root / ACTIVITIES).read_bytes() == before


def test_the_issues_sheet_comes_in_with_loose_dates(run, root, tmp_path) -> None:
    result = _import(run, root, _issue_sheet(tmp_path / "lista.xlsx"), "--loose-dates")
    assert result.exit_code == 0, result.output
    _swedish_only(result)
    assert "rad 4, kolumn Start: 'v. 12' lästes som 2024-03-18, veckans måndag (markerat som " \
           "osäkert)" in result.stderr
    assert result.stdout.endswith("2024-2025.yaml: 3 aktiviteter tillagda, 1 ändrad\n")
    night = _activity(root, "Nattvandringar")
    assert "    pledges: [ml-1]\n    owners: [trygghetssamordnare]\n" \
           "    parties: [kommun, polis, vretbyhem]\n" in night
    assert "      - centrum\n      - norr\n" in night
    assert "    start: 2024-03-18\n    due: 2025-05-31\n    uncertain:\n      - start\n" \
           "    status: ongoing\n    status_note: Vretbyhem bjuder på fika\n" in night
    # The merged pledge cell counts for each of the three rows it spans.
    assert "    pledges: [ml-1]\n    owners: [faltgrupp]\n" in _activity(root, "Trygghetsvandring i Norr")
    parents = _activity(root, "Föräldramöte om droger")
    assert "    pledges: [ml-1]\n    owners: [trygghetssamordnare, kommunpolis]\n" in parents
    # The row without an id but with a2's title updated a-2: no duplicate, its fields kept.
    speed = _activity(root, "Hastighetskontroller")
    assert speed.startswith("  - id: a-2\n")
    assert "    due: 2025-06-30\n    status: done\n    completed: 2024-05\n" \
           "    status_note: Klart i maj\n" in speed
    assert (root / ACTIVITIES).read_text(encoding="utf-8").count("title: Hastighetskontroller") == 1
    assert run("--data", str(root), "validate").exit_code == 0


def test_a_csv_with_och_and_line_breaks_and_empty_cells_keeps_what_it_does_not_say(
        run, root, tmp_path) -> None:
    """Shape 2: a semicolon CSV from Swedish Excel; one row re-states an existing activity by
    title with most cells empty, one adds an activity with lists in the cells."""
    before = (root / ACTIVITIES).read_text(encoding="utf-8")
    table = _csv(tmp_path / "lista.csv", [
        ["Titel", "Medborgarlöfte", "Part", "Ansvarig funktion", "Kommundel", "Plats", "Start",
         "Slutdatum", "Status"],
        ["trygghetsvandringar", "", "", "", "", "", "", "", ""],
        ["Cykelmärkning", "Löfte 1", "Kommunen och Polisen", "Trygghetssamordnare\nKommunpolis",
         "Centrum, Norr", "Torget; Stationen", "2024-04-02", "2 maj 2024", "ej påbörjad"],
    ])
    result = _import(run, root, table)
    assert result.exit_code == 0, result.output
    _swedish_only(result)
    assert "rad 2: inget id; titeln stämmer med aktiviteten a-1, som uppdateras" in result.stderr
    after = (root / ACTIVITIES).read_text(encoding="utf-8")
    assert after.startswith(before)  # a-1 and a-2 keep every line
    added = after[len(before):]
    assert "    title: Cykelmärkning\n    pledges: [ml-1]\n" in added
    assert "    owners: [trygghetssamordnare, kommunpolis]\n    parties: [kommun, polis]\n" in added
    assert "      - centrum\n      - norr\n" in added and "      - Torget\n      - Stationen\n" in added
    assert "    start: 2024-04-02\n    due: 2024-05-02\n    status: planned\n" in added
    assert run("--data", str(root), "validate").exit_code == 0


def test_merged_description_and_district_cells_never_delete_what_the_activity_has(
        run, root, tmp_path) -> None:
    """Issue 28, item 14: a workbook whose description and district columns are merged over
    the rows of two existing activities, and one row with those cells empty."""
    path = root / ACTIVITIES
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    title: Hastighetskontroller\n",
        "    title: Hastighetskontroller\n    description: Vid skolor\n    districts: [norr]\n"),
        encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    table = _book(tmp_path / "lista.xlsx", [
        ["id", "Titel", "Beskrivning", "Kommundel", "Status"],
        ["a-1", "Trygghetsvandringar", "Kvällsvandringar med boende", "Centrum", "klar"],
        ["a-2", "Hastighetskontroller", None, None, "Pågår"],
    ], merged=("C2:C3",))
    result = _import(run, root, table)
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert _changed(before, after) == [
        "+    description: Kvällsvandringar med boende",
        "-    description: Vid skolor",
        "+    description: Kvällsvandringar med boende",
    ]
    assert "    districts: [norr]\n" in after  # the empty district cell kept it


def test_an_english_comma_csv_with_ids_and_a_comment_column(run, root, tmp_path) -> None:
    """Shape 4: English headers, ',' separated, ids given, statuses with marks."""
    table = _csv(tmp_path / "list.csv", [
        ["ID", "Title", "Status", "Completed", "Comment", "Owner"],
        ["a-2", "Hastighetskontroller", "Done ✓", "2025-03", "Finished in March", "Kommunpolisen"],
    ], delimiter=",")
    result = _import(run, root, table)
    assert result.exit_code == 0, result.output
    speed = _activity(root, "Hastighetskontroller")
    assert "    status: done\n    completed: 2025-03\n    status_note: Finished in March\n" in speed


def test_a_swedish_mapping_file_and_a_header_row_that_is_not_one(run, root, tmp_path) -> None:
    """Shape 5: a sheet with its own headers, named in a mapping file written in Swedish; a
    header row given wrong is named with the row the headers seem to be on."""
    table = _book(tmp_path / "lista.xlsx", [
        ["Trygghetsarbete 2024"],
        [None],
        ["Vad görs", "Löftesnummer", "Vem", "Läge", "Övrigt"],
        ["Nattvandring", 1, "trygghetssamordnaren", "Gul", "x"],
    ], title="Blad1")
    mapping = tmp_path / "kolumner.yaml"
    mapping.write_text("kolumner:\n  Vad görs: titel\n  Löftesnummer: löfte\n  Vem: ansvarig\n"
                       "status:\n  Gul: pågår\nblad: Blad1\nrubrikrad: 1\n", encoding="utf-8")
    wrong = _import(run, root, table, "--mapping", str(mapping))
    assert wrong.exit_code == 2, wrong.output
    assert "rad 1 har inga kända rubriker; rubrikerna verkar stå på rad 3" in wrong.stderr
    assert "skriv 'rubrikrad: 3' i mappningsfilen" in wrong.stderr
    _swedish_only(wrong)
    mapping.write_text(mapping.read_text(encoding="utf-8").replace("rubrikrad: 1\n", ""),
                       encoding="utf-8")
    result = _import(run, root, table, "--mapping", str(mapping))
    assert result.exit_code == 0, result.output
    assert "kolumner som inte lästes in: Övrigt" in result.stderr
    night = _activity(root, "Nattvandring")
    assert "    pledges: [ml-1]\n    owners: [trygghetssamordnare]\n    parties: [kommun]\n" \
           "    status: ongoing\n" in night


def test_unknown_names_and_bad_cells_say_what_to_write_instead(run, root, tmp_path) -> None:
    """Shape 6: a CSV with a tab between cells and a row of mistakes."""
    table = tmp_path / "lista.csv"
    table.write_text("Titel\tLöfte\tParter\tStart\tStatus\tMålvärde\tMål\n"
                     "Föreläsning\t9\tKommunen, Brandkåren\t15/3\tKanske\tmånga\tminst tre\n"
                     "Föreläsning\t2\tPolisen\t\t\t\t\n", encoding="utf-8")
    result = _import(run, root, table)
    assert result.exit_code == 1, result.output
    _swedish_only(result)
    problems = [line.split("lista.csv: ")[1] for line in result.stderr.splitlines() if ": rad " in line]
    assert problems == [
        "rad 2, kolumn Löfte: '9' är inget löfte i perioden (där finns 1 (ml-1), 2 (ml-2)): "
        "skriv löftets nummer eller id",
        "rad 2, kolumn Parter: 'Brandkåren' är ingen part i trygghet.yaml (där finns Exempelby "
        "kommun, Polisen, Vretbyhem): skriv någon av dem, eller lägg till den under parties: i "
        "trygghet.yaml",
        "rad 2, kolumn Start: '15/3' är inget datum: skriv dagen som 2026-03-16",
        "rad 2, kolumn Status: 'Kanske' är ingen status: skriv någon av planerad, pågår, klar, "
        "försenad, inställd",
        "rad 2, kolumn Målvärde: 'många' är inget tal: skriv det som 12 eller 12,5",
        "rad 3, kolumn Titel: samma titel som rad 2, och inget id: skriv aktiviteten på en rad, "
        "eller ge de två olika titlar",
    ]


def _export(run: Any, root: Path, path: Path, *args: str) -> Path:
    result = run("--data", str(root), "export", "activities", "--period", "2024-2025", "-o", str(path),
                 "--audience", "internal", *args)
    assert result.exit_code == 0, result.output
    return path


def test_the_excel_export_is_swedish_with_numbers_as_numbers(run, root, tmp_path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(_export(run, root, tmp_path / "lista.xlsx", "--format", "xlsx"))
    activities = list(book["Aktiviteter"].iter_rows(values_only=True))
    assert activities[1][12:20] == ("klar", "2024-10-15", None, None, "offentlig",
                                    "minst 4 trygghetsvandringar", "minst", 4)
    outcomes = list(book["Utfall"].iter_rows(values_only=True))
    assert outcomes[0][6:15] == ("måltyp", "målvärde", "enhet", "utfall", "datum", "från", "till",
                                 "typ", "ungefärligt")
    row = outcomes[1]
    assert (row[6], row[7], row[9], row[13]) == ("minst", 4, 5, "slutligt")
    assert isinstance(row[7], int) and isinstance(row[9], int)


def test_round_trip_export_edit_import_changes_only_the_edited_cells_lines(run, root, tmp_path) -> None:
    """Export to Excel, edit three cells of the activity sheet and one of Utfall, add a row
    to Utfall, import: exactly the lines of those cells change (and the new outcome's)."""
    from openpyxl import load_workbook

    path = root / ACTIVITIES
    before = path.read_text(encoding="utf-8")
    sheet = _export(run, root, tmp_path / "lista.xlsx", "--format", "xlsx")
    unchanged = _import(run, root, sheet)
    assert unchanged.exit_code == 0 and "inga ändringar; ingenting skrevs" in unchanged.stdout
    book = load_workbook(sheet)
    activities, outcomes = book["Aktiviteter"], book["Utfall"]
    activities["E3"] = "Vid skolor"  # a-2's description
    activities["M3"] = "Klar ✔"  # a-2's status, and when
    activities["N3"] = "2025-05"
    outcomes["J2"] = 6  # a-1's outcome 5 -> 6
    outcomes.append([None, None, "a-1", None, "t1", None, None, None, None, 2, date(2024, 5, 31),
                     None, None, "delrapport", "ja", None, None, None, None, "src-uppfoljning"])
    book.save(sheet)
    result = _import(run, root, sheet)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].endswith("2024-2025.yaml: utfall: 1 tillagt, 1 ändrat")
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "-          - value: 5",
        "+          - value: 6",
        "+          - value: 2",
        "+            date: 2024-05-31",
        "+            kind: interim",
        "+            approximate: true",
        "+            source: src-uppfoljning",
        "+    description: Vid skolor",
        "-    status: ongoing",
        "+    status: done",
        "+    completed: 2025-05",
    ]
    again = _import(run, root, sheet)
    assert "inga ändringar; ingenting skrevs" in again.stdout  # the same sheet twice: once


def test_an_outcome_sheet_of_the_municipalitys_own_comes_in_beside_the_list(run, root, tmp_path) -> None:
    """Shape 7: a workbook with the list and a sheet "Utfall" kept by hand: activity by title,
    target by its text, a window as from/to, the kind in Swedish; one row names an activity
    the list does not have."""
    book = Workbook()
    book.active.title = "Lista"
    book.active.append(["id", "Titel", "Status"])
    book.active.append(["a-2", "Hastighetskontroller", "Pågår"])
    sheet = book.create_sheet("Utfall")
    sheet.append(["Uppföljning av utfall, tertial 1"])
    sheet.append(["Aktivitet", "Mål", "Värde", "Från", "Till", "Typ", "Källa", "Anmärkning"])
    sheet.append(["Hastighetskontroller", "regelbundna kontroller", "12 kontroller", "2024-01",
                  "2024-04", "Delrapport", "src-uppfoljning", "Tertial 1"])
    book.save(tmp_path / "lista.xlsx")
    path = root / ACTIVITIES
    before = path.read_text(encoding="utf-8")
    result = _import(run, root, tmp_path / "lista.xlsx")
    assert result.exit_code == 0, result.output
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "+        outcomes:",
        "+          - value: 12 kontroller",
        "+            period:",
        "+              start: 2024-01",
        "+              end: 2024-04",
        "+            kind: interim",
        "+            source: src-uppfoljning",
        "+            note: Tertial 1",
    ]
    sheet.append(["Cykelstölder", None, "3", None, None, "kanske", None, None])
    book.save(tmp_path / "lista.xlsx")
    refused = _import(run, root, tmp_path / "lista.xlsx")
    assert refused.exit_code == 1
    _swedish_only(refused)
    assert "bladet Utfall, rad 4, kolumn Aktivitet: 'Cykelstölder' är ingen aktivitet i listan: " \
           "skriv dess id (till exempel a2024-01) eller titeln som den står i listan" in refused.stderr


def test_an_outcome_csv_of_its_own_with_table_outcomes(run, root, tmp_path) -> None:
    """Shape 8: the outcomes as 'export --table outcomes' writes them, one value edited."""
    table = _export(run, root, tmp_path / "utfall.csv", "--table", "outcomes", "--format", "csv")
    text = table.read_text(encoding="utf-8-sig")
    assert ";5;2024-10-15;;;slutligt;" in text
    table.write_text(text.replace(";5;2024-10-15;", ";7;2024-10-15;"), encoding="utf-8-sig")
    before = (root / ACTIVITIES).read_text(encoding="utf-8")
    result = _import(run, root, table, "--table", "outcomes")
    assert result.exit_code == 0, result.output
    assert _changed(before, (root / ACTIVITIES).read_text(encoding="utf-8")) == [
        "-          - value: 5", "+          - value: 7"]


def test_other_results_come_in_from_their_sheet(run, bundled_copy, tmp_path) -> None:
    """Shape 9: the bundled 2020 list exported to Excel; on the sheet "Övriga resultat" the
    existing result gets a count and a new row is added. Only those lines change."""
    from openpyxl import load_workbook

    path = bundled_copy / "activities" / "2020.yaml"
    before = path.read_text(encoding="utf-8")
    sheet = tmp_path / "2020.xlsx"
    assert run("--data", str(bundled_copy), "export", "activities", "--period", "2020", "--format",
               "xlsx", "-o", str(sheet)).exit_code == 0
    book = load_workbook(sheet)
    results = book["Övriga resultat"]
    assert [c.value for c in results[1]][2:4] == ["resultat", "antal"]
    results["D2"] = 12
    results.append([None, None, "Fler grannsamverkansområden", "ca 3", None, "ja", None, "2020"])
    book.save(sheet)
    refused = run("--data", str(bundled_copy), "import", "activities", str(sheet), "--period", "2020")
    assert refused.exit_code == 1
    assert "bladet Övriga resultat, rad 3, kolumn antal: 'ca 3' är inget tal: skriv det som 12 " \
           "eller 12,5" in refused.stderr
    results["D3"] = 3
    book.save(sheet)
    result = run("--data", str(bundled_copy), "import", "activities", str(sheet), "--period", "2020")
    assert result.exit_code == 0, result.output
    assert "2020.yaml: övriga resultat: 1 tillagt, 1 ändrat" in result.stdout
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "+    value: 12",
        "+  - text: Fler grannsamverkansområden",
        "+    value: 3",
        "+    approximate: true",
        '+    date: "2020"',
    ]


def test_a_row_without_id_updates_an_activity_made_with_activity_new(run, root, tmp_path) -> None:
    made = run("--data", str(root), "activity", "new", "--title", "Nattvandring i centrum", "--pledge",
               "1", "--party", "kommun", "--list", "al-2024-2025")
    assert made.exit_code == 0, made.output
    before = (root / ACTIVITIES).read_text(encoding="utf-8")
    table = _csv(tmp_path / "lista.csv", [["Aktivitet", "Status", "Start"],
                                          ["Nattvandring i Centrum", "Pågår", "2024-09-06"]])
    result = _import(run, root, table)
    assert result.exit_code == 0, result.output
    after = (root / ACTIVITIES).read_text(encoding="utf-8")
    assert after.count("Nattvandring i centrum") == 1 and "Nattvandring i Centrum" not in after
    assert _changed(before, after) == ["-    status: planned", "+    start: 2024-09-06",
                                       "+    status: ongoing"]
