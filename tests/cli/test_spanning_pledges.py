"""A pledge period that starts under one agreement and ends under the next (agreements run four
years, pledges two): it names both, and its pledges may serve the priority areas of either."""

from __future__ import annotations

import json
from pathlib import Path

NEXT_AGREEMENT = """id: so-2028-2031
title: Samverkansöverenskommelse 2028–2031
period:
  start: 2028-01-01
  end: 2031-12-31
parties: [kommun, polis]
priority_areas:
  - id: pa-naringsliv
    title: Samverkan med näringslivet
"""

SPANNING = """id: ml-2027-2028
title: Medborgarlöften 2027–2028
period:
  start: 2027-01-01
  end: 2028-12-31
agreement: so-2024-2027
{more}parties: [kommun, polis]
pledges:
  - id: ml-2027-1
    text: Vi gör trafiken tryggare och samverkar med näringslivet.
    parties: [kommun, polis]
    areas: [pa-trafik, pa-naringsliv]
"""


def _root(minimal_root: Path, more: str) -> Path:
    (minimal_root / "agreements" / "2028-2031.yaml").write_text(NEXT_AGREEMENT, encoding="utf-8")
    (minimal_root / "pledges" / "2027-2028.yaml").write_text(SPANNING.format(more=more), encoding="utf-8")
    return minimal_root


def _errors(run, root: Path) -> list[tuple[str, str]]:  # noqa: ANN001 - the conftest Run
    result = run("--data", str(root), "validate", "--format", "json")
    return [(f["code"], f["message"]) for f in json.loads(result.stdout)["findings"]
            if f["severity"] == "error"]


def test_a_pledge_set_naming_every_agreement_it_spans_is_valid(run, minimal_root: Path) -> None:
    root = _root(minimal_root, "agreements: [so-2028-2031]\n")
    assert _errors(run, root) == []


def test_without_the_next_agreement_the_period_is_not_covered_and_its_areas_unknown(
        run, minimal_root: Path) -> None:
    root = _root(minimal_root, "")
    codes = _errors(run, root)
    assert [c for c, _ in codes] == ["TRY406", "TRY303"]
    assert "not covered by its agreements: so-2024-2027 (2024-01-01..2027-12-31)" in codes[0][1]


def test_an_unknown_further_agreement_is_reported(run, minimal_root: Path) -> None:
    root = _root(minimal_root, "agreements: [so-2028-2030]\n")
    assert ("TRY302", "unknown agreement 'so-2028-2030'") in _errors(run, root)
