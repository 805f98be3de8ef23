"""One police area of four municipalities in one data root: every page names its own.

The fixture (tests/fixtures/area) is made up: Alby, Berga, Dalby and Ekeby kommun in
Lokalpolisområde Alby; Berga's pledges run July to June, Alby's and Dalby's periods
overlap in 2025, and Dalby and Ekeby share one agreement.
"""

from __future__ import annotations

import csv
import io
import json

import icalendar
import pytest
from openpyxl import load_workbook

from tests.conftest import FIXTURES
from trygghet_cli.i18n import join_list

AREA = FIXTURES / "area"
NAMES = {"alby": "Alby kommun", "berga": "Berga kommun", "dalby": "Dalby kommun",
         "ekeby": "Ekeby kommun"}
AS_OF = "2025-06-30"
POLICE = "Polisen (lokalpolisområde Alby)"


def _run(run, municipality: str, *args: str):
    return run("--data", str(AREA), args[0], *args[1:], "--municipality", municipality)


def _others(municipality: str) -> list[str]:
    return [name for key, name in NAMES.items() if key != municipality]


def test_the_area_fixture_is_valid(run) -> None:
    result = run("--data", str(AREA), "validate", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"] == {"errors": 0, "warnings": 0, "files": 14}


def test_status_without_a_municipality_asks_for_one(run) -> None:
    result = run("--data", str(AREA), "status", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "--municipality" in result.stderr and "alby, berga, dalby, ekeby" in result.stderr


def test_an_unknown_municipality_is_a_usage_error(run) -> None:
    result = _run(run, "kil", "status")
    assert result.exit_code == 2
    assert "kil" in result.stderr and "alby" in result.stderr


@pytest.mark.parametrize("wanted", ["berga", "0992", "berga kommun"])
def test_a_municipality_is_found_by_id_code_or_name(run, wanted) -> None:
    result = _run(run, wanted, "status", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Berga kommun · Lokalpolisområde Alby\n")


@pytest.mark.parametrize("municipality", NAMES)
def test_status_in_every_format_names_the_municipality_alone(run, municipality) -> None:
    name = NAMES[municipality]
    table = _run(run, municipality, "status", "--as-of", AS_OF).stdout
    assert table.splitlines()[0] == f"{name} · Lokalpolisområde Alby"
    markdown = _run(run, municipality, "status", "--as-of", AS_OF, "--format", "markdown").stdout
    assert f"**{name}** · Lokalpolisområde Alby" in markdown
    body = json.loads(_run(run, municipality, "status", "--as-of", AS_OF, "--format", "json").stdout)
    assert body["municipality"] == name
    assert body["period"]["pledge_set"].startswith(f"ml-{municipality}-")
    rows = list(csv.DictReader(io.StringIO(_run(
        run, municipality, "status", "--as-of", AS_OF, "--format", "csv").stdout.removeprefix("\ufeff")),
        delimiter=";"))
    assert {r["löftesperiod"] for r in rows} == {body["period"]["pledge_set"]}
    for text in (table, markdown, json.dumps(body, ensure_ascii=False)):
        assert not any(other in text for other in _others(municipality))


def test_overlapping_periods_of_two_municipalities_each_show_their_own(run) -> None:
    alby = json.loads(_run(run, "alby", "status", "--as-of", AS_OF, "--format", "json").stdout)
    dalby = json.loads(_run(run, "dalby", "status", "--as-of", AS_OF, "--format", "json").stdout)
    assert (alby["period"]["start"], alby["period"]["end"]) == ("2024-01-01", "2025-12-31")
    assert (dalby["period"]["start"], dalby["period"]["end"]) == ("2025-01-01", "2026-12-31")


def test_the_non_calendar_period_keeps_its_days(run) -> None:
    text = _run(run, "berga", "status", "--as-of", AS_OF).stdout
    assert "Period 1 juli 2024 – 30 juni 2026, 365 dagar kvar" in text


REPORTS = [("pledges", ()), ("status", ("--as-of", AS_OF)), ("yearly", ("--year", "2025")),
           ("agreement", ()), ("lagesbild", ()), ("council", ("--as-of", AS_OF))]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("kind", "extra"), REPORTS, ids=[k for k, _ in REPORTS])
@pytest.mark.parametrize("municipality", NAMES)
def test_every_report_names_its_municipality_in_header_and_footer(run, municipality, kind, extra,
                                                                  fmt) -> None:
    result = _run(run, municipality, "report", kind, *extra, "--format", fmt)
    assert result.exit_code == 0, result.output
    joint = kind == "agreement" and municipality in {"dalby", "ekeby"}
    named = join_list([NAMES["dalby"], NAMES["ekeby"]], "sv") if joint else NAMES[municipality]
    # The footer names every party when they are more than one municipality and the police.
    footer = f"samverkan mellan {named} och polisen."
    if joint:
        footer = f"samverkan mellan {NAMES['dalby']}, {NAMES['ekeby']} och {POLICE}."
    elif municipality == "alby" and kind != "agreement":  # a third party in the pledges (issue 24)
        footer = f"samverkan mellan {NAMES['alby']}, {POLICE} och Räddningstjänsten Alby."
    if fmt == "md":
        assert result.stdout.splitlines()[2].startswith(f"{named} · Lokalpolisområde Alby · ")
    else:
        assert f'<p class="org">{named} · Lokalpolisområde Alby</p>' in result.stdout
        assert "<title>" in result.stdout and f" – {named}</title>" in result.stdout
    assert footer in result.stdout
    shown = [other for other in _others(municipality) if other in result.stdout]
    assert shown == ([NAMES["ekeby" if municipality == "dalby" else "dalby"]] if joint else [])


def test_the_joint_agreement_names_both_municipalities_and_every_party(run) -> None:
    result = _run(run, "ekeby", "report", "agreement", "--format", "md", "--lang", "en")
    assert "Dalby kommun and Ekeby kommun · Lokalpolisområde Alby" in result.stdout
    assert f"**Parties:** Dalby kommun, Ekeby kommun, {POLICE}" in result.stdout


def test_pledges_page_names_every_party_in_its_sentence(run) -> None:
    alby = _run(run, "alby", "report", "pledges", "--format", "md").stdout
    assert (f"konkreta åtaganden som Alby kommun, {POLICE} och Räddningstjänsten Alby gör"
            in alby)
    berga = _run(run, "berga", "report", "pledges", "--format", "html", "--lang", "en").stdout
    assert f"commitments that Berga kommun and {POLICE} make" in berga


def test_yearly_intro_names_the_parties_unless_they_are_one_municipality_and_the_police(run) -> None:
    alby = _run(run, "alby", "report", "yearly", "--year", "2025", "--format", "md").stdout
    assert (f"Vad Alby kommun, {POLICE} och Räddningstjänsten Alby gjorde under 2025" in alby)
    berga = _run(run, "berga", "report", "yearly", "--year", "2025", "--format", "md").stdout
    assert "Vad kommunen och polisen gjorde under 2025" in berga


@pytest.mark.parametrize("municipality", NAMES)
def test_exports_hold_only_the_municipality_and_name_it(run, municipality, tmp_path) -> None:
    name = NAMES[municipality]
    calendar = icalendar.Calendar.from_ical(
        _run(run, municipality, "export", "activities", "--format", "ics").stdout)
    assert str(calendar["X-WR-CALNAME"]) == f"{name}: aktiviteter"
    records = json.loads(_run(run, municipality, "export", "activities", "--format", "json").stdout)
    assert {r["id"].rsplit("-", 1)[0] for r in records} == {f"a-{municipality}"}
    rows = list(csv.DictReader(io.StringIO(
        _run(run, municipality, "export", "activities", "--format", "csv").stdout.removeprefix("\ufeff")),
        delimiter=";"))
    assert len(rows) == 2 and all(municipality in r["id"] for r in rows)
    target = tmp_path / "a.xlsx"
    assert _run(run, municipality, "export", "activities", "--format", "xlsx", "-o",
                str(target)).exit_code == 0
    sheet = load_workbook(target).active
    header, *body = list(sheet.iter_rows(values_only=True))
    assert header[:3] == ("kommun", "period", "id")
    assert len(body) == 2 and all(municipality in str(r[2]) and r[0] == name for r in body)
    assert {r["kommun"] for r in rows} == {name} and {r["municipality"] for r in records} == {name}
    outcomes = list(csv.DictReader(io.StringIO(_run(run, municipality, "export", "activities", "--table",
        "outcomes", "--format", "csv", "--lang", "en").stdout.removeprefix("\ufeff"))))
    assert [r["municipality"] for r in outcomes] == [name]


def test_a_document_of_no_municipality_in_a_root_of_several_is_an_error(run, tmp_path) -> None:
    import shutil

    root = tmp_path / "area"
    shutil.copytree(AREA, root)
    path = root / "pledges" / "ekeby-2024-2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("parties: [ekeby, polis]\npledges",
                                                              "pledges").replace(
        "agreement: so-dalby-ekeby-2024-2027\n", "").replace("areas: [pa-de-unga]\n", "")
        .replace("parties: [ekeby, polis]", "parties: [polis]"), encoding="utf-8")
    result = run("--data", str(root), "validate", "--format", "json")
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "TRY313"]
    assert result.exit_code == 1
    assert [f["path"].rsplit("/", 2)[-2:] for f in found] == [["pledges", "ekeby-2024-2025.yaml"]]
    assert found[0]["line"] == 1 and "municipalities:" in found[0]["hint"]


