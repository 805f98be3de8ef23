"""The --municipality option of the commands that show one municipality's documents."""

from __future__ import annotations

from typing import Any

import typer

HELP = ("In a data root of several municipalities (a police area): which one, by id, kommunkod or "
        "name. Its own and its joint documents are shown.")


def option() -> Any:
    """A fresh `--municipality/-m` option (Typer needs one per command)."""
    return typer.Option(None, "--municipality", "-m", help=HELP)
