"""Record progress on activities: status changes, outcomes and new activities.

Each function takes the loaded root and an explicit `as_of` date and returns a
checked Plan (or None when the change is already there); nothing is written here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygghet_cli.editing import session
from trygghet_cli.editing.roundtrip import Editor, get
from trygghet_cli.errors import DataError, UsageError
from trygghet_cli.i18n import label
from trygghet_cli.model import Activity, ActivityList, Period, PledgeSet, Status, parse_partial
from trygghet_cli.root.repository import LoadedRoot

STATUSES = [s.value for s in Status if s is not Status.UNKNOWN]
NEEDS_REASON = {"delayed", "cancelled"}


def find_activity(loaded: LoadedRoot, activity_id: str) -> Activity:
    """The activity with this id, or a UsageError naming the closest ids (W13)."""
    found = [a for a in loaded.model.all_activities() if a.id == activity_id]
    if len(found) == 1:
        return found[0]
    if found:
        places = ", ".join(str(a.ref.where()) for a in found)
        raise UsageError.say("edit.activity_twice", id=activity_id, places=places)
    broken = _broken_file_error(loaded, activity_id)
    if broken is not None:
        raise broken
    ids = [a.id for a in loaded.model.all_activities()]
    close = difflib.get_close_matches(activity_id, ids, n=3)
    if close:
        raise UsageError.say("edit.no_activity_close", id=activity_id, close=", ".join(close))
    raise UsageError.say("edit.no_activity", id=activity_id)


def _broken_file_error(loaded: LoadedRoot, activity_id: str) -> DataError | None:
    """When the activity is defined in a file that has an error (so it is not in the model),
    that error: the edit waits for the file to be fixed, the activity is not missing."""
    shown = loaded.lost.get(activity_id)
    first = next((f for f in loaded.errors() if f.where.path == shown), None)
    if shown is None or first is None:
        return None
    texts: dict[str, tuple[str, str | None]] = {}
    for lang in ("en", "sv"):
        message, _hint = first.text(lang)
        texts[lang] = (label("edit.activity_in_broken_file", lang, id=activity_id,
                             where=first.where, error=message),
                       label("edit.activity_in_broken_file.hint", lang))
    return DataError(*texts["en"], texts=texts)


def check_day(text: str, option: str) -> str:
    """A full YYYY-MM-DD date, or a UsageError."""
    try:
        return date.fromisoformat(text).isoformat() if len(text) == 10 else _bad_day(text, option)
    except ValueError:
        return _bad_day(text, option)


def check_partial(text: str, option: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD date that names a real year, month or day, or a UsageError."""
    from trygghet_cli.model import parse_partial

    if len(text) in (4, 7, 10) and text[:4].isdigit() and parse_partial(text) is not None:
        return text
    raise UsageError.say("edit.not_a_partial_date", option=option, text=text)


def _bad_day(text: str, option: str) -> str:
    raise UsageError.say("edit.not_a_day", option=option, text=text)


def _plan(loaded: LoadedRoot, editor: Editor) -> session.Plan | None:
    result = editor.result()
    if not result.ops:
        return None
    plan = session.Plan(loaded.root, [session.from_edit(editor.doc, result)])
    if not plan.changed:
        return None
    plan.warnings = session.check_root(plan, loaded.findings)
    return plan


def set_status(loaded: LoadedRoot, activity_id: str, status: str, *, as_of: date,
               note: str | None = None, reason: str | None = None,
               on: str | None = None) -> session.Plan | None:
    """Set an activity's status; done sets `completed`, delayed and cancelled need a reason."""
    status = status_of_word(status)
    activity = find_activity(loaded, activity_id)
    raw: dict[str, Any] = get(activity.ref.file.data, activity.ref.path)
    wanted = _status_fields(raw, status, as_of, note, reason, on)
    editor = Editor(activity.ref.file, "activities")
    base = activity.ref.path
    for key, value in wanted.items():
        if value is None and key in raw:
            editor.delete((*base, key))
        elif value is not None and raw.get(key) != value:
            editor.set((*base, key), value)
    return _plan(loaded, editor)


def _status_fields(raw: dict[str, Any], status: str, as_of: date, note: str | None,
                   reason: str | None, on: str | None) -> dict[str, str | None]:
    """The values status, completed, reason and status_note should have (None: remove)."""
    if on is not None and status != "done":
        raise UsageError.say("edit.date_needs_done")
    if reason is not None and status not in NEEDS_REASON:
        raise UsageError.say("edit.reason_needs_status")
    wanted: dict[str, str | None] = {"status": status}
    if status == "done":
        if on is not None and parse_partial(on) is None:
            raise UsageError.say("edit.not_a_partial_date", option="--date", text=on)
        wanted["completed"] = on or raw.get("completed") or as_of.isoformat()
    else:
        wanted["completed"] = None
    if status in NEEDS_REASON:
        if not (reason or raw.get("reason")):
            raise UsageError.say(f"edit.needs_reason.{status}")
        wanted["reason"] = reason or raw.get("reason")
    else:
        wanted["reason"] = None
    if note is not None:
        wanted["status_note"] = note
    return wanted


