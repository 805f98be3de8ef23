"""Issue 19, items 3, 7 and 11: `report -o` and `export -o` never overwrite a data file, the
config or a file trygghet did not write (without --force), fail at once on a device, and
never write into the working folder or make folders by accident."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import ACTIVITIES, assert_clean, snapshot

REPORT = ["report", "pledges", "--period", "2024-2025"]
EXPORTS = ["csv", "json", "ics", "xlsx"]


def _writers(target: Path) -> list[list[str]]:
    return [[*REPORT, "-o", str(target)],
            *(["export", "activities", "--format", fmt, "-o", str(target)] for fmt in EXPORTS)]


@pytest.mark.parametrize("name", [str(ACTIVITIES), "trygghet.yaml", "pledges/2024-2025.yaml",
                                  "activities/ny-lista.yaml"])
def test_an_output_path_that_is_a_data_file_is_refused_even_with_force(run, root, name) -> None:
    before = snapshot(root)
    for args in _writers(root / name):
        for extra in ([], ["--force"]):
            result = run("--data", str(root), *args, *extra)
            assert_clean(result, exits=(2,))
            assert "är en datafil" in result.stderr
            assert snapshot(root) == before


def test_a_symlink_to_a_data_file_is_refused_too(run, root, tmp_path) -> None:
    link = tmp_path / "rapport.md"
    link.symlink_to(root / ACTIVITIES)
    before = snapshot(root)
    result = run("--data", str(root), *REPORT, "-o", str(link), "--force")
    assert_clean(result, exits=(2,))
    assert snapshot(root) == before


def test_an_existing_file_trygghet_did_not_write_is_kept_unless_force(run, root, tmp_path) -> None:
    mine = tmp_path / "anteckningar.md"
    for args in _writers(mine):
        mine.write_text("Mina egna anteckningar\n", encoding="utf-8")
        result = run("--data", str(root), *args)
        assert_clean(result, exits=(2,))
        assert "--force" in result.stderr
        assert mine.read_text(encoding="utf-8") == "Mina egna anteckningar\n"
        forced = run("--data", str(root), *args, "--force")
        assert_clean(forced, exits=(0,))
        assert mine.read_bytes() != b"Mina egna anteckningar\n"


@pytest.mark.parametrize("args", [
    [*REPORT, "--format", "md"], [*REPORT, "--format", "html"], [*REPORT, "--lang", "en"],
    *(["export", "activities", "--format", fmt] for fmt in EXPORTS),
    ["export", "activities", "--format", "csv", "--audience", "internal"],
], ids=lambda a: "-".join(a[-2:]))
def test_a_file_trygghet_wrote_is_replaced_without_force(run, root, tmp_path, args) -> None:
    target = tmp_path / "ut.fil"
    assert_clean(run("--data", str(root), *args, "-o", str(target)), exits=(0,))
    target.write_bytes(target.read_bytes())
    again = run("--data", str(root), "--lang", "en", *args, "-o", str(target))
    assert_clean(again, exits=(0,))


def test_report_to_dev_full_fails_at_once_with_exit_3(root) -> None:
    command = [sys.executable, "-m", "trygghet_cli", "--data", str(root), *REPORT, "-o", "/dev/full"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [REPORT, ["export", "activities", "--format", "csv"]])
def test_an_empty_output_name_is_a_usage_error_not_the_working_folder(run, root, tmp_path,
                                                                      command) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("--data", str(root), *command, "-o", "")
    assert_clean(result, exits=(2,))
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("command", [REPORT, ["export", "activities", "--format", "csv"]])
def test_a_missing_output_folder_is_refused_not_created(run, root, tmp_path, command) -> None:
    result = run("--data", str(root), *command, "-o", str(tmp_path / "saknas" / "mapp" / "x.html"))
    assert_clean(result, exits=(2,))
    assert "finns inte" in result.stderr
    assert not (tmp_path / "saknas").exists()


# Issue 28, item 13: a user's own file is not trygghet's because it ends like a report's
# footer or starts like a table; trygghet knows its own by its seal, its exact header row, or
# the record of what it last wrote there.
USERS_OWN = {"protokoll.md": "# Protokoll\n\nRapporten togs fram med trygghet\n",
             "protokoll.html": "<p>Mötesanteckningar, skrivna with trygghet</p>\n",
             "kontakter.csv": "id;namn;telefon\n1;Styrelsen;-\n",
             "lista.csv": "period;id;mina anteckningar\n2024;a-1;ring\n",
             "data.json": '[\n  {\n    "period": "min egen"\n  }\n]\n'}


@pytest.mark.parametrize("name", sorted(USERS_OWN))
def test_a_users_file_that_merely_looks_like_trygghets_is_kept_unless_force(run, root, tmp_path,
                                                                           name) -> None:
    mine = tmp_path / name
    for args in _writers(mine) + [["overview", str(root), "--format", "csv", "-o", str(mine)]]:
        mine.write_text(USERS_OWN[name], encoding="utf-8")
        result = run("--data", str(root), *args)
        assert_clean(result, exits=(2,))
        assert "--force" in result.stderr
        assert mine.read_text(encoding="utf-8") == USERS_OWN[name]


def test_a_report_edited_by_hand_after_trygghet_wrote_it_is_kept_unless_force(run, root,
                                                                             tmp_path) -> None:
    report = tmp_path / "rapport.md"
    assert_clean(run("--data", str(root), *REPORT, "-o", str(report)), exits=(0,))
    edited = report.read_text(encoding="utf-8").replace("\n\n", "\n\nMin egen kommentar.\n\n", 1)
    report.write_text(edited, encoding="utf-8")
    result = run("--data", str(root), *REPORT, "-o", str(report))
    assert_clean(result, exits=(2,))
    assert report.read_text(encoding="utf-8") == edited


def test_trygghets_own_files_are_known_without_the_record_in_a_fresh_ci_checkout(
        run, root, tmp_path, monkeypatch) -> None:
    written = {}
    for args in [[*REPORT, "--format", "html"], REPORT, *(["export", "activities", "--format", fmt]
                                                          for fmt in EXPORTS)]:
        target = tmp_path / f"ut-{len(written)}"
        assert_clean(run("--data", str(root), *args, "-o", str(target)), exits=(0,))
        written[target] = args
    monkeypatch.setenv("TRYGGHET_CACHE_DIR", str(tmp_path / "fresh-cache"))
    for target, args in written.items():
        assert_clean(run("--data", str(root), *args, "-o", str(target)), exits=(0,))
