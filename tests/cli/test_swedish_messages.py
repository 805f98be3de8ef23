"""Runtime errors and hints are Swedish in a Swedish data root: no English word slips through."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

# Words that would mean an English message reached a Swedish user.
DENY = ("the", "is", "not", "no", "use", "one", "of", "give", "needs", "unknown", "written",
        "exists", "folder", "file", "hint", "error", "with", "found", "already", "nothing",
        "root", "data", "activity", "target", "pledge", "before", "choose", "Usage")


def _english_words(text: str) -> list[str]:
    prose = " ".join(word for word in text.split() if "/" not in word and "\\" not in word)
    return [word for word in DENY if re.search(rf"(?<![\w'-]){word}(?![\w'-])", prose)]


@pytest.mark.parametrize(("args", "code", "swedish"), [
    (["activity", "set-status", "a2026-99", "klar"], 2, "det finns ingen aktivitet a2026-99"),
    (["activity", "set-status", "a-3", "klar"], 2, "tips: menade du a-2, a-1?"),
    (["activity", "set-status", "a-2", "försenad"], 2, "statusen försenad kräver en orsak"),
    (["activity", "set-status", "a-2", "pågår", "--date", "2025-01-01"], 2,
     "--date är datumet då aktiviteten blev klar"),
    (["activity", "outcome", "a-1", "--verdict", "met"], 2, "--verdict kräver --source"),
    (["activity", "outcome", "a-1", "5", "--target", "t9"], 2, "aktiviteten a-1 har inget mål t9"),
    (["activity", "outcome", "a-1", "5", "--from", "2024-13"], 2, "--from och --to hör ihop"),
    (["activity", "target", "a-1", "--kind", "ungefär", "--text", "x"], 2, "okänd måltyp: 'ungefär'"),
    (["activity", "set-status", "a-2", "klar", "--note", "x" * 200_000], 2, "texten är för lång"),
    (["status", "--municipality", "kil"], 2, "datamappen har ingen kommun 'kil'"),
    (["status", "--period", "1999"], 2, "det finns ingen löftesperiod '1999'"),
    (["status", "--owner", "nobody"], 2, "okänd ansvarig: 'nobody'"),
    (["status", "--pledge", "ml-9"], 2, "det finns inget löfte 'ml-9'"),
    (["status", "--lang", "fi"], 2, "--lang: 'fi' är varken sv eller en"),
    (["status", "--as-of", "2025-13-01"], 2, "--as-of: '2025-13-01' är inget datum"),
    (["report", "status", "-o", "ROOT/activities/2024-2025.yaml"], 2, "är en datafil"),
    (["report", "status", "-o", "ROOT/saknas/rapport.html"], 2, "mappen"),
    (["report", "yearly", "--year", "2031"], 2, "det finns inga medborgarlöften för år 2031"),
    (["report", "agreement", "--period", "1999"], 2, "det finns ingen överenskommelse"),
    (["export", "activities", "--format", "xlsx"], 2, "xlsx kräver en fil"),
    (["diff", "pledges", "1999", "2024-2025"], 2, "det finns ingen period '1999'"),
    (["site", "-o", "ROOT/activities"], 2, "webbplatsen skulle skrivas in bland datafilerna"),
])
def test_a_failing_command_speaks_swedish(run, minimal_root: Path, args: list[str], code: int,
                                         swedish: str) -> None:
    args = [a.replace("ROOT", str(minimal_root)) for a in args]
    result = run("--data", str(minimal_root), *args)
    assert result.exit_code == code, result.output
    err = result.stderr
    assert err.startswith("trygghet: "), err
    assert swedish in " ".join(err.split())
    assert _english_words(err) == [], err
    assert "Traceback" not in result.output


def test_the_same_failure_is_english_with_lang_en(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "--lang", "en", "activity", "set-status", "a2026-99", "done")
    assert result.exit_code == 2
    assert "no activity with id 'a2026-99'" in result.stderr
    assert "hint: list the ids with 'trygghet status'" in result.stderr


def test_the_deny_list_catches_an_english_message() -> None:
    assert _english_words("trygghet: /tmp/x/root: no activity with id 'a-1'\n  hint: use one") != []
    assert _english_words("trygghet: /tmp/pytest-of-root/x: det finns ingen aktivitet a-1") == []


def test_a_finding_names_the_status_in_swedish(run, minimal_root: Path) -> None:
    path = minimal_root / "activities" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: ongoing", "status: delayed", 1),
                    encoding="utf-8")
    result = run("--data", str(minimal_root), "validate", "--no-cache")
    assert result.exit_code == 1
    assert "a-2: statusen försenad kräver en orsak" in result.stdout
    assert "status delayed" not in result.stdout


@pytest.mark.parametrize(("name", "content", "swedish"), [
    ("lista.txt", "titel\nNattvandring\n", "det går inte att importera en fil av typen '.txt'"),
    ("lista.csv", "datum;plats\n2025-01-01;Torget\n", "kolumn saknas för titel eller id"),
    ("lista.csv", b"titel\nTrygghetsvandring i G\xe4rdet\n", "filen är inte UTF-8"),
])
def test_an_import_that_cannot_read_the_table_speaks_swedish(
        run, minimal_root: Path, tmp_path: Path, name: str, content: str | bytes, swedish: str) -> None:
    table = tmp_path / name
    if isinstance(content, bytes):
        table.write_bytes(content)
    else:
        table.write_text(content, encoding="utf-8")
    result = run("--data", str(minimal_root), "import", "activities", str(table), "--period", "2024-2025")
    assert result.exit_code in (2, 3), result.output
    assert swedish in " ".join(result.stderr.split())
    assert _english_words(result.stderr) == [], result.stderr


def test_a_broken_mapping_file_is_named_in_swedish(run, minimal_root: Path, tmp_path: Path) -> None:
    table = tmp_path / "lista.csv"
    table.write_text("titel\nNattvandring\n", encoding="utf-8")
    mapping = tmp_path / "mappning.yaml"
    mapping.write_text("kolumn:\n  Rubrik: title\n", encoding="utf-8")
    result = run("--data", str(minimal_root), "import", "activities", str(table), "--period", "2024-2025",
                 "--mapping", str(mapping))
    assert result.exit_code == 2, result.output
    assert "mappningsfilen: okänd nyckel 'kolumn'" in result.stderr
    assert "tips: använd kolumner, status, blad och rubrikrad" in result.stderr


@pytest.mark.parametrize(("value", "swedish"), [
    ("1e999", "ogiltigt tal: '1e999' är ett för stort tal"),
    (".nan", "ogiltigt tal: '.nan' är inget ändligt tal"),
    ("!!int ja", "ogiltigt tal: 'ja' kan inte läsas som !!int"),
])
def test_a_number_that_cannot_be_read_is_named_in_swedish(run, tmp_path: Path, value: str,
                                                          swedish: str) -> None:
    odd = tmp_path / "tal.yaml"
    odd.write_text(f"id: x\nvalue: {value}\n", encoding="utf-8")
    result = run("--lang", "sv", "validate", "--no-cache", str(odd))
    assert result.exit_code == 1, result.output
    assert swedish in result.stdout


def test_a_data_folder_that_is_a_file_is_named_in_swedish(run, minimal_root: Path) -> None:
    import shutil

    shutil.rmtree(minimal_root / "pledges")
    (minimal_root / "pledges").write_text("inte en mapp\n", encoding="utf-8")
    result = run("--data", str(minimal_root), "status")
    assert result.exit_code == 3, result.output
    assert "är ingen mapp, så det som ska ligga i pledges/ går inte att läsa" in result.output
    assert "tips: gör pledges/ till en mapp och lägg datafilerna i den" in result.output
    assert _english_words(result.output) == [], result.output


@pytest.mark.parametrize(("args", "swedish"), [
    (["--name", "Nyby kommun", "--code", "12"], "kommunkoden '12' är inte fyra siffror"),
    (["--code", "0999"], "--name saknas"),
    (["--name", "Nyby kommun", "--code", "0999", "--district", "!!"],
     "'!!': det går inte att göra ett id av det"),
])
def test_init_refuses_in_swedish(run, tmp_path: Path, args: list[str], swedish: str) -> None:
    result = run("init", str(tmp_path / "ny"), *args)
    assert result.exit_code == 2, result.output
    assert swedish in " ".join(result.stderr.split())
    assert _english_words(result.stderr) == [], result.stderr
    assert not (tmp_path / "ny").exists()


def test_a_note_with_a_control_character_is_refused_in_swedish(run, minimal_root: Path) -> None:
    result = run("--data", str(minimal_root), "activity", "set-status", "a-2", "klar", "--note", "se\x07här")
    assert result.exit_code in (1, 2), result.output
    assert "texten innehåller styrtecknet U+0007" in " ".join(result.stderr.split())
    assert _english_words(result.stderr) == [], result.stderr


def test_an_outcome_list_written_on_one_line_is_written_again_as_a_block_list(
        run, minimal_root: Path) -> None:
    activities = minimal_root / "activities" / "2024-2025.yaml"
    text = activities.read_text(encoding="utf-8")
    flow = text.replace("        outcomes:\n          - value: 5\n            date: 2024-10-15\n"
                        "            kind: final\n            source: src-uppfoljning\n",
                        "        outcomes: [{value: 5, date: 2024-10-15, kind: final}]\n")
    assert flow != text
    activities.write_text(flow, encoding="utf-8")
    result = run("--data", str(minimal_root), "activity", "outcome", "a-1", "6", "--date", "2024-11-30")
    assert result.exit_code == 0, result.output
    block = ("        outcomes:\n          - value: 5\n            date: 2024-10-15\n"
             "            kind: final\n          - value: 6\n            date: 2024-11-30\n")
    assert activities.read_text(encoding="utf-8") == flow.replace(
        "        outcomes: [{value: 5, date: 2024-10-15, kind: final}]\n", block)


def test_an_unknown_pledge_agrees_in_gender(run, minimal_root: Path) -> None:
    activities = minimal_root / "activities" / "2024-2025.yaml"
    activities.write_text(activities.read_text(encoding="utf-8").replace(
        "pledges: [ml-1]", "pledges: [ml-9]", 1), encoding="utf-8")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 1, result.output
    assert "okänt medborgarlöfte 'ml-9'" in result.stdout
    assert "okänd medborgarlöfte" not in result.stdout
