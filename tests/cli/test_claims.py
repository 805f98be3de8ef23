"""Every output says only what its data root has (issue 24): a matrix of roots that each lack
one part (tests/claims.py), and one named test per false sentence seen in published outputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.claims import THIRD_PARTY, VARIANTS, make_root, outputs, plain

# What claims a part: phrases that only a root with the part may print.
CLAIMS = {
    "agreement": ("Samverkansöverenskommelse 2024–2027", "bygger på en samverkansöverenskommelse",
                  "so-2024-2027"),
    "lagesbild": ("Lägesbild inför", "lb-2024-10", "lb-2023-10", "Problem som lägesbilden pekar ut"),
    "activities": ("Nattvandringar", "Kameraövervakning", "Hastighetskontroller"),
}
# Outputs that show the agreement itself, where its priority areas are rightly named.
AGREEMENT_OUTPUTS = ("report agreement", "site overenskommelse-", "site oppna-data", "overview",
                     "site index", "site omrade-")  # the start page and the area pages show the agreement


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Every output of every root of the matrix, rendered once for the module."""
    found = {}
    for name, variant in VARIANTS.items():
        tmp = tmp_path_factory.mktemp(name)
        found[name] = {k: plain(v) for k, v in
                       outputs(make_root(tmp, name), variant.as_of, tmp / "site").items()}
    return found


def _offending(texts: dict[str, str], phrases: tuple[str, ...]) -> list[str]:
    return [f"{name}: {phrase}" for name, text in texts.items() for phrase in phrases if phrase in text]


@pytest.mark.parametrize("variant", ["no_agreement", "no_lagesbild", "no_activities"])
def test_no_output_claims_a_part_the_root_does_not_have(rendered, variant) -> None:
    texts = rendered[variant]
    assert len(texts) > 30, sorted(texts)
    assert _offending(texts, CLAIMS[VARIANTS[variant].lacks]) == []


def test_a_root_without_areas_ties_no_pledge_to_one(rendered) -> None:
    texts = {k: v for k, v in rendered["no_areas"].items() if not k.startswith(AGREEMENT_OUTPUTS)}
    assert _offending(texts, ("Unga och brott",)) == []


def test_every_output_that_names_the_cooperation_names_all_three_parties(rendered) -> None:
    texts = rendered["three_parties"]
    cooperation = {k: v for k, v in texts.items() if "samverkan mellan" in v}
    assert len(cooperation) > 10
    assert [k for k, v in cooperation.items() if THIRD_PARTY not in v.split("samverkan mellan", 1)[1]] == []
    assert _offending(texts, ("kommunen och polisen", "(testdata) och polisen")) == []


def test_no_output_rounds_away_an_entered_digit(rendered) -> None:
    texts = rendered["two_decimals"]
    showing = {k: v for k, v in texts.items() if "Anmälda rån" in v and ("1,38" in v or "1,4" in v)}
    assert {"report lagesbild md", "report lagesbild html", "report council md"} <= set(showing)
    for name, text in showing.items():
        assert re.search(r"\b1,4\b(?!\d)", text) is None, name
        assert "1,38" in text and "1,40" in text, name


def test_no_output_calls_an_activity_without_status_not_done(rendered) -> None:
    for name, text in rendered["unknown_statuses"].items():
        if "Inte genomfört, och varför" in text:
            section = text.rsplit("Inte genomfört, och varför", 1)[1].split("Mål utan utfall", 1)[0]
            assert "Nattvandringar" not in section and "Hastighetskontroller" not in section, name
        assert "0 av 2 aktiviteter klara" not in text, name
        assert "0 av 1 aktivitet klar" not in text, name
        assert "0 % klara" not in text and "Andel klara: 0 %" not in text, name


def test_an_ended_pledge_set_is_not_presented_as_current(rendered) -> None:
    for name, text in rendered["ended_sets"].items():
        assert "Det här lovar" not in text, name
        assert "registrerade ännu" not in text, name


def test_uncertain_dates_keep_their_ca(rendered) -> None:
    texts = rendered["uncertain_dates"]
    assert "ca 31 dec 2025*" in texts["status"]
    assert "ca 31 december 2025" in texts["report pledges md"]


# --- the eight false sentences of issue 24, one named test each --------------------------

def _root(tmp_path: Path, name: str) -> Path:
    return make_root(tmp_path, name)


def test_false_sentence_1_unknown_status_is_not_listed_as_not_done(run, tmp_path) -> None:
    root = _root(tmp_path, "unknown_statuses")
    result = run("-d", str(root), "report", "yearly", "--year", "2025", "--as-of", "2025-06-01")
    not_done, unknown = result.stdout.split("## Inte genomfört, och varför")[1].split(
        "## Status inte angiven: bedömt efter målen")
    assert "Nattvandringar" not in not_done
    assert "- **Nattvandringar i centrum**: efter plan" in unknown
    assert "Ingen status anges för någon av de 2 aktiviteterna." in result.stdout


