"""`trygghet validate`: check data files against schemas, references and rules."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from trygghet_cli.cli.app import command, data_root, options
from trygghet_cli.errors import ExitCode
from trygghet_cli.findings import has_errors
from trygghet_cli.i18n import label


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


@command(
    "validate",
    epilog="Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error, "
    "3 a file could not be read, 70 internal error.",
)
def validate(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        None, help="Files, data roots, or folders holding data roots. Default: the data root."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary line (text)."),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Every warning in full, with its excerpt and hint (text). "
        "Default: warnings grouped by code, one line each."),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Neither read nor write the cache of per-file results "
        "(.trygghet-cache/, or TRYGGHET_CACHE_DIR)."),
) -> None:
    """Check the data against the schemas, the cross-references and the rules.

    Examples:

      trygghet validate

      trygghet validate data/activities/2024-2025.yaml

      trygghet validate --verbose                # every warning with excerpt and hint

      trygghet validate --strict                 # warnings count as errors

      trygghet validate --format github          # annotations in a GitHub Actions job

      trygghet validate --format junit > report.xml
    """
    from trygghet_cli.output import findings_machine, findings_text
    from trygghet_cli.output.progress import progress
    from trygghet_cli.root import config
    from trygghet_cli.validate import run

    opts = options(ctx)
    if not paths:
        data_root(ctx)  # says so when it is the bundled example, and refuses that in CI
    with progress("validate") as tick:
        report = run.validate(list(paths or []), opts.data, tick, use_cache=not no_cache,
                              excerpts=fmt is Format.text and not quiet, warning_excerpts=verbose)
    lang = opts.lang or config.root_language(report.roots)
    if fmt is Format.json:
        typer.echo(findings_machine.to_json(report.findings, report.files))
    elif fmt is Format.github:
        if report.findings:
            typer.echo(findings_machine.to_github(report.findings, lang))
    elif fmt is Format.junit:
        typer.echo(findings_machine.to_junit(report.findings, report.files, strict))
    else:
        typer.echo(findings_text.summary(report.findings, len(report.files), len(report.roots), lang))
        if strict:
            typer.echo(label("validate.strict", lang))
        ignored = [config.display_path(p) for root in report.roots for p in config.ignored_files(root)]
        if ignored and not quiet:
            names = ", ".join(ignored[:5]) + (label("validate.ignored_more", lang, count=len(ignored) - 5)
                                              if len(ignored) > 5 else "")
            typer.echo(label("validate.ignored", lang, names=names))
        if report.findings and not quiet:
            typer.echo("")
            typer.echo(findings_text.screen(report.findings, report.texts, lang, opts.color, verbose))
    if report.unreadable():
        raise typer.Exit(int(ExitCode.READ))
    if has_errors(report.findings, strict):
        raise typer.Exit(int(ExitCode.INVALID))

