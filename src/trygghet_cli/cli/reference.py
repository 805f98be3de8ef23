"""The CLI reference (docs/cli.md), generated from the commands themselves.

    python scripts/cli_reference.py     # rewrite docs/cli.md
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

HEADER = """# trygghet command reference

Generated from the commands by `python scripts/cli_reference.py`; a test fails when it
is out of date. `trygghet COMMAND --help` shows the same in the terminal. The README
explains what the commands are for.
"""


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _value(param: Any) -> str:
    if getattr(param, "is_flag", False) and not getattr(param, "secondary_opts", None):
        return ""
    choices = getattr(param.type, "choices", None)
    if choices:
        return "|".join(str(c) for c in choices)
    return str(param.metavar or {"str": "TEXT"}.get(param.type.name, param.type.name.upper()))


def _default(param: Any) -> str:
    value = param.default
    if value in (None, False, "", [], ()) or callable(value):
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(getattr(value, "value", value))


def _row(param: Any) -> str:
    names = ", ".join(f"`{n}`" for n in [*param.opts, *param.secondary_opts])
    if param.param_type_name == "argument":
        names = f"`{param.human_readable_name.upper()}`"
    meaning = getattr(param, "help", None) or ""
    if param.envvar:
        meaning += f" (env: `{param.envvar}`)"
    return f"| {names} | {_cell(_value(param))} | {_cell(_default(param))} | {_cell(meaning)} |"


def _help(text: str) -> list[str]:
    lines = []
    for line in text.strip().splitlines():
        stripped = line.strip()
        lines.append(f"    {stripped}" if line.startswith("  ") and stripped else stripped)
    return lines


def _commands(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    yield path, command
    for name in sorted(getattr(command, "commands", {})):
        yield from _commands(command.commands[name], f"{path} {name}")


def render(app: Any) -> str:
    """The reference for a Typer app as Markdown: one section per command and group."""
    import typer.main

    root = typer.main.get_command(app)
    out = [HEADER]
    for path, command in _commands(root, "trygghet"):
        params = [p for p in command.params if not getattr(p, "hidden", False)]
        usage = " ".join(command.collect_usage_pieces(typer.Context(command)))
        out += [f"## `{path}`", "", f"    {path} {usage}", "", *_help(command.help or ""), ""]
        if params:
            out += ["| option | value | default | what it does |", "|---|---|---|---|",
                    *(_row(p) for p in params), ""]
        if command.epilog:
            out += [_cell(command.epilog), ""]
    return "\n".join(out).rstrip() + "\n"
