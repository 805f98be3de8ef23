"""Write report files all or nothing, with the same atomic writes as data edits."""

from __future__ import annotations

from pathlib import Path

from trygghet_cli.editing.atomic import sha256, write_atomic, write_new
from trygghet_cli.errors import ReadError


def write_report(path: Path, content: str, force: bool = False, seal: bool = False) -> None:
    """Create or replace path with content (see write_output); `seal` for Markdown and HTML,
    so that the next run knows the file as trygghet's own (destination.sealed)."""
    from trygghet_cli.output.destination import sealed

    write_output(path, (sealed(content) if seal else content).encode("utf-8"), force)


def write_output(path: Path, data: bytes, force: bool = False) -> None:
    """Create or replace a report or export with data; on any failure the old file stays as it
    was. A file that changes on disk while it is being rendered is not overwritten
    (ConflictError). The caller has checked the path (output/destination.py); a table is
    confirmed here, by its header row against the new one."""
    from trygghet_cli.output.destination import confirm, remember

    confirm(path, data, force)
    _replace(path, data)
    remember(path, data)


def _replace(path: Path, data: bytes) -> None:
    if not path.exists():
        write_new(path, data)
        return
    try:
        old = path.read_bytes()
    except OSError as exc:
        raise ReadError.say("io.cannot_read", path=path, reason=exc.strerror or exc) from None
    if old != data:
        write_atomic(path, data, sha256(old))
