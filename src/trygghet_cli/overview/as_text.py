"""The overview as a terminal table: one line per municipality and a line of its statuses,
readable at 80 columns without colour."""

from __future__ import annotations

from datetime import date

from trygghet_cli.i18n import format_date, label
from trygghet_cli.model import Period
from trygghet_cli.overview import Row, words

# (column, label key, width, right-aligned); the municipality takes the room that is left.
# The activities per status, and their number, are on the line under each municipality.
_COLUMNS = [("period", "ov.col.period", 19, False), ("done", "ov.col.done", 6, True),
            ("overdue", "ov.col.overdue", 18, True), ("targets_met", "ov.col.targets_short", 8, True)]


def _fit(text: str, width: int, right: bool = False) -> str:
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.rjust(width) if right else text.ljust(width)


def _packed(parts: list[str], width: int) -> list[str]:
    """Parts joined by ' · ' on lines indented by two spaces, a new line where one would overflow."""
    lines, line = [], ""
    for part in parts:
        candidate = f"{line} · {part}" if line else f"  {part}"
        if line and len(candidate) > width:
            lines.append(line)
            candidate = f"  {part}"
        line = candidate
    return [*lines, line] if line else lines


def render(rows: list[Row], roots: int, as_of: date, lang: str, filters: str, width: int = 80) -> str:
    lines = [label("ov.heading", lang, date=format_date(as_of, lang)),
             words.heading(rows, roots, lang)]
    if filters:
        lines.append(label("ov.filters", lang, filters=filters))
    lines.append("")
    if not rows:
        return "\n".join([*lines, label("ov.none", lang)])
    name_width = max(12, min(max(len(r.municipality) for r in rows),
                             width - sum(c[2] + 1 for c in _COLUMNS)))
    header = _fit(label("ov.col.municipality", lang), name_width) + "".join(
        " " + _fit(label(key, lang), size, right) for _, key, size, right in _COLUMNS)
    lines += [header.rstrip(), "-" * min(len(header), width)]
    for row in rows:
        cells = words.cells(row, lang)
        whole = cells["period"]
        if len(whole) > _COLUMNS[0][2] and row.period_start and row.period_end and not row.errors:
            # The state of a period that does not fit ("troligen avslutad") goes on the line below
            # in full rather than cut short into something that reads as another state.
            cells["period"] = Period(row.period_start, row.period_end).label()
        line = _fit(row.municipality, name_width) + "".join(
            " " + _fit(cells[column], size, right) for column, _, size, right in _COLUMNS)
        lines.append(line.rstrip())
        detail = [whole] if cells["period"] != whole else []
        detail += [cells["statuses"]] if row.has_status else []
        detail += [f"{label('ov.col.situation', lang).lower()} {cells['situation']}"] if row.situation else []
        detail += [f"{label('ov.law_short', lang)} {cells['law']}"] if row.law_requirements else []
        detail.append(f"{label('ov.col.changed', lang).lower()} {cells['changed']}")
        lines += _packed(detail, width)
    return "\n".join(lines)
