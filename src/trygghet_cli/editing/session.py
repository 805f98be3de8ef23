"""Check a planned change like a new file on disk, then write it (or only show it).

Order of the safety steps for every write (RELIABILITY.md section 4):
re-load the new bytes with the validating loader and compare with the data the
edit meant to produce; check that exactly the lines the edit wrote changed (the edit
says which: no diff guesses it); run every root check with the new content in place
of the old; only then write atomically, refusing if the file changed on disk meanwhile.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trygghet_cli.editing import atomic
from trygghet_cli.editing import lines as ln
from trygghet_cli.editing.roundtrip import EditResult
from trygghet_cli.errors import DataError, ReadError, TrygghetError, UsageError
from trygghet_cli.findings import Finding, Severity
from trygghet_cli.loading import Document, load_bytes
from trygghet_cli.loading.document import MAX_SCALAR
from trygghet_cli.loading.text import UTF8_BOM
from trygghet_cli.root import repository


@dataclass(frozen=True, slots=True)
class FileChange:
    """New bytes for one file; old_digest is None for a file that does not exist yet."""

    path: Path
    old_text: str
    new_text: str
    new_bytes: bytes
    old_digest: str | None

    @property
    def changed(self) -> bool:
        return self.old_digest is None or self.old_text != self.new_text

    def diff(self) -> str:
        return ln.unified_diff(self.old_text, self.new_text, str(self.path))


@dataclass(slots=True)
class Plan:
    """Every file a command changes, checked together."""

    root: Path
    changes: list[FileChange] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.changes)

    def diff(self) -> str:
        return "\n".join(c.diff() for c in self.changes if c.changed)


def encode(text: str, bom: bool) -> bytes:
    """The bytes of a data file: UTF-8, with the BOM again when the file had one."""
    return (UTF8_BOM if bom else b"") + text.encode("utf-8")


def same_data(a: Any, b: Any) -> bool:
    """Equal as data, where 1 and 1.0 are equal but True and 1 are not."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b or (
        isinstance(a, int | float) and isinstance(b, int | float) and a == b)


def reload_as(new_bytes: bytes, shown: str, expected: Any) -> Document:
    """Load new bytes as validate would, and insist they read back as the intended data."""
    result = load_bytes(new_bytes, shown)
    too_long = [f for f in result.findings if f.code == "TRY108"]
    if too_long:  # a --note or --title over the loader's limit: the user's text, not a bug
        raise UsageError.say("edit.too_long", limit=f"{MAX_SCALAR:,}".replace(",", " "))
    if result.document is None:
        first = result.findings[0] if result.findings else None
        raise DataError.say("edit.bug_not_loading", path=shown,
                            problem=first.message if first else "?")
    if not same_data(result.document.data, expected):
        raise DataError.say("edit.bug_reads_back", path=shown)
    return result.document


def from_edit(doc: Document, result: EditResult) -> FileChange:
    """A checked FileChange from a line edit: it loads, means what was meant, and changes
    exactly the lines the edit wrote, every other byte as it was."""
    new_bytes = encode(result.text, doc.had_bom)
    if result.text != doc.text:
        reload_as(new_bytes, doc.path, result.expected)
        stray = ln.stray_changes(doc.text, result.text, result.ops)
        if stray:
            raise DataError.say("edit.bug_stray_lines", path=doc.path,
                                lines=", ".join(map(str, stray[:5])))
    return FileChange(Path(doc.path), doc.text, result.text, new_bytes, doc.digest)


class RefusedChange(DataError):
    """The planned content would add errors to the data root; nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        first = findings[0]
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        super().__init__(f"the change would make the data invalid: {first.where}: {first.message}"
                         f"{more}; nothing written", first.hint)
        self.findings = findings


def _key(finding: Finding) -> tuple[str, str, str]:
    # Not the line: an edit moves the lines below it.
    return finding.code, finding.where.path, finding.message


def check_root(plan: Plan, before: list[Finding]) -> list[Finding]:
    """Run every check of the data root with the planned content.

    Raises RefusedChange if that brings errors not among `before` (errors the root
    already had do not block an unrelated edit); returns the new warnings.
    """
    replaced = {c.path: c.new_bytes for c in plan.changes if c.changed}
    loaded = repository.load(plan.root, replaced)
    known = {_key(f) for f in before}
    new = [f for f in loaded.findings if _key(f) not in known]
    errors = [f for f in new if f.severity is Severity.ERROR]
    if errors:
        raise RefusedChange(errors)
    return new


def write(plan: Plan) -> list[Path]:
    """Write every changed file atomically, all or none; the paths written.

    When one file cannot be written, the files this plan already wrote are put back as they
    were (a new one removed), so the error's 'nothing written' is true: `new period` never
    leaves a pledge set without its activity list."""
    from trygghet_cli.editing import journal

    changed = [c for c in plan.changes if c.changed]
    files = [(c.path, _before(c), c.new_bytes) for c in changed]
    done: list[tuple[FileChange, bytes | None]] = []
    with journal.recorded(plan.root, files):
        for change, (_, before, _after) in zip(changed, files, strict=True):
            try:
                _write_one(change)
                done.append((change, before))
            except TrygghetError as error:
                _undo(done)  # raises, keeping the journal, when even that fails
                if not done:
                    raise
                raise _none_written(error, [c.path for c, _ in done]) from None
    return [change.path for change, _ in done]


def _before(change: FileChange) -> bytes | None:
    if change.old_digest is None:
        return None
    try:
        return change.path.read_bytes()
    except OSError:
        return None  # write_atomic reports the unreadable file


def _none_written(error: TrygghetError, undone: list[Path]) -> TrygghetError:
    """The error, telling also that the files written before it were put back."""
    from trygghet_cli import i18n

    note = {lang: i18n.label("edit.none_written", lang, paths=", ".join(map(str, undone)))
            for lang in i18n.LANGUAGES}
    texts = {lang: (f"{error.text(lang)[0]}; {note[lang]}", error.text(lang)[1]) for lang in note}
    return type(error)(texts["en"][0], texts["en"][1], texts=texts)


def _write_one(change: FileChange) -> None:
    """Write one file: a new one, or over the bytes it held when it was read."""
    if change.old_digest is None:
        atomic.write_new(change.path, change.new_bytes)
    else:
        atomic.write_atomic(change.path, change.new_bytes, change.old_digest)


def _undo(done: list[tuple[FileChange, bytes | None]]) -> None:
    """Put back what the plan already wrote, newest first; ReadError naming what stays written
    when even that fails (a disk that failed once may fail again)."""
    left = []
    for change, before in reversed(done):
        try:
            if change.old_digest is None:
                os.unlink(change.path)
            elif before is not None:
                atomic.write_atomic(change.path, before, atomic.sha256(change.new_bytes))
        except (OSError, TrygghetError):
            left.append(str(change.path))
    if left:
        raise ReadError.say("edit.partly_written", paths=", ".join(left))
