"""Release files: one version, a changelog entry for it, and init's pins naming its tag."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from trygghet_cli import __version__

TOP = Path(__file__).resolve().parents[2]


def test_the_version_has_one_source() -> None:
    project = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/trygghet_cli/__init__.py"


def test_the_changelog_has_a_section_for_the_version() -> None:
    changelog = (TOP / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", changelog, re.MULTILINE), (
        f"CHANGELOG.md has no '## [{__version__}]' section: see RELEASING.md")


def test_the_readme_and_the_hooks_file_pin_the_current_tag() -> None:
    tag = f"v{__version__}"
    for name in ("README.md", ".pre-commit-hooks.yaml"):
        pins = set(re.findall(r"rev: (v\d+\.\d+\.\d+)", (TOP / name).read_text(encoding="utf-8")))
        assert pins == {tag}, f"{name} pins {pins}, not {tag}: see RELEASING.md step 3"


def test_init_pins_the_current_tag(run, tmp_path) -> None:
    target = tmp_path / "root"
    result = run("init", str(target), "--name", "Exempelby kommun", "--code", "0999",
                 "--police-area", "Lokalpolisområde Exempel", "--tool-repo", "https://git.example.org/t")
    assert result.exit_code == 0, result.stderr
    config = (target / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: v{__version__}" in config
