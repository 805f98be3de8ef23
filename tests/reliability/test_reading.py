"""RELIABILITY.md section 1, reading and decoding: one test per row (R1-R12)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.reliability.commands import run_readers
from tests.reliability.conftest import ACTIVITIES, assert_clean, assert_located, git_repo, snapshot
from tests.reliability.corpus import BASE
from tests.reliability.rows import Row, check_row, edited
from trygghet_cli.root import config

TEXT = BASE.decode("utf-8")

ROWS = [
    Row("R2", "empty-file", b"", 1, "TRY003"),
    Row("R2", "only-comments", b"# nothing yet\n# really\n", 1, "TRY003"),
    Row("R2", "only-whitespace", b"  \n\n\t\n", 1, "TRY003"),
    Row("R3", "latin1-e-acute", edited(b"Hastighetskontroller", b"Hastighetskontroll caf\xe9"), 1,
        "TRY002", b"caf\xe9"),
    Row("R3", "cp1252-quote", edited(b"Hastighetskontroller", b"\x93Hastighet\x94"), 1, "TRY002",
        b"\x93Hast"),
    Row("R4", "utf16-le-bom", TEXT.encode("utf-16"), 1, "TRY002"),
    Row("R4", "utf16-be-bom", b"\xfe\xff" + TEXT.encode("utf-16-be"), 1, "TRY002"),
    Row("R4", "utf32-le-bom", TEXT.encode("utf-32"), 1, "TRY002"),
    Row("R4", "utf32-be-bom", b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), 1, "TRY002"),
    Row("R5", "utf8-bom-accepted", b"\xef\xbb\xbf" + BASE, 0),
    Row("R6", "bom-inside-a-key", edited(b"    due: 2025", "    \ufeffdue: 2025".encode()), 1, "TRY005",
        "\ufeff".encode()),
    Row("R6", "zero-width-space-in-a-key",
        edited(b"    status: ongoing", "    sta\u200btus: ongoing".encode()), 1, "TRY005",
        "\u200b".encode()),
    Row("R6", "bidi-override-in-a-title", edited(b"Hastighetskontroller", "\u202eHastighet".encode()),
        0, "TRY005", "\u202e".encode()),
    Row("R6", "zero-width-joiner-in-an-id", edited(b"id: a-2", "id: a-\u200d2".encode()), 1, "TRY005",
        "\u200d".encode()),
    Row("R7", "nul-byte", edited(b"Hastighetskontroller", b"Hastighet\x00"), 1, "TRY004", b"\x00"),
    Row("R7", "escape-byte", edited(b"Hastighetskontroller", b"\x1b[2JHastighet"), 1, "TRY004", b"\x1b"),
    Row("R7", "escaped-escape-byte", edited(b"title: Hastighetskontroller", b'title: "\\e[2J"'), 1,
        "TRY004", b'"\\e'),
    Row("R8", "nel-in-plain-scalar", edited(b"Hastighetskontroller", b"Hastig\xc2\x85het"), 1, "TRY004",
        b"\xc2\x85"),
    Row("R8", "nel-escape", edited(b"title: Hastighetskontroller", b'title: "a\\Nb"'), 1, "TRY004",
        b'"a\\N'),
    Row("R9", "crlf-accepted", BASE.replace(b"\n", b"\r\n"), 0),
    Row("R9", "lone-cr-accepted", BASE.replace(b"\n", b"\r"), 0),
    Row("R9", "crlf-error-has-the-right-line", edited(b"status: ongoing", b"statu: ongoing").replace(
        b"\n", b"\r\n"), 1, "TRY201", b"statu:"),
    Row("R9", "lone-cr-error-has-the-right-line", edited(b"status: ongoing", b"statu: ongoing").replace(
        b"\n", b"\r"), 1, "TRY201", b"statu:"),
    Row("R9", "lone-cr-control-character-has-the-right-line",
        edited(b"Hastighetskontroller", b"Hastighet\x01").replace(b"\n", b"\r"), 1, "TRY004", b"\x01"),
    Row("R10", "lone-surrogate-escape", edited(b"title: Hastighetskontroller", b'title: "\\ud800"'), 1,
        "TRY101", b'"\\ud800'),
    Row("R10", "encoded-surrogate-bytes", edited(b"Hastighetskontroller", b"\xed\xa0\x80"), 1, "TRY002",
        b"\xed"),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_reading_row_gives_a_located_finding_and_writes_nothing(row: Row, run, root: Path) -> None:
    check_row(run, root, row)


@pytest.mark.parametrize("name", ["missing.yaml", "folder.yaml", "unreadable.yaml"])
def test_r1_a_file_that_cannot_be_read_names_its_path_and_exits_3(run, root, deny_read, name) -> None:
    target = root / "activities" / name
    if name == "folder.yaml":
        target.mkdir()
    elif name == "unreadable.yaml":
        target.write_bytes(BASE)
        deny_read(target)
    before = snapshot(root)
    named = ["--data", str(root), "validate"] if name == "folder.yaml" else ["validate", str(target)]
    result = run("--lang", "en", *named)
    assert_clean(result, exits=(3,))
    assert f"{name}: error TRY001" in result.stdout
    assert snapshot(root) == before


def test_r1_an_unreadable_file_inside_the_root_does_not_stop_the_others(run, root, deny_read) -> None:
    deny_read(root / ACTIVITIES)
    (root / "agreements" / "2024-2027.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    result = run("--data", str(root), "--lang", "en", "validate")
    assert_clean(result, exits=(3,))
    assert "2024-2025.yaml: error TRY001 permission denied" in result.stdout
    assert_located(result, root / "agreements" / "2024-2027.yaml", 2, "TRY102")


def test_r1_missing_data_root_is_a_usage_error(run, tmp_path) -> None:
    result = run("--data", str(tmp_path / "nowhere"), "validate")
    assert_clean(result, exits=(2,))
    assert "nowhere" in result.stderr


def test_r11_a_file_over_the_size_limit_is_refused_before_parsing(run, root) -> None:
    target = root / "activities" / "huge.yaml"
    with open(target, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: size without the disk use
    result = run("--data", str(root), "--lang", "en", "validate")
    assert_clean(result, exits=(3,))
    assert "huge.yaml: error TRY001 file is larger than 20 MB" in result.stdout


def test_r12_a_symlinked_data_file_inside_the_repository_is_read_where_the_link_is(
        run, root, tmp_path) -> None:
    (tmp_path / ".git").mkdir()  # root and the shared file lie in one git work tree
    outside = tmp_path / "elsewhere.yaml"
    outside.write_bytes(edited(b"id: a-2", b"id: a-3").replace(b"al-2024-2025", b"al-extra"))
    link = root / "activities" / "linked.yaml"
    link.symlink_to(outside)
    before = snapshot(root)
    for args in (["--data", str(root), "validate"], ["validate", str(link)],
                 ["validate", str(root / "activities")]):
        result = run("--lang", "en", *args)
        assert_clean(result, exits=(1,))
        assert_located(result, link, 5, "TRY301")
    assert snapshot(root) == before
    assert outside.read_bytes().startswith(b"# Activities")


@pytest.mark.parametrize("what", ["file", "folder", "config"])
def test_r12_a_link_out_of_the_root_and_repository_is_refused_unread(run, root, tmp_path,
                                                                     what) -> None:
    secret = tmp_path / "home" / ".env"
    secret.parent.mkdir()
    secret.write_text("GITHUB_TOKEN=ghp_hemlig\ntitle: x\n", encoding="utf-8")
    if what == "file":
        link = root / "activities" / "2019.yaml"
        link.symlink_to(secret)
    elif what == "folder":
        (secret.parent / "2024-2025.yaml").write_bytes(secret.read_bytes())
        shutil.rmtree(root / "activities")
        (root / "activities").symlink_to(secret.parent)
        link = root / "activities" / "2024-2025.yaml"
    else:
        shutil.copy(secret, tmp_path / "home" / "trygghet.yaml")
        (root / "trygghet.yaml").unlink()
        (root / "trygghet.yaml").symlink_to(tmp_path / "home" / "trygghet.yaml")
        link = root / "trygghet.yaml"
    for args in (["--data", str(root), "validate"], ["--data", str(root), "status"],
                 ["--data", str(root), "report", "pledges"], ["--data", str(root), "fmt", "--check"]):
        result = run("--lang", "en", *args)
        assert_clean(result, exits=(3,) if args[2] == "validate" else (1, 3))
        out = result.stdout + result.stderr
        assert "GITHUB_TOKEN" not in out and "ghp_hemlig" not in out, out
        assert "outside the data root" in out, out
    validate = run("--data", str(root), "--lang", "en", "validate")
    assert f"{config.display_path(link)}: error TRY001 a link to" in validate.stdout


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_r12_a_broken_symlink_is_a_read_error(run, root, kind) -> None:
    link = root / "activities" / f"{kind}.yaml"
    link.symlink_to("nowhere.yaml" if kind == "dangling" else f"{kind}.yaml")
    result = run("--data", str(root), "--lang", "en", "validate")
    assert_clean(result, exits=(3,))
    assert f"{kind}.yaml: error TRY001" in result.stdout


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_r12_a_special_file_named_yaml_is_refused_not_read_forever(run, root, kind) -> None:
    special = root / "activities" / f"{kind}.yaml"
    if kind == "fifo":
        os.mkfifo(special)
    else:
        special.symlink_to("/dev/zero")
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", "validate")
    assert_clean(result, exits=(3,))
    reason = "not a regular file" if kind == "fifo" else "a link to /dev/zero, outside the data root"
    assert f"{kind}.yaml: error TRY001 {reason}" in result.stdout
    assert snapshot(root) == before


@pytest.mark.parametrize("kind", ["outside", "dangling", "loop", "folder-link", "fifo", "device"])
def test_r12_odd_entries_in_the_root_never_crash_any_reading_command(run, root, tmp_path, kind) -> None:
    git_repo(root)
    entry = root / "activities" / f"{kind}.yaml"
    if kind == "outside":
        outside = tmp_path / "elsewhere.yaml"
        outside.write_bytes(b"id: x\n")
        entry.symlink_to(outside)
    elif kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to({"dangling": "nowhere.yaml", "loop": entry.name, "folder-link": str(tmp_path),
                          "device": "/dev/zero"}[kind])
    run_readers(run, root, git=True)
