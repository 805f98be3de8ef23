"""The order of keys the schemas give: where a new key goes, and what `fmt` sorts by."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from trygghet_cli.loading import JsonPath


@cache
def _schema(name: str) -> dict[str, Any]:
    from trygghet_cli.validate import schema

    parsed: dict[str, Any] = json.loads(schema.schema_text(name))
    return parsed


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow $ref (only the 'file.schema.json#/$defs/x' form the shipped schemas use)."""
    seen = 0
    while "$ref" in node and seen < 10:
        file, _, pointer = node["$ref"].partition("#")
        target = _schema(file.removesuffix(".schema.json")) if file else {}
        for part in pointer.strip("/").split("/"):
            target = target.get(part, {}) if part else target
        node = target
        seen += 1
    return node


def _node_at(kind: str, path: JsonPath) -> dict[str, Any]:
    from trygghet_cli.validate.schema import SCHEMA_FILES

    node = _resolve(_schema(SCHEMA_FILES[kind].removesuffix(".schema.json")))
    for step in path:
        child = node.get("items", {}) if isinstance(step, int) else node.get("properties", {}).get(step, {})
        node = _resolve(child)
    return node


def key_order(kind: str, path: JsonPath) -> list[str]:
    """The property names of the mapping at path, in the order the schema lists them."""
    return list(_node_at(kind, path).get("properties", {}))


def rank(order: list[str], key: str) -> int:
    """A key's place in the schema order; keys the schema does not know come last."""
    return order.index(key) if key in order else len(order)
