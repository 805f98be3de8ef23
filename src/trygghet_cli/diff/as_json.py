"""A diff as JSON, in a stable shape documented in the README."""

from __future__ import annotations

import json
from typing import Any

from trygghet_cli import __version__
from trygghet_cli.diff import Diff, EntityChange
from trygghet_cli.diff.plaindiff import FieldChange

JSON_FORMAT_VERSION = 1


def _field(change: FieldChange) -> dict[str, Any]:
    return {"field": change.field, "old": change.old, "new": change.new,
            "added": list(change.added), "removed": list(change.removed),
            "words": [{"op": w.op, "text": w.text} for w in change.words]}


def _change(change: EntityChange) -> dict[str, Any]:
    return {"entity": change.entity, "change": change.change.value, "old_id": change.old_id,
            "new_id": change.new_id, "title": change.title, "group": change.group,
            "pledge": change.pledge, "matched_by": change.matched_by,
            "similarity": change.similarity, "fields": [_field(f) for f in change.fields]}


def to_json(diff: Diff) -> str:
    """{"version", "tool", "subject", "old", "new", "summary", "changes", ...}."""
    body = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "trygghet", "version": __version__},
        "subject": diff.subject,
        "old": diff.old_label,
        "new": diff.new_label,
        "summary": diff.counts(),
        "unchanged": dict(sorted(diff.unchanged.items())),
        "changes": [_change(c) for c in diff.changes],
        "skipped": list(diff.skipped),
        "problems": [{"side": side, "code": f.code, "path": f.where.path, "line": f.where.line,
                      "column": f.where.column, "message": f.message} for side, f in diff.problems],
    }
    return json.dumps(body, ensure_ascii=False, indent=2, default=str)
