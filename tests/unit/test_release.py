"""Release files: one version, a changelog entry for it, and init's pin of the release: a
commit of this repository that pip installs and that runs what the CI files run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from ruamel.yaml import YAML

from trygghet_cli import __version__
from trygghet_cli.editing.scaffold import RELEASE_COMMIT, RELEASE_VERSION

TOP = Path(__file__).resolve().parents[2]


def test_the_version_has_one_source() -> None:
    project = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/trygghet_cli/__init__.py"


def test_the_changelog_has_a_section_for_the_version() -> None:
    changelog = (TOP / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", changelog, re.MULTILINE), (
        f"CHANGELOG.md has no '## [{__version__}]' section: see RELEASING.md")


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(TOP), *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def test_the_pin_is_a_commit_of_mains_history_with_that_version() -> None:
    assert re.fullmatch(r"[0-9a-f]{40}", RELEASE_COMMIT), "pin the full commit id (RELEASING.md)"
    assert _git("cat-file", "-t", RELEASE_COMMIT).strip() == "commit"
    # An ancestor of what is tested: every clone of main has it.
    _git("merge-base", "--is-ancestor", RELEASE_COMMIT, "HEAD")
    source = _git("show", f"{RELEASE_COMMIT}:src/trygghet_cli/__init__.py")
    assert f'__version__ = "{RELEASE_VERSION}"' in source


def test_the_readme_the_hooks_file_and_a_new_root_pin_the_release(run, tmp_path) -> None:
    for name in ("docs/manual.md", ".pre-commit-hooks.yaml"):
        text = (TOP / name).read_text(encoding="utf-8")
        pins = set(re.findall(r"^[ #]*rev: (\S+)", text, re.MULTILINE))  # YAML lines, not prose
        assert pins == {RELEASE_COMMIT}, f"{name} pins {pins}: see RELEASING.md step 6"
    target = tmp_path / "root"
    result = run("init", str(target), "--name", "Exempelby kommun", "--code", "0999",
                 "--police-area", "Lokalpolisområde Exempel", "--tool-repo", "https://git.example.org/t")
    assert result.exit_code == 0, result.stderr
    config = YAML(typ="safe").load((target / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["rev"] == RELEASE_COMMIT
    hooks = YAML(typ="safe").load(_git("show", f"{RELEASE_COMMIT}:.pre-commit-hooks.yaml"))
    assert {h["id"] for h in config["repos"][0]["hooks"]} <= {h["id"] for h in hooks}


def test_the_ci_files_install_the_pinned_release_from_this_repository_and_it_runs(
        run, tmp_path) -> None:
    """The install line of each CI file, with this repository as the tool's home, run by pip
    (offline: the build backend is the test environment's); the installed release then does
    what the GitHub workflow does on a fresh root."""
    root = tmp_path / "root"
    assert run("init", str(root), "--name", "Exempelby kommun", "--code", "0999",
               "--tool-repo", TOP.as_uri()).exit_code == 0
    yaml = YAML(typ="safe")
    workflow = yaml.load((root / ".github/workflows/trygghet.yml").read_text(encoding="utf-8"))
    gitlab = yaml.load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    wanted = f"git+{TOP.as_uri()}@{RELEASE_COMMIT}"
    assert workflow["env"]["TRYGGHET_INSTALL"] == wanted
    assert gitlab["default"]["before_script"] == [f'pip install --quiet "{wanted}"']
    target = tmp_path / "installed"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                           "--no-build-isolation", "--no-index", "--disable-pip-version-check",
                           "--target", str(target), wanted],
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("CI", None)

    def installed(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "trygghet_cli", *args], cwd=root, env=env,
                              capture_output=True, text=True, check=False, timeout=300)

    origin = subprocess.run([sys.executable, "-c", "import trygghet_cli; print(trygghet_cli.__file__)"],
                            env=env, capture_output=True, text=True, check=True).stdout
    assert origin.startswith(str(target)), origin
    assert installed("--version").stdout == f"trygghet {RELEASE_VERSION}\n"
    checked = installed("validate", "--format", "github")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = installed("site", "-o", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "index.html").is_file()
