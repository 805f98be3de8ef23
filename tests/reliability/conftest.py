"""Helpers for the reliability suite: clean-failure checks and byte snapshots of a data root.

Every test here states the same promises in the same words: no traceback, never the
internal-error exit code, the documented exit code, `file:line` in the message, and
not one byte of the data root changed.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest

from trygghet_cli.root import config

INTERNAL = 70
ACTIVITIES = Path("activities") / "2024-2025.yaml"


# Not data: validate's result cache (cache.py), safe to delete and rebuilt at will.
NOT_DATA = {".trygghet-cache"}


def snapshot(root: Path, skip: str | None = None) -> dict[str, Any]:
    """Every entry below root: file bytes and mode, symlink targets, folders, other kinds.

    The cache folder is left out, and `skip` names another top folder to leave out
    (.git, whose index git refreshes on reading).
    """
    state: dict[str, Any] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        if Path(folder) == root:
            dirs[:] = [d for d in dirs if d not in NOT_DATA and d != skip]
        for name in sorted([*dirs, *files]):
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                state[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                state[rel] = ("dir", stat.S_IMODE(info.st_mode))
            elif stat.S_ISREG(info.st_mode):
                state[rel] = ("file", stat.S_IMODE(info.st_mode), info.st_nlink, _read(path))
            else:
                state[rel] = ("other", stat.S_IFMT(info.st_mode))
    return state


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def assert_clean(result: Any, exits: tuple[int, ...] = (0, 1, 2, 3, 4)) -> None:
    """No traceback, no internal error, one of the documented exit codes."""
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    assert result.exit_code != INTERNAL, out
    assert result.exit_code in exits, (result.exit_code, out)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def assert_located(result: Any, path: Path, line: int, code: str | None = None) -> None:
    """The output names path:line (and the code) on one line."""
    shown = re.escape(config.display_path(path))
    pattern = rf"{shown}:{line}:\d+:.*" + (re.escape(code) if code else "")
    out = result.stdout + result.stderr
    assert re.search(pattern, out), f"expected {config.display_path(path)}:{line} {code} in:\n{out}"


def git_repo(root: Path) -> Path:
    """Make root a git repository with everything in it committed (a base for diff --git)."""
    import subprocess

    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "valid"], check=True)
    return root


def line_of(content: bytes, marker: bytes) -> int:
    head = content[: content.index(marker)]
    return head.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


@pytest.fixture
def root(minimal_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal valid data root, with the working folder beside it (short messages)."""
    monkeypatch.chdir(tmp_path)
    return minimal_root


@pytest.fixture
def deny_read(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Make a file unreadable: chmod 000, and for root (who ignores modes) a refusing open."""
    from trygghet_cli.loading import document

    def deny(path: Path) -> None:
        path.chmod(0)
        if os.geteuid() != 0:
            return
        real_open = open
        target = os.fspath(path.absolute())

        def refuse(file: Any, *args: Any, **kwargs: Any) -> Any:
            if os.path.abspath(os.fspath(file)) == target:
                raise PermissionError(13, "Permission denied", os.fspath(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(document, "open", refuse, raising=False)

    return deny
