"""The per-file cache: same findings with and without it, never a stale or damaged entry."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import trygghet_cli
from tests.conftest import BUNDLED, FIXTURES
from trygghet_cli import resources
from trygghet_cli.root import cache, repository
from trygghet_cli.validate import filecheck, schema, workers
from trygghet_cli.validate import run as validate_run

FINDING_FIXTURES = sorted((FIXTURES / "findings").glob("TRY*.yaml"))
ACTIVITIES = "activities/2024-2025.yaml"


@pytest.fixture(autouse=True)
def own_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test signs its entries with a key of its own, and uses the default cache place."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv(cache.ENV_DIR, raising=False)


@pytest.fixture
def schema_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The schemas in a folder of their own, which the tool reads instead of the shipped ones."""
    folder = tmp_path / "schemas"
    shutil.copytree(resources.schemas_dir(), folder)
    monkeypatch.setattr(resources, "schemas_dir", lambda: folder)
    schema.forget()
    yield folder
    schema.forget()


def _run(root: Path, use_cache: bool = True) -> validate_run.Report:
    return validate_run.validate([root], use_cache=use_cache)


def _entries(folder: Path) -> set[Path]:
    return {p for p in (folder / cache.FOLDER_NAME / "v1").rglob("*") if p.is_file()}


def _codes(report: validate_run.Report) -> list[str]:
    return [f.code for f in report.findings]


@pytest.mark.parametrize("fixture", FINDING_FIXTURES, ids=lambda p: p.name)
def test_cached_and_uncached_runs_give_identical_findings(place, minimal_root, fixture) -> None:
    place(fixture)
    uncached = _run(minimal_root, use_cache=False)
    assert not (minimal_root / cache.FOLDER_NAME).exists()
    first, second = _run(minimal_root), _run(minimal_root)
    assert _entries(minimal_root)
    for report in (first, second):
        assert report.findings == uncached.findings
        assert report.files == uncached.files
        assert report.texts == uncached.texts


def test_the_bundled_data_gives_the_same_findings_from_the_cache(bundled_copy) -> None:
    uncached = _run(bundled_copy, use_cache=False)
    _run(bundled_copy)
    cached = _run(bundled_copy)
    assert cached.findings == uncached.findings
    assert [str(f.where) for f in cached.findings] == [str(f.where) for f in uncached.findings]


def test_an_edited_file_is_checked_again(minimal_root) -> None:
    assert _codes(_run(minimal_root)) == []
    target = minimal_root / ACTIVITIES
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("status: ongoing", "status: finished"), encoding="utf-8")
    assert _codes(_run(minimal_root))[0] == "TRY204"
    target.write_text(original, encoding="utf-8")
    assert _codes(_run(minimal_root)) == []


def test_a_changed_schema_file_makes_every_entry_stale(minimal_root, schema_copy) -> None:
    assert _codes(_run(minimal_root)) == []
    common = schema_copy / "common.schema.json"
    # Ids may no longer contain '-': every activity id in the fixture breaks the new rule.
    common.write_text(common.read_text(encoding="utf-8").replace("[a-z0-9._-]{0,63}", "[a-z0-9._]{0,63}"),
                      encoding="utf-8")
    schema.forget()
    assert "TRY206" in _codes(_run(minimal_root))


def test_a_new_tool_version_does_not_read_the_old_entries(minimal_root, monkeypatch) -> None:
    _run(minimal_root)
    old = _entries(minimal_root)
    old_print = cache.fingerprint()
    monkeypatch.setattr(trygghet_cli, "__version__", "99.0.0")
    assert cache.fingerprint() != old_print
    _run(minimal_root)
    new = _entries(minimal_root) - old
    assert len(new) == len(old), "every file is checked again and stored under a new key"


@pytest.mark.parametrize("damage", [b"", cache._MAGIC, b"garbage", None],
                         ids=["empty", "header only", "garbage", "truncated"])
