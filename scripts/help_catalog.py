"""Add every --help text that the Swedish catalog lacks to src/trygghet_cli/i18n/sv.po.

Usage: .venv/bin/python scripts/help_catalog.py [--check]

Each new entry gets a key (help.COMMAND or help.COMMAND.OPTION), the English text as msgid
and an empty msgstr for the translator; tests/unit/test_help_catalog.py fails until it is
filled in. --check writes nothing and exits 1 when a text is missing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CATALOG = Path(__file__).resolve().parent.parent / "src" / "trygghet_cli" / "i18n" / "sv.po"


def _commands(command: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
    yield path, command
    for name in sorted(getattr(command, "commands", {})):
        yield from _commands(command.commands[name], [*path, name])


def help_entries() -> dict[str, str]:
    """Key -> English text for every help text the commands show, each text once."""
    import typer
    import typer.main

    from trygghet_cli.cli import app

    found: dict[str, str] = {}
    for path, command in _commands(typer.main.get_command(app), ["trygghet"]):
        key = "help." + ".".join(path[1:] or path)
        texts = [(key, command.help), (f"{key}.epilog", command.epilog)]
        texts += [(f"{key}.{param.name}", getattr(param, "help", None))
                  for param in command.get_params(typer.Context(command))]
        for name, text in texts:
            if text and text not in found.values():
                found[name] = text
    return found


def po_string(keyword: str, text: str) -> str:
    """A PO keyword and its text, one quoted line per line of the text."""
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = quoted.split("\n")
    if len(lines) == 1:
        return f'{keyword} "{quoted}"'
    parts = [f"{line}\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return "\n".join([f'{keyword} ""', *(f'"{part}"' for part in parts)])


def po_entry(key: str, english: str, translated: str = "") -> str:
    return "\n".join([f'msgctxt "{key}"', po_string("msgid", english), po_string("msgstr", translated)])


def missing() -> dict[str, str]:
    """The help entries whose English text the catalog does not have."""
    from trygghet_cli import i18n

    entries, _ = i18n.parse_po(CATALOG.read_text(encoding="utf-8"))
    known = {entry.get("msgid") for key, entry in entries.items() if key.startswith("help.")}
    taken = set(entries)
    return {key: text for key, text in help_entries().items()
            if text not in known and key not in taken}


def main(argv: list[str]) -> int:
    new = missing()
    if "--check" in argv:
        for key in new:
            print(f"{CATALOG}: no Swedish help for {key}", file=sys.stderr)
        return 1 if new else 0
    if new:
        text = CATALOG.read_text(encoding="utf-8").rstrip("\n")
        blocks = [po_entry(key, english) for key, english in new.items()]
        CATALOG.write_text("\n\n".join([text, *blocks]) + "\n", encoding="utf-8")
        print(f"{len(new)} entries added to {CATALOG}: translate their msgstr")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
