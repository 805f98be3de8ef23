"""A warm status, report, check or --help answered from the cache before the interface loads
(trygghet_cli/replay.py): the same bytes and exit code as the interface, never a stale answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.gitrepo import AUTHOR
from trygghet_cli import resources

PROBE = """\
import sys
import time
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


def test_a_benchmarks_padding_variable_does_not_keep_a_run_from_the_cache(env, tmp_path) -> None:
    """hyperfine gives every run it times a variable of a new length: no timed run was ever
    answered from the cache. A variable that does change the output still makes a fresh run."""
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    args = ["--data", str(root), "status", "--as-of", "2025-07-12"]
    first = _trygghet({**env, "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET": "X"}, *args)
    assert first[2]
    padded = {**env, "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET": "XXXXXXX", "_": "/usr/bin/hyperfine"}
    assert _trygghet(padded, *args) == (first[0], first[1], False, first[3])
    wider = _trygghet({**padded, "COLUMNS": "120"}, *args)
    assert wider[2] and wider[0] != first[0]


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


def _national(tmp_path: Path) -> Path:
    """A folder of two data roots; the second has an invalid status (exit 1)."""
    national = tmp_path / "national"
    for name in ("a", "b"):
        shutil.copytree(FIXTURES / "minimal", national / name)
    path = national / "b" / "activities" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: ongoing", "status: ongoin"),
                    encoding="utf-8")
    return national


@pytest.mark.parametrize("args", [
    ["validate", "national"], ["validate", "-q", "national"],
    ["validate", "--format", "json", "national"], ["--lang", "en", "validate", "--verbose", "national/b"],
    ["validate", "national/b/activities/2024-2025.yaml"], ["validate", "national/a", "national/b/pledges"],
    ["validate", "--strict", "--format=junit", "national/a"]])
def test_a_warm_validate_writes_the_same_bytes_and_exit_code_without_typer(env, tmp_path, args) -> None:
    _national(tmp_path)
    first = _trygghet(env, *args, cwd=tmp_path)
    assert first[2] and first[3] in (0, 1) and first[0]
    assert _trygghet(env, *args, cwd=tmp_path) == (first[0], first[1], False, first[3])
    assert _trygghet({**env, "TRYGGHET_NO_CACHE": "1"}, *args, cwd=tmp_path) == (*first[:2], True, first[3])


def test_any_change_below_a_path_validate_names_makes_a_fresh_run(env, tmp_path) -> None:
    national = _national(tmp_path)
    args = ["validate", "national"]

    def fresh() -> str:
        """The output of a run that must not come from the cache; the next one does."""
        shown, said, loaded, code = _trygghet(env, *args, cwd=tmp_path)
        assert loaded and _trygghet(env, *args, cwd=tmp_path) == (shown, said, False, code)
        return shown

    before = fresh()
    answered = _trygghet(env, *args, cwd=tmp_path)
    path = national / "a" / "activities" / "2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: ongoing", "status: ongoinG"), encoding="utf-8")  # one byte
    assert "ongoinG" in fresh()
    path.write_text(text, encoding="utf-8")  # the bytes of the first run: its output again
    assert _trygghet(env, *args, cwd=tmp_path) == answered
    (national / "a" / "activities" / "notes.txt").write_text("x\n", encoding="utf-8")  # added
    assert "notes.txt" in fresh()
    (national / "a" / "activities" / "notes.txt").unlink()  # removed
    assert _trygghet(env, *args, cwd=tmp_path) == answered
    (national / "b" / "pledges" / "2024-2025.yaml").unlink()
    assert fresh() != before
    hidden = national / "a" / "activities" / ".git"  # in a data folder: a file validate names
    hidden.mkdir()
    (hidden / "config").write_text("x\n", encoding="utf-8")
    assert ".git" in fresh()
    for option in (["-q"], ["--strict"], ["--format", "github"]):
        assert _trygghet(env, *args[:1], *option, *args[1:], cwd=tmp_path)[2]
    git = national / "a" / ".git"  # git's own folder beside the data is not data
    git.mkdir()
    (git / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert not _trygghet(env, *args, cwd=tmp_path)[2]


def test_a_validate_whose_files_the_key_cannot_cover_is_never_recorded(env, tmp_path) -> None:
    national = _national(tmp_path)

    def never_recorded(*args: str) -> None:
        for _ in range(2):
            _, _, loaded, code = _trygghet(env, "validate", *args, cwd=tmp_path)
            assert loaded and code in (0, 1), args  # an answer that could have been recorded

    never_recorded("-qv", "national")  # options in a form this module does not read
    (national / "b" / "activities" / "link.yaml").symlink_to(national / "b" / "activities" / "2024-2025.yaml")
    never_recorded("national/b")
    (national / "a" / "shared.yaml").write_text("functions: []\n", encoding="utf-8")
    config = national / "a" / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "shared: [shared.yaml]\n", encoding="utf-8")
    never_recorded("national/a/activities")


def test_a_file_rewritten_with_its_size_and_time_kept_is_seen_through_the_index(env, tmp_path) -> None:
    national = _national(tmp_path)
    time.sleep(3.1)  # older than the clock's tick by far: the files go into the index
    args = ["validate", "national"]
    first = _trygghet(env, *args, cwd=tmp_path)
    assert first[2] and _trygghet(env, *args, cwd=tmp_path)[2] is False
    assert (tmp_path / "cache" / "v1" / "st" / "stat-index-1").is_file()
    path = national / "a" / "activities" / "2024-2025.yaml"
    info = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("status: ongoing", "status: ongoinG"),
                    encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns
    changed = _trygghet(env, *args, cwd=tmp_path)
    assert changed[2] and "ongoinG" in changed[0]


