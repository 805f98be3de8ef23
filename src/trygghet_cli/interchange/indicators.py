"""Import indicator values from a statistics table into a lägesbild: all rows or nothing.

The table has the shape statistics downloads have: area (kommundel), year or date,
measure (indikator) and value, Swedish or English headers, decimal comma allowed. Each
row sets the value for that indicator, date and district, or adds it when missing; the
file changes only on the lines of those values (the edit commands' Editor).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from trygghet_cli.errors import UsageError
from trygghet_cli.i18n import label
from trygghet_cli.interchange import tables
from trygghet_cli.interchange.columns import number as read_number
from trygghet_cli.interchange.importing import ImportPlan
from trygghet_cli.interchange.parse import RowProblem
from trygghet_cli.root import repository

HEADERS = {
    "area": {"område", "omrade", "kommundel", "area", "district", "region"},
    "date": {"år", "ar", "year", "datum", "date", "period", "tid", "månad"},
    "measure": {"mått", "matt", "indikator", "measure", "indicator", "variabel"},
    "value": {"värde", "varde", "value"},
    "note": {"kommentar", "anmärkning", "anmarkning", "not", "fotnot", "note", "comment"},
}
MISSING = {"–", "-", "—", "..", "…", "...", ""}  # "uppgift saknas" in Swedish statistics
WHOLE = {"", "hela kommunen", "kommunen", "totalt", "total", "samtliga", "alla", "whole municipality"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _key(header: str) -> str:
    return re.sub(r"\(.*?\)|[*:]", "", header).strip().casefold()


def _known(headers: list[str]) -> int:
    """How many of a row's cells are indicator table headers (to find the header row)."""
    return sum(1 for header in headers if any(_key(header) in words for words in HEADERS.values()))


