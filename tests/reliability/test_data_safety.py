"""Promise 2, no lost byte: every command that writes, under every fault RELIABILITY.md lists.

A fault (disk full, a failing fsync or rename, a folder that cannot take a temporary file)
must leave the data root byte for byte as it was, with no temporary file behind, and exit 3.
A file changed by someone else between read and write exits 4 and keeps their version.
A hard-linked file is refused; a symlinked file is edited where it really lives.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tests.reliability.conftest import ACTIVITIES, assert_clean, snapshot


@dataclass(frozen=True, slots=True)
class Writer:
    """A command that writes: its arguments (given the root and a scratch folder), and the
    data file it rewrites in place (None when it only creates new files)."""

    name: str
    args: Callable[[Path, Path], list[str]]
    edits: Path | None = ACTIVITIES


def _csv(scratch: Path) -> str:
    path = scratch / "import.csv"
    path.write_text("id,title,pledges,parties,due\nx-1,Importerad,ml-1,kommun,2025-05-01\n",
                    encoding="utf-8")
    return str(path)


WRITERS = [
    Writer("set-status", lambda r, s: ["activity", "set-status", "a-2", "done", "--date", "2025-01-10"]),
    Writer("outcome", lambda r, s: ["activity", "outcome", "a-1", "6", "--date", "2024-10-20",
                                    "--kind", "interim", "--source", "src-uppfoljning"]),
    Writer("activity-new", lambda r, s: ["activity", "new", "--title", "Ny", "--pledge", "ml-1",
                                         "--party", "kommun", "--due", "2025-10-31"]),
    Writer("activity-target", lambda r, s: ["activity", "target", "a-2", "--kind", "qualitative",
                                            "--text", "Mer"]),
    Writer("fmt", lambda r, s: ["fmt"]),
    Writer("import", lambda r, s: ["import", "activities", _csv(s), "--period", "2024-2025"]),
    Writer("new-period", lambda r, s: ["new", "period", "--start", "2026-01-01", "--end", "2027-12-31"],
           None),
]


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A data root whose activity list fmt would change (a quoted date), and a scratch folder."""
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    target = root / ACTIVITIES
    target.write_bytes(target.read_bytes().replace(b"due: 2025-06-30", b'due: "2025-06-30"'))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.chdir(scratch)
    monkeypatch.setenv("TRYGGHET_NO_CACHE", "1")
    return root, scratch


def _run(run: Any, root: Path, scratch: Path, writer: Writer) -> Any:
    return run("--data", str(root), "--lang", "en", *writer.args(root, scratch))


@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.name)
def test_each_writer_works_and_writes_only_inside_the_root(run, setup, writer) -> None:
    root, scratch = setup
    before = snapshot(root)
    result = _run(run, root, scratch, writer)
    assert_clean(result, exits=(0,))
    after = snapshot(root)
    assert after != before
    assert not [name for name in after if name.endswith(".tmp")]


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)


def _fsync_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)


def _rename_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", broken)
    monkeypatch.setattr(os, "link", broken)


def _folder_not_writable(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)


FAULTS = {"disk-full": _disk_full, "fsync-fails": _fsync_fails, "rename-fails": _rename_fails,
          "folder-not-writable": _folder_not_writable}


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.name)
def test_a_failing_write_leaves_every_byte_and_no_temp_file(run, setup, monkeypatch, writer,
                                                            fault) -> None:
    root, scratch = setup
    before = snapshot(root)
    FAULTS[fault](monkeypatch)
    result = _run(run, root, scratch, writer)
    monkeypatch.undo()
    assert_clean(result, exits=(3,))
    assert snapshot(root) == before
    assert "trygghet:" in result.stderr


def test_a_read_only_folder_is_refused_without_writing_in_place(run, setup) -> None:
    if os.geteuid() == 0:  # root ignores folder modes; the mkstemp fault above covers root
        return
    root, scratch = setup
    (root / "activities").chmod(0o555)
    try:
        before = snapshot(root)
        result = _run(run, root, scratch, WRITERS[0])
        assert_clean(result, exits=(3,))
        assert snapshot(root) == before
    finally:
        (root / "activities").chmod(0o755)


@pytest.mark.parametrize("writer", [w for w in WRITERS if w.edits], ids=lambda w: w.name)
def test_a_hard_linked_data_file_is_refused(run, setup, writer) -> None:
    root, scratch = setup
    other = scratch / "other-name.yaml"
    os.link(root / ACTIVITIES, other)
    before, other_bytes = snapshot(root), other.read_bytes()
    result = _run(run, root, scratch, writer)
    assert_clean(result, exits=(3,))
    assert "hard link" in result.stderr
    assert snapshot(root) == before and other.read_bytes() == other_bytes


@pytest.mark.parametrize("writer", [w for w in WRITERS if w.edits], ids=lambda w: w.name)
def test_a_symlinked_data_file_is_edited_where_it_lives_and_stays_a_link(run, setup, writer) -> None:
    root, scratch = setup
    (root.parent / ".git").mkdir()  # the link stays inside the repository
    real = scratch / "real-activities.yaml"
    shutil.move(root / ACTIVITIES, real)
    (root / ACTIVITIES).symlink_to(real)
    old = real.read_bytes()
    result = _run(run, root, scratch, writer)
    assert_clean(result, exits=(0,))
    assert (root / ACTIVITIES).is_symlink() and os.readlink(root / ACTIVITIES) == str(real)
    assert real.read_bytes() != old


