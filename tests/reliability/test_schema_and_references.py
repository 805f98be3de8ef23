"""RELIABILITY.md section 3, schema and cross-references: one test per row (S1-S10)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.reliability.conftest import ACTIVITIES, assert_clean, assert_located, snapshot
from tests.reliability.rows import PLEDGES, Row, after_title, check_row, edited

ROWS = [
    Row("S1", "unknown-key", edited(b"    status: ongoing", b"    stauts: ongoing"), 1, "TRY201",
        b"stauts"),
    Row("S1", "missing-required-key", edited(b"    title: Hastighetskontroller\n", b""), 1, "TRY202",
        b"id: a-2"),
    Row("S1", "wrong-type", edited(b"title: Hastighetskontroller", b"title: [a, b]"), 1, "TRY203",
        b"[a, b]"),
    Row("S2", "impossible-date-is-checked", edited(b"due: 2025-06-30", b"due: 2025-02-30"), 1, "TRY205",
        b"2025-02-30"),
    Row("S2", "outcome-date-is-checked", edited(b"date: 2024-10-15", b"date: 2024-13-15"), 1, "TRY205",
        b"2024-13-15"),
    Row("S3", "status-capitalised", edited(b"status: ongoing", b"status: Ongoing"), 1, "TRY204",
        b"Ongoing"),
    Row("S3", "status-trailing-space", edited(b"status: ongoing", b'status: "ongoing "'), 1, "TRY204",
        b'"ongoing '),
    Row("S3", "status-no-word", edited(b"status: ongoing", b"status: halvklar"), 1, "TRY204",
        b"halvklar"),
    Row("S4", "unknown-agreement", PLEDGES.replace(b"agreement: so-2024-2027", b"agreement: so-999"), 1,
        "TRY302", b"so-999", "pledges"),
    Row("S4", "unknown-pledge", edited(b"pledges: [ml-2]", b"pledges: [ml-999]"), 1, "TRY304",
        b"ml-999"),
    Row("S6", "predecessor-is-itself", after_title(b"    predecessor: a-2\n"), 1, "TRY409",
        b"predecessor"),
    Row("S7", "id-path-traversal", edited(b"id: a-2", b"id: ../../etc/x"), 1, "TRY206", b"../"),
    Row("S7", "id-with-space", edited(b"id: a-2", b'id: "a 2"'), 1, "TRY206", b'"a 2"'),
    Row("S7", "id-windows-device-name", edited(b"id: a-2", b"id: CON"), 1, "TRY206", b"CON"),
    Row("S7", "id-with-trailing-newline", edited(b"id: a-2", b"id: |\n      a-2"), 1, "TRY206",
        b"id: |"),
    Row("S8", "value-over-20000-characters", edited(b"Hastighetskontroller", b"H" * 20_001), 1,
        "TRY108", b"HHH"),
    # Year 0000 passes jsonschema-rs's date format, and Python's dates cannot hold it.
    Row("S2", "year-0000-date", edited(b"due: 2025-06-30", b"due: 0000-06-30"), 1, "TRY205",
        b"0000-06-30"),
    Row("S2", "year-0000-start", edited(b"start: 2024-02-01", b"start: 0000-02-01"), 1, "TRY205",
        b"0000-02-01"),
    Row("S2", "year-0000-partial-date", edited(b"completed: 2024-10-15", b"completed: 0000-10"), 1,
        "TRY205", b"0000-10"),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_schema_row_gives_a_located_finding_and_writes_nothing(row: Row, run, root: Path) -> None:
    check_row(run, root, row)


def test_s1_unknown_key_hint_suggests_the_right_key(run, root) -> None:
    result = check_row(run, root, ROWS[0])
    assert "did you mean 'status'?" in result.stdout


def test_s3_a_value_not_allowed_lists_or_suggests_the_allowed_ones(run, root) -> None:
    result = check_row(run, root, ROWS[7])
    assert "planned, ongoing, done, delayed, cancelled" in result.stdout


def test_s5_an_id_in_two_files_names_both_places(run, root) -> None:
    other = root / "activities" / "extra.yaml"
    other.write_bytes((root / ACTIVITIES).read_bytes().replace(b"al-2024-2025", b"al-extra")
                      .replace(b"id: a-1", b"id: a-9"))
    before = snapshot(root)
    result = run("--data", str(root), "--lang", "en", "validate")
    assert_clean(result, exits=(1,))
    assert_located(result, other, 26, "TRY301")
    assert re.search(r"already used by the activity at \S*2024-2025\.yaml:26:", result.stdout)
    assert snapshot(root) == before


def test_s9_a_confidential_value_is_never_printed_in_a_message(run, root) -> None:
    row = Row("S9", "internal-notes-of-wrong-type",
              after_title(b"    internal_notes: [CANARY-internal-notes]\n"), 1, "TRY203",
              b"internal_notes")
    result = check_row(run, root, row)
    assert "CANARY" not in result.stdout + result.stderr


def test_s9_personal_data_in_a_warning_is_masked(run, root) -> None:
    # 811228-9874: synthetic, built for its check digit (RELIABILITY C11)
    row = Row("S9", "personnummer-masked",
              edited(b"title: Hastighetskontroller", b"title: Kontakt 811228-9874"), 0, "TRY504",
              b"811228")
    result = check_row(run, root, row)
    assert "811228-****" in result.stdout
    assert "9874" not in result.stdout


@pytest.mark.parametrize(("name", "title"), [
    ("en-dash", "Kontakt 811228\u20139874"),
    ("zero-width-space", "Kontakt 811228\u200b-9874"),
    ("fullwidth", "Kontakt \uff18\uff11\uff11\uff12\uff12\uff18-\uff19\uff18\uff17\uff14"),
])
def test_s9_personal_data_in_an_odd_spelling_is_found_and_masked_in_message_and_excerpt(
        run, root, name, title) -> None:
    row = Row("S9", f"personnummer-{name}",
              edited(b"title: Hastighetskontroller", f"title: {title}".encode()), 0, "TRY504",
              b"Kontakt")
    result = check_row(run, root, row)
    assert "811228-****" in result.stdout
    assert "9874" not in result.stdout and "\uff19\uff18\uff17\uff14" not in result.stdout


@pytest.mark.parametrize("text", [
    "0" * 19_999, "a@" * 9_999, "x@" + "a." * 9_998, "1-" * 9_999, "+46 " * 4_999, "0 " * 9_999,
    "a" * 19_990 + "@b", "07" + "0 0" * 6_000, "(at) " * 3_999,
])
def test_s10_long_crafted_text_goes_through_every_pattern(run, root, text) -> None:
    content = edited(b"title: Hastighetskontroller", f'title: "{text}"'.encode())
    content = content.replace(b"id: a-2", f'id: "{text[:20_000]}"'.encode())
    (root / ACTIVITIES).write_bytes(content)
    result = run("--data", str(root), "validate")
    assert_clean(result, exits=(1,))
    assert_located(result, root / ACTIVITIES, 26, "TRY206")


def test_a_value_the_schema_accepts_and_the_model_cannot_hold_is_a_finding(run, root,
                                                                           monkeypatch) -> None:
    from trygghet_cli.model import build

    real = build.add

    def strict(kind, doc, model):  # a calendar stricter than the schema, as year 0000 was
        if kind == "activities":
            raise ValueError("year 0 is out of range")
        return real(kind, doc, model)

    monkeypatch.setattr(build, "add", strict)
    result = run("--data", str(root), "validate", "--format", "json")
    assert result.exit_code == 1, result.output
    assert '"TRY209"' in result.stdout and "year 0 is out of range" in result.stdout
    status = run("--data", str(root), "status")
    assert status.exit_code == 1 and "internt fel" not in status.output


@pytest.mark.parametrize("day", ["'0000'", "0000-06", "0000-06-21"])
def test_a_source_published_in_year_0000_is_a_finding_in_validate_and_a_refusal_in_report(
        run, bundled_copy, day) -> None:
    config = bundled_copy / "trygghet.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("published: 2023-06-21", f"published: {day}", 1),
                      encoding="utf-8")
    line = text[: text.index("published: 2023-06-21")].count("\n") + 1
    result = run("validate", str(bundled_copy))
    assert result.exit_code == 1
    assert f"trygghet.yaml:{line}:16: fel TRY205" in result.stdout
    report = run("--data", str(bundled_copy), "report", "council")
    assert report.exit_code == 1 and f"trygghet.yaml:{line}:16" in report.output
