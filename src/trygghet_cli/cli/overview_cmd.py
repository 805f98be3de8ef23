"""`trygghet overview`: one row per municipality of many data roots."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path  # noqa: TC003 - typer reads the annotation at run time
from typing import TYPE_CHECKING

import typer

from trygghet_cli.cli.app import command, options
from trygghet_cli.errors import UsageError

if TYPE_CHECKING:
    from trygghet_cli.overview import Query, Row


class Format(StrEnum):
    table = "table"
    markdown = "markdown"
    html = "html"
    csv = "csv"
    json = "json"


@command("overview", epilog="Exit codes: 0 shown (also when a root has errors: its row says so), "
         "2 usage error, 3 a file could not be read or written, 70 internal error.")
def overview(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, help="Data roots, or folders of data roots (one or two "
                                       "levels down). Default: --data (or TRYGGHET_DATA), else the "
                                       "root you are in, else the roots below the working folder.",
                                       file_okay=False),
    as_of: str | None = typer.Option(None, "--as-of", help="Judge as of this date (YYYY-MM-DD). "
                                     "Default: today."),
    police_area: list[str] = typer.Option([], "--police-area", help="Only municipalities of this "
                                          "police area (its name, or a word of it)."),
    county: list[str] = typer.Option([], "--county", help="Only municipalities of this county."),
    sort: str = typer.Option("municipality", "--sort", help="Order: municipality, county, "
                             "police_area, period, done, overdue, targets_met or changed "
                             "(numbers and dates largest first)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output_text: str | None = typer.Option(None, "--output", "-o", help="File to write. "
                                           "Default: stdout."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file that trygghet "
                               "did not write."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
    lang: str | None = typer.Option(None, "--lang", help="sv or en. Default: the first root's "
                                    "language."),
) -> None:
    """Show every municipality of many data roots side by side: pledge period, activities per
    status, share done, overdue, targets met, latest lägesbild and latest change.

    Examples:

      trygghet overview national/

      trygghet overview national/ --county "Värmlands län" --sort overdue

      trygghet overview national/ --police-area Eskilstuna --format markdown

      trygghet overview national/ --format html -o oversikt.html

      trygghet overview roots/kil roots/grums --format csv > oversikt.csv
    """
    from trygghet_cli.cli.dates import as_of_date
    from trygghet_cli.output import destination
    from trygghet_cli.overview import SORT_KEYS, Query, collect, find_roots
    from trygghet_cli.root import config

    if sort not in SORT_KEYS:
        raise UsageError.say("overview.bad_sort", chosen=sort, keys=", ".join(SORT_KEYS))
    chosen = lang or options(ctx).lang
    if chosen is not None and chosen not in ("sv", "en"):
        raise UsageError.say("cli.bad_lang", chosen=chosen)
    data = options(ctx).data  # --data or TRYGGHET_DATA, when no roots are named
    query = Query(tuple(paths or ([data] if data else ())), as_of_date(as_of), tuple(police_area),
                  tuple(county), sort, not no_cache)
    output = destination.parse(output_text)
    roots = find_roots(query.paths)
    if output is not None:
        for root, _ in roots:
            destination.check(output, root, force)
    language = chosen or config.root_language([root for root, _ in roots])
    rows = collect(query)
    text = _render(rows, len(roots), query, fmt, language)
    if output is None:
        typer.echo(text)
        return
    from trygghet_cli.render.files import write_report

    write_report(output, text + "\n", force, seal=fmt in {Format.markdown, Format.html})
    typer.echo(str(output), err=True)


def _render(rows: list[Row], roots: int, query: Query, fmt: Format, lang: str) -> str:
    from trygghet_cli.overview import as_csv, as_html, as_json, as_markdown, as_text

    filters = "; ".join([*query.police_areas, *query.counties])
    if fmt is Format.json:
        return as_json.render(rows, roots, query, lang)
    if fmt is Format.csv:
        return as_csv.render(rows)
    if fmt is Format.markdown:
        return as_markdown.render(rows, roots, query.as_of, lang, filters, query.sort)
    if fmt is Format.html:
        return as_html.render(rows, roots, query.as_of, lang, filters, query.sort).rstrip("\n")
    return as_text.render(rows, roots, query.as_of, lang, filters)
