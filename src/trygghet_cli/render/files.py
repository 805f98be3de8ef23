"""Write report files all or nothing, with the same atomic writes as data edits."""

from __future__ import annotations

from pathlib import Path

from trygghet_cli.editing.atomic import sha256, write_atomic, write_new
from trygghet_cli.errors import ReadError


def write_report(path: Path, content: str) -> None:
    """Create or replace path with content (see write_output)."""
    write_output(path, content.encode("utf-8"))


def write_output(path: Path, data: bytes) -> None:
    """Create or replace a report or export with data; on any failure the old file stays as it
    was. A file that changes on disk while it is being rendered is not overwritten
    (ConflictError). The caller has checked the path (output/destination.py)."""
    if not path.exists():
        write_new(path, data)
        return
    try:
        old = path.read_bytes()
    except OSError as exc:
        raise ReadError.say("io.cannot_read", path=path, reason=exc.strerror or exc) from None
    if old != data:
        write_atomic(path, data, sha256(old))
