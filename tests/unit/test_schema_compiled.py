"""The compiled validator (jsonschema-rs) against the reference (jsonschema): same verdicts
and the same findings.

validate checks documents with jsonschema-rs only and translates its errors
(validate/compiled.py) into the findings jsonschema's errors give (schema.check_reference).
Both are run over every YAML file in the test fixtures (the malformed corpus, the finding
fixtures, the minimal root and the bundled data), each checked as every kind of file, and
over values of every type put in place of any value of the minimal root's files; every
finding (code, place, words, hint) must be the same, in the same order.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from tests.reliability.rows import FILES
from tests.reliability.test_fuzz import VALUES
from trygghet_cli import resources
from trygghet_cli.loading import Document, load_bytes
from trygghet_cli.validate import schema

KINDS = sorted(schema.SCHEMA_FILES)


def _documents() -> list[tuple[str, Document]]:
    files = sorted(FIXTURES.rglob("*.yaml")) + sorted(resources.bundled_data_root().rglob("*.yaml"))
    found = []
    for path in files:
        document = load_bytes(path.read_bytes(), str(path)).document
        if document is not None:
            found.append((str(path.relative_to(path.parents[2])), document))
    return found


FULL = _documents()
DOCUMENTS = [(name, doc.data) for name, doc in FULL]


def _reference_errors(kind: str, data: Any) -> list[str]:
    return [error.message for error in schema.validator(kind).iter_errors(data)]


def test_the_corpus_holds_valid_and_invalid_documents_of_every_kind() -> None:
    assert len(DOCUMENTS) >= 140
    for kind in sorted(FILES):
        verdicts = {schema.fast_validator(kind).is_valid(data) for _, data in DOCUMENTS}
        assert verdicts == {True, False}, kind


@pytest.mark.parametrize("kind", KINDS)
def test_the_compiled_validator_agrees_with_the_reference_on_every_fixture(kind: str) -> None:
    disagree = [name for name, data in DOCUMENTS
                if schema.fast_validator(kind).is_valid(data) != (not _reference_errors(kind, data))]
    assert disagree == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_compiled_errors_give_the_reference_s_findings_on_every_fixture(kind: str) -> None:
    differ = [name for name, doc in FULL if schema.check(doc, kind) != schema.check_reference(doc, kind)]
    assert differ == []
    assert any(schema.check(doc, kind) for _, doc in FULL)


def test_more_than_a_hundred_errors_are_cut_at_the_same_ones() -> None:
    original = ORIGINALS["activities"]
    assert original is not None
    data = json.loads(json.dumps(original.data))
    item = data["activities"][0]
    data["activities"] = [{**item, "status": 7, "extra": i, "title": ""} for i in range(60)]
    doc = dataclasses.replace(original, data=data)
    compiled, reference = schema.check(doc, "activities"), schema.check_reference(doc, "activities")
    assert len(compiled) > schema.MAX_ERRORS
    assert compiled == reference


@pytest.mark.parametrize(("url", "email"), [
    ("https://exempelby.se/trygghet", "trygghet@exempelby.se"),
    ("https://exempel by.se", "trygghet@"),  # the compiled validator alone refuses these
    ("https://exempelby.se", "trygghet.exempelby.se"),  # no '@': both refuse
    ("ftp://exempelby.se", "a@b"),
])
def test_addresses_and_mailboxes_are_judged_as_the_reference_judges_them(url: str, email: str) -> None:
    original = ORIGINALS["config"]
    assert original is not None
    data = {**original.data, "site": {"url": url, "contact": [{"label": "Kontakt", "email": email}]}}
    doc = dataclasses.replace(original, data=data)
    assert schema.check(doc, "config") == schema.check_reference(doc, "config")


def _paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*here, index))
    return found


def _replaced(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(data))
    node = copy
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = new
    return copy


ORIGINALS = {kind: load_bytes((FIXTURES / "minimal" / path).read_bytes(), kind).document
             for kind, path in FILES.items()}


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(kind=st.sampled_from(sorted(FILES)), pick=st.floats(0, 1), new=VALUES)
def test_a_value_of_any_type_anywhere_gets_the_same_verdict_from_both(kind: str, pick: float,
                                                                       new: Any) -> None:
    original = ORIGINALS[kind]
    assert original is not None
    paths = _paths(original.data)
    data = _replaced(original.data, paths[int(pick * (len(paths) - 1))], new)
    reference = _reference_errors(kind, data)
    assert schema.fast_validator(kind).is_valid(data) == (not reference), reference
    doc = dataclasses.replace(original, data=data)
    assert schema.check(doc, kind) == schema.check_reference(doc, kind)
