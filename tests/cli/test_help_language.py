"""--help and the command line's usage errors follow the language: --lang, TRYGGHET_LANG or a
Swedish LANG/LC_ALL/LC_MESSAGES; every help text has its Swedish in the catalog."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from tests.conftest import REPO
from trygghet_cli import i18n
from trygghet_cli.cli import app

ENGLISH_HEADINGS = ("Usage:", "Options", "Show this message", "Exit codes", "Examples:")
LANGUAGE_VARIABLES = ("TRYGGHET_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "TRYGGHET_DATA")


def _commands(command: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
    yield path, command
    for name in sorted(getattr(command, "commands", {})):
        yield from _commands(command.commands[name], [*path, name])


COMMANDS = list(_commands(typer.main.get_command(app), []))


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no data root, and no language chosen by the environment."""
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("args", "env", "swedish"), [
    (["--lang", "sv"], {"LANG": "en_US.UTF-8"}, True),
    (["--lang", "en"], {"LANG": "sv_SE.UTF-8"}, False),
    ([], {"TRYGGHET_LANG": "sv", "LANG": "en_US.UTF-8"}, True),
    ([], {"TRYGGHET_LANG": "en", "LANG": "sv_SE.UTF-8"}, False),
    ([], {"LANG": "sv_SE.UTF-8"}, True),
    ([], {"LC_ALL": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"}, True),
    ([], {"LC_MESSAGES": "sv_SE.UTF-8", "LANG": "en_GB.UTF-8"}, True),
    ([], {"LANG": "en_US.UTF-8"}, False),
], ids=["--lang sv", "--lang en", "TRYGGHET_LANG=sv", "TRYGGHET_LANG=en", "LANG=sv_SE",
        "LC_ALL=sv_SE", "LC_MESSAGES=sv_SE", "LANG=en_US"])
def test_help_language_is_chosen_by_option_or_environment(run, nowhere, monkeypatch, args, env,
                                                         swedish) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run(*args, "status", "--help")
    assert result.exit_code == 0, result.output
    out = _flat(result.stdout)
    if swedish:
        assert out.startswith("Användning: trygghet status [FLAGGOR]")
        assert "Visa läget för en periods medborgarlöften" in out
        assert "Flaggor" in out and "Returkoder:" in out and "Exempel:" in out
        assert not [word for word in ENGLISH_HEADINGS if word in out]
    else:
        assert out.startswith("Usage: trygghet status [OPTIONS]")
        assert "Show where the pledges of a period stand" in out and "Exit codes:" in out
        assert "Användning" not in out and "Flaggor" not in out


def test_lang_after_the_command_chooses_the_help_language_too(run, nowhere) -> None:
    assert _flat(run("status", "--help", "--lang", "en").stdout).startswith("Usage:")
    assert _flat(run("status", "--lang", "sv", "--help").stdout).startswith("Användning:")


def test_a_swedish_data_root_gives_swedish_help(run, nowhere, minimal_root, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = run("--data", str(minimal_root), "activity", "set-status", "--help")
    assert "Ändra en aktivitets status" in _flat(result.stdout)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) or "trygghet" for p, _ in COMMANDS])
def test_every_command_has_its_help_in_swedish(run, nowhere, path, command) -> None:
    result = run("--lang", "sv", *path, "--help")
    assert result.exit_code == 0, result.output
    out = _flat(result.stdout)
    assert out.startswith("Användning: trygghet")
    swedish = i18n.translations("help.", "sv")[command.help]
    assert _flat(swedish.split("\n\n")[0]) in out
    assert not [word for word in ENGLISH_HEADINGS if word in out], out
    if getattr(command, "commands", None):
        assert "Kommandon" in out and "KOMMANDO [ARGUMENT]..." in out


def test_every_help_text_has_a_swedish_entry_in_the_catalog() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import help_catalog
    finally:
        sys.path.remove(str(REPO / "scripts"))
    missing = help_catalog.missing()
    assert missing == {}, "run scripts/help_catalog.py and translate the new entries in sv.po"


