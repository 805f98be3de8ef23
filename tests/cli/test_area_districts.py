"""Districts belong to a municipality: each municipality's pages show its own districts, and a
document may name only the districts of its municipalities (TRY321, TRY322).

The fixture (tests/fixtures/area) is made up: Alby, Berga, Dalby and Ekeby kommun, one
district each ("Alby centrum", ...); the area-wide lägesbild of November 2024 belongs to
all four and says something about Berga centrum.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.test_area import AREA, AS_OF, NAMES


@pytest.fixture
def area_root(tmp_path: Path) -> Path:
    root = tmp_path / "area"
    shutil.copytree(AREA, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _findings(run, root: Path, code: str) -> tuple[int, list[dict[str, object]]]:
    result = run("--data", str(root), "validate", "--format", "json")
    return result.exit_code, [f for f in json.loads(result.stdout)["findings"] if f["code"] == code]


@pytest.mark.parametrize("municipality", list(NAMES))
def test_the_site_of_a_municipality_has_pages_for_its_own_districts_only(run, tmp_path,
                                                                          municipality) -> None:
    out = tmp_path / "site"
    result = run("--data", str(AREA), "site", "-o", str(out), "--as-of", AS_OF,
                 "--municipality", municipality)
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in out.glob("kommundel-*.html"))
    assert pages == [f"kommundel-{municipality}-centrum.html"]
    start = (out / "index.html").read_text(encoding="utf-8")
    own = f"{municipality.capitalize()} centrum"
    assert f'href="kommundel-{municipality}-centrum.html"' in start and own in start
    others = [f"{m.capitalize()} centrum" for m in NAMES if m != municipality]
    assert not [name for name in others if name in start]


def test_an_area_lagesbild_shows_the_own_district_and_the_joint_ones_it_speaks_of(run) -> None:
    alby = run("--data", str(AREA), "report", "lagesbild", "--period", "lb-omradet-2024",
               "--format", "md", "--municipality", "alby")
    assert alby.exit_code == 0, alby.output
    assert "- **Alby centrum:** *Lägesbilden säger inget särskilt om kommundelen.*" in alby.stdout
    assert "- **Berga centrum:** Oro för trafiken vid skolorna i Berga centrum." in alby.stdout
    assert "Dalby centrum" not in alby.stdout and "Ekeby centrum" not in alby.stdout


def test_every_district_of_a_root_of_several_names_its_municipality(run, area_root) -> None:
    _edit(area_root / "trygghet.yaml", "    name: Dalby centrum\n    municipality: dalby\n",
          "    name: Dalby centrum\n")
    code, found = _findings(run, area_root, "TRY322")
    # a warning in a root of data format 1, which trygghet 0.1 wrote without municipality:
    assert code == 0 and len(found) == 1 and found[0]["severity"] == "warning"
    _edit(area_root / "trygghet.yaml", "police_area:", "format: 2\npolice_area:")
    code, found = _findings(run, area_root, "TRY322")
    assert code == 1 and len(found) == 1
    assert found[0]["path"].endswith("trygghet.yaml") and found[0]["line"] == 53
    assert "'municipality: alby'" in str(found[0]["hint"])
    text = run("--data", str(area_root), "validate").stdout
    assert "kommundelen 'dalby-centrum' anger inte vilken av de 4 kommunerna den ligger i" in text


def test_an_activity_in_another_municipalitys_district_is_an_error(run, area_root) -> None:
    _edit(area_root / "activities" / "alby-2024-2025.yaml", "districts: [alby-centrum]",
          "districts: [berga-centrum]")
    code, found = _findings(run, area_root, "TRY321")
    assert code == 1 and len(found) == 1
    assert found[0]["path"].endswith("activities/alby-2024-2025.yaml") and found[0]["line"] == 9
    text = run("--data", str(area_root), "validate").stdout
    assert ("kommundelen 'berga-centrum' ligger i Berga kommun, men 'al-alby-2024-2025' hör till "
            "Alby kommun") in text
    english = run("--data", str(area_root), "--lang", "en", "validate").stdout
    assert "add berga to the document's 'municipalities:'" in english


def test_a_lagesbild_names_only_districts_of_its_municipalities(run, area_root) -> None:
    path = area_root / "situation" / "2025-03-berga.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "districts:\n  - district: ekeby-centrum\n"
                    "    summary: Lugnt.\n", encoding="utf-8")
    code, found = _findings(run, area_root, "TRY321")
    assert code == 1 and [f["line"] for f in found] == [7]
    # The area-wide lägesbild belongs to all four: any of their districts is fine there.
    assert "2024-11.yaml" not in json.dumps(found)


def test_a_joint_document_may_name_the_districts_of_both_municipalities(run, area_root) -> None:
    _edit(area_root / "activities" / "dalby-2025-2026.yaml", "districts: [dalby-centrum]",
          "districts: [dalby-centrum, ekeby-centrum]")
    _edit(area_root / "pledges" / "dalby-2025-2026.yaml", "agreement: so-dalby-ekeby-2024-2027\n",
          "agreement: so-dalby-ekeby-2024-2027\nmunicipalities: [dalby, ekeby]\n")
    code, found = _findings(run, area_root, "TRY321")
    assert (code, found) == (0, [])


def test_a_lagesbild_of_no_municipality_in_a_root_of_several_is_an_error(run, area_root) -> None:
    _edit(area_root / "situation" / "2024-11.yaml", "municipalities: [alby, berga, dalby, ekeby]\n", "")
    code, found = _findings(run, area_root, "TRY313")
    # trygghet 0.1 did not ask a lägesbild: a warning in a root of format 1, an error in format 2
    assert code == 0 and [f["severity"] for f in found] == ["warning"]
    _edit(area_root / "trygghet.yaml", "police_area:", "format: 2\npolice_area:")
    code, found = _findings(run, area_root, "TRY313")
    assert code == 1 and [f["path"].rsplit("/", 1)[-1] for f in found] == ["2024-11.yaml"]
    # compiled_by names a municipality's party: the lägesbild belongs to it.
    _edit(area_root / "situation" / "2024-11.yaml", "compiled_by: [polis]", "compiled_by: [alby, polis]")
    code, found = _findings(run, area_root, "TRY313")
    assert found == []
    assert code == 1  # Berga centrum is not Alby's: TRY321
    assert [f["line"] for f in _findings(run, area_root, "TRY321")[1]] == [7]


def test_a_district_of_an_unknown_municipality_is_reported(run, minimal_root) -> None:
    _edit(minimal_root / "trygghet.yaml", "    name: Norr\n", "    name: Norr\n    municipality: grannby\n")
    code, found = _findings(run, minimal_root, "TRY312")
    assert code == 1 and len(found) == 1 and found[0]["line"] == 19
