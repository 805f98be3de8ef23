"""Where every value, key and end stands in a text the fast path has read: the reference's
event stream (ruamel's C parser), walked for positions alone.

The fast path has already refused anything this walk would have to judge (anchors, aliases,
tags, keys that are not text, duplicate keys, the limits), so it only records, with the
same rules as the reference builder in `document`: a value's start by its JSON path, a key's
start by the path of its value, and the end of every scalar and flow collection. It yields
after each value, so a lookup reads the text only as far as it needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Position = tuple[int, int]
PositionMap = dict[tuple[str | int, ...], Position]


def walk(text: str, positions: PositionMap, key_positions: PositionMap,
         ends: PositionMap) -> Iterator[None]:
    """Fill the three tables from text, yielding after each value placed."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import (
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    # Each open collection: its path, whether it is a mapping, the key waiting for its value
    # (mappings) or the next index (sequences), and whether it is written in flow style.
    stack: list[list[Any]] = []
    for event in YAML(typ="safe").parse(text):
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            mark = event.start_mark
            if not stack:
                path: tuple[str | int, ...] = ()
            else:
                top = stack[-1]
                if not top[1]:
                    path = (*top[0], top[2])
                    top[2] += 1
                elif top[2] is None:
                    top[2] = event.value
                    key_positions[(*top[0], event.value)] = (mark.line + 1, mark.column + 1)
                    continue
                else:
                    path = (*top[0], top[2])
                    top[2] = None
            positions[path] = (mark.line + 1, mark.column + 1)
            if kind is ScalarEvent:
                ends[path] = (event.end_mark.line + 1, event.end_mark.column + 1)
            else:
                mapping = kind is MappingStartEvent
                stack.append([path, mapping, None if mapping else 0, bool(event.flow_style)])
            yield
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            if frame[3]:
                ends[frame[0]] = (event.end_mark.line + 1, event.end_mark.column + 1)
