"""New documents from nothing: an agreement, a pledge set, an activity list.

What the user gives (periods, areas, pledge texts, parties) is written as it is;
nothing is invented. Ids follow the bundled data's pattern (agreement `sk-2026-2029`,
pledges `ml-2026-2027` with `ml-2026-2027-1`, list `al-2026-2027` with `a2026-01`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from trygghet_cli.area import Scope, file_label
from trygghet_cli.editing import emit, lines, session
from trygghet_cli.errors import UsageError
from trygghet_cli.model import ActivityList, Model, Period
from trygghet_cli.root.repository import LoadedRoot

_LAYOUT = emit.Layout("\n", 2, 2, frozenset({"parties", "pledges", "areas", "owners", "districts",
                                              "municipalities", "responsible", "roles"}))


def period_label(period: Period) -> str:
    """2026, 2026-2027, or 2026-09-2027-08 for a period that does not follow calendar years."""
    first, last = period.start, period.end
    whole = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    if whole:
        return str(first.year) if first.year == last.year else f"{first.year}-{last.year}"
    return f"{first:%Y-%m}-{last:%Y-%m}"


def new_period(start: date | None, end: date | None, after: Period | None, years: int) -> Period:
    """The period asked for: --start/--end, else the one after `after` of the same length (whole
    calendar years stay whole), else `years` calendar years from the next 1 January."""
    if after is not None:
        from trygghet_cli.editing.period import next_period

        chosen = next_period(after, start, end)
    else:
        first = start or date(date.today().year + 1, 1, 1)
        last = end or (date(first.year + years - 1, 12, 31) if (first.month, first.day) == (1, 1)
                       else date(first.year + years, first.month, first.day) - timedelta(days=1))
        chosen = Period(first, last)
    if chosen.end < chosen.start:
        raise UsageError.say("new.period_backwards", start=chosen.start.isoformat(),
                             end=chosen.end.isoformat())
    return chosen


def in_schema_order(folder: str, data: dict[str, Any]) -> dict[str, Any]:
    """The document's top-level keys in the order of its schema, as `fmt` writes them."""
    from trygghet_cli.editing.schema_order import key_order, rank
    from trygghet_cli.root.config import KIND_FOLDERS

    order = key_order(KIND_FOLDERS[folder], ())
    return dict(sorted(data.items(), key=lambda item: rank(order, item[0])))


def _new_file(root: Path, folder: str, label: str, data: dict[str, Any], comment: str) -> session.FileChange:
    path = root / folder / f"{label}.yaml"
    if path.exists():
        raise UsageError.say("new.exists", path=f"{folder}/{label}.yaml")
    text = f"# {comment}\n" + "".join(emit.mapping_lines(in_schema_order(folder, data), 0, _LAYOUT))
    new_bytes = session.encode(text, False)
    session.reload_as(new_bytes, str(path), data)
    return session.FileChange(path, "", text, new_bytes, None)


def refilled(activity_list: ActivityList, first: dict[str, Any]) -> session.FileChange:
    """An empty activity list (`activities: []`) written again with its first activity; the
    comment lines at its top are kept."""
    doc = activity_list.ref.file
    header = "".join(line for line in doc.text.splitlines(keepends=True)
                     if line.startswith("#")) if doc.text.startswith("#") else ""
    data = {**{k: v for k, v in doc.data.items() if k != "activities"}, "activities": [first]}
    layout = dataclasses.replace(_LAYOUT, newline=lines.newline_of(doc.text))  # CRLF stays CRLF
    text = header + "".join(emit.mapping_lines(data, 0, layout))
    new_bytes = session.encode(text, doc.had_bom)
    session.reload_as(new_bytes, str(doc.path), data)
    return session.FileChange(Path(doc.path), doc.text, text, new_bytes, doc.digest)


def _taken(model: Model) -> set[str]:
    return ({a.id for a in model.agreements} | {s.id for s in model.pledge_sets}
            | {p.id for s in model.pledge_sets for p in s.pledges}
            | {a.id for a in model.activity_lists} | {a.id for a in model.all_activities()}
            | {area.id for a in model.agreements for area in a.areas})


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate = f"{wanted}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _parties(loaded: LoadedRoot, given: list[str], scope: Scope) -> list[str]:
    known = [p.id for p in loaded.model.config.parties] if loaded.model.config else []
    for party in given:
        if party not in known:
            raise UsageError.say("new.unknown_party", party=party, known=", ".join(known))
    return list(given) or scope.default_parties(known)


