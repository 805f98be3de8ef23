"""The CLI reference (docs/cli.md in English, docs/cli.sv.md in Swedish), generated from the
commands themselves and the help catalog.

    python scripts/cli_reference.py     # rewrite both
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

HEADER = {
    "en": """# trygghet command reference

Generated from the commands by `python scripts/cli_reference.py`; a test fails when it
is out of date. `trygghet COMMAND --help` shows the same in the terminal. The manual
(docs/manual.md) explains what the commands are for; the same reference in Swedish is
docs/cli.sv.md.
""",
    "sv": """# Kommandoreferens för trygghet

Skapad från kommandona med `python scripts/cli_reference.py`; ett test slår larm när den
inte längre stämmer. `trygghet KOMMANDO --help` visar samma sak i terminalen. Handboken
(docs/handbok/) beskriver arbetet steg för steg och vilka kommandon varje steg använder;
samma referens på engelska är docs/cli.md.
""",
}
TABLE_HEAD = {
    "en": ["| option | value | default | what it does |", "|---|---|---|---|"],
    "sv": ["| flagga | värde | standard | vad den gör |", "|---|---|---|---|"],
}


# The value names the reference shows, in Swedish (the English are click's and the options' own).
VALUE_NAMES_SV = {"TEXT": "TEXT", "DIRECTORY": "MAPP", "FILE": "FIL", "PATH": "SÖKVÄG",
                  "FLOAT": "TAL", "INTEGER": "HELTAL", "DAYS": "DAGAR", "CODE": "KOD"}
ENVVAR = {"en": "env", "sv": "miljövariabel"}


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _value(param: Any, lang: str) -> str:
    if getattr(param, "is_flag", False) and not getattr(param, "secondary_opts", None):
        return ""
    choices = getattr(param.type, "choices", None)
    if choices:
        return "|".join(str(c) for c in choices)
    name = str(param.metavar or {"str": "TEXT"}.get(param.type.name, param.type.name.upper()))
    return VALUE_NAMES_SV.get(name, name) if lang == "sv" else name


def _default(param: Any) -> str:
    value = param.default
    if value in (None, False, "", [], ()) or callable(value):
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(getattr(value, "value", value))


def _row(param: Any, lang: str) -> str:
    names = ", ".join(f"`{n}`" for n in [*param.opts, *param.secondary_opts])
    if param.param_type_name == "argument":
        name = param.human_readable_name.upper()
        names = f"`{VALUE_NAMES_SV.get(name, name) if lang == 'sv' else name}`"
    meaning = getattr(param, "help", None) or ""
    if param.envvar:
        meaning += f" ({ENVVAR[lang]}: `{param.envvar}`)"
    return f"| {names} | {_cell(_value(param, lang))} | {_cell(_default(param))} | {_cell(meaning)} |"


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


def _localize(command: Any, lang: str) -> None:
    """The command's help texts and usage words in the language (English is the code's own)."""
    import typer

    from trygghet_cli.cli.help_texts import localize_help, localize_usage

    if lang != "en":
        localize_help(command, typer.Context(command), lang)
        localize_usage(command, lang)


def render(app: Any, lang: str = "en") -> str:
    """The reference for a Typer app as Markdown, in English or Swedish: one section per
    command and group."""
    import typer.main

    root = typer.main.get_command(app)
    out = [HEADER[lang]]
    for path, command in _commands(root, "trygghet"):
        _localize(command, lang)
        params = [p for p in command.params if not getattr(p, "hidden", False)]
        usage = " ".join(command.collect_usage_pieces(typer.Context(command)))
        out += [f"## `{path}`", "", f"    {path} {usage}", "", *_help(command.help or ""), ""]
        if params:
            out += [*TABLE_HEAD[lang], *(_row(p, lang) for p in params), ""]
        if command.epilog:
            out += [_cell(command.epilog), ""]
    return "\n".join(out).rstrip() + "\n"
