"""Minimal-change edits: replace a scalar's text, insert or delete key lines, append list items.

Nothing is re-dumped. The loader's positions say where each value starts and
ends, so an edit rewrites only those characters or inserts whole lines with the
indentation of their siblings; the BOM, the line breaks, comments, quoting and
every other byte stay as they were. A round trip through ruamel would change
quotes, folding, `~` and the BOM (RELIABILITY.md W8).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from trygghet_cli.editing import lines as ln
from trygghet_cli.editing.emit import Layout, entry_lines, sequence_lines
from trygghet_cli.editing.scalars import Scalar, render_like
from trygghet_cli.editing.schema_order import key_order, rank
from trygghet_cli.errors import UsageError
from trygghet_cli.loading import Document, JsonPath


@dataclass(frozen=True, slots=True)
class EditResult:
    """The new text of a document, what its data must read back as, and the line edits made."""

    text: str
    expected: Any
    ops: list[ln.LineOp]
    old_lines: list[str]
    new_lines: list[str]


def get(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data[step]
    return data


class Editor:
    """Collects edits to one loaded document and produces its new text."""

    def __init__(self, doc: Document, kind: str) -> None:
        self.doc = doc
        self.kind = kind
        self.lines = ln.split_lines(doc.text)
        self.layout = layout_of(doc, self.lines)
        self.expected = copy.deepcopy(doc.data)
        self.ops: list[ln.LineOp] = []
        # Lists this editor created (their key was missing), with the line op that writes them:
        # a later append rewrites that op, so the key is written once with every item.
        self._created: dict[JsonPath, tuple[list[dict[str, Any]], ln.LineOp]] = {}

    # -- public operations -------------------------------------------------
    def set(self, path: JsonPath, value: Any) -> None:
        """Set the value at path: rewrite its scalar, or insert the key in schema order."""
        if path in self.doc.positions:
            if isinstance(get(self.doc.data, path), dict | list) or isinstance(value, dict | list):
                raise UsageError.say("edit.rt_replace", where=self._where(path), name=_key(path))
            self._replace(path, value)
        else:
            self._insert_key(path, value)
        get(self.expected, path[:-1])[path[-1]] = value

    def delete(self, path: JsonPath) -> None:
        """Delete a key and its whole value (its lines) from a block mapping."""
        line, column = self.doc.key_positions[path]
        if self.lines[line - 1][: column - 1].strip():
            raise UsageError.say("edit.rt_first_key", where=f"{self.doc.path}:{line}", name=_key(path))
        self.ops.append(ln.LineOp(line - 1, self._end_line(path) + 1, ()))
        del get(self.expected, path[:-1])[path[-1]]

    def replace_block(self, path: JsonPath, value: Any) -> None:
        """Replace a key's list or mapping value: its lines go, new ones in the file's layout
        take their place."""
        self.delete(path)
        self._insert_key(path, value)
        get(self.expected, path[:-1])[path[-1]] = value

    def append(self, seq_path: JsonPath, item: dict[str, Any]) -> None:
        """Append a mapping to the list at seq_path: after its last item in a block list; an
        empty list (`[]`) or one written on one line is written again as a block list; a
        missing key is added."""
        if seq_path not in self.doc.positions:
            items, op = self._created.get(seq_path, ([], None))
            if op is not None:
                self.ops.remove(op)
            items = [*items, item]
            self._insert_key(seq_path, items)
            self._created[seq_path] = (items, self.ops[-1])
            get(self.expected, seq_path[:-1])[seq_path[-1]] = copy.deepcopy(items)
            return
        items = get(self.doc.data, seq_path)
        if not items or self._char_at(seq_path) == "[":
            # `outcomes: []` or a list on one line: its lines give way to a block list
            self.replace_block(seq_path, [*items, item])
            return
        last = (*seq_path, len(items) - 1)
        dash = self.doc.positions[seq_path][1] - 1
        layout = self._layout_like(last)
        new = sequence_lines([item], dash, layout)
        self._insert_after(last, new, 0)
        get(self.expected, seq_path).append(item)

    def result(self) -> EditResult:
        new_lines = ln.apply_ops(self.lines, self.ops)
        return EditResult("".join(new_lines), self.expected, list(self.ops), self.lines, new_lines)

    # -- helpers -----------------------------------------------------------
    def _char_at(self, path: JsonPath) -> str:
        line, column = self.doc.positions[path]
        text = self.lines[line - 1]
        return text[column - 1] if column - 1 < len(text) else ""

    def _replace(self, path: JsonPath, value: Scalar) -> None:
        (line, column), (end_line, end_column) = self.doc.positions[path], self.doc.ends[path]
        first = line - 1
        block = self._char_at(path) in ("|", ">")
        last, stop = self._content_end(end_line, end_column, first)
        start_text = self.lines[first]
        old_text = start_text[column - 1:] if last > first else start_text[column - 1:stop]
        prefix = start_text[: column - 1]
        suffix = kept = self.lines[last][stop:]
        if block:  # keep a comment after the block indicator (`reason: >-  # why`)
            comment = re.search(r"\s+#.*", ln.body(start_text)[column - 1:])
            kept = ln.ending(self.lines[last])
            suffix = (comment.group() if comment else "") + kept
        new_line = prefix + render_like(old_text, value) + suffix
        self.ops.append(ln.LineOp(first, last + 1, (new_line,), kept=(prefix, kept)))

    def _content_end(self, end_line: int, end_column: int, first: int) -> tuple[int, int]:
        """The 0-based last line of a value and the index just past its last character there."""
        last, stop = end_line - 1, end_column - 1
        if last >= len(self.lines):
            last = len(self.lines) - 1
            stop = len(ln.body(self.lines[last]))
        while last > first and (stop == 0 or not self.lines[last][:stop].strip()):
            last -= 1
            stop = len(ln.body(self.lines[last]))
        return last, stop

    def _end_line(self, path: JsonPath) -> int:
        """The 0-based line where the value at path (with everything nested in it) ends."""
        size = len(path)
        ends = [end for p, end in self.doc.ends.items() if p[:size] == path]
        if not ends:
            return self.doc.key_positions.get(path, self.doc.positions[path])[0] - 1
        end_line, end_column = max(ends)
        start = self.doc.positions.get(path, (end_line, 1))[0] - 1
        return self._content_end(end_line, end_column, start)[0]

    def _where(self, path: JsonPath) -> str:
        """file:line of the value at path (the file alone when it has no position)."""
        line = self.doc.positions.get(path, (0, 0))[0]
        return f"{self.doc.path}:{line}" if line else str(self.doc.path)

    def _insert_key(self, path: JsonPath, value: Any) -> None:
        parent, key = path[:-1], path[-1]
        if not isinstance(key, str) or not isinstance(get(self.doc.data, parent), dict):
            raise UsageError.say("edit.rt_no_mapping", where=self._where(parent), name=key)
        siblings = list(get(self.doc.data, parent))
        if not siblings or self._char_at(parent) == "{":
            raise UsageError.say("edit.rt_flow_mapping", where=self._where(parent), name=key)
        order = key_order(self.kind, parent)
        wanted = rank(order, key)
        before = [k for k in siblings if rank(order, k) < wanted]
        anchor = max(before, key=lambda k: rank(order, k)) if before else siblings[-1]
        column = self.doc.key_positions[(*parent, anchor)][1] - 1
        layout = self._layout_like((*parent, anchor))
        self._insert_after((*parent, anchor), entry_lines(key, value, column, layout), wanted)

    def _insert_after(self, path: JsonPath, new: list[str], order: int) -> None:
        at = self._end_line(path) + 1
        if at == len(self.lines) and not ln.ending(self.lines[-1]):
            last = self.lines[-1] + self.layout.newline
            self.ops.append(ln.LineOp(at - 1, at, (last, *new), order))
            return
        self.ops.append(ln.LineOp(at, at, tuple(new), order))

    def _layout_like(self, sibling: JsonPath) -> Layout:
        """The file's layout, with lists written in flow style where the sibling does so."""
        value = get(self.doc.data, sibling)
        flow = set(self.layout.flow_keys)
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, list) and inner and self._char_at((*sibling, key)) == "[":
                    flow.add(key)
        return Layout(self.layout.newline, self.layout.mapping_indent, self.layout.sequence_offset,
                      frozenset(flow))


def layout_of(doc: Document, lines: list[str]) -> Layout:
    """Indentation steps learnt from the first nested mapping and block list in the file."""
    mapping_indent, sequence_offset = 2, 2
    for path, (_line, column) in doc.key_positions.items():
        parent = path[:-1]
        if parent and isinstance(parent[-1], str) and parent in doc.key_positions:
            mapping_indent = column - doc.key_positions[parent][1]
            break
    for path, (line, column) in doc.positions.items():
        if path and isinstance(path[-1], str) and isinstance(get(doc.data, path), list):
            text = lines[line - 1]
            if column - 1 < len(text) and text[column - 1] == "-":
                sequence_offset = column - doc.key_positions[path][1]
                break
    return Layout(ln.newline_of(doc.text), max(mapping_indent, 1), max(sequence_offset, 0))


def _key(path: JsonPath) -> str:
    """The name of the nearest key on the path, as the file writes it ('outcomes')."""
    return next((str(p) for p in reversed(path) if isinstance(p, str)), "")
