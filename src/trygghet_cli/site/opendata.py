"""Open data for the site: one CSV per kind of record, everything as JSON, a README of the
columns; the DCAT-AP-SE metadata that Sveriges dataportal harvests is written by site/dcat.py.

Only public records: internal activities and internal notes are left out, like in the reports.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from trygghet_cli.model import Activity, Model, Outcome, Target
from trygghet_cli.output.csv_cells import inert
from trygghet_cli.render.context import ViewContext, activity_sources, text
from trygghet_cli.render.filters import md_escape

FOLDER = "oppna-data"
# What each file holds and its columns: (column, Swedish description, English description).
TABLES: dict[str, list[tuple[str, str, str]]] = {
    "pledges": [
        ("pledge_set_id", "medborgarlöftenas beteckning", "id of the pledge set"),
        ("pledge_set_title", "medborgarlöftenas titel", "title of the pledge set"),
        ("period_start", "periodens första dag (ÅÅÅÅ-MM-DD)", "first day of the period (YYYY-MM-DD)"),
        ("period_end", "periodens sista dag", "last day of the period"),
        ("period_uncertain", "datum som källorna inte anger säkert: start, end eller start;end",
         "dates the sources do not give for certain: start, end or start;end"),
        ("number", "löftets nummer i ordning", "the pledge's number in order"),
        ("pledge_id", "löftets beteckning", "id of the pledge"),
        ("text", "löftet som det publicerades", "the pledge as published"),
        ("parties", "parter som lovar, åtskilda med ;", "parties that promise, separated by ;"),
        ("priority_areas", "prioriterade områden, åtskilda med ;", "priority areas, separated by ;"),
        ("period_until", "när perioden saknar sista dag: open (tills vidare) eller next (tills nya "
         "löften beslutas); tom period_start: perioden anges inte",
         "when the period has no last day: open (until further notice) or next (until the next "
         "pledges are decided); empty period_start: the period is not given"),
        ("extends", "beteckning för de medborgarlöften som förlängs", "id of the pledge set extended"),
    ],
    "priority_areas": [
        ("agreement_id", "överenskommelsens beteckning", "id of the agreement"),
        ("agreement_title", "överenskommelsens titel", "title of the agreement"),
        ("period_start", "periodens första dag", "first day of the period"),
        ("period_end", "periodens sista dag", "last day of the period"),
        ("period_uncertain", "datum som källorna inte anger säkert: start, end eller start;end",
         "dates the sources do not give for certain: start, end or start;end"),
        ("area_id", "områdets beteckning", "id of the area"),
        ("title", "områdets rubrik", "the area's heading"),
        ("description", "områdets beskrivning", "the area's description"),
        ("new", "true om området är nytt i överenskommelsen", "true when the area is new"),
    ],
    "activities": [
        ("activity_id", "aktivitetens beteckning", "id of the activity"),
        ("list_id", "aktivitetslistans beteckning", "id of the activity list"),
        ("pledge_set_id", "medborgarlöftenas beteckning", "id of the pledge set"),
        ("title", "aktivitetens rubrik", "the activity's title"),
        ("description", "beskrivning", "description"),
        ("pledges", "löften som aktiviteten genomför, åtskilda med ;", "pledges served, separated by ;"),
        ("owners", "ansvariga funktioner, åtskilda med ;", "responsible functions, separated by ;"),
        ("parties", "parter, åtskilda med ;", "parties, separated by ;"),
        ("districts", "kommundelar, åtskilda med ;", "districts, separated by ;"),
        ("status", "status: planned, ongoing, done, delayed, cancelled eller unknown",
         "status: planned, ongoing, done, delayed, cancelled or unknown"),
        ("start", "startdatum", "start date"),
        ("due", "slutdatum", "due date"),
        ("completed", "när aktiviteten blev klar", "when the activity was completed"),
        ("reason", "orsak till försening eller inställd aktivitet", "why it was delayed or cancelled"),
        ("status_note", "offentlig kommentar till läget", "public note on the status"),
        ("sources", "källor, åtskilda med ;", "sources, separated by ;"),
    ],
    "outcomes": [
        ("activity_id", "aktivitetens beteckning", "id of the activity"),
        ("target_id", "målets beteckning", "id of the target"),
        ("target_kind", "slags mål: at_least, exactly, rate, qualitative, change",
         "kind of target: at_least, exactly, rate, qualitative, change"),
        ("target_text", "målet i ord", "the target in words"),
        ("target_value", "målvärde", "target value"),
        ("unit", "enhet", "unit"),
        ("outcome_date", "utfallets datum", "date of the outcome"),
        ("outcome_value", "utfall (tal eller text)", "outcome (number or text)"),
        ("outcome_kind", "interim (delrapport) eller final (slutligt)", "interim or final"),
        ("approximate", "true om utfallet är ungefärligt", "true when the outcome is approximate"),
        ("outcome_from", "första dagen som utfallet gäller, om källan anger en period",
         "first day the outcome covers, when the source gives a window"),
        ("outcome_to", "sista dagen som utfallet gäller", "last day the outcome covers"),
        ("bound", "at_least (minst, över) eller at_most (högst) när källan bara anger en gräns",
         "at_least or at_most when the source gives only a limit"),
        ("verdict", "källans egen bedömning: met, partly_met eller not_met",
         "the source's own verdict: met, partly_met or not_met"),
        ("district", "kommundelen som utfallet gäller", "the district the outcome is for"),
        ("place", "platsen som utfallet gäller", "the place the outcome is for"),
        ("source", "källa till utfallet", "source of the outcome"),
    ],
    "sources": [
        ("source_id", "källans beteckning", "id of the source"),
        ("title", "titel", "title"),
        ("url", "adress", "address"),
        ("publisher", "utgivare", "publisher"),
        ("published", "publicerad (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)",
         "published (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ],
}
def _joined(values: list[str]) -> str:
    return ";".join(values)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def rows(model: Model, ctx: ViewContext) -> dict[str, list[dict[str, str]]]:
    """Every public record as rows of text, per table."""
    tables: dict[str, list[dict[str, str]]] = {name: [] for name in TABLES}
    for s in model.pledge_sets:
        for number, p in enumerate(s.pledges, start=1):
            tables["pledges"].append({
                "pledge_set_id": s.id, "pledge_set_title": s.title,
                "period_start": s.period.bounds[0] or "", "period_end": s.period.bounds[1] or "",
                "period_uncertain": _joined(list(s.period.uncertain)),
                "period_until": s.period.until or "", "extends": s.extends or "",
                "number": str(number), "pledge_id": p.id, "text": " ".join(p.text.split()),
                "parties": _joined(p.parties), "priority_areas": _joined(p.areas)})
    for a in model.agreements:
        for area in a.areas:
            tables["priority_areas"].append({
                "agreement_id": a.id, "agreement_title": a.title,
                "period_start": a.period.start.isoformat(), "period_end": a.period.end.isoformat(),
                "period_uncertain": _joined(list(a.period.uncertain)),
                "area_id": area.id, "title": area.title,
                "description": " ".join(text(area.description).split()),
                "new": "true" if area.raw.get("new") else "false"})
    for lst in model.activity_lists:
        for act in (x for x in lst.activities if ctx.visible(x)):
            tables["activities"].append({
                "activity_id": act.id, "list_id": lst.id, "pledge_set_id": lst.pledge_set,
                "title": act.title, "description": " ".join(text(act.description).split()),
                "pledges": _joined(act.pledges), "owners": _joined(act.owners),
                "parties": _joined(act.parties), "districts": _joined(act.districts),
                "status": act.status.value, "start": act.start.isoformat() if act.start else "",
                "due": act.due.isoformat() if act.due else "", "completed": text(act.completed),
                "reason": " ".join(text(act.reason).split()),
                "status_note": " ".join(text(act.status_note).split()),
                "sources": _joined(activity_sources(act))})
            tables["outcomes"].extend(_outcome(act, t, o) for t in act.targets for o in t.outcomes)
    for src in model.sources:
        tables["sources"].append({"source_id": src.id, "title": src.title, "url": text(src.url),
                                  "publisher": text(src.publisher), "published": text(src.published)})
    return tables


def _outcome(act: Activity, target: Target, o: Outcome) -> dict[str, str]:
    """One outcome as it was reported: its window, bound and the source's own verdict kept, so
    'över 300' is never read as exactly 300."""
    return {"activity_id": act.id, "target_id": target.id, "target_kind": target.kind.value,
            "target_text": target.text, "target_value": _number(target.value),
            "unit": text(target.unit), "outcome_date": o.date_written or "",
            "outcome_value": _number(o.value) if not isinstance(o.value, str) else o.value,
            "outcome_kind": text(o.kind), "approximate": "true" if o.approximate else "false",
            "outcome_from": o.window.start.isoformat() if o.window else "",
            "outcome_to": o.window.end.isoformat() if o.window else "",
            "bound": o.bound.value if o.bound else "", "verdict": o.verdict.value if o.verdict else "",
            "district": text(o.district), "place": text(o.place), "source": text(o.source)}


def as_csv(name: str, table: list[dict[str, str]]) -> str:
    """One table as CSV: a header row of the column names, then one row per record."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = [c for c, _, _ in TABLES[name]]
    writer.writerow(columns)
    for row in table:
        writer.writerow([inert(row[c]) for c in columns])
    return out.getvalue()


