"""Read and write activity tables: CSV (UTF-8, for Excel with a BOM) and Excel workbooks."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trygghet_cli.errors import DataError, ReadError, TrygghetError, UsageError
from trygghet_cli.output import csv_cells
from trygghet_cli.output.csv_cells import restored

DATE_KEYS = {"start", "due"}


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
            stamp: datetime, more: tuple[Sheet, ...] = (),
            numbers: frozenset[str] = frozenset()) -> bytes:
    """A workbook with one sheet, and any more sheets after it; dates as real dates, numbers
    as numbers, the header bold and frozen. The first sheet is the one `import` reads."""
    from openpyxl import Workbook

    book = Workbook()
    _fill(book.active, Sheet(sheet, headers, keys, rows, DATE_KEYS, numbers))
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


# Limits, checked before a table is read: a real activity list has under 200 rows and 25
# columns, a statistics table a few thousand rows; a file far beyond them is refused with
# a message instead of hanging (a 1.6 kB workbook can declare a sheet of 17 billion cells).
MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 20 * 1024 * 1024  # a workbook's parts together, unpacked
MAX_PARTS = 1_000
MAX_MERGED_CELLS = 200_000  # cells filled from merged ranges
HEADER_SEARCH = 30  # rows looked at for the header row


@dataclass(slots=True)
class Table:
    """A table's headers and its data rows, each with the row number a spreadsheet shows."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    header_row: int = 1


Score = Callable[[list[str]], int]


def read(path: Path, sheet: str | None = None, header_row: int | None = None,
         score: Score | None = None) -> Table:
    """The table in a .csv or .xlsx file. The header row is `header_row`, or else the row
    among the first ones that `score` finds the most known headers in (a title row and a
    'Reviderad …' row above the headers are passed over); merged cells read as their value."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx", ".xlsm"}:
        raise UsageError.say("import.file_kind", path=path, suffix=suffix or "—")
    if suffix != ".csv":
        return _table(path, _read_xlsx(path, _checked_bytes(path, MAX_UNPACKED), sheet),
                      header_row, score)
    records, delimiter = _read_csv(path, _checked_bytes(path, MAX_CSV_BYTES))
    table = _table(path, [(number, cells) for number, _, cells in records], header_row, score)
    _same_width(path, records, table.header_row, delimiter)
    return table


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def sheet_names(path: Path) -> list[str]:
    """The names of a workbook's sheets ([] for a CSV file)."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return []
    book = _open_book(path, _checked_bytes(path, MAX_UNPACKED))
    names = list(book.sheetnames)
    book.close()
    return names


def _checked_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, when it is no larger than the limit."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise DataError.say("import.file_too_big", path=path, size=_mb(size), limit=_mb(limit))
        return path.read_bytes()
    except OSError as exc:
        raise ReadError.say("io.cannot_read", path=path, reason=exc.strerror or exc) from exc


def _read_csv(path: Path, raw: bytes) -> tuple[list[tuple[int, int, list[str]]], str]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError.say("import.not_utf8", path=path, byte=exc.start) from exc
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, int, list[str]]] = []  # (row, first line, cells)
    try:
        for record in reader:
            if len(records) >= MAX_ROWS + HEADER_SEARCH:
                raise DataError.say("import.too_many_rows", path=path, limit=_count(MAX_ROWS))
            first = records[-1][1] + _lines(records[-1][2]) if records else 1
            records.append((len(records) + 1, first, record[:MAX_COLUMNS]))
    except csv.Error as exc:  # a cell over csv's field limit, or a quote it cannot place
        raise DataError.say("import.csv_line", path=path, line=reader.line_num, problem=exc) from exc
    return records, delimiter


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


def _open_book(path: Path, raw: bytes) -> Any:
    """The workbook opened for streaming, once its zip directory shows it is within the limits."""
    import zipfile

    from openpyxl import load_workbook

    try:
        parts = zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError.say("import.not_workbook", path=path, kind=type(exc).__name__) from exc
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED:
        raise DataError.say("import.unpacked_too_big", path=path, size=_mb(unpacked),
                            limit=_mb(MAX_UNPACKED))
    try:
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ReadError.say("import.not_workbook", path=path, kind=type(exc).__name__) from exc


