"""Issue #23 part 1: the README's first period plus two activities, and pledges by number."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import edit_sequences as es
from trygghet_cli.loading import load_path


@pytest.fixture
def first_period(run, tmp_path: Path) -> Path:
    """The README's first-period commands, up to the first outcome."""
    root = tmp_path / "exempelby"
    es.fresh(root, run)
    data = ["--data", str(root)]
    for args in (["activity", "new", "--title", "Trygghetsvandring i Norr", "--pledge",
                  "ml-2026-2027-1", "--party", "kommun", "--party", "polis", "--owner",
                  "trygghetssamordnare", "--district", "norr", "--due", "2026-10-31",
                  "--target-kind", "at_least", "--target-text", "Minst fyra trygghetsvandringar",
                  "--target-value", "4", "--target-unit", "trygghetsvandringar"],
                 ["activity", "new", "--title", "Helgpatrull i centrum", "--pledge", "ml-2026-2027-2",
                  "--party", "polis", "--owner", "kommunpolis", "--target-kind", "rate",
                  "--target-text", "En patrull varje helg", "--target-value", "1",
                  "--target-per", "vecka"],
                 ["activity", "set-status", "a2026-01", "pågår"],
                 ["activity", "outcome", "a2026-01", "2", "--date", "2026-06-30", "--kind", "delrapport"]):
        result = run(*data, *args)
        assert result.exit_code == 0, result.output
    return root


def test_outcomes_that_repeat_the_lines_above_them_are_written(run, first_period: Path) -> None:
    data = ["--data", str(first_period)]
    for args in (["activity", "new", "--title", "C", "--pledge", "1", "--party", "kommun",
                  "--target-kind", "minst", "--target-text", "Minst 3", "--target-value", "3"],
                 ["activity", "new", "--title", "D", "--pledge", "2", "--party", "kommun",
                  "--target-kind", "minst", "--target-text", "Minst 5", "--target-value", "5"],
                 ["activity", "outcome", "a2026-01", "2", "--date", "2026-06-15", "--kind", "delrapport"],
                 ["activity", "outcome", "a2026-01", "1", "--date", "2026-06-20", "--kind", "delrapport"]):
        result = run(*data, *args)
        assert result.exit_code == 0, result.output
    assert result.stdout == "a2026-01: utfall 1 (delrapport), 20 jun 2026\n"
    assert result.stderr == ""  # no warning the root had before
    document = load_path(first_period / "activities" / "2026-2027.yaml").document
    assert document is not None
    outcomes = document.data["activities"][0]["targets"][0]["outcomes"]
    assert [(o["value"], o["date"]) for o in outcomes] == [(2, "2026-06-30"), (2, "2026-06-15"),
                                                           (1, "2026-06-20")]
    assert [a["pledges"] for a in document.data["activities"][2:]] == [["ml-2026-2027-1"],
                                                                      ["ml-2026-2027-2"]]


def test_a_result_takes_the_pledge_by_its_number_in_the_period(run, first_period: Path) -> None:
    result = run("--data", str(first_period), "activity", "result", "Nya grannsamverkansgrupper",
                 "--value", "6", "--date", "2026", "--pledge", "2")
    assert result.exit_code == 0, result.output
    document = load_path(first_period / "activities" / "2026-2027.yaml").document
    assert document is not None
    assert document.data["results"] == [{"text": "Nya grannsamverkansgrupper", "value": 6,
                                         "date": "2026", "pledge": "ml-2026-2027-2"}]


@pytest.mark.parametrize("command", [
    ["activity", "new", "--title", "E", "--party", "kommun", "--pledge", "7"],
    ["activity", "result", "Möten", "--date", "2026", "--pledge", "7"],
    ["status", "--as-of", "2026-07-01", "--pledge", "7"],
])
def test_a_pledge_number_past_the_last_says_which_numbers_there_are(run, first_period: Path,
                                                                   command: list[str]) -> None:
    before = {p: p.read_bytes() for p in first_period.rglob("*.yaml")}
    result = run("--data", str(first_period), *command)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "trygghet: löfte 7 finns inte; perioden har löfte 1–2",
        "  tips: ange löftets nummer i ml-2026-2027 (1–2) eller dess id"]
    assert {p: p.read_bytes() for p in first_period.rglob("*.yaml")} == before


def test_a_pledge_number_before_the_first_list_exists_names_no_file(run, tmp_path: Path) -> None:
    root = tmp_path / "exempelby"
    es.fresh(root, run)
    result = run("--data", str(root), "--lang", "en", "activity", "new", "--title", "E",
                 "--party", "kommun", "--pledge", "4")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == \
        "trygghet: pledge 4 does not exist; the period has pledges 1–2"
    assert not (root / "activities" / "2026-2027.yaml").exists()


def test_a_new_activity_already_done_or_delayed_lands(run, first_period: Path) -> None:
    data = ["--data", str(first_period), "activity", "new", "--party", "kommun", "--pledge", "1"]
    done = run(*data, "--title", "Klar redan", "--status", "klar")
    assert done.exit_code == 0, done.output
    delayed = run(*data, "--title", "Sen", "--status", "försenad", "--reason", "Väntar på budget")
    assert delayed.exit_code == 0, delayed.output
    missing = run(*data, "--title", "Utan orsak", "--status", "inställd")
    assert missing.exit_code == 2
    document = load_path(first_period / "activities" / "2026-2027.yaml").document
    assert document is not None
    new = document.data["activities"][-2:]
    assert new[0]["status"] == "done" and "completed" in new[0]
    assert (new[1]["status"], new[1]["reason"]) == ("delayed", "Väntar på budget")


def test_the_safety_net_speaks_swedish_when_an_edit_would_read_back_wrong(
        run, first_period: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from trygghet_cli.editing import roundtrip

    real = roundtrip.Editor.result

    def wrong(self: roundtrip.Editor) -> roundtrip.EditResult:
        result = real(self)
        return roundtrip.EditResult(result.text, {"not": "this"}, result.ops, result.old_lines,
                                    result.new_lines)

    monkeypatch.setattr(roundtrip.Editor, "result", wrong)
    before = (first_period / "activities" / "2026-2027.yaml").read_bytes()
    result = run("--data", str(first_period), "activity", "set-status", "a2026-02", "klar")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1] == ("  tips: det här är ett fel i trygghet, inte i era "
                                             "data: rapportera det gärna, med kommandot ni körde")
    assert "läsas som andra data än ändringen avsåg; ingenting skrevs" in result.stderr
    assert (first_period / "activities" / "2026-2027.yaml").read_bytes() == before


def test_the_first_activity_in_an_empty_crlf_list_keeps_its_line_breaks(run, tmp_path: Path) -> None:
    # Found by the nightly edit sequences: `activities: []` (a period that carried nothing over)
    # in a file written on Windows; the list is written again, in the file's own line breaks.
    root = tmp_path / "exempelby"
    es.fresh(root, run)
    path = root / "activities" / "2026-2027.yaml"
    path.write_bytes(b"# Aktiviteter\r\nid: al-2026-2027\r\npledge_set: ml-2026-2027\r\nactivities: []\r\n")
    result = run("--data", str(root), "activity", "new", "--title", "Nattvandring", "--pledge", "1",
                 "--party", "kommun", "--list", "al-2026-2027")
    assert result.exit_code == 0, result.output
    written = path.read_bytes()
    assert written.startswith(b"# Aktiviteter\r\nid: al-2026-2027\r\n")
    assert b"title: Nattvandring\r\n" in written and written.count(b"\n") == written.count(b"\r\n")
