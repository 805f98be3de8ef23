"""Issue 19, items 8 and 9: one exit code per kind of failure in every command: 3 when a file
or a data folder could not be read, 1 when the data is invalid."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import ACTIVITIES, assert_clean, snapshot

# Every command that reads the data root, as the issue lists them.
COMMANDS = [
    ["validate"],
    ["status", "--as-of", "2025-01-15"],
    ["report", "pledges", "--period", "2024-2025"],
    ["export", "activities", "--format", "csv"],
    ["fmt", "--check"],
    ["diff", "activities", "2024-2025", "2024-2025"],
    ["fmt"],
    ["activity", "set-status", "a-1", "done", "--date", "2024-10-15"],
    ["activity", "outcome", "a-1", "5", "--date", "2024-10-15"],
]


def _ids(args: list[str]) -> str:
    return "-".join(args[:2])


@pytest.mark.parametrize("folder", ["activities", "pledges", "agreements"])
@pytest.mark.parametrize("args", COMMANDS, ids=_ids)
def test_a_data_folder_that_is_a_file_is_a_read_error_in_every_command(run, root, folder,
                                                                       args) -> None:
    import shutil

    shutil.rmtree(root / folder)
    (root / folder).write_text("inte en mapp\n", encoding="utf-8")
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", *args)
    assert_clean(result, exits=(3,))
    assert f"{folder} is not a folder" in result.stdout + result.stderr
    assert snapshot(root) == before


def _unreadable(root: Path) -> None:
    target = root / ACTIVITIES
    target.unlink()
    target.symlink_to("nowhere.yaml")  # dangling: cannot be read, for root as for anyone


@pytest.mark.parametrize("args", COMMANDS, ids=_ids)
def test_an_unreadable_file_is_exit_3_in_every_command(run, root, args) -> None:
    _unreadable(root)
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", *args)
    assert_clean(result, exits=(3,))
    assert "2024-2025.yaml" in result.stdout + result.stderr
    assert snapshot(root) == before


# fmt and the edits work on data with schema errors (they only mention them), by design.
@pytest.mark.parametrize("args", COMMANDS[:6], ids=_ids)
def test_invalid_data_is_exit_1_in_every_reading_command(run, root, args) -> None:
    target = root / ACTIVITIES
    target.write_bytes(target.read_bytes().replace(b"status: ", b"statu: ", 1))
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", *args)
    assert_clean(result, exits=(1,))
    assert snapshot(root) == before
