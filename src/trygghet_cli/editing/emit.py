"""Write new blocks of YAML (a key, a list item, a whole activity) in the file's own layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trygghet_cli.editing.scalars import render


@dataclass(frozen=True, slots=True)
class Layout:
    """How the file lays out nested blocks, learnt from what is already in it."""

    newline: str = "\n"
    mapping_indent: int = 2
    sequence_offset: int = 2  # columns from a key to the '-' of its block list
    flow_keys: frozenset[str] = field(default_factory=frozenset)  # lists written [a, b]


def _is_scalar_list(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(v, dict | list) for v in value)


def _flow(items: list[Any]) -> str:
    return "[" + ", ".join(render(v, flow=True) for v in items) + "]"


def mapping_lines(data: dict[str, Any], column: int, layout: Layout, dash: int | None = None) -> list[str]:
    """Lines for a block mapping whose keys start at column; with dash, as a list item."""
    lines: list[str] = []
    for key, value in data.items():
        lines.extend(entry_lines(key, value, column, layout))
    if dash is not None and lines:
        lines[0] = " " * dash + "-" + " " * (column - dash - 1) + lines[0][column:]
    return lines


def entry_lines(key: str, value: Any, column: int, layout: Layout) -> list[str]:
    """Lines for one `key: value` entry at column (value may be a list or a mapping)."""
    pad = " " * column
    nl = layout.newline
    if isinstance(value, dict):
        return [f"{pad}{key}:{nl}", *mapping_lines(value, column + layout.mapping_indent, layout)]
    if not isinstance(value, list):
        return [f"{pad}{key}: {render(value)}{nl}"]
    if _is_scalar_list(value) and (key in layout.flow_keys or not value):
        return [f"{pad}{key}: {_flow(value)}{nl}"]
    return [f"{pad}{key}:{nl}", *sequence_lines(value, column + layout.sequence_offset, layout)]


def sequence_lines(items: list[Any], dash: int, layout: Layout) -> list[str]:
    """Lines for block list items whose '-' stands at column dash."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            lines.extend(mapping_lines(item, dash + 2, layout, dash=dash))
        else:
            lines.append(" " * dash + f"- {render(item)}{layout.newline}")
    return lines
