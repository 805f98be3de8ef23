"""The Swedish handbook (docs/handbok/) as a coordinator follows it: every command of every page
runs in the order shown, on a data root made from nothing, and prints what the page shows.

After a deliberate change of what a command prints, rewrite the shown output with
`TRYGGHET_UPDATE_DOCS=1 .venv/bin/python -m pytest tests/cli/test_handbook.py` and read the diff;
`TRYGGHET_DOCS_WORKSPACE=/tmp/handbok` keeps the reader's folder there to look at.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.handbook import Shown, rewrite, sessions
from tests.readme_examples import write_output
from trygghet_cli.cli import app

TOP = Path(__file__).resolve().parents[2]
HANDBOOK = TOP / "docs" / "handbok"
PAGES = sorted(HANDBOOK.glob("[0-9][0-9]-*.md"))
STEPS = ["kom-igang", "lagesbilden", "overenskommelse-och-loften", "aktivitetslistan",
         "uppfoljning", "rapportering", "ny-period", "ci-och-it"]
# A fixed clock for git, so that history shown on the pages is the same in every run.
GIT_ENV = {"GIT_AUTHOR_NAME": "Samordnaren", "GIT_AUTHOR_EMAIL": "samordnare@example.org",
           "GIT_COMMITTER_NAME": "Samordnaren", "GIT_COMMITTER_EMAIL": "samordnare@example.org",
           "GIT_AUTHOR_DATE": "2026-11-30T12:00:00+01:00",
           "GIT_COMMITTER_DATE": "2026-11-30T12:00:00+01:00"}


def _run(shown: Shown, here: Path, home: Path) -> tuple[int, str, Path]:
    """Run one shown command where the reader stands; what it printed, and where they stand."""
    if shown.writes:
        target = here / shown.writes
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(shown.output) + "\n", encoding="utf-8")
        return 0, "", here
    words = shown.words
    if words[0] == "cd":
        return 0, "", (here / words[1]).resolve()
    if words[0] == "cat":
        return 0, (here / words[1]).read_text(encoding="utf-8"), here
    if words[0] == "git":
        done = subprocess.run(words, cwd=here, capture_output=True, text=True, check=False,
                              env={**os.environ, "HOME": str(home), **GIT_ENV})
        return done.returncode, done.stdout + done.stderr, here
    assert words[0] == "trygghet", f"{shown.page}:{shown.line}: only trygghet, cd, cat and git run here"
    stdout_to = None
    if ">" in words:
        at = words.index(">")
        words, stdout_to = words[:at], words[at + 1]
    previous = Path.cwd()
    os.chdir(here)
    try:
        result = CliRunner().invoke(app, words[1:], prog_name="trygghet",
                                    env={"HOME": str(home), "COLUMNS": "80", "NO_COLOR": "1",
                                         "TRYGGHET_LANG": None, "TRYGGHET_DATA": None, "CI": None})
    finally:
        os.chdir(previous)
    if stdout_to:
        write_output(here, stdout_to, result.stdout)
        return result.exit_code, result.stderr, here
    return result.exit_code, result.output, here


def test_the_handbook_has_a_page_per_step_of_the_yearly_cycle() -> None:
    assert [re.sub(r"^\d\d-|\.md$", "", page.name) for page in PAGES] == STEPS
    index = (HANDBOOK / "README.md").read_text(encoding="utf-8")
    for page in PAGES:
        assert f"({page.name})" in index, f"the handbook's index does not link {page.name}"


def test_every_step_links_the_codes_its_usual_warnings_are_explained_in() -> None:
    for page in PAGES[:7]:
        text = page.read_text(encoding="utf-8")
        linked = re.findall(r"\]\(\.\./codes/(TRY\d{3})\.md\)", text)
        assert linked, f"{page.name} links no finding code page"
        for code in linked:
            assert (TOP / "docs" / "codes" / f"{code}.md").is_file(), f"{page.name}: {code} has no page"


def test_every_command_in_the_handbook_runs_in_order_and_prints_what_it_shows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    update = os.environ.get("TRYGGHET_UPDATE_DOCS") == "1"
    if os.environ.get("TRYGGHET_DOCS_WORKSPACE"):  # to look at the files afterwards
        tmp_path = Path(os.environ["TRYGGHET_DOCS_WORKSPACE"])
        shutil.rmtree(tmp_path, ignore_errors=True)
        tmp_path.mkdir(parents=True)
    home = tmp_path / "home"
    home.mkdir()
    here = tmp_path
    differences = []
    shown_count = 0
    for page in PAGES:
        new_outputs: dict[int, list[str]] = {}
        for shown in sessions(page):
            shown_count += 1
            code, printed, here = _run(shown, here, home)
            # The reader's own folder is not part of what the page shows.
            printed = printed.replace(f"{here}/", "").replace(f"{tmp_path}/", "")
            assert code == shown.exit_code, (
                f"{page.name}:{shown.line}: '{shown.command}' exited {code}, the page says "
                f"{shown.exit_code}:\n{printed}")
            if not shown.writes and not shown.matches(printed):
                differences.append(f"{page.name}:{shown.line}: {shlex.join(shown.words)}\n"
                                   f"--- the page shows\n" + "\n".join(shown.output) +
                                   "\n--- it printed\n" + printed)
                new_outputs[shown.line] = shown.updated(printed)
        if update and new_outputs:
            rewrite(page, new_outputs)
    assert shown_count >= 40
    assert update or not differences, (
        "\n\n".join(differences) + "\n\nIf the change in what the command prints is meant, rewrite the "
        "handbook's shown output with TRYGGHET_UPDATE_DOCS=1 .venv/bin/python -m pytest "
        "tests/cli/test_handbook.py and read the diff of docs/handbok/ (the words around it may "
        "need to change too).")
