"""A row of RELIABILITY.md as test data: what goes into the activity list, what must come out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.reliability.conftest import assert_clean, assert_located, snapshot
from tests.reliability.corpus import BASE, FIXTURES

FILES = {
    "activities": Path("activities") / "2024-2025.yaml",
    "pledges": Path("pledges") / "2024-2025.yaml",
    "agreement": Path("agreements") / "2024-2027.yaml",
    "config": Path("trygghet.yaml"),
}
PLEDGES = (FIXTURES / "minimal" / FILES["pledges"]).read_bytes()


@dataclass(frozen=True, slots=True)
class Row:
    """One checklist row: the file's bytes, the exit code, and the finding at its line."""

    row: str
    name: str
    content: bytes
    exit: int
    code: str | None = None
    marker: bytes | None = None
    file: str = "activities"

    @property
    def id(self) -> str:
        return f"{self.row}-{self.name}"

    @property
    def line(self) -> int:
        if self.marker is None:
            return 1
        head = self.content[: self.content.index(self.marker)]
        return head.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def edited(old: bytes, new: bytes) -> bytes:
    """The valid activity list with one edit."""
    assert old in BASE, old
    return BASE.replace(old, new, 1)


TITLE = b"    title: Hastighetskontroller\n"


def after_title(extra: bytes) -> bytes:
    """The valid activity list with extra lines after the second activity's title."""
    return edited(TITLE, TITLE + extra)


def check_row(run: Any, root: Path, row: Row) -> Any:
    """Write the row's file into the root, validate, and hold the run to the promises."""
    target = root / FILES[row.file]
    target.write_bytes(row.content)
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", "validate", "--verbose")
    assert_clean(result, exits=(row.exit,))
    if row.code:
        assert_located(result, target, row.line, row.code)
    assert snapshot(root) == before
    return result
