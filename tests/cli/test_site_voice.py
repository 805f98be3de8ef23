"""The citizen pages speak in the municipality's voice (issue 24): none of the site's own words
is data-speak ("underlaget", "git", "datan", "registrerat", "inte känt"), and the start page
claims only the parts the data has. A forbidden word may appear only inside text the
municipality wrote itself in its data files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import BUNDLED, FIXTURES
from tests.sitewalk import html_pages, read_page, words
from trygghet_cli.cli import app

FORBIDDEN = re.compile(r"\b(underlaget|git|datan|registrera\w*|inte kända?)\b", re.IGNORECASE)
ROOTS = [("bundled", BUNDLED, ("--as-of", "2025-06-30")), ("bundled-today", BUNDLED, ()),
         ("minimal", FIXTURES / "minimal", ("--as-of", "2024-06-30")),
         ("exempelby", FIXTURES / "exempelby", ("--as-of", "2025-06-30")),
         ("area-berga", FIXTURES / "area", ("--as-of", "2025-06-30", "--municipality", "berga")),
         ("init", None, ())]


def _build(tmp_path: Path, root: Path | None, extra: tuple[str, ...]) -> tuple[Path, Path]:
    runner = CliRunner()
    if root is None:
        root = tmp_path / "fresh"
        made = runner.invoke(app, ["init", str(root), "--name", "Exempelby kommun", "--code", "0999"])
        assert made.exit_code == 0, made.output
    out = tmp_path / "public"
    result = runner.invoke(app, ["--data", str(root), "site", "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return root, out


def _data_text(root: Path) -> str:
    return words(" ".join(p.read_text(encoding="utf-8") for p in root.rglob("*.yaml")))


@pytest.mark.parametrize(("name", "root", "extra"), ROOTS, ids=[r[0] for r in ROOTS])
def test_no_page_says_underlaget_git_datan_registrerat_or_inte_kant(tmp_path, name, root, extra) -> None:
    root, out = _build(tmp_path, root, extra)
    written = _data_text(root)
    found = []
    for path in html_pages(out):
        for sentence in re.split(r"(?<=[.!?:])\s+", words(" ".join(read_page(path).text))):
            if FORBIDDEN.search(sentence) and sentence.rstrip(".:") not in written:
                found.append(f"{path.name}: {sentence}")
    assert found == []


def test_a_root_without_an_agreement_is_not_said_to_have_one(tmp_path) -> None:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.rmtree(root / "agreements")
    pledges = root / "pledges" / "2024-2025.yaml"
    text = pledges.read_text(encoding="utf-8").replace("agreement: so-2024-2027\n", "")
    pledges.write_text(re.sub(r"    areas: \[[^\]]*\]\n", "", text), encoding="utf-8")
    _, out = _build(tmp_path, root, ("--as-of", "2024-06-30"))
    text = words(" ".join(read_page(out / "index.html").text))
    assert "samverkansöverenskommelse" not in text.lower()
    assert "Samarbetet bygger på medborgarlöften: konkreta åtaganden till invånarna." in text
