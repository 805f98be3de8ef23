"""All-or-nothing, conflict-checked writes of data files (RELIABILITY.md, pattern P4).

`os.replace` of a fully written and fsynced temporary file in the same folder is
the only step that changes the data file, so a crash, a kill or a full disk at
any moment leaves either the old bytes or the new ones, never a mix.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from trygghet_cli.errors import ConflictError, ReadError

LOCK_WAIT_SECONDS = 10.0
# What _new_temp names a temporary file: `.` + the data file's name + mkstemp's part + `.tmp`.
_STALE = re.compile(r"\..+\.ya?ml\.[A-Za-z0-9_]+\.tmp")


def sha256(data: bytes) -> str:
    """The hex SHA-256 of bytes, as Document.digest holds it."""
    return hashlib.sha256(data).hexdigest()


def _checked_target(path: Path) -> tuple[str, os.stat_result]:
    """The real path behind path (symlinks resolved) and its stat, if it is safe to replace."""
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except OSError as exc:
        raise ReadError.say("io.cannot_write", path=path, reason=exc.strerror or exc) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReadError.say("io.not_regular", path=path)
    if st.st_nlink > 1:
        raise ReadError.say("io.hard_links", path=path, count=st.st_nlink)
    return real, st


def _check_unchanged(real: str, shown: Path, expected_old_digest: str) -> None:
    try:
        with open(real, "rb") as handle:
            current = handle.read()
    except OSError as exc:
        raise ReadError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    if sha256(current) != expected_old_digest:
        raise ConflictError.say("edit.changed_on_disk", path=shown)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(folder: str) -> None:
    if sys.platform == "win32":  # a folder cannot be opened there; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _new_file_mode() -> int:
    """The mode open() would give a new file (0666 less the umask); mkstemp gives 0600."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _fill_temp(fd: int, data: bytes, st: os.stat_result | None) -> None:
    """Write, set mode and group like the old file (or as for any new file), and flush it."""
    _write_all(fd, data)
    if sys.platform == "win32":  # no Unix modes or groups to keep
        os.fsync(fd)
        return
    if st is not None:
        os.fchmod(fd, stat.S_IMODE(st.st_mode))
        with contextlib.suppress(OSError):  # keeping the group is best effort (W3)
            os.fchown(fd, -1, st.st_gid)
    else:
        os.fchmod(fd, _new_file_mode())
    os.fsync(fd)


def _new_temp(folder: str, name: str, shown: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except OSError as exc:
        raise ReadError.say("io.no_temporary", path=shown, folder=folder,
                            reason=exc.strerror or exc) from None


def _io_error(shown: Path, exc: OSError) -> ReadError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ReadError.say("io.disk_full", path=shown)
    return ReadError.say("io.could_not_write", path=shown, reason=exc.strerror or str(exc))


def write_atomic(path: Path, new_bytes: bytes, expected_old_digest: str) -> None:
    """Replace path's content with new_bytes if it still hashes to expected_old_digest.

    Raises ConflictError (exit 4) when the file changed since it was read, and
    ReadError (exit 3) for any I/O failure; in both cases the file is untouched
    and no temporary file is left behind.
    """
    real, st = _checked_target(path)
    _check_unchanged(real, path, expected_old_digest)
    folder, name = os.path.split(real)
    _replace_with_temp(folder, name, new_bytes, st, path, exclusive=False)


def write_new(path: Path, new_bytes: bytes) -> None:
    """Create path atomically with new_bytes; refuse if it already exists."""
    folder = os.path.realpath(path.parent)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:  # a file where a folder should be, a read-only parent
        raise ReadError.say("io.no_folder", path=path, folder=folder, reason=exc.strerror or exc) from None
    _replace_with_temp(folder, path.name, new_bytes, None, path, exclusive=True)


def _replace_with_temp(folder: str, name: str, data: bytes, st: os.stat_result | None,
                       shown: Path, *, exclusive: bool) -> None:
    target = os.path.join(folder, name)
    fd, tmp = _new_temp(folder, name, shown)
    try:
        try:
            _fill_temp(fd, data, st)
        finally:
            os.close(fd)
        if exclusive:
            os.link(tmp, target)  # fails with EEXIST instead of overwriting
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except FileExistsError:
        raise ReadError.say("edit.exists", path=shown) from None
    except OSError as exc:
        raise _io_error(shown, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    try:
        _fsync_dir(folder)
    except OSError as exc:
        raise ReadError.say("io.not_flushed", path=shown, reason=exc.strerror or exc) from None


def _lock_handle(folder: Path) -> int:
    """What root_lock locks: the data root folder itself, or on Windows (which cannot open a
    folder as a file) a file named for the root in the user's cache folder."""
    if sys.platform != "win32":
        return os.open(folder, os.O_RDONLY)
    from trygghet_cli.root.cache import user_cache_dir

    locks = user_cache_dir() / "locks"
    locks.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(os.fsencode(folder.resolve())).hexdigest()[:32]
    return os.open(locks / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock without waiting: fcntl.flock, or msvcrt.locking on Windows."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def root_lock(folder: Path) -> Iterator[tuple[list[Path], list[Path]]]:
    """Hold an exclusive lock on the data root for a whole read-modify-write.

    Locking the folder itself (a file in the user's cache on Windows) leaves no lock file
    in the data repository. Only trygghet processes honour it; editors do not, which is
    what the digest check in write_atomic is for. The lock ends when the handle closes,
    also when the process is killed. Yields what an edit killed half-way left, now put back
    (journal.recover): the files put back, and those changed since and left as they are.
    """
    from trygghet_cli.editing import journal

    with folder_lock(folder, "edit.locked", folder=folder):
        remove_stale_temporaries(folder)
        yield journal.recover(folder)


@contextlib.contextmanager
def folder_lock(folder: Path, busy: str, /, **values: object) -> Iterator[None]:
    """Hold an exclusive lock on a folder (see root_lock); ConflictError `busy` with `values`
    when another process holds it longer than LOCK_WAIT_SECONDS."""
    fd = _lock_handle(folder)
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise ConflictError.say(busy, **values)
            time.sleep(0.05)
        yield
    finally:
        os.close(fd)


def remove_stale_temporaries(root: Path) -> list[Path]:
    """Remove the temporary files of writers that died before their rename (SIGKILL, power loss).

    Called with the root's lock held: no other trygghet command is writing in the root, so
    every `.NAME.yaml.XXXX.tmp` of ours left in it is stale."""
    removed = []
    found = [*root.glob(".*.y*ml.*.tmp")]
    for name in ("agreements", "pledges", "activities"):
        if (root / name).is_dir():
            found.extend((root / name).rglob(".*.y*ml.*.tmp"))
    for entry in found:
        if entry.is_file() and not entry.is_symlink() and _STALE.fullmatch(entry.name):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed
