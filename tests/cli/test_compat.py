"""The compatibility corpus: data roots as each released trygghet wrote them validate under the
current code with no error, and `migrate` brings each to the current format with a minimal diff
that then validates clean (docs/compatibility.md).

Two halves: roots kept as files in tests/compat/RELEASE/ (the bundled data and the test
fixtures as they were at the release commit), and roots that `init` of the release writes,
made here by installing the release commit from this repository as the generated CI installs
it (tests/unit/test_release.py does the same). A new release adds its commit to RELEASES and
its files under tests/compat/ (RELEASING.md).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from trygghet_cli import formats
from trygghet_cli.editing.scaffold import RELEASE_COMMIT

COMPAT = REPO / "tests" / "compat"
# Every release, by the commit init's CI files pin; and 0.1.0 as main had it before its police
# party lost the comma (00ea90f: init wrote 'Polismyndigheten, Lokalpolisområde X').
RELEASES = {"0.1.0": "7e1050856b0029493fbce0355e2491db7782b4df",
            "0.1.0-00ea90f": "00ea90f2eb35546a7add03b3b382ff153ae3b1d3"}
KEPT = sorted(p.parent for p in COMPAT.glob("*/**/trygghet.yaml"))
# What init is told: the name of the root and its options.
INITS = {
    "default": ["--name", "Exempelby kommun", "--code", "0999"],
    "parties": ["--name", "Nyby kommun", "--code", "0998", "--police-area", "Lokalpolisområde Nyby",
                "--district", "norr=Norr", "--district", "Åkers styckebruk",
                "--party", "bostader=Nyby Bostäder AB@foretag",
                "--function", "Fältsekreterare@kommun", "--function", "bovard=Bovärd@bostader"],
    "english": ["--name", "Exampleton Municipality", "--code", "0997", "--lang", "en"],
}
POLICE_WITH_COMMA = "Polismyndigheten, Lokalpolisområde Exempelby"
# The roots each release can write (00ea90f had no --party yet).
MADE = {"0.1.0": [*INITS, "police-comma"], "0.1.0-00ea90f": ["default", "english"]}
CASES = [(release, name) for release, names in MADE.items() for name in names]


def test_the_release_the_generated_ci_pins_is_in_the_corpus() -> None:
    assert RELEASE_COMMIT in RELEASES.values()
    assert {path.relative_to(COMPAT).parts[0] for path in KEPT} <= set(RELEASES)


def _installed(commit: str, folder: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                           "--no-build-isolation", "--no-index", "--disable-pip-version-check",
                           "--target", str(folder), f"git+{REPO.as_uri()}@{commit}"],
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Roots written by `init` of every release in RELEASES (installed from its commit)."""
    roots: dict[str, Path] = {}
    base = tmp_path_factory.mktemp("compat")
    for release, commit in RELEASES.items():
        target = _installed(commit, base / f"tool-{release}")
        env = {**os.environ, "PYTHONPATH": str(target)}
        env.pop("CI", None)
        for name in MADE[release]:
            if name not in INITS:
                continue
            options = INITS[name]
            root = base / release / name
            done = subprocess.run([sys.executable, "-m", "trygghet_cli", "init", str(root), *options],
                                  env=env, capture_output=True, text=True, check=False, timeout=300)
            assert done.returncode == 0, (release, name, done.stderr)
            roots[f"{release}/{name}"] = root
    # The police party as the police write it, put in by hand into a root the release made
    # (0.1.0's init refused the comma that 0.1.0-00ea90f's init wrote itself).
    comma = base / "0.1.0" / "police-comma"
    shutil.copytree(roots["0.1.0/default"], comma)
    config = comma / "trygghet.yaml"
    text = config.read_text(encoding="utf-8")
    assert "    name: Polismyndigheten (lokalpolisområde Exempelby)\n" in text
    config.write_text(text.replace("Polismyndigheten (lokalpolisområde Exempelby)", POLICE_WITH_COMMA),
                      encoding="utf-8")
    roots["0.1.0/police-comma"] = comma
    return roots


def _errors(run, root: Path) -> list[str]:
    import json

    result = run("--data", str(root), "validate", "--format", "json", "--no-cache")
    found = json.loads(result.stdout)["findings"]
    errors = [f"{f['path']}:{f['line']}: {f['code']} {f['message']}" for f in found
              if f["severity"] == "error"]
    assert (result.exit_code == 0) == (not errors), result.stdout
    return errors


def _snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*.yaml")) if ".trygghet-cache" not in p.parts}


def _changed_lines(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Every line migrate removed ('-') or added ('+'), file by file."""
    lines = []
    for name in sorted(after):
        old, new = before.get(name, "").splitlines(), after[name].splitlines()
        for line in difflib.ndiff(old, new):
            if line[:1] in "+-":
                lines.append(f"{name}: {line.rstrip()}")
    return lines


def _migrated(run, root: Path) -> list[str]:
    """Run migrate on a root; assert it then validates clean and needs nothing more; return the
    lines it changed."""
    before = _snapshot(root)
    check = run("--data", str(root), "migrate", "--check")
    assert check.exit_code == (1 if _format(root) < formats.CURRENT else 0), check.output
    assert _snapshot(root) == before  # --check writes nothing
    done = run("--data", str(root), "migrate")
    assert done.exit_code == 0, done.output
    assert run("--data", str(root), "migrate", "--check").exit_code == 0
    assert _errors(run, root) == []
    after = _snapshot(root)
    again = run("--data", str(root), "migrate")
    assert again.exit_code == 0 and _snapshot(root) == after  # a second run changes nothing
    return _changed_lines(before, after)


def _format(root: Path) -> int:
    value, _line, _column = formats.declared((root / "trygghet.yaml").read_bytes())
    return value if isinstance(value, int) else formats.FIRST


@pytest.mark.parametrize(("release", "name"), CASES)
def test_a_root_that_init_of_a_release_wrote_validates_with_no_error(run, written, release,
                                                                      name) -> None:
    assert _errors(run, written[f"{release}/{name}"]) == []


def test_the_site_names_the_police_party_with_a_comma_as_one_party(run, written, tmp_path) -> None:
    for key in ("0.1.0/police-comma", "0.1.0-00ea90f/default"):
        config = (written[key] / "trygghet.yaml").read_text(encoding="utf-8")
        assert POLICE_WITH_COMMA in config, key
        result = run("--data", str(written[key]), "site", "-o", str(tmp_path / key))
        assert result.exit_code == 0, result.output
        index = " ".join((tmp_path / key / "index.html").read_text(encoding="utf-8").split())
        assert f"samverkan mellan Exempelby kommun och {POLICE_WITH_COMMA}." in index, key


@pytest.mark.parametrize(("release", "name"), CASES)
def test_migrate_brings_a_root_init_wrote_to_the_current_format_with_one_line(run, written,
                                                                            tmp_path, release,
                                                                            name) -> None:
    root = tmp_path / "root"
    shutil.copytree(written[f"{release}/{name}"], root)
    assert _migrated(run, root) == [f"trygghet.yaml: + format: {formats.CURRENT}"]


@pytest.mark.parametrize("kept", KEPT, ids=lambda p: p.relative_to(COMPAT).as_posix())
def test_a_root_kept_from_a_release_validates_with_no_error(run, kept, tmp_path) -> None:
    root = tmp_path / "root"
    shutil.copytree(kept, root)
    assert _errors(run, root) == []


@pytest.mark.parametrize("kept", KEPT, ids=lambda p: p.relative_to(COMPAT).as_posix())
def test_migrate_brings_a_kept_root_to_the_current_format_with_a_minimal_diff(run, kept,
                                                                            tmp_path) -> None:
    root = tmp_path / "root"
    shutil.copytree(kept, root)
    changed = _migrated(run, root)
    assert f"trygghet.yaml: + format: {formats.CURRENT}" in changed
    # nothing removed, and nothing added but the format and what a root of several
    # municipalities must now say
    assert all(line.split(": ", 1)[1].startswith("+ ") for line in changed), changed
    allowed = ("+ format: ", "+     municipality: ", "+ municipalities:", "+   - ")
    assert all(line.split(": ", 1)[1].startswith(allowed) for line in changed), changed
