"""`trygghet status` on the bundled Strängnäs data (golden files) and on small data roots."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from trygghet_cli.i18n import label

GOLDEN = Path(__file__).parent.parent / "golden" / "status"

CASES = {
    "table-2019-sv.txt": ["--period", "2019", "--as-of", "2019-12-31"],
    "table-2019-en.txt": ["--period", "2019", "--as-of", "2019-12-31", "--lang", "en"],
    "table-2019-interim-sv.txt": ["--period", "2019", "--as-of", "2019-09-30"],
    "table-default-sv.txt": ["--as-of", "2025-06-30"],
    "table-default-en.txt": ["--as-of", "2025-06-30", "--lang", "en"],
    "table-after-all-periods-sv.txt": ["--as-of", "2026-11-25"],
    "table-by-area-sv.txt": ["--as-of", "2025-06-30", "--by", "area"],
    "table-by-district-en.txt": ["--period", "2019", "--as-of", "2019-12-31", "--by", "district",
                                 "--lang", "en"],
    "json-2019.json": ["--period", "2019", "--as-of", "2019-12-31", "--format", "json"],
    "json-default.json": ["--as-of", "2025-06-30", "--format", "json", "--by", "area"],
    "csv-2019-sv.csv": ["--period", "2019", "--as-of", "2019-12-31", "--format", "csv"],
    "csv-default-en.csv": ["--as-of", "2025-06-30", "--format", "csv", "--lang", "en"],
    "markdown-2019-sv.md": ["--period", "2019", "--as-of", "2019-12-31", "--format", "markdown"],
    "markdown-default-en.md": ["--as-of", "2025-06-30", "--format", "markdown", "--lang", "en"],
}


@pytest.fixture(autouse=True)
def _fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.mark.parametrize("name", sorted(CASES))
def test_status_on_bundled_data_matches_its_golden_file(run, update_golden, name: str) -> None:
    result = run("--data", str(BUNDLED), "status", *CASES[name])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / name
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_year_end_2019_shows_figures_against_targets_and_disagreeing_sources(run) -> None:
    result = run("--data", str(BUNDLED), "status", "--period", "2019", "--as-of", "2019-12-31")
    text = " ".join(result.stdout.split())
    assert "20 av minst 8: uppnått" in text
    assert "4 av minst 4: uppnått [källorna går isär: 5 (Fem trygghetsvandringar i kommunen" in text
    english = run("--data", str(BUNDLED), "status", "--period", "2019", "--as-of", "2019-12-31",
                  "--lang", "en")
    assert "20 of at least 8: met" in " ".join(english.stdout.split())


def test_table_fits_80_columns_and_has_no_colour_codes_when_not_a_terminal(run) -> None:
    for args in CASES.values():
        if "--format" in args:
            continue
        result = run("--data", str(BUNDLED), "status", *args)
        assert "\x1b" not in result.stdout
        assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_default_period_after_every_period_is_the_latest_and_says_so(run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = run("--data", str(BUNDLED), "status", "--as-of", "2026-11-25", "--lang", "en")
    assert "No pledge period covers 25 November 2026; showing the latest, 2024–2025." in result.stdout
    assert "unknown" in result.stdout
    assert "days past due" not in result.stdout  # the period has ended: no count up to today


def test_unknown_status_is_never_reported_as_overdue_but_fails_the_overdue_check(run) -> None:
    result = run("--data", str(BUNDLED), "status", "--as-of", "2026-11-25", "--format", "json",
                 "--fail-if", "overdue")
    assert result.exit_code == 1
    body = json.loads(result.stdout)
    assert {a["effective_status"] for a in body["activities"]} == {"unknown"}
    assert body["summary"]["past_due_unknown"] == 2


def _set_status(root: Path, old: str, new: str) -> None:
    path = root / "activities" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_ongoing_activity_past_due_is_overdue_and_says_why(run, minimal_root, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-07-12")
    assert "passerat slutdatum för 12 dagar sedan: pågår" in " ".join(result.stdout.split())
    english = run("--data", str(minimal_root), "status", "--as-of", "2025-07-12", "--lang", "en")
    assert "overdue by 12 days: ongoing" in " ".join(english.stdout.split())


def test_fail_if_overdue_exits_1_only_when_something_is_overdue(run, minimal_root) -> None:
    late = run("--data", str(minimal_root), "status", "--as-of", "2025-07-12", "--fail-if", "overdue")
    assert late.exit_code == 1
    early = run("--data", str(minimal_root), "status", "--as-of", "2025-06-30", "--fail-if", "overdue")
    assert early.exit_code == 0


def test_overdue_filter_keeps_only_overdue_activities(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-07-12", "--overdue",
                 "--format", "json")
    body = json.loads(result.stdout)
    assert [a["id"] for a in body["activities"]] == ["a-2"]
    assert body["activities"][0]["days_past_due"] == 12
    assert body["filters"]["overdue"] is True


def test_due_within_keeps_unfinished_activities_due_soon(run, minimal_root) -> None:
    soon = run("--data", str(minimal_root), "status", "--as-of", "2025-06-01", "--due-within", "30",
               "--format", "json")
    assert [a["id"] for a in json.loads(soon.stdout)["activities"]] == ["a-2"]
    later = run("--data", str(minimal_root), "status", "--as-of", "2025-05-01", "--due-within", "30",
                "--format", "json")
    assert json.loads(later.stdout)["activities"] == []


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--owner", "kommunpolis", ["a-2"]), ("--district", "centrum", ["a-1"]),
    ("--status", "done", ["a-1"]), ("--pledge", "ml-2", ["a-2"]), ("--pledge", "1", ["a-1"]),
])
def test_filters_select_activities(run, minimal_root, option: str, value: str,
                                   expected: list[str]) -> None:
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01", option, value,
                 "--format", "json")
    assert [a["id"] for a in json.loads(result.stdout)["activities"]] == expected


@pytest.mark.parametrize("by", ["area", "owner", "district", "status"])
def test_every_rollup_groups_each_activity(run, minimal_root, by: str) -> None:
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01", "--by", by,
                 "--format", "json")
    groups = json.loads(result.stdout)["groups"]
    assert {a for g in groups for a in g["activities"]} == {"a-1", "a-2"}
    assert all(g["by"] == by for g in groups)


def test_by_district_shows_a_district_without_activities_as_a_gap(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01", "--by", "district",
                 "--lang", "en")
    assert "Norr\nGAP: no activity" in result.stdout


def test_csv_has_one_row_per_activity_and_target(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01", "--format", "csv")
    assert result.stdout.startswith("\ufefflöftesperiod;löften;aktivitet;")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff")), delimiter=";"))
    assert [(r["aktivitet"], r["mål"]) for r in rows] == [("a-1", "t1"), ("a-2", "t1")]
    assert rows[0]["bedömning"] == "uppnått" and rows[0]["status"] == "klar"
    english = run("--data", str(minimal_root), "--lang", "en", "status", "--as-of", "2025-01-01",
                  "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(english.stdout)))
    assert [(r["activity"], r["target"]) for r in rows] == [("a-1", "t1"), ("a-2", "t1")]
    assert rows[0]["verdict"] == "met" and rows[0]["status"] == "done"


def test_markdown_escapes_text_from_the_data(run, minimal_root) -> None:
    _set_status(minimal_root, "title: Trygghetsvandringar", "title: 'Vandring | <b>*fet*</b>'")
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01", "--format", "markdown")
    assert "Vandring \\| \\<b\\>\\*fet\\*\\</b\\>" in result.stdout


@pytest.mark.parametrize("args", [["--as-of", "2025-13-01"], ["--period", "1999"],
                                  ["--owner", "nobody"], ["--lang", "fi"], ["--pledge", "ml-9"]])
def test_bad_options_are_usage_errors(run, minimal_root, args: list[str]) -> None:
    result = run("--data", str(minimal_root), "status", *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_invalid_data_is_exit_1_with_a_pointer_to_validate(run, minimal_root) -> None:
    _set_status(minimal_root, "status: ongoing", "status: ongoin")
    result = run("--data", str(minimal_root), "status")
    assert result.exit_code == 1
    assert "validate" in result.stderr


def _stated_verdict(root: Path) -> None:
    """a-1's outcome becomes a verdict its source states, with no figure."""
    path = root / "activities" / "2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("          - value: 5\n", "          - verdict: met\n"), encoding="utf-8")


