"""Questions in a terminal: when to ask, and asking again until an answer can be used."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TypeVar

import typer

from trygghet_cli.errors import UsageError

T = TypeVar("T")


def interactive() -> bool:
    """Whether questions can be asked: stdin is a terminal and this is not CI (`CI` set)."""
    return sys.stdin.isatty() and not os.environ.get("CI")


def say_error(error: UsageError, lang: str) -> None:
    """A wrong answer, explained on stderr the way a failing command explains it."""
    from trygghet_cli.i18n import label

    message, hint = error.text(lang)
    typer.echo(message, err=True)
    if hint:
        typer.echo(f"  {label('hint', lang)}: {hint}", err=True)


def ask(question: str, parse: Callable[[str], T], lang: str) -> T | None:
    """One answer parsed, asked again while it is wrong; None for an empty answer."""
    while answer := str(typer.prompt(question, default="", show_default=False)).strip():
        try:
            return parse(answer)
        except UsageError as error:
            say_error(error, lang)
    return None


def ask_many(question: str, parse: Callable[[str], T], lang: str) -> list[T]:
    """Answers parsed one at a time until an empty one (a wrong one is asked again)."""
    found: list[T] = []
    while (item := ask(question, parse, lang)) is not None:
        found.append(item)
    return found
