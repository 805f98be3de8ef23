"""Issue 19, item 6: an import that changes no value writes nothing, and one that changes
values rewrites only their lines, in the file's own line breaks, quoting and layout."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.reliability.conftest import ACTIVITIES, assert_clean


def _hand_formatted(root: Path) -> bytes:
    """The activity list with CRLF line breaks, odd quoting, comments and extra blank lines."""
    text = (root / ACTIVITIES).read_text(encoding="utf-8")
    text = text.replace("title: Hastighetskontroller", "title: 'Hastighetskontroller'   # kvällstid")
    text = text.replace("\n  - id: a-2", "\n\n\n  - id: a-2")
    data = text.replace("\n", "\r\n").encode("utf-8")
    (root / ACTIVITIES).write_bytes(data)
    return data


def _export(run, root: Path, tmp_path: Path) -> Path:
    out = tmp_path / "export.csv"
    result = run("--data", str(root), "export", "activities", "--period", "2024-2025",
                 "--format", "csv", "-o", str(out))
    assert_clean(result, exits=(0,))
    return out


def test_importing_unchanged_data_writes_nothing(run, root, tmp_path) -> None:
    before = _hand_formatted(root)
    table = _export(run, root, tmp_path)
    result = run("--data", str(root), "import", "activities", str(table), "--period", "2024-2025")
    assert_clean(result, exits=(0,))
    assert (root / ACTIVITIES).read_bytes() == before


def test_importing_one_changed_title_changes_only_its_line_and_keeps_crlf(run, root, tmp_path) -> None:
    before = _hand_formatted(root)
    table = _export(run, root, tmp_path)
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig")), delimiter=";"))
    title = rows[0].index("titel")
    changed = next(r for r in rows[1:] if r[title] == "Trygghetsvandringar")
    changed[title] = "Trygghetsvandringar i centrum"
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    table.write_text(out.getvalue(), encoding="utf-8")
    result = run("--data", str(root), "import", "activities", str(table), "--period", "2024-2025")
    assert_clean(result, exits=(0,))
    after = (root / ACTIVITIES).read_bytes()
    old_lines, new_lines = before.split(b"\r\n"), after.split(b"\r\n")
    assert len(old_lines) == len(new_lines)
    differ = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert differ == [(b"    title: Trygghetsvandringar",
                       b"    title: Trygghetsvandringar i centrum")], differ
    assert after.count(b"\n") == after.count(b"\r\n")
