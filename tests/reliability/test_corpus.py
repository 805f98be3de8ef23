"""The corpus of malformed and unusual YAML: each document is a clean error or a clean acceptance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability import corpus
from tests.reliability.commands import run_readers
from tests.reliability.conftest import ACTIVITIES, assert_located
from trygghet_cli.findings import CODES, Severity

EXPECTED: dict[str, dict[str, str | int]] = json.loads(
    (corpus.CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_corpus_holds_at_least_a_hundred_documents() -> None:
    assert len(EXPECTED) >= 100
    assert sorted(p.name for p in corpus.CORPUS.glob("*.yaml")) == sorted(EXPECTED)


def test_corpus_files_are_what_the_generator_writes() -> None:
    for doc in corpus.documents():
        name = corpus.file_name(doc)
        assert (corpus.CORPUS / name).read_bytes() == doc.content, f"regenerate: {name}"
    assert corpus.expected() == EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_document_is_a_clean_error_or_a_clean_acceptance(run, root: Path, name: str) -> None:
    """validate finds the expected problem at its line; every reading command stays clean."""
    target = root / ACTIVITIES
    target.write_bytes((corpus.CORPUS / name).read_bytes())
    as_json, as_text, *_ = run_readers(run, root)
    findings = json.loads(as_json.stdout)["findings"]
    mine = [f for f in findings if f["path"].endswith(ACTIVITIES.as_posix())]
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in mine), mine
    code, line = EXPECTED[name]["code"], EXPECTED[name]["line"]
    if code == "ok":
        assert as_json.exit_code == 0
        assert not [f for f in mine if f["severity"] == "error"]
    else:
        assert (code, line) in {(f["code"], f["line"]) for f in mine}, mine
        if CODES[str(code)][0] is Severity.ERROR:
            assert as_json.exit_code == 1
        assert as_text.exit_code == as_json.exit_code
        assert_located(as_text, target, int(line), str(code))
