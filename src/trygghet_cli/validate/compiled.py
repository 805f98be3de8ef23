"""jsonschema-rs's errors as jsonschema reports them, so that schema.py explains them alike.

Each error of the compiled validator becomes a CompiledError with the attributes that
schema.py reads from a jsonschema error: the instance's path, the keyword, the schema that
holds it and its value, the instance (taken from our own data: the compiled validator's copy
of a mapping has its keys sorted), and, for the keywords whose findings quote it, jsonschema's
message. The errors are put in the order jsonschema yields them (the schema's keywords in
their order, `then` where its `if` is, properties in the schema's order, list items in the
data's), so that the first MAX_ERRORS are the same ones. Formats are judged as jsonschema
judges them with this project's dependencies: a date strictly, an e-mail address only by its
'@', a URI not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from trygghet_cli.loading import JsonPath

# Errors looked at per document: far more than are shown (schema.MAX_ERRORS), few enough
# that a list of a million wrong items costs seconds, not gigabytes.
MAX_COLLECTED = 20_000
_LISTS = {"allOf", "anyOf", "oneOf", "prefixItems"}


@dataclass(frozen=True, slots=True)
class CompiledError:
    """One schema error, with the attributes of a jsonschema error that schema.py reads."""

    absolute_path: JsonPath
    validator: str
    schema: dict[str, Any]
    validator_value: Any
    instance: Any
    message: str


@cache
def top_schema(kind: str) -> dict[str, Any]:
    """The schema of a kind of file with its `$ref`s resolved (what both validators get)."""
    from trygghet_cli.validate import schema
    from trygghet_cli.validate.schema_refs import resolved

    return resolved(schema._all_schemas(), schema.SCHEMA_FILES[kind])


def errors(fast: Any, top: dict[str, Any], data: Any) -> list[CompiledError]:
    """The compiled validator's errors for data, translated, in jsonschema's order."""
    found: list[tuple[list[int], int, CompiledError]] = []
    for number, error in enumerate(islice(fast.iter_errors(data), MAX_COLLECTED)):
        path: JsonPath = tuple(error.instance_path)
        keyword = str(error.schema_path[-1]) if error.schema_path else ""
        order, holder = _place(top, list(error.schema_path), path)
        value = holder.get(keyword)
        instance = _at(data, path)
        if keyword == "format" and not _reference_flags(value, instance):
            continue
        message = _message(keyword, value, instance, error)
        if keyword == "required":
            order.append(_index(value, _required_name(error)))
        found.append((order, number, CompiledError(path, keyword, holder, value, instance, message)))
    found.sort(key=lambda item: (item[0], item[1]))
    return [error for _, _, error in found]


def _index(items: Any, item: Any) -> int:
    try:
        return list(items).index(item)
    except (TypeError, ValueError):
        return len(items) if hasattr(items, "__len__") else 0


def _place(top: dict[str, Any], schema_path: list[Any],
           path: JsonPath) -> tuple[list[int], dict[str, Any]]:
    """Where jsonschema meets an error (a sort key: each step's position among its siblings),
    and the schema that holds the failing keyword."""
    order: list[int] = []
    node: Any = top
    holder: dict[str, Any] = top
    expect = "schema"
    taken = 0  # steps of the instance's path taken so far
    for step in schema_path:
        if expect == "list":
            node, expect = node[int(step)], "schema"
            order.append(int(step))
            continue
        if expect == "properties":
            order.append(_index(node, step))
            node, expect, taken = node.get(step, {}), "schema", taken + 1
            continue
        if not isinstance(node, dict):
            break
        holder = node
        order.append(_index(node, "if" if step in ("then", "else") else step))
        if step == "items" and taken < len(path) and isinstance(path[taken], int):
            order.append(int(path[taken]))
            taken += 1
        node = node.get(step)
        expect = "properties" if step == "properties" else "list" if step in _LISTS else "schema"
    return order, holder


def _at(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data[step]
    return data


def _reference_flags(format_name: Any, instance: Any) -> bool:
    """Whether jsonschema, with this project's dependencies, finds fault with the format."""
    if format_name == "date":
        return True
    if format_name == "email":
        return isinstance(instance, str) and "@" not in instance
    return False


def _required_name(error: Any) -> str:
    return str(getattr(error.kind, "property", ""))


def _message(keyword: str, value: Any, instance: Any, error: Any) -> str:
    """jsonschema's message, for the keywords whose findings show or read it."""
    if keyword == "required":
        return f"{_required_name(error)!r} is a required property"
    if keyword == "minProperties":
        return f"{instance!r} " + ("should be non-empty" if value == 1 else "does not have enough properties")
    return str(error.message)
