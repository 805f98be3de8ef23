"""Merge parsed rows into an activity list's YAML, keeping comments, order and outcomes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from trygghet_cli.interchange.parse import ParsedRow, RowProblem

ACTIVITY_ORDER = ("id", "title", "description", "pledges", "owners", "parties", "districts", "places",
                  "start", "due", "uncertain", "status", "completed", "reason", "status_note", "targets",
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
    """Applies rows to the activities of one list; problems carry the row number and column."""

    def __init__(self, activities: Any, other_ids: set[str], period: str,
                 party_of: dict[str, str], lang: str = "sv",
                 column: Callable[[str], str] = str) -> None:
        self.activities = activities
        self.by_id = {item["id"]: item for item in activities if "id" in item}
        self.by_title: dict[str, list[str]] = {}
        for item in activities:
            if "id" in item and isinstance(item.get("title"), str):
                self.by_title.setdefault(_title_key(item["title"]), []).append(item["id"])
        self.other_ids = other_ids - set(self.by_id)
        self.used_ids = other_ids | set(self.by_id)
        self.period = period
        self.party_of = party_of
        self.lang = lang
        self.column = column
        self.problems: list[RowProblem] = []
        self.notes: list[RowProblem] = []
        self.added: list[str] = []
        self.updated: list[str] = []
        self.rows: dict[str, int] = {}
        self.new_titles: dict[str, int] = {}

    def say(self, row: int, key: str, cell: str = "", /, **values: object) -> None:
        from trygghet_cli.i18n import label

        self.problems.append(RowProblem(row, label(key, self.lang, **values),
                                        self.column(cell) if cell else ""))

    def apply(self, row: ParsedRow) -> None:
        if row.skip:
            return
        fields = dict(row.fields)
        ident = fields.pop("id", None)
        if ident is None and fields.get("title"):
            ident = self._by_title(row, str(fields["title"]))
            if ident == "":
                return
            if ident is not None:
                fields.pop("title")  # the same title, up to case and spaces: kept as written
        if ident is not None and ident in self.rows:
            self.say(row.row, "row.same_id", "id", ident=ident, first=self.rows[ident])
            return
        self._derive_parties(fields)
        if ident is not None and ident in self.by_id:
            self._update(row, self.by_id[ident], fields)
            self.updated.append(ident)
        else:
            ident = ident or self._new_id()
            self._add(row, ident, fields)
        self.rows[ident] = row.row

    def _by_title(self, row: ParsedRow, title: str) -> str | None:
        """The existing activity a row without an id means by its title; "" when the row is
        refused (the title is another new row's, or several activities have it)."""
        from trygghet_cli.i18n import label

        key = _title_key(title)
        matches = self.by_title.get(key, [])
        if len(matches) > 1:
            self.say(row.row, "row.title_several", "title", ids=", ".join(matches))
            return ""
        if matches:
            self.notes.append(RowProblem(row.row, label("row.by_title", self.lang, ident=matches[0])))
            return matches[0]
        if key in self.new_titles:
            self.say(row.row, "row.title_twice", "title", first=self.new_titles[key])
            return ""
        self.new_titles[key] = row.row
        return None

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

        missing = [key for key in REQUIRED if not fields.get(key) and key not in row.bad
                   and not (key == "parties" and "owners" in row.bad)]
        for key in missing:
            self.say(row.row, f"row.new_needs_{key}", key)
        if missing or row.bad:
            return
        if ident in self.other_ids:
            self.say(row.row, "row.id_taken", "id", ident=ident)
            return
        item = CommentedMap()
        item["id"] = ident
        self._update(row, item, fields)
        self.activities.append(item)
        self.by_id[ident] = item
        self.used_ids.add(ident)
        self.added.append(ident)

    def _update(self, row: ParsedRow, item: Any, fields: dict[str, Any]) -> None:
        """Set the fields the row fills in; an empty cell keeps the value (a merged range read
        as empty, or a column left blank, never deletes a description or a district)."""
        for key, value in fields.items():
            if key == "visibility" and value == "public" and key not in item:
                continue  # the default; no need to write it
            if value is not None and value != []:
                set_ordered(item, key, value, ACTIVITY_ORDER)
        if fields.get("status") == "done" and not item.get("completed"):
            self.say(row.row, "row.done_needs_completed", "status", column=self.column("completed"))
        self._uncertain(row, item, fields)
        if row.targets is not None:
            self._targets(row, item, row.targets)

    @staticmethod
    def _uncertain(row: ParsedRow, item: Any, fields: dict[str, Any]) -> None:
        """Dates read loosely are marked uncertain; a day written out makes its date certain."""
        marked = list(item.get("uncertain") or [])
        for key in ("start", "due"):
            if key in row.uncertain and key not in marked:
                marked.append(key)
            elif fields.get(key) is not None and key not in row.uncertain and key in marked:
                marked.remove(key)
        if marked:
            set_ordered(item, "uncertain", sorted(marked, key=("start", "due").index), ACTIVITY_ORDER)
        else:
            item.pop("uncertain", None)

    def _targets(self, row: ParsedRow, item: Any, wanted: list[dict[str, Any]]) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        existing = list(item.get("targets") or [])
        dropped = [t for t in existing[len(wanted):] if t.get("outcomes")]
        if dropped:
            self.say(row.row, "row.target_dropped", "target", target=dropped[0]["id"])
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
                self.say(row.row, "row.change_baseline", "target_kind")
            for key, value in (("kind", kind), ("text", fields["text"]), ("value", fields.get("value")),
                               ("unit", fields.get("unit")), ("per", fields.get("per"))):
                if value is not None:
                    set_ordered(target, key, value, TARGET_ORDER)
            result.append(target)
        if result:
            set_ordered(item, "targets", result, ACTIVITY_ORDER)


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())
