"""Command-line interface: a thin Typer layer over the library."""

from __future__ import annotations

import os
import sys

from trygghet_cli.cli.app import NO_ROOM, app, language, output_failed


def _only_module() -> str | None:
    """The one command module that the running `trygghet` needs, when it named one (see
    trygghet_cli.__main__); None: every command is registered, as for any other importer."""
    launcher = sys.modules.get("trygghet_cli.__main__")
    if launcher is None:  # `python -m trygghet_cli` runs the module as __main__
        running = sys.modules.get("__main__")
        spec = getattr(running, "__spec__", None)
        launcher = running if getattr(spec, "name", None) == "trygghet_cli.__main__" else None
    only = getattr(launcher, "command_module", None)
    return only if isinstance(only, str) else None


if _only_module() is None:
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
else:
    import importlib

    importlib.import_module(f"trygghet_cli.cli.{_only_module()}")

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
    """Console entry point: stdout that cannot encode a character, a closed pipe or a full
    disk (also for --version and --help, which run before any command) is no crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # a full disk shows here, not in the flush at exit
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except OSError as exc:
        if exc.errno not in NO_ROOM:
            raise
        sys.exit(output_failed(exc, language()).exit_code)
