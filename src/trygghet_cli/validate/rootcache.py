"""A whole root's validate result in the cache, reused while none of the files it read changed.

A warm run reads and hashes each file of a root once, looks up one entry, and is done: no
file is parsed and no check across files runs. The entry's key is a hash of the tool's
fingerprint (cache.py: its version, code, catalog and schemas), today's date (the rules
compare dates with today), the working folder (names are shown relative to it), and every
data file's name as shown, kind and content hash. The shared definitions a root's
trygghet.yaml names lie outside the root: the entry lists them with their hashes, and a
change to any of them makes the entry unusable.

An entry holds the files, the findings and the source lines that the findings' excerpts
show, with personal data starred out; a run that prints no excerpts (--quiet, JSON) stores
none, one that prints no warning in full (all but --verbose) only the errors', and a later
run that needs more checks the root again.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from trygghet_cli.errors import ReadError
from trygghet_cli.findings import Finding, Location, Severity
from trygghet_cli.loading.document import read_bytes
from trygghet_cli.root import config
from trygghet_cli.root.cache import Cache

Excerpts = dict[str, dict[int, str]]


@dataclass(frozen=True, slots=True)
class RootFiles:
    """A root's data files as read once: the cache key of its entry and each file's hash."""

    key: str
    digests: dict[str, tuple[str, str]] = field(default_factory=dict)  # shown -> (kind, hash)
    day: str = ""  # the day the key was made for (the rules compare dates with today)


def files_of(root: Path, store: Cache,
             keep: dict[str, tuple[bytes, str]] | None = None) -> RootFiles | None:
    """Read and hash every data file of the root; None when one cannot be read (not cached).
    `keep` learns each file's bytes and hash (by the name messages show), for the load that
    checks them."""
    day = date.today().isoformat()
    whole = hashlib.sha256(f"{day}\0{os.getcwd()}\0".encode())
    digests = {}
    try:
        paths = config.data_files(root)
    except ReadError:  # reported when the root is checked
        return None
    for path in paths:
        shown = config.display_path(path)
        raw = read_bytes(path, shown)
        if not isinstance(raw, bytes):
            return None
        kind, digest = config.kind_of(root, path) or "-", hashlib.sha256(raw).hexdigest()
        digests[shown] = (kind, digest)
        if keep is not None:
            keep[shown] = (raw, digest)
        whole.update(f"{shown}\0{kind}\0{digest}\0".encode())
    return RootFiles(store.key("root", whole.hexdigest()), digests, day)


def same_day(files: RootFiles) -> bool:
    """Whether today is still the day files' key was made for (a run across midnight is not
    stored: its rules may have compared dates with either day)."""
    return files.day == date.today().isoformat()


def _unchanged(shared: list[tuple[str, str]]) -> bool:
    """Whether every shared file an entry depends on still has the bytes it had."""
    for shown, digest in shared:
        raw = read_bytes(Path(shown), shown)
        if not isinstance(raw, bytes) or hashlib.sha256(raw).hexdigest() != digest:
            return False
    return True


def get(store: Cache, files: RootFiles, excerpts: bool,
        warning_excerpts: bool = True) -> tuple[list[str], list[Finding], Excerpts] | None:
    """The files, findings and excerpt lines stored for the root; None when there is no usable
    entry (none, damaged, a shared file changed, or excerpts needed and not stored: those of
    the errors, and with warning_excerpts those of the warnings too)."""
    stored = store.get(files.key)
    try:
        shared, names, rows, lines, all_lines = stored  # type: ignore[misc]
        missing = lines is None or (warning_excerpts and not all_lines)
        if not _unchanged(shared) or (excerpts and missing and rows):
            return None
        findings = [Finding(code, Severity(severity), Location(path, line, column), message, hint,
                            sv, sv_hint)
                    for path, code, severity, line, column, message, hint, sv, sv_hint in rows]
        return list(names), findings, dict(lines or {})
    except (TypeError, ValueError):
        return None


def put(store: Cache, files: RootFiles, shared: list[tuple[str, str]], names: list[str],
        findings: list[Finding], lines: Excerpts | None, all_lines: bool = True) -> None:
    """Store a root's result; `shared` lists the files outside the root it read, with hashes;
    `all_lines` says whether `lines` holds the warnings' excerpt lines too (or the errors')."""
    rows = [(f.where.path, f.code, f.severity.value, f.where.line, f.where.column, f.message, f.hint,
             f.message_sv, f.hint_sv) for f in findings]
    value: Any = (shared, names, rows, lines, all_lines)
    store.put(files.key, value)
