"""The README that `trygghet init` writes walks a new municipality from init to a first
meeting report; its commands are run here exactly as written, in the new data root."""

from __future__ import annotations

import re
import shlex
from datetime import date

import pytest

NYBY = ["--name", "Nyby kommun", "--code", "0998", "--police-area", "Lokalpolisområde Nyby",
        "--district", "norr=Nyby norra", "--district", "Söder",
        "--party", "bostader=Nyby Bostäder AB@foretag",
        "--function", "Fältsekreterare@kommun", "--function", "Områdespolis@polis",
        "--function", "bovard=Bovärd@bostader"]


def _block(readme: str, name: str) -> list[list[str]]:
    """The commands of a run-through block, continuation lines joined."""
    found = re.search(rf"<!-- run-through: start {name} -->\n(.*?)<!-- run-through: end -->",
                      readme, re.S)
    assert found is not None, f"no {name} block"
    joined = found.group(1).replace("\\\n", " ")
    return [shlex.split(line) for line in joined.splitlines() if line.strip()]


@pytest.mark.parametrize("options", [[], NYBY], ids=["defaults", "three-parties"])
def test_the_generated_readme_runs_from_init_to_a_meeting_report(run, tmp_path, monkeypatch,
                                                                  options) -> None:
    root = tmp_path / "kommun"
    made = run("init", str(root), *(options or ["--name", "Exempelby kommun", "--code", "0999"]))
    assert made.exit_code == 0, made.output
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert max(len(line) for line in readme.splitlines() if not line.startswith("    ")) <= 80

    [init] = _block(readme, "init")
    again = tmp_path / "igen"
    again.mkdir()
    monkeypatch.chdir(again)
    assert init[:3] == ["trygghet", "init", "."]
    assert run(*init[1:]).exit_code == 0
    assert (again / "trygghet.yaml").read_bytes() == (root / "trygghet.yaml").read_bytes()

    monkeypatch.chdir(root)
    commands = _block(readme, "first-period")
    assert [c[1] for c in commands] == ["new", "new", "activity", "activity", "activity",
                                        "activity", "status", "report"]
    said = []
    for command in commands:
        assert command[0] == "trygghet"
        result = run(*command[1:])
        assert result.exit_code == 0, (command, result.output)
        said.append(result.stdout)
    year = date.today().year
    assert f"Skapade överenskommelse sk-{year}-{year + 3} med 2 prioriterade områden" in said[0]
    assert f"Skapade medborgarlöften ml-{year}-{year + 1} med 2 löften" in said[1]
    assert f"Ny aktivitet a{year}-01 (planerad): Trygghetsvandring" in said[2]
    assert f"Ny aktivitet a{year}-02 (planerad): Helgpatrull i centrum" in said[3]
    assert f"a{year}-01: planerad → pågår" in said[4]
    assert f"a{year}-01: utfall 2 (delrapport)" in said[5]
    assert "Mål: 2 av minst 4" in said[6] and "minst 1 per vecka" in said[6]
    report = (root / "mote.html").read_text(encoding="utf-8")
    assert "Trygghetsvandring" in report and "Helgpatrull i centrum" in report
    assert run("validate").exit_code == 0
