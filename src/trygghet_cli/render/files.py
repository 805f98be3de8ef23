"""Write report files all or nothing: a temporary file in the same folder, then os.replace."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from trygghet_cli.errors import ReadError


def write_atomic(path: Path, content: str) -> None:
    """Replace (or create) path with content; on any failure the old file is left as it was."""
    target = Path(os.path.realpath(path))
    folder = target.parent
    if not folder.is_dir():
        raise ReadError(f"{path}: folder {folder} does not exist", "create it first")
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise ReadError(f"{path}: cannot write: {exc.strerror}", "check the folder's permissions") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8"))
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ReadError(f"{path}: cannot write: {exc.strerror}", "check free space and permissions") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
