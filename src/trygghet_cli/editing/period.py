"""Scaffold the next pledge period and its activity list from the current one.

Pledges are copied as a draft with new ids; activities that are neither done nor
cancelled are carried over with new ids and `predecessor` pointing back, their
targets without outcomes. Nothing is invented: dates, signing, situation picture
and sources are left for the parties to fill in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from trygghet_cli import i18n
from trygghet_cli.area import Scope
from trygghet_cli.editing import emit, session
from trygghet_cli.editing import lines as ln
from trygghet_cli.editing.documents import period_label
from trygghet_cli.editing.roundtrip import layout_of
from trygghet_cli.errors import UsageError
from trygghet_cli.model import Activity, ActivityList, Model, Period, PledgeSet
from trygghet_cli.root.repository import LoadedRoot

CARRY_OVER_EXCEPT = {"done", "cancelled"}
_KEEP = ("title", "description", "pledges", "owners", "parties", "districts", "places", "targets",
         "visibility")


@dataclass(slots=True)
class Scaffold:
    """The checked plan for the two new files, and what the user should be told."""

    plan: session.Plan
    pledge_set_id: str
    carried: list[tuple[str, str]]  # (old id, new id)
    notes: list[str]


def _label(period: Period, dash: str = "-") -> str:
    first, last = period.start.year, period.end.year
    return str(first) if first == last else f"{first}{dash}{last}"


def _months_on(first: date, months: int) -> date:
    """The first day of the month `months` after the month of `first` (a first of a month)."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def next_period(current: Period, start: date | None, end: date | None) -> Period:
    """The period after current: same length, starting the day after it ends, unless given.
    Whole months stay whole months (July 2026 – June 2028 after July 2024 – June 2026, leap
    day or not); other periods keep their number of days."""
    first = start or current.end + timedelta(days=1)
    if end is None:
        after = current.end + timedelta(days=1)
        if current.start.day == 1 and after.day == 1 and first.day == 1:
            months = (after.year - current.start.year) * 12 + after.month - current.start.month
            end = _months_on(first, months) - timedelta(days=1)
        else:
            end = first + (current.end - current.start)
    if end < first:
        raise UsageError.say("new.period_backwards", start=first.isoformat(), end=end.isoformat())
    return Period(first, end)


def _forms(period: Period) -> list[str]:
    """How ids and titles write a period: 2024-07-2026-06, juli 2024–juni 2026, 2024-2025, 2024–2025."""
    from trygghet_cli.editing.documents import month_span, period_label

    return [period_label(period), month_span(period, "sv"), month_span(period, "en"),
            _label(period, "-"), _label(period, "–")]


def _relabel(text: str, old: Period, new: Period) -> str:
    """Replace the old period's label (2024-2025, 2024–2025, 2024, juli 2024–juni 2026) with the
    new one."""
    for before, after in zip(_forms(old), _forms(new), strict=True):
        if before in text:
            return text.replace(before, after)
    return text.replace(str(old.start.year), str(new.start.year))


def _fresh_id(wanted: str, taken: set[str], fallback: str) -> str:
    candidate = wanted if wanted not in taken else fallback
    number = 2
    while candidate in taken:
        candidate = f"{fallback}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _current(model: Model) -> tuple[PledgeSet, ActivityList | None]:
    if not model.pledge_sets:
        raise UsageError.say("new.nothing_to_continue")
    current = max(model.pledge_sets, key=lambda s: (s.period.end, s.period.start))
    lists = [a for a in model.activity_lists if a.pledge_set == current.id]
    return current, (lists[0] if lists else None)


def _agreement_for(model: Model, current: PledgeSet, period: Period, wanted: str | None) -> str | None:
    if wanted is not None:
        if model.agreement(wanted) is None:
            raise UsageError.say("new.no_agreement", wanted=wanted,
                                 ids=", ".join(a.id for a in model.agreements) or "–")
        return wanted
    ordered = sorted(model.agreements, key=lambda a: a.id != current.agreement)
    return next((a.id for a in ordered if period.within(a.period)), None)


def _activity(old: Activity, new_id: str, pledge_ids: dict[str, str]) -> dict[str, Any]:
    raw = dict(old.ref.file.data["activities"][old.ref.path[-1]])
    item: dict[str, Any] = {"id": new_id}
    for key in _KEEP:
        if key in raw:
            item[key] = raw[key]
    item["pledges"] = [pledge_ids.get(p, p) for p in raw["pledges"]]
    if "targets" in item:
        item["targets"] = [{k: v for k, v in t.items() if k != "outcomes"} for t in raw["targets"]]
    item["predecessor"] = old.id
    return item


def _renumbered(old_ids: list[str], count: int, old: Period, new: Period, taken: set[str],
                fallback: str) -> list[str]:
    match = re.match(r"^(.*?)(\d+)$", old_ids[0]) if old_ids else None
    prefix, width = (_relabel(match.group(1), old, new), len(match.group(2))) if match else (fallback, 2)
    result: list[str] = []
    number = 1
    while len(result) < count:
        candidate = f"{prefix}{number:0{width}d}"
        if candidate not in taken:
            taken.add(candidate)
            result.append(candidate)
        number += 1
    return result


