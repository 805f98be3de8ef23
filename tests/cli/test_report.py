"""`trygghet report` on the bundled data: golden files, choices, determinism, writing files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, REPO

GOLDEN = REPO / "tests" / "golden" / "report"
# One selection per kind; --as-of is fixed so the bytes never change.
SELECTIONS = {
    "yearly": ["--year", "2019", "--as-of", "2020-02-01"],
    "pledges": ["--period", "2024-2025", "--as-of", "2025-06-30"],
    "status": ["--period", "2019", "--as-of", "2019-09-15"],
    "agreement": ["--as-of", "2025-06-30"],
    "lagesbild": ["--period", "lb-2024", "--as-of", "2025-06-30"],
    "council": ["--year", "2024", "--as-of", "2025-02-01"],
}
CASES = [(kind, fmt, lang) for kind in SELECTIONS for fmt in ("md", "html") for lang in ("sv", "en")]


def _report(run, *args: str):
    return run("--data", str(BUNDLED), "report", *args)


@pytest.mark.parametrize(("kind", "fmt", "lang"), CASES, ids=lambda v: str(v))
def test_every_kind_format_and_language_matches_its_golden_file(run, update_golden, kind, fmt, lang) -> None:
    result = _report(run, kind, *SELECTIONS[kind], "--format", fmt, "--lang", lang)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{kind}.{lang}.{fmt}"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_yearly_2019_shows_the_year_end_figures_against_the_targets(run) -> None:
    result = _report(run, "yearly", "--year", "2019", "--format", "md", "--lang", "en")
    text = result.stdout
    assert "| Minst 8 nya grannsamverkansområden | 20 of at least 8: met |" in text
    assert "| 2 nya båtsamverkansområden | 3 of exactly 2: exceeded |" in text
    assert ("4 of at least 4: met \\[sources disagree: 5 (Fem trygghetsvandringar i kommunen under "
            "2019, 17 Dec 2019)\\]") in text
    assert "(qualitative target): 303 |" in text


def test_agreement_says_honestly_that_responsible_functions_are_not_published(run) -> None:
    result = _report(run, "agreement", "--period", "2023-2026", "--lang", "en")
    assert "Responsible functions are not given." in result.stdout
    assert "For 6 of 6 areas the responsible functions have not been published" in result.stdout


def test_output_has_no_date_unless_as_of_is_given(run) -> None:
    plain = _report(run, "pledges", "--period", "2024-2025", "--lang", "en").stdout
    dated = _report(run, "pledges", "--period", "2024-2025", "--lang", "en", "--as-of", "2025-03-01").stdout
    assert "As of" not in plain
    assert "As of 1 March 2025." in dated


def test_same_data_and_as_of_give_the_same_bytes(run, tmp_path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for target in (first, second):
        result = _report(run, "yearly", "--year", "2020", "--as-of", "2021-03-01", "-o", str(target))
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"<!DOCTYPE html>")


def test_output_folder_gets_a_file_named_after_kind_period_and_language(run, tmp_path) -> None:
    result = _report(run, "pledges", "--period", "2022-2023", "--format", "html", "--lang", "en",
                     "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["pledges-2022-2023.en.html"]


def test_rewriting_a_report_keeps_its_permissions_and_leaves_no_temporary_file(run, tmp_path) -> None:
    target = tmp_path / "report.md"
    assert _report(run, "agreement", "--lang", "en", "-o", str(target)).exit_code == 0
    os.chmod(target, 0o640)
    result = _report(run, "agreement", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Samverkansöverenskommelse")
    assert oct(target.stat().st_mode & 0o777) == "0o640"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_failed_write_is_an_io_error_and_leaves_the_old_file_and_no_temporary(run, tmp_path,
                                                                             monkeypatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = _report(run, "agreement", "-o", str(target), "--force")
    assert result.exit_code == 3
    assert "disken är full" in result.stderr
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_output_into_a_missing_folder_is_refused_not_created(run, tmp_path) -> None:
    result = _report(run, "agreement", "-o", str(tmp_path / "reports" / "report.md"))
    assert result.exit_code == 2
    assert "finns inte" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_list_names_the_kinds(run) -> None:
    result = run("report", "--list")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == ["yearly", "pledges", "status", "agreement", "lagesbild", "council"]


@pytest.mark.parametrize(("args", "message"), [
    (["nonsense"], "det finns ingen rapporttyp 'nonsense'"),
    (["yearly", "--year", "2019", "--period", "2019"], "ange --period eller --year, inte båda"),
    (["status", "--as-of", "2019-02-30"], "är inget datum"),
    (["pledges", "--period", "2031"], "det finns ingen löftesperiod '2031'"),
    (["yearly", "--year", "2031"], "det finns inga medborgarlöften för år 2031"),
    (["agreement", "--period", "1999"], "det finns ingen överenskommelse för perioden '1999'"),
    (["agreement", "--lang", "de"], "--lang: 'de' är varken sv eller en"),
])
def test_impossible_requests_are_usage_errors(run, args, message) -> None:
    result = _report(run, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_own_templates_take_precedence_over_the_built_in_ones(run, tmp_path: Path) -> None:
    (tmp_path / "agreement.md.j2").write_text("Egen: {{ agreement.title }} {{ '<b>' }}\n", encoding="utf-8")
    own = _report(run, "agreement", "--period", "2023-2026", "--templates", str(tmp_path))
    assert own.stdout == "Egen: Samverkansöverenskommelse 2023–2026 \\<b\\>\n"
    shipped = _report(run, "pledges", "--period", "2019", "--templates", str(tmp_path))
    assert shipped.stdout.startswith("# Medborgarlöfte 2019")


def test_a_lagesbild_compiled_with_a_third_party_names_every_party_in_its_footer(run, tmp_path) -> None:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".trygghet-cache"))
    config = root / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    kind: polis\n", "    kind: polis\n  - id: bostader\n    name: Strängnäs Bostäder AB\n"
        "    kind: foretag\n", 1), encoding="utf-8")
    situation = root / "situation" / "2024.yaml"
    situation.write_text(situation.read_text(encoding="utf-8").replace(
        "  - polis\n", "  - polis\n  - bostader\n", 1), encoding="utf-8")
    shown = run("--data", str(root), "report", "lagesbild", "--format", "md")
    assert shown.exit_code == 0, shown.output
    assert ("samverkan mellan Strängnäs kommun, Polismyndigheten (lokalpolisområde "
            "Eskilstuna/Strängnäs) och Strängnäs Bostäder AB") in " ".join(shown.stdout.split())
    assert "mellan Strängnäs kommun och polisen" not in " ".join(shown.stdout.split())
    plain = run("--data", str(BUNDLED), "report", "lagesbild", "--format", "md")
    assert "samverkan mellan Strängnäs kommun och polisen" in " ".join(plain.stdout.split())


def test_a_lagesbild_value_given_only_as_a_limit_shows_the_limit_in_its_table(run, tmp_path) -> None:
    """"Mer än hälften" is entered as value 50 with bound at_least: the table says "minst 50",
    never a bare 50 that reads as a measured value."""
    import shutil

    root = tmp_path / "data"
    shutil.copytree(REPO / "tests" / "fixtures" / "exempelby", root)
    situation = root / "situation" / "2024-10.yaml"
    situation.write_text(situation.read_text(encoding="utf-8").replace(
        '        - date: "2024"\n          value: 26\n',
        '        - date: "2024"\n          value: 26\n          bound: at_most\n', 1), encoding="utf-8")
    for lang, words in (("sv", "högst 26"), ("en", "at most 26")):
        shown = run("--data", str(root), "--lang", lang, "report", "lagesbild", "--format", "md")
        assert shown.exit_code == 0, shown.output
        row = next(line for line in shown.stdout.splitlines()
                   if line.startswith("|") and words in line)
        assert "| 28 |" in row  # the unbounded 2023 value beside it stays a bare number
