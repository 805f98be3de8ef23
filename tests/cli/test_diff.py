"""`trygghet diff`: periods of the bundled data (golden files) and revisions of a real git repo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from tests.gitrepo import GitRepo

GOLDEN = Path(__file__).parent.parent / "golden" / "diff"
MANUAL = Path(__file__).parent.parent.parent / "docs" / "manual.md"
PERIODS = [("pledges", "2022-2023", "2024-2025"), ("agreements", "2020-2023", "2023-2026"),
           ("activities", "2019", "2020"), ("activities", "2020", "2021")]
SUFFIX = {"text": "txt", "json": "json", "markdown": "md"}


def _golden(name: str, output: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run pytest --update-golden and review it"
    assert output == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", list(SUFFIX))
@pytest.mark.parametrize(("subject", "old", "new"), PERIODS)
def test_bundled_periods_match_their_golden_files(run, update_golden, subject, old, new,
                                                  fmt) -> None:
    result = run("--data", str(BUNDLED), "diff", subject, old, new, "--format", fmt)
    assert result.exit_code == 0, result.output
    _golden(f"{subject}-{old}-{new}.{SUFFIX[fmt]}", result.stdout, update_golden)


def test_english_output_matches_its_golden_file(run, update_golden) -> None:
    result = run("--data", str(BUNDLED), "--lang", "en", "diff", "activities", "2020", "2021")
    _golden("activities-2020-2021.en.txt", result.stdout, update_golden)
    assert "status: unknown → done" in result.stdout


def test_text_output_fits_80_columns(run) -> None:
    for subject, old, new in PERIODS:
        result = run("--data", str(BUNDLED), "diff", subject, old, new)
        too_wide = [line for line in result.stdout.splitlines() if len(line) > 80]
        assert too_wide == [], too_wide
        assert "\x1b[" not in result.stdout


def test_periods_can_be_named_by_file_stem_id_or_label(run) -> None:
    by_stem = run("--data", str(BUNDLED), "diff", "pledges", "2022-2023", "2024-2025")
    by_other = run("--data", str(BUNDLED), "diff", "pledges", "ml-2022-2023", "2024–2025")
    assert by_stem.stdout == by_other.stdout
    lists = run("--data", str(BUNDLED), "diff", "activities", "al-2019", "2020", "-f", "json")
    assert json.loads(lists.stdout)["old"] == "Aktiviteter för medborgarlöftet 2019"


def test_an_unknown_period_is_a_usage_error_that_names_the_known_ones(run) -> None:
    result = run("--data", str(BUNDLED), "diff", "pledges", "2022-2023", "1999")
    assert result.exit_code == 2
    assert "det finns ingen period '1999'" in result.stderr and "2024-2025" in result.stderr


def test_a_lower_threshold_pairs_less_alike_texts(run) -> None:
    strict = run("--data", str(BUNDLED), "diff", "pledges", "2022-2023", "2024-2025", "-f", "json")
    loose = run("--data", str(BUNDLED), "diff", "pledges", "2022-2023", "2024-2025", "-f", "json",
                "--threshold", "0.35")
    assert json.loads(strict.stdout)["summary"]["changed"] == 1
    paired = [c for c in json.loads(loose.stdout)["changes"] if c["matched_by"] == "text"]
    assert paired and all(c["similarity"] >= 0.35 for c in paired)
    assert run("--data", str(BUNDLED), "diff", "pledges", "a", "b", "--threshold", "2").exit_code == 2


REFORMATTED_PLEDGES = """\
# Samma löften, annan form: flödesstil, andra citattecken, radbrytningar och kommentarer.
id: "ml-2024-2025"
title: 'Medborgarlöften 2024–2025'
period: {start: 2024-01-01, end: "2025-12-31"}
agreement: so-2024-2027
parties:
- kommun   # kommunen först
- polis
signed: {date: "2024-02"}
situation_picture:
  summary: >
    Relativt tryggt, men oro
    för unga i centrum.
pledges:
- id: ml-1
  text: "Vi ökar vuxennärvaron där unga vistas."
  parties: [kommun, polis]
  areas: [pa-unga]