def test_false_sentence_2_start_page_claims_no_agreement_it_does_not_have(run, tmp_path) -> None:
    root = _root(tmp_path, "no_agreement")
    assert run("-d", str(root), "site", "-o", str(tmp_path / "site"), "--as-of", "2025-06-01").exit_code == 0
    start = plain((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert "samverkansöverenskommelse" not in start
    assert "Samarbetet bygger på medborgarlöften" in start


def test_false_sentence_3_an_ended_pledge_set_is_told_in_the_past(run, tmp_path) -> None:
    root = _root(tmp_path, "ended_sets")
    assert run("-d", str(root), "site", "-o", str(tmp_path / "site"), "--as-of", "2026-06-01").exit_code == 0
    start = plain((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert "Löftesperioden löpte ut 31 december 2025." in start
    assert "Det här lovar" not in start and "registrerade ännu" not in start


def test_false_sentence_4_indicator_values_keep_their_decimals(run, tmp_path) -> None:
    root = _root(tmp_path, "two_decimals")
    lagesbild = run("-d", str(root), "report", "lagesbild", "--as-of", "2025-06-01").stdout
    assert "| Hela kommunen | 2,03 | 1,40 | 1,38 |" in lagesbild
    council = run("-d", str(root), "report", "council", "--as-of", "2025-06-01").stdout
    assert "| 1,40 (2023) | 1,38 (2024) | ned |" in council


def test_false_sentence_4_no_trend_word_where_values_agree_at_their_precision(run, tmp_path) -> None:
    root = _root(tmp_path, "two_decimals")
    path = root / "situation" / "2024-10.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 1.38", "value: 1.40"), encoding="utf-8")
    council = run("-d", str(root), "report", "council", "--as-of", "2025-06-01").stdout
    assert "| 1,40 (2023) | 1,40 (2024) | oförändrad |" in council


def test_false_sentence_5_law_not_in_force_before_1_july_2023(run) -> None:
    result = run("-d", str(Path(__file__).parents[1] / "fixtures" / "exempelby"),
                 "check", "law", "--as-of", "2023-06-30")
    assert "Per 30 juni 2023 gällde den ännu inte, så inget krav bedöms." in " ".join(result.stdout.split())
    assert "[uppfyllt]" not in result.stdout


def test_false_sentence_5_a_situation_file_without_the_three_parts_is_no_lagesbild(run, tmp_path) -> None:
    root = _root(tmp_path, "no_lagesbild")
    (root / "situation").mkdir()
    (root / "situation" / "2025.yaml").write_text(
        "id: enkat-2025\ntitle: Trygghetsenkäten i lokaltidningen\ndate: 2025-03-01\n"
        "mapping:\n  summary: Fler känner sig trygga än förra året.\n", encoding="utf-8")
    result = run("-d", str(root), "check", "law", "--as-of", "2025-06-01", "-f", "json")
    import json

    verdicts = {r["requirement"]: r for r in json.loads(result.stdout)["requirements"]}
    assert verdicts["situation"]["verdict"] == "not_recorded"
    assert "Trygghetsenkäten i lokaltidningen" in verdicts["situation"]["reason"]


def test_false_sentence_5_a_year_only_date_is_judged_uncertain(run, tmp_path) -> None:
    root = _root(tmp_path, "uncertain_dates")
    result = run("-d", str(root), "check", "law", "--as-of", "2026-06-01")
    assert "om den är högst 24 månader gammal är osäkert" in " ".join(result.stdout.split())
    assert "om den ligger inom 12 månader är osäkert" in " ".join(result.stdout.split())
    assert "[uppfyllt] Aktuell lägesbild" not in result.stdout
    assert "[uppfyllt] Rapport till kommunfullmäktige" not in result.stdout


def test_false_sentence_6_a_problem_with_a_reason_is_no_gap(run, tmp_path) -> None:
    root = _root(tmp_path, "two_decimals")
    path = root / "pledges" / "2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("situation: lb-2023-10", "situation: lb-2024-10"), encoding="utf-8")
    result = run("-d", str(root), "status", "--by", "problem", "--as-of", "2025-06-01")
    block = result.stdout.split("p-est-unga")[1]
    assert "Ingen åtgärd: lägesbilden anger skälet" in block
    assert "LUCKA" not in block


def test_false_sentence_7_footers_name_every_party(run, tmp_path) -> None:
    root = _root(tmp_path, "three_parties")
    for kind in ("lagesbild", "council"):
        result = run("-d", str(root), "report", kind, "--as-of", "2025-06-01")
        assert result.stdout.rstrip().endswith("samverkan mellan Exempelby kommun, Polisen "
                                               "(lokalpolisområde Exempelby) och Exempelbyhem AB."), kind


def test_false_sentence_8_an_uncertain_end_is_not_told_as_certain(run, tmp_path) -> None:
    root = _root(tmp_path, "uncertain_dates")
    result = run("-d", str(root), "status", "--as-of", "2026-03-01")
    assert "troligen avslutad (slutdatumet är osäkert)" in " ".join(result.stdout.split())
    assert "ca 31 dec 2025*" in result.stdout
