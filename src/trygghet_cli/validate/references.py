"""Cross-file references: every id unique, and every id that is used defined somewhere."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from trygghet_cli.findings import Finding, Location, make
from trygghet_cli.model import Activity, Agreement, Model, Pledge, PledgeSet, Ref, Target
from trygghet_cli.situation import Situation

_SV_KIND = {"party": "part", "district": "kommundel", "function": "funktion", "source": "källa",
            "agreement": "överenskommelse", "area": "prioriterat område",
            "pledge set": "löftesperiod", "pledge": "medborgarlöfte",
            "activity list": "aktivitetslista", "activity": "aktivitet", "lägesbild": "lägesbild",
            "problem": "problem", "indicator": "indikator", "function or party": "funktion eller part"}
# Kinds whose Swedish noun is neuter (ett): 'okänt medborgarlöfte', not 'okänd'.
_SV_NEUTER = {"area", "pledge", "problem"}


def _defined(model: Model) -> Iterator[tuple[str, str, Ref]]:
    """Every (kind, id, ref) the data root defines."""
    if model.config:
        for party in model.config.parties:
            yield "party", party.id, party.ref
        for district in model.config.districts:
            yield "district", district.id, district.ref
        for function in model.config.functions:
            yield "function", function.id, function.ref
    for source in model.sources:
        yield "source", source.id, source.ref
    for agreement in model.agreements:
        yield "agreement", agreement.id, agreement.ref
        for area in agreement.areas:
            yield "area", area.id, area.ref
    for pledge_set in model.pledge_sets:
        yield "pledge set", pledge_set.id, pledge_set.ref
        for pledge in pledge_set.pledges:
            yield "pledge", pledge.id, pledge.ref
    for activity_list in model.activity_lists:
        yield "activity list", activity_list.id, activity_list.ref
        for activity in activity_list.activities:
            yield "activity", activity.id, activity.ref
    for situation in model.situations:
        yield "lägesbild", situation.id, situation.ref


def duplicate_ids(model: Model) -> list[Finding]:
    """TRY301 for every id defined a second time anywhere in the data root."""
    # Locations are looked up only for duplicates: a lookup per id made large roots slow.
    first: dict[str, tuple[str, Ref]] = {}
    findings = []
    shared = set(model.config.shared_files) if model.config else set()
    for kind, ident, ref in _defined(model):
        if ident in first:
            other_kind, other_ref = first[ident]
            if ref.file.path in shared and other_ref.file.path not in shared:
                findings.append(_shadowed(kind, ident, other_ref, ref))
                continue
            where = ref.where("id")
            other = other_ref.where("id")
            findings.append(make("TRY301", where, f"id '{ident}' ({kind}) is already used by "
                                 f"the {other_kind} at {other}", "give one of them another id",
                                 sv=f"id '{ident}' ({_SV_KIND[kind]}) används redan av "
                                 f"{_SV_KIND[other_kind]} på {other}",
                                 sv_hint="ge en av dem ett annat id"))
        else:
            first[ident] = (kind, ref)
    return findings


def _shadowed(kind: str, ident: str, local: Ref, shared: Ref) -> Finding:
    """TRY301 at a root's own definition of an id that a shared file already defines."""
    there = shared.where("id")
    return make("TRY301", local.where("id"), f"id '{ident}' ({kind}) is already defined in the "
                f"shared file {there}", "remove this definition and use the shared one, or give "
                "it another id", sv=f"id '{ident}' ({_SV_KIND[kind]}) finns redan i den delade "
                f"filen {there}", sv_hint="ta bort den här definitionen och använd den delade, "
                "eller ge den ett annat id")


# `id: ...` at the start of a line, also as a list item: the ids of a file YAML could not parse.
_ID_LINE = re.compile(rb"^[ \t-]*id:[ \t]*[\"']?([a-z0-9][a-z0-9._-]{0,63})", re.MULTILINE)


