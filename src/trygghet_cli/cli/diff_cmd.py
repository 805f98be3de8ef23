"""`trygghet diff`: what changed between two periods, or between two git revisions."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

import typer

from trygghet_cli.cli.app import command, data_root, options
from trygghet_cli.cli.municipality import option as municipality_option
from trygghet_cli.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from trygghet_cli.diff import Diff


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class Subject(StrEnum):
    pledges = "pledges"
    agreements = "agreements"
    activities = "activities"
    situation = "situation"


@command(
    "diff",
    epilog="Exit codes: 0 done (with --exit-code: no differences), 1 differences found "
    "(only with --exit-code) or invalid data, 2 usage error (e.g. unknown revision or period), "
    "3 a file could not be read, 70 internal error.",
)
def diff_command(
    ctx: typer.Context,
    subject: Subject | None = typer.Argument(
        None, help="What to compare between two periods: pledges, agreements, activities or "
        "situation (two lägesbilder)."),
    old: str | None = typer.Argument(None, help="The earlier period: file stem, id or label."),
    new: str | None = typer.Argument(None, help="The later period: file stem, id or label."),
    git: str | None = typer.Option(
        None, "--git", metavar="BASE[..HEAD]",
        help="Compare the whole data root at two git revisions; with BASE only, BASE against "
        "the working tree (uncommitted changes included)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    exit_code: bool = typer.Option(False, "--exit-code",
                                   help="Exit with 1 when there are differences (like git diff)."),
    threshold: float = typer.Option(
        0.6, "--threshold", min=0.0, max=1.0,
        help="How alike two texts must be (0 to 1) for entries without a common id to count "
        "as one changed entry."),
    lang: str | None = typer.Option(None, "--lang", help="sv or en (overrides the global --lang)."),
    municipality: str | None = municipality_option(),
) -> None:
    """Show what changed: between two periods, or what a branch or pull request changes.

    Examples:

      trygghet diff pledges 2022-2023 2024-2025

      trygghet diff agreements 2020-2023 2023-2026

      trygghet diff activities 2019 2020

      trygghet diff situation 2023-10 2024-10      # two lägesbilder: problems, indicators

      trygghet diff --git main                   # main against the working tree

      trygghet diff --git origin/main..HEAD --format markdown --exit-code

      trygghet diff pledges 2024-2025 2026-2027 --municipality kil   # one of a police area
    """
    from trygghet_cli import i18n
    from trygghet_cli.diff import sources as diff_sources
    from trygghet_cli.root import config

    opts = options(ctx)
    if lang is not None and lang not in ("sv", "en"):
        raise UsageError.say("cli.bad_lang", chosen=lang)
    root = data_root(ctx)
    lang = lang or opts.lang or config.root_language([root])
    if git is not None and subject is not None:
        raise UsageError.say("diff.git_or_periods")
    if subject is None:
        label = i18n.label("diff.working_tree", lang)
        result = diff_sources.diff_revisions(root, git or "HEAD", label, threshold, municipality)
    elif old is None or new is None:
        raise UsageError.say("diff.two_periods", subject=subject.value)
    else:
        result = diff_sources.diff_periods(root, subject.value, old, new, threshold, municipality)
    _print(result, fmt, lang, opts.color)
    if exit_code and result.changes:
        raise typer.Exit(int(ExitCode.INVALID))


def _print(result: Diff, fmt: Format, lang: str, color: bool) -> None:
    from trygghet_cli.diff import as_json, as_markdown, as_text

    if fmt is Format.json:
        typer.echo(as_json.to_json(result))
    elif fmt is Format.markdown:
        typer.echo(as_markdown.render(result, lang))
    else:
        typer.echo(as_text.render(result, lang, color))
