"""What lag (2023:196) om kommuners ansvar för brottsförebyggande arbete asks, against the data.

Each requirement is judged only on what the data root records: `met` when the data shows
it, `missing` when the data shows it is not (a lägesbild or report older than the allowed
interval, no agreement in force), and `not_recorded` when the data says nothing either way.
A requirement cites what the project's sources show of the law: 3 § and 4 § of the law
itself, otherwise what the requirement is and the government bill (prop. 2022/23:43), never a
guessed paragraph. The update intervals are not in the law text seen, so they are settings
(`law:` in trygghet.yaml). Before the law came into force (1 July 2023) nothing is judged, and
a date known only to the month or year is judged on the side that does not over-claim: when
it may fall either side of a limit, the verdict is `not_recorded` and the reason says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from trygghet_cli.findings import Location
from trygghet_cli.model import Agreement, Model, PartialDate, PledgeSet, parse_partial
from trygghet_cli.situation import Situation
from trygghet_cli.situation import select as situations

IN_FORCE = date(2023, 7, 1)
DEFAULT_SITUATION_MONTHS = 24
DEFAULT_COUNCIL_MONTHS = 12
LAW = "lag (2023:196) om kommuners ansvar för brottsförebyggande arbete"
BILL = "prop. 2022/23:43"


class Verdict(StrEnum):
    MET = "met"
    MISSING = "missing"
    NOT_RECORDED = "not_recorded"


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement, its verdict, why (a label key and its values) and where the evidence is."""

    key: str
    cites: str  # "3 §", "4 §" or the bill
    verdict: Verdict
    reason: str
    values: dict[str, str] = field(default_factory=dict)
    evidence: tuple[Location, ...] = ()


@dataclass(frozen=True, slots=True)
class LawCheck:
    municipality: str
    as_of: date
    requirements: list[Requirement]

    @property
    def in_force(self) -> bool:
        """Whether the law applied on as_of (it came into force on 1 July 2023)."""
        return self.as_of >= IN_FORCE

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.requirements if r.verdict is verdict)


def _months_before(day: date, months: int) -> date:
    month = day.month - 1 - months
    year = day.year + month // 12
    month = month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    return date(year, month, 28)


def _setting(model: Model, name: str, default: int) -> int:
    return (model.config.law.get(name) if model.config else None) or default


def _age(when: PartialDate, limit: date) -> str:
    """'new' when the date is on or after the limit whatever day it means, 'old' when before
    it whatever day, 'uncertain' when a month or year straddles the limit."""
    if when.first >= limit:
        return "new"
    return "old" if when.last < limit else "uncertain"


def _complete(situation: Situation) -> bool:
    return all(_parts(situation).values())


def _incomplete(latest: Situation, months: int, as_of: date) -> Requirement:
    """No complete lägesbild: missing when even the latest record of the situation is too old."""
    values = {"title": latest.title, "date": latest.when.text, "months": str(months)}
    where = (latest.ref.where("id"),)
    if _age(latest.when, _months_before(as_of, months)) == "old":
        return Requirement("law.situation", "4 §", Verdict.MISSING, "law.situation.old", values, where)
    return Requirement("law.situation", "4 §", Verdict.NOT_RECORDED, "law.situation.incomplete",
                       values, where)


def _current_situation(model: Model, as_of: date) -> Requirement:
    """A lägesbild under 4 § has all three parts; a situation file that lacks one (a survey
    retold, a summary) is not counted as one."""
    months = _setting(model, "situation_max_age_months", DEFAULT_SITUATION_MONTHS)
    found = situations.dated(model, as_of)
    complete = [s for s in found if _complete(s)]
    if not complete:
        if found:
            return _incomplete(found[-1], months, as_of)
        return Requirement("law.situation", "4 §", Verdict.NOT_RECORDED, "law.situation.none",
                           {"months": str(months)})
    latest = max(complete, key=lambda s: (s.when.first, s.id))
    values = {"title": latest.title, "date": latest.when.text, "months": str(months)}
    where = (latest.ref.where("id"),)
    age = _age(latest.when, _months_before(as_of, months))
    if age == "old":
        return Requirement("law.situation", "4 §", Verdict.MISSING, "law.situation.old", values, where)
    if age == "uncertain":
        return Requirement("law.situation", "4 §", Verdict.NOT_RECORDED, "law.situation.uncertain",
                           values, where)
    return Requirement("law.situation", "4 §", Verdict.MET, "law.situation.ok", values, where)


def _parts(latest: Situation) -> dict[str, bool]:
    return {"mapping": latest.has_mapping(), "information": bool(latest.information),
            "analysis": bool(latest.analysis)}


def _situation_parts(model: Model, as_of: date) -> Requirement:
    latest = situations.latest(model, as_of)
    if latest is None:
        return Requirement("law.parts", "4 §", Verdict.NOT_RECORDED, "law.parts.none")
    parts = _parts(latest)
    absent = [name for name, present in parts.items() if not present]
    values = {"title": latest.title, "absent": ",".join(absent)}
    where = tuple(latest.ref.where(key) for key, present in
                  zip(("mapping", "other_information", "analysis"), parts.values(), strict=True)
                  if present) or (latest.ref.where("id"),)
    if absent:
        return Requirement("law.parts", "4 §", Verdict.NOT_RECORDED, "law.parts.absent", values, where)
    return Requirement("law.parts", "4 §", Verdict.MET, "law.parts.ok", values, where)


def _in_force(plans: list[Agreement | PledgeSet], as_of: date) -> list[Agreement | PledgeSet]:
    return [p for p in plans if p.period.contains(as_of)]


