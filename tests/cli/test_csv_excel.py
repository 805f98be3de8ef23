"""CSV for Swedish Excel: ';' and a BOM in Swedish, ',' in English, --delimiter to choose;
import reads each back, and a row whose field count differs from the header's is named once."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

ACTIVITIES = Path("activities") / "2024-2025.yaml"
HEADER = ("period;id;titel;beskrivning;löften;ansvariga;parter;kommundelar;platser;start;"
          "slutdatum;status")


def _import(run, root: Path, table: Path, *args: str):
    return run("--data", str(root), *args, "import", "activities", str(table), "--period", "2024-2025")


@pytest.mark.parametrize(("lang", "chosen", "separator", "bom"), [
    ("sv", None, ";", True), ("en", None, ",", False), ("sv", "tab", "\t", True),
    ("en", ";", ";", False), ("sv", ",", ",", True),
])
def test_an_export_in_either_language_and_separator_is_read_back_by_import(
        run, minimal_root, tmp_path, lang, chosen, separator, bom) -> None:
    table = tmp_path / "aktiviteter.csv"
    result = run("--data", str(minimal_root), "--lang", lang, "export", "activities", "--format", "csv",
                 "--audience", "internal", "-o", str(table), *(["--delimiter", chosen] if chosen else []))
    assert result.exit_code == 0, result.output
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    title = rows[0].index("titel" if lang == "sv" else "title")
    assert rows[0][:2] == ["kommun" if lang == "sv" else "municipality", "period"]
    assert len(rows) == 3 and rows[1][title] == "Trygghetsvandringar"
    rows[1][title] = "Trygghetsvandringar; kvällstid"  # the separator inside a cell, quoted
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    table.write_bytes((("\ufeff" if bom else "") + out.getvalue()).encode("utf-8"))
    before = (minimal_root / ACTIVITIES).read_text(encoding="utf-8")
    result = _import(run, minimal_root, table)
    assert result.exit_code == 0, result.output
    after = (minimal_root / ACTIVITIES).read_text(encoding="utf-8")
    assert after == before.replace("title: Trygghetsvandringar", "title: Trygghetsvandringar; kvällstid")


def _ragged(tmp_path: Path, *rows: str) -> Path:
    table = tmp_path / "aktiviteter.csv"
    table.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8-sig")
    return table


OK = "2024-2025;a-9;Nattvandring;;ml-1;trygghetssamordnare;kommun;centrum;;;2025-05-31;pågår"
SPLIT = "2024-2025;a-8;Vandring;Torget; Stationen;ml-1;trygghetssamordnare;kommun;centrum;;;2025-05-31;pågår"
SHORT = "2024-2025;a-7;Kort rad;;ml-1"


def test_a_semicolon_inside_an_unquoted_cell_is_reported_as_a_row_too_long(run, minimal_root,
                                                                          tmp_path) -> None:
    table = _ragged(tmp_path, OK, OK.replace("a-9", "a-10"), OK.replace("a-9", "a-11"), SPLIT)
    before = (minimal_root / ACTIVITIES).read_bytes()
    result = _import(run, minimal_root, table)
    assert result.exit_code == 1
    assert f"{table}:5: rad 5 har 13 fält, rubrikraden har 12\n" in result.stderr
    assert "citattecken" in result.stderr
    assert len(result.stderr.splitlines()) == 2 and result.stdout == ""  # once, not per value
    assert (minimal_root / ACTIVITIES).read_bytes() == before
    english = _import(run, minimal_root, table, "--lang", "en")
    assert f"{table}:5: row 5 has 13 fields, the header row has 12\n" in english.stderr


def test_rows_with_fewer_fields_are_reported_likewise_and_every_such_row_is_named(
        run, minimal_root, tmp_path) -> None:
    table = _ragged(tmp_path, OK, SHORT, SPLIT.replace("a-8", "a-12"), SHORT.replace("a-7", "a-13"))
    before = (minimal_root / ACTIVITIES).read_bytes()
    result = _import(run, minimal_root, table)
    assert result.exit_code == 1
    assert f"{table}:3: rad 3 har 5 fält, rubrikraden har 12 (likaså raderna 4, 5)" in result.stderr
    assert (minimal_root / ACTIVITIES).read_bytes() == before


def test_empty_cells_after_the_last_header_are_no_problem(run, minimal_root, tmp_path) -> None:
    table = _ragged(tmp_path, OK + ";;")
    result = _import(run, minimal_root, table)
    assert result.exit_code == 0, result.output
    assert "Nattvandring" in (minimal_root / ACTIVITIES).read_text(encoding="utf-8")
