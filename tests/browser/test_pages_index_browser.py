"""What the generated CI publishes on GitHub and GitLab Pages, in headless Chromium on a
phone: the start page is styled by the site's CSS, fits 390 px and links every report in
the published folder, the yearly summaries included."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_report_browser import ARTIFACTS
from tests.cli.test_init import _publish_scripts, _shim

pytestmark = pytest.mark.browser
REPORTS = ("loften-", "aktiviteter-", "overenskommelse-", "ar-")


def _first_period(run: Any, root: Path) -> None:
    """A root two years in (so that a yearly summary of an ended year is published)."""
    assert run("init", str(root), "--name", "Nyby kommun", "--code", "0998",
               "--party", "bostader=Nyby Bostäder AB@foretag").exit_code == 0
    for command in (["new", "agreement", "--start", "2024-01-01", "--end", "2027-12-31",
                     "--area", "Trygg stadskärna"],
                    ["new", "pledges", "--start", "2024-01-01", "--end", "2025-12-31",
                     "--pledge", "Vi genomför trygghetsvandringar."],
                    ["activity", "new", "--list", "ml-2024-2025", "--title", "Trygghetsvandring",
                     "--pledge", "ml-2024-2025-1", "--party", "kommun", "--due", "2024-10-31"],
                    ["new", "pledges", "--pledge", "Vi finns i centrum på helgkvällar."]):
        result = run("--data", str(root), *command)
        assert result.exit_code == 0, (command, result.output)


@pytest.mark.parametrize("source", ["new-root", "bundled"])
def test_the_published_index_is_styled_fits_a_phone_and_links_every_report(
        run, browser, tmp_path, bundled_copy, source) -> None:
    if source == "new-root":
        root = ci_files = tmp_path / "nyby"
        _first_period(run, root)
    else:
        root, ci_files = bundled_copy, _init_only(run, tmp_path)
    ARTIFACTS.mkdir(exist_ok=True)
    for ci, (script, folder) in _publish_scripts(ci_files).items():
        done = subprocess.run(["bash", "-e", "-c", script], cwd=root, env=_shim(tmp_path),
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, ci + done.stderr
        site = root / folder
        reports = sorted(p.name for p in site.glob("*.html") if p.name.startswith(REPORTS))
        assert any(name.startswith("ar-") for name in reports), reports
        _check_index(browser, site, reports, f"{source}-{ci}")


def _check_index(browser: Any, site: Path, reports: list[str], name: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto((site / "index.html").as_uri())
        linked = set(page.evaluate("[...document.querySelectorAll('a[href]')]"
                                   ".map(a => a.getAttribute('href'))"))
        assert set(reports) <= linked, sorted(set(reports) - linked)
        # the site's own CSS, not the browser's defaults: its typeface and a column for the text
        font, sheets = page.evaluate("[getComputedStyle(document.body).fontFamily, "
                                     "document.styleSheets.length]")
        assert sheets >= 1 and "Times" not in font, font
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main li'))"
                             ".fontSize)")
        assert size >= 16, size
        for link in page.locator("a[href^='ar-']").all():
            box = link.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        page.screenshot(path=str(ARTIFACTS / f"pages-index-{name}.png"), full_page=True)
    finally:
        page.close()


def _init_only(run: Any, tmp_path: Path) -> Path:
    folder = tmp_path / "ci-files"
    assert run("init", str(folder), "--name", "Exempelby kommun", "--code", "0999").exit_code == 0
    return folder
