"""`--help` and the command line's usage errors in the user's language, from the message catalog.

Help is written in English in the code (docstrings, `help=`). The catalog holds each text as
the msgid of an entry whose key starts with `help.` (the key names the first command that
uses it) and its Swedish msgstr. Help is looked up by its English text, as gettext does, so an
option that several commands share is translated once; `scripts/help_catalog.py` adds the
entries a new or changed text needs.

Typer's vendored click writes its own messages ("No such option: --x", "Missing argument 'ID'.")
in English without gettext. The catalog's `click.` entries hold them as patterns with
{placeholders}; a message that matches one is said in the language, its parts translated too.
Typer's headings ("Options", "Error", "Try ... for help.") are constants of typer.rich_utils,
the customisation point it shares with rich-click.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from trygghet_cli import i18n

# typer.rich_utils constant -> catalog key
_HEADINGS = {
    "ARGUMENTS_PANEL_TITLE": "click.heading.arguments",
    "OPTIONS_PANEL_TITLE": "click.heading.options",
    "COMMANDS_PANEL_TITLE": "click.heading.commands",
    "ERRORS_PANEL_TITLE": "click.heading.error",
    "DEFAULT_STRING": "click.default",
    "ENVVAR_STRING": "click.envvar",
    "REQUIRED_LONG_STRING": "click.required",
    "DEPRECATED_STRING": "click.deprecated",
    "ABORTED_TEXT": "click.aborted",
    "RICH_HELP": "click.try_help",
}
_USAGE_PIECES = (("options_metavar", "click.options_metavar"),
                 ("subcommand_metavar", "click.subcommand_metavar"))


def help_texts(command: Any, ctx: Any) -> list[str]:
    """Every help text a command shows: its own, its epilog, its options' and its commands'."""
    texts = [command.help, command.epilog]
    texts += [getattr(param, "help", None) for param in command.get_params(ctx)]
    texts += [sub.help for sub in getattr(command, "commands", {}).values()]
    return [text for text in texts if text]


def localize_types(command: Any, ctx: Any, lang: str) -> None:
    """The kinds of value in the help's type column in words of the language: `<text>`,
    `<mapp>`, `<heltal>` instead of click's `<str>`, `<directory>`, `<int range>`. The type is
    copied first (click's types are shared), and the English original kept on the parameter."""
    import copy

    for param in command.get_params(ctx):
        original = getattr(param, "_trygghet_type", param.type)
        key = f"help_type.{original.name.replace(' ', '_')}"
        if not i18n.has_label(key) or original.get_metavar(param=param, ctx=ctx) is not None:
            continue
        param._trygghet_type = original
        param.type = copy.copy(original)
        param.type.name = i18n.label(key, lang)


def localize_help(command: Any, ctx: Any, lang: str) -> None:
    """Put the command's help, and the headings around it, in the language (before it is shown)."""
    localize_headings(lang)
    localize_types(command, ctx, lang)
    table = i18n.translations("help.", lang)
    command.help = table.get(command.help, command.help)
    command.epilog = table.get(command.epilog, command.epilog)
    for param in command.get_params(ctx):
        if getattr(param, "help", None):
            param.help = table.get(param.help, param.help)
    for sub in getattr(command, "commands", {}).values():
        sub.help = table.get(sub.help, sub.help)
        sub.short_help = summary(sub.help or "")


def summary(text: str) -> str:
    """A command's line in its group's list: the first paragraph of its help as one line, cut
    after its first sentence when it is longer than two lines of the list."""
    first = " ".join(text.split("\n\n", 1)[0].split())
    end = first.find(". ")
    return first[: end + 1] if len(first) > 120 and end > 0 else first


def localize_headings(lang: str) -> None:
    """Typer's headings and notes ("Options", "[required]", "Error") in the language."""
    from typer import rich_utils

    for constant, key in _HEADINGS.items():
        setattr(rich_utils, constant, i18n.label(key, lang))


def localize_usage(command: Any, lang: str) -> str:
    """Put the usage line's [OPTIONS] and COMMAND in the language; 'Usage: ' in it."""
    for attribute, key in _USAGE_PIECES:
        if hasattr(command, attribute):
            setattr(command, attribute, i18n.label(key, lang))
    return i18n.label("click.usage", lang)


@cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], str]]:
    """The `click.` messages that have placeholders, as patterns; longest text first."""
    found = []
    for english, translated in i18n.translations("click.", lang).items():
        if "{" not in english:
            continue
        parts = re.split(r"\{(\w+)\}", english)
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
        found.append((re.compile(f"^{regex}$", re.DOTALL), translated, len(english)))
    return [(pattern, text) for pattern, text, _ in sorted(found, key=lambda f: -f[2])]


