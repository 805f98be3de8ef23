"""Outcomes from a table: the sheet "Utfall" of a workbook (as `export` writes it), or a table
of their own (`import activities --table outcomes`): activity, target, value, date or
from/to, kind, and the rest of an outcome's fields.

A row that repeats an outcome as it is changes nothing; a row for an outcome already there
(the same date or from/to) changes the cells that differ; other rows add outcomes. An empty
cell keeps the value, and an outcome the table leaves out stays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trygghet_cli.errors import UsageError
from trygghet_cli.i18n import label
from trygghet_cli.interchange import columns as cols
from trygghet_cli.interchange import followup, loosedates
from trygghet_cli.interchange.merge import TARGET_ORDER, set_ordered
from trygghet_cli.interchange.names import Names
from trygghet_cli.interchange.parse import RowProblem
from trygghet_cli.interchange.tables import Table, text

SHEETS = {"utfall", "outcomes"}
HEADERS: dict[str, tuple[str, ...]] = {
    "activity": ("aktivitet", "activity", "aktivitets-id", "activity id", "id"),
    "activity_title": ("aktivitetens titel", "activity title", "titel", "title"),
    "target": ("mål", "target", "mål-id", "target id"),
    "target_text": ("målets text", "target text"),
    "value": ("utfall", "värde", "value", "outcome", "antal"),
    "date": ("datum", "date"),
    "from": ("från", "from", "period från"),
    "to": ("till", "to", "period till"),
    "kind": ("typ", "kind", "slag"),
    "approximate": ("ungefärligt", "ungefär", "approximate", "ca"),
    "bound": ("gräns", "bound"),
    "verdict": ("bedömning enligt källan", "bedömning", "verdict"),
    "district": ("kommundel", "district"),
    "place": ("plats", "place"),
    "source": ("källa", "source"),
    "note": ("anmärkning", "kommentar", "note", "comment"),
    # Shown by export beside the outcome; they describe the target, and are not read.
    "shown": ("kommun", "municipality", "period", "måltyp", "target kind", "målvärde",
              "target value", "enhet", "unit"),
}
_BY_HEADER = {cols.normal(name): key for key, names in HEADERS.items() for name in names}
FIELDS = ("value", "date", "from", "to", "kind", "approximate", "bound", "verdict", "district",
          "place", "source", "note")
WORDS: dict[str, dict[str, Any]] = {
    "kind": {"delrapport": "interim", "interim": "interim", "del": "interim",
             "slutligt": "final", "slutlig": "final", "slutrapport": "final", "final": "final"},
    "bound": {"minst": "at_least", "över": "at_least", "at least": "at_least",
              "at_least": "at_least", "högst": "at_most", "under": "at_most",
              "at most": "at_most", "at_most": "at_most"},
    "verdict": {"uppnått": "met", "uppfyllt": "met", "met": "met", "delvis uppnått": "partly_met",
                "delvis uppfyllt": "partly_met", "partly met": "partly_met",
                "partly_met": "partly_met", "ej uppnått": "not_met", "inte uppnått": "not_met",
                "ej uppfyllt": "not_met", "not met": "not_met", "not_met": "not_met"},
    "approximate": {"ja": True, "x": True, "true": True, "yes": True, "ca": True,
                    "nej": False, "false": False, "no": False},
}


def known(headers: list[str]) -> int:
    """How many of a row's cells are outcome table headers (to find the header row)."""
    return sum(1 for header in headers if cols.normal(header) in _BY_HEADER)


def columns(headers: list[str], by_header: dict[str, str] | None = None) -> dict[int, str]:
    """Column index -> field for every known header, a field only once."""
    found: dict[int, str] = {}
    for index, header in enumerate(headers):
        key = (by_header or _BY_HEADER).get(cols.normal(header))
        if key is not None and key != "shown" and key not in found.values():
            found[index] = key
    return found


