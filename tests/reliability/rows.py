"""A row of RELIABILITY.md as test data: what goes into the activity list, what must come out."""

from __future__ import annotations

from dataclasses import dataclass

from tests.reliability.corpus import BASE


@dataclass(frozen=True, slots=True)
class Row:
    """One checklist row: the file's bytes, the exit code, and the finding at its line."""

    row: str
    name: str
    content: bytes
    exit: int
    code: str | None = None
    marker: bytes | None = None

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