def test_a_root_of_one_municipality_needs_no_option(run) -> None:
    result = run("--data", str(FIXTURES / "minimal"), "status", "--as-of", AS_OF)
    assert result.exit_code == 0 and result.stdout.startswith("Exempelby kommun · ")
    assert run("--data", str(FIXTURES / "minimal"), "status", "-m", "0999").exit_code == 0


# Shared definitions: two roots of a police area name one file of the area's functions.

SHARED = """functions:
  - id: omradespolis
    name: Områdespolis
    party: polis
sources:
  - id: src-omrade
    title: Lokalpolisområdets sida
    url: https://example.org/omrade
"""


@pytest.fixture
def area_roots(tmp_path):
    import shutil

    for name in ("kil", "grums"):
        root = tmp_path / name
        shutil.copytree(FIXTURES / "minimal", root)
        cfg = root / "trygghet.yaml"
        cfg.write_text(cfg.read_text(encoding="utf-8").replace(
            "language: sv\n", "language: sv\nshared: [../lokalpolisomrade.yaml]\n"), encoding="utf-8")
        activities = root / "activities" / "2024-2025.yaml"
        activities.write_text(activities.read_text(encoding="utf-8").replace(
            "owners: [kommunpolis]", "owners: [omradespolis]"), encoding="utf-8")
    (tmp_path / "lokalpolisomrade.yaml").write_text(SHARED, encoding="utf-8")
    return tmp_path


