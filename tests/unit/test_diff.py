"""diff: semantic comparison of periods and of whole data roots."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import BUNDLED, FIXTURES
from trygghet_cli import diff
from trygghet_cli.diff import Change, Snapshot
from trygghet_cli.diff.sources import disk_paths
from trygghet_cli.model import Model
from trygghet_cli.root import repository


def _edited(tmp_path: Path, name: str, file: str, old: str, new: str) -> Path:
    root = tmp_path / name
    shutil.copytree(FIXTURES / "minimal", root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return root


def _side(root: Path, label: str) -> Snapshot:
    loaded = repository.load(root)
    return Snapshot(label, loaded.model, tuple(loaded.errors()), disk_paths(root))


def _minimal() -> Snapshot:
    return _side(FIXTURES / "minimal", "old")


def _bundled() -> Model:
    return repository.load(BUNDLED).model


def test_identical_roots_have_no_changes_and_count_every_entity_unchanged() -> None:
    result = diff.diff_models(_minimal(), _minimal())
    assert result.changes == ()
    assert result.unchanged == {"config": 1, "agreement": 1, "area": 2, "pledge_set": 1,
                                "pledge": 2, "activity_list": 1, "activity": 2}


def test_a_status_change_is_a_status_transition_grouped_under_its_pledge(tmp_path: Path) -> None:
    new = _edited(tmp_path, "new", "activities/2024-2025.yaml", "status: ongoing",
                  "status: done\n    completed: 2025-05-01")
    result = diff.diff_models(_minimal(), _side(new, "new"))
    [(change, field)] = result.status_changes()
    assert (change.new_id, field.old, field.new) == ("a-2", "ongoing", "done")
    assert (change.group, change.pledge) == ("ml-2024-2025", "ml-2")
    assert result.counts()["status_changes"] == 1


def test_a_pledge_with_a_new_id_and_reworded_text_is_one_changed_pledge(tmp_path: Path) -> None:
    new = _edited(tmp_path, "new", "pledges/2024-2025.yaml",
                  "- id: ml-2\n    text: Vi gör trafiken tryggare.",
                  "- id: ml-2b\n    text: Vi gör trafiken tryggare för barn.")
    pledge_sets = (repository.load(FIXTURES / "minimal").model.pledge_sets[0],
                   repository.load(new).model.pledge_sets[0])
    result = diff.diff_pledge_sets(*pledge_sets)
    [change] = [c for c in result.changes if c.entity == "pledge"]
    assert (change.change, change.old_id, change.new_id, change.matched_by) == (
        Change.CHANGED, "ml-2", "ml-2b", "text")
    [text] = change.fields
    assert [(w.op, w.text) for w in text.words] == [
        ("=", "Vi gör trafiken"), ("-", "tryggare."), ("+", "tryggare för barn.")]
    assert result.unchanged == {"pledge": 1, "pledge_set": 1}


def test_with_a_high_threshold_a_reworded_pledge_is_removed_and_added(tmp_path: Path) -> None:
    new = _edited(tmp_path, "new", "pledges/2024-2025.yaml", "id: ml-2\n", "id: ml-9\n")
    new_set = repository.load(new).model.pledge_sets[0]
    old_set = repository.load(FIXTURES / "minimal").model.pledge_sets[0]
    assert [c.matched_by for c in diff.diff_pledge_sets(old_set, new_set).changes] == ["text"]
    strict = diff.diff_pledge_sets(old_set, new_set, threshold=1.01)
    assert sorted(c.change.value for c in strict.changes) == ["added", "removed"]


def test_internal_notes_are_reported_as_changed_but_never_shown(tmp_path: Path) -> None:
    new = _edited(tmp_path, "new", "activities/2024-2025.yaml", "    title: Hastighetskontroller\n",
                  "    title: Hastighetskontroller\n    internal_notes: Tips från en boende\n")
    result = diff.diff_models(_minimal(), _side(new, "new"))
    [field] = result.changes[0].fields
    assert (field.field, field.old, field.new) == ("internal_notes", None, diff.HIDDEN)
    assert "boende" not in repr(result)


def test_a_file_invalid_on_one_side_is_left_out_of_both_and_named(tmp_path: Path) -> None:
    new = _edited(tmp_path, "new", "activities/2024-2025.yaml", "status: ongoing", "statu: ongoing")
    result = diff.diff_models(_minimal(), _side(new, "new"))
    assert [c.entity for c in result.changes] == []
    assert result.skipped == ("activities/2024-2025.yaml",)
    assert [(side, f.code) for side, f in result.problems] == [("new", "TRY201")]


def test_activities_pair_with_their_predecessor_across_periods() -> None:
    lists = {lst.id: lst for lst in _bundled().activity_lists}
    result = diff.diff_activity_lists(lists["al-2020"], lists["al-2021"])
    by_new = {c.new_id: c for c in result.changes}
    assert (by_new["a2021-01"].old_id, by_new["a2021-01"].matched_by) == ("a2020-02", "predecessor")
    owners = next(f for f in by_new["a2021-01"].fields if f.field == "owners")
    assert owners.removed == ("utryckningspolis",)
    sok = by_new["a2021-02"]
    assert sok.old_id == "a2020-03" and sok.matched_by == "text"
    assert {f.field for f in sok.fields} >= {"status", "targets[t1].outcomes", "targets[t1].value"}


def test_agreements_compare_their_priority_areas() -> None:
    agreements = {a.id: a for a in _bundled().agreements}
    result = diff.diff_agreements(agreements["so-2020-2023"], agreements["so-2023-2026"])
    areas = [c for c in result.changes if c.entity == "area"]
    assert sum(c.change is Change.ADDED for c in areas) == 6
    assert sum(c.change is Change.REMOVED for c in areas) == 4
    assert result.subject == "agreements"


def _renamed(tmp_path: Path, name: str, title: str, pledge: str = "[ml-1]") -> Path:
    """The minimal root with a-1 given a new id, title and pledges (nothing links it back)."""
    root = _edited(tmp_path, name, "activities/2024-2025.yaml",
                   "  - id: a-1\n    title: Trygghetsvandringar\n    pledges: [ml-1]",
                   f"  - id: a-9\n    title: {title}\n    pledges: {pledge}")
    return root


def _activity_changes(tmp_path: Path, old_title: str, new_title: str,
                      pledge: str = "[ml-1]") -> list[tuple[str, str | None, str | None]]:
    old = _renamed(tmp_path, "old", old_title)
    new = _renamed(tmp_path, "new", new_title, pledge)
    # the old side keeps id a-1 so that only the text can pair the two
    old_path = old / "activities" / "2024-2025.yaml"
    old_path.write_text(old_path.read_text(encoding="utf-8").replace("id: a-9", "id: a-1"),
                        encoding="utf-8")
    result = diff.diff_models(_side(old, "old"), _side(new, "new"))
    return [(c.change.value, c.old_id, c.new_id) for c in result.changes if c.entity == "activity"]


def test_activities_only_somewhat_alike_are_removed_and_added_not_paired(tmp_path: Path) -> None:
    changes = _activity_changes(tmp_path, "Trygghetsvandringar i bostadsområden",
                                "Patrullering i EST-områden")
    assert sorted(changes) == [("added", None, "a-9"), ("removed", "a-1", None)]


def test_a_reworded_activity_with_a_title_word_in_common_is_one_changed_activity(tmp_path: Path) -> None:
    changes = _activity_changes(tmp_path, "Trygghetsvandringar i bostadsområden",
                                "Trygghetsvandringar med föräldrar i Oxhagen")
    assert changes == [("changed", "a-1", "a-9")]


def test_within_one_list_a_reworded_activity_under_another_pledge_is_not_paired(tmp_path: Path) -> None:
    changes = _activity_changes(tmp_path, "Trygghetsvandringar i bostadsområden",
                                "Trygghetsvandringar med föräldrar i Oxhagen", pledge="[ml-2]")
    assert sorted(changes) == [("added", None, "a-9"), ("removed", "a-1", None)]
