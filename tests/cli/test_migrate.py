"""`trygghet migrate`: the fewest line edits, with the file's bytes kept; what it cannot decide it
names and leaves, and the root then keeps its format and stays valid."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from trygghet_cli import formats

AREA_0_1 = REPO / "tests" / "compat" / "0.1.0" / "fixtures" / "area"


@pytest.fixture
def area(tmp_path: Path) -> Path:
    """The area fixture as trygghet 0.1.0 had it: four municipalities, districts of none."""
    root = tmp_path / "area"
    shutil.copytree(AREA_0_1, root)
    return root


def test_migrate_writes_what_a_root_of_several_municipalities_needs_and_says_why(run, area) -> None:
    result = run("--data", str(area), "migrate")
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    assert ("trygghet.yaml:46:5: kommundelen 'alby-centrum': municipality: alby, eftersom bara "
            "dokument som hör till Alby kommun nämner den") in shown
    assert ("situation/2024-11.yaml:2:1: lägesbilden 'lb-omradet-2024': municipalities: [alby, "
            "berga, dalby, ekeby], hela området, som trygghet 0.1 läste en lägesbild som inte "
            "nämner någon kommun") in shown
    assert f"Datamappen har nu dataformat {formats.CURRENT} (förut 1)." in shown
    text = (area / "trygghet.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Test data, made up:")
    assert f"\nformat: {formats.CURRENT}\nmunicipalities:" in text


def test_a_crlf_file_with_a_bom_keeps_both_and_changes_only_added_lines(run, area) -> None:
    config = area / "trygghet.yaml"
    old = config.read_text(encoding="utf-8")
    config.write_bytes(b"\xef\xbb\xbf" + old.replace("\n", "\r\n").encode("utf-8"))
    result = run("--data", str(area), "migrate")
    assert result.exit_code == 0, result.output
    raw = config.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    new = raw[3:].decode("utf-8").split("\r\n")
    kept = [line for line in new if line not in ("format: 2",) and not line.startswith("    municipality: ")]
    assert kept == old.split("\n")
    assert run("--data", str(area), "validate").exit_code == 0


def test_dry_run_shows_the_diff_and_writes_nothing(run, area) -> None:
    before = {p: p.read_bytes() for p in area.rglob("*.yaml")}
    result = run("--data", str(area), "migrate", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "+format: 2" in result.stdout and "+    municipality: alby" in result.stdout
    assert "Provkörning: inget skrevs." in result.stderr
    assert {p: p.read_bytes() for p in area.rglob("*.yaml")} == before


def test_a_district_named_by_two_municipalities_is_left_and_the_format_kept(run, area) -> None:
    activities = area / "activities" / "berga-2024-2026.yaml"
    text = activities.read_text(encoding="utf-8")
    assert "districts: [berga-centrum]" in text
    activities.write_text(text.replace("districts: [berga-centrum]",
                                       "districts: [berga-centrum, alby-centrum]", 1), encoding="utf-8")
    result = run("--data", str(area), "migrate")
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stderr.split())
    assert ("Datamappen blir kvar i dataformat 1 tills det här är ifyllt för hand; kör sedan "
            "trygghet migrate igen:") in shown
    assert ("kommundelen 'alby-centrum': nämns i dokument som hör till Alby kommun, Berga kommun; "
            "lägg till 'municipality: ID' för den kommun den ligger i") in shown
    config = (area / "trygghet.yaml").read_text(encoding="utf-8")
    assert "format:" not in config and "    municipality: berga\n" in config
    assert run("--data", str(area), "validate").exit_code == 0  # still valid, still format 1
    check = run("--data", str(area), "migrate", "--check")
    assert check.exit_code == 1 and "alby-centrum" in check.stderr
    # filled in by hand, migrate finishes
    (area / "trygghet.yaml").write_text(config.replace(
        "    name: Alby centrum\n", "    name: Alby centrum\n    municipality: alby\n"), encoding="utf-8")
    assert run("--data", str(area), "migrate").exit_code == 0
    assert run("--data", str(area), "migrate", "--check").exit_code == 0


def test_migrate_warns_when_the_roots_ci_pins_a_release_that_cannot_read_the_new_format(
        run, tmp_path) -> None:
    root = tmp_path / "ny"
    assert run("init", str(root), "--name", "Exempelby kommun", "--code", "0999").exit_code == 0
    result = run("--data", str(root), "migrate")
    assert result.exit_code == 0, result.output
    assert (".github/workflows/trygghet.yml installerar trygghet 0.1.0, som inte läser dataformat "
            f"{formats.CURRENT}: flytta pinnen") in " ".join(result.stderr.split())


def test_a_root_of_a_newer_format_is_refused_and_left_alone(run, area) -> None:
    config = area / "trygghet.yaml"
    config.write_text(f"format: {formats.CURRENT + 1}\n" + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    before = config.read_bytes()
    result = run("--data", str(area), "migrate")
    assert result.exit_code == 1
    assert "den här datamappen är skriven för en nyare trygghet" in result.stderr
    assert config.read_bytes() == before


def test_in_english_migrate_says_the_same(run, area) -> None:
    result = run("--data", str(area), "--lang", "en", "migrate", "--check")
    assert result.exit_code == 1
    shown = " ".join(result.stdout.split())
    assert f"The data root is in data format 1; trygghet migrate brings it to {formats.CURRENT}:" in shown
    assert "district 'alby-centrum': municipality: alby, as only documents of Alby kommun name it" in shown


def test_init_writes_the_newest_format_its_pinned_release_reads() -> None:
    assert formats.read_by("0.1.0") == 1  # 0.1.0 refuses the key: init leaves it out
    assert formats.read_by(formats.RELEASES[formats.CURRENT]) == formats.CURRENT
    assert formats.read_by("9.0.0") == formats.CURRENT


def test_once_the_pinned_release_has_migrate_the_ci_files_run_its_check_and_it_passes(
        run, tmp_path, monkeypatch) -> None:
    import subprocess
    import sys

    from ruamel.yaml import YAML

    from trygghet_cli.editing import scaffold

    options = ["--name", "Exempelby kommun", "--code", "0999"]
    assert run("init", str(tmp_path / "pinned-0.1"), *options).exit_code == 0
    assert "migrate" not in (tmp_path / "pinned-0.1" / ".gitlab-ci.yml").read_text(encoding="utf-8")
    monkeypatch.setattr(scaffold, "RELEASE_VERSION", formats.RELEASES[2])
    root = tmp_path / "pinned-0.2"
    assert run("init", str(root), *options).exit_code == 0
    config = (root / "trygghet.yaml").read_text(encoding="utf-8")
    assert config.count(f"\nformat: {formats.read_by('0.2.0')}\n") == 1
    yaml = YAML(typ="safe")
    github = yaml.load((root / ".github/workflows/trygghet.yml").read_text(encoding="utf-8"))
    step = next(s for s in github["jobs"]["validate"]["steps"] if "migrate" in s.get("run", ""))
    assert step == {"name": "Behöver datan migreras?", "continue-on-error": True,
                    "run": "trygghet migrate --check"}
    gitlab = yaml.load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["migrate"] == {"stage": "validate", "allow_failure": True,
                                 "script": ["trygghet migrate --check"]}
    for schema, file in (("vendor.github-workflows", ".github/workflows/trygghet.yml"),
                         ("vendor.gitlab-ci", ".gitlab-ci.yml")):
        done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                               str(root / file)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    # the step on the fresh root: nothing to migrate, and it validates
    assert run("--data", str(root), "migrate", "--check").exit_code == 0
    assert run("--data", str(root), "validate").exit_code == 0
