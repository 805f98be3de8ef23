"""Every command the README and the manual show runs, in the order shown, on the data it names."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import BUNDLED, FIXTURES
from tests.readme_examples import Example, examples, write_output
from trygghet_cli.cli import app

TOP = Path(__file__).resolve().parents[2]
# An example may exit 1 only when failing is what it shows.
MAY_FAIL = ("--strict", "--fail-if", "--check", "--exit-code")


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def _workspace(tmp_path: Path) -> Path:
    """A clone of a data repository (data/ is the bundled root, origin/main exists) with the
    folder of data roots that the README's many-roots examples name (national/)."""
    upstream = tmp_path / "upstream"
    shutil.copytree(BUNDLED, upstream / "data", ignore=shutil.ignore_patterns(".trygghet-cache"))
    _git(upstream, "init", "-q", "-b", "main")
    _git(upstream, "add", ".")
    _git(upstream, "commit", "-q", "-m", "data")
    _git(tmp_path, "clone", "-q", str(upstream), "work")
    work = tmp_path / "work"
    shutil.copytree(upstream / "data", work / "national" / "strangnas")
    shutil.copytree(FIXTURES / "exempelby", work / "national" / "exempelby")
    return work


def _completion(words: list[str], home: Path) -> None:
    """`--install-completion` and `--show-completion` ask which shell runs them (typer looks
    at the parent processes): run them as a user does, from bash, whatever runs the tests."""
    trygghet = Path(sys.executable).with_name("trygghet")
    done = subprocess.run(["bash", "-c", f'"{trygghet}" {" ".join(words)}; exit $?'],
                          env={**os.environ, "HOME": str(home)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    if words == ["--install-completion"]:
        assert "trygghet" in (home / ".bashrc").read_text(encoding="utf-8")
    else:
        assert "complete" in done.stdout and "trygghet" in done.stdout


def _run(example: Example, work: Path, home: Path, source: str = "README.md") -> None:
    words, stdout_to = example.words()
    if words[0] in ("--install-completion", "--show-completion"):
        _completion(words, home)
        return
    env = {"HOME": str(home), "TRYGGHET_DATA": str(work / "data"), "SHELL": "/bin/bash"}
    result = CliRunner().invoke(app, words, env=env, prog_name="trygghet")
    if "in a terminal" in example.text:  # asks questions; tests/cli/test_activity_new_prompts.py
        assert result.exit_code == 2 and "terminal" in result.stderr, example.text  # runs it in a pty
        return
    allowed = {0, 1} if any(flag in words for flag in MAY_FAIL) else {0}
    assert result.exit_code in allowed, (
        f"{source}:{example.line}: '{example.text}' exited {result.exit_code}:\n"
        f"{result.stderr or result.stdout}")
    if stdout_to:
        write_output(work, stdout_to, result.stdout)


def test_every_command_in_the_readme_runs_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = _workspace(tmp_path)
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    shown = [(name, example) for name in ("README.md", "docs/manual.md")
             for example in examples((TOP / name).read_text(encoding="utf-8"))]
    assert len(shown) > 40
    for name, example in shown:
        _run(example, work, tmp_path / "home", name)


AGREEMENT = """id: so-2026-2029
title: Samverkansöverenskommelse 2026–2029
period:
  start: 2026-01-01
  end: 2029-12-31
parties: [kommun, polis]
signed:
  date: 2026-01-15
priority_areas:
  - id: pa-unga
    title: Unga och brott
"""
PLEDGES = """id: ml-2026-2027
title: Medborgarlöften 2026–2027
period:
  start: 2026-01-01
  end: 2027-12-31
agreement: so-2026-2029
parties: [kommun, polis]
signed:
  date: "2026-02"
pledges:
  - id: ml-1
    text: Vi ökar vuxennärvaron där unga vistas.
    parties: [kommun, polis]
    areas: [pa-unga]
"""


def _spreadsheet(path: Path) -> None:
    """The coordinator's activity list in Excel, as the generated README assumes one."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Titel", "Löfte", "Ansvarig", "Slutdatum", "Status", "Mål"])
    sheet.append(["Nattvandring", 1, "Trygghetssamordnare", "2026-10-31", "Planerad", "varje fredag"])
    book.save(path)


def test_every_command_in_the_generated_data_root_readme_runs_in_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "kommundata"
    init = CliRunner().invoke(app, ["init", str(root), "--name", "Exempelby kommun", "--code", "0999",
                                    "--police-area", "Lokalpolisområde Exempel",
                                    "--function", "trygghetssamordnare=Trygghetssamordnare@kommun",
                                    "--tool-repo", "https://git.example.org/trygghet"])
    assert init.exit_code == 0, init.stderr
    # The period the README's import names, and the spreadsheet it imports.
    (root / "agreements" / "2026-2029.yaml").write_text(AGREEMENT, encoding="utf-8")
    (root / "pledges" / "2026-2027.yaml").write_text(PLEDGES, encoding="utf-8")
    _spreadsheet(root / "aktiviteter.xlsx")
    monkeypatch.chdir(root)
    shown = examples((root / "README.md").read_text(encoding="utf-8"))
    assert len(shown) >= 5
    for example in shown:
        words, stdout_to = example.words()
        result = CliRunner().invoke(app, words, prog_name="trygghet")
        assert result.exit_code == 0, (
            f"the generated README: '{example.text}' exited {result.exit_code}:\n{result.stderr}")
        if stdout_to:
            write_output(root, stdout_to, result.stdout)
