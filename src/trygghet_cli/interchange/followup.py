"""The follow-up as flat rows: one per outcome, one per other result (övrigt resultat).

Beside the activity rows, so that targets and outcomes can be analysed in a spreadsheet: a
second and third sheet in Excel, `--table outcomes|results` for CSV and JSON.
"""

from __future__ import annotations

from typing import Any

from trygghet_cli.interchange import columns as cols
from trygghet_cli.interchange.periods import PeriodTarget
from trygghet_cli.model import Outcome, Period, Result

OUTCOME_KEYS = ("municipality", "period", "activity", "activity_title", "target", "target_text",
                "target_kind", "target_value", "unit", "value", "date", "from", "to", "kind",
                "approximate", "bound", "verdict", "district", "place", "source", "note")
RESULT_KEYS = ("municipality", "period", "text", "value", "unit", "approximate", "bound", "date",
               "from", "to", "district", "pledge", "activity", "source", "note")
DATE_KEYS = {"date", "from", "to"}
_HEADERS = {
    "municipality": "kommun", "period": "period", "activity": "aktivitet",
    "activity_title": "aktivitetens titel",
    "target": "mål", "target_text": "målets text", "target_kind": "måltyp", "target_value": "målvärde",
    "unit": "enhet", "value": "utfall", "date": "datum", "from": "från", "to": "till", "kind": "typ",
    "approximate": "ungefärligt", "bound": "gräns", "verdict": "bedömning enligt källan",
    "source": "källa", "note": "anmärkning", "text": "resultat", "district": "kommundel",
    "pledge": "löfte", "place": "plats",
}
SHEETS = {"outcomes": ("Utfall", "Outcomes"), "results": ("Övriga resultat", "Other results")}


def header(key: str, lang: str, table: str = "outcomes") -> str:
    if table == "results" and key == "value":
        return "antal" if lang == "sv" else "value"
    return _HEADERS[key] if lang == "sv" else key.replace("_", " ")


def sheet_name(table: str, lang: str) -> str:
    sv, en = SHEETS[table]
    return sv if lang == "sv" else en


def _number(value: float | int | str | None) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _window(window: Period | None) -> dict[str, str | None]:
    return {"from": window.start.isoformat() if window else None,
            "to": window.end.isoformat() if window else None}


def _outcome(period: PeriodTarget, activity_id: str, title: str, target: Any,
             outcome: Outcome) -> dict[str, Any]:
    return {
        "municipality": period.municipality, "period": period.key, "activity": activity_id,
        "activity_title": title, "target": target.id,
        "target_text": target.text, "target_kind": target.kind.value,
        "target_value": _number(target.value), "unit": target.unit, "value": _number(outcome.value),
        "date": outcome.date_written, **_window(outcome.window),
        "kind": outcome.kind,
        "approximate": outcome.approximate, "bound": outcome.bound.value if outcome.bound else None,
        "verdict": outcome.verdict.value if outcome.verdict else None,
        "district": outcome.district, "place": outcome.place, "source": outcome.source,
        "note": outcome.note,
    }


def outcome_records(periods: list[PeriodTarget], internal: bool) -> list[dict[str, Any]]:
    """One record per outcome of every shown activity, in file order; then those of the pledges
    that carry their own targets (a flat pledge list), under the pledge's id and text."""
    listed = [_outcome(p, a.id, a.title, t, o)
              for p in periods if p.activity_list for a in p.activity_list.activities
              if internal or a.visibility != "internal" for t in a.targets for o in t.outcomes]
    return listed + [_outcome(p, pledge.id, pledge.text, t, o) for p in periods
                     for pledge in p.pledge_set.pledges for t in pledge.targets for o in t.outcomes]


def _result(period: PeriodTarget, result: Result) -> dict[str, Any]:
    return {
        "municipality": period.municipality, "period": period.key, "text": result.text,
        "value": _number(result.value), "unit": result.unit,
        "approximate": result.approximate, "bound": result.bound.value if result.bound else None,
        "date": result.when, **_window(result.window), "district": result.district,
        "pledge": result.pledge, "activity": result.activity, "source": result.source,
        "note": result.note,
    }


def result_records(periods: list[PeriodTarget]) -> list[dict[str, Any]]:
    """One record per other result of the periods' activity lists, in file order."""
    return [_result(p, r) for p in periods if p.activity_list for r in p.activity_list.results]


# The words of a Swedish sheet for the coded values (English sheets keep the codes).
SWEDISH: dict[str, dict[str, str]] = {
    "target_kind": {key: sv for key, (sv, _, _) in cols.KINDS.items()},
    "kind": {"interim": "delrapport", "final": "slutligt"},
    "bound": {"at_least": "minst", "at_most": "högst"},
    "verdict": {"met": "uppnått", "partly_met": "delvis uppnått", "not_met": "ej uppnått"},
}


def cells(record: dict[str, Any], keys: tuple[str, ...], lang: str = "en") -> list[str]:
    """A record as text cells: numbers without '.0', None as empty, booleans as true/false
    (Swedish: ja), coded values in the sheet's language (Swedish: minst, delrapport)."""
    out = []
    for key in keys:
        value = record[key]
        if value is None or value is False:
            out.append("")
        elif value is True:
            out.append("ja" if lang == "sv" else "true")
        elif lang == "sv" and key in SWEDISH:
            out.append(SWEDISH[key].get(str(value), str(value)))
        else:
            out.append(str(value))
    return out
