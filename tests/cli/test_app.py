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


def test_version_is_printed_without_loading_the_interface() -> None:
    """Issue 30: `trygghet --version` answers before Typer and the commands are imported."""
    import subprocess
    import sys

    probe = ("import sys; sys.argv = ['trygghet', '--version']; "
             "from trygghet_cli.__main__ import main; main(); "
             "print(sorted(m for m in sys.modules if m == 'typer' or m.startswith('trygghet_cli.')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout == f"trygghet {__version__}\n['trygghet_cli.__main__']\n"


def test_python_m_runs_every_command_as_the_console_script_does(tmp_path) -> None:
    import subprocess
    import sys

    for args in (["--version"], ["--lang", "en", "--version"], ["--data", str(tmp_path), "validate"]):
        done = subprocess.run([sys.executable, "-m", "trygghet_cli", *args], capture_output=True,
                              text=True, check=False, timeout=120)
        assert "Traceback" not in done.stderr, done.stderr
        if "--version" in args:
            assert (done.returncode, done.stdout) == (0, f"trygghet {__version__}\n")
        else:
            assert done.returncode != 0 and "trygghet.yaml" in done.stdout + done.stderr


def test_python_m_also_loads_only_the_command_named(tmp_path) -> None:
    """`python -m trygghet_cli validate` (how bench/run.py times it) runs the launcher as
    __main__: it too imports the validate command alone."""
    import subprocess
    import sys

    args = ["--data", str(tmp_path), "validate"]
    probe = (f"import runpy, sys; sys.argv = ['trygghet', *{args!r}]\n"
             "try:\n    runpy.run_module('trygghet_cli', run_name='__main__', alter_sys=True)\n"
             "except SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.endswith('_cmd')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.rstrip("\n").rpartition("\n")[2] == "['trygghet_cli.cli.validate_cmd']"


def test_the_command_named_is_found_after_the_global_options() -> None:
    from trygghet_cli.__main__ import named_command

    assert named_command(["--data", "status", "--lang", "en", "--no-color", "validate", "x"]) == "validate"
    assert named_command(["--data=status", "-d", "x", "--color", "never", "report", "yearly"]) == "report"
    assert named_command(["check", "law"]) == "check"
    for args in (["--help"], ["--version"], ["statsu"], ["--data", "x"], ["--lang", "en", "-h"], []):
        assert named_command(args) is None


def test_a_run_that_names_a_command_loads_only_it_and_says_what_the_whole_interface_says(run) -> None:
    """Issue 30: `trygghet status ...` imports the status command, not all sixteen."""
    import os
    import subprocess
    import sys

    args = ["--lang", "en", "status", "--help"]
    probe = (f"import sys; sys.argv = ['trygghet', *{args!r}]\n"
             "from trygghet_cli.__main__ import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.endswith('_cmd')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=60, env={**os.environ, "COLUMNS": "80"})
    shown, _, loaded = done.stdout.rstrip("\n").rpartition("\n")
    assert loaded == "['trygghet_cli.cli.status_cmd']"
    assert shown + "\n" == run(*args).stdout