def test_a_damaged_entry_is_ignored_and_replaced(place, minimal_root, damage) -> None:
    place(FIXTURES / "findings" / "TRY304_unknown_pledge.activities.yaml")
    expected = _run(minimal_root).findings
    for entry in _entries(minimal_root):
        blob = entry.read_bytes()
        entry.write_bytes(blob[: len(blob) // 2] if damage is None else damage)
    assert _run(minimal_root).findings == expected
    assert _run(minimal_root).findings == expected


def test_an_entry_signed_with_another_key_is_not_trusted(minimal_root) -> None:
    target = minimal_root / ACTIVITIES
    target.write_bytes(target.read_bytes().replace(b"status: ongoing", b"status: finished"))
    store = cache.open_for(minimal_root)
    assert store is not None
    key = store.key("activities", hashlib.sha256(target.read_bytes()).hexdigest())
    # An entry under the file's real name that claims it has no findings, as if committed to the
    # data repository by someone else: signed with another key, it is not read.
    cache.Cache(store.folder, b"another key, not ours, 32 bytes!", store.print).put(key, ([], True, None))
    assert store.path(key).is_file()
    assert "TRY204" in _codes(_run(minimal_root))


def test_a_cache_folder_that_cannot_be_written_does_not_break_validate(minimal_root, tmp_path,
                                                                       monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))
    place_broken = minimal_root / ACTIVITIES
    place_broken.write_text(place_broken.read_text(encoding="utf-8").replace("status: ongoing", "status: x"),
                            encoding="utf-8")
    assert "TRY204" in _codes(_run(minimal_root))
    assert "TRY204" in _codes(_run(minimal_root))


def test_no_signing_key_means_no_cache_but_the_same_findings(minimal_root, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.open_for(minimal_root) is None
    assert _codes(_run(minimal_root)) == []
    assert not (minimal_root / cache.FOLDER_NAME).exists()


def test_the_cache_lies_in_the_folder_given_and_git_ignores_it(tmp_path) -> None:
    national = tmp_path / "national"
    for name in ("a", "b"):
        shutil.copytree(FIXTURES / "minimal", national / name)
    _run(national)
    folder = national / cache.FOLDER_NAME
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").is_file()
    assert not (national / "a" / cache.FOLDER_NAME).exists()


def test_the_cache_folder_can_be_moved_with_an_environment_variable(minimal_root, tmp_path,
                                                                    monkeypatch) -> None:
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "elsewhere"))
    _run(minimal_root)
    assert not (minimal_root / cache.FOLDER_NAME).exists()
    assert list((tmp_path / "elsewhere" / "v1").rglob("*"))


def test_roots_checked_on_several_cores_give_the_same_report_in_the_same_order(tmp_path,
                                                                                monkeypatch) -> None:
    national = tmp_path / "national"
    for name, fixture in (("a", "TRY304_unknown_pledge"), ("b", "TRY201_unknown_key"),
                          ("c", "TRY402_due_outside_period")):
        shutil.copytree(FIXTURES / "minimal", national / name)
        source = FIXTURES / "findings" / f"{fixture}.activities.yaml"
        (national / name / ACTIVITIES).write_bytes(source.read_bytes())
    alone = validate_run.validate([national], use_cache=False)
    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 1)
    jobs = [workers.RootJob(root, None, national) for root in sorted(national.iterdir())]
    assert workers._workers(jobs, [None] * 3) == min(len(os.sched_getaffinity(0)), 3)
    together = validate_run.validate([national], use_cache=False)
    assert together.findings == alone.findings
    assert [f.code for f in together.findings].count("TRY304") == 1
    assert together.files == alone.files
    assert together.roots == alone.roots