def _ids_in(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield data["id"]
        for value in data.values():
            yield from _ids_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from _ids_in(item)


def ids_of_broken(data: Any, raw: bytes | None) -> list[str]:
    """The ids a file that could not be loaded would define: from its data when it parsed (and
    failed its schema), else from its `id:` lines."""
    if data is not None:
        return list(dict.fromkeys(_ids_in(data)))
    if raw is None:
        return []
    return list(dict.fromkeys(m.group(1).decode("ascii") for m in _ID_LINE.finditer(raw)))


class _Resolver:
    """Looks up ids by kind and produces 'unknown id' findings with suggestions.

    `lost` maps ids to the file that defines them but could not be read: a reference to one
    is not an unknown id (with a guess at another), it waits for that file to be fixed.
    """

    def __init__(self, model: Model, lost: Mapping[str, str] | None = None) -> None:
        self.known: dict[str, set[str]] = {}
        for kind, ident, _ in _defined(model):
            self.known.setdefault(kind, set()).add(ident)
        self.findings: list[Finding] = []
        self.lost = lost or {}
        self.waiting: dict[str, list[tuple[Location, str]]] = {}

    def need(self, kind: str, code: str, ident: str | None, where: Location) -> None:
        if ident is None or ident in self.known.get(kind, set()):
            return
        if ident in self.lost:
            self.waiting.setdefault(self.lost[ident], []).append((where, ident))
            return
        options = sorted(self.known.get(kind, set()))
        close = difflib.get_close_matches(ident, options, n=1)
        hint = f"did you mean '{close[0]}'?" if close else (
            f"known {kind} ids: {', '.join(options[:8])}" if options else f"define the {kind} first")
        sv_kind = _SV_KIND[kind]
        sv_hint = f"menade du '{close[0]}'?" if close else (
            f"kända id: {', '.join(options[:8])}" if options else f"definiera {sv_kind} först")
        self.findings.append(make(code, where, f"unknown {kind} '{ident}'", hint,
                                  sv=f"{'okänt' if kind in _SV_NEUTER else 'okänd'} {sv_kind} "
                                     f"'{ident}'", sv_hint=sv_hint))

    def need_at(self, kind: str, code: str, ident: str | None, ref: Ref, *field: str | int) -> None:
        """Like need, looking up the location only when the id is unknown."""
        if ident is not None and ident not in self.known.get(kind, set()):
            self.need(kind, code, ident, ref.where(*field))

    def each(self, kind: str, code: str, ids: Iterable[str], ref: Ref, field: str) -> None:
        known = self.known.get(kind, set())
        for index, ident in enumerate(ids):
            if ident not in known:
                self.need(kind, code, ident, ref.where(field, index))


def _waiting(path: str, refs: list[tuple[Location, str]]) -> Finding:
    """TRY318: one note for every reference to the ids of a file that could not be read."""
    where, ident = min(refs)
    more = len({i for _, i in refs}) - 1
    if more:
        ids, sv_ids = ("1 more id", "1 annat id") if more == 1 else (f"{more} more ids", f"{more} andra id")
        message = f"'{ident}' and {ids} are defined in {path}, which could not be read"
        sv = f"'{ident}' och {sv_ids} definieras i {path}, som inte kunde läsas"
    else:
        message = f"'{ident}' is defined in {path}, which could not be read"
        sv = f"'{ident}' definieras i {path}, som inte kunde läsas"
    return make("TRY318", where, message,
                f"fix the error in {path} first: these references are checked once it can be read",
                sv=sv, sv_hint=f"rätta felet i {path} först: hänvisningarna kontrolleras när "
                "filen kan läsas")


def unresolved(model: Model, lost: Mapping[str, str] | None = None) -> list[Finding]:
    """TRY302-TRY310: references to agreements, areas, pledges, functions, districts, ...;
    TRY318 once per unreadable file whose ids (`lost`) are referred to."""
    resolve = _Resolver(model, lost)
    # A problem or indicator id is unique within its lägesbild; a later lägesbild that names
    # the same id sees the same problem (or measure) again.
    resolve.known["problem"] = {p.id for s in model.situations for p in s.problems}
    if model.config:
        for function in model.config.functions:
            resolve.need_at("party", "TRY308", function.party, function.ref, "party")
    for agreement in model.agreements:
        resolve.each("party", "TRY308", agreement.parties, agreement.ref, "parties")
        for area in agreement.areas:
            resolve.each("function", "TRY306", area.responsible, area.ref, "responsible")
            resolve.each("source", "TRY309", area.raw.get("sources", []), area.ref, "sources")
    for pledge_set in model.pledge_sets:
        resolve.need_at("agreement", "TRY302", pledge_set.agreement, pledge_set.ref, "agreement")
        resolve.each("agreement", "TRY302", pledge_set.more_agreements, pledge_set.ref, "agreements")
        resolve.need_at("pledge set", "TRY305", pledge_set.extends, pledge_set.ref, "extends")
        resolve.each("party", "TRY308", pledge_set.raw.get("parties", []), pledge_set.ref, "parties")
        _check_pledges(resolve, model, pledge_set.agreement_ids, pledge_set.pledges)
    for activity_list in model.activity_lists:
        resolve.need_at("pledge set", "TRY305", activity_list.pledge_set, activity_list.ref,
                        "pledge_set")
        for activity in activity_list.activities:
            _check_activity(resolve, activity)
        for result in activity_list.results:
            resolve.need_at("district", "TRY307", result.district, result.ref, "district")
            resolve.need_at("pledge", "TRY304", result.pledge, result.ref, "pledge")
            resolve.need_at("activity", "TRY310", result.activity, result.ref, "activity")
            resolve.need_at("source", "TRY309", result.source, result.ref, "source")
    _check_plans(resolve, model)
    every_indicator = {i.id for s in model.situations for i in s.indicators}
    for situation in model.situations:
        _check_situation(resolve, situation)
    resolve.known["indicator"] = every_indicator
    every_target = [t for a in model.all_activities() for t in a.targets]
    every_target += [t for s in model.pledge_sets for p in s.pledges for t in p.targets]
    for target in every_target:
        if target.indicator:
            resolve.need_at("indicator", "TRY316", target.indicator["id"], target.ref,
                            "indicator", "id")
            resolve.need_at("district", "TRY307", target.indicator.get("district"), target.ref,
                            "indicator", "district")
    return resolve.findings + [_waiting(path, refs) for path, refs in resolve.waiting.items()]


def _check_plans(resolve: _Resolver, model: Model) -> None:
    """The lägesbild, decision, problems and samordningsfunktion that plans and config name."""
    if model.config:
        ref = model.config.ref
        resolve.need_at("function", "TRY306", model.config.coordination_function, ref,
                        "coordination_function")
        for index, report in enumerate(model.config.council_reports):
            resolve.need_at("source", "TRY309", report.get("source"), ref, "council_reports", index)
    plans: list[Agreement | PledgeSet] = [*model.agreements, *model.pledge_sets]
    for plan in plans:
        resolve.need_at("lägesbild", "TRY317", plan.raw.get("situation"), plan.ref, "situation")
        decision = plan.raw.get("decision") or {}
        resolve.need_at("source", "TRY309", decision.get("source"), plan.ref, "decision", "source")
    for pledge_set in model.pledge_sets:
        if pledge_set.stated is not None:
            resolve.need_at("source", "TRY309", pledge_set.stated.source, pledge_set.stated.ref, "source")
        for pledge in pledge_set.pledges:
            resolve.each("problem", "TRY315", pledge.problems, pledge.ref, "problems")


def _check_situation(resolve: _Resolver, situation: Situation) -> None:
    ref = situation.ref
    resolve.known["function or party"] = resolve.known.get("function", set()) | resolve.known.get(
        "party", set())
    resolve.each("function or party", "TRY306", situation.compiled_by, ref, "compiled_by")
    _unique_within(resolve, "indicator", [(i.id, i.ref) for i in situation.indicators])
    _unique_within(resolve, "problem", [(p.id, p.ref) for p in situation.problems])
    for indicator in situation.indicators:
        resolve.need_at("source", "TRY309", indicator.source, indicator.ref, "source")
        for value in indicator.values:
            resolve.need_at("district", "TRY307", value.district, value.ref, "district")
            resolve.need_at("source", "TRY309", value.source, value.ref, "source")
    for item in situation.information:
        resolve.each("district", "TRY307", item.districts, item.ref, "districts")
        resolve.each("source", "TRY309", item.sources, item.ref, "sources")
    for section in situation.districts:
        resolve.need_at("district", "TRY307", section.district, section.ref, "district")
        resolve.each("source", "TRY309", section.sources, section.ref, "sources")
    resolve.known["indicator"] = {i.id for i in situation.indicators}
    for problem in situation.problems:
        resolve.each("district", "TRY307", problem.districts, problem.ref, "districts")
        resolve.each("indicator", "TRY316", problem.indicators, problem.ref, "indicators")
        resolve.each("source", "TRY309", problem.sources, problem.ref, "sources")


_SV_DEFINITE = {"indicator": "indikatorn", "problem": "problemet"}


def _unique_within(resolve: _Resolver, kind: str, items: list[tuple[str, Ref]]) -> None:
    """TRY301 for an id used twice in one lägesbild."""
    first: dict[str, Ref] = {}
    for ident, ref in items:
        if ident not in first:
            first[ident] = ref
            continue
        other = first[ident].where("id")
        resolve.findings.append(make(
            "TRY301", ref.where("id"), f"{kind} id '{ident}' is already used in this lägesbild "
            f"at {other}", "give one of them another id",
            sv=f"{_SV_DEFINITE[kind]} '{ident}' finns redan i den här lägesbilden på {other}",
            sv_hint="ge en av dem ett annat id"))


def _check_pledges(resolve: _Resolver, model: Model, agreement_ids: list[str],
                   pledges: list[Pledge]) -> None:
    """Pledges serve priority areas of the agreements their period builds on (any of them)."""
    agreements = [a for a in (model.agreement(i) for i in agreement_ids) if a is not None]
    own_areas = {area.id for a in agreements for area in a.areas} if agreements else None
    agreement_id = ", ".join(a.id for a in agreements)
    for pledge in pledges:
        resolve.each("party", "TRY308", pledge.parties, pledge.ref, "parties")
        _check_outcomes(resolve, pledge.targets)
        if pledge.stated is not None:
            resolve.need_at("source", "TRY309", pledge.stated.source, pledge.stated.ref, "source")
        for index, area_id in enumerate(pledge.areas):
            if own_areas is not None and area_id not in own_areas and area_id not in resolve.lost:
                resolve.findings.append(make(
                    "TRY303", pledge.ref.where("areas", index),
                    f"priority area '{area_id}' is not in agreement '{agreement_id}'",
                    f"use one of: {', '.join(sorted(own_areas))}",
                    sv=f"prioriterat område '{area_id}' finns inte i överenskommelsen "
                    f"'{agreement_id}'", sv_hint=f"använd något av: {', '.join(sorted(own_areas))}"))
            elif own_areas is None or area_id in resolve.lost:
                resolve.need_at("area", "TRY303", area_id, pledge.ref, "areas", index)


def _check_activity(resolve: _Resolver, activity: Activity) -> None:
    ref = activity.ref
    resolve.each("pledge", "TRY304", activity.pledges, ref, "pledges")
    resolve.each("function", "TRY306", activity.owners, ref, "owners")
    resolve.each("party", "TRY308", activity.parties, ref, "parties")
    resolve.each("district", "TRY307", activity.districts, ref, "districts")
    resolve.need_at("activity", "TRY310", activity.predecessor, ref, "predecessor")
    resolve.each("problem", "TRY315", activity.problems, ref, "problems")
    _check_outcomes(resolve, activity.targets)


def _check_outcomes(resolve: _Resolver, targets: list[Target]) -> None:
    for target in targets:
        for outcome in target.outcomes:
            resolve.need_at("source", "TRY309", outcome.source, outcome.ref, "source")
            resolve.need_at("district", "TRY307", outcome.district, outcome.ref, "district")


def check(model: Model, lost: Mapping[str, str] | None = None) -> list[Finding]:
    """Duplicate and unknown ids; `lost` maps the ids of unreadable files to those files."""
    return duplicate_ids(model) + unresolved(model, lost)
