"""The loader: plain data with positions; dates stay text; hostile YAML becomes findings."""

from __future__ import annotations

import pytest

from trygghet_cli.loading import load_bytes


def _load(text: bytes):
    result = load_bytes(text, "f.yaml")
    return result.document, [f.code for f in result.findings]


def test_values_keep_their_line_and_column() -> None:
    doc, codes = _load(b"a: 1\nb:\n  - x\n  - {c: 2}\n")
    assert doc is not None and codes == []
    assert doc.positions[("b", 1, "c")] == (4, 9)
    assert str(doc.where(("b", 0))) == "f.yaml:3:5"
    assert str(doc.where(("a",), key=True)) == "f.yaml:1:1"


def test_dates_stay_strings_and_yaml_1_1_booleans_stay_text() -> None:
    doc, _ = _load(b"d: 2024-01-30\nno: no\nyes: on\ncode: '0486'\n")
    assert doc is not None
    assert doc.data == {"d": "2024-01-30", "no": "no", "yes": "on", "code": "0486"}


def test_core_schema_scalars() -> None:
    doc, _ = _load(b"i: 12\nf: 1.5\nt: true\nn: ~\ne:\nh: 0x1F\nq: '12'\n")
    assert doc is not None
    assert doc.data == {"i": 12, "f": 1.5, "t": True, "n": None, "e": None, "h": 31, "q": "12"}


def test_utf8_bom_and_crlf_are_accepted() -> None:
    doc, codes = _load(b"\xef\xbb\xbfa: 1\r\nb: x\r\n")
    assert doc is not None and codes == [] and doc.had_bom
    assert doc.data == {"a": 1, "b": "x"}
    assert doc.positions[("b",)] == (2, 4)


@pytest.mark.parametrize(("text", "code"), [
    (b"a: .inf\n", "TRY110"),
    (b"a: .nan\n", "TRY110"),
    (b"a: !!int x\n", "TRY110"),
    (b"a: !custom x\n", "TRY104"),
    (b"a: *x\n", "TRY103"),
    (b"%TAG ! tag:example.com,2000:\n---\na: 1\n", "TRY105"),
    (b"1: x\n", "TRY109"),
    (b"a: \xc2\x85b\n", "TRY004"),
    (b"\xff\xfe\x00\x00a\x00\x00\x00", "TRY002"),
    (b"   \n\n", "TRY003"),
])
def test_hostile_or_odd_input_becomes_a_finding(text: bytes, code: str) -> None:
    doc, codes = _load(text)
    assert doc is None
    assert code in codes


def test_alias_bomb_is_refused_before_expansion() -> None:
    bomb = b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]\n'
    doc, codes = _load(bomb)
    assert doc is None and "TRY103" in codes


