"""What every command follows without repeating it: one rule for format spellings, and completion.

Every command registered with `app.command` (cli/app.py) is a `Command`: a `--format` that
offers `markdown` also takes `md` and the other way round, and options and arguments
named for a language, a status, a report kind, a period or an id complete in the shell
(`trygghet --install-completion`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer._click import Context, HelpFormatter, Parameter
from typer._types import TyperChoice
from typer.core import TyperCommand, TyperGroup

# One spelling per format in the help, both accepted everywhere.
SAME_FORMAT = {"md": "markdown", "markdown": "md"}
LANGUAGES = ["sv", "en"]
STATUSES = ["planned", "ongoing", "done", "delayed", "cancelled"]


class Spellings(TyperChoice[str]):
    """A choice that also takes the other spelling of a format and passes on the command's own."""

    def __init__(self, choices: list[str], aliases: dict[str, str]) -> None:
        super().__init__([*choices, *aliases])
        self.aliases = aliases

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        chosen = super().convert(value, param, ctx)
        return self.aliases.get(chosen, chosen)


def _widen(param: Parameter) -> None:
    if not isinstance(param.type, TyperChoice) or isinstance(param.type, Spellings):
        return
    choices = [str(c) for c in param.type.choices]
    aliases = {other: own for own, other in SAME_FORMAT.items() if own in choices and other not in choices}
    if aliases:
        param.type = Spellings(choices, aliases)


def _model(ctx: Context) -> Any:
    """The data root's model for completing ids; None when it cannot be loaded."""
    from trygghet_cli.root import config, repository

    data = ctx.find_root().params.get("data")  # text while completing: no callbacks have run
    return repository.load(config.find_root(explicit=Path(data) if data else None)).model


def _ids(pick: Callable[[Any], list[str]]) -> Callable[[Context, Parameter, str], list[str]]:
    def complete(ctx: Context, param: Parameter, incomplete: str) -> list[str]:
        try:
            values = pick(_model(ctx))
        except Exception:  # noqa: BLE001 - completion never fails a shell
            return []
        return sorted(v for v in set(values) if v.startswith(incomplete))
    return complete


def _fixed(values: list[str]) -> Callable[[Context, Parameter, str], list[str]]:
    def complete(ctx: Context, param: Parameter, incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete)]
    return complete


def _report_kinds(ctx: Context, param: Parameter, incomplete: str) -> list[str]:
    from trygghet_cli.render import KINDS

    return [k for k in KINDS if k.startswith(incomplete)]


def _periods(model: Any) -> list[str]:
    """A pledge period as people type it (2019, 2024-2025) and its id."""
    return [name for s in model.pledge_sets for name in (s.id, s.period.label().replace("–", "-"))
            if " " not in name]  # 'från 2024', 'period anges inte': typed by the id


COMPLETIONS: dict[str, Callable[[Context, Parameter, str], list[str]]] = {
    "lang": _fixed(LANGUAGES),
    "status": _fixed(STATUSES),
    "kind": _report_kinds,
    "activity_id": _ids(lambda m: [a.id for a in m.all_activities()]),
    "period": _ids(_periods),
    "owner": _ids(lambda m: [f.id for f in m.config.functions]),
    "district": _ids(lambda m: [d.id for d in m.config.districts]),
    "pledge": _ids(lambda m: [p.id for s in m.pledge_sets for p in s.pledges]),
}


def _complete(param: Parameter, command: str) -> None:
    if param._custom_shell_complete is not None or isinstance(param.type, TyperChoice):
        return
    name = param.name or ""
    if name == "kind" and command != "report":  # report KIND; other commands' --kind is not one
        return
    found = COMPLETIONS.get(name)
    if found is not None:
        param._custom_shell_complete = found


def _language(ctx: Context) -> str:
    from trygghet_cli.cli.app import language

    return language(ctx)


class Localized:
    """Help and usage line in the user's language (cli/help_texts.py)."""

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        from trygghet_cli.cli.help_texts import laid_out, localize_help, terminal_width

        localize_help(self, ctx, _language(ctx))
        help_text = getattr(self, "help", None)
        if help_text:
            setattr(self, "help", laid_out(help_text, terminal_width()))  # noqa: B010 - a mixin
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        from trygghet_cli.cli.help_texts import localize_usage

        prefix = localize_usage(self, _language(ctx))
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)


class Group(Localized, TyperGroup):
    """A command group (`trygghet activity`) whose help follows the user's language."""


class Command(Localized, TyperCommand):
    """A Typer command that follows the conventions above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _widen(param)
            _complete(param, self.name or "")


def web_address(url: str | None) -> str | None:
    """A --base-url as given when it is an absolute http(s) address with a host and nothing
    that cannot stand in one (spaces, quotes, angle brackets, control characters); else a
    usage error."""
    from urllib.parse import urlsplit

    from trygghet_cli.errors import UsageError

    if url is None:
        return None
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme, parts.hostname
    except ValueError:  # a malformed [IPv6] host or port
        scheme, host = "", None
    unsafe = any(char.isspace() or char in "\"'<>\\`" or ord(char) < 32 or ord(char) == 127
                 for char in url)
    if scheme not in {"http", "https"} or not host or unsafe:
        raise UsageError.say("site.bad_base_url", url=url)
    return url
