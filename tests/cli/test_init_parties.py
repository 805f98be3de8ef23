"""`trygghet init` with further parties and their functions; a party's name is written as the
party writes it (a comma or 'och' in it too), and every sentence that names the parties lists
them all so that each name reads whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.terminal import terminal
from trygghet_cli.loading import load_path

NYBY = ["--name", "Nyby kommun", "--code", "0998", "--police-area", "Lokalpolisområde Nyby"]
PARTIES = "Nyby kommun, Polismyndigheten (lokalpolisområde Nyby) och Nyby Bostäder AB"


def _config(root: Path) -> dict:  # type: ignore[type-arg]
    document = load_path(root / "trygghet.yaml").document
    assert document is not None
    return document.data


def test_a_third_party_and_its_function_make_a_valid_root(run, tmp_path) -> None:
    root = tmp_path / "nyby"
    result = run("init", str(root), *NYBY, "--party", "bostader=Nyby Bostäder AB@foretag",
                 "--function", "Fältsekreterare@kommun", "--function", "bovard=Bovärd@bostader")
    assert result.exit_code == 0, result.output
    config = _config(root)
    assert config["parties"] == [
        {"id": "kommun", "name": "Nyby kommun", "kind": "kommun"},
        {"id": "polis", "name": "Polismyndigheten (lokalpolisområde Nyby)", "kind": "polis"},
        {"id": "bostader", "name": "Nyby Bostäder AB", "kind": "foretag"}]
    assert config["functions"] == [
        {"id": "faltsekreterare", "name": "Fältsekreterare", "party": "kommun"},
        {"id": "bovard", "name": "Bovärd", "party": "bostader"}]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"samverkan mellan {PARTIES} som data" in " ".join(readme.split())
    assert "kommunen och polisen" not in readme and "med polisen" not in readme
    assert run("--data", str(root), "validate").exit_code == 0


def test_every_sentence_naming_the_parties_names_all_three(run, tmp_path, monkeypatch) -> None:
    root = tmp_path / "nyby"
    assert run("init", str(root), *NYBY, "--party", "bostader=Nyby Bostäder AB@foretag").exit_code == 0
    monkeypatch.chdir(root)
    for command in (["new", "agreement", "--start", "2026-01-01", "--end", "2029-12-31",
                     "--area", "Trygg stadskärna"],
                    ["new", "pledges", "--start", "2026-01-01", "--end", "2027-12-31",
                     "--pledge", "Vi genomför trygghetsvandringar."],
                    ["activity", "new", "--title", "Trygghetsvandring", "--pledge", "ml-2026-2027-1",
                     "--party", "bostader", "--due", "2026-10-31"],
                    ["report", "agreement", "-o", "sk.html"], ["report", "pledges", "-o", "ml.md"],
                    ["site", "-o", str(tmp_path / "site"), "--as-of", "2026-07-01"]):
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
    texts = {name: (root / name).read_text(encoding="utf-8") for name in ("sk.html", "ml.md")}
    texts["site"] = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    for name, text in texts.items():
        assert PARTIES in text, name
        assert "kommunen och polisen" not in text.lower(), name


def test_party_names_with_a_comma_or_och_are_taken_as_written_and_listed_with_semicolons(
        run, tmp_path) -> None:
    root = tmp_path / "ny"
    result = run("init", str(root), *NYBY, "--party", "polis=Polismyndigheten, lokalpolisområde Nyby@polis",
                 "--party", "bostader=Nyby Bostäder och Fastigheter AB@foretag")
    assert result.exit_code == 0, result.output
    assert [p["name"] for p in _config(root)["parties"]] == [
        "Nyby kommun", "Polismyndigheten, lokalpolisområde Nyby", "Nyby Bostäder och Fastigheter AB"]
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    assert ("samverkan mellan Nyby kommun; Polismyndigheten, lokalpolisområde Nyby; och Nyby "
            "Bostäder och Fastigheter AB som data") in readme
    assert run("--data", str(root), "validate").exit_code == 0


def test_a_police_area_with_och_keeps_it_in_the_police_partys_name(run, tmp_path) -> None:
    area = ["--name", "Kils kommun", "--code", "1715", "--police-area", "Lokalpolisområde Kil och Grums"]
    made = run("init", str(tmp_path / "kil"), *area)
    assert made.exit_code == 0, made.output
    assert _config(tmp_path / "kil")["parties"][1]["name"] == ("Polismyndigheten (lokalpolisområde "
                                                               "Kil och Grums)")
    readme = " ".join((tmp_path / "kil" / "README.md").read_text(encoding="utf-8").split())
    # the 'och' inside the parentheses is the name's own: no semicolons needed
    assert ("samverkan mellan Kils kommun och Polismyndigheten (lokalpolisområde Kil och Grums) "
            "som data") in readme
    assert run("--data", str(tmp_path / "kil"), "validate").exit_code == 0


@pytest.mark.parametrize(("option", "shown"), [
    (["--party", "Nyby Bostäder AB@bolag"], "parten 'Nyby Bostäder AB@bolag': okänd typ 'bolag'"),
    (["--function", "Bovärd@bostader"], "funktionen 'Bovärd@bostader': ingen part med id 'bostader'"),
    (["--party", "b=Nyby Bostäder AB@foretag", "--party", "b=Nyby Fastigheter AB@foretag"],
     "id:t 'b' finns två gånger"),
])
def test_unknown_kinds_parties_and_repeated_ids_are_usage_errors(run, tmp_path, option, shown) -> None:
    result = run("init", str(tmp_path / "ny"), *NYBY, *option)
    assert result.exit_code == 2
    assert shown in result.stderr
    assert not (tmp_path / "ny").exists()


def test_a_party_name_with_a_comma_validates_and_its_old_code_explains_why(run, minimal_root) -> None:
    config = minimal_root / "trygghet.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    name: Polisen\n", "    name: Polisen, lokalpolisområde Exempel\n"), encoding="utf-8")
    result = run("--data", str(minimal_root), "validate")
    assert result.exit_code == 0, result.stdout
    assert "TRY411" not in result.stdout
    page = run("explain", "TRY411").stdout
    assert page.startswith("TRY411: partens namn innehåller en listavgränsare (används inte längre)\n")
    assert "Används inte längre sedan trygghet 0.2.0." in page
    assert "TRY411" not in run("explain").stdout


def test_in_a_terminal_init_asks_for_parties_and_functions_until_an_empty_answer(tmp_path) -> None:
    root = tmp_path / "nyby"
    with terminal("init", str(root), *NYBY) as term:
        for shown, answer in (
                ("Fler parter än kommunen och polisen? Skriv en i taget som Namn@typ\r\n(typ: "
                 "kommun, polis, raddningstjanst, region, foretag, forening, annan); tomt svar när "
                 "ni är klara.\r\nPart: ", "bostader=Nyby Bostäder och Fastigheter AB@foretag"),
                ("Part: ", "Länsstyrelsen i Nybylän@annan"),
                ("Part: ", ""),
                ("Ansvariga funktioner (roller, aldrig personer)? Skriv en i taget som\r\n"
                 "Namn@part (part: kommun, polis, bostader, lansstyrelsen-i-nybylan); tomt svar "
                 "när ni är klara\r\n(ingen: trygghetssamordnare och kommunpolis).\r\n"
                 "Funktion: ", "Bovärd@bostader"),
                ("Funktion: ", "")):
            term.expect(shown)
            if answer is not None:
                term.type(answer)
        term.expect("Klart.")
        assert term.exit_code() == 0, bytes(term.seen)
    config = _config(root)
    assert [p["id"] for p in config["parties"]] == ["kommun", "polis", "bostader",
                                                    "lansstyrelsen-i-nybylan"]
    assert config["functions"] == [{"id": "bovard", "name": "Bovärd", "party": "bostader"}]


def test_without_a_terminal_init_never_waits_for_input(tmp_path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("CI", None)
    # stdin is a pipe that stays open: a prompt would wait for it until the timeout
    child = subprocess.run([sys.executable, "-m", "trygghet_cli", "init", str(tmp_path / "ny"), *NYBY],
                           stdin=subprocess.PIPE, capture_output=True, text=True, env=env,
                           timeout=60, check=False)
    assert child.returncode == 0, child.stderr
    functions = _config(tmp_path / "ny")["functions"]
    assert [f["id"] for f in functions] == ["trygghetssamordnare", "kommunpolis"]


def test_in_ci_a_terminal_is_not_asked_either(tmp_path) -> None:
    with terminal("init", str(tmp_path / "ny"), "--code", "0998", env={"CI": "true"}) as term:
        term.expect("--name")
        assert term.exit_code() == 2, bytes(term.seen)
    assert not (tmp_path / "ny").exists()
