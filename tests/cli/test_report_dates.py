"""A meeting report always says the date it is as of; a yearly report of a year not yet ended is
marked preliminary; status names the pledge set in a sentence without its title's capital."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from tests.conftest import BUNDLED
from trygghet_cli.i18n import format_date


def _report(run, *args: str):
    result = run("--data", str(BUNDLED), "report", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(("lang", "line"), [("sv", "Läget per {}."), ("en", "As of {}.")])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_meeting_report_says_its_date_without_as_of(run, lang, line, fmt) -> None:
    out = _report(run, "status", "--period", "2024-2025", "--format", fmt, "--lang", lang)
    assert line.format(format_date(date.today(), lang)) in out
    dated = _report(run, "status", "--as-of", "2025-03-01", "--format", fmt, "--lang", lang)
    assert line.format(format_date(date(2025, 3, 1), lang)) in dated


@pytest.mark.parametrize(("lang", "text"), [("sv", "Preliminär: läget 30 november 2025"),
                                            ("en", "Preliminary: as of 30 November 2025")])
def test_a_yearly_report_of_a_year_not_yet_ended_is_preliminary_in_every_format(run, lang, text) -> None:
    markdown = _report(run, "yearly", "--year", "2025", "--as-of", "2025-11-30", "--lang", lang)
    assert f"\n**{text}**\n" in markdown
    html = _report(run, "yearly", "--year", "2025", "--as-of", "2025-11-30", "--lang", lang,
                   "--format", "html")
    assert f'<p class="as-of preliminary"><strong>{text}</strong></p>' in html
    ended = _report(run, "yearly", "--year", "2025", "--as-of", "2025-12-31", "--lang", lang)
    assert "relimin" not in ended


def test_a_yearly_report_of_an_ended_year_carries_no_preliminary_mark_or_date(run) -> None:
    out = _report(run, "yearly", "--year", "2024")
    assert "Preliminär" not in out and "Läget per" not in out


def test_status_says_its_date_in_every_format(run) -> None:
    base = ["--data", str(BUNDLED), "status", "--as-of", "2025-06-30"]
    assert "per 30 juni 2025" in run(*base).stdout.splitlines()[1]
    assert "per 30 juni 2025" in run(*base, "--format", "markdown").stdout.splitlines()[0]
    rows = list(csv.DictReader(io.StringIO(run(*base, "--format", "csv").stdout.lstrip("\ufeff")),
                               delimiter=";"))
    assert rows and {r["läget per"] for r in rows} == {"2025-06-30"}
    english = run("--data", str(BUNDLED), "--lang", "en", "status", "--as-of", "2025-06-30",
                  "--format", "csv").stdout
    assert {r["as_of"] for r in csv.DictReader(io.StringIO(english))} == {"2025-06-30"}


@pytest.mark.parametrize(("period", "lang", "heading"), [
    ("2024-2025", "sv", "Läget för medborgarlöftena 2024–2025, per 30 juni 2025"),
    ("2020", "sv", "Läget för medborgarlöftet 2020, per 30 juni 2025"),
    ("2024-2025", "en", "Status of the citizen pledges 2024–2025, as of 30 June 2025"),
    ("2020", "en", "Status of the citizen pledge 2020, as of 30 June 2025"),
])
def test_status_names_the_pledges_in_lower_case_with_their_number(run, period, lang, heading) -> None:
    result = run("--data", str(BUNDLED), "--lang", lang, "status", "--period", period,
                 "--as-of", "2025-06-30")
    assert result.stdout.splitlines()[1] == heading
    markdown = run("--data", str(BUNDLED), "--lang", lang, "status", "--period", period,
                   "--as-of", "2025-06-30", "--format", "markdown")
    assert markdown.stdout.splitlines()[0] == f"## {heading}"


def test_the_site_names_the_pledges_of_an_activity_list_in_lower_case(run, tmp_path) -> None:
    out = tmp_path / "site"
    result = run("--data", str(BUNDLED), "site", "-o", str(out), "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    intros = [text for text in pages.values() if "Aktivitetslistan hör till" in text]
    assert intros and any("Aktivitetslistan hör till medborgarlöftena 2024–2025." in t for t in intros)
    assert not any("hör till Medborgarlöfte" in t for t in intros)
