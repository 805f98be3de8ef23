"""`trygghet new period`: scaffold the next pledge period and its activity list."""

from __future__ import annotations

from datetime import date

import typer

from trygghet_cli.cli.app import app, command
from trygghet_cli.cli.edit_common import DRY_RUN_HELP, editing, finish

new_app = typer.Typer(help="Scaffold new data: the next pledge period.", no_args_is_help=True)
app.add_typer(new_app, name="new")


def _day(text: str | None, option: str) -> date | None:
    from trygghet_cli.editing.activities import check_day

    return date.fromisoformat(check_day(text, option)) if text else None


@command("period", group=new_app,
         epilog="Exit codes: 0 written, 1 the new files would be invalid, 2 usage error "
         "(for example the files exist already), 3 a file could not be written.")
def period(
    ctx: typer.Context,
    start: str | None = typer.Option(None, "--start", help="First day (YYYY-MM-DD). Default: the "
                                     "day after the current period ends."),
    end: str | None = typer.Option(None, "--end", help="Last day. Default: as long as the current one."),
    agreement: str | None = typer.Option(None, "--agreement", help="Agreement id. Default: the one "
                                         "whose period holds the new period, if any."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
) -> None:
    """Scaffold the next pledge period from the current one, carrying over unfinished activities.

    Writes pledges/PERIOD.yaml (the pledges copied as a draft, with new ids) and
    activities/PERIOD.yaml (every activity not done or cancelled, with a new id and
    'predecessor' pointing back, targets without outcomes).

    Examples:

      trygghet new period --dry-run

      trygghet new period --start 2026-01-01 --end 2027-12-31
    """
    from trygghet_cli.editing import period as periods

    with editing(ctx) as ed:
        result = periods.scaffold(ed.loaded, ed.lang, _day(start, "--start"), _day(end, "--end"),
                                  agreement)
        for note in result.notes:
            typer.echo(note, err=True)

        def tell() -> None:
            for old_id, new_id in result.carried:
                typer.echo(f"{old_id} -> {new_id}")

        finish(result.plan, dry_run, ed.lang, result.pledge_set_id, after=tell)
