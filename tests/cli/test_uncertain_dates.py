"""Dates the sources are unsure of: a period's end the source writes as "31 juni 2027" or does
not give, a signing date the sources disagree on. Marked `uncertain`, they read "ca ..." in
status, reports and the site, and fmt, diff and the schema keep them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gitrepo import GitRepo

PLEDGES = "pledges/2024-2025.yaml"
END = "  end: 2025-12-31\n"
SIGNED = '  date: "2024-02"\n'


def _mark(root: Path) -> Path:
    path = root / PLEDGES
    text = path.read_text(encoding="utf-8")
    assert END in text and SIGNED in text
    path.write_text(text.replace(END, END + "  uncertain: [end]\n")
                    .replace(SIGNED, SIGNED + "  uncertain: true\n"), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def test_status_shows_an_uncertain_end_as_about_that_day(run, minimal_root: Path) -> None:
    _mark(minimal_root)
    args = ("--data", str(minimal_root), "status", "--as-of", "2025-01-01")
    assert "Period 1 januari 2024 – ca 31 december 2025, ca 364 dagar kvar" in run(*args).stdout
    english = run(*args, "--lang", "en").stdout
    assert "Period 1 January 2024 – about 31 December 2025, about 364 days left" in english
    period = json.loads(run(*args, "--format", "json").stdout)["period"]
    assert (period["end"], period["uncertain"]) == ("2025-12-31", ["end"])


def test_a_certain_period_reads_as_before(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01")
    assert "Period 1 januari 2024 – 31 december 2025, 364 dagar kvar" in result.stdout
    body = json.loads(run("--data", str(minimal_root), "status", "--as-of", "2025-01-01",
                          "--format", "json").stdout)
    assert body["period"]["uncertain"] == []


def test_reports_and_the_site_show_uncertain_dates_as_about(run, minimal_root: Path,
                                                           tmp_path: Path) -> None:
    _mark(minimal_root)
    report = run("--data", str(minimal_root), "report", "pledges").stdout
    assert "- **Period:** 1 januari 2024 – ca 31 december 2025" in report
    assert "- **Undertecknad:** ca februari 2024" in report
    english = run("--data", str(minimal_root), "report", "pledges", "--lang", "en").stdout
    assert "about 31 December 2025" in english and "about February 2024" in english
    site = tmp_path / "site"
    assert run("--data", str(minimal_root), "site", "-o", str(site)).exit_code == 0
    page = (site / "loften-ml-2024-2025.html").read_text(encoding="utf-8")
    assert "1 januari 2024 – ca 31 december 2025" in page
    assert "ca februari 2024" in page


def test_fmt_keeps_the_marks_and_the_schema_describes_them(run, minimal_root: Path) -> None:
    path = _mark(minimal_root)
    before = path.read_bytes()
    assert run("--data", str(minimal_root), "fmt").exit_code == 0
    assert path.read_bytes() == before
    common = json.loads(run("schema", "common").stdout)
    period = common["$defs"]["period"]["properties"]["uncertain"]
    assert "31 juni" in period["description"]
    assert common["$defs"]["signed"]["properties"]["uncertain"]["type"] == "boolean"


def test_an_unknown_mark_is_an_error_at_its_line(run, minimal_root: Path) -> None:
    path = minimal_root / PLEDGES
    path.write_text(path.read_text(encoding="utf-8").replace(END, END + "  uncertain: [slut]\n"),
                    encoding="utf-8")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 1
    assert "pledges/2024-2025.yaml:6:15: fel TRY204 period.uncertain[0]" in result.stdout


def test_diff_shows_a_date_marked_uncertain(run, tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    _mark(repo.root)
    repo.commit("the source writes 31 juni")
    result = run("--data", str(repo.root), "diff", "--git", "HEAD~1..HEAD")
    text = " ".join(result.stdout.split())
    assert "period, osäkert datum: + slut" in text  # in words, not the file's code 'end'
    assert "undertecknad, osäkert datum: — → ja" in text
    english = " ".join(run("--data", str(repo.root), "--lang", "en", "diff", "--git", "HEAD~1..HEAD")
                       .stdout.split())
    assert "period, uncertain: + end" in english


def test_overview_calls_a_period_with_an_uncertain_end_probably_ended(run, minimal_root: Path) -> None:
    """After a roughly known end the overview cannot say for certain that the period is over."""
    args = ("overview", str(minimal_root), "--as-of", "2026-03-01")
    assert "2024–2025, avslutad" in " ".join(run(*args).stdout.split())
    _mark(minimal_root)
    shown = " ".join(run(*args).stdout.split())
    assert "2024–2025, troligen avslutad (slutdatumet är osäkert)" in shown
    english = " ".join(run(*args[:1], "--lang", "en", *args[1:]).stdout.split())
    assert "probably ended (the end date is uncertain)" in english


def test_an_activity_due_date_given_only_roughly_reads_about_that_day(run, minimal_root: Path) -> None:
    """`import --loose-dates` takes the first day of 'juni 2025' and marks it: every view says ca."""
    path = minimal_root / "activities" / "2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    due: 2025-06-30\n", "    due: 2025-06-30\n    uncertain: [due]\n"),
                    encoding="utf-8")
    assert run("--data", str(minimal_root), "validate").exit_code == 0
    status = run("--data", str(minimal_root), "status", "--as-of", "2025-01-01").stdout
    assert "ca 30 jun 2025" in status and "ca 30 nov 2024" not in status
    body = json.loads(run("--data", str(minimal_root), "status", "--as-of", "2025-01-01",
                          "--format", "json").stdout)
    assert {a["id"]: a["due_uncertain"] for a in body["activities"]} == {"a-1": False, "a-2": True}
    report = run("--data", str(minimal_root), "report", "pledges", "--format", "md").stdout
    assert "ca 30 juni 2025" in report
    english = run("--data", str(minimal_root), "--lang", "en", "report", "pledges", "--format", "md").stdout
    assert "about 30 June 2025" in english
