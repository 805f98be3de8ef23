"""Every page of the citizen site in headless Chromium at 390 and 1280 px and with text at
200 %: axe-core finds no WCAG 2.1 A/AA or best-practice violation, nothing is loaded from
elsewhere, nothing scrolls sideways, no word is broken mid-word on a phone, and in forced-colours
mode every verdict keeps its mark, its words and its frame. Screenshots of the start page are
kept for review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_report_browser import ARTIFACTS, WCAG_TAGS
from tests.conftest import BUNDLED
from tests.sitewalk import html_pages

pytestmark = pytest.mark.browser
WIDTHS = (390, 1280)
# Words (between spaces, hyphens and slashes) whose letters sit on more than one line.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg') || parent.getBoundingClientRect().width <= 2) continue;
    const re = /[^\\s\\-\\u00ad\\u2013\\u2014\\/]+/g;
    let m;
    while ((m = re.exec(node.textContent))) {
      if (m[0].length < 2) continue;
      const range = document.createRange();
      // after a soft hyphen the range also reports the hyphen drawn at the end of the line
      const afterShy = m.index > 0 && node.textContent[m.index - 1] === '\u00ad';
      range.setStart(node, m.index + (afterShy ? 1 : 0));
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                           .map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from trygghet_cli.cli import app

    out = tmp_path_factory.mktemp("site") / "public"
    result = CliRunner().invoke(app, ["--data", str(BUNDLED), "site", "-o", str(out),
                                      "--as-of", "2025-06-30"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    ARTIFACTS.mkdir(exist_ok=True)
    return out




# Text at 200 % (WCAG 1.4.4): every size on the site is in rem or em, so a larger root size is
# what a reader's browser setting for larger text does.
LARGE_TEXT = "html { font-size: 200% !important; }"
TAGS = [*WCAG_TAGS, "best-practice"]


def _axe(axe: Any, page: Any, key: str, problems: dict[str, Any]) -> None:
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS},
                                    "resultTypes": ["violations"]})
    found = [(v["id"], [n["target"] for n in v["nodes"]][:2]) for v in result.response["violations"]]
    if found:
        problems[key] = found


def test_every_page_passes_axe_at_390_and_1280_px_and_at_200_percent_text(browser, site) -> None:
    """axe-core with the WCAG 2.1 A/AA and best-practice rules at 390 and 1280 px and with
    text at 200 % at 1280 px; nothing loaded from elsewhere; no sideways scroll at 200 % text."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems: dict[str, Any] = {}
    page = browser.new_page(viewport={"width": 390, "height": 844})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        for path in html_pages(site):
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 844})
                requests.clear()
                page.goto(path.as_uri())
                _axe(axe, page, f"{path.name}@{width}", problems)
                if requests != [path.as_uri()]:
                    problems[f"{path.name}@{width} requests"] = requests[:]
                if width == 390:
                    _phone_layout(page, path.name, problems)
                page.add_style_tag(content=LARGE_TEXT)
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if overflow > 0:
                    problems[f"{path.name}@{width} 200% overflow"] = overflow
                if width == 1280:
                    _axe(axe, page, f"{path.name}@{width} 200%", problems)
    finally:
        page.close()
    assert problems == {}


def _phone_layout(page: Any, name: str, problems: dict[str, Any]) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems[f"{name}@390 overflow"] = overflow
    broken = page.evaluate(BROKEN_WORDS)
    if broken:
        problems[f"{name}@390 broken words"] = broken[:5]
    small = page.evaluate("[...document.querySelectorAll('svg text')].map(t => "
                          "parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"
                          ".filter(size => size < 12)")
    if small:
        problems[f"{name}@390 chart labels under 12 px"] = small[:3]
    if page.evaluate("document.documentElement.lang") != "sv":
        problems[f"{name} lang"] = page.evaluate("document.documentElement.lang")


def test_start_page_screenshots_at_390_and_1280_px(browser, site) -> None:
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto((site / "index.html").as_uri())
            shot = ARTIFACTS / f"site-start-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            cards = page.evaluate("[...document.querySelectorAll('ol.verdicts > li')]"
                                  ".map(li => Math.round(li.getBoundingClientRect().width))")
            assert len(cards) == 6 and all(w <= width for w in cards)
        finally:
            page.close()


def test_broken_word_check_does_catch_a_word_split_over_two_lines(browser, tmp_path) -> None:
    """Guards the phone test: a word forced to break mid-word is found."""
    page_file = tmp_path / "broken.html"
    page_file.write_text('<!DOCTYPE html><html lang="sv"><body><p style="width:80px;'
                         'overflow-wrap:anywhere">Samverkansöverenskommelsen</p></body></html>',
                         encoding="utf-8")
    page = browser.new_page(viewport={"width": 390, "height": 600})
    try:
        page.goto(page_file.as_uri())
        assert page.evaluate(BROKEN_WORDS) == ["Samverkansöverenskommelsen"]
    finally:
        page.close()


def test_verdicts_keep_mark_words_and_frame_in_forced_colours(browser, site) -> None:
    """Status is never told by colour alone: in forced-colours mode (Windows high contrast) each
    verdict still shows its mark and its words inside a visible border."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        page.emulate_media(forced_colors="active")
        page.goto((site / "index.html").as_uri())
        shown = page.evaluate("""[...document.querySelectorAll('.verdict')].map(v => {
            const style = getComputedStyle(v);
            return [v.querySelector('.mark').innerText.trim(), v.querySelector('.word').innerText.trim(),
                    style.borderTopStyle, parseFloat(style.borderTopWidth)]; })""")
        assert len(shown) == 6
        marks = {"✓", "✗", "!", "→", "○", "?"}
        assert all(mark in marks and word and style != "none" and width >= 1
                   for mark, word, style, width in shown), shown
    finally:
        page.close()
