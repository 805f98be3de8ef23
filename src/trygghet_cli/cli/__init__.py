"""Command-line interface: a thin Typer layer over the library."""

from __future__ import annotations

import os
import sys

from trygghet_cli.cli import (
    activity_cmd,
    check_cmd,
    diff_cmd,
    explain_cmd,
    export_cmd,
    fmt_cmd,
    import_cmd,
    init_cmd,
    migrate_cmd,
    new_cmd,
    overview_cmd,
    report_cmd,
    schema_cmd,
    site_cmd,
    status_cmd,
    validate_cmd,
)
from trygghet_cli.cli.app import app

__all__ = [
    "activity_cmd",
    "app",
    "check_cmd",
    "diff_cmd",
    "explain_cmd",
    "export_cmd",
    "fmt_cmd",
    "import_cmd",
    "init_cmd",
    "main",
    "migrate_cmd",
    "new_cmd",
    "overview_cmd",
    "report_cmd",
    "schema_cmd",
    "site_cmd",
    "status_cmd",
    "validate_cmd",
]


def main() -> None:
    """Console entry point: stdout that cannot encode a character, or a closed pipe, is no crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
