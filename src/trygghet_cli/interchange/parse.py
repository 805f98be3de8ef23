"""Turn the rows of an activity table into activity fields, or into problems by row number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygghet_cli.interchange import columns as cols
from trygghet_cli.interchange.tables import Table, text
from trygghet_cli.model import Model, PledgeSet, parse_partial

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")
TEXT_KEYS = ("title", "description", "reason", "status_note")


@dataclass(slots=True)
class RowProblem:
    row: int
    message: str


@dataclass(slots=True)
class ParsedRow:
    """One row's fields: a value, or None where the cell is empty (the field is cleared)."""

    row: int
    fields: dict[str, Any] = field(default_factory=dict)
    targets: list[dict[str, Any]] | None = None
    skip: bool = False


class _Names:
    """Ids by id or name (case-insensitive) for parties, functions, districts and pledges."""

    def __init__(self, model: Model, pledge_set: PledgeSet) -> None:
        config = model.config
        assert config is not None
        self.tables: dict[str, dict[str, str]] = {
            "parties": _by_id_and_name((p.id, p.name) for p in config.parties),
            "owners": _by_id_and_name((f.id, f.name) for f in config.functions),
            "districts": _by_id_and_name((d.id, d.name) for d in config.districts),
            "pledges": _by_id_and_name((p.id, p.id) for p in pledge_set.pledges),
        }
        # "2" or "Löfte 2" names the second pledge of the set.
        for number, pledge in enumerate(pledge_set.pledges, start=1):
            self.tables["pledges"][str(number)] = pledge.id
        self.party_of = {f.id: f.party for f in config.functions}

    def resolve(self, key: str, value: str) -> str | None:
        table = self.tables[key]
        plain = cols.normal(value)
        if key == "pledges":
            plain = re.sub(r"^(medborgar)?(löfte|pledge)\s*", "", plain)
        return table.get(plain)

    def known(self, key: str) -> str:
        values = sorted(set(self.tables[key].values()))
        return ", ".join(values[:8]) + (" ..." if len(values) > 8 else "")


def _by_id_and_name(pairs: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for ident, name in pairs:
        found[cols.normal(name)] = ident
        found[cols.normal(ident)] = ident
    return found


def _date(value: str) -> date | str:
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?", value)
    try:
        return date.fromisoformat(match.group(1)) if match else value
    except ValueError:
        return value


class RowParser:
    """Reads the rows of one table against the data root's names and the mapping."""

    def __init__(self, model: Model, pledge_set: PledgeSet, mapping: cols.Mapping, period: str,
                 columns: dict[int, str]) -> None:
        self.names = _Names(model, pledge_set)
        self.mapping = mapping
        self.period = period
        self.columns = columns
        self.problems: list[RowProblem] = []

    def problem(self, row: int, message: str) -> None:
        self.problems.append(RowProblem(row, message))

    def parse(self, table: Table) -> list[ParsedRow]:
        parsed = []
        for number, values in table.rows:
            # Target cells keep their line breaks: line n of each belongs to target n.
            cells = {key: text(values[i], strip=key not in cols.TARGET_KEYS) if i < len(values) else ""
                     for i, key in self.columns.items()}
            parsed.append(self.row(number, cells))
        return parsed

    def row(self, number: int, cells: dict[str, str]) -> ParsedRow:
        result = ParsedRow(number)
        period = cells.get("period", "")
        if period and period.replace("–", "-") != self.period:
            # The row belongs to another period: its pledges are unknown here, so say only that.
            self.problem(number, f"period '{period}' is not the imported period '{self.period}' "
                         f"(import it with --period {period})")
            result.skip = True
            return result
        for key, value in cells.items():
            if key in cols.TARGET_KEYS or key in ("period", "municipality"):
                continue
            result.fields[key] = self.value(number, key, value) if value else None
        if any(key in cells for key in cols.TARGET_KEYS):
            result.targets = self.targets(number, cells)
        return result

    def value(self, number: int, key: str, value: str) -> Any:
        if key == "id":
            if not _ID.match(value):
                self.problem(number, f"id '{value}' has the wrong form (a-z, 0-9, '-', '.', '_')")
            return value
        if key in cols.LIST_KEYS:
            return self.listed(number, key, value)
        if key in ("start", "due"):
            day = _date(value)
            if not isinstance(day, date):
                self.problem(number, f"{key} '{value}' is not a date (YYYY-MM-DD)")
            return day
        if key == "completed":
            return self.completed(number, value)
        if key == "status":
            return self.word(number, self.mapping.statuses, value, "status", cols.STATUSES)
        if key == "visibility":
            return self.word(number, self.mapping.visibilities, value, "visibility",
                             cols.VISIBILITIES)
        return value

    def completed(self, number: int, value: str) -> date | str:
        day = _date(value)
        if isinstance(day, date):
            return day
        if parse_partial(value) is None or not re.fullmatch(r"\d{4}(-\d{2})?", value):
            self.problem(number, f"completed '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return value

    def word(self, number: int, table: dict[str, str], value: str, what: str,
             words: dict[str, tuple[str, str, tuple[str, ...]]]) -> str:
        found = table.get(cols.normal(value))
        if found is None:
            accepted = ", ".join(f"{sv}/{en}" for sv, en, _ in words.values())
            self.problem(number, f"unknown {what} '{value}' (use {accepted})")
            return value
        return found

    def listed(self, number: int, key: str, value: str) -> list[str]:
        items = [item for item in _LIST_SPLIT.split(value) if item]
        if key == "places":
            return items
        resolved = []
        for item in items:
            ident = self.names.resolve(key, item)
            if ident is None:
                self.problem(number, f"unknown {cols.header(key, 'en').rstrip('s')} '{item}' "
                             f"(known: {self.names.known(key)})")
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
                item["kind"] = self.word(number, self.mapping.kinds, cell("target_kind"),
                                         "target kind", cols.KINDS)
            if cell("target_value"):
                item["value"] = self.number(number, cell("target_value"))
            item["unit"] = cell("target_unit") or None
            if cell("target_per"):
                item["per"] = self.word(number, self.mapping.pers, cell("target_per"), "per",
                                        cols.PERS)
            if item["text"]:
                found.append(item)
        return found

    def number(self, number: int, value: str) -> int | float | str:
        try:
            parsed = float(value.replace(",", ".").replace(" ", ""))
        except ValueError:
            self.problem(number, f"target value '{value}' is not a number")
            return value
        return int(parsed) if parsed.is_integer() else parsed
