"""The bundled Strängnäs data says what the municipality's own page says, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED, FIXTURES
from trygghet_cli.model import Model
from trygghet_cli.root import repository

# The text of https://turism.strangnas.se/omsorg-och-hjalp/trygg-och-saker/samverkan-kommun-och-polis
# (source s-samv-new), as published; its bullets are the priority areas and the pledges.
PAGE = FIXTURES / "sources" / "samverkan-kommun-och-polis.txt"


def bullets_after(heading: str, page: Path = PAGE) -> list[str]:
    """The bullet points that follow a heading line of the page, up to the next paragraph."""
    lines = page.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    found: list[str] = []
    for line in lines[start + 1:]:
        if line.strip().startswith("•"):
            found.append(line.strip().removeprefix("•").strip())
        elif found and line.strip():
            break
    return found


def words(text: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces (YAML folds lines)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def model() -> Model:
    return repository.load_valid(BUNDLED).model


AREAS = bullets_after("De prioriterade områdena för den kommande perioden är att:")
PLEDGES = bullets_after("Polisens och Strängnäs kommuns medborgarlöften 2024-2025")


def test_the_page_lists_six_priority_areas_and_six_pledges() -> None:
    assert (len(AREAS), len(PLEDGES)) == (6, 6)


@pytest.mark.parametrize("area", AREAS)
def test_every_priority_area_of_the_page_is_in_the_2023_2026_agreement_verbatim(
        model: Model, area: str) -> None:
    agreement = model.agreement("so-2023-2026")
    assert agreement is not None
    assert area in [words(a.description or "") for a in agreement.areas]


@pytest.mark.parametrize("pledge", PLEDGES)
def test_every_pledge_of_the_page_is_in_the_2024_2025_pledges_verbatim(
        model: Model, pledge: str) -> None:
    pledges = model.pledge_set("ml-2024-2025")
    assert pledges is not None
    assert pledge in [words(p.text) for p in pledges.pledges]
    cited = {p.id for p in pledges.pledges if words(p.text) == pledge}
    raw = {p["id"]: p for p in pledges.raw["pledges"]}
    assert all("s-samv-new" in raw[i]["sources"] for i in cited)
