"""Commands that write new data in a police area's root work for one municipality.

`new pledges`, `new agreement`, `new period` and `activity new` read the root to find the
current period; in a root of several municipalities that is one municipality's, so they need
`--municipality` (or, for `activity new`, a pledge or list that tells). The fixture
(tests/fixtures/area) is made up: Berga's pledges run July 2024 to June 2026.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.cli.test_area import AREA


@pytest.fixture
def area_root(tmp_path: Path) -> Path:
    root = tmp_path / "area"
    shutil.copytree(AREA, root)
    return root


def _data(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _valid(run, root: Path) -> None:
    result = run("--data", str(root), "validate", "--format", "json")
    assert result.exit_code == 0, result.stdout


def test_new_pledges_without_a_municipality_is_a_usage_error_and_writes_nothing(run, area_root) -> None:
    before = sorted(p.name for p in (area_root / "pledges").iterdir())
    result = run("--data", str(area_root), "new", "pledges", "--pledge", "Vi fortsätter.")
    assert result.exit_code == 2
    assert "--municipality" in result.stderr and "alby, berga, dalby, ekeby" in result.stderr
    assert sorted(p.name for p in (area_root / "pledges").iterdir()) == before


def test_new_pledges_follow_the_municipalitys_own_non_calendar_period(run, area_root) -> None:
    result = run("--data", str(area_root), "new", "pledges", "--pledge", "Vi fortsätter.", "-m", "berga")
    assert result.exit_code == 0, result.output
    made = _data(area_root / "pledges" / "berga-2026-07-2028-06.yaml")
    assert made["id"] == "ml-berga-2026-07-2028-06"
    assert made["title"] == "Medborgarlöften Berga kommun juli 2026–juni 2028"
    # Whole months stay whole across the leap day of 2028.
    assert made["period"] == {"start": date(2026, 7, 1), "end": date(2028, 6, 30)}
    assert made["municipalities"] == ["berga"]
    assert made["parties"] == ["berga", "polis", "raddning"]  # not Alby's, Dalby's or Ekeby's
    _valid(run, area_root)


def test_new_agreement_names_its_municipality_in_file_id_and_title(run, area_root) -> None:
    result = run("--data", str(area_root), "new", "agreement", "--area", "Trygg skolväg", "-m", "alby")
    assert result.exit_code == 0, result.output
    made = _data(area_root / "agreements" / "alby-2028-2031.yaml")
    assert made["id"] == "sk-alby-2028-2031"
    assert made["title"] == "Samverkansöverenskommelse Alby kommun 2028–2031"
    assert made["municipalities"] == ["alby"] and "berga" not in made["parties"]
    _valid(run, area_root)


def test_new_period_continues_the_chosen_municipalitys_period(run, area_root) -> None:
    result = run("--data", str(area_root), "new", "period", "--municipality", "dalby")
    assert result.exit_code == 0, result.output
    pledges = _data(area_root / "pledges" / "dalby-2027-2028.yaml")
    assert pledges["id"] == "ml-dalby-2027-2028" and pledges["title"] == "Medborgarlöften Dalby 2027–2028"
    activities = _data(area_root / "activities" / "dalby-2027-2028.yaml")
    assert [a["predecessor"] for a in activities["activities"]] == ["a-dalby-2"]
    _valid(run, area_root)
    status = run("--data", str(area_root), "status", "-m", "dalby", "--as-of", "2027-03-01",
                 "--format", "json")
    assert status.exit_code == 0, status.output
    assert '"pledge_set": "ml-dalby-2027-2028"' in status.stdout


def test_a_new_activity_goes_to_the_list_of_its_pledge(run, area_root) -> None:
    result = run("--data", str(area_root), "activity", "new", "--title", "Skolvägsvandring",
                 "--pledge", "ml-berga-1", "--party", "polis")
    assert result.exit_code == 0, result.output
    berga = _data(area_root / "activities" / "berga-2024-2026.yaml")
    assert berga["activities"][-1]["title"] == "Skolvägsvandring"
    assert berga["activities"][-1]["id"] == "a-berga-3"
    dalby = _data(area_root / "activities" / "dalby-2025-2026.yaml")
    assert all(a["title"] != "Skolvägsvandring" for a in dalby["activities"])


def test_a_new_activity_without_pledge_or_list_needs_the_municipality(run, area_root) -> None:
    asked = run("--data", str(area_root), "activity", "new", "--title", "Okänd", "--party", "polis")
    assert asked.exit_code == 2 and "--municipality" in asked.stderr