@pytest.mark.parametrize(("args", "swedish", "english"), [
    (["status", "--bogus"], "Flaggan --bogus finns inte", "No such option"),
    (["activity", "set-status"], "Argumentet 'ID' saknas.", "Missing argument"),
    (["status", "--format", "x"], "Ogiltigt värde för '--format' / '-f': 'x' finns inte bland 'table'",
     "Invalid value"),
    (["status", "--due-within", "-3"], "Ogiltigt värde för '--due-within': -3 är mindre än 0.",
     "not in the range"),
    (["explain", "TRY101", "TRY102"], "För många argument: TRY102", "unexpected extra"),
    (["validate", "--strict=yes"], "Flaggan '--strict' tar inget värde.", "does not take"),
    (["status", "--period"], "Flaggan '--period' behöver ett värde.", "requires an argument"),
    (["bogus"], "Kommandot 'bogus' finns inte.", "No such command"),
    (["--lang", "xx", "status"], "Ogiltigt värde för --lang: ange sv eller en", "use sv or en"),
])
def test_usage_errors_are_in_swedish(run, nowhere, args, swedish, english) -> None:
    result = run(*args)
    assert result.exit_code == 2
    err = _flat(result.stderr)
    assert swedish in err
    assert english not in err
    assert "Usage:" not in err and "Error" not in err and "Try " not in err


def test_usage_errors_are_in_english_with_lang_en(run, nowhere) -> None:
    result = run("--lang", "en", "status", "--bogus")
    assert result.exit_code == 2
    err = _flat(result.stderr)
    assert "No such option: --bogus" in err and "Usage: trygghet status [OPTIONS]" in err
    assert "Try 'trygghet status -h' for help." in err


GROUPS = [path for path, command in COMMANDS if path and getattr(command, "commands", None)]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("group", GROUPS, ids=" ".join)
def test_a_groups_list_gives_each_command_a_summary_that_wraps_only_at_the_edge(
        run, nowhere, monkeypatch: pytest.MonkeyPatch, group: list[str], lang: str) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run("--lang", lang, *group, "--help")
    assert result.exit_code == 0
    panel = result.stdout[result.stdout.rindex("╭─"):]
    rows = [line.strip("│").rstrip() for line in panel.splitlines() if line.startswith("│")]
    # a line cut short by a line break of the help text would end well before the frame
    broken = [row for row, following in zip(rows, rows[1:], strict=False)
              if following.startswith(" " * 3) and len(row) < 60]
    assert not broken, panel
    assert len(rows) <= 3 * len(COMMANDS_OF[" ".join(group)]), panel


COMMANDS_OF = {" ".join(path): command.commands for path, command in COMMANDS
               if path and getattr(command, "commands", None)}


def _description(text: str) -> list[str]:
    """The lines of a help page above its first panel, without trailing spaces."""
    return [line.rstrip() for line in text[: text.index("╭")].splitlines()]


_CONTINUATION = ("--", "-o", ">")


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=lambda p: " ".join(p) or "trygghet")
def test_help_examples_and_prose_fit_80_columns_without_ragged_lines(
        run, nowhere, monkeypatch: pytest.MonkeyPatch, path: list[str], lang: str) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = _description(run("--lang", lang, *path, "--help").stdout)
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        word, next_word = line.strip(), following.strip()
        if not word or not next_word:
            continue
        if word.startswith(("trygghet ", "#", *_CONTINUATION)):
            # an example goes on only as a continuation after '\', a comment or another example
            assert next_word.startswith(("trygghet", "#", *_CONTINUATION)), (line, following)
            assert word.endswith("\\") == next_word.startswith(_CONTINUATION), (line, following)
        elif not word.startswith(("Användning", "Usage")):
            # prose wraps at the edge, not at the catalog's own line breaks
            assert len(line) > 55, (line, following)
