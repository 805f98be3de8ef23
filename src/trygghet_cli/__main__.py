"""`python -m trygghet_cli` and the `trygghet` command.

Nothing is imported here before the handler for Ctrl-C is in place: the command-line
interface takes a tenth of a second to import, and a Ctrl-C then printed a traceback.
"""

import contextlib
import sys


def main() -> None:
    """Run the command line; Ctrl-C at any moment ends it with exit 130 and no traceback."""
    try:
        from trygghet_cli.cli import main as run

        run()
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):
            sys.stderr.write("\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
