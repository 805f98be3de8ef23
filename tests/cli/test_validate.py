"""`trygghet validate` on the bundled data, on one fixture per finding code, and its formats."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, FIXTURES
from trygghet_cli.findings import CODES

FINDING_FIXTURES = sorted((FIXTURES / "findings").glob("TRY*.yaml"))


def _marked_line(fixture: Path) -> int:
    """The line that carries '# <- CODE' in the fixture (line 1 if it is not readable as text)."""
    code = fixture.name[:6]
    for number, line in enumerate(fixture.read_bytes().split(b"\n"), start=1):
        if f"# <- {code}".encode() in line:
            return number
    return 1


def test_bundled_strangnas_data_is_valid(run) -> None:
    result = run("--data", str(BUNDLED), "validate", "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["summary"]["errors"] == 0
    assert body["summary"]["files"] == 18


def test_default_root_is_the_bundled_data_when_none_is_found(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    result = run("validate", "--format", "json")
    assert result.exit_code == 0
    assert "exempeldata för Strängnäs" in result.stderr
    assert any("2024-2025.yaml" in f for f in json.loads(result.stdout)["files"])


@pytest.mark.parametrize("fixture", FINDING_FIXTURES, ids=lambda p: p.name)
def test_each_planted_problem_is_reported_with_its_code_and_line(run, place, minimal_root,
                                                                 fixture) -> None:
    target = place(fixture)
    result = run("--data", str(minimal_root), "validate", "--format", "json")
    code = fixture.name[:6]
    findings = json.loads(result.stdout)["findings"]
    hits = [f for f in findings if f["code"] == code]
    assert hits, f"{code} not reported; got {[f['code'] for f in findings]}"
    assert hits[0]["line"] == _marked_line(fixture)
    assert hits[0]["path"].endswith(target.relative_to(minimal_root).as_posix())
    assert hits[0]["message"] and hits[0]["hint"]
    severity = CODES[code][0].value
    assert result.exit_code == (1 if severity == "error" else 0)


def test_every_finding_code_has_a_fixture_or_a_test_of_its_own() -> None:
    covered = {p.name[:6] for p in FINDING_FIXTURES} | {"TRY001", "TRY006", "TRY209", "TRY311", "TRY313",
                                                         "TRY318", "TRY321", "TRY322", "TRY508", "TRY509",
                                                         "TRY521"}
    assert set(CODES) <= covered, sorted(set(CODES) - covered)


def test_text_output_shows_excerpt_with_caret_and_hint(run, place, minimal_root) -> None:
    place(FIXTURES / "findings" / "TRY201_unknown_key.activities.yaml")
    result = run("--data", str(minimal_root), "--lang", "en", "validate")
    assert result.exit_code == 1
    assert re.search(r"activities/2024-2025\.yaml:32:5: error TRY201 .*'statu'", result.stdout)
    assert "  32 |     statu: ongoing" in result.stdout
    assert "     |     ^" in result.stdout
    assert "hint: did you mean 'status'?" in result.stdout


def test_swedish_is_the_default_language_of_labels(run, place, minimal_root) -> None:
    place(FIXTURES / "findings" / "TRY201_unknown_key.activities.yaml")
    result = run("--data", str(minimal_root), "validate")
    assert "activities/2024-2025.yaml:32:5: fel TRY201 aktiviteten a-2: okänd nyckel 'statu'" in (
        result.stdout)
    assert "tips: menade du 'status'?" in result.stdout


def test_one_broken_file_does_not_hide_the_others(run, minimal_root) -> None:
    (minimal_root / "pledges" / "2024-2025.yaml").write_text("pledges: [\n", encoding="utf-8")
    (minimal_root / "activities" / "extra.yaml").write_text("id: x\nfoo: 1\n", encoding="utf-8")
    (minimal_root / "agreements" / "2024-2027.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    result = run("--data", str(minimal_root), "validate", "--format", "json")
    codes = {(Path(f["path"]).name, f["code"]) for f in json.loads(result.stdout)["findings"]}
    assert ("2024-2025.yaml", "TRY101") in codes
    assert ("extra.yaml", "TRY201") in codes
    assert ("2024-2027.yaml", "TRY102") in codes
    assert result.exit_code == 1


def test_missing_file_exits_3(run, minimal_root) -> None:
    result = run("validate", str(minimal_root / "activities" / "nope.yaml"))
    assert result.exit_code == 3
    assert "TRY001" in result.stdout


def test_unreadable_file_exits_3(run, minimal_root, monkeypatch) -> None:
    # CI runs as root, where chmod 000 does not stop reading, so the refusal is simulated.
    from trygghet_cli.loading import document

    real_open = open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("activities/2024-2025.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(document, "open", refuse, raising=False)
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 3
    assert "activities/2024-2025.yaml: fel TRY001 åtkomst nekad" in result.stdout


def test_a_folder_where_a_file_should_be_exits_3(run, minimal_root) -> None:
    (minimal_root / "activities" / "odd.yaml").mkdir()
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 3
    assert "TRY001" in result.stdout


def test_file_outside_a_data_root_is_reported(run, tmp_path) -> None:
    stray = tmp_path / "stray.yaml"
    stray.write_text("id: x\n", encoding="utf-8")
    result = run("validate", str(stray), "--format", "json")
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["TRY311"]
    assert result.exit_code == 1


def test_naming_one_file_reports_only_that_file(run, place, minimal_root) -> None:
    place(FIXTURES / "findings" / "TRY201_unknown_key.activities.yaml")
    (minimal_root / "pledges" / "2024-2025.yaml").write_text("x: [\n", encoding="utf-8")
    result = run("validate", str(minimal_root / "activities" / "2024-2025.yaml"), "-f", "json")
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert len(paths) == 1 and next(iter(paths)).endswith("activities/2024-2025.yaml")


def test_folder_holding_several_roots_validates_each(run, tmp_path, minimal_root) -> None:
    import shutil

    shutil.copytree(minimal_root, tmp_path / "all" / "a")
    shutil.copytree(minimal_root, tmp_path / "all" / "b")
    (tmp_path / "all" / "b" / "activities" / "2024-2025.yaml").write_text("x: 1\n", "utf-8")
    result = run("validate", str(tmp_path / "all"), "--format", "json")
    body = json.loads(result.stdout)
    assert body["summary"]["files"] == 8
    assert any("/b/activities" in f["path"] for f in body["findings"])
    assert result.exit_code == 1


def test_strict_turns_warnings_into_failure(run, place, minimal_root) -> None:
    place(FIXTURES / "findings" / "TRY501_activity_without_target.activities.yaml")
    assert run("--data", str(minimal_root), "validate").exit_code == 0
    assert run("--data", str(minimal_root), "validate", "--strict").exit_code == 1


def test_github_format_writes_workflow_annotations(run, place, minimal_root) -> None:
    place(FIXTURES / "findings" / "TRY304_unknown_pledge.activities.yaml")
    result = run("--data", str(minimal_root), "--lang", "en", "validate", "--format", "github")
    line = next(x for x in result.stdout.splitlines() if "TRY304" in x)
    assert re.match(r"::error file=.*activities/2024-2025\.yaml,line=28,col=15,title=TRY304::"
                    r"unknown pledge 'ml-3'", line)


def test_junit_format_is_xml_with_a_failure_per_error(run, place, minimal_root) -> None:
    place(FIXTURES / "findings" / "TRY304_unknown_pledge.activities.yaml")
    result = run("--data", str(minimal_root), "validate", "--format", "junit")
    tree = ET.fromstring(result.stdout)
    failures = tree.findall(".//failure")
    assert len(failures) == 1 and failures[0].get("type") == "TRY304"
    assert len(tree.findall(".//testcase")) == 4


def test_json_shape_is_stable(run, place, minimal_root) -> None:
    place(FIXTURES / "findings" / "TRY204_bad_status.activities.yaml")
    body = json.loads(run("--data", str(minimal_root), "validate", "-f", "json").stdout)
    assert set(body) == {"version", "tool", "files", "summary", "findings"}
    assert set(body["findings"][0]) == {"code", "severity", "path", "line", "column", "message",
                                        "hint"}
    assert body["version"] == 1


def test_unexpected_failure_is_one_line_and_exit_70(run, monkeypatch) -> None:
    from trygghet_cli.validate import run as validate_run

    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(validate_run, "validate", boom)
    result = run("validate")
    assert result.exit_code == 70
    assert "internt fel: RuntimeError: simulated bug" in result.stderr
    assert "Traceback" not in result.stderr
    debug = run("--debug", "validate")
    assert debug.exit_code == 70 and "Traceback" in debug.stderr


def test_no_data_root_in_named_folder_is_a_usage_error(run, tmp_path) -> None:
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "ingen datamapp" in result.stderr


@pytest.mark.parametrize("fixture", FINDING_FIXTURES, ids=lambda p: p.name)
def test_every_finding_speaks_swedish_too(place, minimal_root, fixture) -> None:
    from trygghet_cli.root import repository

    place(fixture)
    findings = repository.load(minimal_root).findings
    assert findings
    assert all(f.message_sv and f.text("sv")[0] != f.text("en")[0] for f in findings)


ARTEFACTS = [".DS_Store", "Thumbs.db", "~$lista.xlsx", ".2024-2025.yaml.swp", "2024-2025.yaml~",
             "#2024-2025.yaml#", "._2024-2025.yaml", ".~lock.lista.xlsx#"]


def test_editor_and_system_files_in_data_folders_are_skipped_and_said_once(run, minimal_root) -> None:
    activities = minimal_root / "activities"
    for name in ARTEFACTS:
        (activities / name).write_bytes(b"\x00\x05Mac OS X binary\xff")
    (minimal_root / "pledges" / ".#2024-2025.yaml").symlink_to("anna@dator.4711:1765000000")
    (activities / ".trash").mkdir()
    (activities / ".trash" / "old.yaml").write_text("inte: [giltig\n", encoding="utf-8")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stdout.splitlines() if line.startswith("Obs:")]
    assert len(notes) == 1 and "dessa filer är inga datafiler och lästes inte" in notes[0]
    assert "activities/.2024-2025.yaml.swp" in notes[0] and notes[0].endswith("och 3 till")
    assert "DS_Store" not in notes[0] and "Thumbs.db" not in notes[0]  # in every Finder folder
    machine = run("--data", str(minimal_root), "validate", "--format", "json")
    assert machine.exit_code == 0 and json.loads(machine.stdout)["findings"] == []
    for args in (["status"], ["report", "status"], ["export", "activities", "--format", "csv"],
                 ["fmt", "--check"], ["activity", "set-status", "a-2", "done", "--date", "2025-01-10"]):
        done = run("--data", str(minimal_root), *args)
        assert done.exit_code == 0, (args, done.output)
    assert (activities / "._2024-2025.yaml").read_bytes() == b"\x00\x05Mac OS X binary\xff"
