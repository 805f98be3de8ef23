"""Where a report or an export may be written: never over a data file, never over a file
trygghet did not write (unless --force), never into a folder that does not exist.

`report -o data/activities/2019.yaml` once replaced an activity list with Markdown, and
`report -o /dev/full` read the device forever before writing. The checks here run before
anything is rendered, so a refused command writes nothing.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

from trygghet_cli.errors import ReadError, UsageError
from trygghet_cli.root import config

# What trygghet puts into each kind of file it writes, near its start or its end.
_HEAD_MARKS = (b'<meta name="generator" content="trygghet">', b"PRODID:-//trygghet//")
_HEAD_SHAPES = (re.compile(rb"^(\xef\xbb\xbf)?period[,;\t]id[,;\t]"),  # export csv (before 'kommun')
                re.compile(rb"^(\xef\xbb\xbf)?(kommun|municipality)[,;\t]period[,;\t]"),  # export csv
                re.compile(rb'^\[\s*(\]|\{\s*"(period|municipality)":)'),  # export json
                re.compile(rb"^(\xef\xbb\xbf)?(id|period)[,;\t]"),  # status csv
                re.compile(rb'^\{\s*"version":\s*\d+,\s*"tool":\s*\{\s*"name":\s*"trygghet"'))
_TAIL_MARKS = (b"med trygghet", b"with trygghet")
_PEEK = 4096


def _written_by_trygghet(path: Path) -> bool:
    """Whether a regular file looks like one of trygghet's reports or exports (or is empty)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_PEEK)
            size = os.fstat(handle.fileno()).st_size
            handle.seek(max(0, size - _PEEK))
            tail = handle.read(_PEEK)
    except OSError as exc:
        raise ReadError.say("io.cannot_read", path=config.display_path(path),
                            reason=exc.strerror or exc) from None
    if not head.strip():
        return True
    if any(mark in head for mark in _HEAD_MARKS) or any(s.match(head) for s in _HEAD_SHAPES):
        return True
    if any(mark in tail for mark in _TAIL_MARKS):
        return True
    return head.startswith(b"PK") and _trygghet_workbook(path)


def _trygghet_workbook(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as book:
            core = book.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    return b"<dc:creator>trygghet</dc:creator>" in core


def _data_file(root: Path, path: Path) -> bool:
    """Whether path is (or would become) the root's config or one of its data files."""
    real = Path(os.path.realpath(path))
    base = root.resolve()
    if real == base / config.CONFIG_NAME:
        return True
    try:
        relative = real.relative_to(base)
    except ValueError:
        return False
    return config.kind_of_relative(relative.as_posix()) is not None and real.suffix in {".yaml", ".yml"}


def check(path: Path, root: Path, force: bool) -> None:
    """Refuse an output path that would destroy something; raise UsageError (exit 2), or
    ReadError (exit 3) for a target that is not a regular file."""
    shown = config.display_path(path)
    if path.suffix.lower() in {".yaml", ".yml"} or _data_file(root, path):
        raise UsageError.say("output.data_file", path=shown)
    if not path.parent.is_dir():
        raise UsageError.say("output.no_folder", path=shown, folder=config.display_path(path.parent))
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReadError.say("io.cannot_read", path=shown, reason=exc.strerror or exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadError.say("output.not_regular", path=shown)
    if not force and not _written_by_trygghet(path):
        raise UsageError.say("output.foreign_file", path=shown)


def parse(text: str | None) -> Path | None:
    """The -o value as a path; an empty value is a usage error, not the working folder."""
    if text is None:
        return None
    if not text.strip():
        raise UsageError.say("output.needs_name")
    return Path(text)
