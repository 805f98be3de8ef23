"""`trygghet activity set-status | target | outcome | result | new`: record progress, no hand edits."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer

from trygghet_cli import vocabulary
from trygghet_cli.cli import prompts
from trygghet_cli.cli.app import app, command
from trygghet_cli.cli.conventions import Group
from trygghet_cli.cli.edit_common import DRY_RUN_HELP, editing, finish
from trygghet_cli.cli.municipality import option as municipality_option
from trygghet_cli.errors import UsageError

activity_app = typer.Typer(
    cls=Group,
    help="Record progress on activities: status, targets, outcomes, other results, new activities.",
    no_args_is_help=True,
)
app.add_typer(activity_app, name="activity")

EXIT_CODES = ("Exit codes: 0 written or unchanged, 1 the change would make the data invalid, "
              "2 usage error, 3 a file could not be read or written, 4 the file changed on disk meanwhile.")


@command("set-status", group=activity_app, epilog=EXIT_CODES)
def set_status(
    ctx: typer.Context,
    activity_id: str = typer.Argument(..., metavar="ID", help="The activity's id."),
    status: str = typer.Argument(..., help="planerad, pågår, klar, försenad or inställd (or planned, "
                                 "ongoing, done, delayed, cancelled)."),
    note: str | None = typer.Option(None, "--note", help="A public note on the change (status_note)."),
    reason: str | None = typer.Option(None, "--reason", help="Why (required for delayed, cancelled)."),
    on: str | None = typer.Option(None, "--date", help="Completion date for done (YYYY[-MM[-DD]]). "
                                  "Default: today, or the date already there."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
) -> None:
    """Set an activity's status; only the lines that change are rewritten.

    Examples:

      trygghet activity set-status a2024-01 ongoing --note "Startade i mars"

      trygghet activity set-status a2024-02 done --date 2025-11-30

      trygghet activity set-status a2024-03 delayed --reason "Väntar på budget" --dry-run
    """
    from trygghet_cli.editing import activities

    with editing(ctx) as ed:
        plan = activities.set_status(ed.loaded, activity_id, status, as_of=date.today(),
                                     note=note, reason=reason, on=on)
        said = activities.status_change(ed.loaded, activity_id, status, on, date.today(), ed.lang)
        finish(plan, dry_run, ed.lang, f"{activity_id} {status}", said=said)


@command("outcome", group=activity_app, epilog=EXIT_CODES)
def outcome(
    ctx: typer.Context,
    activity_id: str = typer.Argument(..., metavar="ID", help="The activity's id."),
    value: str | None = typer.Argument(None, help="The outcome: a number, or text. May be left out "
                                       "with --verdict."),
    target: str | None = typer.Option(None, "--target", help="Target id; needed when there are several."),
    on: str | None = typer.Option(None, "--date", help="Date the outcome refers to (YYYY-MM-DD, "
                                  "or YYYY-MM or YYYY when the source gives no day). "
                                  "Default: today, or the end of --to."),
    start: str | None = typer.Option(None, "--from", help="First day the figure covers (YYYY-MM-DD, "
                                     "YYYY-MM or YYYY); needs --to."),
    end: str | None = typer.Option(None, "--to", help="Last day the figure covers; needs --from."),
    bound: str | None = typer.Option(None, "--bound", help="at_least (or minst, över) for 'över 300' "
                                     "or 'minst 20', at_most (or högst) for 'högst 5'."),
    verdict: str | None = typer.Option(None, "--verdict", help="The verdict the source states: met, "
                                       "partly_met or not_met (or uppnått, delvis, ej_uppnått); "
                                       "needs --source."),
    district: str | None = typer.Option(None, "--district", help="The district the figure is for "
                                        "(for a target that applies to each district)."),
    place: str | None = typer.Option(None, "--place", help="The place the figure is for, when the "
                                     "source splits it by place; figures for places add up."),
    approximate: bool = typer.Option(False, "--approximate", help="The value is approximate."),
    source: str | None = typer.Option(None, "--source", help="Id of the source that reports it."),
    kind: str | None = typer.Option(None, "--kind", help="delrapport or slutligt (interim or final)."),
    note: str | None = typer.Option(None, "--note", help="A public note on the outcome."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
) -> None:
    """Record an outcome (utfall) for one of an activity's targets.

    Examples:

      trygghet activity outcome a2021-05 3 --date 2021-12-31 --kind final --source s-res2021

      trygghet activity outcome a2024-01 "Genomfört enligt plan" --target t1 --kind interim

      trygghet activity outcome a2018-05 301 --from 2018-05-01 --to 2018-12-31 --kind final

      trygghet activity outcome a2024-02 300 --bound at_least --date 2024-12-31

      trygghet activity outcome a2024-03 --verdict met --source s-upf2024 --date 2024-04-05
    """
    from trygghet_cli.editing import activities

    kind = _spelled(kind, vocabulary.OUTCOME_KINDS)
    with editing(ctx) as ed:
        window = _window(start, end)
        day = activities.check_partial(on, "--date") if on else None if window else date.today().isoformat()
        item = activities.OutcomeInput(None if value is None else activities.parse_value(value), day,
                                       target, kind, approximate, source, note, window,
                                       _spelled(bound, vocabulary.BOUNDS),
                                       _spelled(verdict, vocabulary.VERDICTS), district, place)
        plan = activities.add_outcome(ed.loaded, activity_id, item)
        finish(plan, dry_run, ed.lang, f"{activity_id} {value or verdict} {day or window}",
               said=_outcome_said(ed.lang, activity_id, value or verdict or "", kind, day, window))


def _spelled(word: str | None, table: vocabulary.Table) -> str | None:
    """The data's value for an option given in Swedish ('ej uppnått' -> not_met), as the data
    files take it too (vocabulary.py)."""
    from trygghet_cli.interchange.columns import canonical

    if word is None:
        return None
    return canonical(table, word.replace("-", " ")) or word


def _outcome_said(lang: str, activity_id: str, value: str, kind: str | None, day: str | None,
                  window: tuple[str, str] | None) -> str:
    """'a2026-01: utfall 2 (delrapport), 30 jun 2026'."""
    from trygghet_cli import i18n

    shown_kind = f" ({i18n.label(f'report.outcome.{kind}', lang)})" if kind in ("interim", "final") \
        else ""
    when = (i18n.format_short_date(date.fromisoformat(day), lang) if day and len(day) == 10
            else i18n.format_partial(day, lang) if day
            else f"{i18n.format_partial(window[0], lang)} – {i18n.format_partial(window[1], lang)}"
            if window else "")
    return i18n.label("activity.outcome_done", lang, id=activity_id, value=value, kind=shown_kind,
                      date=when)


def _window(start: str | None, end: str | None) -> tuple[str, str] | None:
    from trygghet_cli.editing import activities

    if start is None and end is None:
        return None
    if start is None or end is None:
        raise UsageError.say("edit.from_and_to")
    return activities.check_partial(start, "--from"), activities.check_partial(end, "--to")


def _ask(value: Any, label: str, interactive: bool, many: bool = False, required: bool = True,
         choices: list[tuple[str, str]] | None = None, lang: str = "sv") -> Any:
    """The option's value, else a prompt in a terminal, else a usage error for required fields.

    With choices (id, text), a terminal lists them numbered and "2" picks the second."""
    from trygghet_cli import i18n

    if value or not interactive:
        if required and not value:
            raise UsageError.say("activity.missing", field=label)
        return value
    for number, (ident, text) in enumerate(choices or [], start=1):
        typer.echo(f"  {number}. {text}" + (f" ({ident})" if ident != text else ""))
    suffix = i18n.label("activity.prompt_many", lang) if many else ""
    answer = typer.prompt(label + suffix, default="" if not required else None, show_default=False)
    parts = [part.strip() for part in str(answer).split(",") if part.strip()] if many else \
        [str(answer).strip()]
    picked = [_pick(part, choices or []) for part in parts if part]
    return picked if many else (picked[0] if picked else None)


def _pick(answer: str, choices: list[tuple[str, str]]) -> str:
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1][0]
    return answer


def _pledge_choices(ed: Any, target: Any) -> list[tuple[str, str]]:
    """The pledges of the list's period, in order: (id, text)."""
    set_id = getattr(target, "pledge_set", None) or target.id
    pledge_set = ed.loaded.model.pledge_set(set_id)
    return [(p.id, p.text) for p in pledge_set.pledges] if pledge_set else []


