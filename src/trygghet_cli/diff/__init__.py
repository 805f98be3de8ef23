"""Semantic comparison of two data roots, or of two pledge sets, agreements or activity lists.

Entities are paired by id, an activity also by its `predecessor`, and the rest by how
alike their text is, so a reworded pledge is one changed pledge, not one removed and
one added. Fields are compared as plain data (see plaindiff), never as file text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from trygghet_cli.diff.plaindiff import FieldChange, compare, match
from trygghet_cli.findings import Finding, Severity
from trygghet_cli.model import Activity, ActivityList, Agreement, Model, Pledge, PledgeSet, Ref

DEFAULT_THRESHOLD = 0.6
HIDDEN = "(internal)"
# Never shown in a diff: they are kept out of every public view.
PRIVATE_FIELDS = ("internal_notes",)


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class EntityChange:
    """One entity that was added, removed or changed, with its changed fields.

    `group` is the agreement or pledge set it belongs to; `pledge` the pledge an
    activity serves (its first), so that output can group changes by pledge.
    """

    entity: str
    change: Change
    old_id: str | None
    new_id: str | None
    title: str
    group: str = ""
    pledge: str | None = None
    matched_by: str | None = None
    similarity: float | None = None
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Diff:
    """What changed from old to new; `problems` are errors that kept files out of it."""

    subject: str
    old_label: str
    new_label: str
    changes: tuple[EntityChange, ...] = ()
    unchanged: dict[str, int] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    problems: tuple[tuple[str, Finding], ...] = ()
    skipped: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many entities were added, removed, changed and left unchanged."""
        counted = Counter(c.change.value for c in self.changes)
        return {"added": counted["added"], "removed": counted["removed"],
                "changed": counted["changed"], "unchanged": sum(self.unchanged.values()),
                "status_changes": len(self.status_changes())}

    def status_changes(self) -> list[tuple[EntityChange, FieldChange]]:
        """Every activity whose status moved, with the status field change."""
        return [(c, f) for c in self.changes if c.entity == "activity" and c.change is Change.CHANGED
                for f in c.fields if f.field == "status"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One side of a comparison of whole roots: a model, its errors, and for each file as
    messages name it, its path relative to the root (how files are matched across sides)."""

    label: str
    model: Model
    findings: tuple[Finding, ...] = ()
    paths: Mapping[str, str] = field(default_factory=dict)


class _Entity(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def ref(self) -> Ref: ...


@dataclass(frozen=True, slots=True)
class _Kind:
    """How to pair, name and compare one kind of entity."""

    name: str
    text: Callable[[Any], str]
    title: Callable[[Any], str]
    children: str | None = None
    link: Callable[[Any], str | None] | None = None
    accept: Callable[[Any, Any, float], bool] | None = None


def _pledge_text(p: Pledge) -> str:
    return p.text


def _activity_text(a: Activity) -> str:
    return f"{a.title} {a.description or ''}"


def _area_text(a: Any) -> str:
    return f"{a.title} {a.description or ''}"


def _title(e: Any) -> str:
    return str(e.title or e.id)


SURE = 0.8  # activities at least this alike are the same one reworded


def _words(title: str) -> set[str]:
    return {w for w in re.findall(r"\w+", title.casefold()) if len(w) >= 4}


def sure_activity_pair(old: Activity, new: Activity, similarity: float) -> bool:
    """Whether two activities that only their text pairs are the same one reworded.

    Year-to-year lists are reworded, so likeness alone misleads ("Trygghetsvandringar i
    bostadsområden" and "Patrullering i EST-områden" are 62 % alike). Below SURE a pair needs a
    title word in common and, within one list (a git diff), a pledge in common; anything less
    is shown as removed and added.
    """
    if similarity >= SURE:
        return True
    same_list = old.list_id == new.list_id
    return bool(_words(old.title) & _words(new.title)) and (
        not same_list or bool(set(old.pledges) & set(new.pledges)))


PLEDGE = _Kind("pledge", _pledge_text, _pledge_text)
ACTIVITY = _Kind("activity", _activity_text, _title, link=lambda a: a.predecessor,
                 accept=sure_activity_pair)
AREA = _Kind("area", _area_text, _title)
PLEDGE_SET = _Kind("pledge_set", _title, _title, children="pledges")
AGREEMENT = _Kind("agreement", _title, _title, children="priority_areas")
ACTIVITY_LIST = _Kind("activity_list", _title, _title, children="activities")


def plain(ref: Ref) -> Any:
    """The plain data an entity was built from."""
    value: Any = ref.file.data
    for step in ref.path:
        value = value[step]
    return value


def _fields(kind: _Kind, old: _Entity, new: _Entity) -> tuple[FieldChange, ...]:
    drop = {"id", *([kind.children] if kind.children else [])}
    a = {k: v for k, v in plain(old.ref).items() if k not in drop}
    b = {k: v for k, v in plain(new.ref).items() if k not in drop}
    return tuple(_hide(f) for f in compare(a, b))


def _hide(change: FieldChange) -> FieldChange:
    if change.field.rsplit(".", 1)[-1] not in PRIVATE_FIELDS:
        return change
    return FieldChange(change.field, HIDDEN if change.old is not None else None,
                       HIDDEN if change.new is not None else None)


@dataclass(slots=True)
class _Collector:
    """Gathers entity changes and counts of unchanged entities, kind by kind."""

    threshold: float
    changes: list[EntityChange] = field(default_factory=list)
    unchanged: Counter[str] = field(default_factory=Counter)

    def pair(self, kind: _Kind, old: _Entity, new: _Entity, *, group: str = "",
             pledge: str | None = None, matched_by: str | None = None,
             similarity: float | None = None) -> None:
        fields = _fields(kind, old, new)
        if not fields and old.id == new.id:
            self.unchanged[kind.name] += 1
            return
        self.changes.append(EntityChange(kind.name, Change.CHANGED, old.id, new.id,
                                         kind.title(new), group, pledge, matched_by,
                                         similarity, fields))

    def one_side(self, kind: _Kind, item: _Entity, change: Change, *, group: str = "",
                 pledge: str | None = None) -> None:
        old_id, new_id = (None, item.id) if change is Change.ADDED else (item.id, None)
        self.changes.append(EntityChange(kind.name, change, old_id, new_id, kind.title(item),
                                         group, pledge))

    def entries(self, kind: _Kind, old: Sequence[Any], new: Sequence[Any],
                group: Callable[[Any], str], pledge: Callable[[Any], str | None]) -> None:
        """Pair two lists of entries and record what differs, in the new list's order."""
        found = match(old, new, ident=lambda e: e.id, text=kind.text, threshold=self.threshold,
                      link=kind.link, accept=kind.accept)
        position = {id(n): i for i, n in enumerate(new)}
        for p in sorted(found.pairs, key=lambda p: position[id(p.new)]):
            self.pair(kind, p.old, p.new, group=group(p.new), pledge=pledge(p.new),
                      matched_by=p.matched_by, similarity=p.similarity)
        for item in found.added:
            self.one_side(kind, item, Change.ADDED, group=group(item), pledge=pledge(item))
        for item in found.removed:
            self.one_side(kind, item, Change.REMOVED, group=group(item), pledge=pledge(item))

    def result(self, subject: str, old_label: str, new_label: str, **extra: Any) -> Diff:
        return Diff(subject, old_label, new_label, tuple(self.changes), dict(self.unchanged),
                    **extra)


def _none(_: Any) -> str | None:
    return None


def _first_pledge(a: Activity) -> str | None:
    return a.pledges[0] if a.pledges else None


def diff_pledge_sets(old: PledgeSet, new: PledgeSet, threshold: float = DEFAULT_THRESHOLD) -> Diff:
    """What changed from one set of medborgarlöften to another (e.g. one period to the next)."""
    out = _Collector(threshold)
    out.pair(PLEDGE_SET, old, new, group=new.id)
    out.entries(PLEDGE, old.pledges, new.pledges, lambda p: new.id, _none)
    return out.result("pledges", old.title, new.title, groups={new.id: new.title})


def diff_agreements(old: Agreement, new: Agreement, threshold: float = DEFAULT_THRESHOLD) -> Diff:
    """What changed from one samverkansöverenskommelse to another, priority areas included."""
    out = _Collector(threshold)
    out.pair(AGREEMENT, old, new, group=new.id)
    out.entries(AREA, old.areas, new.areas, lambda a: new.id, _none)
    return out.result("agreements", old.title, new.title, groups={new.id: new.title})


def diff_activity_lists(old: ActivityList, new: ActivityList,
                        threshold: float = DEFAULT_THRESHOLD) -> Diff:
    """What changed from one activity list to another: status, targets, outcomes, owners."""
    out = _Collector(threshold)
    out.pair(ACTIVITY_LIST, old, new, group=new.id)
    out.entries(ACTIVITY, old.activities, new.activities, lambda a: new.id, _none)
    title = _title(new)
    return out.result("activities", _title(old), title, groups={new.id: title})


def _situation_text(s: Any) -> str:
    return str(s.title)


def _problem_text(p: Any) -> str:
    return f"{p.title} {p.description or ''}"


def _indicator_text(i: Any) -> str:
    return f"{i.name} {i.unit}"


SITUATION = _Kind("situation", _situation_text, _title)
PROBLEM = _Kind("problem", _problem_text, _title, children="indicators")
INDICATOR = _Kind("indicator", _indicator_text, lambda i: str(i.name), children="values")


def _latest(indicator: Any) -> dict[str | None, Any]:
    """The newest value of an indicator per district (None: the whole municipality)."""
    return {d: indicator.series(d)[-1] for d in indicator.districts()}


def _shown(value: Any) -> str:
    return f"{value.value:g} ({value.when.text})"


def _movement(old: Any, new: Any) -> tuple[FieldChange, ...]:
    """Per district, the newest value before and now, when it moved: `latest.centrum: 30 → 27`."""
    before, after = _latest(old), _latest(new)
    changes = []
    for district in after:
        was, now = before.get(district), after[district]
        if was is not None and (was.value, was.when.text) == (now.value, now.when.text):
            continue
        changes.append(FieldChange(f"latest.{district or 'all'}", _shown(was) if was else None,
                                   _shown(now)))
    return tuple(changes)


def diff_situations(old: Any, new: Any, threshold: float = DEFAULT_THRESHOLD) -> Diff:
    """What changed from one lägesbild to the next: new and dropped problems, and each indicator's
    newest value per district (up or down), besides every other field."""
    out = _Collector(threshold)
    drop = ("problems", "mapping")
    fields = tuple(compare({k: v for k, v in plain(old.ref).items() if k not in (*drop, "id")},
                           {k: v for k, v in plain(new.ref).items() if k not in (*drop, "id")}))
    summary = compare({"summary": old.mapping_summary}, {"summary": new.mapping_summary})
    fields += tuple(FieldChange(f"mapping.{f.field}", f.old, f.new, f.added, f.removed, f.words)
                    for f in summary)
    if fields:
        out.changes.append(EntityChange("situation", Change.CHANGED, old.id, new.id, new.title,
                                        new.id, fields=fields))
    else:
        out.unchanged["situation"] += 1
    out.entries(PROBLEM, old.problems, new.problems, lambda p: new.id, _none)
    found = match(old.indicators, new.indicators, ident=lambda e: e.id, text=INDICATOR.text,
                  threshold=threshold)
    for pair in found.pairs:
        moved = _movement(pair.old, pair.new) + _fields(INDICATOR, pair.old, pair.new)
        if moved:
            out.changes.append(EntityChange("indicator", Change.CHANGED, pair.old.id, pair.new.id,
                                            pair.new.name, new.id, None, pair.matched_by,
                                            pair.similarity, moved))
        else:
            out.unchanged["indicator"] += 1
    for item in found.added:
        out.one_side(INDICATOR, item, Change.ADDED, group=new.id)
    for item in found.removed:
        out.one_side(INDICATOR, item, Change.REMOVED, group=new.id)
    return out.result("situation", old.title, new.title, groups={new.id: new.title})


def _relative(shown: str, side: Snapshot) -> str:
    return side.paths.get(shown, shown)


def _unreadable(side: Snapshot) -> set[str]:
    """Files of a side that did not load or failed the schema, so none of their entities count."""
    return {_relative(f.where.path, side) for f in side.findings
            if f.severity is Severity.ERROR and f.code[3] in "012"}


def _kept(side: Snapshot, skipped: set[str]) -> Model:
    """The side's model without the entities of skipped files."""
    def keep(e: Any) -> bool:
        return _relative(e.ref.file.path, side) not in skipped

    model = side.model
    config = model.config if model.config is not None and keep(model.config) else None
    return Model(config, [a for a in model.agreements if keep(a)],
                 [s for s in model.pledge_sets if keep(s)],
                 [lst for lst in model.activity_lists if keep(lst)], model.sources)


def _config(out: _Collector, old: Model, new: Model) -> None:
    if old.config is None and new.config is None:
        return
    if old.config is None or new.config is None:
        change = Change.ADDED if old.config is None else Change.REMOVED
        out.changes.append(EntityChange("config", change, None, None, "trygghet.yaml"))
        return
    fields = tuple(compare(plain(old.config.ref), plain(new.config.ref)))
    if not fields:
        out.unchanged["config"] += 1
        return
    out.changes.append(EntityChange("config", Change.CHANGED, "trygghet.yaml", "trygghet.yaml",
                                    new.config.municipality, fields=fields))


def _groups(*models: Model) -> dict[str, str]:
    groups: dict[str, str] = {}
    for model in models:
        groups.update({a.id: a.title for a in model.agreements})
        groups.update({s.id: s.title for s in model.pledge_sets})
        groups.update({p.id: p.text for s in model.pledge_sets for p in s.pledges})
    return groups


def diff_models(old_side: Snapshot, new_side: Snapshot,
                threshold: float = DEFAULT_THRESHOLD) -> Diff:
    """What changed in a whole data root, e.g. between two git revisions.

    A file that is unreadable or fails the schema on either side is left out on both
    sides and named in `skipped`, so a broken file never shows as everything removed.
    """
    skipped = _unreadable(old_side) | _unreadable(new_side)
    old, new = _kept(old_side, skipped), _kept(new_side, skipped)
    out = _Collector(threshold)
    _config(out, old, new)
    area_of = {id(a): g.id for m in (old, new) for g in m.agreements for a in g.areas}
    list_set = {lst.id: lst.pledge_set for m in (old, new) for lst in m.activity_lists}
    out.entries(AGREEMENT, old.agreements, new.agreements, lambda a: a.id, _none)
    out.entries(AREA, [a for g in old.agreements for a in g.areas],
                [a for g in new.agreements for a in g.areas], lambda a: area_of[id(a)], _none)
    out.entries(PLEDGE_SET, old.pledge_sets, new.pledge_sets, lambda s: s.id, _none)
    out.entries(PLEDGE, [p for s in old.pledge_sets for p in s.pledges],
                [p for s in new.pledge_sets for p in s.pledges], lambda p: p.set_id, lambda p: p.id)
    out.entries(ACTIVITY_LIST, old.activity_lists, new.activity_lists,
                lambda lst: lst.pledge_set, _none)
    out.entries(ACTIVITY, old.all_activities(), new.all_activities(),
                lambda a: list_set.get(a.list_id, ""), _first_pledge)
    problems = tuple((side.label, f) for side in (old_side, new_side) for f in side.findings
                     if f.severity is Severity.ERROR)
    return out.result("root", old_side.label, new_side.label, groups=_groups(old, new),
                      problems=problems, skipped=tuple(sorted(skipped)))
