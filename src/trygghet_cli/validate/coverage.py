"""Warnings about gaps in the chain agreement -> pledges -> activities -> targets."""

from __future__ import annotations

from trygghet_cli.findings import Finding, Location, make
from trygghet_cli.model import Model

# The kinds of file a gap check reads: while one of them could not be loaded, the check would
# report gaps that file may fill ("pledge without activity or target" when the activity list is broken).
NEEDS = {"TRY502": {"activities"}, "TRY503": {"pledges"}, "TRY507": {"pledges", "activities"},
         "TRY508": {"pledges", "agreement", "situation"}}


def check(model: Model, broken: set[str] | frozenset[str] = frozenset()) -> list[Finding]:
    """TRY501-TRY508, leaving out the gaps a file of a `broken` kind (one that could not be
    loaded; "config" stands for all of them) may fill."""
    findings = _targetless(model)
    for code, check_gaps in (("TRY502", _pledges_without_activity), ("TRY503", _areas_without_pledge),
                             ("TRY507", _unaddressed_problems), ("TRY508", _untied_activities)):
        if not broken & (NEEDS[code] | {"config", "shared"}):
            findings.extend(check_gaps(model))
    return findings


def _areas_without_pledge(model: Model) -> list[Finding]:
    findings = []
    served = {area for s in model.pledge_sets for p in s.pledges for area in p.areas}
    for agreement in model.agreements:
        for area in agreement.areas:
            if area.id not in served:
                findings.append(make("TRY503", area.ref.where("id"),
                                     f"priority area '{area.id}' is served by no pledge",
                                     "link a pledge to it with 'areas:', or note why not",
                                     sv=f"inget medborgarlöfte hör till det prioriterade området "
                                     f"'{area.id}'",
                                     sv_hint="koppla ett löfte till det med 'areas:', eller notera "
                                     "varför inte"))
    return findings


def _pledges_without_activity(model: Model) -> list[Finding]:
    findings = []
    carried = {pledge for a in model.all_activities() for pledge in a.pledges}
    for pledge_set in model.pledge_sets:
        for pledge in pledge_set.pledges:
            if pledge.id not in carried and not pledge.targets and pledge.stated is None:
                findings.append(make("TRY502", pledge.ref.where("id"),
                                     f"pledge '{pledge.id}' has no activity and no target",
                                     "add an activity that carries it out to the activity list, or, "
                                     "when the pledge is itself the action, its target under "
                                     "'targets:'",
                                     sv=f"medborgarlöftet '{pledge.id}' har varken aktivitet eller mål",
                                     sv_hint="lägg till en aktivitet som genomför det i "
                                     "aktivitetslistan, eller, när löftet självt är åtgärden, "
                                     "dess mål under 'targets:'"))
    return findings


def _targetless(model: Model) -> list[Finding]:
    """TRY501: an activity with no target, where none of its pledges has one either (in a flat
    list the pledge states the target, and its activities only say how)."""
    aimed = {p.id for s in model.pledge_sets for p in s.pledges if p.targets}
    return [make("TRY501", activity.ref.where("id"), f"activity '{activity.id}' has no target",
                 "add a target (a qualitative one if there is no number)",
                 sv=f"aktiviteten '{activity.id}' har inget mål",
                 sv_hint="lägg till ett mål (ett kvalitativt om det saknas siffra)")
            for activity in model.all_activities()
            if not activity.targets and not aimed & set(activity.pledges)]


def _unaddressed_problems(model: Model) -> list[Finding]:
    """TRY507: a problem of a lägesbild that no pledge or activity addresses, and no reason why."""
    addressed = {p for s in model.pledge_sets for pledge in s.pledges for p in pledge.problems}
    addressed.update(p for a in model.all_activities() for p in a.problems)
    findings = []
    for situation in model.situations:
        for problem in situation.problems:
            if problem.id in addressed or problem.no_measure_reason:
                continue
            findings.append(make("TRY507", problem.ref.where("id"),
                                 f"problem '{problem.id}' is addressed by no pledge or activity",
                                 "name it in a pledge's or an activity's 'problems:', or say why "
                                 "not in 'no_measure_reason:'",
                                 sv=f"inget medborgarlöfte och ingen aktivitet tar sig an problemet "
                                 f"'{problem.id}'",
                                 sv_hint="ange det under 'problems:' i ett löfte eller en aktivitet, "
                                 "eller skriv varför inte under 'no_measure_reason:'"))
    return findings


def _tie_to(model: Model) -> set[str]:
    """The pledge sets whose activities have something to be tied to: priority areas in an
    agreement they build on, or problems in a lägesbild of the period. Where a root has
    neither, TRY508 would ask for a link nobody could make."""
    from trygghet_cli.situation import select as situations

    sets = set()
    for pledge_set in model.pledge_sets:
        areas = any(a.areas for a in map(model.agreement, pledge_set.agreement_ids) if a is not None)
        named = model.situation(str(pledge_set.raw.get("situation", "")))
        basis = named or situations.latest(model, pledge_set.period.end)
        if areas or (basis is not None and basis.problems):
            sets.add(pledge_set.id)
    return sets


def _untied_activities(model: Model) -> list[Finding]:
    """TRY508: an activity that serves neither a problem nor a priority area, itself or through
    its pledges, in a period that has areas or a lägesbild to tie it to (a pledge that carries
    its own targets counts as its activity)."""
    tied = {p.id for s in model.pledge_sets for p in s.pledges if p.areas or p.problems}
    periods = _tie_to(model)
    findings = []
    for set_id in sorted(periods):
        for activity in model.activities_for(set_id):
            if activity.problems or any(p in tied for p in activity.pledges):
                continue
            if activity.from_pledge:
                findings.append(_untied_pledge(activity.id, activity.ref.where("id")))
                continue
            findings.append(make("TRY508", activity.ref.where("id"),
                                 f"activity '{activity.id}' is tied to no problem and, through its "
                                 "pledges, to no priority area",
                                 "name the problems it addresses in 'problems:', or give its pledge "
                                 "'areas:'",
                                 sv=f"aktiviteten '{activity.id}' hör varken till något problem "
                                 "eller, genom sina löften, till något prioriterat område",
                                 sv_hint="ange problemen den tar sig an under 'problems:', eller ge "
                                 "löftet 'areas:'"))
    return findings


def _untied_pledge(pledge_id: str, where: Location) -> Finding:
    return make("TRY508", where, f"pledge '{pledge_id}' carries targets but is tied to no problem "
                "and no priority area", "name them in the pledge's 'problems:' or 'areas:'",
                sv=f"medborgarlöftet '{pledge_id}' har egna mål men hör varken till något problem "
                "eller något prioriterat område",
                sv_hint="ange dem under 'problems:' eller 'areas:' i löftet")
