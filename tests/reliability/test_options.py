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
