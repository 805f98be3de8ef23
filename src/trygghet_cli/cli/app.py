"""The Typer application and the options every command shares."""

from __future__ import annotations

import errno
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
from trygghet_cli.cli.conventions import Command, Group
from trygghet_cli.errors import ExitCode, TrygghetError
from trygghet_cli.i18n import LANGUAGES, label
from trygghet_cli.root import config

F = TypeVar("F", bound=Callable[..., Any])

_GLOBAL_WITH_VALUE = ("--data", "-d", "--lang")
_GLOBAL_FLAGS = ("--no-color", "--debug")


def _own_options(group: Any, ctx: Any, args: list[str]) -> set[str]:
    """The option names of the (sub)command that args name, e.g. `activity new`."""
    command = group
    for name in args:
        get = getattr(command, "get_command", None)
        sub = get(ctx, name) if get is not None else None
        if sub is None:
            break
        command = sub
    if command is group:
        return set()
    return {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}


def hoist_global_options(group: Any, ctx: Any, args: list[str]) -> list[str]:
    """args with the global options moved before the command (`validate --data x` works).

    An option the command has itself (`status --lang`) stays with the command."""
    start = 0
    while start < len(args) and args[start].startswith("-"):
        start += 2 if args[start] in _GLOBAL_WITH_VALUE else 1
    own = _own_options(group, ctx, args[start:])
    front, rest = list(args[:start]), []
    index = start
    while index < len(args):
        word = args[index]
        name = word.split("=", 1)[0]
        if word == "--":
            rest.extend(args[index:])
            break
        if name in _GLOBAL_WITH_VALUE and name not in own:
            width = 1 if "=" in word else 2
            front.extend(args[index:index + width])
            index += width
            continue
        (front if word in _GLOBAL_FLAGS and word not in own else rest).append(word)
        index += 1
    return front + rest


_LANG_META = "trygghet.lang"


def _typed_language(args: list[str]) -> str | None:
    """The last `--lang X` on the command line, before any option has been processed."""
    found = None
    for index, word in enumerate(args):
        if word == "--":
            break
        if word.startswith("--lang="):
            found = word.split("=", 1)[1]
        elif word == "--lang" and index + 1 < len(args):
            found = args[index + 1]
    return found


class _Group(Group):
    """The top-level group: global options are accepted after the command too; usage errors
    (click's own messages) are said in the user's language."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta[_LANG_META] = _typed_language(args)
        return super().parse_args(ctx, hoist_global_options(self, ctx, args))

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except click_exceptions.ClickException as error:
            raise _said(error) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except click_exceptions.ClickException as error:
            raise _said(error) from None


def _said(error: click_exceptions.ClickException) -> click_exceptions.ClickException:
    from trygghet_cli.cli.help_texts import localize_error

    ctx = getattr(error, "ctx", None) or click_get_current_context(silent=True)
    localized: click_exceptions.ClickException = localize_error(error, language(ctx))
    return localized


app = typer.Typer(
    cls=_Group,
    name="trygghet",
    help=(
        "Crime-prevention cooperation between a municipality and the police, kept as "
        "validated YAML in git: agreements, citizen pledges and activities.\n\nExamples:\n\n"
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
        None, "--data", "-d", help="Data root (folder with trygghet.yaml). Default: the working folder "
        "or the nearest parent with trygghet.yaml, else ./data/, else the bundled Strängnäs data "
        "(an error when CI is set).",
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


def language(ctx: Any = None) -> str:
    """The user's language: --lang, TRYGGHET_LANG, the data root's `language:`, a Swedish or
    English LANG, else Swedish."""
    opts = options(ctx) if ctx is not None else Options()
    typed = opts.lang or (ctx.meta.get(_LANG_META) if ctx is not None else None)
    if typed in LANGUAGES:
        return str(typed)
    chosen = os.environ.get("TRYGGHET_LANG", "")
    if chosen in LANGUAGES:
        return chosen
    try:
        root, example = config.locate_root(explicit=opts.data)
    except TrygghetError:
        root, example = None, True
    if root is not None and not example:
        return config.root_language([root])
    system = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG", "")
    return "en" if system.startswith("en") else "sv"


def data_root(ctx: Any) -> Path:
    """The data root the command works on; says so on stderr when it is the bundled example."""
    root, example = config.locate_root(explicit=options(ctx).data)
    if example:
        typer.echo(label("root.example_note", language(ctx)), err=True)
    return root


def say_error(error: TrygghetError, lang: str) -> None:
    """The error and its hint on stderr, in the language."""
    message, hint = error.text(lang)
    typer.echo(f"trygghet: {message}", err=True)
    if hint:
        typer.echo(f"  {label('hint', lang)}: {hint}", err=True)


def _fail(error: TrygghetError, lang: str) -> typer.Exit:
    say_error(error, lang)
    return typer.Exit(int(error.exit_code))


def _internal(exc: Exception, debug: bool, lang: str) -> typer.Exit:
    if debug:
        traceback.print_exc()
    typer.echo(f"trygghet: {label('error.internal', lang, name=type(exc).__name__, text=exc)}",
               err=True)
    typer.echo(f"  {label('error.internal.hint', lang)}", err=True)
    return typer.Exit(int(ExitCode.INTERNAL))


# A write that failed for want of room or a broken device: the output could not be written
# (a full disk, /dev/full, a quota), whatever the command; said in one line, exit 3.
NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def output_failed(exc: OSError, lang: str) -> typer.Exit:
    """Say that the output could not be written (on stderr, if that can be written) and
    stop writing to stdout, so that the flush at exit cannot fail again."""
    quiet_stdout()
    try:
        typer.echo(f"trygghet: {label('error.output', lang, text=exc.strerror or exc)}", err=True)
        typer.echo(f"  {label('hint', lang)}: {label('error.output.hint', lang)}", err=True)
    except OSError:
        pass
    return typer.Exit(int(ExitCode.READ))


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
            except KeyboardInterrupt:
                raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
            except TrygghetError as error:
                raise _fail(error, language(click_get_current_context(silent=True))) from None
            except Exception as exc:  # noqa: BLE001 - any other failure is an internal error
                ctx = click_get_current_context(silent=True)
                if isinstance(exc, OSError) and exc.errno in NO_ROOM:
                    raise output_failed(exc, language(ctx)) from None
                debug = bool(ctx and options(ctx).debug) or "--debug" in sys.argv
                raise _internal(exc, debug, language(ctx)) from None

        kwargs.setdefault("cls", Command)
        (group or app).command(*args, **kwargs)(guarded)
        return func

    return register
