"""gitsource: a data root read from git objects is the same as the root on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from tests.gitrepo import GitRepo
from trygghet_cli.diff import gitsource
from trygghet_cli.diff.gitsource import Revisions
from trygghet_cli.errors import UsageError
from trygghet_cli.root import config, repository


@pytest.mark.parametrize(("spec", "expected"), [
    ("main", Revisions("main", None)),
    ("main..HEAD", Revisions("main", "HEAD")),
    ("main..", Revisions("main", "HEAD")),
    ("..feature", Revisions("HEAD", "feature")),
    ("main...feature", Revisions("main...feature", "feature")),
])
def test_revision_ranges_are_read_as_git_reads_them(spec: str, expected: Revisions) -> None:
    assert gitsource.parse_range(spec) == expected


def _shape(loaded: repository.LoadedRoot) -> tuple[list[str], list[str], list[str]]:
    model = loaded.model
    return ([f.code for f in loaded.findings], [p.id for s in model.pledge_sets for p in s.pledges],
            [a.id for a in model.all_activities()])


def test_a_data_root_in_a_subfolder_reads_the_same_from_git_as_from_disk(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    from_git = gitsource.load_revision(repo.root, "HEAD")
    assert _shape(from_git) == _shape(repository.load(repo.root))
    assert from_git.files[0] == "HEAD:data/trygghet.yaml"


def test_a_data_root_at_the_top_of_the_repository_reads_from_git(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo", sub="")
    assert _shape(gitsource.load_revision(repo.root, "HEAD")) == _shape(repository.load(repo.root))


def test_an_older_revision_is_read_without_touching_the_working_tree(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.edit("activities/2024-2025.yaml", "title: Hastighetskontroller", "title: Fartkontroller")
    repo.commit("rename")
    titles = [a.title for a in gitsource.load_revision(repo.root, "HEAD~1").model.all_activities()]
    assert "Hastighetskontroller" in titles
    assert "Fartkontroller" in (repo.root / "activities/2024-2025.yaml").read_text(encoding="utf-8")


def test_loading_files_from_memory_equals_loading_the_root_from_disk() -> None:
    names = [p.relative_to(BUNDLED).as_posix() for p in config.data_files(BUNDLED)]
    files: dict[str, bytes | object] = {n: (BUNDLED / n).read_bytes() for n in names}
    prefix = config.display_path(BUNDLED) + "/"
    in_memory = repository.load_files(BUNDLED, files, prefix)  # type: ignore[arg-type]
    on_disk = repository.load(BUNDLED)
    assert in_memory.files == on_disk.files
    assert in_memory.findings == on_disk.findings
    assert _shape(in_memory) == _shape(on_disk)


def test_an_unknown_revision_is_a_usage_error(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    with pytest.raises(UsageError, match="unknown revision 'no-such-branch'"):
        gitsource.load_revision(repo.root, "no-such-branch")
    with pytest.raises(UsageError, match="not a revision"):
        gitsource.load_revision(repo.root, "--output=/tmp/x")


def test_a_folder_outside_git_is_a_usage_error(minimal_root: Path) -> None:
    with pytest.raises(UsageError, match="not inside a git repository"):
        gitsource.load_revision(minimal_root, "HEAD")


def test_a_revision_without_the_data_root_reports_the_missing_config(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    first = repo.git("rev-list", "--max-parents=0", "HEAD")
    repo.git("checkout", "-q", "--orphan", "empty")
    repo.git("rm", "-rq", "--cached", ".")
    repo.git("commit", "-q", "--allow-empty", "-m", "nothing")
    loaded = gitsource.load_revision(repo.root, "empty")
    assert [f.code for f in loaded.findings] == ["TRY001"]
    assert gitsource.load_revision(repo.root, first).errors() == []
