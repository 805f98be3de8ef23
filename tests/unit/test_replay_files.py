"""The files a recorded run depends on (replay_files.py): a file's hash comes from the index
only while its stat is the one indexed, and a file changed just before it was read is never
indexed."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from trygghet_cli import replay_files as files

pytestmark = pytest.mark.skipif(not files.INDEXED, reason="no index on Windows: every file is hashed")


def _mark(path: Path) -> tuple[int, int, int, int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


def test_the_index_answers_only_for_the_very_stat_it_holds(tmp_path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"title: x\n")
    real = hashlib.sha256(b"title: x\n").digest()
    kept = b"k" * 32  # what the index says: used without reading while the stat is the same
    digests = files.Digests({str(path): (*_mark(path), kept)}, time.time_ns())
    assert digests.of(str(path), path.stat()) == kept and digests.hashed == 0
    for field in range(5):  # size, modification time, change time, inode, device
        other = list(_mark(path))
        other[field] += 1
        digests = files.Digests({str(path): (*other, kept)}, time.time_ns())
        assert digests.of(str(path), path.stat()) == real and digests.hashed == len(b"title: x\n")


def test_a_file_changed_in_the_last_seconds_is_not_indexed(tmp_path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"title: x\n")
    just_now = files.Digests({}, time.time_ns())
    just_now.of(str(path), path.stat())
    assert just_now.fresh == {}
    later = files.Digests({}, max(_mark(path)[1:3]) + files.RACY_NS + 1)
    later.of(str(path), path.stat())
    assert later.fresh == {str(path): (*_mark(path), hashlib.sha256(b"title: x\n").digest())}


def test_the_tree_names_every_file_and_folder_and_refuses_what_it_cannot_cover(tmp_path) -> None:
    root = tmp_path / "root"
    (root / "activities").mkdir(parents=True)
    (root / "trygghet.yaml").write_text("language: sv\n", encoding="utf-8")

    def tree() -> bytes:
        return files.tree(str(root), files.Digests({}, time.time_ns()))

    first = tree()
    (root / "pledges").mkdir()  # an empty folder counts: validate may say so
    assert tree() != first
    (root / ".git").mkdir()  # git's folder beside the data does not
    (root / ".git" / "HEAD").write_text("x\n", encoding="utf-8")
    with_git = tree()
    (root / ".git" / "HEAD").write_text("y\n", encoding="utf-8")
    assert tree() == with_git
    (root / "activities" / ".git").mkdir()  # in a data folder it does
    assert tree() != with_git
    (root / ".git" / "trygghet.yaml").write_text("x\n", encoding="utf-8")  # a root validate would find
    with pytest.raises(files.Unsafe):
        tree()
    os.remove(root / ".git" / "trygghet.yaml")
    (root / "activities" / "link.yaml").symlink_to(root / "trygghet.yaml")
    with pytest.raises(files.Unsafe):
        tree()
