"""The --delimiter option of the commands that write CSV for spreadsheets."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer


class Delimiter(StrEnum):
    semicolon = ";"
    comma = ","
    tab = "tab"


HELP = ("CSV field separator: ';', ',' or tab. Default: ';' with a byte-order mark in Swedish "
        "(what Swedish Excel opens by double-click), ',' in English.")


def option() -> Any:
    """A fresh `--delimiter` option (Typer needs one per command)."""
    return typer.Option(None, "--delimiter", help=HELP)
