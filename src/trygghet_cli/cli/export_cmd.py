"""`trygghet export activities`: activities as CSV, Excel, JSON or an iCalendar file."""

from __future__ import annotations

import sys
from enum import StrEnum

import typer

from trygghet_cli.cli.app import app, command, data_root, options
from trygghet_cli.cli.conventions import Group
from trygghet_cli.cli.delimiter import Delimiter
from trygghet_cli.cli.delimiter import option as delimiter_option
from trygghet_cli.cli.municipality import option as municipality_option
from trygghet_cli.errors import UsageError

export_app = typer.Typer(cls=Group, help="Export data for spreadsheets, analysis and calendars.",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")


class Audience(StrEnum):
    public = "public"
    internal = "internal"


class ExportTable(StrEnum):
    activities = "activities"
    outcomes = "outcomes"
    results = "results"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    ics = "ics"


@command("activities", group=export_app,
         epilog="Exit codes: 0 written, 1 invalid data or personal data in a public export "
         "(nothing written), 2 usage error (also: -o names a data file, or a file trygghet did "
         "not write, without --force), 3 a file could not be read or written.")
def export_activities(
    ctx: typer.Context,
    period: str = typer.Option(None, "--period", "-p", help="Pledge period (e.g. 2024-2025 or "
                               "ml-2024-2025). Default: every period."),
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="csv, xlsx, json or ics."),
    output_text: str | None = typer.Option(None, "--output", "-o", help="File to write. Default: "
                                           "stdout (not for xlsx)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file that trygghet "
                               "did not write (never a data file)."),
    audience: Audience = typer.Option(Audience.public, "--audience", help="public (default): "
                                      "without internal activities, refused if public text looks "
                                      "like personal data; internal: every activity."),
    municipality: str | None = municipality_option(),
    what: ExportTable = typer.Option(ExportTable.activities, "--table", help="activities (default), "
                                     "outcomes (one row per outcome, for analysing the follow-up) "
                                     "or results (other results, övriga resultat). An xlsx file of "
                                     "the activities has the other two as sheets of their own."),
    delimiter: Delimiter | None = delimiter_option(),
) -> None:
    """Export activities: rows for spreadsheets (csv, xlsx), records for analysis (json), or
    due dates as calendar events (ics, one all-day event per activity, stable UIDs).

    Examples:

      trygghet export activities --period 2024-2025 --format xlsx -o aktiviteter.xlsx

      trygghet export activities --format csv > aktiviteter.csv

      trygghet export activities --format csv --delimiter , --lang en > activities.csv

      trygghet export activities --format ics -o slutdatum.ics

      trygghet export activities --audience internal --format xlsx -o alla.xlsx

      trygghet export activities --municipality kil --format csv   # one municipality of an area

      trygghet export activities --table outcomes --format csv -o utfall.csv
    """
    from trygghet_cli.area import scoped
    from trygghet_cli.interchange import exporting, rows
    from trygghet_cli.output import destination
    from trygghet_cli.output.progress import progress
    from trygghet_cli.render.files import write_output
    from trygghet_cli.root import repository

    opts = options(ctx)
    output = destination.parse(output_text)
    root = data_root(ctx)
    # Without --municipality a police area's export holds every municipality, each row naming its own.
    loaded = repository.load_valid(root).model
    model = loaded if municipality is None else scoped(loaded, municipality)
    lang = opts.lang or (model.config.language if model.config else "sv")
    if fmt is ExportFormat.ics and what is not ExportTable.activities:
        raise UsageError.say("export.ics_table")
    if fmt is ExportFormat.xlsx and output is None:
        raise UsageError.say("export.xlsx_file")
    if output is not None:
        if output.is_dir():
            raise UsageError.say("export.is_folder", path=output)
        destination.check(output, root, force)
    internal = audience is Audience.internal
    total = len(rows.activities(exporting.select(model, root, period), internal))
    with progress("export", total) as tick:
        data = exporting.export(model, root, period, fmt.value, lang, tick, internal, what.value,
                                delimiter.value if delimiter else None)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    write_output(output, data, force)
