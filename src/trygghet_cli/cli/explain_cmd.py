"""`trygghet explain`: what a finding code means, with an example that gives it and one that does not."""

from __future__ import annotations

import difflib

import typer

from trygghet_cli.cli.app import command, options
from trygghet_cli.errors import UsageError


def _normalise(code: str) -> str:
    text = code.strip().upper()
    return text if text.startswith("TRY") else f"TRY{text}"


def _unknown(code: str, close: list[str], lang: str) -> tuple[str, str]:
    """The message and hint for a code without a page."""
    if lang == "sv":
        return (f"det finns ingen kod {code}",
                f"menade du {' eller '.join(close)}?" if close else "'trygghet explain' listar alla koder")
    return (f"there is no code {code}",
            f"did you mean {' or '.join(close)}?" if close else "'trygghet explain' lists every code")


@command("explain")
def explain(
    ctx: typer.Context,
    code: str | None = typer.Argument(
        None, metavar="CODE", help="A finding code such as TRY205 (or 205). Default: list every code."),
) -> None:
    """Explain a finding code: what it means, how to fix it, and an example of each.

    Examples:

      trygghet explain TRY205

      trygghet explain 501

      trygghet --lang en explain TRY102

      trygghet explain                 # every code with its name
    """
    from trygghet_cli import explain as pages
    from trygghet_cli.root import config

    opts = options(ctx)
    lang = opts.lang or (config.root_language([opts.data]) if opts.data else "sv")
    if code is None:
        typer.echo(pages.render_list(lang), nl=False)
        return
    wanted = _normalise(code)
    codes = pages.page_codes()
    if wanted not in codes:
        raise UsageError(*_unknown(code, difflib.get_close_matches(wanted, codes, n=3), lang))
    typer.echo(pages.render(pages.read_page(wanted), lang), nl=False)
