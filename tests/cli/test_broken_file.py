"""One broken file, one error: references to the ids it defines are one note (TRY318), not an
"unknown id, did you mean ...?" per reference pointing at another period, and status, report
and export name the broken file's own error when they refuse to run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PLEDGES = "pledges/2024-2025.yaml"


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("CI", raising=False)


def _break(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _findings(run, root: Path) -> list[dict[str, object]]:  # noqa: ANN001 - the conftest Run
    return json.loads(run("--data", str(root), "validate", "--format", "json").stdout)["findings"]


def test_an_impossible_date_is_one_error_and_one_note_for_the_references(run, minimal_root) -> None:
    _break(minimal_root, PLEDGES, "start: 2024-01-01", "start: 2024-02-30")
    findings = _findings(run, minimal_root)
    errors = [(f["code"], f["line"]) for f in findings if f["severity"] == "error"]
    assert errors == [("TRY205", 4)]
    [note] = [f for f in findings if f["code"] == "TRY318"]
    assert note["message"] == (f"'ml-2024-2025' and 2 more ids are defined in {minimal_root / PLEDGES}, "
                               "which could not be read")
    assert not {f["code"] for f in findings} & {"TRY304", "TRY305", "TRY502", "TRY503"}
    swedish = " ".join(run("--data", str(minimal_root), "validate", "--verbose").stdout.split())
    assert (f"varning TRY318 'ml-2024-2025' och 2 andra id definieras i {minimal_root / PLEDGES}, som "
            "inte kunde läsas") in swedish


def test_no_hint_points_at_another_period(run, bundled_copy) -> None:
    _break(bundled_copy, "pledges/2024-2025.yaml", "start: 2024-01-01", "start: 2024-02-30")
    result = run("--data", str(bundled_copy), "validate")
    text = " ".join(result.stdout.split())
    assert "menade du" not in text and "okänt medborgarlöfte" not in text
    assert "definieras i " in text and "pledges/2024-2025.yaml, som inte kunde läsas" in text
    assert "1 fel," in text


@pytest.mark.parametrize("command", [("status",), ("report", "yearly", "--year", "2024"),
                                     ("export", "activities", "--format", "csv")])
def test_status_report_and_export_name_the_broken_files_error(run, minimal_root, tmp_path: Path,
                                                              command: tuple[str, ...]) -> None:
    _break(minimal_root, PLEDGES, "start: 2024-01-01", "start: 2024-02-30")
    out = tmp_path / "out.csv"
    extra = ("-o", str(out)) if command[0] == "export" else ()
    swedish = run("--data", str(minimal_root), *command, *extra)
    assert swedish.exit_code == 1
    said = " ".join(swedish.output.split())
    assert f"{minimal_root / PLEDGES}:4:10: period.start: '2024-02-30' är inte ett giltigt datum" in said
    assert "kör 'trygghet validate' för att se alla problem" in said
    assert "okänd" not in said
    english = run("--data", str(minimal_root), "--lang", "en", *command, *extra)
    assert "period.start: '2024-02-30' is not a valid date" in " ".join(english.output.split())
    assert not out.exists()


def test_a_broken_settings_file_is_named_not_every_party_it_defines(run, minimal_root) -> None:
    _break(minimal_root, "trygghet.yaml", "police_area: Lokalpolisområde Exempel",
           "police_area: [Lokalpolisområde Exempel")
    result = run("--data", str(minimal_root), "status")
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    assert f"{minimal_root / 'trygghet.yaml'}:" in said and "YAML-syntaxfel" in said
    assert "okänd part" not in said
    findings = _findings(run, minimal_root)
    assert [f["code"] for f in findings if f["severity"] == "error"] == ["TRY101"]
    [note] = [f for f in findings if f["code"] == "TRY318"]
    assert "trygghet.yaml, which could not be read" in str(note["message"])
