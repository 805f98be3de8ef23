"""`new agreement`, `new pledges` and `activity new` on a root with nothing yet; Swedish words."""

from __future__ import annotations

from pathlib import Path

import pytest

from trygghet_cli.loading import load_path


@pytest.fixture
def fresh(run, tmp_path: Path) -> Path:
    """A root just made by `trygghet init`."""
    root = tmp_path / "kommun"
    result = run("init", str(root), "--name", "Exempelby kommun", "--code", "0999",
                 "--police-area", "Lokalpolisområde Exempelby", "--district", "norr=Norr")
    assert result.exit_code == 0, result.output
    return root


def _data(path: Path) -> dict:
    document = load_path(path).document
    assert document is not None
    return document.data


def test_new_pledges_of_any_length_not_following_calendar_years(run, fresh) -> None:
    result = run("--data", str(fresh), "new", "pledges", "--start", "2026-09-01", "--end",
                 "2027-08-31", "--pledge", "Fler vuxna ute på kvällarna.")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Skapade medborgarlöften ml-2026-09-2027-08 med 1 löfte "
                             "(ml-2026-09-2027-08-1) i pledges/2026-09-2027-08.yaml\n")
    data = _data(fresh / "pledges" / "2026-09-2027-08.yaml")
    assert data["period"] == {"start": "2026-09-01", "end": "2027-08-31"}
    assert data["pledges"][0]["parties"] == ["kommun", "polis"]
    assert "agreement" not in data


def test_the_next_pledges_follow_the_latest_with_the_same_length(run, fresh) -> None:
    assert run("--data", str(fresh), "new", "agreement", "--start", "2026-01-01", "--end",
               "2029-12-31", "--area", "Trygg stadskärna").exit_code == 0
    assert run("--data", str(fresh), "new", "pledges", "--start", "2026-01-01", "--end",
               "2027-12-31", "--pledge", "Ett löfte.").exit_code == 0
    result = run("--data", str(fresh), "new", "pledges", "--pledge", "Nästa löfte.")
    assert result.exit_code == 0, result.output
    data = _data(fresh / "pledges" / "2028-2029.yaml")
    assert data["period"] == {"start": "2028-01-01", "end": "2029-12-31"}
    assert data["agreement"] == "sk-2026-2029"


def test_a_pledge_file_that_exists_is_a_usage_error_and_nothing_is_written(run, fresh) -> None:
    args = ["--data", str(fresh), "new", "pledges", "--start", "2026-01-01", "--end", "2027-12-31",
            "--pledge", "Ett löfte."]
    assert run(*args).exit_code == 0
    before = (fresh / "pledges" / "2026-2027.yaml").read_bytes()
    again = run(*args)
    assert again.exit_code == 2
    assert again.stderr.splitlines()[0] == "trygghet: pledges/2026-2027.yaml finns redan"
    assert (fresh / "pledges" / "2026-2027.yaml").read_bytes() == before


def test_an_agreement_needs_an_area_and_says_so_in_swedish(run, fresh) -> None:
    result = run("--data", str(fresh), "new", "agreement")
    assert result.exit_code == 2
    assert "överenskommelsen behöver minst ett prioriterat område" in result.stderr
    assert not list((fresh / "agreements").glob("*.yaml"))


def test_activity_new_creates_the_list_and_swedish_status_words_work(run, fresh) -> None:
    data = ["--data", str(fresh)]
    assert run(*data, "new", "pledges", "--start", "2026-01-01", "--end", "2027-12-31",
               "--pledge", "Ett löfte.").exit_code == 0
    made = run(*data, "activity", "new", "--title", "Vandring", "--pledge", "ml-2026-2027-1",
               "--party", "kommun", "--target-kind", "rate", "--target-text", "En i veckan",
               "--target-value", "1", "--target-per", "vecka")
    assert made.exit_code == 0, made.output
    assert made.stdout == "Ny aktivitet a2026-01 (planerad): Vandring, i activities/2026-2027.yaml\n"
    activity = _data(fresh / "activities" / "2026-2027.yaml")["activities"][0]
    assert activity["status"] == "planned"
    assert activity["targets"][0]["per"] == "week"
    done = run(*data, "activity", "set-status", "a2026-01", "klar", "--date", "2026-10-15")
    assert done.exit_code == 0, done.output
    assert done.stdout == "a2026-01: planerad → klar, slutförd 15 okt 2026\n"
    shown = run(*data, "status", "--as-of", "2026-11-01", "--status", "klar")
    assert shown.exit_code == 0, shown.output
    assert "Vandring" in shown.stdout
    wrong = run(*data, "activity", "set-status", "a2026-01", "färdig")
    assert wrong.exit_code == 2
    assert "okänd status 'färdig'" in wrong.stderr


