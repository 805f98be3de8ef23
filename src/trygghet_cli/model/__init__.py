"""Typed model of a data root, built once from schema-valid plain data.

Every entity keeps `where` (its file position) and `file` (its Document), so
later checks and views can point back at the exact line.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from trygghet_cli.findings import Location
from trygghet_cli.loading import Document, JsonPath

if TYPE_CHECKING:
    from trygghet_cli.situation import Situation


class Status(StrEnum):
    """An activity's status as written in its file."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    DELAYED = "delayed"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class TargetKind(StrEnum):
    AT_LEAST = "at_least"
    EXACTLY = "exactly"
    RATE = "rate"
    QUALITATIVE = "qualitative"
    CHANGE = "change"
    RANGE = "range"  # between value and max ("tre till fyra gånger per år")
    LEVEL = "level"  # a level held, such as a staffing level: the latest figure counts


Day = date  # for annotations in classes that have a field named `date`
# The end of a period in force until further notice (tills vidare): every day from its start.
OPEN_END = date.max


@dataclass(frozen=True, slots=True)
class Period:
    """Inclusive start and end dates; `uncertain` names those the sources do not give for certain
    ("start", "end"), which views show as "ca 30 juni 2027".

    A pledge period may say `until` instead of an end: "open" (tills vidare) or "next" (tills
    nya löften beslutas, which ends the day before the next set starts, else is open). An open
    period ends on OPEN_END: it holds every day from its start, so it is running on any as_of
    after it. A pledge set whose source gives no period has `given` False and the empty span
    NOT_GIVEN (start after end): it holds no day and lies in no year, so nothing places it in
    time by guess.
    """

    start: date
    end: date
    uncertain: tuple[str, ...] = ()
    until: str | None = None  # "open" or "next", as the file says
    given: bool = True

    @property
    def open(self) -> bool:
        """True when the end is not known: in force until further notice."""
        return self.given and self.end == OPEN_END

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def within(self, other: Period) -> bool:
        return other.start <= self.start and self.end <= other.end

    def label(self, lang: str = "sv") -> str:
        """'2024–2025', '2019'; 'från 2022' for an open period, 'period anges inte' for none."""
        if not self.given or self.open:
            from trygghet_cli.i18n import label

            return (label("period.from_year", lang, year=self.start.year) if self.given
                    else label("period.not_given", lang))
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year}–{self.end.year}"

    def last_year(self, as_of: date) -> int:
        """The last year the period runs in: for an open one, as_of's (or its start's)."""
        return max(self.start.year, as_of.year) if self.open else self.end.year

    @property
    def days(self) -> int:
        return max((self.end - self.start).days + 1, 0)

    @property
    def bounds(self) -> tuple[str | None, str | None]:
        """Start and end as ISO dates for exports; None for an end (or a period) not given."""
        if not self.given:
            return None, None
        return self.start.isoformat(), None if self.open else self.end.isoformat()

    def narrowed(self, start: date | None, end: date | None) -> Period:
        """An activity's own stretch in this period: its start, else the period's, to its due
        date, else the period's end. In a period that is not given, a stretch with no start
        of its own is not given either (no pace, no rate without a window can be judged)."""
        if not self.given and start is None:
            return self
        first = start or self.start
        last = end or (self.end if self.given else OPEN_END)
        return Period(first, last, until=None if end else self.until)


NOT_GIVEN = Period(date.max, date.min, given=False)