def test_a_changed_package_makes_a_fresh_validate(env, tmp_path) -> None:
    top = tmp_path / "installed"
    package = Path(resources.__file__).parent
    shutil.copytree(package, top / "src" / "trygghet_cli", ignore=shutil.ignore_patterns("__pycache__"))
    for shipped in (resources.schemas_dir(), resources.templates_dir()):
        if not shipped.is_relative_to(package):  # a checkout: beside src/, not in the package
            shutil.copytree(shipped, top / shipped.name)
    _national(tmp_path)
    env = {**env, "PYTHONPATH": str(top / "src")}
    time.sleep(3.1)  # a package changed within the clock's tick is never recorded
    args = ["validate", "national"]
    first = _trygghet(env, *args, cwd=tmp_path)
    assert first[2] and _trygghet(env, *args, cwd=tmp_path) == (*first[:2], False, first[3])
    code = top / "src" / "trygghet_cli" / "output" / "findings_text.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert _trygghet(env, *args, cwd=tmp_path)[2]


def _commit(top: Path, day: str) -> None:
    """Commit every change (or none) in top, dated day."""
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00"}
    for args in (["add", "-A"], ["commit", "-q", "--allow-empty", "-m", day]):
        subprocess.run(["git", "-C", str(top), *AUTHOR, *args], check=True, env=env)


def _repository(tmp_path: Path, in_git: bool = True) -> Path:
    """A folder of two data roots, committed to git on 2025-01-10 (unless in_git is False)."""
    top = tmp_path / "national"
    for name in ("a", "b"):
        shutil.copytree(FIXTURES / "minimal", top / name)
    if in_git:
        subprocess.run(["git", "-C", str(top), "init", "-q", "-b", "main"], check=True)
        _commit(top, "2025-01-10")
    return top


@pytest.mark.parametrize(("in_git", "args"), [
    (True, ["overview", "national", "--as-of", "2025-06-30"]),
    (True, ["--lang", "en", "overview", "--format=csv", "--sort", "changed", "national/b", "national/a"]),
    (False, ["overview", "-f", "json", "--county", "Södermanlands län", "national"])])
def test_a_warm_overview_writes_the_same_bytes_and_exit_code_without_typer(env, tmp_path, in_git,
                                                                           args) -> None:
    _repository(tmp_path, in_git)
    first = _trygghet(env, *args, cwd=tmp_path)
    assert first[2] and first[3] == 0 and first[0]
    assert ("2025-01-10" in first[0]) is ("csv" in args[3])  # the latest change: from git
    assert _trygghet(env, *args, cwd=tmp_path) == (first[0], first[1], False, 0)


def test_a_new_commit_a_changed_file_an_added_root_or_option_makes_a_fresh_overview(env, tmp_path) -> None:
    top = _repository(tmp_path)
    args = ["overview", "national", "--as-of", "2025-06-30", "--format", "csv"]

    def fresh(*extra: str) -> str:
        """The output of a run that must not come from the cache; the next one does."""
        shown, said, loaded, code = _trygghet(env, *args, *extra, cwd=tmp_path)
        assert loaded and _trygghet(env, *args, *extra, cwd=tmp_path) == (shown, said, False, code)
        return shown

    first = fresh()
    assert first.count("2025-01-10") == 2
    _commit(top, "2025-02-01")  # HEAD's branch moves; no file changes and no root is touched
    assert fresh() == first
    (top / "b" / "README.md").write_text("b\n", encoding="utf-8")  # a changed file
    assert fresh() == first
    _commit(top, "2025-03-05")  # the same files, a new commit: b changed that day
    assert "2025-03-05" in fresh()
    subprocess.run(["git", "-C", str(top), "update-ref", "refs/heads/main", "HEAD~2"], check=True)
    assert fresh() == first  # the branch set back: the first run's answer again
    shutil.copytree(FIXTURES / "minimal", top / "c")  # an added root
    assert fresh().count("\n") == first.count("\n") + 1
    assert fresh("--county", "Uppsala län").count("\n") == 1  # a changed option: no row but the heading


def test_an_overview_of_a_repository_laid_out_unusually_is_never_recorded(env, tmp_path) -> None:
    top = _repository(tmp_path)

    def never_recorded(env: dict[str, str], folder: str) -> None:
        for _ in range(2):
            _, _, loaded, code = _trygghet(env, "overview", folder, cwd=tmp_path)
            assert loaded and code == 0, folder  # an answer that could have been recorded

    subprocess.run(["git", "-C", str(top), "worktree", "add", "-q", "-b", "linked",
                    str(tmp_path / "linked")], check=True, capture_output=True)
    never_recorded(env, "linked")  # its .git is a file naming a folder elsewhere
    never_recorded({**env, "GIT_DIR": str(top / ".git")}, "national")
    (top / ".git" / "objects" / "info" / "alternates").write_text(str(tmp_path / "objects") + "\n",
                                                                  encoding="utf-8")
    never_recorded(env, "national")
