"""`trygghet diff --municipality`: one municipality's documents of a police area's root.

The fixture (tests/fixtures/area) is made up: Alby's and Ekeby's pledges both run 2024-2025,
Dalby's 2025-2026; Dalby and Ekeby share one agreement.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.cli.test_area import AREA
from tests.gitrepo import GitRepo


@pytest.fixture
def repo(tmp_path) -> GitRepo:
    made = GitRepo(tmp_path / "repo")
    shutil.rmtree(made.root)
    shutil.copytree(AREA, made.root)
    made.commit("the police area")
    made.edit("pledges/ekeby-2024-2025.yaml", "nattvandringar i Ekeby", "nattvandringar i hela Ekeby")
    made.edit("pledges/alby-2024-2025.yaml", "i Alby centrum", "i Alby")
    made.edit("agreements/dalby-ekeby-2024-2027.yaml", "title: Unga i Dalby och Ekeby",
              "title: Unga i Dalby och i Ekeby")
    return made


def _changed(result) -> set[str]:
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    return {c["new_id"] or c["old_id"] for c in body["changes"]}


def test_a_git_diff_of_one_municipality_shows_its_own_and_joint_documents(run, repo) -> None:
    everything = run("--data", str(repo.root), "diff", "--git", "HEAD", "--format", "json")
    assert _changed(everything) == {"ml-ekeby-1", "ml-alby-1", "pa-de-unga"}
    ekeby = run("--data", str(repo.root), "diff", "--git", "HEAD", "--format", "json",
                "--municipality", "ekeby")
    assert _changed(ekeby) == {"ml-ekeby-1", "pa-de-unga"}
    alby = run("--data", str(repo.root), "diff", "--git", "HEAD", "-m", "alby")
    assert alby.exit_code == 0
    assert "i Alby" in alby.stdout and "Ekeby" not in alby.stdout


def test_a_period_diff_compares_periods_of_the_chosen_municipality(run, repo) -> None:
    repo.commit("edits")
    asked = run("--data", str(repo.root), "diff", "pledges", "2024-2025", "ml-alby-2024-2025")
    assert asked.exit_code == 2
    assert "--municipality" in asked.stderr and "alby, berga, dalby, ekeby" in asked.stderr
    ekeby = run("--data", str(repo.root), "diff", "pledges", "2024-2025", "ml-ekeby-2024-2025",
                "-m", "ekeby", "--format", "json")
    assert ekeby.exit_code == 0 and json.loads(ekeby.stdout)["changes"] == []
    other = run("--data", str(repo.root), "diff", "pledges", "2024-2025", "ml-alby-2024-2025",
                "-m", "ekeby")
    assert other.exit_code == 2
    assert "ml-alby-2024-2025" in other.stderr and "ekeby-2024-2025" in other.stderr
