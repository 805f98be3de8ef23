"""Done when: a coordinator records a whole year's progress with the commands alone, and
`git diff` shows only the intended lines."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BUNDLED

# A year of follow-up on the 2024-2025 list, in the order a coordinator would record it.
# The figures are test values in a temporary copy, not facts about Strängnäs.
YEAR = [
    ("activity", "set-status", "a2024-01", "ongoing", "--note", "Fältarna är ute fredagar och lördagar"),
    ("activity", "target", "a2024-01", "--kind", "qualitative", "--text", "Vuxennärvaro varje helg"),
    ("activity", "new", "--list", "al-2024-2025", "--title", "Föräldravandringar i centrala Strängnäs",
     "--pledge", "ml-2024-2025-2", "--party", "kommun", "--party", "polis", "--owner", "faltare",
     "--start", "2025-02-01", "--due", "2025-11-30", "--target-kind", "at_least",
     "--target-text", "Minst 4 föräldravandringar", "--target-value", "4",
     "--target-unit", "föräldravandringar"),
    ("activity", "set-status", "a2024-03", "ongoing"),
    ("activity", "outcome", "a2024-03", "2", "--date", "2025-06-30", "--kind", "interim"),
    ("activity", "set-status", "a2024-02", "delayed", "--reason", "Vakanta tjänster som områdespolis"),
    ("activity", "outcome", "a2024-03", "4", "--date", "2025-11-30", "--kind", "final",
     "--approximate", "--note", "Enligt fältarnas loggbok"),
    ("activity", "set-status", "a2024-03", "done", "--date", "2025-11-30"),
    ("activity", "set-status", "a2024-02", "done", "--date", "2025-12-15"),
    ("activity", "outcome", "a2024-01", "Varje helg utom i juli", "--date", "2025-12-31",
     "--kind", "final"),
    ("activity", "set-status", "a2024-01", "done", "--date", "2025-12-31",
     "--note", "Fortsätter nästa period"),
    ("activity", "set-status", "a2024-01", "done"),  # recorded twice by mistake: no change
]

REMOVED: list[str] = []
ADDED = [
    "    status: done",
    "    completed: 2025-12-31",
    "    status_note: Fortsätter nästa period",
    "    targets:",
    "      - id: t1",
    "        kind: qualitative",
    "        text: Vuxennärvaro varje helg",
    "        outcomes:",
    "          - value: Varje helg utom i juli",
    "            date: 2025-12-31",
    "            kind: final",
    "    status: done",
    "    completed: 2025-12-15",
    "  - id: a2024-03",
    "    title: Föräldravandringar i centrala Strängnäs",
    "    pledges:",
    "      - ml-2024-2025-2",
    "    owners:",
    "      - faltare",
    "    parties:",
    "      - kommun",
    "      - polis",
    "    start: 2025-02-01",
    "    due: 2025-11-30",
    "    status: done",
    "    completed: 2025-11-30",
    "    targets:",
    "      - id: t1",
    "        kind: at_least",
    "        text: Minst 4 föräldravandringar",
    "        value: 4",
    "        unit: föräldravandringar",
    "        outcomes:",
    "          - value: 2",
    "            date: 2025-06-30",
    "            kind: interim",
    "          - value: 4",
    "            date: 2025-11-30",
    "            kind: final",
    "            approximate: true",
    "            note: Enligt fältarnas loggbok",
]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def data_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "trygghetsdata"
    shutil.copytree(BUNDLED, repo)
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    return repo


def test_a_year_of_progress_changes_only_the_intended_lines(
        run, data_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(data_repo / "activities")
    monkeypatch.delenv("TRYGGHET_DATA", raising=False)
    for command in YEAR:
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
    assert git(data_repo, "status", "--porcelain") == " M activities/2024-2025.yaml\n"
    assert git(data_repo, "diff", "--numstat") == f"{len(ADDED)}\t{len(REMOVED)}\tactivities/2024-2025.yaml\n"
    hunks = git(data_repo, "diff", "-U0").splitlines()
    changed = [line for line in hunks if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert [line[1:] for line in changed if line.startswith("-")] == REMOVED
    assert [line[1:] for line in changed if line.startswith("+")] == ADDED
    assert run("validate").exit_code == 0