@functools.lru_cache(maxsize=8192)
def _days(text: str) -> tuple[date, date]:
    """The first and last day of a partial date (a root repeats a few hundred dates in every
    outcome and rule: each is parsed once); ValueError or IndexError for no real date."""
    parts = [int(p) for p in text.split("-")]
    first = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    if len(parts) == 3:
        return first, first
    month = parts[1] if len(parts) > 1 else 12
    return first, date(parts[0], month, calendar.monthrange(parts[0], month)[1])


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date of which only the year or the month may be known."""

    text: str

    @property
    def first(self) -> date:
        return _days(self.text)[0]

    @property
    def last(self) -> date:
        return _days(self.text)[1]


def parse_partial(text: str) -> PartialDate | None:
    """A PartialDate when text names a real day, month or year; None otherwise."""
    try:
        _days(text)  # raises for impossible dates such as 2024-02-30
    except (ValueError, IndexError):
        return None
    return PartialDate(text)


@dataclass(slots=True)
class Ref:
    """Where an entity stands: its file and its JSON path in it."""

    file: Document
    path: JsonPath

    def where(self, *sub: str | int, key: bool = False) -> Location:
        return self.file.where((*self.path, *sub), key=key)


@dataclass(slots=True)
class Named:
    id: str
    name: str
    ref: Ref


@dataclass(slots=True)
class Function(Named):
    party: str
    description: str | None = None


@dataclass(slots=True)
class District(Named):
    """A district (kommundel); `municipality` is the id of the municipality it lies in, if given."""

    municipality: str | None = None


@dataclass(slots=True)
class Source:
    id: str
    title: str
    url: str | None
    published: str | None
    publisher: str | None
    ref: Ref


@dataclass(slots=True)
class Municipality:
    """One municipality of a data root; `party` is the party id that stands for it, if any."""

    id: str
    name: str
    code: str
    county: str | None
    party: str | None
    ref: Ref


@dataclass(slots=True)
class Config:
    municipality: str
    code: str
    police_area: str
    language: str
    parties: list[Named]
    districts: list[District]
    functions: list[Function]
    ref: Ref
    municipalities: list[Municipality] = field(default_factory=list)
    coordination_function: str | None = None
    public_contact: dict[str, str] | None = None
    law: dict[str, int] = field(default_factory=dict)
    council_reports: list[dict[str, Any]] = field(default_factory=list)
    shared_files: list[str] = field(default_factory=list)  # files of shared definitions, as shown
    scope: str | None = None  # the municipality id a command narrowed the root to (area.scoped)
    format: int = 1  # the data format trygghet.yaml says it is written in (formats.py)


@dataclass(slots=True)
class PriorityArea:
    id: str
    title: str
    description: str | None
    responsible: list[str]
    raw: dict[str, Any]
    ref: Ref


@dataclass(slots=True)
class Agreement:
    id: str
    title: str
    period: Period
    parties: list[str]
    signed: dict[str, Any] | None
    areas: list[PriorityArea]
    raw: dict[str, Any]
    ref: Ref
    municipalities: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Pledge:
    id: str
    text: str
    group: str | None
    parties: list[str]
    areas: list[str]
    set_id: str
    ref: Ref
    problems: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)  # a pledge that is itself the action
    parties_stated: bool = True  # False: `parties` are inherited from the set or its agreement
    stated: Stated | None = None  # what a source says about the pledge as a whole


@dataclass(slots=True)
class PledgeSet:
    id: str
    title: str
    period: Period
    agreement: str | None
    signed: dict[str, Any] | None
    situation: dict[str, Any] | None
    pledges: list[Pledge]
    raw: dict[str, Any]
    ref: Ref
    municipalities: list[str] = field(default_factory=list)
    more_agreements: list[str] = field(default_factory=list)  # `agreements:` the period also spans
    stated: Stated | None = None  # what a source says about the set as a whole
    extends: str | None = None  # id of the earlier set this one extends (förlänger)

    @property
    def agreement_ids(self) -> list[str]:
        """Every agreement the pledge period builds on: `agreement`, then `agreements`."""
        first = [self.agreement] if self.agreement else []
        return list(dict.fromkeys([*first, *self.more_agreements]))

    def pledge_id(self, wanted: str) -> str:
        """The id of a pledge named by its id or by its number in the period ('2' for the
        second, as the terminal's numbered choices and the reports count them); a UsageError
        that names the numbers and ids there are."""
        from trygghet_cli.errors import UsageError

        ids = [p.id for p in self.pledges]
        if wanted in ids:
            return wanted
        number = wanted.strip()
        if number.isdigit():
            if 1 <= int(number) <= len(ids):
                return ids[int(number) - 1]
            key = {0: "pledge.no_pledges", 1: "pledge.no_number_one"}.get(len(ids), "pledge.no_number")
            raise UsageError.say(key, number=int(number), count=len(ids), set=self.id,
                                 ids=", ".join(ids))
        raise UsageError.say("filter.no_pledge", wanted=wanted, set=self.id, ids=", ".join(ids))


class Bound(StrEnum):
    """An outcome that gives only a limit: "över 300", "minst 20" (at_least), "högst 5" (at_most)."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class StatedVerdict(StrEnum):
    """A verdict a source states in words ("målet var uppnått"), with or without a figure."""

    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    ON_TRACK = "on_track"  # only for a whole pledge or set ("mål som de ligger i fas med")


@dataclass(slots=True)
class Stated:
    """What a source says about a whole pledge or pledge set: a verdict ("Löften som vi har
    hållit"), a status ("Alla aktiviteter pågår eller är genomförda": ongoing, done), or both."""

    verdict: StatedVerdict | None
    statuses: tuple[str, ...]
    text: str | None
    date: str | None
    source: str
    ref: Ref


@dataclass(slots=True)
class Outcome:
    """One reported outcome (utfall).

    `value` is None when the source states only a verdict. `window` is the stretch of time the
    figure covers (`period:` in the file); without one a figure counts from the start of the
    activity (or the period) up to `date`. `date` is the window's end when the file gives none.
    """

    value: float | int | str | None
    date: date
    kind: str | None
    approximate: bool
    source: str | None
    note: str | None
    ref: Ref
    window: Period | None = None
    bound: Bound | None = None
    verdict: StatedVerdict | None = None
    district: str | None = None
    place: str | None = None
    date_text: str | None = None  # the date as written when only the year or month is known
    season: str | None = None  # spring, summer, autumn or winter, for a target with seasons
    occasion: str | None = None  # an indicator value's occasion ("årets medborgardialog")
    # An undated outcome's only date: when the source it cites was published (YYYY[-MM[-DD]]).
    source_date: str | None = None

    @property
    def known_on(self) -> Day:
        """The first day the outcome can be known: its date, or for an undated one the last day
        of its source's publication date (date.min when that is not given either)."""
        published = parse_partial(self.source_date) if self.undated and self.source_date else None
        return published.last if published else self.date

    @property
    def undated(self) -> bool:
        """True when the source gives neither a date nor a window ("62 kontroller" on an undated page)."""
        return self.date == date.min

    @property
    def date_written(self) -> str | None:
        """The date as the file gives it (YYYY, YYYY-MM or YYYY-MM-DD); None when undated."""
        return None if self.undated else self.date_text or self.date.isoformat()


@dataclass(slots=True)
class Target:
    id: str
    kind: TargetKind
    text: str
    value: float | None
    unit: str | None
    per: str | None
    baseline: dict[str, Any] | None
    direction: str | None
    change_unit: str | None
    outcomes: list[Outcome]
    ref: Ref
    indicator: dict[str, str] | None = None
    per_district: bool = False  # applies to each of the activity's districts
    max: float | None = None  # range targets: the upper end
    every: int | None = None  # rate targets: value per `every` units of `per` (2: every other)
    seasons: tuple[str, ...] = ()  # applies to each of these seasons of each year of the period
    part_of: str | None = None  # id of the target of the same activity this one is a part of
    condition: str | None = None  # the condition it is given under, in the source's words


@dataclass(slots=True)
class Activity:
    id: str
    title: str
    description: str | None
    pledges: list[str]
    owners: list[str]
    parties: list[str]
    districts: list[str]
    places: list[str]
    start: date | None
    due: date | None
    status: Status
    completed: str | None
    reason: str | None
    status_note: str | None
    targets: list[Target]
    visibility: str
    predecessor: str | None
    internal_notes: str | None
    list_id: str
    ref: Ref
    problems: list[str] = field(default_factory=list)
    parties_stated: bool = True  # False: `parties` are inherited from its pledges
    partners: list[str] = field(default_factory=list)  # others it is done with, not parties
    from_pledge: bool = False  # a pledge that carries its own targets, standing as its own action
    uncertain: tuple[str, ...] = ()  # 'start'/'due' the list gave only as a week, month or season


@dataclass(slots=True)
class ActivityList:
    id: str
    title: str | None
    pledge_set: str
    revised: str | None
    activities: list[Activity]
    ref: Ref
    municipalities: list[str] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)


