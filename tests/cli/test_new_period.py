"""`trygghet new period` scaffolds the next period without touching the existing files."""

from __future__ import annotations

from pathlib import Path

from tests.editing_support import BOM, write_crlf_bom
from trygghet_cli.loading import load_path
from trygghet_cli.root import repository


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_next_period_carries_over_unfinished_activities_linked_to_their_predecessors(
        run, minimal_root: Path) -> None:
    write_crlf_bom(minimal_root / "activities" / "2024-2025.yaml")
    before = snapshot(minimal_root)
    result = run("--data", str(minimal_root), "new", "period")
    assert result.exit_code == 0, result.output
    after = snapshot(minimal_root)
    assert {k: v for k, v in after.items() if k in before} == before
    assert sorted(set(after) - set(before)) == ["activities/2026-2027.yaml", "pledges/2026-2027.yaml"]
    new_list = load_path(minimal_root / "activities" / "2026-2027.yaml").document
    assert new_list is not None
    assert new_list.data["pledge_set"] == "ml-2026-2027"
    carried = [(a["id"], a["predecessor"], a["pledges"]) for a in new_list.data["activities"]]
    assert carried == [("a-3", "a-1", ["ml-2026-2027-1"]), ("a-4", "a-2", ["ml-2026-2027-2"])]
    assert all("outcomes" not in t for a in new_list.data["activities"] for t in a.get("targets", []))
    assert all("status" not in a and "reason" not in a for a in new_list.data["activities"])
    assert after["activities/2026-2027.yaml"].startswith(BOM)
    assert b"\r\n" in after["activities/2026-2027.yaml"]
    assert repository.load(minimal_root).errors() == []


def test_next_period_inside_the_agreement_links_to_it(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "new", "period", "--start", "2026-01-01",
                 "--end", "2026-12-31")
    assert result.exit_code == 0, result.output
    pledges = load_path(minimal_root / "pledges" / "2026.yaml").document
    assert pledges is not None
    assert pledges.data["agreement"] == "so-2024-2027"
    assert pledges.data["period"] == {"start": "2026-01-01", "end": "2026-12-31"}


def test_done_activities_stay_behind(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "new", "period")
    assert result.exit_code == 0, result.output
    assert "a-1 ->" not in result.stdout
    assert "a-2 -> a-3" in result.stdout


def test_dry_run_shows_the_new_files_and_writes_nothing(run, minimal_root: Path) -> None:
    before = snapshot(minimal_root)
    result = run("--data", str(minimal_root), "new", "period", "--dry-run")
    assert result.exit_code == 0
    assert "+id: ml-2026-2027" in result.stdout
    assert snapshot(minimal_root) == before


def test_existing_period_file_is_never_overwritten(run, minimal_root: Path) -> None:
    before = snapshot(minimal_root)
    result = run("--data", str(minimal_root), "new", "period", "--start", "2024-01-01",
                 "--end", "2025-12-31")
    assert result.exit_code == 2
    assert "finns redan" in result.stderr
    assert snapshot(minimal_root) == before


def test_when_the_activity_list_cannot_be_written_the_new_pledges_are_not_left_behind(
        run, minimal_root: Path, monkeypatch) -> None:
    """Issue 28, item 15: a command that writes several files writes all or none, so its
    'ingenting skrevs' is true."""
    import errno
    import os

    real_link = os.link

    def full_for_the_list(src, dst, *args, **kwargs):
        if str(dst).endswith(os.path.join("activities", "2026-2027.yaml")):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_link(src, dst, *args, **kwargs)

    before = snapshot(minimal_root)
    monkeypatch.setattr(os, "link", full_for_the_list)
    result = run("--data", str(minimal_root), "new", "period")
    monkeypatch.undo()
    assert result.exit_code == 3, result.output
    assert "disken är full" in result.stderr
    assert "ingenting skrevs (det som redan hade skrivits i " in result.stderr
    assert "2026-2027.yaml togs tillbaka)" in result.stderr
    assert snapshot(minimal_root) == before
    assert sorted(p.name for p in minimal_root.rglob("*") if p.name.startswith(".")) == []
    assert run("--data", str(minimal_root), "new", "period").exit_code == 0, "a retry works"
