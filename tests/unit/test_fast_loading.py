"""The fast read path against the reference loader: same values, same positions, same
findings, and never a document accepted that the reference refuses."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.yaml_constructs import documents
from trygghet_cli.loading import load_bytes
from trygghet_cli.loading.document import MAX_DEPTH, MAX_NODES, MAX_SCALAR, positions_pending
from trygghet_cli.loading.fast import load_values
from trygghet_cli.loading.text import DecodedText, control_characters, decode
from trygghet_cli.validate.filecheck import FileResult, from_plain, to_plain

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent


def _values(text: str) -> Any:
    return load_values(text, max_depth=MAX_DEPTH, max_nodes=MAX_NODES, max_scalar=MAX_SCALAR)


def _same(a: Any, b: Any) -> bool:
    """Equal values of equal types all the way down (1, 1.0 and True differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    return bool(a == b)


def _findings(result: Any) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.where.line, f.where.column, f.message) for f in result.findings]


def _disagreement(name: str, raw: bytes) -> str | None:
    """What the fast path and the reference disagree on for one document, if anything."""
    reference = load_bytes(raw, name, fast=False)
    fast = load_bytes(raw, name)
    if _findings(fast) != _findings(reference):
        return f"{name}: findings {_findings(fast)} != {_findings(reference)}"
    if (fast.document is None) != (reference.document is None):
        return f"{name}: fast loaded {fast.document is not None}, reference {reference.document is not None}"
    if fast.document is None or reference.document is None:
        return None
    if not _same(fast.document.data, reference.document.data):
        return f"{name}: values {fast.document.data!r:.200} != {reference.document.data!r:.200}"
    for table in ("positions", "key_positions", "ends"):
        if getattr(fast.document, table) != getattr(reference.document, table):
            return f"{name}: {table} differ"
    return None


def _compare(named: list[tuple[str, bytes]]) -> tuple[list[str], int]:
    """Disagreements over a corpus, and how many documents the fast path decided itself."""
    problems = [p for name, raw in named if (p := _disagreement(name, raw)) is not None]
    decided = 0
    for name, raw in named:
        decoded = decode(raw, name)  # what load_bytes refuses before any parse
        if not isinstance(decoded, DecodedText) or control_characters(decoded.text, name):
            continue
        if _values(decoded.text) is not None:
            decided += 1
            reference = load_bytes(raw, name, fast=False)
            if reference.document is None:
                problems.append(f"{name}: the fast path accepts what the reference refuses")
    return problems, decided


def test_the_spec_corpus_has_at_least_300_documents_of_every_kind() -> None:
    names = [name for name, _text in documents()]
    assert len(names) == len(set(names)) and len(names) >= 300
    for group in ("scalar-", "block-", "bad-", "dup-key", "deep-", "tag-", "directive-", "crlf"):
        assert any(name.startswith(group) for name in names), group


def test_fast_path_and_reference_agree_on_the_spec_corpus() -> None:
    problems, decided = _compare([(name, text.encode()) for name, text in documents()])
    assert problems == []
    assert decided >= 300  # the fast path really answers, not only steps aside


def test_fast_path_and_reference_agree_on_every_fixture_and_the_bundled_data() -> None:
    files = sorted([*(TESTS / "fixtures").rglob("*.yaml"), *(REPO / "data").rglob("*.yaml")])
    problems, decided = _compare([(str(path.relative_to(REPO)), path.read_bytes()) for path in files])
    assert len(files) > 250
    assert problems == []
    bundled = [path for path in files if path.is_relative_to(REPO / "data")]
    assert all(_values(path.read_text("utf-8")) is not None for path in bundled)
    assert decided > len(files) // 2


PLAIN = st.text(alphabet="0123456789+-._eExXoObB:~aflnstruINFA", min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(PLAIN)
def test_plain_scalars_resolve_as_the_reference_resolves_them(token: str) -> None:
    raw = f"a: {token}\nb: [{token}]\n".encode()
    assert _disagreement(token, raw) is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "'a'", "åä", "1", "x y"]),
                          st.sampled_from(["1", "x", "[1, 2]", "{d: e}", "''", "|\n    t", "~"])),
                min_size=1, max_size=5))
def test_generated_mappings_agree_with_the_reference(pairs: list[tuple[str, str]]) -> None:
    raw = "".join(f"{key}: {value}\n" for key, value in pairs).encode()
    assert _disagreement("generated", raw) is None


def test_positions_are_worked_out_only_as_far_as_asked_for_and_equal_the_reference() -> None:
    # A quoted value over two lines: the line scan steps aside, and the event walk answers.
    raw = b'note: "on\n  two lines"\n' + (
        TESTS / "fixtures" / "minimal" / "activities" / "2024-2025.yaml").read_bytes()
    doc = load_bytes(raw, "f.yaml").document
    assert doc is not None and positions_pending(doc)
    reference = load_bytes(raw, "f.yaml", fast=False).document
    assert reference is not None and not positions_pending(reference)
    assert doc.where(("activities", 0, "id")) == reference.where(("activities", 0, "id"))
    assert positions_pending(doc)  # read only as far as the first activity
    assert ("activities", 1, "id") not in doc._positions
    assert doc.where(("activities", 1, "id"), key=True) == reference.where(
        ("activities", 1, "id"), key=True)
    assert doc.where(("activities", 0, "nothing here")) == reference.where(
        ("activities", 0, "nothing here"))  # a path not there: its nearest parent, read to the end
    assert not positions_pending(doc)
    assert doc.positions == reference.positions and doc.ends == reference.ends
    assert doc.key_positions == reference.key_positions


def test_positions_of_a_block_style_file_come_from_its_lines_without_the_walk() -> None:
    raw = (TESTS / "fixtures" / "minimal" / "activities" / "2024-2025.yaml").read_bytes()
    doc = load_bytes(raw, "f.yaml").document
    reference = load_bytes(raw, "f.yaml", fast=False).document
    assert doc is not None and reference is not None
    asked = [(("activities", 1, "id"), False), (("activities", 1, "id"), True),
             (("activities", 0, "nothing here"), False), (("activities", 1), False), ((), False)]
    for path, key in asked:
        assert doc.where(path, key=key) == reference.where(path, key=key), path
    assert positions_pending(doc)  # the lines answered: the event walk never ran
    assert doc.positions == reference.positions and doc.key_positions == reference.key_positions


def test_the_cache_keeps_a_fast_document_without_positions_and_finds_them_again() -> None:
    raw = (TESTS / "fixtures" / "minimal" / "activities" / "2024-2025.yaml").read_bytes()
    doc = load_bytes(raw, "f.yaml").document
    assert doc is not None
    plain = to_plain(FileResult(doc, [], True))
    assert plain[2][2] is None  # nothing worked out just to be stored
    back = from_plain(plain, raw, doc.digest, "g.yaml")
    reference = load_bytes(raw, "g.yaml", fast=False).document
    assert back is not None and back.document is not None and reference is not None
    assert _same(back.document.data, reference.data)
    assert back.document.key_positions == reference.key_positions
    assert str(back.document.where(("activities", 0, "title"))) == str(
        reference.where(("activities", 0, "title")))


def test_deep_nesting_on_one_line_neither_crashes_nor_passes() -> None:
    # yaml-rs recurses: 100 000 levels of "- " crash the process unless the fast path steps aside.
    code = ("import sys; from trygghet_cli.loading import load_bytes; "
            "r = load_bytes(b'- ' * 100000 + b'a\\n', 'f.yaml'); "
            "print([f.code for f in r.findings])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['TRY107']"