def parse_value(text: str) -> int | float | str:
    """An outcome value: a number when it reads as one, else the text."""
    for kind in (int, float):
        try:
            number = kind(text)
        except ValueError:
            continue
        if isinstance(number, float) and number != number:  # NaN
            break
        return number
    return text


@dataclass(slots=True)
class OutcomeInput:
    """What `activity outcome` records: a value or a stated verdict, a date or a window (or both)."""

    value: int | float | str | None
    day: str | None
    target: str | None = None
    kind: str | None = None
    approximate: bool = False
    source: str | None = None
    note: str | None = None
    window: tuple[str, str] | None = None
    bound: str | None = None
    verdict: str | None = None
    district: str | None = None
    place: str | None = None

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        window = {"start": self.window[0], "end": self.window[1]} if self.window else None
        fields = {"value": self.value, "date": self.day, "period": window, "kind": self.kind,
                  "approximate": self.approximate or None, "bound": self.bound,
                  "verdict": self.verdict, "district": self.district, "place": self.place,
                  "source": self.source, "note": self.note}
        data.update({k: v for k, v in fields.items() if v is not None})
        return data

    def check(self) -> None:
        """UsageError for a combination the data cannot hold."""
        if self.kind not in (None, "interim", "final"):
            raise UsageError.say("edit.unknown_outcome_kind", kind=self.kind)
        if self.bound not in (None, "at_least", "at_most"):
            raise UsageError.say("edit.unknown_bound", bound=self.bound)
        if self.verdict not in (None, "met", "partly_met", "not_met"):
            raise UsageError.say("edit.unknown_verdict", verdict=self.verdict)
        if self.value is None and self.verdict is None:
            raise UsageError.say("edit.outcome_needs_value")
        if self.verdict is not None and self.source is None:
            raise UsageError.say("edit.verdict_needs_source")
        if self.window is not None and _span_backwards(*self.window):
            raise UsageError.say("edit.window_backwards", start=self.window[0], end=self.window[1])


def _span_backwards(start: str, end: str) -> bool:
    from trygghet_cli.model import parse_partial

    first, last = parse_partial(start), parse_partial(end)
    return first is not None and last is not None and last.last < first.first


def add_outcome(loaded: LoadedRoot, activity_id: str, outcome: OutcomeInput) -> session.Plan | None:
    """Append an outcome to one of the activity's targets; None if it is already recorded."""
    activity = find_activity(loaded, activity_id)
    outcome.check()
    index = _target_index(activity, outcome.target)
    raw_target = get(activity.ref.file.data, (*activity.ref.path, "targets", index))
    item = outcome.as_data()
    if item in raw_target.get("outcomes", []):
        return None
    editor = Editor(activity.ref.file, "activities")
    editor.append((*activity.ref.path, "targets", index, "outcomes"), item)
    return _plan(loaded, editor)


TARGET_KINDS = ["at_least", "exactly", "rate", "qualitative", "change"]


@dataclass(slots=True)
class TargetInput:
    """A new target (mål) of an activity."""

    kind: str
    text: str
    value: float | None = None
    unit: str | None = None
    per: str | None = None
    per_district: bool = False  # applies to each of the activity's districts

    def __post_init__(self) -> None:
        from trygghet_cli.interchange.columns import KINDS, PERS, canonical

        self.kind = canonical(KINDS, self.kind) or self.kind
        self.per = (canonical(PERS, self.per) or self.per) if self.per else self.per

    def as_data(self, target_id: str) -> dict[str, Any]:
        if self.kind not in TARGET_KINDS:
            raise UsageError.say("edit.unknown_target_kind", kind=self.kind)
        data: dict[str, Any] = {"id": target_id, "kind": self.kind, "text": self.text}
        if self.value is not None:
            data["value"] = int(self.value) if float(self.value).is_integer() else self.value
        data.update({k: v for k, v in (("unit", self.unit), ("per", self.per),
                                        ("per_district", self.per_district)) if v})
        return data


