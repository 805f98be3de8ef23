"""The overview page in headless Chromium: no WCAG 2.1 A/AA violation, no request, it reflows
on a phone, and each ordering is reached by a link without any script."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_report_browser import ARTIFACTS, WCAG_TAGS, _open
from tests.conftest import BUNDLED, FIXTURES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from trygghet_cli.cli import app

    target = tmp_path_factory.mktemp("overview") / "overview.html"
    result = CliRunner().invoke(app, ["overview", str(FIXTURES / "area"), str(BUNDLED), "--as-of",
                                      "2025-06-30", "--format", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    ARTIFACTS.mkdir(exist_ok=True)
    return target


def _shown(page: Any) -> list[list[str]]:
    """For each ordering on screen: its id and the municipalities of its rows, in order."""
    return page.evaluate("[...document.querySelectorAll('section.ordering')]"
                         ".filter(s => s.offsetParent !== null)"
                         ".map(s => [s.id, ...[...s.querySelectorAll('tbody th')]"
                         ".map(th => th.textContent)])")


def test_overview_page_has_no_wcag_violations_and_makes_no_requests(browser, page_file) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, requests = _open(browser, page_file, 1200, 900)
    try:
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                         "resultTypes": ["violations"]})
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                      for v in result.response["violations"]]
        assert violations == []
        assert requests == [page_file.as_uri()]
        page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    finally:
        page.close()


def test_one_ordering_is_shown_and_a_header_link_shows_another_without_scripts(browser,
                                                                                page_file) -> None:
    page, _ = _open(browser, page_file, 1200, 900)
    try:
        by_name = ["Alby kommun", "Berga kommun", "Dalby kommun", "Ekeby kommun", "Strängnäs kommun"]
        assert _shown(page) == [["by-municipality", *by_name]]
        page.click("#by-municipality thead a[href='#by-period']")
        assert page.evaluate("location.hash") == "#by-period"
        # pledge periods ending first come first: 2025-12-31 (by name), 2026-06-30, 2026-12-31
        assert _shown(page) == [["by-period", "Alby kommun", "Ekeby kommun", "Strängnäs kommun",
                                 "Berga kommun", "Dalby kommun"]]
        assert page.evaluate("document.querySelector('#by-period th[aria-sort]').textContent") == \
            "Löftesperiod"
        page.click("nav.orders a[href='#by-overdue']")
        assert _shown(page)[0][:2] == ["by-overdue", "Alby kommun"]
    finally:
        page.close()


def test_overview_page_reflows_on_a_phone_without_sideways_scrolling(browser, page_file) -> None:
    page, _ = _open(browser, page_file, 390, 844)
    try:
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        page.screenshot(path=str(ARTIFACTS / "overview-mobile.png"), full_page=True)
    finally:
        page.close()
