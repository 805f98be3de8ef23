"""Every HTML report kind in headless Chromium: axe-core finds no WCAG 2.1 A/AA violation,
the page needs no network, it reflows on a phone, and a screenshot is kept for review."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BUNDLED, FIXTURES, REPO
from trygghet_cli.render import Request, render
from trygghet_cli.root import repository

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "tests" / "artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# (name, kind, period, year, as_of, language, root): every kind, both languages across the set;
# the lägesbild and council reports also on the test municipality with five years of indicators.
PAGES = [
    ("yearly", "yearly", None, 2019, date(2020, 2, 1), "sv", BUNDLED),
    ("pledges", "pledges", "2024-2025", None, date(2025, 6, 30), "sv", BUNDLED),
    ("status", "status", "2019", None, date(2019, 9, 15), "en", BUNDLED),
    ("agreement", "agreement", "2023-2026", None, date(2025, 6, 30), "en", BUNDLED),
    ("lagesbild", "lagesbild", "lb-2024", None, date(2025, 6, 30), "sv", BUNDLED),
    ("council", "council", None, 2024, date(2025, 2, 1), "en", BUNDLED),
    ("lagesbild-exempelby", "lagesbild", None, None, date(2025, 6, 30), "sv", FIXTURES / "exempelby"),
    ("council-exempelby", "council", None, None, date(2025, 6, 30), "sv", FIXTURES / "exempelby"),
]


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    written = {}
    for name, kind, period, year, as_of, lang, root in PAGES:
        req = Request(kind, "html", lang, as_of, True, period=period, year=year)
        path = folder / f"{name}.{lang}.html"
        path.write_text(render(repository.load_valid(root).model, req), encoding="utf-8")
        written[name] = path
    ARTIFACTS.mkdir(exist_ok=True)
    return written


def _open(browser: Any, path: Path, width: int, height: int) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, requests


@pytest.mark.parametrize("kind", [p[0] for p in PAGES])
def test_html_report_has_no_wcag_violations_makes_no_requests_and_orders_headings(browser, pages,
                                                                                  kind) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, requests = _open(browser, pages[kind], 1200, 900)
    try:
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                         "resultTypes": ["violations"]})
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]
        assert violations == []
        assert requests == [pages[kind].as_uri()]
        assert page.evaluate("document.documentElement.lang") in {"sv", "en"}
        levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
                               ".map(h => Number(h.tagName[1]))")
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
        page.screenshot(path=str(ARTIFACTS / f"report-{kind}.png"), full_page=True)
    finally:
        page.close()


@pytest.mark.parametrize("kind", [p[0] for p in PAGES])
def test_html_report_reflows_on_a_phone_without_sideways_scrolling(browser, pages, kind) -> None:
    page, _ = _open(browser, pages[kind], 360, 740)
    try:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        page.screenshot(path=str(ARTIFACTS / f"report-{kind}-mobile.png"), full_page=True)
    finally:
        page.close()


def test_axe_harness_does_find_a_planted_violation(browser, pages) -> None:
    """Guards the suite against an axe run that silently checks nothing (CSP, injection)."""
    from axe_playwright_python.sync_playwright import Axe

    broken = pages["agreement"].with_name("broken.html")
    broken.write_text(pages["agreement"].read_text(encoding="utf-8").replace(
        "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><img src=\"data:,\">"),
        encoding="utf-8")
    page, _ = _open(browser, broken, 1200, 900)
    try:
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                         "resultTypes": ["violations"]})
    finally:
        page.close()
    assert "image-alt" in [v["id"] for v in result.response["violations"]]
