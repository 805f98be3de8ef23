"""The Typer application and the options every command shares."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import typer

# typer (pinned to 0.28 in pyproject.toml) vendors click as typer._click.
from typer._click import exceptions as click_exceptions
from typer._click.globals import get_current_context as click_get_current_context

from trygghet_cli import __version__
from trygghet_cli.cli.conventions import Command
from trygghet_cli.errors import ExitCode, TrygghetError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="trygghet",
    help=(
        "Samverkan kommun-polis som data i git: överenskommelser, medborgarlöften och "
        "aktiviteter.\n\nCrime-prevention cooperation between a municipality and the police, "
        "kept as validated YAML in git.\n\nExamples:\n\n"
        "  trygghet validate\n\n"
        "  trygghet validate --format github data/\n\n"
        "  trygghet schema activities"
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ColorWhen(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


@dataclass(slots=True)
class Options:
    """Global options, kept on the Typer context."""

    data: Path | None = None
    lang: str | None = None
    color: bool = True
    debug: bool = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"trygghet {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Path | None = typer.Option(
        None, "--data", "-d", help="Data root (folder with trygghet.yaml). Default: found by "
        "walking up from the working folder, else the bundled Strängnäs data.",
        envvar="TRYGGHET_DATA", file_okay=False),
    lang: str | None = typer.Option(
        None, "--lang", help="Output language: sv or en. Default: the data root's language.",
        autocompletion=lambda: ["sv", "en"]),
    color_when: ColorWhen = typer.Option(
        ColorWhen.auto, "--color", help="Colours: auto (in a terminal, unless NO_COLOR is set and "
        "not empty), always or never."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours: the same as --color never."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on internal errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Common options."""
    if lang is not None and lang not in ("sv", "en"):
        raise typer.BadParameter("use sv or en", param_hint="--lang")
    when = ColorWhen.never if no_color else color_when
    ctx.obj = Options(data=data, lang=lang, color=use_color(when), debug=debug)
    if when is not ColorWhen.auto:  # echo keeps (or strips) colour codes outside a terminal too
        ctx.color = when is ColorWhen.always


def use_color(when: ColorWhen) -> bool:
    """Whether to colour stdout; NO_COLOR counts only when set to something (no-color.org)."""
    if when is not ColorWhen.auto:
        return when is ColorWhen.always
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def options(ctx: Any) -> Options:
    """The global options from a Typer (or click) context."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options()


def _fail(error: TrygghetError) -> typer.Exit:
    typer.echo(f"trygghet: {error.message}", err=True)
    if error.hint:
        typer.echo(f"  hint: {error.hint}", err=True)
    return typer.Exit(int(error.exit_code))


def _internal(exc: Exception, debug: bool) -> typer.Exit:
    if debug:
        traceback.print_exc()
    typer.echo(f"trygghet: internal error: {type(exc).__name__}: {exc}", err=True)
    typer.echo("  run again with --debug for the details, and please report it", err=True)
    return typer.Exit(int(ExitCode.INTERNAL))


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing at exit cannot raise BrokenPipeError again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (an in-process test runner)
        pass
    finally:
        os.close(devnull)


def command(*args: Any, group: typer.Typer | None = None, **kwargs: Any) -> Callable[[F], F]:
    """Register a command whose known errors become one line and a documented exit code.

    `group` registers it in a sub-command group (`trygghet activity ...`) instead of the app.
    """

    def register(func: F) -> F:
        @functools.wraps(func)
        def guarded(*f_args: Any, **f_kwargs: Any) -> Any:
            try:
                return func(*f_args, **f_kwargs)
            except (typer.Exit, typer.Abort, click_exceptions.ClickException):
                raise
            except BrokenPipeError:  # `trygghet ... | head -1`: the reader has all it wants
                quiet_stdout()
                raise typer.Exit(int(ExitCode.OK)) from None
            except TrygghetError as error:
                raise _fail(error) from None
            except Exception as exc:  # noqa: BLE001 - any other failure is an internal error
                ctx = click_get_current_context(silent=True)
                debug = bool(ctx and options(ctx).debug) or "--debug" in sys.argv
                raise _internal(exc, debug) from None

        kwargs.setdefault("cls", Command)
        (group or app).command(*args, **kwargs)(guarded)
        return func

    return register
