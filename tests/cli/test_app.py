"""Options of the app itself: --version and shell completion."""

from __future__ import annotations

from trygghet_cli import __version__


def test_version_prints_the_version_and_exits_zero(run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"trygghet {__version__}\n"


def test_completion_script_can_be_shown_for_bash(run, monkeypatch) -> None:
    # Typer otherwise asks the parent process which shell this is, and refuses plain sh.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = run("--show-completion", "bash")
    assert result.exit_code == 0, result.output
    assert "complete" in result.stdout and "_TRYGGHET_COMPLETE" in result.stdout.upper()


def test_new_commands_are_listed_in_help(run) -> None:
    result = run("--help")
    for name in ("init", "import", "export", "validate"):
        assert name in result.stdout
