"""`trygghet init`: a fresh data root that validates, CI files whose commands exist, no overwrite."""

from __future__ import annotations

import enum
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO
from trygghet_cli.cli import app, init_cmd

CI_FILES = [".github/workflows/trygghet.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"]
# Commands the generated CI files call that other work in progress adds to trygghet, listed by
# name until they exist; the test below fails for any other missing command. All exist now.
PENDING_COMMANDS: set[str] = set()


def _init(run, folder: Path, *extra: str):
    return run("init", str(folder), "--name", "Exempelby kommun", "--code", "0999", *extra)


def _commands() -> dict[str, Any]:
    """Every registered command path ('validate', 'import activities') and its click command."""
    import typer.main

    found: dict[str, Any] = {}

    def walk(prefix: str, group: Any) -> None:
        for name, sub in getattr(group, "commands", {}).items():
            path = f"{prefix} {name}".strip()
            found[path] = sub
            walk(path, sub)

    walk("", typer.main.get_command(app))
    return found


def _shell_strings(node: Any) -> list[str]:
    """The shell lines of a CI or pre-commit file: run, script, before_script and entry values."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"run", "script", "before_script", "entry"}:
                found.extend([value] if isinstance(value, str) else list(value))
            else:
                found.extend(_shell_strings(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_shell_strings(item))
    return found


def _invocations(text: str) -> list[list[str]]:
    """The argument lists of every `trygghet ...` call in a shell line (up to a pipe or redirect)."""
    calls = []
    for match in re.finditer(r"(?:^|[\s;&|(])trygghet\s+([^|;&>\n]*)", text):
        words = shlex.split(match.group(1).replace("${{", "{").replace("}}", "}"))
        calls.append(words)
    return calls


def _choices(param: Any) -> set[str]:
    """The values an option accepts when it is a choice (typer enum or click Choice)."""
    descriptor = getattr(param, "type_descriptor", None)
    kind = getattr(descriptor, "annotation", None)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {str(member.value) for member in kind}
    return {str(c) for c in getattr(getattr(param, "type", None), "choices", None) or []}


def _check_call(words: list[str], commands: dict[str, Any]) -> str | None:
    """None when the call names a registered command with known options, else the command name."""
    path = words[0]
    if len(words) > 1 and f"{path} {words[1]}" in commands:
        path = f"{path} {words[1]}"
    command = commands.get(path)
    if command is None:
        return path
    params = {opt: param for param in command.params for opt in param.opts}
    used = {word.split("=")[0] for word in words if word.startswith("-")}
    assert used <= set(params), f"trygghet {path}: unknown options {sorted(used - set(params))}"
    for word, value in zip(words, words[1:], strict=False):
        if word in params:
            choices = _choices(params[word])
            assert not choices or value in choices, f"trygghet {path} {word} {value}: not a choice"
    return None


def test_fresh_root_from_init_passes_validate(run, tmp_path) -> None:
    folder = tmp_path / "kommundata"
    result = _init(run, folder)
    assert result.exit_code == 0, result.output
    check = run("--data", str(folder), "validate")
    assert check.exit_code == 0, check.output
    assert "Allt stämmer" in check.stdout


def test_init_creates_config_folders_readme_and_ci_files(run, tmp_path) -> None:
    assert _init(run, tmp_path / "ny").exit_code == 0
    for relative in ["trygghet.yaml", "README.md", *CI_FILES, "agreements/.gitkeep",
                     "pledges/.gitkeep", "activities/.gitkeep"]:
        assert (tmp_path / "ny" / relative).is_file(), relative
    readme = (tmp_path / "ny" / "README.md").read_text(encoding="utf-8")
    assert "Exempelby kommun" in readme and "trygghet validate" in readme


def test_districts_and_functions_from_options_validate(run, tmp_path) -> None:
    folder = tmp_path / "ny"
    result = _init(run, folder, "--district", "Norr", "--district", "aker=Åkers styckebruk",
                   "--function", "faltare=Fältare@kommun", "--function", "Områdespolis@polis",
                   "--police-area", "Lokalpolisområde Exempel: Norr", "--lang", "en")
    assert result.exit_code == 0, result.output
    config = YAML(typ="safe").load((folder / "trygghet.yaml").read_text(encoding="utf-8"))
    assert [d["id"] for d in config["districts"]] == ["norr", "aker"]
    assert [(f["id"], f["party"]) for f in config["functions"]] == [
        ("faltare", "kommun"), ("omradespolis", "polis")]
    assert config["language"] == "en" and config["municipality"]["code"] == "0999"
    assert run("--data", str(folder), "validate").exit_code == 0


def test_init_refuses_an_existing_data_root_and_changes_nothing(run, tmp_path) -> None:
    folder = tmp_path / "ny"
    assert _init(run, folder).exit_code == 0
    before = (folder / "trygghet.yaml").read_bytes()
    again = run("init", str(folder), "--name", "Annan kommun", "--code", "0123")
    assert again.exit_code == 2
    assert "är redan en datamapp" in again.stderr
    assert (folder / "trygghet.yaml").read_bytes() == before


def test_init_keeps_an_existing_readme(run, tmp_path) -> None:
    (tmp_path / "README.md").write_text("# vårt förråd\n", encoding="utf-8")
    result = _init(run, tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# vårt förråd\n"
    assert "README.md" in result.stderr


@pytest.mark.parametrize("bad", [["--code", "486"], ["--district", "Ö=Norr"],
                                 ["--function", "x=X@brandkår"], ["--district", "kommun=Kommun"]])
def test_init_rejects_bad_options_with_a_usage_error(run, tmp_path, bad) -> None:
    args = ["init", str(tmp_path / "ny"), "--name", "Exempelby kommun", "--code", "0999", *bad]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "ny" / "trygghet.yaml").exists()


def test_missing_name_without_a_terminal_is_a_usage_error(run, tmp_path) -> None:
    result = run("init", str(tmp_path / "ny"), "--code", "0999")
    assert result.exit_code == 2
    assert "--name" in result.stderr


def test_missing_options_are_asked_for_in_a_terminal(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(init_cmd, "interactive", lambda: True)
    # name, a bad kommunkod and a good one, the police area's default, no further party, no function
    result = run("init", str(tmp_path / "ny"), input="Exempelby kommun\n12345\n0999\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "fyra siffror, till exempel 0486" in result.output  # a bad kommunkod is asked again
    text = (tmp_path / "ny" / "trygghet.yaml").read_text(encoding="utf-8")
    assert "Exempelby kommun" in text and "Lokalpolisområde Exempelby" in text


def test_generated_ci_files_are_valid_yaml_and_call_only_existing_commands(run, tmp_path) -> None:
    assert _init(run, tmp_path / "ny").exit_code == 0
    commands = _commands()
    missing: set[str] = set()
    called = 0
    for relative in CI_FILES:
        data = YAML(typ="safe").load((tmp_path / "ny" / relative).read_text(encoding="utf-8"))
        for line in _shell_strings(data):
            for words in _invocations(line):
                called += 1
                name = _check_call(words, commands)
                if name:
                    missing.add(name)
    assert called == 6  # validate, diff and the site in each of the two CI files
    assert missing <= PENDING_COMMANDS, f"CI files call commands that do not exist: {missing}"


def test_repository_pre_commit_hooks_call_existing_commands() -> None:
    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"trygghet-validate", "trygghet-fmt"}
    commands = _commands()
    for hook in hooks:
        assert re.search(hook["files"], "activities/2024-2025.yaml")
        assert re.search(hook["files"], "data/trygghet.yaml")
        assert not re.search(hook["files"], "README.md")
        missing = _check_call(shlex.split(hook["entry"])[1:], commands)
        assert missing is None or missing in PENDING_COMMANDS


def test_generated_pre_commit_config_uses_this_repositorys_hooks(run, tmp_path) -> None:
    assert _init(run, tmp_path / "ny", "--tool-repo", "https://git.example.org/trygghet").exit_code == 0
    text = (tmp_path / "ny" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    repos = YAML(typ="safe").load(text)["repos"]
    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert repos[0]["repo"] == "https://git.example.org/trygghet"
    assert {h["id"] for h in repos[0]["hooks"]} <= {h["id"] for h in hooks}


def test_github_workflow_validates_comments_and_publishes(run, tmp_path) -> None:
    assert _init(run, tmp_path / "ny").exit_code == 0
    text = (tmp_path / "ny" / ".github/workflows/trygghet.yml").read_text(encoding="utf-8")
    workflow = YAML(typ="safe").load(text)
    assert set(workflow["on"]) == {"push", "pull_request"}
    assert "trygghet validate --format github" in text
    assert 'trygghet diff --git "origin/${{ github.base_ref }}..HEAD" --format markdown' in text
    assert "gh pr comment" in text and "actions/deploy-pages" in text
    assert workflow["jobs"]["diff"]["if"] == "github.event_name == 'pull_request'"


def test_gitlab_ci_reports_junit_and_publishes_pages(run, tmp_path) -> None:
    assert _init(run, tmp_path / "ny").exit_code == 0
    ci = YAML(typ="safe").load((tmp_path / "ny" / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ci["validate"]["artifacts"]["reports"]["junit"] == "trygghet-validate.xml"
    assert "--format junit" in ci["validate"]["script"][0]
    assert ci["diff"]["artifacts"]["paths"] == ["trygghet-diff.md"]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert ci["workflow"]["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'


def test_fresh_root_is_already_in_fmt_layout(run, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "ny"
    result = _init(run, folder, "--district", "12", "--district", "ja=yes",
                   "--police-area", "Lokalpolisområde Exempel: Norr")
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(folder)
    check = run("fmt", "--check")
    assert check.exit_code == 0, check.output
    assert run("validate").exit_code == 0


def test_pre_commit_accepts_the_hook_manifest_and_the_generated_config(run, tmp_path) -> None:
    import subprocess
    import sys

    assert _init(run, tmp_path / "ny").exit_code == 0
    for command, file in (("validate-manifest", REPO / ".pre-commit-hooks.yaml"),
                          ("validate-config", tmp_path / "ny" / ".pre-commit-config.yaml")):
        done = subprocess.run([sys.executable, "-m", "pre_commit", command, str(file)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def _publish_scripts(folder: Path) -> dict[str, tuple[str, str]]:
    """The report-publishing shell script of each CI file, and the folder it publishes."""
    yaml = YAML(typ="safe")
    github = yaml.load((folder / ".github/workflows/trygghet.yml").read_text(encoding="utf-8"))
    step = next(s for s in github["jobs"]["site"]["steps"] if "trygghet site" in s.get("run", ""))
    gitlab = yaml.load((folder / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return {"github": (step["run"], "runner-temp/site"),
            "gitlab": ("\n".join(gitlab["pages"]["script"]), "public")}


def _shim(tmp_path: Path) -> dict[str, str]:
    """An environment whose `trygghet` is this checkout's CLI."""
    import os
    import sys

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "trygghet"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m trygghet_cli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": str(REPO / "src"), "RUNNER_TEMP": "runner-temp"}