FREQUENCIES = ("weekly", "monthly", "quarterly", "tertial", "half-yearly", "yearly", "per-period")


@dataclass(frozen=True, slots=True)
class Details:
    """What a new agreement or pledge set may say besides its period and contents: how it is
    followed up, when and by which roles it was signed, and (an agreement) the functions
    responsible for its priority areas."""

    follow_up: str | None = None
    frequency: str | None = None
    signed: str | None = None
    roles: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()


def _frequency(given: str | None) -> str | None:
    """The data's code for an interval given in Swedish or English ('varje månad', 'monthly')."""
    from trygghet_cli import vocabulary

    if given is None:
        return None
    found = vocabulary.code("frequency", given.strip())
    if found not in FREQUENCIES:
        raise UsageError.say("new.unknown_frequency", frequency=given,
                             known=", ".join(f"{sv}/{code}" for code, (sv, _, _)
                                             in vocabulary.FREQUENCIES.items()))
    return found


def _add_details(loaded: LoadedRoot, data: dict[str, Any], details: Details) -> None:
    from trygghet_cli.editing.activities import check_partial

    if details.roles and not details.signed:
        raise UsageError.say("new.roles_without_date")
    if details.signed:
        data["signed"] = {"date": check_partial(details.signed, "--signed"),
                          **({"roles": list(details.roles)} if details.roles else {})}
    frequency = _frequency(details.frequency)
    follow = {key: value for key, value in (("description", details.follow_up),
                                            ("frequency", frequency)) if value}
    if follow:
        data["follow_up"] = follow


def _responsible(loaded: LoadedRoot, functions: tuple[str, ...]) -> list[str]:
    known = [f.id for f in loaded.model.config.functions] if loaded.model.config else []
    for function in functions:
        if function not in known:
            raise UsageError.say("new.unknown_function", function=function, known=", ".join(known) or "–")
    return list(functions)


@dataclass(slots=True)
class Created:
    """A checked plan for one new file, its id and the one line that says what it is."""

    plan: session.Plan
    id: str
    summary: str
    ids: list[str] = field(default_factory=list)


def _plan(loaded: LoadedRoot, change: session.FileChange) -> session.Plan:
    plan = session.Plan(loaded.root, [change])
    plan.warnings = session.check_root(plan, loaded.findings)
    return plan


@dataclass(slots=True)
class _Start:
    """The period, file label, id and document head of a new agreement or pledge set."""

    period: Period
    label: str
    id: str
    taken: set[str]
    data: dict[str, Any]


def _start(model: Model, earlier: list[Period], when: tuple[date | None, date | None], years: int,
           prefix: str, title: str, scope: Scope) -> _Start:
    """The new period after the latest of `earlier`; the file label and id carry the
    municipality in a police area's root (`sk-kil-2026-2029` in `kil-2026-2029.yaml`)."""
    if when[0] is None and any(p.open for p in earlier):
        raise UsageError.say("new.after_open")
    # A period in force until further notice, or not given, has no end to follow.
    latest = max((p for p in earlier if p.given and not p.open), key=lambda p: p.end, default=None)
    period = new_period(when[0], when[1], latest, years)
    label = scope.label(period_label(period))
    taken = _taken(model)
    ident = _unique(f"{prefix}-{label}", taken)
    data: dict[str, Any] = {"id": ident, "title": title or "",
                            "period": {"start": period.start.isoformat(), "end": period.end.isoformat()}}
    scope.stamp(data)
    return _Start(period, label, ident, taken, data)


def month_span(period: Period, lang: str) -> str:
    """'juli 2026–juni 2028': a period in a title by its months."""
    from trygghet_cli.i18n import format_partial

    return (f"{format_partial(f'{period.start:%Y-%m}', lang)}–"
            f"{format_partial(f'{period.end:%Y-%m}', lang)}")


