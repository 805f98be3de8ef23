"""docs/cli.md is the commands' own description, and every command and option is documented."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from trygghet_cli.cli import app
from trygghet_cli.cli.reference import render

TOP = Path(__file__).resolve().parents[2]


def _commands(command, path="trygghet"):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, f"{path} {name}")


def test_the_cli_reference_is_current() -> None:
    current = (TOP / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == render(app), "docs/cli.md is out of date: run .venv/bin/python scripts/cli_reference.py"


def test_every_command_and_option_is_in_the_readme_or_the_reference() -> None:
    docs = "".join((TOP / name).read_text(encoding="utf-8") for name in ("README.md", "docs/cli.md"))
    missing = []
    for path, command in _commands(typer.main.get_command(app)):
        if f"`{path}`" not in docs and f"{path} " not in docs:
            missing.append(path)
        for param in command.params:
            for name in [*param.opts, *param.secondary_opts]:
                if name.startswith("-") and not re.search(rf"`{re.escape(name)}`", docs):
                    missing.append(f"{path} {name}")
    assert not missing, f"not documented: {missing}; run .venv/bin/python scripts/cli_reference.py"
