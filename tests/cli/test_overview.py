"""`trygghet overview`: one row per municipality of many data roots, in every format."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, FIXTURES
from tests.gitrepo import AUTHOR
from trygghet_cli.i18n import label

AREA = FIXTURES / "area"
AS_OF = "2025-06-30"
AREA_NAMES = ["Alby kommun", "Berga kommun", "Dalby kommun", "Ekeby kommun"]


def _overview(run, *args: str):
    return run("overview", str(AREA), str(BUNDLED), "--as-of", AS_OF, *args)


def test_table_has_a_row_per_municipality_and_fits_80_columns(run) -> None:
    result = _overview(run)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Översikt per 30 juni 2025", "5 kommuner i 2 datamappar"]
    assert max(len(line) for line in lines) <= 80
    names = [*AREA_NAMES, "Strängnäs kommun"]
    assert [n for line in lines for n in names if line.startswith(n)] == names
    alby = next(line for line in lines if line.startswith("Alby kommun"))
    assert alby.split()[2:] == ["2024–2025", "50", "%", "1", "1", "av", "2"]
    overdue = label("status.overdue", "sv")
    at = lines.index(alby)
    # The area's lägesbild has none of the three parts of 4 §: it meets no requirement (issue 24).
    assert lines[at + 1] == f"  {overdue} 1, klar 1 · lägesbild november 2024 · lagkrav 0 av 7"
    assert lines[at + 2].startswith("  ändrad ")


def test_english_table(run) -> None:
    result = run("--lang", "en", "overview", str(AREA), "--as-of", AS_OF)
    assert result.stdout.splitlines()[:2] == ["Overview as of 30 June 2025",
                                              "4 municipalities in 1 data root"]
    assert "Berga kommun 2024–2026" in result.stdout and "1 of 2" in result.stdout


def test_json_gives_each_municipality_its_own_period_and_figures(run) -> None:
    body = json.loads(_overview(run, "--format", "json").stdout)
    assert body["version"] == 1 and body["as_of"] == AS_OF and body["roots"] == 2
    rows = {r["municipality"]: r for r in body["municipalities"]}
    assert list(rows) == [*AREA_NAMES, "Strängnäs kommun"]
    berga = rows["Berga kommun"]
    assert (berga["period_start"], berga["period_end"]) == ("2024-07-01", "2026-06-30")
    assert rows["Dalby kommun"]["period_start"] == "2025-01-01"
    assert rows["Dalby kommun"]["agreement"] == rows["Ekeby kommun"]["agreement"] == \
        "Gemensam samverkansöverenskommelse Dalby och Ekeby 2024–2027"
    alby = rows["Alby kommun"]
    assert (alby["activities"], alby["status_overdue"], alby["status_done"], alby["done_share"],
            alby["overdue"], alby["targets"], alby["targets_met"]) == (2, 1, 1, 0.5, 1, 2, 1)
    assert alby["county"] == "Exempels län" and alby["code"] == "0991"
    assert rows["Strängnäs kommun"]["police_area"] == "Lokalpolisområde Eskilstuna/Strängnäs"


def test_csv_has_one_row_per_municipality(run) -> None:
    table = list(csv.DictReader(io.StringIO(_overview(run, "--format", "csv").stdout)))
    assert [r["municipality"] for r in table] == [*AREA_NAMES, "Strängnäs kommun"]
    assert table[1]["pledge_set"] == "ml-berga-2024-2026" and table[1]["status_ongoing"] == "1"


def test_markdown_table(run) -> None:
    text = _overview(run, "--format", "markdown", "--sort", "overdue").stdout
    assert text.startswith("## Översikt per 30 juni 2025\n\n5 kommuner i 2 datamappar. "
                           "Sorterad efter passerat slutdatum.")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "kommun |" in line]
    overdue = label("status.overdue", "sv")
    assert rows[0].startswith(f"| Alby kommun | 2024–2025 | 2 | {overdue} 1, klar 1 | 50 % | 1 |")
    assert len(rows) == 5


def test_html_offers_the_table_in_every_order(run, tmp_path) -> None:
    target = tmp_path / "oversikt.html"
    result = _overview(run, "--format", "html", "-o", str(target))
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    for key in ("municipality", "county", "police_area", "period", "done", "overdue",
                "targets_met", "changed"):
        assert f'<section class="ordering" id="by-{key}"' in page
        assert f'<a href="#by-{key}">' in page
    assert "<script" not in page


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--police-area", "Alby", AREA_NAMES),
    ("--police-area", "Eskilstuna", ["Strängnäs kommun"]),
    ("--police-area", "lokalpolisområde eskilstuna/strängnäs", ["Strängnäs kommun"]),
    ("--county", "Södermanlands län", ["Strängnäs kommun"]),
    ("--county", "Exempels", AREA_NAMES),
    ("--county", "Värmlands län", []),
])
def test_filters_by_police_area_and_county(run, option, value, expected) -> None:
    body = json.loads(_overview(run, option, value, "--format", "json").stdout)
    assert [r["municipality"] for r in body["municipalities"]] == expected


def test_no_match_says_so(run) -> None:
    result = _overview(run, "--county", "Värmlands län")
    assert result.exit_code == 0 and "Inga kommuner matchar." in result.stdout
    assert "Filter: Värmlands län" in result.stdout


def test_sort_orders_and_unknown_key(run) -> None:
    body = json.loads(_overview(run, "--sort", "period", "--format", "json").stdout)
    assert [r["municipality"] for r in body["municipalities"]] == [
        "Alby kommun", "Ekeby kommun", "Strängnäs kommun", "Berga kommun", "Dalby kommun"]
    bad = _overview(run, "--sort", "size")
    assert bad.exit_code == 2 and "municipality, county" in bad.stderr


def test_a_folder_of_roots_and_the_working_folder(run, tmp_path, monkeypatch) -> None:
    for name, source in (("alby-omradet", AREA), ("strangnas", BUNDLED)):
        shutil.copytree(source, tmp_path / "roots" / name)
    monkeypatch.chdir(tmp_path / "roots")
    body = json.loads(run("overview", "--as-of", AS_OF, "--format", "json").stdout)
    assert body["roots"] == 2 and len(body["municipalities"]) == 5
    monkeypatch.chdir(tmp_path / "roots" / "strangnas" / "pledges")
    body = json.loads(run("overview", "--as-of", AS_OF, "--format", "json").stdout)
    assert [r["municipality"] for r in body["municipalities"]] == ["Strängnäs kommun"]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("overview", str(empty))
    assert result.exit_code == 2 and "ingen datamapp" in result.stderr


def test_a_root_with_errors_gets_a_row_that_says_so(run, tmp_path) -> None:
    root = tmp_path / "broken"
    shutil.copytree(FIXTURES / "minimal", root)
    path = root / "activities" / "2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: ongoing", "status: ongoin"),
                    encoding="utf-8")
    result = run("overview", str(root), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "Exempelby kommun 1 fel i datafilerna" in result.stdout
    body = json.loads(run("overview", str(root), "--format", "json").stdout)
    assert body["municipalities"][0]["errors"] == 1 and body["municipalities"][0]["pledge_set"] is None


def _commit(top: Path, message: str, day: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00"}
    subprocess.run(["git", "-C", str(top), *AUTHOR, "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(top), *AUTHOR, "commit", "-q", "-m", message], check=True, env=env)


def test_latest_change_is_the_latest_commit_touching_each_root(run, tmp_path) -> None:
    top = tmp_path / "repo"
    top.mkdir()
    subprocess.run(["git", "-C", str(top), "init", "-q", "-b", "main"], check=True)
    shutil.copytree(FIXTURES / "minimal", top / "a")
    shutil.copytree(FIXTURES / "minimal", top / "bålsta")  # git quotes non-ASCII names unless told
    _commit(top, "both", "2025-01-10")
    (top / "bålsta" / "README.md").write_text("b\n", encoding="utf-8")
    _commit(top, "bålsta only", "2025-03-05")
    body = json.loads(run("overview", str(top), "--format", "json").stdout)
    assert [(r["root"].rsplit("/", 1)[-1], r["changed"]) for r in body["municipalities"]] == [
        ("a", "2025-01-10"), ("bålsta", "2025-03-05")]
    assert json.loads(run("overview", str(top), "--format", "json", "--sort", "changed").stdout)[
        "municipalities"][0]["root"].endswith("bålsta")


def test_latest_lagesbild_is_the_municipality_s_own_or_the_area_s(run) -> None:
    rows = json.loads(_overview(run, "--format", "json").stdout)["municipalities"]
    assert [r["situation"] for r in rows] == ["2024-11", "2025-03", "2024-11", "2024-11", "2024-01"]
    before = json.loads(run("overview", str(AREA), "--as-of", "2025-01-31", "--format", "json").stdout)
    assert before["municipalities"][1]["situation"] == "2024-11"  # Berga's own is not made yet
    text = _overview(run).stdout
    assert "lägesbild mars 2025" in text and "lägesbild november 2024" in text


@pytest.mark.parametrize(("root", "municipality"), [(BUNDLED, None), (AREA, "berga"), (AREA, "alby")])
def test_law_column_agrees_with_check_law(run, root, municipality) -> None:
    chosen = ["--municipality", municipality] if municipality else []
    law = json.loads(run("--data", str(root), "check", "law", "--as-of", AS_OF, "--format", "json",
                         *chosen).stdout)
    rows = json.loads(run("overview", str(root), "--as-of", AS_OF, "--format", "json").stdout)
    row = next(r for r in rows["municipalities"] if r["municipality"] == law["municipality"])
    assert (row["law_met"], row["law_requirements"]) == (law["summary"]["met"],
                                                         sum(law["summary"].values()))


def test_overview_fills_the_cache_and_reads_it_the_second_time(run, tmp_path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TRYGGHET_CACHE_DIR", str(cache))
    first = _overview(run, "--format", "json").stdout
    entries = sorted(p.name for p in cache.rglob("*") if p.is_file())
    assert entries
    assert _overview(run, "--format", "json").stdout == first
    assert sorted(p.name for p in cache.rglob("*") if p.is_file()) == entries
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("TRYGGHET_CACHE_DIR", str(fresh))
    assert _overview(run, "--format", "json", "--no-cache").stdout == first
    assert not fresh.exists() or not any(fresh.rglob("*.*"))


def test_output_file_is_written_and_a_foreign_file_or_data_file_is_refused(run, tmp_path) -> None:
    target = tmp_path / "oversikt.html"
    assert _overview(run, "--format", "html", "-o", str(target)).exit_code == 0
    assert _overview(run, "--format", "html", "-o", str(target)).exit_code == 0  # its own file
    foreign = tmp_path / "notes.txt"
    foreign.write_text("mine\n", encoding="utf-8")
    refused = _overview(run, "-o", str(foreign))
    assert refused.exit_code == 2 and foreign.read_text(encoding="utf-8") == "mine\n"
    data_file = AREA / "pledges" / "alby-2024-2025.yaml"
    before = data_file.read_bytes()
    assert _overview(run, "-o", str(data_file)).exit_code == 2
    assert data_file.read_bytes() == before


@pytest.mark.parametrize("cached", [False, True])
def test_a_root_whose_activities_is_a_file_is_reported_and_the_others_still_are(
        run, tmp_path, monkeypatch, cached) -> None:
    if not cached:
        monkeypatch.setenv("TRYGGHET_NO_CACHE", "1")
    for name in ("a", "b", "c"):
        shutil.copytree(FIXTURES / "minimal", tmp_path / name)
    shutil.rmtree(tmp_path / "b" / "activities")
    (tmp_path / "b" / "activities").write_text("en fil, ingen mapp\n", encoding="utf-8")
    activities = tmp_path / "c" / "activities" / "2024-2025.yaml"
    activities.write_text(activities.read_text(encoding="utf-8").replace(
        "status: ongoing", "status: finished", 1), encoding="utf-8")
    for _ in range(2 if cached else 1):
        checked = run("validate", str(tmp_path), "--format", "json")
        assert checked.exit_code == 3, checked.output
        found = {(f["code"], Path(f["path"]).parent.name or f["path"]) for f in
                 json.loads(checked.stdout)["findings"]}
        assert ("TRY001", "b") in found and ("TRY204", "activities") in found
        text = run("validate", str(tmp_path)).stdout
        assert "b/activities är ingen mapp" in text.replace(str(tmp_path) + "/", "")
    overview = run("overview", str(tmp_path), "--format", "json")
    assert overview.exit_code == 0, overview.output
    body = json.loads(overview.stdout)
    assert body["roots"] == 3
    errors = {Path(row["root"]).name: row["errors"] for row in body["municipalities"]}
    assert errors["a"] == 0 and errors["b"] >= 1 and errors["c"] >= 1
