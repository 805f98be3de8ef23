"""Warnings about gaps in the chain agreement -> pledges -> activities -> targets."""

from __future__ import annotations

from trygghet_cli.findings import Finding, make
from trygghet_cli.model import Model


def check(model: Model) -> list[Finding]:
    findings = []
    served = {area for s in model.pledge_sets for p in s.pledges for area in p.areas}
    carried = {pledge for a in model.all_activities() for pledge in a.pledges}
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
    for pledge_set in model.pledge_sets:
        for pledge in pledge_set.pledges:
            if pledge.id not in carried:
                findings.append(make("TRY502", pledge.ref.where("id"),
                                     f"pledge '{pledge.id}' has no activity",
                                     "add an activity that carries it out to the activity list",
                                     sv=f"medborgarlöftet '{pledge.id}' har ingen aktivitet",
                                     sv_hint="lägg till en aktivitet som genomför det i "
                                     "aktivitetslistan"))
    for activity in model.all_activities():
        if not activity.targets:
            findings.append(make("TRY501", activity.ref.where("id"),
                                 f"activity '{activity.id}' has no target",
                                 "add a target (a qualitative one if there is no number)",
                                 sv=f"aktiviteten '{activity.id}' har inget mål",
                                 sv_hint="lägg till ett mål (ett kvalitativt om det saknas siffra)"))
    return findings