def _titled(kind: str, period: Period, scope: Scope) -> str:
    """'Medborgarlöften 2026–2027', 'Medborgarlöften juli 2026–juni 2028' for whole months not
    calendar years, and in a police area 'Medborgarlöften Kils kommun 2026–2027'."""
    label = period_label(period)
    if label.count("-") > 1:
        label = month_span(period, scope.model.config.language if scope.model.config else "sv")
    label = label.replace("-", "–", 1)
    return f"{kind} {scope.municipality.name} {label}" if scope.municipality else f"{kind} {label}"


def agreement(loaded: LoadedRoot, title: str | None, start: date | None, end: date | None,
              areas: list[tuple[str, str]], parties: list[str], comment: str,
              scope: Scope | None = None, details: Details | None = None) -> Created:
    """A new samverkansöverenskommelse with its priority areas (id, title), each with the
    responsible functions given."""
    if not areas:
        raise UsageError.say("new.no_areas")
    scope = scope or Scope(loaded.model, None)
    head = _start(loaded.model, [a.period for a in scope.model.agreements], (start, end), 4, "sk",
                  title or "", scope)
    data = head.data
    data["title"] = data["title"] or _titled("Samverkansöverenskommelse", head.period, scope)
    data["parties"] = _parties(loaded, parties, scope)
    details = details or Details()
    responsible = _responsible(loaded, details.responsible)
    _add_details(loaded, data, details)
    data["priority_areas"] = [{"id": _unique(area_id, head.taken), "title": area_title,
                               **({"responsible": responsible} if responsible else {})}
                              for area_id, area_title in areas]
    change = _new_file(loaded.root, "agreements", head.label, data, comment)
    return Created(_plan(loaded, change), head.id, f"agreements/{head.label}.yaml",
                   [a["id"] for a in data["priority_areas"]])


def pledges(loaded: LoadedRoot, title: str | None, start: date | None, end: date | None,
            texts: list[str], parties: list[str], agreement_id: str | None, comment: str,
            scope: Scope | None = None, details: Details | None = None) -> Created:
    """A new pledge set: the first, or the next after the latest (same length unless given)."""
    if not texts:
        raise UsageError.say("new.no_pledges")
    scope = scope or Scope(loaded.model, None)
    head = _start(loaded.model, [s.period for s in scope.model.pledge_sets], (start, end), 2, "ml",
                  title or "", scope)
    period, label, ident, taken, data = head.period, head.label, head.id, head.taken, head.data
    data["title"] = data["title"] or _titled("Medborgarlöften", period, scope)
    chosen = _parties(loaded, parties, scope)
    covering = _agreement(scope.model, period, agreement_id)
    if covering:
        data["agreement"] = covering
    data["parties"] = chosen
    _add_details(loaded, data, details or Details())
    data["pledges"] = [{"id": _unique(f"{ident}-{n}", taken), "text": text, "parties": chosen}
                       for n, text in enumerate(texts, start=1)]
    change = _new_file(loaded.root, "pledges", label, data, comment)
    return Created(_plan(loaded, change), ident, f"pledges/{label}.yaml",
                   [p["id"] for p in data["pledges"]])


def _agreement(model: Model, period: Period, wanted: str | None) -> str | None:
    if wanted is not None:
        if model.agreement(wanted) is None:
            raise UsageError.say("new.unknown_agreement", id=wanted,
                                 known=", ".join(a.id for a in model.agreements) or "–")
        return wanted
    return next((a.id for a in model.agreements if period.within(a.period)), None)


def activity_list_for(loaded: LoadedRoot, pledge_set_id: str, first: dict[str, Any],
                      comment: str) -> session.FileChange:
    """A new activity list file for a pledge set that has none, holding its first activity."""
    pledge_set = loaded.model.pledge_set(pledge_set_id)
    assert pledge_set is not None
    label = file_label(loaded.model, pledge_set, period_label(pledge_set.period))
    ident = _unique(f"al-{label}", _taken(loaded.model))
    data = {"id": ident, "pledge_set": pledge_set.id, "activities": [first]}
    return _new_file(loaded.root, "activities", label, data, comment)
