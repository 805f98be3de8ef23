"""Helpers for the editing tests: a data file with a BOM, CRLF and comments, and byte-level diffs."""

from __future__ import annotations

import difflib
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
COMMENTED = FIXTURES / "editing" / "commented.activities.yaml"
BOM = b"\xef\xbb\xbf"


def write_crlf_bom(target: Path, source: Path = COMMENTED) -> bytes:
    """Write source to target with a UTF-8 BOM and CRLF line breaks; the bytes written."""
    text = source.read_text(encoding="utf-8").replace("\n", "\r\n")
    content = BOM + text.encode("utf-8")
    target.write_bytes(content)
    return content


def line_changes(old: bytes, new: bytes) -> tuple[list[bytes], list[bytes]]:
    """The lines (with their line breaks) a diff shows removed and added."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    removed: list[bytes] = []
    added: list[bytes] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed.extend(old_lines[i1:i2])
            added.extend(new_lines[j1:j2])
    return removed, added


def crlf(*lines: str) -> list[bytes]:
    """Expected lines, each ending in CRLF."""
    return [(line + "\r\n").encode("utf-8") for line in lines]