def test_new_agreement_takes_follow_up_responsible_functions_and_the_signing(run, fresh) -> None:
    result = run("--data", str(fresh), "new", "agreement", "--start", "2026-01-01", "--end", "2029-12-31",
                 "--area", "Trygg stadskärna", "--responsible", "trygghetssamordnare",
                 "--follow-up", "Årlig rapport till kommunstyrelsen", "--follow-up-every", "yearly",
                 "--signed", "2025-12-15", "--signed-by", "kommundirektör",
                 "--signed-by", "lokalpolisområdeschef")
    assert result.exit_code == 0, result.output
    data = _data(fresh / "agreements" / "2026-2029.yaml")
    assert data["signed"] == {"date": "2025-12-15", "roles": ["kommundirektör", "lokalpolisområdeschef"]}
    assert data["follow_up"] == {"description": "Årlig rapport till kommunstyrelsen", "frequency": "yearly"}
    assert data["priority_areas"][0]["responsible"] == ["trygghetssamordnare"]
    assert run("--data", str(fresh), "validate").exit_code == 0
    # Written in the schema's key order, so `fmt --check` in the hooks passes on it as it is.
    assert run("--data", str(fresh), "fmt", "--check").exit_code == 0


@pytest.mark.parametrize(("given", "stored"), [
    ("varje månad", "monthly"), ("Tertialvis", "tertial"), ("per löftesperiod", "per-period"),
    ("halvårsvis", "half-yearly")])
def test_follow_up_interval_is_taken_in_swedish_and_stored_as_its_code(run, fresh, given, stored) -> None:
    result = run("--data", str(fresh), "new", "pledges", "--pledge", "Fler vuxna ute på kvällarna.",
                 "--start", "2026-01-01", "--end", "2027-12-31", "--follow-up-every", given)
    assert result.exit_code == 0, result.output
    assert _data(fresh / "pledges" / "2026-2027.yaml")["follow_up"] == {"frequency": stored}


def test_new_pledges_take_follow_up_and_a_month_only_signing(run, fresh) -> None:
    result = run("--data", str(fresh), "new", "pledges", "--pledge", "Fler vuxna ute på kvällarna.",
                 "--start", "2026-01-01", "--end", "2027-12-31", "--signed", "2026-02",
                 "--follow-up-every", "half-yearly")
    assert result.exit_code == 0, result.output
    data = _data(fresh / "pledges" / "2026-2027.yaml")
    assert (data["signed"], data["follow_up"]) == ({"date": "2026-02"}, {"frequency": "half-yearly"})
    assert run("--data", str(fresh), "fmt", "--check").exit_code == 0


@pytest.mark.parametrize(("args", "said"), [
    (("--responsible", "borgmastare"), "okänd funktion 'borgmastare'"),
    (("--signed-by", "kommundirektör"), "--signed-by kräver --signed"),
    (("--follow-up-every", "ibland"), "--follow-up-every: okänt intervall 'ibland'"),
    (("--follow-up-every", "ibland"), "ange ett av: varje vecka/weekly, varje månad/monthly"),
    (("--signed", "2025-13"), "--signed"),
])
def test_bad_new_agreement_details_are_usage_errors_and_nothing_is_written(run, fresh, args, said) -> None:
    result = run("--data", str(fresh), "new", "agreement", "--area", "Trygg stadskärna", *args)
    assert result.exit_code == 2
    assert said in result.output
    assert not list((fresh / "agreements").glob("*.yaml"))
