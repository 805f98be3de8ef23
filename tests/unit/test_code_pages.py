"""Every finding code has a page (docs/codes/TRYnnn.md) whose examples really give, and do not give, it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from trygghet_cli.explain import Example, page_codes, read_page, render
from trygghet_cli.findings import CODES, RETIRED, Severity
from trygghet_cli.formats import DEPRECATIONS
from trygghet_cli.validate import run as validate_run

PAGES = Path(__file__).resolve().parents[2] / "docs" / "codes"
# A code whose page may show no example, and why. Keep this list short.
NO_EXAMPLE = {"TRY209": "the shipped schemas use no keyword that only TRY209 reports"}
HOW = ("copy docs/codes/TRY205.md to docs/codes/{code}.md and fill it in: the title line "
       "'# {code}: svenskt namn / English name', the Svenska and English sections (what it means, "
       "how to fix it), and two ```yaml path=FOLDER/FILE.yaml blocks: one under "
       "'## Ger koden / Gives the code' that gives {code} when it replaces that file of "
       "tests/fixtures/minimal, one under '## Ger inte koden / Does not give the code' that does not")


def _findings(example: Example, tmp_path: Path) -> list[tuple[str, Severity]]:
    shutil.rmtree(tmp_path, ignore_errors=True)
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    target = root / example.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if example.folder:
        target.mkdir()
    else:
        target.write_bytes(example.content())
    # A path above the root ("../drafts/x.yaml") shows a file outside any data root, named to validate.
    outside = [target] if example.path.startswith("../") else []
    report = validate_run.validate([root, *outside], use_cache=False)
    return [(f.code, f.severity) for f in report.findings]


def test_every_code_in_the_catalogue_has_a_page() -> None:
    missing = sorted(set(CODES) - set(page_codes()))
    assert not missing, "\n".join(f"{code} has no page: " + HOW.format(code=code) for code in missing)


def test_every_page_is_for_a_code_in_the_catalogue_or_a_retired_one() -> None:
    assert set(page_codes()) <= set(CODES) | set(RETIRED), (
        "remove the page of a code that findings.CODES no longer has, or name it in findings.RETIRED")
    assert not set(CODES) & set(RETIRED), "a retired code is never given again"


@pytest.mark.parametrize("code", sorted(RETIRED))
def test_a_retired_codes_page_says_since_when_and_shows_no_example(code: str) -> None:
    page = read_page(code)
    assert page.failing is None and page.passing is None
    assert f"Används inte längre sedan trygghet {RETIRED[code]}." in page.text["sv"]
    assert f"No longer given since trygghet {RETIRED[code]}." in page.text["en"]


@pytest.mark.parametrize("code", sorted(CODES))
def test_the_failing_example_gives_the_code_and_the_passing_one_does_not(code: str, tmp_path: Path) -> None:
    if not (PAGES / f"{code}.md").is_file():
        pytest.fail(f"{code} has no page: " + HOW.format(code=code))
    page = read_page(code)
    if code in NO_EXAMPLE:
        assert page.failing is None, f"{code} now has an example: remove it from NO_EXAMPLE"
        return
    needs = f"docs/codes/{code}.md needs both examples: " + HOW.format(code=code)
    assert page.failing and page.passing, needs
    failing = _findings(page.failing, tmp_path)
    # A deprecated rule is a warning in a root of format 1, as the examples are (formats.py).
    severities = {CODES[code][0], *([Severity.WARNING] if code in DEPRECATIONS else [])}
    assert any((code, severity) in failing for severity in severities), (
        f"the failing example in docs/codes/{code}.md gives {sorted({c for c, _ in failing})}, not {code}")
    passing = _findings(page.passing, tmp_path)
    assert code not in {c for c, _ in passing}, f"the passing example in docs/codes/{code}.md gives {code}"
    errors = sorted({c for c, s in passing if s is Severity.ERROR})
    assert not errors, f"the passing example in docs/codes/{code}.md has errors: {errors}"


def test_a_page_prints_in_the_language_asked_for_within_80_columns() -> None:
    page = read_page("TRY205")
    swedish, english = render(page, "sv"), render(page, "en")
    assert swedish.startswith("TRY205: ogiltigt datum\n") and "Så rättar du." in swedish
    assert english.startswith("TRY205: invalid date\n") and "How to fix it." in english
    assert "2025-02-30" in swedish and "English" not in swedish
    assert max(len(line) for line in (swedish + english).splitlines() if not line.startswith("    ")) <= 80


def test_the_index_links_every_page() -> None:
    index = (PAGES / "README.md").read_text(encoding="utf-8")
    missing = [code for code in page_codes() if f"]({code}.md)" not in index]
    assert not missing, f"add a row for {missing} to the table in docs/codes/README.md"
