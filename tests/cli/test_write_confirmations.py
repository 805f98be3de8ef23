"""Every write says what it did in one line, in the language: not just a file name."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

ACTIVITIES = Path("activities") / "2024-2025.yaml"


def _lines(result) -> list[str]:  # noqa: ANN001
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize(("lang", "said"), [
    ("sv", "a-2: mål t2 tillagt, 'Kontroller varje vecka'"),
    ("en", "a-2: target t2 added, 'Kontroller varje vecka'"),
])
def test_activity_target_says_which_target_it_added(run, minimal_root, lang, said) -> None:
    result = run("--data", str(minimal_root), "--lang", lang, "activity", "target", "a-2",
                 "--kind", "qualitative", "--text", "Kontroller varje vecka")
    assert _lines(result) == [said]


@pytest.mark.parametrize(("lang", "said"), [
    ("sv", "al-2024-2025: övrigt resultat tillagt, 'Nya grannsamverkansgrupper'"),
    ("en", "al-2024-2025: other result added, 'Nya grannsamverkansgrupper'"),
])
def test_activity_result_says_what_it_added_to_which_list(run, minimal_root, lang, said) -> None:
    result = run("--data", str(minimal_root), "--lang", lang, "activity", "result",
                 "Nya grannsamverkansgrupper", "--value", "6", "--date", "2024",
                 "--source", "src-uppfoljning")
    assert _lines(result) == [said]


def test_set_status_says_the_change_and_the_completion_date(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "activity", "set-status", "a-2", "klar",
                 "--date", "2025-03-15")
    assert _lines(result) == ["a-2: pågår → klar, slutförd 15 mar 2025"]


def test_fmt_names_each_file_it_reformatted_and_counts_them(run, minimal_root) -> None:
    target = minimal_root / ACTIVITIES
    target.write_text(target.read_text(encoding="utf-8").replace(
        "pledge_set: ml-2024-2025", "pledge_set:   ml-2024-2025"), encoding="utf-8")
    lines = _lines(run("--data", str(minimal_root), "fmt"))
    assert len(lines) == 2 and lines[0].startswith("formaterade om ")
    assert lines[0].endswith("2024-2025.yaml") and lines[1] == "1 av 4 filer formaterades om."
    assert _lines(run("--data", str(minimal_root), "--lang", "en", "fmt")) == [
        "4 files already formatted"]
    assert _lines(run("--data", str(minimal_root), "fmt")) == ["4 filer var redan formaterade"]
    assert _lines(run("--data", str(minimal_root), "fmt", str(target))) == [
        "1 fil var redan formaterad"]


def _export(run, root: Path, table: Path, lang: str) -> list[list[str]]:
    run("--data", str(root), "--lang", lang, "export", "activities", "--format", "csv",
        "--audience", "internal", "-o", str(table))
    text = table.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";" if lang == "sv" else ","))


@pytest.mark.parametrize(("lang", "nothing", "changed"), [
    ("sv", ": inga ändringar; ingenting skrevs", ": 1 aktivitet tillagd, 1 ändrad"),
    ("en", ": no change; nothing written", ": 1 activity added, 1 changed"),
])
def test_import_says_per_file_how_many_activities_it_added_and_changed(
        run, minimal_root, tmp_path, lang, nothing, changed) -> None:
    table = tmp_path / "aktiviteter.csv"
    rows = _export(run, minimal_root, table, lang)
    args = ("--data", str(minimal_root), "--lang", lang, "import", "activities", str(table),
            "--period", "2024-2025")
    [line] = _lines(run(*args))
    assert line.endswith("2024-2025.yaml" + nothing)
    rows[1][3] = "Trygghetsvandringar i norr"  # after kommun, period and id
    rows.append([*rows[2][:2], "", "Nattvandring", *rows[2][4:]])
    separator = ";" if lang == "sv" else ","
    out = io.StringIO()
    csv.writer(out, delimiter=separator).writerows(rows)
    table.write_text(out.getvalue(), encoding="utf-8")
    [line] = _lines(run(*args))
    assert line.endswith("2024-2025.yaml" + changed)


def test_new_period_says_which_period_it_made_and_what_it_carried_over(run, minimal_root) -> None:
    lines = _lines(run("--data", str(minimal_root), "new", "period"))
    assert lines == ["ml-2026-2027: nästa period skapad, 1 aktivitet förd vidare", "a-2 -> a-3"]
