"""One data file on its own: load it, check its schema and its public text; cached by content.

This is the part of validation that depends on nothing but the file's bytes, its
kind and the tool itself, so its result can be kept in the cache and computed in
another process. The checks across files (references, rules, coverage) run on the
model every time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trygghet_cli.findings import Finding, Location, make
from trygghet_cli.loading import Document, JsonPath, load_bytes
from trygghet_cli.loading.document import Deferred, PositionMap, positions_pending, read_bytes
from trygghet_cli.loading.text import DecodedText, decode
from trygghet_cli.root.cache import Batch, Cache

_DOCUMENT_FIELDS = ("path", "text", "data", "digest", "had_bom", "_positions", "_key_positions", "_ends",
                    "_unpack")


@dataclass(slots=True)
class FileResult:
    """A file's document (None when it could not be loaded), its findings, and whether it
    passed its schema (only then does it go into the model)."""

    document: Document | None
    findings: list[Finding]
    valid: bool


def check(raw: bytes, shown: str, kind: str | None, digest: str | None = None) -> FileResult:
    """Load one file's bytes; when it loads and has a kind, check its schema and, if that
    passes, look for personal data in its public text. `digest`: the bytes' hash, if known."""
    from trygghet_cli.validate import privacy, schema

    loaded = load_bytes(raw, shown, digest=digest)
    doc = loaded.document
    if doc is None or kind is None:
        return FileResult(doc, loaded.findings, False)
    problems = schema.check(doc, kind)
    if problems:
        return FileResult(doc, [*loaded.findings, *problems], False)
    return FileResult(doc, [*loaded.findings, *privacy.check(doc)], True)


def check_bytes(raw: bytes | Finding, shown: str, kind: str | None, cache: Cache | Batch | None,
                digest: str | None = None) -> FileResult:
    """Check one file's bytes (or report why it could not be read), taking the result from the
    cache when the same bytes were checked before; `digest`: their hash, when known."""
    if isinstance(raw, Finding):
        return FileResult(None, [raw], False)
    if cache is None or not _storable():
        return check(raw, shown, kind)
    digest = digest or hashlib.sha256(raw).hexdigest()
    key = cache.key(kind or "-", digest)
    stored = cache.get(key)
    if stored is not None:
        result = from_plain(stored, raw, digest, shown)
        if result is not None:
            return result
    result = check(raw, shown, kind, digest)
    cache.put(key, to_plain(result))
    return result


def check_path(path: Path, shown: str, kind: str | None, cache: Cache | None) -> FileResult:
    """Read and check one file, through the cache."""
    return check_bytes(read_bytes(path, shown), shown, kind, cache)


def _storable() -> bool:
    """True while Document has exactly the fields stored here: a new field turns the cache off
    until it is stored too, rather than bringing back documents without it."""
    return tuple(f.name for f in dataclasses.fields(Document)) == _DOCUMENT_FIELDS


def to_plain(result: FileResult) -> tuple[Any, ...]:
    """The result as plain values (no path: the same bytes may lie elsewhere)."""
    findings = [(f.code, f.where.line, f.where.column, f.message, f.hint, f.message_sv, f.hint_sv)
                for f in result.findings]
    doc = result.document
    if doc is None:
        return (findings, result.valid, None)
    # Positions are packed on their own: most runs need few of them (only findings do). Those
    # of a fast-loaded document that nobody asked for are not worked out just to be stored.
    packed = None if positions_pending(doc) else pack_positions(doc)
    return (findings, result.valid, (doc.had_bom, doc.data, packed))


def _head(path: JsonPath) -> JsonPath:
    """The part of the positions a path's are packed with: one item of a top-level list
    (an activity, a pledge) or a top-level key; () for the shortest paths."""
    return path[:2] if len(path) >= 2 else ()


def pack_positions(doc: Document) -> dict[JsonPath, bytes]:
    """A document's positions (starts of values and keys, ends) in small parts that can be
    unpacked one at a time."""
    parts: dict[JsonPath, tuple[PositionMap, PositionMap, PositionMap]] = {}
    for index, table in enumerate((doc.positions, doc.key_positions, doc.ends)):
        for path, position in table.items():
            parts.setdefault(_head(path), ({}, {}, {}))[index][path] = position
    return {head: marshal.dumps(tables) for head, tables in parts.items()}


class _PackedPositions:
    """Unpacks the parts of a document's positions that a lookup needs, once each, into the
    document's tables (it holds the tables, not the document: no reference cycle)."""

    def __init__(self, parts: dict[JsonPath, bytes], tables: tuple[PositionMap, ...]) -> None:
        self.parts = parts
        self.tables = tables

    def __call__(self, path: JsonPath | None) -> None:
        heads = list(self.parts) if path is None else [(), _head(path)]
        for head in heads:
            packed = self.parts.pop(head, None)
            if packed is None:
                continue
            try:
                tables = marshal.loads(packed)  # noqa: S302 - the cache checked its signature
                for mine, stored in zip(self.tables, tables, strict=True):
                    mine.update(stored)
            except (EOFError, ValueError, TypeError):
                continue


def from_plain(plain: Any, raw: bytes, digest: str, shown: str) -> FileResult | None:
    """The result that to_plain stored, for this file's bytes; None if it has the wrong shape."""
    try:
        rows, valid, stored = plain
        findings = [make(code, Location(shown, line, column), message, hint, sv=sv, sv_hint=sv_hint)
                    for code, line, column, message, hint, sv, sv_hint in rows]
        if stored is None:
            return FileResult(None, findings, bool(valid))
        had_bom, data, packed = stored
        decoded = decode(raw, shown)
        if not isinstance(decoded, DecodedText) or not isinstance(packed, dict | None):
            return None
        tables: tuple[PositionMap, PositionMap, PositionMap] = ({}, {}, {})
        unpack = Deferred(decoded.text, tables) if packed is None else _PackedPositions(packed, tables)
        doc = Document(shown, decoded.text, data, digest, bool(had_bom), *tables, unpack)
        return FileResult(doc, findings, bool(valid))
    except (TypeError, ValueError, KeyError):
        return None
