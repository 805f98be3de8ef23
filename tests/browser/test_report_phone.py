"""Every standalone report kind of the bundled data and the test fixtures, on a phone (390 px)
and a desktop (1280 px): axe finds nothing, nothing scrolls sideways, no word of the text is
split except at a hyphen or soft hyphen, tables are cards whose every cell says its column,
and chart text is at least 12 px on the phone and never cut short with '…'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.claims import make_root
from tests.conftest import BUNDLED, FIXTURES, REPO, Run
from trygghet_cli.render import KINDS

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "tests" / "artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (390, 1280)
# (name, root, extra options): each root with every report kind.
ROOTS = [("strangnas", BUNDLED, ("--as-of", "2025-06-30")),
         ("exempelby", FIXTURES / "exempelby", ("--as-of", "2025-06-30")),
         ("alby", FIXTURES / "area", ("--as-of", "2025-06-30", "-m", "alby")),
         ("three-parties", None, ("--as-of", "2025-06-01"))]
EXTRA = {"yearly": {"strangnas": ("--year", "2019")}}

# The words of the page's text that a line break splits, other than after a hyphen or a soft
# hyphen: found by the line box each character of a word lies on.
SPLIT_WORDS = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, style, script') || !parent.getClientRects().length) continue;
    const text = node.textContent;
    for (const match of text.matchAll(/\\S{2,}/g)) {
      let line = null;
      for (let i = 0; i < match[0].length; i++) {
        range.setStart(node, match.index + i);
        range.setEnd(node, match.index + i + 1);
        const rects = range.getClientRects();
        if (!rects.length) continue;
        const top = Math.round(rects[rects.length - 1].top);
        if (line !== null && top > line + 2 && !'-\\u00ad\\u2010\\u2013/'.includes(match[0][i - 1])) {
          found.push(match[0]);
          break;
        }
        line = top;
      }
    }
  }
  return found;
}"""

UNLABELLED_CELLS = """() => [...document.querySelectorAll('.table-wrap tbody td, .table-wrap tbody th')]
  .filter(cell => !cell.dataset.label).map(cell => cell.textContent.trim().slice(0, 40))"""

CHART_TEXT = """() => [...document.querySelectorAll('svg.chart text')].map(t => ({
  text: t.textContent,
  px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
  right: t.getBBox().x + t.getBBox().width,
  width: t.ownerSVGElement.viewBox.baseVal.width}))"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every report kind of every root as HTML."""
    folder = tmp_path_factory.mktemp("reports")
    run = Run()
    written = {}
    for name, root, extra in ROOTS:
        data = root if root is not None else make_root(folder, "three_parties")
        for kind in KINDS:
            result = run("-d", str(data), "report", kind, "--format", "html", *extra,
                         *EXTRA.get(kind, {}).get(name, ()))
            assert result.exit_code == 0, (name, kind, result.output)
            path = folder / f"{name}-{kind}.html"
            path.write_text(result.stdout, encoding="utf-8")
            written[f"{name}-{kind}"] = path
    ARTIFACTS.mkdir(exist_ok=True)
    return written


def _open(browser: Any, path: Path, width: int) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(path.as_uri())
    return page


def _violations(page: Any) -> list[tuple[str, list[Any]]]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                     "resultTypes": ["violations"]})
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [f"{r[0]}-{k}" for r in ROOTS for k in KINDS])
def test_report_reads_on_a_phone_and_a_desktop(browser, reports, name, width) -> None:
    page = _open(browser, reports[name], width)
    try:
        assert _violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert page.evaluate(SPLIT_WORDS) == []
        assert page.evaluate(UNLABELLED_CELLS) == []
        for text in page.evaluate(CHART_TEXT):
            assert "…" not in text["text"], text
            assert text["right"] <= text["width"] + 1, text
            if width == 390:
                assert text["px"] >= 12, text
        if width == 390 and name in ("strangnas-status", "strangnas-yearly", "exempelby-status"):
            page.screenshot(path=str(ARTIFACTS / f"phone-{name}.png"), full_page=True)
    finally:
        page.close()


def test_a_word_split_inside_is_found_and_one_at_a_soft_hyphen_is_not(browser, tmp_path) -> None:
    """Guards the check above against finding nothing: a word too long for its box is split."""
    page = tmp_path / "split.html"
    page.write_text("<!doctype html><html lang='sv'><body style='font: 16px sans-serif'>"
                    "<p style='width: 6em; overflow-wrap: break-word'>Samverkansöverenskommelsen</p>"
                    "<p style='width: 6em; hyphens: manual'>Samverkans\u00adöverenskommelsen</p>"
                    "</body></html>", encoding="utf-8")
    opened = _open(browser, page, 390)
    try:
        assert opened.evaluate(SPLIT_WORDS) == ["Samverkansöverenskommelsen"]
    finally:
        opened.close()
