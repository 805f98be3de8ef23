"""Validate's first screen: the summary first, errors in full, warnings grouped by code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, FIXTURES

GOLDEN = Path(__file__).parent.parent / "golden" / "validate"
EXCERPT = re.compile(r"^\s+\d+ \| ", re.M)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_bundled_data_first_screen_matches_its_golden_file(run, update_golden, lang) -> None:
    result = run("--data", str(BUNDLED), "--lang", lang, "validate", "--no-cache")
    assert result.exit_code == 0
    shown = result.stdout.replace(str(BUNDLED), "data")
    golden = GOLDEN / f"bundled.{lang}.txt"
    if update_golden:
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")


def test_the_summary_comes_first_and_each_warning_takes_one_line(run) -> None:
    result = run("--data", str(BUNDLED), "validate")
    lines = result.stdout.splitlines()
    assert lines[0] == "18 filer kontrollerade: 0 fel, 24 varningar."
    assert "TRY502 medborgarlöfte utan aktivitet eller mål: 10 varningar" in lines
    assert "TRY503 prioriterat område utan medborgarlöfte: 2 varningar" in lines
    assert not EXCERPT.search(result.stdout) and "  tips: " not in result.stdout
    assert max(len(line) for line in lines) <= 80
    codes = json.loads(run("--data", str(BUNDLED), "validate", "-f", "json").stdout)["findings"]
    located = [line for line in lines if re.match(r"  data/\S+:\d+:\d+: ", line)]
    assert len(located) == len(codes) == 24


def _broken_root(place) -> Path:  # noqa: ANN001
    place(FIXTURES / "findings" / "TRY201_unknown_key.activities.yaml")
    return place(FIXTURES / "findings" / "TRY503_area_without_pledge.agreement.yaml").parent.parent


def test_errors_are_shown_in_full_before_the_grouped_warnings(run, place) -> None:
    root = _broken_root(place)
    result = run("--data", str(root), "--lang", "en", "validate")
    assert result.exit_code == 1
    out = result.stdout
    assert out.splitlines()[0] == "4 files checked: 1 error, 1 warning."
    assert re.search(r"2024-2025\.yaml:32:5: error TRY201 .*'statu'\n  32 \|     statu:", out)
    assert "  hint: did you mean 'status'?" in out
    assert out.index("error TRY201") < out.index("TRY503 priority area without pledge: 1 warning\n")
    assert "TRY502" not in out  # the broken activity list leaves no false "pledge without activity"
    assert len(EXCERPT.findall(out)) == 1  # the error's excerpt only
    assert "Each warning with its excerpt and hint: trygghet validate --verbose" in out


def test_verbose_shows_every_warning_with_excerpt_and_hint(run, place) -> None:
    root = _broken_root(place)
    result = run("--data", str(root), "validate", "--verbose")
    assert result.exit_code == 1
    out = result.stdout
    assert out.splitlines()[0] == "4 filer kontrollerade: 1 fel, 1 varning."
    assert re.search(r"2024-2027\.yaml:16:9: varning TRY503 .*'pa-naringsliv'\n  16 \| ", out)
    assert len(EXCERPT.findall(out)) == 2
    assert out.count("  tips: ") == 2
    assert "--verbose" not in out


def test_strict_says_that_warnings_count_as_errors(run) -> None:
    result = run("--data", str(BUNDLED), "validate", "--strict")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        "18 filer kontrollerade: 0 fel, 24 varningar.", "--strict: varningar räknas som fel."]
    english = run("--data", str(BUNDLED), "--lang", "en", "validate", "--strict", "--quiet")
    assert english.stdout.splitlines() == [
        "18 files checked: 0 errors, 24 warnings.", "--strict: warnings count as errors."]


def test_quiet_prints_the_summary_alone(run) -> None:
    result = run("--data", str(BUNDLED), "validate", "-q")
    assert result.stdout == "18 filer kontrollerade: 0 fel, 24 varningar.\n"


def test_machine_formats_list_every_finding_whatever_the_screen_shows(run, place) -> None:
    root = _broken_root(place)
    body = json.loads(run("--data", str(root), "validate", "-f", "json").stdout)
    assert sorted(f["code"] for f in body["findings"]) == ["TRY201", "TRY503"]
    github = run("--data", str(root), "validate", "-f", "github").stdout.splitlines()
    assert len(github) == 2 and all(line.startswith("::") for line in github)
