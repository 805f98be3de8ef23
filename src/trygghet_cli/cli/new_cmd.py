"""`trygghet new period`: scaffold the next pledge period and its activity list."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer

from trygghet_cli.cli.app import app, command
from trygghet_cli.cli.conventions import Group
from trygghet_cli.cli.edit_common import DRY_RUN_HELP, editing, finish
from trygghet_cli.cli.municipality import option as municipality_option

new_app = typer.Typer(cls=Group, help="Scaffold new data: an agreement, pledges or the next pledge period.",
                      no_args_is_help=True)
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
    municipality: str | None = municipality_option(writes=True),
) -> None:
    """Scaffold the next pledge period from the current one, carrying over unfinished activities.

    Writes pledges/PERIOD.yaml (the pledges copied as a draft, with new ids) and
    activities/PERIOD.yaml (every activity not done or cancelled, with a new id and
    'predecessor' pointing back, targets without outcomes).

    Examples:

      trygghet new period --dry-run

      trygghet new period --start 2026-01-01 --end 2027-12-31
    """
    from trygghet_cli import i18n
    from trygghet_cli.area import for_writing
    from trygghet_cli.editing import period as periods

    with editing(ctx) as ed:
        scope = for_writing(ed.loaded.model, municipality)
        result = periods.scaffold(ed.loaded, ed.lang, _day(start, "--start"), _day(end, "--end"),
                                  agreement, scope)
        for note in result.notes:
            typer.echo(note, err=True)

        def tell() -> None:
            for old_id, new_id in result.carried:
                typer.echo(f"{old_id} -> {new_id}")

        said = i18n.plural("new.period_done", ed.lang, len(result.carried), id=result.pledge_set_id)
        finish(result.plan, dry_run, ed.lang, result.pledge_set_id, after=tell, said=said)


def _follow_up() -> Any:
    return typer.Option(None, "--follow-up", help="How the work is followed up and published, in "
                        "words.")


def _frequency() -> Any:
    return typer.Option(None, "--follow-up-every", help="How often it is followed up: weekly, "
                        "monthly, quarterly, tertial, half-yearly, yearly or per-period.")


def _signed() -> Any:
    return typer.Option(None, "--signed", help="The day it was signed (YYYY-MM-DD; YYYY-MM when "
                        "only the month is known).")


def _roles() -> Any:
    return typer.Option([], "--signed-by", help="The role of one who signed, never a name "
                        "(repeat for each; needs --signed).")


_NEW_EXIT = ("Exit codes: 0 written, 1 the new file would be invalid, 2 usage error (for example "
             "the file exists already), 3 the file could not be written.")


@command("agreement", group=new_app, epilog=_NEW_EXIT)
def agreement(
    ctx: typer.Context,
    areas: list[str] = typer.Option([], "--area", help="A priority area: 'Title' or 'id=Title' "
                                    "(repeat for each)."),
    start: str | None = typer.Option(None, "--start", help="First day (YYYY-MM-DD). Default: the day "
                                     "after the latest agreement ends, else next 1 January."),
    end: str | None = typer.Option(None, "--end", help="Last day. Default: as long as the latest "
                                   "agreement, else four calendar years."),
    title: str | None = typer.Option(None, "--title", help="Default: 'Samverkansöverenskommelse "
                                     "START–END'."),
    parties: list[str] = typer.Option([], "--party", help="Party id (repeatable). Default: every "
                                      "party in trygghet.yaml."),
    responsible: list[str] = typer.Option([], "--responsible", help="Id of a function in "
                                          "trygghet.yaml responsible for the priority areas "
                                          "(repeat for each)."),
    follow_up: str | None = _follow_up(),
    frequency: str | None = _frequency(),
    signed: str | None = _signed(),
    roles: list[str] = _roles(),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    municipality: str | None = municipality_option(writes=True),
) -> None:
    """Create a cooperation agreement (samverkansöverenskommelse) with its priority areas.

    Writes agreements/PERIOD.yaml; add problems, causes, goals and sources in the file.

    Examples:

      trygghet new agreement --start 2026-01-01 --end 2029-12-31 \\
        --area "Trygg stadskärna" --area "unga=Unga som begår brott"
    """
    from trygghet_cli import i18n
    from trygghet_cli.area import for_writing
    from trygghet_cli.editing import documents, scaffold

    with editing(ctx) as ed:
        named = [scaffold.parse_named(text, "--area") for text in areas]
        made = documents.agreement(ed.loaded, title, _day(start, "--start"), _day(end, "--end"),
                                   named, list(parties), i18n.label("new.comment", ed.lang),
                                   for_writing(ed.loaded.model, municipality),
                                   documents.Details(follow_up, frequency, signed, tuple(roles),
                                                     tuple(responsible)))
        said = i18n.plural("new.agreement_done", ed.lang, len(made.ids), id=made.id,
                           path=made.summary, areas=", ".join(made.ids))
        finish(made.plan, dry_run, ed.lang, made.id, said=said)


@command("pledges", group=new_app, epilog=_NEW_EXIT)
def pledges(
    ctx: typer.Context,
    texts: list[str] = typer.Option([], "--pledge", help="The text of a pledge, as promised "
                                    "(repeat for each, in order)."),
    start: str | None = typer.Option(None, "--start", help="First day (YYYY-MM-DD). Default: the day "
                                     "after the latest pledge period ends, else next 1 January."),
    end: str | None = typer.Option(None, "--end", help="Last day. Default: as long as the latest "
                                   "pledge period, else two calendar years."),
    title: str | None = typer.Option(None, "--title", help="Default: 'Medborgarlöften START–END'."),
    parties: list[str] = typer.Option([], "--party", help="Party id behind the pledges (repeatable). "
                                      "Default: every party in trygghet.yaml."),
    agreement_id: str | None = typer.Option(None, "--agreement", help="Agreement id. Default: the "
                                            "one whose period holds the new period, if any."),
    follow_up: str | None = _follow_up(),
    frequency: str | None = _frequency(),
    signed: str | None = _signed(),
    roles: list[str] = _roles(),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    municipality: str | None = municipality_option(writes=True),
) -> None:
    """Create a pledge set (medborgarlöften): the first one, or the next, of any length.

    Writes pledges/PERIOD.yaml with the pledges numbered 1, 2, ... For the next period
    with the unfinished activities carried over, see 'trygghet new period'.

    Examples:

      trygghet new pledges --start 2026-01-01 --end 2027-12-31 \\
        --pledge "Vi ska genomföra trygghetsvandringar i alla kommundelar." \\
        --pledge "Polisen ska vara synlig i centrum på helgkvällar."
    """
    from trygghet_cli import i18n
    from trygghet_cli.area import for_writing
    from trygghet_cli.editing import documents

    with editing(ctx) as ed:
        made = documents.pledges(ed.loaded, title, _day(start, "--start"), _day(end, "--end"),
                                 list(texts), list(parties), agreement_id,
                                 i18n.label("new.comment", ed.lang),
                                 for_writing(ed.loaded.model, municipality),
                                 documents.Details(follow_up, frequency, signed, tuple(roles)))
        said = i18n.plural("new.pledges_done", ed.lang, len(made.ids), id=made.id,
                           path=made.summary, first=made.ids[0], last=made.ids[-1])
        finish(made.plan, dry_run, ed.lang, made.id, said=said)


def lagesbild(
    ctx: typer.Context,
    on: str | None = typer.Option(None, "--date", help="The lägesbild's date (YYYY-MM-DD); it "
                                  "names the file. Default: today."),
    title: str | None = typer.Option(None, "--title", help="Default: 'Lägesbild MUNICIPALITY, "
                                     "DATE'."),
    link: bool = typer.Option(True, "--link/--no-link", help="Name the new lägesbild in the "
                              "current pledge set when that names none yet (situation:)."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    municipality: str | None = municipality_option(writes=True),
) -> None:
    """Create a lägesbild to fill in: situation/DATE.yaml (also: trygghet new situation).

    The file holds the id, title, date and who compiles it, and, as commented-out
    examples with comments in the root's language, the three parts that 4 § of
    lag (2023:196) names: the kartläggning (mapping, with indicators), other
    relevant information and the analysis, and the problems. The current pledge
    set is named in the comments with its pledges, and gets 'situation:' pointing
    at the new lägesbild when it names none yet.

    Examples:

      trygghet new lagesbild

      trygghet new lagesbild --date 2026-10-07 --dry-run
    """
    from trygghet_cli import i18n
    from trygghet_cli.area import for_writing
    from trygghet_cli.editing import lagesbild as situations

    with editing(ctx) as ed:
        day = _day(on, "--date") or date.today()
        made = situations.plan(ed.loaded, day, title, ed.lang,
                               for_writing(ed.loaded.model, municipality), link)
        said = i18n.label("new.situation_done", ed.lang, id=made.id, path=made.path)
        if made.linked:
            said += "\n" + i18n.label("new.situation_linked", ed.lang, id=made.id, pledges=made.linked)
        finish(made.plan, dry_run, ed.lang, made.id, said=said)


command("lagesbild", group=new_app, epilog=_NEW_EXIT)(lagesbild)
command("situation", group=new_app, epilog=_NEW_EXIT, hidden=True)(lagesbild)
