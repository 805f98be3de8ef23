"""`trygghet import activities` and `import indicators`: read a table from Excel or CSV into
the YAML data."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from trygghet_cli.cli.app import app, command, options
from trygghet_cli.cli.conventions import Group
from trygghet_cli.cli.edit_common import writable_root
from trygghet_cli.errors import ExitCode

if TYPE_CHECKING:
    from trygghet_cli.interchange.importing import ImportPlan
    from trygghet_cli.interchange.parse import RowProblem

class ImportTable(StrEnum):
    activities = "activities"
    outcomes = "outcomes"


import_app = typer.Typer(cls=Group, help="Import data from spreadsheets.", no_args_is_help=True)
app.add_typer(import_app, name="import")


@command("activities", group=import_app,
         epilog="Exit codes: 0 imported (or would be, with --dry-run), 1 rows that cannot be "
         "imported (nothing written), 2 usage error, 3 a file could not be read or written, "
         "4 the activity file changed during the import.")
def import_activities(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="The table: .xlsx or .csv (UTF-8; ',' or ';').",
                                dir_okay=False),
    period: str = typer.Option(..., "--period", "-p", help="Pledge period to import into, e.g. "
                               "2024-2025 or ml-2024-2025."),
    mapping: Path = typer.Option(None, "--mapping", "-m", help="YAML file mapping your headers "
                                 "and status words (kolumner:/columns:, status:, blad:/sheet:, "
                                 "rubrikrad:/header_row:).",
                                 dir_okay=False),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Show the change, write nothing."),
    loose_dates: bool = typer.Option(False, "--loose-dates", help="Read a week, month or season "
                                     "('v. 12', '2026-09', 'hösten 2026') as its first day, marked "
                                     "uncertain, instead of refusing the cell."),
    table: ImportTable = typer.Option(ImportTable.activities, "--table", help="What the table "
                                      "holds: activities (and a workbook's sheet Utfall beside "
                                      "them), or outcomes alone (as 'export --table outcomes' "
                                      "writes them)."),
) -> None:
    """Import activities from a spreadsheet. Columns are found by their headers, in Swedish or
    English (id, titel/title, beskrivning/description, löfte/pledge, ansvarig/owner,
    part/party, kommundel/district, plats/place, start, slutdatum/due, status, slutförd/completed,
    orsak/reason, mål/target, måltyp, målvärde, målenhet, ...); the header row is found by
    itself below a title row. Merged cells read as their value in every row they span. Lists
    in a cell are parted by ',', ';', 'och' or line breaks; parties and owners are matched
    by id or name, also 'Polisen', 'Kommunen' or 'Trygghetssamordnaren'. Rows with a known id,
    or without an id but with the title of an activity in the list, update that activity, and
    an empty cell keeps its value; other rows add activities. Any cell that cannot be imported
    is named by row and column and nothing is written; the result must pass validation
    before it is written. A table has at most 10 000 rows and 200 columns, a workbook at
    most 20 MB unpacked.

    Examples:

      trygghet import activities aktiviteter.xlsx --period 2024-2025 --dry-run

      trygghet import activities aktiviteter.csv --period 2024-2025 --mapping kolumner.yaml
    """
    from trygghet_cli.editing import atomic
    from trygghet_cli.interchange import importing
    from trygghet_cli.output.progress import progress

    opts = options(ctx)
    root = writable_root(ctx)
    lang = opts.lang or _language(root)
    with atomic.root_lock(root):
        with progress("import", 0) as tick:
            result = importing.plan(root, file, period, mapping, tick, lang, loose_dates, table.value)
        _report(result, file, lang, dry_run)


@command("indicators", group=import_app,
         epilog="Exit codes: 0 imported (or would be, with --dry-run), 1 rows that cannot be "
         "imported (nothing written), 2 usage error, 3 a file could not be read or written, "
         "4 the lägesbild changed during the import.")
def import_indicators(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="The table: .xlsx or .csv (UTF-8; ',' or ';').",
                                dir_okay=False),
    situation: str = typer.Option(None, "--situation", "-s", help="Id of the lägesbild to "
                                  "import into, e.g. lb-2024-10 (default: the newest)."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Show the change, write nothing."),
) -> None:
    """Import indicator values from a statistics table into a lägesbild. Columns are found by
    their headers: område/kommundel/area (empty or 'hela kommunen': the whole municipality),
    år/datum/year/date (2024, 2024-10 or 2024-10-07), mått/indikator/measure (the indicator's
    id or name) and värde/value (decimal comma or point). A value already in the lägesbild for
    that date and area is updated; others are added. Any row that cannot be imported is
    reported by its row number and nothing is written.

    Examples:

      trygghet import indicators statistik.csv --dry-run

      trygghet import indicators statistik.xlsx --situation lb-2024-10
    """
    from trygghet_cli.editing import atomic
    from trygghet_cli.interchange import indicators

    opts = options(ctx)
    root = writable_root(ctx)
    lang = opts.lang or _language(root)
    with atomic.root_lock(root):
        result = indicators.plan(root, file, situation, lang)
        _report(result, file, lang, dry_run, "import.values")


def _report(result: ImportPlan, file: Path, lang: str, dry_run: bool,
            messages: str = "import") -> None:
    """Print the problems (exit 1), the diff of a dry run, or write the file; `messages` is
    the prefix of the would/done message keys."""
    import difflib

    from trygghet_cli.i18n import label, plural
    from trygghet_cli.interchange import importing
    from trygghet_cli.root import config

    shown = config.display_path(result.path)
    if result.ignored_headers:
        typer.echo(label("import.ignored", lang, headers=", ".join(result.ignored_headers)), err=True)
    for note in result.notes:
        typer.echo(f"{file}: {_where(note, lang) + ': ' if note.row else ''}{note.message}", err=True)
    if result.problems:
        for problem in result.problems:
            where = _where(problem, lang) if problem.row else shown
            typer.echo(f"{file}: {where}: {problem.message}", err=True)
        typer.echo(label("import.failed", lang, count=len(result.problems)), err=True)
        raise typer.Exit(int(ExitCode.INVALID))
    counts = {"added": len(result.added), "updated": len(result.updated), "path": shown}
    if dry_run:
        diff = difflib.unified_diff(result.old_text.splitlines(keepends=True),
                                    result.new_text.splitlines(keepends=True), shown, shown)
        typer.echo("".join(diff), nl=False)
        typer.echo(label(f"{messages}.would", lang, **counts), err=True)
        return
    importing.write(result)
    if messages != "import":
        typer.echo(label(f"{messages}.done", lang, **counts))
    elif result.new_text == result.old_text:
        typer.echo(label("import.nothing", lang, path=shown))
    else:
        typer.echo(label("import.summary", lang, path=shown,
                         added=plural("import.added", lang, len(result.added)),
                         changed=plural("import.changed", lang, len(importing.changed(result)))))
        if result.outcomes_added or result.outcomes_changed:
            typer.echo(label("import.outcomes", lang, path=shown,
                             added=plural("import.outcomes_added", lang, result.outcomes_added),
                             changed=plural("import.outcomes_changed", lang, result.outcomes_changed)))
        if result.results_added or result.results_changed:
            typer.echo(label("import.results", lang, path=shown,
                             added=plural("import.outcomes_added", lang, result.results_added),
                             changed=plural("import.outcomes_changed", lang, result.results_changed)))


def _where(problem: RowProblem, lang: str) -> str:
    """'rad 5' or 'rad 5, kolumn Start'."""
    from trygghet_cli.i18n import label

    where = (label("import.cell", lang, row=problem.row, column=problem.column) if problem.column
             else label("import.row", lang, row=problem.row))
    return label("import.in_sheet", lang, sheet=problem.sheet, where=where) if problem.sheet else where


def _language(root: Path) -> str:
    from trygghet_cli.root import config

    return config.root_language([root])
