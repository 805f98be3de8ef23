"""Real records as they are (#25): statements only, what a source says of a whole pledge or
set, partners who are not parties, and target shapes that do not fit their kind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import FIXTURES

STATEMENTS = FIXTURES / "statements"
FLAT = FIXTURES / "flat"


def test_a_root_of_statements_only_validates_without_inventing_anything(run) -> None:
    """A pledge text, an undated figure and a set-level 'hållit': no parties, no dates of the
    figure, no window, no activity list, no districts or functions in the config."""
    result = run("--data", str(STATEMENTS), "validate", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
    pledges = (STATEMENTS / "pledges" / "2023.yaml").read_text(encoding="utf-8")
    assert "parties" not in pledges and "date:" not in pledges and "period:\n    " not in pledges


def test_statements_only_without_a_period_validate_and_say_the_period_is_not_given(run, tmp_path) -> None:
    """The same page gives no period for the pledges: no error and no warning (a warning for
    each missing part would be allowed, but the user could add nothing the source does not
    give), and status says so instead of placing the pledges in a year."""
    root = tmp_path / "statements"
    shutil.copytree(STATEMENTS, root)
    path = root / "pledges" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert "period:\n  start: 2023-01-01\n  end: 2023-12-31\n" in text
    path.write_text(text.replace("period:\n  start: 2023-01-01\n  end: 2023-12-31\n", ""),
                    encoding="utf-8")
    # Not even a warning: the source gives no period, so there is nothing the user could add.
    assert json.loads(_validate(root))["findings"] == []
    result = run("--data", str(root), "status", "--as-of", "2023-12-31")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Period anges inte" in out
    assert "Mål: 62, minst 1 per vecka: kan inte bedömas: okänt tidsfönster" in out
    assert "Löftena som helhet enligt källan Uppföljning av medborgarlöftena 2023: hållna" in out


def test_status_of_statements_only_says_what_the_source_says_and_judges_nothing_more(run) -> None:
    result = run("--data", str(STATEMENTS), "status", "--as-of", "2023-12-31")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert ("Löftena som helhet enligt källan Uppföljning av medborgarlöftena 2023: hållna "
            "(”Löften som vi har hållit”)") in out
    assert "Mål: 62, minst 1 per vecka: kan inte bedömas: okänt tidsfönster" in out


def test_the_pledge_report_of_statements_only_names_no_parties_nobody_named(run) -> None:
    result = run("--data", str(STATEMENTS), "report", "pledges", "--format", "md", "--as-of",
                 "2023-12-31")
    assert result.exit_code == 0, result.output
    assert "åtaganden för att öka tryggheten" in result.stdout  # no "som  gör"
    assert "**Parter:** anges inte" in result.stdout
    assert "- Löftena som helhet enligt källan Uppföljning av medborgarlöftena 2023: hållna" in result.stdout


def test_a_status_stated_for_a_whole_pledge_is_shown_under_it_in_both_languages(run) -> None:
    sv = " ".join(run("--data", str(FLAT), "status", "--as-of", "2025-12-31").stdout.split())
    assert "Löftet enligt källan Uppföljning 2024: pågår eller genomfört" in sv
    en = " ".join(run("--data", str(FLAT), "--lang", "en", "status", "--as-of", "2025-12-31").stdout.split())
    assert "The pledge according to Uppföljning 2024: ongoing or done" in en
    body = json.loads(run("--data", str(FLAT), "status", "--as-of", "2025-12-31", "--format", "json").stdout)
    [stated] = [p["stated"] for p in body["pledges"] if "stated" in p]
    assert (stated["status"], stated["source"]) == (["ongoing", "done"], "src-uppfoljning")


def test_partners_who_are_not_parties_are_shown_with_the_activity(run) -> None:
    out = run("--data", str(FLAT), "status", "--as-of", "2025-12-31").stdout
    assert "Tillsammans med: Exempelby Bostäder AB" in out
    body = json.loads(run("--data", str(FLAT), "status", "--as-of", "2025-12-31", "--format", "json").stdout)
    activity = next(a for a in body["activities"] if a["id"] == "a-1")
    assert (activity["partners"], activity["parties"]) == (["Exempelby Bostäder AB"], ["kommun", "polis"])
    report = run("--data", str(FLAT), "report", "yearly", "--year", "2025", "--format", "md",
                 "--as-of", "2025-12-31").stdout
    assert "Tillsammans med: Exempelby Bostäder AB" in report


def _pledge_target(root: Path, old: str, new: str) -> list[dict[str, object]]:
    path = root / "pledges" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return json.loads(_validate(root))["findings"]


def _validate(root: Path) -> str:
    from typer.testing import CliRunner

    from trygghet_cli.cli import app

    return CliRunner().invoke(app, ["--data", str(root), "validate", "--format", "json"]).stdout


def test_a_range_that_ends_below_its_start_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = tmp_path / "flat"
    shutil.copytree(FLAT, root)
    found = _pledge_target(root, "        kind: at_least\n        text: minst två trygghetsvandringar\n"
                           "        value: 2\n", "        kind: range\n        text: tre till fyra\n"
                           "        value: 3\n        max: 2\n")
    [error] = [f for f in found if f["code"] == "TRY408"]
    lines = (root / "pledges" / "2024-2025.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[int(str(error["line"])) - 1].strip() == "max: 2"
    assert "ends below where it starts" in str(error["message"])


def test_a_seasonal_outcome_without_its_season_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / "flat"
    shutil.copytree(FLAT, root)
    found = _pledge_target(root, "        value: 2\n",
                           "        value: 2\n        seasons: [spring, autumn]\n")
    assert [f["code"] for f in found if f["severity"] == "error"] == ["TRY408"]


def test_the_sites_first_screen_takes_the_sources_word_where_the_data_cannot_judge(run, tmp_path) -> None:
    """The rate of the one pledge cannot be judged (no window); the source says the pledges
    were kept: the front page says so, as the source's word, instead of 'kan inte bedömas'."""
    result = run("--data", str(STATEMENTS), "site", "-o", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<span class="word">hållet enligt källan</span>' in page
    assert "kan inte bedömas" not in page


def _who_section(text: str, fmt: str) -> str:
    """The 'Vem lovar vad' part of a pledge report, up to the next section."""
    if fmt == "md":
        start = text.index("## Vem lovar vad" if "## Vem lovar vad" in text else "## Who promises what")
        return text[start:text.index("\n## ", start)].strip() + "\n"
    start = text.index('<section aria-labelledby="who">')
    return text[start:text.index("</section>", start) + len("</section>")] + "\n"


def test_a_pledge_report_where_nobody_names_a_party_says_so_instead_of_an_empty_table(
        run, update_golden) -> None:
    from tests.conftest import REPO

    golden = REPO / "tests" / "golden" / "report" / "pledges-who-none.txt"
    parts = []
    for lang in ("sv", "en"):
        for fmt in ("md", "html"):
            result = run("--data", str(STATEMENTS), "--lang", lang, "report", "pledges", "--format",
                         fmt, "--as-of", "2023-12-31")
            assert result.exit_code == 0, result.output
            section = _who_section(result.stdout, fmt)
            assert "<table" not in section and "| ---" not in section
            parts.append(f"# {lang} {fmt}\n{section}")
    if update_golden:
        golden.write_text("".join(parts), encoding="utf-8")
    assert "".join(parts) == golden.read_text(encoding="utf-8")


def test_an_undated_figure_is_placed_by_the_date_of_the_source_that_reports_it(run, tmp_path) -> None:
    """The follow-up page says when it was published: the figure counts from that day and is
    shown by it; a rate still has no window."""
    root = tmp_path / "flat"
    shutil.copytree(FLAT, root)
    config = root / "trygghet.yaml"
    text = config.read_text(encoding="utf-8")
    assert "    url: https://example.org/uppfoljning\n" in text
    config.write_text(text.replace("    url: https://example.org/uppfoljning\n",
                                   "    url: https://example.org/uppfoljning\n    published: 2025-03-12\n"),
                      encoding="utf-8")
    assert [f["code"] for f in json.loads(_validate(root))["findings"]] == ["TRY502"]  # as before
    before = " ".join(run("--data", str(root), "status", "--as-of", "2025-03-11").stdout.split())
    assert "Mål: minst 2: inget utfall" in before
    after = " ".join(run("--data", str(root), "status", "--as-of", "2025-12-31").stdout.split())
    assert "Mål: 3 av minst 2: uppnått [enligt källan från 12 mars 2025]" in after
    assert ("Mål: 62, minst 1 per vecka: kan inte bedömas: okänt tidsfönster [enligt källan från "
            "12 mars 2025]") in after
    en = " ".join(run("--data", str(root), "--lang", "en", "report", "yearly", "--year", "2025",
                      "--format", "md", "--as-of", "2025-12-31").stdout.split())
    assert "3 of at least 2: met \\[per the source of 12 March 2025\\]" in en