def add_target(loaded: LoadedRoot, activity_id: str,
               target: TargetInput) -> tuple[str, session.Plan | None]:
    """Append a target with the next free id (t1, t2, ...); None as plan if it is already there."""
    activity = find_activity(loaded, activity_id)
    ids = [t.id for t in activity.targets]
    target_id = next_id(ids, set(ids), fallback="t") if ids else "t1"
    for existing in activity.targets:
        if (existing.kind.value, existing.text) == (target.kind, target.text):
            return existing.id, None
    editor = Editor(activity.ref.file, "activities")
    editor.append((*activity.ref.path, "targets"), target.as_data(target_id))
    return target_id, _plan(loaded, editor)


def _target_index(activity: Activity, target_id: str | None) -> int:
    ids = [t.id for t in activity.targets]
    if not ids:
        raise UsageError.say("edit.no_targets", id=activity.id)
    if target_id is None:
        if len(ids) > 1:
            raise UsageError.say("edit.several_targets", id=activity.id, ids=", ".join(ids))
        return 0
    if target_id not in ids:
        raise UsageError.say("edit.no_such_target", id=activity.id, target=target_id, ids=", ".join(ids))
    return ids.index(target_id)


def status_of_word(word: str) -> str:
    """The status code for a word typed in Swedish or English; a usage error if it is none."""
    from trygghet_cli.interchange.columns import STATUSES as WORDS
    from trygghet_cli.interchange.columns import status_code

    code = status_code(word)
    if code not in STATUSES:
        raise UsageError.say("activity.unknown_status", status=word,
                             known=", ".join(sv for sv, _en, _other in WORDS.values()))
    return code


def status_change(loaded: LoadedRoot, activity_id: str, word: str, on: str | None,
                  as_of: date, lang: str) -> str:
    """One line on what set_status changes: 'a2026-03: planerad → klar, slutförd 15 okt 2026'."""
    from trygghet_cli import i18n

    activity = find_activity(loaded, activity_id)
    raw: dict[str, Any] = get(activity.ref.file.data, activity.ref.path)
    new = status_of_word(word)
    old = str(raw.get("status", "unknown"))
    line = (f"{activity_id}: {i18n.label(f'status.{old}', lang)} → "
            f"{i18n.label(f'status.{new}', lang)}")
    if new == "done":
        completed = on or str(raw.get("completed") or as_of.isoformat())
        shown = (i18n.format_short_date(date.fromisoformat(completed), lang)
                 if len(completed) == 10 else i18n.format_partial(completed, lang))
        line += f", {i18n.label('activity.completed_on', lang, date=shown)}"
    return line


def next_id(existing: list[str], taken: set[str], fallback: str) -> str:
    """The next id in the numbering of existing ids (a2024-02 -> a2024-03), free in the root."""
    pattern = re.compile(r"^(.*?)(\d+)$")
    numbered = [m for m in (pattern.match(i) for i in existing) if m]
    prefix, width, start = (fallback, 2, 0)
    if numbered:
        last = max(numbered, key=lambda m: int(m.group(2)))
        prefix, width, start = last.group(1), len(last.group(2)), int(last.group(2))
    number = start + 1
    while f"{prefix}{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}{number:0{width}d}"


@dataclass(slots=True)
class NewActivity:
    """The fields of a new activity; id is chosen when left out."""

    title: str
    pledges: list[str]
    parties: list[str]
    description: str | None = None
    owners: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    start: str | None = None
    due: str | None = None
    status: str | None = None
    targets: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    completed: str | None = None

    def as_data(self, activity_id: str) -> dict[str, Any]:
        data: dict[str, Any] = {"id": activity_id, "title": self.title}
        optional: dict[str, Any] = {
            "description": self.description, "pledges": self.pledges, "owners": self.owners,
            "parties": self.parties, "districts": self.districts, "start": self.start,
            "due": self.due, "status": self.status, "completed": self.completed,
            "reason": self.reason, "targets": self.targets}
        data.update({k: v for k, v in optional.items() if v})
        return data


def choose_list(loaded: LoadedRoot, list_id: str | None, as_of: date,
                pledges: Sequence[str] = ()) -> ActivityList | PledgeSet:
    """The named activity list (by its id or its pledge set's), else the list of the first
    pledge's set, else the one whose period holds as_of, else the latest. A pledge set without
    a list stands for the list to be created."""
    model = loaded.model
    if list_id is None and pledges:
        list_id = next((s.id for s in model.pledge_sets if any(p.id == pledges[0] for p in s.pledges)),
                       None)
    lists: list[ActivityList | PledgeSet] = list(model.activity_lists)
    listed = {item.pledge_set for item in model.activity_lists}
    lists += [s for s in model.pledge_sets if s.id not in listed]
    if list_id is not None:
        for item in lists:
            if list_id in (item.id, _pledge_set_id(item)):
                return item
        raise UsageError.say("activity.unknown_list", id=list_id,
                             known=", ".join(item.id for item in lists) or "–")
    if not lists:
        raise UsageError.say("activity.no_pledges")

    def period(item: ActivityList | PledgeSet) -> Period | None:
        pledge_set = model.pledge_set(_pledge_set_id(item))
        return pledge_set.period if pledge_set else None

    for item in lists:
        found = period(item)
        if found and found.contains(as_of):
            return item
    def end(item: ActivityList | PledgeSet) -> date:
        found = period(item)
        return found.end if found else date.min

    return max(lists, key=end)


