"""docs/cli.md is the commands' own description, and every command and option is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from trygghet_cli.cli import app
from trygghet_cli.cli.reference import render

TOP = Path(__file__).resolve().parents[2]


def _commands(command, path="trygghet"):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, f"{path} {name}")


@pytest.mark.parametrize(("name", "lang"), [("cli.md", "en"), ("cli.sv.md", "sv")])
def test_the_cli_reference_is_current_in_both_languages(name: str, lang: str) -> None:
    current = (TOP / "docs" / name).read_text(encoding="utf-8")
    assert current == render(app, lang), (
        f"docs/{name} is out of date: run .venv/bin/python scripts/cli_reference.py")


def test_the_swedish_reference_speaks_swedish() -> None:
    text = render(app, "sv")
    assert "## `trygghet validate`" in text and "| flagga | värde | standard | vad den gör |" in text
    assert "[FLAGGOR]" in text and "DIRECTORY" not in text and "(env:" not in text
    assert "Options" not in text and "what it does" not in text


def test_every_command_and_option_is_in_the_readme_or_the_reference() -> None:
    docs = "".join((TOP / name).read_text(encoding="utf-8")
                   for name in ("README.md", "docs/manual.md", "docs/cli.md"))
    missing = []
    for path, command in _commands(typer.main.get_command(app)):
        if f"`{path}`" not in docs and f"{path} " not in docs:
            missing.append(path)
        for param in command.params:
            for name in [*param.opts, *param.secondary_opts]:
                if name.startswith("-") and not re.search(rf"`{re.escape(name)}`", docs):
                    missing.append(f"{path} {name}")
    assert not missing, f"not documented: {missing}; run .venv/bin/python scripts/cli_reference.py"
