"""Swedish in the data files (issue 23, part 3): the words the CLI takes are accepted in the
files too ('status: pågår', 'kind: minst', 'frequency: kvartalsvis', 'kind: dialog'), `fmt`
writes the code, and every schema hint and suggestion is Swedish in a Swedish root, naming the
item by its id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def swedish_root(tmp_path: Path) -> Path:
    """The Exempelby fixture with Swedish words for codes in four kinds of file."""
    root = tmp_path / "exempelby"
    shutil.copytree(FIXTURES / "exempelby", root)
    situation = root / "situation" / "2023-10.yaml"
    _edit(situation, "  - kind: dialogue\n", "  - kind: dialog\n")
    _edit(situation, "  - kind: staff_dialogue\n", "  - kind: Medarbetardialog\n")
    activities = next((root / "activities").glob("*.yaml"))
    text = activities.read_text(encoding="utf-8")
    for code, word in (("status: ongoing", "status: pågår"), ("kind: at_least", "kind: minst"),
                       ("kind: interim", "kind: delrapport"), ("status: done", "status: klar")):
        text = text.replace(code, word)
    activities.write_text(text, encoding="utf-8")
    return root


def test_swedish_words_for_codes_validate_and_read_as_the_codes(run, swedish_root, tmp_path) -> None:
    original = tmp_path / "original"
    shutil.copytree(FIXTURES / "exempelby", original)
    for args in (["validate"], ["status", "--as-of", "2024-06-30", "--format", "json"]):
        swedish = run("--data", str(swedish_root), *args)
        plain = run("--data", str(original), *args)
        assert swedish.exit_code == plain.exit_code == 0, swedish.stdout
        assert swedish.stdout.replace(str(swedish_root), "R") == plain.stdout.replace(str(original), "R")


def test_fmt_writes_the_code_for_a_swedish_word_and_nothing_else(run, swedish_root, tmp_path) -> None:
    assert run("--data", str(swedish_root), "fmt", "--check").exit_code == 1
    result = run("--data", str(swedish_root), "fmt")
    assert result.exit_code == 0, result.output
    for path in sorted(swedish_root.rglob("*.yaml")):
        original = FIXTURES / "exempelby" / path.relative_to(swedish_root)
        assert path.read_text(encoding="utf-8") == original.read_text(encoding="utf-8"), path


def test_an_edit_in_a_file_with_swedish_words_lands_and_keeps_them(run, minimal_root) -> None:
    activities = minimal_root / "activities" / "2024-2025.yaml"
    _edit(activities, "    status: ongoing\n", "    status: pågår\n")
    _edit(activities, "        kind: qualitative\n", "        kind: kvalitativt\n")
    result = run("--data", str(minimal_root), "activity", "set-status", "a-2", "försenad",
                 "--reason", "Väntar på ny utrustning")
    assert result.exit_code == 0, result.output
    text = activities.read_text(encoding="utf-8")
    assert "    status: delayed\n" in text and "        kind: kvalitativt\n" in text


def test_a_frequency_in_swedish_is_taken(run, minimal_root) -> None:
    agreement = minimal_root / "agreements" / "2024-2027.yaml"
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(text.rstrip("\n") + "\nfollow_up:\n  frequency: kvartalsvis\n", encoding="utf-8")
    assert run("--data", str(minimal_root), "validate").exit_code == 0
    _edit(agreement, "frequency: kvartalsvis", "frequency: kvartalvis")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 1
    assert "'kvartalvis' är inte tillåtet" in result.stdout
    assert "tips: menade du 'kvartalsvis'?" in result.stdout


def test_schema_findings_name_the_item_by_its_id_and_hint_in_swedish(run, minimal_root) -> None:
    activities = minimal_root / "activities" / "2024-2025.yaml"
    _edit(activities, "    status: ongoing\n", "    stauts: ongoing\n")
    _edit(activities, "  - id: a-1\n", "  - id: A 1\n")
    _edit(activities, "        kind: qualitative\n", "        kind: kvalitativ-t\n")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 1
    out = result.stdout
    assert f"{activities}:32:5: fel TRY201 aktiviteten a-2: okänd nyckel 'stauts'" in out
    assert "tips: menade du 'status'?" in out
    assert "fel TRY206 aktiviteten A 1, id: 'A 1' har inte rätt form" in out
    assert "tips: Ett stabilt id: små bokstäver a–z, siffror, '-', '.' och '_', högst 64 tecken." in out
    assert "aktiviteten a-2, målet t1, kind: 'kvalitativ-t' är inte tillåtet" in out
    assert "tips: menade du 'kvalitativt'?" in out
    assert "activities[" not in out and "A stable identifier" not in out
    english = run("--data", str(minimal_root), "--lang", "en", "validate").stdout
    assert "activity a-2: unknown key 'stauts'" in english and "did you mean 'status'?" in english
    assert "activity a-2, target t1, kind: 'kvalitativ-t' is not allowed" in english


def test_a_misspelt_information_kind_is_answered_with_the_swedish_word(run, swedish_root) -> None:
    situation = swedish_root / "situation" / "2023-10.yaml"
    _edit(situation, "  - kind: dialog\n", "  - kind: dialogu\n")
    result = run("--data", str(swedish_root), "validate")
    assert result.exit_code == 1
    assert "'dialogu' är inte tillåtet" in result.stdout and "tips: menade du 'dialog'?" in result.stdout


def test_a_schema_hint_that_was_only_a_pointer_is_now_the_fields_own_swedish(run, minimal_root) -> None:
    """Every schema description has its Swedish in the catalog (issue 23): a rate's `every` out of
    range and an empty `unit` once said only "'trygghet schema' visar vad fältet tar emot", and a
    missing key is explained as in English."""
    activities = minimal_root / "activities" / "2024-2025.yaml"
    _edit(activities, "        value: 4\n        unit: trygghetsvandringar\n",
          "        value: 4\n        every: 1\n        unit: \"\"\n")
    _edit(activities, "    title: Hastighetskontroller\n", "")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 1
    out = result.stdout
    assert "aktiviteten a-1, målet t1, every: 1 ligger utanför tillåtet intervall (lägsta 2)" in out
    assert ('tips: För mål av typen takt: N per så många tidsenheter, till exempel "varannat år" '
            '(`every: 2`, `per: year`) eller "var tredje vecka".') in out
    assert "aktiviteten a-1, målet t1, unit får inte vara tom" in out
    assert "tips: Vad som räknas, till exempel 'nya grannsamverkansområden'." in out
    assert "aktiviteten a-2: nyckeln 'title' saknas" in out
    assert "tips: lägg till 'title:' (Kort rubrik.)" in out
    assert "trygghet schema" not in out and "For rate targets" not in out and "What is counted" not in out
    english = run("--data", str(minimal_root), "--lang", "en", "validate").stdout
    assert "hint: What is counted, for example 'nya grannsamverkansområden'." in english
