"""Text as lines the way YAML counts them, whole-line edits, and the check that only they changed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# The line breaks ruamel's reader counts (NEL never gets this far: the loader refuses C1 controls).
_BREAK = re.compile("\r\n|\r|\n|\u2028|\u2029")


def split_lines(text: str) -> list[str]:
    """Lines with their line breaks kept; index i is the loader's line i + 1."""
    lines: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        lines.append(text[start:match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def newline_of(text: str) -> str:
    """The file's line break style: the first break in it, LF when there is none."""
    match = _BREAK.search(text)
    return match.group() if match else "\n"


def body(line: str) -> str:
    """A line without its line break."""
    match = _BREAK.search(line)
    return line[: match.start()] if match else line


def ending(line: str) -> str:
    """A line's line break ('' for a last line without one)."""
    return line[len(body(line)):]


@dataclass(frozen=True, slots=True)
class LineOp:
    """Replace old lines [first, last) by new lines; first == last inserts before line first."""

    first: int
    last: int
    lines: tuple[str, ...]
    rank: int = 0


def apply_ops(old: list[str], ops: list[LineOp]) -> list[str]:
    """The new lines after all ops; ops must not overlap (inserts at one place keep rank order)."""
    new: list[str] = []
    cursor = 0
    for op in sorted(ops, key=lambda o: (o.first, o.last != o.first, o.rank)):
        if op.first < cursor:
            raise ValueError(f"overlapping edits at line {op.first + 1}")
        new.extend(old[cursor:op.first])
        new.extend(op.lines)
        cursor = op.last
    new.extend(old[cursor:])
    return new


def unexpected_changes(old: list[str], new: list[str], ops: list[LineOp]) -> list[int]:
    """1-based old line numbers that a line diff shows changed although no op meant to touch them."""
    touched: set[int] = set()
    places: set[int] = set()
    for op in ops:
        touched.update(range(op.first, op.last))
        places.update(range(op.first, op.last + 1))
    wrong: list[int] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 == i2:
            if i1 not in places:
                wrong.append(i1 + 1)
            continue
        wrong.extend(i + 1 for i in range(i1, i2) if i not in touched)
    return wrong


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff of two texts for --dry-run, with line breaks shown as plain newlines."""
    old_lines = [body(line) for line in split_lines(old)]
    new_lines = [body(line) for line in split_lines(new)]
    old_name, new_name = (name, name) if name.startswith("/") else (f"a/{name}", f"b/{name}")
    diff = difflib.unified_diff(old_lines, new_lines, old_name, new_name, lineterm="")
    return "\n".join(diff)
