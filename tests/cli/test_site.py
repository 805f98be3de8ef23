"""`trygghet site`: the whole citizen site from the data, its links, open data, feed, history,
the publish gate on every file, and the rules for where it may be written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.test_report_safety import CANARY, _assert_no_script, _plant_canaries, _poison_root
from tests.conftest import BUNDLED
from tests.gitrepo import GitRepo
from tests.sitewalk import html_pages, read_page, words
from tests.unit.test_bundled_data import AREAS, PLEDGES

AS_OF = "2025-06-30"
LIMIT = 150 * 1024


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from trygghet_cli.cli import app

    out = tmp_path_factory.mktemp("site") / "public"
    result = CliRunner().invoke(app, ["--data", str(BUNDLED), "site", "-o", str(out), "--as-of", AS_OF,
                                      "--base-url", "https://example.org/trygghet"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def _files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def test_the_site_has_every_page_of_the_bundled_data(site) -> None:
    names = {p.name for p in html_pages(site)}
    assert {"index.html", "om-underlaget.html", "tillganglighet.html", "oppna-data.html",
            "loften-ml-2024-2025.html", "loften-ml-2019.html", "aktiviteter-al-2024-2025.html",
            "overenskommelse-so-2023-2026.html", "ar-2019.html", "ar-2024.html",
            "kommundel-aker.html"} <= names
    assert "ar-2025.html" not in names  # 2025 has not ended on 30 June 2025
    assert {"flode.xml", "sitemap.xml"} <= {p.name for p in _files(site)}
    assert {p.name for p in (site / "oppna-data").iterdir()} == {
        "pledges.csv", "priority_areas.csv", "activities.csv", "outcomes.csv", "sources.csv",
        "trygghet.json", "README.md", "dcat.jsonld"}


def test_every_internal_link_of_every_page_resolves(site) -> None:
    broken = []
    for path in html_pages(site):
        for href in read_page(path).links:
            if href.startswith(("https://", "http://", "mailto:")):
                continue
            target, _, fragment = href.partition("#")
            file = (path.parent / target) if target else path
            if not file.is_file():
                broken.append(f"{path.name}: {href}")
            elif fragment and fragment not in read_page(file).ids:
                broken.append(f"{path.name}: {href} (no id)")
    assert broken == []


def test_no_page_loads_anything_has_a_script_or_exceeds_150_kb(site) -> None:
    for path in _files(site):
        assert path.stat().st_size <= LIMIT, path.name
    for path in html_pages(site):
        page = read_page(path)
        assert "script" not in page.tags and "iframe" not in page.tags, path.name
        assert [u for u in page.loads if not u.startswith("data:")] == [], path.name


def test_start_page_has_the_six_priority_areas_and_six_pledges_verbatim(site) -> None:
    text = words(" ".join(read_page(site / "index.html").text))
    missing = [item for item in [*AREAS, *PLEDGES] if item not in text]
    assert (len(AREAS), len(PLEDGES), missing) == (6, 6, [])


def test_start_page_names_every_party_and_links_the_latest_pledges(site) -> None:
    text = words(" ".join(read_page(site / "index.html").text))
    assert "Strängnäs kommun och Polismyndigheten (lokalpolisområde Eskilstuna/Strängnäs) arbetar" in text
    assert "Medborgarlöften 2024–2025" in text
    assert "loften-ml-2024-2025.html" in read_page(site / "index.html").links
    assert "Sammanställt med verktyget trygghet" in text


def test_provenance_remarks_are_on_the_about_page_only(site) -> None:
    remark = "Löftena återges ordagrant från kommunens sida om samverkan"
    holding = [p.name for p in html_pages(site) if remark in words(" ".join(read_page(p).text))]
    assert holding == ["om-underlaget.html"]
    yearly = words(" ".join(read_page(site / "ar-2024.html").text))
    assert "inte kopplat till något prioriterat område" not in yearly


def test_dcat_metadata_parses_as_json_ld_with_a_distribution_per_file(site) -> None:
    import rdflib

    graph = rdflib.Graph()
    graph.parse(site / "oppna-data" / "dcat.jsonld", format="json-ld")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    assert len(list(graph.subjects(rdflib.RDF.type, dcat.Catalog))) == 1
    datasets = list(graph.subjects(rdflib.RDF.type, dcat.Dataset))
    assert len(datasets) == 1
    urls = {str(u) for u in graph.objects(None, dcat.downloadURL)}
    assert "https://example.org/trygghet/oppna-data/pledges.csv" in urls and len(urls) == 6
    for url in urls:
        assert (site / url.removeprefix("https://example.org/trygghet/")).is_file()


def test_atom_feed_parses_and_has_an_entry_per_change(site) -> None:
    import feedparser

    feed = feedparser.parse((site / "flode.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Ändringar: Strängnäs kommun"
    assert feed.entries and all(e.id.startswith("urn:trygghet:0486:") for e in feed.entries)


def test_open_data_csv_has_the_documented_columns_and_the_pledges(site) -> None:
    import csv

    readme = (site / "oppna-data" / "README.md").read_text(encoding="utf-8")
    with open(site / "oppna-data" / "pledges.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert all(f"| {column} |" in readme for column in rows[0])
    texts = {r["text"] for r in rows if r["pledge_set_id"] == "ml-2024-2025"}
    assert texts == set(PLEDGES)
    data = json.loads((site / "oppna-data" / "trygghet.json").read_text(encoding="utf-8"))
    assert [r["text"] for r in data["pledges"]] == [r["text"] for r in rows]


def _open_rows(site: Path, table: str) -> list[dict[str, str]]:
    import csv

    with open(site / "oppna-data" / f"{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_open_data_keeps_windows_and_uncertain_dates(site) -> None:
    interim = next(r for r in _open_rows(site, "outcomes")
                   if r["activity_id"] == "a2019-05" and r["outcome_value"] == "213")
    assert (interim["outcome_from"], interim["outcome_to"]) == ("2019-01-01", "2019-08-31")
    areas = {r["agreement_id"]: r["period_uncertain"] for r in _open_rows(site, "priority_areas")}
    assert areas == {"so-2020-2023": "end", "so-2023-2026": "start"}


def test_open_data_keeps_a_bound_and_a_stated_verdict(run, minimal_root, tmp_path) -> None:
    root = str(minimal_root)
    run("--data", root, "activity", "outcome", "a-1", "300", "--bound", "minst", "--date", "2024-10-20",
        "--source", "src-uppfoljning")
    run("--data", root, "activity", "outcome", "a-1", "--verdict", "uppnått", "--date", "2024-10-21",
        "--source", "src-uppfoljning")
    out = tmp_path / "public"
    assert run("--data", root, "site", "-o", str(out), "--as-of", "2024-12-31").exit_code == 0
    rows = {r["outcome_date"]: r for r in _open_rows(out, "outcomes")}
    assert (rows["2024-10-20"]["outcome_value"], rows["2024-10-20"]["bound"]) == ("300", "at_least")
    assert (rows["2024-10-21"]["outcome_value"], rows["2024-10-21"]["verdict"]) == ("", "met")


def test_sitemap_lists_every_page(site) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in html_pages(site):
        assert f"<loc>https://example.org/trygghet/{path.name}</loc>" in sitemap


def test_revision_history_of_an_activity_list_is_told_in_words(run, tmp_path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.edit("activities/2024-2025.yaml", "  - id: a-2\n",
              "  - id: a-3\n    title: Nattvandring\n    pledges: [ml-1]\n    parties: [kommun]\n"
              "  - id: a-2\n")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "ny aktivitet", "--date", "2024-05-15T10:00:00+02:00")
    repo.edit("activities/2024-2025.yaml", "    status: ongoing\n",
              "    status: cancelled\n    reason: Polisen saknade personal\n")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "inställd", "--date", "2024-09-02T10:00:00+02:00")
    out = tmp_path / "public"
    result = run("--data", str(repo.root), "site", "-o", str(out), "--as-of", "2024-10-01")
    assert result.exit_code == 0, result.output
    text = words(" ".join(read_page(out / "aktiviteter-al-2024-2025.html").text))
    assert "2 september 2024: Hastighetskontroller ställdes in, orsak: Polisen saknade personal" in text
    assert "15 maj 2024: aktiviteten Nattvandring tillkom" in text
    assert text.index("2 september 2024") < text.index("15 maj 2024")
    import feedparser

    feed = feedparser.parse((out / "flode.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 3


def test_no_internal_text_reaches_any_page_or_open_data_file(run, minimal_root, tmp_path) -> None:
    _plant_canaries(minimal_root)
    out = tmp_path / "public"
    result = run("--data", str(minimal_root), "site", "-o", str(out), "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    leaked = [p.name for p in _files(out) if CANARY in p.read_text(encoding="utf-8")]
    assert leaked == []


def _declare_contact(root: Path) -> None:
    config = root / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8") + (
        "site:\n  contact:\n    - label: Trygghetssamordningen\n      email: trygghet@exempel.se\n"
        "      phone: 0152-291 00\n  accessibility_contact: webb@exempel.se\n"), encoding="utf-8")


def test_declared_public_contact_passes_the_gate_and_is_shown(run, minimal_root, tmp_path) -> None:
    _declare_contact(minimal_root)
    out = tmp_path / "public"
    result = run("--data", str(minimal_root), "site", "-o", str(out), "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    start = (out / "index.html").read_text(encoding="utf-8")
    assert "trygghet@exempel.se" in start and "0152-291 00" in start
    assert "webb@exempel.se" in (out / "tillganglighet.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("planted", ["anna.svensson@exempel.se", "070-123 45 67", "811218-9876"])
def test_any_other_personal_data_stops_the_build_and_writes_nothing(run, minimal_root, tmp_path,
                                                                    planted) -> None:
    _declare_contact(minimal_root)
    pledges = minimal_root / "pledges" / "2024-2025.yaml"
    text = pledges.read_text(encoding="utf-8")
    pledges.write_text(text.replace("text: ", f"text: Ring {planted} eller ", 1), encoding="utf-8")
    out = tmp_path / "public"
    result = run("--data", str(minimal_root), "site", "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "pledges/2024-2025.yaml:" in result.stderr and planted not in result.output
    assert not out.exists()


def test_hostile_text_never_becomes_markup_on_any_page(run, tmp_path) -> None:
    root = tmp_path / "root"
    shutil.copytree(BUNDLED, root)
    _poison_root(root)
    out = tmp_path / "public"
    result = run("--data", str(root), "site", "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    for path in html_pages(out):
        _assert_no_script(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("inside", [".", "pledges/site", "activities", ".."])
def test_the_site_is_never_written_into_the_data(run, minimal_root, inside) -> None:
    before = sorted(str(p) for p in minimal_root.parent.rglob("*"))
    result = run("--data", str(minimal_root), "site", "-o", str(minimal_root / inside))
    assert result.exit_code == 2 and "datamappen" in result.stderr
    assert sorted(str(p) for p in minimal_root.parent.rglob("*")) == before


def test_a_folder_of_its_own_inside_the_data_root_is_allowed(run, minimal_root) -> None:
    result = run("--data", str(minimal_root), "site", "-o", str(minimal_root / "public"))
    assert result.exit_code == 0, result.output
    assert (minimal_root / "public" / "index.html").is_file()
    assert run("--data", str(minimal_root), "validate").exit_code == 0


def test_a_folder_with_other_files_is_not_replaced(run, minimal_root, tmp_path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "letter.txt").write_text("keep me", encoding="utf-8")
    result = run("--data", str(minimal_root), "site", "-o", str(out))
    assert result.exit_code == 2
    assert [p.name for p in out.iterdir()] == ["letter.txt"]


def test_a_rebuild_replaces_the_pages_of_the_earlier_site(run, minimal_root, tmp_path) -> None:
    out = tmp_path / "public"
    assert run("--data", str(minimal_root), "site", "-o", str(out)).exit_code == 0
    (out / "index.html").write_text("old", encoding="utf-8")
    assert run("--data", str(minimal_root), "site", "-o", str(out)).exit_code == 0
    assert "<html" in (out / "index.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".public")] == []


def test_start_page_shows_the_latest_lagesbild_and_each_district(site) -> None:
    text = words(" ".join(read_page(site / "index.html").text))
    assert "Källa: Lägesbild inför medborgarlöftena 2024–2025." in text
    assert "Rekrytering av unga till organiserad brottslighet" in text
    links = read_page(site / "index.html").links
    assert {"kommundel-strangnas.html", "kommundel-mariefred.html", "kommundel-stallarholmen.html",
            "kommundel-aker.html"} <= set(links)


def test_an_activity_list_without_a_title_is_headed_by_its_pledges_not_its_id(run, minimal_root,
                                                                              tmp_path) -> None:
    out = tmp_path / "site"
    result = run("--data", str(minimal_root), "site", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = (out / "aktiviteter-al-2024-2025.html").read_text(encoding="utf-8").replace("\u00ad", "")
    assert "<h1>Aktiviteter för medborgarlöftena 2024–2025</h1>" in page
    assert "<h1>al-2024-2025</h1>" not in page
