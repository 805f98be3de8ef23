"""Personal-data detection in public text (synthetic numbers only)."""

from __future__ import annotations

import pytest

from trygghet_cli.validate.privacy import scan


@pytest.mark.parametrize(("text", "kind"), [
    ("Kontakt 811228-9874", "personnummer"),
    ("pnr 198112289874", "personnummer"),
    ("född 811228+9874", "personnummer"),
    ("samordningsnummer 701063-2391", "samordningsnummer"),
    ("mejla anna.svensson@example.se", "e-mail address"),
    ("ring 070-123 45 67", "phone number"),
    ("ring +46 70 123 45 67", "phone number"),
    ("växel 0152-291 00", "phone number"),
    ("ring 0046 70 123 45 67", "phone number"),
    ("ring +46 (0)70-123 45 67", "phone number"),
    ("mejla anna (at) example.se", "e-mail address"),
    ("mejla anna[at]example.se", "e-mail address"),
    ("Kontakt 811228-9875", "personnummer (with a wrong check digit)"),
])
def test_personal_data_is_found(text: str, kind: str) -> None:
    assert kind in [m.kind for m in scan(text)]


@pytest.mark.parametrize("text", [
    "Kontakt 8112289875",  # ten bare digits with a wrong check digit: more often a phone number
    "Perioden 2023–2026 och 2020-2023",
    "Utfall per 2019-12-31: 303 kontroller",
    "kommunkod 0486, 39 274 invånare",
    "Minst 8 nya grannsamverkansområden",
    "polisen.se/om-polisen",
])
def test_ordinary_text_is_not_flagged(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(("text", "shown"), [
    ("811228-9874", "811228-****"),
    ("198112289874", "811228-****"),
    ("811228–9874", "811228-****"),
    ("701063-2391", "701063-****"),
    ("anna.svensson@example.se", "a***@example.se"),
    ("anna (at) example.se", "a***@example.se"),
    ("070-123 45 67", "07********"),
    ("+46 70 123 45 67", "07********"),
    ("kl 08-123 456 78", "08********"),
])
def test_messages_show_personal_data_in_one_masked_form_however_it_is_written(text: str, shown: str) -> None:
    [match] = scan(text)
    assert match.shown == shown


def test_excerpt_text_stars_out_internal_notes_and_personal_data_but_keeps_lines() -> None:
    from trygghet_cli.loading import load_bytes
    from trygghet_cli.validate.privacy import redacted

    text = b"title: Kontakt 811228-9874\ninternal_notes: |\n  hemligt\n  mer\nnote: ok\n"
    doc = load_bytes(text, "f.yaml").document
    assert doc is not None
    shown = redacted(doc)
    assert "hemligt" not in shown and "9874" not in shown and "811228-****" in shown
    assert shown.count("\n") == text.count(b"\n") and len(shown) == len(text.decode())
    assert "note: ok" in shown


def test_excerpt_masks_a_number_hidden_by_an_invisible_character_and_keeps_columns() -> None:
    from trygghet_cli.loading import load_bytes
    from trygghet_cli.validate.privacy import redacted

    text = "title: Kontakt 811228\u200b-9874\n# ring 070-123 45 67\n".encode()
    doc = load_bytes(text, "f.yaml").document
    assert doc is not None
    shown = redacted(doc, {1, 2})
    assert "9874" not in shown and "123 45 67" not in shown
    assert "811228\u200b-****" in shown and "07*-*** ** **" in shown
    assert len(shown) == len(text.decode())


def test_masked_keeps_the_shape_and_stars_only_the_personal_part() -> None:
    from trygghet_cli.privacy import masked

    assert masked("Ring 070–123 45 67 eller mejla anna@example.se") == \
        "Ring 07*–*** ** ** eller mejla a***@example.se"
    assert masked("Inget här 2024-01-15") == "Inget här 2024-01-15"


def test_validate_reads_the_same_public_texts_and_paths_as_public_strings() -> None:
    """validate's scan walks the data twice without public_strings (the texts, then the paths
    of the few it looks at): both must be public_strings' own, in its order."""
    from pathlib import Path

    from trygghet_cli.loading import load_bytes
    from trygghet_cli.validate.privacy import _paths_at, _public_texts, public_strings

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "data").rglob("*.yaml")) + sorted((root / "tests" / "fixtures").rglob("*.yaml"))
    compared = 0
    for path in files:
        doc = load_bytes(path.read_bytes(), "f.yaml").document
        if doc is None:
            continue
        expected = list(public_strings(doc.data, ()))
        texts: list[str] = []
        _public_texts(doc.data, texts)
        assert texts == [text for _, text in expected], path
        if texts:
            every = _paths_at(doc.data, list(range(len(texts))))
            assert [every[i] for i in range(len(texts))] == [p for p, _ in expected], path
            some = sorted({0, len(texts) // 2, len(texts) - 1})
            assert _paths_at(doc.data, some) == {i: expected[i][0] for i in some}, path
            compared += 1
    assert compared > 50


@pytest.mark.parametrize(("source", "found"), [
    ("value: 0701234567\n", ["07********"]),  # YAML reads 701234567: the 0 is lost
    ("value: +46701234567\n", ["07********"]),  # YAML reads 46701234567: the + is lost
    ("value: 8112289874\n", ["811228-****"]),
    ("value: 123456789\n", []),  # a count of nine digits is a count
    ("value: 20\n", []),
])
def test_an_unquoted_number_is_scanned_as_it_was_typed(source: str, found: list[str]) -> None:
    from trygghet_cli.loading import load_bytes
    from trygghet_cli.validate import privacy

    doc = load_bytes(source.encode(), "f.yaml").document
    assert doc is not None
    assert [f.message.split("'")[-2] for f in privacy.check(doc)] == found