def test_roots_use_functions_declared_once_in_a_shared_file(run, area_roots) -> None:
    result = run("validate", str(area_roots), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["errors"] == 0
    status = run("--data", str(area_roots / "grums"), "status", "--as-of", AS_OF, "--owner",
                 "omradespolis", "--format", "json")
    assert status.exit_code == 0, status.output
    assert [a["owners"] for a in json.loads(status.stdout)["activities"]] == [["omradespolis"]]


def test_overview_and_status_read_from_the_cache_see_a_changed_shared_file(
        run, area_roots, tmp_path, monkeypatch) -> None:
    from trygghet_cli.root import repository

    monkeypatch.setenv("TRYGGHET_CACHE_DIR", str(tmp_path / "cache"))
    overview = ("overview", str(area_roots), "--as-of", AS_OF, "--format", "json")
    status = ("--data", str(area_roots / "kil"), "status", "--as-of", AS_OF, "--owner",
              "omradespolis", "--format", "json")
    first, shown = run(*overview).stdout, run(*status)
    assert [r["errors"] for r in json.loads(first)["municipalities"]] == [0, 0]
    loads = []
    real_load = repository.load
    monkeypatch.setattr(repository, "load", lambda *a, **k: loads.append(a) or real_load(*a, **k))
    assert run(*overview).stdout == first and run(*status).stdout == shown.stdout
    assert loads == []  # neither loaded a root: both came from the cache
    shared = area_roots / "lokalpolisomrade.yaml"
    shared.write_text(SHARED.replace("id: omradespolis", "id: narpolis"), encoding="utf-8")
    assert all(r["errors"] for r in json.loads(run(*overview).stdout)["municipalities"])
    refused = run(*status)
    assert refused.exit_code == 1 and refused.stdout == "" and len(loads) == 3


def test_a_root_that_defines_a_shared_id_again_is_told_where_it_comes_from(run, area_roots) -> None:
    cfg = area_roots / "grums" / "trygghet.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("  - id: kommunpolis", "  - id: omradespolis"),
                   encoding="utf-8")
    result = run("validate", str(area_roots / "grums"), "--format", "json")
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "TRY301"]
    assert result.exit_code == 1 and len(found) == 1
    assert found[0]["path"].endswith("grums/trygghet.yaml")
    assert "lokalpolisomrade.yaml:2:9" in found[0]["message"]
    text = run("validate", str(area_roots / "grums")).stdout
    assert "finns redan i den delade filen" in text


