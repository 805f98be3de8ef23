"""The ten-second test: on a phone (390 × 800) the start page's first screen shows the pledges
in force with a plain verdict each, the period and whether it has ended, and whom to contact,
for the bundled data, every fixture root and a fresh `init` root."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.browser.test_report_browser import ARTIFACTS
from tests.conftest import BUNDLED, FIXTURES
from trygghet_cli.cli import app

pytestmark = pytest.mark.browser
VERDICTS = {"hållet", "inte hållet", "efter plan", "pågår enligt plan", "inte påbörjat",
            "kan inte bedömas"}
# (name, data root or "init", extra options)
ROOTS: list[tuple[str, str, tuple[str, ...]]] = [
    ("bundled-today", str(BUNDLED), ()),
    ("bundled-2025", str(BUNDLED), ("--as-of", "2025-06-30")),
    ("bundled-2019", str(BUNDLED), ("--as-of", "2019-05-01")),
    ("minimal", str(FIXTURES / "minimal"), ("--as-of", "2025-06-30")),
    ("exempelby", str(FIXTURES / "exempelby"), ("--as-of", "2025-06-30")),
    *[(f"area-{m}", str(FIXTURES / "area"), ("--as-of", "2025-06-30", "--municipality", m))
      for m in ("alby", "berga", "dalby", "ekeby")],
    ("init", "init", ()),
]
FIRST_SCREEN = """() => {
  const box = el => el ? el.getBoundingClientRect() : null;
  const fold = window.innerHeight;
  const items = [...document.querySelectorAll('ol.verdicts > li')].map(li => ({
    bottom: box(li).bottom, verdict: li.querySelector('.verdict .word').innerText.trim(),
    text: li.querySelector('.pledge-line').innerText}));
  const state = document.querySelector('.period-state');
  const none = document.querySelector('.now > p');
  const contact = document.querySelector('#contact').closest('section');
  return {fold, items, state: state ? [state.innerText, box(state).bottom] : null,
          none: none ? [none.innerText, box(none).bottom] : null,
          contact: [contact.innerText, box(contact).bottom, contact.querySelectorAll('a').length]};
}"""


def _build(tmp: Path, root: str, extra: tuple[str, ...]) -> Path:
    runner = CliRunner()
    if root == "init":
        root = str(tmp / "fresh")
        made = runner.invoke(app, ["init", root, "--name", "Exempelby kommun", "--code", "0999"],
                             catch_exceptions=False)
        assert made.exit_code == 0, made.output
    out = tmp / "public"
    result = runner.invoke(app, ["--data", root, "site", "-o", str(out), *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def _measure(browser: Any, site: Path, name: str) -> dict[str, Any]:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        page.goto((site / "index.html").as_uri())
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"site-first-screen-{name}.png"))
        found: dict[str, Any] = page.evaluate(FIRST_SCREEN)
        return found
    finally:
        page.close()


@pytest.mark.parametrize(("name", "root", "extra"), ROOTS, ids=[r[0] for r in ROOTS])
def test_pledges_verdicts_period_and_contact_are_on_the_first_phone_screen(
        browser, tmp_path, name, root, extra) -> None:
    shown = _measure(browser, _build(tmp_path, root, extra), name)
    fold = shown["fold"]
    contact_text, contact_bottom, _ = shown["contact"]
    assert contact_bottom <= fold, f"contact ends at {contact_bottom}px"
    assert contact_text.strip()
    if root == "init":
        assert shown["items"] == [] and shown["none"][1] <= fold
        assert "Inga medborgarlöften är publicerade" in shown["none"][0]
        return
    assert shown["items"], "no pledge on the first screen"
    for item in shown["items"]:
        assert item["bottom"] <= fold, f"{item['text'][:40]} ends at {item['bottom']}px"
        assert item["verdict"] in VERDICTS, item["verdict"]
    state, bottom = shown["state"]
    assert bottom <= fold
    assert any(w in state for w in ("gäller till och med", "löpte ut", "gäller från")), state


def test_an_ended_period_says_so_and_what_comes_next(browser, tmp_path) -> None:
    """On 7 December 2026 the bundled pledges (2024–2025) have ended and no newer ones exist."""
    shown = _measure(browser, _build(tmp_path, str(BUNDLED), ("--as-of", "2026-12-07")), "bundled-ended")
    assert shown["state"][0] == ("Löftesperioden löpte ut 31 december 2025. "
                                 "Nya medborgarlöften är inte publicerade här ännu.")


def test_the_declared_public_contact_is_on_the_first_screen(browser, tmp_path) -> None:
    """exempelby declares public_contact in trygghet.yaml: its text and link are shown."""
    shown = _measure(browser, _build(tmp_path, str(FIXTURES / "exempelby"), ("--as-of", "2025-06-30")),
                     "exempelby-contact")
    text, _, links = shown["contact"]
    assert "Kommunens kontaktcenter, via webbplatsen" in text and links == 1
