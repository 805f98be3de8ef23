"""Issue 19, item 10: every command handles any input within the limits in time proportional
to its size, and refuses larger input up front with a clear message (SECURITY.md 7)."""

from __future__ import annotations

import time

import pytest

from tests.reliability.conftest import ACTIVITIES, assert_clean, snapshot
from trygghet_cli.loading.document import MAX_NODES

HEAD = b"id: al-2024-2025\npledge_set: ml-2024-2025\nactivities:\n"
READERS = [["validate"], ["status", "--as-of", "2025-01-15"], ["fmt", "--check"],
           ["report", "pledges"], ["export", "activities", "--format", "csv"]]


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_a_list_of_a_million_items_is_refused_up_front_in_every_command(run, root, args) -> None:
    (root / ACTIVITIES).write_bytes(HEAD + b"  - x\n" * 1_000_000)
    before = snapshot(root)
    started = time.monotonic()
    result = run("--data", str(root), "--lang", "en", *args)
    elapsed = time.monotonic() - started
    assert_clean(result, exits=(3,))
    assert f"more than {MAX_NODES:,} values".replace(",", " ") in result.stdout + result.stderr
    assert elapsed < 30, elapsed  # minutes before; seconds on an idle machine
    assert snapshot(root) == before


def test_a_file_just_within_the_limit_is_checked_with_at_most_100_schema_errors(run, root) -> None:
    (root / ACTIVITIES).write_bytes(HEAD + b"  - x\n" * (MAX_NODES - 10))
    result = run("--data", str(root), "--lang", "en", "validate", "--format", "json")
    assert_clean(result, exits=(1,))
    import json

    findings = json.loads(result.stdout)["findings"]
    assert len(findings) <= 110
    assert any("more than 100 schema errors" in f["message"] for f in findings)
