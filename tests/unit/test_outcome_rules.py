"""Outcome rules that depend on the date: an outcome dated after today is a warning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from trygghet_cli.root import repository
from trygghet_cli.validate import rules


def test_outcome_dated_after_today_is_a_warning_with_its_line(minimal_root: Path) -> None:
    model = repository.load(minimal_root, store=None).model
    before = [f for f in rules.check(model, today=date(2024, 6, 1)) if f.code == "TRY521"]
    assert len(before) == 1
    assert before[0].severity.value == "warning"
    assert before[0].where.line == 23  # 'date: 2024-10-15' of a-1's outcome
    assert "2024-10-15" in before[0].message and "efter i dag" in (before[0].message_sv or "")
    assert not [f for f in rules.check(model, today=date(2024, 10, 15)) if f.code == "TRY521"]