def test_a_stated_verdict_names_its_source_by_title_not_by_id(run, minimal_root, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _stated_verdict(minimal_root)
    args = ("--data", str(minimal_root), "status", "--as-of", "2024-12-31")
    swedish = " ".join(run(*args).stdout.split())
    assert "minst 4: uppnått enligt källan Uppföljning 2024" in swedish
    assert "src-uppfoljning" not in swedish
    english = " ".join(run(*args, "--lang", "en").stdout.split())
    assert "at least 4: met according to Uppföljning 2024" in english
    markdown = run(*args, "--format", "markdown").stdout
    assert "uppnått enligt källan Uppföljning 2024" in markdown
    report = run("--data", str(minimal_root), "report", "yearly", "--year", "2024", "--as-of", "2024-12-31")
    assert "uppnått enligt källan Uppföljning 2024" in report.stdout


def test_a_closed_period_reads_as_the_follow_up_left_it_without_counting_days_to_today(
        run, minimal_root, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    args = ("--data", str(minimal_root), "status", "--as-of", "2032-03-01")
    text = " ".join(run(*args).stdout.split())
    assert "a-2 Hastighetskontroller passerat slutdatum: pågår" in text
    assert "dagar" not in text.split("Period", 1)[1].split("Mål", 1)[1]
    markdown = run(*args, "--format", "markdown").stdout
    assert "passerat slutdatum: pågår" in markdown and "sedan" not in markdown
    english = " ".join(run(*args, "--lang", "en").stdout.split())
    assert "overdue: ongoing" in english and "days past due" not in english
    assert run(*args, "--fail-if", "overdue").exit_code == 1


def test_a_pledge_with_one_activity_says_klar_in_the_singular(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01")
    assert "0 av 1 klar (0 %)" in result.stdout and "1 av 1 klar (100 %)" in result.stdout
    assert "av 1 klara" not in result.stdout
    markdown = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01", "--format", "markdown")
    assert "0 av 1 klar" in markdown.stdout and "av 1 klara" not in markdown.stdout


def test_a_second_status_is_read_from_the_cache_and_a_changed_file_or_option_is_not(
        run, minimal_root, tmp_path, monkeypatch) -> None:
    from trygghet_cli.root import repository

    monkeypatch.setenv("TRYGGHET_CACHE_DIR", str(tmp_path / "cache"))
    path = minimal_root / "activities" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Hastighetskontroller", "title: Hastighetskontroller, ring 070-123 45 67"),
        encoding="utf-8")
    args = ["--data", str(minimal_root), "status", "--as-of", "2025-07-12", "--format", "markdown",
            "--fail-if", "overdue"]
    first = run(*args)
    assert first.exit_code == 1 and "07*-*** ** **" in first.stdout
    masked = label("status.masked", "sv")
    assert masked in first.stderr
    loads = []
    real_load = repository.load

    def counted(*a, **k):
        loads.append(a)
        return real_load(*a, **k)

    monkeypatch.setattr(repository, "load", counted)
    again = run(*args)  # the same output, warning and exit code, without loading the root
    assert (again.stdout, again.stderr, again.exit_code) == (first.stdout, first.stderr, 1)
    assert loads == []
    english = run(*args, "--lang", "en")
    assert "personal data" in english.stderr and english.stdout != first.stdout
    _set_status(minimal_root, "status: ongoing", "status: done\n    completed: 2025-06-01")
    changed = run(*args)
    assert changed.exit_code == 0 and changed.stdout != first.stdout and len(loads) == 2


def test_each_pledge_shows_the_verdict_the_citizen_page_shows(run, tmp_path) -> None:
    """The coordinator sees under each pledge what the published site says of it; not under a
    filter, which would judge a pledge on part of its work."""
    exempelby = str(Path(__file__).parent.parent / "fixtures" / "exempelby")
    args = ("--data", exempelby, "status", "--as-of", "2025-06-30")
    text = " ".join(run(*args).stdout.split())
    assert "ml-1 Vi ökar vuxennärvaron i centrum på kvällarna. Bedömning: efter plan" in text
    assert "Bedömning: hållet" in text and "Bedömning: inte påbörjat" in text
    english = " ".join(run(*args, "--lang", "en").stdout.split())
    assert "Assessment: behind" in english
    body = json.loads(run(*args, "--format", "json").stdout)
    verdicts = {p["id"]: p["verdict"] for p in body["pledges"]}
    assert verdicts == {"ml-1": "behind", "ml-2": "kept", "ml-3": "not_started"}
    site = tmp_path / "site"
    assert run("--data", exempelby, "site", "-o", str(site), "--as-of", "2025-06-30").exit_code == 0
    front = " ".join((site / "index.html").read_text(encoding="utf-8").split())
    for word in ("efter plan", "hållet", "inte påbörjat"):
        assert word in front
    filtered = run(*args, "--status", "pågår")
    assert "Bedömning:" not in filtered.stdout
