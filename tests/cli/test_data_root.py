"""Which data root a command works on, and that it says so when it is the bundled example."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import BUNDLED

NOTE_SV = "Ingen datamapp här; visar exempeldata för Strängnäs. Ange --data MAPP.\n"


@pytest.fixture
def own_root(tmp_path: Path) -> Path:
    """A copy of the bundled data in tmp_path/repo/data (the layout of this repository)."""
    root = tmp_path / "repo" / "data"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".trygghet-cache"))
    return root


def _files(result) -> list[str]:  # noqa: ANN001
    return json.loads(result.stdout)["files"]


def test_the_data_folder_under_the_working_folder_is_found(run, own_root, monkeypatch) -> None:
    monkeypatch.chdir(own_root.parent)
    result = run("validate", "--format", "json")
    assert result.exit_code == 0, result.output
    assert _files(result)[0].startswith("data/")
    assert result.stderr == ""


def test_the_working_folder_and_its_parents_come_before_data(run, own_root, monkeypatch) -> None:
    monkeypatch.chdir(own_root / "activities")
    result = run("validate", "--format", "json")
    assert result.exit_code == 0, result.output
    assert _files(result)[0] == str(own_root / "trygghet.yaml")
    assert result.stderr == ""


def test_trygghet_data_names_the_root(run, own_root, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRYGGHET_DATA", str(own_root))
    result = run("validate", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_falling_back_to_the_example_says_so_in_swedish(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    result = run("status")
    assert result.exit_code == 0, result.output
    assert result.stderr == NOTE_SV
    english = run("--lang", "en", "status")
    assert english.stderr.startswith("No data folder here; showing the example data of Strängnäs.")


def test_in_ci_the_fallback_is_a_usage_error(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    result = run("validate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "i CI används aldrig exempeldatan" in result.stderr
    assert "tips: ange --data MAPP" in result.stderr


@pytest.mark.parametrize("args", [
    ["validate", "--data", "{root}", "--format", "json"],
    ["validate", "--format", "json", "--data={root}"],
    ["validate", "-d", "{root}", "--lang", "en", "--no-color", "--format", "json"],
])
def test_global_options_work_after_the_command(run, own_root, tmp_path, monkeypatch, args) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    result = run(*[a.replace("{root}", str(own_root)) for a in args])
    assert result.exit_code == 0, result.output
    assert len(_files(result)) == len(list(BUNDLED.rglob("*.yaml")))


def test_global_options_after_a_subcommand_of_a_group(run, own_root, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("status", "--data", str(own_root), "--lang", "en", "--as-of", "2025-06-01")
    assert result.exit_code == 0, result.output
    assert "as of 1 June 2025" in result.stdout


def test_a_missing_data_folder_is_a_swedish_usage_error(run, tmp_path) -> None:
    result = run("validate", "--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"trygghet: {tmp_path / 'nowhere'}: mappen finns inte",
        "  tips: ange mappen med trygghet.yaml efter --data"]


def test_site_finds_the_data_folder_under_the_working_folder(run, own_root, tmp_path,
                                                             monkeypatch) -> None:
    monkeypatch.chdir(own_root.parent)
    own_root.joinpath("trygghet.yaml").write_text(
        own_root.joinpath("trygghet.yaml").read_text(encoding="utf-8").replace(
            "name: Strängnäs kommun\n  code", "name: Egna kommun\n  code", 1), encoding="utf-8")
    result = run("site", "-o", str(tmp_path / "site"), "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    assert "Ingen datamapp" not in result.stderr
    assert "Egna kommun" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_site_takes_trygghet_data(run, own_root, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRYGGHET_DATA", str(own_root))
    monkeypatch.setenv("CI", "true")
    result = run("site", "-o", str(tmp_path / "site"), "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "index.html").is_file()


def test_site_says_when_it_falls_back_to_the_example(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    result = run("site", "-o", str(tmp_path / "site"), "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(NOTE_SV)


def test_site_in_ci_without_a_data_root_is_a_usage_error(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "true")
    result = run("site", "-o", str(tmp_path / "site"))
    assert result.exit_code == 2
    assert "i CI används aldrig exempeldatan" in result.stderr
    assert not (tmp_path / "site").exists()


def test_overview_takes_the_data_option_when_no_root_is_named(run, own_root, tmp_path,
                                                               monkeypatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("TRYGGHET_DATA", str(own_root))
    result = run("overview", "--format", "json", "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["municipalities"]
    assert [row["municipality"] for row in rows] == ["Strängnäs kommun"]
