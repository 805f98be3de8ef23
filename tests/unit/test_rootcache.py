"""A root's whole validate result from the cache: reused while nothing it read changed, and
only then.

Three roots of a folder, two of them naming one file of shared definitions. Which roots a run
checks is seen by counting the calls of repository.load (the real function, counted)."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from trygghet_cli import resources
from trygghet_cli.root import cache, repository
from trygghet_cli.validate import rootcache, schema, workers
from trygghet_cli.validate import run as validate_run

SHARED = """functions:
  - id: omradespolis
    name: Områdespolis
    party: polis
"""
ACTIVITIES = "activities/2024-2025.yaml"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A signing key of the test's own, the cache in the folder of roots, one process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv(cache.ENV_DIR, raising=False)
    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 10**9)


@pytest.fixture
def national(tmp_path: Path) -> Path:
    folder = tmp_path / "national"
    for name in ("a", "b", "c"):
        root = folder / name
        shutil.copytree(FIXTURES / "minimal", root)
        if name != "c":
            cfg = root / "trygghet.yaml"
            cfg.write_text(cfg.read_text(encoding="utf-8").replace(
                "language: sv\n", "language: sv\nshared: [../shared.yaml]\n"), encoding="utf-8")
            activities = root / ACTIVITIES
            activities.write_text(activities.read_text(encoding="utf-8").replace(
                "owners: [kommunpolis]", "owners: [omradespolis]"), encoding="utf-8")
    (folder / "shared.yaml").write_text(SHARED, encoding="utf-8")
    return folder


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the roots that repository.load checked, in order."""
    names: list[str] = []
    real = repository.load

    def counted(root: Path, *args: object, **kwargs: object) -> repository.LoadedRoot:
        names.append(root.name)
        return real(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "load", counted)
    return names


def _run(folder: Path, *, use_cache: bool = True, excerpts: bool = True) -> validate_run.Report:
    return validate_run.validate([folder], use_cache=use_cache, excerpts=excerpts)


def _same(report: validate_run.Report, other: validate_run.Report) -> None:
    assert report.findings == other.findings
    assert report.files == other.files
    assert report.texts == other.texts


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_warm_run_checks_no_root_and_reports_what_an_uncached_run_does(national, checked) -> None:
    _edit(national / "c" / ACTIVITIES, "status: ongoing", "status: finished")
    uncached = _run(national, use_cache=False)
    assert "TRY204" in [f.code for f in uncached.findings]
    _run(national)
    assert checked == ["a", "b", "c"] * 2
    checked.clear()
    warm = _run(national)
    assert checked == []
    _same(warm, uncached)
    assert warm.texts[str(national / "c" / ACTIVITIES)]  # the excerpt's line came from the cache


@pytest.mark.parametrize(("root", "file", "old", "new", "code"), [
    ("c", ACTIVITIES, "status: ongoing", "status: finished", "TRY204"),
    ("b", "trygghet.yaml", "  - id: norr\n    name: Norr\n", "", None),
    ("a", "pledges/2024-2025.yaml", "text:", "txt:", "TRY201"),
])
def test_a_changed_file_rechecks_its_root_and_reuses_the_others(national, checked, root, file, old,
                                                                new, code) -> None:
    before = _run(national)
    checked.clear()
    _edit(national / root / file, old, new)
    after = _run(national)
    assert checked == [root]
    _same(after, _run(national, use_cache=False))
    changed = [f for f in after.findings if f"/{root}/" in f.where.path]
    if code:
        assert code in [f.code for f in changed]
    others = [f for f in before.findings if f"/{root}/" not in f.where.path]
    assert [f for f in after.findings if f"/{root}/" not in f.where.path] == others


def test_a_changed_shared_file_rechecks_the_roots_that_name_it(national, checked) -> None:
    assert _run(national).findings == []
    checked.clear()
    _edit(national / "shared.yaml", "    party: polis", "    partY: polis")
    after = _run(national)
    assert checked == ["a", "b"]
    assert ("TRY201", "shared.yaml") in {(f.code, Path(f.where.path).name) for f in after.findings}
    _same(after, _run(national, use_cache=False))
    checked.clear()
    (national / "shared.yaml").unlink()
    missing = _run(national)
    assert checked == ["a", "b"]
    assert "TRY001" in [f.code for f in missing.findings]


def test_a_changed_schema_rechecks_every_root(national, checked, tmp_path, monkeypatch) -> None:
    assert _run(national).findings == []
    folder = tmp_path / "schemas"
    shutil.copytree(resources.schemas_dir(), folder)
    monkeypatch.setattr(resources, "schemas_dir", lambda: folder)
    common = folder / "common.schema.json"
    _edit(common, "[a-z0-9._-]{0,63}", "[a-z0-9._]{0,63}")
    schema.forget()
    checked.clear()
    try:
        after = _run(national)
    finally:
        schema.forget()
    assert checked == ["a", "b", "c"]
    assert "TRY206" in [f.code for f in after.findings]


