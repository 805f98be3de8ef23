"""The follow-up fields are settable with commands alone, also in Swedish words: a target per
district (`activity target --per-district`), `--bound minst|högst`, `--verdict uppnått|delvis|ej
uppnått`."""

from __future__ import annotations

from pathlib import Path

import pytest

ACTIVITIES = "activities/2024-2025.yaml"


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def test_a_target_per_district_is_added_and_judged_in_every_district(run, minimal_root: Path) -> None:
    root = str(minimal_root)
    added = run("--data", root, "activity", "target", "a-2", "--kind", "at_least", "--value", "1",
                "--text", "En kontroll i varje område", "--per-district")
    assert added.exit_code == 0, added.output
    assert "    per_district: true\n" in (minimal_root / ACTIVITIES).read_text(encoding="utf-8")
    path = minimal_root / ACTIVITIES
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    owners: [kommunpolis]\n", "    owners: [kommunpolis]\n    districts: [centrum, norr]\n"),
        encoding="utf-8")
    recorded = run("--data", root, "activity", "outcome", "a-2", "1", "--target", "t2", "--district",
                   "centrum", "--date", "2024-10-01", "--kind", "interim")
    assert recorded.exit_code == 0, recorded.output
    status = " ".join(run("--data", root, "status", "--as-of", "2024-12-31").stdout.split())
    assert "1 av 2 områden (Centrum 1; Norr saknas), minst 1 i varje" in status


@pytest.mark.parametrize(("words", "written"), [
    (("--bound", "minst"), "bound: at_least"), (("--bound", "högst"), "bound: at_most"),
    (("--verdict", "uppnått"), "verdict: met"), (("--verdict", "delvis"), "verdict: partly_met"),
    (("--verdict", "ej uppnått"), "verdict: not_met"), (("--verdict", "not_met"), "verdict: not_met"),
])
def test_bound_and_verdict_take_swedish_words(run, minimal_root: Path, words: tuple[str, str],
                                              written: str) -> None:
    value = () if words[0] == "--verdict" else ("5",)
    result = run("--data", str(minimal_root), "activity", "outcome", "a-1", *value, *words,
                 "--source", "src-uppfoljning", "--date", "2024-10-20")
    assert result.exit_code == 0, result.output
    assert f"            {written}\n" in (minimal_root / ACTIVITIES).read_text(encoding="utf-8")


def test_an_unknown_bound_is_a_usage_error_that_writes_nothing(run, minimal_root: Path) -> None:
    before = (minimal_root / ACTIVITIES).read_bytes()
    result = run("--data", str(minimal_root), "activity", "outcome", "a-1", "5", "--bound", "ungefär")
    assert result.exit_code == 2
    assert (minimal_root / ACTIVITIES).read_bytes() == before
