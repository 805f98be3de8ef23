"""The --municipality option of the commands that show, compare or write one municipality's
documents."""

from __future__ import annotations

from typing import Any

import typer

HELP = ("In a data root of several municipalities (a police area): which one, by id, kommunkod or "
        "name. Its own and its joint documents are shown.")
WRITE_HELP = ("In a data root of several municipalities (a police area): which one the new data is "
              "for, by id, kommunkod or name. Its current period is the one continued.")


def option(writes: bool = False) -> Any:
    """A fresh `--municipality/-m` option (Typer needs one per command)."""
    return typer.Option(None, "--municipality", "-m", help=WRITE_HELP if writes else HELP)