def test_a_new_day_rechecks_every_root(national, checked, monkeypatch) -> None:
    _run(national)
    checked.clear()

    class Tomorrow(date):
        @classmethod
        def today(cls) -> Tomorrow:
            day = date.today() + timedelta(days=1)
            return cls(day.year, day.month, day.day)

    monkeypatch.setattr(rootcache, "date", Tomorrow)
    _run(national)
    assert checked == ["a", "b", "c"]


def test_a_run_without_excerpts_stores_none_and_a_later_run_that_shows_them_gets_them(national,
                                                                                      checked) -> None:
    _edit(national / "c" / ACTIVITIES, "status: ongoing", "status: finished")
    quiet = _run(national, excerpts=False)
    assert quiet.texts == {} and "TRY204" in [f.code for f in quiet.findings]
    checked.clear()
    shown = _run(national)
    assert checked == ["c"]  # the only root with findings, whose lines were not kept
    _same(shown, _run(national, use_cache=False))


def test_a_run_that_shows_no_warning_in_full_keeps_the_errors_lines_and_verbose_gets_the_rest(
        national, checked) -> None:
    listing, pledges = national / "c" / ACTIVITIES, national / "c" / "pledges" / "2024-2025.yaml"
    _edit(pledges, "text:", "txt:")  # an error
    _edit(listing, "title: Hastighetskontroller", "title: Ring 070-123 45 67")  # a warning
    plain = validate_run.validate([national], warning_excerpts=False)
    where = {f.code: f.where.line for f in plain.findings}
    assert {"TRY201", "TRY506"} <= set(where)
    assert set(plain.texts) == {str(pledges)}  # the error's line; none for the warning
    checked.clear()
    verbose = _run(national)
    assert checked == ["c"]  # the warning's line was not kept: its root is checked again
    _same(verbose, _run(national, use_cache=False))
    assert "Ring 07" in verbose.texts[str(listing)][where["TRY506"]]


def _changed_after_hashing(monkeypatch: pytest.MonkeyPatch, path: Path, text: str) -> None:
    """Another writer saves text to path right after the run read and hashed the root's files,
    before it checks them (once)."""
    real = rootcache.files_of

    def then_saved(root: Path, store: cache.Cache,
                   keep: dict[str, tuple[bytes, str]] | None = None) -> rootcache.RootFiles | None:
        files = real(root, store, keep)
        if path.is_relative_to(root) and path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            monkeypatch.setattr(rootcache, "files_of", real)
        return files

    monkeypatch.setattr(rootcache, "files_of", then_saved)


@pytest.mark.parametrize(("old", "new"), [
    ("status: ongoing", "status: [ongoing"),     # good, saved broken (it cannot be loaded)
    ("status: ongoing", "status: finished"),     # good, saved with a schema error
    ("status: ongoing", "status: ongoing\n  status: ongoing"),  # a duplicate key
])
def test_a_file_changed_during_a_run_gives_only_the_bytes_read_their_verdict(
        national: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    target = national / "c" / ACTIVITIES
    good = target.read_text(encoding="utf-8")
    broken = good.replace(old, new, 1)
    target.write_text(broken, encoding="utf-8")
    verdict = _run(national, use_cache=False).findings
    assert verdict
    target.write_text(good, encoding="utf-8")
    _changed_after_hashing(monkeypatch, target, broken)
    during = _run(national)
    # The verdict of the bytes it checked: those it read and hashed (the good ones), or, when
    # the roots were hashed beforehand to choose the number of processes, those read again.
    assert during.findings in ([], verdict)
    # The broken content now on disk is checked, not given the good verdict.
    assert [f for f in _run(national).findings if f.where.path == str(target)]
    _same(_run(national), _run(national, use_cache=False))
    target.write_text(good, encoding="utf-8")
    assert _run(national).findings == []
    _changed_after_hashing(monkeypatch, target, good)  # and the other way round
    target.write_text(broken, encoding="utf-8")
    assert [f for f in _run(national).findings if f.where.path == str(target)]
    _run(national)
    assert _run(national).findings == []
    target.write_text(broken, encoding="utf-8")
    assert [f for f in _run(national).findings if f.where.path == str(target)]


def test_a_file_removed_during_a_run_leaves_no_result(national: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = national / "c" / "pledges" / "2024-2025.yaml"
    real = rootcache.files_of

    def then_removed(root: Path, store: cache.Cache,
                     keep: dict[str, tuple[bytes, str]] | None = None) -> rootcache.RootFiles | None:
        files = real(root, store, keep)
        if target.is_relative_to(root) and target.exists():
            kept.append(target.read_bytes())
            target.unlink()
        return files

    kept: list[bytes] = []
    monkeypatch.setattr(rootcache, "files_of", then_removed)
    _run(national)
    monkeypatch.setattr(rootcache, "files_of", real)
    target.write_bytes(kept[0])
    _same(_run(national), _run(national, use_cache=False))
