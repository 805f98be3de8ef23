"""`python -m trygghet_cli` and the `trygghet` command.

Nothing is imported here before the handler for Ctrl-C is in place: the command-line
interface takes a tenth of a second to import, and a Ctrl-C then printed a traceback.
"""

import contextlib
import sys

# The module of the one command this run names (`trygghet status ...`: status_cmd), so that the
# interface registers only it: importing every command took about half of a small command's
# time. None: every command (the top-level help, a mistyped command, any other importer).
command_module: str | None = None
_COMMANDS = frozenset({"activity", "check", "diff", "explain", "export", "fmt", "import", "init",
                       "migrate", "new", "overview", "report", "schema", "site", "status", "validate"})
_GLOBAL_WITH_VALUE = frozenset({"--data", "-d", "--lang", "--color"})
_GLOBAL_FLAGS = frozenset({"--no-color", "--debug"})


def global_options_end(args: list[str]) -> int:
    """Where the global options that args begin with end."""
    index = 0
    while index < len(args):
        word = args[index]
        if word in _GLOBAL_WITH_VALUE:
            index += 2
        elif word in _GLOBAL_FLAGS or word.split("=", 1)[0] in _GLOBAL_WITH_VALUE and "=" in word:
            index += 1
        else:
            break
    return index


def named_command(args: list[str]) -> str | None:
    """The command that args name after the global options; None when they name none for
    certain (any other option first, or a word that is no command)."""
    index = global_options_end(args)
    word = args[index] if index < len(args) else None
    return word if word in _COMMANDS else None


def main() -> None:
    """Run the command line; Ctrl-C at any moment ends it with exit 130 and no traceback."""
    global command_module  # noqa: PLW0603 - read once by trygghet_cli.cli as it is imported
    if sys.argv[1:] == ["--version"]:  # at once: the interface is Typer and every command
        _version()
        return
    args = sys.argv[1:]
    named = named_command(args)
    command_module = f"{named}_cmd" if named is not None else None
    try:
        from trygghet_cli import replay

        at = global_options_end(args)
        recording = replay.recording(args, at, named)
        if recording is not None:
            code = replay.replay(recording)
            if code is not None:
                sys.exit(code)
        from trygghet_cli.cli import main as run

        if recording is not None:
            replay.record(recording, args, at, named, run)
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
