"""The fast path equals the reference with every construct at every place in a file.

A CI-sized, fixed sample of the generated documents (yaml_placements.py) runs by default;
TRYGGHET_NIGHTLY=1 runs every combination and pairs of constructs besides (over 340 000
documents, a few minutes of CPU).
"""

from __future__ import annotations

import os

import pytest

from tests.unit import yaml_placements
from tests.unit.test_fast_loading import _findings, _same
from trygghet_cli.loading import Document, load_bytes
from trygghet_cli.loading.document import positions_pending
from trygghet_cli.loading.linescan import LineScan

NIGHTLY = bool(os.environ.get("TRYGGHET_NIGHTLY"))
SIZE = yaml_placements.count() + 20_000 if NIGHTLY else 4_000


def _difference(name: str, text: str) -> tuple[str | None, bool]:
    """What the fast path and the reference disagree on (values, acceptance, findings,
    positions), and whether the fast path decided the document itself."""
    raw = text.encode()
    reference, fast = load_bytes(raw, "f.yaml", fast=False), load_bytes(raw, "f.yaml")
    decided = fast.document is not None and positions_pending(fast.document)
    if (fast.document is None) != (reference.document is None):
        return f"{name}: fast accepts {fast.document is not None}: {text!r}", decided
    if _findings(fast) != _findings(reference):
        return f"{name}: findings {_findings(fast)} != {_findings(reference)}: {text!r}", decided
    if fast.document is None or reference.document is None:
        return None, decided
    if not _same(fast.document.data, reference.document.data):
        return f"{name}: {fast.document.data!r} != {reference.document.data!r}: {text!r}", decided
    lines = _lines_differ(fast.document, reference.document) if decided else None
    if lines:
        return f"{name}: the line scan puts {lines}: {text!r}", decided
    if fast.document.positions != reference.document.positions:
        return f"{name}: positions differ: {text!r}", decided
    return None, decided


def _lines_differ(fast: Document, reference: Document) -> str | None:
    """Where the line scan (linescan.py, asked before the walk) places a value or key of the
    fast-loaded document elsewhere than the reference does: every value, every key, and a
    path below each value that does not exist (its nearest parent's position)."""
    scan = LineScan(fast.text)
    for path in reference.positions:
        asked = [(path, False), ((*path, "missing"), False), ((*path, 10**6), False)]
        if path and isinstance(path[-1], str):
            asked.append((path, True))
        for probe, key in asked:
            found = scan.where(fast.data, probe, key)
            expected = reference.where(probe, key=key)
            if found is not None and found != (expected.line, expected.column):
                return f"{probe} (key {key}) at {found}, the reference at {expected}"
    return None


def test_fast_path_equals_the_reference_with_every_construct_at_every_place() -> None:
    documents = yaml_placements.sample(SIZE)
    assert len(documents) == SIZE
    problems, decided = [], 0
    for name, text in documents:
        problem, fast = _difference(name, text)
        decided += fast
        if problem:
            problems.append(problem)
    assert problems[:20] == [] and len(problems) == 0
    assert decided > SIZE // 4  # the fast path really answers, not only steps aside


def test_the_generator_places_every_block_indicator_and_chomping_last_in_a_file() -> None:
    names = [name for name, _text in yaml_placements.sample(4_000)]
    for style in yaml_placements.INDICATORS:
        for chomp in yaml_placements.CHOMPING:
            assert any(name.startswith(f"block {style}{chomp} ") and " last" in name
                       for name in names), (style, chomp)
    assert yaml_placements.count() >= 100_000


@pytest.mark.parametrize(("text", "value"), [
    ("a: 1\nreason: |\n", {"a": 1, "reason": ""}),
    ("a: 1\nnotes: >\n", {"a": 1, "notes": ""}),
    ("a: |+\n", {"a": ""}),
    ("a: >+\n", {"a": ""}),
    ("a: |\n  x", {"a": "x"}),
    ("a: |+\n  x", {"a": "x"}),
    ("a: |\n  x\n  ", {"a": "x\n"}),
    ("a: |+\n  x\n\n  ", {"a": "x\n\n"}),
    ("start: >\n  2026-12-31", {"start": "2026-12-31"}),
])
def test_a_block_scalar_at_the_end_of_a_file_reads_as_the_reference_reads_it(
        text: str, value: dict[str, object]) -> None:
    fast = load_bytes(text.encode(), "f.yaml").document
    assert fast is not None and fast.data == value


def test_a_flow_key_broken_over_lines_is_refused_as_libyaml_refuses_it_at_its_line() -> None:
    text = "period:\n  x: {end\n    : 2026-12-31}\nb: 2\n"
    result = load_bytes(text.encode(), "f.yaml")
    assert result.document is None
    assert [(f.code, f.where.line) for f in result.findings] == [("TRY101", 3)]


def test_a_flow_collection_broken_after_a_comma_still_loads_with_positions_below_it() -> None:
    text = "a: {end: 2026-12-31,\n  b: 1}\nc: x\n"
    fast = load_bytes(text.encode(), "f.yaml").document
    assert fast is not None and fast.data == {"a": {"end": "2026-12-31", "b": 1}, "c": "x"}
    assert (fast.where(("c",)).line, fast.where(("a", "b")).line) == (3, 2)
