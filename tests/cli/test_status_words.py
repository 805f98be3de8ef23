"""A status is typed as the output shows it: Swedish words, in any case, wherever a status is typed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ACTIVITIES = Path("activities") / "2024-2025.yaml"


def _statuses(root: Path) -> dict[str, str]:
    data = YAML(typ="safe").load((root / ACTIVITIES).read_text(encoding="utf-8"))
    return {a["id"]: a["status"] for a in data["activities"]}


@pytest.mark.parametrize(("typed", "stored", "shown"), [
    ("PÅGÅR", "ongoing", "a-1: klar → pågår"),
    ("Försenad", "delayed", "a-1: klar → försenad"),
    ("planerad", "planned", "a-1: klar → planerad"),
    ("Inställd", "cancelled", "a-1: klar → inställd"),
])
def test_set_status_takes_the_swedish_word_in_any_case(run, minimal_root: Path, typed: str,
                                                        stored: str, shown: str) -> None:
    extra = ["--reason", "Ingen budget"] if stored in ("cancelled", "delayed") else []
    result = run("--data", str(minimal_root), "activity", "set-status", "a-1", typed, *extra)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == shown
    assert _statuses(minimal_root)["a-1"] == stored


def test_set_status_klar_is_done_with_its_date(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "activity", "set-status", "a-2", "KLAR",
                 "--date", "2025-01-10")
    assert result.stdout.strip() == "a-2: pågår → klar, slutförd 10 jan 2025"
    assert _statuses(minimal_root)["a-2"] == "done"


def test_new_activity_takes_a_swedish_status(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "activity", "new", "--list", "al-2024-2025",
                 "--title", "Föräldravandring", "--pledge", "ml-1", "--party", "kommun",
                 "--status", "Pågår")
    assert result.exit_code == 0, result.output
    assert "(pågår)" in result.stdout
    assert list(_statuses(minimal_root).values())[-1] == "ongoing"


def test_an_unknown_status_word_is_refused_with_the_swedish_words(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "activity", "set-status", "a-1", "halvklar")
    assert result.exit_code == 2
    assert "planerad, pågår, klar, försenad, inställd" in result.stderr
    assert _statuses(minimal_root)["a-1"] == "done"


def test_status_filter_takes_swedish_words_and_repeats_them_in_swedish(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "status", "--status", "PÅGÅR", "--as-of", "2025-01-01")
    assert result.exit_code == 0, result.output
    assert "Filter: --status pågår" in result.stdout
    assert "Hastighetskontroller" in result.stdout
    assert "Trygghetsvandringar" not in result.stdout
    assert "ongoing" not in result.stdout


def test_import_takes_swedish_status_words_in_any_case(run, minimal_root: Path, tmp_path) -> None:
    (minimal_root / ACTIVITIES).unlink()
    table = tmp_path / "aktiviteter.csv"
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([
        ["id", "titel", "löften", "parter", "slutdatum", "status", "orsak"],
        ["a-10", "Nattvandringar", "ml-1", "kommun", "2025-05-31", "PÅGÅR", ""],
        ["a-11", "Mätning", "ml-2", "polis", "2025-09-30", "Inställd", "Utrustning saknas"],
        ["a-12", "Enkät", "ml-1", "kommun", "2025-09-30", "Försenad", "Väntar på budget"],
    ])
    table.write_text(out.getvalue(), encoding="utf-8")
    result = run("--data", str(minimal_root), "import", "activities", str(table),
                 "--period", "2024-2025")
    assert result.exit_code == 0, result.output
    assert _statuses(minimal_root) == {"a-10": "ongoing", "a-11": "cancelled", "a-12": "delayed"}


def test_target_kind_and_per_take_the_swedish_words_the_help_shows(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "activity", "target", "a-2", "--kind", "Takt",
                 "--text", "En kontroll i veckan", "--value", "1", "--per", "vecka")
    assert result.exit_code == 0, result.output
    data = YAML(typ="safe").load((minimal_root / ACTIVITIES).read_text(encoding="utf-8"))
    added = data["activities"][1]["targets"][-1]
    assert (added["kind"], added["per"]) == ("rate", "week")
