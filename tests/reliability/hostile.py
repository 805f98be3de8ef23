"""A data root with every text field filled from one function, for publishing-safety tests.

Each text value in the templates below is a slot name in braces; `write_root` replaces
it with `fill(slot)`. Slots starting with `internal` are confidential (internal_notes, or
any field of an internal activity); every other slot is public text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

CONFIG = {
    "municipality": {"name": "{municipality}", "code": "0999", "county": "{county}"},
    "police_area": "{police_area}",
    "language": "sv",
    "parties": [{"id": "kommun", "name": "{party_kommun}", "kind": "kommun"},
                {"id": "polis", "name": "{party_polis}", "kind": "polis"}],
    "districts": [{"id": "centrum", "name": "{district}", "description": "{district_description}"}],
    "functions": [{"id": "samordnare", "name": "{function}", "party": "kommun",
                   "description": "{function_description}"}],
    "sources": [{"id": "src-1", "title": "{source_title}", "url": "https://example.org/a?b=1&c=2",
                 "publisher": "{source_publisher}"}],
    "coordination_function": "samordnare",
    "public_contact": {"text": "{public_contact}"},
    "council_reports": [{"date": "2024-11-20", "body": "{council_body}", "paragraph": "{council_paragraph}",
                         "diary_number": "{council_diary}"}],
}
AGREEMENT = {
    "id": "so-2024-2027", "title": "{agreement_title}", "summary": "{agreement_summary}",
    "period": {"start": "2024-01-01", "end": "2027-12-31"}, "parties": ["kommun", "polis"],
    "signed": {"date": "2024-01-15", "roles": ["{signed_role}"], "place": "{signed_place}"},
    "priority_areas": [{"id": "pa-1", "title": "{area_title}", "description": "{area_description}",
                        "problem": "{area_problem}", "causes": ["{area_cause}"],
                        "goals": ["{area_goal}"], "responsible": ["samordnare"]}],
    "partners": ["{partner}"], "follow_up": {"description": "{follow_up}", "frequency": "yearly"},
    "source_note": "{agreement_source_note}", "notes": "{agreement_notes}",
}
PLEDGES = {
    "id": "ml-2024-2025", "title": "{pledges_title}", "agreement": "so-2024-2027",
    "period": {"start": "2024-01-01", "end": "2025-12-31"}, "parties": ["kommun", "polis"],
    "signed": {"date": "2024-02"},
    "decision": {"body": "{decision_body}", "date": "2024-01-20", "paragraph": "{decision_paragraph}",
                 "diary_number": "{decision_diary}"},
    "situation": "lb-1",
    "situation_picture": {"summary": "{situation_summary}", "basis": ["{situation_basis}"],
                          "problems": ["{situation_problem}"]},
    "pledges": [{"id": "ml-1", "text": "{pledge_text}", "group": "{pledge_group}",
                 "parties": ["kommun", "polis"], "areas": ["pa-1"], "problems": ["p-1"],
                 "notes": "{pledge_notes}"}],
    "notes": "{pledges_notes}",
}
_TARGET = {"id": "t1", "kind": "at_least", "text": "{target_text}", "value": 4, "unit": "{target_unit}",
           "outcomes": [{"value": 5, "date": "2024-10-15", "kind": "final", "source": "src-1",
                         "note": "{outcome_note}"},
                        {"value": "{outcome_text_value}", "date": "2024-11-15", "kind": "interim"}]}
_INDICATOR_TARGET = {"id": "t2", "kind": "change", "text": "{indicator_target_text}", "value": 5,
                     "baseline": {"year": 2023, "value": 30}, "direction": "decrease",
                     "indicator": {"id": "ind-1", "district": "centrum"}}
ACTIVITIES = {
    "id": "al-2024-2025", "title": "{activities_title}", "pledge_set": "ml-2024-2025",
    "activities": [
        {"id": "a-1", "title": "{activity_title}", "description": "{activity_description}",
         "pledges": ["ml-1"], "owners": ["samordnare"], "parties": ["kommun"], "districts": ["centrum"],
         "places": ["{activity_place}"], "start": "2024-02-01", "due": "2024-11-30", "status": "delayed",
         "reason": "{activity_reason}", "status_note": "{activity_status_note}",
         "problems": ["p-1"], "targets": [_TARGET, _INDICATOR_TARGET],
         "internal_notes": "{internal_notes}"},
        {"id": "a-2", "title": "{internal_activity_title}", "description": "{internal_description}",
         "pledges": ["ml-1"], "owners": ["samordnare"], "parties": ["polis"], "districts": ["centrum"],
         "places": ["{internal_place}"], "due": "2025-06-30", "status": "cancelled",
         "reason": "{internal_reason}", "status_note": "{internal_status_note}",
         "visibility": "internal", "internal_notes": "{internal_notes_2}", "problems": ["p-1"],
         "targets": [{"id": "t1", "kind": "qualitative", "text": "{internal_target_text}",
                      "outcomes": [{"value": "{internal_outcome_value}", "date": "2025-01-10",
                                    "kind": "interim", "note": "{internal_outcome_note}"}]}]},
    ],
}
SITUATION = {
    "id": "lb-1", "title": "{situation_title}", "date": "2023-11-01", "compiled_by": ["samordnare"],
    "occasion": "{situation_occasion}",
    "mapping": {"summary": "{mapping_summary}", "indicators": [
        {"id": "ind-1", "name": "{indicator_name}", "unit": "{indicator_unit}", "source": "src-1",
         "description": "{indicator_description}", "better": "lower",
         "values": [{"date": "2022", "district": "centrum", "value": 31},
                    {"date": "2023", "district": "centrum", "value": 30, "note": "{indicator_note}"},
                    {"date": "2024", "district": "centrum", "value": 27}]}]},
    "other_information": [{"kind": "dialogue", "title": "{information_title}", "date": "2023-05",
                           "districts": ["centrum"], "summary": "{information_summary}"}],
    "analysis": "{situation_analysis}",
    "problems": [{"id": "p-1", "title": "{problem_title}", "description": "{problem_description}",
                  "districts": ["centrum"], "indicators": ["ind-1"]},
                 {"id": "p-2", "title": "{problem_2_title}", "no_measure_reason": "{problem_reason}"}],
    "districts": [{"district": "centrum", "summary": "{district_summary}"}],
    "notes": "{situation_notes}",
}
FILES = {"trygghet.yaml": CONFIG, "agreements/2024-2027.yaml": AGREEMENT,
         "pledges/2024-2025.yaml": PLEDGES, "activities/2024-2025.yaml": ACTIVITIES,
         "situation/2023-11.yaml": SITUATION}
_SLOT = re.compile(r"^\{([a-z0-9_]+)\}$")
_LIST_SEPARATOR = re.compile(r", | och | and ", re.IGNORECASE)


def slots() -> list[str]:
    """Every slot name in the templates."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and _SLOT.match(value):
            found.append(_SLOT.match(value).group(1))  # type: ignore[union-attr]

    for template in FILES.values():
        walk(template)
    return found


def is_internal(slot: str) -> bool:
    return slot.startswith("internal")


def _filled(value: Any, fill: Callable[[str], str]) -> Any:
    if isinstance(value, dict):
        return {key: _filled(item, fill) for key, item in value.items()}
    if isinstance(value, list):
        return [_filled(item, fill) for item in value]
    match = _SLOT.match(value) if isinstance(value, str) else None
    if match and match.group(1).startswith("party_"):
        # A party's name may hold no list separator (TRY411): ', ' and ' och ' become '; '.
        return _LIST_SEPARATOR.sub("; ", fill(match.group(1)))
    return fill(match.group(1)) if match else value


def write_root(root: Path, fill: Callable[[str], str]) -> Path:
    """Write the files (JSON, which is YAML) with every slot filled."""
    for name, template in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(_filled(template, fill), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    return root


# Every report kind with the options that pick the minimal periods, and a fixed date.
REPORTS = [
    ["yearly", "--year", "2024"],
    ["pledges", "--period", "2024-2025"],
    ["status", "--period", "2024-2025", "--as-of", "2025-01-15"],
    ["agreement"],
    ["lagesbild", "--as-of", "2025-01-15"],
    ["council", "--year", "2024", "--as-of", "2025-01-15"],
]
