"""Build a Situation from a schema-valid lägesbild document."""

from __future__ import annotations

from typing import Any

from trygghet_cli.loading import Document, JsonPath
from trygghet_cli.model import Bound, PartialDate, Ref
from trygghet_cli.situation import (
    DistrictSection,
    Indicator,
    IndicatorValue,
    Information,
    Problem,
    Situation,
)


def _value(doc: Document, raw: dict[str, Any], path: JsonPath) -> IndicatorValue:
    bound = raw.get("bound")
    return IndicatorValue(PartialDate(raw["date"]), raw.get("district"), float(raw["value"]),
                          bool(raw.get("approximate", False)), raw.get("source"), raw.get("note"),
                          Ref(doc, path), Bound(bound) if bound else None, raw.get("measured_at"))


def _indicator(doc: Document, raw: dict[str, Any], path: JsonPath) -> Indicator:
    values = [_value(doc, v, (*path, "values", i)) for i, v in enumerate(raw.get("values", []))]
    return Indicator(raw["id"], raw["name"], raw["unit"], raw.get("source"), raw.get("description"),
                     raw.get("better"), values, Ref(doc, path))


def _information(doc: Document, raw: dict[str, Any], path: JsonPath) -> Information:
    when = PartialDate(raw["date"]) if raw.get("date") else None
    return Information(raw.get("kind"), raw["title"], when, raw.get("districts", []),
                       raw.get("summary"), raw.get("sources", []), Ref(doc, path))


def _problem(doc: Document, raw: dict[str, Any], path: JsonPath, situation_id: str) -> Problem:
    return Problem(raw["id"], raw["title"], raw.get("description"), raw.get("districts", []),
                   raw.get("indicators", []), raw.get("no_measure_reason"), raw.get("sources", []),
                   situation_id, Ref(doc, path))


def situation(doc: Document) -> Situation:
    """The typed lägesbild of one valid document."""
    data = doc.data
    mapping = data.get("mapping", {})
    indicators = [_indicator(doc, raw, ("mapping", "indicators", i))
                  for i, raw in enumerate(mapping.get("indicators", []))]
    information = [_information(doc, raw, ("other_information", i))
                   for i, raw in enumerate(data.get("other_information", []))]
    problems = [_problem(doc, raw, ("problems", i), data["id"])
                for i, raw in enumerate(data.get("problems", []))]
    districts = [DistrictSection(raw["district"], raw["summary"], raw.get("sources", []),
                                 Ref(doc, ("districts", i)))
                 for i, raw in enumerate(data.get("districts", []))]
    return Situation(data["id"], data["title"], PartialDate(data["date"]), data.get("compiled_by", []),
                     data.get("occasion"), mapping.get("summary"), indicators, information,
                     data.get("analysis"), problems, districts, data.get("notes"), data, Ref(doc, ()),
                     [s["id"] for s in data.get("sources", [])])
