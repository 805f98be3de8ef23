"""`trygghet fmt`: rewrite data files in the one canonical layout, or check that they are."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from trygghet_cli.cli.app import command, data_root, options, say_error
from trygghet_cli.cli.edit_common import DRY_RUN_HELP, writable_root
from trygghet_cli.errors import DataError, ExitCode, ReadError, UsageError

if TYPE_CHECKING:
    from trygghet_cli.editing.session import FileChange


def _files(paths: list[Path], root: Path) -> list[tuple[Path, Path]]:
    """(data root, file) for every data file named or below a named folder."""
    from trygghet_cli.root import config

    if not paths:
        return [(root, f) for f in config.data_files(root)]
    found: list[tuple[Path, Path]] = []
    for path in paths:
        owner = config.root_of(path)
        if owner is None:
            raise UsageError.say("fmt.outside_root", path=path)
        if path.is_dir():
            found.extend((owner, f) for f in config.data_files(owner)
                         if path.resolve() in f.resolve().parents or path.resolve() == owner.resolve())
        else:
            found.append((owner, path))
    return found


def _change(root: Path, file: Path, lang: str) -> FileChange:
    from trygghet_cli.editing import fmt as formatting
    from trygghet_cli.findings import Severity
    from trygghet_cli.loading import load_path
    from trygghet_cli.root import config

    shown = config.display_path(file)
    kind = config.kind_of(root, file)
    if kind is None:
        raise DataError.say("fmt.not_data", path=shown)
    result = load_path(file, shown)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if result.document is None or errors:
        first = errors[0] if errors else None
        message = first.text(lang)[0] if first else "cannot load"
        if first is not None and first.code == "TRY001":
            raise ReadError(f"{first.where}: {message}; not formatted")
        raise DataError(f"{first.where if first else shown}: {message}; fix it before formatting")
    return formatting.format_change(result.document, kind)


@command("fmt", epilog="Exit codes: 0 formatted (or already so), 1 --check found files to "
         "reformat or a file could not be formatted, 3 a file could not be read or written, "
         "4 a file changed on disk meanwhile.")
def fmt(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, help="Files or folders. Default: every file of the data root."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 listing files that "
                               "would change (for CI)."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
) -> None:
    """Rewrite data files in one canonical layout; comments are kept.

    Keys in schema order, 2-space indentation with list dashes under their key, full
    dates unquoted, text that would read as a number double-quoted ("2021", "0486").
    The BOM and the line break style stay as they are.

    Examples:

      trygghet fmt --check            # in CI

      trygghet fmt activities/2024-2025.yaml --dry-run

      trygghet fmt
    """
    from trygghet_cli import i18n
    from trygghet_cli.editing import atomic
    from trygghet_cli.editing import fmt as formatting
    from trygghet_cli.root import config

    opts = options(ctx)
    read_only = check or dry_run
    root = data_root(ctx) if read_only else writable_root(ctx)
    lang = opts.lang or config.root_language([root])
    failed = False
    changed = 0
    files = _files(list(paths or []), root)
    with atomic.root_lock(root):
        for owner, file in files:
            try:
                change = _change(owner, file, lang)
                if not change.changed:
                    continue
                changed += 1
                if check:
                    typer.echo(i18n.label("edit.fmt_would", lang, path=change.path))
                elif dry_run:
                    typer.echo(change.diff())
                else:
                    atomic.write_atomic(change.path, change.new_bytes, change.old_digest or "")
                    typer.echo(i18n.label("edit.fmt_file", lang, path=change.path))
            except formatting.KeptAsIs as kept:
                key = "fmt.kept_comment" if kept.comment else "fmt.kept"
                typer.echo(i18n.label(key, lang, path=kept.path, comment=kept.comment), err=True)
            except DataError as error:
                failed = True
                say_error(error, lang)
    if not changed and not failed:
        typer.echo(i18n.plural("edit.fmt_clean", lang, len(files)))
    elif changed and not read_only:
        typer.echo(i18n.plural("edit.fmt_done", lang, len(files), changed=changed))
    if failed or (check and changed):
        raise typer.Exit(int(ExitCode.INVALID))
