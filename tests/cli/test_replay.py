"""A warm status, report, check or --help answered from the cache before the interface loads
(trygghet_cli/replay.py): the same bytes and exit code as the interface, never a stale answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PROBE = """\
import sys
sys.argv = ['trygghet', *sys.argv[1:]]
from trygghet_cli.__main__ import main
try:
    main()
    code = 0
except SystemExit as done:
    code = done.code
sys.stdout.flush()
print(f"@@ {'typer' in sys.modules} {code}")
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A user with a cache of their own, a terminal of 80 columns, outside any data root and
    outside CI (where a run without a root is an error, and so never recorded)."""
    home = tmp_path / "home"
    home.mkdir()
    return {**{k: v for k, v in os.environ.items() if k != "CI"}, "HOME": str(home),
            "XDG_CACHE_HOME": str(home / ".cache"), "TRYGGHET_CACHE_DIR": str(tmp_path / "cache"),
            "COLUMNS": "80"}


def _trygghet(env: dict[str, str], *args: str, cwd: Path | None = None) -> tuple[str, str, bool, int]:
    """stdout, stderr, whether the interface was loaded, and the exit code of one process."""
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          env=env, cwd=cwd, check=False, timeout=120)
    shown, _, mark = done.stdout.rstrip("\n").rpartition("\n")
    if not mark.startswith("@@"):
        shown, mark = "", done.stdout.strip()
    _, loaded, code = mark.split()
    return (shown + "\n" if shown else ""), done.stderr, loaded == "True", int(code)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_help_said_from_the_cache_is_what_typer_says_at_80_columns(run, env, tmp_path, lang) -> None:
    for args in (["--lang", lang, "--help"], ["--lang", lang, "status", "--help"]):
        first = _trygghet(env, *args, cwd=tmp_path)
        again = _trygghet(env, *args, cwd=tmp_path)
        assert first[2] and not again[2]  # the second run never loaded Typer
        assert again[:2] == first[:2] and first[0] == run(*args).stdout
        assert max(len(line) for line in again[0].splitlines()) <= 80


def test_a_changed_file_option_or_environment_is_never_answered_from_an_old_run(env, tmp_path) -> None:
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    args = ["--data", str(root), "status", "--as-of", "2025-07-12", "--fail-if", "overdue"]
    first = _trygghet(env, *args)
    assert first[3] == 1 and first[2]
    again = _trygghet(env, *args)
    assert again == (first[0], first[1], False, 1)
    wider = _trygghet({**env, "COLUMNS": "120"}, *args)
    assert wider[2] and max(len(line) for line in wider[0].splitlines()) > 80
    assert _trygghet(env, *args[:-2])[2:] == (True, 0)
    path = root / "activities" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "status: ongoing", "status: done\n    completed: 2025-06-01"), encoding="utf-8")
    changed = _trygghet(env, *args)
    assert changed[2:] == (True, 0) and changed[0] != first[0]
    (root / "README.md").write_text("new\n", encoding="utf-8")  # any file of the root counts
    assert _trygghet(env, *args)[2]


def test_a_report_written_to_a_file_is_written_every_time(env, tmp_path) -> None:
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    target = tmp_path / "status.md"
    args = ["--data", str(root), "report", "status", "--as-of", "2025-07-12", "-o", str(target)]
    for _ in range(2):
        target.unlink(missing_ok=True)
        assert _trygghet(env, *args)[2:] == (True, 0) and target.is_file()


def test_invalid_data_is_refused_from_the_cache_too_and_a_changed_root_is_seen(env, tmp_path) -> None:
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    path = root / "activities" / "2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: ongoing", "status: ongoin"), encoding="utf-8")
    args = ["--data", str(root), "check", "law", "--as-of", "2025-07-12"]
    first = _trygghet(env, *args)
    assert first[3] == 1 and first[0] == "" and "ongoin" in first[1]
    assert _trygghet(env, *args) == (first[0], first[1], False, 1)
    path.write_text(text, encoding="utf-8")
    fixed = _trygghet(env, *args)
    assert fixed[2] and fixed[3] == 0 and fixed[0]