def test_an_error_in_the_shared_file_is_reported_at_its_line(run, area_roots) -> None:
    (area_roots / "lokalpolisomrade.yaml").write_text(SHARED.replace("    party: polis", "    partY: polis"),
                                                      encoding="utf-8")
    result = run("validate", str(area_roots / "kil"), "--format", "json")
    codes = {(f["code"], f["path"].rsplit("/", 1)[-1], f["line"])
             for f in json.loads(result.stdout)["findings"]}
    assert ("TRY201", "lokalpolisomrade.yaml", 4) in codes
    assert result.exit_code == 1


def test_a_missing_shared_file_is_a_read_error_and_an_absolute_path_is_refused(run, area_roots) -> None:
    (area_roots / "lokalpolisomrade.yaml").unlink()
    missing = run("validate", str(area_roots / "kil"), "--format", "json")
    assert missing.exit_code == 3
    assert any(f["code"] == "TRY001" and f["path"].endswith("lokalpolisomrade.yaml")
               for f in json.loads(missing.stdout)["findings"])
    cfg = area_roots / "kil" / "trygghet.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("../lokalpolisomrade.yaml", "/etc/x.yaml"),
                   encoding="utf-8")
    absolute = run("validate", str(area_roots / "kil"), "--format", "json")
    assert any(f["code"] == "TRY206" for f in json.loads(absolute.stdout)["findings"])


SECRET = "functions:\n  - id: hemlig\n    name: HEMLIG-RAD-UTANFOR\n    party: polis\n    extra: x\n"


