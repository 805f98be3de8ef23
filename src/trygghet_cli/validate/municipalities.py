"""A root's municipalities: named once, and every document of a root of several belongs to one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from trygghet_cli.findings import Finding, make
from trygghet_cli.i18n import format_date, format_period
from trygghet_cli.model import ActivityList, Agreement, Config, Model, Period, PledgeSet, Ref
from trygghet_cli.situation import Situation
from trygghet_cli.validate import districts


def _config(config: Config) -> list[Finding]:
    data = config.ref.file.data
    if "municipality" not in data and "municipalities" not in data:
        return [make("TRY202", config.ref.where(), "the settings name no municipality",
                     "add 'municipality:' (or 'municipalities:' for a police area of several)",
                     sv="inställningarna anger ingen kommun",
                     sv_hint="lägg till 'municipality:' (eller 'municipalities:' för ett "
                     "polisområde med flera kommuner)")]
    findings = []
    if "municipality" in data and "municipalities" in data:
        findings.append(make("TRY314", config.ref.where("municipalities", key=True),
                             "both 'municipality' and 'municipalities' are given",
                             "keep 'municipality:' for one municipality, or list every one "
                             "under 'municipalities:'",
                             sv="både 'municipality' och 'municipalities' finns",
                             sv_hint="behåll 'municipality:' för en kommun, eller lista alla "
                             "under 'municipalities:'"))
    seen: set[str] = set()
    for municipality in config.municipalities:
        if municipality.id in seen:
            findings.append(make("TRY314", municipality.ref.where("id"),
                                 f"municipality '{municipality.id}' is listed twice",
                                 "list each municipality once",
                                 sv=f"kommunen '{municipality.id}' står två gånger",
                                 sv_hint="ta med varje kommun en gång"))
        seen.add(municipality.id)
    return findings


def _unknown(ids: list[str], ref: Ref, known: list[str]) -> list[Finding]:
    return [make("TRY312", ref.where("municipalities", index), f"unknown municipality '{ident}'",
                 f"use one of: {', '.join(known)}", sv=f"okänd kommun '{ident}'",
                 sv_hint=f"använd något av: {', '.join(known)}")
            for index, ident in enumerate(ids) if ident not in known]


def _document(model: Model, item: Agreement | PledgeSet | ActivityList | Situation) -> list[Finding]:
    from trygghet_cli.area import listed_ids, stated_ids

    everyone = model.config.municipalities if model.config else []
    known = [m.id for m in everyone]
    findings = _unknown(listed_ids(item), item.ref, known)
    # An activity list follows its pledge set, which is reported instead.
    follows = isinstance(item, ActivityList) and model.pledge_set(item.pledge_set) is not None
    if len(everyone) > 1 and not follows and not stated_ids(model, item):
        findings.append(_nameless(item, known, model))
    return findings


def _nameless(item: Agreement | PledgeSet | ActivityList | Situation, known: list[str],
              model: Model) -> Finding:
    """TRY313; for a lägesbild (which trygghet 0.1 did not ask) a warning in a format-1 root."""
    from trygghet_cli import formats

    count = len(known)
    finding = make("TRY313", item.ref.where(),
                   f"'{item.id}' does not say which of the {count} municipalities it belongs to",
                   f"add 'municipalities: [{known[0]}]' (ids: {', '.join(known)}), or give a "
                   "municipality a 'party:' that the document names",
                   sv=f"'{item.id}' anger inte vilken av de {count} kommunerna den hör till",
                   sv_hint=f"lägg till 'municipalities: [{known[0]}]' (id: {', '.join(known)}), "
                   "eller ge en kommun en 'party:' som dokumentet nämner")
    if isinstance(item, Situation) and model.config is not None:
        return formats.soften(finding, model.config.format)
    return finding


def _party_links(config: Config) -> list[Finding]:
    parties = {p.id for p in config.parties}
    return [make("TRY308", m.ref.where("party"), f"unknown party '{m.party}'",
                 f"use one of: {', '.join(sorted(parties))}",
                 sv=f"okänd part '{m.party}'", sv_hint=f"använd något av: {', '.join(sorted(parties))}")
            for m in config.municipalities if m.party is not None and m.party not in parties]


Dated = TypeVar("Dated", Agreement, PledgeSet)


def _span(period: Period, lang: str) -> str:
    return format_period(period, lang) if period.open or period.until else \
        f"{format_date(period.start, lang)} – {format_date(period.end, lang)}"


def _overlap(first: Agreement | PledgeSet, second: Agreement | PledgeSet) -> Finding:
    """TRY509 at the later document's period, naming the earlier one and its line."""
    there = first.ref.where("period", key=True)
    what, sv_what = (("agreement", "överenskommelsen") if isinstance(second, Agreement)
                     else ("pledge set", "medborgarlöftena"))
    return make("TRY509", second.ref.where("period", key=True),
                f"the {what} '{second.id}' ({_span(second.period, 'en')}) overlaps '{first.id}' "
                f"({_span(first.period, 'en')}, {there.path} line {there.line}) of the same "
                "municipality; only one of them is shown for a date in both",
                "let one period end before the next starts, or, if they belong to different "
                "municipalities, say which with 'municipalities:'",
                sv=f"{sv_what} '{second.id}' ({_span(second.period, 'sv')}) överlappar "
                f"'{first.id}' ({_span(first.period, 'sv')}, {there.path} rad {there.line}) för "
                "samma kommun; för ett datum som båda omfattar visas bara den ena",
                sv_hint="låt den ena perioden sluta innan nästa börjar, eller, om de hör till "
                "olika kommuner, ange vilken med 'municipalities:'")


def overlapping(model: Model, items: Sequence[Dated]) -> list[tuple[Dated, Dated]]:
    """Pairs (earlier, later) of documents of one municipality whose periods overlap; documents
    of different municipalities may overlap (a police area's root holds several), and so may
    periods whose meeting dates are marked uncertain ("2020–2023" and "2023–2026")."""
    from trygghet_cli.area import municipalities_of

    ordered = sorted((i for i in items if i.period.given), key=lambda i: (i.period.start, i.period.end, i.id))
    owners = {id(i): {m.id for m in municipalities_of(model, i)} for i in ordered}
    return [(first, second) for n, first in enumerate(ordered) for second in ordered[n + 1:]
            if owners[id(first)] & owners[id(second)] and second.period.start <= first.period.end
            and "end" not in first.period.uncertain and "start" not in second.period.uncertain]


def check(model: Model) -> list[Finding]:
    """TRY202/TRY314 for the settings, TRY312 for unknown ids, TRY313 for a document (a
    lägesbild too) of no municipality in a root of several, TRY509 for periods of one
    municipality that overlap; TRY321/TRY322 for districts."""
    if model.config is None:
        return []
    findings = _config(model.config) + _party_links(model.config)
    items: list[Agreement | PledgeSet | ActivityList | Situation] = [
        *model.agreements, *model.pledge_sets, *model.activity_lists, *model.situations]
    for item in items:
        findings.extend(_document(model, item))
    findings.extend(_overlap(first, second) for first, second in overlapping(model, model.agreements))
    findings.extend(_overlap(first, second) for first, second in overlapping(model, model.pledge_sets))
    return findings + districts.check(model)

