"""The README's run-through, from `trygghet init` to a first meeting report, exactly as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.conftest import REPO


def readme_commands() -> list[list[str]]:
    """The commands between the run-through markers of README.md, continuation lines joined."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- run-through: start -->\n(.*?)<!-- run-through: end -->", text, re.S)
    assert block is not None
    joined = block.group(1).replace("\\\n", " ")
    return [shlex.split(line) for line in joined.splitlines() if line.strip()]


def test_the_readme_run_through_makes_a_first_meeting_report(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    outputs = []
    for command in readme_commands():
        if command[0] == "cd":
            monkeypatch.chdir(Path.cwd() / command[1])
            continue
        assert command[0] == "trygghet"
        result = run(*command[1:])
        assert result.exit_code == 0, (command, result.output)
        outputs.append(result.stdout)
    root = tmp_path / "exempelby"
    assert sorted(p.name for p in (root / "activities").glob("*.yaml")) == ["2026-2027.yaml"]
    said = "".join(outputs)
    assert "Skapade överenskommelse sk-2026-2029 med 2 prioriterade områden" in said
    assert "Skapade medborgarlöften ml-2026-2027 med 2 löften" in said
    assert "Ny aktivitet a2026-01 (planerad): Trygghetsvandring i Norr" in said
    assert "a2026-01: planerad → pågår\n" in said
    assert "a2026-01: utfall 2 (delrapport), 30 jun 2026\n" in said
    status = outputs[-2]
    assert "per 1 juli 2026" in status
    assert "Mål: 2 av minst 4" in status
    assert "minst 1 per vecka" in status
    report = (root / "mote-2026-07.html").read_text(encoding="utf-8")
    assert "1 juli 2026" in report
    assert "Trygghetsvandring i Norr" in report
    assert run("validate").exit_code == 0
