"""One police area, several municipalities: which municipality a document belongs to.

A data root names one municipality (`municipality:`) or, for a police area kept in one
repository, several (`municipalities:`). Every agreement, pledge set and activity list
belongs to one or more of them:

1. the ids in its own `municipalities:`;
2. else the municipalities whose `party` is among its parties (a joint agreement of two
   municipalities names both as parties);
3. else those of what it builds on: an activity list its pledge set's, a pledge set its
   agreement's;
4. else, in a root of one municipality, that one.

A lägesbild follows rules 1, 2 (its `compiled_by`) and 4. A district lies in the municipality
its `municipality:` names (default: the root's only one); a document may name only the
districts of its own municipalities.

Headers, footers, sentences, reports and exports name a document by `names_of`, so a
page of one municipality never carries another's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from trygghet_cli.errors import UsageError
from trygghet_cli.i18n import join_list
from trygghet_cli.model import (
    Activity,
    ActivityList,
    Agreement,
    District,
    Model,
    Municipality,
    PledgeSet,
)
from trygghet_cli.situation import Situation

Document = Agreement | PledgeSet | ActivityList | Situation
Item = Document | Activity


def _parties(model: Model, item: Document) -> list[str]:
    if isinstance(item, Agreement):
        return item.parties
    if isinstance(item, PledgeSet):
        own = item.raw.get("parties")
        listed = [str(p) for p in own] if isinstance(own, list) else []
        return listed + [p for pledge in item.pledges for p in pledge.parties]
    if isinstance(item, Situation):
        # compiled_by names parties or functions; a function stands for its party.
        functions = {f.id: f.party for f in model.config.functions} if model.config else {}
        return [functions.get(str(i), str(i)) for i in item.compiled_by]
    return []


def listed_ids(item: Document) -> list[str]:
    """The ids in the document's own `municipalities:`."""
    if isinstance(item, Situation):
        raw = item.raw.get("municipalities")
        return [str(i) for i in raw] if isinstance(raw, list) else []
    return list(item.municipalities)


def _parent(model: Model, item: Document) -> Agreement | PledgeSet | None:
    if isinstance(item, ActivityList):
        return model.pledge_set(item.pledge_set)
    if isinstance(item, PledgeSet) and item.agreement:
        return model.agreement(item.agreement)
    return None


def _list_of(model: Model, activity: Activity) -> ActivityList | None:
    return next((lst for lst in model.activity_lists if lst.id == activity.list_id), None)


def stated_ids(model: Model, item: Item) -> list[str]:
    """The municipality ids a document states or implies (rules 1-3), in the root's order;
    [] when it does not tell. Unknown ids in `municipalities:` are kept (validation reports them)."""
    current: Document | None = _list_of(model, item) if isinstance(item, Activity) else item
    everyone = model.config.municipalities if model.config else []
    by_party = {m.party: m.id for m in everyone if m.party}
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if listed_ids(current):
            return listed_ids(current)
        linked = {by_party[p] for p in _parties(model, current) if p in by_party}
        if linked:
            return [m.id for m in everyone if m.id in linked]
        current = _parent(model, current)
    return []


def municipalities_of(model: Model, item: Item) -> list[Municipality]:
    """The municipalities a document belongs to; the root's only one when it has one."""
    everyone = model.config.municipalities if model.config else []
    if len(everyone) == 1:
        return list(everyone)
    ids = stated_ids(model, item)
    return [m for m in everyone if m.id in ids]


def names_of(model: Model, items: Item | Iterable[Item], lang: str) -> str:
    """'Kils kommun', or 'Hammarö kommun och Grums kommun' for a joint document (or for
    several documents together); the root's name when none of them tells."""
    many = [items] if isinstance(items, Item) else list(items)
    ids = {m.id for item in many for m in municipalities_of(model, item)}
    found = [m for m in (model.config.municipalities if model.config else []) if m.id in ids]
    if not found:
        return model.config.municipality if model.config else ""
    return join_list([m.name for m in found], lang)


def party_kinds(model: Model) -> dict[str, str]:
    """Each party's kind (kommun, polis, ...) by id, as its trygghet.yaml gives it."""
    config = model.config
    if config is None:
        return {}
    raw = config.ref.file.data.get("parties", [])
    return {str(p["id"]): str(p.get("kind", "annan")) for p in raw if isinstance(p, dict) and "id" in p}


def own_parties(model: Model) -> list[str]:
    """The parties of the pledge sets (the municipality's own, in a narrowed police area); else
    of the agreements; in the order of trygghet.yaml."""
    found: set[str] = set()
    for s in model.pledge_sets:
        found.update(str(p) for p in s.raw.get("parties", []))
        found.update(p for pledge in s.pledges for p in pledge.parties)
    found = found or {p for a in model.agreements for p in a.parties}
    order = [p.id for p in model.config.parties] if model.config else []
    return [p for p in order if p in found] + sorted(found - set(order))


