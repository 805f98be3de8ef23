"""`trygghet import indicators`: a statistics table in, the lägesbild's values updated in place."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

SITUATION = Path("situation") / "2024-10.yaml"


@pytest.fixture
def exempelby(tmp_path: Path) -> Path:
    root = tmp_path / "exempelby"
    shutil.copytree(FIXTURES / "exempelby", root)
    return root


def _table(path: Path, lines: list[str]) -> Path:
    # As a statistics download saves it: Swedish headers, ';' and a BOM, decimal comma.
    path.write_text("\r\n".join(["Område;År;Mått;Värde", *lines]) + "\r\n", encoding="utf-8-sig")
    return path


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_a_swedish_table_updates_and_adds_values_changing_only_their_lines(
        run, exempelby, tmp_path) -> None:
    before = (exempelby / SITUATION).read_text(encoding="utf-8")
    table = _table(tmp_path / "statistik.csv", [
        "Hamnen;2024;Andel som känner sig otrygga ute sent på kvällen;32,5",
        "Skogsbyn;2024;Anmäld skadegörelse per 100 000 invånare;305",  # unchanged
        "Hela kommunen;2025;EST-rapporter;71",
        "Hela kommunen;2026;ind-est;68,25",
    ])
    result = run("--data", str(exempelby), "import", "indicators", str(table))
    assert result.exit_code == 0, result.output
    assert "lade till 2 och uppdaterade 1 indikatorvärden" in result.stdout
    after = (exempelby / SITUATION).read_text(encoding="utf-8")
    assert _changed(before, after) == [
        "-          value: 33", "+          value: 32.5",
        '+        - date: "2025"', "+          value: 71",
        '+        - date: "2026"', "+          value: 68.25",
    ]
    assert run("--data", str(exempelby), "validate").exit_code == 0


def test_dry_run_shows_the_diff_and_writes_nothing(run, exempelby, tmp_path) -> None:
    before = (exempelby / SITUATION).read_bytes()
    table = _table(tmp_path / "statistik.csv", ["Centrum;2024;ind-otrygga;26,5"])
    result = run("--data", str(exempelby), "import", "indicators", str(table), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "-          value: 27\n+          value: 26.5\n" in result.stdout
    assert "ingenting skrevs" in result.stderr
    assert (exempelby / SITUATION).read_bytes() == before


def test_an_unknown_area_or_indicator_names_the_row_and_writes_nothing(
        run, exempelby, tmp_path) -> None:
    before = (exempelby / SITUATION).read_bytes()
    table = _table(tmp_path / "statistik.csv", [
        "Centrum;2024;ind-otrygga;26,5",
        "Söder;2024;ind-otrygga;20",
        "Centrum;2024;Antal bilbränder;3",
    ])
    result = run("--data", str(exempelby), "import", "indicators", str(table))
    assert result.exit_code == 1
    assert "rad 3: okänt område 'Söder'" in result.stderr
    assert "rad 4: lägesbilden har ingen indikator som heter 'Antal bilbränder'" in result.stderr
    assert "ingenting skrevs" in result.stderr
    assert (exempelby / SITUATION).read_bytes() == before


def test_missing_figures_are_skipped_comments_kept_and_years_outside_covers_warned(
        run, exempelby, tmp_path) -> None:
    """A statistics download as SCB and BRÅ write it: a title row above the headers, "–" and
    ".." for "uppgift saknas", a comment column; the lägesbild covers 2020–2024."""
    from openpyxl import Workbook

    before = (exempelby / SITUATION).read_text(encoding="utf-8")
    book = Workbook()
    for row in [["Anmälda brott, Exempelby, 2019–2025"],
                ["Område", "År", "Mått", "Värde", "Kommentar"],
                ["Centrum", 2024, "ind-otrygga", "–", None],
                ["Norr", 2024, "ind-otrygga", "..", "För få svar"],
                ["Hamnen", 2024, "ind-otrygga", 31, "Osäker skattning"],
                ["Hela kommunen", 2019, "ind-otrygga", 23, None]]:
        book.active.append(row)
    book.save(tmp_path / "statistik.xlsx")
    result = run("--data", str(exempelby), "import", "indicators", str(tmp_path / "statistik.xlsx"))
    assert result.exit_code == 0, result.output
    assert "statistik.xlsx: rad 3: '–': uppgift saknas; raden hoppades över" in result.stderr
    assert "statistik.xlsx: rad 4: '..': uppgift saknas; raden hoppades över" in result.stderr
    assert ("statistik.xlsx: rad 6: varning: 2019 ligger utanför tiden som lägesbilden omfattar "
            "(2020-01-01 – 2024-12-31); värdet importeras ändå") in result.stderr
    changed = _changed(before, (exempelby / SITUATION).read_text(encoding="utf-8"))
    assert "+          note: Osäker skattning" in changed
    assert '+        - date: "2019"' in changed and "+          value: 23" in changed
    assert not any("För få svar" in line for line in changed)  # its value is missing: no row
    assert run("--data", str(exempelby), "validate").exit_code == 0


def test_several_values_for_an_indicator_with_none_yet_make_one_list(run, exempelby, tmp_path) -> None:
    # A new lägesbild names its indicators first; the first import brings all their values.
    path = exempelby / "situation" / "2026-05.yaml"
    path.write_text("id: lb-2026-05\ntitle: Lägesbild maj 2026\ndate: 2026-05-04\n"
                    "mapping:\n  indicators:\n    - id: ind-ny\n      name: Ny indikator\n"
                    "      unit: procent\n", encoding="utf-8")
    table = _table(tmp_path / "ny.csv", ["Hela kommunen;2024;ind-ny;21,5", "Hamnen;2025;ind-ny;36,5",
                                         "Hela kommunen;2025;ind-ny;24"])
    result = run("--data", str(exempelby), "import", "indicators", str(table), "--situation", "lb-2026-05")
    assert result.exit_code == 0, result.output
    assert "lade till 3" in result.stdout
    assert path.read_text(encoding="utf-8").endswith(
        '      unit: procent\n      values:\n        - date: "2024"\n          value: 21.5\n'
        '        - date: "2025"\n          district: hamnen\n          value: 36.5\n'
        '        - date: "2025"\n          value: 24\n')
