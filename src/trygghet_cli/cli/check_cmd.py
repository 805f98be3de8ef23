"""`trygghet check law`: the data against lag (2023:196) om kommuners ansvar för brottsförebyggande arbete."""

from __future__ import annotations

from enum import StrEnum

import typer

from trygghet_cli.cli.app import app, command, data_root, options
from trygghet_cli.cli.conventions import Group
from trygghet_cli.cli.dates import as_of_date
from trygghet_cli.cli.municipality import option as municipality_option
from trygghet_cli.errors import ExitCode, UsageError

check_app = typer.Typer(cls=Group, help="Check the data against a rule set: the law (lag 2023:196).",
                        no_args_is_help=True)
app.add_typer(check_app, name="check")


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@command("law", group=check_app,
         epilog="Exit codes: 0 checked (whatever the verdicts), 1 invalid data or (with --strict) "
         "a requirement not met, 2 usage error, 3 a file could not be read, 70 internal error.")
def law(
    ctx: typer.Context,
    as_of: str | None = typer.Option(None, "--as-of", help="Judge as of this date (YYYY-MM-DD). "
                                     "Default: today."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 unless every requirement is met."),
    lang: str | None = typer.Option(None, "--lang", help="sv or en (overrides the global --lang)."),
    municipality: str | None = municipality_option(),
) -> None:
    """List each requirement of lag (2023:196) as met, missing or not recorded, with the evidence.

    Judged only on what the data root records: a lägesbild no older than the configured
    interval with its three parts, measures for its problems, a decided åtgärdsplan built on
    it, a samordningsfunktion, a written agreement with the police, and a report to the
    council. Each requirement cites 3 § or 4 § of the law, or the government bill
    prop. 2022/23:43 where the sources do not show the paragraph.

    Examples:

      trygghet check law

      trygghet check law --as-of 2025-06-30 --format markdown > lagkontroll.md

      trygghet check law --strict          # in CI: exit 1 unless every requirement is met
    """
    from trygghet_cli import law as law_check
    from trygghet_cli.area import scoped
    from trygghet_cli.law import show
    from trygghet_cli.root import repository

    if lang is not None and lang not in ("sv", "en"):
        raise UsageError.say("cli.bad_lang", chosen=lang)
    opts = options(ctx)
    model = scoped(repository.load_valid(data_root(ctx)).model, municipality)
    result = law_check.check(model, as_of_date(as_of))
    language = lang or opts.lang or (model.config.language if model.config else "sv")
    settings = model.config.law if model.config else {}
    intervals = (settings.get("situation_max_age_months", law_check.DEFAULT_SITUATION_MONTHS),
                 settings.get("council_report_max_age_months", law_check.DEFAULT_COUNCIL_MONTHS))
    if fmt is Format.json:
        typer.echo(show.as_json(result, language))
    elif fmt is Format.markdown:
        typer.echo(show.as_markdown(result, language, intervals))
    else:
        typer.echo(show.as_text(result, language, intervals))
    if strict and result.count(law_check.Verdict.MET) < len(result.requirements):
        raise typer.Exit(int(ExitCode.INVALID))
