"""`trygghet site`: build the citizen site, a static folder with open data and a feed."""

from __future__ import annotations

from pathlib import Path

import typer

from trygghet_cli.cli.app import command, data_root, options
from trygghet_cli.cli.municipality import option as municipality_option
from trygghet_cli.errors import UsageError


@command("site", epilog="Exit codes: 0 written, 1 invalid data, or personal data or internal text "
         "on a page (nothing written), 2 usage error (also: a folder inside the data root), "
         "3 the site could not be written.")
def site(
    ctx: typer.Context,
    output: Path = typer.Option(..., "--output", "-o", file_okay=False,
                                help="Folder to write the site into. The files of a site trygghet "
                                "wrote there before are replaced; anything else in it is kept."),
    as_of: str | None = typer.Option(None, "--as-of", help="What is current on this date "
                                     "(YYYY-MM-DD); shown on the pages. Default: today, not shown."),
    base_url: str | None = typer.Option(None, "--base-url", help="Where the site is published "
                                        "(https://...), for the sitemap, feed and open-data metadata. "
                                        "Default: site.url in trygghet.yaml."),
    lang: str | None = typer.Option(None, "--lang", help="sv or en. Default: the data's language."),
    municipality: str | None = municipality_option(),
    force: bool = typer.Option(False, "--force", help="Also write into a folder that holds other "
                               "files (they are kept)."),
) -> None:
    """Build the citizen site: start page, pledges, activity lists with their history,
    agreements, yearly summaries, districts, accessibility statement, Atom feed, sitemap
    and open data (CSV, JSON, DCAT-AP-SE). No scripts, nothing loaded from elsewhere.

    Examples:

      trygghet site -o public/

      trygghet site -o public/ --base-url https://kommun.github.io/trygghet

      trygghet site -o public/ --as-of 2025-06-30 --lang en

      trygghet site -o public/ --municipality kil    # one municipality of a police area
    """
    import textwrap

    from trygghet_cli import i18n
    from trygghet_cli.cli.conventions import web_address
    from trygghet_cli.cli.dates import as_of_date
    from trygghet_cli.site.cached import Asked, build
    from trygghet_cli.site.write import check_target, write_site

    chosen = lang or options(ctx).lang
    if chosen is not None and chosen not in i18n.LANGUAGES:
        raise UsageError.say("cli.bad_lang", chosen=chosen)
    web_address(base_url)
    root = data_root(ctx)
    check_target(output, root, force)
    files, notes = build(root, Asked(chosen, as_of_date(as_of), as_of is not None, base_url or "",
                                     municipality))
    target = write_site(output, files, root, force)
    typer.echo(f"{target}: {len(files)}", err=True)
    for line in notes:
        typer.echo(textwrap.fill(line, 80, subsequent_indent="  ", break_on_hyphens=False), err=True)
