"""`trygghet migrate`: bring a data root to the newest data format, with the fewest line edits."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from trygghet_cli.cli.app import command, data_root, options
from trygghet_cli.cli.edit_common import DRY_RUN_HELP, writable_root
from trygghet_cli.errors import ExitCode

if TYPE_CHECKING:
    from trygghet_cli.editing.migrate import Migration

CI_FILES = (".github/workflows/trygghet.yml", ".gitlab-ci.yml")
_PIN = re.compile(r"#\s*trygghet (\d+\.\d+\.\d+), pinned by its commit")


def _notes(result: Migration, lang: str) -> None:
    from trygghet_cli.i18n import label

    for note in result.done:
        typer.echo(f"  {note.text(lang)}")
    if result.left:
        typer.echo(label("migrate.left", lang, format=result.reached), err=True)
        for note in result.left:
            typer.echo(f"  {note.text(lang)}", err=True)


def _pins(root: Path, reached: int, lang: str) -> None:
    """Warn when the root's CI files (as init wrote them) install a release that would refuse
    the format just written."""
    from trygghet_cli import formats
    from trygghet_cli.i18n import label

    for name in CI_FILES:
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found = _PIN.search(text)
        if found and formats.read_by(found[1]) < reached:
            typer.echo(label("migrate.pin", lang, file=name, version=found[1], format=reached), err=True)


@command("migrate", epilog="Exit codes: 0 migrated (or nothing to do), 1 --check found something "
         "to migrate, or the data has errors, 3 a file could not be read or written, 4 a file "
         "changed on disk meanwhile.")
def migrate(
    ctx: typer.Context,
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 saying what migrate "
                               "would change (for CI, after moving the pin)."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
) -> None:
    """Bring the data root from an earlier data format to the newest one.

    Changes only the lines it must (comments, order, quotes, line breaks and a BOM are
    kept), and says per file what it changed and why. What it cannot decide without
    guessing it names and leaves; the root then keeps its format and stays valid.
    docs/compatibility.md has the formats and the rules.

    Examples:

      trygghet migrate --check        # in CI: does the data need migrating?

      trygghet migrate --dry-run

      trygghet migrate
    """
    from trygghet_cli import formats
    from trygghet_cli.editing import atomic, session
    from trygghet_cli.editing.migrate import migrate as plan_migration
    from trygghet_cli.i18n import label
    from trygghet_cli.root import config

    read_only = check or dry_run
    root = data_root(ctx) if read_only else writable_root(ctx)
    lang = options(ctx).lang or config.root_language([root])
    with atomic.root_lock(root):
        result = plan_migration(root)
        if not result.changed and not result.left:
            typer.echo(label("migrate.current", lang, format=result.reached))
            return
        if check:
            typer.echo(label("migrate.would", lang, old=result.start, new=formats.CURRENT))
            _notes(result, lang)
            raise typer.Exit(int(ExitCode.INVALID))
        if dry_run:
            typer.echo(result.plan.diff())
            _notes(result, lang)
            typer.echo(label("edit.dry_run", lang), err=True)
            return
        for path in session.write(result.plan):
            typer.echo(label("edit.written", lang, path=config.display_path(path)))
        _notes(result, lang)
        if result.reached > result.start:
            typer.echo(label("migrate.done", lang, old=result.start, new=result.reached))
            _pins(root, result.reached, lang)