def test_the_bundled_root_is_cached_in_its_own_folder_one_entry_for_its_files_one_for_the_root(
        bundled_copy) -> None:
    shutil.rmtree(bundled_copy / cache.FOLDER_NAME, ignore_errors=True)
    files = _run(bundled_copy).files
    assert len(files) == len(list(BUNDLED.rglob("*.yaml")))
    assert len(_entries(bundled_copy)) == 2
    store = cache.open_for(bundled_copy)
    assert store is not None
    held = store.get(store.batch_key(bundled_copy))
    assert isinstance(held, dict) and len(held) == len(files)


def test_an_edited_file_is_the_only_one_of_its_root_checked_again(minimal_root, monkeypatch) -> None:
    _run(minimal_root)
    checked: list[str] = []
    real = filecheck.check

    def counted(raw: bytes, shown: str, *args: object) -> filecheck.FileResult:
        checked.append(shown)
        return real(raw, shown, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(filecheck, "check", counted)
    target = minimal_root / ACTIVITIES
    target.write_text(target.read_text(encoding="utf-8").replace("status: ongoing", "status: finished"),
                      encoding="utf-8")
    assert "TRY204" in _codes(_run(minimal_root))
    assert checked == [str(target)]
    checked.clear()
    repository.load(minimal_root)  # another command on the root: every file's result is cached
    assert checked == []
    entries = _entries(minimal_root)
    assert len(entries) == 3  # the root's files (as now), its result before the edit and after


def test_a_cached_document_has_the_same_data_text_and_every_position(bundled_copy) -> None:
    shutil.rmtree(bundled_copy / cache.FOLDER_NAME, ignore_errors=True)
    path = bundled_copy / "activities" / "2019.yaml"
    store = cache.open_for(bundled_copy)
    fresh = filecheck.check_path(path, "a.yaml", "activities", None).document
    filecheck.check_path(path, "a.yaml", "activities", store)
    hit = filecheck.check_path(path, "a.yaml", "activities", store).document
    assert fresh is not None and hit is not None
    assert hit.where(("activities", 1, "pledges", 0)) == fresh.where(("activities", 1, "pledges", 0))
    assert hit.where(("activities", 1, "title"), key=True) == fresh.where(("activities", 1, "title"),
                                                                           key=True)
    for name in ("path", "text", "data", "digest", "had_bom", "positions", "key_positions", "ends"):
        assert getattr(hit, name) == getattr(fresh, name), name


def test_changed_bytes_or_another_kind_miss_the_cache(minimal_root) -> None:
    path = minimal_root / ACTIVITIES
    store = cache.open_for(minimal_root)
    assert store is not None
    filecheck.check_path(path, "a.yaml", "activities", store)
    raw = path.read_bytes()
    assert store.get(store.key("activities", hashlib.sha256(raw).hexdigest())) is not None
    assert store.get(store.key("activities", hashlib.sha256(raw + b"\n").hexdigest())) is None
    assert store.get(store.key("pledges", hashlib.sha256(raw).hexdigest())) is None


def test_no_cache_setting_turns_it_off_for_every_command(minimal_root, monkeypatch) -> None:
    monkeypatch.setenv(cache.ENV_OFF, "1")
    repository.load(minimal_root)
    _run(minimal_root)
    assert not (minimal_root / cache.FOLDER_NAME).exists()


def test_validate_no_cache_neither_reads_nor_writes_it(run, minimal_root) -> None:
    result = run("validate", "--no-cache", str(minimal_root))
    assert result.exit_code == 0, result.output
    assert not (minimal_root / cache.FOLDER_NAME).exists()
    assert run("validate", str(minimal_root)).exit_code == 0
    assert (minimal_root / cache.FOLDER_NAME).is_dir()


def test_a_command_on_one_root_uses_the_cache_of_the_folder_that_holds_it(tmp_path) -> None:
    national = tmp_path / "national"
    for name in ("a", "b"):
        shutil.copytree(FIXTURES / "minimal", national / name)
    _run(national)
    before = _entries(national)
    loaded = repository.load(national / "a")
    assert not loaded.errors()
    assert _entries(national) == before, "every file of the root was found in the folder's cache"
    assert not (national / "a" / cache.FOLDER_NAME).exists()


def test_the_user_cache_folder_follows_each_platform_s_convention(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache.user_cache_dir("linux") == tmp_path / ".cache" / "trygghet"
    assert cache.user_cache_dir("darwin") == tmp_path / "Library" / "Caches" / "trygghet"
    assert cache.user_cache_dir("win32") == tmp_path / "Local" / "trygghet" / "Cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.user_cache_dir("linux") == tmp_path / "xdg" / "trygghet"


@pytest.fixture
def package_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The package, its schemas and templates copied as a checkout the cache fingerprints."""
    source = Path(trygghet_cli.__file__).parent
    package = tmp_path / "checkout" / "src" / "trygghet_cli"
    shutil.copytree(source, package, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("schemas", "templates"):
        shutil.copytree(resources.shipped(name), tmp_path / "checkout" / name)
    monkeypatch.setattr(cache, "__file__", str(package / "root" / "cache.py"))
    monkeypatch.setattr(resources, "schemas_dir", lambda: tmp_path / "checkout" / "schemas")
    monkeypatch.setattr(resources, "templates_dir", lambda: tmp_path / "checkout" / "templates")
    return package


@pytest.mark.parametrize("changed", ["validate/rules.py", "loading/fast.py", "i18n/sv.po",
                                     "../../schemas/common.schema.json",
                                     "../../templates/status.md.j2", "root/config.py"])
def test_a_change_anywhere_in_the_package_without_a_new_version_makes_entries_stale(
        package_copy: Path, changed: str) -> None:
    before = cache.fingerprint()
    assert cache.fingerprint() == before  # nothing changed: the same entries are found
    target = package_copy / changed
    assert target.is_file()
    with open(target, "ab") as handle:
        handle.write(b"\n")
    assert cache.fingerprint() != before


def test_a_change_that_keeps_size_and_modification_time_still_makes_entries_stale(
        package_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_RACY_SECONDS", 0)  # no content is read: stat alone must tell
    target = package_copy / "validate" / "rules.py"
    info = target.stat()
    before = cache.fingerprint()
    text = target.read_bytes()
    target.write_bytes(text[:-1] + (b"#" if text[-1:] != b"#" else b"\n"))  # same size
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert target.stat().st_size == info.st_size and target.stat().st_mtime_ns == info.st_mtime_ns
    assert cache.fingerprint() != before


def _age(paths: set[Path], days: float) -> None:
    when = time.time() - days * 86_400
    for path in paths:
        os.utime(path, (when, when))


def test_entries_not_written_for_sixty_days_are_pruned_once_a_day(minimal_root) -> None:
    """The cache does not grow without end: one entry per version of each file would pile up."""
    _run(minimal_root)
    folder = minimal_root / cache.FOLDER_NAME
    first = _entries(minimal_root)
    assert first and (folder / "pruned").is_file()
    _age(first, 61)
    _age({folder / "pruned"}, 2)
    target = minimal_root / ACTIVITIES
    target.write_text(target.read_text(encoding="utf-8") + "# ändrad\n", encoding="utf-8")
    assert _codes(_run(minimal_root)) == []  # stores the edited file's entry, and prunes
    after = _entries(minimal_root)
    # The old entries went (the root's result before the edit); those of the run are there,
    # the entry of the root's files rewritten in place.
    assert after and first - after
    assert all(p.stat().st_mtime > time.time() - 86_400 for p in after)
    _age(after, 61)
    target.write_text(target.read_text(encoding="utf-8") + "# igen\n", encoding="utf-8")
    _run(minimal_root)  # pruned less than a day ago: nothing is removed
    assert after <= _entries(minimal_root)
    assert _codes(_run(minimal_root)) == []  # and the cache still answers correctly