def as_json(tables: dict[str, list[dict[str, str]]], municipality: str, code: str) -> str:
    data: dict[str, Any] = {"version": 1, "municipality": municipality, "code": code, **tables}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def readme(lang: str, municipality: str) -> str:
    """The README of the open-data folder: what each file holds, column by column."""
    sv = lang == "sv"
    lines = [f"# {'Öppna data' if sv else 'Open data'}: {md_escape(municipality)}", "",
             ("Uppgifterna om den brottsförebyggande samverkan som CSV (UTF-8, kommaseparerad, en "
              "rubrikrad) och som JSON (trygghet.json, samma fält per tabell). En cell som börjar "
              "med =, +, -, @ och inte är ett tal har fått ett inledande ' så att kalkylprogram "
              "inte kör den som en formel. Datum skrivs ÅÅÅÅ-MM-DD.") if sv else
             ("The records of the crime-prevention cooperation as CSV (UTF-8, comma-separated, one "
              "header row) and as JSON (trygghet.json, the same fields per table). A cell that starts "
              "with =, +, -, @ and is not a number has a leading ' so that spreadsheets do not run it "
              "as a formula. Dates are YYYY-MM-DD."), ""]
    for name, columns in TABLES.items():
        lines += [f"## {name}.csv", "", "| kolumn | innehåll |" if sv else "| column | content |",
                  "|---|---|"]
        lines += [f"| {c} | {d_sv if sv else d_en} |" for c, d_sv, d_en in columns]
        lines.append("")
    return "\n".join(lines)