@dataclass(slots=True)
class _Rows:
    """What the outcome and the result tables share: the problems and counts."""

    names: Names
    lang: str
    headers: dict[str, str] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    added: int = 0
    changed: int = 0

    def say(self, row: int, key: str, cell: str = "", /, **values: object) -> None:
        column = self.headers.get(cell, cell) if cell else ""
        self.problems.append(RowProblem(row, label(key, self.lang, **values), column))

    def cell(self, key: str, value: str, words_for_value: bool) -> tuple[Any, str]:
        """A cell as the data writes it (None if it cannot be), and the catalog key saying why."""
        if key == "value":
            found = cols.number(value)
            return (value if found is None and words_for_value else found), "row.bad_number"
        if key in ("date", "from", "to"):
            return _partial(value), "row.outcome_bad_date"
        if key in WORDS:
            return WORDS[key].get(cols.normal(cols.bare_word(value))), f"row.outcome_bad_{key}"
        if key in ("district", "pledge"):
            return self.names.resolve(f"{key}s", value), f"row.unknown_{key}s"
        return value, ""

    def record(self, number: int, cells: dict[str, str], fields: tuple[str, ...],
               words_for_value: bool) -> dict[str, Any] | None:
        """The row as export writes it (canonical codes, None for an empty cell); None when a
        cell cannot be read (said as a problem)."""
        record: dict[str, Any] = dict.fromkeys(fields)
        bad = False
        for key in fields:
            if not cells.get(key):
                continue
            record[key], problem = self.cell(key, cells[key], words_for_value)
            if record[key] is None:
                known = self.names.known(f"{key}s") if key in ("district", "pledge") else ""
                self.say(number, problem, key, value=cells[key], known=known)
                bad = True
        if record.get("approximate") is False:
            record["approximate"] = None  # "nej" is the default, never written
        if (record["from"] is None) != (record["to"] is None):
            self.say(number, "row.outcome_from_to", "from" if record["from"] is None else "to")
            bad = True
        return None if bad else record

    def columns(self, table: Table, by_header: dict[str, str] | None = None) -> dict[int, str]:
        found = columns(table.headers, by_header)
        self.headers = {key: table.headers[i] for i, key in found.items()}
        return found


@dataclass(slots=True)
class OutcomeRows(_Rows):
    """Applies the rows of an outcome table to the activities of a list (ruamel data)."""

    activities: Any = None
    exported: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)

    def apply(self, table: Table) -> None:
        found = self.columns(table)
        if "activity" not in found.values() and "activity_title" not in found.values():
            raise UsageError.say("import.outcome_columns", headers=", ".join(h for h in table.headers if h))
        used: dict[tuple[str, str], set[int]] = {}
        for number, values in table.rows:
            cells = {key: text(values[i]) if i < len(values) else "" for i, key in found.items()}
            self.row(number, cells, used)

    def row(self, number: int, cells: dict[str, str], used: dict[tuple[str, str], set[int]]) -> None:
        activity = self._activity(number, cells)
        if activity is None:
            return
        target = self._target(number, activity, cells)
        record = self.record(number, cells, FIELDS, words_for_value=True)
        if target is None or record is None:
            return
        key = (str(activity["id"]), str(target["id"]))
        taken = used.setdefault(key, set())
        old = self.exported.get(key, [])
        index = _match(record, old, taken)
        if index is None:
            self._add(number, target, record)
            return
        taken.add(index)
        changes = {k: v for k, v in record.items() if v is not None and old[index].get(k) != v}
        if changes:
            self._update(target["outcomes"][index], changes)
            self.changed += 1

    def _activity(self, number: int, cells: dict[str, str]) -> Any:
        wanted = cells.get("activity", "") or cells.get("activity_title", "")
        if not wanted:
            self.say(number, "row.outcome_needs_activity", "activity")
            return None
        for item in self.activities:
            if str(item.get("id")) == wanted or _same_text(item.get("title"), wanted):
                return item
        self.say(number, "row.outcome_no_activity", "activity", value=wanted)
        return None

    def _target(self, number: int, activity: Any, cells: dict[str, str]) -> Any:
        targets = list(activity.get("targets") or [])
        wanted = cells.get("target", "") or cells.get("target_text", "")
        ident = activity["id"]
        shown = ", ".join(str(t.get("id")) for t in targets)
        if not targets:
            self.say(number, "row.outcome_no_targets", "activity", activity=ident)
            return None
        if not wanted:
            if len(targets) == 1:
                return targets[0]
            self.say(number, "row.outcome_which_target", "target", activity=ident, known=shown)
            return None
        for target in targets:
            if str(target.get("id")) == wanted or _same_text(target.get("text"), wanted):
                return target
        self.say(number, "row.outcome_no_target", "target", activity=ident, value=wanted, known=shown)
        return None

    def _add(self, number: int, target: Any, record: dict[str, Any]) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        from trygghet_cli.editing.activities import OutcomeInput

        window = (record["from"], record["to"]) if record["from"] and record["to"] else None
        outcome = OutcomeInput(record["value"], record["date"], None, record["kind"],
                               bool(record["approximate"]), record["source"], record["note"], window,
                               record["bound"], record["verdict"], record["district"], record["place"])
        try:
            outcome.check()
        except UsageError as exc:
            message, hint = exc.text(self.lang)
            self.problems.append(RowProblem(number, message + (f" ({hint})" if hint else "")))
            return
        item = CommentedMap(outcome.as_data())
        if "outcomes" not in target:
            set_ordered(target, "outcomes", CommentedSeq(), TARGET_ORDER)
        target["outcomes"].append(item)
        self.added += 1

    @staticmethod
    def _update(item: Any, changes: dict[str, Any]) -> None:
        from ruamel.yaml.comments import CommentedMap

        order = ("value", "date", "period", "kind", "approximate", "bound", "verdict", "district",
                 "place", "source", "note")
        for key, value in changes.items():
            if key in ("from", "to"):
                period = item.get("period") or CommentedMap()
                period["start" if key == "from" else "end"] = value
                set_ordered(item, "period", period, order)
            else:
                set_ordered(item, key, value, order)


