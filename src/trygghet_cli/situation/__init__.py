"""The lägesbild (situation picture): indicators, other information, analysis and problems.

A lägesbild is its own dated document in `situation/`. Lag (2023:196) asks for a
kartläggning of crime (here: indicators with values per year and district), other
relevant information, and an analysis; the problems it points out are what pledges
and activities address (`problems:`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygghet_cli.model import Bound, PartialDate, Ref


@dataclass(slots=True)
class IndicatorValue:
    """One value of an indicator: for a year, month or day, for a district or the whole municipality."""

    when: PartialDate
    district: str | None
    value: float
    approximate: bool
    source: str | None
    note: str | None
    ref: Ref
    bound: Bound | None = None  # only a limit is known: "mer än hälften", "under 5 %"
    measured_at: str | None = None  # the occasion named instead of a day ("årets medborgardialog")


@dataclass(slots=True)
class Indicator:
    id: str
    name: str
    unit: str
    source: str | None
    description: str | None
    better: str | None
    values: list[IndicatorValue]
    ref: Ref

    @property
    def decimals(self) -> int:
        """The most decimals any of its values was entered with: every value is shown with
        as many, so 2,03, 1,40 and 1,38 keep their digits side by side."""
        from trygghet_cli.i18n import decimals_of

        return max((decimals_of(v.value) for v in self.values), default=0)

    def series(self, district: str | None) -> list[IndicatorValue]:
        """The values for one district (None: the whole municipality), oldest first."""
        return sorted((v for v in self.values if v.district == district), key=lambda v: v.when.first)

    def districts(self) -> list[str | None]:
        """The districts with values, the whole municipality (None) first."""
        seen = {v.district for v in self.values}
        return ([None] if None in seen else []) + sorted(d for d in seen if d is not None)


@dataclass(slots=True)
class Information:
    kind: str | None
    title: str
    when: PartialDate | None
    districts: list[str]
    summary: str | None
    sources: list[str]
    ref: Ref


@dataclass(slots=True)
class Problem:
    id: str
    title: str
    description: str | None
    districts: list[str]
    indicators: list[str]
    no_measure_reason: str | None
    sources: list[str]
    situation_id: str
    ref: Ref


@dataclass(slots=True)
class DistrictSection:
    district: str
    summary: str
    sources: list[str]
    ref: Ref


@dataclass(slots=True)
class Situation:
    """One dated lägesbild."""

    id: str
    title: str
    when: PartialDate
    compiled_by: list[str]
    occasion: str | None
    mapping_summary: str | None
    indicators: list[Indicator]
    information: list[Information]
    analysis: str | None
    problems: list[Problem]
    districts: list[DistrictSection]
    notes: str | None
    raw: dict[str, Any]
    ref: Ref
    sources: list[str] = field(default_factory=list)

    @property
    def day(self) -> date:
        """The last day the date can mean: a lägesbild of '2024-01' is as new as 31 January 2024."""
        return self.when.last

    def indicator(self, ident: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == ident), None)

    def section(self, district: str) -> DistrictSection | None:
        return next((d for d in self.districts if d.district == district), None)

    def has_mapping(self) -> bool:
        return bool(self.indicators or self.mapping_summary)
