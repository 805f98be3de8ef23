"""`trygghet init`: create a data root for a new municipality."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from trygghet_cli.cli import prompts
from trygghet_cli.cli.app import command
from trygghet_cli.errors import UsageError

T = TypeVar("T")


def interactive() -> bool:
    """Whether questions can be asked: stdin and stdout are a terminal, and not in CI."""
    return prompts.interactive() and sys.stdout.isatty()


def _four_digits(text: str, lang: str) -> str:
    """A prompt answer for the kommunkod; anything else is asked again."""
    if not (len(text.strip()) == 4 and text.strip().isdigit()):
        from trygghet_cli.i18n import label

        raise typer.BadParameter(label("init.code_prompt", lang))
    return text.strip()


def _ask(value: str | None, option: str, question: str, default: str | None = None,
         check: Callable[[str], str] | None = None) -> str:
    if value:
        return value
    if interactive():
        answer: str = typer.prompt(question, default=default, value_proc=check)
        return answer.strip()
    if default is not None:
        return default
    raise UsageError.say("init.missing", option=option)


def _ask_many(given: list[str], intro: str, question: str, parse: Callable[[str], T],
              lang: str) -> list[T]:
    """The options' values parsed; with none given, in a terminal, asked for one by one until
    an empty answer (a wrong answer is explained and asked again)."""
    if given or not interactive():
        return [parse(text) for text in given]
    typer.echo(intro)
    return prompts.ask_many(question, parse, lang)


@command("init", epilog="Exit codes: 0 created, 2 usage error (also: the folder is already "
         "a data root), 3 a file could not be written.")
def init(
    directory: Path = typer.Argument(Path("."), help="Folder for the new data root (created if "
                                     "missing). Default: the working folder.", file_okay=False),
    name: str = typer.Option(None, "--name", help="The municipality, e.g. 'Strängnäs kommun'."),
    code: str = typer.Option(None, "--code", help="Kommunkod, four digits, e.g. 0486."),
    district: list[str] = typer.Option(
        None, "--district", help="A kommundel, 'id=Name' or 'Name'; repeat for more. "
        "Default: one district 'Hela kommunen'."),
    party: list[str] = typer.Option(
        None, "--party", help="A further party, 'id=Name@kind' (kind kommun, polis, "
        "raddningstjanst, region, foretag, forening or annan); repeat for more. The id kommun "
        "or polis renames that party."),
    function: list[str] = typer.Option(
        None, "--function", help="A responsible function, 'id=Name@party' (the id of any "
        "party); repeat for more. Default: trygghetssamordnare and kommunpolis."),
    police_area: str = typer.Option(None, "--police-area",
                                    help="The lokalpolisområde, e.g. 'Lokalpolisområde Eskilstuna'."),
    lang: str = typer.Option("sv", "--lang", help="The data root's language (and of these "
                             "messages): sv or en."),
    tool_repo: str = typer.Option(
        None, "--tool-repo", envvar="TRYGGHET_TOOL_REPO",
        help="Git URL that CI and pre-commit install trygghet from."),
) -> None:
    """Create a data root: trygghet.yaml, empty data folders, a README, CI files for GitHub
    and GitLab, and a pre-commit config. Asks for what is missing when run in a terminal.

    Examples:

      trygghet init kommundata --name "Exempelby kommun" --code 0999

      trygghet init . --name "Strängnäs kommun" --code 0486 --district Mariefred
      --district "aker=Åkers styckebruk" --police-area "Lokalpolisområde Eskilstuna/Strängnäs"

      trygghet init nyby --name "Nyby kommun" --code 0998
      --party "bostader=Nyby Bostäder AB@foretag" --function "Fältsekreterare@kommun"
      --function "Bovärd@bostader"
    """
    from trygghet_cli.editing import scaffold
    from trygghet_cli.i18n import label

    town = _ask(name, "--name", "Kommunens namn (t.ex. Exempelby kommun)")
    spec = scaffold.Spec(
        name=town,
        code=_ask(code, "--code", "Kommunkod (fyra siffror)", check=lambda text: _four_digits(text, lang)),
        police_area=_ask(police_area, "--police-area", "Lokalpolisområde",
                         f"Lokalpolisområde {town.removesuffix(' kommun')}"),
        language=lang,
        districts=[scaffold.parse_district(d) for d in district or scaffold.DEFAULT_DISTRICTS],
        tool_repo=tool_repo or scaffold.DEFAULT_TOOL_REPO,
    )
    kinds = ", ".join(scaffold.PARTY_KINDS)
    spec.parties = _ask_many(party or [], label("init.ask_party", lang, kinds=kinds),
                             label("init.party", lang), scaffold.parse_party, lang)
    ids = spec.party_ids()
    spec.functions = _ask_many(function or [], label("init.ask_function", lang, parties=", ".join(ids)),
                               label("init.function", lang),
                               lambda text: scaffold.parse_function(text, ids), lang)
    if not spec.functions:
        spec.functions = [scaffold.parse_function(f) for f in scaffold.DEFAULT_FUNCTIONS]
    written, kept = scaffold.create(directory, spec)
    for path in written:
        typer.echo(label("init.created", lang, path=directory / path))
    for path in kept:
        typer.echo(label("init.kept", lang, path=directory / path), err=True)
    if spec.tool_repo == scaffold.DEFAULT_TOOL_REPO:
        typer.echo(label("init.tool_repo", lang, url=spec.tool_repo), err=True)
    typer.echo(label("init.folders", lang))
    typer.echo(label("init.next", lang, path=directory))