def _pledge_set_id(item: ActivityList | PledgeSet) -> str:
    return item.pledge_set if isinstance(item, ActivityList) else item.id


def pledge_ids(loaded: LoadedRoot, target: ActivityList | PledgeSet, given: Sequence[str]) -> list[str]:
    """Pledges given by id (of any period) or by their number in the target list's period
    ('2' for its second pledge); a usage error for a number or id that is not there, before
    anything is planned ('löfte 7 finns inte; perioden har löfte 1–4')."""
    known = {p.id for s in loaded.model.pledge_sets for p in s.pledges}
    pledge_set = loaded.model.pledge_set(_pledge_set_id(target))
    if pledge_set is None:
        return list(given)
    return [wanted if wanted in known else pledge_set.pledge_id(wanted) for wanted in given]


def new_activity(loaded: LoadedRoot, target: ActivityList | PledgeSet, fields: NewActivity,
                 comment: str = "") -> tuple[str, session.Plan]:
    """Add a new activity with the next free id: to the list, or to a new list file for a pledge
    set without one (or with an empty one); the id and the checked plan. A new activity that
    is already done was completed today; a delayed or cancelled one needs its reason."""
    fields.status = status_of_word(fields.status or "planned")
    wanted = _status_fields({}, fields.status, date.today(), None, fields.reason, None)
    fields.completed, fields.reason = wanted["completed"], wanted["reason"]
    taken = {a.id for a in loaded.model.all_activities()}
    pledge_set = loaded.model.pledge_set(_pledge_set_id(target))
    fallback = (f"a{pledge_set.period.start.year}-" if pledge_set.period.given else "a-") \
        if pledge_set else f"{target.id}-a"
    existing = [a.id for a in target.activities] if isinstance(target, ActivityList) else []
    activity_id = next_id(existing, taken, fallback=fallback)
    if isinstance(target, PledgeSet) or not existing:
        from trygghet_cli.editing import documents

        item = fields.as_data(activity_id)
        change = (documents.activity_list_for(loaded, target.id, item, comment)
                  if isinstance(target, PledgeSet) else documents.refilled(target, item))
        new_plan = session.Plan(loaded.root, [change])
        new_plan.warnings = session.check_root(new_plan, loaded.findings)
        return activity_id, new_plan
    editor = Editor(target.ref.file, "activities")
    editor.append(("activities",), fields.as_data(activity_id))
    plan = _plan(loaded, editor)
    assert plan is not None  # a new item always changes the file
    return activity_id, plan


@dataclass(slots=True)
class ResultInput:
    """What `activity result` records: a result no target asked for (övrigt resultat)."""

    text: str
    value: int | float | None = None
    unit: str | None = None
    approximate: bool = False
    bound: str | None = None
    day: str | None = None
    window: tuple[str, str] | None = None
    district: str | None = None
    pledge: str | None = None
    activity: str | None = None
    source: str | None = None
    note: str | None = None

    def as_data(self) -> dict[str, Any]:
        window = {"start": self.window[0], "end": self.window[1]} if self.window else None
        fields = {"text": self.text, "value": self.value, "unit": self.unit,
                  "approximate": self.approximate or None, "bound": self.bound, "date": self.day,
                  "period": window, "district": self.district, "pledge": self.pledge,
                  "activity": self.activity, "source": self.source, "note": self.note}
        return {k: v for k, v in fields.items() if v is not None}


def add_result(loaded: LoadedRoot, target_list: ActivityList, result: ResultInput) -> session.Plan | None:
    """Append a result to the list's `results:`; None when the same one is already there."""
    if result.bound not in (None, "at_least", "at_most"):
        raise UsageError.say("edit.unknown_bound", bound=result.bound)
    if result.window is not None and _span_backwards(*result.window):
        raise UsageError.say("edit.window_backwards", start=result.window[0], end=result.window[1])
    item = result.as_data()
    doc = target_list.ref.file
    if item in doc.data.get("results", []):
        return None
    editor = Editor(doc, "activities")
    editor.append(("results",), item)
    return _plan(loaded, editor)