def only_municipality_and_police(model: Model, party_ids: Iterable[str]) -> bool:
    """True when the parties are one municipality and the police: the only case where a
    sentence may say 'kommunen och polisen' instead of naming them."""
    kinds = party_kinds(model)
    found = sorted(kinds.get(p, "annan") for p in dict.fromkeys(party_ids))
    return found == ["kommun", "polis"]


def belongs_to(model: Model, item: Item, municipality_id: str) -> bool:
    return any(m.id == municipality_id for m in municipalities_of(model, item))


def find(model: Model, wanted: str) -> Municipality:
    """A municipality of the root by id, kommunkod or name (case does not matter)."""
    everyone = model.config.municipalities if model.config else []
    key = wanted.strip().casefold()
    for municipality in everyone:
        if key in {municipality.id.casefold(), municipality.code, municipality.name.casefold()}:
            return municipality
    raise UsageError.say("area.no_municipality", wanted=wanted,
                         ids=", ".join(m.id for m in everyone) or "–")


def scoped(model: Model, wanted: str | None) -> Model:
    """The model narrowed to one municipality's documents (joint ones included), named after it.

    A root of one municipality is returned as it is. A root of several needs `wanted`:
    without it, commands would mix the municipalities' periods and names."""
    config = model.config
    if config is None or (len(config.municipalities) <= 1 and wanted is None):
        return model
    if wanted is None:
        ids = ", ".join(m.id for m in config.municipalities)
        raise UsageError.say("area.choose_municipality", count=len(config.municipalities),
                             first=config.municipalities[0].id, ids=ids)
    chosen = find(model, wanted)
    if len(config.municipalities) == 1:
        return model
    # replace() keeps every other part of the model (sources, ...) as it is. All districts stay
    # known (a joint document may name the other municipality's); `scope` marks its own.
    return replace(
        model,
        config=replace(config, municipality=chosen.name, code=chosen.code, scope=chosen.id),
        agreements=[a for a in model.agreements if belongs_to(model, a, chosen.id)],
        pledge_sets=[s for s in model.pledge_sets if belongs_to(model, s, chosen.id)],
        activity_lists=[x for x in model.activity_lists if belongs_to(model, x, chosen.id)],
        situations=[s for s in model.situations if belongs_to(model, s, chosen.id)],
    )


def home_of(model: Model, district: District) -> str | None:
    """The id of the municipality a district lies in: its `municipality:`, else the root's only one."""
    if district.municipality:
        return district.municipality
    everyone = model.config.municipalities if model.config else []
    return everyone[0].id if len(everyone) == 1 else None


def districts_in(model: Model, municipality_ids: Iterable[str]) -> list[District]:
    """The districts of the root that lie in any of these municipalities, in the root's order."""
    wanted = set(municipality_ids)
    return [d for d in (model.config.districts if model.config else []) if home_of(model, d) in wanted]


def own_districts(model: Model) -> list[District]:
    """The districts a site or listing shows as the municipality's own: those of the
    municipality `scoped` chose, or every district of an unscoped root."""
    config = model.config
    if config is None:
        return []
    return list(config.districts) if config.scope is None else districts_in(model, [config.scope])


def districts_of(model: Model, item: Item) -> list[District]:
    """The districts a document may name and shows: those of its municipalities (all of a
    joint document's)."""
    return districts_in(model, [m.id for m in municipalities_of(model, item)])


@dataclass(frozen=True, slots=True)
class Scope:
    """What a command that writes a new document looks at: the documents of the municipality
    it writes for (all of a root of one municipality) and that municipality (None in a root of
    one, whose file names and ids carry only the period: '2026-2027')."""

    model: Model
    municipality: Municipality | None

    def label(self, label: str) -> str:
        """A file name or id part: 'kil-2026-2027' in a police area's root, else '2026-2027'."""
        return f"{self.municipality.id}-{label}" if self.municipality else label

    def default_parties(self, known: list[str]) -> list[str]:
        """Every party but the other municipalities' (the police, a joint räddningstjänst stay)."""
        config = self.model.config
        if self.municipality is None or config is None:
            return list(known)
        others = {m.party for m in config.municipalities if m.id != self.municipality.id and m.party}
        return [p for p in known if p not in others]

    def stamp(self, data: dict[str, object]) -> None:
        """Name the municipality in a new document (`municipalities: [kil]`) after its period."""
        if self.municipality is not None:
            data["municipalities"] = [self.municipality.id]


def for_writing(model: Model, wanted: str | None) -> Scope:
    """The scope of a command that writes a new document; in a root of several municipalities
    `wanted` is required (a usage error without), since the new period, ids and file names
    follow that municipality's."""
    narrowed = scoped(model, wanted)
    everyone = model.config.municipalities if model.config else []
    return Scope(narrowed, find(model, wanted) if wanted is not None and len(everyone) > 1 else None)


def file_label(model: Model, item: Item, label: str) -> str:
    """A new file's name for a document of a police area's root: its municipalities' ids first
    ('dalby-ekeby-2024-2027'); in a root of one municipality the label as it is."""
    everyone = model.config.municipalities if model.config else []
    if len(everyone) <= 1:
        return label
    return "-".join([*(m.id for m in municipalities_of(model, item)), label])
