"""All or none across files, also when the writer is killed between two of them.

A command that changes several files (`new period` writes a pledge set and its activity list)
first records, in a journal beside the data, what every file held before and what it will
hold. The journal goes when the last file is written. A journal found by the next writing
command (under the root's lock) is an edit that was killed half-way: every file that still
holds what that edit wrote is put back as it was, and the journal goes. A file changed by
hand since then is left as it is, and named.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from trygghet_cli.editing import atomic

NAME = ".trygghet-edit-journal.json"


def path_of(root: Path) -> Path:
    return root / NAME


@contextlib.contextmanager
def recorded(root: Path, files: list[tuple[Path, bytes | None, bytes]]) -> Iterator[None]:
    """Keep a journal of (path, bytes before or None for a new file, bytes after) while the
    body writes them; one file needs none (its own write is atomic)."""
    if len(files) < 2:
        yield
        return
    entries = [{"path": os.path.relpath(path, root),
                "before": None if before is None else base64.b64encode(before).decode("ascii"),
                "after": hashlib.sha256(after).hexdigest()} for path, before, after in files]
    body = json.dumps({"files": entries}, ensure_ascii=True).encode("ascii")
    journal = path_of(root)
    if journal.exists():  # only under the root's lock, after recover(): a leftover of ours
        journal.unlink()
    atomic.write_new(journal, body)
    try:
        yield
    except BaseException:
        # Put back whatever is still written (Ctrl-C between two files); a journal that cannot
        # be dealt with now stays for the next writing command.
        with contextlib.suppress(Exception):
            recover(root)
        raise
    journal.unlink()


def recover(root: Path) -> tuple[list[Path], list[Path]]:
    """Put back the files of an edit that was killed half-way: (put back, left as they are)."""
    journal = path_of(root)
    try:
        data: Any = json.loads(journal.read_bytes())
        entries = list(data["files"])
    except FileNotFoundError:
        return [], []
    except (OSError, ValueError, KeyError, TypeError):
        return [], [journal]  # not ours to read: leave it, and say so
    restored: list[Path] = []
    kept: list[Path] = []
    for entry in entries:
        path = root / str(entry["path"])
        outcome = _put_back(path, entry)
        if outcome is not None:
            (restored if outcome else kept).append(path)
    journal.unlink()
    return restored, kept


def _put_back(path: Path, entry: dict[str, Any]) -> bool | None:
    """True when put back, False when the file holds something else now (left alone), None
    when nothing needed doing (the edit never reached it)."""
    try:
        now: bytes | None = path.read_bytes()
    except FileNotFoundError:
        now = None
    before = None if entry["before"] is None else base64.b64decode(entry["before"])
    if now == before:
        return None
    if now is None or hashlib.sha256(now).hexdigest() != entry["after"]:
        return False
    if before is None:
        path.unlink()
    else:
        atomic.write_atomic(path, before, str(entry["after"]))
    return True
