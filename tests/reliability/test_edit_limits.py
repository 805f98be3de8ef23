"""Issue 19, item 11: the smaller holes in the edit commands: a completion date before the
start, a 300-digit value, an over-long note, stale temporaries of killed writers, and
personal data typed into an edit."""

from __future__ import annotations

import subprocess

from tests.reliability.conftest import ACTIVITIES, assert_clean, snapshot
from tests.reliability.personal_data_forms import CAUGHT, assert_not_leaked


def test_a_completion_date_before_the_start_is_refused_by_a_rule(run, root) -> None:
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", "activity", "set-status", "a-1", "done",
                 "--date", "2019-01-01")
    assert_clean(result, exits=(1,))
    assert "TRY410" in result.stderr or "before start" in result.stderr
    assert snapshot(root) == before


def test_a_huge_value_is_a_usage_error_that_names_the_limit_and_does_not_echo_it(run, root) -> None:
    before = snapshot(root)
    huge = "9" * 300
    result = run("--data", str(root), "--lang", "en", "activity", "outcome", "a-1", huge,
                 "--date", "2024-10-15")
    assert_clean(result, exits=(2,))
    assert huge not in result.stderr and "1 000 000 000 000 000" in result.stderr
    assert snapshot(root) == before


def test_an_over_long_note_is_a_usage_error_that_names_the_limit(run, root) -> None:
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", "activity", "set-status", "a-1", "done",
                 "--date", "2024-10-15", "--note", "x" * 25_000)
    assert_clean(result, exits=(2,))
    assert "20 000" in result.stderr and "report this as a bug" not in result.stderr
    assert snapshot(root) == before


def test_stale_temporaries_of_a_killed_writer_are_removed_by_the_next_edit(run, root) -> None:
    stale = [root / "activities" / ".2024-2025.yaml.k1ll3d_x.tmp", root / ".trygghet.yaml.abc123.tmp"]
    for path in stale:
        path.write_text("halvskrivet", encoding="utf-8")
    keep = root / "activities" / "anteckning.tmp"
    keep.write_text("inte vår", encoding="utf-8")
    result = run("--data", str(root), "activity", "set-status", "a-1", "done", "--date", "2024-10-15")
    assert_clean(result, exits=(0,))
    assert not any(p.exists() for p in stale)
    assert keep.exists()


def test_init_makes_git_ignore_the_temporaries_and_the_cache(run, tmp_path) -> None:
    folder = tmp_path / "ny"
    assert_clean(run("init", str(folder), "--name", "Exempelby kommun", "--code", "0999"), exits=(0,))
    subprocess.run(["git", "-C", str(folder), "init", "-q"], check=True)
    for name in ("activities/.2024.yaml.x1y2z3.tmp", ".trygghet-cache/entry"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    status = subprocess.run(["git", "-C", str(folder), "status", "--porcelain", "--untracked=all"],
                            capture_output=True, text=True, check=True).stdout
    assert ".tmp" not in status and ".trygghet-cache" not in status, status


def test_personal_data_typed_into_an_edit_is_warned_about_masked_at_write_time(run, root) -> None:
    for form in CAUGHT[::4]:
        target = root / ACTIVITIES
        old = target.read_bytes()
        result = run("--data", str(root), "--lang", "en", "activity", "set-status", "a-1", "done",
                     "--date", "2024-10-15", "--note", form.text)
        assert_clean(result, exits=(0,))
        assert form.code in result.stderr and form.masked in result.stderr, (form.name, result.stderr)
        assert_not_leaked(result.stdout + result.stderr, form)
        target.write_bytes(old)


def test_status_markdown_is_public_by_default_internal_activities_out_personal_data_masked(
        run, tmp_path) -> None:
    from tests.reliability import hostile

    form = CAUGHT[1]
    root = hostile.write_root(tmp_path / "root", lambda s: f"CANARY-{s}" if hostile.is_internal(s)
                              else (form.text if s == "activity_title" else f"Text {s}"))
    args = ["--data", str(root), "status", "--as-of", "2025-01-15", "--period", "2024-2025"]
    public = run(*args, "--format", "markdown")
    assert_clean(public, exits=(0,))
    assert "CANARY" not in public.stdout
    assert_not_leaked(public.stdout, form)
    assert "maskerats" in public.stderr
    internal = run(*args, "--format", "markdown", "--audience", "internal")
    assert "CANARY-internal\\_activity\\_title" in internal.stdout and form.piece in internal.stdout
    table = run(*args)
    assert "CANARY-internal_activity_title" in table.stdout  # the coordinator's own view