def _plan(model: Model, as_of: date) -> Requirement:
    plans: list[Agreement | PledgeSet] = [*model.pledge_sets, *model.agreements]
    current = _in_force(plans, as_of)
    if not current:
        return Requirement("law.plan", BILL, Verdict.MISSING if plans else Verdict.NOT_RECORDED,
                           "law.plan.none_in_force" if plans else "law.plan.none")
    decided = [p for p in current if p.raw.get("decision")]
    built = [p for p in decided if p.raw.get("situation")]
    if built:
        plan = built[0]
        decision = plan.raw["decision"]
        situation = next((s.title for s in model.situations if s.id == plan.raw["situation"]),
                         str(plan.raw["situation"]))
        values = {"title": plan.title, "body": decision["body"], "date": decision["date"],
                  "paragraph": decision.get("paragraph", "—"),
                  "diary": decision.get("diary_number", "—"), "situation": situation}
        return Requirement("law.plan", BILL, Verdict.MET, "law.plan.ok", values,
                           (plan.ref.where("decision"), plan.ref.where("situation")))
    values = {"titles": "; ".join(p.title for p in current)}
    where = tuple(p.ref.where("id") for p in current)
    reason = "law.plan.not_built" if decided else "law.plan.no_decision"
    return Requirement("law.plan", BILL, Verdict.NOT_RECORDED, reason, values, where)


def _problems_met(model: Model, as_of: date) -> Requirement:
    latest = situations.latest(model, as_of)
    if latest is None or not latest.problems:
        return Requirement("law.measures", "3 §", Verdict.NOT_RECORDED, "law.measures.none")
    addressed = {p for s in model.pledge_sets for pledge in s.pledges for p in pledge.problems}
    addressed.update(p for a in model.all_activities() for p in a.problems)
    open_ = [p for p in latest.problems if p.id not in addressed and not p.no_measure_reason]
    values = {"title": latest.title, "count": str(len(latest.problems)),
              "open": "; ".join(p.title for p in open_)}
    if open_:
        return Requirement("law.measures", "3 §", Verdict.MISSING, "law.measures.open", values,
                           tuple(p.ref.where("id") for p in open_))
    return Requirement("law.measures", "3 §", Verdict.MET, "law.measures.ok", values,
                       (latest.ref.where("problems"),))


def _coordination(model: Model) -> Requirement:
    config = model.config
    if config is None or not config.coordination_function:
        return Requirement("law.coordination", BILL, Verdict.NOT_RECORDED, "law.coordination.none")
    function = next((f for f in config.functions if f.id == config.coordination_function), None)
    values = {"name": function.name if function else config.coordination_function}
    where = (config.ref.where("coordination_function"),)
    if not config.public_contact:
        return Requirement("law.coordination", BILL, Verdict.MET, "law.coordination.no_contact",
                           values, where)
    values["contact"] = config.public_contact.get("url") or config.public_contact["text"]
    return Requirement("law.coordination", BILL, Verdict.MET, "law.coordination.ok", values,
                       (*where, config.ref.where("public_contact")))


def _police_parties(model: Model) -> set[str]:
    if model.config is None:
        return set()
    raw = model.config.ref.file.data.get("parties", [])
    return {p["id"] for p in raw if p.get("kind") == "polis"}


def _agreement(model: Model, as_of: date) -> Requirement:
    police = _police_parties(model)
    with_police = [a for a in model.agreements if police & set(a.parties) and a.signed]
    current = [a for a in with_police if a.period.contains(as_of)]
    if current:
        agreement = current[0]
        values = {"title": agreement.title, "period": agreement.period.label(),
                  "signed": str((agreement.signed or {}).get("date", ""))}
        return Requirement("law.agreement", BILL, Verdict.MET, "law.agreement.ok", values,
                           (agreement.ref.where("signed"),))
    if with_police:
        last = max(with_police, key=lambda a: a.period.end)
        return Requirement("law.agreement", BILL, Verdict.MISSING, "law.agreement.ended",
                           {"title": last.title, "period": last.period.label()},
                           (last.ref.where("period"),))
    return Requirement("law.agreement", BILL, Verdict.NOT_RECORDED, "law.agreement.none")


def _council(model: Model, as_of: date) -> Requirement:
    months = _setting(model, "council_report_max_age_months", DEFAULT_COUNCIL_MONTHS)
    config = model.config
    reports = []
    for index, report in enumerate(config.council_reports if config else []):
        given = parse_partial(report["date"])
        if given is not None and given.first <= as_of:
            reports.append((given, index, report))
    if not reports or config is None:
        return Requirement("law.council", BILL, Verdict.NOT_RECORDED, "law.council.none",
                           {"months": str(months)})
    given, index, report = max(reports, key=lambda r: (r[0].first, r[1]))
    values = {"date": report["date"], "body": report["body"], "months": str(months)}
    where = (config.ref.where("council_reports", index),)
    age = _age(given, _months_before(as_of, months))
    if age == "old":
        return Requirement("law.council", BILL, Verdict.MISSING, "law.council.old", values, where)
    if age == "uncertain":
        return Requirement("law.council", BILL, Verdict.NOT_RECORDED, "law.council.uncertain",
                           values, where)
    return Requirement("law.council", BILL, Verdict.MET, "law.council.ok", values, where)


def check(model: Model, as_of: date) -> LawCheck:
    """Every requirement of the law that the data can speak to, judged on as_of (none before
    the law came into force)."""
    name = model.config.municipality if model.config else ""
    if as_of < IN_FORCE:
        return LawCheck(name, as_of, [])
    requirements = [
        _current_situation(model, as_of),
        _situation_parts(model, as_of),
        _problems_met(model, as_of),
        _plan(model, as_of),
        _coordination(model),
        _agreement(model, as_of),
        _council(model, as_of),
    ]
    return LawCheck(name, as_of, requirements)