- {id: ml-2, text: Vi gör trafiken tryggare., parties: [polis], areas: [pa-trafik]}
"""


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "repo")


def _diff(run, repo: GitRepo, *args: str):  # noqa: ANN202
    return run("--data", str(repo.root), "diff", *args)


def _reorder_activities(repo: GitRepo) -> None:
    path = repo.root / "activities/2024-2025.yaml"
    head, first, second = path.read_text(encoding="utf-8").replace(
        "  - id: a-2", "\0  - id: a-2").replace("  - id: a-1", "\0  - id: a-1").split("\0")
    path.write_text(head + second.rstrip("\n") + "\n" + first, encoding="utf-8")


def test_a_status_change_shows_the_transition_grouped_under_its_pledge(run, repo) -> None:
    repo.edit("activities/2024-2025.yaml", "status: ongoing", "status: done\n    completed: 2025-05-01")
    repo.commit("a-2 done")
    result = _diff(run, repo, "--git", "HEAD~1..HEAD")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == ["trygghet diff: HEAD~1 → HEAD",
                         "nya: 0, borttagna: 0, ändrade: 1, oförändrade: 9; statusändringar: 1"]
    pledge_at = lines.index("Löfte ml-2: Vi gör trafiken tryggare.")
    assert lines[pledge_at + 1:pledge_at + 4] == [
        "  ~ aktivitet a-2: Hastighetskontroller", "      status: pågår → klar",
        "      slutförd: — → 2025-05-01"]
    body = json.loads(_diff(run, repo, "--git", "HEAD~1..HEAD", "-f", "json").stdout)
    [change] = body["changes"]
    assert (change["pledge"], change["group"]) == ("ml-2", "ml-2024-2025")
    assert [(f["field"], f["old"], f["new"]) for f in change["fields"]][0] == ("status", "ongoing", "done")


def test_a_reworded_pledge_is_one_changed_pledge_with_a_word_diff(run, repo) -> None:
    repo.edit("pledges/2024-2025.yaml", "Vi gör trafiken tryggare.",
              "Vi gör trafiken tryggare för barn och äldre.")
    repo.commit("reword")
    result = _diff(run, repo, "--git", "HEAD~1..HEAD")
    assert "nya: 0, borttagna: 0, ändrade: 1" in result.stdout
    assert "text: Vi gör trafiken [-tryggare.-] {+tryggare för barn och äldre.+}" in result.stdout


def test_target_and_outcome_changes_are_shown_field_by_field(run, repo) -> None:
    repo.edit("activities/2024-2025.yaml", "value: 4\n", "value: 6\n")
    repo.edit("activities/2024-2025.yaml", "          - value: 5\n",
              "          - value: 2\n            date: 2024-06-30\n            kind: interim\n"
              "            source: src-uppfoljning\n          - value: 5\n")
    repo.commit("targets")
    result = _diff(run, repo, "--git", "HEAD~1..HEAD")
    # Field names and coded values in words, no path notation (issue 24).
    assert "mål t1, värde: 4 → 6" in result.stdout
    assert ("mål t1, utfall:\n        + värde: 2; datum: 2024-06-30; typ: delrapport; källa: "
            "src-uppfoljning") in result.stdout


def test_reordering_entries_is_no_difference(run, repo) -> None:
    _reorder_activities(repo)
    repo.edit("activities/2024-2025.yaml", "parties: [kommun, polis]", "parties: [polis, kommun]")
    repo.commit("reorder")
    assert (repo.root / "activities/2024-2025.yaml").read_text(encoding="utf-8").index("a-2") < (
        repo.root / "activities/2024-2025.yaml").read_text(encoding="utf-8").index("a-1")
    result = _diff(run, repo, "--git", "HEAD~1..HEAD", "--exit-code")
    assert (result.exit_code, result.stdout) == (0, "trygghet diff: HEAD~1 → HEAD\ninga skillnader\n")


def test_reformatting_a_file_and_editing_comments_is_no_difference(run, repo) -> None:
    repo.write("pledges/2024-2025.yaml", REFORMATTED_PLEDGES)
    repo.commit("reformat")
    assert repo.git("diff", "--stat", "HEAD~1", "HEAD")
    assert run("--data", str(repo.root), "validate").exit_code == 0
    result = _diff(run, repo, "--git", "HEAD~1..HEAD", "--exit-code", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["changes"] == []


def test_only_base_compares_it_with_the_working_tree_uncommitted_changes_included(run, repo) -> None:
    repo.edit("activities/2024-2025.yaml", "title: Hastighetskontroller", "title: Fartkontroller")
    against_tree = _diff(run, repo, "--git", "HEAD")
    assert "HEAD → arbetskopian" in against_tree.stdout
    assert "titel: Hastighetskontroller → Fartkontroller" in against_tree.stdout
    assert "inga skillnader" in _diff(run, repo, "--git", "HEAD..HEAD").stdout
    assert _diff(run, repo).stdout == against_tree.stdout


def test_exit_code_is_1_with_differences_and_0_without(run, repo) -> None:
    repo.edit("activities/2024-2025.yaml", "status: ongoing", "status: delayed\n    reason: sjukdom")
    assert _diff(run, repo, "--git", "HEAD", "--exit-code").exit_code == 1
    assert _diff(run, repo, "--git", "HEAD").exit_code == 0
    assert _diff(run, repo, "--git", "HEAD..HEAD", "--exit-code").exit_code == 0
    periods = run("--data", str(BUNDLED), "diff", "pledges", "2022-2023", "2022-2023", "--exit-code")
    assert (periods.exit_code, periods.stdout.splitlines()[1]) == (0, "inga skillnader")


def test_a_file_invalid_at_one_revision_is_reported_and_the_rest_compared(run, repo) -> None:
    repo.edit("activities/2024-2025.yaml", "status: ongoing", "statu: ongoing")
    repo.edit("pledges/2024-2025.yaml", "Vi gör trafiken tryggare.", "Vi gör trafiken säkrare.")
    repo.commit("broken activities")
    result = _diff(run, repo, "--git", "HEAD~1..HEAD")
    assert result.exit_code == 0, result.output
    assert "Inte jämförda (ogiltiga i någon version):\n  - activities/2024-2025.yaml" in result.stdout
    assert "HEAD:data/activities/2024-2025.yaml:32:5: TRY201 activity a-2: unknown key" in result.stdout
    assert "~ löfte ml-2" in result.stdout and "aktivitet" not in result.stdout


def test_markdown_starts_with_a_summary_line_and_folds_the_details(run, repo, update_golden) -> None:
    repo.edit("activities/2024-2025.yaml", "status: ongoing", "status: done\n    completed: 2025-05-01")
    repo.edit("pledges/2024-2025.yaml", "Vi gör trafiken tryggare.",
              "Vi gör trafiken tryggare för barn och äldre.")
    repo.commit("done and reworded")
    result = _diff(run, repo, "--git", "HEAD~1..HEAD", "--format", "markdown")
    first, rest = result.stdout.split("\n", 1)
    assert first == ("**trygghet diff** `HEAD~1` → `HEAD`: nya: 0, borttagna: 0, ändrade: 2, "
                     "oförändrade: 8; statusändringar: 1")
    assert rest.startswith("\n<details>\n<summary>")
    _golden("git-status-and-reword.md", result.stdout, update_golden)
    text = _diff(run, repo, "--git", "HEAD~1..HEAD").stdout
    shown_in_manual = "".join(f"    {line}\n" if line else "\n" for line in text.splitlines())
    assert shown_in_manual in MANUAL.read_text(encoding="utf-8")


def test_a_data_root_at_the_top_of_the_repository_works_too(run, tmp_path) -> None:
    repo = GitRepo(tmp_path / "top", sub="")
    repo.edit("agreements/2024-2027.yaml", "id: pa-trafik", "id: pa-trafiken")
    repo.commit("area id")
    body = json.loads(_diff(run, repo, "--git", "HEAD~1..HEAD", "-f", "json").stdout)
    assert [(c["entity"], c["old_id"], c["new_id"]) for c in body["changes"]][0] == (
        "area", "pa-trafik", "pa-trafiken")


def test_an_unknown_revision_exits_with_a_usage_error(run, repo) -> None:
    result = _diff(run, repo, "--git", "origin/main..HEAD")
    assert result.exit_code == 2
    assert "okänd revision: 'origin/main'" in result.stderr and "Traceback" not in result.output


def test_a_data_root_outside_git_exits_with_a_usage_error(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "diff", "--git", "HEAD")
    assert result.exit_code == 2
    assert "ligger inte i ett git-repo" in result.stderr


def test_git_and_periods_together_is_a_usage_error(run, repo) -> None:
    assert _diff(run, repo, "pledges", "a", "b", "--git", "HEAD").exit_code == 2


def test_the_manual_shows_a_workflow_that_comments_the_markdown_diff_on_pull_requests() -> None:
    from ruamel.yaml import YAML

    readme = MANUAL.read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in readme.split("```yaml\n")[1:]]
    [workflow] = [YAML(typ="safe").load(b) for b in blocks if "trygghet diff --git" in b]
    assert "pull_request" in str(workflow["on"])
    steps = [s.get("run", "") for s in workflow["jobs"]["diff"]["steps"]]
    diff_step = next(s for s in steps if "trygghet diff" in s)
    assert 'trygghet diff --git "origin/${{ github.base_ref }}..HEAD" --format markdown' in diff_step
    assert any("gh pr comment" in s and "--body-file diff.md" in s for s in steps)
    assert any("trygghet validate --format github" in s for s in steps)
    assert workflow["jobs"]["diff"]["steps"][0]["with"]["fetch-depth"] == 0


def test_lang_en_on_the_command_gives_english_labels(run, repo) -> None:
    repo.edit("activities/2024-2025.yaml", "status: ongoing", "status: done\n    completed: 2025-05-01")
    result = _diff(run, repo, "--git", "HEAD", "--lang", "en")
    assert result.stdout.splitlines()[:2] == [
        "trygghet diff: HEAD → working tree",
        "added: 0, removed: 0, changed: 1, unchanged: 9; status changes: 1"]
    assert "      status: ongoing → done" in result.stdout
    assert run("--data", str(repo.root), "--lang", "en", "diff").stdout == result.stdout


def test_new_activities_and_settings_changes_are_grouped_where_they_belong(run, repo) -> None:
    repo.edit("activities/2024-2025.yaml", "  - id: a-2\n",
              "  - id: a-3\n    title: Nattvandring\n    pledges: [ml-1]\n    parties: [kommun]\n"
              "  - id: a-2\n")
    repo.edit("trygghet.yaml", "name: Kommunpolis", "name: Kommunpolisen")
    result = _diff(run, repo, "--git", "HEAD")
    text = result.stdout
    assert "Inställningar (trygghet.yaml)" in text
    assert "funktioner kommunpolis, namn: Kommunpolis → Kommunpolisen" in text
    pledge_at = text.index("Löfte ml-1: Vi ökar vuxennärvaron där unga vistas.")
    assert text.index("  + aktivitet a-3: Nattvandring") > pledge_at


def test_a_period_whose_file_is_invalid_is_a_data_error_with_its_place(run, bundled_copy) -> None:
    path = bundled_copy / "pledges/2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("- id: ml-2024-2025-1\n    text:", "- id: ml-2024-2025-1\n    txt:")
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    result = run("--data", str(bundled_copy), "diff", "pledges", "2022-2023", "2024-2025")
    assert result.exit_code == 1
    assert "pledges/2024-2025.yaml:" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("where", ["", "activities"])
def test_the_root_is_found_from_the_working_folder_and_broken_files_are_named(
        run, repo, monkeypatch, where) -> None:
    repo.edit("activities/2024-2025.yaml", "status: ongoing", "status: finished")
    monkeypatch.chdir(repo.root / where)
    result = run("diff", "--git", "HEAD")
    assert result.exit_code == 0
    assert "Inte jämförda (ogiltiga i någon version):\n  - activities/2024-2025.yaml" in result.stdout
    assert "TRY204" in result.stdout


def test_three_dots_compare_a_branch_with_where_it_left_its_base(run, repo) -> None:
    repo.git("checkout", "-q", "-b", "feature")
    repo.edit("pledges/2024-2025.yaml", "Vi gör trafiken tryggare.", "Vi gör trafiken säkrare.")
    repo.commit("feature: reword")
    repo.git("checkout", "-q", "main")
    repo.edit("activities/2024-2025.yaml", "title: Hastighetskontroller", "title: Fartkontroller")
    repo.commit("main moves on")

    def entities(spec: str) -> list[str]:
        body = json.loads(_diff(run, repo, "--git", spec, "-f", "json").stdout)
        return sorted(c["entity"] for c in body["changes"])
    assert entities("main...feature") == ["pledge"]
    assert entities("main..feature") == ["activity", "pledge"]