def test_very_deep_flow_nesting_is_refused_not_crashed() -> None:
    doc, codes = _load(b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n")
    assert doc is None and codes == ["TRY107"]


@pytest.mark.parametrize("text", [
    b"a: 1" + b"0" * 399 + b"\n",
    b"a: 0x" + b"f" * 400 + b"\n",
    b"a: 0o" + b"7" * 500 + b"\n",
    b"a: 1.7e308\n",
    b"a: -10000000000000001\n",
])
def test_numbers_too_large_for_float_arithmetic_are_refused_with_a_line(text: bytes) -> None:
    result = load_bytes(b"x: 1\n" + text, "f.yaml")
    assert result.document is None
    assert [(f.code, f.where.line) for f in result.findings] == [("TRY110", 2)]


def test_large_but_plausible_numbers_are_kept() -> None:
    doc, codes = _load(b"a: 1000000000000000\nb: -2.5e14\n")
    assert doc is not None and codes == []
    assert doc.data == {"a": 10**15, "b": -2.5e14}


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff"])
def test_a_character_yaml_refuses_is_reported_on_its_own_line_after_non_ascii_text(bad: str) -> None:
    text = f"a: 'åäö – ÅÄÖ'\nb: ü\nc: x{bad}\n".encode()
    result = load_bytes(text, "f.yaml")
    assert [(f.code, f.where.line, f.where.column) for f in result.findings] == [("TRY101", 3, 5)]


@pytest.mark.parametrize("opening", ['"unclosed', "'unclosed"])
def test_an_unclosed_quote_is_reported_where_it_opens_not_at_the_end_of_the_file(opening: str) -> None:
    text = f"a: 1\nb: {opening}\nc: 2\nd: 3\n".encode()
    result = load_bytes(text, "f.yaml")
    assert [(f.code, f.where.line) for f in result.findings] == [("TRY101", 2)]


@pytest.mark.parametrize("opening", ["[a, b", "{a: 1"])
def test_an_unclosed_bracket_error_names_the_line_it_opened(opening: str) -> None:
    result = load_bytes(f"a: 1\nb: {opening}\nc: 2\nd: 3\n".encode(), "f.yaml")
    [finding] = result.findings
    assert finding.code == "TRY101" and "(started at line 2)" in finding.message


@pytest.mark.parametrize("escape", ["\\e[2J", "\\0", "\\a", "\\N", "\\x85", "\\r", "\\L", "\\x1b"])
@pytest.mark.parametrize("place", ["value", "key"])
def test_a_control_character_written_as_an_escape_is_refused(escape: str, place: str) -> None:
    line = f'title: "a{escape}b"\n' if place == "value" else f'"a{escape}b": x\n'
    result = load_bytes(f"id: x\n{line}".encode(), "f.yaml")
    assert result.document is None
    assert [(f.code, f.where.line) for f in result.findings] == [("TRY004", 2)]


def test_an_invisible_character_written_as_an_escape_is_warned_about_once() -> None:
    result = load_bytes(b'id: x\ntitle: "a\\u200bb"\nnote: "c\xe2\x80\x8bd"\n', "f.yaml")
    assert result.document is not None
    assert sorted((f.code, f.where.line) for f in result.findings) == [("TRY005", 2), ("TRY005", 3)]


def test_ordinary_escapes_stay_allowed() -> None:
    doc, codes = _load(b'a: "tab\\there, line\\nbreak, \\"quote\\", \\u00e5"\n')
    assert doc is not None and codes == []
    assert doc.data == {"a": 'tab\there, line\nbreak, "quote", \u00e5'}


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_unicode_line_separators_are_refused_at_their_line(separator: str) -> None:
    result = load_bytes(f"a: 1\nb: x{separator}y\nc: 2\n".encode(), "f.yaml")
    assert result.document is None
    assert [(f.code, f.where.line, f.where.column) for f in result.findings] == [("TRY004", 2, 5)]
    assert "separator" in result.findings[0].message


# Every character validate reports as a control (TRY004) or invisible (TRY005) character,
# and characters beside them whose UTF-8 begins with the same bytes.
UNSEEN = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                           0x2028, 0x2029, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060,
                           *range(0x202A, 0x202F), *range(0x2066, 0x206A))]
HARMLESS = ["\u00a0", "\u00e5", "\u2013", "\u2019", "\u201d", "\u2026", "\u2022", "\u200a", "\u200e",
            "\u2027", "\u202f", "\u2061", "\u206a", "\ufeef", "\uff0c", "\u00bf"]


@pytest.mark.parametrize("char", UNSEEN, ids=lambda c: f"U+{ord(c):04X}")
def test_a_control_or_invisible_character_among_look_alikes_is_reported(char: str) -> None:
    from trygghet_cli.loading import text

    line = "title: Trygg \u2013 \u201dcentrum\u201d\u00a0" + "".join(HARMLESS)
    raw = f"id: a\n{line}{char}x\n".encode()
    assert text.unseen_bytes(raw) and text.unseen_characters(raw.decode())
    codes = {f.code for f in load_bytes(raw, "a.yaml").findings}
    assert codes & {"TRY004", "TRY005"}


def test_dashes_quotes_and_spaces_alone_are_no_control_or_invisible_character() -> None:
    from trygghet_cli.loading import text

    raw = ("id: a\ntitle: " + " ".join(HARMLESS) + "\n").encode()
    assert not text.unseen_bytes(raw) and not text.unseen_characters(raw.decode())
    assert load_bytes(raw, "a.yaml").findings == []
