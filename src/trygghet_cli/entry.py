"""The console entry point: `trygghet --version` prints before anything heavy is imported.

Importing the command-line interface (trygghet_cli.cli) loads Typer and every command's
module; that cost 9.5 times a bare `python -c pass` just to print the version. Every other
call goes on to the interface's own main().
"""

from __future__ import annotations

import sys


def main() -> None:
    """`trygghet`: the version at once, or the full interface."""
    if sys.argv[1:] == ["--version"]:
        from trygghet_cli import __version__

        sys.stdout.write(f"trygghet {__version__}\n")
        return
    from trygghet_cli.cli import main as full

    full()
