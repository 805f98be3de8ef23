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
    """Replace old lines [first, last) by new lines; first == last inserts before line first.

    `kept` is what the edit means to leave alone on the lines it rewrites: the text before
    the value on its first line and the text after it on its last (a comment, the line break).
    """

    first: int
    last: int
    lines: tuple[str, ...]
    rank: int = 0
    kept: tuple[str, str] = ("", "")


def _in_order(ops: list[LineOp]) -> list[LineOp]:
    return sorted(ops, key=lambda o: (o.first, o.last != o.first, o.rank))


def apply_ops(old: list[str], ops: list[LineOp]) -> list[str]:
    """The new lines after all ops; ops must not overlap (inserts at one place keep rank order)."""
    new: list[str] = []
    cursor = 0
    for op in _in_order(ops):
        if op.first < cursor:
            raise ValueError(f"overlapping edits at line {op.first + 1}")
        new.extend(old[cursor:op.first])
        new.extend(op.lines)
        cursor = op.last
    new.extend(old[cursor:])
    return new


def stray_changes(old_text: str, new_text: str, ops: list[LineOp]) -> list[int]:
    """1-based old line numbers where the new text differs from what the edits meant.

    No diff guesses which lines changed: the edits say it. The new text is walked edit by
    edit; every old line outside an edit must come back byte for byte in its place, each
    edit's lines must come back exactly as written (not merged with a neighbour, not split
    by a stray line break), keep what they meant to keep, and end in the file's line break.
    """
    old, new = split_lines(old_text), split_lines(new_text)
    newline = newline_of(old_text)
    wrong: list[int] = []
    at = 0  # index in new
    cursor = 0  # index in old
    for op in _in_order(ops):
        if op.first < cursor or op.last > len(old):
            return [op.first + 1]
        size = op.first - cursor
        wrong.extend(cursor + i + 1 for i in range(size) if new[at + i: at + i + 1] != [old[cursor + i]])
        at += size
        written = new[at: at + len(op.lines)]
        if written != list(op.lines) or not _keeps(old[op.first:op.last], op) or \
                not _line_breaks(op, newline, at_end=op.last == len(old)):
            wrong.append(op.first + 1)
        at += len(op.lines)
        cursor = op.last
    rest = old[cursor:]
    wrong.extend(cursor + i + 1 for i, line in enumerate(rest) if new[at + i: at + i + 1] != [line])
    if len(new) != at + len(rest) and not wrong:
        wrong.append(len(old))
    return sorted(set(wrong))


def _line_breaks(op: LineOp, newline: str, at_end: bool) -> bool:
    """True when each line an edit writes ends in the file's line break: the last may keep
    the break of the line it replaces, or have none at the very end of the file."""
    if not op.lines:
        return True
    *inner, last = op.lines
    tail = op.kept[1]
    last_ok = ending(last) == newline or (bool(tail) and last.endswith(tail)) or \
        (at_end and not ending(last))
    return all(ending(line) == newline for line in inner) and last_ok


def _keeps(replaced: list[str], op: LineOp) -> bool:
    """True when an edit's lines keep the head and tail of the lines they replace."""
    head, tail = op.kept
    if not (head or tail):
        return True
    return bool(replaced and op.lines) and replaced[0].startswith(head) and \
        op.lines[0].startswith(head) and replaced[-1].endswith(tail) and op.lines[-1].endswith(tail)


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff of two texts for --dry-run, with line breaks shown as plain newlines."""
    old_lines = [body(line) for line in split_lines(old)]
    new_lines = [body(line) for line in split_lines(new)]
    old_name, new_name = (name, name) if name.startswith("/") else (f"a/{name}", f"b/{name}")
    diff = difflib.unified_diff(old_lines, new_lines, old_name, new_name, lineterm="")
    return "\n".join(diff)