def _choices(ed: Any, target: Any) -> dict[str, list[tuple[str, str]]]:
    """What a terminal offers: the pledges of the list's period, the functions and districts."""
    cfg = ed.loaded.model.config
    return {"pledges": _pledge_choices(ed, target),
            "parties": [(p.id, p.name) for p in cfg.parties] if cfg else [],
            "owners": [(f.id, f.name) for f in cfg.functions] if cfg else [],
            "districts": [(d.id, d.name) for d in cfg.districts] if cfg else []}


@command("new", group=activity_app, epilog=EXIT_CODES)
def new(
    ctx: typer.Context,
    list_id: str | None = typer.Option(None, "--list", help="Activity list or pledge set id. "
                                       "Default: the list of the period that holds today; a pledge "
                                       "set without a list gets one."),
    title: str | None = typer.Option(None, "--title", help="Short title."),
    description: str | None = typer.Option(None, "--description", help="What is done."),
    pledges: list[str] = typer.Option([], "--pledge", help="Pledge id, or its number in the period "
                                      "('2' for pledge 2; repeat for several)."),
    parties: list[str] = typer.Option([], "--party", help="Party id (repeat for several)."),
    owners: list[str] = typer.Option([], "--owner", help="Responsible function id (repeatable)."),
    districts: list[str] = typer.Option([], "--district", help="District id (repeatable)."),
    start: str | None = typer.Option(None, "--start", help="Start date, YYYY-MM-DD."),
    due: str | None = typer.Option(None, "--due", help="Due date, YYYY-MM-DD."),
    status: str | None = typer.Option(None, "--status", help="planerad (default), pågår, klar, "
                                      "försenad or inställd (or in English); klar means "
                                      "completed today."),
    reason: str | None = typer.Option(None, "--reason", help="Why (required for försenad and "
                                      "inställd)."),
    target_kind: str | None = typer.Option(None, "--target-kind", help="Add target t1 of this kind: "
                                           "at_least, exactly, rate, qualitative or change."),
    target_text: str | None = typer.Option(None, "--target-text", help="The target in words."),
    target_value: float | None = typer.Option(None, "--target-value", help="N for at_least/exactly/rate."),
    target_unit: str | None = typer.Option(None, "--target-unit", help="What is counted."),
    target_per: str | None = typer.Option(None, "--target-per", help="For rate: day, week, month "
                                          "or year (dag, vecka, månad, år)."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    municipality: str | None = municipality_option(writes=True),
) -> None:
    """Add an activity with the next free id; asks for missing fields when run in a terminal.

    In a terminal the pledges, parties, owners and districts are listed with numbers:
    answer "2" for the second, or "1, 3" for several.

    Examples:

      trygghet activity new          # asks for title, pledges, parties and more

      trygghet activity new --title "Trygghetsvandring i Mariefred" --pledge 2 \\
        --owner kommunpolis --due 2025-10-31

    Without --party the activity has the parties of its pledges.
    """
    from dataclasses import replace

    from trygghet_cli import i18n
    from trygghet_cli.area import scoped
    from trygghet_cli.editing import activities

    interactive = prompts.interactive()
    with editing(ctx) as ed:
        # In a police area's root the list of "the period that holds today" is one
        # municipality's: without --list or --pledge, --municipality says whose.
        among = ed.loaded
        if municipality is not None or (list_id is None and not pledges):
            among = replace(ed.loaded, model=scoped(ed.loaded.model, municipality))
        target_list = activities.choose_list(among, list_id, date.today(), pledges)
        offer = _choices(ed, target_list) if interactive else {}
        numbered = activities.pledge_ids(ed.loaded, target_list, pledges)
        lang = ed.lang
        fields = activities.NewActivity(
            title=_ask(title, i18n.field_name("title", lang), interactive),
            pledges=_ask(numbered, i18n.field_name("pledges", lang), interactive, many=True,
                         choices=offer.get("pledges"), lang=lang),
            parties=_ask(list(parties), i18n.field_name("parties", lang)
                         + i18n.label("activity.prompt_inherited", lang), interactive, many=True,
                         required=False, choices=offer.get("parties"), lang=lang),
            description=_ask(description, i18n.field_name("description", lang), interactive,
                             required=False),
            owners=_ask(list(owners), i18n.field_name("owners", lang), interactive, many=True,
                        required=False, choices=offer.get("owners"), lang=lang),
            districts=_ask(list(districts), i18n.field_name("districts", lang), interactive,
                           many=True, required=False, choices=offer.get("districts"), lang=lang),
            start=_day(start, "--start", "activity.ask_start", interactive, lang),
            due=_day(due, "--due", "activity.ask_due", interactive, lang), status=status,
            reason=reason,
            targets=_targets(target_kind, target_text, target_value, target_unit, target_per)
            if target_kind or target_text or target_value is not None or target_unit or target_per
            or not interactive else _ask_target(lang))
        new_id, plan = activities.new_activity(ed.loaded, target_list, fields,
                                               i18n.label("new.comment", lang))
        said = i18n.label("activity.created", lang, id=new_id, title=fields.title,
                          status=i18n.label(f"status.{fields.status}", lang),
                          path=plan.changes[0].path.parent.name + "/" + plan.changes[0].path.name)
        finish(plan, dry_run, lang, new_id, said=said)


def _day(value: str | None, option: str, question: str, interactive: bool, lang: str) -> str | None:
    """A date option checked, else in a terminal asked for (empty: none; wrong: asked again)."""
    from trygghet_cli import i18n
    from trygghet_cli.editing import activities

    if value or not interactive:
        return activities.check_day(value, option) if value else None
    return prompts.ask(i18n.label(question, lang), lambda text: activities.check_day(text, option),
                       lang)


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        raise UsageError.say("activity.not_a_number", text=text) from None


def _ask_target(lang: str) -> list[dict[str, Any]]:
    """Target t1 asked for in a terminal: its kind from a numbered list (empty: no target),
    its text, and the value, unit and period that a counted kind takes. (A change target
    needs a baseline and direction: add it with options or `activity target`.)"""
    from trygghet_cli import i18n
    from trygghet_cli.interchange.columns import KINDS, PERS, canonical

    def word(names: tuple[str, str, tuple[str, ...]]) -> tuple[str, str]:
        shown = names[0] if lang == "sv" else names[1]
        return shown, shown

    kinds = [word(KINDS[key]) for key in ("at_least", "exactly", "rate", "qualitative")]
    kind = _ask(None, i18n.label("activity.ask_target_kind", lang), True, required=False,
                choices=kinds, lang=lang)
    if not kind:
        return []
    key = canonical(KINDS, kind) or kind
    text = _ask(None, i18n.label("activity.ask_target_text", lang), True, lang=lang)
    if key == "qualitative":
        return _targets(kind, text, None, None)
    value = prompts.ask(i18n.label("activity.ask_target_value", lang), _number, lang)
    unit = _ask(None, i18n.label("activity.ask_target_unit", lang), True, required=False, lang=lang)
    per = _ask(None, i18n.label("activity.ask_target_per", lang), True, required=False,
               choices=[word(names) for names in PERS.values()],
               lang=lang) if key == "rate" else None
    return _targets(kind, text, value, unit, per)


def _targets(kind: str | None, text: str | None, value: float | None,
             unit: str | None, per: str | None = None) -> list[dict[str, Any]]:
    from trygghet_cli.editing.activities import TargetInput

    if kind is None:
        if text or value is not None or unit or per:
            raise UsageError.say("edit.target_needs_kind")
        return []
    if not text:
        raise UsageError.say("edit.kind_needs_text")
    from trygghet_cli.interchange.columns import KINDS, PERS, canonical

    kind = canonical(KINDS, kind) or kind
    per = (canonical(PERS, per) or per) if per else None
    return [TargetInput(kind, text, value, unit, per).as_data("t1")]


@command("target", group=activity_app, epilog=EXIT_CODES)
def target(
    ctx: typer.Context,
    activity_id: str = typer.Argument(..., metavar="ID", help="The activity's id."),
    kind: str = typer.Option(..., "--kind", help="at_least, exactly, rate, qualitative or change."),
    text: str = typer.Option(..., "--text", help="The target in words, as published."),
    value: float | None = typer.Option(None, "--value", help="N for at_least, exactly and rate."),
    unit: str | None = typer.Option(None, "--unit", help="What is counted."),
    per: str | None = typer.Option(None, "--per", help="For rate: day, week, month or year."),
    per_district: bool = typer.Option(False, "--per-district", help="The target applies to each of "
                                      "the activity's districts: met only when every district "
                                      "meets it."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
) -> None:
    """Add a target (mål) to an activity, with the next free id (t1, t2, ...).

    Examples:

      trygghet activity target a2024-01 --kind qualitative --text "Vuxennärvaro varje helg"

      trygghet activity target a2024-02 --kind rate --text "En fotpatrull i veckan" --value 1 --per week

      trygghet activity target a2024-03 --kind at_least --value 1 --per-district --text "1 per område"
    """
    from trygghet_cli import i18n
    from trygghet_cli.editing import activities
    from trygghet_cli.findings import quoted

    with editing(ctx) as ed:
        target_id, plan = activities.add_target(
            ed.loaded, activity_id, activities.TargetInput(kind, text, value, unit, per, per_district))
        said = i18n.label("edit.target_added", ed.lang, activity=activity_id, target=target_id,
                          text=quoted(text))
        finish(plan, dry_run, ed.lang, f"{activity_id} {target_id}", said=said)


@command("result", group=activity_app, epilog=EXIT_CODES)
def result(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="What was done, in words ('nya grannsamverkansgrupper')."),
    value: str | None = typer.Option(None, "--value", help="The number, when the source gives one."),
    unit: str | None = typer.Option(None, "--unit", help="What is counted ('möten')."),
    approximate: bool = typer.Option(False, "--approximate", help="The value is approximate ('ca 70')."),
    bound: str | None = typer.Option(None, "--bound",
                                     help="at_least ('över', 'minst') or at_most ('högst')."),
    on: str | None = typer.Option(None, "--date", help="When (YYYY-MM-DD, YYYY-MM or YYYY)."),
    start: str | None = typer.Option(None, "--from", help="First day the result covers; needs --to."),
    end: str | None = typer.Option(None, "--to", help="Last day the result covers; needs --from."),
    district: str | None = typer.Option(None, "--district", help="The district (kommundel) it concerns."),
    pledge: str | None = typer.Option(None, "--pledge", help="The pledge it belongs to: its id, or "
                                      "its number in the period ('2' for pledge 2)."),
    activity_id: str | None = typer.Option(None, "--activity", help="The activity it belongs to."),
    source: str | None = typer.Option(None, "--source", help="Id of the source that reports it."),
    note: str | None = typer.Option(None, "--note", help="A public note on the result."),
    list_id: str | None = typer.Option(None, "--list", help="Activity list (id or pledge set id). "
                                       "Default: the list of --activity, else of the period that "
                                       "holds the date, else today."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
) -> None:
    """Record a result that no target asked for (övrigt resultat) in an activity list.

    It appears in status, the yearly report and exports as Övriga resultat.

    Examples:

      trygghet activity result "Nya grannsamverkansgrupper" --value 6 --date 2024 --source s-upf2024

      trygghet activity result "Möten med samverkanspartner" --value 70 --approximate --date 2024

      trygghet activity result "Säker sommar genomfördes" --from 2024-06 --to 2024-08 --activity a2024-01
    """
    from trygghet_cli import i18n
    from trygghet_cli.editing import activities
    from trygghet_cli.findings import quoted

    with editing(ctx) as ed:
        window = _window(start, end)
        day = activities.check_partial(on, "--date") if on else None
        number = activities.parse_value(value) if value is not None else None
        if isinstance(number, str):
            raise UsageError.say("edit.value_not_number", value=value)
        target_list = _result_list(ed.loaded, list_id, activity_id, day or (window[1] if window else None))
        pledge_id = activities.pledge_ids(ed.loaded, target_list, [pledge])[0] if pledge else None
        item = activities.ResultInput(text, number, unit, approximate, _spelled(bound, vocabulary.BOUNDS),
                                      day, window, district,
                                      pledge_id, activity_id, source, note)
        plan = activities.add_result(ed.loaded, target_list, item)
        said = i18n.label("edit.result_added", ed.lang, list=target_list.id, text=quoted(text))
        finish(plan, dry_run, ed.lang, f"{target_list.id}: {text}", said=said)


def _result_list(loaded: Any, list_id: str | None, activity_id: str | None, when: str | None) -> Any:
    from trygghet_cli.editing import activities
    from trygghet_cli.model import parse_partial

    if list_id is None and activity_id is not None:
        owner = activities.find_activity(loaded, activity_id)
        return next(lst for lst in loaded.model.activity_lists if lst.id == owner.list_id)
    partial = parse_partial(when) if when else None
    return activities.choose_list(loaded, list_id, partial.first if partial else date.today())
