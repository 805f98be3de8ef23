"""The data format: `format:` in trygghet.yaml is read first; a root of a newer format is refused
at once with what to do, and a rule that became stricter after 0.1 is a warning in a 0.1 root."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURES
from trygghet_cli import __version__, formats


def _with_format(root: Path, line: str) -> Path:
    config = root / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "# A small, valid data root for tests.\n", f"# A small, valid data root for tests.\n{line}\n"),
        encoding="utf-8")
    return config


def test_a_root_of_a_newer_format_is_refused_first_with_what_to_do(run, minimal_root) -> None:
    config = _with_format(minimal_root, f"format: {formats.CURRENT + 1}  # trygghet migrate")
    (minimal_root / "activities" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 1
    assert (f"{config}:2:9: fel TRY006 den här datamappen är skriven för en nyare trygghet "
            f"(dataformat {formats.CURRENT + 1}); du har trygghet {__version__}, som läser "
            f"dataformat 1") in " ".join(result.stdout.split()).replace(f"{config}: 2", f"{config}:2")
    assert "i CI: flytta pinnen dit" in " ".join(result.stdout.split())
    # nothing else is read: not the broken file, nor an 'unknown key' for format:
    assert "TRY101" not in result.stdout and "TRY201" not in result.stdout
    english = run("--data", str(minimal_root), "--lang", "en", "validate")
    assert "this data root is written for a newer trygghet" in " ".join(english.stdout.split())


def test_commands_that_read_a_root_of_a_newer_format_write_nothing(run, minimal_root, tmp_path) -> None:
    _with_format(minimal_root, "format: 7")
    before = {p: p.read_bytes() for p in minimal_root.rglob("*") if p.is_file()}
    status = run("--data", str(minimal_root), "status")
    assert status.exit_code == 1
    assert "dataformat 7" in status.stderr
    report = run("--data", str(minimal_root), "report", "pledges", "-o", str(tmp_path / "ml.md"))
    assert report.exit_code == 1 and not (tmp_path / "ml.md").exists()
    assert {p: p.read_bytes() for p in minimal_root.rglob("*") if p.is_file()} == before


def test_the_current_format_written_out_or_left_out_is_the_same_root(run, minimal_root) -> None:
    assert run("--data", str(minimal_root), "validate").exit_code == 0
    _with_format(minimal_root, f"format: {formats.CURRENT}")
    assert run("--data", str(minimal_root), "validate").exit_code == 0


def test_a_format_that_is_not_a_number_is_a_schema_error(run, minimal_root) -> None:
    config = _with_format(minimal_root, "format: två")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 1
    assert f"{config}:2:9: fel TRY203" in result.stdout


def test_a_district_of_no_municipality_in_a_root_of_0_1_is_a_warning_that_says_when_it_turns(
        run, tmp_path) -> None:
    root = tmp_path / "area"
    shutil.copytree(FIXTURES / "area", root)
    config = root / "trygghet.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    municipality: alby\n", "", 1), encoding="utf-8")
    result = run("--data", str(root), "validate", "--verbose")
    assert result.exit_code == 0, result.stdout
    shown = " ".join(result.stdout.split())
    assert "varning TRY322 kommundelen 'alby-centrum' anger inte vilken av de 4 kommunerna den " \
           "ligger i; blir ett fel i trygghet 1.0" in shown
    assert "eller: kör 'trygghet migrate', som fyller i kommunen där dokumenten" in shown
    assert run("--data", str(root), "validate", "--strict").exit_code == 1
    # a root that says it is of format 2 has opted in: there it is an error
    config.write_text("format: 2\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("--data", str(root), "validate")
    assert result.exit_code == 1
    assert "fel TRY322 kommundelen 'alby-centrum' anger inte vilken av de 4 kommunerna den ligger " \
           "i\n" in result.stdout
