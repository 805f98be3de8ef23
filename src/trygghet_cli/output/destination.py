"""Where a report or an export may be written: never over a data file, never over a file
trygghet did not write (unless --force), never into a folder that does not exist.

`report -o data/activities/2019.yaml` once replaced an activity list with Markdown, and
`report -o /dev/full` read the device forever before writing. The checks here run before
anything is rendered, so a refused command writes nothing; only a table's header is compared
with the new one just before writing (confirm), still before any byte is written.

A file is trygghet's own by a mark nobody writes by accident: a report's seal (the SHA-256 of
its content, in a closing HTML comment), the iCalendar PRODID, the JSON status header, the
workbook's creator (when nobody else saved it since), or, for a CSV table or a JSON list, the
very header row being written; and any file that is byte for byte what trygghet last wrote
to that path (a digest kept in the user's cache). A footer that says 'med trygghet' is not enough.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import zipfile
from pathlib import Path

from trygghet_cli.errors import ReadError, UsageError
from trygghet_cli.root import config

# Marks that only trygghet writes, near a file's start: the HTML generator tag (with a seal,
# below), the iCalendar PRODID and the JSON status header.
_HEAD_MARKS = (b"PRODID:-//trygghet//",)
_HEAD_SHAPES = (re.compile(rb'^\{\s*"version":\s*\d+,\s*"tool":\s*\{\s*"name":\s*"trygghet"'),)
# A report written as a file ends with a seal: the SHA-256 of everything before it. Nobody
# writes one by accident, and an edit by hand breaks it (the file is then the user's).
_SEAL = b"<!-- trygghet:sha256:"
_SEAL_AT_END = re.compile(rb"<!-- trygghet:sha256:([0-9a-f]{64}) -->\r?\n?\Z")
_PEEK = 4096


def sealed(text: str) -> str:
    """A Markdown or HTML report with its seal (an HTML comment, which neither shows)."""
    body = text if text.endswith("\n") else text + "\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return f"{body}{_SEAL.decode()}{digest} -->\n"


def _seal_holds(path: Path, size: int, tail: bytes) -> bool:
    found = _SEAL_AT_END.search(tail)
    if found is None or size > 64 * 1024 * 1024:
        return False
    with open(path, "rb") as handle:
        body = handle.read(size - (len(tail) - found.start()))
    return hashlib.sha256(body).hexdigest() == found.group(1).decode()


def _ends(path: Path) -> tuple[bytes, bytes, int]:
    try:
        with open(path, "rb") as handle:
            head = handle.read(_PEEK)
            size = os.fstat(handle.fileno()).st_size
            handle.seek(max(0, size - _PEEK))
            tail = handle.read(_PEEK)
    except OSError as exc:
        raise ReadError.say("io.cannot_read", path=config.display_path(path),
                            reason=exc.strerror or exc) from None
    return head, tail, size


def _record(path: Path) -> Path:
    """Where the digest of what trygghet last wrote to path is kept (the user's cache)."""
    from trygghet_cli.root.cache import ENV_DIR, user_cache_dir

    folder = Path(os.environ.get(ENV_DIR) or user_cache_dir()) / "written"
    return folder / hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:40]


def remember(path: Path, data: bytes) -> None:
    """Note what was written to path (best effort: a read-only cache only costs a --force)."""
    record = _record(path)
    with contextlib.suppress(OSError):
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(hashlib.sha256(data).hexdigest(), encoding="ascii")


def _as_remembered(path: Path) -> bool:
    try:
        expected = _record(path).read_text(encoding="ascii").strip()
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest() == expected
    except (OSError, ValueError):
        return False


def _written_by_trygghet(path: Path) -> bool:
    """Whether a regular file carries a mark only trygghet writes, is exactly what trygghet
    last wrote there (its record), or is empty."""
    head, tail, size = _ends(path)
    if not head.strip() or _as_remembered(path):
        return True
    if any(mark in head for mark in _HEAD_MARKS) or any(s.match(head) for s in _HEAD_SHAPES):
        return True
    if _seal_holds(path, size, tail):
        return True
    return head.startswith(b"PK") and _trygghet_workbook(path)


def _table_header(data: bytes) -> tuple[str, ...] | None:
    """The column names of a CSV table or a JSON list of records, from its first lines."""
    text = data[:_PEEK].decode("utf-8", "replace").lstrip("\ufeff")
    if text.startswith("["):
        first = text.split("}", 1)[0]
        keys = tuple(re.findall(r'^\s*"([^"\n]+)":', first, re.MULTILINE))
        return ("json", *keys) if keys else None
    line = text.splitlines()[0] if text.strip() else ""
    cells = re.split(r"[,;\t]", line)
    return ("csv", line) if len(cells) >= 3 and all(c.strip() for c in cells) else None


def _looks_like_a_table(path: Path) -> bool:
    return _table_header(_ends(path)[0]) is not None


def confirm(path: Path, data: bytes, force: bool) -> None:
    """Just before writing: a table that check() let pass by its shape is replaced only when
    its header row (its records' keys) is exactly the one being written. A file of the user's
    that merely starts with `id;` is not trygghet's."""
    if force or not path.is_file() or _written_by_trygghet(path):
        return
    old = _table_header(_ends(path)[0])
    if old is None or old != _table_header(data):
        raise UsageError.say("output.foreign_file", path=config.display_path(path))


def _trygghet_workbook(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as book:
            core = book.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    saved_by = re.search(rb"<cp:lastModifiedBy>([^<]*)</cp:lastModifiedBy>", core)
    return b"<dc:creator>trygghet</dc:creator>" in core and \
        (saved_by is None or saved_by.group(1) in {b"", b"trygghet"})


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
    if not force and not _written_by_trygghet(path) and not _looks_like_a_table(path):
        raise UsageError.say("output.foreign_file", path=shown)


def parse(text: str | None) -> Path | None:
    """The -o value as a path; an empty value is a usage error, not the working folder."""
    if text is None:
        return None
    if not text.strip():
        raise UsageError.say("output.needs_name")
    return Path(text)
