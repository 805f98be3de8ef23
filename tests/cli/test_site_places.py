"""Pages by district and by priority area: a citizen narrows the site to their own district or
to a theme and sees the pledges that concern it, with their verdicts, and the activities."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from tests.sitewalk import read_page, words

VERDICT = re.compile(r'<span class="word">([^<]+)</span>')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from trygghet_cli.cli import app

    out = tmp_path_factory.mktemp("places") / "public"
    result = CliRunner().invoke(app, ["--data", str(BUNDLED), "site", "-o", str(out), "--as-of",
                                      "2025-06-30"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_a_theme_page_lists_the_pledges_that_serve_the_area_with_their_verdicts(site) -> None:
    page = (site / "omrade-so23-trygga-miljoer.html").read_text(encoding="utf-8")
    text = words(" ".join(read_page(site / "omrade-so23-trygga-miljoer.html").text))
    assert "Prioriterat område: Verka för trygga miljöer inomhus och utomhus" in text
    assert "Gemensamt samla information, se över och genomföra åtgärder" in text
    assert "Verka för att kontinuerligt ha fler vuxna i det offentliga rummet" in text
    assert "Arbeta för att upprätthålla och successivt öka förtroendet" not in text  # kommunikation
    assert VERDICT.findall(page) == ["kan inte bedömas", "kan inte bedömas"]
    assert "Fältare och nattvandrare skapar trygga miljöer" in text
    assert 'href="loften-ml-2024-2025.html#pledge-3"' in page


def test_a_district_page_lists_the_pledges_with_activities_there(site) -> None:
    text = words(" ".join(read_page(site / "kommundel-strangnas.html").text))
    assert "Löften med aktiviteter i kommundelen" in text
    assert "hållet" in text  # the 2019 pledge whose activities in Strängnäs were all done


def test_the_district_overview_links_every_district_from_the_schematic_and_the_list(site) -> None:
    page = read_page(site / "kommundelar.html")
    districts = sorted(p.name for p in site.glob("kommundel-*.html"))
    assert len(districts) == 4
    assert sorted(set(h for h in page.links if h.startswith("kommundel-"))) == districts
    html = (site / "kommundelar.html").read_text(encoding="utf-8")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert sorted(re.findall(r'<a href="([^"]+)">', svg)) == districts
    assert 'role="group"' in svg and "<title" in svg


def test_the_start_page_leads_to_the_districts_and_the_current_agreement_s_themes(site) -> None:
    links = read_page(site / "index.html").links
    assert "kommundelar.html" in links
    assert "omrade-so23-trafik.html" in links and "omrade-so20-unga-brott.html" not in links
