"""Small builders for model objects in status unit tests (no files needed)."""

from __future__ import annotations

from datetime import date
from typing import Any

from trygghet_cli.loading import Document
from trygghet_cli.model import (
    Activity,
    Bound,
    Outcome,
    Period,
    Ref,
    StatedVerdict,
    Status,
    Target,
    TargetKind,
)

REF = Ref(Document(path="test.yaml", text="", data=None, digest=""), ())
YEAR_2024 = Period(date(2024, 1, 1), date(2024, 12, 31))


def outcome(value: float | str | None, day: str | None, kind: str | None = "final",
            source: str | None = "src",
            approximate: bool = False, window: tuple[str, str] | None = None,
            bound: str | None = None, verdict: str | None = None, district: str | None = None,
            place: str | None = None, season: str | None = None) -> Outcome:
    """An outcome; window is (first day, last day) of the stretch the figure covers; day None
    for an undated one."""
    span = Period(date.fromisoformat(window[0]), date.fromisoformat(window[1])) if window else None
    when = date.fromisoformat(day) if day else date.min
    return Outcome(value, when, kind, approximate, source, None, REF, span,
                   Bound(bound) if bound else None, StatedVerdict(verdict) if verdict else None,
                   district, place, None, season)


def target(kind: str, value: float | None = None, outcomes: list[Outcome] | None = None,
           **extra: Any) -> Target:
    return Target(id="t1", kind=TargetKind(kind), text="test target", value=value,
                  unit=extra.get("unit"), per=extra.get("per"), baseline=extra.get("baseline"),
                  direction=extra.get("direction"), change_unit=extra.get("change_unit"),
                  outcomes=outcomes or [], ref=REF, per_district=extra.get("per_district", False),
                  max=extra.get("max"), every=extra.get("every"), seasons=tuple(extra.get("seasons", ())),
                  part_of=extra.get("part_of"), condition=extra.get("condition"))


def activity(status: str = "unknown", due: str | None = None, targets: list[Target] | None = None,
             **extra: Any) -> Activity:
    return Activity(
        id=extra.get("id", "a-1"), title="Test activity", description=None,
        pledges=extra.get("pledges", ["ml-1"]), owners=extra.get("owners", []), parties=["kommun"],
        districts=extra.get("districts", []), places=[], start=None,
        due=date.fromisoformat(due) if due else None, status=Status(status),
        completed=extra.get("completed"), reason=None, status_note=None, targets=targets or [],
        visibility="public", predecessor=None, internal_notes=None, list_id="al-1", ref=REF)
