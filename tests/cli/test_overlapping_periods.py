"""Pledge sets (and agreements) of one municipality whose periods overlap: a warning (TRY509),
and status says which set it shows for a date in both and names the others. Documents of
different municipalities in one root (a police area) overlap as a matter of course."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

LATER_SET = """id: ml-2025-2026
title: Medborgarlöften 2025–2026
period:
  start: 2025-01-01
  end: 2026-12-31
agreement: so-2024-2027
parties: [kommun, polis]
pledges:
  - id: ml-2025-1
    text: Vi gör trafiken tryggare.
    parties: [polis]
    areas: [pa-trafik]
"""

ALBY_REVISED = """id: ml-alby-2025
title: Medborgarlöften Alby 2025 (reviderade)
period:
  start: 2025-01-01
  end: 2025-12-31
agreement: so-alby-2024-2027
parties: [alby, polis]
pledges:
  - id: ml-alby-2025-1
    text: Vi ökar vuxennärvaron i Alby centrum.
    parties: [alby, polis]
    areas: [pa-alby-unga]
"""


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def _warnings(run, root: Path) -> list[dict[str, object]]:  # noqa: ANN001 - the conftest Run
    result = run("--data", str(root), "validate", "--format", "json")
    return [f for f in json.loads(result.stdout)["findings"] if f["code"] == "TRY509"]


def test_overlapping_pledge_sets_of_one_municipality_are_a_warning_naming_both(run, minimal_root) -> None:
    (minimal_root / "pledges" / "2025-2026.yaml").write_text(LATER_SET, encoding="utf-8")
    result = run("--data", str(minimal_root), "validate", "--verbose")
    assert result.exit_code == 0  # a warning, not an error
    text = " ".join(result.stdout.split())
    assert ("2025-2026.yaml:3:1: varning TRY509 medborgarlöftena 'ml-2025-2026' (1 januari 2025 – "
            "31 december 2026) överlappar 'ml-2024-2025' (1 januari 2024 – 31 december 2025, ") in text
    assert "pledges/2024-2025.yaml rad 3) för samma kommun" in text
    english = run("--data", str(minimal_root), "--lang", "en", "validate", "--verbose").stdout
    english = " ".join(english.split())
    assert "the pledge set 'ml-2025-2026' (1 January 2025 – 31 December 2026) overlaps" in english
    assert len(_warnings(run, minimal_root)) == 1


def test_status_says_which_overlapping_set_it_shows_and_names_the_other(run, minimal_root) -> None:
    (minimal_root / "pledges" / "2025-2026.yaml").write_text(LATER_SET, encoding="utf-8")
    args = ("--data", str(minimal_root), "status", "--as-of", "2025-06-01")
    text = " ".join(run(*args).stdout.split())
    assert ("Flera löftesperioder omfattar 1 juni 2025: visar Medborgarlöften 2025–2026, den som "
            "började senast; gäller också: Medborgarlöften 2024–2025 (ml-2024-2025).") in text
    english = " ".join(run(*args, "--lang", "en").stdout.split())
    assert "also in force: Medborgarlöften 2024–2025 (ml-2024-2025)." in english
    period = json.loads(run(*args, "--format", "json").stdout)["period"]
    assert (period["pledge_set"], period["also_in_force"]) == ("ml-2025-2026", ["ml-2024-2025"])
    alone = " ".join(run("--data", str(minimal_root), "status", "--as-of", "2026-06-01").stdout.split())
    assert "Flera löftesperioder" not in alone


def test_sets_of_different_municipalities_may_overlap(run) -> None:
    assert _warnings(run, FIXTURES / "area") == []


def test_two_sets_of_one_municipality_in_a_police_area_root_warn(run, tmp_path: Path) -> None:
    root = tmp_path / "area"
    shutil.copytree(FIXTURES / "area", root)
    (root / "pledges" / "alby-2025.yaml").write_text(ALBY_REVISED, encoding="utf-8")
    [warning] = _warnings(run, root)
    assert "'ml-alby-2025'" in str(warning["message"]) and "'ml-alby-2024-2025'" in str(warning["message"])
    status = run("--data", str(root), "status", "--municipality", "alby", "--as-of", "2025-06-01")
    shown = " ".join(status.stdout.split())
    assert "gäller också: Medborgarlöften Alby 2024–2025 (ml-alby-2024-2025)" in shown
