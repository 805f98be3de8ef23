"""Build the typed model from schema-valid documents."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from trygghet_cli import formats
from trygghet_cli.i18n import join_list
from trygghet_cli.loading import Document, JsonPath
from trygghet_cli.model import (
    NOT_GIVEN,
    OPEN_END,
    Activity,
    ActivityList,
    Agreement,
    Bound,
    Config,
    District,
    Function,
    Model,
    Municipality,
    Named,
    Outcome,
    Period,
    Pledge,
    PledgeSet,
    PriorityArea,
    Ref,
    Result,
    Source,
    Stated,
    StatedVerdict,
    Status,
    Target,
    TargetKind,
    parse_partial,
    pledge_actions,
)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _period(raw: dict[str, Any] | None) -> Period:
    """The period as written: without an end ('until: open' or 'next') it is open until
    `resolve_periods` finds the next set; without a period at all, NOT_GIVEN."""
    if raw is None:
        return NOT_GIVEN
    end = date.fromisoformat(raw["end"]) if "end" in raw else OPEN_END
    return Period(date.fromisoformat(raw["start"]), end, tuple(raw.get("uncertain", ())),
                  raw.get("until"))


def _sources(doc: Document, items: list[dict[str, Any]], path: JsonPath) -> list[Source]:
    return [
        Source(s["id"], s["title"], s.get("url"), s.get("published"), s.get("publisher"),
               Ref(doc, (*path, i)))
        for i, s in enumerate(items)
    ]


def _municipalities(doc: Document) -> list[Municipality]:
    """The root's municipalities: `municipalities:`, else the one `municipality:` (whose id
    defaults to its kommunkod). Validation reports a config with neither."""
    data = doc.data
    if "municipalities" in data:
        return [Municipality(m["id"], m["name"], m["code"], m.get("county"), m.get("party"),
                             Ref(doc, ("municipalities", i)))
                for i, m in enumerate(data["municipalities"])]
    one = data.get("municipality")
    if not isinstance(one, dict):
        return []
    return [Municipality(str(one.get("id", one["code"])), one["name"], one["code"], one.get("county"),
                         None, Ref(doc, ("municipality",)))]


def _definitions(doc: Document) -> tuple[list[Named], list[District], list[Function]]:
    """The parties, districts and functions a config or a shared file defines."""
    data = doc.data
    named = [Named(p["id"], p["name"], Ref(doc, ("parties", i)))
             for i, p in enumerate(data.get("parties", []))]
    districts = [District(d["id"], d["name"], Ref(doc, ("districts", i)), d.get("municipality"))
                 for i, d in enumerate(data.get("districts", []))]
    functions = [Function(f["id"], f["name"], Ref(doc, ("functions", i)), f["party"],
                          f.get("description")) for i, f in enumerate(data.get("functions", []))]
    return named, districts, functions


def shared(doc: Document, model: Model) -> None:
    """A file of definitions shared by several roots: its entities join the root's, each
    pointing back at the shared file (so a clash or an error names where it comes from)."""
    if model.config is None:
        return
    named, districts, functions = _definitions(doc)
    model.config.parties.extend(named)
    model.config.districts.extend(districts)
    model.config.functions.extend(functions)
    model.config.shared_files.append(doc.path)
    model.sources.extend(_sources(doc, doc.data.get("sources", []), ("sources",)))


def config(doc: Document, model: Model) -> None:
    data = doc.data
    named, districts, functions = _definitions(doc)
    municipalities = _municipalities(doc)
    language = data.get("language", "sv")
    # A root of several municipalities is named by all of them until a command narrows it to one.
    name = join_list([m.name for m in municipalities], language)
    code = municipalities[0].code if len(municipalities) == 1 else ""
    model.config = Config(name, code, data["police_area"], language, named, districts, functions,
                          Ref(doc, ()), municipalities,
                          data.get("coordination_function"), data.get("public_contact"),
                          data.get("law", {}), data.get("council_reports", []),
                          format=formats.of(data))
    model.sources.extend(_sources(doc, data.get("sources", []), ("sources",)))


def agreement(doc: Document, model: Model) -> None:
    data = doc.data
    areas = [
        PriorityArea(a["id"], a["title"], a.get("description"), a.get("responsible", []), a,
                     Ref(doc, ("priority_areas", i)))
        for i, a in enumerate(data["priority_areas"])
    ]
    model.agreements.append(Agreement(data["id"], data["title"], _period(data["period"]),
                                      data["parties"], data.get("signed"), areas, data, Ref(doc, ()),
                                      data.get("municipalities", [])))
    model.sources.extend(_sources(doc, data.get("sources", []), ("sources",)))


def pledges(doc: Document, model: Model) -> None:
    data = doc.data
    items = [
        Pledge(p["id"], p["text"], p.get("group"), p.get("parties", []), p.get("areas", []), data["id"],
               Ref(doc, ("pledges", i)), p.get("problems", []),
               [_target(doc, t, ("pledges", i, "targets", j)) for j, t in enumerate(p.get("targets", []))],
               "parties" in p, _stated(doc, p.get("stated"), ("pledges", i, "stated")))
        for i, p in enumerate(data["pledges"])
    ]
    model.pledge_sets.append(PledgeSet(
        data["id"], data["title"], _period(data.get("period")), data.get("agreement"),
        data.get("signed"), data.get("situation_picture"), items, data, Ref(doc, ()),
        data.get("municipalities", []), data.get("agreements", []),
        _stated(doc, data.get("stated"), ("stated",)), data.get("extends")))
    model.sources.extend(_sources(doc, data.get("sources", []), ("sources",)))


def _stated(doc: Document, raw: dict[str, Any] | None, path: JsonPath) -> Stated | None:
    if raw is None:
        return None
    verdict = raw.get("verdict")
    return Stated(StatedVerdict(verdict) if verdict else None, tuple(raw.get("status", ())),
                  raw.get("text"), raw.get("date"), raw["source"], Ref(doc, path))


def _window(raw: dict[str, str] | None) -> Period | None:
    """The window an outcome covers; None when absent or not a real date (rules report that)."""
    if raw is None:
        return None
    start, end = parse_partial(raw["start"]), parse_partial(raw["end"])
    if start is None or end is None:
        return None
    return Period(start.first, end.last)


def _outcome(doc: Document, raw: dict[str, Any], path: JsonPath) -> Outcome:
    window = _window(raw.get("period"))
    day = raw.get("date")
    partial = parse_partial(day) if day else None
    when = (partial.last if partial else date.min) if day else window.end if window else date.min
    bound, verdict = raw.get("bound"), raw.get("verdict")
    return Outcome(raw.get("value"), when, raw.get("kind"), bool(raw.get("approximate", False)),
                   raw.get("source"), raw.get("note"), Ref(doc, path), window,
                   Bound(bound) if bound else None, StatedVerdict(verdict) if verdict else None,
                   raw.get("district"), raw.get("place"), day if day and len(day) < 10 else None,
                   raw.get("season"))


def _target(doc: Document, raw: dict[str, Any], path: JsonPath) -> Target:
    outcomes = [_outcome(doc, o, (*path, "outcomes", i)) for i, o in enumerate(raw.get("outcomes", []))]
    value, most = raw.get("value"), raw.get("max")
    return Target(raw["id"], TargetKind(raw["kind"]), raw["text"],
                  float(value) if value is not None else None, raw.get("unit"), raw.get("per"),
                  raw.get("baseline"), raw.get("direction"), raw.get("change_unit"), outcomes,
                  Ref(doc, path), raw.get("indicator"), bool(raw.get("per_district", False)),
                  float(most) if most is not None else None, raw.get("every"),
                  tuple(raw.get("seasons", ())), raw.get("part_of"), raw.get("condition"))


def _activity(doc: Document, raw: dict[str, Any], path: JsonPath, list_id: str) -> Activity:
    targets = [_target(doc, t, (*path, "targets", i)) for i, t in enumerate(raw.get("targets", []))]
    return Activity(
        id=raw["id"], title=raw["title"], description=raw.get("description"),
        pledges=raw["pledges"], owners=raw.get("owners", []), parties=raw.get("parties", []),
        districts=raw.get("districts", []), places=raw.get("places", []),
        start=_date(raw.get("start")), due=_date(raw.get("due")),
        status=Status(raw.get("status", "unknown")), completed=raw.get("completed"),
        reason=raw.get("reason"), status_note=raw.get("status_note"), targets=targets,
        visibility=raw.get("visibility", "public"), predecessor=raw.get("predecessor"),
        internal_notes=raw.get("internal_notes"), list_id=list_id, ref=Ref(doc, path),
        problems=raw.get("problems", []), parties_stated="parties" in raw,
        partners=raw.get("partners", []), uncertain=tuple(raw.get("uncertain", ())),
    )


def _result(doc: Document, raw: dict[str, Any], path: JsonPath) -> Result:
    bound = raw.get("bound")
    return Result(raw["text"], raw.get("value"), raw.get("unit"), bool(raw.get("approximate", False)),
                  Bound(bound) if bound else None, raw.get("date"), _window(raw.get("period")),
                  raw.get("district"), raw.get("pledge"), raw.get("activity"), raw.get("source"),
                  raw.get("note"), Ref(doc, path))


def activities(doc: Document, model: Model) -> None:
    data = doc.data
    items = [_activity(doc, a, ("activities", i), data["id"]) for i, a in enumerate(data["activities"])]
    results = [_result(doc, r, ("results", i)) for i, r in enumerate(data.get("results", []))]
    model.activity_lists.append(ActivityList(data["id"], data.get("title"), data["pledge_set"],
                                             data.get("revised"), items, Ref(doc, ()),
                                             data.get("municipalities", []), results))
    model.sources.extend(_sources(doc, data.get("sources", []), ("sources",)))


def situation(doc: Document, model: Model) -> None:
    from trygghet_cli.situation.build import situation as build_situation

    model.situations.append(build_situation(doc))
    model.sources.extend(_sources(doc, doc.data.get("sources", []), ("sources",)))


def inherit_parties(model: Model) -> None:
    """Give a pledge that names no parties those of its set, else of its agreements; and an
    activity that names none those of its pledges. Sources often say "polis och kommun lovar"
    once for the whole set: the format must not make a user repeat it on every line. Nothing
    is invented: where no level names them, the list stays empty ("inte angivet")."""
    by_pledge: dict[str, list[str]] = {}
    for pledge_set in model.pledge_sets:
        agreements = [a for a in map(model.agreement, pledge_set.agreement_ids) if a is not None]
        above = list(pledge_set.raw.get("parties") or
                     dict.fromkeys(p for a in agreements for p in a.parties))
        for pledge in pledge_set.pledges:
            if not pledge.parties_stated:
                pledge.parties = list(above)
            by_pledge[pledge.id] = pledge.parties
    for activity in model.all_activities():
        if not activity.parties_stated:
            activity.parties = list(dict.fromkeys(p for i in activity.pledges for p in by_pledge.get(i, [])))


def resolve_periods(model: Model) -> None:
    """Give a pledge period that runs 'until: next' (tills nya löften beslutas) its end: the
    day before the next pledge set of the same municipality starts. Without a next set it
    stays open, as does 'until: open'."""
    from dataclasses import replace

    from trygghet_cli.area import municipalities_of

    dated = [s for s in model.pledge_sets if s.period.given]
    for pledge_set in dated:
        if pledge_set.period.until != "next":
            continue
        mine = {m.id for m in municipalities_of(model, pledge_set)}
        later = [s.period.start for s in dated if s.period.start > pledge_set.period.start
                 and (not mine or not (theirs := {m.id for m in municipalities_of(model, s)})
                      or mine & theirs)]
        if later:
            pledge_set.period = replace(pledge_set.period, end=min(later) - timedelta(days=1))


def date_by_sources(model: Model) -> None:
    """Give an undated outcome that cites a source with a publication date that date, as the
    only date it has: it counts from then, and views say "enligt källan från 12 mars 2024"."""
    published = {s.id: s.published for s in model.sources if s.published}
    actions = [a for s in model.pledge_sets for a in pledge_actions(s)] + model.all_activities()
    for activity in actions:
        for target in activity.targets:
            for outcome in target.outcomes:
                if outcome.undated and outcome.source in published and parse_partial(
                        published[outcome.source] or "") is not None:
                    outcome.source_date = published[outcome.source]


BUILDERS = {"config": config, "agreement": agreement, "pledges": pledges, "activities": activities,
            "situation": situation, "shared": shared}


def add(kind: str, doc: Document, model: Model) -> None:
    """Add one schema-valid document of the given kind to the model."""
    BUILDERS[kind](doc, model)
