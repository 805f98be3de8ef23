"""`trygghet explain`: a finding code's page in the user's language, or a usage error."""

from __future__ import annotations


def test_explain_prints_the_page_in_swedish_by_default(run) -> None:
    result = run("explain", "TRY205")
    assert result.exit_code == 0
    assert result.stdout.startswith("TRY205: ogiltigt datum\n")
    assert "Ger koden (activities/2024-2025.yaml):" in result.stdout


def test_explain_accepts_the_number_alone_and_english(run) -> None:
    result = run("--lang", "en", "explain", "102")
    assert result.exit_code == 0
    assert result.stdout.startswith("TRY102: duplicate key\n")


def test_explain_without_a_code_lists_every_code(run) -> None:
    from trygghet_cli.findings import CODES

    lines = run("explain").stdout.splitlines()
    assert [line.split()[0] for line in lines] == sorted(CODES)


def test_an_unknown_code_is_a_usage_error_with_the_closest_codes(run) -> None:
    result = run("explain", "TRY2055")
    assert result.exit_code == 2
    assert "det finns ingen kod TRY2055" in result.stderr
    assert "TRY205" in result.stderr