def _document(data: dict[str, Any], comment: str, like: Any) -> tuple[str, bool]:
    layout = layout_of(like, ln.split_lines(like.text))
    flat = emit.Layout(layout.newline, layout.mapping_indent, layout.sequence_offset, frozenset())
    text = f"# {comment}{layout.newline}" + "".join(emit.mapping_lines(data, 0, flat))
    return text, like.had_bom


def _new_file(root: Path, folder: str, label: str, data: dict[str, Any], comment: str,
              like: Any) -> session.FileChange:
    path = root / folder / f"{label}.yaml"
    if path.exists():
        raise UsageError.say("new.period_exists", path=path)
    text, bom = _document(data, comment, like)
    new_bytes = session.encode(text, bom)
    session.reload_as(new_bytes, str(path), data)
    return session.FileChange(path, "", text, new_bytes, None)


def scaffold(loaded: LoadedRoot, lang: str, start: date | None = None, end: date | None = None,
             agreement: str | None = None, scope: Scope | None = None) -> Scaffold:
    """Plan the next period's pledge file and activity file; nothing is written here. In a
    police area's root, `scope` names the municipality whose current period is continued."""
    model = loaded.model
    scope = scope or Scope(model, None)
    current, current_list = _current(scope.model)
    if current.period.open or not current.period.given:
        # Nothing to count on from an end that is not there: the user gives the dates.
        if start is None or end is None:
            raise UsageError.say("new.after_open_set", set=current.id)
        period = Period(start, end)
    else:
        period = next_period(current.period, start, end)
    taken = {a.id for a in model.all_activities()} | {s.id for s in model.pledge_sets} | {
        p.id for s in model.pledge_sets for p in s.pledges} | {a.id for a in model.activity_lists}
    set_id = _fresh_id(_relabel(current.id, current.period, period), taken, f"{current.id}-next")
    notes: list[str] = []
    pledge_set, pledge_ids = _pledge_set(current, period, set_id, taken)
    agreement_id = _agreement_for(scope.model, current, period, agreement)
    if agreement_id:
        pledge_set = {**{k: pledge_set[k] for k in ("id", "title", "period")},
                      "agreement": agreement_id, **{k: v for k, v in pledge_set.items()
                                                    if k not in ("id", "title", "period")}}
    else:
        notes.append(i18n.label("edit.no_agreement", lang, period=f"{period.start}..{period.end}"))
    comment = i18n.label("edit.scaffold_note", lang, source=current.id)
    label = scope.label(period_label(period))
    changes = [_new_file(loaded.root, "pledges", label, pledge_set, comment, current.ref.file)]
    carried: list[tuple[str, str]] = []
    if current_list is not None:
        activity_list, carried = _activity_list(current_list, current.period, period, set_id,
                                                pledge_ids, taken)
        changes.append(_new_file(loaded.root, "activities", label, activity_list, comment,
                                 current_list.ref.file))
    plan = session.Plan(loaded.root, changes)
    plan.warnings = session.check_root(plan, loaded.findings)
    return Scaffold(plan, set_id, carried, notes)


def _pledge_set(current: PledgeSet, period: Period, set_id: str,
                taken: set[str]) -> tuple[dict[str, Any], dict[str, str]]:
    pledge_ids: dict[str, str] = {}
    pledges = []
    for number, pledge in enumerate(current.pledges, start=1):
        wanted = set_id + pledge.id[len(current.id):] if pledge.id.startswith(current.id) else ""
        new_id = _fresh_id(wanted or f"{set_id}-{number}", taken, f"{set_id}-{number}")
        pledge_ids[pledge.id] = new_id
        raw = {k: v for k, v in current.raw["pledges"][number - 1].items()
               if k in ("group", "text", "parties", "areas")}
        pledges.append({"id": new_id, **raw})
    data: dict[str, Any] = {
        "id": set_id, "title": _relabel(current.title, current.period, period),
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "municipalities": list(current.municipalities),
        "parties": list(current.raw.get("parties", [])), "pledges": pledges}
    for key in ("municipalities", "parties"):
        if not data[key]:
            del data[key]
    return data, pledge_ids


Carried = list[tuple[str, str]]


def _activity_list(current: ActivityList, old: Period, new: Period, set_id: str,
                   pledge_ids: dict[str, str], taken: set[str]) -> tuple[dict[str, Any], Carried]:
    keep = [a for a in current.activities if a.status.value not in CARRY_OVER_EXCEPT]
    new_ids = _renumbered([a.id for a in current.activities], len(keep), old, new, taken,
                          f"{set_id}-a")
    list_id = _fresh_id(_relabel(current.id, old, new), taken, f"{current.id}-next")
    data: dict[str, Any] = {"id": list_id}
    if current.title:
        data["title"] = _relabel(current.title, old, new)
    data["pledge_set"] = set_id
    data["activities"] = [_activity(a, i, pledge_ids) for a, i in zip(keep, new_ids, strict=True)]
    return data, [(a.id, i) for a, i in zip(keep, new_ids, strict=True)]
