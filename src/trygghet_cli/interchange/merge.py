"""Merge parsed rows into an activity list's YAML, keeping comments, order and outcomes."""

from __future__ import annotations

from typing import Any

from trygghet_cli.interchange.parse import ParsedRow, RowProblem

ACTIVITY_ORDER = ("id", "title", "description", "pledges", "owners", "parties", "districts", "places",
                  "start", "due", "status", "completed", "reason", "status_note", "targets",
                  "visibility", "predecessor", "internal_notes", "sources", "notes")
TARGET_ORDER = ("id", "kind", "text", "value", "unit", "per", "baseline", "direction", "change_unit",
                "outcomes")
REQUIRED = ("title", "pledges", "parties")


def set_ordered(mapping: Any, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set a key of a ruamel mapping; a new key goes where the schema's order puts it."""
    if key in mapping:
        if mapping[key] != value:
            mapping[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = 0
    for index, existing in enumerate(mapping):
        if (order.index(existing) if existing in order else len(order)) < rank:
            position = index + 1
    mapping.insert(position, key, value)


class Merger:
    """Applies rows to the activities of one list; problems carry the row number."""

    def __init__(self, activities: Any, other_ids: set[str], period: str,
                 party_of: dict[str, str]) -> None:
        self.activities = activities
        self.by_id = {item["id"]: item for item in activities if "id" in item}
        self.other_ids = other_ids - set(self.by_id)
        self.used_ids = other_ids | set(self.by_id)
        self.period = period
        self.party_of = party_of
        self.problems: list[RowProblem] = []
        self.added: list[str] = []
        self.updated: list[str] = []
        self.rows: dict[str, int] = {}

    def apply(self, row: ParsedRow) -> None:
        if row.skip:
            return
        fields = dict(row.fields)
        ident = fields.pop("id", None)
        if ident is not None and ident in self.rows:
            self.problems.append(RowProblem(row.row, f"id '{ident}' is also on row {self.rows[ident]}"))
            return
        self._derive_parties(fields)
        if ident is not None and ident in self.by_id:
            self._update(row, self.by_id[ident], fields)
            self.updated.append(ident)
        else:
            ident = ident or self._new_id()
            self._add(row, ident, fields)
        self.rows[ident] = row.row

    def _derive_parties(self, fields: dict[str, Any]) -> None:
        """Parties left empty follow from the owners' functions."""
        if fields.get("parties") is None and fields.get("owners"):
            parties = [self.party_of[o] for o in fields["owners"] if o in self.party_of]
            fields["parties"] = list(dict.fromkeys(parties))

    def _new_id(self) -> str:
        """The next id in the list's own numbering, as `activity new` chooses it (a2026-04)."""
        from trygghet_cli.editing.activities import next_id

        ident = next_id(list(self.by_id) + self.added, self.used_ids, fallback=f"a{self.period[:4]}-")
        self.used_ids.add(ident)
        return ident

    def _add(self, row: ParsedRow, ident: str, fields: dict[str, Any]) -> None:
        from ruamel.yaml.comments import CommentedMap

        missing = [key for key in REQUIRED if not fields.get(key)]
        if missing:
            self.problems.append(RowProblem(row.row, f"a new activity needs {', '.join(missing)}"))
            return
        if ident in self.other_ids:
            self.problems.append(RowProblem(row.row, f"id '{ident}' is already used in the data root"))
            return
        item = CommentedMap()
        item["id"] = ident
        self._update(row, item, fields)
        self.activities.append(item)
        self.by_id[ident] = item
        self.used_ids.add(ident)
        self.added.append(ident)

    def _update(self, row: ParsedRow, item: Any, fields: dict[str, Any]) -> None:
        for key, value in fields.items():
            if key == "visibility" and value == "public" and key not in item:
                continue  # the default; no need to write it
            if value is None or value == []:
                if key in REQUIRED:
                    self.problems.append(RowProblem(row.row, f"{key} cannot be empty"))
                item.pop(key, None)
            else:
                set_ordered(item, key, value, ACTIVITY_ORDER)
        if row.targets is not None:
            self._targets(row, item, row.targets)

    def _targets(self, row: ParsedRow, item: Any, wanted: list[dict[str, Any]]) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        existing = list(item.get("targets") or [])
        dropped = [t for t in existing[len(wanted):] if t.get("outcomes")]
        if dropped:
            self.problems.append(RowProblem(row.row, f"target '{dropped[0]['id']}' has outcomes "
                                            "and is not in the table; remove it in the YAML file"))
            return
        result = CommentedSeq()
        used = {str(t.get("id")) for t in existing}
        for index, fields in enumerate(wanted):
            target = existing[index] if index < len(existing) else CommentedMap()
            if "id" not in target:
                number = index + 1
                while f"t{number}" in used:
                    number += 1
                used.add(f"t{number}")
                target["id"] = f"t{number}"
            kind = fields.get("kind") or target.get("kind") or (
                "at_least" if fields.get("value") is not None else "qualitative")
            if kind == "change" and "baseline" not in target:
                self.problems.append(RowProblem(row.row, "a new change target needs a baseline; "
                                                "add it in the YAML file"))
            for key, value in (("kind", kind), ("text", fields["text"]), ("value", fields.get("value")),
                               ("unit", fields.get("unit")), ("per", fields.get("per"))):
                if value is None:
                    target.pop(key, None)
                else:
                    set_ordered(target, key, value, TARGET_ORDER)
            result.append(target)
        if result:
            set_ordered(item, "targets", result, ACTIVITY_ORDER)
        else:
            item.pop("targets", None)
