"""The shipped JSON Schemas: valid 2020-12, documented, and strict."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError

from trygghet_cli import resources
from trygghet_cli.loading import load_bytes
from trygghet_cli.validate import schema

SCHEMAS = sorted(resources.schemas_dir().glob("*.schema.json"))


def _properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            found.append((f"{where}/{key}", value))
        for key, value in node.items():
            found.extend(_properties(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_properties(value, f"{where}/{index}"))
    return found


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_a_valid_2020_12_schema(path: Path) -> None:
    body = json.loads(path.read_text(encoding="utf-8"))
    assert body["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(body)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_has_a_title_and_a_description(path: Path) -> None:
    body = json.loads(path.read_text(encoding="utf-8"))
    missing = [where for where, prop in _properties(body)
               if not prop.get("title") or not prop.get("description")]
    assert not missing


def test_unknown_keys_are_refused_everywhere() -> None:
    for path in SCHEMAS:
        body = json.loads(path.read_text(encoding="utf-8"))
        for where, prop in _properties(body):
            if prop.get("type") == "object" and "properties" in prop:
                assert prop.get("additionalProperties") is False, f"{path.name}{where}"


def test_a_schema_keyword_without_its_own_code_falls_back_to_try209() -> None:
    doc = load_bytes(b"id: x\n", "f.yaml").document
    assert doc is not None
    error = ValidationError("'x' is too long", validator="maxLength", validator_value=1,
                            instance="x", schema={"description": "short"}, path=["id"])
    [finding] = schema._explain(doc, error)
    assert finding.code == "TRY209"
    assert str(finding.where) == "f.yaml:1:5"
    assert finding.message_sv == "id: följer inte schemats regel 'maxLength'"


@pytest.mark.parametrize(("text", "code"), [
    (b"id: |\n  al-1\npledge_set: ml-1\nactivities: []\n", "TRY206"),
    (b"id: al-1\npledge_set: \"ml-1\\n\"\nactivities: []\n", "TRY206"),
])
def test_a_pattern_does_not_accept_a_trailing_newline(text: bytes, code: str) -> None:
    doc = load_bytes(text, "f.yaml").document
    assert doc is not None
    assert [f.code for f in schema.check(doc, "activities")] == [code]


def test_a_pattern_still_accepts_the_plain_value() -> None:
    doc = load_bytes(b"id: al-1\npledge_set: ml-1\nactivities: []\n", "f.yaml").document
    assert doc is not None
    assert schema.check(doc, "activities") == []


@pytest.mark.parametrize("value", ['"done\\nklar"', '"x' + "y" * 5000 + '"', '"ongoing\\u00a0"'])
def test_a_bad_value_is_shown_on_one_short_line(value: str) -> None:
    text = f"id: al-1\npledge_set: ml-1\nactivities:\n  - id: a\n    status: {value}\n"
    doc = load_bytes(text.encode(), "f.yaml").document
    assert doc is not None
    messages = [f.message for f in schema.check(doc, "activities") if f.code == "TRY204"]
    assert messages and all("\n" not in m and "\r" not in m and len(m) < 120 for m in messages)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_has_a_swedish_name_for_diff(path: Path) -> None:
    from trygghet_cli.i18n import has_label

    body = json.loads(path.read_text(encoding="utf-8"))
    unnamed = sorted({where.rsplit("/", 1)[-1] for where, _ in _properties(body)
                      if not has_label(f"field.{where.rsplit('/', 1)[-1]}")})
    assert unnamed == [], "add field.NAME to i18n/sv.po: diff shows it to Swedish readers"


def _schema_hints() -> Any:
    from tests.conftest import REPO

    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import schema_hints
    finally:
        sys.path.remove(str(REPO / "scripts"))
    return schema_hints


def test_every_schema_description_has_a_swedish_hint() -> None:
    """A schema finding in a Swedish root shows its field's description as the hint, looked up
    in sv.po; a description the catalog lacks (a new field) shows only the generic pointer."""
    from trygghet_cli.i18n import label

    descriptions = _schema_hints().descriptions()
    generic = label("schema.hint.generic", "sv")
    assert len(descriptions) > 250
    english_only = [text for text in descriptions if schema._sv(text) == generic]
    assert english_only == [], ("run scripts/schema_hints.py and translate the new entries in "
                                "i18n/sv.po:\n" + "\n".join(english_only))


def test_a_description_missing_from_the_catalog_is_found_and_gets_the_next_number() -> None:
    from trygghet_cli.i18n import label, parse_po

    hints = _schema_hints()
    assert schema._sv("A field added after the translation.") == label("schema.hint.generic", "sv")
    before, _ = parse_po(hints.CATALOG.read_text(encoding="utf-8"))
    after, _ = parse_po(hints.add(["A field added after the translation."]))
    numbers = [int(key.rsplit(".", 1)[1]) for key in before
               if key.startswith("schema.hint.") and key.rsplit(".", 1)[1].isdigit()]
    added = after[f"schema.hint.{max(numbers) + 1}"]
    assert added == {"msgctxt": f"schema.hint.{max(numbers) + 1}",
                     "msgid": "A field added after the translation.", "msgstr": ""}
    assert set(after) - set(before) == {f"schema.hint.{max(numbers) + 1}"}


def test_a_field_named_description_is_no_description_text() -> None:
    body = {"description": "A list.", "properties": {"description": {"description": "What is done."}},
            "items": {"description": "One item."}}
    assert sorted(_schema_hints()._texts(body)) == ["A list.", "One item.", "What is done."]


def test_a_statement_without_verdict_or_status_names_both_keys_in_swedish() -> None:
    doc = load_bytes(b"id: ml-2023\nstated:\n  text: Alla\n  source: s1\npledges: []\n", "f.yaml").document
    assert doc is not None
    findings = [f for f in schema.check(doc, "pledges") if f.where.line == 3]
    assert [f.code for f in findings] == ["TRY202"]
    assert findings[0].message_sv.endswith("nyckeln 'verdict' eller 'status' saknas")
    assert "anyOf" not in findings[0].message_sv and "valid" not in findings[0].message_sv


def test_a_contact_with_only_a_label_asks_for_one_of_the_other_keys() -> None:
    doc = load_bytes(b"site:\n  contact:\n    - label: Trygghetssamordningen\n", "trygghet.yaml").document
    assert doc is not None
    [finding] = [f for f in schema.check(doc, "config") if f.where.line == 3]
    assert finding.code == "TRY208"
    assert finding.message_sv.endswith("behöver en av nycklarna email, phone eller url")
