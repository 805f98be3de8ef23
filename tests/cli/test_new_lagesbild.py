"""`trygghet new lagesbild`: a lägesbild to fill in, tied to the current pledges; the hooks check it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests import edit_sequences as es
from trygghet_cli.loading import load_bytes, load_path
from trygghet_cli.root import repository

REPO = Path(__file__).parent.parent.parent


@pytest.fixture
def fresh(run, tmp_path: Path) -> Path:
    root = tmp_path / "exempelby"
    es.fresh(root, run)
    return root


def test_a_new_lagesbild_holds_what_is_known_and_ties_the_current_pledges_to_it(run, fresh) -> None:
    pledges = fresh / "pledges" / "2026-2027.yaml"
    before = pledges.read_bytes()
    result = run("--data", str(fresh), "new", "lagesbild", "--date", "2026-10-07")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Skapade lägesbild lb-2026-10-07 i situation/2026-10-07.yaml: fyll i kartläggningen, den "
        "andra informationen och analysen",
        "Medborgarlöftena ml-2026-2027 bygger nu på lb-2026-10-07 (situation: i deras fil)"]
    path = fresh / "situation" / "2026-10-07.yaml"
    document = load_path(path).document
    assert document is not None
    assert document.data == {"id": "lb-2026-10-07", "date": "2026-10-07",
                             "title": "Lägesbild Exempelby kommun, 7 oktober 2026",
                             "compiled_by": ["kommun", "polis"]}
    text = path.read_text(encoding="utf-8")
    for part in ("1. en kartläggning av brottsligheten, dess omfattning och konsekvenser",
                 "2. annan relevant information", "3. en analys av kartläggningen",
                 "# problems:", "#   indicators:", "#   1. Vi genomför trygghetsvandringar i alla",
                 "Medborgarlöftena ml-2026-2027 (2026–2027) bygger nu på den här lägesbilden"):
        assert part in text
    assert all(len(line) <= 80 for line in text.splitlines())
    old, new = es.lines_of(before), es.lines_of(pledges.read_bytes())
    first, old_end, new_end = es.changed_window(old, new)
    assert (old_end - first, new[first:new_end]) == (0, [b"situation: lb-2026-10-07\n"])
    assert run("--data", str(fresh), "fmt", "--check").exit_code == 0
    assert not repository.load(fresh).errors()


def test_the_commented_parts_filled_in_make_a_valid_lagesbild(run, fresh) -> None:
    assert run("--data", str(fresh), "new", "lagesbild", "--date", "2026-10-07").exit_code == 0
    path = fresh / "situation" / "2026-10-07.yaml"
    # Uncomment every example line (a key, or an indented key or list item), fill the
    # placeholders with real-looking values, and leave out the source (none is defined).
    example = re.compile(r"# ( *)(- )?[a-z_]+:( |$)")
    lines = [line[2:] if example.match(line) else line
             for line in path.read_text(encoding="utf-8").splitlines() if "källans-id" not in line]
    filled = "\n".join(lines).replace("ÅÅÅÅ-MM-DD", "2026-01-01").replace('"ÅÅÅÅ-MM"', '"2026-05"') \
        .replace('"ÅÅÅÅ"', '"2025"') + "\n"
    document = load_bytes(filled.encode("utf-8"), "lagesbild.yaml").document
    assert document is not None, filled
    assert set(document.data) >= {"covers", "mapping", "other_information", "analysis", "problems"}
    loaded = repository.load(fresh, {path: filled.encode("utf-8")})
    assert not loaded.errors(), [f.message for f in loaded.errors()]


def test_english_comments_and_the_english_name_of_the_command(run, fresh) -> None:
    result = run("--data", str(fresh), "--lang", "en", "new", "situation", "--date", "2026-10-08",
                 "--no-link")
    assert result.exit_code == 0, result.output
    text = (fresh / "situation" / "2026-10-08.yaml").read_text(encoding="utf-8")
    assert "2. other relevant information (other_information), and" in text
    assert "name no lägesbild yet; write\n# situation: lb-2026-10-08 in pledges/2026-2027.yaml" in text
    assert "situation:" not in (fresh / "pledges" / "2026-2027.yaml").read_text(encoding="utf-8")


def test_a_lagesbild_for_a_day_that_has_one_is_refused_and_nothing_written(run, fresh) -> None:
    assert run("--data", str(fresh), "new", "lagesbild", "--date", "2026-10-07").exit_code == 0
    pledges = (fresh / "pledges" / "2026-2027.yaml").read_bytes()
    again = run("--data", str(fresh), "new", "lagesbild", "--date", "2026-10-07")
    assert again.exit_code == 2
    assert again.stderr.splitlines()[0] == "trygghet: situation/2026-10-07.yaml finns redan"
    assert (fresh / "pledges" / "2026-2027.yaml").read_bytes() == pledges


def test_init_and_the_generated_readme_explain_situation(run, tmp_path) -> None:
    result = run("init", str(tmp_path / "k"), "--name", "Exempelby kommun", "--code", "0999")
    assert result.exit_code == 0, result.output
    assert "situation/ är för lägesbilden: trygghet new lagesbild gör en att fylla i.\n" in result.stdout
    readme = (tmp_path / "k" / "README.md").read_text(encoding="utf-8")
    assert "    situation/          lägesbilderna: kartläggningen av brottsligheten" in readme
    assert "## Lägesbilden" in readme and "    trygghet new lagesbild" in readme


def _hook_config(folder: Path, files: str) -> Path:
    """The validate hook as the manifest defines it, run from this environment (no download)."""
    manifest = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in manifest if h["id"] == "trygghet-validate")
    entry = hook["entry"].replace("trygghet", f"{sys.executable} -m trygghet_cli", 1)
    config = folder.parent / "hooks.yaml"
    config.write_text(f"repos:\n  - repo: local\n    hooks:\n      - id: {hook['id']}\n"
                      f"        name: {hook['name']}\n        entry: {entry}\n"
                      f"        language: system\n        files: {files}\n"
                      "        require_serial: true\n", encoding="utf-8")
    return config


def test_a_broken_lagesbild_fails_the_pre_commit_hook(run, tmp_path) -> None:
    root = tmp_path / "k"
    assert run("init", str(root), "--name", "Exempelby kommun", "--code", "0999").exit_code == 0
    assert run("--data", str(root), "new", "lagesbild", "--date", "2026-10-07").exit_code == 0
    generated = YAML(typ="safe").load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    manifest = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    patterns = {h["files"] for h in manifest} | {h["files"] for h in generated["repos"][0]["hooks"]}
    assert len(patterns) == 1
    config = _hook_config(root, patterns.pop())
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit")}
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--config", str(config),
                               "--files", "situation/2026-10-07.yaml"], cwd=root, env=env,
                              capture_output=True, text=True, check=False)

    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    lagesbild = root / "situation" / "2026-10-07.yaml"
    lagesbild.write_text(lagesbild.read_text(encoding="utf-8").replace("date: 2026-10-07",
                                                                       "date: 2026-13-07"),
                         encoding="utf-8")
    failed = hook()
    assert failed.returncode == 1
    assert "situation/2026-10-07.yaml:" in failed.stdout and "TRY205" in failed.stdout