@pytest.mark.parametrize("writer", [w for w in WRITERS if w.edits], ids=lambda w: w.name)
def test_a_data_file_linked_out_of_the_repository_is_neither_read_nor_written(run, setup,
                                                                             writer) -> None:
    root, scratch = setup
    real = scratch / "real-activities.yaml"
    shutil.move(root / ACTIVITIES, real)
    (root / ACTIVITIES).symlink_to(real)
    before, old = snapshot(root), real.read_bytes()
    result = _run(run, root, scratch, writer)
    assert_clean(result, exits=(1, 3))
    assert "outside the data root" in result.stdout + result.stderr
    assert snapshot(root) == before and real.read_bytes() == old


@pytest.mark.parametrize("writer", [w for w in WRITERS if w.edits], ids=lambda w: w.name)
def test_a_file_changed_by_someone_else_meanwhile_is_kept_and_exits_4(run, setup, monkeypatch,
                                                                      writer) -> None:
    from trygghet_cli.editing import atomic

    root, scratch = setup
    theirs = (root / ACTIVITIES).read_bytes().replace(b"Hastighetskontroller", b"Sparat i editorn")
    real_write = atomic.write_atomic

    def editor_saves_first(path: Path, new_bytes: bytes, expected_old_digest: str) -> None:
        (root / ACTIVITIES).write_bytes(theirs)  # someone saves between our read and our write
        real_write(path, new_bytes, expected_old_digest)

    monkeypatch.setattr(atomic, "write_atomic", editor_saves_first)
    result = _run(run, root, scratch, writer)
    assert_clean(result, exits=(4,))
    assert (root / ACTIVITIES).read_bytes() == theirs
    assert not [p for p in (root / "activities").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_report_output_is_all_or_nothing(run, setup, monkeypatch, fault) -> None:
    root, scratch = setup
    out = scratch / "out"
    out.mkdir()
    FAULTS[fault](monkeypatch)
    result = run("--data", str(root), "report", "status", "--as-of", "2025-01-15", "-o",
                 str(out / "status.html"))
    monkeypatch.undo()
    assert_clean(result, exits=(3,))
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_init_under_a_fault_leaves_no_half_made_root(run, setup, monkeypatch, fault) -> None:
    _, scratch = setup
    FAULTS[fault](monkeypatch)
    result = run("init", str(scratch / "ny"), "--name", "Testby kommun", "--code", "0998")
    monkeypatch.undo()
    assert_clean(result, exits=(3,))
    made = [p for p in (scratch / "ny").rglob("*") if p.is_file()] if (scratch / "ny").exists() else []
    assert not [p for p in made if p.name.endswith(".tmp")]
    assert not (scratch / "ny" / "trygghet.yaml").exists()
    again = run("init", str(scratch / "ny"), "--name", "Testby kommun", "--code", "0998")
    assert_clean(again, exits=(0,))
    assert run("--data", str(scratch / "ny"), "validate").exit_code == 0


def test_w3_new_files_get_the_usual_mode_not_mkstemps_0600(run, setup, tmp_path) -> None:
    root, scratch = setup
    mask = os.umask(0o022)
    os.umask(mask)
    expected = 0o666 & ~mask
    assert run("--data", str(root), "new", "period", "--start", "2026-01-01", "--end", "2027-12-31",
               ).exit_code == 0
    assert run("--data", str(root), "report", "status", "--as-of", "2025-01-15", "-o",
               str(scratch / "status.html")).exit_code == 0
    assert run("init", str(scratch / "ny"), "--name", "Testby kommun", "--code", "0998").exit_code == 0
    for made in (root / "pledges" / "2026-2027.yaml", root / "activities" / "2026-2027.yaml",
                 scratch / "status.html", scratch / "ny" / "trygghet.yaml"):
        assert stat.S_IMODE(made.stat().st_mode) == expected, made


def test_w3_an_edited_file_keeps_its_mode(run, setup) -> None:
    root, scratch = setup
    (root / ACTIVITIES).chmod(0o640)
    assert _run(run, root, scratch, WRITERS[0]).exit_code == 0
    assert stat.S_IMODE((root / ACTIVITIES).stat().st_mode) == 0o640


HEADER = b"id,title,pledges,parties,due\n"
IMPORTS = {
    "control-character.csv": HEADER + b"x-1,Imp\x1b[2J,ml-1,kommun,2025-05-01\n",
    "latin1.csv": HEADER + b"x-1,Caf\xe9,ml-1,kommun,2025-05-01\n",
    "unclosed-quote.csv": HEADER + b'x-1,"unclosed,ml-1,kommun,2025-05-01\n',
    "binary.csv": b"\x00\x01\x02\xff",
    "empty.csv": b"",
    "cell-over-csv-limit.csv": HEADER + b"x-1," + b"T" * 200_000 + b",ml-1,kommun,2025-05-01\n",
    "impossible-date.csv": HEADER + b"x-1,T,ml-1,kommun,2025-02-30\n",
    "formula.csv": HEADER + b"x-1,=HYPERLINK(\"http://x\"),ml-1,kommun,2025-05-01\n",
    "path-traversal-id.csv": HEADER + b"../../x,T,ml-1,kommun,2025-05-01\n",
    "personnummer.csv": HEADER + b"x-1,Kontakt 811228-9874,ml-1,kommun,2025-05-01\n",
    "not-a-zip.xlsx": b"PK\x03\x04garbage",
    "wrong-suffix.json": b'[{"id": "x-1"}]',
}


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_a_hostile_import_file_is_a_clean_error_or_a_clean_import(run, setup, name) -> None:
    root, scratch = setup
    source = scratch / name
    source.write_bytes(IMPORTS[name])
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", "import", "activities", str(source),
                 "--period", "2024-2025")
    assert_clean(result, exits=(0, 1, 2, 3))
    if result.exit_code != 0:
        assert snapshot(root) == before
    else:
        assert run("--data", str(root), "validate").exit_code in (0, 1)
