"""`trygghet site --municipality`: one municipality's citizen site from a police area's root.

The fixture (tests/fixtures/area) is made up: Alby, Berga, Dalby and Ekeby kommun in one
data root; Dalby and Ekeby share one agreement.
"""

from __future__ import annotations

import re

import pytest

from tests.cli.test_area import AREA, AS_OF, NAMES

JOINT_PAGE = "overenskommelse-so-dalby-ekeby-2024-2027.html"
JOINT = "Dalby kommun och Ekeby kommun"
# The start page's opening sentence names the parties of the agreement the cooperation
# builds on: for Dalby and Ekeby, the joint one.
JOINT_PARTIES = "Dalby kommun, Ekeby kommun och Polisen"


def _build(run, tmp_path, municipality: str) -> dict[str, str]:
    out = tmp_path / municipality
    result = run("--data", str(AREA), "site", "-o", str(out), "--as-of", AS_OF,
                 "--municipality", municipality)
    assert result.exit_code == 0, result.output
    return {p.relative_to(out).as_posix(): p.read_text("utf-8")
            for p in out.rglob("*") if p.is_file()}


def _tag(html: str, tag: str) -> str:
    found = re.search(rf"<{tag}[^>]*>(.*?)</{tag}>", html, re.S)
    assert found, tag
    return " ".join(found.group(1).split())


@pytest.mark.parametrize("municipality", list(NAMES))
def test_the_site_of_one_municipality_names_only_it(run, tmp_path, municipality) -> None:
    site = _build(run, tmp_path, municipality)
    own = NAMES[municipality]
    start = site["index.html"]
    assert _tag(start, "title").startswith(f"Trygghet och samverkan i {own} –")
    assert _tag(start, "h1") == f"Trygghet och samverkan i {own}"
    footer = _tag(start, "footer")
    assert own in footer
    joint = municipality in {"dalby", "ekeby"}
    for name, text in site.items():
        if joint and name == JOINT_PAGE:
            continue  # the joint agreement's own page names both (the next test)
        if joint and name == "index.html":
            text = text.replace(JOINT_PARTIES, "")
        for other in (n for key, n in NAMES.items() if key != municipality):
            assert other not in text, f"{municipality}: {other} on {name}"


@pytest.mark.parametrize("municipality", ["dalby", "ekeby"])
def test_the_joint_agreement_is_on_both_sites_under_both_names(run, tmp_path, municipality) -> None:
    page = _build(run, tmp_path, municipality)[JOINT_PAGE]
    assert JOINT in _tag(page, "title")
    assert (f'<p class="org"><a href="index.html">{JOINT}</a><span class="police-area"> · '
            'Lokalpolisområde Alby</span></p>') in page
    assert not any(n in page for key, n in NAMES.items() if key not in {"dalby", "ekeby"})


def test_the_site_of_an_unknown_municipality_is_a_usage_error(run, tmp_path) -> None:
    out = tmp_path / "site"
    result = run("--data", str(AREA), "site", "-o", str(out), "--municipality", "kil")
    assert result.exit_code == 2
    assert "alby, berga, dalby, ekeby" in result.stderr
    assert not out.exists()
