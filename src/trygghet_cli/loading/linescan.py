"""Where a value or key stands in a block-style text the fast path read, found from its lines.

A finding needs the position of one value (an activity's id, a pledge's target); the event
walk (positions.py) finds it by reading every event before it in Python. In a text whose
structure shows in its lines, the value is found with a few searches instead: the top-level
key's line, then the entry lines of its list at their column, then the key's line inside
the entry, each a regular-expression search over a known range of the text.

That reading is exact only because of what YAML's block style guarantees and the fast path
has already checked (no tabs, anchors, tags, aliases, explicit keys, directives, document
markers or backslashes; no duplicate keys; keys are text). Inside a block mapping whose keys
stand at column c, every other line that starts at column c is a comment or an entry of a
list that is the value of one of its keys (written without indentation): a block scalar's
lines, a plain scalar's further lines and every nested collection stand further right, and
the first line further left (that is no comment) ends the mapping. The same holds for a
block list's entries. Two things can break a line's meaning and are refused here: a quoted
scalar that goes on over a line break (its later lines may start anywhere) and a flow
collection ([...] or {...}) that does; so is a text with a carriage return. A null value
(its position is that of an empty node) and whatever stands inside a flow collection are
left to the walk too: this module answers None wherever it is not sure, and the event walk
answers instead. tests/unit/test_fast_placements.py holds its every answer to the walk's.
"""

from __future__ import annotations

import functools
import re
from typing import Any

Position = tuple[int, int]
JsonPath = tuple[str | int, ...]

# Quotes, and a quoted scalar that closes on its line (the fast path has refused backslashes).
_CLOSED = {"'": re.compile(r"'(?:[^'\n]|'')*'"), '"': re.compile(r'"[^"\n]*"')}
# A flow collection that does not close on its line, or holds another (wherever it stands:
# one in plain text or a comment only makes the scan step aside for nothing). One search for
# each bracket: the engine finds a literal first character far faster than a class.
_OPEN_FLOWS = (re.compile(r"\[(?![^\[\]{}\n]*[\]}])"), re.compile(r"\{(?![^\[\]{}\n]*[\]}])"))
_CONTENT = re.compile(r"(?m)^ *[^ \n#]")  # the first line that is neither blank nor a comment


class _Node:
    """A node of the text: where it starts (an offset), its column, and where the text that
    can belong to it ends (the start of the line that ends its parent's entry or mapping)."""

    __slots__ = ("column", "end", "start")

    def __init__(self, start: int, column: int, end: int) -> None:
        self.start, self.column, self.end = start, column, end


@functools.lru_cache(maxsize=512)
def _key_line(key: str, column: int) -> re.Pattern[str]:
    """A line of a block mapping whose keys stand at column that holds key, plain or quoted."""
    forms = [re.escape(key), "'" + re.escape(key.replace("'", "''")) + "'", '"' + re.escape(key) + '"']
    return re.compile(f"\\n {{{column}}}(?:{'|'.join(forms)}) *:(?=[ \\n]|\\Z)")


@functools.lru_cache(maxsize=512)
def _key_here(key: str) -> re.Pattern[str]:
    forms = [re.escape(key), "'" + re.escape(key.replace("'", "''")) + "'", '"' + re.escape(key) + '"']
    return re.compile(f"(?:{'|'.join(forms)}) *:(?=[ \\n]|\\Z)")


@functools.lru_cache(maxsize=128)
def _mapping_end(column: int) -> re.Pattern[str]:
    """The first line further left than column that is neither blank nor a comment."""
    return re.compile(f"\\n {{0,{column - 1}}}[^ \\n#]")