def usage_message(text: str, lang: str) -> str:
    """One of click's English messages in the language; unknown ones stay as they are."""
    plain = i18n.translations("click.", lang)
    if text in plain:
        return plain[text]
    for pattern, translated in _patterns(lang):
        match = pattern.match(text)
        if match:
            parts = {name: usage_message(value, lang) for name, value in match.groupdict().items()}
            return translated.format(**parts)
    return text


def localize_error(error: Any, lang: str) -> Any:
    """A click exception whose message is in the language (the same exception in English)."""
    from typer._click import exceptions

    localize_headings(lang)
    if lang == "en" or isinstance(error, exceptions.NoArgsIsHelpError):
        return error
    text = usage_message(error.format_message(), lang)
    if isinstance(error, exceptions.UsageError):
        said = exceptions.UsageError(text, error.ctx)
        said.exit_code = error.exit_code
        return said
    error.message = text
    return error


def laid_out(text: str, width: int) -> str:
    """A help text as a terminal of `width` columns shows it well: prose paragraphs as one
    line each (the terminal wraps them evenly; the catalog's own line breaks left ragged
    lines), and each example that does not fit broken before an option with ' \\' and its
    comment put on the line above. The first paragraph is left to Typer."""
    first, *rest = text.split("\n\n")
    return "\n\n".join([first, *(_paragraph(p, width - 2) for p in rest)])


def _paragraph(text: str, width: int) -> str:
    lines = text.split("\n")
    if not any(line.startswith("  ") for line in lines):
        return " ".join(line.strip() for line in lines)
    if all(len(line) <= width for line in lines):
        return text
    out: list[str] = []
    for line in _commands_of(lines):
        found = _COMMENT.match(line)
        if found and len(line) > width:
            out.append(f"  {found['comment']}")
            line = found["command"]
        out.extend(_broken(line, width) if not found or len(line) > width else [line])
    return "\n".join(out)


def _commands_of(lines: list[str]) -> list[str]:
    """The example lines with each command on one line (continuations joined)."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith("\\"):
            joined[-1] = joined[-1][:-1].rstrip() + " " + line.strip()
        elif joined and line.startswith("  --"):
            joined[-1] = joined[-1].rstrip() + " " + line.strip()
        else:
            joined.append(line.rstrip())
    return joined


_COMMENT = re.compile(r"^(?P<command>  \S.*?)\s{2,}(?P<comment>#.*)$")


def _broken(line: str, width: int) -> list[str]:
    """An example command in lines of at most width (where it can), broken before options."""
    if len(line) <= width:
        return [line]
    pieces = _pieces(line)
    lines, current = [], pieces[0]
    for piece in pieces[1:]:
        if len(current) + len(piece) + 3 <= width:
            current += " " + piece
        else:
            lines.append(current + " \\")
            current = "    " + piece
    return [*lines, current]


def _pieces(line: str) -> list[str]:
    """The line cut at each space before an option or a redirection, outside quotes."""
    pieces, start, quote = [], 0, ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == " " and index > 2 and line[index + 1:index + 2] in ("-", ">"):
            pieces.append(line[start:index])
            start = index + 1
    return [*pieces, line[start:]]


def terminal_width() -> int:
    """The width Typer's console renders help in: TERMINAL_WIDTH, else the terminal's
    (COLUMNS, else 80)."""
    import shutil

    from typer import rich_utils

    return rich_utils.MAX_WIDTH or shutil.get_terminal_size((80, 24)).columns
