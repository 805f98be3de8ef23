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
