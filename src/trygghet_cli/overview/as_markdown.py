"""The overview as a Markdown table, for meeting notes and reports to the county board."""

from __future__ import annotations

from datetime import date

from trygghet_cli.i18n import format_date, label
from trygghet_cli.overview import Row, words
from trygghet_cli.render.filters import md_escape

# The figures first, so that a phone shows them next to the name; where it is, last.
COLUMNS = ("municipality", "period", "activities", "statuses", "done", "overdue", "targets_met",
           "situation", "law", "changed", "agreement", "county", "police_area")
NUMERIC = {"activities", "done", "overdue", "targets_met"}


def render(rows: list[Row], roots: int, as_of: date, lang: str, filters: str, sort: str) -> str:
    lines = [f"## {label('ov.heading', lang, date=format_date(as_of, lang))}", "",
             f"{words.heading(rows, roots, lang)}. "
             f"{label('ov.sorted_by', lang, order=words.key_name(sort, lang))}."]
    if filters:
        lines += ["", md_escape(label("ov.filters", lang, filters=filters))]
    lines.append("")
    if not rows:
        return "\n".join([*lines, label("ov.none", lang)])
    lines.append("| " + " | ".join(label(f"ov.col.{c}", lang) for c in COLUMNS) + " |")
    lines.append("|" + "|".join(" ---: " if c in NUMERIC else " --- " for c in COLUMNS) + "|")
    for row in rows:
        cells = words.cells(row, lang)
        lines.append("| " + " | ".join(md_escape(cells[c]) for c in COLUMNS) + " |")
    lines += ["", md_escape(label("ov.changed_note", lang))]
    return "\n".join(lines)
