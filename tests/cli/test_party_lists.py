"""A list of parties reads right when a name holds a comma or 'och': every output that names
parties (reports in Markdown and HTML, the site, status) separates such names with semicolons,
in Swedish and English. Golden files hold the lines of each output that name a party or a
function with a comma, so that a change of the surrounding page does not touch them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "party_lists"
AS_OF = "2026-07-01"
POLICE = "Polismyndigheten, lokalpolisområde Vretby"
FIELD_GROUP = "Fältgruppen, socialtjänsten"


@pytest.fixture(scope="module")
def vretby(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A root from init with a police party named as the police write it, a third party and a
    function whose name holds a comma, and a period with one activity of all three."""
    from typer.testing import CliRunner

    from trygghet_cli.cli import app

    root = tmp_path_factory.mktemp("lists") / "vretby"
    runner = CliRunner()
    steps = [
        ["init", str(root), "--name", "Vretby kommun", "--code", "0999", "--police-area",
         "Lokalpolisområde Vretby", "--party", f"polis={POLICE}@polis", "--party",
         "vretbyhem=Vretbyhem AB@foretag", "--function", f"faltgruppen={FIELD_GROUP}@kommun",
         "--function", "kommunpolis=Kommunpolis@polis", "--function", "bovard=Bovärd@vretbyhem"],
        ["--data", str(root), "new", "agreement", "--start", "2026-01-01", "--end", "2029-12-31",
         "--area", "Trygg stadskärna"],
        ["--data", str(root), "new", "pledges", "--start", "2026-01-01", "--end", "2027-12-31",
         "--pledge", "Vi genomför trygghetsvandringar.", "--party", "kommun", "--party", "polis",
         "--party", "vretbyhem"],
        ["--data", str(root), "activity", "new", "--title", "Trygghetsvandring", "--pledge", "1",
         "--party", "kommun", "--party", "polis", "--party", "vretbyhem", "--owner", "faltgruppen",
         "--owner", "kommunpolis", "--owner", "bovard", "--due", "2026-10-31"],
    ]
    for step in steps:
        result = runner.invoke(app, step, catch_exceptions=False)
        assert result.exit_code == 0, (step, result.output)
    return root


def _naming(text: str) -> str:
    """The lines of an output that name the police party or the field group, without markup."""
    plain = re.sub(r"<[^>]+>", "\n", text)
    lines = (" ".join(line.split()) for line in plain.splitlines())
    return "".join(f"{line}\n" for line in lines if "Polismyndigheten" in line or "Fältgruppen" in line)


def _check(name: str, text: str, update_golden: bool) -> None:
    golden = GOLDEN / name
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), name
    assert text, f"{name}: no line names the parties"
    # no list in the output runs a comma-bearing name into the names around it
    assert f"{POLICE}, Vretbyhem" not in text and f"Vretby kommun, {POLICE}" not in text
    assert f"{FIELD_GROUP}, Kommunpolis" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_report_lists_comma_bearing_party_names_with_semicolons(run, vretby, update_golden, fmt,
                                                                   lang) -> None:
    texts = []
    for kind in ("agreement", "pledges"):
        result = run("--data", str(vretby), "--lang", lang, "report", kind, "--format", fmt,
                     "--as-of", AS_OF)
        assert result.exit_code == 0, result.output
        texts.append(f"# {kind}\n{_naming(result.stdout)}")
    _check(f"report.{lang}.{fmt}.txt", "".join(texts), update_golden)


def test_the_site_lists_comma_bearing_party_names_with_semicolons(run, vretby, tmp_path,
                                                                  update_golden) -> None:
    result = run("--data", str(vretby), "site", "-o", str(tmp_path / "site"), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    pages = sorted((tmp_path / "site").glob("*.html"))
    text = "".join(f"# {page.name}\n{_naming(page.read_text(encoding='utf-8'))}" for page in pages)
    assert "samverkan mellan Vretby kommun; Polismyndigheten, lokalpolisområde Vretby; och " \
           "Vretbyhem AB." in text
    _check("site.sv.txt", text, update_golden)


@pytest.mark.parametrize(("lang", "fmt"), [("sv", "table"), ("en", "markdown")])
def test_status_lists_comma_bearing_names_with_semicolons(run, vretby, update_golden, lang,
                                                          fmt) -> None:
    result = run("--data", str(vretby), "--lang", lang, "status", "--format", fmt, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    # the terminal table wraps at 80 columns: join the owner line's continuation first
    text = result.stdout.replace(";\n  ", "; ")
    assert "Fältgruppen, socialtjänsten; Kommunpolis; Bovärd" in text
    _check(f"status.{lang}.{fmt}.txt", _naming(text), update_golden)
