"""Hostile option values for every command: a usage or data error, never a crash or a write.

Data files are not the only input: dates, years, periods, numbers and paths given on the
command line reach the same code. Each row runs on a fresh copy of the minimal root.
"""

from __future__ import annotations

import pytest

from tests.reliability.conftest import assert_clean, snapshot

ROWS = [
    "status --as-of 2025-02-30",
    "status --as-of x",
    "status --as-of 0001-01-01",
    "status --as-of 9999-12-31",
    "report council --as-of 0001-01-01",
    "report council --as-of 9999-12-31",
    "report status --as-of 0001-01-01",
    "overview --as-of 0001-01-01",
    "check law --as-of 9999-12-31",
    "status --due-within 99999999999999999999",
    "status --period ../../etc",
    "report yearly --year 99999",
    "report yearly --year -1",
    "report pledges --period ../../etc",
    "report status -o /nonexistent/dir/x.html",
    "report status -o /etc/hostname/x.html",
    "report status --templates /nonexistent",
    "report bogus",
    "diff activities x y",
    "diff pledges 2024-2025 2024-2025 --threshold 2",
    "export activities --format csv --period bogus",
    "new period --start 2027-01-01 --end 2026-01-01",
    "new period --start 2025-02-30 --end 2026-01-01",
    "activity set-status nonexistent done",
    "activity set-status a-1 bogus",
    "activity set-status a-1 done --date 2024-02-30",
    "activity outcome a-1 1e999 --date 2024-10-20",
    "activity outcome a-1 -1e999 --date 2024-10-20",
    "activity outcome a-1 99999999999999999999999 --date 2024-10-20",
    "activity outcome a-1 5 --date 2024-02-30",
    "activity new --title x --pledge ml-9 --party kommun",
    "activity target a-1 --kind rate --text x --value -1 --per eon",
    "activity target a-1 --kind at_least --text x --value 1e999",
    "fmt --check /nonexistent",
    "validate --format bogus",
    "schema ../../etc/passwd",
]


@pytest.mark.parametrize("args", ROWS)
def test_a_hostile_option_value_is_a_clean_error(run, root, args) -> None:
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", *args.split())
    assert_clean(result, exits=(0, 1, 2, 3))
    assert snapshot(root) == before or result.exit_code == 0


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"])
def test_an_as_of_day_far_from_now_is_a_usage_error_that_says_which_days_work(run, root,
                                                                              day) -> None:
    result = run("--data", str(root), "report", "council", "--as-of", day)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--as-of: {day} ligger utanför" in result.output
    assert "ange en dag från 1900-01-01 till 2199-12-31" in result.output
    assert run("--data", str(root), "report", "council", "--as-of", "1900-01-01").exit_code in (0, 1)


@pytest.mark.parametrize("url", ["example.org", "ftp://example.org/", "javascript:alert(1)",
                                 "https://", "https://a b/", 'https://x/"><script>', "/local/path",
                                 "https://[::1"])
@pytest.mark.parametrize("args", [["schema", "--catalog"], ["schema", "activities"]])
def test_schema_base_url_must_be_an_absolute_web_address(run, root, url, args) -> None:
    result = run("--data", str(root), *args, "--base-url", url)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--base-url '{url}' är ingen webbadress" in result.output
    good = run("--data", str(root), *args, "--base-url", "https://example.org/trygghet/")
    assert good.exit_code == 0 and "https://example.org/trygghet/" in good.stdout
