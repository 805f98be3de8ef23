"""RELIABILITY.md section 2, YAML structure and scalar values: one test per row (Y1-Y20)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from tests.reliability.conftest import ACTIVITIES, assert_clean
from tests.reliability.corpus import BASE
from tests.reliability.rows import Row, after_title, check_row, edited

_LAUGHS = b"a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + b"".join(
    b"a%d: &a%d [%s]\n" % (n, n, b", ".join([b"*a%d" % (n - 1)] * 9)) for n in range(1, 9))

ROWS = [
    Row("Y1", "unclosed-bracket", edited(b"pledges: [ml-2]", b"pledges: [ml-2"), 1, "TRY101",
        b"owners: [kommunpolis]"),
    Row("Y1", "bad-indentation", edited(b"    owners: [kommunpolis]", b"      owners: [kommunpolis]"),
        1, "TRY101", b"owners: [kommunpolis]"),
    Row("Y1", "key-a-b", edited(b"title: Hastighetskontroller", b"title: a: b"), 1, "TRY101", b"a: b"),
    Row("Y2", "tab-indentation", edited(b"    owners: [kommunpolis]", b"\towners: [kommunpolis]"), 1,
        "TRY101", b"\towners"),
    Row("Y3", "two-documents", BASE + b"---\nid: x\n", 1, "TRY106", b"---\nid"),
    Row("Y4", "duplicate-key", after_title(b"    title: igen\n"), 1, "TRY102", b"title: igen"),
    Row("Y4", "duplicate-key-quoted", after_title(b'    "title": igen\n'), 1, "TRY102", b'"title"'),
    Row("Y4", "tilde-and-null-keys", after_title(b"    ~: a\n    null: b\n"), 1, "TRY109", b"~: a"),
    Row("Y5", "integer-key", after_title(b"    1: a\n"), 1, "TRY109", b"1: a"),
    Row("Y5", "sequence-key", after_title(b"    ? [a, b]\n    : c\n"), 1, "TRY109", b"[a, b]"),
    Row("Y5", "mapping-key", after_title(b"    {a: 1}: x\n"), 1, "TRY109", b"{a: 1}"),
    Row("Y5", "nested-sequence-key-4fj6", after_title(b"    ? [a, [b, c]]: d\n"), 1, "TRY109", b"? ["),
    Row("Y6", "yaml-1-3", b"%YAML 1.3\n---\n" + BASE, 1, "TRY101"),
    Row("Y7", "yaml-1-1", b"%YAML 1.1\n---\n" + BASE, 1, "TRY105"),
    Row("Y7", "tag-directive", b"%TAG !x! tag:example.com,2000:\n---\n" + BASE, 1, "TRY105"),
    Row("Y8", "norway-in-text-stays-text", edited(b"title: Hastighetskontroller", b"title: NO"), 0),
    Row("Y8", "norway-in-status-is-not-false", edited(b"status: ongoing", b"status: no"), 1, "TRY204",
        b"status: no"),
    Row("Y9", "anchor", edited(b"pledges: [ml-2]", b"pledges: &p [ml-2]"), 1, "TRY103", b"&p"),
    Row("Y9", "alias", edited(b"parties: [polis]", b"parties: *p"), 1, "TRY103", b"*p"),
    Row("Y9", "billion-laughs", _LAUGHS, 1, "TRY103", b"&a0"),
    Row("Y10", "flow-nesting-5000", b"[" * 5000 + b"]" * 5000 + b"\n", 1, "TRY107"),
    Row("Y10", "block-nesting-3000", b"".join(b" " * i + b"a:\n" for i in range(3000)), 1, "TRY107",
        b" " * 49 + b"a:"),
    Row("Y11", "integer-5000-digits", edited(b"value: 4", b"value: " + b"9" * 5000), 1, "TRY110",
        b"value: 99"),
    Row("Y12", "inf", edited(b"value: 4", b"value: .inf"), 1, "TRY110", b".inf"),
    Row("Y12", "nan", edited(b"value: 4", b"value: .nan"), 1, "TRY110", b".nan"),
    Row("Y12", "1e999", edited(b"value: 4", b"value: 1e999"), 1, "TRY110", b"1e999"),
    Row("Y13", "impossible-date", edited(b"due: 2025-06-30", b"due: 2025-02-30"), 1, "TRY205",
        b"2025-02-30"),
    Row("Y14", "date-stays-text-and-is-checked", edited(b"due: 2025-06-30", b"due: 2025-06-31"), 1,
        "TRY205", b"2025-06-31"),
    Row("Y15", "python-object-apply", edited(
        b"title: Hastighetskontroller", b'title: !!python/object/apply:os.system ["touch PWNED"]'),
        1, "TRY104", b"!!python"),
    Row("Y15", "python-name", edited(b"title: Hastighetskontroller", b"title: !!python/name:os.system"),
        1, "TRY104", b"!!python"),
    Row("Y16", "include", edited(b"title: Hastighetskontroller", b"title: !include /etc/passwd"), 1,
        "TRY104", b"!include"),
    Row("Y16", "env", edited(b"title: Hastighetskontroller", b"title: !env HOME"), 1, "TRY104", b"!env"),
    Row("Y17", "merge-key", after_title(b"    <<: *base\n"), 1, "TRY103", b"*base"),
    Row("Y18", "undefined-alias", edited(b"parties: [polis]", b"parties: *nope"), 1, "TRY103", b"*nope"),
    Row("Y19", "reused-anchor", edited(b"parties: [polis]", b"parties: [&x polis, &x polis]"), 1,
        "TRY103", b"&x"),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_yaml_row_gives_a_located_finding_and_writes_nothing(row: Row, run, root: Path) -> None:
    result = check_row(run, root, row)
    assert "<unicode string>" not in result.stdout, "ruamel's raw multi-line message leaked"
    assert "Warning" not in result.stderr


def test_y2_tab_indentation_gets_a_friendly_hint(run, root) -> None:
    (root / ACTIVITIES).write_bytes(edited(b"    owners: [kommunpolis]", b"\towners: [kommunpolis]"))
    result = run("--data", str(root), "--lang", "en", "validate")
    assert "tabs" in result.stdout


def test_y15_a_python_tag_runs_nothing(run, root, tmp_path) -> None:
    (root / ACTIVITIES).write_bytes(edited(b"title: Hastighetskontroller",
                                           b'title: !!python/object/apply:os.system ["touch PWNED"]'))
    result = run("--data", str(root), "validate")
    assert_clean(result, exits=(1,))
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_y16_an_include_tag_reads_nothing(run, root) -> None:
    (root / ACTIVITIES).write_bytes(edited(b"title: Hastighetskontroller", b"title: !include /etc/passwd"))
    result = run("--data", str(root), "validate")
    assert_clean(result, exits=(1,))
    assert "root:" not in result.stdout


def test_y8_norway_values_load_as_text() -> None:
    from trygghet_cli.loading import load_bytes

    doc = load_bytes(b"land: NO\nsvar: ja\naktiv: on\nnej: no\n", "f.yaml").document
    assert doc is not None
    assert doc.data == {"land": "NO", "svar": "ja", "aktiv": "on", "nej": "no"}


def test_y19_ruamel_warnings_never_reach_the_user(run, root) -> None:
    (root / ACTIVITIES).write_bytes(edited(b"parties: [polis]", b"parties: [&x polis, &x polis]"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = run("--data", str(root), "validate")
    assert_clean(result, exits=(1,))


def test_y20_loading_leaves_ruamels_global_constructor_tables_alone(run) -> None:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor

    before = (dict(SafeConstructor.yaml_constructors), dict(RoundTripConstructor.yaml_constructors))
    result = run("validate")
    assert_clean(result, exits=(0,))
    after = (dict(SafeConstructor.yaml_constructors), dict(RoundTripConstructor.yaml_constructors))
    assert after == before
    assert type(YAML(typ="safe").load("d: 2024-01-30")["d"]).__name__ == "date"