def _read_xlsx(path: Path, raw: bytes, sheet: str | None) -> list[tuple[int, list[Any]]]:
    book = _open_book(path, raw)
    if sheet is not None and sheet not in book.sheetnames:
        raise UsageError.say("import.no_sheet", path=path, sheet=sheet,
                             sheets=", ".join(book.sheetnames))
    ws = book[sheet] if sheet is not None else book.worksheets[0]
    rows, columns = ws.max_row or 0, ws.max_column or 0  # as the sheet declares them
    if rows > MAX_ROWS + HEADER_SEARCH or columns > MAX_COLUMNS:
        raise DataError.say("import.sheet_too_big", path=path, sheet=ws.title, rows=_count(rows),
                            columns=_count(columns), max_rows=_count(MAX_ROWS),
                            max_columns=_count(MAX_COLUMNS))
    ws.reset_dimensions()  # read what is there, not what the sheet says is there
    records: list[tuple[int, list[Any]]] = []
    try:
        for number, values in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1):
            if number > MAX_ROWS + HEADER_SEARCH:
                raise DataError.say("import.too_many_rows", path=path, limit=_count(MAX_ROWS))
            cells = list(values)
            while cells and cells[-1] is None:
                cells.pop()
            records.append((number, cells))
        merged = _merged_ranges(path, raw, getattr(ws, "_worksheet_path", ""))
    except TrygghetError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet inside a readable zip
        raise ReadError.say("import.not_workbook", path=path, kind=type(exc).__name__) from exc
    finally:
        book.close()
    _fill_down(path, records, merged)
    return records


def _count(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0")


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3}[0-9]{1,7}):([A-Z]{1,3}[0-9]{1,7})\"")


def _merged_ranges(path: Path, raw: bytes, part: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a sheet (min column, min row, max column, max row), from its XML:
    the streaming reader does not see them."""
    import zipfile

    from openpyxl.utils.cell import range_boundaries

    if not part:
        return []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        xml = archive.read(part.lstrip("/"))
    found = []
    for match in _MERGE.finditer(xml):
        bounds = range_boundaries(f"{match.group(1).decode()}:{match.group(2).decode()}")
        found.append(tuple(int(b or 0) for b in bounds))
    return found  # type: ignore[return-value]


def _fill_down(path: Path, records: list[tuple[int, list[Any]]],
               merged: list[tuple[int, int, int, int]]) -> None:
    """A merged range reads as its value in every row it spans (in its first column): the
    pledge column merged over the rows of its activities gives each of them the pledge."""
    budget = MAX_MERGED_CELLS
    for min_col, min_row, _, max_row in merged:
        if min_row > len(records):
            continue
        top = records[min_row - 1][1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        for row in range(min_row + 1, min(max_row, len(records)) + 1):
            budget -= 1
            if budget < 0:
                raise DataError.say("import.too_many_merged", path=path, limit=_count(MAX_MERGED_CELLS))
            cells = records[row - 1][1]
            cells.extend([None] * (min_col - len(cells)))
            cells[min_col - 1] = value


def _table(path: Path, records: list[tuple[int, list[Any]]], header_row: int | None,
           score: Score | None) -> Table:
    header_row = _header_row(path, records, header_row, score)
    header = next((values for number, values in records if number == header_row), None)
    if header is None:
        raise UsageError.say("import.no_header_row", path=path, row=header_row)
    rows = [(number, values) for number, values in records
            if number > header_row and any(text(v) for v in values)]
    return Table([text(h) for h in header], rows, header_row)


def _header_row(path: Path, records: list[tuple[int, list[Any]]], given: int | None,
                score: Score | None) -> int:
    """The row that names the columns: the one given, or the first of the rows with the most
    known headers; a given row with none while another row has some is a mistake to name."""
    if score is None:
        return given or 1
    scores = [(score([text(v) for v in values]), number)
              for number, values in records[:HEADER_SEARCH]]
    best, row = max(scores, key=lambda s: (s[0], -s[1]), default=(0, 1))
    if given is None:
        return row if best > 0 else 1
    if best > 0 and row != given and dict((n, s) for s, n in scores).get(given, 0) == 0:
        raise UsageError.say("import.header_elsewhere", path=path, given=given, row=row)
    return given


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