@functools.lru_cache(maxsize=128)
def _entries(column: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A list's entry lines at column, and the first line that ends the list (further left,
    or at its column and no entry; blank lines and comments end nothing)."""
    entry = re.compile(f"\\n {{{column}}}-(?=[ \\n]|\\Z)")
    left = f" {{0,{column - 1}}}[^ \\n#]|" if column else ""
    end = re.compile(f"\\n(?:{left} {{{column}}}(?!-(?:[ \\n]|\\Z))[^ \\n#])")
    return entry, end


class LineScan:
    """Finds positions in one text by its lines; None wherever it is not sure."""

    __slots__ = ("_counted", "_lists", "_nodes", "_text", "usable")

    def __init__(self, text: str) -> None:
        self._text = text
        self.usable = not ("\r" in text or "\\" in text or _open_quote(text)
                           or any(flow.search(text) for flow in _OPEN_FLOWS))
        self._nodes: dict[JsonPath, _Node | None] = {}
        self._lists: dict[JsonPath, list[int] | None] = {}
        self._counted = (0, 1)  # an offset at a line's start and that line's number

    def where(self, data: Any, path: JsonPath, key: bool) -> Position | None:
        """The position Document.where gives for path: of the key (when key and path ends in a
        mapping's key), else of the value at path or of its nearest parent that exists."""
        if not self.usable:
            return None
        probe, value = _existing(data, path)
        if key and path and probe == path and isinstance(path[-1], str):
            parent = self._node(data, path[:-1])
            found = None if parent is None else self._key(parent, path[-1])
            return None if found is None else self._position(found[0])
        if value is None:  # an empty node stands where the walk says; not decided here
            return None
        node = self._node(data, probe)
        return None if node is None else self._position(node.start)

    def _position(self, offset: int) -> Position:
        text = self._text
        line_start = text.rfind("\n", 0, offset) + 1
        known, number = self._counted
        if line_start < known:
            known, number = 0, 1
        number += text.count("\n", known, line_start)
        self._counted = (line_start, number)
        return number, offset - line_start + 1

    def _node(self, data: Any, path: JsonPath) -> _Node | None:
        if path in self._nodes:
            return self._nodes[path]
        if not path:
            found = _CONTENT.search(self._text)
            node = None if found is None else self._node_at(found.end() - 1, len(self._text))
        else:
            node = self._child(data, path)
        self._nodes[path] = node
        return node

    def _child(self, data: Any, path: JsonPath) -> _Node | None:
        parent = self._node(data, path[:-1])
        if parent is None or self._text[parent.start] in "[{":  # inside a flow collection: not here
            return None
        step, holder = path[-1], _existing(data, path[:-1])[1]
        if isinstance(holder, dict):
            found = self._key(parent, str(step))
            return None if found is None else self._value_node(found[1], parent.end)
        entries = self._list_entries(path[:-1], parent, len(holder))
        if entries is None or not isinstance(step, int):
            return None
        end = entries[step + 1] if step + 1 < len(entries) else self._list_end(parent)
        return self._value_node(entries[step] + 1, end)

    def _value_node(self, after: int, end: int) -> _Node | None:
        """The node after an indicator (':' of a key or '-' of an entry) that ends at after:
        on its line, or on the next line that is neither blank nor a comment (before end)."""
        text = self._text
        start = after
        while start < len(text) and text[start] == " ":
            start += 1
        if start >= len(text) or text[start] in "\n#":
            found = _CONTENT.search(text, start)
            if found is None:
                return None
            start = found.end() - 1
        return self._node_at(start, end) if start < end else None

    def _node_at(self, start: int, end: int) -> _Node:
        column = _column(self._text, start)
        ends = _mapping_end(column).search(self._text, start, end) if column else None
        return _Node(start, column, ends.start() if ends else end)

    def _key(self, mapping: _Node, key: str) -> tuple[int, int] | None:
        """Where key stands among the keys of the block mapping at mapping (exactly once), and
        where its ':' ends."""
        text = self._text
        if text[mapping.start] in "[{":
            return None
        hits = []
        first = _key_here(key).match(text, mapping.start)
        if first:
            hits.append((mapping.start, first.end()))
        hits.extend((m.start() + 1 + mapping.column, m.end()) for m in
                    _key_line(key, mapping.column).finditer(text, mapping.start, mapping.end))
        return hits[0] if len(hits) == 1 else None

    def _list_entries(self, path: JsonPath, node: _Node, size: int) -> list[int] | None:
        """The offsets of the '-' of each entry of the block list at node (as many as the data
        holds, or None)."""
        if path in self._lists:
            return self._lists[path]
        text = self._text
        entries: list[int] | None = None
        at_line_start = text[text.rfind("\n", 0, node.start) + 1:node.start].strip(" ") == ""
        if text[node.start] == "-" and at_line_start:
            entry, _ = _entries(node.column)
            lines = entry.finditer(text, node.start, self._list_end(node))
            found = [node.start, *(line.end() - 1 for line in lines)]
            entries = found if len(found) == size else None
        self._lists[path] = entries
        return entries

    def _list_end(self, node: _Node) -> int:
        _, end = _entries(node.column)
        found = end.search(self._text, node.start, node.end)
        return found.start() if found else node.end


def _open_quote(text: str) -> bool:
    """Whether a quoted scalar goes on over a line break: a quote where a node can start (at a
    line's start, or after '- ', ': ' or '? ' and spaces) that does not close on its line.
    Quotes elsewhere lie inside plain text or comments (or are taken for such a start: that
    only makes the scan step aside for nothing)."""
    at, single, double = 0, text.find("'"), text.find('"')
    while single >= 0 or double >= 0:
        start = double if single < 0 or 0 <= double < single else single
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start].rstrip(" ")
        if not before or (before[-1] in "-:?" and line_start + len(before) < start):
            closed = _CLOSED[text[start]].match(text, start)
            if closed is None:
                return True
            at = closed.end()
        else:
            at = start + 1
        if single < at:
            single = text.find("'", at)
        if double < at:
            double = text.find('"', at)
    return False


def _column(text: str, offset: int) -> int:
    return offset - text.rfind("\n", 0, offset) - 1


def _existing(data: Any, path: JsonPath) -> tuple[JsonPath, Any]:
    """The longest part of path that leads to a value in data, and that value."""
    value = data
    for depth, step in enumerate(path):
        in_mapping = isinstance(value, dict) and isinstance(step, str) and step in value
        if not in_mapping and not (isinstance(value, list) and isinstance(step, int)
                                   and 0 <= step < len(value)):
            return path[:depth], value
        value = value[step]
    return path, value


