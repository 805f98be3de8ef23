"""Read and write activity tables: CSV (UTF-8, for Excel with a BOM) and Excel workbooks."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trygghet_cli.errors import DataError, ReadError, UsageError
from trygghet_cli.output import csv_cells
from trygghet_cli.output.csv_cells import restored

DATE_KEYS = {"start", "due"}


@dataclass(slots=True)
class Table:
    """A table's headers and its data rows, each with the row number a spreadsheet shows."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]


def to_csv(headers: list[str], rows: list[list[str]], lang: str, delimiter: str | None = None) -> str:
    """The table as a CSV file for a spreadsheet in the language (see csv_cells.table)."""
    return csv_cells.table(headers, rows, lang, delimiter)


@dataclass(slots=True)
class Sheet:
    """One more sheet of a workbook: its name, headers, column keys, rows and date columns."""

    name: str
    headers: list[str]
    keys: list[str]
    rows: list[list[str]]
    dates: set[str]
    numbers: frozenset[str] = frozenset()  # columns whose numeric cells are written as numbers


def to_xlsx(headers: list[str], keys: list[str], rows: list[list[str]], sheet: str,
            stamp: datetime, more: tuple[Sheet, ...] = ()) -> bytes:
    """A workbook with one sheet, and any more sheets after it; dates as real dates, the
    header bold and frozen. The first sheet is the one `import` reads."""
    from openpyxl import Workbook

    book = Workbook()
    _fill(book.active, Sheet(sheet, headers, keys, rows, DATE_KEYS))
    for extra in more:
        _fill(book.create_sheet(extra.name), extra)
    # Reproducible output: the document dates come from the data, not the clock.
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "trygghet"  # how report/export -o knows the file is its own
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font

    headers, keys, rows = sheet.headers, sheet.keys, sheet.rows
    ws.title = sheet.name
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for values in rows:
        ws.append([_excel_value(key, value, sheet) for key, value in zip(keys, values, strict=True)])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # openpyxl takes text starting with '=' for a formula
                cell.data_type = "s"
    for column, key in enumerate(keys, start=1):
        letter = ws.cell(row=1, column=column).column_letter
        ws.column_dimensions[letter].width = 40 if key in {"title", "description", "target"} else 14
        for cell in ws[letter][1:]:
            if key in sheet.dates:
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def _excel_value(key: str, value: str, sheet: Sheet) -> Any:
    if key in sheet.dates and len(value) == 10:
        return date.fromisoformat(value)
    if key in sheet.numbers and value:
        try:
            return int(value) if value.lstrip("-").isdigit() else float(value)
        except ValueError:
            return value  # an outcome in words
    return value or None


def read(path: Path, sheet: str | None = None, header_row: int = 1) -> Table:
    """The table in a .csv or .xlsx file."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx", ".xlsm"}:
        raise UsageError.say("import.file_kind", path=path, suffix=suffix or "—")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError.say("io.cannot_read", path=path, reason=exc.strerror or exc) from exc
    if suffix == ".csv":
        return _read_csv(path, raw, header_row)
    return _read_xlsx(path, raw, sheet, header_row)


def _read_csv(path: Path, raw: bytes, header_row: int) -> Table:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError.say("import.not_utf8", path=path, byte=exc.start) from exc
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, int, list[str]]] = []  # (row, first line, cells)
    try:
        for record in reader:
            first = records[-1][1] + _lines(records[-1][2]) if records else 1
            records.append((len(records) + 1, first, record))
    except csv.Error as exc:  # a cell over csv's field limit, or a quote it cannot place
        raise DataError.say("import.csv_line", path=path, line=reader.line_num, problem=exc) from exc
    _same_width(path, records, header_row, delimiter)
    return _table(path, [(number, record) for number, _, record in records], header_row)


def _delimiter(text: str) -> str:
    """The separator the header line uses most: ';' (Swedish Excel), ',' or a tab."""
    head = text.split("\n", 1)[0]
    counts = {d: head.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:  # one column: the rest of the file decides
        sample = text[:4096]
        return ";" if sample.count(";") > sample.count(",") else ","
    return best


def _lines(cells: list[str]) -> int:
    """How many lines a record took in the file (a quoted cell may hold line breaks)."""
    return 1 + sum(cell.count("\n") for cell in cells)


def _same_width(path: Path, records: list[tuple[int, int, list[str]]], header_row: int,
                delimiter: str) -> None:
    """Refuse a table whose rows have more or fewer fields than its header.

    A ';' inside an unquoted cell of a ';'-separated file splits the cell, and every later
    value of the row lands in the wrong column: checked value by value it gave errors about
    the shifted values instead of the one cause. Extra fields left empty are harmless."""
    header = next((cells for row, _, cells in records if row == header_row), None)
    if header is None:
        return
    width = len(header)
    ragged = [(row, line, len(cells)) for row, line, cells in records
              if row > header_row and any(c.strip() for c in cells)
              and (len(cells) < width or any(c.strip() for c in cells[width:]))]
    if not ragged:
        return
    row, line, count = ragged[0]
    values: dict[str, object] = {"path": path, "line": line, "row": row, "count": count,
                                 "header": width, "delimiter": "tab" if delimiter == "\t" else delimiter}
    if len(ragged) == 1:
        raise DataError.say("table.fields", **values)
    others = ", ".join(str(r) for r, _, _ in ragged[1:6]) + (", ..." if len(ragged) > 6 else "")
    key = "table.fields_and_row" if len(ragged) == 2 else "table.fields_and_rows"
    raise DataError.say(key, **values, others=others)


def _read_xlsx(path: Path, raw: bytes, sheet: str | None, header_row: int) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ReadError.say("import.not_workbook", path=path, kind=type(exc).__name__) from exc
    if sheet is not None and sheet not in book.sheetnames:
        raise UsageError.say("import.no_sheet", path=path, sheet=sheet,
                             sheets=", ".join(book.sheetnames))
    ws = book[sheet] if sheet is not None else book.worksheets[0]
    records = [(number, list(values)) for number, values in
               enumerate(ws.iter_rows(values_only=True), start=1)]
    book.close()
    return _table(path, records, header_row)


def _table(path: Path, records: list[tuple[int, list[Any]]], header_row: int) -> Table:
    header = next((values for number, values in records if number == header_row), None)
    if header is None:
        raise UsageError.say("import.no_header_row", path=path, row=header_row)
    rows = [(number, values) for number, values in records
            if number > header_row and any(text(v) for v in values)]
    return Table([text(h) for h in header], rows)


def text(value: Any, strip: bool = True) -> str:
    """A cell as text: numbers without a needless '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # A formula-looking cell of trygghet's own CSV export comes back without its guard quote.
    return restored(str(value).strip() if strip else str(value))
