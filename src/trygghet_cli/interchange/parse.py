"""Turn the rows of an activity table into activity fields, or into problems by row and column.

Every problem names the cell (`rad 5, kolumn Start`) and says what to write instead, in the
language of the data root.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygghet_cli.i18n import label
from trygghet_cli.interchange import columns as cols
from trygghet_cli.interchange import loosedates
from trygghet_cli.interchange.names import Names
from trygghet_cli.interchange.tables import Table, text
from trygghet_cli.model import Model, PledgeSet, parse_partial

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# A list in one cell: ';', ',', ' och ' and line breaks part its items.
_LIST_SPLIT = re.compile(r"\s*(?:[;,\n]|\s(?:och|and|&)\s)\s*", re.IGNORECASE)
_PLACES_SPLIT = re.compile(r"\s*[;\n]\s*")  # a place's name may hold a comma or 'och'
TEXT_KEYS = ("title", "description", "reason", "status_note")


@dataclass(slots=True)
class RowProblem:
    row: int
    message: str
    column: str = ""  # the header of the cell, when the problem is one cell's
    sheet: str = ""  # the sheet, when it is not the first one read


@dataclass(slots=True)
class ParsedRow:
    """One row's fields: a value, or None where the cell is empty (on an existing activity
    that keeps the value; a new activity leaves the field out)."""

    row: int
    fields: dict[str, Any] = field(default_factory=dict)
    targets: list[dict[str, Any]] | None = None
    skip: bool = False
    uncertain: list[str] = field(default_factory=list)  # dates read loosely (--loose-dates)
    bad: set[str] = field(default_factory=set)  # the fields whose cells were refused


class RowParser:
    """Reads the rows of one table against the data root's names and the mapping."""

    def __init__(self, model: Model, pledge_set: PledgeSet, mapping: cols.Mapping, period: str,
                 columns: dict[int, str], lang: str = "sv", loose_dates: bool = False,
                 headers: list[str] | None = None) -> None:
        self.names = Names(model, pledge_set)
        self.mapping = mapping
        self.period = period
        self.window = pledge_set.period
        self.columns = columns
        self.lang = lang
        self.loose_dates = loose_dates
        self.headers = {key: headers[i] for i, key in columns.items() if headers and i < len(headers)}
        self.problems: list[RowProblem] = []
        self.notes: list[RowProblem] = []
        self.bad: set[tuple[int, str]] = set()

    def say(self, row: int, key: str, cell: str = "", /, **values: object) -> None:
        """A problem of the row (or of its cell under the column of `cell`), from the catalog."""
        column = self.column(cell) if cell else ""
        self.bad.add((row, cell))
        self.problems.append(RowProblem(row, label(key, self.lang, **values), column))

    def column(self, key: str) -> str:
        """The header of the key's column in the sheet, or its usual name when the sheet has none."""
        return self.headers.get(key) or cols.header(key, self.lang).capitalize()

    def parse(self, table: Table) -> list[ParsedRow]:
        parsed = []
        for number, values in table.rows:
            # Target cells keep their line breaks: line n of each belongs to target n.
            cells = {key: text(values[i], strip=key not in cols.TARGET_KEYS) if i < len(values) else ""
                     for i, key in self.columns.items()}
            parsed.append(self.row(number, cells))
            parsed[-1].bad = {cell for row, cell in self.bad if row == number}
        return parsed

    def row(self, number: int, cells: dict[str, str]) -> ParsedRow:
        result = ParsedRow(number)
        period = cells.get("period", "")
        if period and period.replace("–", "-") != self.period:
            # The row belongs to another period: its pledges are unknown here, so say only that.
            self.say(number, "row.other_period", "period", period=period, imported=self.period)
            result.skip = True
            return result
        for key, value in cells.items():
            if key in cols.TARGET_KEYS or key in ("period", "municipality"):
                continue
            result.fields[key] = self.value(number, key, value, result) if value else None
        if any(cells.get(key, "").strip() for key in cols.TARGET_KEYS):
            result.targets = self.targets(number, cells)
        return result

    def value(self, number: int, key: str, value: str, row: ParsedRow) -> Any:
        if key == "id":
            if not _ID.match(value):
                self.say(number, "row.bad_id", key, value=value)
            return value
        if key in cols.LIST_KEYS:
            return self.listed(number, key, value)
        if key in ("start", "due"):
            return self.day(number, key, value, row)
        if key == "completed":
            return self.completed(number, value)
        if key == "status":
            return self.word(number, key, self.mapping.statuses, value, cols.STATUSES)
        if key == "visibility":
            return self.word(number, key, self.mapping.visibilities, value, cols.VISIBILITIES)
        return value

    def day(self, number: int, key: str, value: str, row: ParsedRow) -> date | str:
        found = loosedates.read(value, self.window)
        if found.kind == "day" and found.first is not None:
            return found.first
        if found.kind is None or found.first is None:
            self.say(number, "row.bad_date", key, value=value)
            return value
        if self.loose_dates:
            row.uncertain.append(key)
            self.notes.append(RowProblem(number, label(f"row.loose.{found.kind}", self.lang, value=value,
                                                       day=found.first.isoformat()), self.column(key)))
            return found.first
        self.say(number, f"row.not_day.{found.kind}", key, value=value, day=found.first.isoformat())
        return value

    def completed(self, number: int, value: str) -> date | str:
        found = loosedates.read(value, self.window)
        if found.kind == "day" and found.first is not None:
            return found.first
        plain = loosedates.month_text(value) or value
        if parse_partial(plain) is None or not re.fullmatch(r"\d{4}(-\d{2})?", plain):
            self.say(number, "row.bad_completed", "completed", value=value)
            return value
        return plain

    def word(self, number: int, key: str, table: dict[str, str], value: str,
             words: dict[str, tuple[str, str, tuple[str, ...]]]) -> str:
        found = table.get(cols.normal(value)) or table.get(cols.normal(cols.bare_word(value)))
        if found is None:
            accepted = ", ".join(sv if self.lang == "sv" else en for sv, en, _ in words.values())
            self.say(number, f"row.unknown_{key}", key, value=value, accepted=accepted)
            return value
        return found

    def listed(self, number: int, key: str, value: str) -> list[str]:
        if key == "places":
            return [item for item in _PLACES_SPLIT.split(value) if item]
        whole = self.names.resolve(key, value)
        items = [value] if whole is not None else [i for i in _LIST_SPLIT.split(value) if i]
        resolved: list[str] = []
        for item in items:
            ident = self.names.resolve(key, item)
            if ident is None:
                self.say(number, f"row.unknown_{key}", key, value=item, known=self.names.known(key))
            elif ident not in resolved:
                resolved.append(ident)
        return resolved

    def targets(self, number: int, cells: dict[str, str]) -> list[dict[str, Any]]:
        split = {key: re.split(r"\r?\n", cells.get(key, "")) if cells.get(key, "").strip() else []
                 for key in cols.TARGET_KEYS}
        found = []
        for index, target_text in enumerate(split["target"]):
            def cell(key: str, index: int = index) -> str:
                values = split[key]
                return values[index].strip() if index < len(values) else ""

            item: dict[str, Any] = {"text": target_text.strip()}
            if cell("target_kind"):
                item["kind"] = self.word(number, "target_kind", self.mapping.kinds,
                                         cell("target_kind"), cols.KINDS)
            if cell("target_value"):
                item["value"] = self.number(number, cell("target_value"))
            item["unit"] = cell("target_unit") or None
            if cell("target_per"):
                item["per"] = self.word(number, "target_per", self.mapping.pers, cell("target_per"),
                                        cols.PERS)
            if item["text"]:
                found.append(item)
        return found

    def number(self, number: int, value: str) -> int | float | str:
        parsed = cols.number(value)
        if parsed is None:
            self.say(number, "row.bad_number", "target_value", value=value)
            return value
        return parsed

