"""Public views: the plain dicts of strings and numbers that templates receive.

A view is an allowlist projection of the model: only the fields named here reach a
report. Internal activities and internal notes are added only for the internal audience.
"""

from __future__ import annotations

from typing import Any

from trygghet_cli.area import Item, names_of
from trygghet_cli.model import Activity, Agreement, PledgeSet
from trygghet_cli.render.context import (
    ViewContext,
    activity_sources,
    shown_title,
    stated_line,
    strings,
    text,
)

View = dict[str, Any]


def meta(ctx: ViewContext, kind: str, title: str, period: str, documents: list[Item],
         title_is_data: bool = True, dated: bool = False, party_ids: list[str] | None = None) -> View:
    """What every report shows in its header and footer; `documents` (the agreement or pledge
    sets shown) decide which municipality or municipalities it names, and whose parties the
    footer names unless `party_ids` are given. The date it is as of is shown when given with
    --as-of, and always when `dated` (a meeting report judged today)."""
    cfg = ctx.model.config
    return {
        "lang": ctx.lang, "kind": kind, "kind_label": ctx.t(f"report.kind.{kind}"),
        "title": title, "title_is_data": title_is_data, "period": period,
        "municipality": names_of(ctx.model, documents, ctx.lang),
        "parties": _other_parties(ctx, _party_ids(ctx, documents, party_ids)),
        "police_area": cfg.police_area if cfg else "",
        "as_of": ctx.date(ctx.as_of) if ctx.as_of_shown or dated else "",
        "preliminary": "",
        "data_lang": cfg.language if cfg and cfg.language != ctx.lang else "",
        "internal": ctx.internal,
    }


def _party_ids(ctx: ViewContext, documents: list[Item], given: list[str] | None) -> list[str]:
    """The parties behind a report: those of its documents; for a report with none (a lägesbild,
    a council report of a span without pledges) the root's own parties, with those given (its
    compilers: a function stands for its party). Never fewer than two when the root has more."""
    from trygghet_cli.area import own_parties

    cfg = ctx.model.config
    party_of = {f.id: f.party for f in cfg.functions} if cfg else {}
    ids = [str(p) for d in documents for p in getattr(d, "raw", {}).get("parties", [])]
    if given is not None or not ids:
        order = {p.id: n for n, p in enumerate(cfg.parties)} if cfg else {}
        ids = sorted({party_of.get(i, i) for i in [*(given or []), *own_parties(ctx.model)]},
                     key=lambda p: (order.get(p, len(order)), p))
    found = list(dict.fromkeys(party_of.get(i, i) for i in ids))
    if len(found) < 2 and cfg is not None:
        found = [p.id for p in cfg.parties]
    return found


def _other_parties(ctx: ViewContext, party_ids: list[str]) -> str:
    """The parties as a list ('A, B och C'), or '' when they are one municipality and the
    police (a sentence may then say 'the police') or fewer than two (no cooperation to name)."""
    from trygghet_cli.area import only_municipality_and_police

    ids = list(dict.fromkeys(party_ids))
    if len(ids) < 2 or only_municipality_and_police(ctx.model, ids):
        return ""
    return ctx.listed(ctx.names(ids))


def _signed(ctx: ViewContext, signed: dict[str, Any] | None) -> View | None:
    if not signed:
        return None
    day = ctx.partial(signed.get("date"))
    if signed.get("uncertain") is True:
        day = ctx.t("date.uncertain", date=day)
    return {"date": day, "roles": strings(signed.get("roles")),
            "place": text(signed.get("place"))}


def _follow_up(ctx: ViewContext, raw: Any) -> View | None:
    if not isinstance(raw, dict) or not raw:
        return None
    frequency = raw.get("frequency")
    return {"description": text(raw.get("description")),
            "frequency": ctx.t(f"report.frequency.{frequency}") if frequency else ""}


def activity_brief(ctx: ViewContext, activity: Activity) -> View:
    """An activity as the citizen page and the agreement show it (the status as recorded)."""
    view: View = {
        "id": activity.id, "title": shown_title(ctx, activity), "description": text(activity.description),
        "owners": ctx.names(activity.owners), "parties": ctx.names(activity.parties),
        "districts": ctx.names(activity.districts), "places": list(activity.places),
        "status": ctx.t(f"status.{activity.status.value}"), "status_key": activity.status.value,
        "due": ctx.about(activity.due, "due" in activity.uncertain),
        "internal": activity.visibility == "internal",
        "partners": list(activity.partners),
    }
    if ctx.internal:
        view["internal_notes"] = text(activity.internal_notes)
    return view


def _area_pledges(ctx: ViewContext, agreement: Agreement, area_id: str) -> list[View]:
    return [{"set": pledge_set.title, "text": pledge.text}
            for pledge_set in ctx.model.pledge_sets if pledge_set.agreement == agreement.id
            for pledge in pledge_set.pledges if area_id in pledge.areas]