def _same_text(value: Any, wanted: str) -> bool:
    return " ".join(str(value or "").casefold().split()) == " ".join(wanted.casefold().split())


def _partial(value: str) -> str | None:
    found = loosedates.read(value)
    if found.first is None:
        return None
    if found.kind == "day":
        return found.first.isoformat()
    return loosedates.month_text(value)


def _match(record: dict[str, Any], old: list[dict[str, Any]], taken: set[int]) -> int | None:
    """The existing outcome a row stands for: one it repeats as it is, else one of the same
    date or from/to, else the only one left when the target has one."""
    free = [i for i in range(len(old)) if i not in taken]
    given = {k: v for k, v in record.items() if v is not None}

    def same(index: int, keys: tuple[str, ...]) -> bool:
        return all(old[index].get(k) == given[k] for k in keys if k in given)

    for keys in (tuple(given), ("date", "from", "to")):
        if not any(k in given for k in keys):
            continue
        hits = [i for i in free if same(i, keys)]
        if hits:
            return hits[0]
    return None


def exported(periods: list[Any]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Every outcome of the periods' lists as export writes it, per (activity, target)."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for record in followup.outcome_records(periods, internal=True):
        found.setdefault((record["activity"], record["target"]), []).append(record)
    return found


RESULT_SHEETS = {"övriga resultat", "other results", "resultat", "results"}
RESULT_HEADERS: dict[str, tuple[str, ...]] = {
    "text": ("resultat", "result", "text", "övrigt resultat"),
    "value": ("antal", "värde", "value", "utfall"),
    "unit": ("enhet", "unit"),
    "approximate": HEADERS["approximate"],
    "bound": HEADERS["bound"],
    "date": HEADERS["date"],
    "from": HEADERS["from"],
    "to": HEADERS["to"],
    "district": HEADERS["district"],
    "pledge": ("löfte", "pledge", "medborgarlöfte"),
    "activity": ("aktivitet", "activity"),
    "source": HEADERS["source"],
    "note": HEADERS["note"],
    "shown": ("kommun", "municipality", "period"),
}
_RESULT_BY_HEADER = {cols.normal(name): key for key, names in RESULT_HEADERS.items() for name in names}
RESULT_FIELDS = ("text", "value", "unit", "approximate", "bound", "date", "from", "to", "district",
                 "pledge", "activity", "source", "note")


def known_results(headers: list[str]) -> int:
    return sum(1 for header in headers if cols.normal(header) in _RESULT_BY_HEADER)


@dataclass(slots=True)
class ResultRows(_Rows):
    """Applies the rows of a table of other results (övriga resultat) to a list's `results:`."""

    doc: Any = None
    exported: list[dict[str, Any]] = field(default_factory=list)  # as export writes them

    def apply(self, table: Table) -> None:
        found = self.columns(table, _RESULT_BY_HEADER)
        taken: set[int] = set()
        for number, values in table.rows:
            cells = {key: text(values[i]) if i < len(values) else "" for i, key in found.items()}
            record = self._record(number, cells)
            if record is None:
                continue
            position = _match(record, self.exported, taken)
            if position is None:
                same_text = [i for i, old in enumerate(self.exported)
                             if i not in taken and _same_text(old["text"], record["text"])]
                position = same_text[0] if len(same_text) == 1 else None
            if position is None:
                self._add(number, record)
                continue
            taken.add(position)
            old = self.exported[position]
            changes = {k: v for k, v in record.items() if v is not None and old.get(k) != v}
            if changes:
                OutcomeRows._update(self.doc["results"][position], changes)
                self.changed += 1

    def _record(self, number: int, cells: dict[str, str]) -> dict[str, Any] | None:
        record = self.record(number, cells, RESULT_FIELDS, words_for_value=False)
        if record is not None and not record["text"]:
            self.say(number, "row.result_needs_text", "text")
            return None
        return record

    def _add(self, number: int, record: dict[str, Any]) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        from trygghet_cli.editing.activities import ResultInput

        window = (record["from"], record["to"]) if record["from"] and record["to"] else None
        item = ResultInput(record["text"], record["value"], record["unit"], bool(record["approximate"]),
                           record["bound"], record["date"], window, record["district"],
                           record["pledge"], record["activity"], record["source"],
                           record["note"]).as_data()
        if "results" not in self.doc:
            self.doc["results"] = CommentedSeq()
        self.doc["results"].append(CommentedMap(item))
        self.added += 1
