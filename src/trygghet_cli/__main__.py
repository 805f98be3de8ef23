"""`python -m trygghet_cli` and the `trygghet` command.

Nothing is imported here before the handler for Ctrl-C is in place: the command-line
interface takes a tenth of a second to import, and a Ctrl-C then printed a traceback.
"""

import contextlib
import sys


def main() -> None:
    """Run the command line; Ctrl-C at any moment ends it with exit 130 and no traceback."""
    if sys.argv[1:] == ["--version"]:  # at once: the interface is Typer and every command
        _version()
        return
    try:
        from trygghet_cli.cli import main as run

        run()
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):
            sys.stderr.write("\n")
        sys.exit(130)


def _version() -> None:
    """`trygghet --version` without importing the interface (16.6 times a bare Python start);
    a full disk is exit 3 with the interface's one line, as for every command."""
    from trygghet_cli import __version__

    try:
        sys.stdout.write(f"trygghet {__version__}\n")
        sys.stdout.flush()
    except BrokenPipeError:
        sys.exit(0)
    except OSError:
        from trygghet_cli.cli import main as run

        run()  # says it in the user's language and exits 3


if __name__ == "__main__":
    main()