def _share(root, name: str) -> None:
    cfg = root / "trygghet.yaml"
    lines = [line for line in cfg.read_text(encoding="utf-8").splitlines(keepends=True)
             if not line.startswith("shared:")]
    cfg.write_text("".join(lines).replace("language: sv\n", f"language: sv\nshared: [{name}]\n"),
                   encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_shared_definitions_outside_the_repository_are_refused_and_never_printed(run, tmp_path,
                                                                                 fmt) -> None:
    from tests.gitrepo import GitRepo

    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.yml").write_text(SECRET, encoding="utf-8")
    repo = GitRepo(tmp_path / "repo")
    _share(repo.root, "../../elsewhere/x.yml")
    result = run("validate", str(repo.root), "--format", fmt)
    assert result.exit_code == 3, result.output
    assert "HEMLIG" not in result.output and "extra" not in result.output
    if fmt == "json":
        found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "TRY001"]
        lines = (repo.root / "trygghet.yaml").read_text(encoding="utf-8").splitlines()
        at = next(n for n, line in enumerate(lines, start=1) if line.startswith("shared:"))
        assert [(f["path"].rsplit("/", 1)[-1], f["line"]) for f in found] == [("trygghet.yaml", at)]
    elif fmt == "text":
        assert "ligger utanför det git-förråd som rymmer dataroten" in result.output


def test_shared_definitions_in_the_repository_or_beside_a_root_without_one_are_read(
        run, tmp_path) -> None:
    from tests.gitrepo import GitRepo

    repo = GitRepo(tmp_path / "repo", sub="area/kil")
    (repo.top / "delad.yaml").write_text(SHARED, encoding="utf-8")
    _share(repo.root, "../../delad.yaml")
    assert run("validate", str(repo.root)).exit_code == 0
    link = repo.top / "lank.yaml"  # a link inside the repository that leads out of it
    link.symlink_to(tmp_path / "elsewhere.yaml")
    (tmp_path / "elsewhere.yaml").write_text(SECRET, encoding="utf-8")
    _share(repo.root, "../../lank.yaml")
    refused = run("validate", str(repo.root))
    assert refused.exit_code == 3 and "HEMLIG" not in refused.output
    import shutil

    plain = tmp_path / "plain" / "area" / "kil"  # no repository: the folder that holds the root
    shutil.copytree(FIXTURES / "minimal", plain)
    (plain.parent / "delad.yaml").write_text(SHARED, encoding="utf-8")
    (tmp_path / "plain" / "far.yaml").write_text(SECRET, encoding="utf-8")
    _share(plain, "../delad.yaml")
    assert run("validate", str(plain)).exit_code == 0
    _share(plain, "../../far.yaml")
    far = run("validate", str(plain))
    assert far.exit_code == 3 and "HEMLIG" not in far.output


def test_an_export_of_the_whole_area_names_each_rows_municipality(run, tmp_path) -> None:
    result = run("--data", str(AREA), "export", "activities", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff")), delimiter=";"))
    assert {(r["id"].split("-")[1], r["kommun"]) for r in rows} == set(NAMES.items())
    records = json.loads(run("--data", str(AREA), "--lang", "en", "export", "activities", "--format",
                             "json").stdout)
    assert [r["municipality"] for r in records].count("Berga kommun") == 2
    target = tmp_path / "area.xlsx"
    assert run("--data", str(AREA), "export", "activities", "--format", "xlsx", "-o",
               str(target)).exit_code == 0
    book = load_workbook(target)
    assert [sheet.cell(1, 1).value for sheet in book.worksheets] == ["kommun"] * 3


def test_the_lagesbild_and_council_reports_take_the_municipalitys_own_lagesbild(run) -> None:
    berga = _run(run, "berga", "report", "lagesbild", "--format", "md").stdout
    assert berga.startswith("# Lägesbild för Berga 2025\n")
    alby = _run(run, "alby", "report", "lagesbild", "--format", "md").stdout
    assert alby.startswith("# Lägesbild för lokalpolisområdet 2024\n")
    council = _run(run, "berga", "report", "council", "--as-of", AS_OF, "--format", "md").stdout
    assert "### Lägesbild för Berga 2025 (mars 2025)" in council
    asked = run("--data", str(AREA), "report", "lagesbild")
    assert asked.exit_code == 2 and "--municipality" in asked.stderr
