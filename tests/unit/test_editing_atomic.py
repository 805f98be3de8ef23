"""write_atomic: all or nothing, conflict-checked, permissions and links handled (RELIABILITY W1-W7)."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from trygghet_cli.editing import atomic
from trygghet_cli.errors import ConflictError, ReadError

OLD = b"id: x\nstatus: ongoing\n"
NEW = b"id: x\nstatus: done\n"


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "list.yaml"
    path.write_bytes(OLD)
    path.chmod(0o640)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_replaces_content_and_keeps_the_mode(data_file: Path) -> None:
    atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))
    assert data_file.read_bytes() == NEW
    assert stat.S_IMODE(data_file.stat().st_mode) == 0o640
    assert leftovers(data_file.parent) == []


def test_write_keeps_the_group_of_the_old_file(data_file: Path) -> None:
    gid = data_file.stat().st_gid
    atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))
    assert data_file.stat().st_gid == gid


def test_file_changed_since_read_is_a_conflict_and_keeps_the_other_writers_content(
        data_file: Path) -> None:
    theirs = b"id: x\nstatus: cancelled\nreason: theirs\n"
    data_file.write_bytes(theirs)
    with pytest.raises(ConflictError) as caught:
        atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))
    assert caught.value.exit_code == 4
    assert data_file.read_bytes() == theirs
    assert leftovers(data_file.parent) == []


@pytest.mark.parametrize("step", ["write", "fchmod", "fsync", "replace"])
def test_failure_at_any_step_leaves_the_original_and_no_temp_file(
        data_file: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(ReadError) as caught:
        atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))
    monkeypatch.undo()
    assert caught.value.exit_code == 3
    assert data_file.read_bytes() == OLD
    assert leftovers(data_file.parent) == []


def test_full_disk_is_named_in_the_message(data_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(ReadError, match="disk is full"):
        atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))


def test_short_writes_are_continued_until_everything_is_written(
        data_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def one_byte(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data[:1]))

    monkeypatch.setattr(os, "write", one_byte)
    atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))
    monkeypatch.undo()
    assert data_file.read_bytes() == NEW


def test_interrupt_during_the_write_leaves_no_temp_file(
        data_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))
    monkeypatch.undo()
    assert data_file.read_bytes() == OLD
    assert leftovers(data_file.parent) == []


def test_folder_that_refuses_new_files_gives_a_clear_message_and_no_write_in_place(
        data_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests run as root, where chmod does not stop anything: simulate EACCES from mkstemp.
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(ReadError, match="cannot create a temporary file.*Permission denied"):
        atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))
    assert data_file.read_bytes() == OLD


def test_symlinked_file_is_edited_at_its_target_and_the_link_stays(tmp_path: Path,
                                                                   data_file: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(data_file)
    atomic.write_atomic(link, NEW, atomic.sha256(OLD))
    assert link.is_symlink()
    assert data_file.read_bytes() == NEW


def test_hard_linked_file_is_refused(tmp_path: Path, data_file: Path) -> None:
    os.link(data_file, tmp_path / "other-name.yaml")
    with pytest.raises(ReadError, match="hard links"):
        atomic.write_atomic(data_file, NEW, atomic.sha256(OLD))
    assert data_file.read_bytes() == OLD


def test_something_other_than_a_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="not a regular file"):
        atomic.write_atomic(fifo, NEW, atomic.sha256(OLD))


def test_new_file_is_never_written_over_an_existing_one(data_file: Path) -> None:
    with pytest.raises(ReadError, match="already exists"):
        atomic.write_new(data_file, NEW)
    assert data_file.read_bytes() == OLD
    assert leftovers(data_file.parent) == []


def test_new_file_is_created_with_its_content(tmp_path: Path) -> None:
    target = tmp_path / "pledges" / "2026-2027.yaml"
    atomic.write_new(target, NEW)
    assert target.read_bytes() == NEW
    assert leftovers(target.parent) == []


def test_a_second_editor_of_the_same_root_waits_then_gives_up(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "LOCK_WAIT_SECONDS", 0.0)
    with atomic.root_lock(tmp_path), pytest.raises(ConflictError, match="another trygghet"), \
            atomic.root_lock(tmp_path):
        pass
    with atomic.root_lock(tmp_path):
        pass
