"""`trygghet status`: where the pledges stand, for the coordinator and for the meeting."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

import typer

from trygghet_cli.cli.app import command, data_root, options
from trygghet_cli.cli.dates import as_of_date
from trygghet_cli.cli.delimiter import Delimiter
from trygghet_cli.cli.delimiter import option as delimiter_option
from trygghet_cli.cli.municipality import option as municipality_option
from trygghet_cli.errors import ExitCode, UsageError
from trygghet_cli.i18n import label
from trygghet_cli.status import Effective, Rollup

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from trygghet_cli.model import Model
    from trygghet_cli.root.cache import Cache
    from trygghet_cli.root.repository import LoadedRoot


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class FailIf(StrEnum):
    overdue = "overdue"


def _statuses(words: list[str]) -> list[Effective]:
    from trygghet_cli.interchange.columns import status_code

    try:
        return [Effective(status_code(word)) for word in words]
    except ValueError:
        bad = next(w for w in words if status_code(w) not in {e.value for e in Effective})
        raise UsageError.say("activity.unknown_status", status=bad,
                             known="planerad, pågår, klar, försenad, inställd, okänd, 'passerat slutdatum'",
                             ) from None


def _width() -> int:
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else 80


@command(
    "status",
    epilog="Exit codes: 0 ok, 1 invalid data or (with --fail-if overdue) something is overdue or "
    "past its due date with no recorded status, "
    "2 usage error, 3 a file could not be read, 70 internal error.",
)
def status(
    ctx: typer.Context,
    period: str | None = typer.Option(
        None, "--period", "-p", help="Pledge period: 2019, 2024-2025 or a pledge set id. "
        "Default: the one containing --as-of, else the latest."),
    as_of: str | None = typer.Option(None, "--as-of", help="Judge as of this date (YYYY-MM-DD). "
                                     "Default: today."),
    by: Rollup | None = typer.Option(None, "--by", help="Group by area, owner, district, status or problem."),
    owner: list[str] = typer.Option([], "--owner", help="Only activities of this owner (function id)."),
    district: list[str] = typer.Option([], "--district", help="Only activities in this district."),
    status_: list[str] = typer.Option([], "--status", help="Only activities with this status: "
                                      "planerad, pågår, klar, försenad, inställd, okänd or "
                                      "'passerat slutdatum' (or in English)."),
    overdue: bool = typer.Option(False, "--overdue", help="Only overdue activities."),
    due_within: int | None = typer.Option(None, "--due-within", min=0, metavar="DAYS",
                                          help="Only unfinished activities due within DAYS."),
    pledge: list[str] = typer.Option([], "--pledge", help="Only this pledge (id, or its number)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    fail_if: FailIf | None = typer.Option(
        None, "--fail-if", help="Exit 1 when anything is overdue, or past its due date with no "
        "recorded status (unknown)."),
    lang: str | None = typer.Option(None, "--lang", help="sv or en (overrides the global --lang)."),
    municipality: str | None = municipality_option(),
    audience: str | None = typer.Option(
        None, "--audience", help="public: without internal activities, personal data masked "
        "(default for markdown, which is for pull requests); internal: everything (default for "
        "the other formats)."),
    delimiter: Delimiter | None = delimiter_option(),
) -> None:
    """Show where the pledges of a period stand: activities, due dates, targets and outcomes.

    Examples:

      trygghet status

      trygghet status --period 2019                 # the year-end follow-up of 2019

      trygghet status --by area --as-of 2025-06-30

      trygghet status --overdue --owner kommunpolis

      trygghet status --format markdown > status.md   # public: safe to paste into a PR

      trygghet status --format csv > status.csv       # opens in Excel by double-click

      trygghet status --fail-if overdue             # in a scheduled CI job

      trygghet status --municipality kil            # one municipality of a police area
    """
    if lang is not None and lang not in ("sv", "en"):
        raise UsageError.say("cli.bad_lang", chosen=lang)
    if audience not in (None, "public", "internal"):
        raise UsageError.say("cli.bad_audience", audience=audience)
    opts = options(ctx)
    root = data_root(ctx)
    asked = (period, as_of, by, owner, district, status_, overdue, due_within, pledge, fmt, lang,
             municipality, audience, delimiter, opts.lang, opts.color, _width())
    text, masked, failing = _cached(root, asked, lambda store: _status(root, store, *asked[:-1]))
    if masked:
        typer.echo(label("status.masked", masked), err=True)
    typer.echo(text)
    if fail_if is FailIf.overdue and failing:
        raise typer.Exit(int(ExitCode.INVALID))


Shown = tuple[str, str, bool]  # the text, the language of its warning when masked (else ""), overdue


def _cached(root: Path, asked: tuple[object, ...], make: Callable[[Cache | None],
            tuple[Shown, LoadedRoot]]) -> Shown:
    """What status shows for these options, from the cache while no file of the root changed
    (root/derived.py: a warm status of a large root is a read and a hash of its files), else
    made and stored."""
    from trygghet_cli.root import cache, derived
    from trygghet_cli.validate import rootcache

    store = cache.open_for(root)
    files = rootcache.files_of(root, store) if store is not None else None
    if store is None or files is None:
        return make(store)[0]
    entry = derived.key(store, files, "status", *asked)
    stored = derived.get(store, entry)
    if isinstance(stored, tuple) and len(stored) == 3:
        return stored
    shown, loaded = make(store)
    derived.put(store, files, entry, loaded, shown)
    return shown


def _status(root: Path, store: Cache | None, period: str | None, as_of: str | None,
            by: Rollup | None, owner: list[str], district: list[str], status_: list[str],
            overdue: bool, due_within: int | None, pledge: list[str], fmt: Format, lang: str | None,
            municipality: str | None, audience: str | None, delimiter: Delimiter | None,
            global_lang: str | None, color: bool) -> tuple[Shown, LoadedRoot]:
    """The status text of the root for the options, and the root it was made from."""
    from trygghet_cli.area import scoped
    from trygghet_cli.root import repository
    from trygghet_cli.status import Filters, build_report

    public = (audience or ("public" if fmt is Format.markdown else "internal")) == "public"
    loaded = repository.load_valid(root, gaps=False, store=store)  # status shows no warnings
    model = scoped(loaded.model, municipality)
    if public:
        model = _public(model)
    filters = Filters(tuple(owner), tuple(district), tuple(_statuses(status_)),
                      overdue, due_within, tuple(pledge))
    report = build_report(model, period, as_of_date(as_of), filters, by, today=date.today())
    language = lang or global_lang or (model.config.language if model.config else "sv")
    text = _render(report, fmt, language, color, delimiter.value if delimiter else None)
    masked = ""
    if public:
        from trygghet_cli import privacy

        safe = privacy.masked(text)
        masked, text = (language if safe != text else ""), safe
    failing = bool(report.summary.overdue or report.summary.past_due_unknown)
    return (text, masked, failing), loaded


def _public(model: Model) -> Model:
    """The model without internal activities (what a public status may show)."""
    from dataclasses import replace

    lists = [replace(x, activities=[a for a in x.activities if a.visibility != "internal"])
             for x in model.activity_lists]
    return replace(model, activity_lists=lists)


def _render(report: object, fmt: Format, lang: str, color: bool, delimiter: str | None) -> str:
    from trygghet_cli.status import StatusReport, as_csv, as_json, as_markdown, as_text

    assert isinstance(report, StatusReport)
    if fmt is Format.json:
        return as_json.render(report, lang)
    if fmt is Format.csv:
        return as_csv.render(report, lang, delimiter)
    if fmt is Format.markdown:
        return as_markdown.render(report, lang)
    return as_text.render(report, lang, color, _width())
