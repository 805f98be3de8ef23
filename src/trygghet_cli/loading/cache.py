"""A cache of data files that loaded and validated without a single finding.

Loading (YAML events walked in Python) and schema validation cost about 1.5 s per MB of
YAML; a 2,000-activity list is about 1 MB. A file whose exact bytes were already loaded
and found clean by the same trygghet code and schemas does not need either again: its
plain data and positions are kept as JSON, keyed by a SHA-256 over the bytes, the file's
kind, the schemas and the loading code. Only clean files are stored, so a hit never hides
a finding. JSON (not pickle) keeps promise 3: nothing read from the cache is executed.

The cache lives in $TRYGGHET_CACHE_DIR, else $XDG_CACHE_HOME/trygghet, else
~/.cache/trygghet; TRYGGHET_NO_CACHE=1 turns it off. Any failure to read or write it is
ignored: the cache can only make loading faster, never change its result.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from trygghet_cli import __version__, resources
from trygghet_cli.loading.document import Document, JsonPath, Position

FORMAT = "3"
_FIELDS = ("path", "text", "data", "digest", "had_bom", "positions", "key_positions", "ends")
MAX_ENTRIES = 256


def folder() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("TRYGGHET_NO_CACHE"):
        return None
    explicit = os.environ.get("TRYGGHET_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trygghet"


@cache
def _code_digest() -> bytes:
    """What the result of loading depends on besides the bytes: version, schemas, loader code."""
    from trygghet_cli.checks import privacy, schema
    from trygghet_cli.loading import document, scalars, text

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    for module in (document, scalars, text, schema, privacy):
        digest.update(Path(str(module.__file__)).read_bytes())
    for schema_file in sorted(resources.schemas_dir().glob("*.schema.json")):
        digest.update(schema_file.read_bytes())
    return digest.digest()


def key(raw: bytes, kind: str) -> str:
    return hashlib.sha256(_code_digest() + kind.encode() + b"\0" + raw).hexdigest()


def _walk(data: Any) -> tuple[list[JsonPath], list[JsonPath]]:
    """Every value's path and every mapping key's path, in document order (pre-order)."""
    values: list[JsonPath] = [()]
    keys: list[JsonPath] = []
    add_value, add_key = values.append, keys.append

    def visit(node: Any, path: JsonPath) -> None:
        items = node.items() if type(node) is dict else enumerate(node)
        for name, child in items:
            here = (*path, name)
            if type(node) is dict:
                add_key(here)
            add_value(here)
            if type(child) is dict or type(child) is list:
                visit(child, here)

    if type(data) is dict or type(data) is list:
        visit(data, ())
    return values, keys


def _flat(paths: list[JsonPath], table: dict[JsonPath, Position]) -> list[int]:
    """Line and column of each path in order, 0, 0 where the table has none."""
    return [number for path in paths for number in table.get(path, (0, 0))]


def _table(paths: list[JsonPath], flat: list[int]) -> dict[JsonPath, Position]:
    if len(flat) != 2 * len(paths):
        raise ValueError("cache entry does not match its data")
    numbers = iter(flat)
    pairs = zip(numbers, numbers, strict=True)
    return {path: pair for path, pair in zip(paths, pairs, strict=True) if pair[0]}


def _supported() -> bool:
    """True while Document has exactly the fields this module stores; a new field turns the
    cache off until it is stored too, rather than bringing back documents without it."""
    return tuple(f.name for f in dataclasses.fields(Document)) == _FIELDS


def get(raw: bytes, kind: str, shown: str) -> Document | None:
    """The clean document for these bytes, if it was stored before."""
    place = folder()
    if place is None or not _supported():
        return None
    try:
        body = json.loads((place / f"{key(raw, kind)}.json").read_text(encoding="utf-8"))
        text = raw.decode("utf-8-sig")
        values, keys = _walk(body["data"])
        return Document(shown, text, body["data"], hashlib.sha256(raw).hexdigest(),
                        bool(body["had_bom"]), _table(values, body["positions"]),
                        _table(keys, body["key_positions"]), _table(values, body["ends"]))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def put(raw: bytes, kind: str, document: Document) -> None:
    """Store a document that loaded, validated and passed the privacy scan without findings."""
    place = folder()
    if place is None or not _supported():
        return
    values, keys = _walk(document.data)
    # Positions are stored as bare numbers in document order; the paths come back from
    # walking the data. A file whose positions do not follow that order is not cached.
    if (values != list(document.positions) or keys != list(document.key_positions)
            or not set(document.ends) <= set(values)):
        return
    body = {"data": document.data, "had_bom": document.had_bom,
            "positions": _flat(values, document.positions),
            "key_positions": _flat(keys, document.key_positions),
            "ends": _flat(values, document.ends)}
    with contextlib.suppress(OSError, ValueError, TypeError):
        place.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=place, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(body, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, place / f"{key(raw, kind)}.json")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        _prune(place)


def _prune(place: Path) -> None:
    """Keep the newest MAX_ENTRIES files."""
    entries = sorted(place.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
