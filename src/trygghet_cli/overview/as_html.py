"""The overview as one accessible HTML page, sortable without scripts: the table is on the
page once per ordering, and the column headers and the 'sort by' links go to each."""

from __future__ import annotations

from datetime import date

from trygghet_cli.i18n import format_date, label
from trygghet_cli.overview import SORT_KEYS, Row, sort_rows, words
from trygghet_cli.overview.as_markdown import COLUMNS, NUMERIC


def _order(rows: list[Row], key: str, lang: str) -> dict[str, object]:
    name = words.key_name(key, lang)
    return {"key": key, "name": name,
            "heading": label("ov.sorted_by", lang, order=name).capitalize(),
            "caption": label("ov.caption", lang, order=name),
            "direction": "descending" if SORT_KEYS[key] else "ascending",
            "rows": [words.cells(row, lang) for row in sort_rows(rows, key)]}


def render(rows: list[Row], roots: int, as_of: date, lang: str, filters: str, sort: str) -> str:
    from trygghet_cli.render import _tidy
    from trygghet_cli.render.environment import environment

    keys = [sort, *(k for k in SORT_KEYS if k != sort)]
    columns = [{"key": c, "label": label(f"ov.col.{c}", lang), "numeric": c in NUMERIC,
                "sort": c if c in SORT_KEYS else None} for c in COLUMNS]
    page = environment("html", lang).get_template("overview.html.j2").render(
        lang=lang, title=label("ov.heading", lang, date=format_date(as_of, lang)),
        summary=words.heading(rows, roots, lang),
        filters=label("ov.filters", lang, filters=filters) if filters else "",
        orders=[_order(rows, key, lang) for key in keys], columns=columns,
        footer=label("ov.footer", lang, roots=words.count(roots, "ov.roots", lang)))
    return _tidy(page, "html")
