"""A writing trygghet process killed with SIGKILL leaves the file old or new, never partial (W1)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from trygghet_cli.root import config, repository

# Runs the real CLI in a child process; one step of the write is replaced by a pause that
# first tells the test where the child is, so the test can kill it right there.
CHILD = r"""
import os, sys, time
from pathlib import Path
marker, where = Path(sys.argv[1]), sys.argv[2]
from trygghet_cli.editing import atomic

def pause(note):
    marker.write_text(note)
    time.sleep(300)

if where == "mid-write":
    real_write = os.write
    def half(fd, data):
        real_write(fd, bytes(data[: len(data) // 2]))
        pause("mid-write")
    os.write = half
elif where == "before-replace":
    os.replace = lambda src, dst: pause(src)
elif where == "after-replace":
    atomic._fsync_dir = lambda folder: pause("after-replace")
elif where == "between-files":
    from trygghet_cli.editing import session
    real_one, calls = session._write_one, []
    def one(change):
        calls.append(change)
        if len(calls) == 2:
            pause("between-files")
        return real_one(change)
    session._write_one = one
sys.argv = ["trygghet", *sys.argv[3:]]
from trygghet_cli.cli import main
main()
"""


def run_until_paused(tmp_path: Path, where: str, *args: str) -> subprocess.Popen[bytes]:
    marker = tmp_path / "paused"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(marker), where, *args], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not marker.exists():
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            out, err = child.communicate()
            pytest.fail(f"child never reached {where}: {out!r} {err!r}")
        time.sleep(0.02)
    return child


@pytest.mark.parametrize(("where", "expect_new"), [
    ("mid-write", False), ("before-replace", False), ("after-replace", True)])
def test_killed_writer_leaves_the_old_or_the_new_file_and_nothing_that_counts_as_data(
        tmp_path: Path, minimal_root: Path, where: str, expect_new: bool) -> None:
    target = minimal_root / "activities" / "2024-2025.yaml"
    old = target.read_bytes()
    child = run_until_paused(tmp_path, where, "--data", str(minimal_root),
                             "activity", "set-status", "a-2", "done", "--date", "2025-01-31")
    child.send_signal(signal.SIGKILL)
    child.wait()
    content = target.read_bytes()
    edited = b"status: done\n    completed: 2025-01-31\n"
    if expect_new:
        assert content.replace(edited, b"status: ongoing\n") == old
    else:
        assert content == old
    strays = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert all(p.name.startswith(".2024-2025.yaml.") for p in strays)
    assert not set(strays) & set(config.data_files(minimal_root))
    assert repository.load(minimal_root).errors() == []


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
            and ".trygghet-cache" not in p.parts}


def test_new_period_killed_between_its_two_files_is_put_back_by_the_next_edit(
        tmp_path: Path, minimal_root: Path, run) -> None:
    """`new period` writes a pledge set and its activity list: killed after the first, the next
    writing command puts the first back, so there is never a pledge set without its list."""
    before = _files(minimal_root)
    child = run_until_paused(tmp_path, "between-files", "--data", str(minimal_root), "new", "period")
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert len(_files(minimal_root)) > len(before)  # one file and the journal were written
    result = run("--data", str(minimal_root), "activity", "set-status", "a-2", "done", "--date",
                 "2025-01-31")
    assert result.exit_code == 0, result.output
    assert "en tidigare ändring avbröts halvvägs; de här filerna är återställda" in result.stderr
    after = _files(minimal_root)
    assert set(after) == set(before)  # the new pledge set and the journal are gone
    edited = "activities/2024-2025.yaml"
    assert {k: v for k, v in after.items() if k != edited} == {k: v for k, v in before.items() if k != edited}
    assert run("--data", str(minimal_root), "new", "period").exit_code == 0  # and it can be run again


def test_a_file_changed_by_hand_after_the_kill_is_left_as_it_is_and_named(
        tmp_path: Path, minimal_root: Path, run) -> None:
    before = set(_files(minimal_root))
    child = run_until_paused(tmp_path, "between-files", "--data", str(minimal_root), "new", "period")
    child.send_signal(signal.SIGKILL)
    child.wait()
    [written] = [k for k in _files(minimal_root) if k not in before and k.endswith(".yaml")
                 and not k.startswith(".")]
    path = minimal_root / written
    path.write_bytes(path.read_bytes() + b"# granskad\n")
    result = run("--data", str(minimal_root), "activity", "set-status", "a-2", "done", "--date",
                 "2025-01-31")
    assert result.exit_code == 0, result.output
    assert "har ändrats sedan dess; de lämnas som de är" in result.stderr and written in result.stderr
    assert path.read_bytes().endswith(b"# granskad\n")
    assert not (minimal_root / ".trygghet-edit-journal.json").exists()
