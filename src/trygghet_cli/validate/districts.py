"""Districts belong to a municipality: each lies in one, and a document names only its own.

In a root of several municipalities every district says where it lies (`municipality:`,
TRY322), and an activity list or lägesbild names only the districts of the municipalities
it belongs to (TRY321): Alby's activities happen in Alby's districts, a joint document's in
any of its municipalities'.
"""

from __future__ import annotations

from collections.abc import Iterator

from trygghet_cli.findings import Finding, Location, make
from trygghet_cli.i18n import join_list
from trygghet_cli.model import ActivityList, District, Model
from trygghet_cli.situation import Information, Problem, Situation


def _list_uses(item: ActivityList) -> Iterator[tuple[str, Location]]:
    for activity in item.activities:
        for index, district in enumerate(activity.districts):
            yield district, activity.ref.where("districts", index)
        for target in activity.targets:
            if target.indicator and target.indicator.get("district"):
                yield str(target.indicator["district"]), target.ref.where("indicator", "district")
            for outcome in target.outcomes:
                if outcome.district:
                    yield outcome.district, outcome.ref.where("district")
    for result in item.results:
        if result.district:
            yield result.district, result.ref.where("district")


def _situation_uses(item: Situation) -> Iterator[tuple[str, Location]]:
    for indicator in item.indicators:
        for value in indicator.values:
            if value.district:
                yield value.district, value.ref.where("district")
    entries: list[Information | Problem] = [*item.information, *item.problems]
    for entry in entries:
        for index, district in enumerate(entry.districts):
            yield district, entry.ref.where("districts", index)
    for section in item.districts:
        yield section.district, section.ref.where("district")


def uses_of(item: ActivityList | Situation) -> Iterator[tuple[str, Location]]:
    """Every district id a document names, with where it names it."""
    return _list_uses(item) if isinstance(item, ActivityList) else _situation_uses(item)


def _homeless(district: District, known: list[str]) -> Finding:
    return make("TRY322", district.ref.where(), f"district '{district.id}' does not say which of "
                f"the {len(known)} municipalities it lies in",
                f"add 'municipality: {known[0]}' to it (ids: {', '.join(known)})",
                sv=f"kommundelen '{district.id}' anger inte vilken av de {len(known)} kommunerna "
                "den ligger i",
                sv_hint=f"lägg till 'municipality: {known[0]}' (id: {', '.join(known)})")


def _unknown_home(district: District, known: list[str]) -> Finding:
    return make("TRY312", district.ref.where("municipality"),
                f"unknown municipality '{district.municipality}'", f"use one of: {', '.join(known)}",
                sv=f"okänd kommun '{district.municipality}'",
                sv_hint=f"använd något av: {', '.join(known)}")


def _elsewhere(model: Model, item: ActivityList | Situation) -> list[Finding]:
    from trygghet_cli.area import home_of, municipalities_of

    own = municipalities_of(model, item)
    if not own:
        return []  # TRY313 says the document names no municipality
    homes = {d.id: home_of(model, d) for d in model.config.districts} if model.config else {}
    names = {m.id: m.name for m in (model.config.municipalities if model.config else [])}
    mine = {m.id for m in own}
    listed = {lang: join_list([m.name for m in own], lang) for lang in ("en", "sv")}
    uses = uses_of(item)
    return [make("TRY321", where, f"district '{district}' lies in {names[home]}, but "
                 f"'{item.id}' belongs to {listed['en']}",
                 f"name a district of {listed['en']}, or add {home} to the document's "
                 "'municipalities:'",
                 sv=f"kommundelen '{district}' ligger i {names[home]}, men '{item.id}' hör till "
                 f"{listed['sv']}",
                 sv_hint=f"ange en kommundel i {listed['sv']}, eller lägg till {home} under "
                 "dokumentets 'municipalities:'")
            for district, where in uses
            if (home := homes.get(district)) in names and home not in mine]


def check(model: Model) -> list[Finding]:
    """TRY322 for a district of no municipality in a root of several, TRY312 for one of an
    unknown municipality, TRY321 for a document naming another municipality's district."""
    if model.config is None:
        return []
    known = [m.id for m in model.config.municipalities]
    findings = []
    for district in model.config.districts:
        if district.municipality is None and len(known) > 1:
            from trygghet_cli import formats

            findings.append(formats.soften(_homeless(district, known), model.config.format))
        elif district.municipality is not None and district.municipality not in known:
            findings.append(_unknown_home(district, known))
    if len(known) > 1:
        documents: list[ActivityList | Situation] = [*model.activity_lists, *model.situations]
        for item in documents:
            findings.extend(_elsewhere(model, item))
    return findings
