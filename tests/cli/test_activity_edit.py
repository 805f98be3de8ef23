"""`trygghet activity set-status | outcome | new` change only the lines they must (RELIABILITY W8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.editing_support import BOM, crlf, line_changes, write_crlf_bom
from trygghet_cli.editing import session


@pytest.fixture
def activities(minimal_root: Path) -> Path:
    """The minimal root with its activity list written with a BOM, CRLF and comments."""
    target = minimal_root / "activities" / "2024-2025.yaml"
    write_crlf_bom(target)
    return target


def edit(run, root: Path, *args: str):  # noqa: ANN001, ANN201 - the conftest Run and its result
    return run("--data", str(root), "activity", *args)


@pytest.fixture
def changes(run, minimal_root: Path, activities: Path):  # noqa: ANN001, ANN201
    """Run an activity command that must succeed; the lines it removed and added."""

    def _changes(*args: str) -> tuple[list[bytes], list[bytes]]:
        old = activities.read_bytes()
        result = edit(run, minimal_root, *args)
        assert result.exit_code == 0, result.output
        new = activities.read_bytes()
        assert_kept_encoding(new)
        return line_changes(old, new)

    return _changes


@pytest.fixture
def refused(run, minimal_root: Path, activities: Path):  # noqa: ANN001, ANN201
    """Run an activity command that must fail with code and leave the file byte-identical."""

    def _refused(code: int, *args: str):  # noqa: ANN202
        old = activities.read_bytes()
        result = edit(run, minimal_root, *args)
        assert result.exit_code == code, result.output
        assert activities.read_bytes() == old
        return result

    return _refused


def assert_kept_encoding(content: bytes) -> None:
    assert content.startswith(BOM)
    assert content.count(b"\n") == content.count(b"\r\n")


def test_set_status_done_rewrites_the_status_line_and_adds_completed(changes) -> None:
    assert changes("set-status", "a-1", "done", "--date", "2024-10-15") == (
        crlf("    status: ongoing  # uppdateras vid varje möte"),
        crlf("    status: done  # uppdateras vid varje möte", "    completed: 2024-10-15"))


def test_leaving_delayed_removes_the_old_block_reason_and_adds_the_note(changes) -> None:
    assert changes("set-status", "a-2", "ongoing", "--note", "Återupptaget i augusti") == (
        crlf("    status: delayed", "    reason: >-", "      Personalbrist under", "      våren."),
        crlf("    status: ongoing", "    status_note: Återupptaget i augusti"))


def test_new_reason_replaces_a_folded_block_reason_in_place(changes) -> None:
    assert changes("set-status", "a-2", "cancelled", "--reason", "Ingen budget: 2025") == (
        crlf("    status: delayed", "    reason: >-", "      Personalbrist under", "      våren."),
        crlf("    status: cancelled", '    reason: "Ingen budget: 2025"'))


def test_delayed_without_a_reason_is_a_usage_error_and_writes_nothing(refused) -> None:
    assert "statusen försenad kräver en orsak" in refused(2, "set-status", "a-1", "delayed").stderr


def test_status_already_there_leaves_the_file_untouched(run, minimal_root: Path,
                                                       activities: Path) -> None:
    before = activities.stat()
    result = edit(run, minimal_root, "set-status", "a-1", "ongoing")
    assert result.exit_code == 0
    assert "Oförändrat" in result.stdout
    after = activities.stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_dry_run_prints_the_diff_and_writes_nothing(run, minimal_root: Path, activities: Path) -> None:
    old = activities.read_bytes()
    result = edit(run, minimal_root, "set-status", "a-1", "done", "--date", "2024-10-15", "--dry-run")
    assert result.exit_code == 0
    assert "-    status: ongoing  # uppdateras vid varje möte" in result.stdout
    assert "+    completed: 2024-10-15" in result.stdout
    assert activities.read_bytes() == old


def test_unknown_activity_names_the_closest_ids(refused) -> None:
    result = refused(2, "set-status", "a-3", "done")
    assert "det finns ingen aktivitet a-3" in result.stderr
    assert "a-1" in result.stderr


def test_outcome_is_appended_after_the_last_one_in_sibling_layout(changes, activities: Path) -> None:
    assert changes("outcome", "a-1", "5", "--date", "2024-10-15", "--kind", "final",
                   "--source", "src-uppfoljning", "--approximate") == ([], crlf(
        "          - value: 5", "            date: 2024-10-15", "            kind: final",
        "            approximate: true", "            source: src-uppfoljning"))
    new = activities.read_bytes()
    assert new.index(b"value: 5") < new.index(b"  # Trafiken")


def test_first_outcome_creates_the_outcomes_list_and_quotes_text_that_needs_it(changes) -> None:
    assert changes("outcome", "a-2", "yes", "--date", "2024-09-30",
                   "--note", "Enligt protokoll: vecka 39") == ([], crlf(
        "        outcomes:", '          - value: "yes"', "            date: 2024-09-30",
        '            note: "Enligt protokoll: vecka 39"'))


def test_outcome_for_a_window_records_the_period_and_no_date(changes) -> None:
    assert changes("outcome", "a-1", "301", "--from", "2024-05", "--to", "2024-10-15",
                   "--kind", "final", "--source", "src-uppfoljning") == ([], crlf(
        "          - value: 301", "            period:", "              start: 2024-05",
        "              end: 2024-10-15", "            kind: final", "            source: src-uppfoljning"))


def test_outcome_with_a_bound_records_it(changes) -> None:
    assert changes("outcome", "a-1", "300", "--date", "2024-10-15", "--bound", "at_least") == ([], crlf(
        "          - value: 300", "            date: 2024-10-15", "            bound: at_least"))


def test_stated_verdict_without_a_figure_is_recorded_with_its_source(changes) -> None:
    assert changes("outcome", "a-1", "--verdict", "met", "--source", "src-uppfoljning",
                   "--date", "2024-10-01") == ([], crlf(
        "          - date: 2024-10-01", "            verdict: met",
        "            source: src-uppfoljning"))


@pytest.mark.parametrize(("args", "says"), [
    (("--verdict", "met", "--date", "2024-10-01"), "--verdict kräver --source"),
    (("--date", "2024-10-01"), "behöver ett värde eller --verdict"),
    (("5", "--from", "2024-05"), "--from och --to hör ihop"),
    (("5", "--from", "2024-09", "--to", "2024-05"), "ligger före --from"),
    (("5", "--from", "2024-02-30", "--to", "2024-05"), "--from '2024-02-30' är inget datum"),
    (("5", "--date", "2024-10-01", "--bound", "over"), "okänd gräns: 'over'"),
])
def test_outcome_options_the_data_cannot_hold_are_a_usage_error(run, minimal_root: Path,
                                                                activities: Path, args, says) -> None:
    before = activities.read_bytes()
    result = edit(run, minimal_root, "outcome", "a-1", *args)
    assert result.exit_code == 2, result.output
    assert says in result.stderr
    assert activities.read_bytes() == before


def test_outcome_already_recorded_is_not_added_twice(refused) -> None:
    result = refused(0, "outcome", "a-1", "2", "--date", "2024-05-15", "--kind", "interim",
                     "--source", "src-uppfoljning")
    assert "Oförändrat" in result.stdout


def test_outcome_that_breaks_a_rule_is_refused_and_nothing_is_written(refused) -> None:
    result = refused(1, "outcome", "a-1", "5", "--date", "2031-01-01")
    assert "skulle göra datafilerna ogiltiga" in result.stderr
    assert "utanför perioden" in result.stderr


def test_refusal_is_in_the_chosen_language(run, minimal_root: Path, activities: Path) -> None:
    result = run("--data", str(minimal_root), "--lang", "en", "activity", "outcome", "a-1", "5",
                 "--date", "2031-01-01")
    assert result.exit_code == 1
    assert "would make the data invalid" in result.stderr
    assert "outside the period" in result.stderr


def test_errors_the_root_already_has_do_not_block_an_unrelated_edit(changes, minimal_root: Path) -> None:
    pledges = minimal_root / "pledges" / "2024-2025.yaml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace("areas: [pa-trafik]",
                                                                   "areas: [pa-okand]"), encoding="utf-8")
    assert changes("set-status", "a-1", "planned") == (
        crlf("    status: ongoing  # uppdateras vid varje möte"),
        crlf("    status: planned  # uppdateras vid varje möte"))


def test_outcome_with_an_unknown_source_is_refused(refused) -> None:
    refused(1, "outcome", "a-1", "5", "--date", "2024-10-01", "--source", "nope")


def test_new_activity_gets_the_next_id_and_the_layout_of_its_siblings(changes, activities: Path) -> None:
    assert changes("new", "--title", "Föräldravandring", "--pledge", "ml-1", "--party", "kommun",
                   "--owner", "trygghetssamordnare", "--due", "2025-05-31", "--target-kind", "at_least",
                   "--target-text", "minst 2 vandringar", "--target-value", "2") == ([], crlf(
        "  - id: a-3", "    title: Föräldravandring", "    pledges:", "      - ml-1", "    owners:",
        "      - trygghetssamordnare", "    parties:", "      - kommun", "    due: 2025-05-31",
        "    status: planned", "    targets:", "      - id: t1", "        kind: at_least",
        "        text: minst 2 vandringar", "        value: 2"))
    assert activities.read_bytes().endswith(b"        value: 2\r\n# slut\r\n")


def test_target_is_added_with_the_next_id_after_the_existing_ones(changes) -> None:
    assert changes("target", "a-2", "--kind", "rate", "--text", "en kontroll i veckan", "--value", "1",
                   "--per", "week") == ([], crlf(
        "      - id: t2", "        kind: rate", "        text: en kontroll i veckan", "        value: 1",
        "        per: week"))


def test_rate_target_without_its_time_unit_is_refused(refused) -> None:
    result = refused(1, "target", "a-2", "--kind", "rate", "--text", "en kontroll", "--value", "1")
    assert "behöver 'per'" in result.stderr


def test_outcome_for_an_activity_with_several_targets_needs_target(refused, changes) -> None:
    changes("target", "a-1", "--kind", "qualitative", "--text", "bra dialog")
    assert "--target" in refused(2, "outcome", "a-1", "3", "--date", "2024-10-01").stderr


def test_new_activity_without_a_terminal_needs_the_required_options(refused) -> None:
    assert "titel saknas" in refused(2, "new", "--pledge", "ml-1").stderr


def test_file_changed_by_someone_else_meanwhile_is_a_conflict(
        run, minimal_root: Path, activities: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theirs = activities.read_bytes().replace(b"value: 4\r\n", b"value: 6\r\n")
    real_check = session.check_root

    def check_then_someone_saves(plan: session.Plan, before: list) -> list[str]:  # noqa: ANN001
        warnings = real_check(plan, before)
        activities.write_bytes(theirs)
        return warnings

    monkeypatch.setattr(session, "check_root", check_then_someone_saves)
    result = edit(run, minimal_root, "set-status", "a-1", "done")
    assert result.exit_code == 4
    assert "filen ändrades på disken" in result.stderr
    assert activities.read_bytes() == theirs


def test_hard_linked_data_file_is_refused(refused, activities: Path, tmp_path: Path) -> None:
    (tmp_path / "second-name.yaml").hardlink_to(activities)
    assert "hårda länkar" in refused(3, "set-status", "a-1", "done").stderr


def test_symlinked_data_file_is_edited_at_its_target(run, minimal_root: Path, activities: Path,
                                                     tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the shared file lies in the same repository
    elsewhere = tmp_path / "shared" / "list.yaml"
    elsewhere.parent.mkdir()
    activities.rename(elsewhere)
    activities.symlink_to(elsewhere)
    result = edit(run, minimal_root, "set-status", "a-1", "done", "--date", "2024-10-15")
    assert result.exit_code == 0, result.output
    assert activities.is_symlink()
    assert b"completed: 2024-10-15" in elsewhere.read_bytes()


def test_unwritable_folder_is_an_io_error_and_leaves_the_file(
        refused, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import tempfile

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    assert "Permission denied" in refused(3, "set-status", "a-1", "done").stderr


def test_without_a_data_root_the_bundled_copy_is_not_edited(run, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRYGGHET_DATA", raising=False)
    result = run("activity", "set-status", "a2024-01", "ongoing")
    assert result.exit_code == 2
    assert "--data" in result.stderr


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_failure_at_any_write_step_exits_3_with_the_file_intact_and_no_temp_file(
        refused, activities: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    import errno
    import os

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    result = refused(3, "set-status", "a-1", "done", "--date", "2024-10-15")
    monkeypatch.undo()
    assert "filen är oförändrad" in result.stderr
    assert [p.name for p in activities.parent.iterdir()] == ["2024-2025.yaml"]


def test_an_id_defined_twice_is_refused_naming_both_places(refused, minimal_root: Path) -> None:
    other = minimal_root / "activities" / "extra.yaml"
    other.write_text("id: al-extra\npledge_set: ml-2024-2025\nactivities:\n"
                     "  - id: a-1\n    title: Dubblett\n    pledges: [ml-1]\n    parties: [kommun]\n",
                     encoding="utf-8")
    result = refused(2, "set-status", "a-1", "done")
    assert "finns på flera ställen" in result.stderr
    assert "2024-2025.yaml:6" in result.stderr
    assert "extra.yaml:4" in result.stderr
    assert "a-1" in other.read_text(encoding="utf-8")


def test_activity_new_takes_a_pledge_by_its_number_in_the_period(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "activity", "new", "--title", "Helgpatrull",
                 "--pledge", "2", "--party", "polis", "--list", "al-2024-2025")
    assert result.exit_code == 0, result.output
    text = (minimal_root / "activities" / "2024-2025.yaml").read_text(encoding="utf-8")
    assert "title: Helgpatrull\n    pledges: [ml-2]" in text


@pytest.mark.parametrize("args", [["set-status", "a-2", "done", "--date", "2025-01-10"],
                                  ["outcome", "a-1", "5", "--date", "2024-10-20"],
                                  ["set-status", "a-1", "ongoing"]])
def test_an_edit_in_a_list_with_an_error_says_that_error_not_that_the_activity_is_missing(
        run, minimal_root: Path, activities: Path, args: list[str]) -> None:
    broken = activities.read_bytes().replace(b"    status: ongoing", b"    stauts: ongoing", 1)
    activities.write_bytes(broken)
    line = broken[: broken.index(b"stauts")].count(b"\n") + 1
    result = edit(run, minimal_root, *args)
    assert result.exit_code == 1, result.output
    assert f"aktiviteten {args[1]} finns i en fil med ett fel: " in result.stderr
    assert f"2024-2025.yaml:{line}:5: aktiviteten a-1: okänd nyckel" in result.stderr
    assert "a-1: okänd nyckel 'stauts'" in result.stderr
    assert "det finns ingen aktivitet" not in result.output
    assert activities.read_bytes() == broken
