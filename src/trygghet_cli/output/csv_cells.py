"""Cells of the CSV files trygghet writes, made inert for spreadsheets.

A title such as `=HYPERLINK("http://…?x="&A1,"Klicka")` would run as a formula when the
CSV is opened in Excel or LibreOffice. OWASP's advice: a cell that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return gets a leading `'`, which the spreadsheet shows as
text. Plain numbers (`-3`, `+4,5`) cannot be formulas and stay as they are; fullwidth
forms (`＝`) count as what they fold to. `trygghet import` removes the `'` again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def inert(cell: object) -> object:
    """The cell as written to a CSV file: text a spreadsheet would run gets a leading `'`."""
    if not isinstance(cell, str) or not cell:
        return cell
    first = unicodedata.normalize("NFKC", cell[0])[:1]
    if first in TRIGGERS and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def restored(cell: str) -> str:
    """A cell read back from a CSV file trygghet wrote: the `'` that inert() added removed."""
    if cell[:1] == "'" and unicodedata.normalize("NFKC", cell[1:2])[:1] in TRIGGERS:
        return cell[1:]
    return cell


# The names `--delimiter` accepts, and the separator each stands for.
DELIMITERS = {";": ";", ",": ",", "tab": "\t"}


def separator(lang: str, delimiter: str | None = None) -> str:
    """The field separator: the one asked for, else ';' for Swedish (Swedish Excel splits a
    double-clicked file on ';', since ',' is its decimal mark) and ',' for English."""
    if delimiter is not None:
        return DELIMITERS[delimiter]
    return ";" if lang == "sv" else ","


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], lang: str,
          delimiter: str | None = None, line_end: str = "\r\n") -> str:
    """A CSV file's text for a spreadsheet: the separator of the language, formula-looking
    cells made inert, and for Swedish a byte-order mark, without which Excel reads the UTF-8
    file as Windows-1252 and shows å, ä and ö garbled."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator(lang, delimiter), lineterminator=line_end)
    writer.writerow(headers)
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return ("\ufeff" if lang == "sv" else "") + out.getvalue()
