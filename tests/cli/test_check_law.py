"""`trygghet check law`: each requirement of lag (2023:196) as met, missing or not recorded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, FIXTURES

GOLDEN = Path(__file__).parent.parent / "golden" / "law"
EXEMPELBY = FIXTURES / "exempelby"


def _golden(name: str, output: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run pytest --update-golden and review it"
    assert output == path.read_text(encoding="utf-8")


@pytest.fixture
def exempelby(tmp_path: Path) -> Path:
    root = tmp_path / "exempelby"
    shutil.copytree(EXEMPELBY, root)
    return root


def _verdicts(run, root: Path, *args: str) -> dict[str, str]:
    result = run("--data", str(root), "check", "law", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return {r["requirement"]: r["verdict"] for r in json.loads(result.stdout)["requirements"]}


@pytest.mark.parametrize(("fmt", "lang", "suffix"), [("text", "sv", "txt"), ("text", "en", "en.txt"),
                                                     ("markdown", "sv", "md"), ("json", "sv", "json")])
def test_bundled_data_gets_an_honest_verdict_per_requirement(run, update_golden, fmt, lang,
                                                             suffix) -> None:
    result = run("--data", str(BUNDLED), "--lang", lang, "check", "law", "--as-of", "2026-11-30",
                 "--format", fmt)
    assert result.exit_code == 0, result.output
    _golden(f"strangnas-2026-11-30.{suffix}", result.stdout, update_golden)


def test_bundled_data_claims_no_more_than_it_records(run) -> None:
    verdicts = _verdicts(run, BUNDLED, "--as-of", "2026-11-30")
    assert verdicts == {"situation": "missing", "parts": "not_recorded", "measures": "met",
                        "plan": "not_recorded", "coordination": "not_recorded",
                        "agreement": "met", "council": "not_recorded"}


def test_a_municipality_that_records_everything_meets_every_requirement(run) -> None:
    verdicts = _verdicts(run, EXEMPELBY, "--as-of", "2025-06-30")
    assert set(verdicts.values()) == {"met"}


def test_the_lagesbild_interval_is_a_setting_not_a_rule_of_the_tool(run, exempelby) -> None:
    assert _verdicts(run, exempelby, "--as-of", "2025-06-30")["situation"] == "met"
    config = exempelby / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "situation_max_age_months: 24", "situation_max_age_months: 6"), encoding="utf-8")
    assert _verdicts(run, exempelby, "--as-of", "2025-06-30")["situation"] == "missing"


def test_a_council_report_older_than_a_year_is_missing(run) -> None:
    assert _verdicts(run, EXEMPELBY, "--as-of", "2026-05-01")["council"] == "missing"


def test_an_open_problem_is_named_as_missing_a_measure(run, exempelby) -> None:
    path = exempelby / "situation" / "2024-10.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    no_measure_reason: Hanteras av socialtjänstens egen handlingsplan.\n", ""),
        encoding="utf-8")
    result = run("--data", str(exempelby), "check", "law", "--as-of", "2025-06-30")
    assert "[saknas] Åtgärder utifrån lägesbildens problem" in result.stdout
    assert "Fler EST-rapporter om unga" in result.stdout


def test_a_plan_without_its_decision_is_not_recorded_rather_than_missing(run, exempelby) -> None:
    for name in ("pledges/2024-2025.yaml", "agreements/2024-2027.yaml"):
        path = exempelby / name
        text = path.read_text(encoding="utf-8")
        start = text.index("decision:")
        end = text.index("situation:")
        path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert _verdicts(run, exempelby, "--as-of", "2025-06-30")["plan"] == "not_recorded"


def test_strict_fails_unless_every_requirement_is_met(run) -> None:
    assert run("--data", str(BUNDLED), "check", "law", "--strict").exit_code == 1
    assert run("--data", str(EXEMPELBY), "check", "law", "--strict", "--as-of",
               "2025-06-30").exit_code == 0


def test_a_bad_date_is_a_usage_error(run) -> None:
    result = run("--data", str(BUNDLED), "check", "law", "--as-of", "2025-02-30")
    assert result.exit_code == 2
    assert "--as-of" in result.output


def test_text_fits_80_columns(run) -> None:
    result = run("--data", str(EXEMPELBY), "check", "law", "--as-of", "2025-06-30")
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
