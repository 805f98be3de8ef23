"""`trygghet report`: yearly summaries, citizen pages, meeting reports and the agreement,
as Markdown or accessible HTML."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from trygghet_cli.cli.app import command, data_root, options
from trygghet_cli.cli.dates import as_of_date
from trygghet_cli.cli.municipality import option as municipality_option
from trygghet_cli.errors import UsageError

KIND_NAMES = ("yearly", "pledges", "status", "agreement", "lagesbild", "council")


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


class Audience(StrEnum):
    public = "public"
    internal = "internal"


def _as_of(text: str | None) -> tuple[date, bool]:
    if text is None:
        return date.today(), False  # noqa: DTZ011 - the local calendar day is what users mean
    return as_of_date(text), True


def _format(fmt: ReportFormat | None, output: Path | None) -> str:
    if fmt is not None:
        return fmt.value
    if output is not None and output.suffix.lower() in {".html", ".htm"}:
        return "html"
    return "md"


def _target(output: Path, kind: str, label: str, lang: str, fmt: str) -> Path:
    """The file to write: output itself, or a file named after the report inside a folder."""
    if output.is_dir():
        safe = "".join(c if c.isalnum() else "-" for c in label).strip("-") or "report"
        return output / f"{kind}-{safe}.{lang}.{fmt}"
    return output


@command("report", epilog="Exit codes: 0 written, 1 invalid data or personal data in a public "
         "report (nothing written), 2 usage error (also: -o names a data file, or a file trygghet "
         "did not write, without --force), 3 a file could not be read or written.")
def report(
    ctx: typer.Context,
    kind: str = typer.Argument(None, help="yearly, pledges, status, agreement, lagesbild or council."),
    period: str | None = typer.Option(None, "--period", "-p",
                                      help="Pledge or agreement period: 2024-2025, 2019, or an id."),
    year: int | None = typer.Option(None, "--year", "-y", min=1000, max=9998,
                                    help="Calendar year (yearly summary)."),
    fmt: ReportFormat | None = typer.Option(None, "--format", "-f",
                                            help="md or html. Default: from -o's suffix, else md."),
    output_text: str | None = typer.Option(None, "--output", "-o",
                                           help="File, or folder to write a named file into. "
                                           "Default: stdout."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file that trygghet "
                               "did not write (never a data file)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Judge on this date (YYYY-MM-DD); "
                                     "shown in the report. Default: today, shown only in a "
                                     "meeting report (status) and a yearly one of a year not "
                                     "yet ended."),
    audience: Audience = typer.Option(Audience.public, "--audience",
                                      help="public (default) or internal (adds internal activities "
                                      "and notes)."),
    templates: Path | None = typer.Option(None, "--templates", file_okay=False,
                                          help="Folder whose templates take precedence over the "
                                          "built-in ones."),
    lang: str | None = typer.Option(None, "--lang", help="sv or en. Default: the data's language."),
    list_kinds: bool = typer.Option(False, "--list", help="List the report kinds and exit."),
    municipality: str | None = municipality_option(),
) -> None:
    """Render a report as Markdown or self-contained, accessible HTML.

    Examples:

      trygghet report yearly --year 2019 --format html -o arsrapport-2019.html

      trygghet report pledges --period 2024-2025 --format md

      trygghet report status --as-of 2025-06-30 --format html -o reports/

      trygghet report agreement --lang en

      trygghet report --list

      trygghet report pledges --municipality kil    # one municipality of a police area

    An existing file is replaced only when trygghet wrote it (or with --force); a data file
    or trygghet.yaml never is.
    """
    from trygghet_cli import i18n
    from trygghet_cli.area import scoped
    from trygghet_cli.output import destination
    from trygghet_cli.render import Request, build, render
    from trygghet_cli.root import config, repository

    opts = options(ctx)
    chosen_lang = lang or opts.lang
    if list_kinds or kind is None:
        for name in KIND_NAMES:
            typer.echo(f"{name:10} {i18n.label(f'report.kind_help.{name}', chosen_lang or 'sv')}")
        return
    if kind not in KIND_NAMES:
        raise UsageError.say("cli.no_report_kind", kind=kind, kinds=", ".join(KIND_NAMES))
    if period is not None and year is not None:
        raise UsageError.say("cli.period_or_year")
    if chosen_lang is not None and chosen_lang not in i18n.LANGUAGES:
        raise UsageError.say("cli.bad_lang", chosen=chosen_lang)
    if templates is not None and not templates.is_dir():
        raise UsageError.say("cli.no_templates", folder=templates)
    day, shown = _as_of(as_of)
    output = destination.parse(output_text)
    root = data_root(ctx)
    model = scoped(repository.load_valid(root).model, municipality)
    req = Request(kind=kind, fmt=_format(fmt, output), lang=chosen_lang or _data_lang(model),
                  as_of=day, as_of_shown=shown, audience=audience.value, period=period, year=year,
                  templates=templates)
    if output is None:
        typer.echo(render(model, req, "<stdout>"), nl=False)
        return
    built = build(model, req)
    target = _target(output, kind, built.view["meta"]["period"], req.lang, req.fmt)
    destination.check(target, root, force)
    _write(target, render(model, req, config.display_path(target), built), force)


def _data_lang(model: object) -> str:
    cfg = getattr(model, "config", None)
    return cfg.language if cfg is not None else "sv"


def _write(target: Path, text: str, force: bool) -> None:
    from trygghet_cli.render.files import write_report

    write_report(target, text, force, seal=True)
    typer.echo(str(target), err=True)
