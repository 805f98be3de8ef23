"""What every command follows: md and markdown are one format, --color, NO_COLOR, completion."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.conftest import BUNDLED
from trygghet_cli.cli import app
from trygghet_cli.cli.app import ColorWhen, use_color
from trygghet_cli.render import KINDS


@pytest.mark.parametrize("args", [
    ("status", "--as-of", "2025-06-30", "--format"),
    ("diff", "pledges", "2022-2023", "2024-2025", "--format"),
    ("report", "pledges", "--period", "2024-2025", "--format"),
])
def test_md_and_markdown_are_the_same_format_for_every_command(run, args) -> None:
    short, long = run(*args, "md"), run(*args, "markdown")
    assert short.exit_code == long.exit_code == 0, short.stderr + long.stderr
    assert short.stdout == long.stdout and short.stdout.strip()


def test_color_always_and_never_override_the_terminal(run) -> None:
    always = run("--color", "always", "status", "--period", "2019")
    never = run("--color", "never", "status", "--period", "2019")
    assert "\x1b[" in always.stdout and "\x1b[" not in never.stdout
    assert run("--no-color", "--color", "always", "status").stdout.count("\x1b[") == 0


def test_no_color_counts_only_when_it_is_not_empty(monkeypatch) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "")
    assert use_color(ColorWhen.auto)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(ColorWhen.auto)
    assert use_color(ColorWhen.always)


def _complete(words: str) -> list[str]:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {"_TRYGGHET_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword),
           "TRYGGHET_DATA": str(BUNDLED)}
    result = CliRunner().invoke(app, [], env=env, prog_name="trygghet")
    return result.stdout.split()


@pytest.mark.parametrize(("words", "offered"), [
    ("trygghet report ", list(KINDS)),
    ("trygghet --lang ", ["sv", "en"]),
    ("trygghet status --lang e", ["en"]),
    ("trygghet status --format m", ["markdown", "md"]),
    ("trygghet activity set-status a2024-01 ", ["planned", "ongoing", "done", "delayed", "cancelled"]),
    ("trygghet activity set-status a2024-0", ["a2024-01", "a2024-02"]),
    ("trygghet status --owner kommunp", ["kommunpolis"]),
    ("trygghet status --period 2024", ["2024-2025"]),
])
def test_the_shell_completes_kinds_languages_formats_statuses_and_ids(words, offered) -> None:
    assert _complete(words) == offered
