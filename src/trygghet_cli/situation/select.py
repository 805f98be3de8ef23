"""Choose lägesbilder: the latest on a date, and the latest word on each district."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trygghet_cli.area import own_districts
from trygghet_cli.model import Model, parse_partial
from trygghet_cli.situation import DistrictSection, Situation


def dated(model: Model, as_of: date | None = None) -> list[Situation]:
    """The lägesbilder with a real date, on or before as_of, oldest first."""
    found = [s for s in model.situations if parse_partial(s.when.text) is not None]
    if as_of is not None:
        found = [s for s in found if s.when.first <= as_of]
    return sorted(found, key=lambda s: (s.day, s.id))


def latest(model: Model, as_of: date | None = None) -> Situation | None:
    """The newest lägesbild on as_of (any date when None)."""
    found = dated(model, as_of)
    return found[-1] if found else None


@dataclass(frozen=True, slots=True)
class DistrictPicture:
    """What the latest lägesbild says about one district of the config (section None: nothing)."""

    district: str
    name: str
    situation: Situation | None
    section: DistrictSection | None


def by_district(model: Model, as_of: date | None = None) -> list[DistrictPicture]:
    """For every district of the config, in its order: the latest lägesbild's section on it.

    The latest lägesbild decides; a district it says nothing about is shown with no section,
    not with an older lägesbild's words."""
    current = latest(model, as_of)
    return [DistrictPicture(d.id, d.name, current, current.section(d.id) if current else None)
            for d in own_districts(model)]