def _columns(source: Path, headers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        for name, words in HEADERS.items():
            if _key(header) in words and name not in found:
                found[name] = index
    missing = [name for name in ("date", "measure", "value") if name not in found]
    if missing:
        raise UsageError.say("import.indicator_columns", path=source, missing=", ".join(missing),
                             headers=", ".join(h for h in headers if h) or "—")
    return found


def _situation(model: Any, ident: str | None) -> Any:
    if ident is not None:
        found = model.situation(ident)
        if found is None:
            known = ", ".join(s.id for s in model.situations) or "—"
            raise UsageError.say("import.no_situation", ident=ident, known=known)
        return found
    if not model.situations:
        raise UsageError.say("import.no_situations")
    return max(model.situations, key=lambda s: s.day)


class _Rows:
    """Applies table rows to the lägesbild's Editor and collects the problems by row."""

    def __init__(self, model: Any, situation: Any, lang: str) -> None:
        from trygghet_cli.editing.roundtrip import Editor

        self.situation, self.lang = situation, lang
        self.editor = Editor(situation.ref.file, "situation")
        config = model.config
        self.areas: dict[str, str | None] = {w: None for w in WHOLE}
        self.areas[config.municipality.casefold()] = None
        for district in config.districts:
            self.areas[district.id.casefold()] = self.areas[district.name.casefold()] = district.id
        self.measures = {k.casefold(): i for i in situation.indicators for k in (i.id, i.name)}
        self.seen: dict[tuple[str, str, str | None], int] = {}
        self.index: dict[str, dict[tuple[str, str | None], Any]] = {}  # per indicator, built once
        self.covers = _covers(situation)
        self.problems: list[RowProblem] = []
        self.notes: list[RowProblem] = []
        self.added: list[str] = []
        self.updated: list[str] = []

    def _problem(self, row: int, key: str, **values: object) -> None:
        self.problems.append(RowProblem(row, label(key, self.lang, **values)))

    def _note(self, row: int, key: str, **values: object) -> None:
        self.notes.append(RowProblem(row, label(key, self.lang, **values)))

    def apply(self, row: int, area: str, when: str, measure: str, cell: str, note: str = "") -> None:
        indicator = self.measures.get(measure.casefold())
        district = self.areas.get(area.casefold(), "?")
        if cell.strip() in MISSING:
            return self._note(row, "import.value_missing", value=cell.strip() or "—")
        value = read_number(cell)
        if indicator is None:
            known = ", ".join(i.id for i in self.situation.indicators)
            return self._problem(row, "import.unknown_indicator", name=measure, known=known)
        if district == "?":
            return self._problem(row, "import.unknown_area", name=area)
        if not DATE.fullmatch(when):
            return self._problem(row, "import.bad_date", value=when)
        if value is None:
            return self._problem(row, "import.bad_value", value=cell)
        first = self.seen.setdefault((indicator.id, when, district), row)
        if first != row:
            return self._problem(row, "import.twice", first=first)
        if self.covers and not _overlaps(when, self.covers):
            self._note(row, "import.outside_covers", value=when, start=self.covers[0].isoformat(),
                       end=self.covers[1].isoformat())
        self._set(indicator, when, district, value, note.strip())
        return None

    def _values(self, indicator: Any) -> dict[tuple[str, str | None], Any]:
        """The indicator's values by (date, district), from the file as written."""
        from trygghet_cli.editing.roundtrip import get

        if indicator.id not in self.index:
            data = self.situation.ref.file.data
            found: dict[tuple[str, str | None], Any] = {}
            for old in indicator.values:
                raw = get(data, old.ref.path)
                found.setdefault((str(raw.get("date")), raw.get("district")), (old.ref.path, raw))
            self.index[indicator.id] = found
        return self.index[indicator.id]

    def _set(self, indicator: Any, when: str, district: str | None, value: float,
             note: str) -> None:
        old = self._values(indicator).get((when, district))
        if old is not None:
            path, raw = old
            changed = False
            for key, new in (("value", value), ("note", note or None)):
                if new is not None and raw.get(key) != new:
                    self.editor.set((*path, key), new)
                    changed = True
            if changed:
                self.updated.append(indicator.id)
            return
        item: dict[str, Any] = {"date": when, **({"district": district} if district else {}),
                                "value": value, **({"note": note} if note else {})}
        self.editor.append((*indicator.ref.path, "values"), item)
        self.added.append(indicator.id)


def plan(root: Path, source: Path, situation_id: str | None, lang: str) -> ImportPlan:
    """Read the table, set its values in the lägesbild and check the whole root with it."""
    from trygghet_cli.interchange.importing import _check

    model = repository.load_valid(root).model
    situation = _situation(model, situation_id)
    table = tables.read(source, score=_known)
    columns = _columns(source, table.headers)
    doc = situation.ref.file
    result = ImportPlan(Path(doc.path), doc.text, digest=doc.digest, had_bom=doc.had_bom)
    rows = _Rows(model, situation, lang)
    for number, values in table.rows:
        cells = {name: tables.text(values[i]) if i < len(values) else ""
                 for name, i in columns.items()}
        rows.apply(number, cells.get("area", ""), cells["date"], cells["measure"], cells["value"],
                   cells.get("note", ""))
    result.problems, result.added, result.updated = rows.problems, rows.added, rows.updated
    result.notes = rows.notes
    if result.problems:
        return result
    try:
        result.new_text = rows.editor.result().text
    except (UsageError, ValueError, KeyError) as exc:
        raise UsageError.say("import.indicator_not_in_place", path=doc.path, problem=exc) from exc
    result.problems = _check(root, Path(doc.path), result.new_text, {}, lang)
    return result


def _covers(situation: Any) -> tuple[Any, Any] | None:
    """The first and last day the lägesbild's kartläggning covers, if it says."""
    from datetime import date

    covers = situation.ref.file.data.get("covers") if isinstance(situation.ref.file.data, dict) else None
    if not isinstance(covers, dict):
        return None
    try:
        return date.fromisoformat(str(covers["start"])), date.fromisoformat(str(covers["end"]))
    except (KeyError, ValueError):
        return None


def _overlaps(when: str, covers: tuple[Any, Any]) -> bool:
    from trygghet_cli.model import parse_partial

    span = parse_partial(when)
    return span is None or (span.first <= covers[1] and covers[0] <= span.last)