@dataclass(slots=True)
class Result:
    """A result the follow-up reports that no target asked for (övrigt resultat).

    `when` is the date as written (YYYY, YYYY-MM or YYYY-MM-DD), `window` the stretch it
    covers; either, both or neither may be given.
    """

    text: str
    value: float | int | None
    unit: str | None
    approximate: bool
    bound: Bound | None
    when: str | None
    window: Period | None
    district: str | None
    pledge: str | None
    activity: str | None
    source: str | None
    note: str | None
    ref: Ref

    @property
    def last_day(self) -> date | None:
        """The last day the result may concern, for choosing a period; None when unknown."""
        if self.window is not None:
            return self.window.end
        partial = parse_partial(self.when) if self.when else None
        return partial.last if partial else None


@dataclass(slots=True)
class Model:
    """Everything in a data root that passed the schema, with indexes by id."""

    config: Config | None = None
    agreements: list[Agreement] = field(default_factory=list)
    pledge_sets: list[PledgeSet] = field(default_factory=list)
    activity_lists: list[ActivityList] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    situations: list[Situation] = field(default_factory=list)

    def pledge_set(self, set_id: str) -> PledgeSet | None:
        return next((s for s in self.pledge_sets if s.id == set_id), None)

    def agreement(self, agreement_id: str) -> Agreement | None:
        return next((a for a in self.agreements if a.id == agreement_id), None)

    def activities_for(self, set_id: str) -> list[Activity]:
        """The activities of a pledge period, and each pledge that carries targets of its own
        (a flat pledge list: the pledge is itself the action), as an activity of its own."""
        listed = [a for lst in self.activity_lists if lst.pledge_set == set_id for a in lst.activities]
        pledge_set = self.pledge_set(set_id)
        return listed + (pledge_actions(pledge_set) if pledge_set else [])

    def all_activities(self) -> list[Activity]:
        return [a for lst in self.activity_lists for a in lst.activities]

    def source_titles(self) -> dict[str, str]:
        """Each source's title by id (the first definition when an id is defined twice)."""
        titles: dict[str, str] = {}
        for source in self.sources:
            titles.setdefault(source.id, source.title)
        return titles

    def situation(self, situation_id: str) -> Situation | None:
        return next((s for s in self.situations if s.id == situation_id), None)


def pledge_actions(pledge_set: PledgeSet) -> list[Activity]:
    """The pledges of a set that carry targets of their own, each as the activity it is itself.

    Status, reports and exports then judge and show those targets as they do an activity's,
    under the pledge. The activity has the pledge's id, text, parties and position."""
    return [Activity(id=p.id, title=p.text, description=None, pledges=[p.id], owners=[],
                     parties=p.parties, districts=[], places=[], start=None, due=None,
                     status=Status.UNKNOWN, completed=None, reason=None, status_note=None,
                     targets=p.targets, visibility="public", predecessor=None, internal_notes=None,
                     list_id=pledge_set.id, ref=p.ref, problems=p.problems,
                     parties_stated=p.parties_stated, from_pledge=True)
            for p in pledge_set.pledges if p.targets]
