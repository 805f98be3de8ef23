"""A diff as text for the terminal: 80 columns, readable without colour, colour optional."""

from __future__ import annotations

import textwrap

from trygghet_cli import i18n
from trygghet_cli.diff import Diff, EntityChange, view
from trygghet_cli.diff.plaindiff import FieldChange

WIDTH = 80
MARKS = {"added": "+", "removed": "-", "changed": "~"}
COLOURS = {"+": "\x1b[32m", "-": "\x1b[31m", "~": "\x1b[33m"}
RESET = "\x1b[0m"


_PLAIN_SPACE = {"\t", "\n", "\x0b", "\x0c", "\r"}


def _wrap(text: str, indent: int, hang: int = 4) -> list[str]:
    if (text and len(text) + indent <= WIDTH and not text[0].isspace() and not text[-1].isspace()
            and not _PLAIN_SPACE.intersection(text)):
        return [" " * indent + text]  # what textwrap gives a line that fits, without its cost
    return textwrap.wrap(text, WIDTH, initial_indent=" " * indent,
                         subsequent_indent=" " * (indent + hang), break_long_words=False,
                         break_on_hyphens=False) or [" " * indent]


def _words(change: FieldChange) -> str:
    parts = []
    for w in change.words:
        parts.append(w.text if w.op == "=" else f"[-{w.text}-]" if w.op == "-" else f"{{+{w.text}+}}")
    return " ".join(parts)


def field_lines(change: FieldChange, lang: str, indent: int) -> list[str]:
    """One changed field: `name: old → new`, a word diff, or the entries added and removed."""
    name = view.field_label(change.field, lang)
    if view.is_hidden(change):
        return _wrap(f"{name}: {i18n.label('diff.hidden', lang)}", indent)
    if change.added or change.removed:
        lines = _wrap(f"{name}:", indent)
        for mark, items in (("+", change.added), ("-", change.removed)):
            for item in items:
                lines += _wrap(f"{mark} {view.value(item, lang, change.field)}", indent + 2)
        return lines
    if view.wants_words(change):
        return _wrap(f"{name}: {_words(change)}", indent)
    old = view.value(change.old, lang, change.field)
    new = view.value(change.new, lang, change.field)
    if len(old) + len(new) + len(name) < 60:
        return _wrap(f"{name}: {old} → {new}", indent)
    lines = _wrap(f"{name}:", indent)
    for mark, raw, shown in (("-", change.old, old), ("+", change.new, new)):
        if raw is not None:
            lines += _wrap(f"{mark} {shown}", indent + 2)
    return lines


def change_lines(change: EntityChange, lang: str, indent: int) -> list[str]:
    mark = MARKS[change.change.value]
    lines = _wrap(f"{mark} {view.entity_line(change, lang)}", indent)
    for field in change.fields:
        lines += field_lines(field, lang, indent + 4)
    return lines


def _paint(line: str) -> str:
    stripped = line.lstrip()
    colour = COLOURS.get(stripped[:1]) if stripped[1:2] == " " else None
    return f"{colour}{line}{RESET}" if colour else line


def render(diff: Diff, lang: str, color: bool = False) -> str:
    """The whole diff: title, summary line, then each agreement or pledge set in turn."""
    lines = [*_wrap(i18n.label("diff.title", lang, old=diff.old_label, new=diff.new_label), 0),
             view.summary(diff, lang)]
    for section in view.sections(diff, lang):
        heading = _wrap(section.heading, 0)
        lines += ["", *heading, "=" * max(len(line) for line in heading)]
        for block in section.blocks:
            indent = 0
            if block.heading:
                lines += ["", *_wrap(block.heading, 0)]
                indent = 2
            for change in block.changes:
                lines += change_lines(change, lang, indent)
    lines += _problem_lines(diff, lang)
    return "\n".join(_paint(line) for line in lines) if color else "\n".join(lines)


def _problem_lines(diff: Diff, lang: str) -> list[str]:
    lines: list[str] = []
    if diff.skipped:
        lines += ["", i18n.label("diff.skipped", lang) + ":"]
        lines += [line for name in diff.skipped for line in _wrap(f"- {name}", 2)]
    if diff.problems:
        lines += ["", i18n.label("diff.problems", lang) + ":"]
        for _side, f in diff.problems:
            lines += _wrap(f"{f.where}: {f.code} {f.message}", 2)
    return lines