def test_publish_scripts_run_on_a_fresh_root_and_write_an_index(run, tmp_path) -> None:
    import subprocess

    folder = tmp_path / "ny"
    assert _init(run, folder).exit_code == 0
    for name, (script, site) in _publish_scripts(folder).items():
        done = subprocess.run(["bash", "-e", "-c", script], cwd=folder, env=_shim(tmp_path),
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, name + done.stderr
        index = (folder / site / "index.html").read_text(encoding="utf-8")
        assert index.startswith("<!DOCTYPE html>") and "Exempelby kommun" in index, name
        assert (folder / site / "oppna-data" / "dcat.jsonld").is_file(), name


def test_publish_scripts_write_the_site_of_the_bundled_data(run, tmp_path, bundled_copy) -> None:
    import subprocess

    assert _init(run, tmp_path / "ny").exit_code == 0
    for name, (script, site) in _publish_scripts(tmp_path / "ny").items():
        done = subprocess.run(["bash", "-e", "-c", script], cwd=bundled_copy, env=_shim(tmp_path),
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, name + done.stderr
        pages = {p.name for p in (bundled_copy / site).glob("*.html")}
        assert {"index.html", "loften-ml-2024-2025.html", "aktiviteter-al-2024-2025.html",
                "overenskommelse-so-2023-2026.html", "tillganglighet.html"} <= pages, name
        index = (bundled_copy / site / "index.html").read_text(encoding="utf-8")
        assert 'href="loften-ml-2024-2025.html"' in index


def test_ci_files_follow_the_github_and_gitlab_schemas(run, tmp_path) -> None:
    import subprocess
    import sys

    assert _init(run, tmp_path / "ny").exit_code == 0
    for schema, file in (("vendor.github-workflows", ".github/workflows/trygghet.yml"),
                         ("vendor.gitlab-ci", ".gitlab-ci.yml")):
        done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                               str(tmp_path / "ny" / file)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