def agreement_view(ctx: ViewContext, agreement: Agreement) -> View:
    """The agreement: its priority areas, who is responsible for each, and the pledges serving them."""
    raw = agreement.raw
    areas = [{
        "id": area.id, "title": area.title, "description": text(area.description),
        "problem": text(area.raw.get("problem")), "causes": strings(area.raw.get("causes")),
        "goals": strings(area.raw.get("goals")), "new": bool(area.raw.get("new", False)),
        "responsible": ctx.names(area.responsible),
        "pledges": _area_pledges(ctx, agreement, area.id),
    } for area in agreement.areas]
    cited = strings(raw.get("sources")) + [s for a in agreement.areas for s in strings(a.raw.get("sources"))]
    pledge_sets = [{"title": s.title, "period": s.period.label(ctx.lang)}
                   for s in sorted(ctx.model.pledge_sets, key=lambda s: s.period.start)
                   if s.agreement == agreement.id]
    return {
        "meta": meta(ctx, "agreement", agreement.title, agreement.period.label(ctx.lang), [agreement]),
        "agreement": {
            "id": agreement.id, "title": agreement.title, "period": ctx.period(agreement.period),
            "parties": ctx.names(agreement.parties), "signed": _signed(ctx, agreement.signed),
            "summary": text(raw.get("summary")), "partners": strings(raw.get("partners")),
            "follow_up": _follow_up(ctx, raw.get("follow_up")),
            "source_note": text(raw.get("source_note")), "notes": text(raw.get("notes")),
        },
        "areas": areas,
        "responsible_known": sum(1 for a in areas if a["responsible"]),
        "responsible_unknown": sum(1 for a in areas if not a["responsible"]),
        "pledge_sets": pledge_sets,
        "sources": ctx.sources(cited),
    }


def _situation(ctx: ViewContext, raw: dict[str, Any] | None) -> View | None:
    if not raw:
        return None
    districts = [{"name": ctx.name(str(d.get("district"))), "summary": text(d.get("summary"))}
                 for d in raw.get("districts", []) if isinstance(d, dict)]
    return {"summary": text(raw.get("summary")), "basis": strings(raw.get("basis")),
            "problems": strings(raw.get("problems")), "districts": districts}


def _areas_by_id(ctx: ViewContext, pledge_set: PledgeSet) -> dict[str, str]:
    found = ctx.model.agreement(pledge_set.agreement) if pledge_set.agreement else None
    return {area.id: area.title for area in found.areas} if found else {}


def pledges_view(ctx: ViewContext, pledge_set: PledgeSet) -> View:
    """The citizen page: the pledges, who promises what, and how to follow progress."""
    areas = _areas_by_id(ctx, pledge_set)
    activities = [a for a in ctx.model.activities_for(pledge_set.id) if ctx.visible(a)]
    # The set's parties, else its agreements', else those its pledges name ("anges inte" when
    # nobody names them).
    agreements = [a for a in map(ctx.model.agreement, pledge_set.agreement_ids) if a is not None]
    stated = strings(pledge_set.raw.get("parties")) or list(
        dict.fromkeys(p for a in agreements for p in a.parties))
    party_ids = stated or list(dict.fromkeys(p for pledge in pledge_set.pledges for p in pledge.parties))
    parties = ctx.names(party_ids)
    pledges = [{
        "number": index, "id": pledge.id, "text": pledge.text, "group": text(pledge.group),
        "parties": ctx.names(pledge.parties),
        "promised_by": [party in pledge.parties for party in party_ids],
        "areas": [areas.get(a, a) for a in pledge.areas],
        "activities": [activity_brief(ctx, a) for a in activities if pledge.id in a.pledges],
        "stated": stated_line(ctx, pledge.stated, "pledge"),
    } for index, pledge in enumerate(pledge_set.pledges, start=1)]
    raw = pledge_set.raw
    situation = pledge_set.situation or {}
    cited = (strings(raw.get("sources")) + strings(situation.get("sources"))
             + [s for p in raw.get("pledges", []) for s in strings(p.get("sources"))]
             + [s for a in activities for s in activity_sources(a)])
    agreement = ctx.model.agreement(pledge_set.agreement) if pledge_set.agreement else None
    return {
        "meta": meta(ctx, "pledges", pledge_set.title, pledge_set.period.label(ctx.lang), [pledge_set]),
        "set": {
            "id": pledge_set.id, "title": pledge_set.title, "period": ctx.set_period(pledge_set),
            "parties": parties, "signed": _signed(ctx, pledge_set.signed),
            "agreement": ({"title": agreement.title, "period": agreement.period.label(ctx.lang)}
                          if agreement else None),
            "follow_up": _follow_up(ctx, raw.get("follow_up")),
            "stated": stated_line(ctx, pledge_set.stated, "set"),
            "notes": text(raw.get("notes")),
        },
        "situation": _situation(ctx, pledge_set.situation),
        "pledges": pledges,
        "activity_count": sum(1 for a in activities if not a.from_pledge),
        "done_count": sum(1 for a in activities if a.status.value == "done"),
        "sources": ctx.sources(cited),
    }
