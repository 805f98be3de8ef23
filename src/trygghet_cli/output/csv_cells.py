"""Cells of the CSV files trygghet writes, made inert for spreadsheets.

A title such as `=HYPERLINK("http://…?x="&A1,"Klicka")` would run as a formula when the
CSV is opened in Excel or LibreOffice. OWASP's advice: a cell that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return gets a leading `'`, which the spreadsheet shows as
text. Plain numbers (`-3`, `+4,5`) cannot be formulas and stay as they are; fullwidth and
small forms (`＝`, `﹦`, `＋`, `﹢`, `－`, `﹣`, `＠`, `﹫`) count as what they fold to, every
minus and dash look-alike as `-`, and invisible format characters before the first visible
one are looked through. `trygghet import` removes the `'` again.

One function for every CSV trygghet writes: export, status, overview and the site's open data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


_MINUS_LIKE = {"\u2212", "\u2796", "\u2795"}


def _first_as_spreadsheet_reads(text: str) -> str:
    """The first character that counts, folded: format characters (ZWSP, BOM) skipped."""
    for char in text:
        if unicodedata.category(char) == "Cf":
            continue
        first = unicodedata.normalize("NFKC", char)[:1]
        if char in _MINUS_LIKE or unicodedata.category(first) == "Pd":
            return "+" if char == "\u2795" else "-"
        return first
    return ""


def starts_like_formula(text: str) -> bool:
    """Whether a spreadsheet could take the text for a formula (numbers never)."""
    return _first_as_spreadsheet_reads(text) in TRIGGERS and not _NUMBER.fullmatch(text)


def inert(cell: object) -> object:
    """The cell as written to a CSV file: text a spreadsheet would run gets a leading `'`."""
    if isinstance(cell, str) and cell and starts_like_formula(cell):
        return "'" + cell
    return cell


def restored(cell: str) -> str:
    """A cell read back from a CSV file trygghet wrote: the `'` that inert() added removed."""
    if cell[:1] == "'" and starts_like_formula(cell[1:]):
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
