"""The accessibility statement has every element DIGG lists (digg.se, "Skapa en
tillgänglighetsredogörelse"), its compliance follows from the shortcomings it lists, and a
site without a way to report shortcomings is built with a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import BUNDLED, FIXTURES
from tests.sitewalk import read_page, words
from trygghet_cli.site import selfcheck

LAW = "lagen om tillgänglighet till digital offentlig service"


def _root(tmp_path: Path, site_yaml: str) -> Path:
    root = tmp_path / "exempelby"
    shutil.copytree(FIXTURES / "exempelby", root)
    config = root / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8") + site_yaml, encoding="utf-8")
    return root


def _statement(run, tmp_path: Path, root: Path) -> tuple[str, list[str], str]:
    out = tmp_path / "public"
    result = run("--data", str(root), "site", "-o", str(out), "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    page = read_page(out / "tillganglighet.html")
    return words(" ".join(page.text)), page.links, " ".join(result.stderr.split())


def test_the_statement_has_every_element_of_digg_s_list(run, tmp_path) -> None:
    root = _root(tmp_path, "site:\n  accessibility_contact: tillganglighet@exempelby.example\n")
    text, links, stderr = _statement(run, tmp_path, root)
    elements = {
        "the public body": "Exempelby kommun (testdata) står bakom webbplatsen",
        "the service": "webbplatsen Trygghet och samverkan i Exempelby kommun (testdata)",
        "compliance in the law's words": f"är helt förenlig med {LAW}",
        "content that is not accessible": "Innehåll som inte är tillgängligt",
        "date of assessment": "Den senaste bedömningen gjordes 30 juni 2025",
        "date of the latest update": "Redogörelsen uppdaterades senast 30 juni 2025",
        "method": "Självskattning",
        "disproportionate burden (12 §)": "Oskäligt betungande anpassning",
        "content outside the law (9 §)": "Innehåll som inte omfattas av lagkraven",
    }
    missing = [name for name, phrase in elements.items() if phrase not in text]
    assert missing == []
    assert "mailto:tillganglighet@exempelby.example" in links
    assert "https://www.digg.se/tdosanmalan" in links
    assert "varning" not in stderr


def test_without_an_accessibility_contact_the_build_warns_and_the_statement_says_delvis(
        run, tmp_path) -> None:
    text, links, stderr = _statement(run, tmp_path, BUNDLED)
    assert "varning: trygghet.yaml anger ingen accessibility_contact under site:" in stderr
    assert f"är delvis förenlig med {LAW}, på grund av de brister som beskrivs nedan" in text
    assert "Redogörelsen anger ännu inget sätt att rapportera brister" in text
    assert "https://www.digg.se/tdosanmalan" in links


def test_declared_assessment_is_shown_but_never_helt_beside_a_shortcoming(run, tmp_path) -> None:
    root = _root(tmp_path, (
        "site:\n  accessibility_contact: https://exempelby.example/tillganglighet\n"
        "  accessibility:\n    compliance: helt\n    assessed: 2025-05-02\n"
        "    method: Granskning av extern part (Exempelgranskarna AB).\n"
        "    shortcomings:\n      - Kartan över kommundelarna saknar textalternativ.\n"
        "    disproportionate_burden:\n      - Äldre protokoll som skannade bilder.\n"))
    text, links, _ = _statement(run, tmp_path, root)
    assert f"är delvis förenlig med {LAW}" in text
    assert "Kartan över kommundelarna saknar textalternativ." in text
    assert "Äldre protokoll som skannade bilder." in text
    assert "Den senaste bedömningen gjordes 2 maj 2025" in text
    assert "Granskning av extern part (Exempelgranskarna AB)." in text
    assert "https://exempelby.example/tillganglighet" in links


def test_the_build_finds_a_duplicate_id_a_missing_title_and_an_unlabelled_navigation() -> None:
    page = ('<!DOCTYPE html><html lang="sv"><head><title> </title></head><body><nav></nav>'
            '<h1 id="a">A</h1><p id="a"><a href="x.html"></a><img src="x.png"></p></body></html>')
    found = {s.key: s.detail for s in selfcheck.check_page("p.html", page)}
    assert found == {"duplicate_id": "a", "no_title": "", "nav": "", "img_alt": "", "empty_link": ""}
    good = ('<!DOCTYPE html><html lang="sv"><head><title>T</title></head><body>'
            '<nav aria-label="Delar"><a href="x.html">X</a></nav><h1 id="a">A</h1></body></html>')
    assert selfcheck.check_page("q.html", good) == []


def test_every_page_of_the_bundled_site_passes_the_build_s_own_checks(run, tmp_path) -> None:
    out = tmp_path / "public"
    assert run("--data", str(BUNDLED), "site", "-o", str(out)).exit_code == 0
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    assert selfcheck.check_site(pages) == []


def test_a_year_with_two_pledge_sets_and_a_shared_activity_has_unique_ids(run, tmp_path) -> None:
    """The yearly page's anchors and outcome tables stay unique when two pledge sets fall in one
    year and one activity serves two pledges."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    first = root / "pledges" / "2024-2025.yaml"
    text = first.read_text(encoding="utf-8")
    (root / "pledges" / "2025-h2.yaml").write_text(
        text.replace("id: ml-2024-2025", "id: ml-2025-h2").replace("start: 2024-01-01", "start: 2025-07-01")
        .replace("id: ml-1", "id: ml-h2-1").replace("id: ml-2", "id: ml-h2-2"), encoding="utf-8")
    first.write_text(text.replace("end: 2025-12-31", "end: 2025-06-30"), encoding="utf-8")
    acts = root / "activities" / "2024-2025.yaml"
    acts.write_text(acts.read_text(encoding="utf-8").replace("pledges: [ml-1]", "pledges: [ml-1, ml-2]")
                    .replace("due: 2025-06-30", "due: 2025-06-01"), encoding="utf-8")
    out = tmp_path / "public"
    result = run("--data", str(root), "site", "-o", str(out), "--as-of", "2026-01-15")
    assert result.exit_code == 0, result.output
    yearly = (out / "ar-2025.html").read_text(encoding="utf-8")
    assert yearly.count('<h2 id="set-') == 2
    assert selfcheck.check_page("ar-2025.html", yearly) == []
    assert selfcheck.check_page("ar-2024.html", (out / "ar-2024.html").read_text(encoding="utf-8")) == []
