"""Export the activities of one or all pledge periods as CSV, Excel, JSON or iCalendar."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from trygghet_cli.errors import DataError
from trygghet_cli.interchange import columns as cols
from trygghet_cli.interchange import followup, ics, periods, rows, tables
from trygghet_cli.model import Model, PartialDate

FORMATS = ("csv", "xlsx", "json", "ics")


def select(model: Model, root: Path, period: str | None) -> list[periods.PeriodTarget]:
    """The named period, or every period."""
    if period is not None:
        return [periods.find(model, root, period)]
    return periods.targets(model, root)


def _stamp(chosen: list[periods.PeriodTarget]) -> datetime:
    """A date from the data for a file's own timestamps: the latest revision or period start."""
    days = [PartialDate(t.activity_list.revised).first if t.activity_list and t.activity_list.revised
            else t.pledge_set.period.start for t in chosen
            if (t.activity_list and t.activity_list.revised) or t.pledge_set.period.given]
    return datetime.combine(max(days), datetime.min.time()) if days else datetime(2000, 1, 1)


def export(model: Model, root: Path, period: str | None, fmt: str, lang: str,
           tick: Callable[[], None] | None = None, internal: bool = False,
           what: str = "activities", delimiter: str | None = None) -> bytes:
    """The activities (or with `what` the outcomes or other results) in the format, as bytes.

    Unless `internal`, internal activities are left out, and public text that looks like
    personal data refuses the export (the publish gate of `trygghet report`). An Excel file of
    the activities has the outcomes and other results as a second and third sheet. CSV is
    for a spreadsheet in the language: ';' and a byte-order mark for Swedish, ',' for
    English, or the `delimiter` asked for (';', ',' or 'tab').
    """
    chosen = select(model, root, period)
    if model.config is None:
        raise DataError.say("export.no_config")
    if not internal:
        from trygghet_cli.render import gate

        gate.check_inputs([model.config.ref.file, *(t.activity_list.ref.file for t in chosen
                                                     if t.activity_list)])
    if fmt == "ics":
        return ics.calendar(chosen, model.config, lang, internal).encode("utf-8")
    if what != "activities":
        return _follow_up(chosen, fmt, lang, internal, what, delimiter)
    found = rows.activities(chosen, internal)
    if fmt == "json":
        records = []
        for key, activity in found:
            records.append(rows.record(activity, key))
            if tick:
                tick()
        return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    keys = list(rows.EXPORT_KEYS)
    table = []
    for key, activity in found:
        cells = rows.row(activity, key, lang)
        table.append([cells[k] for k in keys])
        if tick:
            tick()
    headers = [cols.header(k, lang) for k in keys]
    if fmt == "xlsx":
        sheet = "Aktiviteter" if lang == "sv" else "Activities"
        more = tuple(_sheet(chosen, lang, internal, name) for name in ("outcomes", "results"))
        return tables.to_xlsx(headers, keys, table, sheet, _stamp(chosen), more,
                              numbers=frozenset({"target_value"}))
    return tables.to_csv(headers, table, lang, delimiter).encode("utf-8")


def _records(chosen: list[periods.PeriodTarget], internal: bool, table: str) -> tuple[
        tuple[str, ...], list[dict[str, Any]]]:
    if table == "outcomes":
        return followup.OUTCOME_KEYS, followup.outcome_records(chosen, internal)
    return followup.RESULT_KEYS, followup.result_records(chosen)


def _sheet(chosen: list[periods.PeriodTarget], lang: str, internal: bool, table: str) -> tables.Sheet:
    keys, records = _records(chosen, internal, table)
    return tables.Sheet(followup.sheet_name(table, lang), [followup.header(k, lang, table) for k in keys],
                        list(keys), [followup.cells(r, keys, lang) for r in records], followup.DATE_KEYS,
                        frozenset({"value", "target_value"}))


def _follow_up(chosen: list[periods.PeriodTarget], fmt: str, lang: str, internal: bool,
               table: str, delimiter: str | None) -> bytes:
    """The outcomes or other results alone: CSV rows, JSON records, or one Excel sheet."""
    keys, records = _records(chosen, internal, table)
    if fmt == "json":
        return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    sheet = _sheet(chosen, lang, internal, table)
    if fmt == "xlsx":
        return tables.to_xlsx(sheet.headers, sheet.keys, sheet.rows, sheet.name, _stamp(chosen))
    return tables.to_csv(sheet.headers, sheet.rows, lang, delimiter).encode("utf-8")
